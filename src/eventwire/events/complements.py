"""What a verb's object and complement say beyond the lexicon row (issue 5 mechanisms).

- a frame or measure noun as object lets the noun of its of-phrase match a row's
  object ("lifted a state of emergency", "gave 5 million dollars of aid");
- a control verb of commitment whose complement is no coded event is a commitment of
  its own ("agreed to build a bridge": 030; "refused to …": 120);
- an appeal verb's that-clause with a base-form or modal verb is what is asked
  ("demanded that X give up Y");
- an intended hostile act with an if/unless clause is a threat ("will impose sanctions
  unless …"), and so is a conflictual act told in the future ("will impose sanctions",
  :func:`.modality.forecast`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from eventwire.events.clauses import committed_gerunds, prep_objects, subjects
from eventwire.events.lexicon import row_error, tsv_rows
from eventwire.events.mentions import MentionIndex
from eventwire.events.modality import (
    APPEAL_VERBS,
    INTENDED_AUX,
    INTENT_VERBS,
    NEGATING_VERBS,
    infinitive,
    inverted_condition,
    own_modality,
)
from eventwire.records import Modality

#: Roots of hostile acts that are threats when promised on a condition (12–20).
THREATENING_ROOTS = frozenset(f"{n:02d}" for n in range(12, 21))
#: Roots of conflictual acts (protest, force posture, reduced relations, coercion, force)
#: that are threats when told in the future (codebook, 130: "'will attack' is coded as
#: 'Threaten to attack'"); a future rejection or criticism (12, 11) stays itself.
FORECAST_ROOTS = frozenset(f"{n:02d}" for n in range(14, 21))

OBJECT_NOUNS_HEADER = "noun\tkind\tnote"
OBJECT_NOUN_KINDS = (
    "frame", "effort", "owned", "pressure", "repercussion", "persons", "forces", "inert",
    "relation",
)  # fmt: skip


@dataclass(frozen=True)
class ObjectNouns:
    """Nouns that do not name what a verb acts on themselves (``object_nouns.tsv``).

    ``frame``: the noun frames or measures the noun of its of-phrase, which names what is
    acted on ("lifted a state of emergency", "gave 5 million dollars of aid").
    ``effort``: the noun's compound modifier names the activity ("ended mediation
    efforts", "halted the peace process").
    ``owned``: a speech-act or policy noun whose nationality adjective names its author,
    who answers for it ("rejected Indian claims"), unlike an ordinary thing ("Indian food").
    ``pressure``: a request or pressure that a refusal answers ("despite pressure from X").
    ``repercussion``: what a warner brings about when a warning is not heeded ("warned of
    consequences"): such a warning is a threat (:func:`warning_code`).
    ``persons``, ``forces``: nouns of people ("prisoners") and of armed forces or their
    weapons ("troops", "warships"), what rows flagged so act on (:mod:`.acted_on`).
    ``inert``: things that move only in a figurative sense (markets, prices, bonds): an
    actor modifying them ("US government bonds rallied") does not act through them.
    ``relation``: a bond between parties ("partnership", "ties"): conjoined parties who
    deepen or build one act with each other, unlike on their own things.
    A noun may be of several kinds, one row each."""

    frame: frozenset[str]
    effort: frozenset[str]
    owned: frozenset[str] = frozenset()
    pressure: frozenset[str] = frozenset()
    repercussion: frozenset[str] = frozenset()
    persons: frozenset[str] = frozenset()
    forces: frozenset[str] = frozenset()
    inert: frozenset[str] = frozenset()
    relation: frozenset[str] = frozenset()


def parse_object_nouns(text: str, label: str) -> ObjectNouns:
    """The nouns of each kind of an ``object_nouns.tsv`` text; a bad row raises E010
    naming the file and line (unknown kind, empty noun, a noun listed twice as one kind)."""
    rows: set[tuple[str, str]] = set()
    for number, fields in tsv_rows(text, label, OBJECT_NOUNS_HEADER):
        noun, kind = fields[0].strip().lower(), fields[1].strip().lower()
        if not noun:
            raise row_error(label, number, "a row needs a noun")
        if kind not in OBJECT_NOUN_KINDS:
            raise row_error(label, number, f"kind {kind!r} must be one of {OBJECT_NOUN_KINDS}")
        if (noun, kind) in rows:
            raise row_error(
                label, number, f"noun {noun!r} is already listed as {kind} on an earlier line"
            )
        rows.add((noun, kind))
    return ObjectNouns(
        **{kind: frozenset(n for n, k in rows if k == kind) for kind in OBJECT_NOUN_KINDS}
    )


@functools.cache
def load_object_nouns() -> ObjectNouns:
    """The packaged table ``data/events/object_nouns.tsv``, read and validated once."""
    path = resources.files("eventwire") / "data" / "events" / "object_nouns.tsv"
    return parse_object_nouns(path.read_text(encoding="utf-8"), "data/events/object_nouns.tsv")


def object_heads(objs: list[Token]) -> list[Token]:
    """The objects; behind a framing noun the noun of its of-phrase; before an effort noun
    its compound modifier (:func:`load_object_nouns`)."""
    nouns = load_object_nouns()
    out = list(objs)
    for obj in objs:
        lemma = obj.lemma_.lower()
        if lemma in nouns.frame:
            out += prep_objects([obj], "of")
        if lemma in nouns.effort:
            out += [c for c in obj.children if c.dep_ == "compound" and c.i < obj.i]
    return out


#: Control verbs that are a commitment (or its refusal) in their own right when their
#: complement is no coded event; aspect verbs ("began to", "helped to") are not.
COMMITMENT_VERBS = INTENT_VERBS | NEGATING_VERBS
#: Roots a bare commitment may take: intent to cooperate (03), consider (01), reject (12).
COMMITMENT_ROOTS = frozenset({"01", "03", "12"})


def bare_commitment(verb: Token, verbs: Mapping[int, object]) -> bool:
    """A control verb of commitment whose complement (and its conjuncts) gave no event."""
    lemma = verb.lemma_.lower()
    if lemma not in COMMITMENT_VERBS or lemma in APPEAL_VERBS:
        return False
    complements = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
    complements += committed_gerunds(verb)  # "is committed to opening its economy"
    if not complements:
        return False
    embedded = {t.i for c in complements for t in (c, *c.conjuncts)}
    return not embedded & verbs.keys()


def pressing_parties(verb: Token) -> list[Token]:
    """Who pressed for what ``verb`` refuses: the by/from/of-phrase or possessor of a
    request noun in the verb's despite-, after- or against-phrase ("declined to resign
    despite growing pressure by the commission", "refused, despite Peru's calls, …")."""
    # the phrase may hang from the refusing verb or from what is refused
    clauses = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    clauses += [verb.head] if verb.dep_ == "xcomp" else []
    clauses += [o for c in clauses for o in c.children if o.dep_ == "dobj"]  # misattached
    nouns = [
        n
        for clause in clauses
        for prep in clause.children
        if prep.dep_ == "prep" and prep.lower_ in ("despite", "after", "against")
        for n in prep.children
        if n.dep_ == "pobj" and n.lemma_.lower() in load_object_nouns().pressure
    ]
    found = [c for n in nouns for c in n.children if c.dep_ == "poss"]
    for n in nouns:
        found += [
            g
            for p in n.children
            if p.dep_ == "prep" and p.lower_ in ("by", "from", "of")
            for g in p.children
            if g.dep_ == "pobj"
        ]
    return found


def asked_clauses(verb: Token) -> list[Token]:
    """The that-clauses saying what an appeal verb asks for: "demanded that the US cancel",
    "urged that talks resume" (a base-form or modal verb: the clause is a wish, not news)."""
    return [
        c
        for c in verb.children
        if c.dep_ == "ccomp"
        # the model tags a subjunctive "that North Korea forsake" VBP as often as VB
        and (c.tag_ in ("VB", "VBP") or own_modality(c) is Modality.DEMANDED)
    ]


def on_condition(verb: Token) -> bool:
    """A clause with an if/unless condition of its own ("will boycott … unless X")."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for c in verb.children
    )


#: Subjects that are the speaker's own side ("warned that we will respond").
FIRST_PERSON = frozenset({"we", "i"})


def warning_code(verb: Token, code: str, sources: list, index: MentionIndex) -> str:
    """The code of a warning (a row flagged ``warning``). The codebook's threat (130:
    "coercive or forceful warnings with serious potential repercussions") is a warning of
    the warner's own act ("warned X it would retaliate", "warned of consequences") or one
    that says nothing more ("warned X over its drills"); a warning to do or not do
    something is advice, an appeal (020: "warned the government not to open fire"), and a
    warning that something else will happen a pessimistic comment (012: "warned that the
    toll could rise"), a statement that needs an addressee to be kept."""
    if any(c.dep_ == "xcomp" and infinitive(c) for c in verb.children):
        return "020"
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if clauses:
        return code if any(_warners_act(c, sources, index) for c in clauses) else "012"
    warned_of = prep_objects([verb], "of")
    repercussions = load_object_nouns().repercussion
    if warned_of and not any(o.lemma_.lower() in repercussions for o in warned_of):
        return "012"
    return code


def _warners_act(clause: Token, sources: list, index: MentionIndex) -> bool:
    """Whether a warning's clause tells what the warner will do: its subject is the
    warner (its country, "we"), or a pronoun of a future act ("warned X it would …"); or
    what follows if a condition is met ("warned that were X to attack, …"), a threat
    whoever's act the consequence is."""
    if on_condition(clause) or any(inverted_condition(c) for c in (clause, *clause.children)):
        return True  # "warned X that if it attacks, it will pay": a conditional threat
    countries = {m.actor.country or m.actor.code for m, _ in sources}
    future = any(c.dep_ == "aux" and c.lower_ in INTENDED_AUX for c in clause.children)
    for slot in subjects(clause):
        token = slot.token
        if token.lower_ in FIRST_PERSON:
            return True
        actors = index.actors(token)
        if any((m.actor.country or m.actor.code) in countries for m in actors):
            return True
        if token.pos_ == "PRON" and future and not actors:
            return True
    return False
