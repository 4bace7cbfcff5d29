"""Bulk inserts for the story tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[tuple[Any, ...]],
    verb: str = "INSERT",
) -> None:
    """Insert rows with one statement, one list parameter per column.

    DuckDB's ``executemany`` runs one statement per row (about 2 ms each); passing
    columns as lists and unnesting them is one statement for the whole batch.
    """
    if not rows:
        return
    columns = [list(column) for column in zip(*rows, strict=True)]
    selects = ", ".join(f"unnest(${n + 1})" for n in range(len(columns)))
    con.execute(f"{verb} INTO {table} SELECT {selects}", columns)
