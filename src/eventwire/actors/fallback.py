"""NER fallback for organisations the knowledge base does not know.

A spaCy ORG (or NORP) entity that no knowledge-base phrase covers becomes an actor only
when its country can be read from the sentence:

* a country name, adjective or capital that modifies the name's head noun: a possessive
  ("Taiwan's Mainland Affairs Council"), an adjective ("the Taiwanese Coastal Council")
  or a word inside the name ("Taiwan Foundation for Democracy");
* a country after "in", "of" or "from" attached to the head noun ("the Rural Council in
  Japan").

The sector comes from the head noun ("council" → GOV, "army" → MIL, "institute" → EDU);
with no such word the actor is coded by its country alone. Names with a word that marks
a sports team, a company or an event ("FC", "United", "Airlines", "Bank", "Cup") are
never actors. Both word lists are in ``data/actors/org_words.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.recognize import Candidate, token_index
from eventwire.errors import DataFileError

FILE = "org_words.tsv"
LABELS = frozenset({"ORG", "NORP"})
COUNTRY_PREPS = frozenset({"in", "of", "from"})


@dataclass(frozen=True)
class OrgWords:
    """Head nouns that give a sector, and words that keep a name out."""

    sectors: dict[str, tuple[str, ...]]
    exclude: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_org_words() -> OrgWords:
    """The packaged word lists, checked line by line."""
    from eventwire.actors.kb import load_knowledge_base

    text = (resources.files("eventwire") / "data" / "actors" / FILE).read_text(encoding="utf-8")
    return parse_org_words(text, FILE, frozenset(load_knowledge_base().sectors))


def parse_org_words(text: str, path: str, known_sectors: frozenset[str] | None = None) -> OrgWords:
    """Parse ``org_words.tsv`` text; a bad line raises DataFileError naming it."""
    sectors: dict[str, tuple[str, ...]] = {}
    exclude: set[str] = set()
    header_seen = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if cells != ["word", "kind", "sectors"]:
                raise DataFileError(
                    "header must be: word kind sectors", path=path, record=f"line {n}"
                )
            header_seen = True
            continue
        if len(cells) != 3 or not cells[0].strip():
            raise DataFileError("need 3 tab-separated cells: word, kind, sectors", path=path,
                                record=f"line {n}")  # fmt: skip
        word, kind, codes = (c.strip() for c in cells)
        if kind == "exclude":
            exclude.add(word)
        elif kind == "sector":
            found = tuple(c for c in codes.split("|") if c)
            bad = [c for c in found if known_sectors is not None and c not in known_sectors]
            if not found or bad:
                raise DataFileError(f"sector word {word!r} needs known sectors (see sectors.tsv)",
                                    path=path, record=f"line {n}")  # fmt: skip
            sectors[word.lower()] = found
        else:
            raise DataFileError(f"kind {kind!r} is not sector or exclude", path=path,
                                record=f"line {n}")  # fmt: skip
    return OrgWords(sectors, frozenset(exclude))


def add_named_organisations(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, words: OrgWords | None = None
) -> list[Candidate]:
    """Candidates for ORG/NORP entities outside the knowledge base whose country is known."""
    words = words or load_org_words()
    live = token_index(cands)
    countries = {
        i: c for c in cands if c.label == "country" and c.country and not c.absorbed
        for i in range(c.start, c.end)
    }  # fmt: skip
    new: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS or any(t.text in words.exclude for t in ent):
            continue
        inside = [live[i] for i in range(ent.start, ent.end) if i in live]
        if any(c.label != "country" for c in inside):
            continue  # the knowledge base knows (part of) this name
        country = _country_of(ent, countries)
        if country is None:
            continue
        for c in {id(c): c for c in inside}.values():
            c.absorbed = True  # "Taiwan" in "Taiwan Foundation for Democracy"
        start, end = ent.start, ent.end
        while start < end - 1 and doc[start].lower_ == "the":
            start += 1  # NER takes a leading "the" in; mentions start at the name
        if country.end <= ent.start:  # "Taiwan's X": the country becomes part of the mention
            start, end = country.start, max(ent.end, country.end)
            country.absorbed = True
        head = ent.root.lower_
        new.append(Candidate(
            start, end, "inst", entry=ent.text, country=country.country,
            sectors=list(words.sectors.get(head, ())), name=_name(ent),
            ident=f"org:{country.country}:{_name(ent)}", kind="institution",
        ))  # fmt: skip
    return sorted(cands + new, key=lambda c: c.start)


def _name(ent: Span) -> str:
    tokens = list(ent)
    while tokens and tokens[0].lower_ == "the":
        tokens = tokens[1:]
    return " ".join(t.text for t in tokens)


def _country_of(ent: Span, countries: dict[int, Candidate]) -> Candidate | None:
    """The country the sentence gives this name, or None."""
    root = ent.root
    for token in ent:
        if token.i in countries and token.i != root.i:
            return countries[token.i]
    for child in root.children:
        if child.i < ent.start and child.dep_ in ("poss", "amod", "compound", "nmod"):
            found = _country_token(child, countries)
            if found is not None:
                return found
        if child.dep_ == "prep" and child.lower_ in COUNTRY_PREPS and child.i >= ent.end:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.i in countries:
                    return countries[obj.i]
    return None


def _country_token(token: Token, countries: dict[int, Candidate]) -> Candidate | None:
    return countries.get(token.i)
