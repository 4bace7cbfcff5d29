from __future__ import annotations

import io

import duckdb
import pandas as pd
import pytest
from export_db import build

from eventwire.export import EVENT_COLUMNS, MENTION_COLUMNS, export, gdelt_id


@pytest.fixture
def con(db_path):
    build(db_path)
    connection = duckdb.connect(str(db_path))
    yield connection
    connection.close()


def _gdelt(con, fmt: str, **options) -> str:
    buf = io.StringIO()
    export(con, fmt, out=buf, **options)
    return buf.getvalue()


def test_gdelt_event_table_has_61_columns_in_gdelt_order():
    assert len(EVENT_COLUMNS) == 61
    assert EVENT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert EVENT_COLUMNS[25:35] == (
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
        "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    )  # fmt: skip
    assert EVENT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")
    assert len(MENTION_COLUMNS) == 16


def test_gdelt_file_reads_back_in_duckdb_as_61_tab_separated_columns(con, tmp_path):
    path = tmp_path / "events.tsv"
    export(con, "gdelt", output=path)
    reader = duckdb.connect()
    rows = reader.execute(
        "SELECT * FROM read_csv(?, delim='\t', header=false, all_varchar=true)", [str(path)]
    ).fetchall()
    assert all(len(row) == 61 for row in rows)
    clusters = con.execute("SELECT count(*) FROM event_clusters").fetchone()[0]
    assert len(rows) == clusters


def test_gdelt_counts_come_from_consolidated_events(con):
    text = _gdelt(con, "gdelt", header=True)
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(EVENT_COLUMNS)
    copied = frame[(frame.Actor1Code == "CHNGOV") & (frame.Actor2Code == "TWNGOV")]
    # The same accusation carried by two outlets is one event with two articles.
    assert len(copied) == 1
    row = copied.iloc[0]
    assert (row.NumMentions, row.NumSources, row.NumArticles) == ("2", "2", "2")
    assert (row.SQLDATE, row.MonthYear, row.Year) == ("20260302", "202603", "2026")
    assert (row.EventCode, row.EventBaseCode, row.EventRootCode) == ("112", "112", "11")
    assert row.ActionGeo_CountryCode == "TWN" and row.ActionGeo_Type == "4"
    assert row.ActionGeo_FeatureID == "1668341"
    assert row.SOURCEURL == "https://a.example/1"
    cluster = con.execute(
        "SELECT id FROM event_clusters WHERE source_code = 'CHNGOV' AND target_code = 'TWNGOV'"
    ).fetchone()[0]
    assert int(row.GLOBALEVENTID) == gdelt_id(cluster)


def test_gdelt_puts_organisations_in_known_group_code(con):
    frame = pd.read_csv(
        io.StringIO(_gdelt(con, "gdelt", header=True)), sep="\t", dtype=str, keep_default_na=False
    )
    un = frame[frame.Actor1Code == "IGOUNO"].iloc[0]
    assert un.Actor1KnownGroupCode == "UNO" and un.Actor1CountryCode == ""
    assert un.Actor1Type1Code == "IGO"
    # The UN sentence is in the second paragraph: not a root event.
    assert un.IsRootEvent == "0"


def test_gdelt_falls_back_to_one_row_per_report_without_clusters(con):
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM event_clusters")
    lines = _gdelt(con, "gdelt").splitlines()
    reports = con.execute("SELECT count(*) FROM events WHERE NOT negated").fetchone()[0]
    assert len(lines) == reports == 5
    assert {line.split("\t")[31] for line in lines} == {"1"}


def test_gdelt_mentions_keep_every_report_with_its_event_id(con):
    text = _gdelt(con, "gdelt-mentions", header=True)
    frame = pd.read_csv(io.StringIO(text), sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns) == list(MENTION_COLUMNS)
    assert len(frame) == con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    events = {int(line.split("\t")[0]) for line in _gdelt(con, "gdelt").splitlines()}
    assert set(frame.GLOBALEVENTID.astype(int)) == events
    first = frame[frame.MentionIdentifier == "https://a.example/1"].iloc[0]
    # Published 09:00 at +08:00 is 01:00 UTC.
    assert first.MentionTimeDate == "20260302010000"
    assert first.MentionSourceName == "Wire A" and first.Confidence == "80"
    assert first.ActionCharOffset == "8" and first.SentenceID == "1"


def test_text_with_tabs_and_line_breaks_cannot_break_a_row(con):
    con.execute("UPDATE events SET source_name = 'Chi' || chr(9) || 'na' || chr(10) || 'x'")
    for line in _gdelt(con, "gdelt").splitlines():
        assert len(line.split("\t")) == 61
