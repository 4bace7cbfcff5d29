"""``ew_places``: fills ``doc._.ew_places`` (work in progress: no places found yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class PlaceFinder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_places = []
        return doc


@Language.factory("ew_places", assigns=["doc._.ew_places"], requires=["doc._.ew_actors"])
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
