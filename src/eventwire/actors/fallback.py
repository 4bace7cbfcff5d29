"""NER fallback for organisations the knowledge base does not know.

A spaCy ORG (or NORP) entity that no knowledge-base phrase covers becomes an actor only
when its country can be read from the sentence:

* a country name, adjective or capital that modifies the name's head noun: a possessive
  ("Taiwan's Mainland Affairs Council"), an adjective ("the Taiwanese Coastal Council")
  or a word inside the name ("Taiwan Foundation for Democracy");
* a country after "in", "of" or "from" attached to the head noun ("the Rural Council in
  Japan").

The sector comes from the head noun ("council" → GOV, "army" → MIL, "institute" → EDU),
else from another word of the name ("Observatory for Human Rights" → HRI), else from a
word that marks a company ("Malaysia Airlines" → MYSBUS: CAMEO codes a state's firms as
its business sector); with none the actor is coded by its country alone. Names with a
word that marks a sports team or an event ("FC", "United", "Cup") are never actors. The
word lists are in ``data/actors/org_words.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field, replace
from importlib import resources

from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.recognize import STANCE_PREFIXES, Candidate, token_index
from eventwire.errors import DataFileError

FILE = "org_words.tsv"
LABELS = frozenset({"ORG", "NORP"})
COUNTRY_PREPS = frozenset({"in", "of", "from"})
# Candidates whose bracketed acronym is their alias (see alias_acronyms).
ALIASED = frozenset({"org", "inst", "party"})
# Sectors a body can be coded by without a country (see _stateless).
STATELESS_SECTORS = frozenset({"NGO", "HRI", "ENV", "MED", "LAB"})


@dataclass(frozen=True)
class OrgWords:
    """Head nouns that give a sector, words that mark a company, words that keep a name out."""

    sectors: dict[str, tuple[str, ...]]
    exclude: frozenset[str]
    business: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def sectors_of(self, ent: Span) -> list[str]:
        """The sectors of a name: its head noun's, another word's, or a company word's."""
        head = self.sectors.get(ent.root.lower_)
        if head:
            return list(head)
        for token in ent:
            if token.lower_ in self.sectors:
                return list(self.sectors[token.lower_])
        for token in ent:
            if token.text in self.business:
                return list(self.business[token.text])
        return []


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
    business: dict[str, tuple[str, ...]] = {}
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
        elif kind in ("sector", "business"):
            found = tuple(c for c in codes.split("|") if c)
            bad = [c for c in found if known_sectors is not None and c not in known_sectors]
            if not found or bad:
                raise DataFileError(f"{kind} word {word!r} needs known sectors (see sectors.tsv)",
                                    path=path, record=f"line {n}")  # fmt: skip
            if kind == "sector":
                sectors[word.lower()] = found
            else:  # matched in the case written, like exclude words ("Air", "Co")
                business[word] = found
        else:
            raise DataFileError(f"kind {kind!r} is not sector, business or exclude", path=path,
                                record=f"line {n}")  # fmt: skip
    return OrgWords(sectors, frozenset(exclude), business)


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
        if ent[0].lower_.rstrip("-") in STANCE_PREFIXES:
            continue  # "Pro-Serbia" names a stance, not a body
        inside = [live[i] for i in range(ent.start, ent.end) if i in live]
        if any(c.label != "country" for c in inside):
            continue  # the knowledge base knows (part of) this name
        country = _country_of(ent, countries)
        if country is None:
            stateless = _stateless(doc, ent, words)
            if stateless is not None:
                new.append(stateless)
            continue
        for c in {id(c): c for c in inside}.values():
            c.absorbed = True  # "Taiwan" in "Taiwan Foundation for Democracy"
        start, end = ent.start, ent.end
        while start < end - 1 and doc[start].lower_ == "the":
            start += 1  # NER takes a leading "the" in; mentions start at the name
        if country.end <= ent.start:  # "Taiwan's X": the country becomes part of the mention
            start, end = country.start, max(ent.end, country.end)
            country.absorbed = True
        new.append(Candidate(
            start, end, "inst", entry=ent.text, country=country.country,
            sectors=words.sectors_of(ent), name=_name(ent),
            ident=f"org:{country.country}:{_name(ent)}", kind="institution",
        ))  # fmt: skip
    return sorted(cands + new, key=lambda c: c.start)


def _stateless(doc: Doc, ent: Span, words: OrgWords) -> Candidate | None:
    """A civil-society body with no country in the sentence ("the Association of African
    Jurists"): CAMEO codes an unknown NGO, union or newspaper by its sector alone. A
    council or an army without a country is too vague to stand for anyone."""
    sectors = words.sectors_of(ent)
    if not sectors or sectors[0] not in STATELESS_SECTORS:
        return None
    start = ent.start
    while start < ent.end - 1 and doc[start].lower_ == "the":
        start += 1
    return Candidate(
        start, ent.end, "inst", entry=ent.text, sectors=sectors, name=_name(ent),
        ident=f"org::{_name(ent)}", kind="institution",
    )  # fmt: skip


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


def alias_acronyms(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """An acronym in brackets right after a body's name is that body's alias ("the
    Montenegro Municipality Association (AKK)"), never looked up on its own, where it may
    name someone else (a person or a foreign body with the same letters). With the body
    coded, the acronym becomes a mention of it; with the body unknown, an acronym that
    the knowledge base reads as a person or a state is dropped."""
    live = token_index(cands)
    orgs = {e.end: e for e in doc.ents if e.label_ in LABELS}
    added: list[Candidate] = []
    for i in range(1, len(doc) - 2):
        if doc[i].text != "(" or doc[i + 2].text != ")" or not _is_acronym(doc[i + 1].text):
            continue
        body = live.get(i - 1)
        acronym = live.get(i + 1)
        if body is not None and body.end == i and body.label in ALIASED and body is not acronym:
            if acronym is not None and acronym.entry is body.entry:
                continue
            if acronym is not None:
                acronym.dropped = True
            added.append(replace(body, start=i + 1, end=i + 2, partners=[], absorbed=False))
        elif body is None and i in orgs and acronym is not None:
            acronym.dropped = acronym.label in ("person", "country")
    return sorted([*cands, *added], key=lambda c: c.start) if added else cands


def _is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
