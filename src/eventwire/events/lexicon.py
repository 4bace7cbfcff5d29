"""The event lexicon: verb and noun patterns that map English wording to CAMEO codes.

Package data in ``eventwire/data/events/`` (``verbs.tsv``, ``nouns.tsv``; formats in the
README beside them), written by the team from the CAMEO codebook's definitions. Every row
is validated on load; a bad row raises :class:`~eventwire.errors.DataFileError` naming
the file and line. PETRARCH verb dictionaries become a :class:`Lexicon` too
(:mod:`eventwire.events.petrarch_verbs`).
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.errors import DataFileError
from eventwire.events.cameo import is_known_code, load_cameo

VERBS_HEADER = "verb\tparticle\tobj\tprep\tcode\ttarget\tflags\tnote"
NOUNS_HEADER = "noun\tprep\tcode\tflags\tnote"
TARGETS = frozenset({"obj", "prep", "none"})
FLAGS = frozenset({"symmetric", "converse", "clause", "warning", "persons", "actors", "forces"})
#: Flags that say what a row's act is done to (:mod:`.acted_on`); at most one per row.
ACTED_ON_FLAGS = frozenset({"persons", "actors", "forces"})


@dataclass(frozen=True)
class VerbPattern:
    """A verb (with optional particle, object and target preposition) that codes an event."""

    verb: str  # lemma: "meet", "step"
    particle: str | None  # "up" for "step up"
    obj: str | None  # lemma of the direct object head ("talk" in "hold talks"); None = any
    prep: str | None  # preposition introducing the target ("with" in "meet with")
    code: str  # CAMEO code
    symmetric: bool  # consult/meet/negotiate/sign agreement …
    target: str  # where the target is: "obj", "prep" (object of `prep`), "none"
    where: str  # "verbs.tsv:123", the rule name and the place errors point to
    # "received aid from X", "faced pressure from X": the prep's object acts on the subject
    converse: bool = False
    # "undertook to withdraw": the row holds only with a clause or infinitive complement
    clause: bool = False
    # "warned X": a threat only when what is warned of is the warner's own act
    # (:func:`.complements.warning_code`)
    warning: bool = False
    # "persons"/"forces": the object, when there is one, must name people ("released
    # prisoners", not "released the results") or armed forces (:mod:`.acted_on`)
    acts_on: str | None = None

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Sort key, larger first: more constraints, then particle > object > preposition."""
        parts = (self.particle is not None, self.obj is not None, self.prep is not None)
        return (sum(parts), *parts)


@dataclass(frozen=True)
class NounPattern:
    """A noun ("talks", "sanctions") that codes an event, with its target preposition."""

    noun: str  # lemma: "talk", "visit", "sanction", "protest"
    prep: str | None  # preposition of the target ("to", "on", "against"); "between" = pair
    code: str
    symmetric: bool
    where: str
    # "persons"/"forces": the noun's of-phrase, when there is one, must name people or
    # armed forces ("the release of prisoners", not "of information": :mod:`.acted_on`)
    acts_on: str | None = None


@dataclass
class Lexicon:
    """Verb and noun patterns indexed by lemma."""

    verbs: list[VerbPattern] = field(default_factory=list)
    nouns: list[NounPattern] = field(default_factory=list)
    # What a conversion kept and dropped, e.g. {"converted": 812, "skipped: no verb": 3}.
    stats: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._verbs: dict[str, list[VerbPattern]] = defaultdict(list)
        self._nouns: dict[str, list[NounPattern]] = defaultdict(list)
        for verb in self.verbs:
            self._verbs[verb.verb].append(verb)
        for noun in self.nouns:
            self._nouns[noun.noun].append(noun)
        for patterns in self._verbs.values():
            # Stable sort: equally specific patterns keep file order.
            patterns.sort(key=lambda p: p.specificity, reverse=True)
        for nouns in self._nouns.values():
            nouns.sort(key=lambda p: p.prep is not None, reverse=True)

    def verb_patterns(self, lemma: str) -> list[VerbPattern]:
        """Patterns of a verb lemma, most specific first (particle+obj+prep > obj > prep > bare)."""
        return list(self._verbs.get(lemma.lower(), ()))

    def noun_patterns(self, lemma: str) -> list[NounPattern]:
        """Patterns of a noun lemma, those with a target preposition first."""
        return list(self._nouns.get(lemma.lower(), ()))

    def verb_lemmas(self) -> frozenset[str]:
        """Every verb lemma with at least one pattern."""
        return frozenset(self._verbs)

    def noun_lemmas(self) -> frozenset[str]:
        """Every noun lemma with at least one pattern."""
        return frozenset(self._nouns)

    def codes(self) -> set[str]:
        """Every CAMEO code some pattern uses."""
        return {p.code for p in self.verbs} | {p.code for p in self.nouns}

    def coverage(self) -> dict[str, object]:
        """Roots and 3-digit codes of the CAMEO table that some pattern codes (a 4-digit
        code counts for its 3-digit parent)."""
        table = load_cameo()
        used = self.codes()
        roots = sorted({code[:2] for code in used if code[:2] in table})
        three = sorted(code for code in table if len(code) == 3)
        covered = sorted({code[:3] for code in used if len(code) >= 3} & set(three))
        return {
            "roots": roots,
            "roots_covered": len(roots),
            "roots_total": 20,
            "codes_covered": len(covered),
            "codes_total": len(three),
            "share": len(covered) / len(three),
            "missing": sorted(set(three) - set(covered)),
        }


def _cell(value: str) -> str | None:
    value = value.strip().lower()
    return value or None


def tsv_rows(text: str, label: str, header: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, fields) of one of the data/events TSV files; checks header and
    column count (E010 naming file and line), skips blank lines and # comments."""
    columns = header.count("\t") + 1
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1:
            if line.rstrip("\r\n") != header:
                raise row_error(label, number, f"header must be: {header.replace(chr(9), ' | ')}")
            continue
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.rstrip("\r\n").split("\t")
        if len(fields) != columns:
            raise row_error(
                label, number, f"expected {columns} tab-separated columns, found {len(fields)}"
            )
        yield number, fields


def row_error(label: str, number: int, message: str) -> DataFileError:
    """E010 naming the file and line, pointing to the data files' README."""
    return DataFileError(
        f"{message} (see data/events/README.md)", path=label, record=f"line {number}"
    )


def _flags(value: str, label: str, number: int) -> frozenset[str]:
    flags = frozenset(flag.strip() for flag in value.split(",") if flag.strip())
    unknown = flags - FLAGS
    if unknown:
        raise row_error(
            label, number, f"unknown flag(s) {sorted(unknown)}; allowed: {sorted(FLAGS)}"
        )
    if len(flags & ACTED_ON_FLAGS) > 1:
        raise row_error(label, number, f"at most one of the flags {sorted(ACTED_ON_FLAGS)}")
    return flags


def _acts_on(flags: frozenset[str]) -> str | None:
    return next(iter(flags & ACTED_ON_FLAGS), None)


def _code(value: str, label: str, number: int) -> str:
    code = value.strip()
    if not is_known_code(code):
        raise row_error(label, number, f"{code!r} is not a CAMEO code in data/cameo/codes.tsv")
    return code


def parse_verbs(text: str, label: str) -> list[VerbPattern]:
    """Verb patterns of a ``verbs.tsv`` text; ``label`` names the file in errors and rules."""
    patterns: list[VerbPattern] = []
    seen: dict[tuple, int] = {}
    for number, fields in tsv_rows(text, label, VERBS_HEADER):
        verb, particle, obj, prep = (_cell(value) for value in fields[:4])
        code = _code(fields[4], label, number)
        target = fields[5].strip()
        if verb is None:
            raise row_error(label, number, "the verb column is empty")
        if target not in TARGETS:
            raise row_error(label, number, f"target {target!r} must be one of {sorted(TARGETS)}")
        if target == "prep" and prep is None:
            raise row_error(label, number, "target is 'prep' but the prep column is empty")
        flags = _flags(fields[6], label, number)
        symmetric, converse = "symmetric" in flags, "converse" in flags
        if converse and (target != "prep" or symmetric):
            raise row_error(label, number, "flag 'converse' needs target 'prep' and no 'symmetric'")
        for alternative in obj.split("|") if obj else [None]:
            # a row that holds only with a complement clause is another pattern than the
            # verb's plain row ("protest that X …" 110, "protest" 140)
            # a row for people or forces is another pattern than the verb's plain row
            # ("welcome" a visitor 043, "welcome" anything else 051)
            key = (verb, particle, alternative, prep, "clause" in flags, _acts_on(flags))
            if key in seen:
                raise row_error(label, number, f"pattern {key} already on line {seen[key]}")
            seen[key] = number
            where = f"{label}:{number}"
            patterns.append(
                VerbPattern(
                    verb,
                    particle,
                    alternative,
                    prep,
                    code,
                    symmetric,
                    target,
                    where,
                    converse,
                    "clause" in flags,
                    "warning" in flags,
                    _acts_on(flags),
                )
            )
    return patterns


def parse_nouns(text: str, label: str) -> list[NounPattern]:
    """Noun patterns of a ``nouns.tsv`` text; ``label`` names the file in errors and rules."""
    patterns: list[NounPattern] = []
    seen: dict[tuple, int] = {}
    for number, fields in tsv_rows(text, label, NOUNS_HEADER):
        noun, prep = _cell(fields[0]), _cell(fields[1])
        if noun is None:
            raise row_error(label, number, "the noun column is empty")
        code = _code(fields[2], label, number)
        flags = _flags(fields[3], label, number)
        if "converse" in flags:
            raise row_error(label, number, "flag 'converse' is for verbs.tsv only")
        symmetric = "symmetric" in flags
        if (noun, prep) in seen:
            raise row_error(
                label, number, f"pattern {(noun, prep)} already on line {seen[noun, prep]}"
            )
        seen[noun, prep] = number
        patterns.append(
            NounPattern(noun, prep, code, symmetric, f"{label}:{number}", _acts_on(flags))
        )
    return patterns


def _read(path: Path | Traversable) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("lexicon file not found; check the path", path=str(path)) from None


def read_lexicon(verbs: Path, nouns: Path | None = None) -> Lexicon:
    """A lexicon from a ``verbs.tsv`` and optional ``nouns.tsv`` (see data/events/README.md)."""
    verb_patterns = parse_verbs(_read(verbs), Path(verbs).name)
    noun_patterns = parse_nouns(_read(nouns), Path(nouns).name) if nouns is not None else []
    return Lexicon(verb_patterns, noun_patterns)


@functools.cache
def load_lexicon() -> Lexicon:
    """The packaged lexicon, read and validated once per process."""
    base = resources.files("eventwire") / "data" / "events"
    return Lexicon(
        parse_verbs(_read(base / "verbs.tsv"), "verbs.tsv"),
        parse_nouns(_read(base / "nouns.tsv"), "nouns.tsv"),
    )


def merge(lexicons: Iterable[Lexicon]) -> Lexicon:
    """One lexicon with the patterns of all, in order (earlier lexicons win ties)."""
    verbs: list[VerbPattern] = []
    nouns: list[NounPattern] = []
    for lexicon in lexicons:
        verbs.extend(lexicon.verbs)
        nouns.extend(lexicon.nouns)
    return Lexicon(verbs, nouns)
