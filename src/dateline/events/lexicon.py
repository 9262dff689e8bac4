"""The trigger lexicon: verbs, phrasal verbs, multiword expressions and event nouns, each with its
CAMEO code and where its source and target are found.

Files: data/triggers/*.tsv, plus any files named in the ``lexicon_files`` setting (same columns:
phrase, pos, code, source, target, example; a target ending in "!" is required: without one the
entry does not fire). A user's entries come after ours and replace ours for the same phrase and
part of speech. Within our own files, where two entries share a phrase, the one
that names a target wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from dateline.events.ontology import cameo_codes
from dateline.resources import data_path

PREPOSITIONS = {"on", "of", "against", "with", "to", "for", "from", "in", "at", "over", "by", "between",
                "about", "into", "toward", "towards", "upon", "across", "around", "among"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Trigger:
    words: tuple[str, ...]  # lemmas
    pos: str  # VERB or NOUN
    code: str
    sources: tuple[str, ...]  # subj, poss, prep:by, prep:from
    targets: tuple[str, ...]  # dobj, prep:X, poss (empty: none)
    head: int  # index in words of the head (the verb, or the event noun)
    where: str  # file:line
    target_required: bool = False  # "call!": without a target the words mean something else ("what he called")

    @property
    def rule(self) -> str:
        return f"{' '.join(self.words)}/{self.pos} -> {self.code} ({self.where})"


@dataclass
class Lexicon:
    by_head: dict[tuple[str, str], list[Trigger]]  # (head lemma, pos) -> triggers, longest first
    size: int  # entries in all


def head_index(words: tuple[str, ...], pos: str) -> int:
    """The verb is first; an event noun is the last word before a preposition ("ban on protest"),
    else the last word ("phone call")."""
    if pos == "VERB":
        return 0
    for i, word in enumerate(words):
        if word in PREPOSITIONS and i > 0:
            return i - 1
    return len(words) - 1


def load_lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    known = cameo_codes()
    entries: dict[tuple[tuple[str, ...], str], Trigger] = {}
    files = sorted(data_path("triggers").glob("*.tsv"))
    for number, path in enumerate([*files, *(Path(p) for p in extra)]):
        user = number >= len(files)
        for line_no, row in _rows(path):
            words = tuple(row["phrase"].lower().split())
            pos = row["pos"].upper()
            code = row["code"]
            if not words or pos not in ("VERB", "NOUN") or code not in known:
                continue
            specs = [t for t in row.get("target", "").split("|") if t and t != "none"]
            trigger = Trigger(
                words=words, pos=pos, code=code,
                sources=tuple(s for s in row.get("source", "subj").split("|") if s) or ("subj",),
                targets=tuple(t.rstrip("!") for t in specs), head=head_index(words, pos),
                where=f"{path.name}:{line_no}", target_required=any(t.endswith("!") for t in specs),
            )  # fmt: skip
            key = (words, pos)
            if key in entries and not user and (entries[key].targets or not trigger.targets):
                continue
            entries[key] = trigger
    by_head: dict[tuple[str, str], list[Trigger]] = {}
    for trigger in entries.values():
        by_head.setdefault((trigger.words[trigger.head], trigger.pos), []).append(trigger)
    for triggers in by_head.values():
        triggers.sort(key=lambda t: -len(t.words))
    return Lexicon(by_head, len(entries))


def _rows(path: Path):
    header: list[str] | None = None
    with path.open(encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = [c.strip() for c in line.rstrip("\n").split("\t")]
            if header is None:
                header = cells
                continue
            yield line_no, dict(zip(header, cells, strict=False))
