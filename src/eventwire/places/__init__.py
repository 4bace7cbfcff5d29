"""Places: gazetteer lookup and disambiguation of place names."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.places import component as _component  # noqa: F401  (registers ew_places)
from eventwire.records import Place


def place_for(doc: Doc, span: Span | Token) -> Place | None:
    """The place of an event whose trigger is ``span`` (work in progress: none yet)."""
    return None
