"""``eventwire dyad|network|top|alerts|plot``: thin click shells over ``eventwire.analysis``."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
import duckdb
import pandas as pd

from ..errors import EventwireError
from ..render import FORMATS, write_rows
from ..store import Store
from .alerts import MEASURES, alert_events, alerts
from .frames import LEVELS, PERIODS
from .network import actor_network, network_dict, write_graphml, write_network_json
from .timeline import dyad_timeline
from .top import TOP_KINDS, top_actors, top_events, top_quotes

EXIT_FATAL = 3
DEFAULT_DB = "eventwire.duckdb"
UNITS = ("auto", "events", "reports")


@contextmanager
def _connection(db: str) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection; eventwire errors become a message and exit code 3."""
    try:
        with Store(db, read_only=True) as store:
            yield store.con
    except EventwireError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_FATAL)


def _rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame rows as plain dicts: NaN as None, numpy values as Python ones."""
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if isinstance(value, pd.Timestamp):
                # Periods and event days are dates; show them as dates.
                value = value.date() if value == value.normalize() else value.to_pydatetime()
            elif hasattr(value, "tolist"):
                value = value.tolist()
            if isinstance(value, float) and math.isnan(value):
                value = None
            row[key] = value
        rows.append(row)
    return rows


def _common(func: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        [
            click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file."),
            click.option("--since", metavar="YYYY-MM-DD", help="First day (event date)."),
            click.option("--until", metavar="YYYY-MM-DD", help="Last day (event date)."),
            click.option(
                "--unit",
                type=click.Choice(UNITS),
                default="auto",
                show_default=True,
                help="Count consolidated events or event reports (auto: events if present).",
            ),
        ]
    ):
        func = option(func)
    return func


_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
)
_BY = click.option("--by", type=click.Choice(PERIODS), default="week", show_default=True)
_LEVEL = click.option(
    "--level",
    type=click.Choice(LEVELS),
    default="country",
    show_default=True,
    help="Nodes are countries (CHNGOV, CHNMIL → CHN) or full actor codes.",
)


@click.command("dyad")
@click.argument("source")
@click.argument("target")
@_BY
@click.option("--both-directions", is_flag=True, help="Also count TARGET → SOURCE.")
@_common
@_FORMAT
def dyad_command(
    source: str,
    target: str,
    by: str,
    both_directions: bool,
    db: str,
    since: str | None,
    until: str | None,
    unit: str,
    fmt: str,
) -> None:
    """Timeline of what SOURCE did to TARGET: events, Goldstein sum and mean, QuadClass split.

    SOURCE and TARGET are countries (CHN) or CAMEO actor code prefixes (CHNMIL).

    \b
    Examples:
      eventwire dyad CHN TWN --by week
      eventwire dyad CHN TWN --by month --since 2024-01-01 --format csv
      eventwire dyad CHNMIL TWN --both-directions --format json
    """
    with _connection(db) as con:
        frame = dyad_timeline(
            con,
            source,
            target,
            by=by,
            since=since,
            until=until,
            both_directions=both_directions,
            unit=unit,
        )
    write_rows(_rows(frame), fmt, sys.stdout, title=f"{source} → {target} by {by}")


@click.command("network")
@_common
@_LEVEL
@click.option("--min-events", default=1, show_default=True, type=int, help="Drop lighter edges.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "graphml"]),
    default="table",
    show_default=True,
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path))
def network_command(
    db: str,
    since: str | None,
    until: str | None,
    unit: str,
    level: str,
    min_events: int,
    fmt: str,
    output: Path | None,
) -> None:
    """Actor network of a period: nodes and edges weighted by events.

    \b
    Examples:
      eventwire network --since 2024-05-01 --until 2024-05-31
      eventwire network --level actor --format graphml --output may.graphml
      eventwire network --format json > network.json
    """
    with _connection(db) as con:
        network = actor_network(
            con, since=since, until=until, level=level, min_events=min_events, unit=unit
        )
    if fmt == "graphml":
        if output is None:
            raise click.UsageError("--format graphml needs --output FILE")
        write_graphml(network, output)
    elif fmt == "json":
        if output is None:
            json.dump(network_dict(network), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
        else:
            write_network_json(network, output)
    else:
        write_rows(_rows(network.nodes), "table", sys.stdout, title="nodes")
        write_rows(_rows(network.edges), "table", sys.stdout, title="edges")
    if output is not None:
        click.echo(f"{len(network.nodes)} nodes, {len(network.edges)} edges → {output}", err=True)


@click.command("top")
@click.argument("kind", type=click.Choice(TOP_KINDS))
@_common
@click.option("-n", "--limit", "n", default=20, show_default=True, type=int)
@_FORMAT
def top_command(
    kind: str, db: str, since: str | None, until: str | None, unit: str, n: int, fmt: str
) -> None:
    """Top actors, events (most reported) or quotes (most repeated) of a period.

    \b
    Examples:
      eventwire top actors --since 2024-05-01
      eventwire top events -n 10 --format csv
      eventwire top quotes --since 2024-05-20 --until 2024-05-26
    """
    with _connection(db) as con:
        if kind == "actors":
            frame = top_actors(con, since=since, until=until, n=n, unit=unit)
        elif kind == "events":
            frame = top_events(con, since=since, until=until, n=n, unit=unit)
        else:
            frame = top_quotes(con, since=since, until=until, n=n)
    write_rows(_rows(frame), fmt, sys.stdout, title=f"top {kind}")


@click.command("alerts")
@_BY
@click.option(
    "--measure",
    type=click.Choice(MEASURES),
    default="conflict",
    show_default=True,
    help="conflict: QuadClass 3+4 events; goldstein: sum of negative scores.",
)
@click.option("--window", default=8, show_default=True, type=int, help="Baseline periods.")
@click.option("--k", default=2.0, show_default=True, type=float, help="Standard deviations.")
@click.option(
    "--min-count",
    default=3,
    show_default=True,
    type=int,
    help="Fewest conflict events in an alert period.",
)
@_LEVEL
@_common
@click.option("--events", "show_events", is_flag=True, help="List the events behind each alert.")
@_FORMAT
def alerts_command(
    by: str,
    measure: str,
    window: int,
    k: float,
    min_count: int,
    level: str,
    db: str,
    since: str | None,
    until: str | None,
    unit: str,
    show_events: bool,
    fmt: str,
) -> None:
    """Periods where a dyad's conflict rises well above its own baseline.

    A period alerts when its value exceeds the mean plus K standard deviations of
    the WINDOW periods before it and it has at least MIN-COUNT conflict events.

    \b
    Examples:
      eventwire alerts --by week
      eventwire alerts --by day --window 14 --k 3 --min-count 5 --events
      eventwire alerts --measure goldstein --format json
    """
    with _connection(db) as con:
        frame = alerts(
            con,
            by=by,
            measure=measure,
            window=window,
            k=k,
            min_count=min_count,
            since=since,
            until=until,
            level=level,
            unit=unit,
        )
        behind = alert_events(con, frame, unit=unit) if show_events else None
    if behind is not None:
        write_rows(_rows(behind), fmt, sys.stdout, title="events behind the alerts")
    else:
        write_rows(_rows(frame), fmt, sys.stdout, title="alerts")


@click.group("plot")
def plot_group() -> None:
    """Draw a dyad timeline or an actor network as a PNG or SVG file.

    \b
    Examples:
      eventwire plot dyad CHN TWN --by week --output chn-twn.png
      eventwire plot network --since 2024-05-01 --output network.svg
    """


_OUTPUT = click.option(
    "--output", "-o", required=True, type=click.Path(dir_okay=False, path_type=Path),
    help="File ending in .png or .svg.",
)  # fmt: skip


@plot_group.command("dyad")
@click.argument("source")
@click.argument("target")
@_BY
@click.option("--both-directions", is_flag=True)
@_common
@_OUTPUT
def plot_dyad_command(
    source: str,
    target: str,
    by: str,
    both_directions: bool,
    db: str,
    since: str | None,
    until: str | None,
    unit: str,
    output: Path,
) -> None:
    """Stacked QuadClass bars of SOURCE → TARGET with the mean Goldstein line."""
    from .plot import plot_dyad

    with _connection(db) as con:
        frame = dyad_timeline(
            con,
            source,
            target,
            by=by,
            since=since,
            until=until,
            both_directions=both_directions,
            unit=unit,
        )
    try:
        plot_dyad(frame, output, by=by, title=f"{source} → {target} by {by}")
    except EventwireError as err:
        raise click.UsageError(str(err)) from err
    click.echo(f"{output}", err=True)


@plot_group.command("network")
@_common
@_LEVEL
@click.option("--min-events", default=1, show_default=True, type=int)
@_OUTPUT
def plot_network_command(
    db: str,
    since: str | None,
    until: str | None,
    unit: str,
    level: str,
    min_events: int,
    output: Path,
) -> None:
    """Actor network: nodes sized by events, edges by count, coloured by mean Goldstein."""
    from .plot import plot_network

    with _connection(db) as con:
        network = actor_network(
            con, since=since, until=until, level=level, min_events=min_events, unit=unit
        )
    try:
        plot_network(network, output)
    except EventwireError as err:
        raise click.UsageError(str(err)) from err
    click.echo(f"{output}", err=True)
