"""Recognise page furniture (comment forms, share buttons, menus, footers...) and name why it goes.

The patterns are data: ``data/boilerplate.tsv``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.resources import read_table

# Lines longer than this are article prose, whatever words they contain.
MAX_BOILERPLATE_WORDS = 30


@dataclass(frozen=True, slots=True)
class Rule:
    reason: str
    region: bool
    pattern: re.Pattern[str]


@cache
def rules() -> tuple[Rule, ...]:
    return tuple(
        Rule(row["reason"], row["scope"] == "region", re.compile(row["pattern"], re.I))
        for row in read_table("boilerplate.tsv")
    )


def classify(line: str) -> Rule | None:
    """The first rule whose pattern matches the whole (stripped) line, or None."""
    text = line.strip().strip("•·*▪►-–—|").strip()
    if not text or len(text.split()) > MAX_BOILERPLATE_WORDS:
        return None
    for rule in rules():
        if rule.pattern.fullmatch(text):
            return rule
    return None
