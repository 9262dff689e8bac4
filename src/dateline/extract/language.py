"""Detect an article's language with lingua, restricted to the languages in Settings."""

from __future__ import annotations

from functools import cache

from lingua import IsoCode639_1, LanguageDetectorBuilder

_SAMPLE_CHARS = 2000


@cache
def _detector(codes: tuple[str, ...]):
    iso = [getattr(IsoCode639_1, code.upper()) for code in codes]
    return LanguageDetectorBuilder.from_iso_codes_639_1(*iso).with_low_accuracy_mode().build()


def detect_language(text: str, codes: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:_SAMPLE_CHARS]
    if len(sample.split()) < 3:
        return None
    language = _detector(codes).detect_language_of(sample)
    return language.iso_code_639_1.name.lower() if language else None
