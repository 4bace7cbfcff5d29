"""Fixtures of the web tests."""

from __future__ import annotations

import pytest
from web_db import build

from eventwire.web.db import ReadOnlyDatabase


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """The small test database (``web_db.build``), opened read-only for one module."""
    database = ReadOnlyDatabase(build(tmp_path_factory.mktemp("small") / "web.duckdb"))
    yield database
    database.close()
