"""Scoring against the eventgold format, and the floors that CI enforces."""

from __future__ import annotations

import json
from pathlib import Path

from dateline.analysis import Analyser
from dateline.cli import below_floors
from dateline.eval.events import score_events
from dateline.settings import Settings


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    return path


def test_root_matching_precision_recall_and_empty_sentences(tmp_path: Path):
    gold = _write(tmp_path / "mini.jsonl", [
        {"id": "m:1", "text": "Kenyan police arrested the opposition leader in Nairobi on Sunday.",
         "date": "2023-03-08",
         "events": [{"source": "KENCOP", "target": "KENOPP", "code": "173", "root": "17", "quad_class": 4,
                     "ontology": "CAMEO"}], "complete": True},
        {"id": "m:2", "text": "The weather in the capital was mild for the season.", "date": None,
         "events": [], "complete": True},
        {"id": "m:3", "text": "Egypt praised Jordan for its mediation.", "date": None,
         "events": [{"source": "EGY", "target": "JOR", "code": "051", "root": "05", "quad_class": 1,
                     "ontology": "CAMEO"}], "complete": False},
    ])  # fmt: skip
    score = score_events(gold, Analyser(Settings()))
    figures = score.figures()
    assert score.records == 3 and score.gold_events == 2 and score.complete == 2
    assert figures["recall"] == 1.0 and figures["record_label_recall"] == 1.0
    assert figures["no_event_kept_empty"] == 1.0
    assert figures["full_code_recall"] == 1.0  # 173 and 051 exactly
    assert 0 < figures["precision"] <= 1.0


def test_floors():
    figures = {"a": {"recall": 0.5, "f1": 0.4}, "b": {"recall": 0.9}}
    assert below_floors(figures, {"a": {"recall": 0.5}, "b": {"recall": 0.8}}) == []
    assert below_floors(figures, {"a": {"f1": 0.41}}) == ["a f1 0.4 < 0.41"]
    assert below_floors(figures, {"a": {"precision": 0.1}}) == ["a precision missing < 0.1"]


def test_plover_2016_concede_and_retreat_are_read_as_one(tmp_path: Path):
    # A resignation is CONCEDE in the 2021 table (CAMEO 0831); PLOVER 0.5b1 called it RETREAT.
    record = {"id": "p:1", "text": "The Georgian president resigned on Sunday.", "date": None,
              "events": [{"source": "GEOGOV", "code": "RETREAT", "plover_current": "RETREAT", "ontology": "PLOVER",
                          "source_text": "The Georgian president"}], "complete": False}  # fmt: skip
    old = score_events(_write(tmp_path / "old.jsonl", [{**record, "meta": {"plover_version": "0.5b1"}}]),
                       Analyser(Settings()))
    new = score_events(_write(tmp_path / "new.jsonl", [record]), Analyser(Settings()))
    assert old.figures()["record_label_recall"] == 1.0
    assert new.figures()["record_label_recall"] == 0.0


def test_actor_gold_spans_in_pieces_are_found_by_their_first_piece():
    from dateline import extract
    from dateline.eval.actors import actor_code, best_mention

    article = extract("U.S. and Russian negotiators return to Geneva this week.", published="1985-03-01")
    assert actor_code(best_mention(article, "U.S. ... negotiators")) == "USAGOV"
    assert actor_code(best_mention(article, "U.S.  negotiators")) == "USAGOV"  # doubled space, then first word
    assert best_mention(article, "Chinese negotiators") is None
