"""The embedded DuckDB store: open and migrate, write batches in transactions, read back.

Every write of a batch is one transaction, so an interrupted run leaves whole batches or
nothing; ids are content-derived, so writing an article twice stores it once.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import duckdb

from dateline import __version__
from dateline.model import Actor, Article, Event, Failure, Location, Mention, Published, RemovedBlock
from dateline.store.schema import MIGRATIONS, SCHEMA_VERSION

# Column -> type, in table order; batches travel to DuckDB as one JSON document read by from_json.
ARTICLE_TYPES: dict[str, Any] = {
    "id": "VARCHAR", "source": "VARCHAR", "format": "VARCHAR", "url": "VARCHAR", "title": "VARCHAR",
    "published_date": "DATE", "published_time": "TIME", "published_tz": "VARCHAR",
    "date_precision": "VARCHAR", "date_order": "VARCHAR", "date_evidence": "VARCHAR",
    "date_candidates": ["DATE"], "section": "VARCHAR", "authors": ["VARCHAR"], "tags": ["VARCHAR"],
    "read_count": "BIGINT", "counters": "VARCHAR", "dateline_place": "VARCHAR", "outlet": "VARCHAR",
    "language": "VARCHAR", "description": "VARCHAR", "paragraphs": ["VARCHAR"],
    "removed": [{"text": "VARCHAR", "reason": "VARCHAR"}], "encoding": "VARCHAR", "warnings": ["VARCHAR"],
    "dateline_version": "VARCHAR", "run_id": "VARCHAR", "stored_at": "TIMESTAMP", "analysed": "BOOLEAN",
}  # fmt: skip
MENTION_TYPES: dict[str, Any] = {
    "article_id": "VARCHAR", "sentence": "INTEGER", "start_char": "INTEGER", "end_char": "INTEGER",
    "text": "VARCHAR", "label": "VARCHAR", "actor_code": "VARCHAR", "actor_name": "VARCHAR",
    "actor_kind": "VARCHAR", "country": "VARCHAR", "sector": "VARCHAR", "role": "VARCHAR",
    "tenure_start": "DATE", "tenure_end": "DATE", "place_name": "VARCHAR", "place_kind": "VARCHAR",
    "place_country": "VARCHAR", "admin1": "VARCHAR", "latitude": "DOUBLE", "longitude": "DOUBLE",
    "geonames_id": "BIGINT", "place_source": "VARCHAR", "via": "VARCHAR",
}  # fmt: skip
MENTION_COLUMNS = list(MENTION_TYPES)
EVENT_TYPES: dict[str, Any] = {
    "id": "VARCHAR", "article_id": "VARCHAR", "sentence": "INTEGER", "sentence_start": "INTEGER",
    "sentence_text": "VARCHAR",
    "trigger_start": "INTEGER", "trigger_end": "INTEGER", "trigger_text": "VARCHAR",
    "source_code": "VARCHAR", "source_name": "VARCHAR", "source_start": "INTEGER", "source_end": "INTEGER",
    "source_text": "VARCHAR", "source_inferred": "BOOLEAN",
    "target_code": "VARCHAR", "target_name": "VARCHAR", "target_start": "INTEGER", "target_end": "INTEGER",
    "target_text": "VARCHAR", "target_inferred": "BOOLEAN",
    "code": "VARCHAR", "root": "VARCHAR", "quad_class": "INTEGER", "goldstein": "DOUBLE",
    "plover_type": "VARCHAR", "plover_mode": "VARCHAR", "event_date": "DATE", "date_how": "VARCHAR",
    "place_name": "VARCHAR", "place_kind": "VARCHAR", "place_country": "VARCHAR", "admin1": "VARCHAR",
    "latitude": "DOUBLE", "longitude": "DOUBLE", "geonames_id": "BIGINT", "place_how": "VARCHAR",
    "negated": "BOOLEAN", "attempted": "BOOLEAN", "future": "BOOLEAN", "hypothetical": "BOOLEAN",
    "question": "BOOLEAN", "reported": "BOOLEAN", "factual": "BOOLEAN", "confidence": "DOUBLE",
    "rule": "VARCHAR", "coder_version": "VARCHAR",
}  # fmt: skip
EVENT_COLUMNS = list(EVENT_TYPES)
ARTICLE_COLUMNS = list(ARTICLE_TYPES)


def _json_insert(table: str, types: dict[str, Any]) -> str:
    """INSERT of many rows passed as one JSON array parameter (read by DuckDB's from_json)."""
    columns = list(types)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) "
        f"SELECT {', '.join('r.' + c for c in columns)} "
        f"FROM (SELECT unnest(from_json(?::JSON, '{json.dumps([types])}')) AS r) "
        "ON CONFLICT DO NOTHING"
    )


_ARTICLE_INSERT = _json_insert("articles", ARTICLE_TYPES)
_MENTION_INSERT = _json_insert("mentions", MENTION_TYPES)
_EVENT_INSERT = _json_insert("events", EVENT_TYPES)


class StoreError(Exception):
    """The database file cannot be used (locked, newer schema, not a DuckDB file)."""


class Store:
    """A DuckDB file holding articles, failures and runs."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no database here yet; run 'dateline process' first")
        try:
            self.db = duckdb.connect(self.path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the database: {exc}") from exc
        if not read_only:
            self.migrate()
        elif self.schema_version() > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer dateline (schema {self.schema_version()})")

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema --------------------------------------------------------------------------

    def schema_version(self) -> int:
        exists = self.db.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.db.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0] or 0) if row else 0

    def migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: written by a newer dateline (schema {current})")
        for version, description, statements in MIGRATIONS:
            if version <= current:
                continue
            with self._transaction():
                for statement in statements:
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO schema_version VALUES (?, ?, ?)", [version, description, _now()]
                )

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)

    # -- writes --------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> str:
        run_id = uuid.uuid4().hex[:12]
        self.db.execute(
            "INSERT INTO runs (id, started_at, inputs, status) VALUES (?, ?, ?, 'running')",
            [run_id, _now(), inputs],
        )
        return run_id

    def finish_run(self, run_id: str, documents: int, stored: int, already: int, failed: int,
                   status: str = "finished") -> None:
        self.db.execute(
            "UPDATE runs SET finished_at = ?, documents = ?, stored = ?, already_stored = ?, "
            "failed = ?, status = ? WHERE id = ?",
            [_now(), documents, stored, already, failed, status, run_id],
        )

    def existing_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(ids)
        if not wanted:
            return set()
        rows = self.db.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?::VARCHAR[]))", [wanted]
        ).fetchall()
        return {row[0] for row in rows}

    def write_batch(self, articles: list[Article], failures: list[Failure], run_id: str | None = None) -> int:
        """Store articles (skipping ids already stored) and failures in one transaction.

        Returns the number of articles newly stored.
        """
        now = _now()
        fresh = [a for a in {a.id: a for a in articles}.values()]
        known = self.existing_ids(a.id for a in fresh)
        fresh = [a for a in fresh if a.id not in known]
        with self._transaction():
            if fresh:
                rows = [dict(zip(ARTICLE_COLUMNS, _article_row(a, run_id, now), strict=True)) for a in fresh]
                self.db.execute(_ARTICLE_INSERT, [json.dumps(rows, default=_json_value)])
                self._insert_analysis(fresh)
            for failure in failures:
                self.db.execute(
                    "INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (source, code) "
                    "DO UPDATE SET message = excluded.message, run_id = excluded.run_id, "
                    "last_seen = excluded.last_seen",
                    [failure.source, failure.code, failure.message, run_id, now, now],
                )
            if fresh:
                # An input that now yields an article no longer counts as failed.
                self.db.execute(
                    "DELETE FROM failures WHERE source IN (SELECT unnest(?::VARCHAR[]))",
                    [[a.source for a in fresh]],
                )
        return len(fresh)

    def replace_analysis(self, articles: list[Article]) -> None:
        """Replace the mentions and events of stored articles with a new analysis, in one transaction
        (an article not in the store is left out)."""
        ids = list(self.existing_ids(a.id for a in articles))
        if not ids:
            return
        chosen = [a for a in {a.id: a for a in articles}.values() if a.id in set(ids)]
        with self._transaction():
            self.db.execute("DELETE FROM mentions WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self.db.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
            self._insert_analysis(chosen)
            self.db.execute(
                "UPDATE articles SET analysed = true, dateline_version = ? "
                "WHERE id IN (SELECT unnest(?::VARCHAR[]))", [__version__, ids])

    def _insert_analysis(self, articles: list[Article]) -> None:
        """The mentions and events of articles, inside the caller's transaction."""
        mentions = [_mention_row(a.id, m) for a in articles for m in a.mentions]
        if mentions:
            self.db.execute(_MENTION_INSERT, [json.dumps(mentions, default=_json_value)])
        events = [event_row(e) for a in articles for e in a.events]
        if events:
            self.db.execute(_EVENT_INSERT, [json.dumps(events, default=_json_value)])

    # -- reads ---------------------------------------------------------------------------

    def analysis_ids(self, stale_only: bool = True) -> list[str]:
        """Ids of stored articles to analyse again: all, or only those never analysed or analysed by
        another version of dateline."""
        if stale_only:
            rows = self.db.execute(
                "SELECT id FROM articles WHERE NOT analysed OR dateline_version <> ? ORDER BY id", [__version__]
            ).fetchall()
        else:
            rows = self.db.execute("SELECT id FROM articles ORDER BY id").fetchall()
        return [row[0] for row in rows]

    def load_articles(self, ids: list[str]) -> list[Article]:
        """Stored articles by id (text and metadata, without their analysis), in the order given."""
        found = {a.id: a for a in self._select("WHERE id IN (SELECT unnest(?::VARCHAR[]))", [ids])}
        return [found[i] for i in ids if i in found]

    def count_articles(self) -> int:
        row = self.db.execute("SELECT count(*) FROM articles").fetchone()
        return int(row[0]) if row else 0

    def get_article(self, article_id: str) -> Article | None:
        rows = self._select("WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2", [article_id, f"{_like(article_id)}%"])
        exact = [a for a in rows if a.id == article_id]
        article = exact[0] if exact else rows[0] if len(rows) == 1 else None
        if article is not None:
            article.mentions = self.mentions(article.id)
        return article

    def mentions(self, article_id: str) -> list[Mention]:
        cursor = self.db.execute(
            f"SELECT {', '.join(MENTION_COLUMNS)} FROM mentions WHERE article_id = ? ORDER BY start_char, end_char",
            [article_id],
        )
        return [_row_mention(dict(zip(MENTION_COLUMNS, row, strict=True))) for row in cursor.fetchall()]

    def events(self, actor: str | None = None, dyad: tuple[str, str] | None = None, code: str | None = None,
               since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
               article_id: str | None = None, include_non_factual: bool = False,
               limit: int | None = None) -> list[dict[str, Any]]:
        """Events as flat rows, filtered; every value is a bound parameter."""
        clauses: list[str] = []
        params: list[Any] = []
        if not include_non_factual:  # by default: facts with at least one side we can name
            clauses.append("factual AND (coalesce(source_code, '') <> '' OR coalesce(target_code, '') <> '')")
        if actor:
            clauses.append("(source_code LIKE ? ESCAPE '\\' OR target_code LIKE ? ESCAPE '\\')")
            params += [f"{_like(actor.upper())}%"] * 2
        if dyad:
            clauses.append("source_code LIKE ? ESCAPE '\\' AND target_code LIKE ? ESCAPE '\\'")
            params += [f"{_like(dyad[0].upper())}%", f"{_like(dyad[1].upper())}%"]
        if code:
            clauses.append("code LIKE ? ESCAPE '\\'")
            params.append(f"{_like(code)}%")
        if since:
            clauses.append("event_date >= ?")
            params.append(since)
        if until:
            clauses.append("event_date <= ?")
            params.append(until)
        if country:
            clauses.append("(place_country = ? OR left(source_code, 3) = ? OR left(target_code, 3) = ?)")
            params += [country.upper()] * 3
        if article_id:
            clauses.append("article_id = ?")
            params.append(article_id)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        order = "ORDER BY event_date DESC NULLS LAST, article_id, sentence, id"
        sql = f"SELECT {', '.join(EVENT_COLUMNS)} FROM events {where} {order}"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in self.db.execute(sql, params).fetchall()]

    def event(self, event_id: str) -> dict[str, Any] | None:
        rows = self.db.execute(
            f"SELECT {', '.join(EVENT_COLUMNS)} FROM events WHERE id = ? OR id LIKE ? ORDER BY id LIMIT 2",
            [event_id, f"{_like(event_id)}%"],
        ).fetchall()
        exact = [r for r in rows if r[0] == event_id]
        row = exact[0] if exact else rows[0] if len(rows) == 1 else None
        return dict(zip(EVENT_COLUMNS, row, strict=True)) if row else None

    def actor_summary(self, top: int = 20, country: str | None = None) -> list[tuple[str, str, int, int]]:
        """(code, most common name, mentions, articles) of the most mentioned actor codes."""
        where, params = "WHERE actor_code IS NOT NULL AND label <> 'PRON'", []
        if country:
            where += " AND country = ?"
            params.append(country.upper())
        rows = self.db.execute(
            f"SELECT actor_code, mode(actor_name), count(*), count(DISTINCT article_id) FROM mentions {where} "
            "GROUP BY actor_code ORDER BY count(*) DESC, actor_code LIMIT ?",
            [*params, int(top)],
        ).fetchall()
        return [(r[0], r[1], int(r[2]), int(r[3])) for r in rows]

    def articles(self, search: str | None = None, since: dt.date | None = None,
                 limit: int | None = None) -> list[Article]:
        clauses: list[str] = []
        params: list[Any] = []
        for word in (search or "").split():
            clauses.append(
                "(title ILIKE ? ESCAPE '\\' OR array_to_string(paragraphs, ' ') ILIKE ? ESCAPE '\\')"
            )
            pattern = f"%{_like(word)}%"
            params += [pattern, pattern]
        if since is not None:
            clauses.append("published_date >= ?")
            params.append(since)
        where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
        sql = f"{where} ORDER BY published_date DESC NULLS LAST, published_time DESC NULLS LAST, id"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return self._select(sql, params)

    def failures(self) -> list[Failure]:
        rows = self.db.execute("SELECT source, code, message FROM failures ORDER BY source, code").fetchall()
        return [Failure(*row) for row in rows]

    def _select(self, tail: str, params: list[Any]) -> list[Article]:
        cursor = self.db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles {tail}", params)
        return [_row_article(dict(zip(ARTICLE_COLUMNS, row, strict=True))) for row in cursor.fetchall()]


class _Transaction:
    def __init__(self, db: duckdb.DuckDBPyConnection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN TRANSACTION")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.db.execute("ROLLBACK" if exc_type else "COMMIT")


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _json_value(value: object) -> str:
    if isinstance(value, dt.date | dt.time | dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__}")


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _article_row(a: Article, run_id: str | None, now: dt.datetime) -> list[Any]:
    p = a.published
    return [
        a.id, a.source, a.format, a.url, a.title,
        p.date if p else None, p.time if p else None, p.timezone if p else None,
        p.precision if p else None, p.order if p else None, p.evidence if p else None,
        list(p.candidates) if p else [],
        a.section, a.authors, a.tags, a.counters.get("reads"), json.dumps(a.counters),
        a.dateline_place, a.outlet, a.language, a.description, a.paragraphs,
        [{"text": r.text, "reason": r.reason} for r in a.removed],
        a.encoding, a.warnings, __version__, run_id, now, a.analysed,
    ]  # fmt: skip


def _place_fields(place: Location | None) -> dict[str, Any]:
    return {
        "place_name": place.name if place else None, "place_kind": place.kind if place else None,
        "place_country": place.country if place else None, "admin1": place.admin1 if place else None,
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "geonames_id": place.geonames_id if place else None,
    }  # fmt: skip


def _mention_row(article_id: str, m: Mention) -> dict[str, Any]:
    actor, place = m.actor, m.location
    return {
        "article_id": article_id, "sentence": m.sentence, "start_char": m.start, "end_char": m.end,
        "text": m.text, "label": m.label,
        "actor_code": actor.code if actor else None, "actor_name": actor.name if actor else None,
        "actor_kind": actor.kind if actor else None, "country": actor.country if actor else None,
        "sector": actor.sector if actor else None, "role": actor.role if actor else None,
        "tenure_start": actor.tenure_start if actor else None, "tenure_end": actor.tenure_end if actor else None,
        **_place_fields(place), "place_source": place.source if place else None, "via": m.via,
    }  # fmt: skip


def event_row(e: Event) -> dict[str, Any]:
    """An event as a flat row (the store's, the CSV's and the JSON output's shape)."""
    src, tgt, place = e.source, e.target, e.location
    return {
        "id": e.id, "article_id": e.article_id, "sentence": e.sentence, "sentence_start": e.sentence_start,
        "sentence_text": e.sentence_text,
        "trigger_start": e.trigger_start, "trigger_end": e.trigger_end, "trigger_text": e.trigger_text,
        "source_code": src.code if src else None, "source_name": src.name if src else None,
        "source_start": src.start if src else None, "source_end": src.end if src else None,
        "source_text": src.text if src else None, "source_inferred": src.inferred if src else None,
        "target_code": tgt.code if tgt else None, "target_name": tgt.name if tgt else None,
        "target_start": tgt.start if tgt else None, "target_end": tgt.end if tgt else None,
        "target_text": tgt.text if tgt else None, "target_inferred": tgt.inferred if tgt else None,
        "code": e.code, "root": e.root, "quad_class": e.quad_class, "goldstein": e.goldstein,
        "plover_type": e.plover_type, "plover_mode": e.plover_mode, "event_date": e.date, "date_how": e.date_how,
        **_place_fields(place), "place_how": e.location_how,
        "negated": e.negated, "attempted": e.attempted, "future": e.future, "hypothetical": e.hypothetical,
        "question": e.question, "reported": e.reported, "factual": e.factual, "confidence": e.confidence,
        "rule": e.rule, "coder_version": e.coder_version,
    }  # fmt: skip


def _row_mention(row: dict[str, Any]) -> Mention:
    actor = None
    if row["actor_code"] is not None:
        actor = Actor(code=row["actor_code"], name=row["actor_name"], kind=row["actor_kind"],
                      country=row["country"], sector=row["sector"], role=row["role"],
                      tenure_start=row["tenure_start"], tenure_end=row["tenure_end"])
    place = None
    if row["place_name"] is not None:
        place = Location(name=row["place_name"], kind=row["place_kind"], country=row["place_country"],
                         admin1=row["admin1"], latitude=row["latitude"], longitude=row["longitude"],
                         geonames_id=row["geonames_id"], source=row["place_source"] or "")
    return Mention(sentence=row["sentence"], start=row["start_char"], end=row["end_char"], text=row["text"],
                   label=row["label"], actor=actor, location=place, via=row["via"] or "")


def _row_article(row: dict[str, Any]) -> Article:
    published = None
    if row["date_precision"]:
        published = Published(
            date=row["published_date"],
            time=row["published_time"],
            timezone=row["published_tz"],
            precision=row["date_precision"],
            evidence=row["date_evidence"] or "",
            order=row["date_order"],
            candidates=tuple(row["date_candidates"] or ()),
        )
    return Article(
        id=row["id"], source=row["source"], format=row["format"], url=row["url"], title=row["title"],
        published=published, section=row["section"], authors=list(row["authors"] or []),
        tags=list(row["tags"] or []), counters=json.loads(row["counters"] or "{}"),
        dateline_place=row["dateline_place"], outlet=row["outlet"], language=row["language"],
        description=row["description"], paragraphs=list(row["paragraphs"] or []),
        removed=[RemovedBlock(r["text"], r["reason"]) for r in row["removed"] or []],
        encoding=row["encoding"], warnings=list(row["warnings"] or []), analysed=bool(row["analysed"]),
    )  # fmt: skip
