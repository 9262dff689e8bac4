"""The bundled sample (what `make run` processes) extracts cleanly, with the dates and titles
that docs/samples.md records for each page."""

from __future__ import annotations

import re

import pytest

from dateline.pipeline import process
from dateline.settings import Settings
from dateline.store import Store
from tests.conftest import ROOT


def _expected() -> dict[str, tuple[str, str]]:
    """source suffix -> (published up to the minute, title), read from the docs table."""
    rows: dict[str, tuple[str, str]] = {}
    for line in (ROOT / "docs" / "samples.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        if len(cells) != 4 or not cells[0].startswith("`"):
            continue
        name = cells[0].split("`")[1]
        item = re.search(r"\((line|item) (\d+)\)", cells[0])
        key = f"{name}:{item.group(2)}" if item and item.group(1) == "line" else name
        if item and item.group(1) == "item":
            key = f"{name}#item={item.group(2)}"
        rows[key] = (cells[2][:16], cells[3])
    return rows


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    settings = Settings(db=str(tmp_path_factory.mktemp("samples") / "samples.duckdb"))
    with Store(settings.db) as store:
        summary = process([str(ROOT / "samples")], store, settings)
        articles = {a.source.split("/samples/")[-1]: a for a in store.articles()}
    return summary, articles


def test_every_sample_is_stored_without_failure(stored):
    summary, articles = stored
    assert summary.failures == []
    assert len(articles) == summary.documents >= 15
    formats = {a.format for a in articles.values()}
    assert {"html", "text", "jsonl", "rss"} <= formats


def test_dates_and_titles_match_the_sample_notes(stored):
    _, articles = stored
    expected = _expected()
    assert len(expected) == len(articles)
    for key, (published, title) in expected.items():
        article = articles[key]
        assert article.title == title, key
        got = article.published.isoformat()
        assert got == published[: len(got)] and len(got) >= 10, key


def test_removed_boilerplate_has_reasons(stored):
    _, articles = stored
    pages = [a for a in articles.values() if a.format in ("html", "text")]
    assert all(a.removed for a in pages)
    reasons = {r.reason for a in pages for r in a.removed}
    assert {"comment-form", "navigation", "copyright-footer", "share-buttons"} <= reasons
