"""One ingest of 40+ malformed inputs mixed with good articles (issue 10).

Every good article is stored, every bad input leaves one failure row per bad record
whose reason names what is wrong, the exit code says some failed, and running the
same command again changes nothing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from malformed import GOOD, MAX_BYTES, write_corpus

from eventwire.cli import main

EXIT_SOME_FAILED = 1
pytestmark = pytest.mark.slow  # two ingest runs through the pipeline: ~45 s under load


def _ingest(folder: Path, db: Path) -> int:
    args = ["ingest", str(folder), "--db", str(db), "-q", "--max-bytes", str(MAX_BYTES)]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code


def _rows(db: Path) -> tuple[list[tuple[str, str | None, str]], list[tuple[str, str]]]:
    """(failure rows as (path, record, reason), article rows as (id, path))."""
    with duckdb.connect(str(db), read_only=True) as con:
        failures = con.execute("SELECT path, record, reason FROM failures ORDER BY ALL").fetchall()
        articles = con.execute("SELECT id, path FROM articles ORDER BY ALL").fetchall()
    return failures, articles


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The corpus, the database and what two identical ingest runs left."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "inputs"
    corpus = write_corpus(folder)
    db = root / "hostile.duckdb"
    first_code = _ingest(folder, db)
    first = _rows(db)
    second_code = _ingest(folder, db)
    return {
        "folder": folder,
        "corpus": corpus,
        "codes": (first_code, second_code),
        "first": first,
        "second": _rows(db),
    }


def test_the_corpus_has_at_least_thirty_malformed_inputs(batch):
    corpus = batch["corpus"]
    assert len(corpus) >= 30
    assert len({item.name for item in corpus}) == len(corpus)


def test_exit_code_says_some_inputs_failed(batch):
    assert batch["codes"] == (EXIT_SOME_FAILED, EXIT_SOME_FAILED)


def test_every_good_article_is_stored(batch):
    _, articles = batch["first"]
    stored = Counter(path for _, path in articles)
    for name in GOOD:
        assert stored[str(batch["folder"] / name)] == 1, name


def test_each_bad_input_leaves_its_failure_rows_with_a_reason(batch):
    failures, articles = batch["first"]
    by_path: dict[str, list[tuple[str | None, str]]] = {}
    for path, record, reason in failures:
        by_path.setdefault(path, []).append((record, reason))
    stored = Counter(path for _, path in articles)
    for item in batch["corpus"]:
        path = str(batch["folder"] / "bad" / item.name.removeprefix("bad/"))
        rows = by_path.pop(path, [])
        assert len(rows) == item.failures, (item.name, rows)
        for _, reason in rows:
            assert item.reason.lower() in reason.lower(), (item.name, reason)
        assert stored[path] == item.articles, item.name
    assert by_path == {}, "failure rows for inputs that are not in the corpus"


def test_records_of_a_multi_record_file_fail_one_by_one(batch):
    failures, _ = batch["first"]
    mixed = str(batch["folder"] / "bad" / "mixed.jsonl")
    records = [record for path, record, _ in failures if path == mixed]
    assert sorted(records) == sorted(f"line {n}" for n in (2, 3, 4, 5, 6, 8, 9))


def test_a_symlink_loop_does_not_read_files_twice(batch):
    failures, articles = batch["first"]
    paths = [path for path, *_ in failures] + [path for _, path in articles]
    assert not [path for path in paths if "loop_to_parent" in path]


def test_a_second_run_changes_nothing(batch):
    assert batch["second"] == batch["first"]
