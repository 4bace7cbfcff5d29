"""Errors of the REST API and the dashboard server (codes E050–E059).

Every error a client sees has one shape, ``{"error": {"code", "message"}}``;
the HTTP status travels with the error class so the handler in ``app.py``
needs no table of its own.
"""

from __future__ import annotations

from ..errors import EventwireError


class WebError(EventwireError):
    """A request the API cannot answer as asked (HTTP 400)."""

    code = "E050"
    status = 400


class NotFoundError(WebError):
    """The article, story or actor asked for is not in the database (HTTP 404)."""

    code = "E051"
    status = 404


class SqlRejectedError(WebError):
    """User SQL is not a single SELECT/WITH statement, or touches what it may not (HTTP 400)."""

    code = "E052"
    status = 400


class SqlTimeoutError(WebError):
    """User SQL ran past the time limit and was interrupted (HTTP 408)."""

    code = "E053"
    status = 408


class UnauthorizedError(WebError):
    """The server has a token and the request did not carry it (HTTP 401)."""

    code = "E054"
    status = 401


class UnsafeBindError(EventwireError):
    """``serve`` was asked to listen beyond loopback without a token."""

    code = "E055"
