"""Golden files catch silent drift of the output contract and the database schema.

When a change is intended, regenerate with ``EVENTWIRE_UPDATE_GOLDEN=1 make test``
and add a migration note to CHANGELOG.md.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema

from eventwire.records import Actor, Article, ArticleResult, Event
from eventwire.schema import json_schema
from eventwire.store import schema_sql

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("EVENTWIRE_UPDATE_GOLDEN") == "1"


def _check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == actual, (
        f"{name} changed: if intended, run EVENTWIRE_UPDATE_GOLDEN=1 make test "
        "and add a migration note to CHANGELOG.md"
    )


def test_json_schema_matches_golden_file():
    _check("article_result.schema.json", json.dumps(json_schema(), indent=2) + "\n")


def test_database_schema_matches_golden_file():
    _check("schema.sql", schema_sql())


def test_output_validates_against_generated_schema():
    actor = Actor(text="Tokyo", name="Japan", code="JPNGOV", country="JPN", sectors=["GOV"])
    event = Event(
        id="e",
        sentence="s",
        span=(0, 1),
        text="t",
        source=actor,
        target=None,
        cameo="111",
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        confidence=0.5,
        rule="r",
    )
    article = Article(id="a", text="t")
    result = ArticleResult(article=article.info(), events=[event])
    jsonschema.validate(result.to_json_dict(), json_schema())
