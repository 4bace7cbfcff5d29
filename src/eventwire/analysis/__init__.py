"""Analysis of the store: dyad timelines, actor networks, top lists and alerts.

Every function takes a DuckDB connection (``Store(...).con``) and returns
pandas DataFrames; consolidated events are the unit when they exist.
"""

from .alerts import ALERT_COLUMNS, alert_events, alerts
from .network import Network, actor_network, network_dict, write_graphml, write_network_json
from .timeline import TIMELINE_COLUMNS, dyad_timeline
from .top import top_actors, top_events, top_quotes

__all__ = [
    "ALERT_COLUMNS",
    "TIMELINE_COLUMNS",
    "Network",
    "actor_network",
    "alert_events",
    "alerts",
    "dyad_timeline",
    "network_dict",
    "top_actors",
    "top_events",
    "top_quotes",
    "write_graphml",
    "write_network_json",
]
