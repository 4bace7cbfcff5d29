"""GDELT 2.0 exports: the 61-column event table and the 16-column mentions table.

Rows are tab-separated with no header, as GDELT ships its files, so readers
written for GDELT open them unchanged; ``header=True`` adds a header line.
What we put in each column, and where it differs from GDELT (ISO 3166-1 alpha-3
instead of FIPS country codes in the geography, our GLOBALEVENTID scheme, empty
AvgTone …), is documented column by column in ``docs/gdelt-columns.md``.

The unit of the event table is the consolidated event when ``event_clusters``
has rows (NumMentions, NumSources, NumArticles then come from the cluster), else
one row per non-negated event report with counts of 1.
"""

from __future__ import annotations

from typing import IO

import duckdb

from .sql import clean_sql, gdelt_id_sql, has_clusters, stream_lines, units_sql

EVENT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
        "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
    )),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{g}Geo_{c}" for g in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID",
    )),
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

MENTION_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
    "MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset",
    "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)  # fmt: skip

# Actor code prefixes of non-state groups: GDELT puts their code in KnownGroupCode.
_GROUP_PREFIXES = ("IGO", "NGO", "NGM", "MNC")

_EMPTY = "''"


def _text(expr: str) -> str:
    return f"coalesce(CAST({expr} AS VARCHAR), '')"


def _actor(role: str) -> list[str]:
    code, country = f"u.{role}_code", f"u.{role}_country"
    is_group = " OR ".join(f"starts_with({code}, '{p}')" for p in _GROUP_PREFIXES)
    return [
        _text(code),
        clean_sql(f"u.{role}_name"),
        f"CASE WHEN {is_group} THEN '' ELSE {_text(country)} END",
        f"CASE WHEN {is_group} THEN {_text(country)} ELSE '' END",
        _EMPTY,  # ethnic code: not coded
        _EMPTY,  # religion 1: not coded
        _EMPTY,  # religion 2: not coded
        *(_text(f"u.{role}_sectors[{i}]") for i in (1, 2, 3)),
    ]


def _timestamp(published: str, fallback_date: str) -> str:
    """YYYYMMDDHHMMSS in UTC of an ISO publication string, else of a date at midnight."""
    parsed = f"timezone('UTC', TRY_CAST({published} AS TIMESTAMPTZ))"
    return (
        f"coalesce(strftime({parsed}, '%Y%m%d%H%M%S'),"
        f" strftime({fallback_date}, '%Y%m%d') || '000000', '')"
    )


def _action_geo() -> list[str]:
    precision, country = "u.location_precision", "u.location_country"
    geo_type = (
        f"CASE WHEN {precision} = 'country' THEN '1'"
        f" WHEN {precision} = 'region' THEN CASE WHEN {country} = 'USA' THEN '2' ELSE '5' END"
        f" WHEN {precision} = 'city' THEN CASE WHEN {country} = 'USA' THEN '3' ELSE '4' END"
        f" WHEN u.location_name IS NOT NULL THEN '4' ELSE '0' END"
    )
    full_name = clean_sql(
        "concat_ws(', ', u.location_name,"
        " CASE WHEN u.location_precision <> 'country' THEN u.location_admin1 END,"
        " CASE WHEN u.location_precision <> 'country' THEN u.location_country END)"
    )
    return [
        geo_type,
        f"CASE WHEN u.location_name IS NULL THEN '' ELSE {full_name} END",
        _text(country),
        _text("u.location_admin1"),
        _EMPTY,  # ADM2: not resolved
        _text("round(u.location_lat, 4)"),
        _text("round(u.location_lon, 4)"),
        _text("u.location_geonameid"),
    ]


def _event_expressions() -> list[str]:
    day = "u.day"
    fraction = f"(year({day}) + (dayofyear({day}) - 1) / 365.0)"
    columns = [
        gdelt_id_sql("u.unit_id"),
        _text(f"strftime({day}, '%Y%m%d')"),
        _text(f"strftime({day}, '%Y%m')"),
        _text(f"year({day})"),
        _text(f"round({fraction}, 4)"),
        *_actor("source"),
        *_actor("target"),
        # Root event: GDELT's "in the lead paragraph"; ours the first paragraph.
        "CASE WHEN u.lead_end = 0 OR u.span_start < u.lead_end THEN '1' ELSE '0' END",
        _text("u.cameo"),
        _text("substr(u.cameo, 1, 3)"),
        _text("u.cameo_root"),
        _text("u.quad_class"),
        _text("u.goldstein"),
        _text("u.mentions"),
        _text("u.sources"),
        _text("u.articles"),
        _EMPTY,  # AvgTone: we do not score tone
        # Actor geographies: we locate the action, not each actor.
        "'0'",
        *[_EMPTY] * 7,
        "'0'",
        *[_EMPTY] * 7,
        *_action_geo(),
        _timestamp("CAST(u.ingested_at AS VARCHAR)", "u.published_date"),
        clean_sql("coalesce(u.url, u.path, u.article_id)"),
    ]
    assert len(columns) == len(EVENT_COLUMNS), "GDELT event columns out of step"
    return columns


def gdelt_events_sql(con: duckdb.DuckDBPyConnection, unit: str = "auto") -> str:
    """The query returning one tab-joined GDELT event line per exported event."""
    line = " || chr(9) || ".join(_event_expressions())
    return f"SELECT {line} AS line FROM ({units_sql(con, unit)}) u ORDER BY u.day, u.unit_id"


_CLUSTER_MENTIONS = """
SELECT m.cluster_id AS unit_id, m.event_id, m.article_id, m.span_start, m.published,
       c.first_seen AS event_seen, c.date AS event_day
FROM event_mentions m JOIN event_clusters c ON c.id = m.cluster_id
"""

_REPORT_MENTIONS = """
SELECT e.id AS unit_id, e.id AS event_id, e.article_id, e.span_start, a.published,
       a.published AS event_seen, a.published_date AS event_day
FROM events e JOIN articles a ON a.id = e.article_id
WHERE NOT coalesce(e.negated, false)
"""


def _mention_expressions() -> list[str]:
    # Sentence number: sentence ends before the event's offset, plus one. An
    # approximation of GDELT's SentenceID (our parser's count is not stored).
    sentence_no = (
        "len(regexp_extract_all(substr(a.text, 1, m.span_start), '[.!?][\"”’'')]*\\s+')) + 1"
    )
    extras = (
        "'<EW_EVENT_ID>' || m.event_id || '</EW_EVENT_ID><EW_UNIT_ID>'"
        " || m.unit_id || '</EW_UNIT_ID>'"
    )
    columns = [
        gdelt_id_sql("m.unit_id"),
        _timestamp("m.event_seen", "m.event_day"),
        _timestamp("m.published", "a.published_date"),
        "'1'",  # MentionType 1 = WEB
        clean_sql("a.outlet"),
        clean_sql("coalesce(a.url, a.path, a.id)"),
        _text(sentence_no),
        "'-1'",  # actor offsets: actors carry no span in our records
        "'-1'",
        _text("m.span_start"),
        "'1'",  # found in the raw text, not by fuzzy matching
        _text("CAST(round(coalesce(e.confidence, 0) * 100) AS INTEGER)"),
        _text("length(a.text)"),
        _EMPTY,  # tone: not scored
        "CASE WHEN a.language IS NULL OR a.language = 'en' THEN ''"
        " ELSE 'srclc:' || a.language || ';eng:eventwire' END",
        extras,
    ]
    assert len(columns) == len(MENTION_COLUMNS), "GDELT mention columns out of step"
    return columns


def gdelt_mentions_sql(con: duckdb.DuckDBPyConnection, unit: str = "auto") -> str:
    """The query returning one tab-joined GDELT mention line per event report."""
    use_clusters = unit == "events" or (unit == "auto" and has_clusters(con))
    source = _CLUSTER_MENTIONS if use_clusters else _REPORT_MENTIONS
    line = " || chr(9) || ".join(_mention_expressions())
    return (
        f"SELECT {line} AS line FROM ({source}) m"
        " JOIN articles a ON a.id = m.article_id JOIN events e ON e.id = m.event_id"
        " ORDER BY m.unit_id, m.published NULLS LAST, m.event_id"
    )


def write_gdelt_events(
    con: duckdb.DuckDBPyConnection, out: IO[str], *, header: bool = False, unit: str = "auto"
) -> int:
    """Write the GDELT 2.0 event table to ``out``; returns the number of rows."""
    if header:
        out.write("\t".join(EVENT_COLUMNS) + "\n")
    return stream_lines(con, gdelt_events_sql(con, unit), out)


def write_gdelt_mentions(
    con: duckdb.DuckDBPyConnection, out: IO[str], *, header: bool = False, unit: str = "auto"
) -> int:
    """Write the GDELT 2.0 mentions table to ``out``; returns the number of rows."""
    if header:
        out.write("\t".join(MENTION_COLUMNS) + "\n")
    return stream_lines(con, gdelt_mentions_sql(con, unit), out)
