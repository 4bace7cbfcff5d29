"""Calendar arithmetic on TIMEX3 values: shifting by units and formatting at a granularity.

Granularities are the TIMEX3 unit letters: D (day), W (ISO week), M (month), Q (quarter),
Y (year), DE (decade), CE (century). A value such as ``2021-W34`` is read back into its
first day and its granularity, so that "a year earlier" than ``1989-Q3`` is ``1988-Q3``.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Literal

from dateutil.relativedelta import relativedelta

Tense = Literal["past", "future", "present"] | None

#: TIMEX3 unit letter -> the TimeExpr precision it maps to.
PRECISION_OF_UNIT = {
    "D": "day",
    "H": "day",
    "MIN": "day",
    "W": "week",
    "WE": "week",
    "M": "month",
    "Q": "quarter",
    "SE": "quarter",
    "H1": "year",
    "Y": "year",
    "DE": "decade",
    "CE": "decade",
}
_ORDER = ["D", "W", "M", "Q", "Y", "DE", "CE"]
#: Days by which an unqualified date ahead of the anchor must be nearer than the one behind.
_AHEAD_PENALTY = 45
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def shift(day: date, unit: str, n: int) -> date:
    """``day`` moved by ``n`` units (negative: back in time)."""
    match unit:
        case "D":
            return day + timedelta(days=n)
        case "W" | "WE":
            return day + timedelta(weeks=n)
        case "M":
            return day + relativedelta(months=n)
        case "Q":
            return day + relativedelta(months=3 * n)
        case "Y":
            return day + relativedelta(years=n)
        case "DE":
            return day + relativedelta(years=10 * n)
        case "CE":
            return day + relativedelta(years=100 * n)
    raise ValueError(f"unknown unit {unit!r}")


def fmt(day: date, unit: str) -> str:
    """The TIMEX3 value of the ``unit``-long period that contains ``day``."""
    match unit:
        case "D":
            return day.isoformat()
        case "W":
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}"
        case "WE":
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}-WE"
        case "M":
            return f"{day.year:04d}-{day.month:02d}"
        case "Q":
            return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
        case "Y":
            return f"{day.year:04d}"
        case "DE":
            return f"{day.year // 10:03d}"
        case "CE":
            return f"{day.year // 100:02d}"
    raise ValueError(f"unknown unit {unit!r}")


def point(day: date, unit: str) -> tuple[str, str, str]:
    """(value, "point", unit) of the ``unit``-long period that contains ``day``: what
    a handler returns for a point in time."""
    return fmt(day, unit), "point", unit


def coarser(a: str, b: str) -> str:
    """The coarser of two granularities (W and WE count as weeks)."""
    ra, rb = (_ORDER.index("W" if u == "WE" else u) for u in (a, b))
    return a if ra >= rb else b


_VALUE_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$"), "D"),
    (re.compile(r"^(\d{4})-W(\d{2})(-WE)?$"), "W"),
    (re.compile(r"^(\d{4})-Q([1-4])$"), "Q"),
    (re.compile(r"^(\d{4})-(\d{2})$"), "M"),
    (re.compile(r"^(\d{4})$"), "Y"),
    (re.compile(r"^(\d{3})$"), "DE"),
]


def parse_value(value: str) -> tuple[date, str] | None:
    """The first day and the granularity of a point value, or None for other values."""
    for pattern, unit in _VALUE_FORMS:
        m = pattern.match(value)
        if not m:
            continue
        try:
            return _first_day(m, unit), unit
        except ValueError:
            return None
    return None


def _first_day(m: re.Match[str], unit: str) -> date:
    year = int(m[1])
    if unit == "D":
        return date(year, int(m[2]), int(m[3]))
    if unit == "W":
        return date.fromisocalendar(year, int(m[2]), 1)
    if unit == "Q":
        return date(year, 3 * (int(m[2]) - 1) + 1, 1)
    if unit == "M":
        return date(year, int(m[2]), 1)
    if unit == "DE":
        return date(year * 10, 1, 1)
    return date(year, 1, 1)


def weekday_date(anchor: date, weekday: int, tense: Tense, offset: int = 0) -> date:
    """The date of ISO ``weekday`` (Monday 1) relative to ``anchor``.

    ``offset`` -1 is "last Friday" (before the anchor), +1 "next Friday" (after it).
    Without one, past tense gives the latest such day on or before the anchor (wire copy
    calls the day of publication by its name too), future the first on or after it,
    and present or unknown tense the nearest of the two, where ties and near-ties (the
    future one at most two days nearer) go to the past, since reports mostly tell what
    has happened.
    """
    back = anchor - timedelta(days=(anchor.isoweekday() - weekday) % 7)
    ahead = anchor + timedelta(days=(weekday - anchor.isoweekday()) % 7)
    if offset < 0:
        return back if back < anchor else back - timedelta(days=7)
    if offset > 0:
        return ahead if ahead > anchor else ahead + timedelta(days=7)
    if tense == "past":
        return back
    if tense == "future":
        return ahead
    # near-ties go to the past too: a Thursday named on a Monday is mostly last Thursday
    return ahead if (ahead - anchor).days < (anchor - back).days - 2 else back


def month_year(anchor: date, month: int, tense: Tense, offset: int = 0) -> int:
    """The year of a month named without one ("in July", "last July", "next March").

    Past tense: the latest such month not after the anchor's month; future: the first not
    before it; "last"/"next" exclude the anchor's own month; otherwise the anchor's year.
    """
    if offset < 0:
        return anchor.year if month < anchor.month else anchor.year - 1
    if offset > 0:
        return anchor.year if month > anchor.month else anchor.year + 1
    if tense == "past" and month > anchor.month:
        return anchor.year - 1
    if tense == "future" and month < anchor.month:
        return anchor.year + 1
    if tense in {"past", "future"}:
        return anchor.year
    # unknown or present tense ("by February", "the summit in April"): the nearest one
    if month - anchor.month >= 6:  # a tie goes to the past, as for days
        return anchor.year - 1
    if anchor.month - month > 6:
        return anchor.year + 1
    return anchor.year


def floating_day(year: int, rule: str) -> date:
    """The date of a holiday kept on a weekday: ``MM-DD-N-W`` is the N-th ISO weekday W
    on or after MM-DD of ``year`` (Thanksgiving: the fourth Thursday from 1 November)."""
    month, day, nth, weekday = (int(part) for part in rule.split("-"))
    start = date(year, month, day)
    return start + timedelta(days=(weekday - start.isoweekday()) % 7 + 7 * (nth - 1))


def nearest_occurrence(anchor: date, options: list[date], tense: Tense, offset: int = 0) -> date:
    """Of yearly ``options``, the one an unqualified mention means (see ``nearest_year``);
    ``offset`` -1 is "last Thanksgiving" (before the anchor), +1 "next ..." (after it)."""
    if offset:
        later = [d for d in options if (d > anchor if offset > 0 else d < anchor)]
        return min(later, key=lambda d: abs((d - anchor).days)) if later else options[0]
    if tense == "past" and any(d <= anchor for d in options):
        options = [d for d in options if d <= anchor or (d - anchor).days <= 100]
    # reports mostly tell what has happened: a date ahead must be clearly nearer to win
    return min(options, key=lambda d: abs((d - anchor).days) + _AHEAD_PENALTY * (d > anchor))


def nearest_year(anchor: date, month: int, day: int, tense: Tense = None) -> date | None:
    """The date of a day and month named without a year: the one closest to the anchor.

    A past-tense clause ("was last seen Nov. 3") does not take a date more than about
    three months ahead: what a report tells as done has happened by the time it is
    written, while dates just ahead are often schedules told in reported speech.
    """
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    # in the past tense only a date well ahead yields: "payable Nov. 10" a fortnight on stays
    return nearest_occurrence(anchor, options, tense) if options else None


def season_year(anchor: date, season: str, tense: Tense, offset: int = 0) -> int:
    """The year of a season named without one (winter is counted from its December)."""
    current = {12: "WI", 1: "WI", 2: "WI"}.get(anchor.month)
    current = current or ("SP" if anchor.month < 6 else "SU" if anchor.month < 9 else "FA")
    order = ["SP", "SU", "FA", "WI"]
    # winter of Jan-Feb belongs to the previous year's December
    base = anchor.year - 1 if anchor.month < 3 else anchor.year
    here, there = order.index(current), order.index(season)
    if offset < 0 or (offset == 0 and tense == "past"):
        strict = offset < 0
        return base if there < here or (there == here and not strict) else base - 1
    if offset > 0 or (offset == 0 and tense == "future"):
        strict = offset > 0
        return base if there > here or (there == here and not strict) else base + 1
    return base


def last_complete_quarter(anchor: date) -> date:
    """The first day of the quarter before the anchor's (the one a report is about)."""
    start = date(anchor.year, 3 * ((anchor.month - 1) // 3) + 1, 1)
    return shift(start, "Q", -1)
