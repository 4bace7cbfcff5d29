"""Reporting periods: quarters, halves and fiscal years, and the period a report is about.

Earnings reports name one quarter and then speak of "the quarter", "a year ago", "the
1988 period" or "last year's quarter", all counted from that quarter rather than from
the publication date. ``quarter_in_focus`` finds it; a stretch of several months named
after it ("the first nine months") ends the focus, since the comparisons that follow
are then about that stretch, which TIMEX3 writes as the year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from . import calendar as cal
from .context import TextContext
from .lexicon import load_lexicon
from .patterns import Candidate

if TYPE_CHECKING:
    from .normalise import Timex

Result = tuple[str, str, str] | None
Refs = list["Timex"]

#: Quarters counted back from another ("the year-ago quarter") are comparisons, not subjects.
_DERIVED = re.compile(r"year|ago|earlier", re.IGNORECASE)
_YEAR_IN_TEXT = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
#: A stretch of months longer than a quarter: "P9M", "P6M" (the first nine months).
_MONTHS_STRETCH = re.compile(r"^P(?:[4-9]|1[01])M$")


def register(handler: Callable[..., Callable]) -> None:
    """Register this module's handlers with the normaliser's table."""
    handler("quarter", "qcode")(_quarter)
    handler("relq")(_relative_quarter)
    handler("yearq")(_year_quarter)
    handler("possq")(_possessive_quarter)
    handler("half")(_half)
    handler("fiscal")(_fiscal)
    handler("curperiod")(_current_period)


def quarter_in_focus(cand: Candidate, refs: Refs, reach: int = 1500) -> date | None:
    """The quarter an earnings report is about: the latest quarter named before ``cand``.

    Skipped: quarters counted back ("the year-ago quarter") and quarters of a year named
    other than their neighbours' ("the 1988 second quarter" after "the third quarter"),
    so that a comparison does not become the new subject. Ended by a stretch of several
    months named since ("the first nine months"), or by distance.
    """
    for ref in reversed(refs):
        if cand.start - ref.end > reach or _MONTHS_STRETCH.match(ref.value):
            return None
        parsed = cal.parse_value(ref.value)
        if parsed is None or parsed[1] != "Q" or _DERIVED.search(ref.text):
            continue
        named = _YEAR_IN_TEXT.search(ref.text)
        if named and _later_quarter_of_another_year(ref, refs):
            continue
        return parsed[0]
    return None


def _later_quarter_of_another_year(ref: Timex, refs: Refs) -> bool:
    """Whether an earlier, yearless quarter is of a later year than ``ref`` (a comparison)."""
    ref_year = cal.parse_value(ref.value)[0].year  # type: ignore[index]
    for other in refs:
        if other is ref or other.start > ref.start:
            break
        parsed = cal.parse_value(other.value)
        yearless = parsed and parsed[1] == "Q" and not _YEAR_IN_TEXT.search(other.text)
        if yearless and parsed[0].year > ref_year:  # type: ignore[index]
            return True
    return False


def stretch_in_focus(cand: Candidate, refs: Refs, reach: int = 600) -> bool:
    """Whether the nearest expression before ``cand`` is a stretch of several months.

    After "for the first nine months", "a year earlier" and "last year" mean the same
    months of the year before, which TIMEX3 writes as that year.
    """
    for ref in reversed(refs):
        if cand.start - ref.end > reach:
            return False
        if _MONTHS_STRETCH.match(ref.value):
            return True
        if ref.kind == "point":
            return False
    return False


def _quarter_number(word: str) -> int:
    return int(word) if word.isdigit() else int(load_lexicon().get("ordinal", word) or 0)


def _quarter(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    g = cand.groups
    q = _quarter_number(g["q"])
    if q > 4:
        return None  # the ordinal list also serves centuries ("the fifth quarter" is none)
    if "y" in g:
        return f"{g['y']}-Q{4 if q < 0 else q}", "point", "Q"
    if ctx.anchor is None:
        return None
    if "ya" in g:
        return f"{ctx.anchor.year - 1}-Q{4 if q < 0 else q}", "point", "Q"
    if q < 0:
        return cal.point(cal.last_complete_quarter(ctx.anchor), "Q")
    year = ctx.anchor.year
    if date(year, 3 * q - 2, 1) > ctx.anchor and ctx.tense(cand.start, cand.end) == "past":
        year -= 1
    return f"{year}-Q{q}", "point", "Q"


def _possessive_quarter(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    """A quarter of a year named relative to the anchor's: "this year's third quarter",
    "next year's first quarter", "last year's quarter" (the one in focus)."""
    g = cand.groups
    if ctx.anchor is None:
        return None
    shift = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
    if "q" in g:
        q = _quarter_number(g["q"])
        return (f"{ctx.anchor.year + shift}-Q{q}", "point", "Q") if 1 <= q <= 4 else None
    focus = quarter_in_focus(cand, refs) or cal.last_complete_quarter(ctx.anchor)
    return cal.point(date(ctx.anchor.year + shift, focus.month, 1), "Q")


def _relative_quarter(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    rel = re.sub(r"\s+", " ", cand.groups["rel"].lower())
    text = ctx.text[cand.start : cand.end].lower()
    if ctx.anchor is None or (text.endswith("period") and rel in {"the", "this", "last", "next"}):
        return None
    focus = quarter_in_focus(cand, refs)
    if focus and rel in {"the", "this"}:
        return cal.point(focus, "Q")
    if focus and ("year" in rel or rel in {"the same", "the comparable"}):
        return cal.point(cal.shift(focus, "Y", -1), "Q")
    done = cal.last_complete_quarter(ctx.anchor)
    if rel in {"the current", "this"}:
        return cal.point(ctx.anchor, "Q")
    if rel == "next":
        return cal.point(cal.shift(ctx.anchor, "Q", 1), "Q")
    if "year" in rel or rel in {"the same", "the comparable"}:
        return cal.point(cal.shift(done, "Y", -1), "Q")
    return cal.point(done, "Q")


def _year_quarter(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    """'the 1988 quarter': the quarter in focus, in that year; else just the year."""
    focus = quarter_in_focus(cand, refs)
    y = cand.groups["y"]
    if focus is None:
        return y, "point", "Y"
    return f"{y}-Q{(focus.month - 1) // 3 + 1}", "point", "Q"


def _half(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    half = 1 if cand.groups["h"].lower() == "first" else 2  # "the last half" is the second
    return f"{cand.groups['y']}-H{half}", "point", "H1"


def _fiscal(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    return cand.groups["y"], "point", "Y"


def _current_period(cand: Candidate, ctx: TextContext, refs: Refs) -> Result:
    """The anchor's year or month named as such: "for the year", "by year-end"."""
    if ctx.anchor is None:
        return None
    unit = "M" if cand.groups.get("unit", "").lower() == "month" else "Y"
    return cal.point(ctx.anchor, unit)
