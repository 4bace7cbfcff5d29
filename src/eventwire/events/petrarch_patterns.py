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
(``[---]``) that matches codes nothing. With a PETRARCH-2 dictionary the words are
compared as written, as PETRARCH-2 does (a plural pattern word needs the plural).
In a passive, PETRARCH-2 reads the by-phrase where the subject would stand ("- PROTESTOR *"
codes "was demolished by a protestor"), and we read the passive subject where the object
would ("Evidence against X was presented" for "- * EVIDENCE"; PETRARCH-2 itself looks
only in the by- and from-phrases). ``[032:033]`` codes the reciprocal event too
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
from eventwire.events.clauses import subjects
from eventwire.events.lexicon import Lexicon, VerbPattern
from eventwire.events.mentions import MentionIndex, conjuncts

# Children of the verb that are not inside its verb phrase: its subject, the clauses
# hung on it that have their own events ("after crowds trashed its embassy") and glue.
OUTSIDE_PHRASE = frozenset(
    {
        "nsubj", "nsubjpass", "csubj", "csubjpass", "expl", "agent", "advcl", "conj", "cc",
        "punct", "mark", "aux", "auxpass", "neg", "parataxis", "relcl", "dep", "intj",
    }
)  # fmt: skip
# Clausal complements: a clause with an event of its own ("said [Y attacked Z]", "agreed
# [to lift the sanctions]"), outside the verb's own phrases in PETRARCH-2.
CLAUSAL = frozenset({"ccomp", "xcomp", "csubj"})
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
    #: "- % * [030:030]": only for a compound subject ("A and B agree that …"), whose
    #: members are each other's partners
    compound: bool = False
    #: "WIRE_+TAP": words right before the verb that make the verb a compound of its own
    prefix: tuple[str, ...] = ()
    #: "_" in the pattern: k ties word k of ``before`` to the next word (the last one to
    #: the verb); k ties word k of ``after`` to the next one, -1 the verb to the first
    before_joins: frozenset[int] = frozenset()
    after_joins: frozenset[int] = frozenset()
    #: PETRARCH-2 dictionary: the words after the verb are sought in its own phrases (its
    #: objects and prepositional phrases), never inside a clause it governs ("said the
    #: rebels attacked" does not match "- * ATTACK", a noun the verb itself would govern)
    phrase_bound: bool = False
    #: for each word of ``after``, whether the pattern puts it in a prepositional phrase
    #: ("- * AID (TO +)"); PETRARCH-2 matches the others in the noun phrases the verb
    #: governs, outside its prepositional phrases ("- * TRIP" is no "at the start of a trip")
    after_in_phrases: tuple[bool, ...] = ()

    @property
    def specificity(self) -> tuple[int, int, int, int]:
        """Every required word makes a pattern more specific ("NOT * RELATIONS" first), and
        so does a required compound subject."""
        count, *parts = super().specificity
        return (len(self.before) + max(len(self.after), count) + self.compound, *parts)


def match_petrarch(
    patterns: list[VerbPattern], verb: Token, objs: list[Token], base
) -> VerbPattern | None:
    """The first pattern whose words are in place, most specific first. ``base`` (the
    extractor's matcher) checks the particle and the preposition; the object's word may
    be anywhere in the object's noun phrase, as PETRARCH matches it ("- * ARTILLERY"
    codes "fired two artillery shells")."""
    first: VerbPattern | None = None
    for pattern in patterns:
        if first is not None and pattern.specificity != first.specificity:
            break
        if not _matches(pattern, verb, objs, base):
            continue
        first = first or pattern
        if _written_as(pattern, verb):
            return pattern
    return first


def _written_as(pattern: VerbPattern, verb: Token) -> bool:
    """Whether the pattern's words are in the text as written: PETRARCH compares words,
    not lemmas, so of "- * SANCTION [0351]" and "- * SANCTIONS [085]" the second codes
    "lifted the sanctions" (a pattern still matches another form when none is written so)."""
    if not isinstance(pattern, PetrarchPattern) or not pattern.after:
        return True
    written = {t.lower_ for t in _phrase_tokens(verb, own=pattern.phrase_bound)}
    return set(pattern.after) <= written


def _matches(pattern: VerbPattern, verb: Token, objs: list[Token], base) -> bool:
    """Whether the pattern's words (in any of their forms), particle and preposition are
    in place."""
    if isinstance(pattern, PetrarchPattern) and not _prefixed(pattern, verb):
        return False
    if isinstance(pattern, PetrarchPattern) and pattern.after:
        # the words themselves decide: "over" may be the verb's particle or a
        # preposition, whatever the parser made of it
        ties = pattern.after_joins
        first = verb.i + 1 if -1 in ties else None
        if pattern.phrase_bound and pattern.after_in_phrases:
            found = _structured(pattern, verb, first)
        else:
            after = _phrase_tokens(verb, own=pattern.phrase_bound)
            found = _in_order(pattern.after, after, ties, first=first)
        return found and _before(pattern, verb)
    if pattern.obj is not None and pattern.obj not in _phrase_words(objs):
        return False
    loose = replace(pattern, obj=None)
    # an object pattern still codes when its target preposition is missing
    missing_prep = pattern.obj is None or base([replace(loose, prep=None)], verb, objs) is None
    if base([loose], verb, objs) is None and missing_prep:
        return False
    return not isinstance(pattern, PetrarchPattern) or (
        set(pattern.words) <= _phrase_words(objs) and _before(pattern, verb)
    )


def _prefixed(pattern: PetrarchPattern, verb: Token) -> bool:
    """The pattern's compound subject and its words right before the verb are there."""
    if pattern.compound and not compound_subject(verb):
        return False
    start = verb.i - len(pattern.prefix)
    if start < verb.sent.start:
        return False
    return [t.lower_ for t in verb.doc[start : verb.i]] == list(pattern.prefix)


def compound_subject(verb: Token) -> bool:
    """Whether the verb's subject is a coordination ("Peru and Chile agree …")."""
    return any(len(conjuncts(slot.token)) > 1 for slot in subjects(verb))


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


def _phrase_tokens(verb: Token, *, own: bool = False) -> list[Token]:
    """The words of the verb phrase after the verb, in order (subject and the clauses
    hung on the verb left out; with ``own`` its clausal complements too)."""
    outside = OUTSIDE_PHRASE - {"neg", "dep"}
    if own:
        outside |= CLAUSAL
    inside: list[Token] = []
    for child in verb.children:
        if child.i > verb.i and child.dep_ not in outside:
            inside.extend(child.subtree)
    return sorted(inside, key=lambda t: t.i)


def _structured(pattern: PetrarchPattern, verb: Token, first: int | None) -> bool:
    """PETRARCH-2: the words in order in the verb's own phrases, each inside or outside a
    prepositional phrase as the pattern puts it."""
    tokens = passive_subject_phrase(verb) + own_phrase(verb)
    flags = dict(tokens)
    roles = pattern.after_in_phrases

    def same(token: Token, k: int) -> bool:
        return flags[token] == roles[k] and _written_word(token, pattern.after[k])

    ordered = [t for t, _ in tokens]
    return _embeds(pattern.after, ordered, pattern.after_joins, same, first=first)


#: Children that open a clause of its own inside a phrase ("allegations that it had …").
_CLAUSE_DEPS = frozenset({"acl", "relcl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"})
_PREP_DEPS = frozenset({"prep", "agent"})


def passive_subject_phrase(verb: Token) -> list[tuple[Token, bool]]:
    """The subject phrase of a passive verb, which stands where the active verb's object
    would ("Evidence against X was presented" for "- * EVIDENCE"), as PETRARCH-2 matches
    a passive (words as in :func:`own_phrase`)."""
    subject = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return _walk([(c, False) for c in subject])


def own_phrase(verb: Token) -> list[tuple[Token, bool]]:
    """The words after the verb in its own phrases, in order, each with whether it lies
    in a prepositional phrase: PETRARCH-2's noun and prepositional phrases of the verb,
    not the clauses the verb or its nouns govern."""
    outside = (OUTSIDE_PHRASE - {"neg", "dep"}) | CLAUSAL
    stack = [
        (c, c.dep_ in _PREP_DEPS or (c.dep_ == "dative" and c.pos_ == "ADP"))
        for c in verb.children
        if c.i > verb.i and c.dep_ not in outside
    ]
    return _walk(stack)


def _walk(stack: list[tuple[Token, bool]]) -> list[tuple[Token, bool]]:
    """The phrases under the given tokens, without their clauses, in text order."""
    found: dict[Token, bool] = {}
    while stack:
        tok, in_phrase = stack.pop()
        found[tok] = in_phrase
        for child in tok.children:
            if child.dep_ not in _CLAUSE_DEPS and child.dep_ != "punct":
                stack.append((child, in_phrase or child.dep_ in _PREP_DEPS))
    return sorted(found.items(), key=lambda item: item[0].i)


def _same_word(token: Token, word: str) -> bool:
    """The token is the pattern's word as written or as lemma (a plural in the pattern
    also matches its singular lemma)."""
    forms = {word, word[:-1] if word.endswith("s") else word}
    return token.lower_ in forms or token.lemma_.lower() in forms


def _written_word(token: Token, word: str) -> bool:
    """PETRARCH-2 compares a pattern word with the text's word as written; a synset's
    members also match their regular plurals, so a singular pattern word matches its
    plural here too, but a plural one ("- * AGREEMENTS") never matches the singular."""
    text = token.lower_
    if text == word:
        return True
    if word.endswith("y") and text == word[:-1] + "ies":
        return True
    return text in (word + "s", word + "es")


def _in_order(
    words: tuple[str, ...],
    tokens: list[Token],
    ties: frozenset[int] = frozenset(),
    first: int | None = None,
) -> bool:
    """``words`` found one after the other among ``tokens`` (as written or as lemmas;
    a plural in the pattern also matches its singular lemma), the tied ones side by side
    and the first at position ``first`` when given."""

    return _embeds(words, tokens, ties, lambda t, k: _same_word(t, words[k]), first=first)


def _embeds(words, tokens, ties, same, first=None, last=None) -> bool:
    """Whether ``words`` match ``tokens`` in order (``same(token, k)``: the token is word
    k), each word k in ``ties`` directly
    followed in the text by word k+1, the first word at position ``first`` and the last
    at ``last`` when given (PETRARCH's "_" between words and next to the verb)."""

    def fits(k: int, start: int, previous: Token | None) -> bool:
        if k == len(words):
            return last is None or (previous is not None and previous.i == last)
        for p in range(start, len(tokens)):
            token = tokens[p]
            if k == 0 and first is not None and token.i != first:
                continue
            if previous is not None and k - 1 in ties and token.i != previous.i + 1:
                continue
            if same(token, k) and fits(k + 1, p + 1, token):
                return True
        return False

    return fits(0, 0, None)


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


def _before(pattern: PetrarchPattern, verb: Token) -> bool:
    """The pattern's words before the verb, in this order among the sentence's words
    before it ("n't" is a word, as in PETRARCH's TreeBank input, and so it is in spaCy's
    tokens); the tied ones side by side, the last next to the verb when tied to it."""
    words = pattern.before
    if not words:
        return True
    earlier = [t for t in verb.sent if t.i < verb.i]
    ties = pattern.before_joins
    last = verb.i - 1 if len(words) - 1 in ties else None
    if _embeds(words, earlier, ties, lambda t, k: t.lower_ == words[k], last=last):
        return True
    # PETRARCH-2 matches a passive's by-phrase where the active subject would stand
    # ("- PROTESTOR * [145]": "was demolished by a protestor")
    doers = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    if not (pattern.phrase_bound and doers):
        return False
    return _embeds(words, doers, frozenset(), lambda t, k: _written_word(t, words[k]))


def naming_complement(patterns: list[VerbPattern]) -> list[VerbPattern]:
    """The patterns of a control verb that still code it: those with words after the
    verb, which PETRARCH finds anywhere in the verb phrase, the complement included
    ("VOW: - * WAR" for "vowed to wage war")."""
    return [p for p in patterns if isinstance(p, PetrarchPattern) and p.after]


def default_actors(
    verb: Token,
    pattern: VerbPattern,
    index: MentionIndex,
    sources: list[tuple[ActorMention, bool]],
    targets: list[ActorMention],
) -> tuple[list[tuple[ActorMention, bool]], list[ActorMention]]:
    """The actors a pattern leaves open, sought where PETRARCH seeks them; an actor word
    the pattern itself names ("swiss francs") is no target."""
    named = pattern_words(pattern, verb)
    phrase_bound = isinstance(pattern, PetrarchPattern) and pattern.phrase_bound
    if not sources and phrase_bound:
        sources = passive_sources(verb, index)
    sources = sources or clause_sources(verb, index)
    targets = outside(targets, named) or phrase_targets(verb, index, [m for m, _ in sources], named)
    return sources, targets


def passive_sources(verb: Token, index: MentionIndex) -> list[tuple[ActorMention, bool]]:
    """The source of a passive verb without an actor in its by-phrase, as PETRARCH-2 seeks
    it in the verb's prepositional phrases: the actor the fire came from ("was fired at X
    from Gaza"), or the doer of the attack a victim fell in ("were killed in an air strike
    by government forces"). A place the act happened in ("killed in Ukraine") is no
    source here, though PETRARCH-2 would code it."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    for prep in (c for c in verb.children if c.dep_ in ("prep", "agent")):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            found = index.actors(noun) if prep.lower_ == "from" else []
            found = found or _doers_of(noun, index)
            mentions = [m for m in found if m.kind != "pronoun"]
            if mentions:
                return [(m, False) for m in mentions]
    return []


def _doers_of(noun: Token, index: MentionIndex) -> list[ActorMention]:
    """The actors of a noun's own by-phrase ("an air strike by government forces")."""
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ == "by":
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                return index.actors(obj)
    return []


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


def pattern_words(pattern: VerbPattern, verb: Token) -> set[int]:
    """Indices of the verb phrase's words that the pattern itself names ("contribute a
    million swiss francs" for "- * &CURRENCY"): they are the predicate, so an actor word
    among them ("swiss") is no party to the event."""
    if not isinstance(pattern, PetrarchPattern):
        return set()
    named = {*pattern.words, *pattern.after, *([pattern.obj] if pattern.obj else [])}
    tokens = _phrase_tokens(verb, own=pattern.phrase_bound)
    return {t.i for t in tokens if t.lower_ in named or t.lemma_.lower() in named}


def outside(mentions: list[ActorMention], named: set[int]) -> list[ActorMention]:
    """The mentions not made only of words in ``named``."""
    return [m for m in mentions if not set(range(m.start, m.end)) <= named]


def _in_phrase(child: Token) -> bool:
    """Whether a child of the verb belongs to its phrase: not its subject or glue, nor a
    clause with events of its own, except an infinitive of purpose without a subject
    ("signed an accord to supply X with wheat"), which says what the act is about."""
    if child.dep_ == "advcl":
        return any(c.lower_ == "to" and c.dep_ == "aux" for c in child.children) and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in child.children
        )
    return child.dep_ not in OUTSIDE_PHRASE


def phrase_targets(
    verb: Token, index: MentionIndex, sources: list[ActorMention], named: set[int] = frozenset()
) -> list[ActorMention]:
    """The first actor of the verb phrase, nearest to the verb in the parse first (ties in
    word order), with its conjuncts ("ties with Gondor and Arnor" → both); words the
    pattern names (:func:`pattern_words`) are not actors here."""
    taken = {id(m) for m in sources}
    queue = deque(sorted((c for c in verb.children if _in_phrase(c)), key=lambda t: t.i))
    seen: set[int] = set()
    while queue:
        tok = queue.popleft()
        if tok.i in seen:
            continue
        seen.add(tok.i)
        found = [
            m
            for m in outside(index.actors(tok), named)
            if id(m) not in taken and m.kind != "pronoun"  # PETRARCH resolves no pronouns
        ]
        if found:
            return found
        queue.extend(
            sorted((c for c in tok.children if c.dep_ not in ("punct", "cc")), key=lambda t: t.i)
        )
    return []
