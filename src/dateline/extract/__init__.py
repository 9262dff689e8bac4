"""Extract stage: RawDocument -> Article (clean text and metadata, removed blocks with reasons).

Fills: Article (all fields but the later stages'). Needs: RawDocument.
HTML goes through trafilatura (extract/html.py); scraped plain text through our own line
classifier (extract/scraped.py). Metadata the caller gives (url, title, date) wins over the page's.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace

from dateline.errors import DatelineError
from dateline.extract.dateline import dateline_country, outlet_named_in_text, read_dateline
from dateline.extract.dates import DateMention, find_time, parse_given, resolve_published
from dateline.extract.html import extract_html, fragment_paragraphs, slim_html
from dateline.extract.language import detect_language
from dateline.extract.scraped import clean_scraped
from dateline.model import Article, Published, RawDocument
from dateline.settings import Settings

__all__ = ["document_id", "extract_article"]


def document_id(raw: RawDocument) -> str:
    """A stable id from the document's normalised URL and content."""
    url = _normal_url(raw.url)
    text = " ".join(raw.content.split())
    return hashlib.sha256(f"{url}\n{text}".encode()).hexdigest()[:16]


def _normal_url(url: str | None) -> str:
    if not url:
        return ""
    url = url.strip().split("#", 1)[0]
    match = re.match(r"^([a-z][a-z0-9+.-]*://)([^/]+)(.*)$", url, re.I)
    if match:
        url = match.group(1).lower() + match.group(2).lower() + match.group(3)
    return url.rstrip("/")


def extract_article(raw: RawDocument, settings: Settings) -> Article:
    """Clean article and metadata from one raw document; DatelineError E011 if it has no text."""
    article = Article(
        id=document_id(raw),
        source=raw.source,
        format=raw.format,
        url=raw.url,
        encoding=raw.encoding,
        warnings=list(raw.warnings),
    )
    page_date: Published | None = None
    if raw.content_type == "html":
        html = slim_html(raw.content, settings.max_html_bytes, raw.source)
        page = extract_html(html, raw.url, settings.max_bytes)
        meta = page.meta
        article.title, article.authors = meta.title, meta.authors
        article.section, article.tags = meta.section, meta.tags
        article.description, article.language, article.outlet = meta.description, meta.language, meta.sitename
        article.paragraphs, article.removed = page.paragraphs, page.removed
        page_date = meta.published
    elif raw.content_type == "html-fragment":
        article.paragraphs = fragment_paragraphs(raw.content)
    else:
        scraped = clean_scraped(raw.content, title=raw.title)
        article.title = scraped.title
        article.section, article.authors, article.tags = scraped.section, scraped.authors, scraped.tags
        article.counters = scraped.counters
        article.paragraphs, article.removed = scraped.paragraphs, scraped.removed
        if scraped.author_outlets:
            article.outlet = scraped.author_outlets[0]
        if scraped.date is not None and scraped.date_line is not None:
            dateline = read_dateline(article.paragraphs[0]) if article.paragraphs else None
            header = scraped.date
            if header.time is None:
                time, tz = find_time(scraped.date_line)
                if time is not None:
                    header = _with_time(header, time, tz)
            page_date = resolve_published(
                header,
                scraped.date_line,
                "\n".join(article.paragraphs),
                dateline_country=dateline_country(dateline) if dateline else None,
                url=raw.url,
            )
    if not article.paragraphs:
        raise DatelineError("E011", raw.source)
    if raw.title:
        article.title = raw.title
    _read_dateline(article)
    if raw.outlet:
        article.outlet = raw.outlet
    article.published = page_date
    if raw.published:
        try:
            article.published = parse_given(raw.published)
        except ValueError:
            article.warnings.append(f"cannot read the given date {raw.published!r}; kept the page's")
    article.language = article.language or detect_language(article.text, tuple(settings.language_codes))
    if article.language:
        article.language = article.language.split("-")[0].lower()
    return article


def _read_dateline(article: Article) -> None:
    dateline = read_dateline(article.paragraphs[0])
    if dateline is None:
        return
    article.dateline_place = dateline.place
    outlets = [o for o in (dateline.outlet, outlet_named_in_text(article.text)) if o]
    if outlets:
        article.outlet = " / ".join(dict.fromkeys(outlets))


def _with_time(mention: DateMention, time: dt.time, tz: str | None) -> DateMention:
    return replace(mention, time=time, timezone=mention.timezone or tz)
