"""The DuckDB schema, derived from the typed records.

Each table's columns come from a record's fields: nested ACTOR and PLACE fields
are flattened with a prefix (``source_code``, ``location_lat``), spans become
``span_start``/``span_end`` and the PLOVER object ``plover_event``/``plover_mode``.
A golden-file test catches silent drift of the result.
"""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from ..records import (
    ActorSummary,
    Article,
    Event,
    Failure,
    Place,
    Quote,
    TimeExpr,
)

SCHEMA_VERSION = 2


@dataclass(frozen=True)
class Column:
    name: str
    type: str


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]

    def ddl(self) -> str:
        cols = [f'    "{c.name}" {c.type}' for c in self.columns]
        cols.append(f"    PRIMARY KEY ({', '.join(self.primary_key)})")
        return f"CREATE TABLE IF NOT EXISTS {self.name} (\n" + ",\n".join(cols) + "\n)"

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _scalar_type(annotation: Any) -> str:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        return _scalar_type(inner[0])
    if origin is Literal:
        return "VARCHAR"
    if origin is list:
        return _scalar_type(typing.get_args(annotation)[0]) + "[]"
    if isinstance(annotation, type):
        if issubclass(annotation, bool):
            return "BOOLEAN"
        if issubclass(annotation, int):
            return "BIGINT"
        if issubclass(annotation, float):
            return "DOUBLE"
        if issubclass(annotation, str | Enum):
            return "VARCHAR"
    raise TypeError(f"no DuckDB type for {annotation!r}")


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *typing.get_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _is_span(annotation: Any) -> bool:
    return typing.get_origin(annotation) is tuple


def record_columns(model: type[BaseModel], prefix: str = "") -> list[Column]:
    """Flattened columns of a record type."""
    columns: list[Column] = []
    for name, field in model.model_fields.items():
        annotation = field.annotation
        if _is_span(annotation):
            columns += [
                Column(f"{prefix}{name}_start", "INTEGER"),
                Column(f"{prefix}{name}_end", "INTEGER"),
            ]
        elif (nested := _nested_model(annotation)) is not None:
            columns += record_columns(nested, prefix=f"{prefix}{name}_")
        else:
            columns.append(Column(f"{prefix}{name}", _scalar_type(annotation)))
    return columns


def _child_table(name: str, model: type[BaseModel], key: tuple[str, ...] = ("id",)) -> Table:
    own = record_columns(model)
    if "id" in key and not any(c.name == "id" for c in own):
        own.insert(0, Column("id", "VARCHAR"))
    return Table(name, (Column("article_id", "VARCHAR"), *own), key)


def _with_columns(table: Table, *extra: Column) -> Table:
    return Table(table.name, (*table.columns, *extra), table.primary_key)


def build_tables() -> dict[str, Table]:
    """Every table of the store, by name, in creation order."""
    article_cols = [
        *record_columns(Article),
        Column("published_date", "DATE"),
        Column("story_id", "VARCHAR"),
        Column("run_id", "VARCHAR"),
        Column("ingested_at", "TIMESTAMPTZ"),
    ]
    tables = [
        Table("articles", tuple(article_cols), ("id",)),
        # ``day``: the event's own date when it is day-precise, else the article's
        # publication day; derived at write time so listings sort and filter on one column.
        _with_columns(_child_table("events", Event), Column("day", "DATE")),
        _child_table("quotes", Quote),
        _child_table("times", TimeExpr),
        _child_table("places", Place),
        # An actor's ``id`` is its knowledge-base id, shared across articles.
        _child_table("actors", ActorSummary, key=("article_id", "name", "code")),
        Table(
            "stories",
            (
                Column("id", "VARCHAR"),
                Column("title", "VARCHAR"),
                Column("first_published", "VARCHAR"),
                Column("last_published", "VARCHAR"),
                Column("articles", "INTEGER"),
                Column("outlets", "INTEGER"),
            ),
            ("id",),
        ),
        # Stories (``eventwire.stories``): each article's MinHash signatures, so
        # later runs find copies of articles stored earlier, and why it joined
        # its story (the article it matched, the test that matched and the score).
        Table(
            "article_signatures",
            (
                Column("article_id", "VARCHAR"),
                Column("shingles", "BLOB"),
                Column("shingle_count", "INTEGER"),
                Column("words", "BLOB"),
                Column("word_count", "INTEGER"),
                Column("matched_article", "VARCHAR"),
                Column("match_kind", "VARCHAR"),
                Column("match_score", "DOUBLE"),
            ),
            ("article_id",),
        ),
        # Consolidated events: reports of one story, dyad and CAMEO root within a
        # few days are one event; each report is kept as a mention row.
        Table(
            "event_clusters",
            (
                Column("id", "VARCHAR"),
                Column("story_id", "VARCHAR"),
                Column("source_code", "VARCHAR"),
                Column("target_code", "VARCHAR"),
                Column("cameo_root", "VARCHAR"),
                Column("cameo", "VARCHAR"),
                Column("date", "DATE"),
                Column("first_seen", "VARCHAR"),
                Column("last_seen", "VARCHAR"),
                Column("mentions", "INTEGER"),
                Column("articles", "INTEGER"),
                Column("outlets", "INTEGER"),
                Column("goldstein", "DOUBLE"),
                Column("quad_class", "INTEGER"),
            ),
            ("id",),
        ),
        Table(
            "event_mentions",
            (
                Column("cluster_id", "VARCHAR"),
                Column("event_id", "VARCHAR"),
                Column("article_id", "VARCHAR"),
                Column("sentence", "VARCHAR"),
                Column("span_start", "INTEGER"),
                Column("span_end", "INTEGER"),
                Column("outlet", "VARCHAR"),
                Column("published", "VARCHAR"),
            ),
            ("event_id",),
        ),
        Table(
            "failures",
            (
                Column("id", "VARCHAR"),
                *record_columns(Failure),
                Column("run_id", "VARCHAR"),
                Column("at", "TIMESTAMPTZ"),
            ),
            ("id",),
        ),
        # Intake ledger of ``eventwire watch``: one row per input taken (a file's
        # content, or a feed item), so a restart neither re-takes finished inputs nor
        # skips unfinished ones (status ``pending`` until its articles are stored).
        Table(
            "intake",
            (
                Column("source", "VARCHAR"),
                Column("key", "VARCHAR"),
                Column("item", "VARCHAR"),
                Column("size", "BIGINT"),
                Column("mtime", "DOUBLE"),
                Column("sha256", "VARCHAR"),
                Column("spool", "VARCHAR"),
                Column("status", "VARCHAR"),
                Column("article_ids", "VARCHAR[]"),
                Column("failures", "INTEGER"),
                Column("reason", "VARCHAR"),
                Column("at", "TIMESTAMPTZ"),
            ),
            ("source", "key"),
        ),
        Table(
            "runs",
            (
                Column("id", "VARCHAR"),
                Column("command", "VARCHAR"),
                Column("inputs", "VARCHAR[]"),
                Column("started_at", "TIMESTAMPTZ"),
                Column("finished_at", "TIMESTAMPTZ"),
                Column("articles_read", "INTEGER"),
                Column("articles_new", "INTEGER"),
                Column("articles_skipped", "INTEGER"),
                Column("failures", "INTEGER"),
                Column("version", "VARCHAR"),
            ),
            ("id",),
        ),
    ]
    return {t.name: t for t in tables}


TABLES = build_tables()


def schema_sql() -> str:
    """The whole schema as SQL, for the golden-file test and ``eventwire schema --sql``."""
    return ";\n\n".join(t.ddl() for t in TABLES.values()) + ";\n"
