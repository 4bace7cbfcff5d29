"""Which actors fill an event's slots: subjects, target phrases and their stand-ins.

The actors stage (``doc._.ew_actors``) names most actors; an event's slot also accepts
what that stage reads as something else: a country or capital read as a place ("visited
Japan"), a country modifying a common noun ("Syrian troops"), a city standing for its
country ("shelled Fallujah"), the owner in "the embassy of X" and the author behind a
document or delegation ("a statement from the ministry"). Mentions made here are added
to the :class:`~eventwire.events.clauses.MentionIndex` so later events reuse them.

:class:`PhraseIndex`, the index the extractor builds, also reads coordinations the small
model parses apart: a list member hung on another as modifier or apposition ("Peru and
the new Chile"), a group placed in several countries ("the ambassadors of Spain and
Italy": one group per country) and coordinated modifiers of one noun ("Greek and
Cypriot leaders").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors import ActorMention, KnowledgeBase
from eventwire.events.clauses import prep_objects, subjects
from eventwire.events.mentions import (
    LOCATING_PREPS,
    MentionIndex,
    conjuncts,
    inert_noun,
    localised,
    place_countries,
)
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


class PhraseIndex(MentionIndex):
    """A :class:`~eventwire.events.clauses.MentionIndex` that reads the actors of a noun
    phrase as the PETRARCH unit tests spell them out: lists the parser hung apart,
    groups placed in several countries, coordinated modifiers of one noun and the
    actors stage's partners of a mention. The extractor builds this one."""

    def __init__(self, doc: Doc, *, split_names: bool = False):
        super().__init__(doc)
        # with PETRARCH dictionaries: a list hung on an inner word of a name
        # (:func:`_inner_conjuncts`)
        self.split_names = split_names
        # by head token: a mention inside a longer one ("Cypriot" in "Greek and Cypriot
        # leaders") is reached through its head
        self._headed: dict[int, ActorMention] = {}
        places = place_countries(doc)
        for mention in doc._.ew_mentions or []:
            self._headed.setdefault(mention.head, localised(doc, mention, places))

    def actors(self, token: Token) -> list[ActorMention]:
        """The actors a noun phrase names, conjuncts included ("China and Russia"), also
        when the parser hung the list apart ("Japan and the new South Korea") or when a
        group is placed in several countries ("the ambassadors of Spain and Italy")."""
        distributed = self._distributed(token)
        found: list[ActorMention] = []
        for tok in self._listed(token):
            mentions = distributed.get(tok.i) if distributed else None
            if mentions is None:
                mention = self.of_phrase(tok)
                mentions = [] if mention is None else [mention]
                mentions += [
                    m for m in self.modifier_list(tok) if all(m is not o for o in mentions)
                ]
            # the actors stage's partners of a mention ("US and British activists")
            partners = [p for m in mentions for p in getattr(m, "partners", None) or []]
            for mention in [*mentions, *partners]:
                if all(mention is not f and mention.actor.code != f.actor.code for f in found):
                    found.append(mention)
        return found

    def modifier_list(self, token: Token) -> list[ActorMention]:
        """The actors of coordinated modifiers of a noun ("met Peruvian and Chilean
        leaders", "Peru and Chile's leaders"): each owns the noun; empty unless there
        are two or more."""
        for child in token.children:
            if child.dep_ not in ("poss", "compound", "nmod", "amod") or child.i > token.i:
                continue
            members = conjuncts(child)
            found: list[ActorMention] = []
            for t in members:
                mention = self._headed.get(t.i) or self.at(t.i)
                if mention is not None and mention.kind != "pronoun" and mention not in found:
                    found.append(mention)
            if len(members) > 1 and len(found) > 1:
                return found
        return []

    def _listed(self, token: Token) -> list[Token]:
        """The token's conjuncts and the list members the parser attached to one of them
        as a modifier or apposition: "Peru and the new Chile" (Peru a modifier of Chile),
        "Peru, the small Chile, and Bolivia" (Chile an apposition of Peru)."""
        members = conjuncts(token)
        if self.split_names and (named := self.at(token.i)) is not None:
            members += _inner_conjuncts(token.doc, named, members)
        for tok in list(members):
            own = self.at(tok.i)
            if own is None:
                continue
            for child in tok.children:
                other = self.at(child.i)
                if (
                    child.dep_ in LIST_MODIFIER_DEPS
                    and other is not None
                    and other is not own
                    and other.kind != "pronoun"
                    and _coordinated(child, tok)
                ):
                    members += [t for t in conjuncts(child) if t not in members]
        return sorted(members, key=lambda t: t.i)

    def _distributed(self, token: Token) -> dict[int, list[ActorMention]] | None:
        """One mention per country for a group placed in several ("the ambassadors of
        Spain, Italy and Greece", "lawmakers and officials in Peru and Chile"): each
        country has its own group, as CAMEO codes "Spanish and Italian ambassadors".
        Keyed by the token whose mention they replace; None when nothing is shared."""
        items = conjuncts(token)
        groups = [t for t in items if (m := self.at(t.i)) is not None and m.kind == "agent"]
        places = [p for g in groups for p in _placing_objects(g)]
        if not places:
            return None
        members = conjuncts(places[0])
        # "lawmakers in Peru and Chile": the small model often hangs "Chile" on the group
        last = max(t.i for t in members)
        for tok in items:
            if tok.i == last + 2 and tok.doc[last + 1].lower_ in ("and", ",", "or"):
                members.append(tok)
                last = tok.i
        # a member may be a bare country or a group the actors stage already placed there
        countries = list(dict.fromkeys(
            m.actor.country
            for t in members
            if (m := self.at(t.i)) is not None and m.kind != "pronoun" and m.actor.country
        ))  # fmt: skip
        if len(countries) < 2:
            return None
        shared: dict[int, list[ActorMention]] = {t.i: [] for t in members if t in items}
        for group in groups:
            mention = self.at(group.i)
            shared[group.i] = [_placed(mention, country) for country in countries]
        return shared


#: Dependencies under which the small model hangs a list member on another member.
LIST_MODIFIER_DEPS = frozenset({"nmod", "compound", "appos"})


def _coordinated(member: Token, head: Token) -> bool:
    """Whether a modifier or apposition ``member`` of ``head`` is a list member rather than
    a modifier: an "and" between them ("Peru and the new Chile"), or an apposition after
    which the list goes on ("Peru, the small Chile, and Bolivia")."""
    low, high = sorted((member.i, head.i))
    between = head.doc[low + 1 : high]
    if any(t.lower_ in ("and", "or") and t.pos_ == "CCONJ" for t in between):
        return True
    # the list goes on after the apposition, from its head or from itself ("Peru, the
    # small Chile, Ecuador and Bolivia": Ecuador a conjunct of Chile)
    return member.dep_ == "appos" and any(
        c.dep_ == "conj" and c.i > member.i for c in [*head.children, *member.children]
    )


def _placing_objects(group: Token) -> list[Token]:
    """Objects of the locating prepositions of a group noun ("officials in X")."""
    return [
        obj
        for prep in group.children
        if prep.dep_ == "prep" and prep.lower_ in LOCATING_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]


def _placed(mention: ActorMention, country: str) -> ActorMention:
    """The group of ``mention`` in ``country`` (its sector codes kept)."""
    actor = mention.actor
    own = actor.country or ""
    sectors = actor.code[len(own) :] if own and actor.code.startswith(own) else actor.code
    return replace(
        mention, actor=actor.model_copy(update={"country": country, "code": country + sectors})
    )


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
        if tok.pos_ != "NOUN" or inert_noun(tok):
            return None  # "US government bonds rallied": markets move, not the state
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
                # "met Peruvian and Chilean leaders": each modifier owns the noun
                listed = index.modifier_list(conj)
                found += [m for m in listed if all(m is not f for f in found)]
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


def _inner_conjuncts(doc: Doc, mention: ActorMention, members: list[Token]) -> list[Token]:
    """Conjuncts the parser hung on another word of a multi-word name: "Barack Obama and
    Vladimir Putin will meet", with "Barack" read as a preposition, "Obama" its object
    and "Putin" a conjunct of "Obama"."""
    inside = range(mention.start, mention.end)
    found: list[Token] = []
    for i in inside:
        for tok in conjuncts(doc[i]):
            if tok.i not in inside and tok not in members and tok not in found:
                found.append(tok)
    return found
