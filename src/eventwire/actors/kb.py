"""The actor knowledge base: validated entries → the lookups recognisers and coders use.

Entry types live in :mod:`.kb_entries`, file reading and validation in :mod:`.kb_files`
(``README.md`` beside the data files documents every column and the user-extension
format). Every public name stays importable from here.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from eventwire.actors.kb_entries import (
    KINDS,
    ROLES,
    STANCES,
    TABLES,
    TYPES,
    Agent,
    Country,
    Entry,
    Institution,
    Organisation,
    Party,
    RoleTerm,
    Sector,
    Where,
    _is_acronym,
    normalise_name,
)
from eventwire.actors.kb_files import read_entries
from eventwire.errors import DataFileError

if TYPE_CHECKING:
    from eventwire.actors.petrarch import PetrarchDictionaries

__all__ = [
    "KINDS", "ROLES", "STANCES", "TABLES", "TYPES", "Agent", "Country", "Entry", "Institution",
    "KnowledgeBase", "Organisation", "Party", "RoleTerm", "Sector", "Where", "check_user_file",
    "load_knowledge_base", "normalise_name", "to_cameo_code",
]  # fmt: skip


def to_cameo_code(
    country: str | None, sectors: Iterable[str], kb: KnowledgeBase | None = None
) -> str:
    """Full CAMEO actor code: ("TWN", ["LEG"]) → "TWNLEG"; ("UNO", ["IGO"]) → "IGOUNO"."""
    sectors = list(dict.fromkeys(sectors))
    if not country:
        return "".join(sectors)
    base = kb or load_knowledge_base()
    org = None if country in base.countries else base.organisation_for_country_code(country)
    if org is None:
        return country + "".join(sectors)
    chunks = {org.code[i : i + 3] for i in range(0, len(org.code), 3)} | set(org.sectors)
    return org.code + "".join(s for s in sectors if s not in chunks)


class KnowledgeBase:
    """All entries plus the indexes that recognisers and coders look names up in."""

    def __init__(self, entries: dict[str, dict[tuple, Entry]]):
        self.sectors: dict[str, Sector] = {e.code: e for e in entries["sector"].values()}
        self.countries: dict[str, Country] = {e.code: e for e in entries["country"].values()}
        self.organisations: dict[str, Organisation] = {
            e.code: e for e in entries["organisation"].values()
        }
        self.parties: tuple[Party, ...] = tuple(entries["party"].values())
        self.institutions: tuple[Institution, ...] = tuple(entries["institution"].values())
        self.agents: dict[str, Agent] = {e.phrase: e for e in entries["agent"].values()}
        self.people: tuple[RoleTerm, ...] = tuple(entries["person"].values())
        self._country_names = _Index()
        for c in self.countries.values():
            for kind, names in (
                ("name", (c.name, *c.names)), ("adjective", c.adjectives),
                ("demonym", c.demonyms), ("capital", (c.capital, *c.capital_names, *c.seats)),
            ):  # fmt: skip
                for n in names:
                    self._country_names.add(n, (c, kind))
        self._org_names = _Index.of(self.organisations.values(), lambda o: (o.name, *o.names))
        self._party_names = _Index.of(self.parties, lambda p: (p.name, *p.names))
        self._inst_names = _Index.of(self.institutions, lambda i: (i.name, *i.names))
        self._people_names = _Index.of(self.people, lambda t: (t.name, *t.names))
        self.rebuild_agent_index()
        # PETRARCH dictionaries (see .petrarch.with_dictionaries): matched beside our own
        # names, or instead of them when ``own_names`` is False
        self.dictionary: PetrarchDictionaries | None = None
        self.own_names = True
        self._org_by_group: dict[str, Organisation] = {}
        for o in sorted(self.organisations.values(), key=lambda o: (bool(o.parent), len(o.code))):
            self._org_by_group.setdefault(o.country, o)

    def rebuild_agent_index(self) -> None:
        """Re-index agent phrases and forms after ``agents`` changed."""
        self._agent_forms = _Index.of(self.agents.values(), lambda a: (a.phrase, *a.forms))

    def agent_name(self, country: str, phrase: str) -> str:
        """Canonical name of a state's or organisation's agent, in one style everywhere:
        the country's adjective before the phrase ("Chinese government", "Japanese defence
        ministry"), the organisation's name for a group code ("United Nations troop")."""
        state = self.countries.get(country)
        if state is not None:
            return (
                f"{state.adjectives[0]} {phrase}"
                if state.adjectives
                else f"{phrase} of {state.name}"
            )
        group = self.organisation_for_country_code(country)
        return f"{group.name if group else country} {phrase}"

    def country(self, code: str) -> Country | None:
        """The country with this ISO3 (or TWN/XKX…) code."""
        return self.countries.get(code)

    def countries_named(
        self, text: str, kinds: Iterable[str] = ("name", "adjective", "demonym", "capital")
    ) -> tuple[tuple[Country, str], ...]:
        """Countries that ``text`` can stand for, with how (name/adjective/demonym/capital)."""
        wanted = set(kinds)
        return tuple(dict.fromkeys(m for m in self._country_names.get(text) if m[1] in wanted))

    def country_for(
        self, text: str, kinds: Iterable[str] = ("name", "adjective", "demonym")
    ) -> Country | None:
        """The one country that ``text`` names; None when none or several match."""
        found = {c.code: c for c, _ in self.countries_named(text, kinds)}
        return next(iter(found.values())) if len(found) == 1 else None

    def is_ambiguous(self, text: str) -> bool:
        """True when a country listed ``text`` as needing context (Chad, Jordan, Georgia…)."""
        key = normalise_name(text)
        return any(
            key in {normalise_name(a) for a in c.ambiguous} for c, _ in self.countries_named(text)
        )

    def organisation(self, code: str) -> Organisation | None:
        """The organisation with this full CAMEO code (``IGOUNO``)."""
        return self.organisations.get(code)

    def organisation_for_country_code(self, group: str) -> Organisation | None:
        """The main organisation behind an ACTOR.country code (``UNO`` → the UN)."""
        return self._org_by_group.get(group)

    def organisations_named(self, text: str) -> tuple[Organisation, ...]:
        """Organisations with this name or alias."""
        return self._org_names.get(text)

    def parties_named(self, text: str, country: str | None = None) -> tuple[Party, ...]:
        """Parties with this name or alias, optionally of one country."""
        return tuple(p for p in self._party_names.get(text) if country in (None, p.country))

    def institutions_named(self, text: str, country: str | None = None) -> tuple[Institution, ...]:
        """Named institutions ("Kremlin", "Diet"), optionally of one country."""
        return tuple(i for i in self._inst_names.get(text) if country in (None, i.country))

    def agent(self, phrase: str) -> Agent | None:
        """The agent entry for a role noun or institution phrase, or any of its forms."""
        found = self._agent_forms.get(phrase)
        return found[0] if found else None

    def people_named(self, text: str, on: date | None = None) -> tuple[RoleTerm, ...]:
        """Role terms of people called ``text``; with ``on``, only the terms valid that day."""
        return tuple(t for t in self._people_names.get(text) if on is None or t.active_on(on))

    def office_holders(self, country: str, role: str, on: date) -> tuple[RoleTerm, ...]:
        """Who held ``role`` in ``country`` on a day ("the Japanese prime minister")."""
        return tuple(
            t for t in self.people if t.country == country and role in t.roles and t.active_on(on)
        )


class _Index:
    """Name → entries, exact for acronyms and folded for everything else."""

    def __init__(self) -> None:
        self._exact: dict[str, list] = defaultdict(list)
        self._folded: dict[str, list] = defaultdict(list)

    @classmethod
    def of(cls, entries: Iterable, names: Callable[[object], Iterable[str]]) -> _Index:
        index = cls()
        for e in entries:
            for n in names(e):
                index.add(n, e)
        return index

    def add(self, name: str, value: object) -> None:
        if _is_acronym(name):
            self._exact[" ".join(name.split())].append(value)
        else:
            self._folded[normalise_name(name)].append(value)

    def get(self, text: str) -> tuple:
        found = self._exact.get(" ".join(text.split()), []) + self._folded.get(
            normalise_name(text), []
        )
        return tuple(dict.fromkeys(found))


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase(read_entries())


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base, plus users' extension files (cached when there are none)."""
    if not extra_files:
        return _default_kb()
    return KnowledgeBase(read_entries(extra_files))


def check_user_file(path: Path) -> list[str]:
    """Problems found in a user's extension file (empty when it is valid); never raises."""
    problems: list[str] = []
    try:
        read_entries([Path(path)], errors=problems)
    except DataFileError as err:  # a whole-file problem (unreadable, wrong suffix, no header)
        problems.append(str(err))
    return problems
