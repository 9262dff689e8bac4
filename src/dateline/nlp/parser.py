"""Run spaCy over article bodies in batches and keep the result as plain Sentence and Token records.

Two known slips of the small English model on news text are handled here:
- a dateline such as "Baghdad / Obelisk:" is parsed as the subject of the first sentence: the
  dateline is blanked out (same length, so offsets hold) before parsing;
- "US Secretary of State" comes out as US (GPE) + State (ORG): the actor stage matches role
  phrases on tokens, not on entity labels, so the split does no harm there.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from itertools import pairwise

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from dateline.extract.dateline import read_dateline
from dateline.model import Article, Sentence, Token

MAX_CHARS = 200_000  # longer bodies are cut for parsing, with a warning on the article


@cache
def load_pipeline(model: str) -> Language:
    """The spaCy pipeline, loaded once per process (installed as a package, never downloaded)."""
    try:
        return spacy.load(model, exclude=["senter"])
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; 'make install' installs the pinned one "
            "(setting spacy_model)"
        ) from exc


@cache
def tokenizer_for(model: str) -> Callable[[str], list[str]]:
    """The pipeline's tokenizer as a plain function (one per model, so it can key other caches)."""
    nlp = load_pipeline(model)
    return lambda text: [token.text for token in nlp.tokenizer(text)]


def parse_text(article: Article) -> str:
    """The text spaCy sees: the body with the dateline blanked out."""
    text = article.text[:MAX_CHARS]
    if article.paragraphs:
        found = read_dateline(article.paragraphs[0])
        if found is not None:
            text = " " * found.end + text[found.end :]
    return text


def parse_articles(articles: list[Article], nlp: Language, batch_size: int = 32) -> None:
    """Fill ``sentences`` of every article (in place), parsing them in batches."""
    texts = [parse_text(a) for a in articles]
    for article, doc in zip(articles, nlp.pipe(texts, batch_size=batch_size), strict=True):
        if len(article.text) > MAX_CHARS:
            article.warnings.append(f"only the first {MAX_CHARS:,} characters were parsed")
        article.sentences = to_sentences(doc)


_ATTRS = ["ORTH", "LEMMA", "POS", "TAG", "DEP", "HEAD", "IDX", "ENT_TYPE", "ENT_IOB", "SENT_START"]
_IOB_BEGIN = 3  # spaCy's ENT_IOB code for "B"


def to_sentences(doc: Doc) -> list[Sentence]:
    # The token attributes read as one array, each string looked up once: several times faster than
    # asking spaCy for every token, whose objects are built anew at each access.
    rows = doc.to_array(_ATTRS).tolist()
    strings = doc.vocab.strings
    names: dict[int, str] = {0: ""}

    def name(key: int) -> str:
        if key not in names:
            names[key] = strings[key]
        return names[key]

    words = [name(row[0]) for row in rows]
    text = doc.text  # built from the tokens at every access: read it once
    # Sentence bounds from the same array (walking doc.sents rescans the doc for every sentence).
    starts = [i for i, row in enumerate(rows) if i == 0 or row[-1] == 1] + [len(rows)]
    sentences: list[Sentence] = []
    for first, stop in pairwise(starts):
        if not any(words[i].strip() for i in range(first, stop)):
            continue
        offset = first
        tokens = []
        for i in range(first, stop):
            _, lemma, pos, tag, dep, head, idx, ent, iob, _ = rows[i]
            head = head if head < 2**63 else head - 2**64  # a relative offset, stored unsigned
            tokens.append(Token(
                i=i - offset, text=words[i], lemma=name(lemma), pos=name(pos), tag=name(tag), dep=name(dep),
                head=i + head - offset, start=idx, end=idx + len(words[i]), ent=name(ent),
                ent_start=iob == _IOB_BEGIN,
            ))  # fmt: skip
        # Drop blank tokens: those left by the blanked dateline, and paragraph breaks at the end.
        while tokens and not tokens[0].text.strip():
            tokens.pop(0)
        while tokens and not tokens[-1].text.strip():
            tokens.pop()
        if not tokens:
            continue
        shift = tokens[0].i
        if shift:
            tokens = [_shift(t, shift) for t in tokens]
        start, end = tokens[0].start, tokens[-1].end
        sentences.append(Sentence(len(sentences), start, end, text[start:end], tokens))
    return sentences


def _shift(token: Token, shift: int) -> Token:
    from dataclasses import replace

    return replace(token, i=token.i - shift, head=max(token.head - shift, 0))
