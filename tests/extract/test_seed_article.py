"""The canonical case: every Article field of shared/examples/seed-article.expected.md."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import extract
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def seed():
    return extract(shared_file("examples/seed-article.txt").read_text(encoding="utf-8"))


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").split())


def test_title(seed):
    assert _plain(seed.title) == (
        "The US State Department praises Al-Kazemi's leadership approach and his courage in facing challenges"
    )


def test_published_is_day_first_with_evidence(seed):
    assert seed.published.date == dt.date(2021, 11, 7)
    assert seed.published.time == dt.time(19, 28)
    assert seed.published.precision == "minute"
    assert seed.published.order == "day-first"
    assert "November 7, 2021" in seed.published.evidence


def test_header_metadata(seed):
    assert seed.section == "Iraq"
    assert seed.read_count == 40
    assert seed.dateline_place == "Baghdad"
    assert seed.outlet == "Obelisk / Al-Masala"
    assert seed.language == "en"


def test_ten_body_paragraphs_exactly(seed):
    raw = shared_file("examples/seed-article.txt").read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(raw) if line.startswith("Baghdad / Obelisk:"))
    end = next(i for i, line in enumerate(raw) if line.rstrip().endswith("for the sake of Iraq."))
    expected = [" ".join(line.split()) for line in raw[start : end + 1] if line.strip()]
    assert len(expected) == 10
    assert seed.paragraphs == expected
    assert not any("number of readings" in p for p in seed.paragraphs)


def test_comment_form_removed_with_reason(seed):
    removed = {block.text: block.reason for block in seed.removed}
    assert removed["Leave a Reply"] == "comment-form"
    assert removed["Connecting to %s"] == "comment-form"
    assert "Twitter picture" in removed and "Facebook photo" in removed
    assert not any(p.startswith(("Twitter picture", "Facebook photo")) for p in seed.paragraphs)
    assert {b.reason for b in seed.removed if "commenting using" in b.text} == {"comment-form"}
