"""Reading clauses off the dependency parse: subjects, objects, targets, particles.

Everything here works on spaCy tokens of ``en_core_web_sm``, whose parses are often a
little off: conjoined subjects hang from the first conjunct, prepositions of a light
verb's object attach to the object or to the verb, relative pronouns stand for the noun
they modify. The helpers therefore look in every place the small model puts a phrase
rather than in the one place a grammar book would.

Which actor a phrase names is :mod:`.mentions` (:class:`MentionIndex`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.modality import (
    ADDRESSING_VERBS,
    ASPECT_VERBS,
    COMMITTED_TO,
    commitment_head,
    controlled,
)

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Adverbs the small model labels advmod where a phrasal-verb particle is meant
# ("stand together", "step back"); treated as particles when matching patterns.
PARTICLE_ADVERBS = frozenset({"together", "back", "down", "up", "off", "out", "away", "apart"})
#: Particles the small model labels prep when an object follows ("cordoned off the roads").
PREP_PARTICLES = frozenset({"off", "up", "down", "out"})
#: Complements that make an object public ("made its reservations known to X"): their
#: to/in-phrase names the addressee, wherever the small model attaches them.
PUBLIC_COMPLEMENTS = frozenset({"know", "known", "clear", "public", "plain"})


@dataclass(frozen=True)
class Slot:
    """A token that fills a role, and whether it was found on the clause itself."""

    token: Token
    direct: bool = True  # False: inherited through control, conjunction or a light verb


def base_forms(token: Token) -> list[str]:
    """The token's lemma, then the bases its inflected form may have. The small model
    lemmatises some verbs it has not seen wrongly ("staged" → "stag", "hoped" → "hop");
    callers take the first form their word list knows."""
    lower = token.lower_
    forms = [token.lemma_.lower(), lower]
    if lower.endswith("ied"):
        forms.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        forms += [lower[:-1], lower[:-2]]
        if len(lower) > 4 and lower[-3] == lower[-4]:
            forms.append(lower[:-3])  # "stopped" → "stop"
    if lower.endswith("ing"):
        forms += [lower[:-3], lower[:-3] + "e"]
    if lower.endswith("s") and not lower.endswith("ss"):
        forms.append(lower[:-1])
    return list(dict.fromkeys(forms))


def known_lemma(token: Token, known) -> str:
    """The first of :func:`base_forms` that ``known`` contains, else the model's lemma."""
    return next((f for f in base_forms(token) if f in known), token.lemma_.lower())


def is_passive(verb: Token) -> bool:
    """Passive voice: a passive subject or a passive auxiliary, or a past participle that
    modifies a noun ("militants backed by Iran": the militants are backed)."""
    if is_reduced_passive(verb):
        return True
    if committed_state(verb):
        return False
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def committed_state(verb: Token) -> bool:
    """A participle of commitment read as a state, not a passive: "Vietnam is committed
    to opening its economy" says what Vietnam has committed itself to, and no one
    committed Vietnam (no by-phrase)."""
    return (
        verb.lower_ in COMMITTED_TO
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
        and not any(c.dep_ == "agent" for c in verb.children)
    )


def committed_gerunds(verb: Token) -> list[Token]:
    """What a subject in a committed state is committed to doing: the gerunds after "to"
    ("is committed to opening …"); none for any other verb."""
    if not committed_state(verb):
        return []
    return [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
    ]


def is_reduced_passive(verb: Token) -> bool:
    """A past participle modifying a noun: "the rebels backed by Iran", "sanctions imposed
    on X". The noun is its logical object, the by-phrase its agent."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ in ("NOUN", "PROPN")
        # "an admission that troops had killed …" is a clause of its own, not a participle
        and not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    )


def particle(verb: Token) -> str | None:
    """The verb's particle ("up" in "step up"), or an adverb the model took for one."""
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in PARTICLE_ADVERBS and child.i > verb.i:
            return child.lower_
    loose = _particle_preposition(verb)
    return loose.lower_ if loose is not None else None


def _particle_preposition(verb: Token) -> Token | None:
    """A particle the small model read as a preposition heading the object ("cordoned off
    the roads", "sealed off the border"): right after the verb and one of the words that
    make phrasal verbs of motion and closure."""
    for child in verb.children:
        if child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ in PREP_PARTICLES:
            return child
    return None


def objects(verb: Token) -> list[Token]:
    """Direct objects, or the passive subject (the logical object) of a passive verb."""
    if is_reduced_passive(verb):
        return [verb.head]
    deps = PASSIVE_SUBJECT_DEPS if is_passive(verb) else OBJECT_DEPS
    found = [c for c in verb.children if c.dep_ in deps]
    loose = None if found or is_passive(verb) else _particle_preposition(verb)
    if loose is not None:
        # "sealed off the border": the particle's "object" is the verb's
        found = [c for c in loose.children if c.dep_ == "pobj"]
    if not found and not is_passive(verb):
        # "criticised and threatened Japan": the shared object hangs from the last verb
        for conj in verb.children:
            if conj.dep_ == "conj" and conj.pos_ == "VERB" and not _has_subject(conj):
                found = [c for c in conj.children if c.dep_ in deps]
                if found:
                    break
    return found


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS or c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children)


def datives(verb: Token) -> list[Token]:
    """Indirect objects ("gave Japan aid")."""
    return [c for c in verb.children if c.dep_ in ("dative", "iobj") and c.pos_ != "ADP"]


def prep_objects(heads: list[Token], prep: str) -> list[Token]:
    """Objects of preposition ``prep`` attached to any of ``heads`` (verb, object, particle)."""
    found: list[Token] = []
    for head in heads:
        for child in head.children:
            if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
                found.extend(c for c in child.children if c.dep_ == "pobj")
    return found


def prepositions(heads: list[Token]) -> set[str]:
    """Prepositions with an object attached to any of ``heads``, time adjuncts aside:
    "called Seoul on Monday" has no "call on" (an appeal) in it, only a date."""
    return {
        c.lower_
        for head in heads
        for c in head.children
        if c.dep_ in ("prep", "dative")
        and any(g.dep_ == "pobj" for g in c.children)
        and not is_time_adjunct(c)
    }


def gerund_prepositions(heads: list[Token]) -> set[str]:
    """Prepositions with a gerund attached to any of ``heads`` ("committed to opening its
    economy"): they select a pattern but introduce no actor."""
    return {
        c.lower_
        for head in heads
        for c in head.children
        if c.dep_ == "prep" and any(g.dep_ == "pcomp" and g.tag_ == "VBG" for g in c.children)
    }


#: Entity types of a time expression: a phrase of them says when, not with whom.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def is_time_adjunct(prep: Token) -> bool:
    """A prepositional phrase whose objects are all dates or times ("on Monday")."""
    objs = [g for g in prep.children if g.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in TIME_ENTITIES for o in objs)


def public_complements(heads: list[Token]) -> list[Token]:
    """ "known"/"clear" complements of any of ``heads`` ("made X known", "made it clear")."""
    return [
        c
        for head in heads
        for c in head.children
        if c.dep_ in ("acl", "amod", "oprd", "ccomp", "acomp", "xcomp")
        and (c.lemma_.lower() in PUBLIC_COMPLEMENTS or c.lower_ in PUBLIC_COMPLEMENTS)
    ]


def agent_objects(verb: Token) -> list[Token]:
    """The by-phrase of a passive verb ("was condemned by China")."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def subjects(verb: Token) -> list[Slot]:
    """The logical subject of a verb: its own subject (the by-agent when passive), else
    one inherited from a conjoined verb, a controlling verb or the noun it modifies."""
    if is_passive(verb):
        own = agent_objects(verb)
    elif committed_state(verb):
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS]
    else:
        own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if len(own) > 1 and _misparsed_list(own):
        # "Chile, Peru, and Bolivia met": a list whose members the parser hung apart
        first = min(own, key=lambda t: t.i)
        own = sorted({*own, *(c for c in first.children if _list_member(c, first))},
                     key=lambda t: t.i)  # fmt: skip
    elif len(own) > 1:
        # two subjects is a misparse ("Hu, the president will …", "who some call …"):
        # the one next to the verb is the one the verb agrees with
        own = [min(own, key=lambda t: abs(verb.i - t.i))]
    if own:
        return [Slot(t) for t in own]
    head = verb.head
    if verb.dep_ == "conj" and head.i != verb.i:
        # "criticised and threatened": the second verb shares the first one's subject
        return [Slot(s.token, False) for s in subjects(head)]
    if controlled(verb) and head.i != verb.i:
        # "began to shell", "used tear gas to disperse": an aspect verb's subject does
        # the act itself, so the subject counts as the clause's own
        own_act = head.lemma_.lower() in ASPECT_VERBS
        return [Slot(t, own_act) for t in controller(head)]
    committed = commitment_head(verb)
    if committed is not None:
        # "Chile is committed to providing aid": who is committed does the providing
        passive = [c for c in committed.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        return [Slot(t, False) for t in passive] or [
            Slot(s.token, False) for s in subjects(committed)
        ]
    author = _author_of(verb)
    if author is not None:
        # "issued a declaration demanding …": the declaration's issuer demands
        return [Slot(s.token, False) for s in subjects(author)]
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        # "China's attempts to isolate it": the noun's possessor does the isolating
        return [Slot(head, False)]
    if verb.dep_ in ("acomp", "attr") and head.pos_ in ("AUX", "VERB") and head.i != verb.i:
        # "Finland is ready to contribute": the adjective's subject is the copula's
        return [Slot(s.token, False) for s in subjects(head)]
    if verb.dep_ == "advcl" and head.i != verb.i and not _has_mark(verb):
        # "..., saying it would retaliate": a participle clause shares the main subject
        return [Slot(s.token, False) for s in subjects(head)]
    return []


#: Nouns of what an actor issues or carries out, whose participle ("a statement
#: condemning X", "an operation targeting X") is the act of whoever issued it.
AUTHORED_NOUNS = frozenset(
    {"statement", "declaration", "resolution", "communique", "communiqué", "letter",
     "message", "note", "decree", "report", "appeal", "petition", "motion", "bill",
     "ultimatum", "warning", "notice", "memorandum", "proposal", "order", "ruling",
     "speech", "address", "editorial", "video", "operation", "offensive", "campaign", "raid"}
)  # fmt: skip
#: Light verbs whose subject is the author of such a noun as object ("issued", "adopted",
#: "launched"); "received a letter demanding …" is none: its subject is no author.
AUTHORING_VERBS = frozenset(
    {"issue", "release", "publish", "adopt", "pass", "send", "deliver", "sign", "make",
     "write", "draft", "table", "submit", "present", "unveil", "announce", "circulate",
     "post", "approve", "lodge", "file", "launch", "conduct", "stage", "mount", "give",
     "put", "broadcast"}
)  # fmt: skip


def _author_of(verb: Token) -> Token | None:
    """The light verb whose object ``verb`` modifies as a participle ("issued a declaration
    demanding …", "launched an operation targeting …"), if that object is authored."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or noun.dep_ != "dobj":
        return None
    if noun.lemma_.lower() not in AUTHORED_NOUNS:
        return None
    light = noun.head
    return light if light.pos_ == "VERB" and light.lemma_.lower() in AUTHORING_VERBS else None


def _misparsed_list(own: list[Token]) -> bool:
    """Several proper-noun subjects with an "and" between them: one coordinated list."""
    if not all(t.pos_ == "PROPN" for t in own):
        return False
    first, last = min(t.i for t in own), max(t.i for t in own)
    doc = own[0].doc
    return any(doc[i].lower_ == "and" and doc[i].pos_ == "CCONJ" for i in range(first, last))


def _list_member(child: Token, first: Token) -> bool:
    """A proper noun hung from a list's first member as appos/npadvmod ("Chile, Peru, …")."""
    return child.pos_ == "PROPN" and child.dep_ in ("appos", "npadvmod") and child.i > first.i


def controller(matrix: Token) -> list[Token]:
    """Who does the embedded verb of ``matrix``: its object ("urged Japan to …"), the
    passive subject ("Japan was urged to …") or its subject ("agreed to …")."""
    if is_passive(matrix):
        passive = [c for c in matrix.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if passive:
            return passive
    objs = [c for c in matrix.children if c.dep_ in OBJECT_DEPS]
    if objs and matrix.lemma_.lower() not in PURPOSE_VERBS:
        return objs
    if matrix.lemma_.lower() in ADDRESSING_VERBS:
        # "called on Arabs to mobilise", "appealed to Kenya to help": the addressee acts
        addressed = [
            g
            for c in matrix.children
            if c.dep_ == "prep" and c.lower_ in ("on", "upon", "to")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if addressed:
            return addressed
    return [s.token for s in subjects(matrix)]


#: Verbs whose "X to …" is a purpose of the subject, not a task for X: "used tear gas to
#: disperse", "sent troops to secure", "took steps to ease", "began a hunger strike to
#: demand".
PURPOSE_VERBS = frozenset(
    {"use", "send", "deploy", "dispatch", "take", "spend", "employ", "mobilise", "mobilize",
     "launch", "open", "hold", "sign", "build", "set", "pass", "adopt", "begin", "start",
     "continue", "resume", "stage"}
)  # fmt: skip


def _has_mark(verb: Token) -> bool:
    return any(c.dep_ == "mark" for c in verb.children)


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above a noun (through prepositions and nouns), for its modality."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return node if node.pos_ in ("VERB", "AUX") else None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def misparsed_datives(verb: Token, objs: list[Token]) -> list[Token]:
    """Indirect objects of "gave Nigeria assistance", "sent the Philippines boats", which
    the small model often parses as a name modifying the object: a proper noun right
    after the verb (or after "the") that hangs from the object as compound or nmod."""
    found: list[Token] = []
    for obj in objs:
        for child in obj.children:
            gap = [t for t in verb.doc[verb.i + 1 : child.i] if t.lower_ != "the"]
            modifies = child.dep_ in ("compound", "nmod") and child.pos_ == "PROPN"
            if modifies and child.i > verb.i and not gap:
                found.append(child)
    return found
