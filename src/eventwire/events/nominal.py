"""Nominal events: "talks between A and B", "a visit by A to B", "US sanctions on Iran",
"A's protest against B", and nouns carried by a light verb ("held talks with B",
"lodged a protest with B", "made its reservations known to B").

Source, in order: the noun's possessive, compound or adjective actor ("China's protest",
"US sanctions", "Japanese criticism"); its by-phrase ("a visit by A"); the subject of the
light verb that carries it. Target: the object of the pattern's preposition on the noun,
on the light verb, or on "known" in "make X known to/in Y". "between A and B" gives a
symmetric pair.

An act of force named by a noun (roots 18–20) often has its target in the clause
around it rather than on the noun (:func:`victims`): "three soldiers were killed in an
Israeli air strike" (the victims: CAMEO codes who is hit as the target), "an air raid by
Russian jets killed four civilians", "Ukrainian troops engaged Russian forces in a
firefight" (the object of "engage … in"). With no victim phrase, the caller falls back
to the place where the force is used.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.actors import ActorMention
from eventwire.events.clauses import (
    Slot,
    known_lemma,
    prep_objects,
    prepositions,
    public_complements,
    subjects,
)
from eventwire.events.complements import load_object_nouns
from eventwire.events.lexicon import NounPattern
from eventwire.events.mentions import MentionIndex
from eventwire.events.modality import APPEAL_VERBS, INTENT_VERBS

ModifierResolver = Callable[[Token, MentionIndex], ActorMention | None]

#: Verbs that carry a nominal event as their object without adding meaning of their own,
#: aspect verbs among them: "stepped up attacks on X", "speeded up the withdrawal of
#: forces from X", "completed its investigation into X" report the act itself.
LIGHT_VERBS = frozenset(
    {"hold", "have", "make", "lodge", "file", "issue", "express", "voice", "launch", "conduct",
     "stage", "impose", "sign", "reach", "begin", "start", "open", "resume", "level", "raise",
     "give", "extend", "offer", "deliver", "pay", "convene", "host", "announce", "register",
     "put", "mount", "carry", "take", "slap", "air", "renew", "continue", "repeat",
     "reiterate", "restate", "press", "undertake", "pursue", "intensify", "escalate", "step",
     "speed", "accelerate", "expand", "complete"}
)  # fmt: skip
#: Verbs whose subject is the source of the nominal event they take as object: light
#: verbs, verbs of intention ("plans talks") and of appeal ("demanded talks").
CARRIERS = LIGHT_VERBS | INTENT_VERBS | APPEAL_VERBS
ADDRESSEE_PREPS = ("to", "in", "with")
#: Roots of acts of force whose noun may take its target from the clause around it.
FORCE_ROOTS = frozenset({"18", "19", "20"})
#: Verbs whose passive subject (or, for "die", subject) is the victim of the act of force
#: named in their in/during/by-phrase: "were killed in an air strike".
HARM_VERBS = frozenset(
    {"kill", "wound", "injure", "hurt", "maim", "die", "perish", "destroy", "damage",
     "hit", "target", "slay", "murder", "displace", "trap"}
)  # fmt: skip
#: Prepositions that name an act of force as the cause of harm.
CAUSE_PREPS = frozenset({"in", "during", "by", "after", "from"})
#: Roots of appeals and demands: a complement clause on the noun says who is asked
#: ("its demand that Turkey withdraw", "a call for Kenya to release").
ASKING_ROOTS = frozenset({"02", "10"})
#: Nouns of an intransitive act whose of-phrase is the actor, not the target: "the
#: withdrawal of Russian troops from X", "the visit of the Chinese premier to X".
AGENT_OF_NOUNS = frozenset(
    {"withdrawal", "pullout", "pull-out", "retreat", "visit", "trip", "arrival", "departure"}
)
#: Verbs that put their object under what their under-phrase names ("put X under
#: investigation", "placed X under arrest"): X is the target of that noun's event.
PLACING_VERBS = frozenset({"put", "place", "keep", "hold"})
#: Verbs whose object is the party fought when the fight is named in their in-phrase:
#: "engaged X in a firefight", "drew X into battle".
ENGAGING_VERBS = frozenset({"engage", "draw", "drag", "involve"})


@dataclass
class NounClause:
    """A noun of the lexicon with the phrases around it that can hold its actors."""

    noun: Token
    light: Token | None  # the light, intention or appeal verb carrying it, if any
    heads: list[Token]  # tokens whose prepositions may introduce the target
    public: list[Token]  # "known" in "made X known to Y": its to/in-phrase is the addressee
    extra: list[Token] = field(default_factory=list)  # a deverbal noun's object ("of flights")
    victims: list[Token] = field(default_factory=list)  # who an act of force hit: :func:`victims`
    asked: list[Token] = field(default_factory=list)  # subjects of a demand's clause: :func:`asked`
    placed: list[Token] = field(default_factory=list)  # X in "put X under investigation"
    stand: Token | None = None  # the noun holding its place: :func:`stand_ins`

    @property
    def trigger(self) -> list[Token]:
        """The trigger phrase: the light verb, the noun, the noun standing in for it and a
        deverbal noun's object."""
        stand = [self.stand] if self.stand is not None and self.stand is not self.noun else []
        return ([self.light] if self.light is not None else []) + [self.noun, *stand, *self.extra]


def noun_clause(noun: Token) -> NounClause:
    """The light verb (if any) and the prepositional heads of a lexicon noun.

    The noun's place in the clause may be held by another noun that stands for it: the
    first of conjoined nouns ("launched air and artillery strikes on X": "strikes" is a
    conjunct of the object "air") and an effort noun it names the activity of ("launched
    a mediation effort between A and B", :data:`object_nouns.tsv` kind ``effort``)."""
    stands = stand_ins(noun)
    stand = stands[-1]
    light = None
    placed: list[Token] = []
    head = stand.head
    lemma = known_lemma(head, CARRIERS)
    if (stand.dep_ == "dobj" and lemma in CARRIERS) or (
        stand.dep_ == "nsubjpass" and lemma in LIGHT_VERBS  # "talks were held by …"
    ):
        light = head
    elif (
        stand.dep_ == "pobj"
        and head.lower_ == "for"
        and known_lemma(head.head, CARRIERS) in (APPEAL_VERBS | INTENT_VERBS)
    ):
        light = head.head  # "called for talks with X", "hoped for talks with X"
    elif stand.dep_ == "pobj" and head.lower_ in ("to", "on") and head.head.lemma_ == "agree":
        light = head.head  # "agreed to a ceasefire", "agreed on talks"
    elif stand.dep_ == "pobj" and head.lower_ in ("in", "into") and _engaging(head.head):
        light = head.head  # "engaged Russian forces in a firefight": the subject fights
    elif stand.dep_ == "pobj" and head.lower_ == "under" and _placing(head.head):
        # "put X under investigation", "placed X under arrest": X is what is acted on
        light = head.head
        placed = [c for c in light.children if c.dep_ in ("dobj", "nsubjpass")]
    heads = [*stands] if light is None else [*stands, light]
    public = public_complements(heads)
    return NounClause(
        noun,
        light,
        heads + public,
        public,
        victims=victims(noun),
        asked=asked(noun),
        placed=placed,
        stand=stand,
    )


def stand_ins(noun: Token) -> list[Token]:
    """The noun, then the nouns that hold its place in the clause: the first conjunct of
    conjoined nouns, and an effort noun whose compound modifier it is ("mediation
    effort", "peace process")."""
    out = [noun]
    node = noun
    while node.dep_ == "conj" and node.head.pos_ in ("NOUN", "PROPN") and node.head.i != node.i:
        node = node.head
        out.append(node)
    if node.dep_ == "compound" and node.head.lemma_.lower() in load_object_nouns().effort:
        out.append(node.head)
    return out


def _held(clause: NounClause) -> bool:
    """A noun that its light verb's subject has rather than does, "have" with no partner
    named by with/between: "will have the support of France" is France's support,
    "had a 40% tariff" a standing policy; "had talks with X" is the subject's act."""
    light = clause.light
    if light is None or light.lemma_.lower() != "have":
        return False
    return not ({"with", "between"} & prepositions([clause.noun, light]))


def _placing(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in PLACING_VERBS


def asked(noun: Token) -> list[Token]:
    """The subjects of a complement clause saying what an appeal or demand noun asks for:
    "its demand that Turkey withdraw" (Turkey), "a call for Kenya to release" (Kenya). A
    relative clause ("the demand that it made") has no subject of its own after "that"."""
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ not in ("acl", "ccomp", "advcl") or clause.pos_ not in ("VERB", "AUX"):
            continue
        marked = any(c.dep_ == "mark" and c.lower_ in ("that", "for") for c in clause.children)
        if marked:
            found += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return found


def _engaging(verb: Token) -> bool:
    return verb.pos_ == "VERB" and verb.lemma_.lower() in ENGAGING_VERBS


def victims(noun: Token) -> list[Token]:
    """Who an act of force named by ``noun`` hit, from the clause around the noun: the
    passive subject of a verb of harm whose cause it is ("soldiers were killed in an air
    strike", "civilians were wounded by the shelling"), the subject of "die" ("two died
    in the raid"), the object of a verb of harm it is subject of ("the raid killed four
    civilians") or of "engage … in" ("engaged X in a firefight")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in CAUSE_PREPS:
        verb = head.head
        if _engaging(verb):
            return [c for c in verb.children if c.dep_ == "dobj"]
        if verb.pos_ == "VERB" and verb.lemma_.lower() in HARM_VERBS:
            # "two died in the raid": an intransitive verb's subject is the victim
            intransitive = verb.lemma_.lower() in ("die", "perish")
            deps = ("nsubjpass", "nsubj") if intransitive else ("nsubjpass",)
            return [c for c in verb.children if c.dep_ in deps]
    if noun.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in HARM_VERBS:
        return [c for c in head.children if c.dep_ == "dobj"]
    return []


def noun_sources(
    clause: NounClause, index: MentionIndex, country_of: ModifierResolver
) -> list[tuple[ActorMention, bool]]:
    """Source actors of a nominal event, each with whether it was found on the noun itself.

    ``country_of`` reads a country name or adjective the actors stage left out because it
    only modified a noun ("US sanctions", "Japanese criticism")."""
    noun = clause.noun
    for owner in dict.fromkeys([noun, clause.stand or noun]):
        # "Qatar's mediation effort": the effort noun's possessor is the mediator
        mention = index.modifier_actor(owner) or _modifier_country(owner, index, country_of)
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
    # "an air raid by Russian jets": the country owning a by-phrase that is no actor
    found = found or [
        (m, True) for tok in by if (m := _modifier_country(tok, index, country_of)) is not None
    ]
    if found:
        return found
    if noun.lemma_.lower() in AGENT_OF_NOUNS or noun.lower_ in AGENT_OF_NOUNS:
        # "the withdrawal of Russian troops": who withdraws
        found = [(m, True) for tok in prep_objects([noun], "of") for m in index.actors(tok)]
        if found:
            return found
    if clause.light is not None and _engaging(clause.light):
        # "Serb forces were engaged in ethnic cleansing": the passive subject takes part
        found = [
            (m, True)
            for c in clause.light.children
            if c.dep_ == "nsubjpass"
            for m in index.actors(c)
        ]
        if found:
            return found
    if clause.light is not None and not _held(clause):
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
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                # "Israeli tank shelling", "US drone strikes": the country modifies the
                # weapon that names the kind of act
                mention = index.modifier_actor(child) or _modifier_country(child, index, country_of)
                if mention is not None:
                    return mention
    return None


def match_noun(
    patterns: list[NounPattern], clause: NounClause
) -> tuple[NounPattern, list[Token]] | None:
    """The first pattern whose target preposition is present (or that needs none), with
    the tokens of its target phrase."""
    # "the withdrawal of troops from X": the phrase often hangs on the of-object
    heads = [*clause.heads, *prep_objects([clause.noun], "of")]
    available = prepositions(heads)
    for pattern in patterns:
        if pattern.prep is not None and pattern.prep in available:
            return pattern, prep_objects(heads, pattern.prep)
    asking = next((p for p in patterns if p.code[:2] in ASKING_ROOTS), None)
    if asking is not None and clause.asked:
        # "repeated its demand that Turkey withdraw": who is asked is the target
        return asking, clause.asked
    if clause.placed:
        # "put X under investigation": X is investigated, whatever the noun's own phrases
        return next((p for p in patterns if p.prep is None), patterns[0]), clause.placed
    force = next((p for p in patterns if p.code[:2] in FORCE_ROOTS), None)
    if force is not None and clause.victims:
        # "were killed in an Israeli air strike": the victims are the target, and they
        # are acted on even when the noun can name mutual fighting ("engaged X in a
        # firefight": the subject opened it)
        return replace(force, symmetric=False), clause.victims
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
    compound or adjective before it ("hunger strike", not a labour strike); then its
    lemma and its form."""
    doc = noun.doc
    lemma = noun.lemma_.lower()
    keys: list[str] = []
    if noun.i >= 2 and doc[noun.i - 1].text == "-" and not doc[noun.i - 1].whitespace_:
        first = doc[noun.i - 2].lower_
        keys += [f"{first}{lemma}", f"{first}-{lemma}"]
    before = doc[noun.i - 1] if noun.i > 0 else None
    # "hunger strike" (compound), "ethnic cleansing" (adjective): only a two-word row
    # of nouns.tsv uses these keys, so an adjective without such a row changes nothing
    if before is not None and before.dep_ in ("compound", "amod") and before.head == noun:
        keys += [f"{before.lower_} {lemma}", f"{before.lower_} {noun.lower_}"]
    return [*keys, lemma, noun.lower_]
