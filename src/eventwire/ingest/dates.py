"""Publication dates: parse what sources give and normalise with the time zone."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from dateutil import parser as dateutil_parser

_DATE_ONLY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")


def normalise_published(value: object) -> str | None:
    """An ISO 8601 string for a publication date given in any common form.

    A bare date stays a date (``2021-09-01``); a date-time with a zone keeps its
    own UTC offset (``2021-09-01T08:30:00+08:00``), so the first ten characters are
    the calendar day where it was published, the day "yesterday" counts from. A
    date-time without a zone keeps only its date, since its zone is unknown.
    Returns None for empty or unparseable values.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _iso_keep_offset(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text:
        return None
    if m := _DATE_ONLY.match(text):
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{9,13}", text):
        return _from_epoch(float(text))
    try:
        parsed = dateutil_parser.parse(text, fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if not re.search(r"\d{1,2}:\d{2}", text):
        return parsed.date().isoformat()
    return _iso_keep_offset(parsed)


def published_date(published: str | None) -> date | None:
    """The calendar date of a normalised publication value."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _from_epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def _iso_keep_offset(moment: datetime) -> str:
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.date().isoformat()
    return moment.replace(microsecond=0).isoformat()
