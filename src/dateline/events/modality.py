"""Modality of a trigger in its sentence: negated, attempted, future, hypothetical, question, reported.

Works on the dependency parse (plain Token records): negation children ("did not sign"), verbs of
denial and refusal over the trigger ("denied meeting"), modal auxiliaries and "if" clauses, "will",
attempt words ("failed assassination attempt", "tried to target"), and speech verbs above the
clause ("X said Y attacked Z" is reported).
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.model import Token

DENIAL = {"deny", "refuse", "reject", "decline", "dismiss", "rule"}
ALLEGING = {"accuse", "blame", "allege", "charge", "suspect"}
PREVENTING = {"prevent", "avoid", "avert", "stop", "forestall", "deter"}
MODALS = {"would", "could", "might", "may", "should", "can", "must"}
CONDITIONS = {"if", "unless", "whether"}
FUTURE_AUX = {"will", "shall", "'ll"}
FUTURE_VERBS = {"plan", "intend", "expect", "aim", "prepare", "hope", "want", "seek", "willing", "ready",
                "prepared", "eager", "determined", "set", "go", "due", "schedule", "scheduled", "slate",
                "slated", "poised"}  # fmt: skip
PROPOSAL_NOUNS = {"proposal", "plan", "offer", "request", "bid", "call", "demand", "plea", "appeal", "invitation",
                  "suggestion", "initiative", "idea", "push", "effort", "decision", "order", "threat", "promise",
                  "pledge", "vow", "right", "willingness", "readiness", "intention", "option", "chance"}  # fmt: skip
PROSPECT_NOUNS = {"chance", "prospect", "possibility", "hope", "risk", "likelihood", "fear", "danger", "odds"}
ATTEMPT_WORDS = {"fail", "failed", "foil", "foiled", "attempted", "thwarted", "thwart", "abortive", "botched"}
TRY_VERBS = {"try", "attempt", "seek"}
SPEECH = {"say", "tell", "announce", "state", "report", "claim", "add", "confirm", "note", "write",
          "declare", "insist", "allege", "explain", "indicate", "stress", "affirm"}  # fmt: skip


def _planned(head: Token, up: list[Token], kids: dict[int, list[Token]]) -> bool:
    """Under a verb of intent through a chain of infinitives: "plans to visit", "is willing to send
    material to help" (not through other clauses: "prepared to withdraw after talks ended")."""
    current = head
    for above in up[:3]:
        infinitive = any(k.dep == "aux" and k.text.lower() == "to" for k in kids.get(current.i, []))
        if current.dep not in ("xcomp", "advcl") or (current.dep == "advcl" and not infinitive):
            return False
        if above.lemma.lower() in FUTURE_VERBS:
            return True
        current = above
    return False


@dataclass(frozen=True, slots=True)
class Modality:
    """How an act is reported; its fields are the flags of the same names on model.Event."""

    negated: bool = False
    attempted: bool = False
    future: bool = False
    hypothetical: bool = False
    question: bool = False
    reported: bool = False


def children(tokens: list[Token]) -> dict[int, list[Token]]:
    kids: dict[int, list[Token]] = {}
    for token in tokens:
        if token.head != token.i:
            kids.setdefault(token.head, []).append(token)
    return kids


def ancestors(token: Token, tokens: list[Token], limit: int = 8) -> list[Token]:
    chain, current = [], token
    while current.head != current.i and len(chain) < limit and 0 <= current.head < len(tokens):
        current = tokens[current.head]
        chain.append(current)
    return chain


def modality(head: Token, tokens: list[Token], kids: dict[int, list[Token]], phrase: tuple[str, ...],
             sentence_text: str) -> Modality:
    own = kids.get(head.i, [])
    lemmas = {k.lemma.lower() for k in own}
    deps = {k.dep for k in own}
    up = ancestors(head, tokens)
    negated = "neg" in deps or any(k.lemma.lower() in ("no", "never") and k.dep in ("det", "neg") for k in own)
    # "denied meeting", "refused to sign": a verb of denial directly above the trigger.
    if up and up[0].lemma.lower() in DENIAL and head.dep in ("xcomp", "dobj", "ccomp", "pcomp"):
        negated = True
    # "accused Russia of blowing up the dam", "blamed on Israeli strikes": alleged, not established;
    # "ordered Israel to prevent acts of genocide": prevented, not done.
    alleged = any(t.lemma.lower() in ALLEGING for t in up[:3]) and head.dep in ("pcomp", "pobj", "ccomp")
    prevented = any(t.lemma.lower() in PREVENTING for t in up[:3]) and head.dep in ("dobj", "pobj", "xcomp")
    clause = [head, *[t for t in up if t.pos in ("VERB", "AUX")][:1]]
    conditional = any(k.dep == "mark" and k.lemma.lower() in CONDITIONS for t in clause for k in kids.get(t.i, []))
    speech_above = any(t.lemma.lower() in SPEECH for t in up)
    modals = lemmas & MODALS
    if up and head.dep in ("nsubj", "nsubjpass", "xcomp"):
        # "a blockade of Taiwan would disrupt supplies", "agencies would have to evacuate staff": the
        # modal of the verb the act is the subject or complement of.
        modals |= {k.lemma.lower() for k in kids.get(up[0].i, []) if k.dep == "aux"} & MODALS
        modals |= {up[0].lemma.lower()} & MODALS  # "Should the truce collapse", parsed as the modal's subject
    infinitive = "to" in {k.text.lower() for k in own if k.dep == "aux"}
    governor_aux = {k.lemma.lower() for k in kids.get(up[0].i, []) if k.dep == "aux"} if up else set()
    # "will meet in Washington to discuss debt": the purpose of a future act is future too.
    inherited_future = infinitive and head.dep in ("advcl", "xcomp") and bool(governor_aux & FUTURE_AUX)
    # "a proposal to hold talks", "a plan to send troops", "the chances of an agreement": what is
    # proposed or hoped for has not happened.
    proposed = (infinitive and head.dep == "acl" and bool(up) and up[0].lemma.lower() in PROPOSAL_NOUNS) or (
        # "the chances of concluding an agreement", "the prospect of talks"
        head.dep in ("pcomp", "pobj") and len(up) > 1 and up[0].lemma.lower() == "of"
        and up[1].lemma.lower() in PROPOSAL_NOUNS | PROSPECT_NOUNS)
    # "X said it would boycott": reported future, not a hypothesis (unless an "if" says so).
    reported_future = modals == {"would"} and speech_above and not conditional
    hypothetical = (bool(modals) and not reported_future) or conditional or alleged or prevented or proposed
    future = bool(lemmas & FUTURE_AUX) or reported_future or inherited_future or _planned(head, up, kids)
    attempted = (
        "attempt" in phrase
        or any(k.lemma.lower() in ATTEMPT_WORDS or k.text.lower() in ATTEMPT_WORDS for k in own)
        or (bool(up) and head.dep == "xcomp" and up[0].lemma.lower() in TRY_VERBS)
    )
    reported = speech_above and head.dep in ("ccomp", "conj", "xcomp", "advcl")
    return Modality(
        negated=negated,
        attempted=attempted,
        future=future and not hypothetical,
        hypothetical=hypothetical and "attempt" not in phrase,
        question=sentence_text.rstrip().endswith("?"),
        reported=reported,
    )
