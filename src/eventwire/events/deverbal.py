"""Deverbal nouns: a noun naming the act of a verb takes that verb's patterns.

"Greece announced the suspension of flights with Turkey" says what "Greece suspended
flights with Turkey" says. Rather than repeat every verb row as a noun row, the table
``data/events/deverbal.tsv`` (``noun	verb	note``; the verb may carry a particle, "hand
over") maps such nouns to their verb, and the verb's rows of ``verbs.tsv`` are matched
with the noun's of-phrase standing for the verb's object ("suspension of *flights*") and
the prepositions on the noun or its light verb standing for the verb's ("*with* Turkey").
A noun with rows of its own in ``nouns.tsv`` keeps them; the table is read only for
nouns that have none. Sources are found as for any nominal event (:mod:`.nominal`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from eventwire.errors import DataFileError
from eventwire.events.clauses import prep_objects, prepositions
from eventwire.events.lexicon import Lexicon, VerbPattern, row_error, tsv_rows

DEVERBAL_HEADER = "noun\tverb\tnote"


@dataclass(frozen=True)
class Deverbal:
    """A noun of the table with the verb (and particle) whose act it names."""

    noun: str
    verb: str
    particle: str | None


def parse_deverbal(text: str, label: str) -> dict[str, Deverbal]:
    """Rows of a deverbal table by noun; a bad row raises E010 naming file and line."""
    rows: dict[str, Deverbal] = {}
    for number, fields in tsv_rows(text, label, DEVERBAL_HEADER):
        noun, verb = fields[0].strip().lower(), fields[1].strip().lower()
        if not noun or not verb:
            raise row_error(label, number, "a row needs a noun and a verb")
        if noun in rows:
            message = f"noun {noun!r} is already mapped on an earlier line; keep one row per noun"
            raise row_error(label, number, message)
        verb, _, particle = verb.partition(" ")
        rows[noun] = Deverbal(noun, verb, particle.strip() or None)
    return rows


@functools.cache
def load_deverbal() -> dict[str, Deverbal]:
    """The packaged table ``data/events/deverbal.tsv``."""
    path = resources.files("eventwire") / "data" / "events" / "deverbal.tsv"
    return parse_deverbal(path.read_text(encoding="utf-8"), "data/events/deverbal.tsv")


def check_verbs(table: dict[str, Deverbal], lexicon: Lexicon) -> None:
    """Every verb the table names must have rows in the lexicon (E010 otherwise)."""
    for row in table.values():
        if not lexicon.verb_patterns(row.verb):
            raise DataFileError(
                f"verb {row.verb!r} of noun {row.noun!r} has no row in verbs.tsv; "
                "add the verb's rows or drop the noun",
                path="data/events/deverbal.tsv",
                record=row.noun,
            )


def match_deverbal(
    row: Deverbal, lexicon: Lexicon, heads: list[Token]
) -> tuple[VerbPattern, list[Token]] | None:
    """The verb's most specific pattern met by the noun's phrases, with the noun's
    of-objects (what the act is done to: the verb's object; their prepositions count
    as the noun's, as a verb's object's do).

    ``heads`` are the noun and its light verb, whose prepositions may introduce the
    target. A pattern without an object row would code any "X of Y" and is used only
    when the pattern names a preposition that is present ("the withdrawal from X")."""
    noun = heads[0]
    objs = prep_objects([noun], "of")
    words = {w for o in objs for w in (o.lemma_.lower(), o.lower_)}
    # "suspension of flights with X": the target's phrase often hangs on the object
    available = prepositions([*heads, *objs]) - {"of"}
    for pattern in lexicon.verb_patterns(row.verb):
        if pattern.particle != row.particle:
            continue
        if pattern.obj is None and pattern.prep is None:
            continue
        if pattern.obj is not None and pattern.obj not in words:
            continue
        if pattern.prep is not None and pattern.prep not in available:
            continue
        return pattern, objs
    # "the imposition of sanctions" with the target elsewhere: the object names the act
    for pattern in lexicon.verb_patterns(row.verb):
        if pattern.particle == row.particle and pattern.obj is not None and pattern.obj in words:
            return pattern, objs
    return None
