"""End-to-end benchmark: extract, parse, actors, places and events, against bare spaCy nlp.pipe.

Prints articles/s and peak memory per process with 1 and 2 processes on the same texts from
../shared/data/news-corpus/ (Wikinews and Global Voices). Asserts nothing. Each run happens in a
fresh subprocess so that peak memory is its own.

Usage: python bench/pipeline.py [--docs N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nlp import bench_main, load_texts, peak_mb, report


def run(variant: str, procs: int, count: int) -> dict:
    texts = load_texts(count)
    if variant == "spacy":
        import spacy

        from dateline.settings import Settings

        nlp = spacy.load(Settings().spacy_model, exclude=["senter"])
        nlp("warm up")
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32, n_process=procs):
            pass
        seconds = time.perf_counter() - start
        events = 0
    else:
        from dataclasses import replace

        from dateline.analysis import AnalysisPool
        from dateline.pipeline import extract
        from dateline.settings import Settings

        settings = replace(Settings(), workers=procs)
        with AnalysisPool(settings) as pool:
            pool.analyse([extract(texts[0], settings=settings, analyse=False)])  # load outside the timing
            start = time.perf_counter()
            events = 0
            for i in range(0, len(texts), 64):
                articles = [extract(t, settings=settings, analyse=False) for t in texts[i : i + 64]]
                events += sum(len(a.events) for a in pool.analyse(articles))
            seconds = time.perf_counter() - start
    own, children = peak_mb()
    return {"variant": variant, "procs": procs, "docs": len(texts), "seconds": seconds, "events": events,
            "own_mb": own, "child_mb": children}


def main() -> int:
    rows = bench_main(__doc__, __file__, run, default_docs=300)
    if rows is None:
        return 0
    if not rows:
        return 1
    print(f"End to end on {rows[0]['docs']} news articles")
    report(rows, "dateline end to end", "events", lambda row: row["events"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
