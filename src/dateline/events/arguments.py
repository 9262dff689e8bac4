"""The arguments of a trigger: who acted (source) and on whom (target), found on the parse.

Verbs: the subject (the "by" agent in the passive, whose subject is then the target; the controlling
subject for "affirmed ... to build"), the object or the object of the entry's preposition. Event
nouns: the possessor, a "by"/"from" phrase, the subject of a light verb ("launched an air strike"),
the clause engaged in the act ("after days of fighting"); "received a phone call from Y" and "was
subjected to an attack" make the subject the target. Each argument gives the actors its phrase
names (Party records), with coordinated ones.
"""

from __future__ import annotations

from dateline.events.matching import Match, subtree
from dateline.model import Mention, Party, Token

LIGHT_VERBS = {"launch", "carry", "conduct", "make", "stage", "mount", "hold", "have", "issue", "express",
               "give", "pay", "deliver", "sign", "reach", "strike", "begin", "start", "continue", "step",
               "intensify", "escalate", "unleash", "perpetrate", "commit", "lead", "host", "impose",
               "extend", "offer", "provide", "send", "order", "announce", "voice", "place", "convey",
               "renew", "reiterate", "declare", "initiate", "resume"}  # fmt: skip
REVERSE_VERBS = {"receive", "get", "suffer", "face", "survive", "undergo", "sustain", "endure", "escape", "serve"}
UNDERGO_PREPS = {("subject", "to"), ("come", "under"), ("fall", "victim"), ("expose", "to")}
FORCE_ROOTS = {"18", "19", "20"}  # acts whose unnamed authors are taken to be an armed group
# "returned to Geneva for talks": the travellers are the talks' parties.
TRAVEL_VERBS = {"arrive", "return", "travel", "fly", "head", "go", "come", "gather", "meet", "convene", "sit"}
# Coercion aimed at a town, or the threat of it, falls on its people: "a curfew in Algiers".
PLACE_PEOPLE_CODES = ("17", "132")
_PLACE_PREPS = {"in", "at", "on", "near", "of", "inside", "outside"}
UNNAMED = Party(code="", name="the authors of the act (unnamed)", inferred=True)


def find_arguments(match: Match, tokens: list[Token], kids: dict[int, list[Token]],
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
        subjects = subjects_of(head, tokens, kids)
        agent = next((k for k in own if k.dep == "agent"), None)
        if passive:
            if agent is not None:
                sources = parties_of(_pobj(agent, kids), tokens, kids, mentions)
            targets = [p for subject in subjects for p in parties_of(subject, tokens, kids, mentions)]
        else:
            sources = [p for subject in subjects for p in parties_of(subject, tokens, kids, mentions)]
        if not targets:
            targets = _targets(match, tokens, kids, mentions, nested)
        if not targets and not trigger.targets and not passive and trigger.code[:2] != "01":
            # "expelled 23 Russian diplomats", "seized an Iranian tanker": the object is part of the
            # entry's words, and whoever it belongs to is the target (the audience of a statement,
            # "told reporters", is not).
            obj = next((k for k in own if k.dep == "dobj"), None)
            targets = parties_of(obj, tokens, kids, mentions) if obj is not None else []
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


def _host_state(token: Token, mentions: list[Mention]) -> list[Party]:
    """The state a visit goes to, from the place named as its destination."""
    place = next((m for m in mentions if m.location is not None and m.actor is None
                  and m.start <= token.start < m.end), None)
    if place is None or not place.location.country:
        return []
    return [Party(place.location.country, place.location.name, place.start, place.end, place.text)]


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


def unknown_source(match: Match, tokens: list[Token], kids: dict[int, list[Token]]) -> list[Party]:
    head = match.head
    subject = _subject(head, tokens, kids) if match.trigger.pos == "VERB" else None
    if subject is None and match.trigger.pos == "NOUN" and head.dep in ("dobj", "attr") and head.head != head.i:
        verb = tokens[head.head]
        subject = _subject(verb, tokens, kids) if verb.lemma.lower() in LIGHT_VERBS else None
    if subject is None:
        return [Party(code="", name="", inferred=True)]
    phrase = [t for t in subtree(subject, kids) if t.i <= subject.i]
    text = " ".join(t.text for t in phrase[-4:])
    return [Party(code="", name=text, start=phrase[0].start, end=subject.end, text=text)]


def _targets(match: Match, tokens: list[Token], kids: dict[int, list[Token]], mentions: list[Mention],
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
        found = parties_of(token, tokens, kids, mentions)
        if not found and token is not None and match.trigger.code.startswith(PLACE_PEOPLE_CODES):
            found = _place_people(token, kids, mentions)  # "a curfew in Algiers"
        if not found and token is not None and token.dep == "pobj" and match.trigger.code == "042":
            found = _host_state(token, mentions)  # "arrived in Amman": a visit to Jordan
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
        return parties_of(owner, tokens, kids, mentions) if owner is not None else []
    if spec.startswith("prep:"):
        word = spec[5:]
        prep = next((k for k in own if k.dep in ("prep", "agent") and k.lemma.lower() == word), None)
        return parties_of(_pobj(prep, kids), tokens, kids, mentions) if prep is not None else []
    if head.dep == "compound" and head.head != head.i:
        head = tokens[head.head]  # "undertook a mediation mission"
    if spec == "subj" and head.dep in ("dobj", "attr") and head.head != head.i:
        verb = tokens[head.head]
        # The subject of the verb governing the event noun ("X launched an air strike", "X speeded
        # up the withdrawal"), unless that verb is an act of its own ("X condemned the attack").
        if verb.lemma.lower() in REVERSE_VERBS:
            return []  # "X received a call", "X began serving a sentence": X is the target
        if verb.lemma.lower() in LIGHT_VERBS or (verb.pos == "VERB" and verb.i not in acts):
            subject = _subject(verb, tokens, kids)
            return parties_of(subject, tokens, kids, mentions) if subject is not None else []
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
    return parties_of(subject, tokens, kids, mentions) if subject is not None else []


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
    return parties_of(subject, tokens, kids, mentions) if subject is not None else []


def _subject(verb: Token, tokens: list[Token], kids: dict[int, list[Token]]) -> Token | None:
    """The subject of a verb, or of the verb controlling it ("affirmed ... to build")."""
    subjects = subjects_of(verb, tokens, kids)
    return subjects[0] if subjects else None


def subjects_of(verb: Token, tokens: list[Token], kids: dict[int, list[Token]]) -> list[Token]:
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


def parties_of(token: Token | None, tokens: list[Token], kids: dict[int, list[Token]],
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


def pairs(sources: list[Party], targets: list[Party], mutual: bool = True) -> list[tuple[Party, Party | None]]:
    if targets:  # an actor does not act on itself: same-code pairs are parsing noise
        return [(s, t) for s in sources for t in targets if s.code != t.code] or [(s, None) for s in sources]
    if len(sources) >= 2 and mutual:  # "A and B agreed": each toward the other
        each = [(s, t) for s in sources for t in sources if s is not t and s.code != t.code]
        return each or [(s, None) for s in sources[:1]]
    return [(s, None) for s in sources]
