from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from analysis_db import build

from eventwire.analysis import TIMELINE_COLUMNS, dyad_timeline
from eventwire.export import ExportError


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("analysis") / "a.duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_weekly_timeline_counts_and_goldstein(con):
    frame = dyad_timeline(con, "CHN", "TWN", by="week")
    assert list(frame.columns) == list(TIMELINE_COLUMNS)
    assert len(frame) == 10
    assert frame["period"].iloc[0] == pd.Timestamp("2026-01-05")
    assert frame["events"].tolist() == [1, 2, 1, 1, 1, 1, 1, 1, 1, 7]
    last = frame.iloc[-1]
    assert (last.verbal_conflict, last.material_conflict) == (1, 6)
    assert last.goldstein_sum == pytest.approx(-62.0)
    assert last.goldstein_mean == pytest.approx(-62.0 / 7)
    assert frame.iloc[1].verbal_cooperation == 1


def test_consolidated_events_count_a_reprint_once_and_reports_twice(con):
    events = dyad_timeline(con, "CHN", "TWN", by="week", unit="events")
    reports = dyad_timeline(con, "CHN", "TWN", by="week", unit="reports")
    assert events["events"].iloc[4] == 1 and events["articles"].iloc[4] == 2
    assert reports["events"].iloc[4] == 2


def test_monthly_timeline_and_code_prefix(con):
    frame = dyad_timeline(con, "CHN", "TWN", by="month")
    assert frame["period"].dt.month.tolist() == [1, 2, 3]
    assert frame["events"].tolist() == [5, 4, 8]
    military = dyad_timeline(con, "CHNMIL", "TWN", by="month")
    assert military["events"].sum() == 6


def test_both_directions_and_empty_periods(con):
    one_way = dyad_timeline(con, "TWN", "CHN", by="week")
    assert one_way["events"].tolist() == [1]
    both = dyad_timeline(con, "TWN", "CHN", by="week", both_directions=True)
    assert both["events"].sum() == 18
    padded = dyad_timeline(con, "TWN", "CHN", by="week", since="2026-01-01", until="2026-02-01")
    # 2026-01-01 is a Thursday: its week starts on Monday 2025-12-29.
    assert padded["period"].iloc[0] == pd.Timestamp("2025-12-29")
    assert padded["events"].tolist() == [0, 0, 0, 1, 0]


def test_unknown_period_is_a_clear_error(con):
    with pytest.raises(ExportError, match=r"E040.*period must be one of"):
        dyad_timeline(con, "CHN", "TWN", by="fortnight")
