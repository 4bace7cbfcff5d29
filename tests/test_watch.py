"""``eventwire watch``: folders and feeds taken as they arrive, exactly once."""

from __future__ import annotations

import os
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.store import Store
from eventwire.watch import Ledger, WatchConfig, Watcher, WatchError, is_partial, read_feedlist
from eventwire.watch_command import watch_command

# Short articles written for these tests.
STORIES = {
    "ports": "Vietnam and Singapore signed a port cooperation accord in Hanoi on Monday, "
    "the transport ministry said.",
    "envoy": "Indonesia recalled its ambassador from Canberra after a row over fishing boats, "
    "officials in Jakarta said on Tuesday.",
    "drill": "The navies of India and France began a week of joint exercises in the Arabian Sea "
    "on Wednesday.",
    "loan": "The World Bank approved a new loan to Kenya for road building, the lender said on "
    "Thursday.",
}


def _articles(db: Path) -> list[str]:
    with Store(db) as store:
        return [r["id"] for r in store.query("SELECT id FROM articles ORDER BY id")]


def _ledger(db: Path) -> list[dict]:
    with Store(db) as store:
        return store.query("SELECT * FROM intake ORDER BY item")


def _stamp(path: Path, *, seconds_ago: float) -> None:
    """Set a distinct modification time, however coarse the file system's clock."""
    when = time.time() - seconds_ago
    os.utime(path, (when, when))


def _watcher(target: Path, db: Path, **config) -> Watcher:
    config.setdefault("settle", 0.0)
    return Watcher([target], db, WatchConfig(interval=0.01, **config))


def test_files_arriving_across_passes_are_each_taken_once(tmp_path, db_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ports.txt").write_text(STORIES["ports"], encoding="utf-8")
    watcher = _watcher(inbox, db_path)
    first = watcher.run_pass()
    (inbox / "envoy.txt").write_text(STORIES["envoy"], encoding="utf-8")
    second = watcher.run_pass()
    third = watcher.run_pass()
    assert (first.taken, second.taken, third.taken) == (1, 1, 0)
    rows = _ledger(db_path)
    assert [Path(r["item"]).name for r in rows] == ["envoy.txt", "ports.txt"]
    assert {r["status"] for r in rows} == {"done"}
    assert sorted(i for r in rows for i in r["article_ids"]) == _articles(db_path)
    # A new process (a restart) takes nothing that is already done.
    assert _watcher(inbox, db_path).run_pass().taken == 0


def test_file_rewritten_in_place_is_taken_again_only_when_its_content_changed(tmp_path, db_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    story = inbox / "story.txt"
    story.write_text(STORIES["drill"], encoding="utf-8")
    watcher = _watcher(inbox, db_path)
    assert watcher.run_pass().taken == 1
    story.write_text(STORIES["drill"], encoding="utf-8")
    _stamp(story, seconds_ago=50)
    assert watcher.run_pass().taken == 0, "same content, new mtime: not taken again"
    story.write_text(STORIES["drill"] + " A second paragraph was added later.", encoding="utf-8")
    _stamp(story, seconds_ago=20)
    assert watcher.run_pass().taken == 1
    assert len(_articles(db_path)) == 2
    assert len({r["sha256"] for r in _ledger(db_path)}) == 2


def test_partly_written_files_wait(tmp_path, db_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "loan.txt.part").write_text(STORIES["loan"][:20], encoding="utf-8")
    growing = inbox / "envoy.txt"
    growing.write_text(STORIES["envoy"][:30], encoding="utf-8")
    # A long settle time: only "unchanged since the previous pass" lets a file in.
    watcher = _watcher(inbox, db_path, settle=3600.0)
    first = watcher.run_pass()
    assert (first.taken, first.waiting) == (0, 1)
    growing.write_text(STORIES["envoy"], encoding="utf-8")
    _stamp(growing, seconds_ago=1)
    assert watcher.run_pass().taken == 0, "still changing between passes"
    assert watcher.run_pass().taken == 1, "unchanged over one interval"
    (inbox / "loan.txt.part").rename(inbox / "loan.txt")
    assert watcher.run_pass().taken == 0  # new name: seen once, waits one more pass
    assert watcher.run_pass().taken == 1
    assert [Path(r["item"]).name for r in _ledger(db_path)] == ["envoy.txt", "loan.txt"]


def test_partial_names():
    assert is_partial("a/b/news.txt.part")
    assert is_partial("x/.news.txt.Xa81")
    assert is_partial("report.TMP")
    assert not is_partial("news.txt")


class _Simulated(BaseException):
    """Stands for the process dying: not an Exception, so nothing on the way catches it."""


def test_restart_after_a_crash_between_ingest_and_ledger_leaves_each_article_once(
    tmp_path, db_path, monkeypatch
):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("ports", "envoy"):
        (inbox / f"{name}.txt").write_text(STORIES[name], encoding="utf-8")

    def die(self, outcomes):
        raise _Simulated

    with monkeypatch.context() as patch:
        patch.setattr(Ledger, "finish", die)
        with pytest.raises(_Simulated):
            _watcher(inbox, db_path).run_pass()
    stored = _articles(db_path)
    assert len(stored) == 2, "the articles were stored before the crash"
    assert {r["status"] for r in _ledger(db_path)} == {"pending"}

    (inbox / "drill.txt").write_text(STORIES["drill"], encoding="utf-8")
    summary = _watcher(inbox, db_path).run_pass()
    assert (summary.recovered, summary.taken) == (2, 3)
    rows = _ledger(db_path)
    assert {r["status"] for r in rows} == {"done"}
    assert len(_articles(db_path)) == 3
    assert set(stored) <= {i for r in rows for i in r["article_ids"]}


def test_pending_input_removed_before_restart_is_closed_not_retried(tmp_path, db_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "loan.txt").write_text(STORIES["loan"], encoding="utf-8")
    with monkeypatch.context() as patch:
        patch.setattr("eventwire.api.ingest", lambda *a, **k: (_ for _ in ()).throw(_Simulated()))
        with pytest.raises(_Simulated):
            _watcher(inbox, db_path).run_pass()
    (inbox / "loan.txt").unlink()
    summary = _watcher(inbox, db_path).run_pass()
    assert (summary.recovered, summary.taken) == (1, 0)
    (row,) = _ledger(db_path)
    assert row["status"] == "failed" and "removed or changed" in row["reason"]


# -- feeds ------------------------------------------------------------------------------------


def _rss(items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{key}</title><link>http://news.example/{key}</link>"
        f"<guid>urn:test:{key}</guid><pubDate>Mon, 02 Mar 2026 08:00:00 GMT</pubDate>"
        f"<description>{STORIES[key]}</description></item>"
        for key, _ in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Test Wire</title><link>http://news.example/</link>{entries}</channel></rss>"
    ).encode()


class _FeedServer:
    """A feed on 127.0.0.1 whose items the test changes; it honours If-None-Match."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.requests: list[dict[str, str]] = []
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feed.requests.append(dict(self.headers))
                body = _rss(feed.items)
                etag = f'"{len(feed.items)}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/feed.rss"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def feed_server():
    server = _FeedServer()
    yield server
    server.close()


def test_feed_items_appearing_across_passes_are_each_taken_once(tmp_path, db_path, feed_server):
    feedlist = tmp_path / "feeds.txt"
    feedlist.write_text(f"# test feeds\n{feed_server.url}\n", encoding="utf-8")
    watcher = _watcher(feedlist, db_path)
    feed_server.items = [("ports", ""), ("envoy", "")]
    assert watcher.run_pass().taken == 2
    assert watcher.run_pass().taken == 0  # answered 304 Not Modified
    feed_server.items.append(("drill", ""))
    third = watcher.run_pass()
    assert (third.taken, third.articles) == (1, 1)
    rows = _ledger(db_path)
    assert {r["key"] for r in rows} == {"urn:test:ports", "urn:test:envoy", "urn:test:drill"}
    assert {r["status"] for r in rows} == {"done"}
    assert len(_articles(db_path)) == 3
    with Store(db_path) as store:
        urls = {r["url"] for r in store.query("SELECT url FROM articles")}
    assert "http://news.example/drill" in urls
    assert all(r["User-Agent"].startswith("eventwire/") for r in feed_server.requests)
    assert feed_server.requests[1].get("If-None-Match") == '"2"'
    # A restart fetches the whole feed again (no ETag yet) and still takes nothing.
    assert _watcher(feedlist, db_path).run_pass().taken == 0


def test_feed_list_may_name_a_local_feed_file(tmp_path, db_path):
    feed = tmp_path / "local.rss"
    feed.write_bytes(_rss([("loan", "")]))
    feedlist = tmp_path / "feeds.txt"
    feedlist.write_text(f"{feed}\n\n", encoding="utf-8")
    assert read_feedlist(feedlist) == [str(feed)]
    watcher = _watcher(feedlist, db_path)
    assert watcher.run_pass().taken == 1
    feed.write_bytes(_rss([("loan", ""), ("ports", "")]))
    assert watcher.run_pass().taken == 1
    assert len(_articles(db_path)) == 2


def test_unreachable_feed_is_reported_and_the_pass_goes_on(tmp_path, db_path):
    feedlist = tmp_path / "feeds.txt"
    feedlist.write_text("http://127.0.0.1:9/nothing.rss\n", encoding="utf-8")
    summary = _watcher(feedlist, db_path, timeout=2.0).run_pass()
    assert summary.taken == 0
    assert summary.errors and "E080" in summary.errors[0]


# -- the command ------------------------------------------------------------------------------


def test_watch_command_once_takes_a_folder_and_reports(tmp_path, db_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "ports.txt").write_text(STORIES["ports"], encoding="utf-8")
    runner = CliRunner()
    args = [str(inbox), "--db", str(db_path), "--once", "--settle", "0"]
    result = runner.invoke(watch_command, args)
    assert result.exit_code == 0, result.output
    assert "took 1 input(s)" in result.output
    assert "stopped: 1 input(s) taken, 1 article(s)" in result.output
    again = runner.invoke(watch_command, args)
    assert "stopped: 0 input(s) taken" in again.output


def test_watch_command_refuses_a_target_that_is_neither_folder_nor_feed_list(tmp_path, db_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    result = CliRunner().invoke(watch_command, [str(fifo), "--db", str(db_path), "--once"])
    assert result.exit_code != 0
    assert "E080" in result.output


def test_watcher_rejects_missing_target(tmp_path, db_path):
    with pytest.raises(WatchError, match="not a folder or a feed list"):
        Watcher([tmp_path / "nowhere"], db_path)


def test_database_without_the_intake_table_gains_it_on_open(db_path):
    with Store(db_path) as store:
        store.con.execute("DROP TABLE intake")
    with Store(db_path) as store:
        names = {r["table_name"] for r in store.query("SELECT table_name FROM duckdb_tables()")}
    assert "intake" in names


def test_run_polls_until_stopped_and_stops_between_passes(tmp_path, db_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "loan.txt").write_text(STORIES["loan"], encoding="utf-8")
    lines: list[str] = []
    watcher = Watcher([inbox], db_path, WatchConfig(interval=0.05, settle=0.0), report=lines.append)
    stop = threading.Event()
    totals = []
    thread = threading.Thread(target=lambda: totals.append(watcher.run(stop)))
    thread.start()
    deadline = time.monotonic() + 120
    while sum("pass done" in line for line in lines) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    stop.set()
    thread.join(timeout=60)
    assert not thread.is_alive()
    assert totals[0].taken == 1, "several passes, the file taken once"
