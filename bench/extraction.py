"""Benchmark the HTML path against trafilatura called directly, and publication dates against htmldate.

Prints figures; asserts nothing. Reads ../shared/data/extraction-bench/ (see its SOURCES.md):
- scrapinghub-aeb: precision, recall and F1 of 4-token shingles of \\w+ tokens (per-page normalised
  TP/FP/FN, macro-averaged P and R, F1 from the two averages), and pages/s;
- htmldate-mediacloud2020: share of pages whose publication date is right.

Usage: python bench/extraction.py [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import trafilatura
from htmldate import find_date

from dateline.extract import extract_article
from dateline.model import RawDocument
from dateline.settings import Settings

BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "extraction-bench"
_TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def score(pairs: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Macro-averaged precision, recall and F1 over (predicted, expected) texts."""
    tps = fps = fns = 0.0
    for predicted, expected in pairs:
        got, want = shingles(predicted), shingles(expected)
        tp, fp, fn = len(got & want), len(got - want), len(want - got)
        total = tp + fp + fn
        if total:
            tps, fps, fns = tps + tp / total, fps + fp / total, fns + fn / total
    precision = tps / (tps + fps) if tps + fps else 0.0
    recall = tps / (tps + fns) if tps + fns else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def timed(func: Callable[[str], str], pages: list[str]) -> tuple[list[str], float]:
    start = time.perf_counter()
    texts = [func(html) for html in pages]
    return texts, len(pages) / (time.perf_counter() - start)


def dateline_text(html: str) -> str:
    raw = RawDocument(source="bench", format="html", content=html, content_type="html")
    try:
        return extract_article(raw, SETTINGS).text
    except Exception:  # a page without text scores zero, as trafilatura's None does
        return ""


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html) or ""


def trafilatura_with_metadata(html: str) -> str:
    """trafilatura doing the same job as dateline: main text plus title, date, authors..."""
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    return (doc.text or "") if doc is not None else ""


def dateline_date(html: str, url: str) -> str | None:
    raw = RawDocument(source=url, format="html", content=html, content_type="html", url=url)
    try:
        published = extract_article(raw, SETTINGS).published
    except Exception:  # scored as no date
        return None
    return published.date.isoformat() if published and published.date else None


SETTINGS = Settings()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    args = parser.parse_args()
    if not BENCH.exists():
        print(f"needs {BENCH} (the team's shared/ folder beside this checkout)")
        return 1
    aeb = BENCH / "scrapinghub-aeb"
    truth = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit]
    pages = [gzip.decompress((aeb / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8") for k in keys]
    expected = [truth[k]["articleBody"] for k in keys]
    dateline_text(pages[0])  # load resources once, outside the timing
    print(f"Article extraction, scrapinghub-aeb ({len(pages)} pages)")
    print(f"{'extractor':<24}{'precision':>10}{'recall':>10}{'F1':>8}{'pages/s':>10}")
    results = {}
    runs = (
        ("trafilatura.extract", trafilatura_text),
        ("trafilatura + metadata", trafilatura_with_metadata),
        ("dateline", dateline_text),
    )
    for name, func in runs:
        texts, rate = timed(func, pages)
        p, r, f = score(list(zip(texts, expected, strict=True)))
        results[name] = rate
        print(f"{name:<24}{p:>10.3f}{r:>10.3f}{f:>8.3f}{rate:>10.1f}")
    for name in ("trafilatura.extract", "trafilatura + metadata"):
        print(f"dateline speed relative to {name}: {results['dateline'] / results[name]:.2f}x")

    hd = BENCH / "htmldate-mediacloud2020"
    gold = json.loads((hd / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    items = [(url, v["file"], v["date"]) for url, v in gold.items() if isinstance(v.get("date"), str)]
    items = items[: args.limit]
    right = {"htmldate.find_date": 0, "dateline": 0}
    for url, file, date in items:
        html = gzip.decompress((hd / "html" / f"{file}.gz").read_bytes()).decode("utf-8", "replace")
        right["htmldate.find_date"] += find_date(html, url=url, original_date=True) == date
        right["dateline"] += dateline_date(html, url) == date
    print(f"\nPublication date, htmldate-mediacloud2020 ({len(items)} pages with a gold date)")
    for name, count in right.items():
        print(f"{name:<24}{count / len(items):>10.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
