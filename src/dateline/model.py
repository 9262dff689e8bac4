"""Records that flow between dateline's stages.

Every stage takes and returns these plain dataclasses; nothing else crosses a stage boundary.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


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
