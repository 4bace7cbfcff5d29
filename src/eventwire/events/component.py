"""``ew_events``: fills ``doc._.ew_events`` (work in progress: no events coded yet)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_events = []
        return doc


@Language.factory(
    "ew_events",
    assigns=["doc._.ew_events"],
    requires=["doc._.ew_actors", "doc._.ew_times", "doc._.ew_places"],
)
def make_event_coder(nlp: Language, name: str) -> EventCoder:
    return EventCoder(nlp, name)
