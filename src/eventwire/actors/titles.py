"""Titles before a name: ``data/actors/titles.tsv``.

"Lt. Gen. Prosper Avril", "Archbishop Desmond Tutu", "Sen. X": a military rank, a
religious or traditional title, or the abbreviation of an office says what a person is
even when the person is in no list, as CAMEO codes a general MIL and a cleric ELI. A
title is matched in the case written and counts only directly before a name (a
"Major" or a "Captain" elsewhere is an ordinary word): the person takes its sectors
and the mention keeps the name whole, title included. Role nouns that are actors on
their own ("the general said", "the president") stay in ``agents.tsv``.

Abbreviations that the English tokenizer splits ("Lt." → "Lt" "."), which also confuses
the parser, are made single tokens (:func:`add_title_tokens`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.language import Language

from eventwire.actors.kb_entries import Agent, normalise_name
from eventwire.actors.tsv import table_rows

FILE = "titles.tsv"
COLUMNS = ["title", "sectors", "gender", "forms"]
GENDERS = frozenset({"", "m", "f", "x"})


@dataclass(frozen=True)
class Titles:
    """Title rows by every form as written, each as the role entry a person takes."""

    by_form: dict[str, Agent]

    def named(self, text: str) -> Agent | None:
        """The title written ``text`` (spaces normalised), or None."""
        return self.by_form.get(" ".join(text.split()))

    def forms(self) -> list[str]:
        """Every title and form as written."""
        return sorted(self.by_form)


@functools.lru_cache(maxsize=1)
def load_titles() -> Titles:
    """The packaged file, checked line by line against the packaged sectors."""
    from eventwire.actors.kb import load_knowledge_base

    text = (resources.files("eventwire") / "data" / "actors" / FILE).read_text(encoding="utf-8")
    return parse_titles(text, FILE, frozenset(load_knowledge_base().sectors))


def parse_titles(text: str, path: str, sectors: frozenset[str] | None = None) -> Titles:
    """Parse ``titles.tsv`` text; a bad line raises DataFileError (E010) naming it."""
    by_form: dict[str, Agent] = {}
    seen: dict[str, int] = {}
    for n, cells, fail in table_rows(text, path, COLUMNS):
        title, codes, gender, forms = cells
        if not title:
            raise fail("the title cell is empty")
        found = tuple(c for c in codes.split("|") if c)
        if not found:
            raise fail("list the sectors the title gives (MIL for a rank, ELI for a cleric)")
        unknown = [c for c in found if sectors is not None and c not in sectors]
        if unknown:
            raise fail(f"sector {unknown[0]!r} is not in sectors.tsv")
        if gender not in GENDERS:
            raise fail(f"gender {gender!r} is not m, f or x")
        entry = Agent(normalise_name(title), found, "role", "sg", gender, ())
        for form in (title, *(f for f in forms.split("|") if f)):
            key = " ".join(form.split())
            if key in seen:
                raise fail(f"form {form!r} is already on line {seen[key]}")
            seen[key] = n
            by_form[key] = entry
    return Titles(by_form)


def add_title_tokens(nlp: Language, titles: Titles | None = None) -> None:
    """Make abbreviated titles ("Lt.", "Col.", "Brig.") one token each, as the tokenizer
    already does for "Gen." and "Rev."; split, they read as a word and a full stop."""
    titles = titles or load_titles()
    for form in titles.forms():
        for word in form.split():
            if word.endswith(".") and word[:-1].isalpha() and len(nlp.tokenizer(word)) > 1:
                nlp.tokenizer.add_special_case(word, [{"ORTH": word}])
