"""Write rows and results as table, CSV, JSON lines or JSON, for the CLI."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import IO, Any

from rich.console import Console
from rich.table import Table

FORMATS = ("table", "csv", "jsonl", "json")
_CELL_WIDTH = 60


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _json_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _jsonable(v) for k, v in row.items()}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ",".join(map(str, value))
    if isinstance(value, float):
        value = f"{value:g}"
    text = " ".join(str(value).split())
    return text if len(text) <= _CELL_WIDTH else text[: _CELL_WIDTH - 1] + "…"


def write_rows(
    rows: Sequence[dict[str, Any]],
    fmt: str,
    out: IO[str],
    *,
    title: str | None = None,
    columns: Sequence[str] | None = None,
) -> None:
    """Write listing rows in one of FORMATS."""
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(_json_row(row), ensure_ascii=False) + "\n")
    elif fmt == "json":
        json.dump([_json_row(r) for r in rows], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
    elif not rows and title:
        out.write(f"{title}: none\n")
    else:
        table = Table(title=title, show_lines=False, header_style="bold")
        for name in columns:
            table.add_column(name, overflow="fold")
        for row in rows:
            table.add_row(*(_cell(row.get(k)) for k in columns))
        Console(file=out, width=max(100, Console().width)).print(table)
        if not rows:
            out.write("(no rows)\n")


def write_json_lines(objects: Iterable[dict[str, Any]], out: IO[str]) -> None:
    for obj in objects:
        out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        out.flush()
