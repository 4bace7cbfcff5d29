"""WHERE clauses built from bound parameters, shared by the listings, the analysis and the web API.

Every value a user sends is bound (``?``); only column expressions written in the
code become SQL text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Where:
    """A growing conjunction of SQL clauses and their parameters."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def between(self, column: str, since: Any, until: Any, param: str = "?") -> None:
        """Keep rows whose ``column`` lies in since..until (both inclusive; None: open)."""
        if since:
            self.add(f"{column} >= {param}", since)
        if until:
            self.add(f"{column} <= {param}", until)

    def sql(self) -> str:
        """`` WHERE a AND b``, or nothing when there is no clause."""
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def like(value: str) -> str:
    """``value`` as an ILIKE pattern matching it anywhere, its wildcards escaped."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
