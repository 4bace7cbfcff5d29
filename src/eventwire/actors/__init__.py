"""Actors: the knowledge base of countries, organisations, parties, people and agents."""

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

__all__ = [
    "Agent",
    "Country",
    "Institution",
    "KnowledgeBase",
    "Organisation",
    "Party",
    "RoleTerm",
    "Sector",
    "check_user_file",
    "load_knowledge_base",
    "normalise_name",
    "to_cameo_code",
]
