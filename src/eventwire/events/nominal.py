"""Nominal events: "talks between A and B", "a visit by A to B", "US sanctions on Iran",
"A's protest against B", and nouns carried by a light verb ("held talks with B",
"lodged a protest with B", "made its reservations known to B").

Source, in order: the noun's possessive, compound or adjective actor ("China's protest",
"US sanctions", "Japanese criticism"); its by-phrase ("a visit by A"); the subject of the
light verb that carries it. Target: the object of the pattern's preposition on the noun,
on the light verb, or on "known" in "make X known to/in Y". "between A and B" gives a
symmetric pair.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.actors import ActorMention
from eventwire.events.clauses import (
    MentionIndex,
    Slot,
    known_lemma,
    prep_objects,
    prepositions,
    public_complements,
    subjects,
)
from eventwire.events.lexicon import NounPattern
from eventwire.events.modality import APPEAL_VERBS, INTENT_VERBS

ModifierResolver = Callable[[Token, MentionIndex], ActorMention | None]

#: Verbs that carry a nominal event as their object without adding meaning of their own.
LIGHT_VERBS = frozenset(
    {"hold", "have", "make", "lodge", "file", "issue", "express", "voice", "launch", "conduct",
     "stage", "impose", "sign", "reach", "begin", "start", "open", "resume", "level", "raise",
     "give", "extend", "offer", "deliver", "pay", "convene", "host", "announce", "register",
     "put", "mount", "carry", "take", "slap", "air", "renew", "continue"}
)  # fmt: skip
#: Verbs whose subject is the source of the nominal event they take as object: light
#: verbs, verbs of intention ("plans talks") and of appeal ("demanded talks").
CARRIERS = LIGHT_VERBS | INTENT_VERBS | APPEAL_VERBS
ADDRESSEE_PREPS = ("to", "in", "with")


@dataclass
class NounClause:
    """A noun of the lexicon with the phrases around it that can hold its actors."""

    noun: Token
    light: Token | None  # the light, intention or appeal verb carrying it, if any
    heads: list[Token]  # tokens whose prepositions may introduce the target
    public: list[Token]  # "known" in "made X known to Y": its to/in-phrase is the addressee
    extra: list[Token] = field(default_factory=list)  # a deverbal noun's object ("of flights")

    @property
    def trigger(self) -> list[Token]:
        """The trigger phrase: the light verb, the noun and a deverbal noun's object."""
        return ([self.light] if self.light is not None else []) + [self.noun, *self.extra]


def noun_clause(noun: Token) -> NounClause:
    """The light verb (if any) and the prepositional heads of a lexicon noun."""
    light = None
    head = noun.head
    lemma = known_lemma(head, CARRIERS)
    if (noun.dep_ == "dobj" and lemma in CARRIERS) or (
        noun.dep_ == "nsubjpass" and lemma in LIGHT_VERBS  # "talks were held by …"
    ):
        light = head
    elif (
        noun.dep_ == "pobj"
        and head.lower_ == "for"
        and known_lemma(head.head, CARRIERS) in (APPEAL_VERBS | INTENT_VERBS)
    ):
        light = head.head  # "called for talks with X", "hoped for talks with X"
    elif noun.dep_ == "pobj" and head.lower_ in ("to", "on") and head.head.lemma_ == "agree":
        light = head.head  # "agreed to a ceasefire", "agreed on talks"
    heads = [noun] if light is None else [noun, light]
    public = public_complements(heads)
    return NounClause(noun, light, heads + public, public)


def noun_sources(
    clause: NounClause, index: MentionIndex, country_of: ModifierResolver
) -> list[tuple[ActorMention, bool]]:
    """Source actors of a nominal event, each with whether it was found on the noun itself.

    ``country_of`` reads a country name or adjective the actors stage left out because it
    only modified a noun ("US sanctions", "Japanese criticism")."""
    noun = clause.noun
    mention = index.modifier_actor(noun) or _modifier_country(noun, index, country_of)
    if mention is not None:
        return [(mention, True)]
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.pos_ == "NOUN":
        # "Canada's lack of ties with Cuba", "China's resumption of talks"
        mention = index.modifier_actor(holder) or _modifier_country(holder, index, country_of)
        if mention is not None:
            return [(mention, False)]
    # "the killing of civilians by troops": the by-phrase often hangs on the of-object
    by = prep_objects([noun, *prep_objects([noun], "of")], "by")
    found = [(m, True) for tok in by for m in index.actors(tok)]
    if found:
        return found
    if clause.light is not None:
        slots: list[Slot] = subjects(clause.light)
        found = [(m, s.direct) for s in slots for m in index.actors(s.token)]
        if found:
            return found
        # "Turkish jets carried out strikes": the country owning an unknown subject
        for slot in slots:
            if slot.token.pos_ == "NOUN":
                mention = _modifier_country(slot.token, index, country_of)
                if mention is not None:
                    return [(mention, slot.direct)]
    return []


def _modifier_country(
    noun: Token, index: MentionIndex, country_of: ModifierResolver
) -> ActorMention | None:
    for child in noun.children:
        if child.i < noun.i and child.dep_ in ("poss", "compound", "amod", "nmod"):
            mention = country_of(child, index)
            if mention is not None:
                return mention
    return None


def match_noun(
    patterns: list[NounPattern], clause: NounClause
) -> tuple[NounPattern, list[Token]] | None:
    """The first pattern whose target preposition is present (or that needs none), with
    the tokens of its target phrase."""
    available = prepositions(clause.heads)
    for pattern in patterns:
        if pattern.prep is not None and pattern.prep in available:
            return pattern, prep_objects(clause.heads, pattern.prep)
    bare = next((p for p in patterns if p.prep is None), None)
    if bare is None:
        # "A and B agreed to resume talks": a symmetric noun needs no preposition when
        # its parties are the carrier's conjoined subjects (Found.pairs checks there are two)
        bare = next((p for p in patterns if p.symmetric and p.prep != "between"), None)
    if (
        bare is None
        and clause.light is not None
        and known_lemma(clause.light, CARRIERS) in LIGHT_VERBS
    ):
        # "launched an attack that … on X", "carried out attacks": the light verb asserts the
        # event even when the target phrase is elsewhere; the target is sought by the caller
        bare = patterns[0]
    if bare is None:
        return None
    # "made its reservations known to/in Tokyo": whoever it is made known to is the target
    for prep in ADDRESSEE_PREPS:
        targets = prep_objects(clause.public, prep)
        if targets:
            return bare, targets
    return bare, []


def noun_keys(noun: Token) -> list[str]:
    """Lexicon keys of a noun, most specific first: for a hyphenated compound that the
    tokenizer split ("cease-fire" → cease, -, fire) the whole word with and without the
    hyphen, so "cease-fire" finds the row of "ceasefire" and not that of "fire"; its
    compound with the word before it ("hunger strike", not a labour strike); then its
    lemma and its form."""
    doc = noun.doc
    lemma = noun.lemma_.lower()
    keys: list[str] = []
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        first = doc[noun.i - 2].lower_
        keys += [f"{first}{lemma}", f"{first}-{lemma}"]
    before = doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.dep_ == "compound" and before.head == noun:
        keys += [f"{before.lower_} {lemma}", f"{before.lower_} {noun.lower_}"]
    return [*keys, lemma, noun.lower_]
