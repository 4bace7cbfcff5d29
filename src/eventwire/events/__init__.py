"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from eventwire.events import component as _component  # noqa: F401  (registers ew_events)
