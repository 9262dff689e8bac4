"""Metadata of an HTML page from its head: title, site, authors, section, tags, language, date.

Reads the standard places (Open Graph, article:*, JSON-LD NewsArticle, <title>, <h1>,
<html lang>) with a few XPath queries, and the publication date with htmldate; this is faster
than trafilatura's full metadata pass and leaves the main-text extraction to trafilatura.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field, replace
from typing import Any

import lxml.html
from htmldate import find_date

from dateline.extract.dates import parse_given
from dateline.model import Published

_META = "//meta[@{attr}={value!r}]/@content"
_TITLE_SUFFIX = re.compile(r"\s+[|–—\-:·•]\s+[^|–—\-:·•]{2,60}$")
_PUBLISHED_XPATH = (
    '//meta[@property="article:published_time" or @name="article:published_time" or '
    '@property="og:published_time" or @itemprop="datePublished" or @name="pubdate" or '
    '@name="publishdate" or @name="date" or @name="dc.date" or @name="DC.date.issued" or '
    '@name="dcterms.date"]/@content'
    ' | //*[@itemprop="datePublished"]/@datetime | //time/@datetime'
)


@dataclass(slots=True)
class HtmlMeta:
    title: str | None = None
    sitename: str | None = None
    authors: list[str] = field(default_factory=list)
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    language: str | None = None
    published: Published | None = None


def read_meta(tree: lxml.html.HtmlElement, url: str | None = None) -> HtmlMeta:
    """Metadata from a parsed page (call before anything modifies the tree)."""
    ld = _json_ld(tree)
    meta = HtmlMeta()
    meta.title = _first(
        _values(tree, "property", "og:title"),
        _values(tree, "name", "twitter:title"),
        [ld.get("headline")],
        tree.xpath("//h1[1]//text()") and [" ".join(" ".join(tree.xpath("//h1[1]//text()")).split())],
        [_strip_site(t) for t in tree.xpath("//title/text()")],
    )
    meta.sitename = _first(
        _values(tree, "property", "og:site_name"),
        [_name(ld.get("publisher"))],
        _values(tree, "name", "application-name"),
    )
    authors = _values(tree, "name", "author") + _values(tree, "property", "article:author")
    authors += [_name(a) for a in _as_list(ld.get("author"))]
    meta.authors = _unique(a for a in authors if a and not a.startswith(("http://", "https://")))
    meta.section = _first(_values(tree, "property", "article:section"), [_text(ld.get("articleSection"))])
    tags = _values(tree, "property", "article:tag") + _split(_first(_values(tree, "name", "news_keywords")))
    meta.tags = _unique(tags)
    meta.description = _first(_values(tree, "property", "og:description"), _values(tree, "name", "description"))
    lang = tree.get("lang") or _first(_values(tree, "http-equiv", "content-language"))
    meta.language = lang.split("-")[0].lower() if lang else None
    meta.published = _published(tree, ld, url)
    return meta


def _values(tree: lxml.html.HtmlElement, attr: str, value: str) -> list[str]:
    return [" ".join(str(v).split()) for v in tree.xpath(_META.format(attr=attr, value=value)) if str(v).strip()]


def _first(*groups: Any) -> str | None:
    for group in groups:
        for value in group or []:
            if isinstance(value, str) and value.strip():
                return value.strip()
    return None


def _strip_site(title: str) -> str:
    title = " ".join(title.split())
    stripped = _TITLE_SUFFIX.sub("", title)
    return stripped if len(stripped.split()) >= 3 else title


def _json_ld(tree: lxml.html.HtmlElement) -> dict[str, Any]:
    """The first Article-like object in the page's JSON-LD, or {}."""
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(str(script))
        except ValueError:
            continue
        for item in _walk_ld(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and ("Article" in k or k in ("Report", "BlogPosting")) for k in kinds):
                return item
    return {}


def _walk_ld(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for element in data for item in _walk_ld(element)]
    if isinstance(data, dict):
        return [data, *_walk_ld(data.get("@graph", []))]
    return []


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value] if value else []


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) else None


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return value if isinstance(value, str) else None


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _unique(values: Any) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _published(tree: lxml.html.HtmlElement, ld: dict[str, Any], url: str | None) -> Published | None:
    """The page's own publication metadata (JSON-LD, meta tags, <time>) when it has some;
    otherwise htmldate's search of the whole page."""
    values = [str(v).strip() for v in tree.xpath(_PUBLISHED_XPATH)]
    if isinstance(ld.get("datePublished"), str):
        values.insert(0, ld["datePublished"].strip())
    stamped: list[tuple[Published, str]] = []
    for value in values:
        try:
            stamped.append((parse_given(value), value))
        except ValueError:
            continue
    if stamped:
        published, value = next((s for s in stamped if s[0].time is not None), stamped[0])
        published = replace(published, evidence=f"the page's metadata gives '{value}'")
        if published.timezone == "UTC" and published.time is not None and published.time.hour < 12:
            # A morning UTC stamp may fall on the previous local day: ask the page's visible dates.
            day = find_date(tree, url=url, original_date=True, extensive_search=True)
            if day and published.date and dt.date.fromisoformat(day) == published.date - dt.timedelta(days=1):
                return Published(
                    date=dt.date.fromisoformat(day),
                    precision="day",
                    evidence=f"the page shows {day}; its metadata stamp '{value}' is in UTC",
                )
        return published
    day = find_date(tree, url=url, original_date=True, extensive_search=True)
    if day:
        return Published(date=dt.date.fromisoformat(day), precision="day", evidence=f"htmldate found {day} in the page")
    return None
