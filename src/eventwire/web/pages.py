"""Dashboard pages: small HTML shells that the package's scripts fill from the JSON API.

Templates are Jinja2 with autoescaping on; page parameters (an actor code, an
article id) reach the scripts through escaped ``data-`` attributes, and the
scripts write every piece of data as text nodes, never as HTML.
"""

from __future__ import annotations

from typing import Annotated, Any

import jinja2
from fastapi import Path, Request
from fastapi.responses import HTMLResponse

from ..about import __version__

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("eventwire.web", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
)

NAV = (
    ("overview_page", "/", "Overview"),
    ("dyad_page", "/dyad", "Dyads"),
    ("actors_page", "/actors", "Actors"),
    ("articles_page", "/articles", "Articles"),
    ("map_page", "/map", "Map"),
    ("sql_page", "/sql", "SQL"),
)


def render(request: Request, page: str, title: str, **params: Any) -> HTMLResponse:
    """The page ``page`` (a template name without .html) with its parameters as data attributes."""
    token = request.app.state.token
    # Only a client that proved it has the token gets it back, to pass on to the API.
    suffix = f"?token={token}" if token else ""
    html = _ENV.get_template(f"{page}.html").render(
        page=page,
        title=title,
        nav=NAV,
        current=request.scope.get("route").name if request.scope.get("route") else "",
        params={k: ("" if v is None else str(v)) for k, v in params.items()},
        token=token or "",
        asset_suffix=suffix,
        version=__version__,
    )
    return HTMLResponse(html)


def overview_page(request: Request) -> HTMLResponse:
    return render(request, "overview", "Overview")


def dyad_page(
    request: Request, source: str | None = None, target: str | None = None
) -> HTMLResponse:
    return render(request, "dyad", "Dyad", source=source, target=target)


def actors_page(request: Request, q: str | None = None) -> HTMLResponse:
    return render(request, "actors", "Actors", q=q)


def actor_page(request: Request, code: Annotated[str, Path(max_length=15)]) -> HTMLResponse:
    return render(request, "actor", f"Actor {code}", code=code)


def articles_page(request: Request, q: str | None = None) -> HTMLResponse:
    return render(request, "articles", "Articles", q=q)


def article_page(request: Request, article_id: Annotated[str, Path(max_length=64)]) -> HTMLResponse:
    return render(request, "article", "Article", id=article_id)


def map_page(request: Request) -> HTMLResponse:
    return render(request, "map", "Map of events")


def sql_page(request: Request, sql: str | None = None) -> HTMLResponse:
    return render(request, "sql", "SQL", sql=sql)
