"""Our cleaner for scraped plain text: the visible text of a news page, copied line by line.

trafilatura needs HTML, so plain text gets this line classifier instead. Each non-empty line is
one block. A block is the title, a metadata line (date, read count, section, author, tags), a
body paragraph, or boilerplate with a reason. Metadata lines are parsed, body paragraphs kept
in order, and every removed block is recorded with its reason.

Fills: title, the page's date line, section, authors, tags, counters, paragraphs, removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.extract import boilerplate
from dateline.extract.dates import DateMention, find_dates
from dateline.model import RemovedBlock

_BULLET = "•·*▪►-–—>"
_END_PUNCT = re.compile(r"[.!?…:;][\"'”’»)\]]*$|[\"”’»]$")
_WORD = re.compile(r"\w+")

_COUNTER = re.compile(
    r"(?:(?:number of )?(?P<label>readings|reads|views|viewed|hits|visits|read count|reading count)"
    r"\s*[:：]?\s*(?P<n1>[\d][\d,. ]*[kKmM]?)(?:\s*times)?"
    r"|(?P<n2>[\d][\d,.]*[kKmM]?)\s+(?P<label2>readings|reads|views|hits|visits))",
    re.I,
)
_SECTION = re.compile(r"(?:section|category|categories|filed under|posted in|rubric)\s*[:：]\s*(?P<s>.+)", re.I)
_BREADCRUMB = re.compile(r"(?:home|main|start)\s*(?:[>›»/]\s*[^>›»/]+){1,5}", re.I)
_AUTHOR = re.compile(
    r"(?:(?:by|written by|words by|story by|reporting by)\s+|(?:author|reporter|writer)\s*[:：]\s*)"
    r"(?P<a>[^\n]{2,150})",
    re.I,
)
_TAGS = re.compile(r"(?:tags|tagged( with)?|topics|keywords)\s*[:：]\s*(?P<t>.+)", re.I)
_DATE_LABEL = re.compile(
    r"^(?:published|posted|updated|last updated|modified|date|first published|created|on)\b\s*(?:on|at)?\s*[:：]?\s*",
    re.I,
)
_PUBLISHED = re.compile(r"\s*(?:published|posted)", re.I)
_RELATIVE = re.compile(
    r"(?:(?:updated|published|posted)\s+)?(?:\d+|an?|one)\s+(?:second|minute|min|hour|hr|day|week|month)s?\s+ago",
    re.I,
)
_READING_TIME = re.compile(
    r"(?:\d+\s*(?:-|to)?\s*\d*\s*min(?:ute)?s?\s*(?:read|reading)|reading time\s*[:：]?.*"
    r"|listen to (?:this )?(?:article|story).*|\d+\s*min listen)",
    re.I,
)
_OUTLET_WORDS = re.compile(
    r"\b(associated press|reuters|afp|agence france-presse|press|news|times|post|agency|"
    r"staff|correspondent|reporter|writer|editor|bureau|television|tv|radio|network)\b",
    re.I,
)


@dataclass(slots=True)
class ScrapedPage:
    """What the cleaner reads off a scraped page."""

    title: str | None = None
    date_line: str | None = None
    date: DateMention | None = None
    section: str | None = None
    authors: list[str] = field(default_factory=list)
    author_outlets: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)


def clean_scraped(text: str, title: str | None = None) -> ScrapedPage:
    """Split a scraped page into title, metadata, body paragraphs and removed boilerplate.

    ``title`` is a title the caller already knows: the page's own title line is then found by
    comparison and not guessed.
    """
    page = ScrapedPage(title=title)
    # Each line with its whitespace normalised (no-break and repeated spaces become one space).
    lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [line for line in lines if line]
    if not lines:
        return page
    kinds: list[str] = [""] * len(lines)
    for i, line in enumerate(lines):
        if _read_metadata(line, page):
            kinds[i] = "meta"
    start = _body_start(lines, kinds, page)
    for i in range(start):
        if kinds[i]:
            continue
        rule = boilerplate.classify(lines[i])
        page.removed.append(RemovedBlock(lines[i], rule.reason if rule else "page-header"))
        kinds[i] = "removed"
    _read_body(lines[start:], kinds[start:], page)
    return page


def _words(line: str) -> int:
    return len(_WORD.findall(line))


def is_prose(line: str, min_words: int = 6) -> bool:
    """A line that reads like article prose: a sentence of some length, or a very long line."""
    words = _words(line)
    return words >= 25 or (words >= min_words and bool(_END_PUNCT.search(line)))


def _body_start(lines: list[str], kinds: list[str], page: ScrapedPage) -> int:
    """Index of the first body paragraph; marks the title line on the way.

    The title is the caller's title where given, else the longest non-prose header line.
    """
    wanted = _norm(page.title) if page.title else None
    candidates: list[int] = []
    start = len(lines)
    for i, line in enumerate(lines):
        if kinds[i]:
            continue
        if wanted is not None and _norm(line) == wanted:
            kinds[i] = "title"
            continue
        if boilerplate.classify(line) is not None:
            continue
        if is_prose(line):
            start = i
            break
        candidates.append(i)
    titles = [i for i in candidates if 3 <= _words(lines[i]) <= 40]
    first_meta = next((i for i, kind in enumerate(kinds) if kind == "meta"), len(lines))
    if any(i < first_meta for i in titles):  # a title comes before the date and byline
        titles = [i for i in titles if i < first_meta]
    if wanted is None and titles:
        best = max(titles, key=lambda i: _words(lines[i]))
        page.title, kinds[best] = lines[best], "title"
    if start == len(lines) and candidates:  # no prose at all: keep what is not the title
        start = next((i for i in candidates if not kinds[i]), len(lines))
    return start


def _read_body(lines: list[str], kinds: list[str], page: ScrapedPage) -> None:
    region: str | None = None
    body: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind:
            continue
        rule = boilerplate.classify(line)
        if rule is not None:
            page.removed.append(RemovedBlock(line, rule.reason))
            if rule.region or rule.reason == "comment-form":
                region = rule.reason
            continue
        if region == "comment-form" or (region and not is_prose(line, min_words=12)):
            page.removed.append(RemovedBlock(line, region))
            continue
        if region and _looks_like_author_box(line):
            page.removed.append(RemovedBlock(line, "author-box"))
            continue
        if not body and not is_prose(line, min_words=3):
            page.removed.append(RemovedBlock(line, "page-header"))
            continue
        if body and _looks_like_author_box(line):
            page.removed.append(RemovedBlock(line, "author-box"))
            region = "author-box"
            continue
        region = None
        body.append(line)
    page.paragraphs = body


_AUTHOR_BOX = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s+(?:is|has been|was|covers|writes)\s+.{0,120}"
    r"\b(?:correspondent|reporter|journalist|editor|writer|columnist|contributor|producer|"
    r"analyst|author|freelance|bureau chief)\b",
)


def _looks_like_author_box(line: str) -> bool:
    return _words(line) <= 60 and bool(_AUTHOR_BOX.match(line)) and not line.startswith(("“", '"'))


def _read_metadata(line: str, page: ScrapedPage) -> bool:
    """Parse a header or footer metadata line into ``page``; True when the line is metadata."""
    text = line.strip(_BULLET + " \t").strip()
    if not text or _words(text) > 25:
        return False
    match = _COUNTER.fullmatch(text)
    if match:
        raw = match.group("n1") or match.group("n2") or ""
        page.counters.setdefault("reads", _count(raw))
        return True
    match = _SECTION.fullmatch(text)
    if match:
        page.section = page.section or re.split(r"\s*[,;|]\s*", match.group("s").strip())[0]
        return True
    if _BREADCRUMB.fullmatch(text):
        parts = [p.strip() for p in re.split(r"[>›»/]", text) if p.strip()]
        page.section = page.section or (parts[-1] if len(parts) > 1 else None)
        return True
    match = _TAGS.fullmatch(text)
    if match:
        page.tags = [t.strip() for t in re.split(r"[,;|#]", match.group("t")) if t.strip()]
        return True
    if _RELATIVE.fullmatch(text) or _READING_TIME.fullmatch(text):
        page.removed.append(RemovedBlock(line, "metadata"))
        return True
    dates = find_dates(text)
    match = _AUTHOR.fullmatch(text)
    if match and _words(text) <= 16 and not re.search(r"\w{3}[.!?]$", text):
        _read_byline(match.group("a"), dates, page)
        if dates and page.date is None:
            page.date, page.date_line = dates[0], text
        return True
    if dates and _is_date_line(text, dates):
        if page.date is None or (_PUBLISHED.match(text) and not _PUBLISHED.match(page.date_line or "")):
            page.date, page.date_line = dates[0], text
        return True
    return False


def _is_date_line(text: str, dates: list[DateMention]) -> bool:
    segments = [seg for seg in re.split(r"\s+[|•·]\s+", text) if seg.strip()]
    if len(segments) > 1:
        return any(_is_date_line(seg, find_dates(seg)) for seg in segments if find_dates(seg))
    rest = text
    for mention in reversed(dates):
        rest = rest[: mention.start] + rest[mention.end :]
    rest = _DATE_LABEL.sub("", rest.strip())
    rest = re.sub(r"\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?|\b[A-Z]{2,4}\b|[|,·•()\-–—:]", " ", rest)
    return _words(rest) <= 3


def _read_byline(text: str, dates: list[DateMention], page: ScrapedPage) -> None:
    for mention in reversed(dates):
        text = text[: mention.start] + text[mention.end :]
    parts = [p.strip() for p in re.split(r"\s*[|•·]\s*", text) if p.strip()]
    names_part = parts[0] if parts else ""
    chunks = [c.strip() for c in names_part.split(",") if c.strip()]
    names: list[str] = []
    for j, chunk in enumerate(chunks):
        if j > 0 and _OUTLET_WORDS.search(chunk):
            page.author_outlets.append(chunk)
            continue
        names.extend(n.strip() for n in re.split(r"\s+(?:and|&)\s+", chunk) if n.strip())
    page.authors.extend(n for n in names if n not in page.authors)


def _count(raw: str) -> int:
    raw = raw.replace(",", "").replace(" ", "").lower()
    scale = 1000 if raw.endswith("k") else 1_000_000 if raw.endswith("m") else 1
    number = float(raw.rstrip("km") or 0)
    return int(number * scale)


def _norm(text: str | None) -> str:
    return " ".join(_WORD.findall((text or "").lower()))
