"""Acceptance: every actor row of seed-article.expected.md, and the places of the attack."""

from __future__ import annotations

import pytest

from dateline import extract
from tests.conftest import shared_file


@pytest.fixture(scope="module")
def seed():
    return extract(shared_file("examples/seed-article.txt").read_text(encoding="utf-8"))


def _codes(seed, text: str) -> set[str]:
    return {m.actor.code for m in seed.mentions if m.text == text and m.actor}


def test_kadhimi_by_name_surname_title_and_pronoun(seed):
    assert _codes(seed, "Prime Minister Mustafa Al-Kazemi") == {"IRQGOV"}
    assert _codes(seed, "Al-Kazemi") == {"IRQGOV"}
    kadhimi = [m for m in seed.mentions if m.actor and m.actor.name == "Mustafa Al-Kadhimi"]
    assert {m.via for m in kadhimi} >= {"name", "surname", "role", "pronoun"}
    # "the attack on the Prime Minister" (after Johnson is named) is still Al-Kadhimi.
    the_pm = [m for m in seed.mentions if m.text == "Prime Minister" and m.sentence == 4]
    assert the_pm and the_pm[0].actor.name == "Mustafa Al-Kadhimi"
    # "three members of his protection": his = Al-Kadhimi, so Iraqi security.
    assert _codes(seed, "his protection") == {"IRQSEC"}


def test_blinken_misspelled_and_the_state_department(seed):
    blinken = [m for m in seed.mentions if m.actor and m.actor.name == "Antony Blinken"]
    assert {m.text for m in blinken} >= {"US Secretary of State Anthony Blinken", "Blinken"}
    assert {m.actor.code for m in blinken} == {"USAGOV"}
    sentence0 = [m for m in seed.mentions if m.sentence == 0]
    assert any(m.actor and m.actor.code == "USAGOV" for m in sentence0)
    assert _codes(seed, "United States of America") == {"USA"}


def test_johnson_britain_iraq(seed):
    assert _codes(seed, "British Prime Minister Boris Johnson") == {"GBRGOV"}
    assert _codes(seed, "Johnson") == {"GBRGOV"}
    he = [m for m in seed.mentions if m.text == "he" and m.sentence == 4]
    assert he and he[0].actor.code == "GBRGOV"
    assert _codes(seed, "Britain") == {"GBR"} and _codes(seed, "UK") == {"GBR"}
    assert _codes(seed, "Iraq") == {"IRQ"}


def test_security_media_cell(seed):
    [code] = _codes(seed, "Security Media Cell")
    assert code[:6] in {"IRQSEC", "IRQMIL", "IRQGOV"}


def test_places_of_the_attack(seed):
    places = {(m.text, m.location.name, m.location.country) for m in seed.mentions if m.location}
    assert ("Green Zone", "Green Zone", "IRQ") in places
    assert ("Baghdad", "Baghdad", "IRQ") in places
    green = next(m.location for m in seed.mentions if m.text == "Green Zone")
    assert abs(green.latitude - 33.31) < 0.1 and abs(green.longitude - 44.38) < 0.1


def test_nothing_from_the_comment_form(seed):
    assert not any(m.text in ("Facebook", "Twitter picture", "Facebook photo") and m.actor for m in seed.mentions)
