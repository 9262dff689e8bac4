"""HTML pages through trafilatura: main text and metadata, plus the page parts it left out.

trafilatura decides what the article's text is; html_meta reads the metadata; this module also
records the page furniture left out (navigation, footers, comment forms, share bars...) with a
reason for each.
"""

from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from functools import cache

import lxml.html
from lxml.etree import ParserError
from trafilatura import bare_extraction
from trafilatura.settings import use_config
from trafilatura.utils import load_html

from dateline.errors import DatelineError
from dateline.extract.html_meta import HtmlMeta, read_meta
from dateline.model import RemovedBlock

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
@dataclass(slots=True)
class HtmlPage:
    """The page's metadata (read from its head) with its main text and left-out furniture."""

    meta: HtmlMeta = field(default_factory=HtmlMeta)
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
    page.meta = read_meta(tree, url)
    page.removed = furniture(tree)
    doc = bare_extraction(tree, url=url, include_comments=False, config=_config(max_bytes))
    if doc is not None:
        page.paragraphs = [line.strip() for line in (doc.text or "").split("\n") if line.strip()]
    if page.paragraphs and page.meta.title and _same_text(page.paragraphs[0], page.meta.title):
        page.paragraphs = page.paragraphs[1:]  # the headline is the title, not body text
    return page


def _same_text(a: str, b: str) -> bool:
    return " ".join(re.findall(r"\w+", a.lower())) == " ".join(re.findall(r"\w+", b.lower()))


def furniture(tree: lxml.html.HtmlElement) -> list[RemovedBlock]:
    """Top-level page furniture blocks (not nested in one another), with a reason each."""
    found: list[RemovedBlock] = []
    body = tree.find("body")
    stack_root = body if body is not None else tree
    stack = [stack_root]
    while stack and len(found) < MAX_REMOVED_BLOCKS:
        element = stack.pop()
        tag = element.tag if isinstance(element.tag, str) else ""
        reason = _reason(element, tag) if element is not stack_root else None
        if reason is not None:
            text = " ".join(" ".join(element.itertext()).split())
            if text:
                found.append(RemovedBlock(text[:MAX_BLOCK_CHARS], reason))
            continue
        stack.extend(
            child for child in reversed(element)
            if isinstance(child.tag, str) and child.tag not in ("script", "style", "noscript", "template", "svg")
        )
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
