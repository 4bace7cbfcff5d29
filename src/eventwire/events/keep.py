"""Which actor pairs an event may have: the keep rules of :mod:`eventwire.events.build`.

A source needs a country unless it is an organised group that CAMEO codes without one
("---REB"); an actor never acts on itself, and a state and one of its own organs is a
resolution slip. With a PETRARCH dictionary a coded agent of no country is a source when
it acts on someone, as PETRARCH codes it.
"""

from __future__ import annotations

from eventwire.actors.coref import STATE_ORGANS
from eventwire.records import Actor

#: Sectors of actors kept as sources without a country: armed groups (rebels, insurgents,
#: separatists, militias), police, intelligence and opposition groups, parties and the
#: media, which CAMEO codes with an unknown country part ("---REB", "---SEP", "---MED"),
#: as PETRARCH does.
COUNTRYLESS_SECTORS = frozenset(
    {"REB", "INS", "SEP", "MIL", "COP", "SPY", "UAF", "OPP", "PTY", "MED"}
)


def keep_pair(source: Actor, target: Actor | None) -> bool:
    """Whether an event of ``source`` on ``target`` (None: one-sided) is kept."""
    if source.country is None:
        # CAMEO codes an armed, opposition, party or media group without a country
        # ("---REB") acting alone ("rebels attacked a convoy", "the opposition staged a
        # protest") or on a state's actor ("rebels attacked Afghan troops"); two actors
        # of no country say too little, and a generic agent ("experts", "officials" of
        # no named state) is too weak a source
        organised = bool(COUNTRYLESS_SECTORS.intersection(source.sectors))
        return organised and (target is None or target.country is not None)
    if target is None:
        return True
    if (source.code, source.name) == (target.code, target.name):
        return False  # never an actor acting on itself
    # a state and one of its own organs ("It accused China", said of a Chinese ministry)
    # is nearly always a resolution slip; a state and its parties, opposition, rebels or
    # people is domestic politics ("the party boycotted Algeria's elections")
    if source.country != target.country:
        return True
    part = source if source.sectors else target
    whole = target if source.sectors else source
    return bool(whole.sectors) or not (not part.sectors or STATE_ORGANS & set(part.sectors))


def keep_coded(source: Actor, target: Actor | None) -> bool:
    """Dictionary mode: a coded agent of no country is an actor, as PETRARCH codes it
    ("---GOV"), when it acts on someone; alone it says as little as in our own rule.
    A state and its own organ are two actors ("USAGOV USA 060" for a president's speech
    on his country's relations): PETRARCH keeps every pair of coded actors, and the
    dictionaries' codes, not our resolution, named them."""
    if target is None:
        return keep_pair(source, target)
    if source.country is not None:
        return source.code != target.code
    return bool(source.code) and (source.code, source.name) != (target.code, target.name)
