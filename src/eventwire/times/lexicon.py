"""Word lists of the times stage (months, weekdays, numbers …) from ``data/times/words.tsv``."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

_FILE = "words.tsv"
#: kind -> how its value is checked: "int" (a whole number) or a set of allowed codes.
_KINDS: dict[str, object] = {
    "month": range(1, 13),
    "weekday": range(1, 8),
    "number": "int",
    "vague": "int-or-X",
    "ordinal": "int",
    "season": {"SP", "SU", "FA", "WI"},
    "partofday": {"MO", "AF", "EV", "NI"},
    "unit": {"D", "W", "M", "Q", "Y", "DE", "CE", "H", "MIN", "WE"},
    "holiday": "MM-DD",
    "floating": "MM-DD-N-W",
}


@dataclass(frozen=True)
class Lexicon:
    """Each kind of word mapped from its lower-case form to its value."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def get(self, kind: str, word: str) -> str | None:
        """The value of ``word`` (any case, trailing full stop ignored) as a ``kind``."""
        return self.words.get(kind, {}).get(word.lower().rstrip("."))

    def full_names(self, kind: str) -> list[str]:
        """The month or weekday names of ``kind`` written out ("september", "may",
        "monday"), not abbreviated ("sept", "mon")."""
        if kind == "weekday":
            return [w for w in self.words[kind] if w.endswith("day")]
        return [w for w in self.words[kind] if len(w) > 4 or w in {"may", "june", "july"}]

    def alternation(self, kind: str) -> str:
        """A regular-expression alternation of the words of ``kind``, longest first."""
        items = sorted(self.words.get(kind, {}), key=len, reverse=True)
        return "|".join(w.replace(" ", r"\s+") for w in items)


def parse_lexicon(text: str, path: str = _FILE) -> Lexicon:
    """Parse the word-list format, raising DataFileError with the line of any bad entry."""
    words: dict[str, dict[str, str]] = {kind: {} for kind in _KINDS}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise DataFileError(
                f"expected 3 tab-separated fields (kind, word, value), got {len(parts)}",
                path=path,
                record=f"line {number}",
            )
        kind, word, value = (p.strip() for p in parts)
        _check_entry(kind, word, value, path, number)
        words[kind][word] = value
    return Lexicon(words)


def _check_entry(kind: str, word: str, value: str, path: str, number: int) -> None:
    where = {"path": path, "record": f"line {number}"}
    if kind not in _KINDS:
        raise DataFileError(f"unknown kind {kind!r}; expected one of {sorted(_KINDS)}", **where)
    if not word or word != word.lower():
        raise DataFileError(f"word {word!r} must be non-empty and lower case", **where)
    rule = _KINDS[kind]
    if rule == "int" or rule == "int-or-X":
        ok = value.lstrip("-").isdigit() or (rule == "int-or-X" and value == "X")
    elif rule == "MM-DD":
        ok = len(value) == 5 and value[2] == "-" and value.replace("-", "").isdigit()
    elif rule == "MM-DD-N-W":
        ok = bool(re.fullmatch(r"(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])-[1-5]-[1-7]", value))
    elif isinstance(rule, range):
        ok = value.isdigit() and int(value) in rule
    else:
        ok = value in rule  # type: ignore[operator]
    if not ok:
        raise DataFileError(f"value {value!r} is not valid for a {kind}", **where)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged word lists, parsed and validated once."""
    source = resources.files("eventwire").joinpath("data", "times", _FILE)
    try:
        text = source.read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as err:
        raise DataFileError(f"packaged word list is missing: {err}", path=str(source)) from err
    return parse_lexicon(text, path=str(source))
