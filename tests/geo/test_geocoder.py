"""Ambiguous place names decided by context."""

from __future__ import annotations

import pytest

from dateline import extract


def _place(text: str, name: str, dateline: str | None = None):
    if dateline:
        text = f"{dateline.upper()} (AP) — {text}"
    article = extract(text, published="2023-05-01")
    return next(m.location for m in article.mentions if m.text == name and m.location)


@pytest.mark.parametrize(
    ("text", "name", "dateline", "country"),
    [
        ("Militias clashed near the airport in Tripoli, and the government in Libya said flights were cut.",
         "Tripoli", None, "LBY"),
        ("The Lebanese army deployed in Tripoli after gunfire, a day after clashes in Beirut.", "Tripoli", None, "LBN"),
        ("Storms flooded roads in Paris, Texas, on Sunday, officials in Lamar County said.", "Paris", None, "USA"),
        ("Police in Hyderabad said the Sindh government had ordered an inquiry into the fire.", "Hyderabad",
         None, "PAK"),
        ("Police in Hyderabad said the Telangana government had ordered an inquiry into the fire.", "Hyderabad",
         None, "IND"),
        ("Voters in Georgia lined up for the runoff as Atlanta counted early ballots.", "Georgia", None, "USA"),
        ("Thousands marched in Tbilisi as Georgia's parliament debated the bill.", "Georgia", None, "GEO"),
    ],
)
def test_context_decides(text: str, name: str, dateline: str | None, country: str):
    assert _place(text, name, dateline).country == country


def test_a_place_has_coordinates_and_a_geonames_id():
    place = _place("Talks opened in Nairobi on Monday between the two delegations.", "Nairobi")
    assert place.kind == "city" and place.geonames_id and abs(place.latitude + 1.28) < 0.1


def test_a_list_of_countries_is_not_a_place_and_its_qualifier():
    article = extract("Washington lifted its ban on medicine sales to Iran, Libya, North Korea and Sudan.",
                      published="1999-03-01")
    countries = {m.text: m.location.country for m in article.mentions if m.location}
    assert countries["Iran"] == "IRN" and countries["Libya"] == "LBY"


def test_a_big_city_the_model_mislabels_is_still_a_place():
    article = extract("Rebel fighters said they had captured Hama after a week of fighting.", published="2024-12-05")
    assert any(m.location and m.location.country == "SYR" and m.text == "Hama" for m in article.mentions)


def test_a_city_council_is_named_for_its_city():
    article = extract("Birmingham City Council announced further cuts to libraries.", published="2024-03-05")
    assert any(m.location and m.location.country == "GBR" and m.text == "Birmingham" for m in article.mentions)
