"""Actor-code accuracy on gold sets that mark actor spans and codes (plover_gsr in eventgold).

Each gold source or target with its text span is found in the sentence and scored by the code of our
event participant there, else of our mention there (an actor mention overlapping the span before a
place, then the one overlapping most). The full code is right when our code starts with the gold
code: gold codes are often coarser (IGO for IGOUNO). Before comparing, markers such as *** and
lower-case ethnic tags are dropped from gold codes, older CAMEO country codes are read as ISO's (JAP
as JPN), and the gold's typo CIV for the sector CVL is mended. Differences of convention count as
right: our SEC for the MIL or COP into which CAMEO coders fold it; our MED (media) and HLH (health)
for the gold's JRN and MED; a gold IGO + sector (IGOREF) for an IGO code of ours that carries that
sector (IGOUNOREFHCR; PKO for MIL). The country is right when the first three letters agree.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from dateline.analysis import Analyser
from dateline.extract.dates import parse_given
from dateline.model import Article, Mention


@dataclass
class ActorScore:
    total: int = 0
    found: int = 0  # a coded mention overlaps the gold span
    full: int = 0
    country: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # (span, gold, ours, sentence)

    def line(self, name: str) -> str:
        if not self.total:
            return f"{name}: no gold actor spans"
        return (
            f"{name}: {self.total} actor spans; coded {self.found / self.total:.1%}; "
            f"full code {self.full / self.total:.1%}; country {self.country / self.total:.1%}"
        )


# Country codes of older CAMEO dictionaries that differ from ISO 3166-1 alpha-3.
LEGACY_COUNTRIES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}


# Sector codes the gold mistypes: CIV (Ivory Coast's country code) written for CVL (LBYCIV, IRQCIV).
GOLD_SECTOR_TYPOS = {"CIV": "CVL"}


def normalise_gold(code: str) -> str:
    code = re.sub(r"[^A-Z]", "", code)[:6]
    return LEGACY_COUNTRIES.get(code[:3], code[:3]) + GOLD_SECTOR_TYPOS.get(code[3:], code[3:])


def gold_spans(records: Iterable[dict]) -> Iterable[tuple[dict, str, str]]:
    """(record, span text, gold code) for every gold actor with a span."""
    for record in records:
        for event in record.get("events", []):
            for role in ("source", "target"):
                code, text = event.get(role), event.get(f"{role}_text")
                if code and text and text.strip() and normalise_gold(code):
                    yield record, text.strip(), normalise_gold(code)


def score_actors(path: Path, analyser: Analyser, limit: int | None = None) -> ActorScore:
    records = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()][:limit]
    articles: dict[str, Article] = {}
    for record in records:
        article = Article(id=record["id"], source=record["id"], format="gold", paragraphs=[record["text"]])
        if record.get("date"):
            article.published = parse_given(record["date"])
        articles[record["id"]] = article
    analyser.analyse(list(articles.values()))
    score = ActorScore()
    for record, span, gold in gold_spans(records):
        score.total += 1
        article = articles[record["id"]]
        ours = our_code(article, span)
        if ours:
            score.found += 1
        if ours.startswith(gold) or _same_sector(ours, gold):
            score.full += 1
        if ours[:3] == gold[:3]:
            score.country += 1
        elif len(score.misses) < 1000:
            score.misses.append((span, gold, ours, record["text"]))
    return score


# dateline's SEC (security forces the text does not place in the army or the police) is folded into MIL
# or COP by CAMEO coders: either counts as right for it. plover_gsr writes JRN for journalists and the
# media, and MED for doctors and medical aid, where CAMEO (and dateline) write MED and HLH.
SECTOR_FOLDS = {"SEC": ("MIL", "COP"), "MED": ("JRN",), "HLH": ("MED",)}
# The gold writes an international body's sector straight after IGO (IGOREF for the UN refugee agency)
# where CAMEO writes it after the body's code (IGOUNOREFHCR); peacekeepers (PKO) are its MIL.
IGO_SECTOR_ALIASES = {"PKO": "MIL"}


def _same_sector(ours: str, gold: str) -> bool:
    if len(gold) != 6 or ours[:3] != gold[:3]:
        return False
    if gold[3:] in SECTOR_FOLDS.get(ours[3:6], ()):
        return True
    if ours[:3] == "IGO":
        parts = [ours[i : i + 3] for i in range(3, len(ours) - 2, 3)]
        return any(gold[3:] in (part, IGO_SECTOR_ALIASES.get(part)) for part in parts)
    return False


def actor_code(mention: Mention | None) -> str:
    """Our code for a mention; a place standing as an actor ("aid flown into Kabul") counts as its
    country, as the gold sets code it."""
    if mention is None:
        return ""
    if mention.actor is not None:
        return mention.actor.code
    return mention.location.country or "" if mention.location is not None else ""


def our_code(article: Article, span: str) -> str:
    """Our code for a gold actor span: the code of an event participant of ours at that span (the
    gold codes are events' sources and targets: "a curfew in Algiers" targets its people), else the
    code of the mention there."""
    found = locate(article, span)
    if found is None:
        return ""
    start, end = found
    best, overlap = "", 0
    for event in article.events:
        for party in (event.source, event.target):
            if party is None or not party.code or party.start is None or party.end is None:
                continue
            shared = min(end, party.end) - max(start, party.start)
            if shared > overlap:
                best, overlap = party.code, shared
    return best or actor_code(_mention_at(article, start, end))


def locate(article: Article, span: str) -> tuple[int, int] | None:
    """Where a gold span is in the article's text. A span given in pieces ("U.S. ... negotiators") is
    looked up by its first piece; one with words left out by its words in order ("Jordan's King
    Abdullah II" for "Jordan's visiting King Abdullah II"), but by its first word when the words
    left out coordinate ("US forces" for "US and British forces"); a misspelt word by the closest."""
    span = " ".join((re.split(r"\s*\.\.\.?\s+", span)[0] or span).split())
    start = article.text.find(span)
    if start < 0:
        start = article.text.lower().find(span.lower())
    if start < 0 and " " in span:
        gapped = r"(?:\s+\S+){0,3}\s+".join(re.escape(word) for word in span.split())
        found = re.search(rf"(?<!\w){gapped}(?!\w)", article.text, re.IGNORECASE)
        if found and not re.search(r"\s(?:and|or)\s|,", found.group()):  # not a coordination
            start, span = found.start(), found.group()
    if start < 0 and " " in span:
        first = span.split()[0]
        found = re.search(rf"(?<!\w){re.escape(first)}(?!\w)", article.text)
        start, span = (found.start(), first) if found else (-1, span)
    if start < 0 and " " not in span:
        # A word the gold misspells ("Ghanians" for "Ghanaians"): the closest word of the text.
        words = [(m.start(), m.group()) for m in re.finditer(r"[\w'-]+", article.text)]
        close = [(SequenceMatcher(None, span.lower(), w.lower()).ratio(), at, w) for at, w in words]
        ratio, at, word = max(close, default=(0.0, -1, span))
        if ratio >= 0.85:
            start, span = at, word
    return (start, start + len(span)) if start >= 0 else None


def best_mention(article: Article, span: str) -> Mention | None:
    """The coded mention overlapping the gold span most (its first occurrence): an actor mention
    before a place ("students throughout Indonesia" is the students)."""
    found = locate(article, span)
    return _mention_at(article, *found) if found is not None else None


def _mention_at(article: Article, start: int, end: int) -> Mention | None:
    best, overlap = None, (False, 0)
    for mention in article.mentions:
        if mention.actor is None and mention.location is None:
            continue
        shared = min(end, mention.end) - max(start, mention.start)
        rank = (mention.actor is not None, shared)
        if shared > 0 and rank > overlap:
            best, overlap = mention, rank
    return best
