"""The ``dateline`` command: process inputs into the store, list and show what is stored."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from dateline import __version__
from dateline.model import Article, Failure, Mention
from dateline.pipeline import process as run_pipeline
from dateline.settings import load_settings
from dateline.store import Store, StoreError

app = typer.Typer(
    help="dateline: political event data from your own news pages, stored in a local DuckDB file.",
    no_args_is_help=True,
    add_completion=False,
)
out = Console(highlight=False, soft_wrap=True, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option("--db", help="DuckDB file (default: ./dateline.duckdb).")]
ConfigOption = Annotated[str | None, typer.Option("--config", help="Settings file (default: ./dateline.toml).")]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x9b]")


def safe(value: object) -> str:
    """Untrusted text for the terminal: control characters (escape sequences) removed."""
    return _CONTROL.sub("", "" if value is None else str(value))


def _open(db: str | None, config: str | None, read_only: bool = False) -> Store:
    settings = load_settings(config, db=db)
    try:
        return Store(settings.db, read_only=read_only)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from exc


@app.command()
def process(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, globs, or '-' for standard input.")],
    db: DbOption = None,
    config: ConfigOption = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Analysis processes (default 1).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Extract and analyse articles from any mix of HTML, scraped text, JSON Lines, WARC and RSS/Atom."""
    settings = load_settings(config, db=db, workers=workers)
    try:
        store = Store(settings.db)
    except StoreError as exc:
        err.print(Text(f"error: {exc}"))
        raise typer.Exit(2) from exc

    def report(failure: Failure) -> None:
        err.print(Text(f"error: {safe(failure.source)}: {failure.code} {safe(failure.message)}"))

    with store:
        summary = run_pipeline(paths, store, settings, on_failure=report)
        total = store.count_articles()
    if not quiet:
        out.print(
            Text(
                f"{summary.documents} document(s) read: {summary.stored} stored, "
                f"{summary.already_stored} already stored, {len(summary.failures)} failed "
                f"({total} articles in {settings.db})"
            )
        )
    if summary.failures:
        raise typer.Exit(1)


@app.command()
def articles(
    search: Annotated[str | None, typer.Option("--search", help="Words that must all appear.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Published on or after YYYY-MM-DD.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List stored articles, newest first."""
    since_date = None
    if since:
        try:
            since_date = dt.date.fromisoformat(since)
        except ValueError as exc:
            err.print(Text(f"error: --since {safe(since)!r} is not a date like 2021-11-07"))
            raise typer.Exit(2) from exc
    with _open(db, config, read_only=True) as store:
        rows = store.articles(search=search, since=since_date, limit=limit)
    if as_json:
        for article in rows:
            sys.stdout.write(json.dumps(article_dict(article, full=False), ensure_ascii=False) + "\n")
        return
    table = Table(show_lines=False)
    for column in ("id", "published", "outlet", "section", "title"):
        table.add_column(column, overflow="fold")
    for a in rows:
        published = a.published.isoformat() if a.published else None
        if a.published and a.published.precision == "ambiguous":
            published = "ambiguous"
        table.add_row(*(Text(safe(v or "")) for v in (a.id, published, a.outlet, a.section, a.title)))
    out.print(table)
    out.print(Text(f"{len(rows)} article(s)"))


@app.command()
def show(
    article_id: Annotated[str, typer.Argument(help="Article id (or a unique prefix).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Every field of one article, its body, and the removed boilerplate with reasons."""
    with _open(db, config, read_only=True) as store:
        article = store.get_article(article_id)
    if article is None:
        err.print(Text(f"error: no article with id {safe(article_id)!r}"))
        raise typer.Exit(1)
    data = article_dict(article, full=True)
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    for key, value in data.items():
        if key in ("paragraphs", "removed"):
            continue
        if isinstance(value, dict | list):
            value = json.dumps(value, ensure_ascii=False)
        out.print(Text(f"{key:>16}: ", style="bold").append(safe(value)))
    out.print(Text(f"\nbody ({len(article.paragraphs)} paragraphs)", style="bold"))
    for number, paragraph in enumerate(article.paragraphs, 1):
        out.print(Text(f"[{number}] {safe(paragraph)}"))
    out.print(Text(f"\nremoved ({len(article.removed)} blocks)", style="bold"))
    for block in article.removed:
        out.print(Text(f"- {block.reason}: ", style="dim").append(safe(block.text)))
    out.print(Text(f"\nmentions ({len(article.mentions)})", style="bold"))
    for m in article.mentions:
        line = Text(f"[{m.sentence}] {safe(m.text)!r} {m.label}")
        if m.actor:
            line.append(f" -> {safe(m.actor.code)} ({safe(m.actor.name)})")
        if m.location:
            place = m.location
            where = ", ".join(safe(x) for x in (place.name, place.admin1, place.country) if x)
            coords = f" {place.latitude:.4f},{place.longitude:.4f}" if place.latitude is not None else ""
            line.append(f" @ {where} [{place.kind}]{coords}")
        line.append(f"  ({safe(m.via)})", style="dim")
        out.print(line)


@app.command()
def actors(
    top: Annotated[int, typer.Option("--top", help="How many actor codes to list.")] = 20,
    country: Annotated[str | None, typer.Option("--country", help="Only actors of this ISO-3 country.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """The most mentioned actors in the store, by code."""
    with _open(db, config, read_only=True) as store:
        rows = store.actor_summary(top=top, country=country)
    table = Table()
    for column in ("code", "name", "mentions", "articles"):
        table.add_column(column)
    for code, name, mentions, articles_ in rows:
        table.add_row(Text(safe(code)), Text(safe(name)), str(mentions), str(articles_))
    out.print(table)


@app.command(name="eval")
def evaluate(
    what: Annotated[str, typer.Argument(help="'actors' (actor codes and places)")],
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="Gold JSONL with actor spans (default: eventgold plover_gsr).")
    ] = None,
    places: Annotated[Path, typer.Option("--places", help="Gold place names in context.")] = Path(
        "evalsets/places.jsonl"
    ),
    misses: Annotated[int, typer.Option("--misses", help="Also print this many errors.")] = 0,
    config: ConfigOption = None,
) -> None:
    """Print accuracy figures against gold files."""
    if what != "actors":
        err.print(Text(f"error: unknown evaluation {safe(what)!r}; try 'dateline eval actors'"))
        raise typer.Exit(2)
    from dateline.analysis import Analyser
    from dateline.eval.actors import score_actors
    from dateline.eval.places import score_places

    analyser = Analyser(load_settings(config))
    for path in gold or [Path("../shared/data/eventgold/plover_gsr.jsonl")]:
        if not path.exists():
            err.print(Text(f"error: {safe(path)}: no such gold file (give one with --gold)"))
            raise typer.Exit(2)
        score = score_actors(path, analyser)
        out.print(Text(score.line(path.stem)))
        for span, want, got, sentence in score.misses[:misses]:
            out.print(Text(f"  {safe(span)!r}: gold {want}, ours {got or '-'} | {safe(sentence)[:100]}"))
    if places.exists():
        place_score = score_places(places, analyser)
        for line in place_score.lines():
            out.print(Text(line))
        for name, want, got, row in place_score.misses[:misses]:
            out.print(Text(f"  {row} {safe(name)!r}: gold {want}, ours {safe(got)}"))
    else:
        err.print(Text(f"note: {safe(places)} not found; place accuracy skipped"))


@app.command()
def failures(db: DbOption = None, config: ConfigOption = None) -> None:
    """Inputs that could not be stored, with their errors."""
    with _open(db, config, read_only=True) as store:
        rows = store.failures()
    for failure in rows:
        out.print(Text(f"{safe(failure.source)}: {failure.code} {safe(failure.message)}"))
    out.print(Text(f"{len(rows)} failure(s)"))


@app.command()
def version() -> None:
    """Print dateline's version."""
    out.print(__version__)


def article_dict(a: Article, full: bool) -> dict[str, Any]:
    p = a.published
    data: dict[str, Any] = {
        "id": a.id,
        "title": a.title,
        "published": p.isoformat() if p else None,
        "timezone": p.timezone if p else None,
        "date_precision": p.precision if p else None,
        "date_order": p.order if p else None,
        "date_evidence": p.evidence if p else None,
        "date_candidates": [d.isoformat() for d in p.candidates] if p else [],
        "section": a.section,
        "authors": a.authors,
        "read_count": a.read_count,
        "dateline_place": a.dateline_place,
        "outlet": a.outlet,
        "language": a.language,
        "url": a.url,
        "source": a.source,
        "format": a.format,
    }
    if full:
        data.update(
            tags=a.tags,
            counters=a.counters,
            description=a.description,
            encoding=a.encoding,
            warnings=a.warnings,
            paragraphs=a.paragraphs,
            removed=[{"reason": r.reason, "text": r.text} for r in a.removed],
            mentions=[mention_dict(m) for m in a.mentions],
        )
    return data


def mention_dict(m: Mention) -> dict[str, Any]:
    return {
        "sentence": m.sentence,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "label": m.label,
        "actor": None if m.actor is None else {
            "code": m.actor.code, "name": m.actor.name, "kind": m.actor.kind, "country": m.actor.country,
            "sector": m.actor.sector, "role": m.actor.role,
        },
        "place": None if m.location is None else {
            "name": m.location.name, "kind": m.location.kind, "country": m.location.country,
            "admin1": m.location.admin1, "latitude": m.location.latitude, "longitude": m.location.longitude,
            "geonames_id": m.location.geonames_id,
        },
        "via": m.via,
    }  # fmt: skip
