"""Helpers of the event extractor (:mod:`.extract`) that look at one predicate or at one
sentence's events: which verb pattern matches, what an act of force hits, whether a
reporting or control verb is an event of its own, the code of a call whose content is
no event we code, and which untargeted twins to drop."""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.appeals import ABSORBING_ROOTS
from eventwire.events.build import Found
from eventwire.events.clauses import (
    AUTHORED_NOUNS,
    particle,
    prep_objects,
    prepositions,
    public_complements,
)
from eventwire.events.complements import asked_clauses, object_heads
from eventwire.events.lexicon import VerbPattern
from eventwire.events.modality import APPEAL_VERBS, CONTROL_VERBS
from eventwire.events.nominal import FORCE_ROOTS


def match_verb(patterns: list[VerbPattern], verb: Token, objs: list[Token]) -> VerbPattern | None:
    """The first (most specific) pattern whose particle, object and preposition are there."""
    prt = particle(verb)
    words = {w for o in object_heads(objs) for w in (o.lemma_.lower(), o.lower_)}
    preps = prepositions([verb, *objs, *public_complements([verb, *objs])])
    complement = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    patterns = [p for p in patterns if complement or not p.clause]
    for p in patterns:
        if p.particle is not None and p.particle != prt:
            continue
        if p.obj is not None and p.obj not in words:
            continue
        if p.prep is not None and p.prep not in preps:
            continue
        return p
    # "provided aid", "imposed sanctions in response to …": the object names the event
    # even when the target's preposition is missing; the target is then sought elsewhere
    for p in patterns:
        if p.obj is not None and p.obj in words and p.particle in (None, prt):
            return p
    return None


def names_object(verb: Token) -> bool:
    """Whether the verb says what its object is ("called the visit a provocation",
    "considered the drills a threat"): an object predicate makes it a judgement,
    so the verb's plain event reading (call X → a phone call) does not apply."""
    return any(child.dep_ == "oprd" for child in verb.children)


#: Roots of handing over or yielding (aid 07, release 08): a bare row ("release X")
#: reads its object as what is handed over, never a document.
HANDOVER_ROOTS = frozenset({"07", "08"})


def issues_document(pattern: VerbPattern, objs: list[Token]) -> bool:
    """Whether a bare hand-over row meets a document or announcement as its object
    ("released a statement", "released a report"): the verb publishes, it yields nothing."""
    heads = object_heads(objs)
    return (
        pattern.obj is None
        and pattern.code[:2] in HANDOVER_ROOTS
        and bool(heads)
        and all(o.lemma_.lower() in AUTHORED_NOUNS for o in heads)
    )


def attacked(tokens: list[Token]) -> list[Token]:
    """What an act of force hits: the tokens and the objects of their on/against phrases
    ("attacks against camps in Chad": the camps, whose in-phrase names the country)."""
    return [*tokens, *(t for p in ("on", "against") for t in prep_objects(tokens, p))]


def is_report(verb: Token, pattern: VerbPattern, lemma: str = "") -> bool:
    """A reporting verb that only reports: statement, appeal or demand codes without a
    complement saying what is asked ("told reporters" is no demand; "told X to leave" is,
    and so is "demanded that X leave": an appeal verb's that-clause is what is asked)."""
    if pattern.code[:2] == "01":
        # "claimed responsibility for …": the object makes it the codebook's statement
        return pattern.obj is None
    asks = any(c.dep_ == "xcomp" for c in verb.children) or (
        lemma in APPEAL_VERBS and bool(asked_clauses(verb))
    )
    # "demanded elections", "asked for aid": an object the row names is what is asked
    return pattern.code[:2] in ("02", "10") and not asks and pattern.obj is None


def is_carrier(verb: Token, lemma: str, patterns: list[VerbPattern]) -> bool:
    """A control verb with a complement only frames the embedded event ("agreed to meet")."""
    if lemma not in CONTROL_VERBS or lemma in APPEAL_VERBS:
        return False
    if any(p.code[:2] in ABSORBING_ROOTS for p in patterns):
        return False  # "threatened to …" is the threat
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)


def generic_call(clause: Token) -> str:
    """The code of a call whose content is no event we code: a demand (100) when the
    clause says "must", an appeal (020) for "should" and "ought to"."""
    forceful = any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children)
    return "100" if forceful else "020"


def without_untargeted_twins(events: list[Found]) -> list[Found]:
    """Drop an event without a target when the same source has one of its root with a target,
    and an act of force without a source when one with a source hit the same targets.

    "began exercises around Taiwan" matches both the verb with its object (a show of
    force against Taiwan) and the bare noun (exercises, no target); the second says
    nothing the first does not.
    """

    def key(found: Found) -> tuple[str, tuple[int, ...]]:
        return found.code[:2], tuple(sorted(m.start for m, _ in found.sources))

    targeted = {key(f) for f in events if f.targets}
    kept = [f for f in events if f.targets or not f.sources or key(f) not in targeted]
    # "soldiers were killed in an Israeli air strike", "were wounded by mortar fire": the
    # verb of harm and the noun naming the act that caused it are one event; the noun
    # says which force was used and who used it
    causes = [f for f in kept if f.sources and f.code[:2] in FORCE_ROOTS]
    return [f for f in kept if not any(_same_act(f, cause) for cause in causes)]


def _same_act(effect: Found, cause: Found) -> bool:
    """``effect`` is a verb of harm whose subject or cause phrase is the noun of ``cause``
    ("the raid killed X", "X were killed in the raid"), and it says nothing about the
    actors that ``cause`` does not."""
    if effect is cause or effect.code[:2] not in FORCE_ROOTS or cause.anchor.pos_ == "VERB":
        return False
    noun, verb = cause.anchor, effect.anchor
    caused = (noun.dep_ == "nsubj" and noun.head == verb) or (
        noun.dep_ == "pobj" and noun.head.head == verb and noun.head.dep_ in ("prep", "agent")
    )
    same_sources = {m.start for m, _ in effect.sources} <= {m.start for m, _ in cause.sources}
    same_targets = {m.start for m in effect.targets} <= {m.start for m in cause.targets}
    return caused and same_sources and same_targets
