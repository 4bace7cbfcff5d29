"""``ew_quotes``: fills ``doc._.ew_quotes`` (work in progress: no quotes found yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuoteFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_quotes = []
        return doc


@Language.factory("ew_quotes", assigns=["doc._.ew_quotes"], requires=["doc._.ew_actors"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
