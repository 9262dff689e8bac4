"""Countries as of an article's date: territory of a state that did not exist yet is coded with the
state it belonged to (data/statehood.tsv), for places and for the actors coded from them.

Reads: Article.published and the article's mentions (actor and location countries). Changes them in
place; an actor's code keeps its sector and group blocks ("SSDPTYSPL" in 2005 is "SDNPTYSPL").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache

from dateline.model import Actor, Article, Location
from dateline.resources import read_table


@cache
def _successions() -> dict[str, tuple[dt.date, str]]:
    return {row["code"]: (dt.date.fromisoformat(row["since"]), row["before"]) for row in read_table("statehood.tsv")}


def country_on(code: str | None, day: dt.date | None) -> str | None:
    """The ISO-3 code for the territory of `code` on `day` (unchanged when no day is known)."""
    if not code or day is None:
        return code
    succession = _successions().get(code)
    if succession and day < succession[0]:
        return succession[1]
    return code


def apply_statehood(article: Article) -> None:
    day = article.published.date if article.published else None
    if day is None:
        return
    for mention in article.mentions:
        if mention.location is not None:
            mention.location = _location_on(mention.location, day)
        if mention.actor is not None:
            mention.actor = _actor_on(mention.actor, day)


def _location_on(location: Location, day: dt.date) -> Location:
    country = country_on(location.country, day)
    return location if country == location.country else replace(location, country=country)


def _actor_on(actor: Actor, day: dt.date) -> Actor:
    country = country_on(actor.country, day)
    if country == actor.country:
        return actor
    code = country + actor.code[3:] if actor.code.startswith(actor.country or "\0") else actor.code
    return replace(actor, country=country, code=code)
