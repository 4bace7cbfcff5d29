"""Which actors fill an event's slots: subjects, target phrases and their stand-ins.

The actors stage (``doc._.ew_actors``) names most actors; an event's slot also accepts
what that stage reads as something else: a country or capital read as a place ("visited
Japan"), a country modifying a common noun ("Syrian troops"), a city standing for its
country ("shelled Fallujah"), the owner in "the embassy of X" and the author behind a
document or delegation ("a statement from the ministry"). Mentions made here are added
to the :class:`~eventwire.events.clauses.MentionIndex` so later events reuse them.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors import ActorMention, KnowledgeBase
from eventwire.events.clauses import MentionIndex, conjuncts, prep_objects, subjects
from eventwire.records import Actor

#: Subjects that speak or act for the actor of their by/from/of-phrase: documents and
#: delegations ("a statement from the ministry", "a delegation of X").
VOICE_NOUNS = frozenset(
    {"statement", "report", "resolution", "communique", "communiqué", "letter", "declaration",
     "decree", "message", "note", "delegation", "team", "mission", "envoy", "representative",
     "member", "members", "group"}
)  # fmt: skip
#: Subjects that count the actor of their of-phrase ("thousands of Iraqi Kurds
#: demonstrated", "a crowd of protesters"): the counted group acts.
QUANTITY_NOUNS = frozenset(
    {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "million", "millions",
     "score", "scores", "crowd", "band", "number", "contingent", "unit", "batch", "some",
     "many", "most", "all", "several", "part", "majority", "third", "half"}
)  # fmt: skip


class ActorResolution:
    """Actor resolution for an event extractor (mixed into
    :class:`~eventwire.events.extract.EventExtractor`, which sets ``self.kb``)."""

    kb: KnowledgeBase

    def _subject_actors(self, verb: Token, index: MentionIndex) -> list[tuple[ActorMention, bool]]:
        """Source actors of a verb: its subjects' actors, else the country that modifies a
        common-noun subject ("Syrian troops shelled …", "Afghan officials accused …")."""
        found: list[tuple[ActorMention, bool]] = []
        for slot in subjects(verb):
            mentions = index.actors(slot.token)
            if not mentions:
                modifier = (
                    self._noun_country(slot.token, index)
                    or self._speaking_for(slot.token, index)
                    or self._city_as_actor(slot.token, index)
                )
                mentions = [modifier] if modifier is not None else []
            found += [(m, slot.direct) for m in mentions]
        return found

    def _speaking_for(self, tok: Token, index: MentionIndex) -> ActorMention | None:
        """The actor behind a subject that is its document or part ("a statement from the
        ministry condemned …", "a delegation of X visited …"): CAMEO codes the author or
        the body the part belongs to."""
        lemma = tok.lemma_.lower()
        counted = lemma in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS
        if not counted and (tok.pos_ != "NOUN" or lemma not in VOICE_NOUNS):
            return None
        for prep in ("of",) if counted else ("by", "from", "of"):
            for obj in prep_objects([tok], prep):
                mention = index.of_phrase(obj) or self._place_as_actor(obj, index)
                if mention is not None and mention.kind != "pronoun":
                    return mention
        return None

    def _noun_country(self, tok: Token, index: MentionIndex) -> ActorMention | None:
        """The country named by an adjective, compound or possessive of a common noun
        ("a Turkish ship", "Chinese counterparts"): the noun's group belongs to it, and
        CAMEO codes the country when the group itself is not in the actor list."""
        if tok.pos_ != "NOUN":
            return None
        for child in tok.children:
            if child.i < tok.i and child.dep_ in ("poss", "compound", "amod", "nmod"):
                mention = self._modifier_country(child, index)
                if mention is not None:
                    return mention
        return None

    def _actors(self, tokens: list[Token], index: MentionIndex) -> list[ActorMention]:
        """Actors of target phrases, conjuncts included; countries read as places count,
        and so does a country modifying a common noun ("released a Turkish ship")."""
        found: list[ActorMention] = []
        for tok in tokens:
            for conj in conjuncts(tok):
                mention = (
                    index.of_phrase(conj)
                    or self._place_as_actor(conj, index)
                    or self._noun_country(conj, index)
                    or self._of_owner(conj, index)
                    or self._city_as_actor(conj, index)
                )
                if mention is not None and all(mention is not f for f in found):
                    found.append(mention)
        return found

    def _city_as_actor(self, tok: Token, index: MentionIndex) -> ActorMention | None:
        """A city or region the places stage resolved, in an actor's slot (subject, object
        or the pattern's preposition: "shelled Fallujah", "Gaza fired rockets"), stands for
        its country, as in the CAMEO dictionaries; a locative phrase never gets here."""
        if tok.pos_ != "PROPN":
            return None
        place = next(
            (p for p in getattr(tok.doc._, "ew_place_mentions", None) or []
             if p.start <= tok.i < p.end and p.chosen is not None),
            None,
        )  # fmt: skip
        if place is None or place.chosen.precision not in ("city", "region"):
            return None
        country = self.kb.country(place.chosen.country or "")
        if country is None:
            return None
        span = tok.doc[place.start : place.end]
        actor = Actor(text=span.text, name=country.name, code=country.code,
                      country=country.code, sectors=[], id=country.wikidata or None)  # fmt: skip
        mention = ActorMention(span.start, span.end, span.start_char, span.end_char, actor,
                               "country", tok.i)  # fmt: skip
        index.add(tok.i, mention)
        return mention

    def _of_owner(self, tok: Token, index: MentionIndex) -> ActorMention | None:
        """The owner in "the embassy of X", "the policies of X": a common noun that is no
        actor stands, as a target, for the actor of its of-phrase, as "X's embassy" does."""
        if tok.pos_ != "NOUN":
            return None
        for obj in prep_objects([tok], "of"):
            mention = index.of_phrase(obj) or self._place_as_actor(obj, index)
            if mention is not None and mention.kind != "pronoun":
                return mention
        return None

    def _place_as_actor(
        self, tok: Token, index: MentionIndex, kinds: tuple[str, ...] = ("name", "capital")
    ) -> ActorMention | None:
        """A country or capital that the actors stage read as a place ("visited Japan",
        "made known in Tokyo", "talks between Sweden and Finland") or as a mere modifier
        ("US sanctions") is, in an event's own slot, the country (a capital: its
        government)."""
        if tok.pos_ not in ("PROPN", "ADJ"):
            return None
        left = min([tok.i, *(c.i for c in tok.children if c.dep_ == "compound")])
        span = tok.doc[left : tok.i + 1]
        hits = self.kb.countries_named(span.text, kinds=kinds)
        countries = {c.code: (c, how) for c, how in hits}
        if len(countries) != 1:
            return None
        country, how = next(iter(countries.values()))
        capital = how == "capital"
        actor = Actor(
            text=span.text,
            name=f"{country.name} government" if capital else country.name,
            code=country.code + ("GOV" if capital else ""),
            country=country.code,
            sectors=["GOV"] if capital else [],
            id=country.wikidata or None,
        )
        mention = ActorMention(
            span.start, span.end, span.start_char, span.end_char, actor,
            "capital" if capital else "country", tok.i,
        )  # fmt: skip
        index.add(tok.i, mention)
        return mention

    def _modifier_country(self, tok: Token, index: MentionIndex) -> ActorMention | None:
        """A country name or adjective modifying an event noun ("US", "Japanese")."""
        return self._place_as_actor(tok, index, ("name", "adjective", "capital"))
