"""The DuckDB store."""

from .db import BatchCounts, Store
from .schema import SCHEMA_VERSION, TABLES, schema_sql

__all__ = ["SCHEMA_VERSION", "TABLES", "BatchCounts", "Store", "schema_sql"]
