"""What a lexicon row's act is done to: people, actors, or armed forces.

Many verbs of the lexicon have a political sense only with some objects: "released
prisoners" is CAMEO 0841 but "released the results" is no release of persons; "deployed
troops" is a show of force (150) but "deployed an oil rig" is none. A row flagged
``persons`` or ``forces`` (verbs.tsv, nouns.tsv) holds only when the phrase acted on, if
the text has one, names people or forces: for a verb its object (a passive's subject),
for a noun its of-phrase ("the release of prisoners"). With no such phrase the row holds
as before ("troops deployed to the border", "were released on Friday"). A row flagged
``actors`` needs an object naming people or a state ("called Seoul", not "called a
truce" or "called for X to …").

A phrase names people when it is an actor mention other than a state or capital, a name
that is no place, product or work, a person or nationality entity, a personal pronoun, a
number ("released two"), a noun of kind ``persons`` in ``data/events/object_nouns.tsv`` or
a noun with an agent's ending ("bomber", "employee", "activist"); it names forces when it
is an actor of an armed sector or a noun of kind ``forces`` there. The noun of an
of-phrase counts too ("dozens of prisoners", "supporters of the leader").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events.complements import load_object_nouns, object_heads
from eventwire.events.mentions import MentionIndex, conjuncts

#: Mention kinds that name a state, not people: "released Japan" is no release of persons.
STATE_KINDS = frozenset({"country", "capital"})
#: Sectors of armed forces (CAMEO MIL, peacekeepers, police, rebels, insurgents).
ARMED_SECTORS = frozenset({"MIL", "PKO", "COP", "REB", "INS", "UAF"})
#: Entity types of people.
PEOPLE_ENTITIES = frozenset({"PERSON", "NORP"})
#: Entity types of names that are no people: places, products, works, events, laws.
THING_ENTITIES = frozenset(
    {"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW", "DATE", "MONEY"}
)
#: Endings of nouns of agents and people ("bomber", "employee", "activist", "civilian");
#: the lists of object_nouns.tsv cannot name them all. Some things end so too ("paper"):
#: the rows are still cut to what names people far more often than not.
AGENT_SUFFIXES = ("er", "or", "ee", "ist", "ian", "ant")
#: Pronouns that stand for a thing, not for people.
THING_PRONOUNS = frozenset({"it", "this", "that", "these", "those", "which", "what", "its"})


def acts_on_kind(kind: str | None, phrase: list[Token], index: MentionIndex | None) -> bool:
    """Whether a row acting on ``kind`` (None: anything) holds for the phrase acted on;
    an empty phrase (no object in the text) lets it hold."""
    if kind is None or not phrase:
        return True
    heads = object_heads(phrase)
    # "dozens of activists", "supporters of the opposition leader": the of-phrase counts
    heads += [g for h in heads for p in h.children if p.lower_ == "of" for g in p.children]
    return any(_names(kind, tok, index) for head in heads for tok in conjuncts(head))


def _names(kind: str, token: Token, index: MentionIndex | None) -> bool:
    mention = index.at(token.i) if index is not None else None
    lemma = token.lemma_.lower()
    if kind == "forces":
        armed = mention is not None and bool(ARMED_SECTORS.intersection(mention.actor.sectors))
        return armed or lemma in load_object_nouns().forces
    if kind == "actors" and mention is not None and mention.kind in STATE_KINDS:
        return True  # "called Seoul": a state is called as its government
    if mention is not None and mention.kind not in STATE_KINDS and mention.kind != "pronoun":
        return True
    if token.pos_ == "PRON":
        return token.lower_ not in THING_PRONOUNS
    if token.pos_ == "PROPN":
        return token.ent_type_ not in THING_ENTITIES  # "released Pablo Moncayo"
    return (
        token.ent_type_ in PEOPLE_ENTITIES
        or token.pos_ == "NUM"
        or lemma in load_object_nouns().persons
        or (token.pos_ == "NOUN" and lemma.endswith(AGENT_SUFFIXES))
    )
