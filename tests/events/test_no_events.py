"""Sentences that report no political event yield none: sport, weather, statistics, obituaries,
background, hypotheticals, questions and negations (sentences written for dateline)."""

from __future__ import annotations

import pytest

from dateline import extract

NO_EVENT = [
    ("2024-07-14", "Spain beat England 2-1 in the final of the European Championship in Berlin on Sunday."),
    ("2023-01-09", "Heavy rain flooded parts of northern California on Monday, closing highways and schools."),
    ("2022-10-12", "Inflation in Argentina rose to 83 percent in September, the statistics office said."),
    ("2020-03-15", "The museum in Kyoto will close for three months for renovation, its director said."),
    ("2018-06-11", "If the talks fail, the government could call early elections, analysts said."),
    ("2022-04-04", "Would the sanctions change Moscow's course? Few diplomats in Brussels think so."),
    ("2017-12-12", "The president did not attend the summit in Abidjan."),
    ("2021-02-14", "Thousands of tourists visited the old city during the holiday weekend."),
    ("2022-08-08", "The opposition leader, 67, studied law in London and Paris before entering politics."),
    ("2023-03-03", "The stadium, which holds 60,000 people, will host the opening match of the tournament."),
    ("2024-09-09", "Analysts said a deal between the two parties was unlikely before the budget deadline."),
    ("2023-02-02", "The earthquake killed more than 50,000 people in Turkey and Syria."),
    ("2023-05-05", "The war, which began in 2011, has killed more than 300,000 people, according to monitors."),
]


@pytest.mark.parametrize(("published", "text"), NO_EVENT)
def test_no_event_sentences_yield_no_factual_event(published: str, text: str):
    events = [e for e in extract(text, published=published).events if e.factual]
    assert events == [], [(e.code, e.trigger_text) for e in events]


def test_an_attack_whose_authors_are_unnamed_is_still_an_event():
    article = extract("A car bomb killed six soldiers near the border on Sunday.", published="2023-02-02")
    events = [e for e in article.events if e.factual]
    assert any(e.root in ("18", "19") for e in events)


def test_a_statement_by_a_placed_actor_is_still_an_event():
    events = extract("Iraq's Security Media Cell said the launch site was found burned.", published="2023-12-08").events
    assert any(e.code == "010" and e.source.code.startswith("IRQ") for e in events)
