"""Read the dateline that opens a news story: its place and the outlet that filed it.

"Baghdad / Obelisk: ...", "NAIROBI, March 3 (Reuters) - ...", "BAGHDAD (AP) — ...",
"PARIS (AFP) - ...", "KABUL — ...". The dateline stays in the paragraph; this only reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.resources import read_table

_PLACE = r"(?P<place>[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*){0,3})"
_UPPER_PLACE = r"(?P<place>[A-Z][A-Z'’.-]+(?:[ -][A-Z][A-Z'’.-]+){0,3})"
_REGION = r"(?:,\s*(?P<region>[A-Z][\w.]*(?:\s[A-Z][\w.]*)?))?"
_DATE = r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}))"
_DASH = r"\.?\s*[-–—:]+\s*"

PATTERNS = [
    # "Baghdad / Obelisk: text"
    re.compile(r"^" + _PLACE + r"\s*/\s*(?P<outlet>[A-Z][\w'’ .&-]{1,40}?)\s*:\s+"),
    # "NAIROBI, March 3 (Reuters) - text", "BAGHDAD (AP) — text", "DETROIT, Mich. (AP) — text"
    re.compile(r"^" + _UPPER_PLACE + _REGION + _DATE + r"?\s*\((?P<outlet>[^)]{2,40})\)" + _DASH),
    re.compile(r"^" + _PLACE + _REGION + _DATE + r"?\s*\((?P<outlet>[^)]{2,40})\)" + _DASH),
    # "YEREVAN, March 13. /SCM/. text" (agency style)
    re.compile(r"^" + _UPPER_PLACE + r",\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}\.?\s*/(?P<outlet>[^/]{2,30})/\.?\s+"),
    # "KABUL — text", "KABUL, Afghanistan — text", "DOHA: text", "Dakar — text"
    re.compile(r"^" + _UPPER_PLACE + _REGION + _DATE + r"?" + r"\s*(?:[-–—]+|:)\s+"),
    re.compile(r"^" + _PLACE + _REGION + r"\s+[–—]+\s+"),
]
_NOT_PLACES = {"breaking", "update", "updated", "exclusive", "watch", "live", "analysis",
               "opinion", "editor's note", "note", "warning", "correction", "photos", "video"}
# Outlets that file "in a statement received by X" style copy name themselves that way.
_RECEIVED_BY = re.compile(
    r"\b(?:statement|report|letter|copy|communiqu[eé])\s+(?:was\s+)?(?:received|obtained|seen)\s+by\s+"
    r"(?P<outlet>(?:Al-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})"
)


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str
    outlet: str | None
    region: str | None
    end: int  # where the story text starts after the dateline


def read_dateline(paragraph: str) -> Dateline | None:
    for pattern in PATTERNS:
        match = pattern.match(paragraph)
        if match and match.group("place").strip().lower() not in _NOT_PLACES:
            place = match.group("place").strip()
            if place.isupper():
                place = " ".join(word.capitalize() for word in place.split())
            outlet = match.groupdict().get("outlet")
            return Dateline(
                place=place,
                outlet=outlet.strip() if outlet else None,
                region=match.groupdict().get("region"),
                end=match.end(),
            )
    return None


def outlet_named_in_text(text: str) -> str | None:
    """An outlet the copy names as the receiver of a statement, e.g. "received by Al-Masala"."""
    match = _RECEIVED_BY.search(text)
    return match.group("outlet") if match else None


# AP style abbreviations of US states, as they follow a dateline city ("DETROIT, Mich.").
_US_STATE_ABBREVIATIONS = {
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.",
    "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.",
    "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.",
    "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.", "D.C.",
}  # fmt: skip


def dateline_country(dateline: Dateline) -> str | None:
    """ISO-3 country of a dateline place when it is a capital or has a US state after it."""
    if dateline.region and dateline.region.strip() in _US_STATE_ABBREVIATIONS:
        return "USA"
    return capitals().get(dateline.place.lower())


@cache
def capitals() -> dict[str, str]:
    table: dict[str, str] = {}
    try:
        rows = read_table("countries.tsv")
    except FileNotFoundError:
        return table
    for row in rows:
        if row.get("capital"):
            table.setdefault(row["capital"].lower(), row["iso3"])
    return table
