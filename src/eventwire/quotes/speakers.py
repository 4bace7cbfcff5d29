"""Who speaks: the actor behind a cue verb, through the actor mentions of the Doc.

The speaker is the nominal subject of the cue ("Lo said"), the agent of a passive cue
("was urged by Tokyo"), the subject of the verb a cue is joined to ("He smiled and
said"), or the noun a relative clause hangs on ("Lo, who said …"). Pronouns and short
names are already resolved by the actors stage's coreference; a subject that is no
actor mention gives no speaker (None), never a guess.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from eventwire.actors import ActorMention, actor_at

_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Cue relations whose subject, when the cue has none, is the governing verb's.
_SHARES_SUBJECT = frozenset({"conj", "xcomp"})
_SPEAKS_FOR = frozenset({"of", "for", "from"})
#: Dependents of a subject that name someone else ("Lo, who met Tsai, said"); an
#: apposition names the same person ("the spokesman, Hong Lei, said") and is kept.
_NOT_THE_SUBJECT = frozenset({"relcl", "acl", "prep", "conj", "cc", "punct"})
_PERSONAL = {"he": "m", "she": "f"}
_PERSON_KINDS = frozenset({"person", "shortname", "pronoun"})


def subject_of(cue: Token) -> Token | None:
    """The token that names who speaks: subject, passive agent, or relative head."""
    # a nominal subject first: "What's happening? … Toner said" has both
    subjects = [c for c in cue.children if c.dep_ == "nsubj"] or [
        c for c in cue.children if c.dep_ == "csubj"
    ]
    for child in subjects:
        if child.lower_ in _RELATIVE and cue.dep_ == "relcl":
            return cue.head
        return child
    for child in cue.children:
        if child.dep_ == "agent":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    if any(c.dep_ == "nsubjpass" for c in cue.children):
        return None  # "Taiwan was urged": the subject is the addressee, not the speaker
    if cue.dep_ in _SHARES_SUBJECT and cue.head.pos_ in {"VERB", "AUX"} and cue.head.i != cue.i:
        # "He smiled and said", "went on to say": the subject of the verb it hangs on
        return subject_of(cue.head)
    return None


def mention_for(doc: Doc, token: Token) -> ActorMention | None:
    """The actor mention that ``token`` (a subject or object) stands for.

    The mention covering the token itself wins; otherwise the nearest mention inside
    the token's own phrase, leaving out relative clauses and appositions that name
    other people ("the lawmaker, who met Tsai").
    """
    found = actor_at(doc, token.i)
    if found is not None:
        return found
    phrase = _own_phrase(token)
    best: tuple[int, ActorMention] | None = None
    for m in doc._.ew_mentions or []:
        if m.head in phrase or any(i in phrase for i in range(m.start, m.end)):
            distance = abs(m.head - token.i)
            if best is None or distance < best[0]:
                best = (distance, m)
    return best[1] if best else None


def _same_person(child: Token, in_apposition: bool = False) -> bool:
    # "a spokesman for the ministry", "an official from Beijing" speak for the ministry;
    # "Batto, a scientist from Academia Sinica" speaks for himself
    if child.dep_ == "prep":
        return child.lower_ in _SPEAKS_FOR and not in_apposition
    return child.dep_ not in _NOT_THE_SUBJECT


def _own_phrase(token: Token) -> set[int]:
    phrase = {token.i}
    stack = [(c, c.dep_ == "appos") for c in token.children if _same_person(c)]
    while stack:
        t, in_apposition = stack.pop()
        phrase.add(t.i)
        stack.extend(
            (c, in_apposition or c.dep_ == "appos")
            for c in t.children
            if in_apposition is False or _same_person(c, in_apposition)
        )
    return phrase


def unresolved_pronoun(doc: Doc, cue: Token) -> str | None:
    """ "m"/"f" when the cue's subject is he/she and no accepted mention stands for it."""
    subject = subject_of(cue)
    if subject is None or subject.lower_ not in _PERSONAL:
        return None
    return _PERSONAL[subject.lower_]


def is_person(mention: ActorMention | None) -> bool:
    """True for a mention of a person (by name, short name or pronoun)."""
    return mention is not None and mention.kind in _PERSON_KINDS


def same_person_pronoun(mention: ActorMention, gender: str) -> bool:
    """A person mention that a he/she of ``gender`` can stand for."""
    return mention.kind in _PERSON_KINDS and mention.gender in ("", "x", gender)


def _named_in_quotes(doc: Doc, mention: ActorMention, quoted: Callable[[int], bool]) -> bool:
    if mention.kind != "pronoun" or mention.antecedent is None:
        return False
    mentions = doc._.ew_mentions or []
    if not 0 <= mention.antecedent < len(mentions):
        return False
    return quoted(mentions[mention.antecedent].start_char)


def speaker_of(
    doc: Doc, cue: Token, quoted: Callable[[int], bool] = lambda _: False
) -> ActorMention | None:
    """The actor mention who speaks with ``cue``, or None.

    ``quoted(char)`` tells whether a character stands between quote marks: a pronoun
    whose antecedent is only named inside quoted words ("… Gandhi in India …," he
    said) is a coreference slip, and gives no speaker rather than a wrong one.
    """
    subject = subject_of(cue)
    if subject is not None:
        found = mention_for(doc, subject)
    elif any(c.dep_ in {"nsubjpass", "auxpass"} for c in cue.children) or cue.tag_ == "VBG":
        found = None  # "was urged", "…, telling him": no speaker stands next to the cue
    else:
        found = _next_to(doc, cue)
    return None if found is None or _named_in_quotes(doc, found, quoted) else found


def _next_to(doc: Doc, cue: Token) -> ActorMention | None:
    """The mention standing right before the cue ("… Hua Chunying said") or, after a
    quotation, right after it ("…,” said Hua): the parser lost the subject link."""
    before = cue.i - 1
    while before >= 0 and doc[before].dep_ == "advmod" and doc[before].head.i == cue.i:
        before -= 1
    if before >= 0:
        found = actor_at(doc, before)
        if found is not None and found.end == before + 1:
            return found
        if doc[before].is_punct and cue.i + 1 < len(doc):
            found = actor_at(doc, cue.i + 1)
            if found is not None and found.start <= cue.i + 1:
                return found
    return None
