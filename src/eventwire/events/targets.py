"""Where an event's target is: the pattern's slot, the addressee of a public complement,
the owner of the event noun acted on, a fallback preposition, or where force is used.

:class:`TargetFinding` is the part of the extractor (:class:`.extract.EventExtractor`)
that reads a verb pattern's target; actor stand-ins (a capital or country read as a
place, a country adjective on a common noun) come from
:class:`~eventwire.events.actors_of.ActorResolution`.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors import ActorMention
from eventwire.events.actors_of import ActorResolution
from eventwire.events.build import ADDRESSED_ROOTS
from eventwire.events.clauses import (
    datives,
    is_passive,
    misparsed_datives,
    prep_objects,
    public_complements,
)
from eventwire.events.complements import load_object_nouns
from eventwire.events.lexicon import Lexicon, VerbPattern
from eventwire.events.mentions import MentionIndex
from eventwire.events.nominal import ADDRESSEE_PREPS
from eventwire.events.predicates import FALLBACK_PREPS, attacked

#: Roots of attacks, fighting and mass violence, whose target can be where it happens.
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
#: Roots of verbal acts on a thing (demand, disapprove, reject, threaten): the country of
#: an adjective on the thing is a target only when the thing is a claim or event noun.
VERBAL_ROOTS = frozenset({"10", "11", "12", "13"})
#: Roots of acts that answer someone's words or deeds (comment, demand, disapprove,
#: reject, threaten): the by-phrase of what is answered names its author, the target
#: ("rejected calls by X"); on other acts it names a doer ("cancelled visits by X").
ANSWERING_ROOTS = VERBAL_ROOTS | {"01"}
#: Prepositions that introduce the party attacked in events of force ("fired on X").
VIOLENT_PREPS = ("on", "at", "upon")


class TargetFinding(ActorResolution):
    """Target finding of the event extractor, which sets ``lexicon``."""

    lexicon: Lexicon

    def _ordinary_owned(self, tok: Token, index: MentionIndex) -> bool:
        """A common noun that is no actor, no event or claim noun of the lexicon and no
        speech-act noun, whose only actor is the country of its adjective ("Indian
        food"): a verbal act on it (rejection, criticism, demand) has no target there."""
        if index.of_phrase(tok) is not None or tok.pos_ != "NOUN":
            return False
        lemma = tok.lemma_.lower()
        if lemma in load_object_nouns().owned or self.lexicon.noun_patterns(lemma):
            return False
        return self._noun_country(tok, index) is not None

    def verb_targets(
        self, pattern: VerbPattern, verb: Token, objs: list[Token], index: MentionIndex
    ) -> tuple[list[ActorMention], bool]:
        """Target actors from the pattern's slot, else from a fallback preposition."""
        heads = [verb, *objs]
        if pattern.target == "prep" and pattern.prep:
            # "lifted the sanctions imposed on X": the object's participle carries the phrase
            participles = [c for o in objs for c in o.children if c.dep_ == "acl"]
            slot = prep_objects([*heads, *public_complements(heads), *participles], pattern.prep)
            if not slot and pattern.prep in ("to", "for"):
                # "gave Nigeria assistance" = "gave assistance to Nigeria"
                slot = datives(verb) or misparsed_datives(verb, objs)
        elif pattern.target == "obj":
            # "hold talks with": the object is the event noun, the target lies elsewhere
            slot = datives(verb) + ([] if pattern.obj else objs)
        else:
            slot = []
        if pattern.target == "obj" and pattern.code[:2] in VERBAL_ROOTS and pattern.code != "115":
            # (a lawsuit's defendant, 115, is a person or body: "sued a Russian banker")
            # "rejected Indian claims" answers India; "rejected Indian food" answers no one
            slot = [t for t in slot if not self._ordinary_owned(t, index)]
        targets = self._actors(slot, index)
        if targets:
            return targets, True
        # "made its reservations known to/in X": the addressee of a public complement
        public = public_complements(heads)
        for prep in ADDRESSEE_PREPS:
            targets = self._actors(prep_objects(public, prep), index)
            if targets:
                return targets, True
        owners: list[Token] = []
        if pattern.obj and pattern.target in ("obj", "none"):
            # "rejected the Iraqi government's demand", "accepted Japan's offer": the
            # event noun's possessor is the party the act answers
            owners = [c for o in objs for c in o.children if c.dep_ == "poss"]
            # "demanded a meeting of the Security Council", "accepted the offer of X"
            owners += prep_objects(objs, "of")
            owners += [o for o in objs if self._noun_country(o, index) is not None]
        if pattern.code[:2] in ANSWERING_ROOTS and (pattern.obj or pattern.target == "obj"):
            # "rejected calls by X", "criticised the decision by X": the author of what is
            # answered (an of-phrase may name the victims: "the killing of civilians").
            # The parser often hangs it on an active verb ("rejected a proposal by X"); a
            # passive verb's by-phrase is its agent, the source ("the plan rejected by X")
            on_verb = bool(objs) and not is_passive(verb)
            owners += prep_objects([*objs, verb] if on_verb else objs, "by")
        # a pronoun possessor ("made its reservations known") is the subject's own
        targets = [m for m in self._actors(owners, index) if m.kind != "pronoun"]
        if targets:
            return targets, True
        if pattern.target == "none" and pattern.code[:2] in VIOLENT_ROOTS:
            # "retook a village in X", "launched rockets against X": where force is used
            return self._fallback_targets(pattern.code, heads, attacked(objs), index), False
        if pattern.target == "none":
            targets = self._addressee(pattern.code, verb, objs, index)
            return targets, bool(targets)
        targets = self._accused(pattern.code, verb, index)
        if targets:
            return targets, True
        return self._fallback_targets(pattern.code, heads, attacked(objs), index), False

    def _accused(self, code: str, verb: Token, index: MentionIndex) -> list[ActorMention]:
        """Who a disapproval or accusation (11) is about when it names no one itself: the
        subject of its complement clause, said before or after it ("charged that Croatian
        police had beaten X", "Croatian police beat X, Serbia protested")."""
        if code[:2] != "11":
            return []
        return [
            m
            for clause in verb.children
            if clause.dep_ == "ccomp"
            for subject in clause.children
            if subject.dep_ in ("nsubj", "nsubjpass")
            for m in index.actors(subject)
            if m.kind != "pronoun"
        ]

    def _addressee(
        self, code: str, verb: Token, objs: list[Token], index: MentionIndex
    ) -> list[ActorMention]:
        """The addressee of a statement, appeal or demand whose row names no target:
        the verb's to-phrase ("expressed concern to X"); for a demand also the from-phrase
        on the verb or what is demanded ("demanded autonomy from X"), or the agent of what
        is demanded ("an admission by X", "X's apology"). A disapproval is
        about the subject of its clause (:meth:`_accused`)."""
        if code[:2] not in ADDRESSED_ROOTS:
            return self._accused(code, verb, index)
        targets = self._actors(prep_objects([verb, *objs], "to"), index)
        if not targets and code[:2] == "10":
            targets = self._actors(prep_objects([verb, *objs], "from"), index)
        if not targets and code[:2] == "10":
            # "demanded an admission by X", "demanded X's apology": who is to do what is
            # demanded is asked for it
            agents = prep_objects([verb, *objs], "by") + [
                c for o in objs for c in o.children if c.dep_ == "poss"
            ]
            targets = [m for m in self._actors(agents, index) if m.kind != "pronoun"]
        return targets

    def _fallback_targets(
        self, code: str, heads: list[Token], attacked: list[Token], index: MentionIndex
    ) -> list[ActorMention]:
        """Targets outside the pattern's own slot: the object of with/to/against/toward;
        for aid, also of for ("aid for Romania"); for force, also of on/at ("opened fire
        on X") and the country where what is attacked lies ("struck targets in Syria")."""
        violent = code[:2] in VIOLENT_ROOTS
        preps = FALLBACK_PREPS + (VIOLENT_PREPS if violent else ())
        if code[:2] == "07" or code.startswith("033"):
            preps += ("for",)  # "aid for Romania": the beneficiary of aid
        for prep in preps:
            targets = self._actors(prep_objects(heads, prep), index)
            if targets:
                return targets
        if violent:
            for prep in ("in", "inside", "across"):
                targets = self._actors(prep_objects(attacked, prep), index)
                if targets:
                    return targets
            # "hit positions in Saudi Arabia" with the in-phrase on the verb: only a country
            # name counts there, as a city or capital would make the government the target
            for prep in ("in", "inside"):
                for tok in prep_objects(heads[:1], prep):
                    mention = self._place_as_actor(tok, index, ("name",))
                    if mention is not None:
                        return [mention]
        return []
