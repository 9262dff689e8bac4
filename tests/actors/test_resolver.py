"""Actor coding on sentences we wrote: titles, countries, sectors, tenures, coreference."""

from __future__ import annotations

import pytest

from dateline import extract


def _actors(text: str, published: str = "2021-11-07") -> dict[str, str]:
    article = extract(text, published=published)
    return {m.text: m.actor.code for m in article.mentions if m.actor}


@pytest.mark.parametrize(
    ("text", "span", "code"),
    [
        ("Iraqi security forces closed the roads around the ministry on Tuesday.", "Iraqi security forces", "IRQSEC"),
        ("Kenyan police fired tear gas at the crowd in the capital.", "Kenyan police", "KENCOP"),
        ("Syrian rebels said they had taken the town after heavy fighting.", "Syrian rebels", "SYRREB"),
        ("The Kremlin said the talks would go ahead as planned.", "Kremlin", "RUSGOV"),
        ("NATO allies met in Brussels to discuss the crisis.", "NATO", "IGOWSTNAT"),
        ("Iraq's prime minister met the envoy on Monday in the capital.", "Iraq's prime minister", "IRQGOV"),
        ("Kenyan Interior Minister Jane Wanjiru Otieno ordered an inquiry into the shooting.",
         "Kenyan Interior Minister Jane Wanjiru Otieno", "KENGOV"),
    ],
)
def test_title_country_and_sector(text: str, span: str, code: str):
    assert _actors(text)[span].startswith(code)


def test_a_name_holds_an_office_only_within_its_tenure():
    text = "Boris Johnson spoke to reporters about the war in Ukraine on Monday."
    assert _actors(text, "2021-11-07")["Boris Johnson"] == "GBRGOV"
    assert _actors(text, "2024-05-06")["Boris Johnson"] == "GBRELI"


def test_transliterations_resolve_to_one_person():
    for spelling in ("Mustafa al-Kadhimi", "Mustafa Al-Kazemi", "Mustafa al-Kadhemi"):
        article = extract(f"{spelling} met the delegation in the capital on Sunday.", published="2021-11-07")
        [mention] = [m for m in article.mentions if m.actor and m.actor.kind == "person"]
        assert mention.actor.name == "Mustafa Al-Kadhimi" and mention.actor.code == "IRQGOV"


def test_apposition_gives_an_unknown_person_the_title():
    codes = _actors("Amina Farouk Haddad, the Egyptian foreign minister, arrived in Rome on Sunday.")
    assert codes["Amina Farouk Haddad"] == "EGYGOV"


def test_coordinated_countries_share_the_role():
    codes = _actors("US and British forces must ensure security in the city, aid agencies said.")
    assert codes["US"] == "USAMIL" and codes["British forces"] == "GBRMIL"


def test_lower_case_words_are_not_names():
    assert "us" not in _actors("The minister told us that the talks would resume on Friday.")
