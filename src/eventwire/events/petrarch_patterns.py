"""Where PETRARCH looks for a verb's actors when its pattern does not say, on our parse.

A PETRARCH pattern marks the source with ``$`` and the target with ``+``; most patterns
mark neither ("- * TIES [064]"), and the bare verb line of a block marks nothing at all.
PETRARCH then takes the source from the subject of the clause the verb is in (climbing
to the controlling clause for "X is about to restore …") and the target from the first
actor inside the verb phrase: its object, the object's prepositional phrases ("condemned
an attack by X"), the verb's own prepositional phrases ("arrived in X") and an embedded
clause ("believes X can cope"), nearest first.

A PETRARCH pattern can also require words before the verb ("&NEGATVAUXVRB * OVER
EFFORTS": "did n't", "will not") and words after it, in order, anywhere in the verb
phrase ("- * DIPLOMATIC TIES"; "- * &PREPOSIT1 RESOLUTION" for "acted on a resolution",
a fixed object inside a prepositional phrase): :class:`PetrarchPattern` carries them and
:func:`match_petrarch` checks them, most constrained pattern first. A null pattern
(``[---]``) that matches codes nothing. ``[032:033]`` codes the reciprocal event too
(:func:`reciprocal_events`).

These rules apply only when coding with a PETRARCH dictionary folder (the rule prefix
``petrarch``): eventwire's own lexicon states each target slot explicitly and keeps its
stricter fallbacks.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from spacy.tokens import Token

from eventwire.actors.recognize import ActorMention
from eventwire.events.build import Found
from eventwire.events.clauses import MentionIndex, subjects
from eventwire.events.lexicon import Lexicon, VerbPattern

# Children of the verb that are not inside its verb phrase: its subject, the clauses
# hung on it that have their own events ("after crowds trashed its embassy") and glue.
OUTSIDE_PHRASE = frozenset(
    {
        "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent", "advcl", "conj", "cc",
        "punct", "mark", "aux", "auxpass", "neg", "parataxis", "relcl", "dep", "intj",
    }
)  # fmt: skip
# Verbs that carry another verb ("is about to", "seems to") end the climb for a subject
# only when they have one; the climb stops at the sentence root.
_MAX_CLIMB = 4


@dataclass(frozen=True)
class PetrarchPattern(VerbPattern):
    """A verb pattern with PETRARCH's extra words: ``before`` must precede the verb in its
    sentence, in order; ``words`` must all be in the object phrase besides its head."""

    before: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    after: tuple[str, ...] = ()  # every word after the verb, in order, in its verb phrase
    reciprocal: str | None = None  # "[032:033]": the target's own event back to the source

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Every required word makes a pattern more specific ("NOT * RELATIONS" first)."""
        count, *parts = super().specificity
        return (len(self.before) + max(len(self.after), count), *parts)


def match_petrarch(
    patterns: list[VerbPattern], verb: Token, objs: list[Token], base
) -> VerbPattern | None:
    """The first pattern whose words are in place, most specific first. ``base`` (the
    extractor's matcher) checks the particle and the preposition; the object's word may
    be anywhere in the object's noun phrase, as PETRARCH matches it ("- * ARTILLERY"
    codes "fired two artillery shells")."""
    for pattern in patterns:
        if isinstance(pattern, PetrarchPattern) and pattern.after:
            # the words themselves decide: "over" may be the verb's particle or a
            # preposition, whatever the parser made of it
            if _in_order(pattern.after, _phrase_tokens(verb)) and _before(pattern.before, verb):
                return pattern
            continue
        if pattern.obj is not None and pattern.obj not in _phrase_words(objs):
            continue
        loose = replace(pattern, obj=None)
        # an object pattern still codes when its target preposition is missing
        missing_prep = pattern.obj is None or base([replace(loose, prep=None)], verb, objs) is None
        if base([loose], verb, objs) is None and missing_prep:
            continue
        if isinstance(pattern, PetrarchPattern) and not (
            set(pattern.words) <= _phrase_words(objs) and _before(pattern.before, verb)
        ):
            continue
        return pattern
    return None


def reciprocal_table(lexicon: Lexicon) -> dict[tuple[str, str], str]:
    """(pattern place, code) → the code of the reciprocal event, for patterns with one."""
    table: dict[tuple[str, str], str] = {}
    for lemma in lexicon.verb_lemmas():
        for pattern in lexicon.verb_patterns(lemma):
            if isinstance(pattern, PetrarchPattern) and pattern.reciprocal:
                table[(pattern.where, pattern.code)] = pattern.reciprocal
    return table


def reciprocal_events(found: list[Found], table: dict[tuple[str, str], str]) -> list[Found]:
    """For a "[032:033]" pattern, the target's event towards the source ("X arrived in Y":
    X visits Y, 032, and Y hosts X, 033), as PETRARCH codes it."""
    back: list[Found] = []
    for event in found:
        code = table.get((event.where, event.code))
        if code is None or not event.targets or not event.sources:
            continue
        sources = [(target, False) for target in event.targets]
        targets = [source for source, _ in event.sources]
        back.append(replace(event, code=code, sources=sources, targets=targets))
    return back


def _phrase_tokens(verb: Token) -> list[Token]:
    """The words of the verb phrase after the verb, in order (subject and the clauses
    hung on the verb left out)."""
    inside: list[Token] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in OUTSIDE_PHRASE - {"neg", "dep"}:
            inside.extend(child.subtree)
    return sorted(inside, key=lambda t: t.i)


def _in_order(words: tuple[str, ...], tokens: list[Token]) -> bool:
    """``words`` found one after the other among ``tokens`` (as written or as lemmas;
    a plural in the pattern also matches its singular lemma)."""
    remaining = iter(tokens)
    for word in words:
        forms = {word, word[:-1] if word.endswith("s") else word}
        if not any(t.lower_ in forms or t.lemma_.lower() in forms for t in remaining):
            return False
    return True


def _phrase_words(objs: list[Token]) -> set[str]:
    """Words (as written and as lemmas) of the objects' noun phrases, without their
    prepositional phrases and clauses."""
    words: set[str] = set()
    stack = list(objs)
    while stack:
        tok = stack.pop()
        words.update((tok.lower_, tok.lemma_.lower()))
        stack.extend(c for c in tok.children if c.dep_ not in _NOT_IN_PHRASE)
    return words


_NOT_IN_PHRASE = frozenset({"prep", "relcl", "acl", "punct", "cc", "conj", "appos"})


def _before(words: tuple[str, ...], verb: Token) -> bool:
    """``words`` in this order among the sentence's words before the verb ("n't" is a word,
    as in PETRARCH's TreeBank input, and so it is in spaCy's tokens)."""
    if not words:
        return True
    earlier = iter(t.lower_ for t in verb.sent if t.i < verb.i)
    return all(any(word == seen for seen in earlier) for word in words)


def clause_sources(verb: Token, index: MentionIndex) -> list[tuple[ActorMention, bool]]:
    """The source of a verb without a subject of its own: the subject of the nearest
    clause above it ("Arnor is about to restore …": "is" has "Arnor")."""
    tok = verb
    for _ in range(_MAX_CLIMB):
        if tok.head.i == tok.i or tok.dep_ in ("advcl", "relcl", "ccomp", "parataxis"):
            return []  # a clause of its own: its subject is not ours
        tok = tok.head
        slots = subjects(tok)
        if slots:
            mentions = [m for slot in slots for m in index.actors(slot.token)]
            return [(m, False) for m in mentions]
    return []


def phrase_targets(
    verb: Token, index: MentionIndex, sources: list[ActorMention]
) -> list[ActorMention]:
    """The first actor of the verb phrase, nearest to the verb in the parse first (ties in
    word order), with its conjuncts ("ties with Gondor and Arnor" → both)."""
    taken = {id(m) for m in sources}
    queue = deque(
        sorted((c for c in verb.children if c.dep_ not in OUTSIDE_PHRASE), key=lambda t: t.i)
    )
    seen: set[int] = set()
    while queue:
        tok = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        found = [
            m
            for m in index.actors(tok)
            if id(m) not in taken and m.kind != "pronoun"  # PETRARCH resolves no pronouns
        ]
        if found:
            return found
        queue.extend(
            sorted((c for c in tok.children if c.dep_ not in ("punct", "cc")), key=lambda t: t.i)
        )
    return []
