"""``eventwire serve``: the dashboard and the JSON API over one database file.

FastAPI and uvicorn are imported only when the command runs, so the rest of
the CLI works without the ``[web]`` extra, and a missing extra is reported
as E030 with the command to install it, not as a bare ImportError.

With ``--workers N`` uvicorn starts N worker processes on one listening
socket. Each builds its own app (``worker_app``) from the settings the
command puts in ``EVENTWIRE_SERVE_SETTINGS``, so each has its own read-only
connection, its own shared turn on the database's lock files
(``store/locking.py``: shared turns of many processes coexist, and a queued
writer is seen by every one of them) and its own in-memory indexes. Workers
are started, not forked from a process that holds the lock files, so no two
processes share a lock.
"""

from __future__ import annotations

import ipaddress
import json
import os
import secrets
import socket
from collections.abc import Callable
from importlib.util import find_spec
from typing import Any

import click

from ..errors import EventwireError, MissingExtraError
from .errors import UnsafeBindError

WEB_MODULES = ("fastapi", "uvicorn", "jinja2")


def require_web_extra() -> None:
    """Raise E030 naming the extra when a module the web layer needs is missing."""
    for module in WEB_MODULES:
        if find_spec(module) is None:
            raise MissingExtraError(f"'eventwire serve' ({module})", "web")


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        try:
            return all(
                ipaddress.ip_address(info[4][0]).is_loopback
                for info in socket.getaddrinfo(host, None)
            )
        except (OSError, ValueError):
            return False


def check_bind(host: str, token: str | None) -> None:
    """Refuse to listen beyond loopback without a token (E055)."""
    if not is_loopback(host) and not token:
        raise UnsafeBindError(
            f"refusing to serve on {host} without a token: anyone on the network could read the "
            f"database. Add --token (e.g. --token {secrets.token_urlsafe(16)}) or use --host"
            " 127.0.0.1"
        )


# The settings a worker process reads to build its app (``worker_app``).
SETTINGS_VARIABLE = "EVENTWIRE_SERVE_SETTINGS"


def worker_app() -> Any:
    """The app of one worker process, from the settings ``run_server`` left in the environment."""
    from .app import create_app

    settings = json.loads(os.environ[SETTINGS_VARIABLE])
    return create_app(
        settings["db"],
        token=settings["token"],
        cache=settings["cache"],
        threads=settings["threads"],
    )


def run_server(
    db: str,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    token: str | None = None,
    workers: int = 1,
    threads: int | None = 1,
    cache: bool = True,
    log_level: str = "warning",
    started: Callable[[], None] | None = None,
) -> None:
    """Serve ``db`` until stopped: one process, or ``workers`` uvicorn worker processes.

    Checks the address (E055), the extra (E030) and the database (E020) before
    listening, then calls ``started``. uvicorn picks uvloop and httptools when
    they are installed (its ``auto`` settings), asyncio and h11 otherwise.
    """
    check_bind(host, token)
    require_web_extra()
    if workers < 1:
        raise ValueError("workers must be at least 1")
    import uvicorn

    from .app import create_app
    from .db import ReadOnlyDatabase

    if workers == 1:
        app = create_app(db, token=token, cache=cache, threads=threads)
        if started:
            started()
        uvicorn.run(app, host=host, port=port, log_level=log_level)
        return
    # Opened and closed here only to report a missing or unreadable database at once,
    # before the workers start (each opens its own).
    ReadOnlyDatabase(db, threads=threads).close()
    os.environ[SETTINGS_VARIABLE] = json.dumps(
        {"db": str(db), "token": token, "cache": cache, "threads": threads}
    )
    if started:
        started()
    uvicorn.run(
        f"{__name__}:worker_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )


@click.command(name="serve")
@click.option("--db", required=True, type=click.Path(dir_okay=False), help="DuckDB file to serve.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--token",
    envvar="EVENTWIRE_TOKEN",
    default=None,
    help="Require this token on every request (Authorization: Bearer TOKEN or ?token=TOKEN). "
    "Needed to listen on anything but loopback. Also read from EVENTWIRE_TOKEN.",
)
@click.option(
    "--workers",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Server processes, each with its own read-only connection and in-memory indexes. "
    "More than 1 helps only with more than one core and many clients at once; see below.",
)
@click.option(
    "--threads",
    default=1,
    show_default=True,
    type=click.IntRange(1, 256),
    help="DuckDB threads per query in each worker. 1 suits many small requests (on a million "
    "events a page of events took about half the server CPU it took with 2); more shortens the "
    "few whole-database analyses (overview, network), which are computed once and kept.",
)
def serve_command(
    db: str, host: str, port: int, token: str | None, workers: int, threads: int
) -> None:
    """Serve the dashboard and the JSON API over a database, read-only.

    \b
    Examples:
      eventwire serve --db eventwire.duckdb
      eventwire serve --db eventwire.duckdb --port 8080
      eventwire serve --db eventwire.duckdb --workers 2
      eventwire serve --db eventwire.duckdb --host 0.0.0.0 --token "$(openssl rand -hex 16)"

    Open http://127.0.0.1:8000/ for the dashboard; the API is under /api/ and
    described at /openapi.json. 'eventwire ingest' may write to the same file
    meanwhile: the server steps aside for each batch and shows it afterwards.

    \b
    When do more workers help? One process runs the Python part of its
    requests (HTTP, parameters, JSON, the in-memory indexes) on one core at
    a time, while DuckDB's part runs beside it. Under many clients at once,
    requests that are mostly Python (timelines, actor and quote pages) queue
    for that core; with N cores, --workers N runs N of them at once. More
    workers do not help on one core, for a single user, or for requests that
    wait on one long query; each keeps its own copy of the in-memory indexes
    (up to a few hundred MB on millions of events) and steps aside for every
    batch an ingest writes.
    """

    def announce() -> None:
        where = f"http://{host}:{port}/" + ("?token=…" if token else "")
        processes = f" with {workers} workers" if workers > 1 else ""
        click.echo(f"eventwire: serving {db} read-only at {where}{processes}", err=True)

    try:
        run_server(db, host, port, token=token, workers=workers, threads=threads, started=announce)
    except EventwireError as err:
        raise click.ClickException(str(err)) from err
