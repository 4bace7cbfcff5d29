from __future__ import annotations

import io
import json

import duckdb
import pytest
from export_db import build

from eventwire.export import write_plover


@pytest.fixture
def records(db_path):
    build(db_path)
    with duckdb.connect(str(db_path)) as con:
        buf = io.StringIO()
        count = write_plover(con, buf)
    lines = buf.getvalue().splitlines()
    assert count == len(lines)
    return [json.loads(line) for line in lines]


def test_plover_lines_parse_and_carry_plover_fields(records):
    for record in records:
        assert {"id", "date", "event", "mode", "context", "actor", "recipient", "text"} <= set(
            record
        )
        assert isinstance(record["actor"], list) and isinstance(record["recipient"], list)


def test_compound_report_is_one_record_with_list_valued_actor(records):
    compound = [r for r in records if len(r["event_ids"]) > 1]
    assert len(compound) == 1
    record = compound[0]
    assert [a["code"] for a in record["actor"]] == ["CHNGOV", "RUSGOV"]
    assert [a["code"] for a in record["recipient"]] == ["USAGOV"]
    assert record["event"] == "ACCUSE" and record["mode"] == "disapprove"


def test_negated_events_and_events_without_plover_type_are_left_out(records):
    ids = {i for r in records for i in r["event_ids"]}
    assert not any(i.endswith("-e2") or i.endswith("-e3") for i in ids)
    # Two single reports of the accusation and one compound record.
    assert len(records) == 3
