"""Handlers for offsets ("two days ago"), durations, clock times, holidays, sets and refs."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from . import calendar as cal
from .context import TextContext, is_name_word
from .lexicon import load_lexicon
from .patterns import Candidate

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
_POINT_UNITS = {"D", "W", "M", "Q", "Y", "DE", "CE"}


def register(handler: Callable[..., Callable]) -> None:
    """Register this module's handlers with the normaliser's table."""
    handler("ago")(_ago)
    handler("yearago")(_year_ago)
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
    if unit == "Y" and n == 1 and back:
        from .normalise import quarter_in_focus

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
    from .normalise import _reference, quarter_in_focus

    focus = quarter_in_focus(cand, refs)
    ref = _reference(cand, ctx, refs)
    parsed = (focus, "Q") if focus else cal.parse_value(ref.value) if ref else None
    base, granularity = parsed if parsed else (ctx.anchor, "Y")
    if base is None:
        return None
    return cal.fmt(cal.shift(base, "Y", -1), granularity), "point", granularity


def _duration_value(n: int | float | None, unit: str, half: bool = False) -> str:
    if n is not None and half:
        n = n + 0.5
    if n is not None and unit in {"DE", "CE"}:  # the corpora write two decades as P20Y
        n, unit = n * (10 if unit == "DE" else 100), "Y"
    amount = "X" if n is None else (f"{n:g}" if isinstance(n, float) else str(n))
    if unit in {"H", "MIN"}:
        return f"PT{amount}{'M' if unit == 'MIN' else 'H'}"
    return f"P{amount}{unit}"


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
    return _duration_value(n, unit, "half" in g), "duration", unit


def _bare_unit(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    unit = _unit(cand.groups.get("unit") or cand.groups["unit2"])
    return _duration_value(None, unit), "duration", unit


def _unit_duration(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    before = ctx.prev_word(cand.start).lower()
    if before in {"once", "twice", "times", "per"} or re.search(r"\d", before):
        return None
    unit = _unit(cand.groups["unit"])
    return _duration_value(1, unit), "duration", unit


def _clock(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    if "word" in g:
        hour, minute = (12, 0) if g["word"].lower() == "noon" else (0, 0)
    else:
        hour, minute = int(g["h"]), int(g.get("min") or 0)
        pm = g["ampm"].lower().startswith("p")
        hour = (hour % 12) + (12 if pm else 0)
    day = _day_of(cand, ctx, refs)
    if day is None:
        return None
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}", "point", "D"


def _day_of(cand: Candidate, ctx: TextContext, refs: list) -> date | None:
    """The day a clock time belongs to: a day named earlier in its sentence, else the anchor."""
    start, _ = ctx.sentence(cand.start)
    for ref in reversed(refs):
        parsed = cal.parse_value(ref.value)
        if ref.start >= start and parsed and parsed[1] == "D":
            return parsed[0]
    return ctx.anchor


def _holiday(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    text = ctx.text[cand.start : cand.end]
    value = load_lexicon().get("holiday", re.sub(r"\s+", " ", text))
    if not value or not text[:1].isupper() or ctx.anchor is None:
        return None
    if is_name_word(ctx, cand.start, cand.end):
        return None
    found = cal.nearest_year(ctx.anchor, int(value[:2]), int(value[3:]))
    return (found.isoformat(), "point", "D") if found else None


def _set(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    g = cand.groups
    if "word" in g:
        word = g["word"]
        if word[0].isupper() and not ctx.at_sentence_start(cand.start):
            return None  # "China Daily", "Daily Telegraph"
        return _SET_WORDS[word.lower()], "set", "D"
    unit = {"night": "D", "morning": "D"}.get(g["unit"].lower()) or _unit(g["unit"])
    return f"P1{unit}", "set", unit


def _ref(cand: Candidate, ctx: TextContext, refs: list) -> Result:
    word = re.sub(r"\s+", " ", cand.groups["word"].lower())
    if word == "once" or (word in {"current", "future"} and ctx.tag(cand.start) in {"NN", "NNS"}):
        return None
    if word == "now" and ctx.text[cand.end : cand.end + 1] == "-":
        return None
    return _REFS[word], "ref", "D"
