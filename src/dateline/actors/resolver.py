"""Find actor mentions in parsed sentences and give each a CAMEO-style code.

Reads: Article.sentences (tokens), Article.published (tenures are checked as of that date) and
Article.dateline_place (home country for unqualified roles). Fills: Mention records with Actor.

A mention is a run of matched phrases, e.g. [US][Secretary of State][Anthony Blinken],
[Iraqi][security forces], [the Prime Minister]['s][media office], [his][protection]. Its code:
- a known person in office on the article's date: that person's code (USAGOV);
- a known person out of office: country + ELI (a former office-holder is an elite, not the state);
- otherwise country (from a country name or adjective, an organisation, a possessor, or the
  dateline) + the sector of the role words (IRQSEC, KENCOP, GBRGOV);
- an organisation: its code; a country: its ISO-3 code; a seat of government: country + GOV.
Inside an article: a surname after the full name, "the Prime Minister" for the holder of that role
(preferring the dateline's country, then the first introduced), and he/she/his/her for the last
person, its/their for the last country or organisation.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise

from dateline.actors.knowledge import ActorKnowledge, Entry, Person
from dateline.actors.names import name_key, similar, surname_key
from dateline.model import Actor, Article, Mention, Sentence, Token, span_text
from dateline.resources import read_table

_JOINERS = {"'s", "’s", "the", "of", "-", "'", "’", "led"}  # "Vietnamese-led forces"
_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"its", "it", "they", "their", "them"}
_FORMER = {"former", "ex", "ex-", "then", "late", "ousted", "deposed", "toppled", "overthrown"}
# Party names made only of these words exist in many countries ("Labour Party", "Democrats").
_GENERIC_PARTY_WORDS = {"the", "labour", "labor", "party", "conservative", "conservatives", "liberal", "liberals",
                        "democratic", "democrats", "socialist", "socialists", "green", "greens", "communist",
                        "national", "people", "'s", "’s", "progressive", "republican", "republicans", "workers",
                        "union", "front", "alliance", "movement", "social", "democrat", "christian"}  # fmt: skip
_KIND_ORDER = {"person": 0, "org": 1, "metonym": 2, "country": 3, "adjective": 4, "role": 5}


@dataclass
class _Item:
    start: int  # token index in the sentence
    end: int
    kind: str  # person, org, metonym, country, adjective, role, name (unknown PERSON), pron
    entry: Entry | None = None
    referent: Actor | None = None  # for pronouns
    shared: bool = False  # a role borrowed from a coordinated phrase, outside this mention's span


@dataclass
class _Context:
    day: dt.date | None
    home: str | None
    people: list[tuple[Actor, str]] = field(default_factory=list)  # (actor, surface name) in order
    roles: list[tuple[Actor, str]] = field(default_factory=list)  # (actor, role words) in order
    last_person: tuple[int, Actor] | None = None  # (sentence index, actor)
    last_thing: tuple[int, Actor] | None = None
    abbreviations: dict[str, Entry] = field(default_factory=dict)  # "RSF" after "Reporters Without Borders (RSF)"


def resolve_actors(article: Article, kb: ActorKnowledge, home: str | None = None) -> list[Mention]:
    """Actor mentions of an article whose sentences are parsed, in text order."""
    day = article.published.date if article.published else None
    ctx = _Context(day=day, home=home or _main_country(article, kb))
    mentions: list[Mention] = []
    for sentence in article.sentences:
        mentions.extend(_resolve_sentence(sentence, kb, ctx))
    return mentions


def _main_country(article: Article, kb: ActorKnowledge) -> str | None:
    """The country the article names most often (its national organisations count half), standing in
    for a missing dateline."""
    counts: Counter[str] = Counter()
    for sentence in article.sentences:
        for item in _find_items(sentence.tokens, kb):
            if item.kind in ("country", "adjective", "metonym") and item.entry is not None:
                where = item.start > 0 and sentence.tokens[item.start - 1].text.lower() in _LOCATIVE
                counts[item.entry.key] += 1.5 if where else 1  # where things happen: "in Cambodia"
            elif item.kind == "org" and item.entry is not None:
                org = kb.organisations.get(item.entry.key)
                if org is not None and org.country:
                    counts[org.country] += 0.5  # "demands from UNITA": Angola, if nothing else says
    return counts.most_common(1)[0][0] if counts else None


def _resolve_sentence(sentence: Sentence, kb: ActorKnowledge, ctx: _Context) -> list[Mention]:
    tokens = sentence.tokens
    known = {surname_key(surface) for _, surface in ctx.people} - {""}
    items = _find_items(tokens, kb, known, ctx.abbreviations)
    if _learn_abbreviations(items, tokens, ctx):
        items = _find_items(tokens, kb, known, ctx.abbreviations)  # the abbreviation may recur at once
    mentions: list[Mention] = []
    groups = _groups(items, tokens)
    _share_roles(groups, tokens)
    subject: Actor | None = None  # the last group, state or body this sentence has as a subject so far
    for group in groups:
        for item in group:
            if item.kind == "pron":
                word = tokens[item.start].text.lower()
                # "the bombers killed 23 people when they blew themselves up": "they" is the subject
                # before it, not the last group named; "Russia vetoed a resolution deploring its
                # invasion": "its" is Russia.
                plural = (word in ("they", "their", "them") and subject is not None
                          and subject.kind in ("sector", "group", "organisation"))
                singular = word == "its" and subject is not None and subject.kind != "sector"
                item.referent = subject if plural or singular else _referent(word, ctx, sentence.index)
        if all(item.kind == "pron" and item.referent is None for item in group):
            continue
        mention = _mention(group, tokens, sentence.index, kb, ctx)
        if mention is not None:
            mentions.append(mention)
            _remember(mention, ctx, sentence.index)
            head = tokens[group[-1].end - 1]
            if (head.dep in ("nsubj", "nsubjpass") and mention.actor is not None and mention.label != "PRON"
                    and mention.actor.kind in ("sector", "group", "organisation", "state", "government")):
                subject = mention.actor
    _apply_appositions(mentions, tokens, ctx)
    return mentions


def _referent(pronoun: str, ctx: _Context, index: int) -> Actor | None:
    if pronoun in _PERSON_PRONOUNS and ctx.last_person and index - ctx.last_person[0] <= 2:
        return ctx.last_person[1]
    if pronoun in _THING_PRONOUNS and ctx.last_thing and index - ctx.last_thing[0] <= 1:
        actor = ctx.last_thing[1]
        # "it" stands for a state or an organisation; "they" for a group or a sector ("the rebels").
        if pronoun == "it" and actor.kind == "person":
            return None
        if pronoun in ("they", "their", "them") and actor.kind not in ("sector", "group", "organisation"):
            return None
        return actor
    return None


def _learn_abbreviations(items: list[_Item], tokens: list[Token], ctx: _Context) -> bool:
    """An organisation named in full with its abbreviation after it, "Reporters Without Borders
    (RSF)": the abbreviation means that organisation for the rest of the article. True if it is new."""
    learned = False
    for item in items:
        if item.kind == "org" and item.entry is not None and item.end + 2 < len(tokens):
            opening, short, closing = tokens[item.end : item.end + 3]
            if (opening.text == "(" and closing.text == ")" and short.text.isupper() and len(short.text) > 1
                    and ctx.abbreviations.get(short.text) != item.entry):
                ctx.abbreviations[short.text] = item.entry
                learned = True
    return learned


def _find_items(tokens: list[Token], kb: ActorKnowledge, known: set[str] | None = None,
                abbreviations: dict[str, Entry] | None = None) -> list[_Item]:
    words = [t.text for t in tokens]
    items: list[_Item] = []
    i = 0
    while i < len(words):
        if abbreviations and words[i] in abbreviations:
            items.append(_Item(i, i + 1, "org", abbreviations[words[i]]))
            i += 1
            continue
        end, entries = kb.index.longest(words, i)
        entries = [e for e in entries if _plausible(e, tokens, i, end, kb, words)]
        if entries:
            entry = min(entries, key=lambda e: _KIND_ORDER[e.kind])
            items.append(_Item(i, end, entry.kind, entry))
            i = end
            continue
        low = words[i].lower()
        if tokens[i].ent == "PERSON" and tokens[i].ent_start and low == "the":
            i += 1  # "the Tigray People's Liberation Front" taken for a person: try the name after "the"
            continue
        if tokens[i].ent == "PERSON" and tokens[i].ent_start:
            j = i + 1
            while j < len(tokens) and tokens[j].ent == "PERSON" and not tokens[j].ent_start:
                j += 1
            items.append(_Item(i, j, "name"))
            i = j
            continue
        if (low in _PERSON_PRONOUNS or low in _THING_PRONOUNS) and tokens[i].pos == "PRON":
            items.append(_Item(i, i + 1, "pron"))
        elif tokens[i].pos == "PROPN" and len(words[i]) >= 6 and (entry := kb.fuzzy_country(words[i])):
            items.append(_Item(i, i + 1, entry.kind, entry))  # "Ethopia", "Afganistan", "Ghanians"
        elif known and tokens[i].pos == "PROPN" and (tokens[i].ent_start or not tokens[i].ent):
            # A surname of someone already named, which the model mislabelled or missed
            # ("Blinken" as a place, "Al-Kazemi's" as a location).
            j = i + 1
            while tokens[i].ent and j < len(tokens) and tokens[j].ent == tokens[i].ent and not tokens[j].ent_start:
                j += 1
            if surname_key(span_text(tokens[i:j])) in known:
                items.append(_Item(i, j, "name"))
                i = j
                continue
        i += 1
    return items


_LOCATIVE = {"in", "at", "near", "inside", "outside", "around", "across", "within", "into", "throughout", "through"}


def _plausible(entry: Entry, tokens: list[Token], start: int, end: int, kb: ActorKnowledge,
               words: list[str]) -> bool:
    """Drop matches that are not actor mentions in this context."""
    span = tokens[start:end]
    last = span[-1]
    proper = entry.kind in ("person", "org", "country", "metonym", "adjective")
    if proper and not any(t.text[:1].isupper() for t in span):
        return False  # names written in lower case are ordinary words ("us", "who", "china")
    if entry.kind in ("country", "adjective", "metonym") and start >= 2 and tokens[start - 1].text == "-" \
            and tokens[start - 2].text.lower() in ("anti", "pro"):
        return False  # an "anti-Syria journalist" is not Syria's
    if entry.kind == "role":
        # A role word is an actor as a noun heading its own phrase, not as a modifier
        # ("terrorist attack", "official account") or an adjective; but a country's role word
        # before a noun still names that body ("Israeli police custody", "Kampuchean guerrilla
        # camps"), and so does one before another role word ("fundamentalist demonstrators"); a
        # country's "civilian" before a noun names its civilians ("Russian civilian advisers").
        head = tokens[last.head] if 0 <= last.head < len(tokens) else last
        before = tokens[start - 1] if start > 0 else None
        national = before is not None and before.ent in ("NORP", "GPE") and before.head in (head.i, last.i)
        if last.pos not in ("NOUN", "PROPN") and not (
                national and entry.key == "CVL" and last.dep == "amod" and head.pos == "NOUN"
                and not kb.index.longest(words, head.i)[1]):
            return False
        if (last.dep in ("compound", "amod") and head.i >= end and head.pos == "NOUN" and head.ent == ""
                and not national and not _role_at(head.i == end, kb, words, end)):
            return False
    if entry.kind == "metonym":
        # "in Baghdad" (or "in the Green Zone, Baghdad") is a place; "Baghdad said" is the government.
        token, steps = last, 0
        while token.dep in ("appos", "conj", "compound") and steps < 4 and 0 <= token.head < len(tokens):
            token, steps = tokens[token.head], steps + 1
        head = tokens[token.head] if 0 <= token.head < len(tokens) else token
        if token.dep == "pobj" and head.text.lower() in _LOCATIVE:
            return False
    return True


def _role_at(adjacent: bool, kb: ActorKnowledge, words: list[str], i: int) -> bool:
    """A role word starts at word i, right after the one before it (looked up only then)."""
    return adjacent and any(e.kind == "role" for e in kb.index.longest(words, i)[1])


def _groups(items: list[_Item], tokens: list[Token]) -> list[list[_Item]]:
    groups: list[list[_Item]] = []
    for item in items:
        if groups and _joins(groups[-1], item, tokens):
            groups[-1].append(item)
        else:
            groups.append([item])
    return groups


def _share_roles(groups: list[list[_Item]], tokens: list[Token]) -> None:
    """"US and British forces": a lone country joined by "and" to a country-and-role phrase
    takes the same role (both are forces)."""
    for lone, full in pairwise(groups):
        if len(lone) != 1 or lone[0].kind not in ("country", "adjective") or len(full) < 2:
            continue
        between = [t.text.lower() for t in tokens[lone[0].end : full[0].start]]
        if between in (["and"], [","], ["or"]) and full[0].kind in ("country", "adjective") and full[-1].kind == "role":
            lone.append(_Item(full[-1].start, full[-1].end, "role", full[-1].entry, shared=True))


def _joins(group: list[_Item], item: _Item, tokens: list[Token]) -> bool:
    last = group[-1]
    gap = tokens[last.end : item.start]
    if item.kind == "role" and any(t.text in ("'s", "’s") for t in gap):
        # "Ethiopia's federal government", "Iraq's interim prime minister": adjectives before the role.
        gap = [t for t in gap if not (t.pos == "ADJ" and t.text.islower())]
    if item.kind == "role" and last.kind in ("country", "adjective", "org"):
        # "the U.N. war crimes court", "Algeria's leading human rights activist": words modifying
        # the role's noun.
        gap = [t for t in gap if not (_modifies(t, item, tokens) and t.text.islower())]
    between = [t.text.lower() for t in gap]
    if between and between[0] == "in" and last.kind == "role" and item.kind in ("country", "metonym"):
        between = between[1:]  # "rebels in the Ivory Coast", "police in Nairobi"
    if any(word not in _JOINERS for word in between):
        return False
    kinds = {g.kind for g in group}
    if item.kind in ("person", "name") and kinds & {"person", "name"}:
        return False
    if item.kind == "pron" or (last.kind == "pron" and item.kind != "role"):
        return False
    if item.kind in ("country", "metonym") and kinds & {"country", "metonym", "org"} and "of" not in between:
        return False
    if item.kind == "adjective" and kinds == {"adjective"} and tokens[last.end - 1].pos in ("NOUN", "PROPN"):
        return False  # "the Palestinians of the Israeli-occupied West Bank": the adjective is the place's
    return not (item.kind == "org" and kinds & {"org", "person", "name"})


def _modifies(token: Token, item: _Item, tokens: list[Token]) -> bool:
    """The token is a modifier inside the phrase the item heads (directly or through other modifiers)."""
    steps = 0
    while token.dep in ("compound", "amod", "nmod", "npadvmod") and steps < 4 and 0 <= token.head < len(tokens):
        if item.start <= token.head < item.end:
            return True
        token, steps = tokens[token.head], steps + 1
    return False


def _mention(group: list[_Item], tokens: list[Token], index: int, kb: ActorKnowledge, ctx: _Context) -> Mention | None:
    own = [g for g in group if not g.shared]
    first, last = tokens[own[0].start], tokens[own[-1].end - 1]
    text_tokens = tokens[own[0].start : own[-1].end]
    surface = span_text(text_tokens)
    kinds = [g.kind for g in group]
    former = _is_former(tokens, own[0].start) or any(
        g.kind == "role" and tokens[g.start].text.lower() in _FORMER for g in own)
    roles = [g for g in group if g.kind == "role"]
    role = roles[-1] if roles else None
    role_words = " ".join(t.text for t in tokens[role.start : role.end]) if role else None
    country = _country(group, kb)
    label = "PERSON" if {"person", "name"} & set(kinds) else "ORG" if role or "org" in kinds else "GPE"
    via = ""
    actor: Actor | None = None

    person_item = next((g for g in group if g.kind in ("person", "name")), None)
    if person_item is not None:
        name = span_text(tokens[person_item.start : person_item.end])
        earlier = _surname_coref(name, ctx) if person_item.kind == "name" else None
        person, via = (None, "") if earlier is not None else _find_person(person_item, name, country, kb, ctx)
        if earlier is not None:
            actor, via = earlier, "surname"
        elif person is not None and not former and person.in_office(ctx.day):
            actor = _person_actor(person, kb)
        elif person is not None:
            actor = Actor(code=f"{person.country or ''}ELI", name=person.name, kind="person",
                          country=person.country, sector="ELI", role=f"former {person.office}")
            via = f"{via}, out of office"
        elif "org" in kinds:
            org = kb.organisations[next(g for g in group if g.kind == "org").entry.key]
            actor = Actor(code=org.code, name=name, kind="person", country=org.country,
                          sector=kb.sector_of(org.code), role=role_words)
            via = "title, organisation"
        elif role is not None:
            country = country or ctx.home
            sector = "ELI" if former else role.entry.key
            actor = Actor(code=f"{country or ''}{sector}", name=name, kind="person", country=country,
                          sector=sector, role=role_words)
            via = "title"
        else:
            return Mention(index, first.start, last.end, surface, "PERSON", None, via="unknown person")
    elif "org" in kinds:
        item = next(g for g in group if g.kind == "org")
        org = kb.organisations[item.entry.key]
        actor = Actor(code=org.code, name=org.name, kind="group" if org.kind == "armed_group" else "organisation",
                      country=org.country, sector=kb.sector_of(org.code), role=role_words)
        via = "organisation"
        party_words = {t.text.lower() for t in tokens[item.start : item.end]}
        named_country = any(g.kind in ("country", "adjective", "metonym") for g in group)
        if (org.kind == "party" and ctx.home and org.country and ctx.home != org.country
                and not named_country and party_words <= _GENERIC_PARTY_WORDS):
            # "the Labour Party" in a story from Nigeria is Nigeria's Labour Party, not Britain's.
            actor = Actor(code=f"{ctx.home}PTY", name=surface, kind="organisation", country=ctx.home,
                          sector="PTY", role=role_words)
            via = "party of the story's country"
    elif role is not None:
        sector = "ELI" if former else role.entry.key
        pron = next((g for g in group if g.kind == "pron"), None)
        if pron is not None and pron.referent is not None:
            country = country or pron.referent.country
            via = "possessor"
        if country is None:
            country = _place_after(tokens, own[-1].end, kb)  # "demonstrators in Baghdad"
            via = "role, place" if country else via
        if country is None:
            earlier = _role_coref(role_words or "", ctx)
            if earlier is not None:
                return Mention(index, first.start, last.end, surface, label, earlier, via="role")
            country, via = ctx.home, "role, dateline country"
        else:
            via = via or "role"
        actor = Actor(code=f"{country or ''}{sector}", name=surface, kind="sector", country=country,
                      sector=sector, role=role_words)
    elif "metonym" in kinds and country:
        actor = Actor(code=f"{country}GOV", name=kb.countries[country].name, kind="government",
                      country=country, sector="GOV", role=surface)
        via = "seat of government"
    elif (country and kinds[-1] == "adjective" and set(kinds) <= {"adjective", "country"}
          and last.pos in ("NOUN", "PROPN") and last.dep != "compound"):
        # "Palestinians", "a Palestinian was killed": people of that country, civilians; "Bosnian
        # Serbs", "Kosovo Albanians": a people living in the first country named, its civilians.
        actor = Actor(code=f"{country}CVL", name=surface, kind="sector", country=country, sector="CVL")
        via, label = "demonym", "NORP"
    elif country:
        actor = Actor(code=country, name=kb.countries[country].name, kind="state", country=country)
        via = "country"
        label = "NORP" if kinds == ["adjective"] else "GPE"
    elif "pron" in kinds:
        referent = group[0].referent
        return Mention(index, first.start, last.end, surface, "PRON", referent, via="pronoun")
    if actor is None:
        return None
    group_role = _persons_group(group, person_item, tokens) if person_item is not None else None
    if group_role is not None and actor.kind == "person":
        # "Djindjic's opposition coalition", "supporters of President Trump": a group of that person's
        # country, in the role the words give, not the person.
        words = span_text(tokens[group_role.start : group_role.end])
        actor = Actor(code=f"{actor.country or ''}{group_role.entry.key}", name=surface, kind="sector",
                      country=actor.country, sector=group_role.entry.key, role=words)
        via, label = f"{via}; the person's {words}", "ORG"
    return Mention(index, first.start, last.end, surface, label, actor, via=via)


_TITLE_SECTORS = {"GOV", "ELI", "LEG", "JUD", "MIL"}  # "the President of X", "General X": the person


def _persons_group(group: list[_Item], person: _Item, tokens: list[Token]) -> _Item | None:
    """The role of a group named after a person: "X's supporters", "supporters of X"."""
    for item in group:
        if item.kind != "role":
            continue
        if item.start >= person.end and any(t.text in ("'s", "’s") for t in tokens[person.end : item.start]):
            return item
        if (item.end <= person.start and item.entry.key not in _TITLE_SECTORS
                and tokens[item.end].text.lower() == "of"):
            return item
    return None


def _is_former(tokens: list[Token], start: int) -> bool:
    """"former president X", "Former Socialist prime minister X", "ousted leader X"."""
    for back in (1, 2):
        i = start - back
        if i < 0:
            return False
        if tokens[i].text.lower() in _FORMER:
            return True
        if tokens[i].pos not in ("ADJ", "PROPN"):
            return False
    return False


def _place_after(tokens: list[Token], end: int, kb: ActorKnowledge) -> str | None:
    """The country named right after "in": "police in Kenya". (A city, "police in Nairobi", is left to
    the places: a capital's name can be another country's town, "militias in Tripoli".)"""
    if end + 1 >= len(tokens) or tokens[end].text.lower() != "in":
        return None
    start = end + 2 if tokens[end + 1].text.lower() == "the" else end + 1
    _, entries = kb.index.longest([t.text for t in tokens], start)
    entry = next((e for e in entries if e.kind == "country"), None)
    return entry.key if entry else None


def _country(group: list[_Item], kb: ActorKnowledge) -> str | None:
    for item in group:
        if item.kind in ("country", "adjective", "metonym") and item.entry:
            return item.entry.key
    for item in group:
        if item.kind == "org" and item.entry:
            org = kb.organisations.get(item.entry.key)
            if org and org.country:
                return org.country
    return None


def _person_actor(person: Person, kb: ActorKnowledge) -> Actor:
    return Actor(code=person.code, name=person.name, kind="person", country=person.country,
                 sector=kb.sector_of(person.code), role=person.office,
                 tenure_start=person.start, tenure_end=person.end)


def _find_person(item: _Item, name: str, country: str | None, kb: ActorKnowledge,
                 ctx: _Context) -> tuple[Person | None, str]:
    """A known person by exact alias, then by surname key and fuzzy full name; in office first.
    (A surname already named in the article is resolved by the caller, before this.)"""
    if item.kind == "person" and item.entry is not None:
        rows = kb.people_by_key.get(name_key(item.entry.text), [])
        if country:
            rows = [p for p in rows if p.country == country] or rows
        if rows:
            return _best_row(rows, ctx.day), "name"
    key = surname_key(name)
    candidates = kb.people_by_surname.get(key, []) if key else []
    # People whose usual name ends so come before those who only have it in a longer alias.
    candidates = [p for p in candidates if surname_key(p.name) == key] or candidates
    if country:
        candidates = [p for p in candidates if p.country == country] or candidates
    scored = {}
    words = name.split()
    for person in candidates:
        # A full name must be close to the person's; a lone surname closer still to their surname
        # (Zelensky = Zelenskyy, 94; the outlet "Al-Masala" is not Khaled Mashal, 83).
        score = similar(name, person.name) if len(words) > 1 else similar(words[0], person.name.split()[-1])
        if score >= (80 if len(words) > 1 else 85):
            scored.setdefault(person.name, []).append(person)
    if len(words) == 1:
        # A lone surname never introduced is a known person only while in office ("Putin said"); with
        # thousands of past office-holders, "Leon" or "Goma" alone is more likely a place or another man.
        scored = {n: rows for n, rows in scored.items() if any(r.in_office(ctx.day) for r in rows)}
    if len(scored) == 1:
        rows = next(iter(scored.values()))
        return _best_row(rows, ctx.day), "fuzzy" if len(words) > 1 else "surname, known person"
    in_office = {n: rows for n, rows in scored.items() if any(r.in_office(ctx.day) for r in rows)}
    if len(in_office) == 1:
        rows = next(iter(in_office.values()))
        return _best_row(rows, ctx.day), "fuzzy, the one in office"
    current = [r for rows in (in_office or scored).values() for r in rows if r.in_office(ctx.day)]
    if current and len({r.code for r in current}) == 1:
        # Several people fit ("President Bush"), all with one code: the code is certain.
        return max(current, key=lambda p: p.start or dt.date.min), "surname, one code"
    return None, ""


def _best_row(rows: list[Person], day: dt.date | None) -> Person:
    current = [p for p in rows if p.in_office(day)]
    if current and day is None:
        # Undated: every row "holds"; a state office is what news most often names a person for.
        return min(current, key=lambda p: not p.code.endswith("GOV"))
    if current:
        return current[0]
    return max(rows, key=lambda p: p.end or dt.date.max)


def _surname_coref(name: str, ctx: _Context) -> Actor | None:
    key = surname_key(name)
    if not key:
        return None
    for actor, surface in reversed(ctx.people):
        if surname_key(surface) == key or surname_key(actor.name) == key:
            return actor
    return None


def _role_coref(role_words: str, ctx: _Context) -> Actor | None:
    wanted = role_words.lower()
    matches = [actor for actor, words in ctx.roles if words == wanted]
    if not matches:
        return None
    home = [a for a in matches if a.country == ctx.home]
    return (home or matches)[0]


def _remember(mention: Mention, ctx: _Context, index: int) -> None:
    actor = mention.actor
    if actor is None or mention.label == "PRON":
        return
    if actor.kind == "person":
        ctx.people.append((actor, mention.text))
        ctx.last_person = (index, actor)
        if actor.role:
            ctx.roles.append((actor, actor.role.lower()))
        words = mention.text.lower()
        for role in _role_words_in(words):
            ctx.roles.append((actor, role))
    else:
        ctx.last_thing = (index, actor)


def _role_words_in(text: str) -> list[str]:
    """The office titles (data/titles.tsv) a mention carries, for later "the Prime Minister" references."""
    return [title for title in _titles() if title in text]


@cache
def _titles() -> tuple[str, ...]:
    return tuple(row["title"] for row in read_table("titles.tsv"))


def _apply_appositions(mentions: list[Mention], tokens: list[Token], ctx: _Context) -> None:
    """"Blinken, the US secretary of state," and "a member of the Syrian parliament, Mohammed
    Mamoun," give the unknown person the title's code."""
    for before, after in pairwise(mentions):
        gap = [t.text for t in tokens if before.end <= t.start < after.start]
        if not gap or gap[0] != ",":
            continue
        if before.label == "PERSON" and before.actor is None and after.actor is not None:
            person, title = before, after.actor
            following = [t for t in tokens if t.start >= after.end][:1]
            if not set(gap[1:]) <= {"the", "a", "an"} or title.kind != "sector" or (
                    following and following[0].pos in ("VERB", "AUX")):
                continue  # a title, not "X, the Pentagon said"
        elif after.label == "PERSON" and after.actor is None and before.actor is not None and len(gap) == 1:
            person, title = after, before.actor
            closing = [t.text for t in tokens if t.start >= after.end][:1]
            if title.kind != "sector" or closing not in ([","], ["."], []):
                continue  # "Iraq, Mohammed ..." is a list, not a title; an apposition closes
        else:
            continue
        if not title.sector:
            continue
        person.actor = Actor(code=title.code, name=person.text, kind="person", country=title.country,
                             sector=title.sector, role=title.role)
        person.via = "apposition"
        ctx.people.append((person.actor, person.text))
