"""Quotes: direct and indirect speech attributed to resolved speakers."""

from eventwire.quotes import component as _component  # noqa: F401  (registers ew_quotes)
from eventwire.quotes.component import QuoteFinder, find_quotes
from eventwire.quotes.cues import CueLexicon, load_cues, read_cues, speech_verbs
from eventwire.quotes.marks import QuotedSpan, find_quoted

__all__ = [
    "CueLexicon",
    "QuoteFinder",
    "QuotedSpan",
    "find_quoted",
    "find_quotes",
    "load_cues",
    "read_cues",
    "speech_verbs",
]
