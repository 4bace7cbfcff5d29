"""Custom ``Doc`` attributes, all under the ``ew_`` prefix, registered once."""

from __future__ import annotations

from spacy.tokens import Doc, Span

#: Attributes the stages write on a Doc; each holds a list of records or None.
DOC_ATTRIBUTES = ("ew_actors", "ew_events", "ew_quotes", "ew_times", "ew_places")
#: Working attributes shared between stages (``ew_mentions``: actor mentions for
#: events and quotes to look up) and the Article the Doc was made from.
_DOC_VALUES = ("ew_article", "ew_mentions")
SPAN_ATTRIBUTES = ("ew_actor",)


def register_extensions() -> None:
    """Register every eventwire extension; safe to call more than once."""
    for name in (*DOC_ATTRIBUTES, *_DOC_VALUES):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in SPAN_ATTRIBUTES:
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)
