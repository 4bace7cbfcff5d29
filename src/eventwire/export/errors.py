"""Errors of the exports and the analysis (codes E040–E049)."""

from __future__ import annotations

from ..errors import EventwireError


class ExportError(EventwireError):
    """An export or analysis request cannot be carried out as given."""

    code = "E040"
