"""Actor pages' counts by role and CAMEO root from memory agree with the query on events."""

from __future__ import annotations

import pytest
from web_db import build, generated_with_gaps

from eventwire.web import actorroles, api
from eventwire.web.db import ReadOnlyDatabase


@pytest.fixture(scope="module")
def databases(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actorroles")
    # Gaps the counts must handle as SQL does: no root, no quad class, no code.
    generated = generated_with_gaps(
        folder / "gen.duckdb",
        2000,
        "UPDATE events SET cameo_root = NULL WHERE hash(id) % 13 = 0",
        "UPDATE events SET quad_class = NULL WHERE hash(id) % 7 = 0",
        "UPDATE events SET source_code = NULL WHERE hash(id) % 17 = 0",
    )
    opened = [ReadOnlyDatabase(generated), ReadOnlyDatabase(build(folder / "web.duckdb"))]
    yield opened
    for db in opened:
        db.close()


@pytest.mark.parametrize("code", ["CHN", "CHNGOV", "TWN", "JPN", "C", "XYZ"])
def test_counts_from_memory_equal_the_query(databases, monkeypatch, code):
    compared = 0
    for db in databases:
        with db.reading():
            assert actorroles.summary(db) is not None
            ours = api._roles(db, code)
            with monkeypatch.context() as m:
                m.setattr(actorroles, "summary", lambda _db: None)
                theirs = api._roles(db, code)
        assert ours == theirs
        compared += len(theirs)
    if code != "XYZ":
        assert compared > 0


def test_a_missing_root_is_listed_last_among_equal_counts():
    counts = actorroles.RoleCounts(
        {"source": ["AAA"], "target": []},
        {"source": [{None: (2, 1, 1), "19": (2, 0, 2), "04": (5, 5, 0)}], "target": []},
    )
    roots = [r["cameo_root"] for r in actorroles.role_rows(counts, "A")]
    assert roots == ["04", "19", None]


def test_too_many_rows_leave_the_counts_to_sql(databases, monkeypatch):
    monkeypatch.setattr(actorroles, "MAX_ROWS", 1)
    with databases[0].reading():
        assert actorroles.build(databases[0]) is None
