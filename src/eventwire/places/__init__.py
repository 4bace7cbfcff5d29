"""Places: gazetteer lookup and disambiguation of place names, and events' places.

``ew_places`` (the spaCy component in :mod:`.component`) fills ``doc._.ew_places``;
:func:`place_for` gives the events stage the place of one event.
"""

from __future__ import annotations

from eventwire.places import component as _component  # noqa: F401  (registers ew_places)
from eventwire.places.gazetteer import GazEntry, Gazetteer, load_gazetteer
from eventwire.places.locate import dominant_place, place_for

__all__ = ["GazEntry", "Gazetteer", "dominant_place", "load_gazetteer", "place_for"]
