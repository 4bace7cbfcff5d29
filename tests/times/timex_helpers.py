"""What the times tests share: an anchor date and the values found in a parsed text."""

from __future__ import annotations

from datetime import date

from eventwire.times import find_timexes

ANCHOR = date(2021, 11, 3)  # a Wednesday, early in the fourth quarter


def values(nlp, text: str, anchor: date = ANCHOR) -> dict[str, str]:
    """Text of each expression found in the parsed text -> its value."""
    return {t.text: t.value for t in find_timexes(nlp(text), anchor)}
