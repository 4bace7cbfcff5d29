"""Helpers of the event extractor (:mod:`.extract`) that look at one predicate or at one
sentence's events: which verb pattern matches, what an act of force hits, whether a
reporting or control verb is an event of its own, the code of a call whose content is
no event we code, and which untargeted twins to drop."""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Doc, Token

from eventwire.actors import ActorMention
from eventwire.events.acted_on import STATE_KINDS, acts_on_kind
from eventwire.events.appeals import ABSORBING_ROOTS
from eventwire.events.build import Found
from eventwire.events.clauses import (
    AUTHORED_NOUNS,
    committed_gerunds,
    gerund_prepositions,
    known_lemma,
    particle,
    prep_objects,
    prepositions,
    public_complements,
    subjects,
)
from eventwire.events.complements import asked_clauses, load_object_nouns, object_heads
from eventwire.events.lexicon import Lexicon, VerbPattern
from eventwire.events.mentions import MentionIndex
from eventwire.events.modality import APPEAL_VERBS, CONTROL_VERBS, question_clause
from eventwire.events.nominal import FORCE_ROOTS, LIGHT_VERBS, noun_keys


def match_verb(
    patterns: list[VerbPattern],
    verb: Token,
    objs: list[Token],
    index: MentionIndex | None = None,
) -> VerbPattern | None:
    """The first (most specific) pattern whose particle, object and preposition are there,
    and whose object, if it says what its act is done to, names that (:mod:`.acted_on`)."""
    prt = particle(verb)
    if verb.lemma_.lower() in APPEAL_VERBS and any(
        c.dep_ == "ccomp" and question_clause(c) for c in verb.children
    ):
        return None  # "asked whether X would attend", "asked why X left": a question
    # "questioned whether X …": with a clause and no object the verb has another sense
    clausal = not objs and any(c.dep_ == "ccomp" for c in verb.children)
    patterns = [p for p in patterns if _acts_on(p, verb, objs, clausal, index)]
    # "backed down" is no "back X": a particle of the verb's own makes another verb; "up"
    # mostly completes the act ("beat up", "round up", "blow up")
    own_particle = any(c.dep_ == "prt" and c.lower_ not in COMPLETIVE for c in verb.children)
    words = {w for o in object_heads(objs) for w in object_words(o)}
    if declines_to_say(verb):
        words.add("comment")  # "declined to comment/confirm" is "declined comment" (011)
    preps = prepositions([verb, *objs, *public_complements([verb, *objs])])
    gerunds = gerund_prepositions([verb])
    complement = any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    patterns = [p for p in patterns if complement or not p.clause]
    found = [
        p
        for p in patterns
        if ((p.particle is None and not own_particle) or p.particle == prt)
        and (p.obj is None or p.obj in words)
        # "committed to opening its economy": a gerund selects a row whose target is not
        # the preposition's object ("contributed to planning X" is no aid to anyone)
        and (p.prep is None or p.prep in preps or (p.target != "prep" and p.prep in gerunds))
    ]
    if not any(p.obj is not None for p in found):
        # "provided aid", "struck deals for flights": the object names the event even when
        # the target's preposition is missing, and says more than a row naming no object
        # ("strike X" is force); the target is then sought elsewhere
        named = [
            p
            for p in patterns
            if p.obj is not None and p.obj in words and p.particle in (None, prt)
        ]
        found = named or found
    return _named_first(found) if found else None


#: Particles that complete a verb's act rather than make another verb of it.
COMPLETIVE = frozenset({"up"})


def _acts_on(
    pattern: VerbPattern,
    verb: Token,
    objs: list[Token],
    clausal: bool,
    index: MentionIndex | None,
) -> bool:
    """Whether a row that says what it acts on (:mod:`.acted_on`) holds: not for a verb
    with a clause and no object; a row acting on ``actors`` needs its object (a call is
    made to someone: "called for X to …" is none)."""
    if pattern.acts_on is None:
        return True
    if clausal or (not objs and pattern.acts_on == "actors"):
        return False
    # an object shared with a conjoined verb ("kidnapped X and exploded bombs", misparsed)
    # is that verb's as often as this one's: it does not rule the row out
    own = [o for o in objs if not (o.head.dep_ == "conj" and o.head.head.i == verb.i)]
    return acts_on_kind(pattern.acts_on, own, index)


def _named_first(found: list[VerbPattern]) -> VerbPattern:
    """The first pattern, unless one as specific names the object by two words ("withdrew
    the peacekeeping force" is the peacekeepers' withdrawal, not that of any force)."""
    first = found[0]
    return next(
        (p for p in found if p.specificity == first.specificity and p.obj and " " in p.obj),
        first,
    )


def object_words(obj: Token) -> list[str]:
    """The words an object matches a row's ``obj`` by: its lemma and form, and the two-word
    name with the modifier right before it ("peacekeeping force", which is no plain
    "force"), as nouns are looked up (:func:`.nominal.noun_keys`)."""
    lemma = obj.lemma_.lower()
    words = [lemma, obj.lower_]
    before = obj.doc[obj.i - 1] if obj.i > 0 else None
    if before is not None and before.head == obj and before.dep_ in ("compound", "amod"):
        words.append(f"{before.lower_} {lemma}")
    return words


#: Verbs of saying or disclosing: refusing to do them is declining comment (CAMEO 011).
SAYING_VERBS = frozenset(
    {"comment", "say", "confirm", "deny", "discuss", "elaborate", "disclose", "reveal",
     "specify", "answer", "speak", "talk", "explain", "identify",
     "name", "divulge", "detail", "give", "provide", "release", "make", "offer"}
)  # fmt: skip
#: What "give/provide/release/make/offer" must have as object to be a statement.
SAID_OBJECTS = frozenset({"detail", "comment", "information", "statement", "figure", "reason"})
#: Verbs of refusal ("refused to comment", "declined an opportunity to comment").
REFUSAL_VERBS = frozenset({"refuse", "decline"})


def declines_to_say(verb: Token) -> bool:
    """A refusal whose complement is saying or disclosing something ("declined to comment",
    "refused to confirm the report", "declined an invitation to discuss it", "declined to
    give details"): the codebook's decline comment (011), not a rejection (12)."""
    if verb.lemma_.lower() not in REFUSAL_VERBS:
        return False
    said = [c for c in verb.children if c.dep_ == "xcomp"]
    # "declined an opportunity to comment": the object's infinitive
    said += [a for o in verb.children if o.dep_ == "dobj" for a in o.children if a.dep_ == "acl"]
    return any(_says(c) for c in said)


def _says(clause: Token) -> bool:
    lemma = clause.lemma_.lower()
    if lemma not in SAYING_VERBS or not any(c.lower_ == "to" for c in clause.children):
        return False
    if lemma in ("give", "provide", "release", "make", "offer"):
        return any(o.dep_ == "dobj" and o.lemma_.lower() in SAID_OBJECTS for o in clause.children)
    return True


#: Verbs of movement the lexicon codes as a visit (042) when officials make them.
MOVEMENT_VERBS = frozenset({"arrive", "travel", "fly"})
#: Sectors of armed forces, whose arrival somewhere is a deployment, not a visit.
ARMED_SECTORS = frozenset({"MIL", "PKO", "REB", "INS", "UAF"})


def armed_arrival(
    verb: Token,
    lemma: str,
    sources: list[tuple[ActorMention, bool]],
    targets: list[ActorMention],
) -> tuple[str, list[ActorMention]]:
    """The code and targets of a visit made by a verb of movement: when every source is an
    armed force, peacekeepers arriving in X are peacekeeping provided to X (074: "code
    here reported deployment of forces"); other forces arriving are a deployment (150,
    aimed at no one named, as "deployed troops" is); officials, and a single officer or
    commander, keep the visit (042)."""
    sectors = [set(m.actor.sectors) for m, _ in sources]
    if lemma not in MOVEMENT_VERBS or not all(s & ARMED_SECTORS for s in sectors):
        return "042", targets
    if any(_one_person(verb.doc, m) for m, _ in sources):
        return "042", targets  # "General X flew to London": an officer visits
    if all("PKO" in s for s in sectors):
        return "074", targets
    return "150", []


def _one_person(doc: Doc, mention: ActorMention) -> bool:
    """A named person or one member written in the singular ("the commander"), not a
    force ("troops") or a body ("the army")."""
    if mention.kind == "person":
        return True
    return mention.kind == "agent" and doc[mention.head].tag_ in ("NN", "NNP")


def event_subject(
    verb: Token,
    pattern: VerbPattern,
    index: MentionIndex,
    lexicon: Lexicon,
    deverbal: Mapping[str, object],
) -> bool:
    """Whether the verb's subject is an event noun of the lexicon (a row of nouns.tsv or
    deverbal.tsv) that names no actor itself ("the Taiwan visit offers …", "the deal
    means …"): an event does not act, and its modifier is no source. An act of force is
    left alone: "the raid killed X" is the raid's own event (:mod:`.nominal`)."""
    if pattern.code[:2] in FORCE_ROOTS:
        return False
    slots = [s.token for s in subjects(verb) if s.direct]
    return bool(slots) and all(
        t.pos_ == "NOUN"
        and index.at(t.i) is None
        and any(lexicon.noun_patterns(k) or k in deverbal for k in noun_keys(t))
        for t in slots
    )


def slot_phrase(pattern: VerbPattern, verb: Token, objs: list[Token]) -> list[Token]:
    """The phrase in the pattern's own target slot, actor or not ("invested in their
    economies": the economies), leaving out a relation between the parties ("deepen a
    partnership", "strengthen ties"), which makes conjoined parties act with each other."""
    if pattern.target == "obj":
        found = [] if pattern.obj else objs
    elif pattern.target == "prep" and pattern.prep:
        found = prep_objects([verb, *objs], pattern.prep)
    else:
        return []
    relations = load_object_nouns().relation
    return [t for t in found if t.lemma_.lower() not in relations]


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


#: Verbs whose direct object is always what is asked for ("demanded an apology"), unlike
#: "told reporters" or "asked the minister", whose object is who is spoken to.
DEMANDING_VERBS = frozenset({"demand", "request"})


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
    # "demanded an apology from X": whatever a demand verb takes as object is asked for
    asks = asks or (lemma in DEMANDING_VERBS and any(c.dep_ == "dobj" for c in verb.children))
    # "demanded elections", "asked for aid": an object the row names is what is asked
    return pattern.code[:2] in ("02", "10") and not asks and pattern.obj is None


def is_carrier(verb: Token, lemma: str, patterns: list[VerbPattern]) -> bool:
    """A control verb with a complement only frames the embedded event ("agreed to meet")."""
    if lemma not in CONTROL_VERBS or lemma in APPEAL_VERBS:
        return False
    if any(p.code[:2] in ABSORBING_ROOTS for p in patterns):
        return False  # "threatened to …" is the threat
    # "is committed to providing aid": the gerund is the event, as an infinitive would be
    return bool(committed_gerunds(verb)) or any(
        c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children
    )


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
    causes = [f for f in kept if (f.sources or f.agentless) and f.code[:2] in FORCE_ROOTS]
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


#: Prepositions tried for a target when the pattern's own slot is empty.
FALLBACK_PREPS = ("with", "to", "against", "toward", "towards")
#: Verbs of assault that news uses of words as often as of force ("attacked the plan").
ASSAULT_VERBS = frozenset({"attack", "assail"})
#: Nouns of things said or written: attacking in or by one is criticism ("attacked X in a
#: speech", "a commentary attacked X").
TEXT_NOUNS = frozenset(
    {"speech", "statement", "interview", "article", "editorial", "column", "commentary",
     "letter", "blog", "post", "tweet", "address", "remark", "comment", "essay", "book",
     "broadcast", "newspaper", "op-ed", "debate", "editorialist", "message", "report"}
)  # fmt: skip
#: Roots of acts that can be assaulted bodily (a protest, a deployment, a raid).
_BODILY_ROOTS = frozenset({"14", "15", "18", "19", "20"})


def verbal_attack(
    verb: Token,
    objs: list[Token],
    sources: list[tuple[ActorMention, bool]],
    index: MentionIndex,
    lexicon: Lexicon,
) -> bool:
    """Whether an attack is made in words (criticism, 111, not force): it attacks an
    event or policy ("attacked the proposed visit"; a protest or raid can be assaulted),
    it is made in or by something said or written ("attacked X in a speech", "a
    commentary attacked X", a news medium's attack), or one named person attacks people
    that are no armed force or state ("the candidate attacked the investors")."""
    if verb.lemma_.lower() not in ASSAULT_VERBS:
        return False
    heads = object_heads(objs)
    for head in heads:
        codes = [p.code for k in noun_keys(head) for p in lexicon.noun_patterns(k)]
        if codes and not any(c[:2] in _BODILY_ROOTS for c in codes):
            return True
    framed = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "during")
              for o in p.children if o.dep_ == "pobj"]  # fmt: skip
    framed += [s.token for s in subjects(verb)]
    if any(t.lemma_.lower() in TEXT_NOUNS for t in framed):
        return True
    if any("MED" in m.actor.sectors for m, _ in sources):
        return True
    persons = [
        m for m, _ in sources if m.kind == "person" and not ARMED_SECTORS & set(m.actor.sectors)
    ]
    if not sources or len(persons) < len(sources) or not heads:
        return False
    return acts_on_kind("persons", heads, index) and not any(
        acts_on_kind("forces", [h], index)
        or (index.at(h.i) is not None and index.at(h.i).kind in STATE_KINDS)
        for h in heads
    )


def carries_event_noun(lexicon: Lexicon, verb: Token, objs: list[Token]) -> bool:
    """A light verb whose object is an event noun of the lexicon with its phrase there
    ("gave a warm welcome to X"): the noun says what happened, so the verb's row that
    names no object yields to it (own lexicon only). A noun whose phrase is missing
    ("hosted a summit in Paris") leaves the verb its own reading."""
    if known_lemma(verb, LIGHT_VERBS) not in LIGHT_VERBS:
        return False
    preps = prepositions([verb, *objs])
    # the noun takes its target from its own preposition or a fallback one ("offered
    # military support to X")
    fallback = bool(preps.intersection(FALLBACK_PREPS))
    return any(
        p.prep is None or p.prep in preps or fallback
        for obj in objs
        for key in noun_keys(obj)
        for p in lexicon.noun_patterns(key)
    )
