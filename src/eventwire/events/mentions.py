"""Actor mentions of a parsed document, looked up by token: which actor a noun phrase names.

:class:`MentionIndex` is built once per document, so that finding the actor of a token is
one dictionary lookup. A phrase names an actor by its head, a relative pronoun's noun, an
apposed name or an actor modifier ("the Defense Ministry paper"); a spokesperson speaks for
the body of its for-phrase; a sector-only group placed by a phrase ("police in Nairobi")
takes that place's country; conjuncts ("China and Russia") are each an actor.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors import ActorMention

RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
#: Nouns of people who speak for a body ("a spokesman for X"): the body is the actor.
SPEAKER_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative"})


class MentionIndex:
    """Actor mentions of a document by token index (every token of a mention and its head)."""

    def __init__(self, doc: Doc, extra: dict[int, ActorMention] | None = None):
        self.doc = doc
        self._at: dict[int, ActorMention] = {}
        places = place_countries(doc)
        for mention in doc._.ew_mentions or []:
            mention = localised(doc, mention, places)
            for i in range(mention.start, mention.end):
                self._at.setdefault(i, mention)
            self._at.setdefault(mention.head, mention)
        if extra:
            for i, mention in extra.items():
                self._at.setdefault(i, mention)

    def at(self, i: int) -> ActorMention | None:
        """The mention covering token ``i``."""
        return self._at.get(i)

    def add(self, i: int, mention: ActorMention) -> None:
        """Record a mention found by the events stage itself (a capital as addressee)."""
        self._at.setdefault(i, mention)

    def actors(self, token: Token) -> list[ActorMention]:
        """The actors a noun phrase names, conjuncts included ("China and Russia")."""
        found: list[ActorMention] = []
        for tok in conjuncts(token):
            mention = self.of_phrase(tok)
            if mention is not None and all(m is not mention for m in found):
                found.append(mention)
        return found

    def of_phrase(self, token: Token) -> ActorMention | None:
        """The actor of the phrase headed by ``token``: itself, its relative-clause noun,
        or an actor modifier of a non-actor head ("the Defense Ministry paper")."""
        if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            token = token.head.head
        mention = self.at(token.i)
        if mention is not None:
            return self._spoken_for(token) or mention
        for child in token.children:
            if child.dep_ == "appos" and child.pos_ == "PROPN" and self.at(child.i) is not None:
                return self.at(child.i)  # "the then president, Goodluck Jonathan, rejected"
        if inert_noun(token):
            return None  # "US government bonds rallied": markets move, the state does not
        for child in token.children:
            mention = self.at(child.i) if child.dep_ in ("poss", "compound", "nmod") else None
            # "their economies" after "X and Y invested in": a pronoun possessor points
            # back to the clause's own actors, not to a party acted upon
            if mention is not None and mention.kind != "pronoun":
                return mention
        return None

    def _spoken_for(self, token: Token) -> ActorMention | None:
        """The body a spokesperson speaks for ("a spokesman for the Taliban"): CAMEO codes
        what a spokesperson says or does as the body's own act."""
        if token.lemma_.lower() not in SPEAKER_NOUNS:
            return None
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of"):
                for obj in prep.children:
                    body = self.at(obj.i) if obj.dep_ == "pobj" else None
                    if body is not None and body.kind not in ("pronoun", "agent"):
                        return body
        return None

    def modifier_actor(self, noun: Token) -> ActorMention | None:
        """The actor of a possessive, compound or adjective before a noun ("US sanctions")."""
        if inert_noun(noun):
            return None
        own = self.at(noun.i)
        for child in noun.children:
            if child.i < noun.i and child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self.at(child.i)
                if mention is not None and mention is not own:
                    return mention
        return None


def inert_noun(noun: Token) -> bool:
    """A thing that moves only in a figurative sense ("bonds", "markets", "the yuan"):
    the ``inert`` nouns of ``object_nouns.tsv``."""
    # here: complements imports this module
    from eventwire.events.complements import load_object_nouns

    return noun.pos_ in ("NOUN", "PROPN") and noun.lemma_.lower() in load_object_nouns().inert


#: Prepositions after a group noun that say where the group is ("police in Nairobi").
LOCATING_PREPS = frozenset({"in", "from", "of"})
#: Mention kinds that name a sector-only group and may take their country from a place.
GROUP_KINDS = frozenset({"agent", "institution"})


def place_countries(doc: Doc) -> dict[int, str]:
    """Country of every token of a resolved place mention (the places stage ran before)."""
    found: dict[int, str] = {}
    for place in getattr(doc._, "ew_place_mentions", None) or []:
        country = place.chosen.country if place.chosen is not None else None
        if country:
            found.update((i, country) for i in range(place.start, place.end))
    return found


def localised(doc: Doc, mention: ActorMention, places: dict[int, str]) -> ActorMention:
    """A sector-only group placed by a phrase on its head ("police in Nairobi", "protesters
    in the town of Gjilan") belongs to that place's country: CAMEO codes the country when
    the text gives it, else the sector alone. Other mentions are returned unchanged."""
    if mention.actor.country or mention.kind not in GROUP_KINDS or not places:
        return mention
    head = doc[mention.head]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATING_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            # "the town of Gjilan": the place is the object of the object's of-phrase
            named = [obj, *(g for c in obj.children if c.lower_ == "of" for g in c.children)]
            country = next((places[t.i] for t in named if t.i in places), None)
            if country:
                actor = mention.actor.model_copy(
                    update={"country": country, "code": country + mention.actor.code}
                )
                return replace(mention, actor=actor)
    return mention


def conjuncts(token: Token) -> list[Token]:
    """The token and its conjuncts, in text order ("Taiwan and Japan" → [Taiwan, Japan])."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj" or _listed_appos(c)]
    while stack:
        tok = stack.pop(0)
        out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ == "conj" or _listed_appos(c))
    return sorted(out, key=lambda t: t.i)


def first_conjunct(token: Token) -> Token:
    """The first of a chain of conjuncts ("launched X and seized Y": "launched"); the
    token itself when it is none."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _listed_appos(token: Token) -> bool:
    """A list the parser read as an apposition ("The US, Russia, and Switzerland met":
    Russia an appos of US with Switzerland its conjunct). A true apposition ("Bush,
    the president") has no coordinated conjunct of its own."""
    return (
        token.dep_ == "appos"
        and token.pos_ == "PROPN"
        and any(c.dep_ == "cc" for c in token.children)
        and any(c.dep_ == "conj" for c in token.children)
    )
