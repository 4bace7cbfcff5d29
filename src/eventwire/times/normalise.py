"""Normalisation: a candidate and its context become a TIMEX3 value, or nothing.

Values follow the TIMEX3 conventions of the TempEval-3 corpora: 2021-08-27, 2021-08,
2021, 2021-W34, 2021-W34-WE, 2021-Q3, 2021-H1, 2021-SU, 199 (the 1990s), 2021-08-27TMO,
2021-08-27T10:35, durations P3W / PT5H / PXY, sets P1D, and PRESENT_REF, PAST_REF,
FUTURE_REF. A handler returning None means "not a time here" (a name, a verb, a count).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from . import calendar as cal
from .context import TextContext, is_name_word
from .lexicon import load_lexicon
from .patterns import Candidate
from .reporting import quarter_in_focus, stretch_in_focus


@dataclass(frozen=True)
class Timex:
    """A normalised temporal expression: kind is point, duration, ref or set."""

    start: int
    end: int
    text: str
    value: str
    kind: str
    unit: str


Refs = list[Timex]
Handler = Callable[[Candidate, TextContext, Refs], tuple[str, str, str] | None]
_HANDLERS: dict[str, Handler] = {}

_STRICT_MONTHS = {5, 3}  # May and March are also a modal/name and a verb/noun
_MONTH_PREPS = {
    "in", "since", "until", "till", "by", "from", "through", "during", "before", "after",
    "early", "late", "mid", "mid-", "last", "next", "this", "of", "to", "between", "and",
    "or", "for", "around", "throughout", "on", "as", "-",
}  # fmt: skip
_YEAR_PREPS = _MONTH_PREPS | {"the", "year", "fiscal", "calendar", "at", "in", "early", "spring"}
_SEASON_PREPS = {"in", "since", "until", "by", "during", "over", "through", "before", "after"}


def handler(*rules: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        for rule in rules:
            _HANDLERS[rule] = fn
        return fn

    return register


def normalise(cand: Candidate, ctx: TextContext, refs: Refs) -> Timex | None:
    """The Timex for a candidate, or None when it is no time or needs a missing anchor."""
    result = _HANDLERS[cand.rule](cand, ctx, refs)
    if result is None:
        return None
    value, kind, unit = result
    return Timex(cand.start, cand.end, ctx.text[cand.start : cand.end], value, kind, unit)


def _num(word: str) -> int | float | None:
    """A number written in digits or words ("12", "twenty-five", "a"); None if vague."""
    word = re.sub(r"\s+", " ", word.lower())
    tens_ones = re.fullmatch(r"([a-z]+)[ -]([a-z]+)", word)
    if (
        tens_ones
        and not load_lexicon().get("vague", word)
        and load_lexicon().get("number", tens_ones[1])
    ):
        word = f"{tens_ones[1]}-{tens_ones[2]}"
    if re.fullmatch(r"\d+", word):
        return int(word)
    if re.fullmatch(r"\d+\.\d+", word):
        return float(word)
    lex = load_lexicon()
    if "-" in word:
        parts = [lex.get("number", p) for p in word.split("-")]
        return sum(int(p) for p in parts if p) if all(parts) else None
    value = lex.get("number", word) or lex.get("vague", word)
    return int(value) if value and value != "X" else None


def year_of(text: str) -> int | None:
    """A year in digits or words ("1996", "nineteen ninety-six", "two thousand and one")."""
    if text.isdigit():
        return int(text)
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w != "and"]
    if words[:2] == ["two", "thousand"]:
        rest = _num("-".join(words[2:])) if words[2:] else 0
        return None if rest is None else 2000 + int(rest)
    century = _num(words[0])
    if century is None or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return int(century) * 100
    rest = _num("-".join(words[2:] if words[1] == "oh" else words[1:]))
    return None if rest is None else int(century) * 100 + int(rest)


def _unit_letter(unit: str) -> str:
    unit = unit.lower().rstrip("s")
    return {"centurie": "CE", "century": "CE"}.get(unit) or load_lexicon().get("unit", unit) or ""


def lower_case(word: str) -> bool:
    """A month or weekday name written in lower case ("may", "march") is no name."""
    return not word[:1].isupper()


def _month(word: str) -> int:
    return int(load_lexicon().get("month", word) or 0)


def _reference(cand: Candidate, ctx: TextContext, refs: Refs, reach: int = 400) -> Timex | None:
    """The latest point value before the candidate, near enough to be what it refers to."""
    for ref in reversed(refs):
        if ref.kind == "point" and cal.parse_value(ref.value) and cand.start - ref.end < reach:
            return ref
    return None


@handler("iso")
def _iso(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    try:
        return cal.point(date(int(g["y"]), int(g["m"]), int(g["d"])), "D")
    except ValueError:
        return None


@handler("numeric")
def _numeric(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
    if len(g["y"]) == 2:
        if g["sep"] == ".":
            return None  # 1.2.13 is more often a version or a score than a date
        y += 2000 if y <= (ctx.anchor.year % 100 if ctx.anchor else 30) + 5 else 1900
    day, month = (a, b) if (a > 12 or ctx.numeric_order == "dmy") and b <= 12 else (b, a)
    try:
        return cal.point(date(y, month, day), "D")
    except ValueError:
        return None


@handler("dmy", "mdy")
def _day_month(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    if lower_case(g["mon"]) or lower_case(g.get("wd", "X")):
        return None
    month, day = _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))
    if "y" in g:
        try:
            return cal.point(date(int(g["y"]), month, day), "D")
        except ValueError:
            return None
    if (
        month in _STRICT_MONTHS
        and cand.rule == "mdy"
        and ctx.entity(cand.start, cand.end)
        in {
            "PERSON",
            "ORG",
        }
    ):
        return None
    if ctx.anchor is None:
        return None
    found = cal.nearest_year(ctx.anchor, month, day, ctx.tense(cand.start, cand.end))
    return cal.point(found, "D") if found else None


@handler("my")
def _month_year(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    year = year_of(g["y"])
    if lower_case(g["mon"]) or year is None:
        return None
    return f"{year:04d}-{_month(g['mon']):02d}", "point", "M"


@handler("monthrel")
def _month_relative_year(
    cand: Candidate, ctx: TextContext, refs: Refs
) -> tuple[str, str, str] | None:
    """'July last year', 'Jan. 5 this year': the month (or day) in the year named."""
    g = cand.groups
    if lower_case(g["mon"]) or ctx.anchor is None:
        return None
    year = ctx.anchor.year + _offset(g["rel"])
    if "d" not in g:
        return f"{year:04d}-{_month(g['mon']):02d}", "point", "M"
    try:
        return cal.point(date(year, _month(g["mon"]), int(re.sub(r"\D", "", g["d"]))), "D")
    except ValueError:
        return None


@handler("century")
def _century(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    """'the 20th century' is the 1900s: TIMEX3 writes its first two digits, 19."""
    word = cand.groups["cn"].lower()
    digits = re.sub(r"\D", "", word)
    number = int(digits) if digits else int(load_lexicon().get("ordinal", word) or 0)
    return (f"{number - 1:02d}", "point", "CE") if 1 <= number <= 21 else None


@handler("decade")
def _decade(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    if "dec" in g:
        return g["dec"], "point", "DE"
    if "decw" in g:  # "the nineties": the tens word, "ninety", is the decade's first year
        tens = g["decw"].lower().removesuffix("ies") + "y"
        digit = int(load_lexicon().get("number", tens) or 0) // 10
    else:
        digit = int(g["dec2"])
    now = ctx.anchor.year if ctx.anchor else 2000
    century = now // 100 if digit * 10 <= now % 100 else now // 100 - 1
    return f"{century}{digit}", "point", "DE"


_OFFSETS = {
    "last": -1, "past": -1, "this past": -1, "previous": -1, "the previous": -1,
    "the past": -1, "the last": -1, "next": 1, "coming": 1, "this coming": 1,
    "the coming": 1, "the next": 1, "the following": 1,
}  # fmt: skip


def _offset(rel: str | None) -> int:
    return _OFFSETS.get(re.sub(r"\s+", " ", (rel or "").lower()), 0)


@handler("weekday")
def _weekday(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    wd_start = cand.start + ctx.text[cand.start : cand.end].find(g["wd"])
    if (
        lower_case(g["wd"])
        or is_name_word(ctx, wd_start, wd_start + len(g["wd"]))
        or ctx.anchor is None
    ):
        return None
    weekday = int(load_lexicon().get("weekday", g["wd"]) or 0)
    tense = ctx.deadline_tense(cand.start, cand.end)
    day = cal.weekday_date(ctx.anchor, weekday, tense, _offset(g.get("rel")))
    if "pod" in g:
        pod = load_lexicon().get("partofday", g["pod"])
        return f"{day.isoformat()}T{pod}", "point", "D"
    return cal.point(day, "D")


@handler("month")
def _bare_month(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    if lower_case(g["mon"]):
        return None
    month = _month(g["mon"])
    m_start = cand.start + ctx.text[cand.start : cand.end].find(g["mon"])
    before = ctx.prev_word(m_start).lower()
    introduced = "rel" in g or "mod" in g or before in _MONTH_PREPS or before == "that"
    modifier = _month_as_modifier(ctx, before, cand.end)
    introduced = introduced or modifier
    if month in _STRICT_MONTHS and ctx.tag(m_start) in {"MD", "VB", "VBP", "VBZ", "NNP"}:
        introduced = introduced and ctx.entity(m_start, m_start + 3) == "DATE"
    if not introduced or ctx.entity(m_start, m_start + len(g["mon"])) in {"PERSON", "ORG"}:
        return None
    if is_name_word(ctx, m_start, m_start + len(g["mon"])) or ctx.anchor is None:
        return None
    if re.sub(r"\s+", " ", g.get("rel", "").lower()) == "this":
        return f"{ctx.anchor.year:04d}-{month:02d}", "point", "M"  # "this September": this year's
    year = _year_of_month_phrase(ctx, cand.end)
    if year is None and before == "that" and _determiner(ctx, m_start):
        year = _year_referred_to(cand, ctx, refs)
    if year is not None:
        return f"{year:04d}-{month:02d}", "point", "M"
    # a month naming a thing ("the June accord") takes no tense from the clause's verb
    tense = None if modifier else ctx.month_tense(cand.start, cand.end)
    year = cal.month_year(ctx.anchor, month, tense, _offset(g.get("rel")))
    return f"{year:04d}-{month:02d}", "point", "M"


_DETERMINERS = {"a", "an", "the", "its", "his", "her", "their", "our", "that"}

#: "January day in 2011", "March of 1998": the year the phrase after a month gives it.
_YEAR_AFTER_MONTH = re.compile(
    r"\s+(?:(?:day|morning|afternoon|evening|night|week|weekend)\s+)?(?:in|of)\s+"
    r"(?P<y>(?:1[5-9]|20)\d\d)\b(?![-/]\d|%)"
)


def _year_of_month_phrase(ctx: TextContext, end: int) -> int | None:
    """The year a phrase after the month names ("that January day in 2011")."""
    found = _YEAR_AFTER_MONTH.match(ctx.text, end)
    return int(found["y"]) if found else None


def _determiner(ctx: TextContext, m_start: int) -> bool:
    """Whether the "that" before a month is its determiner ("that March"), not a
    conjunction ("said that March would be hard")."""
    that = ctx.text.lower().rfind("that", 0, m_start)
    return ctx.tag(that) != "IN"


def _year_referred_to(cand: Candidate, ctx: TextContext, refs: Refs) -> int | None:
    """ "that March": the month of the year last spoken of, when a year was; else None
    (then "that" is read as pointing at the nearest such month)."""
    ref = _reference(cand, ctx, refs)
    parsed = cal.parse_value(ref.value) if ref else None
    return parsed[0].year if parsed else None


def _month_as_modifier(ctx: TextContext, before: str, end: int) -> bool:
    """A month between a determiner and a common noun: "a June agreement", "the October
    vote" (not "the March of Dimes", nor a name: "the May Department Stores")."""
    after = ctx.next_word(end)
    if before not in _DETERMINERS or not after[:1].islower() or after in {"of", "and", "or"}:
        return False
    tag = ctx.tag(ctx.text.find(after, end))
    return tag is None or tag.startswith("NN")  # not "that August the harvest failed"


@handler("year")
def _year(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    year = year_of(g["y"])
    if year is None:
        return None
    y_start = cand.end - len(g["y"])
    before = ctx.prev_word(y_start)
    if before.startswith(("$", "#")) or ctx.text[max(0, y_start - 1) : y_start] in {"$", "#"}:
        return None
    if ctx.counts_a_noun(y_start, cand.end) and "pre" not in g and "mod" not in g:
        return None
    dated = ctx.entity(y_start, cand.end) == "DATE"
    if "pre" in g or "mod" in g or before.lower() in _YEAR_PREPS or dated:
        return f"{year:04d}", "point", "Y"
    after = ctx.text[cand.end : cand.end + 3]
    return (f"{year:04d}", "point", "Y") if re.match(r"(?:[.,;:)]|'s|\s*$)", after) else None


@handler("season")
def _season(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    code = load_lexicon().get("season", g["season"]) or ""
    rel = re.sub(r"\s+", " ", (g.get("rel") or "").lower())
    after = ctx.text[cand.end : cand.end + 4]
    if "y" in g:
        year = year_of(g["y"])
        return (f"{year:04d}-{code}", "point", "SE") if year else None
    if rel == "the" and after.startswith(" of"):
        return None  # "the fall of the government"
    s_start = cand.start + ctx.text[cand.start : cand.end].lower().find(g["season"].lower())
    bare = not rel and "mod" not in g
    if bare and (code == "FA" or ctx.prev_word(s_start).lower() not in _SEASON_PREPS):
        return None
    if ctx.anchor is None:
        return None
    year = cal.season_year(ctx.anchor, code, ctx.tense(cand.start, cand.end), _offset(rel))
    return f"{year}-{code}", "point", "SE"


_DAYWORDS = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0, "this": 0, "last": -1}


@handler("dayword")
def _dayword(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    word = re.sub(r"\s+", " ", g["word"].lower())
    if word == "today" and _generic_today(ctx, cand):
        return None  # "today's world" is the present age, which TimeML leaves unmarked
    if ctx.anchor is None:
        return None
    shift = {"the day before yesterday": -2, "the day after tomorrow": 2}.get(word)
    day = cal.shift(ctx.anchor, "D", shift if shift is not None else _DAYWORDS[word])
    pod = load_lexicon().get("partofday", g["pod"]) if "pod" in g else None
    if word == "tonight" or (word == "last" and pod in {"NI", "EV"}):
        pod = pod or "NI"
    elif word == "last":
        return None  # "last morning" is not said
    return (f"{day.isoformat()}T{pod}", "point", "D") if pod else cal.point(day, "D")


_GENERIC_AFTER_TODAY = (
    r"'s\s+(?:world|society|china|america|europe|economy|standards|youth|young|generation"
    r"|children|families|students|consumers)\b"
)


def _generic_today(ctx: TextContext, cand: Candidate) -> bool:
    """'today' as the present age ("in today's China", "today's world"), not the day."""
    after = ctx.text[cand.end : cand.end + 20].lower()
    return bool(re.match(_GENERIC_AFTER_TODAY, after))


@handler("relunit")
def _relative_unit(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    g = cand.groups
    rel = re.sub(r"\s+", " ", g["rel"].lower()).replace(" fiscal", "").replace("fiscal", "the")
    unit = _unit_letter(g["unit"])
    base = ctx.anchor
    if rel in {"the following", "the previous", "that", "the same"}:
        ref = _reference(cand, ctx, refs)
        base = cal.parse_value(ref.value)[0] if ref and cal.parse_value(ref.value) else base
    if base is None:
        return None
    focus = quarter_in_focus(cand, refs) if rel == "last" and unit == "Y" else None
    if rel == "last" and unit == "Y" and stretch_in_focus(cand, refs):
        return cal.point(cal.shift(base, "Y", -1), "Y")  # "nine months ... up from last year"
    if focus and _compares(ctx, cand):
        return cal.point(cal.shift(focus, "Y", -1), "Q")
    if rel == "the latest" and unit == "Y":
        return cal.point(cal.shift(base, "Y", -1), "Y")
    day = cal.shift(base, unit, _offset(rel))
    if unit == "WE":
        return cal.fmt(day, "WE"), "point", "WE"
    return cal.point(day, unit)


def _compares(ctx: TextContext, cand: Candidate) -> bool:
    """Whether the sentence compares figures with another period ("up from ... last year")."""
    start, end = ctx.sentence(cand.start)
    return bool(re.search(r"\b(?:compar\w*|from|versus|against)\b", ctx.text[start:end], re.I))


@handler("weekend")
def _weekend(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    if ctx.anchor is None:
        return None
    first = ctx.text[cand.start : cand.end].split()[0].lower()
    tense = ctx.tense(cand.start, cand.end)
    saturday = cal.weekday_date(ctx.anchor, 6, tense if first in {"the", "this"} else None)
    if first in {"last", "next"}:
        saturday = cal.weekday_date(ctx.anchor, 6, None, -1 if first == "last" else 1)
    return cal.fmt(saturday, "WE"), "point", "WE"


@handler("refday")
def _reference_day(cand: Candidate, ctx: TextContext, refs: Refs) -> tuple[str, str, str] | None:
    words = re.sub(r"\s+", " ", cand.groups["word"].lower())
    ref = _reference(cand, ctx, refs)
    parsed = cal.parse_value(ref.value) if ref else None
    if parsed is None or parsed[1] != "D":
        return None  # "the next day" says nothing without a day to count from
    step = -1 if ("previous" in words or "before" in words) else 0
    step = 1 if ("next" in words or "following" in words or "after" in words) else step
    return cal.point(cal.shift(parsed[0], "D", step), "D")


from . import durations as _durations  # noqa: E402  (registers the remaining handlers)
from . import reporting as _reporting  # noqa: E402

_durations.register(handler)
_reporting.register(handler)
