from __future__ import annotations

import duckdb
import pandas as pd
import pytest
from analysis_db import build

from eventwire.analysis import ALERT_COLUMNS, alert_events, alerts


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("alerts") / "a.duckdb")
    connection = duckdb.connect(str(path), read_only=True)
    yield connection
    connection.close()


def test_only_the_dyad_rising_above_its_baseline_alerts(con):
    frame = alerts(con, by="week", window=8, k=2.0, min_count=3)
    assert list(frame.columns) == list(ALERT_COLUMNS)
    assert len(frame) == 1
    alert = frame.iloc[0]
    assert (alert.source, alert.target) == ("CHN", "TWN")
    assert alert.period == pd.Timestamp("2026-03-09")
    assert alert.value == 7 and alert.conflict_events == 7
    assert alert.baseline_mean == pytest.approx(1.0) and alert.baseline_std == pytest.approx(0.0)
    assert len(alert.event_ids) == 7


def test_steady_conflict_does_not_alert(con):
    # USA→CHN has three conflict events every week: high, but not above its baseline.
    frame = alerts(con, by="week", min_count=1)
    assert ("USA", "CHN") not in set(zip(frame.source, frame.target, strict=True))


def test_goldstein_measure_and_minimum_count(con):
    frame = alerts(con, by="week", measure="goldstein")
    assert len(frame) == 1 and frame.iloc[0].value == pytest.approx(62.0)
    assert alerts(con, by="week", min_count=8).empty


def test_events_behind_an_alert_have_their_sentences(con):
    frame = alerts(con, by="week")
    behind = alert_events(con, frame)
    assert len(behind) == 7
    assert set(behind["cameo"]) == {"112", "190"}
    assert behind["sentence"].str.len().min() > 0
    assert (behind["period"] == pd.Timestamp("2026-03-09")).all()


def test_no_alerts_gives_an_empty_frame_with_the_columns(con):
    frame = alerts(con, by="week", until="2026-02-01")
    assert frame.empty and list(frame.columns) == list(ALERT_COLUMNS)
    assert alert_events(con, frame).empty
