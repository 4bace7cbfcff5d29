"""Actors: the knowledge base of countries, organisations, parties, people and agents."""

from eventwire.actors.component import ActorRecognizer, actor_at, summarise
from eventwire.actors.kb import (
    Agent,
    Country,
    Institution,
    KnowledgeBase,
    Organisation,
    Party,
    RoleTerm,
    Sector,
    check_user_file,
    load_knowledge_base,
    normalise_name,
    to_cameo_code,
)
from eventwire.actors.petrarch import (
    PetrarchDictionaries,
    load_petrarch_dictionaries,
    with_dictionaries,
)
from eventwire.actors.recognize import ActorMention

__all__ = [
    "ActorMention",
    "ActorRecognizer",
    "Agent",
    "Country",
    "Institution",
    "KnowledgeBase",
    "Organisation",
    "Party",
    "PetrarchDictionaries",
    "RoleTerm",
    "Sector",
    "actor_at",
    "check_user_file",
    "load_knowledge_base",
    "load_petrarch_dictionaries",
    "normalise_name",
    "summarise",
    "to_cameo_code",
    "with_dictionaries",
]
