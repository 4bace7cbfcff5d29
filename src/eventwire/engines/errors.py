"""Errors of the execution engines (codes E070–E079)."""

from __future__ import annotations

from ..errors import EventwireError


class EngineError(EventwireError):
    """An engine cannot run as asked (an input it cannot read, a cluster it cannot reach)."""

    code = "E070"


class EngineOutputError(EngineError):
    """The engine's Parquet output is missing or not what the engine writes."""

    code = "E071"
