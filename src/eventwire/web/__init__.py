"""The web layer: REST API, read-only SQL and an offline dashboard (``eventwire serve``).

Needs the optional ``[web]`` extra (FastAPI, uvicorn); ``create_app`` says so
with ``MissingExtraError`` (E030) when it is missing.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI


def create_app(db_path: str | Path, *, token: str | None = None, **options: Any) -> FastAPI:
    """The web app over the database at ``db_path`` (see ``eventwire.web.app``)."""
    from .command import require_web_extra

    require_web_extra()
    from .app import create_app as _create_app

    return _create_app(db_path, token=token, **options)


__all__ = ["create_app"]
