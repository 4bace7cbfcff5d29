"""The web application: one FastAPI app with an explicit table of routes.

``create_app(db_path)`` opens the database read-only and serves the JSON API
under ``/api/``, its OpenAPI document at ``/openapi.json``, and the dashboard
pages, whose scripts and styles come from this package (no CDN, so it works
offline). Every error has one shape, ``{"error": {"code", "message"}}``.
With a token, every request must carry it (``Authorization: Bearer …`` or
``?token=…``).
"""

from __future__ import annotations

import hmac
import logging
import threading
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..about import __version__
from ..errors import EventwireError
from ..store.locking import StoreBusyError
from . import api, api_analysis, pages
from .db import ReadOnlyDatabase
from .errors import UnauthorizedError, WebError
from .sql import SqlLimits

log = logging.getLogger(__name__)

# (path, endpoint, name): every route of the app in one place.
API_ROUTES: list[tuple[str, Callable[..., Any], str]] = [
    ("/api/overview", api_analysis.overview, "overview"),
    ("/api/articles", api.list_articles, "articles"),
    ("/api/articles/{article_id}", api.get_article, "article"),
    ("/api/events", api.list_events, "events"),
    ("/api/quotes", api.list_quotes, "quotes"),
    ("/api/actors", api.list_actors, "actors"),
    ("/api/actors/{code}", api.get_actor, "actor"),
    ("/api/stories", api.list_stories, "stories"),
    ("/api/stories/{story_id}", api.get_story, "story"),
    ("/api/dyads", api_analysis.dyads, "dyads"),
    ("/api/dyads/timeline", api_analysis.dyad_timeline, "dyad_timeline"),
    ("/api/network", api_analysis.network, "network"),
    ("/api/alerts", api_analysis.alerts, "alerts"),
    ("/api/places", api_analysis.places, "places"),
    ("/api/sql", api_analysis.sql_query, "sql"),
]

PAGE_ROUTES: list[tuple[str, Callable[..., Any], str]] = [
    ("/", pages.overview_page, "overview_page"),
    ("/dyad", pages.dyad_page, "dyad_page"),
    ("/actors", pages.actors_page, "actors_page"),
    ("/actor/{code}", pages.actor_page, "actor_page"),
    ("/articles", pages.articles_page, "articles_page"),
    ("/article/{article_id}", pages.article_page, "article_page"),
    ("/map", pages.map_page, "map_page"),
    ("/sql", pages.sql_page, "sql_page"),
]

# Scripts and styles only from this server; no inline script can run, so even
# text that slipped past escaping could not execute.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        "form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


# uvicorn's loggers: its access log line carries the query string, and so ``?token=``.
SERVER_LOGGERS = ("uvicorn.access", "uvicorn.error")


class RedactToken(logging.Filter):
    """Replace the server's token in log records (``?token=`` in access log lines)."""

    def __init__(self, token: str):
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and self.token in record.msg:
            record.msg = record.msg.replace(self.token, "[token]")
        if isinstance(record.args, tuple):
            record.args = tuple(
                a.replace(self.token, "[token]") if isinstance(a, str) else a for a in record.args
            )
        return True


def error_response(status: int, code: str, message: str) -> JSONResponse:
    """The API's one error shape."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


def create_app(
    db_path: str | Path,
    *,
    token: str | None = None,
    sql_limits: SqlLimits | None = None,
    cache: bool = True,
    threads: int | None = None,
) -> FastAPI:
    """The eventwire web app over the database at ``db_path`` (opened read-only).

    ``cache=False`` recomputes whole-database aggregates on every request (benchmarks);
    indexes over the data (the per-dyad summary ``dyaddays.py``, the articles' titles
    ``articleindex.py``, the actors' counts by role ``actorroles.py`` and names
    ``actornames.py``, the quotes' order ``quoteindex.py``, the events per dyad and
    day ``eventdays.py``, the located events ``placeindex.py``, the newest article
    day and events per article ``articlepages.py``) are kept either way
    until the database changes. ``threads`` caps DuckDB's threads per query
    (default: one per CPU; ``eventwire serve`` uses 1, see ``command.py``).
    """
    db = ReadOnlyDatabase(db_path, threads=threads)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        warmer = None
        redact = RedactToken(token) if token else None
        if redact:
            for name in SERVER_LOGGERS:
                logging.getLogger(name).addFilter(redact)
        if cache:
            # The overview aggregates the whole database (seconds on millions of
            # events); start it now so the first visitor does not wait for all of it.
            warmer = threading.Thread(target=api_analysis.warm, args=(app,), daemon=True)
            warmer.start()
        yield
        if warmer is not None and warmer.is_alive():
            # A query still running would keep the database from closing.
            warm_con = getattr(app.state, "warm_con", None)
            if warm_con is not None:
                warm_con.interrupt()
            warmer.join(timeout=10)
        db.close()
        if redact:
            for name in SERVER_LOGGERS:
                logging.getLogger(name).removeFilter(redact)

    app = FastAPI(
        title="eventwire",
        version=__version__,
        description="Political event data: events, actors, quotes, stories, timelines, networks.",
        # The Swagger/ReDoc pages load scripts from a CDN; the dashboard must work offline.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.db = db
    app.state.cache = {} if cache else None
    app.state.cache_guard = threading.Lock()
    app.state.cache_locks = {}
    if app.state.cache is not None:
        # Aggregates computed before an ingest's batch are stale after it.
        db.on_change(app.state.cache.clear)
    app.state.token = token
    app.state.sql_limits = sql_limits or SqlLimits()
    for path, endpoint, name in API_ROUTES:
        app.add_api_route(path, endpoint, methods=["GET"], name=name, tags=["api"])
    for path, endpoint, name in PAGE_ROUTES:
        app.add_api_route(path, endpoint, methods=["GET"], name=name, include_in_schema=False)
    app.mount("/static", StaticFiles(packages=[("eventwire.web", "static")]), name="static")
    _add_error_handlers(app)
    _add_middleware(app, token)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(_: Request, err: WebError) -> JSONResponse:
        return error_response(err.status, err.code, err.message)

    @app.exception_handler(StoreBusyError)
    async def busy(_: Request, err: StoreBusyError) -> JSONResponse:
        response = error_response(503, err.code, err.message)
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(EventwireError)
    async def eventwire_error(_: Request, err: EventwireError) -> JSONResponse:
        return error_response(400, err.code, err.message)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, err: RequestValidationError) -> JSONResponse:
        problems = []
        for e in err.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path"))
            problems.append(f"{where}: {e.get('msg')}")
        return error_response(400, "E050", "invalid parameter: " + "; ".join(problems))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, err: StarletteHTTPException) -> JSONResponse:
        code = "E051" if err.status_code == 404 else "E050"
        message = (
            "no such page or endpoint; see /openapi.json"
            if err.status_code == 404
            else str(err.detail)
        )
        return error_response(err.status_code, code, message)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, err: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(
            500, "E059", f"internal error ({type(err).__name__}); see the server log"
        )


def _add_middleware(app: FastAPI, token: str | None) -> None:
    app.add_middleware(Guard, token=token)


class Guard:
    """The token check and the security headers, as a plain ASGI middleware.

    Not ``@app.middleware("http")``: Starlette's ``BaseHTTPMiddleware`` runs every
    request in a task group with memory streams, 0.1–0.15 ms more Python per
    request (measured in-process), which under concurrent clients queues for the GIL.
    """

    def __init__(self, app: ASGIApp, token: str | None):
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
            await send(message)

        if self.token and not _has_token(Request(scope), self.token):
            err = UnauthorizedError(
                "this server needs its token: send 'Authorization: Bearer TOKEN' or add"
                " ?token=TOKEN"
            )
            response = error_response(err.status, err.code, err.message)
            await response(scope, receive, send_with_headers)
            return
        await self.app(scope, receive, send_with_headers)


def _has_token(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    given = (
        header[7:]
        if header.lower().startswith("bearer ")
        else request.query_params.get("token", "")
    )
    return hmac.compare_digest(given.encode(), token.encode())
