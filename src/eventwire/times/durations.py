"""Handlers for offsets ("two days ago"), durations, clock times, holidays, sets and refs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from . import calendar as cal
from .context import TextContext, is_name_word
from .lexicon import load_lexicon
from .patterns import Candidate
from .reporting import quarter_in_focus, stretch_in_focus

Result = tuple[str, str, str] | None

_REFS = {
    "now": "PRESENT_REF", "nowadays": "PRESENT_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "the time being": "PRESENT_REF", "recently": "PAST_REF", "recent": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
    "the past": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF",
    "the future": "FUTURE_REF", "the near future": "FUTURE_REF", "future": "FUTURE_REF",
}  # fmt: skip
_SET_WORDS = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
    "yearly": "P1Y", "hourly": "PT1H",
}  # fmt: skip
#: Words before "one day" that make it "someday" (a modal or a subject before its verb).
_SOMEDAY_BEFORE = {
    "will", "would", "could", "may", "might", "can", "should", "must", "shall",
    "he", "she", "they", "we", "i", "you",
}  # fmt: skip
_POINT_UNITS = {"D", "W", "M", "Q", "Y", "DE", "CE"}


def register(handler: Callable[..., Callable]) -> None:
    """Register this module's handlers with the normaliser's table."""
    handler("ago")(_ago)
    handler("yearago")(_year_ago)
    handler("yearended")(_year_ended)
    handler("duration")(_duration)
    handler("bareunit")(_bare_unit)
    handler("unitdur")(_unit_duration)
    handler("clock")(_clock)
    handler("holiday")(_holiday)
    handler("set")(_set)
    handler("ref")(_ref)


def _unit(word: str) -> str:
    word = word.lower()
    word = word[:-1] if word.endswith("s") else word
    return {"centurie": "CE", "century": "CE"}.get(word) or load_lexicon().get("unit", word) or ""


def _number(word: str) -> int | float | None:
    from .normalise import _num

    return _num(word)


def _ago(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    unit, n = _unit(g["unit"]), _number(g["n"])
    direction = re.sub(r"\s+", " ", g["dir"].lower())
    back = direction in {"ago", "earlier", "before", "since"}
    if n is None:
        return ("PAST_REF" if back else "FUTURE_REF"), "ref", unit
    if unit not in _POINT_UNITS or isinstance(n, float):
        return None
    # "a decade ago" names a year, as "ten years ago" does
    base, granularity = ctx.anchor, {"DE": "Y", "CE": "Y"}.get(unit, unit)
    if unit == "Y" and n == 1 and back and stretch_in_focus(cand, refs) and ctx.anchor:
        return cal.fmt(cal.shift(ctx.anchor, "Y", -1), "Y"), "point", "Y"
    if unit == "Y" and n == 1 and back:
        focus = quarter_in_focus(cand, refs)
        if focus:  # "up from $4 million a year ago" in a quarterly report
            return cal.fmt(cal.shift(focus, "Y", -1), "Q"), "point", "Q"
    if direction in {"earlier", "later", "before", "after"}:
        from .normalise import _reference

        ref = _reference(cand, ctx, refs)
        parsed = cal.parse_value(ref.value) if ref else None
        if parsed:
            base, granularity = parsed[0], parsed[1]
    if base is None:
        return None
    day = cal.shift(base, unit, -n if back else n)
    return cal.fmt(day, granularity), "point", granularity


def _year_ago(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    """'year-earlier', 'year-ago': a year before the period just named (or the anchor)."""
    from .normalise import _reference

    if stretch_in_focus(cand, refs) and ctx.anchor:
        return cal.fmt(cal.shift(ctx.anchor, "Y", -1), "Y"), "point", "Y"
    focus = quarter_in_focus(cand, refs)
    ref = _reference(cand, ctx, refs)
    parsed = (focus, "Q") if focus else cal.parse_value(ref.value) if ref else None
    base, granularity = parsed if parsed else (ctx.anchor, "Y")
    if base is None:
        return None
    if not focus and ctx.anchor and base.year < ctx.anchor.year:
        # the period just named is already the earlier one ("the 1988 period. The
        # year-ago results ..."): both name it
        return cal.fmt(base, granularity), "point", granularity
    return cal.fmt(cal.shift(base, "Y", -1), granularity), "point", granularity


#: A half of a unit in the next smaller one: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M.
_HALF_IN = {"Y": (6, "M"), "D": (12, "H"), "H": (30, "MIN"), "MIN": (30, "S")}
#: Letters of a vague count of decades and centuries ("for centuries" is PXC).
_VAGUE_LONG = {"DE": "E", "CE": "C"}
_TIME_UNITS = {"H": "H", "MIN": "M", "S": "S"}


def _year_ended(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    """'the year ended March 31': a year-long period, its end given by the date after it."""
    unit = _unit(cand.groups["unit"])
    return _duration_value(1, unit), "duration", unit


def _duration_value(n: int | float | None, unit: str, half: bool = False) -> str:
    """The TIMEX3 duration of ``n`` units (None: an unknown number), plus a half if asked."""
    if n is None:
        return f"PX{_VAGUE_LONG.get(unit, '')}" if unit in _VAGUE_LONG else _iso([("X", unit)])
    if unit in {"DE", "CE"}:  # the corpora write two decades as P20Y
        n, unit, half = int((n + 0.5 * half) * (10 if unit == "DE" else 100)), "Y", False
    if half and unit in _HALF_IN and float(n).is_integer():
        part, smaller = _HALF_IN[unit]
        return _iso([(str(int(n)), unit), (str(part), smaller)])
    n = n + 0.5 if half else n
    return _iso([(f"{n:g}" if isinstance(n, float) else str(n), unit)])


def _iso(parts: list[tuple[str, str]]) -> str:
    """Amount-unit pairs as an ISO 8601 duration, time units after the T."""
    dates = "".join(amount + unit for amount, unit in parts if unit not in _TIME_UNITS)
    times = "".join(amount + _TIME_UNITS[unit] for amount, unit in parts if unit in _TIME_UNITS)
    return f"P{dates}" + (f"T{times}" if times else "")


def _duration(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    unit = _unit(g["unit"])
    if not unit or unit == "WE":
        return None
    n = _number(g["n"])
    if unit == "Q" and (n in {None, 1} or "-" in ctx.text[cand.start : cand.end]):
        return None  # "a quarter of", "three-quarters": fractions, not periods
    before = ctx.prev_word(cand.start).lower()
    if before in {"once", "twice", "times", "per"} or ctx.text[cand.end : cand.end + 4] == "-old":
        return None
    if _someday(cand, ctx):
        return "FUTURE_REF", "ref", "D"
    half = "half" in g or "half2" in g or "frac" in g
    return _duration_value(n, unit, half), "duration", unit


def _bare_unit(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    unit = _unit(g.get("unit") or g.get("unit2") or g["unit3"])
    return _duration_value(None, unit), "duration", unit


def _unit_duration(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    before = ctx.prev_word(cand.start).lower()
    if before in {"once", "twice", "times", "per"} or re.search(r"\d", before):
        return None
    unit = _unit(cand.groups["unit"])
    if _someday(cand, ctx):
        return "FUTURE_REF", "ref", "D"
    return _duration_value(1, unit), "duration", unit


def _someday(cand: Candidate, ctx: TextContext) -> bool:
    """'will one day be', 'hopes he one day flies': "one day" as someday, no duration."""
    text = re.sub(r"\s+", " ", ctx.text[cand.start : cand.end].lower())
    return text == "one day" and ctx.prev_word(cand.start).lower() in _SOMEDAY_BEFORE


def _clock(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    if "word" in g:
        hour, minute = (0, 0) if g["word"].lower() == "midnight" else (12, 0)
    else:
        hour, minute = int(g["h"]), int(g.get("min") or 0)
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    day = _named_day(cand, ctx) if "wd" in g or "mon" in g else _day_of(cand, ctx, refs)
    if day is None:
        return None
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}", "point", "D"


def _named_day(cand: Candidate, ctx: TextContext) -> date | None:
    """The day named after a clock time ("10 p.m. Wednesday", "5 p.m. Nov. 9")."""
    g, lex = cand.groups, load_lexicon()
    name = g.get("wd") or g["mon"]
    if not name[:1].isupper() or ctx.anchor is None:
        return None  # "at 9 a.m. may ..." is no date; the bare clock time is tried instead
    tense = ctx.deadline_tense(cand.start, cand.end)
    if "wd" in g:
        return cal.weekday_date(ctx.anchor, int(lex.get("weekday", name) or 0), tense)
    month, day = int(lex.get("month", name) or 0), int(re.sub(r"\D", "", g["d"]))
    return cal.nearest_year(ctx.anchor, month, day, tense)


def _day_of(cand: Candidate, ctx: TextContext, refs: list) -> date | None:
    """The day a clock time belongs to: a day named earlier in its sentence, else the anchor."""
    start, _ = ctx.sentence(cand.start)
    for ref in reversed(refs):
        parsed = cal.parse_value(ref.value)
        if ref.start >= start and parsed and parsed[1] == "D":
            return parsed[0]
    return ctx.anchor


def _holiday(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g, lex = cand.groups, load_lexicon()
    name = re.sub(r"\s+", " ", g["hol"])
    fixed, floating = lex.get("holiday", name), lex.get("floating", name)
    if not name[:1].isupper() or ctx.anchor is None or is_name_word(ctx, cand.start, cand.end):
        return None
    years = (ctx.anchor.year - 1, ctx.anchor.year, ctx.anchor.year + 1)
    if floating:
        options = [cal.floating_day(year, floating) for year in years]
    elif fixed:
        options = [date(year, int(fixed[:2]), int(fixed[3:])) for year in years]
    else:
        return None
    rel = (g.get("rel") or "").lower()
    offset = {"last": -1, "next": 1}.get(rel, 0)
    found = cal.nearest_occurrence(ctx.anchor, options, ctx.tense(cand.start, cand.end), offset)
    return found.isoformat(), "point", "D"


def _set(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    if "word" in g:
        word = g["word"]
        if word[0].isupper() and not ctx.at_sentence_start(cand.start):
            return None  # "China Daily", "Daily Telegraph"
        return _SET_WORDS[word.lower()], "set", "D"
    lex = load_lexicon()
    if not (g.get("swd") or g.get("smon") or "X")[:1].isupper():
        return None  # "each may", "every march": a verb, not a month
    if "swd" in g:  # "each Thursday", "every Monday night"
        pod = f"T{lex.get('partofday', g['spod'])}" if "spod" in g else ""
        return f"XXXX-WXX-{lex.get('weekday', g['swd'])}{pod}", "set", "D"
    if "smon" in g:  # "each July"
        return f"XXXX-{int(lex.get('month', g['smon']) or 0):02d}", "set", "M"
    unit = {"night": "D", "morning": "D"}.get(g["unit"].lower()) or _unit(g["unit"])
    return f"P1{unit}", "set", unit


def _ref(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    word = re.sub(r"\s+", " ", cand.groups["word"].lower())
    if word == "once" or (word in {"current", "future"} and ctx.tag(cand.start) in {"NN", "NNS"}):
        return None
    if word == "now" and ctx.text[cand.end : cand.end + 1] == "-":
        return None
    return _REFS[word], "ref", "D"
