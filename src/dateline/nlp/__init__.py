"""NLP stage: sentences, tokens, lemmas, entities and the dependency parse (spaCy).

Fills: Article.sentences. Needs: Article.paragraphs and Article.dateline_place.
"""

from dateline.nlp.parser import load_pipeline, parse_articles, tokenizer_for

__all__ = ["load_pipeline", "parse_articles", "tokenizer_for"]
