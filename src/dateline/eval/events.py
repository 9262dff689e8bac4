"""Event-coding scores on the gold format of eventgold (see its SOURCES.md).

Per set: precision, recall and F1 of events matched on the sentence and the CAMEO root (recall of
the full code too), or the PLOVER type where the set gives PLOVER (older type names read as their 2021 successors:
DEMAND as REQUEST, FIGHT as ASSAULT, YIELD as CONCEDE or RETREAT, and the CONCEDE and RETREAT of
PLOVER 0.5b1 as either, since their boundary moved in 2021), or the QuadClass where that is
all it gives; the source's country is also checked where the gold source is a real country code.
Precision counts only records marked complete (their gold list is every event the sentence holds).
Set-level figures: the share of records whose gold root (or type) is among our events, QuadClass
accuracy of our main event (the trigger nearest the root of the parse), PLOVER macro-F1 over types
(each record classified by our main event's type against its first gold type), and the share of
no-event sentences left without events.
Only factual events count (not negated, hypothetical or questioned ones).
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dateline.analysis import Analyser
from dateline.eval.actors import normalise_gold
from dateline.extract.dates import parse_given
from dateline.model import Article, Event


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


@dataclass
class SetScore:
    name: str
    kind: str  # root, plover or quad
    records: int = 0
    complete: int = 0  # records whose gold list is complete (precision counts only these)
    gold_events: int = 0
    overall: Tally = field(default_factory=Tally)
    per_label: dict[str, Tally] = field(default_factory=dict)
    classified: dict[str, Tally] = field(default_factory=dict)  # first gold label vs our first event's
    full_code_hits: int = 0
    full_code_total: int = 0
    record_hits: int = 0  # records whose (first) gold label is among our events
    labelled_records: int = 0
    quad_right: int = 0
    quad_total: int = 0
    source_country_right: int = 0
    source_country_total: int = 0
    empty_right: int = 0
    empty_total: int = 0

    def figures(self) -> dict[str, float]:
        p, r, f = self.overall.prf()
        out = {"precision": p, "recall": r, "f1": f} if self.complete else {"recall": r}
        if self.labelled_records:
            out["record_label_recall"] = self.record_hits / self.labelled_records
        if self.full_code_total:
            out["full_code_recall"] = self.full_code_hits / self.full_code_total
        if self.quad_total:
            out["quad_accuracy"] = self.quad_right / self.quad_total
        if self.source_country_total:
            out["source_country"] = self.source_country_right / self.source_country_total
        if self.empty_total:
            out["no_event_kept_empty"] = self.empty_right / self.empty_total
        if self.kind == "plover" and self.classified:
            golds = [t for t in self.classified.values() if t.tp + t.fn]
            out["macro_f1"] = sum(t.prf()[2] for t in golds) / len(golds)
        return out

    def lines(self, per_label: bool = False) -> list[str]:
        fig = self.figures()
        label = {"root": "CAMEO root", "plover": "PLOVER type", "quad": "QuadClass"}[self.kind]
        prf = (f"P {fig['precision']:.3f} R {fig['recall']:.3f} F1 {fig['f1']:.3f}" if self.complete
               else f"R {fig['recall']:.3f} (no complete records: precision not measured)")
        head = f"{self.name}: {self.records} records, {self.gold_events} gold events; matched on {label}: {prf}"
        lines = [head]
        extras = [f"{k} {v:.1%}" if k != "macro_f1" else f"{k} {v:.3f}" for k, v in fig.items()
                  if k not in ("precision", "recall", "f1")]
        if extras:
            lines.append("  " + "; ".join(extras))
        if per_label:
            for name, tally in sorted(self.per_label.items()):
                p, r, f = tally.prf()
                lines.append(f"  {name:<10} P {p:.3f} R {r:.3f} F1 {f:.3f} (gold {tally.tp + tally.fn})"
                         if self.complete else f"  {name:<10} R {r:.3f} (gold {tally.tp + tally.fn})")
        return lines


def _label(kind: str, event: Event) -> str | None:
    if kind == "plover":
        return event.plover_type
    if kind == "quad":
        return str(event.quad_class)
    return event.root


# Older PLOVER type names and the 16-type PLOVER (2021) ones that replaced them. YIELD covered what
# is now split between CONCEDE and RETREAT (ceasefires, releases, withdrawals): either matches it.
PLOVER_RENAMED = {"YIELD": "CONCEDE|RETREAT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
                  "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}  # fmt: skip


def same(want: str | None, got: str | None) -> bool:
    return want is not None and got is not None and got in want.split("|")


# PLOVER 0.5b1 (2016) split CAMEO 08 between CONCEDE and RETREAT differently from the 2021 table we
# follow (easing a curfew or an emergency was CONCEDE and is now RETREAT; a resignation was RETREAT
# and is now CONCEDE), so for gold of that version either of the two matches.
PLOVER_2016_YIELD = {"CONCEDE", "RETREAT"}


def _gold_label(kind: str, gold: dict, version: str | None = None) -> str | None:
    if kind == "plover":
        code = gold.get("plover_current") or gold.get("code")
        if version == "0.5b1" and code in PLOVER_2016_YIELD:
            return "CONCEDE|RETREAT"
        return PLOVER_RENAMED.get(code, code) if code else None
    if kind == "quad":
        return str(gold["quad_class"]) if gold.get("quad_class") else None
    return gold.get("root") or ((gold.get("code") or "")[:2] or None)


def _kind(records: list[dict]) -> str:
    events = [e for r in records for e in r.get("events", [])]
    ontologies = Counter(e.get("ontology") for e in events)
    if ontologies and ontologies.most_common(1)[0][0] == "PLOVER":
        return "plover"
    if any(e.get("root") or e.get("code") for e in events):
        return "root"
    return "quad"


def score_events(path: Path, analyser: Analyser, limit: int | None = None) -> SetScore:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    records = [r for r in records if not (r.get("meta") or {}).get("expect", "").startswith("error")]
    articles = []
    for record in records:
        article = Article(id=record["id"], source=record["id"], format="gold", paragraphs=[record["text"]])
        if record.get("date"):
            with contextlib.suppress(ValueError):
                article.published = parse_given(record["date"])
        articles.append(article)
    for start in range(0, len(articles), 64):
        analyser.analyse(articles[start : start + 64])
    kind = _kind(records)
    score = SetScore(path.stem, kind, records=len(records))
    for record, article in zip(records, articles, strict=True):
        _score_record(score, kind, record, main_first(article, [e for e in article.events if e.factual]))
    return score


def main_first(article: Article, events: list[Event]) -> list[Event]:
    """Events ordered with the sentence's main act first: the trigger nearest the parse root."""
    depth: dict[int, int] = {}
    for sentence in article.sentences:
        for token in sentence.tokens:
            steps, current = 0, token
            while current.head != current.i and steps < 20:
                current, steps = sentence.tokens[current.head], steps + 1
            depth[token.start] = steps
    return sorted(events, key=lambda e: (e.code == "010", depth.get(e.trigger_start, 99), e.trigger_start))


def _score_record(score: SetScore, kind: str, record: dict, ours: list[Event]) -> None:
    gold = [g for g in record.get("events", []) if g.get("ontology") in ("CAMEO", "PLOVER")]
    version = (record.get("meta") or {}).get("plover_version")
    complete = bool(record.get("complete"))
    score.complete += complete
    if complete and not record.get("events"):
        score.empty_total += 1
        score.empty_right += not ours
    labels = [_label(kind, e) for e in ours]
    unused = list(range(len(ours)))
    for g in gold:
        want = _gold_label(kind, g, version)
        if want is None:
            continue
        score.gold_events += 1
        tally = score.per_label.setdefault(want, Tally())
        hit = next((i for i in unused if same(want, labels[i])), None)
        if hit is not None:
            unused.remove(hit)
            score.overall.tp += 1
            tally.tp += 1
        else:
            score.overall.fn += 1
            tally.fn += 1
        if kind == "root" and g.get("code") and len(g["code"]) >= 3:
            score.full_code_total += 1
            score.full_code_hits += any(e.code == g["code"] for e in ours)
    if complete:
        for i in unused:
            score.overall.fp += 1
            score.per_label.setdefault(labels[i] or "-", Tally()).fp += 1
    first = next((g for g in gold if _gold_label(kind, g, version)), None)
    if first is not None:
        want = _gold_label(kind, first, version)
        got = next((label for label in labels if label), "none")
        if same(want, got):
            score.classified.setdefault(want, Tally()).tp += 1
        else:
            score.classified.setdefault(want, Tally()).fn += 1
            score.classified.setdefault(got, Tally()).fp += 1
        score.labelled_records += 1
        score.record_hits += any(same(want, label) for label in labels)
        if first.get("quad_class"):
            score.quad_total += 1
            score.quad_right += bool(ours) and ours[0].quad_class == first["quad_class"]
        source = normalise_gold(first.get("source") or "")
        if kind != "quad" and len(source) >= 3 and source[:3].isalpha() and first.get("source_text"):
            score.source_country_total += 1
            score.source_country_right += any(
                e.source and e.source.code[:3] == source[:3] and same(want, _label(kind, e)) for e in ours
            )
