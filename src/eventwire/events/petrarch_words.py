"""The words of a PETRARCH verb pattern after its verb: which ones "_" ties together and
which ones stand in a prepositional phrase ("- * AID (TO +)": AID names the verb's object,
TO and its noun a phrase of the verb), read by :mod:`.petrarch_verbs`."""

from __future__ import annotations

import re

_WORDS = "up down out off away back over in on through together apart aside forward around"
PARTICLES = frozenset(_WORDS.split())
_WORDS = (
    "about above across after against along among around as at before behind below beside "
    "between beyond by despite during for from in inside into near of off on onto out "
    "outside over past per since through to toward towards under until upon via with "
    "within without"
)
PREPOSITIONS = frozenset(_WORDS.split())
MARKERS = frozenset({"$", "+", "%", "^"})


def adjacency(
    text: str, before: tuple[str, ...], after: tuple[str, ...]
) -> tuple[frozenset[int], frozenset[int]]:
    """Which words of the pattern "_" ties to the next one ("NEW_ECONOMIC_RELATIONS",
    "RECENTLY_*", "*_ON"): in ``before``, k ties word k to word k+1 and the last word to
    the verb; in ``after``, k ties word k to word k+1 and -1 the verb to the first word.
    Empty when the words read here differ from the pattern's own (no constraint then)."""
    pre, _, post = text.partition("*")
    words, ties, _lead, trail = _tied_words(pre)
    before_ties = ties | ({len(words) - 1} if trail and words else set())
    if tuple(words) != before:
        before_ties = set()
    words, ties, lead, _trail = _tied_words(post)
    after_ties = ties | ({-1} if lead and words else set())
    if tuple(words) != after:
        after_ties = set()
    return frozenset(before_ties), frozenset(after_ties)


def _tied_words(segment: str) -> tuple[list[str], set[int], bool, bool]:
    """The words of a pattern segment, the k whose word k is tied to word k+1 by "_", and
    whether "_" ties the segment's start and end to what is outside it (the verb)."""
    words: list[str] = []
    ties: set[int] = set()
    tie = False
    for piece in re.findall(r"_|[(){}]|[^\s_(){}]+", segment):
        if piece == "_":
            tie = True
        elif piece in "(){}" or piece in MARKERS:
            tie = False  # a bracket or an actor marker breaks the chain
        else:
            if tie and words:
                ties.add(len(words) - 1)
            words.append(piece.lower())
            tie = False
    return words, ties, segment.lstrip().startswith("_"), tie


def after_words(text: str) -> tuple[str, ...]:
    """The pattern's words after the verb, in order, without brackets and markers."""
    post = text.replace("_", " ").partition("*")[2]
    return tuple(w for w in re.findall(r"[^\s(){}]+", post.lower()) if w not in MARKERS)


def after_roles(text: str, words: tuple[str, ...]) -> tuple[bool, ...]:
    """For each of ``words`` (:func:`after_words` of ``text``), whether the pattern puts it
    in a prepositional phrase: inside "( … )", or from a bare preposition to the next
    bracket ("- * TO"), as PETRARCH-2 reads "Post-Verb Nouns (Post-Verb Prep Phrases)".
    A first word that is a particle ("- * DOWN &WEAPON") is none. Empty when the words
    read here differ from ``words`` (no constraint then)."""
    post = text.replace("_", " ").partition("*")[2]
    roles: list[bool] = []
    seen: list[str] = []
    bracketed = opened = False
    for token in re.findall(r"[()]|[^\s(){}]+", post.lower()):
        if token == "(":
            bracketed, opened = True, False
            continue
        if token == ")":
            bracketed = False
            continue
        if token in MARKERS:
            continue
        particle = not seen and token in PARTICLES - {"in", "on"}
        if not bracketed and not particle and token in PREPOSITIONS:
            opened = True
        seen.append(token)
        roles.append(bracketed or opened)
    return tuple(roles) if tuple(seen) == words else ()
