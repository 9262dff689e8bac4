"""Our scraped-text pages in other site styles: every expected field of each fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import extract
from tests.conftest import FIXTURES

PAGES = sorted((FIXTURES / "scraped").glob("*.txt"))


def _fields(article) -> dict:
    p = article.published
    return {
        "title": article.title,
        "published": p.isoformat() if p else None,
        "published_candidates": [d.isoformat() for d in p.candidates] if p else [],
        "date_precision": p.precision if p else None,
        "date_order": p.order if p else None,
        "timezone": p.timezone if p else None,
        "section": article.section,
        "authors": article.authors,
        "read_count": article.read_count,
        "dateline_place": article.dateline_place,
        "outlet": article.outlet,
        "tags": article.tags,
        "paragraphs": article.paragraphs,
    }


def test_there_are_enough_pages():
    assert len(PAGES) >= 12
    orders = {json.loads(p.with_suffix(".expected.json").read_text())["date_order"] for p in PAGES}
    assert "month-first" in orders and "day-first" in orders


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_fields(page: Path):
    expected = json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))
    article = extract(page.read_text(encoding="utf-8"))
    got = _fields(article)
    for key, value in got.items():
        assert value == expected[key], f"{page.name}: {key}"
    reasons = {block.reason for block in article.removed}
    assert set(expected["removed_reasons"]) <= reasons, f"{page.name}: removed reasons"


def test_ambiguous_date_is_not_guessed():
    article = extract("Talks resume\n\n03/04/2022\n\nThe two delegations met again in the capital to resume talks.\n")
    assert article.published.date is None
    assert article.published.precision == "ambiguous"
    assert [d.isoformat() for d in article.published.candidates] == ["2022-03-04", "2022-04-03"]
    assert "nothing on the page decides" in article.published.evidence


def test_caller_metadata_wins():
    text = "Talks resume\n\n03/04/2022\n\nThe two delegations met again in the capital to resume talks.\n"
    article = extract(text, url="https://news.example.test/a", published="2022-04-03", title="Given title")
    assert article.title == "Given title"
    assert article.published.date.isoformat() == "2022-04-03"
    assert article.published.evidence.startswith("given")
    assert article.url == "https://news.example.test/a"


def test_bare_paragraph_with_known_date():
    article = extract("The foreign minister arrived in Cairo on Monday for talks on the border crisis.",
                      published="2024-05-06")
    assert article.paragraphs == ["The foreign minister arrived in Cairo on Monday for talks on the border crisis."]
    assert article.published.date.isoformat() == "2024-05-06"
