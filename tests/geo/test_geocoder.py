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
        ("Gunmen fired on a patrol near the port of Tripoli, the north Lebanese city, residents said.", "Tripoli",
         None, "LBN"),
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


def test_divisions_outside_the_us_qualify_and_place_cities():
    article = extract("A driver struck a family in London, Ontario, the police said.", published="2022-06-06")
    london = next(m for m in article.mentions if m.text == "London")
    assert london.location.country == "CAN" and london.location.admin1 == "Ontario"
    # A regional adjective is context for the cities of that region.
    article = extract("The river burst its banks at Perth, and the Scottish agency issued flood warnings.",
                      published="2024-01-05")
    assert next(m for m in article.mentions if m.text == "Perth").location.country == "GBR"


def test_a_place_split_by_the_model_or_named_with_a_feature_word():
    article = extract("The roof of a nightclub collapsed in Santo Domingo during a concert.", published="2025-04-09")
    assert any(m.text == "Santo Domingo" and m.location.country == "DOM" for m in article.mentions if m.location)
    assert not any(m.label == "PERSON" for m in article.mentions)  # "Domingo" is no person
    article = extract("Tourists gathered at Plymouth Rock, in Massachusetts, for the anniversary.",
                      published="2020-11-21")
    assert any(m.text == "Plymouth" and m.location.country == "USA" for m in article.mentions if m.location)
    assert not any(m.label == "PERSON" for m in article.mentions)


def test_japanese_cities_are_found_by_their_plain_names():
    article = extract("The former prime minister was shot during a campaign speech in Nara, police said.",
                      published="2022-07-08")
    assert next(m for m in article.mentions if m.text == "Nara").location.country == "JPN"


def test_abbreviations_and_country_names_are_not_small_towns():
    article = extract("The UN envoy met officials from Egypt and Jordan in Amman on Monday.", published="2024-01-10")
    places = {m.text: m.location for m in article.mentions if m.location}
    assert "UN" not in places or places["UN"].kind == "country"
    assert places["Egypt"].country == "EGY"


def test_a_lone_surname_of_a_past_office_holder_does_not_hide_a_town():
    article = extract("Gunmen killed six people at a bar in Leon, the largest city of Guanajuato state in Mexico.",
                      published="2023-05-05")
    assert next(m for m in article.mentions if m.text == "Leon").location.country == "MEX"


def test_a_city_after_an_unlabelled_name_is_still_found():
    place = _place("A radio station based in Christian east Beirut was shut down on Friday.", "Beirut")
    assert place.country == "LBN"
