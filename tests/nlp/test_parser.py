"""The spaCy stage as plain records: offsets into the article text, the dateline kept out of the parse."""

from __future__ import annotations

from dateline import extract


def test_offsets_point_into_the_article_text():
    article = extract("Ministers meet\n\nThe ministers met in Rabat on Thursday.\n\nThey agreed to meet again.\n")
    assert len(article.sentences) == 2
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        for token in sentence.tokens:
            assert article.text[token.start : token.end] == token.text


def test_a_dateline_is_not_the_subject():
    article = extract("Baghdad / Obelisk: Prime Minister Mustafa Al-Kazemi received a phone call on Sunday.",
                      published="2021-11-07")
    tokens = article.sentences[0].tokens
    assert not any(t.text in ("Baghdad", "Obelisk") for t in tokens)
    subject = next(t for t in tokens if t.dep == "nsubj")
    assert subject.text == "Kazemi"
