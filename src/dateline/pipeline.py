"""Compose the stages: inputs -> raw documents -> articles -> store.

``extract()`` runs the stages on one text in memory; ``process()`` runs them over named inputs
into a Store, batch by batch, skipping what is already stored, so an interrupted run resumes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dateline.errors import DatelineError
from dateline.extract import document_id, extract_article
from dateline.ingest import read_inputs
from dateline.ingest.sniff import sniff_format
from dateline.model import Article, Failure, RawDocument
from dateline.settings import Settings, load_settings
from dateline.store import Store

if TYPE_CHECKING:
    from dateline.analysis import AnalysisPool


def extract(
    text_or_html: str,
    url: str | None = None,
    published: str | dt.date | dt.datetime | None = None,
    title: str | None = None,
    settings: Settings | None = None,
    analyse: bool = True,
) -> Article:
    """Extract a clean Article from a page's HTML or scraped text, with its actor and place
    mentions (``analyse=False`` stops after the text and metadata).

    Metadata the caller gives (url, published, title) wins over what the page says.
    Raises DatelineError when there is no article text.
    """
    settings = settings or load_settings()
    fmt = sniff_format(text_or_html[:65536].encode("utf-8", "replace"), "<text>")
    raw = RawDocument(
        source=url or "<text>",
        format=fmt if fmt == "html" else "text",
        content=text_or_html,
        content_type="html" if fmt == "html" else "text",
        url=url,
        title=title,
        published=published.isoformat() if isinstance(published, dt.date) else published,
    )
    article = extract_article(raw, settings)
    if analyse:
        from dateline.analysis import Analyser  # spaCy loads only when analysis is wanted

        Analyser(settings).analyse([article])
    return article


@dataclass
class RunSummary:
    run_id: str
    documents: int = 0
    stored: int = 0
    already_stored: int = 0
    mentions: int = 0  # of the articles stored in this run
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def process(
    names: list[str],
    store: Store,
    settings: Settings,
    on_failure: Callable[[Failure], None] | None = None,
    analyse: bool = True,
) -> RunSummary:
    """Read, extract, analyse and store every document in the named inputs, one transaction a batch."""
    pool = None
    if analyse:
        from dateline.analysis import AnalysisPool  # spaCy loads only when analysis is wanted

        pool = AnalysisPool(settings)
    try:
        return _process(names, store, settings, on_failure, pool)
    finally:
        if pool is not None:
            pool.close()


def _analyse(pool: AnalysisPool, articles: list[Article], fail: Callable[[Failure], None]) -> list[Article]:
    """Analyse a batch; if the batch fails, analyse one by one so one bad article fails alone."""
    try:
        return pool.analyse(articles)
    except Exception:
        pass
    done = []
    for article in articles:
        try:
            done.extend(pool.analyse([article]))
        except Exception as exc:  # a bug on one article must not stop the batch
            error = DatelineError("E018", article.source, detail=f"{type(exc).__name__}: {exc}")
            fail(Failure(article.source, error.code, error.message))
    return done


def _process(
    names: list[str],
    store: Store,
    settings: Settings,
    on_failure: Callable[[Failure], None] | None,
    pool: AnalysisPool | None,
) -> RunSummary:
    summary = RunSummary(run_id=store.start_run(names))
    pending: list[RawDocument] = []
    failures: list[Failure] = []

    def fail(failure: Failure) -> None:
        failures.append(failure)
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)

    def flush() -> None:
        ids = {id(raw): document_id(raw) for raw in pending}
        known = store.existing_ids(ids.values())
        articles: list[Article] = []
        for raw in pending:
            if ids[id(raw)] in known:
                summary.already_stored += 1
                continue
            try:
                articles.append(extract_article(raw, settings))
            except DatelineError as exc:
                fail(Failure(raw.source, exc.code, exc.message))
            except Exception as exc:  # a bug on one document must not stop the batch
                error = DatelineError("E016", raw.source, detail=f"{type(exc).__name__}: {exc}")
                fail(Failure(raw.source, error.code, error.message))
        if pool is not None:
            articles = _analyse(pool, articles, fail)
        new = store.write_batch(articles, failures, summary.run_id)
        summary.mentions += sum(len(a.mentions) for a in articles)
        summary.events += sum(len(a.events) for a in articles)
        summary.stored += new
        summary.already_stored += len(articles) - new
        pending.clear()
        failures.clear()

    try:
        for item in read_inputs(names, settings):
            if isinstance(item, DatelineError):
                fail(Failure(item.source, item.code, item.message))
            else:
                summary.documents += 1
                pending.append(item)
            if len(pending) + len(failures) >= settings.batch_size:
                flush()
        flush()
    except BaseException:
        store.finish_run(summary.run_id, summary.documents, summary.stored,
                         summary.already_stored, len(summary.failures), status="interrupted")
        raise
    store.finish_run(summary.run_id, summary.documents, summary.stored, summary.already_stored,
                     len(summary.failures))
    return summary


@dataclass
class ReanalysisSummary:
    articles: int = 0  # articles analysed again
    mentions: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)


def reanalyse(
    store: Store,
    settings: Settings,
    stale_only: bool = True,
    on_failure: Callable[[Failure], None] | None = None,
) -> ReanalysisSummary:
    """Analyse stored articles again (after an update of dateline, its data files or its settings)
    and replace their mentions and events, one transaction a batch. An article whose analysis
    fails keeps the one it had."""
    from dateline.analysis import AnalysisPool  # spaCy loads only when analysis is wanted

    summary = ReanalysisSummary()

    def fail(failure: Failure) -> None:
        summary.failures.append(failure)
        if on_failure:
            on_failure(failure)

    ids = store.analysis_ids(stale_only)
    with AnalysisPool(settings) as pool:
        for start in range(0, len(ids), settings.batch_size):
            articles = _analyse(pool, store.load_articles(ids[start : start + settings.batch_size]), fail)
            store.replace_analysis(articles)
            summary.articles += len(articles)
            summary.mentions += sum(len(a.mentions) for a in articles)
            summary.events += sum(len(a.events) for a in articles)
    return summary
