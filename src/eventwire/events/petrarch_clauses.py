"""PETRARCH-2's embedded events: a clause under a coded verb is coded with that verb.

In a PETRARCH-2 verb dictionary (one with a verb-transformation section, see
:mod:`.petrarch_verbs`) a pattern names the verb's own phrases, and the event of a clause
the verb governs is combined with the verb's code instead of standing beside it
(PETRARCH-2's "verb interaction", documented with ``utilities.convert_code``): one event
per verb phrase. The rules, in this order:

- PETRARCH-2 codes the tree of each main clause from its verb phrase down, so some
  clauses are never read (:func:`_outside_tree`): those inside a noun or prepositional
  phrase (relative clauses, reduced participles, "efforts to counter X"), an adverbial
  clause before the main clause, and a clause under a verb whose own phrases already
  name an actor ("met X on Tuesday to discuss …", "visited X after Y attacked Z");
- a verb transformation of the dictionary whose governing verb and embedded event fit
  ("~ a (b . ATTACK) SAY = a b 112": X says that Y attacked → X accuses Y; "~ a (a b
  ATTACK) SAY = a b 015": X says that it attacked Z → X claims responsibility) replaces
  the embedded event (and the governing verb's own one). The verbs of a transformation
  stand for the classes of their codes (SAY's 010 for every 01x code, ATTACK's 190 for
  every 19x), as PETRARCH masks codes;
- an infinitive without a subject of its own ("wants to help X", "agreed to lift the
  sanctions") makes one event with the governing verb: its subject, the infinitive's
  target and the combined code (:func:`combine`);
- in a PETRARCH-2 dictionary a negated act is the codebook's rejection of it ("would not
  give permission" 124), as PETRARCH-2 subtracts a "not" from the act's code;
- a participle or gerund adjunct without a subject of its own (", expanding its
  campaign", "by promoting X") is not coded: PETRARCH-2 takes a source only from the
  subject of the verb's own clause (or through "to" from the clause above).

Nothing here runs for PETRARCH-1 dictionaries (no transformations), whose patterns reach
into the clause and whose unit tests expect the embedded event on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Token

from eventwire.actors.recognize import ActorMention
from eventwire.events.appeals import appeal_code, demand_code, threat_code
from eventwire.events.build import Found, intent_code, refusal_code
from eventwire.events.clauses import subjects
from eventwire.events.lexicon import Lexicon
from eventwire.events.mentions import MentionIndex, first_conjunct
from eventwire.events.petrarch_patterns import PetrarchPattern, own_phrase

#: Verb classes that frame another act, lowest first: PETRARCH-2's first digit of its
#: internal code, where a higher class wins a combination ("Say + Intend is just Intend",
#: "Intend + Consult is just Consult").
FRAMING = ("01", "02", "03", "10", "14", "13", "11", "15", "17", "09", "04")
_RANK = {root: rank for rank, root in enumerate(FRAMING, start=1)}
#: What a framing class makes of an act it governs: the codebook's intent, appeal,
#: demand or threat of that act ("wants to help" 033, "asked to release" 0253).
_FRAME_OF = {"03": intent_code, "02": appeal_code, "10": demand_code, "13": threat_code}
#: Dependencies of a clause that has its own event under a verb.
EMBEDDED = frozenset({"ccomp", "xcomp"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl", "agent"})


@dataclass(frozen=True)
class Transformation:
    """One "~" line: ``upper`` and ``lower`` are class prefixes of the governing verb's and
    the embedded event's codes ("01", "19"; None: any code, the pattern's Q); ``source``
    says how the embedded event's source relates to the governing verb's subject ("same",
    "other", "none"); the result is (source variable, target variable, code or "Q")."""

    upper: str
    lower: str | None
    source: str
    target_var: str
    result: tuple[str, str, str]
    where: str


@dataclass
class PetrarchLexicon(Lexicon):
    """A converted PETRARCH verb dictionary, with what PETRARCH-2 adds to the patterns."""

    transformations: list[Transformation] = field(default_factory=list)
    phrase_bound: bool = False  # PETRARCH-2 semantics (the file has transformations)


# "~ a (b c LOWER) UPPER = x y CODE"
_LINE = re.compile(
    r"^~\s*(\S+)\s*\(\s*(\S+)\s+(\S+)\s+(\S+)\s*\)\s*(\S+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)"
)


def read_transformation(line: str, verb_codes: dict[str, str], where: str) -> Transformation | str:
    """A "~ a (b c LOWER) UPPER = x y CODE" line, or why it cannot be used."""
    match = _LINE.match(line.strip())
    if match is None:
        return "transformation of another shape"
    upper_var, lower_var, lower_target, lower_verb, upper_verb, *result = match.groups()
    upper = verb_codes.get(upper_verb.lower())
    lower = None if lower_verb == "Q" else verb_codes.get(lower_verb.lower())
    if upper is None or (lower is None and lower_verb != "Q"):
        return "transformation of a verb without a code"
    if lower_var == upper_var:
        source = "same"
    elif lower_var == "_":
        source = "none"
    else:
        source = "other"
    return Transformation(
        code_class(upper),
        None if lower is None else code_class(lower),
        source,
        lower_target,
        (result[0], result[1], result[2]),
        where,
    )


def code_class(code: str) -> str:
    """The codes a verb's code stands for in a transformation: 010 → every 01x, 190 →
    every 19x, 185 → 185 itself (PETRARCH masks the trailing digits of its codes)."""
    return code[: max(2, len(code.rstrip("0")))]


def combine(upper: str, lower: str) -> str:
    """The code of a governing verb's code ``upper`` with the act ``lower`` it governs: the
    higher framing class wins; a framing class over a plain act makes that act intended,
    asked, demanded or threatened; a plain verb ("agreed" 050, "helped" 070) leaves the
    act its own code."""
    up, low = _RANK.get(upper[:2], 0), _RANK.get(lower[:2], 0)
    if low >= up:
        return lower if low or not up else upper
    if low == 0 and upper[:2] in _FRAME_OF:
        return _FRAME_OF[upper[:2]](lower)
    if upper[:2] == "12":
        return refusal_code(lower) or upper
    return upper if up else lower


def bare_code(lexicon: Lexicon, verb: Token) -> str | None:
    """The code the dictionary gives the verb on its own line (None for a null code)."""
    for key in (verb.lower_, verb.lemma_.lower()):
        for pattern in lexicon.verb_patterns(key):
            if isinstance(pattern, PetrarchPattern) and _is_bare(pattern):
                return pattern.code
    return None


def _is_bare(pattern: PetrarchPattern) -> bool:
    p = pattern
    fixed = (p.particle, p.obj, p.prep, *p.before, *p.after, *p.words, *p.prefix)
    return not any(fixed) and not p.compound


def embedded_events(events: list[Found], lexicon: Lexicon, index: MentionIndex) -> list[Found]:
    """The sentence's events with each embedded event coded with its governing verb."""
    if not getattr(lexicon, "phrase_bound", False):
        return events
    transformations: list[Transformation] = getattr(lexicon, "transformations", [])
    dropped: set[int] = {id(f) for f in events if _outside_tree(f.anchor, index)}
    added: list[Found] = []
    for lower in events:
        verb = _governor(lower.anchor)
        if verb is None or id(lower) in dropped:
            continue
        if _phrase_has_actor(verb, index):
            dropped.add(id(lower))  # "told Y that …", "met X to discuss …": the verb's own
            continue  # phrase gives its event, the clause under it is not read
        uppers = [f for f in events if f.anchor.i == verb.i and f is not lower]
        code = uppers[0].code if uppers else bare_code(lexicon, verb)
        if code is None:
            continue
        speakers = uppers[0].sources if uppers else _subject_actors(verb, index)
        made = _transformed(transformations, code, lower, speakers, verb)
        if made is None and lower.anchor.dep_ == "xcomp" and not _own_subject(lower.anchor):
            made = [_merged(lower, uppers[0] if uppers else None, code, speakers)]
        if made is None:
            continue
        dropped.update(id(f) for f in (lower, *uppers))
        added += made
    kept = [f for f in events if id(f) not in dropped and not _subjectless_adjunct(f.anchor)]
    return [_refused(f) for f in kept + added]


def _outside_tree(anchor: Token, index: MentionIndex) -> bool:
    """Whether PETRARCH-2 never reaches the verb's clause: it codes the tree of each main
    clause from its verb phrase down, and a noun phrase or a prepositional phrase yields
    actors only, never events ("an agreement forced on X by Y", "victims killed by X",
    "efforts to counter X", "for helping militants join X"); a verb phrase reads the
    clauses under it only when its own phrases name no actor ("met X on Tuesday to
    discuss …", "withdrew from X after rebels kidnapped …"), and an adverbial clause
    before the main clause ("Before leaving for X, …") is no part of its verb phrase."""
    tok = first_conjunct(anchor)  # conjoined verbs share one clause
    if tok.head.i == tok.i:
        return False
    head = tok.head
    if head.pos_ in _PHRASAL or (head.pos_ == "ADP" and tok.dep_ == "pcomp"):
        return True
    if head.pos_ not in ("VERB", "AUX") or tok.dep_ not in _SUBORDINATE:
        return False
    if tok.dep_ != "advcl":
        return False
    if tok.i < head.i or _phrase_has_actor(head, index):
        return True
    # "X said on Monday, two weeks after rebels kidnapped Y": an act of other parties
    # under a clause with an actor of its own is nested in that clause's event, whose
    # combined code PETRARCH-2 finds in no codebook
    return _own_subject(tok) and bool(_subject_actors(head, index))


#: Heads whose phrase holds no events in PETRARCH-2: nouns and pronouns.
_PHRASAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: Clauses a verb phrase holds besides its own phrases.
_SUBORDINATE = frozenset({"advcl", "ccomp", "xcomp"})


def _phrase_has_actor(verb: Token, index: MentionIndex) -> bool:
    """Whether the verb's own noun and prepositional phrases (its passive agent among
    them) name an actor: PETRARCH-2's verb phrase then has its target or source there
    and reads no clause under it."""
    agents = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    for tok in [t for t, _ in own_phrase(verb)] + agents:
        mention = index.at(tok.i)
        if mention is not None and mention.kind != "pronoun":
            return True
    return False


#: Clauses hung on a phrase as adjuncts: "…, expanding its campaign", "by promoting X".
_ADJUNCTS = frozenset({"advcl", "pcomp", "acl"})


def _subjectless_adjunct(verb: Token) -> bool:
    """A participle or gerund adjunct with no subject of its own ("…, offering support to
    X", "for helping militants"): PETRARCH-2 takes a source only from the subject of the
    verb's own clause, or through "to" from the clause above, so it codes nothing here."""
    tok = first_conjunct(verb)
    if tok.dep_ not in _ADJUNCTS or verb.tag_ not in ("VBG", "VBN"):
        return False
    return not _own_subject(verb) and not any(c.dep_ == "aux" for c in verb.children)


def _governor(anchor: Token) -> Token | None:
    """The verb whose clausal complement the anchor heads, through conjoined verbs ("had
    attacked X and taken Y": both under "claimed")."""
    tok = first_conjunct(anchor)
    verb = tok.head
    # the clause must follow its verb, inside the verb's phrase: "X did Y, officials said"
    # is a report placed after what it reports, no clause of "said"
    if tok.dep_ in EMBEDDED and verb.pos_ in ("VERB", "AUX") and verb.i < tok.i:
        return verb
    return None


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in verb.children)


def _doers(lower: Found, speakers: list[tuple[ActorMention, bool]]) -> list[ActorMention]:
    """The embedded clause's own subject actors; a personal pronoun there with no actor
    of its own is the governing verb's subject ("X said they will attack Y"), as PETRARCH
    takes a pronoun's antecedent from the clause above."""
    verb = lower.anchor
    while verb.dep_ == "conj" and not _own_subject(verb) and verb.head.i != verb.i:
        verb = verb.head  # "had attacked X and taken Y": the subject of the first verb
    own = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not own:
        return []
    doers = [m for m, _ in lower.sources]
    if not doers and all(c.pos_ == "PRON" and c.lower_ not in _IMPERSONAL for c in own):
        return [m for m, _ in speakers]
    return doers


_IMPERSONAL = frozenset({"it", "there", "this", "that", "what", "who", "which"})


def _subject_actors(verb: Token, index: MentionIndex) -> list[tuple[ActorMention, bool]]:
    return [(m, s.direct) for s in subjects(verb) for m in index.actors(s.token)]


def _transformed(
    rules: list[Transformation],
    code: str,
    lower: Found,
    speakers: list[tuple[ActorMention, bool]],
    verb: Token,
) -> list[Found] | None:
    """The events a matching transformation makes of ``lower`` under a verb coded
    ``code`` whose subject is ``speakers``; None when none matches."""
    if not speakers:
        return None
    said = {m.actor.code for m, _ in speakers}
    doers = _doers(lower, speakers)
    for rule in rules:
        if not code.startswith(rule.upper):
            continue
        if rule.lower is not None and not lower.code.startswith(rule.lower):
            continue
        if rule.source == "none" and doers:
            continue
        if rule.source != "none" and not doers:
            continue
        same = {m.actor.code for m in doers} <= said
        if (rule.source == "same") != same and rule.source != "none":
            continue
        if rule.target_var != "." and not lower.targets:
            continue
        bound = {"a": [m for m, _ in speakers]}
        bound["b"] = lower.targets if rule.source in ("same", "none") else doers
        who, whom, result = rule.result
        if result == "Q":
            return None  # "a (a b Q) SAY = a b Q": the embedded event as it is
        return [
            replace(
                lower,
                anchor=verb,
                trigger=[verb, *lower.trigger],
                code=result,
                where=rule.where,
                rule=f"petrarch-transformation:{rule.where}",
                symmetric=False,
                sources=[(m, True) for m in bound.get(who, [])],
                targets=list(bound.get(whom, [])),
                target_in_slot=True,
                modality=_asserted(lower),
            )
        ]
    return None


def _asserted(found: Found):
    from eventwire.records import Modality

    # what the speaker does (accuse, claim) is asserted even when the act was reported
    return Modality.ASSERTED if found.modality is Modality.REPORTED else found.modality


def _merged(
    lower: Found, upper: Found | None, code: str, speakers: list[tuple[ActorMention, bool]]
) -> Found:
    """One event of a verb and the infinitive it governs ("wants to help X" 033)."""
    targets = lower.targets or (upper.targets if upper else [])
    return replace(
        lower,
        code=combine(code, lower.code),
        sources=speakers or lower.sources,
        targets=targets,
        symmetric=lower.symmetric or bool(upper and upper.symmetric),
        negated=lower.negated or bool(upper and upper.negated),
        trigger=[*(upper.trigger if upper else []), *lower.trigger],
    )


def _refused(found: Found) -> Found:
    """PETRARCH-2 codes a negated act as its rejection ("did not provide aid" 122)."""
    if not found.negated:
        return found
    code = refusal_code(found.code)
    return replace(found, code=code, negated=False) if code else found
