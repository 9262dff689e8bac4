"""The event coder: who did what to whom, from the dependency parse, the trigger lexicon and the
actor mentions.

Reads: Article.sentences (tokens and parse), Article.mentions (actors and places), Article.published,
Article.dateline_place. Fills: Event records.

For every trigger (longest lexicon phrase first, each word used once):
- verbs: the source is the subject (the "by" agent in the passive, whose subject is then the
  target; the controlling subject for "affirmed ... to build"), the target the object or the
  object of the entry's preposition;
- event nouns: the source is the possessor ("his condemnation"), a "by"/"from" phrase, or the
  subject of a light verb ("X launched an air strike"); "X received a phone call from Y" and
  "X was subjected to an attack" make X the target;
- coordinated actors give one event per source and target pair, and "A and B agreed" with no
  target gives A->B and B->A;
- attacks whose authors are not named get an inferred source: unidentified armed forces (UAF)
  of the place's country;
- a bare statement (010) is only kept when the sentence has no other event, and when its source has
  a country or an organisation or it has a target ("analysts said" alone is no event).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, replace
from functools import cache

from dateline.events.dates import event_date
from dateline.events.lexicon import Lexicon, Trigger
from dateline.events.modality import Modality, ancestors, children, modality
from dateline.events.ontology import describe
from dateline.model import Article, Event, Location, Mention, Party, Sentence, Token
from dateline.resources import read_table

CODER_VERSION = "0.1"
LIGHT_VERBS = {"launch", "carry", "conduct", "make", "stage", "mount", "hold", "have", "issue", "express",
               "give", "pay", "deliver", "sign", "reach", "strike", "begin", "start", "continue", "step",
               "intensify", "escalate", "unleash", "perpetrate", "commit", "lead", "host", "impose",
               "extend", "offer", "provide", "send", "order", "announce", "voice", "place", "convey",
               "renew", "reiterate", "declare", "initiate", "resume"}  # fmt: skip
REVERSE_VERBS = {"receive", "get", "suffer", "face", "survive", "undergo", "sustain", "endure", "escape"}
UNDERGO_PREPS = {("subject", "to"), ("come", "under"), ("fall", "victim"), ("expose", "to")}
# Future or planned acts take the "intent" codes of root 03 (or threats, for force).
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "133", "18": "138", "19": "138",
                "20": "138", "17": "137", "16": "131"}  # fmt: skip
FORCE_ROOTS = {"18", "19", "20"}  # acts whose unnamed authors are taken to be an armed group
GENERIC_FORCE = {"180", "190", "200"}  # force whose means the verb does not say ("killed", "attacked")
MEANS_CODES = ("18", "193", "194", "195", "20")  # force coded by its means: bombs, guns, shells, aircraft
# "returned to Geneva for talks": the travellers are the talks' parties.
TRAVEL_VERBS = {"arrive", "return", "travel", "fly", "head", "go", "come", "gather", "meet", "convene", "sit"}
# Coercion aimed at a town, or the threat of it, falls on its people: "a curfew in Algiers".
PLACE_PEOPLE_CODES = ("17", "132")
_PLACE_PREPS = {"in", "at", "on", "near", "of", "inside", "outside"}
UNNAMED = Party(code="", name="the authors of the act (unnamed)", inferred=True)
UNREAL_ROOTS = {"02", "03", "10", "12", "13"}
# Refusing a cooperative act is a rejection (CAMEO 12x).
REFUSAL_CODES = {"03": "120", "04": "125", "05": "120", "06": "121", "07": "122", "08": "124"}
REFUSING = {"refuse", "decline", "reject", "fail"}  # "failed to reach agreement" is a rejection too
_SKIP_DEPS = {"relcl", "acl", "ccomp", "advcl", "parataxis", "csubj"}
_SKIP_VERB_DEPS = {"relcl", "acl", "ccomp", "parataxis", "csubj"}  # a verb's phrase may run into "to fight"


@dataclass
class _Match:
    head: Token
    trigger: Trigger
    used: set[int]


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
    unreal = {m.head.i for m in matches if m.trigger.code[:2] in UNREAL_ROOTS or m.trigger.code == "016"}
    events: list[Event] = _demands(article, sentence, tokens, kids, mentions, published, dateline, country_location)
    unplaced: set[str] = set()  # events named by a noun with no party we can code
    heads: dict[str, Token] = {}  # event id -> its trigger's head token
    for match in matches:
        mod = modality(match.head, tokens, kids, match.trigger.words, sentence.text)
        if _under(match.head, unreal, tokens):
            mod = replace(mod, hypothetical=True)
        if _no_act(match, tokens, kids, mentions):
            continue
        sources, targets = _arguments(match, tokens, kids, mentions, nested, acts)
        if match.trigger.target_required and not targets:
            continue
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
        if code[:2] in ("18", "19") and not code.startswith(("183", "186")) and any(
                _sector_of(p, mentions) in CROWD_SECTORS for p in sources):
            code = "145"  # "protesters stormed the embassy": a riot, not military force (bombings stay)
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
            sources = _unknown_source(match, tokens, kids)
        country = place.country if place else None
        targets = [Party(f"{country or ''}UAF", "unidentified armed group", inferred=True) if t is UNNAMED else t
                   for t in targets]
        day, day_how = event_date(sentence.text, published)
        # Allies who strike together do not strike each other: force is mutual only when said so.
        mutual = code[:2] not in FORCE_ROOTS or _each_other(sentence.text)
        background = match.trigger.pos == "NOUN" and not targets and all(_uncoded(p) for p in sources)
        for source, target in _pairs(sources, targets, mutual):
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


def _no_act(match: _Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention]) -> bool:
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
        targets = _parties(subject, tokens, kids, mentions)
        sources = _parties(speaker, tokens, kids, mentions) if speaker is not None else []
        if not sources or not targets:
            continue
        match = _Match(token, DEMAND_RULE, {token.i})
        place, place_how = _place(match, tokens, kids, mentions, targets, dateline, country_location)
        day, day_how = event_date(sentence.text, published)
        for source, target in _pairs(sources, targets):
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


def _non_agent_subject(match: _Match, tokens: list[Token], kids: dict[int, list[Token]]) -> bool:
    """The verb's subject is a disaster or the like: "the earthquake killed", "Typhoon Haiyan slammed"."""
    if match.trigger.pos != "VERB":
        return False
    subjects = _subjects(match.head, tokens, kids)
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


def find_triggers(tokens: list[Token], kids: dict[int, list[Token]], lexicon: Lexicon) -> list[_Match]:
    candidates: list[_Match] = []
    for token in tokens:
        pos = "VERB" if token.pos == "VERB" else "NOUN" if token.pos in ("NOUN", "PROPN") else None
        if pos is None or (pos == "VERB" and token.dep == "amod"):
            continue  # a participle used as an adjective ("the occupied territories") is no act
        if pos == "VERB" and token.dep == "acl" and token.tag == "VBN" and not any(
                k.dep == "agent" for k in kids.get(token.i, [])):
            continue  # nor one that describes a noun ("protesters armed with poles"), unless "by" whom
        later: list[Token] | None = None  # the words after the head, found once for all its entries
        for trigger in lexicon.by_head.get((token.lemma.lower(), pos), []):
            if later is None and len(trigger.words) > trigger.head + 1:
                later = _later_words(token, pos, tokens, kids)
            used = _match_words(token, trigger, tokens, later or [])
            if used is not None:
                candidates.append(_Match(token, trigger, used))
                break  # longest first
    candidates.sort(key=lambda m: (-len(m.trigger.words), m.head.i))
    taken: set[int] = set()
    chosen: list[_Match] = []
    for match in candidates:
        if match.head.i in taken:
            continue
        chosen.append(match)
        taken |= match.used
    return sorted(chosen, key=lambda m: m.head.i)


def _subtree(token: Token, kids: dict[int, list[Token]], skip: set[str] = _SKIP_DEPS) -> list[Token]:
    """The token and its descendants, not entering the clauses named in ``skip``."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(child for child in kids.get(current.i, []) if child.dep not in skip)
    return sorted(out, key=lambda t: t.i)


def _same(token: Token, word: str) -> bool:
    return token.lemma.lower() == word or token.text.lower() == word


def _later_words(head: Token, pos: str, tokens: list[Token], kids: dict[int, list[Token]]) -> list[Token]:
    """Tokens after a trigger's head that can complete its phrase: for verbs anywhere later in the
    clause ("blamed Ankara for"), for nouns in their subtree."""
    scope = _subtree(head, kids, skip=_SKIP_DEPS if pos == "NOUN" else _SKIP_VERB_DEPS)
    # A preposition of time is no part of a phrase: the "on" of "a general strike on Monday".
    timed = {t.i for t in scope if t.dep == "prep" and any(
        k.dep == "pobj" and k.ent in ("DATE", "TIME") for k in kids.get(t.i, []))}
    later = [t for t in scope if t.i > head.i and t.i not in timed]
    if pos == "VERB":
        later = [t for t in later if t.i - head.i <= 12 and not _foreign_particle(t, head, tokens, kids)]
    return later


def _match_words(head: Token, trigger: Trigger, tokens: list[Token], later: list[Token]) -> set[int] | None:
    """Token indices of the trigger's words around its head, in order, or None."""
    words = trigger.words
    before, after = words[: trigger.head], words[trigger.head + 1 :]
    used = {head.i}
    if before:
        window = [t for t in tokens[max(0, head.i - 4) : head.i] if t.head == head.i or tokens[t.head].head == head.i]
        if not _in_order(before, window, used):
            return None
    if after and not _in_order(after, later, used):
        return None
    if after and trigger.pos == "VERB" and f"prep:{after[0]}" in trigger.targets:
        # The preposition that brings in the target ("call on X") hangs on the verb or follows it
        # at once; not the "on" of "calling his stance on the fires colonialist".
        first = min(i for i in used if i > head.i)
        if tokens[first].dep == "prep" and tokens[first].head != head.i and first - head.i > 2:
            return None
    return used


def _in_order(words: tuple[str, ...], candidates: list[Token], used: set[int]) -> bool:
    """Find the words among the candidate tokens, in order, adding their indices to ``used``."""
    pos = 0
    for word in words:
        hit = next((t for t in candidates[pos:] if _same(t, word)), None)
        if hit is None:
            return False
        used.add(hit.i)
        pos = candidates.index(hit) + 1
    return True


def _foreign_particle(token: Token, head: Token, tokens: list[Token], kids: dict[int, list[Token]]) -> bool:
    """A preposition that cannot complete the verb's phrase: one of time ("called the president on
    Saturday" is no "call on") or one of another clause's verb ("called him to congratulate him on")."""
    if token.dep not in ("prep", "prt"):
        return False
    if any(k.dep == "pobj" and k.ent in ("DATE", "TIME") for k in kids.get(token.i, [])):
        return True
    governor = tokens[token.head]
    return token.head != head.i and governor.pos == "VERB" and governor.dep in ("advcl", "conj")


# -- arguments ---------------------------------------------------------------------------


def _arguments(match: _Match, tokens: list[Token], kids: dict[int, list[Token]],
               mentions: list[Mention], nested: tuple[set[int], set[int]],
               acts: set[int]) -> tuple[list[Party], list[Party]]:
    head, trigger = match.head, match.trigger
    sources: list[Party] = []
    targets: list[Party] = []
    if trigger.pos == "VERB":
        own = kids.get(head.i, [])
        passive = any(k.dep in ("nsubjpass", "auxpass", "agent") for k in own) or (
            # "were surrounded and attacked by protesters": the second verb shares the passive
            head.dep == "conj" and head.tag == "VBN" and head.head != head.i
            and any(k.dep in ("nsubjpass", "auxpass") for k in kids.get(head.head, [])))
        subjects = _subjects(head, tokens, kids)
        agent = next((k for k in own if k.dep == "agent"), None)
        if passive:
            if agent is not None:
                sources = _parties(_pobj(agent, kids), tokens, kids, mentions)
            targets = [p for subject in subjects for p in _parties(subject, tokens, kids, mentions)]
        else:
            sources = [p for subject in subjects for p in _parties(subject, tokens, kids, mentions)]
        if not targets:
            targets = _targets(match, tokens, kids, mentions, nested)
        if not targets and not trigger.targets and not passive and trigger.code[:2] != "01":
            # "expelled 23 Russian diplomats", "seized an Iranian tanker": the object is part of the
            # entry's words, and whoever it belongs to is the target (the audience of a statement,
            # "told reporters", is not).
            obj = next((k for k in own if k.dep == "dobj"), None)
            targets = _parties(obj, tokens, kids, mentions) if obj is not None else []
        if not targets and not passive and trigger.code[:2] in FORCE_ROOTS:
            targets = _place_attacked(head, kids, mentions)
    else:
        for spec in trigger.sources:
            sources = _noun_slot(head, spec, tokens, kids, mentions, acts)
            if sources:
                break
        targets = _reverse_target(head, tokens, kids, mentions)
        if not targets:
            targets = _targets(match, tokens, kids, mentions, nested)
        if not sources:
            governor = tokens[head.head] if head.head != head.i else None
            if governor is not None and governor.lemma.lower() in REVERSE_VERBS:
                sources = _noun_slot(head, "prep:from", tokens, kids, mentions, acts)
        if not sources:
            sources = _clause_party(head, tokens, kids, mentions, trigger.code[:2] in FORCE_ROOTS,
                                    trigger.code[:2])
    source_codes = {(p.code, p.start) for p in sources}
    targets = [t for t in targets if (t.code, t.start) not in source_codes]
    return sources, targets


def _place_attacked(head: Token, kids: dict[int, list[Token]], mentions: list[Mention]) -> list[Party]:
    """"shelled Kharkiv", "bombed the Tigray capital Mekelle": force against a town or city hits its
    people, coded as that country's civilians (CVL), as event sets code them; so does force no one is
    named as the target of, in a town ("blew themselves up in Tel Aviv", "fired at targets in Jericho")."""
    obj = next((k for k in kids.get(head.i, []) if k.dep == "dobj"), None)
    if obj is not None and (found := _place_people(obj, kids, mentions, regions=False)):
        return found
    # Breadth first through "in", "at", "on", "near" (and the objects they take) below the verb.
    queue = [(k, 0) for k in kids.get(head.i, []) if k.dep in ("prep", "dobj")]
    while queue:
        token, depth = queue.pop(0)
        if token.dep == "pobj" and (found := _place_people(token, kids, mentions, regions=False)):
            return found
        if depth < 4:
            queue += [(k, depth + 1) for k in kids.get(token.i, [])
                      if k.dep == "pobj" or (k.dep == "prep" and k.lemma.lower() in _PLACE_PREPS)]
    return []


# Acts whose unplaced parties are taken to be of the place where they happen: protest, coercion, force.
LOCAL_ROOTS = {"14", "17", "18", "19", "20"}
_PLACE_IN_SENTENCE = ("named with the trigger", "named in the sentence")


def _of_the_place(party: Party, place: Location, mentions: list[Mention]) -> Party:
    """Protesters, attackers and victims whose country only the story's context gave, or nothing did
    ("killed 23 people" in a story about Palestinians; "rioters"), are of the place where they acted
    or were struck ("in Tel Aviv", "in Johannesburg")."""
    mention = next((m for m in mentions if m.start == party.start and m.actor is not None), None)
    if (mention is None or not mention.actor.sector or not place.country or place.country == mention.actor.country
            or not ("dateline country" in mention.via or mention.actor.country is None)):
        return party
    return replace(party, code=f"{place.country}{mention.actor.sector}")


def _place_people(token: Token, kids: dict[int, list[Token]], mentions: list[Mention],
                  regions: bool = True) -> list[Party]:
    """The people of the town (or region) a phrase names, as that country's civilians: "a curfew in
    Algiers" is imposed on the people of Algiers."""
    phrase = [token, *[k for k in kids.get(token.i, []) if k.dep in ("appos", "compound")]]
    for part in phrase:
        place = next((m for m in mentions if m.location is not None and m.actor is None
                      and m.start <= part.start < m.end), None)
        if place is None or not place.location.country or place.location.kind == "country":
            continue
        if regions or place.location.kind != "admin1":
            return [Party(f"{place.location.country}CVL", f"people of {place.location.name}", place.start,
                          place.end, place.text)]
    return []


def _unknown_source(match: _Match, tokens: list[Token], kids: dict[int, list[Token]]) -> list[Party]:
    head = match.head
    subject = _subject(head, tokens, kids) if match.trigger.pos == "VERB" else None
    if subject is None and match.trigger.pos == "NOUN" and head.dep in ("dobj", "attr") and head.head != head.i:
        verb = tokens[head.head]
        subject = _subject(verb, tokens, kids) if verb.lemma.lower() in LIGHT_VERBS else None
    if subject is None:
        return [Party(code="", name="", inferred=True)]
    phrase = [t for t in _subtree(subject, kids) if t.i <= subject.i]
    text = " ".join(t.text for t in phrase[-4:])
    return [Party(code="", name=text, start=phrase[0].start, end=subject.end, text=text)]


def _targets(match: _Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention],
             nested: tuple[set[int], set[int]]) -> list[Party]:
    """The target named where the entry says; an argument that is itself an event ("condemned the
    attack on X") points at that event's authors, not at its victim."""
    head = match.head
    acts, force = nested

    def parties(token: Token | None) -> list[Party]:
        if token is not None and token.i in acts and token.i != head.i:
            authors = [p for spec in ("poss", "prep:by", "prep:of")
                       for p in _noun_slot(token, spec, tokens, kids, mentions, set())]
            if authors or token.i in force:
                return authors or [UNNAMED]
        found = _parties(token, tokens, kids, mentions)
        if not found and token is not None and match.trigger.code.startswith(PLACE_PEOPLE_CODES):
            found = _place_people(token, kids, mentions)  # "a curfew in Algiers"
        return found

    for spec in match.trigger.targets:
        if spec == "dobj":
            obj = next((k for k in kids.get(head.i, []) if k.dep in ("dobj", "dative", "attr", "oprd")), None)
            if obj is not None:
                found = parties(obj)
                if found:
                    return found
        elif spec == "poss":
            holders = [head] + [tokens[i] for i in match.used]
            for holder in holders:
                for k in kids.get(holder.i, []):
                    if k.dep == "dobj":
                        owner = next((c for c in kids.get(k.i, []) if c.dep == "poss"), None)
                        if owner is not None:
                            return parties(owner)
                owner = next((c for c in kids.get(holder.i, []) if c.dep == "poss"), None)
                if owner is not None and match.trigger.pos == "NOUN":
                    return parties(owner)
        elif spec.startswith("prep:"):
            word = spec[5:]
            holders = [head] + [tokens[i] for i in sorted(match.used) if i != head.i]
            for holder in holders:
                if holder.i != head.i and holder.lemma.lower() == word and holder.dep == "prep":
                    found = parties(_pobj(holder, kids))
                    if found:
                        return found
                for k in kids.get(holder.i, []):
                    if k.dep in ("prep", "agent", "dative") and k.lemma.lower() == word:
                        found = parties(_pobj(k, kids))
                        if found:
                            return found
    return []


def _noun_slot(head: Token, spec: str, tokens: list[Token], kids: dict[int, list[Token]],
               mentions: list[Mention], acts: set[int]) -> list[Party]:
    own = kids.get(head.i, [])
    if spec == "poss":
        owner = next((k for k in own if k.dep == "poss"), None)
        if owner is None:
            # "Palestinian riots", "an Israeli air strike": a country or group named as a modifier.
            owner = next((k for k in own if k.dep in ("amod", "compound") and k.i < head.i and any(
                m.actor is not None and m.start <= k.start < m.end for m in mentions)), None)
        return _parties(owner, tokens, kids, mentions) if owner is not None else []
    if spec.startswith("prep:"):
        word = spec[5:]
        prep = next((k for k in own if k.dep in ("prep", "agent") and k.lemma.lower() == word), None)
        return _parties(_pobj(prep, kids), tokens, kids, mentions) if prep is not None else []
    if head.dep == "compound" and head.head != head.i:
        head = tokens[head.head]  # "undertook a mediation mission"
    if spec == "subj" and head.dep in ("dobj", "attr") and head.head != head.i:
        verb = tokens[head.head]
        # The subject of the verb governing the event noun ("X launched an air strike", "X speeded
        # up the withdrawal"), unless that verb is an act of its own ("X condemned the attack").
        if verb.lemma.lower() in LIGHT_VERBS or (verb.pos == "VERB" and verb.i not in acts):
            subject = _subject(verb, tokens, kids)
            return _parties(subject, tokens, kids, mentions) if subject is not None else []
    return []


_FORCE_VERBS = {"kill", "wound", "injure", "destroy", "hit", "target", "strike", "attack", "assassinate",
                "damage", "level", "flatten", "eliminate"}  # "killed him in an air strike"
ENGAGE_VERBS = {"engage", "participate", "involve", "join", "take"}  # "were engaged in ethnic cleansing"
COMBAT_NOUNS = {"fighting", "fight", "clash", "battle", "combat", "hostility", "skirmish", "gunbattle", "firefight"}
TIME_PREPS = {"after", "during", "amid", "following", "in"}


def _clause_party(head: Token, tokens: list[Token], kids: dict[int, list[Token]],
                  mentions: list[Mention], force: bool = False, root: str = "") -> list[Party]:
    """The subject of the clause an event noun sits in, where that subject must be its author:
    "Serb forces were engaged in ethnic cleansing", "troops took the town after days of fighting",
    "Israel killed him in an air strike", "Nigerians converged for a rally", "negotiators returned
    to Geneva for talks", "pledged support during a visit to Buenos Aires" (not "recalled its
    ambassador in protest": the recall is the protest; nor when the noun names its sides: "fighting
    between rival gangs")."""
    if head.dep != "pobj" or head.head == head.i:
        return []
    prep = tokens[head.head]
    if prep.head == prep.i or any(k.dep == "prep" and k.lemma.lower() in ("between", "among")
                                  for k in kids.get(head.i, [])):
        return []
    owner = tokens[prep.head]
    if force and owner.pos in ("NOUN", "PROPN") and owner.dep == "dobj" and owner.head != owner.i:
        owner = tokens[owner.head]  # "killed a commander in an air strike", the phrase hung on the object
    engaged = (prep.lemma.lower() == "in" and owner.lemma.lower() in ENGAGE_VERBS) or (
        root == "14" and prep.lemma.lower() == "for") or (
        root == "04" and prep.lemma.lower() in ("during", "on")) or (
        prep.lemma.lower() == "for" and owner.lemma.lower() in TRAVEL_VERBS)  # "returned to Geneva for talks"
    by_means = (force and prep.lemma.lower() in ("in", "with") and owner.pos == "VERB"
                and owner.lemma.lower() in _FORCE_VERBS)
    if not (engaged or by_means):
        if head.lemma.lower() not in COMBAT_NOUNS or prep.lemma.lower() not in TIME_PREPS | {"of"}:
            return []
        steps = 0  # "after five days of fighting": up through "days of" to the verb
        while owner.pos != "VERB" and owner.dep in ("pobj", "prep") and owner.head != owner.i and steps < 4:
            owner, steps = tokens[owner.head], steps + 1
    if owner.pos != "VERB" or owner.lemma.lower() in LIGHT_VERBS:
        return []
    subject = _subject(owner, tokens, kids)
    return _parties(subject, tokens, kids, mentions) if subject is not None else []


def _reverse_target(head: Token, tokens: list[Token], kids: dict[int, list[Token]],
                    mentions: list[Mention]) -> list[Party]:
    """"X received a phone call", "X survived an attack", "X was subjected to an attack": X."""
    if head.head == head.i:
        return []
    governor = tokens[head.head]
    verb = None
    if head.dep in ("dobj", "nsubjpass") and governor.lemma.lower() in REVERSE_VERBS:
        verb = governor
    elif head.dep == "pobj" and governor.head != governor.i:
        above = tokens[governor.head]
        if (above.lemma.lower(), governor.lemma.lower()) in UNDERGO_PREPS:
            verb = above
    if verb is None:
        return []
    subject = _subject(verb, tokens, kids)
    return _parties(subject, tokens, kids, mentions) if subject is not None else []


def _subject(verb: Token, tokens: list[Token], kids: dict[int, list[Token]]) -> Token | None:
    """The subject of a verb, or of the verb controlling it ("affirmed ... to build")."""
    subjects = _subjects(verb, tokens, kids)
    return subjects[0] if subjects else None


def _subjects(verb: Token, tokens: list[Token], kids: dict[int, list[Token]]) -> list[Token]:
    """Subjects of a verb (the parser sometimes gives two for "A and B agreed"), or of the verb
    that controls it ("affirmed ... to build", "keenness to commit")."""
    current, steps = verb, 0
    while steps < 4:
        found = [k for k in kids.get(current.i, []) if k.dep in ("nsubj", "nsubjpass", "csubj")]
        if found:
            return found
        if current.head == current.i:
            return []
        head = tokens[current.head]
        infinitive = any(k.dep == "aux" and k.text.lower() == "to" for k in kids.get(current.i, []))
        if current.dep in ("acl", "relcl") and head.pos in ("NOUN", "PROPN"):
            governor = tokens[head.head] if head.head != head.i else None
            if (current.dep == "acl" and head.dep == "dobj" and governor is not None
                    and governor.lemma.lower() in LIGHT_VERBS):
                current, steps = governor, steps + 1  # "X issued a declaration demanding ...": X
                continue
            if not infinitive:
                return [head]  # "challenges facing the country": the noun is the subject
            owner = next((k for k in kids.get(head.i, []) if k.dep == "poss"), None)
            if owner is not None and owner.pos != "PRON":
                return [owner]  # "Iraq's keenness to build"
        elif current.dep not in ("xcomp", "conj", "advcl", "pcomp", "pobj", "prep", "ccomp", "dobj", "acomp"):
            return []
        elif current.dep == "advcl" and current.tag in ("VBD", "VBZ", "VBP") and not infinitive:
            # A finite clause has its own subject; when the parser hung it on a preposition ("after
            # an earthquake killed hundreds"), it is the object just before the verb.
            before = [t for k in kids.get(head.i, []) if k.dep == "prep" and k.i < current.i
                      for t in kids.get(k.i, []) if t.dep == "pobj"]
            return before[-1:]
        elif current.dep == "conj" and head.pos in ("NOUN", "PROPN"):
            return []  # a verb coordinated with a noun is a misparse; do not borrow a subject through it
        current, steps = head, steps + 1
    return []


def _pobj(prep: Token | None, kids: dict[int, list[Token]]) -> Token | None:
    if prep is None:
        return None
    return next((k for k in kids.get(prep.i, []) if k.dep in ("pobj", "pcomp")), None)


def _parties(token: Token | None, tokens: list[Token], kids: dict[int, list[Token]],
             mentions: list[Mention]) -> list[Party]:
    """The actors an argument names: its own mention, else the first in its noun phrase; with
    the actors of coordinated arguments ("Al-Kazemi and Blinken")."""
    if token is None:
        return []
    heads = [token, *_conjuncts(token, kids)]
    # "Hungarian and Romanian officials": the coordinated modifier is an actor of its own.
    for k in kids.get(token.i, []):
        if k.dep == "amod" and (more := _conjuncts(k, kids)):
            heads += [k, *more]
    parties: list[Party] = []
    for head in heads:
        mention = _mention_for(head, tokens, kids, mentions)
        if mention is not None and mention.actor is not None:
            party = Party(mention.actor.code, mention.actor.name, mention.start, mention.end, mention.text)
            if all(p.start != party.start for p in parties):
                parties.append(party)
    return parties


def _conjuncts(token: Token, kids: dict[int, list[Token]]) -> list[Token]:
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        for k in kids.get(current.i, []):
            if k.dep == "conj":
                out.append(k)
                stack.append(k)
    return out


def _mention_for(head: Token, tokens: list[Token], kids: dict[int, list[Token]],
                 mentions: list[Mention]) -> Mention | None:
    covering = [m for m in mentions if m.start <= head.start < m.end and m.actor is not None]
    if covering:
        return max(covering, key=lambda m: m.end - m.start)
    # The noun phrase below the head, not crossing into clauses or coordinated phrases.
    phrase, stack = [], [(head, 0)]
    while stack:
        current, depth = stack.pop()
        phrase.append(current)
        for k in kids.get(current.i, []):
            if depth < 3 and k.dep in ("poss", "compound", "amod", "nmod", "pobj", "appos", "det"):
                stack.append((k, depth + 1))
            elif depth < 3 and k.dep == "prep" and k.lemma.lower() in ("of", "from"):
                stack.append((k, depth + 1))  # "members of the party", not "an explosion at a hospital"
    inside = [m for m in mentions if m.actor is not None and any(m.start <= t.start < m.end for t in phrase)]
    return min(inside, key=lambda m: m.start) if inside else None


def _pairs(sources: list[Party], targets: list[Party], mutual: bool = True) -> list[tuple[Party, Party | None]]:
    if targets:  # an actor does not act on itself: same-code pairs are parsing noise
        return [(s, t) for s in sources for t in targets if s.code != t.code] or [(s, None) for s in sources]
    if len(sources) >= 2 and mutual:  # "A and B agreed": each toward the other
        pairs = [(s, t) for s in sources for t in sources if s is not t and s.code != t.code]
        return pairs or [(s, None) for s in sources[:1]]
    return [(s, None) for s in sources]


# -- place ------------------------------------------------------------------------------------


def _place(match: _Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention],
           targets: list[Party], dateline: Location | None, country_location) -> tuple[Location | None, str]:
    places = [m for m in mentions if m.location is not None]
    near = {t.start for t in _subtree(match.head, kids)}
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


def _sector_of(party: Party, mentions: list[Mention]) -> str | None:
    mention = next((m for m in mentions if m.start == party.start and m.actor is not None), None)
    return mention.actor.sector if mention is not None else None


def _with_code(event: Event, means: Event) -> Event:
    info = describe(means.code)
    return replace(event, code=info.code, root=info.root, quad_class=info.quad_class, goldstein=info.goldstein,
                   plover_type=info.plover_type, plover_mode=info.plover_mode,
                   rule=f"{event.rule}; by the means named: {means.trigger_text}")


def _event(article: Article, sentence: Sentence, match: _Match, code: str, source: Party, target: Party | None,
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

