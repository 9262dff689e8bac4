"""Analyse articles: the nlp, actors, geo and events stages composed, with their resources loaded once
per process, and a pool of worker processes for ``--workers N``.

Fills: Article.sentences, Article.mentions and Article.events. Needs: Article (from extract).
Worker processes return articles without their tokens (the store keeps mentions, not parses).
"""

from __future__ import annotations

import multiprocessing
from collections import Counter
from dataclasses import replace
from functools import cache

from dateline.actors.anchoring import anchor_to_places
from dateline.actors.knowledge import ActorKnowledge, load_knowledge
from dateline.actors.resolver import resolve_actors
from dateline.events import Lexicon, code_events, load_lexicon
from dateline.extract.dateline import capitals
from dateline.geo.gazetteer import Gazetteer, load_gazetteer
from dateline.geo.geocoder import find_places, places_index, resolve_place
from dateline.geo.statehood import apply_statehood
from dateline.model import Article, Location, Mention
from dateline.nlp import load_pipeline, parse_articles, tokenizer_for
from dateline.settings import Settings


class Analyser:
    """The loaded resources of the analysis stages (read-only, one per process)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        # The gazetteer first: the memory its loading briefly needs is then reused by spaCy.
        self.gazetteer: Gazetteer = load_gazetteer(settings.gazetteer_min_population)
        self.nlp = load_pipeline(settings.spacy_model)
        tokenize = tokenizer_for(settings.spacy_model)
        self.knowledge: ActorKnowledge = _knowledge(settings.spacy_model, tokenize)
        self.places = _places(settings.spacy_model, tokenize)
        self.lexicon: Lexicon = _lexicon(tuple(settings.lexicon_paths))

    def home_country(self, article: Article) -> str | None:
        if not article.dateline_place:
            return None
        capital = capitals().get(article.dateline_place.lower())
        if capital:
            return capital
        location = resolve_place(article.dateline_place, self.gazetteer)
        return location.country if location else None

    def country_location(self, iso3: str) -> Location | None:
        country = self.knowledge.countries.get(iso3)
        if country is None:
            return None
        return next((p.location for p in self.gazetteer.candidates(country.name) if p.location.kind == "country"), None)

    def analyse(self, articles: list[Article]) -> list[Article]:
        parse_articles(articles, self.nlp, self.settings.nlp_batch_size)
        for article in articles:
            home = self.home_country(article)
            actors = resolve_actors(article, self.knowledge, home)
            # Context for places: actors named as such and countries' adjectives ("the north Lebanese
            # port"), not countries or capitals (places themselves).
            countries = Counter(
                m.actor.country for m in actors
                if m.actor and m.actor.country and "dateline" not in m.via
                and (m.actor.kind not in ("state", "government") or m.label == "NORP")
            )
            places = find_places(article, self.gazetteer, self.places, countries, home)
            article.mentions = merge_mentions(actors, places)
            anchor_to_places(article)
            apply_statehood(article)
            article.events = code_events(article, self.lexicon, self.country_location)
            article.analysed = True
        return articles


@cache
def _knowledge(model: str, tokenize) -> ActorKnowledge:
    return load_knowledge(tokenize)


@cache
def _lexicon(extra: tuple[str, ...]) -> Lexicon:
    return load_lexicon(extra)


@cache
def _places(model: str, tokenize):
    return places_index(tokenize)


def merge_mentions(actors: list[Mention], places: list[Mention]) -> list[Mention]:
    """One list in text order: a place with the span of an actor mention is attached to it; a place
    inside a person's title ("US" in "US Secretary of State Antony Blinken") is not a place, unless it
    is a possessor ("Tigray's leaders"); a place inside an organisation ("Georgia" in "Georgia's
    parliament") stays a mention of its own; a role word or a country inside a longer place name
    ("West Bank", "Northern Ireland") is dropped; a known person is not a place ("Obi")."""
    by_span = {(m.start, m.end): m for m in actors}
    merged = list(actors)
    for place in places:
        same = by_span.get((place.start, place.end))
        if same is not None and same.label == "PERSON" and same.actor is not None:
            continue  # a person we know ("Obi"), not a town of that name
        if same is not None:
            same.location = place.location
            if same.actor is None and same.label == "PERSON":
                same.label, same.via = place.label, place.via  # a place the model took for a person
            if same.actor and same.actor.kind == "state" and place.location and place.location.kind != "country":
                # "Georgia" the US state, not the country: the state's country is the actor.
                same.actor = replace(same.actor, code=place.location.country or "", country=place.location.country,
                                     name=place.location.name)
                same.via = "place"
            continue
        if any(m.start <= place.start and place.end <= m.end and m.label == "PERSON"
               and m.text[place.end - m.start :][:2] not in ("'s", "’s") for m in actors):
            continue  # but "Tigray's leaders" names a place
        merged.append(place)
    # A role word, a country or a "person" inside a longer place name is none of these: "Bank" in
    # "the West Bank", "Ireland" in "Northern Ireland", "Domingo" in "Santo Domingo".
    inside = [(p.start, p.end) for p in places]
    merged = [m for m in merged if not (
        m.location is None and (m.actor is None or m.actor.kind in ("sector", "state"))
        and any(s <= m.start and m.end <= e and e - s > m.end - m.start for s, e in inside))]
    return sorted(merged, key=lambda m: (m.start, m.end))


# -- worker pool -------------------------------------------------------------------------

_WORKER: Analyser | None = None


def _init_worker(settings: Settings) -> None:
    global _WORKER
    _WORKER = Analyser(settings)


def _work(articles: list[Article]) -> list[Article]:
    assert _WORKER is not None
    done = _WORKER.analyse(articles)
    for article in done:
        article.sentences = []  # the parse stays in the worker; mentions carry what is kept
    return done


class AnalysisPool:
    """Analyse batches in this process (workers=1) or in a pool of worker processes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.pool = None
        self.local: Analyser | None = None
        if settings.workers > 1:
            context = multiprocessing.get_context("spawn")
            self.pool = context.Pool(settings.workers, initializer=_init_worker, initargs=(settings,))
        else:
            self.local = Analyser(settings)

    def analyse(self, articles: list[Article]) -> list[Article]:
        if not articles:
            return []
        if self.pool is None:
            assert self.local is not None
            return self.local.analyse(articles)
        size = max(1, -(-len(articles) // self.settings.workers))
        chunks = [articles[i : i + size] for i in range(0, len(articles), size)]
        return [a for chunk in self.pool.map(_work, chunks) for a in chunk]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
            self.pool.join()

    def __enter__(self) -> AnalysisPool:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None and exc[0] is not None:
            self.pool.terminate()
        self.close()
