"""Read-only SQL over the database, in the manner of datasette.

Only one statement, of type SELECT (``WITH …``, ``FROM …``, ``DESCRIBE`` and
``SHOW`` parse as SELECT too), runs on a connection of the locked read-only
instance (see ``db.py``): writes fail because the database is read-only, and
files, ``ATTACH``, ``COPY``, ``read_csv`` and extensions fail because external
access is off. A timer interrupts a query that runs past the time limit, and
at most ``max_rows`` rows come back, with ``truncated: true`` when there were
more.
"""

from __future__ import annotations

import datetime as dt
import decimal
import math
import threading
import time
import uuid
from dataclasses import dataclass
from typing import Any

import duckdb

from .db import ReadOnlyDatabase
from .errors import SqlRejectedError, SqlTimeoutError

MAX_SQL_CHARS = 20_000


@dataclass(frozen=True)
class SqlLimits:
    """How long user SQL may run and how many rows it may return."""

    time_limit: float = 2.0
    max_rows: int = 1000


def check_sql(sql: str) -> str:
    """The statement if it is one SELECT, else a clear ``SqlRejectedError``."""
    if not sql or not sql.strip():
        raise SqlRejectedError(
            "give a query in the 'sql' parameter, e.g. sql=SELECT count(*) FROM events"
        )
    if len(sql) > MAX_SQL_CHARS:
        raise SqlRejectedError(f"the query is longer than {MAX_SQL_CHARS} characters")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as err:
        raise SqlRejectedError(f"the query does not parse: {_first_line(err)}") from err
    if len(statements) != 1:
        raise SqlRejectedError(f"send exactly one statement, not {len(statements)}")
    kind = statements[0].type
    if kind != duckdb.StatementType.SELECT:
        raise SqlRejectedError(
            f"only SELECT or WITH queries are allowed here, not {kind.name}; the database is"
            " read-only"
        )
    return statements[0].query


def run_sql(db: ReadOnlyDatabase, sql: str, limits: SqlLimits = SqlLimits()) -> dict[str, Any]:
    """Run user SQL read-only with a time limit and a row cap; a JSON-ready result."""
    query = check_sql(sql)
    con = db.new_connection()
    timer = threading.Timer(limits.time_limit, con.interrupt)
    started = time.perf_counter()
    timer.start()
    try:
        cursor = con.execute(query)
        columns = [d[0] for d in cursor.description] if cursor.description else []
        fetched = cursor.fetchmany(limits.max_rows + 1)
    except duckdb.InterruptException as err:
        raise SqlTimeoutError(
            f"the query ran longer than {limits.time_limit:g} s and was stopped; "
            "add a WHERE clause or a LIMIT"
        ) from err
    except duckdb.Error as err:
        raise SqlRejectedError(f"the query failed: {_first_line(err)}") from err
    finally:
        timer.cancel()
        con.close()
    truncated = len(fetched) > limits.max_rows
    rows = [[json_value(v) for v in row] for row in fetched[: limits.max_rows]]
    return {
        "columns": columns,
        "rows": rows,
        "truncated": truncated,
        "row_limit": limits.max_rows,
        "time_limit": limits.time_limit,
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


# Types JSON carries as they are (exact types: a bool is an int, but NaN is a float).
PLAIN = frozenset({str, int, bool, type(None)})


def json_value(value: Any) -> Any:
    """A DuckDB value as JSON can carry it (dates as ISO text, NaN as null, bytes as hex)."""
    if type(value) in PLAIN:  # most values: one set lookup, no chain of isinstance calls
        return value
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value) if isinstance(value, uuid.UUID) else float(value)
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).hex()
    if isinstance(value, list | tuple):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    return value


def _first_line(err: Exception) -> str:
    return str(err).strip().splitlines()[0][:300]
