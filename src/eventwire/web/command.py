"""``eventwire serve``: the dashboard and the JSON API over one database file.

FastAPI and uvicorn are imported only when the command runs, so the rest of
the CLI works without the ``[web]`` extra, and a missing extra is reported
as E030 with the command to install it, not as a bare ImportError.
"""

from __future__ import annotations

import ipaddress
import secrets
import socket
from importlib.util import find_spec

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
def serve_command(db: str, host: str, port: int, token: str | None) -> None:
    """Serve the dashboard and the JSON API over a database, read-only.

    \b
    Examples:
      eventwire serve --db eventwire.duckdb
      eventwire serve --db eventwire.duckdb --port 8080
      eventwire serve --db eventwire.duckdb --host 0.0.0.0 --token "$(openssl rand -hex 16)"

    Open http://127.0.0.1:8000/ for the dashboard; the API is under /api/ and
    described at /openapi.json. 'eventwire ingest' may write to the same file
    meanwhile: the server steps aside for each batch and shows it afterwards.
    """
    try:
        check_bind(host, token)
        require_web_extra()
        import uvicorn

        from .app import create_app

        app = create_app(db, token=token)
    except EventwireError as err:
        raise click.ClickException(str(err)) from err
    where = f"http://{host}:{port}/"
    click.echo(
        f"eventwire: serving {db} read-only at {where}" + ("?token=…" if token else ""), err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")
