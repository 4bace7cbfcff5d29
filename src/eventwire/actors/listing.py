"""Rows of the knowledge base for listing and searching (``eventwire actors kb``)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from .kb import KnowledgeBase, normalise_name, to_cameo_code

KINDS = ("country", "organisation", "party", "person", "institution", "agent")


def _matches(search: str | None, names: tuple[str, ...]) -> bool:
    if not search:
        return True
    wanted = normalise_name(search)
    # Word-prefix match: "Lai" finds "Lai Ching-te" but not "Alain" or "Blair".
    return any(
        (folded := normalise_name(n)).startswith(wanted) or f" {wanted}" in folded
        for n in names
        if n
    )


def _rows(kb: KnowledgeBase, on: date | None) -> Iterator[tuple[str, tuple[str, ...], dict]]:
    for c in kb.countries.values():
        names = (c.name, *c.names, *c.adjectives, *c.demonyms, c.capital, *c.capital_names)
        yield (
            "country",
            names,
            {
                "name": c.name,
                "code": c.code,
                "country": c.code,
                "sectors": [],
                "detail": f"capital {c.capital}",
                "id": c.wikidata or None,
            },
        )
    for o in kb.organisations.values():
        yield (
            "organisation",
            (o.name, *o.names),
            {
                "name": o.name,
                "code": o.code,
                "country": o.country,
                "sectors": list(o.sectors),
                "detail": ", ".join(o.names[:3]),
                "id": o.wikidata or None,
            },
        )
    for p in kb.parties:
        yield (
            "party",
            (p.name, *p.names),
            {
                "name": p.name,
                "code": to_cameo_code(p.country, ["PTY"]),
                "country": p.country,
                "sectors": ["PTY"],
                "detail": p.stance,
                "id": p.wikidata or None,
            },
        )
    for t in kb.people:
        if on is not None and not t.active_on(on):
            continue
        span = f"{t.start}..{t.end or ''}"
        yield (
            "person",
            (t.name, *t.names),
            {
                "name": t.name,
                "code": to_cameo_code(t.country, _primary(t.sectors)),
                "country": t.country,
                "sectors": list(t.sectors),
                "detail": f"{'|'.join(t.roles)} {span}",
                "id": t.wikidata or None,
            },
        )
    for i in kb.institutions:
        yield (
            "institution",
            (i.name, *i.names),
            {
                "name": i.name,
                "code": to_cameo_code(i.country, i.sectors[:1]),
                "country": i.country,
                "sectors": list(i.sectors),
                "detail": i.note,
                "id": i.wikidata or None,
            },
        )
    for a in kb.agents.values():
        yield (
            "agent",
            (a.phrase, *a.forms),
            {
                "name": a.phrase,
                "code": "".join(a.sectors),
                "country": None,
                "sectors": list(a.sectors),
                "detail": a.kind,
                "id": None,
            },
        )


def search_knowledge_base(
    kb: KnowledgeBase,
    *,
    search: str | None = None,
    kind: str | None = None,
    country: str | None = None,
    on: date | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """Knowledge-base entries whose names contain ``search``, as listing rows."""
    found = []
    for entry_kind, names, row in _rows(kb, on):
        if kind and entry_kind != kind:
            continue
        if country and (row["country"] or "") != country.upper():
            continue
        if _matches(search, names):
            found.append({"kind": entry_kind, **row})
            if len(found) >= limit:
                break
    return found


def _primary(sectors: tuple[str, ...]) -> list[str]:
    """A person is coded by the role's sector, not the party's (see recognize.primary_sector)."""
    return [s for s in sectors if s != "PTY"][:1] or list(sectors[:1])
