"""The `dateline` command as a user runs it: exit codes, listings, JSON, show."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli import app
from tests.conftest import shared_file

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_process_list_and_show(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    seed = str(shared_file("examples/seed-article.txt"))
    result = _run("process", seed, "--db", db)
    assert result.exit_code == 0, result.output
    assert "1 stored" in result.output
    listing = _run("articles", "--db", db, "--json")
    [row] = [json.loads(line) for line in listing.output.splitlines()]
    assert row["published"] == "2021-11-07T19:28" and row["section"] == "Iraq"
    shown = _run("show", row["id"], "--db", db)
    assert shown.exit_code == 0
    assert "comment-form: Leave a Reply" in shown.output and "read_count: 40" in shown.output
    as_json = json.loads(_run("show", row["id"][:8], "--db", db, "--json").output)
    assert len(as_json["paragraphs"]) == 10 and as_json["outlet"] == "Obelisk / Al-Masala"
    again = _run("process", seed, "--db", db)
    assert "0 stored, 1 already stored" in again.output


def test_failure_sets_exit_code_and_names_the_input(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Vote held\n\nThe assembly held its vote on Tuesday, officials said today.\n")
    db = str(tmp_path / "x.duckdb")
    result = _run("process", str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt"), "--db", db)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'empty.txt'}: E001" in result.output
    assert "1 stored" in result.output
    assert "E001" in _run("failures", "--db", db).output


def test_stdin_input(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    text = "Ceasefire agreed\n\nThe two sides agreed a ceasefire on Friday after talks in Cairo, mediators said.\n"
    result = runner.invoke(app, ["process", "-", "--db", db], input=text)
    assert result.exit_code == 0, result.output
    assert "<stdin>" in _run("articles", "--db", db, "--json").output


def test_clear_errors_for_bad_usage(tmp_path: Path):
    missing = _run("articles", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 2 and "no database here yet" in missing.output
    db = str(tmp_path / "x.duckdb")
    _run("process", str(tmp_path / "nothing-here"), "--db", db)
    assert _run("articles", "--since", "yesterday", "--db", db).exit_code == 2
    assert _run("show", "ffff", "--db", db).exit_code == 1


def test_untrusted_text_cannot_drive_the_terminal(tmp_path: Path):
    page = tmp_path / "evil.txt"
    body = "The minister spoke on Monday about the talks, officials said. " * 10
    page.write_text(f"Title \x1b[31mred\x1b[0m [bold]x[/bold]\n\n{body}\x1b]0;pwn\x07\n")
    db = str(tmp_path / "x.duckdb")
    _run("process", str(page), "--db", db)
    listing = _run("articles", "--db", db)
    assert "\x1b" not in listing.output and "[bold]x[/bold]" in listing.output


def test_events_and_explain(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    _run("process", str(shared_file("examples/seed-article.txt")), "--db", db)
    rows = [json.loads(line) for line in _run("events", "--db", db, "--json").output.splitlines()]
    assert any(r["code"] == "185" and r["target_code"] == "IRQGOV" for r in rows)
    listing = _run("events", "--dyad", "USA", "IRQ", "--db", db, "--json").output
    dyad = [json.loads(line) for line in listing.splitlines()]
    assert dyad and all(r["source_code"].startswith("USA") and r["target_code"].startswith("IRQ") for r in dyad)
    assert _run("events", "--code", "04", "--since", "2021-11-08", "--db", db, "--json").output == ""
    table = list(csv.DictReader(io.StringIO(_run("events", "--csv", "--db", db).output)))
    assert len(table) == len(rows) and {r["id"] for r in table} == {r["id"] for r in rows}
    attempt = next(r for r in rows if r["code"] == "185")
    shown = _run("explain", attempt["id"][:10], "--db", db).output
    assert "[trigger: attempt]" in shown and "assassination attempt/NOUN -> 185" in shown and "attempted" in shown


def test_actors_summary(tmp_path: Path):
    db = str(tmp_path / "x.duckdb")
    _run("process", str(shared_file("examples/seed-article.txt")), "--db", db)
    out = _run("actors", "--db", db, "--top", "3").output
    assert "IRQGOV" in out and "Mustafa Al-Kadhimi" in out
    assert "GBR" in _run("actors", "--country", "GBR", "--db", db).output


def test_workers_give_the_same_result(tmp_path: Path):
    from tests.conftest import ROOT

    one, two = str(tmp_path / "one.duckdb"), str(tmp_path / "two.duckdb")
    samples = [str(p) for p in sorted((ROOT / "samples").glob("*.txt"))[:4]]
    assert _run("process", *samples, "--db", one).exit_code == 0
    assert _run("process", *samples, "--db", two, "--workers", "2").exit_code == 0
    first = sorted(line for line in _run("events", "--db", one, "--json", "--all").output.splitlines())
    second = sorted(line for line in _run("events", "--db", two, "--json", "--all").output.splitlines())
    assert first and first == second


def test_reanalyse_replaces_the_analysis_of_stale_articles(tmp_path: Path):
    import duckdb

    page = tmp_path / "raid.txt"
    page.write_text("Raid in the north\n\nKenyan police arrested three opposition leaders in Nakuru on Sunday, "
                    "the interior ministry said.\n")
    db = str(tmp_path / "x.duckdb")
    assert _run("process", str(page), "--db", db).exit_code == 0
    before = json.loads(_run("events", "--db", db, "--json", "--all").output.splitlines()[0])
    # Nothing is stale right after processing.
    assert "0 article(s) analysed again" in _run("reanalyse", "--db", db).output
    # An article stored by an older dateline, with a wrong event left by it, is analysed again.
    with duckdb.connect(db) as con:
        con.execute("UPDATE articles SET dateline_version = '0.0.1'")
        con.execute("UPDATE events SET code = '999'")
    result = _run("reanalyse", "--db", db)
    assert result.exit_code == 0 and "1 article(s) analysed again" in result.output
    rows = [json.loads(line) for line in _run("events", "--db", db, "--json", "--all").output.splitlines()]
    assert before["code"] in {r["code"] for r in rows} and "999" not in {r["code"] for r in rows}
    assert "1 article(s) analysed again" in _run("reanalyse", "--db", db, "--all").output
