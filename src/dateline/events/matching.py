"""Trigger phrases found on the dependency parse: the longest lexicon phrase whose head is a token
and whose other words stand around it in order, within its clause (verbs) or its phrase (nouns).

Reads: a sentence's tokens and the lexicon. Gives: Match records (the head token, the trigger and
the token indices its words use), at most one per head and each token used once.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.events.lexicon import Lexicon, Trigger
from dateline.model import Token

_SKIP_DEPS = {"relcl", "acl", "ccomp", "advcl", "parataxis", "csubj"}
_SKIP_VERB_DEPS = {"relcl", "acl", "ccomp", "parataxis", "csubj"}  # a verb's phrase may run into "to fight"


@dataclass
class Match:
    head: Token
    trigger: Trigger
    used: set[int]


def find_triggers(tokens: list[Token], kids: dict[int, list[Token]], lexicon: Lexicon) -> list[Match]:
    candidates: list[Match] = []
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
                candidates.append(Match(token, trigger, used))
                break  # longest first
    candidates.sort(key=lambda m: (-len(m.trigger.words), m.head.i))
    taken: set[int] = set()
    chosen: list[Match] = []
    for match in candidates:
        if match.head.i in taken:
            continue
        chosen.append(match)
        taken |= match.used
    return sorted(chosen, key=lambda m: m.head.i)


def subtree(token: Token, kids: dict[int, list[Token]], skip: set[str] = _SKIP_DEPS) -> list[Token]:
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
    scope = subtree(head, kids, skip=_SKIP_DEPS if pos == "NOUN" else _SKIP_VERB_DEPS)
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
