"""``ew_paragraphs``: sentences never run across a paragraph break.

News text marks paragraphs with blank lines; the statistical parser sometimes
joins a heading or a closing quote with the next paragraph. Setting the first
token after a blank line as a sentence start before the parser runs fixes that,
because the parser keeps boundaries that are already set.

It also bounds sentence length. Several stages look at pairs of tokens in a sentence,
so their time grows with the square of its length: clauses strung together without a
full stop (thousands of tokens joined by "and", or by zero-width characters) would
stall an article for minutes. After ``MAX_SENTENCE_TOKENS`` tokens with no ``.``, ``!``
or ``?``, a sentence is cut after the next comma, semicolon, colon or dash, and at
``HARD_SENTENCE_TOKENS`` wherever it is. Real sentences are far shorter.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

MAX_SENTENCE_TOKENS = 200
HARD_SENTENCE_TOKENS = 300
_SENTENCE_ENDS = {".", "!", "?"}
_SOFT_BREAKS = {",", ";", ":", "-", "–", "—"}


class ParagraphSentencizer:
    """Mark the first token of each paragraph as a sentence start; cut run-on sentences."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        after_break = False
        run = 0  # tokens since the last paragraph break or sentence-final mark
        for token in doc:
            if token.is_space and "\n" in token.text:
                after_break = True
                continue
            if token.i > 0 and (after_break or _too_long(doc, token.i, run)):
                token.is_sent_start = True
                run = 0
            after_break = False
            run = 0 if token.text in _SENTENCE_ENDS else run + 1
        return doc


def _too_long(doc: Doc, i: int, run: int) -> bool:
    if run >= HARD_SENTENCE_TOKENS:
        return True
    return run >= MAX_SENTENCE_TOKENS and doc[i - 1].text in _SOFT_BREAKS


@Language.factory("ew_paragraphs", assigns=["token.is_sent_start"])
def make_paragraph_sentencizer(nlp: Language, name: str) -> ParagraphSentencizer:
    return ParagraphSentencizer(nlp, name)
