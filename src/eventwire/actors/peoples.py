"""Peoples and regions inside states: ``data/actors/peoples.tsv``.

An ethnic or national group ("Yoruba", "Tamils", "Kosovo Albanians") or a region
("Darfur", "Chechnya") names no state of its own, yet CAMEO codes the groups of it by the
state they live in: "Yoruba militants" are NGAREB and "Darfur rebels" SDNREB. Each row
lists the state or states; a people or region spread over several ("Kurds": Turkey,
Iraq, Syria, Iran) takes one only when the article names exactly that one of them, and
none otherwise, since a guess would code the wrong state.

In a noun phrase the people or region gives its state to the agent it modifies (see
:mod:`eventwire.actors.compose`); a people on its own ("Tamils protested") is a
civilian actor (CVL); a region on its own is a place, never an actor, but it places
groups of people in its clause (see :mod:`eventwire.actors.groups`).

A nation's demonym after "the" and standing alone ("the Chinese protested", "the
Palestinians rejected the plan", "urged the Koreans to") is the nation acting, as
PETRARCH and the PLOVER gold code it (the country, no sector):
:func:`is_collective_demonym`. Counted, qualified, placed or without "the" ("thousands of
Chinese", "young Algerians", "Koreans in Japan", "urged Americans to leave") it is a
group of people (CVL).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from eventwire.actors.kb_entries import normalise_name
from eventwire.actors.tsv import table_rows

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from eventwire.actors.recognize import Candidate

FILE = "peoples.tsv"
COLUMNS = ["name", "forms", "kind", "countries", "sector", "note"]
KINDS = frozenset({"people", "region"})
CODE = re.compile(r"^[A-Z]{3}$")
# Heads of "X of Chinese" that count or part a group of people.
COUNTING = frozenset(
    {"thousands", "hundreds", "dozens", "millions", "tens", "scores", "many", "most", "some",
     "all", "group", "crowd", "number", "majority", "minority", "half", "third", "few"}
)  # fmt: skip
# Children that qualify a demonym into a group of people ("young", "100", "who live …").
QUALIFIERS = frozenset({"nummod", "amod", "quantmod", "compound", "acl", "relcl", "appos"})
# Prepositions whose object is where a people lives, not who acts ("among Kurds").
PLACE_PREPOSITIONS = frozenset({"in", "among", "across", "throughout", "near", "at"})


@dataclass(frozen=True)
class People:
    """One row: a people (``kind`` "people") or a region, and the states it lies in."""

    name: str
    forms: tuple[str, ...]
    kind: str
    countries: tuple[str, ...]
    sector: str
    note: str = ""

    def country_in(self, named: Iterable[str]) -> str | None:
        """The state this group belongs to: its only one, else the one of its states the
        article names when it names just one of them ("Kurdish fighters" in a story
        naming Turkey and Syria stay without a state), else none."""
        if len(self.countries) == 1:
            return self.countries[0]
        found = {c for c in named if c in self.countries}
        return found.pop() if len(found) == 1 else None


@dataclass(frozen=True)
class Peoples:
    """The rows and their name index (names and forms, case and accents folded)."""

    rows: tuple[People, ...]

    @functools.cached_property
    def _index(self) -> dict[str, People]:
        return {normalise_name(n): p for p in self.rows for n in (p.name, *p.forms)}

    def named(self, text: str) -> People | None:
        """The row with this name or form."""
        return self._index.get(normalise_name(text))

    def names(self) -> list[str]:
        """Every name and form as written (matched case-sensitively: they are names)."""
        return [n for p in self.rows for n in (p.name, *p.forms)]


@functools.lru_cache(maxsize=1)
def load_peoples() -> Peoples:
    """The packaged file, checked line by line against the packaged countries and sectors."""
    from eventwire.actors.kb import load_knowledge_base

    kb = load_knowledge_base()
    text = (resources.files("eventwire") / "data" / "actors" / FILE).read_text(encoding="utf-8")
    return parse_peoples(text, FILE, frozenset(kb.countries), frozenset(kb.sectors))


def parse_peoples(
    text: str,
    path: str,
    countries: frozenset[str] | None = None,
    sectors: frozenset[str] | None = None,
) -> Peoples:
    """Parse ``peoples.tsv`` text; a bad line raises DataFileError (E010) naming it."""
    rows: list[People] = []
    seen: dict[str, int] = {}
    for n, cells, fail in table_rows(text, path, COLUMNS):
        name, forms, kind, codes, sector, note = cells
        if not name:
            raise fail("the name cell is empty")
        if kind not in KINDS:
            raise fail(f"kind {kind!r} is not people or region")
        found = tuple(c for c in codes.split("|") if c)
        for code in found:
            if not CODE.match(code) or (countries is not None and code not in countries):
                raise fail(f"country {code!r} is not an ISO3 code of countries.tsv")
        if not found:
            raise fail("list at least one country; a people of several states lists them all")
        if kind == "people" and not sector:
            raise fail("a people needs a sector (CVL for the people as such)")
        if sector and sectors is not None and sector not in sectors:
            raise fail(f"sector {sector!r} is not in sectors.tsv")
        row = People(name, tuple(f for f in forms.split("|") if f), kind, found, sector, note)
        for form in (row.name, *row.forms):
            key = normalise_name(form)
            if seen.get(key, n) != n:  # spellings in one row may fold alike (Québécois)
                raise fail(f"name {form!r} is already on line {seen[key]}")
            seen[key] = n
        rows.append(row)
    return Peoples(tuple(rows))


def set_people(cand: Candidate, row: People | None, states: list[str]) -> None:
    """Resolve a matched people or region: its state (see :meth:`People.country_in`);
    a people is a plural civilian group, a region only a place."""
    if row is None:
        return
    cand.entry, cand.how, cand.country = row, row.kind, row.country_in(states)
    cand.name, cand.number = row.name, "pl"
    cand.sectors = [row.sector] if row.sector else []
    cand.kind = "agent" if row.kind == "people" else "country"
    cand.ident = f"{row.kind}:{row.name}"


def is_people_actor(doc: Doc, cand: Candidate, at: dict[int, Candidate]) -> bool:
    """A people on its own ("Tamils protested", "the Kurds") is an actor; a region, an
    adjective outside an agent phrase ("Kurdish culture") or a place ("among Kurds")
    is not. Agent phrases absorbed their modifier before this runs."""
    if cand.how != "people":
        return False
    root = cand.span(doc).root
    if root.pos_ == "ADJ" or root.dep_ in ("amod", "compound", "nmod", "poss"):
        return False
    return not (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS)


def is_collective_demonym(token: Token, invariant: bool) -> bool:
    """Whether a demonym noun stands alone for its nation ("the Chinese", "the Koreans"):
    plural (or the form that is also the adjective: "the Chinese") after "the", with no
    number, adjective, other determiner or placing phrase, and not counted ("thousands
    of the Chinese"). ``invariant``: the form is also the country's adjective."""
    if token.pos_ not in ("NOUN", "PROPN"):
        return False
    dets = [c for c in token.children if c.dep_ in ("det", "predet")]
    if any(d.lower_ != "the" for d in dets):
        return False
    for child in token.children:
        if child.dep_ in QUALIFIERS or (
            child.dep_ == "prep" and child.lower_ in PLACE_PREPOSITIONS | {"from"}
        ):
            return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in COUNTING:
        return False
    # without "the" a plural is some of the people: "urged Americans to leave",
    # "arrested Palestinians"; the form that is also the adjective is plural only so
    return bool(dets) and (invariant or token.tag_ in ("NNS", "NNPS"))
