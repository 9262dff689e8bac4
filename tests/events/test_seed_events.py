"""Acceptance: events 1 to 9 of seed-article.expected.md, and nothing on its "must not" list."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline import extract
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def events():
    article = extract(shared_file("examples/seed-article.txt").read_text(encoding="utf-8"))
    return [e for e in article.events if e.factual]


def _has(events, source: str | None, roots: set[str], target: str | None) -> bool:
    for e in events:
        src = e.source.code if e.source else ""
        tgt = e.target.code if e.target else ""
        same_source = source is None or src.startswith(source)
        if e.root in roots and same_source and (target is None or tgt.startswith(target)):
            return True
    return False


@pytest.mark.parametrize(
    ("number", "source", "roots", "target"),
    [
        (1, None, {"18", "19"}, "IRQGOV"),  # the drone attack and failed assassination attempt
        (2, "USAGOV", {"04"}, "IRQGOV"),  # Blinken's phone call
        (3, "USAGOV", {"11"}, None),  # concern over the attack
        (4, "USAGOV", {"05"}, "IRQGOV"),  # appreciation of his leadership
        (5, "IRQGOV", {"03"}, "USAGOV"),  # keenness to strengthen relations, each way
        (5, "USAGOV", {"03"}, "IRQGOV"),
        (6, "GBRGOV", {"04"}, "IRQGOV"),  # Johnson's phone call
        (7, "GBRGOV", {"11"}, None),  # condemnation of the attack
        (8, "GBR", {"05", "01"}, "IRQ"),  # support for Iraq and its government
        (9, "IRQGOV", {"03"}, "GBR"),  # partnership with Britain
    ],
)
def test_expected_events(events, number: int, source: str | None, roots: set[str], target: str | None):
    assert _has(events, source, roots, target), f"event {number}"


def test_the_assassination_attempt_is_flagged_and_placed(events):
    attempt = next(e for e in events if e.code == "185")
    assert attempt.attempted and attempt.source.inferred and attempt.target.code == "IRQGOV"
    assert attempt.location.country == "IRQ"
    assert abs(attempt.location.latitude - 33.31) < 0.1 and abs(attempt.location.longitude - 44.38) < 0.1


def test_every_event_is_dated_2021_11_07(events):
    assert {e.date for e in events} == {dt.date(2021, 11, 7)}


def test_must_not(events):
    for e in events:
        source, target = (e.source.code if e.source else ""), (e.target.code if e.target else "")
        if e.quad_class == 4:
            assert not source.startswith(("USA", "GBR")), e
            assert not target.startswith(("USA", "GBR")), e
    assert not any(e.source and e.source.name in ("Twitter", "Facebook") for e in events)


def test_every_event_is_explained(events):
    for e in events:
        assert e.rule and e.trigger_text and e.sentence_text[e.trigger_start - e.sentence_start :].startswith(
            e.trigger_text
        )
        assert e.date_how and e.location_how and e.plover_type in (None, *_plover())


def _plover() -> set[str]:
    from dateline.events.ontology import plover_types

    return set(plover_types())
