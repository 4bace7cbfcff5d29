"""Bulk inserts through Arrow: one statement per table per batch.

DuckDB's ``executemany`` runs one statement per row (about 2 ms each). Here the
rows of a batch become one pyarrow Table, typed from the store's schema
(``store.schema.TABLES``), which DuckDB scans in a single ``INSERT … SELECT``.
The store's write path and the story tables both insert this way.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

if TYPE_CHECKING:  # the store imports this package; only the type is needed here
    from ..store.schema import Table

# DuckDB column types of ``store.schema`` → Arrow types. Explicit types keep
# all-NULL columns, empty batches and lists typed as the table expects.
_SCALARS: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(),
    "BIGINT": pa.int64(),
    "INTEGER": pa.int32(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"),
    "BLOB": pa.binary(),
}

# Verbs and which duplicate of a key the statement keeps, as row-by-row inserts did:
# IGNORE keeps the first row of a key, REPLACE the last.
_VERBS = {"INSERT": None, "INSERT OR IGNORE": "first", "INSERT OR REPLACE": "last"}

_view_names = itertools.count()


def arrow_type(duckdb_type: str) -> pa.DataType:
    """The Arrow type a store column of ``duckdb_type`` is written from."""
    if duckdb_type.endswith("[]"):
        return pa.list_(arrow_type(duckdb_type[:-2]))
    try:
        return _SCALARS[duckdb_type]
    except KeyError:
        raise TypeError(f"no Arrow type for store column type {duckdb_type!r}") from None


def arrow_table(table: Table, rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """The rows (tuples in ``table``'s column order) as one typed Arrow table."""
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    if len(columns) != len(table.columns):
        raise ValueError(
            f"rows for {table.name} have {len(columns)} values, the table {len(table.columns)}"
        )
    arrays = [
        pa.array(values, type=arrow_type(column.type))
        for column, values in zip(table.columns, columns, strict=True)
    ]
    return pa.Table.from_arrays(arrays, names=table.column_names)


def unique_by_key(
    table: Table, rows: Sequence[tuple[Any, ...]], keep: str
) -> list[tuple[Any, ...]]:
    """Rows with one row per primary key: the ``first`` or the ``last`` of each key."""
    positions = [table.column_names.index(name) for name in table.primary_key]
    chosen: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for row in rows:
        key = tuple(row[p] for p in positions)
        if keep == "last" or key not in chosen:
            chosen[key] = row
    return list(chosen.values())


def insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str | Table,
    rows: Sequence[tuple[Any, ...]],
    verb: str = "INSERT",
) -> None:
    """Insert rows (in the table's column order) with one statement.

    ``verb`` is ``INSERT``, ``INSERT OR IGNORE`` (rows whose key is stored are
    left out) or ``INSERT OR REPLACE`` (they replace the stored row). Repeated
    keys within ``rows`` are resolved in Python first, the way one statement
    per row would: DuckDB refuses to touch one row twice in one statement.
    """
    if not rows:
        return
    if verb not in _VERBS:
        raise ValueError(f"unknown insert verb {verb!r}; use one of {sorted(_VERBS)}")
    if isinstance(table, str):
        # Imported here: ``eventwire.store`` imports this package at start-up.
        from ..store.schema import TABLES

        table = TABLES[table]
    keep = _VERBS[verb]
    if keep is not None:
        rows = unique_by_key(table, rows, keep)
    data = arrow_table(table, rows)
    view = f"_ew_rows_{next(_view_names)}"
    names = ", ".join(f'"{name}"' for name in table.column_names)
    con.register(view, data)
    try:
        con.execute(f"{verb} INTO {table.name} ({names}) SELECT {names} FROM {view}")
    finally:
        con.unregister(view)
