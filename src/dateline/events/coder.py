"""The event coder: who did what to whom, from the dependency parse, the trigger lexicon and the
actor mentions.

Reads: Article.sentences (tokens and parse), Article.mentions (actors and places), Article.published,
Article.dateline_place. Fills: Event records.

For every sentence: the triggers (events/matching.py) and their sources and targets
(events/arguments.py); then, here, what the act is as reported (modality: refusals, intent, threats),
its code where the words say more than the lexicon (an attack in words is criticism; force by a crowd
is rioting), its place and date, and the weighing of the sentence's acts against each other:
- coordinated actors give one event per source and target pair, and "A and B agreed" with no
  target gives A->B and B->A;
- attacks whose authors are not named get an inferred source: unidentified armed forces (UAF)
  of the place's country; parties of protest, coercion and force whose country only context gave
  are of the place where they acted;
- a killing takes the code of the means named with it; an act named by a noun with no party we can
  code, beside an act whose parties we know, is background; sports reporting yields no acts by
  teams;
- a bare statement (010) is only kept when the sentence has no other event, and when its source has
  a country or an organisation or it has a target ("analysts said" alone is no event).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, replace
from functools import cache

from dateline.events.arguments import (
    FORCE_ROOTS,
    LIGHT_VERBS,
    REVERSE_VERBS,
    UNNAMED,
    find_arguments,
    pairs,
    parties_of,
    subjects_of,
    unknown_source,
)
from dateline.events.dates import event_date
from dateline.events.lexicon import Lexicon, Trigger
from dateline.events.matching import Match, find_triggers, subtree
from dateline.events.modality import Modality, ancestors, children, modality
from dateline.events.ontology import describe
from dateline.model import Article, Event, Location, Mention, Party, Sentence, Token
from dateline.resources import read_table

CODER_VERSION = "0.1"
# Future or planned acts take the "intent" codes of root 03 (or threats, for force).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "18": "138", "19": "138",
                "20": "138", "17": "137", "16": "131"}  # fmt: skip
GENERIC_FORCE = {"180", "190", "200"}  # force whose means the verb does not say ("killed", "attacked")
MEANS_CODES = ("18", "193", "194", "195", "20")  # force coded by its means: bombs, guns, shells, aircraft
UNREAL_ROOTS = {"02", "03", "10", "12", "13"}
# Refusing a cooperative act is a rejection (CAMEO 12x).
DELIBERATING = {"discuss", "debate", "consider", "study", "weigh", "mull", "examine", "review", "negotiate"}
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSING = {"refuse", "decline", "reject", "fail"}  # "failed to reach agreement" is a rejection too


def code_events(article: Article, lexicon: Lexicon, country_location=None) -> list[Event]:
    """Events of an analysed article (sentences and mentions filled)."""
    published = article.published.date if article.published else None
    by_sentence: dict[int, list[Mention]] = {}
    for mention in article.mentions:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    dateline = next((m.location for m in article.mentions if m.location and m.text == article.dateline_place), None)
    events: list[Event] = []
    seen: set[str] = set()
    for sentence in article.sentences:
        found = _code_sentence(article, sentence, by_sentence.get(sentence.index, []), lexicon, published,
                               dateline, country_location)
        for event in found:
            if event.id not in seen:
                seen.add(event.id)
                events.append(event)
    return events


def _code_sentence(article: Article, sentence: Sentence, mentions: list[Mention], lexicon: Lexicon,
                   published, dateline, country_location) -> list[Event]:
    tokens = sentence.tokens
    kids = children(tokens)
    # Event nouns inside an actor's name or role are no events: "Rapid Support Forces", "aid workers".
    named = [(m.start, m.end) for m in mentions if m.actor is not None and m.end - m.start > 0]
    matches = [m for m in find_triggers(tokens, kids, lexicon) if not (
        m.trigger.pos == "NOUN" and any(s <= m.head.start and m.head.end <= e for s, e in named))]
    noun_heads = {m.head.i for m in matches if m.trigger.pos == "NOUN"}
    # "X received a phone call", "launched an attack": the event noun carries the event, not the verb.
    matches = [m for m in matches if not (
        m.trigger.pos == "VERB" and len(m.trigger.words) == 1 and m.head.lemma.lower() in LIGHT_VERBS | REVERSE_VERBS
        and any(k.dep in ("dobj", "attr") and k.i in noun_heads for k in kids.get(m.head.i, [])))]
    # Acts named inside other acts' arguments: "condemned the visit of Pelosi", "condemned Turkish air
    # strikes" are aimed at their authors; "condemned the attack on X", with no author named, at the
    # unnamed attackers; other nested acts with no author leave the target to the usual search.
    nested = ({m.head.i for m in matches if m.trigger.pos == "NOUN"},
              {m.head.i for m in matches if m.trigger.pos == "NOUN" and m.trigger.code[:2] in FORCE_ROOTS})
    acts = {m.head.i for m in matches}
    # What is demanded, appealed for, promised, rejected, threatened or denied has not happened.
    unreal = {m.head.i for m in matches if m.trigger.code[:2] in UNREAL_ROOTS or m.trigger.code == "016"
              or m.head.lemma.lower() in DELIBERATING}  # what is discussed has not happened either
    events: list[Event] = _demands(article, sentence, tokens, kids, mentions, published, dateline, country_location)
    unplaced: set[str] = set()  # events named by a noun with no party we can code
    heads: dict[str, Token] = {}  # event id -> its trigger's head token
    for match in matches:
        mod = modality(match.head, tokens, kids, match.trigger.words, sentence.text)
        if _under(match.head, unreal, tokens):
            mod = replace(mod, hypothetical=True)
        if _no_act(match, tokens, kids, mentions):
            continue
        sources, targets = find_arguments(match, tokens, kids, mentions, nested, acts)
        if not targets and (match.trigger.target_required or (
                match.trigger.code == "042" and not _named_destination(match.head, kids))):
            continue  # a visit goes somewhere named: "voters go to the polls" is none
        if not sources and _non_agent_subject(match, tokens, kids):
            continue  # "the earthquake killed 50,000 people", "the war has displaced millions"
        code = match.trigger.code
        refusal = code[:2] in REFUSAL_CODES and (_refused(match.head, tokens) or (mod.negated and mod.future))
        if refusal:
            # "will not lift the embargo", "refused to sign": not the act, but its rejection.
            code, mod = REFUSAL_CODES[code[:2]], replace(mod, negated=False, future=False)
        elif mod.future and code[:2] in INTENT_CODES:
            code = INTENT_CODES[code[:2]]
        if code[:2] in FORCE_ROOTS and _verbal_attack(match.head, tokens, kids, mentions):
            code = "111"  # "attacked Macron, calling his stance colonialist": criticism
        if code[:2] in ("18", "19") and not code.startswith(("182", "183", "186")) and any(
                _sector_of(p, mentions) in CROWD_SECTORS for p in sources):
            code = "145"  # "protesters stormed the embassy": a riot, not military force (beatings, bombings stay)
        place, place_how = _place(match, tokens, kids, mentions, targets, dateline, country_location)
        info = describe(code)
        if info.root in LOCAL_ROOTS and place is not None and place_how.startswith(_PLACE_IN_SENTENCE):
            sources = [_of_the_place(p, place, mentions) for p in sources]
            targets = [_of_the_place(t, place, mentions) for t in targets]
        if not sources and info.root in FORCE_ROOTS and targets:
            country = place.country if place else None
            sources = [Party(code=f"{country or ''}UAF", name="unidentified armed group", inferred=True)]
        if not sources:
            # The act is still reported, with a source we cannot code: the subject's own words if
            # there is a subject, else nobody.
            sources = unknown_source(match, tokens, kids)
        country = place.country if place else None
        targets = [Party(f"{country or ''}UAF", "unidentified armed group", inferred=True) if t is UNNAMED else t
                   for t in targets]
        day, day_how = event_date(sentence.text, published)
        # Allies who strike together do not strike each other: force is mutual only when said so.
        mutual = code[:2] not in FORCE_ROOTS or _each_other(sentence.text)
        background = match.trigger.pos == "NOUN" and not targets and all(_uncoded(p) for p in sources)
        for source, target in pairs(sources, targets, mutual):
            event = _event(article, sentence, match, code, source, target, mod, day, day_how, place, place_how)
            events.append(event)
            heads[event.id] = match.head
            if background:
                unplaced.add(event.id)
    events = _settle(events, unplaced, heads, tokens, sentence.text)
    if any(e.code != "010" for e in events):  # a bare statement is only the event when nothing else is
        events = [e for e in events if e.code != "010"]
    # A statement by no one we can place (no country or organisation), to no one, says nothing.
    events = [e for e in events if not (e.code == "010" and e.target is None and _uncoded(e.source))]
    unique: dict[tuple, Event] = {}
    for event in events:  # two triggers for one act ("commit to strengthening relations"): keep the first
        key = (event.code, event.source.code if event.source else "", event.target.code if event.target else "")
        unique.setdefault(key, event)
    targeted = {(e.code, e.source.code) for e in unique.values() if e.target and e.source}
    return [e for e in unique.values() if e.target or (e.code, e.source.code if e.source else "") not in targeted]


def _no_act(match: Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention]) -> bool:
    """Trigger words that name no act here: "calling his stance colonialist" names, it does not phone;
    a force verb describing a thing ("the documentary, shot over three years") is no attack."""
    head, own = match.head, kids.get(match.head.i, [])

    def actor_at(token: Token) -> bool:
        return any(m.actor is not None and m.start <= token.start < m.end for m in mentions)

    if match.trigger.code == "041" and any(k.dep == "oprd" and not actor_at(k) for k in own):
        return True
    return (match.trigger.pos == "VERB" and match.trigger.code[:2] in FORCE_ROOTS and head.dep == "acl"
            and not any(k.dep == "aux" and k.text.lower() == "to" for k in own)
            and not actor_at(tokens[head.head]))


def _named_destination(head: Token, kids: dict[int, list[Token]]) -> bool:
    """The verb goes to a place with a name ("travelled to Minas Tirith"), known to us or not."""
    return any(p.pos == "PROPN" and p.ent not in ("DATE", "TIME") for k in kids.get(head.i, [])
               if k.dep == "prep" and k.lemma.lower() in ("to", "in", "for", "into", "at")
               for p in kids.get(k.i, []) if p.dep == "pobj")


def _settle(events: list[Event], unplaced: set[str], heads: dict[str, Token], tokens: list[Token],
            text: str) -> list[Event]:
    """The acts of one sentence weighed against each other. ``unplaced``: ids of acts named by a noun
    with no party we can code; ``heads``: each act's trigger head."""
    # "declared a state of siege to begin at midnight" (the parser hung the noun on a clause below the
    # verb): a statement verb above an act no one else is named for is that act's author.
    for n, event in enumerate(events):
        if event.id in unplaced:
            above = {t.i for t in ancestors(heads[event.id], tokens, limit=3)}
            speaker = next((e for e in events if e.code == "010" and e.id in heads and heads[e.id].i in above
                            and not _uncoded(e.source)), None)
            if speaker is not None:
                events[n] = replace(event, source=speaker.source)
                unplaced.discard(event.id)
    # "A roadside bombing killed a soldier", "blew himself up inside a mosque, killing dozens": the
    # act named with its means (by no one else, or by the same author) gives the killing its code.
    for n, event in enumerate(events):
        if event.id not in unplaced and event.code in GENERIC_FORCE:
            means = next((e for e in events if e.code.startswith(MEANS_CODES) and e.code not in GENERIC_FORCE and (
                e.id in unplaced or (e.source is not None and event.source is not None
                                     and e.source.code == event.source.code))), None)
            if means is not None:
                events[n] = _with_code(event, means)
    # An act named by a noun, by no one we can code and aimed at no one, beside an act whose parties
    # we know, is background ("promised reforms after days of protests"), not an event of its own.
    if any(e.id not in unplaced and not (_uncoded(e.source) and e.target is None) for e in events):
        events = [e for e in events if e.id not in unplaced]
    # "killing 15 people and wounding dozens": a second act of force by no one, at no one, beside
    # another is the same attack.
    if any(e.root in FORCE_ROOTS and (e.target is not None or not _uncoded(e.source)) for e in events):
        events = [e for e in events if not (e.root in FORCE_ROOTS and e.target is None and _uncoded(e.source)
                                            and not (e.source is not None and e.source.inferred))]
    if _sports(text):
        # "India crushed Pakistan by 89 runs": teams named like their countries, no political act.
        events = [e for e in events if not (_uncoded(e.source) or len(e.source.code) == 3)]
    return events


DEMAND_RULE = Trigger(words=("must",), pos="AUX", code="100", sources=("governing subject",), targets=("subj",),
                      head=0, where="coder rule: X says that Y must act")


def _demands(article: Article, sentence: Sentence, tokens: list[Token], kids: dict[int, list[Token]],
             mentions: list[Mention], published, dateline, country_location) -> list[Event]:
    """"X said Y must withdraw", "X reminded Y that it must cooperate": X demands of Y (CAMEO 100).
    The act Y must do is not a fact (the modal makes it hypothetical); the demand is."""
    events: list[Event] = []
    for token in tokens:
        if token.lemma.lower() != "must" or token.dep != "aux" or token.head == token.i:
            continue
        verb = tokens[token.head]
        subject = next((k for k in kids.get(verb.i, []) if k.dep in ("nsubj", "nsubjpass")), None)
        if subject is None or verb.dep not in ("ccomp", "acl", "relcl", "conj", "advcl"):
            continue
        speaker = next((s for t in ancestors(verb, tokens, limit=4)
                        for s in kids.get(t.i, []) if s.dep == "nsubj"), None)
        if speaker is not None and speaker.pos == "VERB":  # "The Red Cross operating in Iraq said"
            speaker = next((k for k in kids.get(speaker.i, []) if k.dep == "nsubj"), speaker)
        targets = parties_of(subject, tokens, kids, mentions)
        sources = parties_of(speaker, tokens, kids, mentions) if speaker is not None else []
        if not sources or not targets:
            continue
        match = Match(token, DEMAND_RULE, {token.i})
        place, place_how = _place(match, tokens, kids, mentions, targets, dateline, country_location)
        day, day_how = event_date(sentence.text, published)
        for source, target in pairs(sources, targets):
            events.append(_event(article, sentence, match, "100", source, target, Modality(), day, day_how,
                                 place, place_how))
    return events


# Adjuncts that set an act beside another, not inside it: "pledged support during a visit to Buenos
# Aires" (the visit happened), "demanded the release of X, whom police arrested" (so did the arrest).
_ADJUNCT_PREPS = {"during", "on", "amid", "after", "before", "at", "while", "following"}


def _under(head: Token, acts: set[int], tokens: list[Token], limit: int = 4) -> bool:
    """The act sits inside one of ``acts`` (what is demanded, promised, threatened...), not in a
    relative clause or an adjunct of time or occasion beside it."""
    current = head
    for _ in range(limit):
        if current.head == current.i or not 0 <= current.head < len(tokens):
            return False
        if current.dep in ("relcl", "acl") and current.pos == "VERB":
            return False
        parent = tokens[current.head]
        if parent.dep == "prep" and parent.lemma.lower() in _ADJUNCT_PREPS and current.dep == "pobj":
            return False
        if parent.i in acts:
            return True
        current = parent
    return False


def _each_other(text: str) -> bool:
    low = text.lower()
    return "each other" in low or "one another" in low or " between " in low


def _non_agent_subject(match: Match, tokens: list[Token], kids: dict[int, list[Token]]) -> bool:
    """The verb's subject is a disaster or the like: "the earthquake killed", "Typhoon Haiyan slammed"."""
    if match.trigger.pos != "VERB":
        return False
    subjects = subjects_of(match.head, tokens, kids)
    if not subjects:
        return False
    words = [subjects[0], *(k for k in kids.get(subjects[0].i, []) if k.dep == "compound")]
    return any(word.lemma.lower() in _non_agents() for word in words)


@cache
def _non_agents() -> frozenset[str]:
    return frozenset(row["lemma"] for row in read_table("non_agents.tsv"))


@cache
def _sports_pattern() -> re.Pattern[str]:
    cues = sorted((row["cue"] for row in read_table("sports.tsv")), key=len, reverse=True)
    parts = [re.escape(cue).replace(re.escape("{n}"), r"\d+") for cue in cues]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])|\b\d+-\d+ (?:win|victory|defeat|draw)\b",
                      re.IGNORECASE)


def _sports(text: str) -> bool:
    return bool(_sports_pattern().search(text))


@cache
def _sector_codes() -> frozenset[str]:
    return frozenset(row["code"] for row in read_table("sectors.tsv"))


def _uncoded(party: Party | None) -> bool:
    """No party, or one whose code names no country or organisation ("", "GOV", "BUS")."""
    return party is None or not party.code or party.code in _sector_codes()


def _refused(head: Token, tokens: list[Token]) -> bool:
    return head.dep == "xcomp" and head.head != head.i and tokens[head.head].lemma.lower() in REFUSING


# Acts whose unplaced parties are taken to be of the place where they happen: protest, coercion, force.
LOCAL_ROOTS = {"14", "17", "18", "19", "20"}
_PLACE_IN_SENTENCE = ("named with the trigger", "named in the sentence")


def _of_the_place(party: Party, place: Location, mentions: list[Mention]) -> Party:
    """Protesters, attackers and victims whose country only the story's context gave, or nothing did
    ("killed 23 people" in a story about Palestinians; "rioters"), are of the place where they acted
    or were struck ("in Tel Aviv", "in Johannesburg")."""
    mention = _actor_mention(party, mentions)
    if (mention is None or not mention.actor.sector or not place.country or place.country == mention.actor.country
            or not ("dateline country" in mention.via or mention.actor.country is None)):
        return party
    return replace(party, code=f"{place.country}{mention.actor.sector}")


# -- place ------------------------------------------------------------------------------------


def _place(match: Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention],
           targets: list[Party], dateline: Location | None, country_location) -> tuple[Location | None, str]:
    places = [m for m in mentions if m.location is not None]
    near = {t.start for t in subtree(match.head, kids)}
    attached = [m for m in places if m.start in near and m.location.kind != "country"]
    if attached:
        return attached[0].location, f"named with the trigger: '{attached[0].text}'"
    local = [m for m in places if m.location.kind != "country"]
    if local:
        return local[0].location, f"named in the sentence: '{local[0].text}'"
    for target in targets:
        mention = next((m for m in mentions if m.start == target.start and m.location), None)
        if mention is not None:
            return mention.location, f"the target's place: '{mention.text}'"
    if dateline is not None:
        return dateline, "the dateline"
    if places:
        return places[0].location, f"named in the sentence: '{places[0].text}'"
    for target in targets:
        country = target.code[:3]
        if country_location is not None:
            location = country_location(country)
            if location is not None:
                return location, f"the target's country: {country}"
    return None, "no place found"


VERBAL_ATTACK_VERBS = {"attack", "assail", "slam", "blast", "savage", "hit", "lash", "lambast", "lambaste"}
# What words attack: "attacked the decision", "slammed the plan".
WORDS_AND_ACTS = {"decision", "policy", "move", "remark", "comment", "statement", "plan", "proposal", "stance",
                  "report", "law", "bill", "budget", "speech", "claim", "idea", "deal", "verdict", "ruling",
                  "handling", "response", "approach", "record", "government's", "position", "view"}  # fmt: skip
CRITICAL_SPEECH = {"call", "say", "accuse", "describe", "brand", "label", "dub", "term", "charge", "blame"}


def _verbal_attack(head: Token, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention]) -> bool:
    """An attack in words: the verb goes on with what was said ("attacked Macron, calling his stance
    colonialist", "attacked the move as an assault on freedom") or its object is a decision or a
    speech, not a body or a place ("slammed the plan")."""
    if head.lemma.lower() not in VERBAL_ATTACK_VERBS or head.pos != "VERB":
        return False
    own = kids.get(head.i, [])
    if any(k.dep in ("advcl", "xcomp", "conj") and k.lemma.lower() in CRITICAL_SPEECH and k.i > head.i for k in own):
        return True
    if any(k.dep == "prep" and k.lemma.lower() == "as" for k in own):
        return True
    obj = next((k for k in own if k.dep == "dobj"), None)
    if obj is None and head.dep == "relcl" and head.head != head.i:
        obj = tokens[head.head]  # "a move Britain attacked"
    return obj is not None and obj.lemma.lower() in WORDS_AND_ACTS and not any(
        m.start <= obj.start < m.end and (m.actor is not None or m.location is not None) for m in mentions)


CROWD_SECTORS = {"OPP", "CVL", "EDU", "LAB"}  # unarmed people: their violence is rioting (145)


def _actor_mention(party: Party, mentions: list[Mention]) -> Mention | None:
    """The actor mention a party was taken from."""
    return next((m for m in mentions if m.start == party.start and m.actor is not None), None)


def _sector_of(party: Party, mentions: list[Mention]) -> str | None:
    mention = _actor_mention(party, mentions)
    return mention.actor.sector if mention is not None else None


def _with_code(event: Event, means: Event) -> Event:
    info = describe(means.code)
    return replace(event, code=info.code, root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
                   plover_type=info.plover_type, plover_mode=info.plover_mode,
                   rule=f"{event.rule}; by the means named: {means.trigger_text}")


def _event(article: Article, sentence: Sentence, match: Match, code: str, source: Party, target: Party | None,
           mod: Modality, day, day_how: str, place: Location | None, place_how: str) -> Event:
    info = describe(code)
    key = f"{article.id}|{sentence.index}|{match.head.i}|{code}|{source.code}|{target.code if target else ''}"
    confidence = 0.5 + (0.2 if not source.inferred else 0.0) + (0.15 if target else 0.0)
    confidence -= 0.2 if (mod.hypothetical or mod.question) else 0.0
    return Event(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        article_id=article.id,
        sentence=sentence.index,
        sentence_start=sentence.start,
        sentence_text=sentence.text,
        trigger_start=match.head.start,
        trigger_end=match.head.end,
        trigger_text=match.head.text,
        source=source,
        target=target,
        code=info.code,
        root=info.root,
        quad_class=info.quad_class,
        goldstein=info.goldstein,
        plover_type=info.plover_type,
        plover_mode=info.plover_mode,
        date=day,
        date_how=day_how,
        location=place,
        location_how=place_how,
        **asdict(mod),  # negated, attempted, future, hypothetical, question, reported
        confidence=round(max(0.0, min(confidence, 1.0)), 2),
        rule=match.trigger.rule,
        coder_version=CODER_VERSION,
    )

