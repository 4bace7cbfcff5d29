"""One entry point for every export format, used by the CLI and the Python API."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import IO

import duckdb

from .errors import ExportError
from .gdelt import write_gdelt_events, write_gdelt_mentions
from .plover import write_plover
from .tables import export_table, export_tables, write_table_csv

EXPORT_FORMATS = ("gdelt", "gdelt-mentions", "plover", "csv", "parquet")
_LINE_WRITERS = {
    "gdelt": write_gdelt_events,
    "gdelt-mentions": write_gdelt_mentions,
}


@dataclass
class ExportResult:
    """What an export wrote: rows (for line formats) and files."""

    rows: int | None
    paths: list[Path]


def export(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    *,
    output: str | Path | None = None,
    table: str | None = None,
    header: bool = False,
    unit: str = "auto",
    out: IO[str] | None = None,
) -> ExportResult:
    """Export the database in ``fmt`` to ``output`` (a file or, for csv/parquet of all
    tables, a folder), or to the text stream ``out`` when no output path is given."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f"format must be one of {', '.join(EXPORT_FORMATS)}, not {fmt!r}")
    if fmt in ("csv", "parquet"):
        return _export_tables(con, fmt, output, table, out)
    if table:
        raise ExportError(f"--table goes with csv or parquet, not with {fmt}")
    if output is None:
        if out is None:
            raise ExportError("give an output path or a stream to write to")
        return ExportResult(_write_lines(con, fmt, out, header, unit), [])
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        rows = _write_lines(con, fmt, handle, header, unit)
    return ExportResult(rows, [path])


def _write_lines(
    con: duckdb.DuckDBPyConnection, fmt: str, out: IO[str], header: bool, unit: str
) -> int:
    if fmt == "plover":
        return write_plover(con, out)
    return _LINE_WRITERS[fmt](con, out, header=header, unit=unit)


def _export_tables(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    output: str | Path | None,
    table: str | None,
    out: IO[str] | None,
) -> ExportResult:
    if output is None:
        if fmt == "csv" and table and out is not None:
            write_table_csv(con, table, out)
            return ExportResult(None, [])
        what = "parquet" if fmt == "parquet" else "csv of all tables"
        raise ExportError(f"{what} needs --output (a folder, or a file with --table)")
    if table:
        path = Path(output)
        if path.is_dir():
            path = path / f"{table}.{fmt}"
        return ExportResult(None, [export_table(con, table, path, fmt)])
    return ExportResult(None, list(export_tables(con, output, fmt).values()))
