"""Recognition: regular-expression rules that find candidate temporal expressions.

Each rule names the shape it found (``dmy``, ``weekday``, ``ago`` …); ``normalise.py``
turns a candidate into a value, and may still reject it (then it is no time). Words that
are also names or verbs (May, March, Friday in "Good Friday Agreement") are checked
there against the context. Overlapping candidates are resolved longest first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import Lexicon, load_lexicon


@dataclass(frozen=True)
class Candidate:
    """A stretch of text one rule matched, with the named groups of its match."""

    start: int
    end: int
    rule: str
    groups: dict[str, str] = field(default_factory=dict)


def _capitalised(words: str) -> str:
    """Alternation of names; the rules match any case, the handlers ask for a capital."""
    return words


@lru_cache(maxsize=1)
def compiled_rules() -> list[tuple[str, re.Pattern[str]]]:
    """The rules in priority order (earlier wins a tie between equally long matches)."""
    return [(name, re.compile(rx, re.IGNORECASE)) for name, rx in _rules(load_lexicon())]


def _rules(lex: Lexicon) -> list[tuple[str, str]]:
    month = _capitalised(lex.alternation("month"))
    month_full = _capitalised("|".join(lex.full_names("month")))
    weekday_full = _capitalised("|".join(lex.full_names("weekday")))
    weekday_abbr = _capitalised("|".join(w for w in lex.words["weekday"] if len(w) <= 5))
    weekday = rf"(?:{weekday_full}|(?:{weekday_abbr})\.)"
    units = r"(?:decade|century|centuries|year|month|week|day|hour|minute|quarter)s?"
    more = r"(?:more|additional|extra|further|straight|consecutive)"
    num = _number_pattern(lex)
    vague = lex.alternation("vague")
    approx = (
        r"(?:about|around|nearly|almost|roughly|some|over|more\s+than|less\s+than|"
        r"at\s+least|just|only|barely|up\s+to|within|a\s+full)"
    )
    pod = lex.alternation("partofday")
    season = lex.alternation("season")
    ordinal = lex.alternation("ordinal")
    year = r"(?:1[6-9]\d\d|20\d\d)"
    year_any = rf"(?:{year}|{_spelled_year()})"  # "nineteen ninety-six" in transcripts
    day = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
    boundary = r"(?:the\s+)?(?i:end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+"
    lead = rf"(?:(?P<mod>(?i:early|late|mid|mid-|earlier|later)|{boundary})[\s-]*)?"
    return [
        ("iso", rf"\b(?P<y>{year})-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b(?!-)"),
        ("numeric", rf"\b(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>{year}|\d\d)\b"),
        (
            "dmy",
            rf"(?:\b(?P<wd>{weekday}),?\s+)?\b(?:the\s+)?(?P<d>{day})\s+(?:of\s+)?"
            rf"(?P<mon>{month})\b(?:\.(?!\s*$|\s+[A-Z]|\s*\n))?(?:,?\s+(?P<y>{year})\b)?",
        ),
        (
            "mdy",
            rf"(?:\b(?P<wd>{weekday}),?\s+)?\b(?P<mon>{month})\b(?:\.(?!\s*$|\s+[A-Z]|\s*\n))?\s+(?P<d>{day})\b"
            rf"(?:,?\s+(?P<y>{year})\b)?(?!\s*(?:-|%|,\d|\.\d|\d))",
        ),
        (
            "my",
            rf"{lead}\b(?P<mon>{month})\b(?:\.(?!\s*$|\s+[A-Z]|\s*\n))?,?\s+(?:of\s+)?(?P<y>{year_any})\b",
        ),
        (
            "monthrel",
            rf"{lead}\b(?P<mon>{month})\b\.?(?:\s+(?P<d>{day}))?,?\s+(?P<rel>last|this|next)\s+year\b",
        ),
        ("decade", rf"{lead}\b(?P<dec>(?:1[6-9]|20)\d)0'?s\b"),
        ("decade", rf"{lead}(?:\B'|\b)(?P<dec2>[0-9])0s\b"),
        ("decade", rf"{lead}\bthe\s+(?P<decw>{_DECADE_WORDS})\b"),
        (
            "quarter",
            rf"\b(?:the\s+)?(?:(?P<ya>year-earlier|year-ago|comparable|year-earlier)\s+)?"
            rf"(?P<q>{ordinal})[\s-]+(?:fiscal[\s-]+)?quarter\b(?:\s+of\s+(?P<y>{year}))?",
        ),
        ("quarter", rf"\b(?:fiscal\s+)?(?:the\s+)?(?P<y>{year})\s+(?P<q>{ordinal})[\s-]+quarter\b"),
        (
            "possq",
            rf"\b(?P<rel>this|last|next)\s+year's\s+(?:(?P<q>{ordinal})[\s-]+)?(?:fiscal\s+)?"
            r"(?:quarter|period)\b",
        ),
        ("qcode", rf"\bQ(?P<q>[1-4])(?:\s+(?P<y>{year}))?\b"),
        (
            "relq",
            r"\b(?P<rel>the\s+(?:latest|most\s+recent|recent|current|previous|same|"
            r"year-earlier|year-ago|comparable\s+year-earlier|comparable)|the|this|last|next|"
            r"year-earlier|year-ago)\s+(?:fiscal\s+)?(?:quarter|period)\b(?!s)",
        ),
        ("yearq", rf"\bthe\s+(?P<y>{year})\s+(?:fiscal\s+)?(?:quarter|period)\b(?!s)"),
        ("half", rf"\b(?:the\s+)?(?P<h>first|second|last)\s+half\s+of\s+(?P<y>{year})\b"),
        ("fiscal", rf"\b(?:fiscal(?:\s+year)?|FY)\s*(?P<y>{year})\b"),
        (
            "weekday",
            rf"{lead}\b(?:(?P<rel>last|next|this|this\s+coming|this\s+past|coming|past)\s+)?"
            rf"(?P<wd>{weekday})(?:\s+(?P<pod>{pod}))?\b",
        ),
        (
            "month",
            rf"{lead}\b(?:(?P<rel>last|next|this|this\s+past|the\s+coming)\s+)?"
            rf"(?P<mon>{month_full}|(?i:sept)\.)\b(?!-)",
        ),
        (
            "year",
            rf"{lead}\b(?:(?P<pre>fiscal|calendar|the\s+year)\s+)?(?P<y>{year_any}|{_MILLENNIUM})\b"
            r"(?![-/]\d|%|,\d|\.\d)",
        ),
        ("century", rf"\b(?:the\s+)?(?P<cn>\d{{1,2}}(?:st|nd|rd|th)|{ordinal})[\s-]+century\b"),
        (
            "season",
            rf"{lead}\b(?:(?P<rel>this|last|next|the|this\s+past|the\s+coming)\s+)?"
            rf"(?P<season>{season})\b(?:\s+(?:of\s+)?(?P<y>{year_any})\b)?",
        ),
        (
            "dayword",
            rf"(?:\b(?P<mod>later|earlier|early|late)\s+)?\b(?P<word>(?i:the\s+day\s+before"
            rf"\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tomorrow|tonight))\b"
            rf"(?:\s+(?P<pod>{pod}))?",
        ),
        ("dayword", rf"\b(?P<word>this|last|tomorrow|yesterday)\s+(?P<pod>{pod})\b"),
        (
            "relunit",
            rf"{lead}\b(?P<rel>last|next|this|past|coming|current|previous|the\s+past|"
            r"the\s+last|the\s+next|the\s+coming|the\s+current|the\s+previous|the\s+following|"
            r"the\s+same|that|the\s+full|the\s+current\s+fiscal|the\s+latest\s+fiscal|the\s+fiscal|"
            r"this\s+fiscal|last\s+fiscal|next\s+fiscal)\s+(?P<unit>week|month|year|decade|"
            r"century|weekend)\b(?!s|-)",
        ),
        ("yearago", r"\byear-(?:earlier|ago)\b"),
        # the current year or month named as such: "for the year", "by year-end"
        (
            "curperiod",
            r"\b(?:(?:the\s+)?end\s+of\s+the\s+(?P<unit>year|month)|year[-\s]end|year's\s+end"
            r"|the\s+year(?![-']|s\b|\s+(?:ended|ending|earlier|ago|before|after|following|in\s+which"
            r"|when|that|to|of\s+the|\d)\b))\b",
        ),
        # a reporting year, counted from the date that follows: "the year ended March 31"
        (
            "yearended",
            r"\bthe\s+(?:fiscal\s+|full\s+|financial\s+)?(?P<unit>year|quarter|month)s?"
            r"(?=\s+(?:ended|ending)\b)",
        ),
        ("weekend", r"\b(?:the|this|last|next)\s+weekend\b"),
        (
            "refday",
            r"\b(?P<word>(?i:the\s+(?:next|following|previous|same)\s+day|the\s+day\s+"
            r"(?:before|after)|that\s+day|the\s+next\s+morning|the\s+previous\s+night))\b",
        ),
        (
            "ago",
            rf"\b(?:(?P<approx>{approx})\s+)?(?P<n>{num}|{vague})[\s-]+(?P<unit>{units})\s+"
            r"(?P<dir>ago|earlier|later|from\s+now|hence)\b",
        ),
        (
            "duration",
            rf"\b(?:(?P<the>the\s+(?:past|last|next|coming|first|previous|latest|following|"
            rf"final|same|entire|full|whole|year-earlier|year-ago)|the)\s+)?(?:(?P<approx>{approx})\s+)?"
            rf"(?P<n>{num}|{vague})(?:\s+(?P<frac>1/2))?[\s-]+(?:(?P<half>and\s+a\s+half)\s+)?"
            rf"(?:{more}\s+)?(?P<unit>{units})\b(?![\s-]+old\b|-old)(?:-long)?"
            r"(?:\s+(?P<half2>and\s+a\s+half)\b)?",
        ),
        (
            "bareunit",
            # "weeks or months" first: at one position the first alternative that fits wins
            r"\b(?P<unit3>hours|days|weeks|months|years)\s+or\s+(?:days|weeks|months|years)\b"
            r"|(?:(?<=\bfor\s)|(?<=\bwithin\s))(?P<unit>years|months|weeks|days|decades|"
            r"centuries|hours)\b"
            r"|\b(?P<recent>recent|coming|past)\s+(?P<unit2>years|months|weeks|days"
            r"|decades)\b",
        ),
        (
            "unitdur",
            rf"\b(?<!-)(?P<n>a|an|one)\s+(?:{more}\s+)?(?P<unit>year|month|week|day)\b"
            r"(?!\s+or\b)",
        ),
        (
            "clock",
            r"(?:\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*(?P<ampm>(?i:a\.m\.?|p\.m\.?|am|pm)"
            r"(?![a-z]))|\b(?P<word>noon|midnight|midday))"
            # the day after the hour: "10 p.m. Wednesday", "5 p.m. EST Nov. 9"
            r"(?:(?:\s+(?P<tz>[ECMP][SD]T|GMT|UTC)\b)?,?\s+(?:on\s+)?"
            rf"(?:(?P<wd>{weekday_full})\b|(?P<mon>{month})\b\.?\s+(?P<d>{day})\b))?",
        ),
        (
            "holiday",
            r"\b(?:(?P<rel>last|next|this)\s+)?"
            rf"(?P<hol>{lex.alternation('holiday')}|{lex.alternation('floating')})\b",
        ),
        (
            "set",
            r"\b(?P<word>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))\b"
            r"|\b(?:every|each|per)\s+(?P<unit>day|week|month|year|night|morning|quarter|hour)\b"
            rf"|\b(?:every|each)\s+(?P<swd>{weekday_full})(?:\s+(?P<spod>{pod}))?\b"
            rf"|\b(?:every|each)\s+(?P<smon>{month_full})\b",
        ),
        (
            "ref",
            r"\b(?P<word>(?i:nowadays|now|currently|current|recently|recent|"
            r"lately|the\s+past|the\s+future|the\s+near\s+future|"
            r"these\s+days|at\s+present|the\s+time\s+being|once))\b",
        ),
    ]


_DECADE_WORDS = "twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: "the year two thousand (and one)": only after "the year", since "two thousand" counts too
_MILLENNIUM = rf"(?<=year\s)two\s+thousand(?:\s+and)?(?:\s+(?:{_TEENS}|{_ONES})\b)?"


def _spelled_year() -> str:
    """A year said in words: "nineteen ninety-six", "nineteen eighty", "nineteen oh five"."""
    rest = rf"(?:(?:{_TENS})(?:[\s-](?:{_ONES}))?|{_TEENS}|hundred|oh[\s-](?:{_ONES}))"
    return rf"(?:eighteen|nineteen)[\s-]+{rest}(?![\s-]+(?:hundred|thousand|percent|million))"


def _number_pattern(lex: Lexicon) -> str:
    tens = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    ones = "one|two|three|four|five|six|seven|eight|nine"
    words = lex.alternation("number")
    return rf"(?:\d{{1,3}}(?:\.\d+)?|(?:(?:{tens})[\s-](?:{ones})|{words}))"


def ranked_candidates(text: str) -> list[Candidate]:
    """Every rule's matches, longest first, then by rule priority, then by position."""
    found: list[tuple[int, int, int, Candidate]] = []
    for priority, (name, pattern) in enumerate(compiled_rules()):
        for m in pattern.finditer(text):
            if m.end() <= m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            cand = Candidate(m.start(), m.end(), name, groups)
            found.append((-(m.end() - m.start()), priority, m.start(), cand))
    return [c for *_, c in sorted(found, key=lambda f: f[:3])]
