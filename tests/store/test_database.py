"""The DuckDB store: versioned schema, idempotent writes, resumable runs, failures, safe queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

import dateline.pipeline as pipeline
from dateline.pipeline import process
from dateline.settings import Settings
from dateline.store import Store, StoreError
from dateline.store.schema import SCHEMA_VERSION


def _write_pages(folder: Path, count: int) -> None:
    folder.mkdir(exist_ok=True)
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(
            f"Council vote {i}\n\n12 March 2023\n\nThe council of district {i} voted on Monday to approve the "
            "new budget, officials said.\n"
        )


def test_schema_is_versioned_and_migrations_run_once(settings: Settings):
    with Store(settings.db) as store:
        assert store.schema_version() == SCHEMA_VERSION
    with Store(settings.db) as store:  # reopening applies nothing twice
        rows = store.db.execute("SELECT count(*) FROM schema_version").fetchone()
        assert rows[0] == SCHEMA_VERSION


def test_a_newer_schema_is_refused(settings: Settings):
    Store(settings.db).close()
    db = duckdb.connect(settings.db)
    db.execute("INSERT INTO schema_version VALUES (999, 'future', now())")
    db.close()
    with pytest.raises(StoreError, match="newer dateline"):
        Store(settings.db)


def test_reprocessing_changes_nothing(tmp_path: Path, settings: Settings):
    _write_pages(tmp_path / "in", 5)
    with Store(settings.db) as store:
        first = process([str(tmp_path / "in")], store, settings)
        before = store.db.execute("SELECT id, stored_at FROM articles ORDER BY id").fetchall()
        second = process([str(tmp_path / "in")], store, settings)
        after = store.db.execute("SELECT id, stored_at FROM articles ORDER BY id").fetchall()
    assert (first.stored, second.stored, second.already_stored) == (5, 0, 5)
    assert before == after


def test_an_interrupted_run_resumes_with_nothing_lost_or_doubled(tmp_path: Path, settings: Settings,
                                                                 monkeypatch: pytest.MonkeyPatch):
    _write_pages(tmp_path / "in", 25)
    settings = replace(settings, batch_size=10)
    real = pipeline.extract_article
    calls = {"n": 0}

    def interrupted(raw, settings):
        calls["n"] += 1
        if calls["n"] == 15:
            raise KeyboardInterrupt
        return real(raw, settings)

    monkeypatch.setattr(pipeline, "extract_article", interrupted)
    with Store(settings.db) as store, pytest.raises(KeyboardInterrupt):
        process([str(tmp_path / "in")], store, settings)
    with Store(settings.db) as store:
        assert store.count_articles() == 10  # the first whole batch; none of the broken one
        status = store.db.execute("SELECT status FROM runs").fetchall()
        assert status == [("interrupted",)]
    monkeypatch.setattr(pipeline, "extract_article", real)
    with Store(settings.db) as store:
        summary = process([str(tmp_path / "in")], store, settings)
        assert (summary.stored, summary.already_stored) == (15, 10)
        assert store.count_articles() == 25
        ids = store.db.execute("SELECT count(DISTINCT id), count(*) FROM articles").fetchone()
        assert ids == (25, 25)


def test_failures_are_recorded_and_cleared_when_the_input_is_fixed(tmp_path: Path, settings: Settings):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_bytes(b"")
    with Store(settings.db) as store:
        process([str(folder)], store, settings)
        [failure] = store.failures()
        assert failure.code == "E001" and failure.source.endswith("a.txt")
        process([str(folder)], store, settings)
        assert len(store.failures()) == 1  # seen again, still one row
        (folder / "a.txt").write_text("Vote held\n\nThe assembly held its vote on Tuesday, officials said today.\n")
        process([str(folder)], store, settings)
        assert store.failures() == [] and store.count_articles() == 1


def test_articles_round_trip(tmp_path: Path, settings: Settings):
    (tmp_path / "in").mkdir()
    page = tmp_path / "in" / "p.txt"
    page.write_text(
        "Talks in Doha\n\n07/11/2021 19:28\n\nReads: 40\n\nSection : World\n\nDOHA (AP) — Envoys met on "
        "Sunday, November 7, 2021, to discuss a truce, officials said.\n\nShare this:\n\nLeave a Reply\n"
    )
    with Store(settings.db) as store:
        process([str(tmp_path / "in")], store, settings)
        [article] = store.articles()
        again = store.get_article(article.id[:6])
    assert replace(again, mentions=[]) == article
    # Mentions come back from their own table: the envoys are Qatar's (the dateline's country).
    assert ("Envoys", "QATGOV", "role, dateline country") in {
        (m.text, m.actor.code, m.via) for m in again.mentions if m.actor
    }
    assert article.published.date == dt.date(2021, 11, 7) and article.published.order == "day-first"
    assert (article.read_count, article.section, article.dateline_place, article.outlet) == (40, "World", "Doha", "AP")
    assert {r.reason for r in article.removed} >= {"share-buttons", "comment-form"}


def test_search_is_parameterised(tmp_path: Path, settings: Settings):
    _write_pages(tmp_path / "in", 3)
    with Store(settings.db) as store:
        process([str(tmp_path / "in")], store, settings)
        assert len(store.articles(search="district 1 budget")) == 1
        assert store.articles(search="'; DROP TABLE articles; --") == []
        assert store.articles(search="100%") == []
        assert store.count_articles() == 3
        assert len(store.articles(since=dt.date(2023, 3, 12))) == 3
        assert store.articles(since=dt.date(2023, 3, 13)) == []
