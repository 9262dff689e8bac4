"""Name keys that survive transliteration: Kazemi = Kadhimi = Kadhemi, Gaddafi = Qadhafi,
Zelensky = Zelenskyy. A key is a consonant skeleton after folding letters that transliterations
of Arabic, Persian and Slavic names swap; fuzzy matching on full names then separates people."""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

_PARTICLES = {"al", "el", "ul", "bin", "ibn", "ben", "abu", "abd", "de", "da", "van", "von", "der", "la", "le"}
# Digraphs and letters that transliterations swap, folded to one symbol.
_FOLDS = [
    ("dh", "z"), ("th", "z"), ("kh", "k"), ("gh", "g"), ("sh", "s"), ("ch", "s"), ("zh", "z"),
    ("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"), ("d", "z"), ("g", "k"),
    ("j", "y"), ("w", "v"),
]  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]")
_REPEAT = re.compile(r"(.)\1+")


_POSSESSIVE = re.compile(r"[’'`ʼ]s$")


def fold(text: str) -> str:
    """Lower case, accents removed, possessive 's, apostrophes and hyphens dropped, spaces collapsed."""
    text = _POSSESSIVE.sub("", text.strip())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[’'`ʼ‘]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def name_key(name: str) -> str:
    """Exact-match key of a full name: folded, with "al-" style particles removed."""
    return " ".join(w for w in fold(name).split() if w not in _PARTICLES)


def phonetic(word: str) -> str:
    word = fold(word).replace(" ", "")
    for old, new in _FOLDS:
        word = word.replace(old, new)
    head, tail = word[:1], _VOWELS.sub("", word[1:])
    return _REPEAT.sub(r"\1", head + tail)


def surname_key(name: str) -> str:
    """Phonetic key of the last name word (particles such as al-/el- dropped)."""
    words = [w for w in fold(name).split() if w not in _PARTICLES]
    return phonetic(words[-1]) if words else ""


def similar(a: str, b: str) -> float:
    """0-100 similarity of two names, ignoring order, case, accents and particles."""
    return fuzz.token_sort_ratio(name_key(a), name_key(b))
