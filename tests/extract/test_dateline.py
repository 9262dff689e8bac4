"""Datelines: place and outlet at the head of a story."""

from __future__ import annotations

import pytest

from dateline.extract.dateline import Dateline, dateline_country, outlet_named_in_text, read_dateline


@pytest.mark.parametrize(
    ("text", "place", "outlet"),
    [
        ("Baghdad / Obelisk: Prime Minister Mustafa", "Baghdad", "Obelisk"),
        ("NAIROBI, March 3 (Reuters) - Kenyan police fired", "Nairobi", "Reuters"),
        ("BAGHDAD (AP) — A drone struck", "Baghdad", "AP"),
        ("PARIS (AFP) - France said", "Paris", "AFP"),
        ("NEW YORK, Nov 7 (Reuters) - Diplomats", "New York", "Reuters"),
        ("SEOUL, April 27 (Yonhap) -- South Korean", "Seoul", "Yonhap"),
        ("Bogotá, Aug 7 (EFE).- Gustavo Petro", "Bogotá", "EFE"),
        ("YEREVAN, March 13. /SCM/. Armenia and", "Yerevan", "SCM"),
        ("KABUL — The Taliban said", "Kabul", None),
        ("DOHA: Qatar announced", "Doha", None),
        ("Dakar — Senegalese President", "Dakar", None),
    ],
)
def test_datelines(text: str, place: str, outlet: str | None):
    found = read_dateline(text)
    assert found is not None and (found.place, found.outlet) == (place, outlet)


@pytest.mark.parametrize(
    "text",
    ["The minister said - on Monday", "US Secretary of State Blinken said", "BREAKING: talks collapse", ""],
)
def test_not_datelines(text: str):
    assert read_dateline(text) is None


def test_outlet_named_as_receiver_of_a_statement():
    assert outlet_named_in_text("said in a statement received by Al-Masala, that") == "Al-Masala"
    assert outlet_named_in_text("said in a statement on Monday") is None


def test_dateline_country():
    assert dateline_country(Dateline("Detroit", "AP", "Mich.", 0)) == "USA"
    assert dateline_country(Dateline("Baghdad", None, None, 0)) == "IRQ"
    assert dateline_country(Dateline("Springfield", None, None, 0)) is None
