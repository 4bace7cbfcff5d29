"""Filters of the API listings, turned into WHERE clauses with bound parameters.

Every value a client sends is bound (``?``), never pasted into SQL text; only
column expressions written here are. An ``actor`` written in capitals
(``CHN``, ``TWNGOV``) is taken as a CAMEO actor code prefix, anything else as
a part of an actor's name, so code filters can use DuckDB's fast prefix
comparison instead of a text search over every name.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..store.where import Where, like

__all__ = ["EVENT_DAY", "EventFilters", "Where", "actor_clause", "is_code", "like"]

_CODE = re.compile(r"^[A-Z]{3,15}$")

# The day an event is counted on, as in eventwire.export.sql: its own date when
# known to the day, else its article's publication date.
EVENT_DAY = (
    "coalesce(CASE WHEN e.date_precision = 'day' THEN TRY_CAST(e.date AS DATE) END,"
    " a.published_date)"
)


def is_code(value: str) -> bool:
    """Whether a filter value reads as a CAMEO actor code (capitals only)."""
    return bool(_CODE.match(value))


def actor_clause(w: Where, roles: tuple[str, ...], value: str) -> None:
    """Keep rows where any of ``roles`` is the actor ``value``.

    A role is a column prefix: ``e.source_`` reads ``e.source_code`` and ``e.source_name``.
    """
    if is_code(value):
        parts = [f"starts_with({r}code, ?)" for r in roles]
        w.add("(" + " OR ".join(parts) + ")", *([value] * len(roles)))
    else:
        parts = [f"{r}name ILIKE ? ESCAPE '\\'" for r in roles]
        w.add("(" + " OR ".join(parts) + ")", *([like(value)] * len(roles)))


def side_clause(role: str, value: str) -> tuple[str, list[Any]]:
    """One side of a dyad: a country (``CHN``) or a CAMEO actor code prefix (``CHNMIL``)."""
    value = value.upper()
    return f"({role}_country = ? OR starts_with({role}_code, ?))", [value, value]


@dataclass(frozen=True)
class EventFilters:
    """Filters of the event listing and the map."""

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    both: bool = False
    country: str | None = None
    code: str | None = None
    quad_class: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    q: str | None = None
    place: str | None = None
    article: str | None = None

    def where(self, day: str = EVENT_DAY) -> Where:
        """The WHERE clause over ``events e`` (joined to ``articles a`` when ``day`` needs it)."""
        w = Where()
        w.between(day, self.since, self.until)
        if self.actor:
            actor_clause(w, ("e.source_", "e.target_"), self.actor)
        self._dyad(w)
        if self.country:
            w.add("(e.source_country = ? OR e.target_country = ?)", *[self.country.upper()] * 2)
        if self.code:
            w.add("starts_with(e.cameo, ?)", self.code)
        if self.quad_class:
            w.add("e.quad_class = ?", self.quad_class)
        if self.q:
            w.add("e.sentence ILIKE ? ESCAPE '\\'", like(self.q))
        if self.place:
            w.add("e.location_name = ?", self.place)
        if self.article:
            w.add("e.article_id = ?", self.article)
        return w

    def _dyad(self, w: Where) -> None:
        if not (self.source or self.target):
            return
        forward, back = Where(), Where()
        for role, value in (("e.source", self.source), ("e.target", self.target)):
            if value:
                forward.add(*_unpack(side_clause(role, value)))
        for role, value in (("e.target", self.source), ("e.source", self.target)):
            if value:
                back.add(*_unpack(side_clause(role, value)))
        if self.both:
            w.add(
                f"(({' AND '.join(forward.clauses)}) OR ({' AND '.join(back.clauses)}))",
                *forward.params,
                *back.params,
            )
        else:
            w.add(" AND ".join(forward.clauses), *forward.params)


def _unpack(pair: tuple[str, list[Any]]) -> tuple[Any, ...]:
    clause, params = pair
    return (clause, *params)
