"""Find the places an article names and resolve each to one gazetteer entry, using context.

Reads: Article.sentences (entity labels), Article.dateline_place, and the actor mentions' countries.
Fills: Mention records with a Location (merged into the actor mention with the same span, if any).

A name with several entries (Tripoli, Georgia, Hyderabad, Paris) is decided by score: how likely the
name means each entry by itself (population, a country or a notable place over a small town), plus
the dateline's country, the countries of the article's actors, the countries the article's other
places can be in, a state whose cities the article names, and an explicit qualifier ("Paris, Texas").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from dateline.actors.knowledge import Entry, PhraseIndex
from dateline.geo.gazetteer import Gazetteer, Place, fold
from dateline.model import Article, Location, Mention, Token, span_text
from dateline.resources import read_table

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
DATELINE_WEIGHT = 3.0
ACTOR_WEIGHT = 1.0
COOCCURRENCE_WEIGHT = 2.5
QUALIFIER_WEIGHT = 10.0
CONTAINS_WEIGHT = 3.0  # a state named with one of its cities ("Georgia" and "Atlanta", "Moscow" and "Idaho")


@dataclass
class _Found:
    sentence: int
    start_tok: int
    end_tok: int
    start: int
    end: int
    text: str
    candidates: list[Place]
    qualifier: list[Place]


def places_index(tokenize) -> PhraseIndex:
    """Phrase index of our notable places (data/places.tsv) that NER may not label."""
    index = PhraseIndex()
    for row in read_table("places.tsv"):
        for name in [row["name"], *(n for n in (row.get("aliases") or "").split("|") if n)]:
            if name[:1].isupper():
                tokens = tokenize(name)
                index.add(tokens, Entry("place", row["name"], " ".join(tokens)), False)
    return index


def resolve_place(name: str, gazetteer: Gazetteer, countries: Counter | None = None,
                  home: str | None = None) -> Location | None:
    """One place name, with optional context: countries seen in the text and a home country."""
    candidates = gazetteer.candidates(name)
    if not candidates:
        return None
    return max(candidates, key=lambda p: _score(p, home, countries or Counter(), Counter(), [])).location


def find_places(article: Article, gazetteer: Gazetteer, index: PhraseIndex,
                actor_countries: Counter, home: str | None) -> list[Mention]:
    found: list[_Found] = []
    for sentence in article.sentences:
        found.extend(_spans(sentence.index, sentence.tokens, gazetteer, index))
    # Regions named by an adjective ("Scottish", "Andalusian") are context for the cities in them.
    regions = {name for sentence in article.sentences for token in sentence.tokens
               for name in gazetteer.region_adjectives.get(token.text.lower(), ())}  # fmt: skip
    # Countries each other mention could be in, shared out among its candidates.
    possible: list[set[str]] = [{c.location.country for c in f.candidates if c.location.country} for f in found]
    mentions: list[Mention] = []
    for n, item in enumerate(found):
        others: Counter = Counter()
        for m, countries in enumerate(possible):
            if m != n and countries and found[m].text != item.text:
                for country in countries:
                    others[country] += 1 / len(countries)
        inside = {c.location.admin1 for m, f in enumerate(found) if m != n for c in f.candidates if c.location.admin1}
        states = regions | {c.location.name for m, f in enumerate(found) if m != n for c in f.candidates
                            if c.location.kind == "admin1"}  # fmt: skip
        best = max(
            item.candidates,
            key=lambda p: _score(p, home, actor_countries, others, item.qualifier)
            + (CONTAINS_WEIGHT if p.location.kind == "admin1" and p.location.name in inside else 0.0)
            + (CONTAINS_WEIGHT if p.location.kind != "admin1" and p.location.admin1 in states else 0.0),
        )
        location = best.location
        if item.qualifier and not any(_contains(q.location, location) for q in item.qualifier):
            # "Cairo, Illinois" with no Cairo of Illinois in the gazetteer: the place is in the
            # qualifier, coordinates unknown.
            q = item.qualifier[0].location
            location = Location(name=item.text, kind="place", country=q.country,
                                admin1=q.name if q.kind == "admin1" else None, source="qualifier")
        mentions.append(Mention(item.sentence, item.start, item.end, item.text,
                                _label(location), actor=None, location=location, via="gazetteer"))
    return mentions


def _label(location: Location) -> str:
    return "GPE" if location.kind in ("country", "admin1", "city") else "LOC"


def _score(place: Place, home: str | None, actors: Counter, others: Counter, qualifier: list[Place]) -> float:
    country = place.location.country
    score = place.prior
    if home and country == home:
        score += DATELINE_WEIGHT
    if country:
        score += ACTOR_WEIGHT * min(actors.get(country, 0), 3)
        score += COOCCURRENCE_WEIGHT * min(others.get(country, 0.0), 3.0)
    if qualifier and any(_contains(q.location, place.location) for q in qualifier):
        score += QUALIFIER_WEIGHT
    return score


def _contains(outer: Location, inner: Location) -> bool:
    if outer.kind == "country":
        return inner.country == outer.country and inner.kind != "country"
    if outer.kind == "admin1":
        return inner.admin1 == outer.name and inner.country == outer.country
    return False


_PREPOSITIONS = {"in", "near", "at", "from", "to", "of", "around", "outside", "into", "across", "toward",
                 "towards", "through", "inside", "between", "and", "on", "off", "along", "beyond", "via",
                 "within", "throughout"}  # fmt: skip
# Words after a city in the name of its own bodies: "Birmingham City Council", "Kabul University".
_INSTITUTION_WORDS = {"city", "council", "municipality", "municipal", "mayor", "university", "police", "court",
                      "hospital", "airport", "port", "governorate", "province", "district", "county", "region",
                      "regional", "metropolitan", "assembly"}  # fmt: skip
# A place's name followed by one of these is a feature of that place: "Plymouth Rock", "Fort Myers Beach".
_FEATURE_WORDS = {"Rock", "Beach", "Bay", "Harbor", "Harbour", "Bridge", "Square", "Park", "Airport", "Port",
                  "Heights", "Hills", "Valley", "Springs", "Falls", "Station", "Stadium", "Pier"}  # fmt: skip
PROMINENT_POPULATION = 200_000  # a name the model mislabels, with no preposition, is a place only if this big
_OTHER_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "PROPN"}  # the small model often mislabels places


def _spans(index_no: int, tokens: list[Token], gazetteer: Gazetteer, index: PhraseIndex) -> list[_Found]:
    """Place-name spans: our notable places, entities labelled as places, and entities mislabelled
    as organisations or people when a preposition before them says they are places."""
    words = [t.text for t in tokens]
    found: list[_Found] = []
    i = 0
    while i < len(tokens):
        lead = i + 1 if words[i].lower() == "the" and i + 1 < len(tokens) else i
        end, entries = index.longest(words, lead)
        if entries:
            i = lead
        label = tokens[i].ent if tokens[i].ent_start else ""
        if not entries and (label in _PLACE_LABELS or label in _OTHER_LABELS):
            end = i + 1
            while end < len(tokens) and tokens[end].ent == label and not tokens[end].ent_start:
                end += 1
        elif not entries and not tokens[i].ent and tokens[i].pos == "PROPN":
            label, end = "PROPN", i + 1  # a name the model did not label at all ("Santo" of "Santo Domingo")
            while end < len(tokens) and end - i < 4 and tokens[end].pos == "PROPN" and (
                    not tokens[end].ent or (tokens[end].ent_start and end == i + 1)):
                end += 1
        elif not entries:
            i += 1
            continue
        start = i
        while start < end and tokens[start].text.lower() == "the":
            start += 1
        span = _gazetteer_span(tokens, start, end, gazetteer, entries, label)
        if span is not None:
            s, e, candidates = span
            # A country is never qualified: "Iran, Libya, North Korea" is a list.
            countries = any(c.location.kind == "country" for c in candidates)
            qualifier = [] if countries else _qualifier(tokens, e, gazetteer)
            found.append(_Found(index_no, s, e, tokens[s].start, tokens[e - 1].end, span_text(tokens[s:e]),
                                candidates, qualifier))
        elif label == "PROPN":
            i += 1  # an unlabelled run that is no place may end in one: "east Beirut"
            continue
        i = max(end, i + 1)
    return found


def _gazetteer_span(tokens: list[Token], start: int, end: int, gazetteer: Gazetteer, entries: list,
                    label: str) -> tuple[int, int, list[Place]] | None:
    """The whole span if the gazetteer knows it, else its longest leading part that it knows
    ("Damascus" of "Damascus International Airport")."""
    if start >= end:
        return None
    mislabelled = not entries and label in _OTHER_LABELS
    marked = start > 0 and tokens[start - 1].text.lower() in _PREPOSITIONS
    for stop in range(end, start, -1):
        if stop < end and (entries or label == "GPE") and not (
                label == "GPE" and {t.text for t in tokens[stop:end]} <= _FEATURE_WORDS):
            break  # only facility-like and mislabelled spans are cut down, and "Plymouth Rock"
        surface = span_text(tokens[start:stop])
        candidates = gazetteer.candidates(surface)
        if surface.isupper() and len(surface) <= 4:
            # "UN" is not the town of Un: a short capitalised word matches only a country or a name
            # written so.
            candidates = [c for c in candidates if c.location.kind == "country" or c.location.name.isupper()]
        if label == "NORP":
            # "Thai" is the adjective, not a town with "Thai" among its other names.
            candidates = [c for c in candidates if c.location.kind in ("country", "admin1")
                          or fold(c.location.name) == fold(surface)]
        if not candidates:
            continue
        if mislabelled and not marked:
            # No preposition says it is a place: only an organisation named for its city, or a whole
            # name that is a big city, a region or a country ("captured Hama", "blanket Perth").
            rest = {t.text.lower() for t in tokens[stop:end]}
            named_for = stop < end and label == "ORG" and rest <= _INSTITUTION_WORDS
            whole = stop == end and any(c.population >= PROMINENT_POPULATION or c.location.kind in ("country", "admin1")
                                        for c in candidates)  # fmt: skip
            if not (named_for or whole):
                continue
        return start, stop, candidates
    return None


def _qualifier(tokens: list[Token], end: int, gazetteer: Gazetteer) -> list[Place]:
    """Entries named right after a comma: "Paris, Texas", "Hyderabad, Pakistan"."""
    if end + 1 < len(tokens) and tokens[end].text == ",":
        words = []
        for token in tokens[end + 1 : end + 4]:
            if not token.text[:1].isupper():
                break
            words.append(token.text)
            places = [p for p in gazetteer.candidates(" ".join(words)) if p.location.kind in ("country", "admin1")]
            if places:
                return places
    return []
