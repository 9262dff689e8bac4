"""Place accuracy on a gold set of place names in context (evalsets/places.jsonl): the right
country, and within 25 km of the gold point for places that are points (not countries or regions)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from dateline.analysis import Analyser
from dateline.extract.dates import parse_given
from dateline.model import Article, Location

RADIUS_KM = 25.0


@dataclass
class PlaceScore:
    total: int = 0
    country: int = 0
    points: int = 0
    near: int = 0
    ambiguous: int = 0
    ambiguous_country: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def lines(self, name: str = "places") -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{a / b:.1%}" if b else "n/a"

        return [
            f"{name}: {self.total} names in context; right country {pct(self.country, self.total)}",
            f"  within {RADIUS_KM:.0f} km: {pct(self.near, self.points)} of {self.points} point places",
            f"  ambiguous names: right country {pct(self.ambiguous_country, self.ambiguous)} of {self.ambiguous}",
        ]


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def score_places(path: Path, analyser: Analyser) -> PlaceScore:
    rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    articles = []
    for row in rows:
        article = Article(id=row["id"], source=row["id"], format="gold", paragraphs=[row["text"]],
                          dateline_place=row.get("dateline"))
        if row.get("published"):
            article.published = parse_given(row["published"])
        articles.append(article)
    analyser.analyse(articles)
    score = PlaceScore()
    for row, article in zip(rows, articles, strict=True):
        score.total += 1
        location = _place_at(article, row["start"], row["end"])
        right = location is not None and location.country == row.get("country")
        score.country += right
        if row.get("ambiguous"):
            score.ambiguous += 1
            score.ambiguous_country += right
        if row.get("latitude") is not None and _is_point(row, location):
            score.points += 1
            if location is not None and location.latitude is not None:
                score.near += distance_km(row["latitude"], row["longitude"], location.latitude,
                                          location.longitude) <= RADIUS_KM
        if not right:
            ours = f"{location.name}/{location.country}" if location else "-"
            score.misses.append((row["place"], str(row.get("country")), ours, row["id"]))
    return score


def _is_point(row: dict, location: Location | None) -> bool:
    """Gold places that are points: everything but countries and regions (the gold row's "kind" says
    which; rows without one are judged by the kind of the entry we found)."""
    if row.get("kind"):
        return row["kind"] == "point" and row.get("country") is not None
    kind = (location.kind if location else "") or ""
    return kind not in ("country", "admin1", "region", "territory", "water") and row.get("country") is not None


def _place_at(article: Article, start: int, end: int) -> Location | None:
    best, overlap = None, 0
    for mention in article.mentions:
        if mention.location is None:
            continue
        shared = min(end, mention.end) - max(start, mention.start)
        if shared > overlap:
            best, overlap = mention.location, shared
    return best
