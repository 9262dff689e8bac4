"""Actor knowledge from the data files: countries, sectors and their role words, organisations,
and office-holders with tenures; plus one phrase index to find them all in tokenised text.

Files: data/countries.tsv, data/sectors.tsv, data/organisations.tsv, data/people/*.tsv (each
with a header saying where its facts come from). Loaded once per process, read-only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz, process

from dateline.actors.names import name_key, surname_key
from dateline.resources import data_path, read_table, read_tsv


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    name: str
    capital: str | None


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    name: str
    kind: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Person:
    name: str
    country: str | None
    code: str
    office: str
    start: dt.date | None
    end: dt.date | None

    def in_office(self, day: dt.date | None) -> bool:
        if day is None:
            return True
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a matched phrase is: kind is country, adjective, metonym, role, org or person."""

    kind: str
    key: str  # iso3, sector code, org code, or person name
    text: str


@dataclass
class PhraseIndex:
    """Token-sequence trie over lower-cased token texts. Entries flagged case-sensitive (short
    all-capital abbreviations such as US, IS, PA) only match text written exactly so."""

    root: dict = field(default_factory=dict)

    def add(self, tokens: list[str], entry: Entry, case_sensitive: bool) -> None:
        node = self.root
        for token in tokens:
            node = node.setdefault(token.lower(), {})
        node.setdefault(None, []).append((entry, case_sensitive))

    def longest(self, words: list[str], start: int) -> tuple[int, list[Entry]]:
        """Longest phrase starting at ``start``: (end index, entries), or (start, [])."""
        node, best_end, best = self.root, start, []
        for i in range(start, len(words)):
            node = node.get(words[i].lower())
            if node is None:
                break
            hits = [e for e, exact in node.get(None, ()) if not exact or e.text.split(" ") == words[start : i + 1]]
            if hits:
                best_end, best = i + 1, hits
        return best_end, best


@dataclass
class ActorKnowledge:
    countries: dict[str, Country]
    sectors: dict[str, str]  # code -> name
    organisations: dict[str, Organisation]
    people: list[Person]
    index: PhraseIndex
    people_by_key: dict[str, list[Person]]  # normalised full name -> rows
    people_by_surname: dict[str, list[Person]]  # phonetic surname key -> rows

    country_words: dict[str, Entry] = field(default_factory=dict)  # country names and demonyms

    def sector_of(self, code: str) -> str | None:
        return code[3:6] if len(code) >= 6 and code[3:6] in self.sectors else None

    def fuzzy_country(self, word: str) -> Entry | None:
        """A misspelt country name or demonym ("Ethopia", "Afganistan"): one edit or two away."""
        if word in self.country_words:
            return None  # spelt right; the phrase index has it
        found = process.extractOne(word, list(self.country_words), scorer=fuzz.ratio, score_cutoff=86)
        return self.country_words[found[0]] if found else None


def load_knowledge(tokenize: Callable[[str], list[str]], extra_people: Iterable[Path] = ()) -> ActorKnowledge:
    """Read every actor data file and index its phrases with ``tokenize`` (the NLP tokenizer)."""
    index = PhraseIndex()

    def add(phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        tokens = tokenize(phrase)
        letters = phrase.replace(".", "").replace("-", "")
        case_sensitive = letters.isupper() and len(letters) <= 5
        entry = Entry(entry.kind, entry.key, " ".join(tokens))
        index.add(tokens, entry, case_sensitive)

    countries: dict[str, Country] = {}
    for row in read_table("countries.tsv"):
        iso3 = row["iso3"]
        countries[iso3] = Country(iso3, row["name"], row.get("capital") or None)
        for name in [row["name"], *_split(row.get("names"))]:
            add(name, Entry("country", iso3, name))
        for adjective in _split(row.get("adjectives")):
            add(adjective, Entry("adjective", iso3, adjective))
        for metonym in _split(row.get("metonyms")):
            add(metonym, Entry("metonym", iso3, metonym))
    sectors: dict[str, str] = {}
    for row in read_table("sectors.tsv"):
        sectors[row["code"]] = row["name"]
        for role in _split(row.get("roles")):
            add(role, Entry("role", row["code"], role))
    organisations: dict[str, Organisation] = {}
    for row in read_table("organisations.tsv"):
        org = Organisation(row["code"], row["name"], row["kind"], row.get("country") or None)
        organisations[org.code] = org
        for alias in [row["name"], *_split(row.get("aliases"))]:
            add(alias, Entry("org", org.code, alias))
    people: list[Person] = []
    by_key: dict[str, list[Person]] = {}
    by_surname: dict[str, list[Person]] = {}
    files = sorted(data_path("people").glob("*.tsv")) + list(extra_people)
    for path in files:
        for row in read_tsv(path):
            person = Person(
                name=row["name"],
                country=row.get("country") or None,
                code=row["code"],
                office=row.get("office", ""),
                start=_date(row.get("start")),
                end=_date(row.get("end")),
            )
            people.append(person)
            for alias in [row["name"], *_split(row.get("aliases"))]:
                add(alias, Entry("person", row["name"], alias))
                by_key.setdefault(name_key(alias), []).append(person)
                key = surname_key(alias)
                if key:
                    by_surname.setdefault(key, []).append(person)
    words = {}
    for row in read_table("countries.tsv"):
        for name in [row["name"], *_split(row.get("names")), *_split(row.get("adjectives"))]:
            if " " not in name and len(name) >= 5:
                kind = "adjective" if name in _split(row.get("adjectives")) else "country"
                words.setdefault(name, Entry(kind, row["iso3"], name))
    return ActorKnowledge(countries, sectors, organisations, people, index, by_key, by_surname, words)


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None
