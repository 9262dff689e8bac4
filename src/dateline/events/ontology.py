"""CAMEO 1.1b3 codes (name, root, QuadClass, Goldstein) and their PLOVER type and mode.

Files: data/cameo.tsv, data/plover.tsv, data/cameo_plover.tsv (headers give the sources).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.resources import read_table


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    root: str
    quad_class: int
    goldstein: float
    plover_type: str | None
    plover_mode: str | None


@cache
def cameo_codes() -> dict[str, CameoCode]:
    plover = {row["cameo"]: row for row in read_table("cameo_plover.tsv")}
    codes: dict[str, CameoCode] = {}
    for row in read_table("cameo.tsv"):
        mapped = plover.get(row["code"], {})
        codes[row["code"]] = CameoCode(
            code=row["code"],
            name=row["name"],
            root=row["root"],
            quad_class=int(row["quad_class"]),
            goldstein=float(row["goldstein"]),
            plover_type=mapped.get("plover_type") or None,
            plover_mode=mapped.get("plover_mode") or None,
        )
    return codes


@cache
def plover_types() -> dict[str, int]:
    """PLOVER type -> QuadClass."""
    return {row["type"]: int(row["quad_class"]) for row in read_table("plover.tsv")}


def describe(code: str) -> CameoCode:
    """The record of a code; unknown four-digit codes fall back to their three-digit parent."""
    codes = cameo_codes()
    while code not in codes and len(code) > 2:
        code = code[:-1]
    return codes[code]
