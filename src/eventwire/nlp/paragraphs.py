"""``ew_paragraphs``: sentences never run across a paragraph break.

News text marks paragraphs with blank lines; the statistical parser sometimes
joins a heading or a closing quote with the next paragraph. Setting the first
token after a blank line as a sentence start before the parser runs fixes that,
because the parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class ParagraphSentencizer:
    """Mark the first token of each paragraph as a sentence start."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        for token in doc:
            if token.is_space and "\n" in token.text:
                after_break = True
                continue
            if after_break and token.i > 0:
                token.is_sent_start = True
            after_break = False
        return doc


@Language.factory("ew_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_sentencizer(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer(nlp, name)
