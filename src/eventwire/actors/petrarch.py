"""PETRARCH-format actor, agent and discard dictionaries → knowledge-base entries.

Users of the PETRARCH/Phoenix ecosystem keep their dictionaries: a folder with
``*actors*.txt``, ``*agents*.txt`` and ``*discards*.txt`` files is read here and merged into
(``mode="add"``) or substituted for (``mode="replace"``) eventwire's own name lists.

Formats read (as documented in the PETRARCH-2 dictionaries):

* actors: a primary phrase, optionally with a default ``[CODE]`` on its line; ``+synonym``
  lines; indented code lines ``[CODE]``, ``[CODE <YYMMDD]``, ``[CODE >YYMMDD]`` and
  ``[CODE YYMMDD-YYMMDD]`` (dates also as YYYYMMDD; two-digit years below 30 are 20xx,
  the others 19xx; bounds are inclusive). ``[---]`` is the null code; ``[FRO/BIL/SAM]``
  gives a compound actor several codes.
* agents: ``PHRASE {PLURALS} [~CODE]`` (code after the actor's, usually a sector) or
  ``[CODE~]`` (before it, e.g. ``IGO~``); ``{}`` means no plural; without braces the
  regular plural is made (+S, consonant+Y → IES, SS → SSES); ``!MARK! = A, B`` defines a
  substitution set used as ``CONGRESS!PERSON!``.
* discards: one phrase a line, ``+`` marks a story-level discard.

Common: ``_`` and spaces join words (a final ``_``, TABARI's no-stemming mark, changes
nothing), ``#`` and ``;`` start comments, lines starting with ``<!`` are comments,
``---STOP---`` ends a file. A phrase listed twice (as actor or as agent) belongs to the
last entry read, as PETRARCH-2 stores it. Differences from PETRARCH, on purpose:
phrase words must be consecutive (PETRARCH lets words intervene at a space connector) and
match whole tokens case-insensitively, so a stem such as ``MINIST`` matches only the token
"minist". A discard phrase keeps actor matches that overlap it out; sentence- and
story-level discarding belongs to the events stage, which can read :attr:`discards`.

Malformed lines (a code with no phrase before it, an unclosed bracket, a code that is not
letters and digits, an agent without a code, a bad date) raise
:class:`~eventwire.errors.DataFileError` naming the file and line when ``strict``. By
default (the published Phoenix files have a few such lines) a malformed line is skipped,
as PETRARCH does, and listed in :attr:`PetrarchDictionaries.problems`.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eventwire.actors.kb import Agent, KnowledgeBase
from eventwire.errors import DataFileError, InputError

MODES = ("add", "replace")
# First chunks of CAMEO codes that name a kind of transnational actor, not a state: the
# organisation's own code follows ("IGOUNO" → group UNO, sector IGO).
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UAF", "INT"})
_CODE = re.compile(r"^[A-Za-z0-9]+$")
_STOP = "---STOP---"


@dataclass(frozen=True)
class DatedCode:
    """A code valid from ``start`` to ``end`` (inclusive; None: open)."""

    code: str
    start: date | None
    end: date | None

    def covers(self, day: date) -> bool:
        """True when ``day`` is inside the restriction."""
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass
class DictionaryActor:
    """One actor record: its phrases and its codes (a default and date-restricted ones)."""

    phrases: list[str]
    default: str | None
    dated: list[DatedCode]
    where: str

    @property
    def name(self) -> str:
        """The primary phrase, in title case ("Kofi Annan")."""
        return " ".join(w.capitalize() if w.isupper() else w for w in self.phrases[0].split())

    def code_on(self, day: date | None) -> str | None:
        """The code valid on ``day``: the first restriction covering it, else the default.

        Without a day the default is used, else the restriction that ends last.
        """
        if day is not None:
            for dated in self.dated:
                if dated.covers(day):
                    return dated.code or None
            return self.default
        if self.default is not None or not self.dated:
            return self.default
        latest = max(self.dated, key=lambda d: d.end or date.max)
        return latest.code or None


@dataclass(frozen=True)
class DictionaryAgent:
    """One agent phrase with its plural forms and its code (``prefix``: ``IGO~`` style)."""

    phrase: str
    plurals: tuple[str, ...]
    code: str
    prefix: bool
    where: str


@dataclass
class PetrarchDictionaries:
    """Everything read from one folder of PETRARCH dictionaries."""

    actors: list[DictionaryActor] = field(default_factory=list)
    agents: list[DictionaryAgent] = field(default_factory=list)
    discards: list[tuple[str, bool]] = field(default_factory=list)  # (phrase, story-level)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def phrase_count(self) -> int:
        """Number of actor phrases (primary phrases and synonyms)."""
        return sum(len(a.phrases) for a in self.actors)


def load_petrarch_dictionaries(directory: Path, *, strict: bool = False) -> PetrarchDictionaries:
    """Read every ``*actors*.txt``, ``*agents*.txt`` and ``*discards*.txt`` file of a folder.

    A malformed line raises :class:`DataFileError` (file and line) when ``strict``; otherwise
    it is skipped and listed in ``problems``, as PETRARCH does, because the published
    dictionaries have a few such lines.
    """
    directory = Path(directory)
    if not directory.is_dir():
        raise InputError(f"{directory}: not a folder of PETRARCH dictionaries")
    found = PetrarchDictionaries()
    readers = (("actors", _ActorReader), ("agents", _AgentReader), ("discards", _DiscardReader))
    for kind, reader in readers:
        for path in sorted(directory.glob(f"*{kind}*.txt")):
            reader(path, found).read(_lines(path), strict)
            found.files.append(path.name)
    if not found.actors and not found.agents:
        raise InputError(
            f"{directory}: no *actors*.txt or *agents*.txt file; name PETRARCH dictionaries "
            "like Phoenix.Countries.actors.txt and Phoenix.agents.txt"
        )
    return found


def _lines(path: Path) -> list[tuple[int, str]]:
    """Numbered lines without comments; blank and comment lines dropped; stops at ---STOP---."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise DataFileError(f"cannot read the file: {err}", path=str(path)) from err
    lines: list[tuple[int, str]] = []
    for n, raw in enumerate(text.splitlines(), 1):
        if _STOP in raw:
            break
        if raw.lstrip().startswith(("#", "<!")):
            continue
        line = re.split(r"[#;]", raw, maxsplit=1)[0].rstrip()
        if line.strip():
            lines.append((n, line))
    return lines


def _fail(path: Path, n: int, message: str) -> DataFileError:
    return DataFileError(message, path=path.name, record=f"line {n}")


def _words(phrase: str) -> str:
    """ "THE_UNITED_NATIONS_" → "THE UNITED NATIONS"."""
    return " ".join(phrase.replace("_", " ").split())


def _bracket(path: Path, n: int, line: str) -> tuple[str, str]:
    """(text before "[", text inside the brackets)."""
    before, _, rest = line.partition("[")
    inside, closed, _ = rest.partition("]")
    if not closed:
        raise _fail(path, n, f"'[' without ']' in {line.strip()!r}")
    return before, inside.strip()


def _check_code(path: Path, n: int, code: str) -> str:
    """A code in upper case; "" for the null code ``---``. An actor with several codes
    (``THE_SHIRE [FRO/BIL/SAM]``: a compound actor) keeps them joined by "/": each of
    its events is coded once per code, as PETRARCH does (``events.build``)."""
    if set(code) == {"-"}:
        return ""
    if "/" in code:
        return "/".join(_check_code(path, n, part) or "---" for part in code.split("/"))
    if not _CODE.match(code):
        raise _fail(path, n, f"code {code!r} is not letters and digits (e.g. [USAGOV])")
    return code.upper()


# ---------------------------------------------------------------- actors


class _Reader:
    """Reads one file line by line; a malformed line raises or is recorded as a problem."""

    def __init__(self, path: Path, into: PetrarchDictionaries):
        self.path, self.into = path, into

    def read(self, lines: list[tuple[int, str]], strict: bool) -> None:
        for n, line in lines:
            try:
                self.line(n, line.strip())
            except DataFileError as err:
                if strict:
                    raise
                self.into.problems.append(f"{err}; line skipped")

    def line(self, n: int, text: str) -> None:
        raise NotImplementedError


class _ActorReader(_Reader):
    current: DictionaryActor | None = None

    def line(self, n: int, text: str) -> None:
        path = self.path
        if text.startswith("["):
            if self.current is None:
                raise _fail(path, n, "a code line before any actor phrase")
            self.code(n, text, self.current)
        elif text.startswith("+"):
            if self.current is None:
                raise _fail(path, n, "a '+synonym' line before any actor phrase")
            if phrase := _words(text[1:].split("[")[0]):
                self.current.phrases.append(phrase)
        else:
            phrase_text, code = _bracket(path, n, text) if "[" in text else (text, None)
            phrase = _words(phrase_text)
            if not phrase:
                raise _fail(path, n, f"no phrase before the code in {text!r}")
            self.current = DictionaryActor([phrase], None, [], f"{path.name}:{n}")
            self.into.actors.append(self.current)
            if code:
                self.current.default = _check_code(path, n, code.split()[0]) or None

    def code(self, n: int, text: str, actor: DictionaryActor) -> None:
        _, inside = _bracket(self.path, n, text)
        code_text, _, restriction = inside.partition(" ")
        code = _check_code(self.path, n, code_text)
        if not restriction.strip():
            actor.default = code or None
            return
        try:
            actor.dated.append(_restriction(code, restriction.strip()))
        except ValueError as err:
            raise _fail(self.path, n, str(err)) from None


def _restriction(code: str, text: str) -> DatedCode:
    """``<950101`` / ``>950101`` / ``950101-990101`` → a DatedCode."""
    text = text.replace(" ", "")
    if text[:1] == "<":
        return DatedCode(code, None, _date(text[1:]))
    if text[:1] == ">":
        return DatedCode(code, _date(text[1:]), None)
    first, dash, last = text.partition("-")
    if not dash:
        raise ValueError(f"date restriction {text!r} is not <DATE, >DATE or DATE-DATE")
    start, end = _date(first), _date(last)
    if end < start:
        raise ValueError(f"date restriction {text!r} ends before it starts")
    return DatedCode(code, start, end)


def _date(text: str) -> date:
    """YYMMDD (years below 30 are 20xx) or YYYYMMDD."""
    if not text.isdigit() or len(text) not in (6, 8):
        raise ValueError(f"date {text!r} is not YYMMDD or YYYYMMDD")
    if len(text) == 6:
        year = int(text[:2])
        text = f"{2000 + year if year < 30 else 1900 + year}{text[2:]}"
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise ValueError(f"date {text!r} is not a calendar date") from None


# ---------------------------------------------------------------- agents and discards


class _AgentReader(_Reader):
    def __init__(self, path: Path, into: PetrarchDictionaries):
        super().__init__(path, into)
        self.markers: dict[str, list[str]] = {}

    def line(self, n: int, text: str) -> None:
        path = self.path
        if text.startswith("!") and "=" in text and "[" not in text:
            name, _, values = text.partition("=")
            members = [v.strip() for v in values.split(",") if v.strip()]
            self.markers[name.strip().strip("!")] = members
            return
        if "[" not in text:
            raise _fail(path, n, f"agent {text!r} has no [~CODE]")
        before, inside = _bracket(path, n, text)
        prefix = inside.endswith("~")
        if not (inside.startswith("~") or prefix):
            raise _fail(path, n, f"agent code {inside!r} needs '~' before or after it")
        code = _check_code(path, n, inside.strip("~"))
        phrase, plurals = _plurals(path, n, before)
        for expanded, forms in _substitute(path, n, phrase, plurals, self.markers):
            self.into.agents.append(
                DictionaryAgent(expanded, forms, code, prefix, f"{path.name}:{n}")
            )


def _plurals(path: Path, n: int, text: str) -> tuple[str, tuple[str, ...] | None]:
    """(phrase, given plurals or None for the regular plural)."""
    if "{" not in text:
        return text.strip(), None
    phrase, _, rest = text.partition("{")
    inside, closed, _ = rest.partition("}")
    if not closed:
        raise _fail(path, n, f"'{{' without '}}' in {text.strip()!r}")
    return phrase.strip(), tuple(_words(p) for p in inside.split() if _words(p))


def _substitute(
    path: Path, n: int, phrase: str, plurals: tuple[str, ...] | None, markers: dict
) -> list[tuple[str, tuple[str, ...]]]:
    """The phrase with its forms; a !MARK! phrase expands to one phrase per set member."""
    match = re.search(r"!([^!]+)!", phrase)
    if match is None:
        words = _words(phrase)
        forms = plurals if plurals is not None else (_regular_plural(words),)
        return [(words, tuple(f for f in forms if f and f != words))]
    if match.group(1) not in markers:
        raise _fail(path, n, f"substitution set !{match.group(1)}! is not defined above")
    # members of a set are complete forms (MAN, MEN): no plural is added to them
    return [
        (_words(phrase[: match.start()] + member + phrase[match.end() :]), ())
        for member in markers[match.group(1)]
    ]


def _regular_plural(words: str) -> str:
    last = words.split()[-1] if words else ""
    if last.endswith("SS"):
        plural = last + "ES"
    elif last.endswith("Y") and len(last) > 1 and last[-2] not in "AEIOU":
        plural = last[:-1] + "IES"
    else:
        plural = last + "S"
    return words[: len(words) - len(last)] + plural


class _DiscardReader(_Reader):
    def line(self, n: int, text: str) -> None:
        if phrase := _words(text.lstrip("+")):
            self.into.discards.append((phrase, text.startswith("+")))


# ---------------------------------------------------------------- knowledge base


def split_code(code: str, kb: KnowledgeBase) -> tuple[str | None, list[str]]:
    """(ACTOR.country, sectors) of a CAMEO code: "TWNGOV" → ("TWN", ["GOV"]).

    A transnational prefix is a sector and the group code follows ("IGOUNO" → "UNO").
    """
    code = code.split("/")[0]  # a compound actor ("FRO/BIL/SAM"): its first code
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return None, []
    if chunks[0] not in kb.countries and chunks[0] in TRANSNATIONAL and len(chunks) > 1:
        return chunks[1], [chunks[0], *chunks[2:]]
    return chunks[0], chunks[1:]


def dictionary_agents(dicts: PetrarchDictionaries) -> dict[str, Agent]:
    """PETRARCH agents as knowledge-base agents, keyed by lower-case phrase; of a phrase
    listed twice the last entry wins, as PETRARCH-2 stores agents."""
    agents: dict[str, Agent] = {}
    for entry in dicts.agents:
        phrase = entry.phrase.lower()
        sectors = tuple(entry.code[i : i + 3] for i in range(0, len(entry.code), 3))
        forms = tuple(f.lower() for f in entry.plurals)
        agents[phrase] = Agent(phrase, sectors, "role", "sg", "", forms)
    return agents


def with_dictionaries(
    kb: KnowledgeBase, dicts: PetrarchDictionaries, mode: str = "add"
) -> KnowledgeBase:
    """A copy of ``kb`` that recognises the dictionaries' phrases beside or instead of its own.

    ``replace`` keeps the knowledge base's countries, sectors and organisations for naming
    codes, but matches only the dictionaries' actor and agent phrases.
    """
    if mode not in MODES:
        raise InputError(f"dictionary mode {mode!r} is not one of {', '.join(MODES)}")
    merged = copy.copy(kb)
    merged.dictionary = dicts
    merged.own_names = mode == "add"
    theirs = dictionary_agents(dicts)
    merged.agents = {**theirs, **kb.agents} if mode == "add" else theirs
    merged.rebuild_agent_index()
    return merged
