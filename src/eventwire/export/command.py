"""``eventwire export``: a thin click shell over :func:`eventwire.export.export`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..errors import EventwireError
from ..store import Store
from .api import EXPORT_FORMATS, export

EXIT_FATAL = 3

HELP = """Export the database as GDELT 2.0 events or mentions, PLOVER JSON lines, CSV or Parquet.

\b
Formats:
  gdelt           GDELT 2.0 event table: 61 tab-separated columns, no header
                  (--header adds one); consolidated events when the database
                  has them, else one row per event report.
  gdelt-mentions  GDELT 2.0 mentions table: one row per event report.
  plover          PLOVER JSON lines; compound reports have list-valued
                  actor and recipient.
  csv, parquet    every table into the --output folder (NAME.csv, NAME.parquet),
                  or one table with --table.

Text formats go to standard output when no --output is given.

\b
Examples:
  eventwire export --db news.duckdb --format gdelt > events.tsv
  eventwire export --db news.duckdb --format gdelt --header --output events.tsv
  eventwire export --db news.duckdb --format gdelt-mentions --output mentions.tsv
  eventwire export --db news.duckdb --format plover | head -3
  eventwire export --db news.duckdb --format parquet --output tables/
  eventwire export --db news.duckdb --format csv --table events > events.csv
"""


@click.command("export", help=HELP)
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to read.")
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True)
@click.option(
    "--output", "-o", type=click.Path(path_type=Path), help="File, or folder for all tables."
)
@click.option("--table", help="Only this table (csv, parquet).")
@click.option("--header", is_flag=True, help="Header line for the GDELT tables.")
@click.option(
    "--unit",
    type=click.Choice(["auto", "events", "reports"]),
    default="auto",
    show_default=True,
    help="GDELT rows: consolidated events or event reports (auto: events if present).",
)
def export_command(
    db: str, fmt: str, output: Path | None, table: str | None, header: bool, unit: str
) -> None:
    try:
        with Store(db, read_only=True) as store:
            result = export(
                store.con, fmt, output=output, table=table, header=header, unit=unit,
                out=sys.stdout,
            )  # fmt: skip
    except EventwireError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_FATAL)
    if output is not None:
        rows = f"{result.rows} rows, " if result.rows is not None else ""
        click.echo(f"{fmt}: {rows}{len(result.paths)} file(s) under {output}", err=True)
