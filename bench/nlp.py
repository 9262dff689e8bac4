"""Benchmark the analysis stage (spaCy parse + actors + places) against bare spaCy nlp.pipe.

Prints articles/s and peak memory per process, with 1 and 2 processes, on the same texts from
../shared/data/news-corpus/ (Wikinews and Global Voices). Asserts nothing. Each run happens in a
fresh subprocess so that peak memory is its own.

Usage: python bench/nlp.py [--docs N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news-corpus"
FILES = ("wikinews_en.jsonl.gz", "globalvoices_en.jsonl.gz")


def load_texts(count: int) -> list[str]:
    texts: list[str] = []
    for name in FILES:
        with gzip.open(CORPUS / name, "rt", encoding="utf-8") as handle:
            for line in handle:
                text = json.loads(line).get("text") or ""
                if text.strip():
                    texts.append(text)
                if len(texts) >= count * (FILES.index(name) + 1) // len(FILES):
                    break
    return texts[:count]


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run(variant: str, procs: int, count: int) -> dict:
    texts = load_texts(count)
    words = sum(len(t.split()) for t in texts)
    if variant == "spacy":
        import spacy

        from dateline.settings import Settings

        nlp = spacy.load(Settings().spacy_model, exclude=["senter"])
        nlp("warm up")
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32, n_process=procs):
            pass
        seconds = time.perf_counter() - start
    else:
        from dataclasses import replace

        from dateline.analysis import AnalysisPool
        from dateline.model import Article
        from dateline.settings import Settings

        articles = [
            Article(id=str(i), source="bench", format="text", paragraphs=[p for p in t.split("\n\n") if p.strip()])
            for i, t in enumerate(texts)
        ]
        with AnalysisPool(replace(Settings(), workers=procs)) as pool:
            pool.analyse(articles[:2])  # load the resources outside the timing
            start = time.perf_counter()
            for i in range(0, len(articles), 64):
                pool.analyse(articles[i : i + 64])
            seconds = time.perf_counter() - start
    own, children = peak_mb()
    return {"variant": variant, "procs": procs, "docs": len(texts), "words": words, "seconds": seconds,
            "own_mb": own, "child_mb": children}


def run_children(script: str, docs: int) -> list[dict]:
    """Each variant (bare spaCy, dateline) with 1 and 2 processes, each in a fresh subprocess."""
    rows = []
    for procs in (1, 2):
        for variant in ("spacy", "dateline"):
            out = subprocess.run(
                [sys.executable, script, "--docs", str(docs), "--child", variant, str(procs)],
                capture_output=True, text=True, check=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def main() -> int:
    rows = bench_main(__doc__, __file__, run, default_docs=400)
    if rows is None:
        return 0
    if not rows:
        return 1
    print(f"Analysis stage on {rows[0]['docs']} news articles ({rows[0]['words']:,} words)")
    report(rows, "dateline analysis", "words/s", lambda row: f"{row['words'] / row['seconds']:.0f}")
    return 0


def bench_main(doc: str, script: str, run_one, default_docs: int) -> list[dict] | None:
    """The command line both benchmarks share: as a child, time one variant and print it (None);
    as the parent, run every child and return their rows ([] when the corpus is missing)."""
    parser = argparse.ArgumentParser(description=doc.split("\n")[0])
    parser.add_argument("--docs", type=int, default=default_docs)
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "PROCS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child[0], int(args.child[1]), args.docs)))
        return None
    if not CORPUS.exists():
        print(f"needs {CORPUS} (the team's shared/ folder beside this checkout)")
        return []
    return run_children(script, args.docs)


def report(rows: list[dict], ours: str, column: str, value) -> None:
    """The table both benchmarks print: articles/s, one column of their own, peak memory, and our
    speed as a share of bare spaCy's with 1 and 2 processes."""
    print(f"{'run':<32}{'articles/s':>11}{column:>10}{'peak MB/process':>17}")
    rate = {}
    for row in rows:
        rate[(row["variant"], row["procs"])] = row["docs"] / row["seconds"]
        peak = max(row["own_mb"], row["child_mb"]) if row["procs"] > 1 else row["own_mb"]
        name = f"{'bare spaCy nlp.pipe' if row['variant'] == 'spacy' else ours}, {row['procs']} proc"
        print(f"{name:<32}{rate[(row['variant'], row['procs'])]:>11.1f}{value(row):>10}{peak:>17.0f}")
    for procs in (1, 2):
        ratio = rate[("dateline", procs)] / rate[("spacy", procs)]
        print(f"dateline / bare spaCy with {procs} process(es): {ratio:.2f}x")


if __name__ == "__main__":
    sys.exit(main())
