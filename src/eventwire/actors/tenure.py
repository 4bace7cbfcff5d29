"""Office holders on the article's day: a listed person holds office only within a term.

``people.tsv`` lists office holders with the dates of each term, and the knowledge base
matches their names and one-word aliases ("Fox", "Wong", "Smith"). Without a look at
the article's date every match would be the office holder, yet a surname names many
people: a 2012 report on an athlete called Fox is not about a defence secretary who left
office the year before, and a 2016 report on a Hong Kong activist called Wong is not
about a foreign minister appointed in 2022. So, once the article's day is known:

* a one-word alias names the listed person only while that person is in office on the
  day, or when the article also names the person in full ("Joe Biden … Biden");
* a one-word alias after an office ("President Bush") or before a body it heads ("the
  Bush administration") is written as an office holder, and is kept;
* but a one-word alias that is the first or last word of another person's full name in
  the article ("Joshua Wong", "Henry Wallace") stands for that person, unless the listed
  person is also named in full;
* a person named in full with no term on the day holds no office then: an elite (ELI)
  of the term's country, as CAMEO codes former officials, and never the government.
  A role noun written before or beside the name ("vice-president X") still gives its
  sector (see ``attach_roles`` in :mod:`eventwire.actors.component`).

Without a date (gold sentences with none) nothing changes: the latest term stands.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from eventwire.actors.kb import Agent, RoleTerm
from eventwire.actors.recognize import Candidate, token_index

#: Words before a name that are not part of it.
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Lord", "Lady"})
#: Role marker of a person matched by name who held no listed office on the article's day.
OUT_OF_OFFICE = "out-of-office"


def settle_tenure(doc: Doc, cands: list[Candidate], day: date | None) -> None:
    """Drop aliases that name someone else and make people out of office on ``day`` elites."""
    if day is None:
        return
    people = [c for c in cands if isinstance(c.entry, RoleTerm) and not c.dropped]
    in_full = {c.entry.name for c in people if c.end - c.start > 1 or _is_full(doc, c)}
    others = _other_people(doc, cands, people)
    at = token_index(cands)
    for cand in people:
        term: RoleTerm = cand.entry  # type: ignore[assignment]
        alias = not _is_full(doc, cand) and cand.end - cand.start == 1
        if alias and term.name not in in_full:
            other = doc[cand.start].text in others
            if other or not (term.active_on(day) or _in_office_phrase(cand, at)):
                cand.dropped = True
                continue
        if not term.active_on(day):
            cand.sectors = ["ELI"]
            cand.role = [*cand.role, OUT_OF_OFFICE]


def _in_office_phrase(cand: Candidate, at: dict[int, Candidate]) -> bool:
    """An office right before the name ("President X") or a body right after it ("the X
    administration"): the text presents the name as an office holder's."""
    before, after = at.get(cand.start - 1), at.get(cand.end)
    return any(
        isinstance(other.entry, Agent)
        and other.entry.kind == kind
        and (kind == "institution" or other.entry.number == "sg")
        for other, kind in ((before, "role"), (before, "member"), (after, "institution"))
        if other is not None and not other.dropped
    )


def out_of_office(cand: Candidate) -> bool:
    """Whether ``cand`` is a listed person who held no listed office on the article's day."""
    return OUT_OF_OFFICE in cand.role


def _is_full(doc: Doc, cand: Candidate) -> bool:
    """Whether the candidate is written as the person's name (not a one-word alias)."""
    term: RoleTerm = cand.entry  # type: ignore[assignment]
    text = " ".join(cand.span(doc).text.split())
    return text == term.name or (" " in text and text in term.names)


def _other_people(doc: Doc, cands: list[Candidate], people: list[Candidate]) -> set[str]:
    """First and last words of the full names of people the knowledge base does not list
    ("Joshua Wong"): a NER person of two or more name words that no listed name covers.
    Titles, role nouns and honorifics the entity took in ("President Obama", "Mr Wong")
    are no name words."""
    listed = {i for c in people if c.end - c.start > 1 for i in range(c.start, c.end)}
    other = {i for c in cands if c.label != "person" for i in range(c.start, c.end)}
    words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not listed.isdisjoint(range(ent.start, ent.end)):
            continue
        names = [t for t in ent if _name_word(t.text) and t.i not in other]
        if len(names) > 1:
            words.update((names[0].text, names[-1].text))
    return words


def _name_word(text: str) -> bool:
    return text[:1].isupper() and text.rstrip(".") not in HONORIFICS
