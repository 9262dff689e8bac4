"""The ``dateline`` command: process inputs into the store, list and show what is stored."""

from __future__ import annotations

import csv
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
from dateline.pipeline import reanalyse as reanalyse_stored
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
                f"{summary.already_stored} already stored, {len(summary.failures)} failed; "
                f"{summary.mentions} actor and place mentions, {summary.events} events coded "
                f"({total} articles in {settings.db})"
            )
        )
    if summary.failures:
        raise typer.Exit(1)


@app.command()
def reanalyse(
    db: DbOption = None,
    config: ConfigOption = None,
    every: Annotated[bool, typer.Option("--all", help="Every stored article, not only stale ones.")] = False,
    workers: Annotated[int | None, typer.Option("--workers", help="Analysis processes (default 1).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
) -> None:
    """Analyse stored articles again and replace their actors, places and events: by default those
    not yet analysed or analysed by another version of dateline."""
    settings = load_settings(config, db=db, workers=workers)
    store = _open(db, config)

    def report(failure: Failure) -> None:
        err.print(Text(f"error: {safe(failure.source)}: {failure.code} {safe(failure.message)}"))

    with store:
        summary = reanalyse_stored(store, settings, stale_only=not every, on_failure=report)
    if not quiet:
        out.print(Text(f"{summary.articles} article(s) analysed again: {summary.mentions} actor and place "
                       f"mentions, {summary.events} events; {len(summary.failures)} failed"))
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
def events(
    actor: Annotated[str | None, typer.Option("--actor", help="Source or target code starting with this.")] = None,
    dyad: Annotated[
        tuple[str, str] | None, typer.Option("--dyad", help="Source and target code prefixes.", show_default=False)
    ] = None,
    code: Annotated[str | None, typer.Option("--code", help="CAMEO code prefix (19, 041...).")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Event date on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Event date on or before YYYY-MM-DD.")] = None,
    country: Annotated[str | None, typer.Option("--country", help="ISO-3 of the place or an actor.")] = None,
    include_all: Annotated[
        bool,
        typer.Option("--all", help="Also negated, hypothetical and questioned events, and those with no coded actor."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="At most this many.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """List coded events, newest first: who did what to whom, when and where."""
    with _open(db, config, read_only=True) as store:
        rows = store.events(actor=actor, dyad=dyad, code=code, since=_date(since, "--since"),
                            until=_date(until, "--until"), country=country, include_non_factual=include_all,
                            limit=limit)
    if as_json:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["id"])
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _csv_cell(v) for k, v in row.items()})
        return
    table = Table()
    for column in ("id", "date", "source", "code", "target", "plover", "place", "trigger"):
        table.add_column(column, overflow="fold")
    for row in rows:
        place = ", ".join(x for x in (row["place_name"], row["place_country"]) if x)
        table.add_row(*(Text(safe(v or "")) for v in (
            row["id"], str(row["event_date"] or ""), row["source_code"], row["code"], row["target_code"],
            row["plover_type"], place, row["trigger_text"],
        )))  # fmt: skip
    out.print(table)
    out.print(Text(f"{len(rows)} event(s)"))


def _date(value: str | None, flag: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        err.print(Text(f"error: {flag} {safe(value)!r} is not a date like 2021-11-07"))
        raise typer.Exit(2) from exc


def _csv_cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula is quoted with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@app.command()
def explain(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Why an event was coded: the sentence with trigger and actors marked, the rule, the evidence."""
    with _open(db, config, read_only=True) as store:
        row = store.event(event_id)
    if row is None:
        err.print(Text(f"error: no event with id {safe(event_id)!r}"))
        raise typer.Exit(1)
    start, text = row["sentence_start"], row["sentence_text"]
    marks = []
    for kind, a, b, style in (
        ("source", row["source_start"], row["source_end"], "bold green"),
        ("target", row["target_start"], row["target_end"], "bold red"),
        ("trigger", row["trigger_start"], row["trigger_end"], "bold yellow"),
    ):
        if a is not None and b is not None and start <= a < start + len(text):
            marks.append((a - start, b - start, kind, style))
    line = Text()
    cursor = 0
    for a, b, kind, style in sorted(marks):
        if a < cursor:
            continue
        line.append(safe(text[cursor:a]))
        line.append(f"[{kind}: {safe(text[a:b])}]", style=style)
        cursor = b
    line.append(safe(text[cursor:]))
    out.print(Text(f"event {row['id']} in article {row['article_id']}, sentence {row['sentence']}", style="bold"))
    out.print(line)
    facts = [
        ("who", f"{row['source_code']} ({safe(row['source_name'])})" + (" inferred" if row["source_inferred"] else "")),
        ("did", f"{row['code']} {describe_code(row['code'])}; root {row['root']}, QuadClass {row['quad_class']}, "
                f"Goldstein {row['goldstein']}; PLOVER {row['plover_type'] or '-'} {row['plover_mode'] or ''}"),
        ("to whom", f"{row['target_code']} ({safe(row['target_name'])})" if row["target_code"] else "-"),
        ("when", f"{row['event_date']} ({safe(row['date_how'])})"),
        ("where", f"{safe(row['place_name'])}, {row['place_country']} ({safe(row['place_how'])})"
                  if row["place_name"] else safe(row["place_how"])),
        ("rule", safe(row["rule"])),
        ("flags", ", ".join(f for f in ("negated", "attempted", "future", "hypothetical", "question", "reported")
                            if row[f]) or "none"),
        ("confidence", f"{row['confidence']} (coder {row['coder_version']})"),
    ]  # fmt: skip
    for key, value in facts:
        out.print(Text(f"{key:>11}: ", style="bold").append(value))


def describe_code(code: str) -> str:
    from dateline.events.ontology import describe

    return describe(code).name


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
    targets: Annotated[
        list[str], typer.Argument(help="'actors', or gold JSONL files of events (eventgold's format).")
    ],
    gold: Annotated[
        list[Path] | None, typer.Option("--gold", help="Gold JSONL with actor spans (default: eventgold plover_gsr).")
    ] = None,
    places: Annotated[
        list[Path] | None, typer.Option("--places", help="Gold place names in context (default: our two sets).")
    ] = None,
    floors: Annotated[
        Path | None, typer.Option("--floors", help="JSON of minimum figures per set; exit 1 below any.")
    ] = None,
    per_label: Annotated[bool, typer.Option("--per-root", help="Also print figures per root or type.")] = False,
    misses: Annotated[int, typer.Option("--misses", help="Also print this many actor errors.")] = 0,
    config: ConfigOption = None,
) -> None:
    """Print accuracy figures against gold files: actor codes and places, or coded events."""
    from dateline.analysis import Analyser

    analyser = Analyser(load_settings(config))
    figures: dict[str, dict[str, float]] = {}
    for target in targets:
        if target == "actors":
            figures.update(_eval_actors(analyser, gold, places, misses))
            continue
        path = Path(target)
        if not path.exists():
            err.print(Text(f"error: {safe(path)}: no such gold file"))
            raise typer.Exit(2)
        from dateline.eval.events import score_events

        score = score_events(path, analyser)
        for line in score.lines(per_label):
            out.print(Text(line))
        figures[score.name] = score.figures()
    if floors is not None:
        failed = below_floors(figures, json.loads(floors.read_text(encoding="utf-8")))
        for line in failed:
            err.print(Text(f"below floor: {line}"))
        if failed:
            raise typer.Exit(1)
        out.print(Text(f"all figures at or above the floors in {floors}"))


def below_floors(figures: dict[str, dict[str, float]], floors: dict[str, dict[str, float]]) -> list[str]:
    failed = []
    for name, wanted in floors.items():
        if name not in figures:
            continue
        for metric, floor in wanted.items():
            value = figures[name].get(metric)
            if value is None or value + 1e-9 < floor:
                failed.append(f"{name} {metric} {value if value is not None else 'missing'} < {floor}")
    return failed


DEFAULT_PLACE_SETS = [Path("evalsets/places.jsonl"), Path("evalsets/places_holdout.jsonl")]


def _eval_actors(analyser, gold: list[Path] | None, places: list[Path] | None,
                 misses: int) -> dict[str, dict[str, float]]:
    from dateline.eval.actors import score_actors
    from dateline.eval.places import score_places

    figures: dict[str, dict[str, float]] = {}
    for path in gold or [Path("../shared/data/eventgold/plover_gsr.jsonl")]:
        if not path.exists():
            err.print(Text(f"error: {safe(path)}: no such gold file (give one with --gold)"))
            raise typer.Exit(2)
        score = score_actors(path, analyser)
        out.print(Text(score.line(path.stem)))
        for span, want, got, sentence in score.misses[:misses]:
            out.print(Text(f"  {safe(span)!r}: gold {want}, ours {got or '-'} | {safe(sentence)[:100]}"))
        if score.total:
            figures[f"actors:{path.stem}"] = {"full_code": score.full / score.total,
                                              "country": score.country / score.total}
    for path in places or DEFAULT_PLACE_SETS:
        if not path.exists():
            err.print(Text(f"note: {safe(path)} not found; place accuracy skipped"))
            continue
        place_score = score_places(path, analyser)
        for line in place_score.lines(path.stem):
            out.print(Text(line))
        for name, want, got, row in place_score.misses[:misses]:
            out.print(Text(f"  {row} {safe(name)!r}: gold {want}, ours {safe(got)}"))
        if place_score.total:
            figures[path.stem] = {"country": place_score.country / place_score.total,
                                  "within_25km": place_score.near / max(place_score.points, 1)}
    return figures


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
