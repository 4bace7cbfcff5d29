"""Turns on the database file: many readers or one writer, writer priority, bounded waits."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import duckdb
import pytest

from eventwire.records import Article, ArticleResult, article_id
from eventwire.store import Store
from eventwire.store.locking import LockTimeouts, StoreBusyError, TurnLock, lock_path


def _article(n: int) -> tuple[Article, ArticleResult]:
    text = f"The harbour council of town number {n} met its neighbours and agreed on new ferries."
    article = Article(id=article_id(text), text=text, title=f"Council {n}", published="2026-04-01")
    return article, ArticleResult(article=article.info())


def _reader(db, timeout: float = 0.3) -> TurnLock:  # type: ignore[no-untyped-def]
    return TurnLock(db, shared=True, timeout=timeout)


def _writer(db, timeout: float = 0.3) -> TurnLock:  # type: ignore[no-untyped-def]
    return TurnLock(db, shared=False, timeout=timeout)


def test_readers_share_the_turn_and_a_writer_waits_for_them(db_path):
    first, second, writer = _reader(db_path), _reader(db_path), _writer(db_path)
    first.acquire()
    second.acquire()
    with pytest.raises(StoreBusyError, match="another process reads it") as err:
        writer.acquire()
    assert err.value.code == "E021"
    first.release()
    second.release()
    writer.acquire()
    assert writer.held
    for lock in (first, second, writer):
        lock.close()


def test_a_writer_holds_readers_out_and_they_get_a_clear_error(db_path):
    writer, reader = _writer(db_path), _reader(db_path, timeout=0.1)
    writer.acquire()
    started = time.monotonic()
    with pytest.raises(StoreBusyError, match="an ingest is writing"):
        reader.acquire()
    assert time.monotonic() - started < 2  # bounded, not hanging
    writer.release()
    reader.acquire()
    writer.close()
    reader.close()


def test_a_queued_writer_is_seen_by_the_reader_and_shuts_out_new_readers(db_path):
    holder, writer, late = _reader(db_path), _writer(db_path, timeout=5), _reader(db_path, 0.2)
    holder.acquire()
    assert not holder.other_side_waiting()
    thread = threading.Thread(target=writer.acquire)
    thread.start()
    deadline = time.monotonic() + 5
    while not holder.other_side_waiting():
        assert time.monotonic() < deadline, "the reader never saw the writer queue"
        time.sleep(0.005)
    # Writer priority: a reader arriving now waits although only readers hold the turn.
    with pytest.raises(StoreBusyError):
        late.acquire()
    holder.release()
    thread.join(timeout=5)
    assert writer.held
    for lock in (holder, writer, late):
        lock.close()


def test_a_writer_sees_a_queued_reader(db_path):
    writer, reader = _writer(db_path), _reader(db_path, timeout=5)
    writer.acquire()
    assert not writer.other_side_waiting()
    thread = threading.Thread(target=reader.acquire)
    thread.start()
    deadline = time.monotonic() + 5
    while not writer.other_side_waiting():
        assert time.monotonic() < deadline
        time.sleep(0.005)
    writer.release()
    thread.join(timeout=5)
    assert reader.held
    writer.close()
    reader.close()


def test_opening_an_up_to_date_store_is_not_a_change(db_path):
    Store(db_path).close()
    created = _reader(db_path).generation()
    assert created >= 1
    Store(db_path).close()
    assert _reader(db_path).generation() == created


def test_every_commit_bumps_the_generation(db_path):
    with Store(db_path) as store:
        after_migration = _reader(db_path).generation()
        store.write_batch([_article(1)])
        store.write_batch([_article(2)])
    reader = _reader(db_path)
    assert reader.generation() == after_migration + 2
    reader.close()


def test_the_writer_gives_its_turn_up_between_batches(db_path):
    with Store(db_path) as store:
        store.write_batch([_article(1)])
        # Another process can open the file read-only while the writer prepares its next
        # batch (DuckDB refuses that while the writer's connection is open).
        code = (
            "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
            "print(con.execute('SELECT count(*) FROM articles').fetchone()[0])"
        )
        out = subprocess.run(
            [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, timeout=60
        )
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "1"
        store.write_batch([_article(2)])
        assert store.counts()["articles"] == 2


def test_a_read_only_store_makes_the_writer_wait_then_it_writes(db_path):
    writer = Store(db_path, timeouts=LockTimeouts(writer=0.2))
    reader = Store(db_path, read_only=True)
    with pytest.raises(StoreBusyError) as err:
        writer.write_batch([_article(1)])
    assert "retry" in err.value.message
    reader.close()
    writer.write_batch([_article(1)])
    assert writer.counts()["articles"] == 1
    writer.close()


def test_an_uncoordinated_process_holding_the_file_ends_in_e021(db_path):
    Store(db_path).close()
    foreign = duckdb.connect(str(db_path))  # opened without the lock files, like a duckdb CLI
    code = (
        "import sys\nfrom eventwire.store import Store\nfrom eventwire.store.locking import "
        "LockTimeouts\ntry:\n    Store(sys.argv[1], read_only=True, timeouts=LockTimeouts("
        "reader=0.3))\nexcept Exception as err:\n    print(err)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db_path)], capture_output=True, text=True, timeout=60
    )
    foreign.close()
    assert "E021" in out.stdout and "another program holds the database" in out.stdout


def test_lock_files_sit_beside_the_database(db_path):
    Store(db_path).close()
    assert lock_path(db_path).exists()
    assert lock_path(db_path).name == f"{db_path.name}.lock"


def test_a_lookup_before_a_batch_gives_the_turn_up_without_counting_a_commit(db_path):
    with Store(db_path) as store:
        store.write_batch([_article(1)])
        reader = _reader(db_path)
        before = reader.generation()
        # The ingest looks stored ids up before a batch's NLP; readers must not wait for that.
        assert store.known_article_ids([_article(1)[0].id]) == {_article(1)[0].id}
        reader.acquire()
        assert reader.generation() == before
        reader.close()


def test_a_read_only_store_keeps_its_turn_through_lookups(db_path):
    Store(db_path).close()
    with Store(db_path, read_only=True) as store:
        assert store.known_article_ids(["nope"]) == set()
        with pytest.raises(StoreBusyError):
            _writer(db_path, timeout=0.1).acquire()
