"""Quotes: direct and indirect speech attributed to resolved speakers."""

from eventwire.quotes import component as _component  # noqa: F401  (registers ew_quotes)
