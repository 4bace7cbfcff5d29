"""Exports of the store: GDELT 2.0 events and mentions, PLOVER JSON lines, CSV, Parquet."""

from .api import EXPORT_FORMATS, ExportResult, export
from .errors import ExportError
from .gdelt import EVENT_COLUMNS, MENTION_COLUMNS, write_gdelt_events, write_gdelt_mentions
from .plover import write_plover
from .sql import gdelt_id
from .tables import export_table, export_tables, table_names

__all__ = [
    "EVENT_COLUMNS",
    "EXPORT_FORMATS",
    "MENTION_COLUMNS",
    "ExportError",
    "ExportResult",
    "export",
    "export_table",
    "export_tables",
    "gdelt_id",
    "table_names",
    "write_gdelt_events",
    "write_gdelt_mentions",
    "write_plover",
]
