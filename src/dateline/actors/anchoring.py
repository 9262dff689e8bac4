"""Give group actors the country of the place they are named with, once places are resolved.

Reads: an article's merged mentions (actors and places, after geocoding) and its text. Changes the
country (and code) of sector actors in two cases the actor resolver cannot see, because it knows
countries and capitals but not every town and region:
- a group whose country came only from context (the dateline, the article's main country) and that
  is named with a place: "Darfur rebels", "rebels in Darfur", "a missionary from Calgary",
  "a terror group based in Trinidad", "the deputy governor of the Tyumen region";
- an ethnic group or population living in another state ("ethnic Albanians in south Serbia", "the
  Albanian population of Montenegro", "the Albanians of southern Serbia"): the group is coded as
  civilians of the state they live in, the other state the sentence names nearest them, as CAMEO
  coders code minorities.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.model import Article, Mention

# Between a group and the place after it: "in", "based in", "from the", "of the", "in south".
_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:operating|based|stationed|deployed|living|working|fighting)\s+)?"
    r"(?:in|of|from|at|near|inside|across|throughout|around)\s+(?:the\s+)?"
    r"(?-i:(?:mostly\s+)?[A-Z][a-z]+\s+)?"  # "in (mostly) Christian east Beirut"
    r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-?eastern|north-?western|"
    r"south-?eastern|south-?western)\s+)?$",
    re.IGNORECASE,
)
# Between a place and the group after it: "Darfur rebels", "Cairo's security chief".
_BEFORE = re.compile(r"^(?:\s|-|['’]s\s)$")
_ETHNIC = re.compile(r"\bethnic\b|\bpopulation\b|\bminorit(?:y|ies)\b|\bcommunit(?:y|ies)\b", re.IGNORECASE)
_CONTEXT_VIA = ("dateline country",)
_OF = re.compile(r"\s+of\s")
_AGAINST = re.compile(r"\b(?:anti|pro)-$", re.IGNORECASE)  # "an anti-Syria journalist" is no Syrian


def anchor_to_places(article: Article) -> None:
    """Re-code sector actors of the article from the places named with them (in place)."""
    text = article.text
    by_sentence: dict[int, list[Mention]] = {}
    for mention in article.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    for mentions in by_sentence.values():
        for n, mention in enumerate(mentions):
            actor = mention.actor
            if actor is None or actor.kind != "sector" or not actor.sector:
                continue
            if any(via in mention.via for via in _CONTEXT_VIA) or actor.country is None:
                country = _adjacent_place(mentions, n, text)
                how = "place named with it"
            elif _is_ethnic(mention, text, actor.sector == "CVL"):
                country = _host_country(mentions, n, actor.country)
                how = "host country of an ethnic group"
            elif mention.via == "demonym" and _OF.match(text[mention.end : mention.end + 30]):
                country = _adjacent_place(mentions, n, text)  # "the Albanians of southern Serbia"
                how = "host country of an ethnic group"
            else:
                continue
            if country and country != actor.country:
                mention.actor = replace(actor, country=country, code=f"{country}{actor.sector}")
                mention.via = f"{mention.via}; {how}" if mention.via else how


def _adjacent_place(mentions: list[Mention], n: int, text: str) -> str | None:
    mention = mentions[n]
    for other in mentions[n + 1 :]:
        country = other.location.country if other.location is not None else (
            other.actor.country if other.actor is not None and other.actor.kind == "state" else None)
        if country and other.start - mention.end <= 40:
            if _AFTER.match(text[mention.end : other.start]):
                return country
            break
    if n > 0:
        other = mentions[n - 1]
        if other.location is not None and other.location.country and other.actor is None \
                and _BEFORE.match(text[other.end : mention.start]) \
                and not _AGAINST.search(text[max(0, other.start - 5) : other.start]):
            return other.location.country
    return None


def _is_ethnic(mention: Mention, text: str, civilians: bool) -> bool:
    """"ethnic Albanian guerrillas" (any group), "the Albanian population" (civilians)."""
    before = text[max(0, mention.start - 12) : mention.start]
    if re.search(r"\bethnic\s+$", before, re.IGNORECASE) or re.match(r"ethnic\b", mention.text, re.IGNORECASE):
        return True
    return civilians and bool(_ETHNIC.search(mention.text))


def _host_country(mentions: list[Mention], n: int, own: str | None) -> str | None:
    """The other state the sentence names nearest the group (a place's country, or a country as an
    actor)."""
    mention = mentions[n]
    found: list[tuple[int, str]] = []
    for other in mentions[:n] + mentions[n + 1 :]:
        distance = other.start - mention.end if other.start >= mention.end else mention.start - other.end
        if other.location is not None and other.location.country and other.location.country != own:
            found.append((distance, other.location.country))
        elif other.actor is not None and other.actor.kind == "state" and other.actor.country != own:
            found.append((distance, other.actor.country or ""))
    return min(found)[1] if found else None
