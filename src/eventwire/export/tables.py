"""CSV and Parquet copies of the store's tables, written by DuckDB's COPY.

COPY streams from the database to the file, so a table of millions of rows is
exported without passing through Python. CSV has a header row and DuckDB's
quoting; list columns (sectors) appear as ``[GOV, MIL]``. Parquet keeps every
column's type, so it reads back equal.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import IO

import duckdb

from .errors import ExportError

TABLE_FORMATS = ("csv", "parquet")


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table of the database, in name order."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY table_name"
    ).fetchall()
    return [r[0] for r in rows]


def _check(con: duckdb.DuckDBPyConnection, table: str, fmt: str) -> None:
    if fmt not in TABLE_FORMATS:
        raise ExportError(f"table format must be one of {', '.join(TABLE_FORMATS)}, not {fmt!r}")
    names = table_names(con)
    if table not in names:
        raise ExportError(f"no table {table!r} in the database; choose one of {', '.join(names)}")


def _options(fmt: str) -> str:
    return "(FORMAT parquet, COMPRESSION zstd)" if fmt == "parquet" else "(FORMAT csv, HEADER)"


def export_table(con: duckdb.DuckDBPyConnection, table: str, path: str | Path, fmt: str) -> Path:
    """Write one table to ``path`` as CSV or Parquet; returns the path."""
    _check(con, table, fmt)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The table name was checked against the catalogue above; the path is a bound value
    # inside a string literal, so quotes in it are escaped.
    target = str(path).replace("'", "''")
    con.execute(f"COPY (SELECT * FROM \"{table}\") TO '{target}' {_options(fmt)}")
    return path


def export_tables(
    con: duckdb.DuckDBPyConnection,
    folder: str | Path,
    fmt: str,
    tables: list[str] | None = None,
) -> dict[str, Path]:
    """Write every table (or the named ones) into ``folder`` as ``NAME.csv``/``NAME.parquet``."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; exporting several tables needs a folder")
    folder.mkdir(parents=True, exist_ok=True)
    return {
        name: export_table(con, name, folder / f"{name}.{fmt}", fmt)
        for name in (tables or table_names(con))
    }


def write_table_csv(con: duckdb.DuckDBPyConnection, table: str, out: IO[str]) -> None:
    """Write one table as CSV to a text stream (for standard output)."""
    _check(con, table, "csv")
    # Going through a temporary file keeps the output byte for byte what COPY writes.
    with tempfile.TemporaryDirectory() as tmp:
        path = export_table(con, table, Path(tmp) / f"{table}.csv", "csv")
        with path.open(encoding="utf-8", newline="") as handle:
            shutil.copyfileobj(handle, out)
