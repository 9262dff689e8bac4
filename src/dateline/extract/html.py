"""HTML pages through trafilatura: main text and metadata, plus the page parts it left out.

trafilatura decides what the article is; this module only reads what trafilatura does not
report: the publication time from the page's meta tags, and the removed page furniture
(navigation, footers, comment forms, share bars...) with a reason for each.
"""

from __future__ import annotations

import datetime as dt
import re
from copy import deepcopy
from dataclasses import dataclass, field, replace
from functools import cache

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from dateline.errors import DatelineError
from dateline.extract.dates import parse_given
from dateline.model import Published, RemovedBlock

MAX_REMOVED_BLOCKS = 200
MAX_BLOCK_CHARS = 400

# Words in an element's tag, class or id, and the reason to record when it is left out.
_FURNITURE = [
    ("comment-form", re.compile(r"comment|respond|reply|disqus", re.I)),
    ("cookie-notice", re.compile(r"cookie|consent|gdpr", re.I)),
    ("newsletter", re.compile(r"newsletter|signup|sign-up|subscribe-box|mailing", re.I)),
    ("share-buttons", re.compile(r"\bshare|social|sharing", re.I)),
    ("related-links", re.compile(r"related|recommend|more-stories|most-read|popular|trending|read-more|sidebar", re.I)),
    ("author-box", re.compile(r"author-?bio|author-?box|about-author", re.I)),
    ("advertisement", re.compile(r"\bads?\b|advert|sponsor|promo|dfp|banner", re.I)),
    ("subscription", re.compile(r"paywall|subscription|premium-wall", re.I)),
    ("navigation", re.compile(r"\bnav|menu|breadcrumb|masthead|header", re.I)),
    ("copyright-footer", re.compile(r"footer|copyright|colophon", re.I)),
]
_TAG_REASON = {"nav": "navigation", "footer": "copyright-footer", "aside": "related-links", "form": "form"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "article", "main"}
_META_TIME_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time" or '
    '@property="og:published_time" or @itemprop="datePublished" or @name="pubdate" or '
    '@name="publishdate" or @name="date" or @name="dc.date" or @name="DC.date.issued"]/@content'
    ' | //time[@itemprop="datePublished"]/@datetime | //time[@pubdate]/@datetime'
    ' | //*[@itemprop="datePublished"]/@datetime | //time/@datetime'
)
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


@dataclass(slots=True)
class HtmlPage:
    title: str | None = None
    published: Published | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    sitename: str | None = None
    description: str | None = None
    language: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    removed: list[RemovedBlock] = field(default_factory=list)


@cache
def _config(max_bytes: int):
    config = deepcopy(use_config())
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    return config


_BLOAT = re.compile(
    r"<(script|style|svg|noscript|template)\b.*?</\1\s*>|<!--.*?-->|data:[\w/+.-]+;base64,[A-Za-z0-9+/=]+",
    re.I | re.S,
)


def slim_html(html: str, limit: int, source: str = "") -> str:
    """Drop scripts, styles, comments and inline data from a page over ``limit`` characters;
    raise E017 if the markup left is still over it."""
    if len(html) <= limit:
        return html
    slim = _BLOAT.sub("", html)
    if len(slim) > limit:
        raise DatelineError("E017", source, size=len(slim.encode("utf-8", "replace")), limit=limit)
    return slim


def extract_html(html: str, url: str | None, max_bytes: int) -> HtmlPage:
    """Main text and metadata of a full HTML page (call ``slim_html`` first on large pages)."""
    tree = load_html(html, max_bytes)
    page = HtmlPage()
    if tree is None:
        return page
    meta_time = _meta_published(tree)
    page.removed = furniture(tree)
    doc = bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, config=_config(max_bytes)
    )
    if doc is None:
        return page
    page.title = doc.title
    page.authors = [a.strip() for a in re.split(r";", doc.author or "") if a.strip()]
    page.section = (doc.categories or [None])[0]
    page.tags = list(doc.tags or [])
    page.sitename = doc.sitename
    page.description = doc.description
    page.language = doc.language
    page.paragraphs = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    page.published = _published(doc.date, meta_time)
    return page


def _meta_published(tree: lxml.html.HtmlElement) -> Published | None:
    values = [str(v) for v in tree.xpath(_META_TIME_XPATH)]
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        values.extend(_JSONLD_DATE.findall(str(script)))
    found: list[tuple[Published, str]] = []
    for value in values:
        try:
            found.append((parse_given(value.strip()), value.strip()))
        except ValueError:
            continue
    if not found:
        return None
    # The first value that has a time of day, else the first value.
    published, value = next((f for f in found if f[0].time is not None), found[0])
    return replace(published, evidence=f"the page's metadata gives '{value}'")


def _published(date: str | None, meta: Published | None) -> Published | None:
    if not date:
        return meta
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return meta
    if meta is not None and meta.date == day:
        return meta
    return Published(date=day, precision="day", evidence=f"htmldate found {date} in the page")


def furniture(tree: lxml.html.HtmlElement) -> list[RemovedBlock]:
    """Top-level page furniture blocks (not nested in one another), with a reason each."""
    found: list[RemovedBlock] = []
    body = tree.find("body")
    stack = [body if body is not None else tree]
    while stack and len(found) < MAX_REMOVED_BLOCKS:
        element = stack.pop()
        for child in reversed(list(element)):
            tag = child.tag if isinstance(child.tag, str) else ""
            if not tag or tag in ("script", "style", "noscript", "template", "svg"):
                continue
            reason = _reason(child, tag)
            if reason is None:
                stack.append(child)
                continue
            text = " ".join(" ".join(child.itertext()).split())
            if text:
                found.append(RemovedBlock(text[:MAX_BLOCK_CHARS], reason))
    found.reverse()
    return found


def _reason(element: lxml.html.HtmlElement, tag: str) -> str | None:
    if tag in _SKIP_TAGS:
        return None
    if tag in _TAG_REASON:
        marks = f"{element.get('class', '')} {element.get('id', '')}"
        for reason, pattern in _FURNITURE:
            if pattern.search(marks):
                return reason
        return _TAG_REASON[tag]
    marks = f"{element.get('class', '')} {element.get('id', '')} {element.get('role', '')}"
    if not marks.strip():
        return None
    for reason, pattern in _FURNITURE:
        if pattern.search(marks):
            return reason
    return None


def fragment_paragraphs(html: str) -> list[str]:
    """Paragraphs of an HTML fragment such as a feed item's content."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return [line.strip() for line in html.splitlines() if line.strip()]
    blocks = root.xpath(".//p | .//li | .//h1 | .//h2 | .//h3 | .//blockquote")
    outer = [b for b in blocks if not b.xpath("ancestor::p|ancestor::li")]
    texts = [" ".join(" ".join(b.itertext()).split()) for b in outer]
    texts = [t for t in texts if t]
    if not texts:
        texts = [" ".join(line.split()) for line in root.text_content().splitlines() if line.strip()]
    return texts
