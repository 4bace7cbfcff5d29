"""Located events kept in memory for the map's places (``/api/places``).

The map asks for every place with its event count, mean coordinates,
conflicts and last day: a GROUP BY over every located event (about 10 ms of
CPU on a million events, the most expensive listing left). Instead the few
columns it needs are read once per state of the database
(``ReadOnlyDatabase.derived``), grouped by place, and each request sums the
groups with numpy.

The answers are the SQL's to the bit: DuckDB's ``avg`` of a DOUBLE adds the
values one by one in scan order and divides by the count, and
``numpy.bincount`` adds its weights one by one in index order; the rows are
kept in table order within each place (a stable sort), so every place's sum
is the same sequence of additions. ``any_value`` is the first country in
table order. (With more than one DuckDB thread per query the SQL's own order,
and so its last bits, may vary from run to run.)

Only the filters the map sends without an actor are answered here (dates,
QuadClass); other filters, a database without a stored ``day`` column, or
more than ``MAX_ROWS`` located events query the table as before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import numpy as np

from .db import ReadOnlyDatabase

# A located event costs about 30 bytes in the arrays below: about 60 MB at the cap.
MAX_ROWS = 2_000_000

_EPOCH = dt.date(1970, 1, 1)
_NO_DAY = np.iinfo(np.int32).min


@dataclass
class Places:
    """Located events grouped by place name (table order within a place)."""

    names: list[Any]  # one per place; None for events with coordinates but no name
    countries: list[Any]  # distinct countries; ``country`` numbers rows into it (-1: none)
    place: np.ndarray  # place number of each row
    days: np.ndarray  # int32 days since 1970-01-01, _NO_DAY when unknown
    quads: np.ndarray  # int8 QuadClass, 0 when unknown
    country: np.ndarray  # int32 number of each row's country in ``countries``, -1: none
    lats: np.ndarray
    lons: np.ndarray
    everything: Totals | None = None  # over every row: the unfiltered map, computed once


def build(db: ReadOnlyDatabase) -> Places | None:
    """The located events of the open database, or None when there are too many."""
    data = db.con.execute(
        "SELECT location_name, location_country, location_lat, location_lon, quad_class, day"
        " FROM events WHERE location_lat IS NOT NULL AND location_lon IS NOT NULL"
        f" LIMIT {MAX_ROWS + 1}"
    ).fetchnumpy()
    if len(data["location_lat"]) > MAX_ROWS:
        return None
    names = _objects(data["location_name"])
    countries = _objects(data["location_country"])
    # Place numbers in name order (None last); a stable sort keeps table order inside each.
    known = sorted({n for n in names if n is not None})
    number = {name: i for i, name in enumerate(known)}
    if None in names:
        number[None] = len(known)
    keys = np.fromiter((number[n] for n in names), dtype=np.int64, count=len(names))
    order = np.argsort(keys, kind="stable")
    place = keys[order]
    distinct = sorted({c for c in countries if c is not None})
    country_number = {c: i for i, c in enumerate(distinct)}
    country = np.fromiter(
        (country_number.get(c, -1) if c is not None else -1 for c in countries),
        dtype=np.int32,
        count=len(countries),
    )
    days = np.ma.getdata(data["day"]).astype("datetime64[D]").astype(np.int64)
    days[np.ma.getmaskarray(data["day"])] = _NO_DAY
    quads = np.ma.filled(np.ma.asarray(data["quad_class"]), 0).astype(np.int64)
    places = Places(
        names=[*known, None] if None in number else known,
        countries=distinct,
        place=place,
        days=days[order].astype(np.int32),
        quads=quads[order].astype(np.int8),
        country=country[order],
        lats=np.asarray(data["location_lat"], dtype=np.float64)[order],
        lons=np.asarray(data["location_lon"], dtype=np.float64)[order],
    )
    places.everything = totals_of(places, np.arange(len(place)))
    return places


def _objects(column: Any) -> list[Any]:
    """A fetched text column as a list with None where SQL has NULL."""
    if np.ma.isMaskedArray(column):
        hidden = np.ma.getmaskarray(column).tolist()
        return [None if h else v for v, h in zip(column.data.tolist(), hidden, strict=True)]
    return column.tolist()


def summary(db: ReadOnlyDatabase) -> Places | None:
    """The database's located events, read on first use after each write (None: query)."""
    if db.event_day != "e.day":
        return None
    return db.derived("places", lambda: build(db))


def place_rows(
    places: Places,
    *,
    since: dt.date | None,
    until: dt.date | None,
    quad_class: int | None,
    limit: int,
) -> list[dict[str, Any]]:
    """The rows of ``api_analysis.places``: most events first, then by name (None last)."""
    if since or until or quad_class:
        keep = np.ones(len(places.place), dtype=bool)
        if since:
            keep &= places.days >= (since - _EPOCH).days
        if until:
            keep &= (places.days <= (until - _EPOCH).days) & (places.days != _NO_DAY)
        if quad_class:
            keep &= places.quads == quad_class
        totals = totals_of(places, np.flatnonzero(keep))
    else:
        totals = places.everything or totals_of(places, np.arange(len(places.place)))
    events = totals.events
    found = np.flatnonzero(events)
    # Place numbers follow name order with None last: a stable sort on the count breaks ties.
    found = found[np.argsort(-events[found], kind="stable")][: int(limit)]
    rows = []
    for i in found.tolist():
        n = int(events[i])
        last = int(totals.last_day[i])
        rows.append(
            {
                "name": places.names[i],
                "country": totals.country.get(i),
                "lat": float(totals.lat_sum[i]) / n,
                "lon": float(totals.lon_sum[i]) / n,
                "events": n,
                "conflict": int(totals.conflict[i]),
                "last_day": None if last == _NO_DAY else _EPOCH + dt.timedelta(days=last),
            }
        )
    return rows


@dataclass(frozen=True)
class Totals:
    """Per place number: the aggregates of ``api_analysis.places`` over some rows."""

    events: np.ndarray
    conflict: np.ndarray
    lat_sum: np.ndarray
    lon_sum: np.ndarray
    last_day: np.ndarray  # _NO_DAY where no row has a day
    country: dict[int, Any]  # the first row's country in table order, where one has any


def totals_of(places: Places, rows: np.ndarray) -> Totals:
    """Aggregates over ``rows`` (ascending positions, so table order within each place)."""
    size = len(places.names)
    owner = places.place[rows]
    conflict = owner[places.quads[rows] >= 3]
    # bincount adds each place's weights one by one in row order, as DuckDB's avg does.
    lat_sum = np.bincount(owner, weights=places.lats[rows], minlength=size)
    lon_sum = np.bincount(owner, weights=places.lons[rows], minlength=size)
    last_day = np.full(size, _NO_DAY, dtype=np.int64)
    if len(rows):
        # Rows are grouped by place: a place's first row is where the owner changes.
        starts = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
        last_day[owner[starts]] = np.maximum.reduceat(places.days[rows], starts)
    named = rows[places.country[rows] >= 0]
    holders = places.place[named]
    first = named[np.concatenate(([True], holders[1:] != holders[:-1]))[: len(named)]]
    return Totals(
        events=np.bincount(owner, minlength=size),
        conflict=np.bincount(conflict, minlength=size),
        lat_sum=lat_sum,
        lon_sum=lon_sum,
        last_day=last_day,
        country={
            int(p): places.countries[c]
            for p, c in zip(
                places.place[first].tolist(), places.country[first].tolist(), strict=True
            )
        },
    )
