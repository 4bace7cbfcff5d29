"""Security of the server as it runs: path traversal, the token, the locked SQL connection, logs.

Path traversal is tried with raw HTTP request lines against a real server
started by ``eventwire serve`` (an HTTP client would normalise ``..`` away
before sending). The log test serves an article whose text carries a unique
marker, with a token, and reads everything the server wrote.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

import duckdb
import httpx
from browser_helpers import free_port
from click.testing import CliRunner
from fastapi.testclient import TestClient
from web_db import build, hostile_id

from eventwire.records import Article, ArticleResult, article_id
from eventwire.store import Store
from eventwire.web import command, create_app
from eventwire.web.db import ReadOnlyDatabase

SECRET_MARKER = "zq-marker-7f3a91"
TOKEN = "tok-" + "5b8e2c0d9a41"
PACKAGE = Path(__file__).resolve().parents[2] / "src" / "eventwire"


def _serve(db: Path, log: Path, token: str | None = None) -> tuple[subprocess.Popen[bytes], int]:
    """``eventwire serve`` in a child process, its output into ``log``."""
    port = free_port()
    args = ["serve", "--db", str(db), "--port", str(port)]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if token:
        env["EVENTWIRE_TOKEN"] = token
    code = "import sys; from eventwire.cli import main; sys.argv[0] = 'eventwire'; main()"
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-c", code, *args], stdout=out, stderr=out, env=env
        )
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert proc.poll() is None, log.read_text()
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stories", headers=headers).is_success:
                return proc, port
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    pytest.fail("eventwire serve did not start")


def _stop(proc: subprocess.Popen[bytes]) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


def raw_get(port: int, target: str) -> tuple[int, bytes]:
    """Status and body of ``GET target`` sent exactly as written (no normalisation)."""
    with socket.create_connection(("127.0.0.1", port), timeout=20) as s:
        s.sendall(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def open_server(db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    proc, port = _serve(db, tmp_path_factory.mktemp("log") / "serve.log")
    yield port
    _stop(proc)


# Files a traversal would reach: the package's own source, the database, the system's users.
TRAVERSALS = [
    "/static/../app.py",
    "/static/../../eventwire/web/app.py",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2fapp.py",
    "/static/..%2fapp.py",
    "/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/%252e%252e/app.py",
    "/static/....//app.py",
    "/static/..\\app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/articles/%2e%2e",
    "/api/actors/..%2f..%2fetc%2fpasswd",
    "/api/stories/..%2fweb.duckdb",
    "/article/..%2f..%2fapp.py",
    "/actor/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/articles/../../static/../app.py",
]


@pytest.mark.slow
@pytest.mark.parametrize("target", TRAVERSALS)
def test_no_route_serves_a_file_outside_its_folder(open_server, target):
    status, body = raw_get(open_server, target)
    assert status in (400, 404), (target, status, body[:200])
    for leaked in (b"root:", b"create_app", b"SECURITY_HEADERS", b"DUCK"):
        assert leaked not in body, (target, body[:200])


@pytest.mark.slow
def test_static_files_and_pages_still_load(open_server, db):
    assert raw_get(open_server, "/static/ew.js")[0] == 200
    status, body = raw_get(open_server, f"/article/{hostile_id()}")
    assert status == 200 and b"<script>window" not in body


@pytest.mark.slow
def test_logs_carry_neither_the_token_nor_article_texts(tmp_path):
    text = (
        f"The river authority said {SECRET_MARKER} that the new dam would open in spring. "
        "Farmers downstream asked for a written guarantee about the water they would get."
    )
    article = Article(id=article_id(text), text=text, title="Dam to open", published="2026-05-04")
    db = tmp_path / "logs.duckdb"
    with Store(db) as store:
        store.write_batch([(article, ArticleResult(article=article.info()))])
    log = tmp_path / "serve.log"
    proc, port = _serve(db, log, token=TOKEN)
    try:
        base = f"http://127.0.0.1:{port}"
        auth = {"Authorization": f"Bearer {TOKEN}"}
        shown = httpx.get(f"{base}/api/articles/{article.id}", headers=auth).json()
        assert SECRET_MARKER in shown["article"]["text"]
        assert httpx.get(f"{base}/api/articles", params={"q": "dam", "token": TOKEN}).is_success
        sql = f"SELECT text FROM articles WHERE text LIKE '%{SECRET_MARKER}%'"
        assert httpx.get(f"{base}/api/sql", params={"sql": sql}, headers=auth).is_success
        assert httpx.get(f"{base}/api/sql", params={"sql": "SELECT nope"}, headers=auth).json()
        assert httpx.get(f"{base}/api/events", params={"token": "wrong"}).status_code == 401
        assert httpx.get(f"{base}/", params={"token": TOKEN}).is_success
    finally:
        _stop(proc)
    written = log.read_text(errors="replace")
    assert "serving" in written  # the log was captured
    assert TOKEN not in written
    assert SECRET_MARKER not in written
    assert "written guarantee" not in written


def test_in_process_logs_at_debug_carry_neither(db, caplog):
    caplog.set_level(logging.DEBUG)
    with TestClient(create_app(db, token=TOKEN)) as client:
        client.get(f"/api/articles/{hostile_id()}", headers={"Authorization": f"Bearer {TOKEN}"})
        client.get("/api/events", params={"token": TOKEN})
        client.get("/api/events", params={"token": "wrong-" + TOKEN})
    # The test client's own request lines (logger httpx) are not the server's log.
    server = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert not [m for m in server if TOKEN in m or "accused Taipei of lying" in m]


def test_access_log_lines_have_the_token_redacted(db, caplog):
    caplog.set_level(logging.INFO, logger="uvicorn.access")
    access = logging.getLogger("uvicorn.access")
    # A uvicorn started earlier in this process may have stopped it propagating to caplog.
    access.addHandler(caplog.handler)
    try:
        with TestClient(create_app(db, token=TOKEN)):
            # The line uvicorn writes for a request, with the token in its query string.
            line = '%s - "%s %s HTTP/%s" %d'
            access.info(line, "127.0.0.1:5", "GET", f"/?token={TOKEN}", "1.1", 200)
    finally:
        access.removeHandler(caplog.handler)
    assert "GET /?token=[token]" in caplog.text
    assert TOKEN not in caplog.text


@pytest.mark.parametrize(
    "path", ["/", "/actors", "/static/ew.js", "/openapi.json", "/api/sql?sql=SELECT%201", "/nope"]
)
def test_every_path_needs_the_token(db, path):
    with TestClient(create_app(db, token=TOKEN)) as client:
        response = client.get(path)
        assert response.status_code == 401
        assert response.json()["error"]["code"] == "E054"
        assert TOKEN not in response.text
        assert (
            client.get(path, headers={"Authorization": "Bearer " + TOKEN[:-1]}).status_code == 401
        )
        odd = {"Authorization": "Bearer \xe9\xff".encode("latin-1")}
        assert client.get(path, headers=odd).status_code == 401
        ok = client.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code in (200, 404)


def test_serving_beyond_loopback_with_a_token_passes_it_to_the_app(db, monkeypatch):
    ran = {}
    uvicorn = pytest.importorskip("uvicorn")
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(app=app, **kw))
    result = CliRunner().invoke(
        command.serve_command, ["--db", str(db), "--host", "0.0.0.0", "--token", TOKEN]
    )
    assert result.exit_code == 0, result.output
    # Closed, as the server would at exit: the next tests open the file with other settings.
    ran["app"].state.db.close()
    assert ran["host"] == "0.0.0.0" and ran["app"].state.token == TOKEN
    # The command says where it serves, but does not print the token.
    assert TOKEN not in result.output


# Statements run straight on the server's connection, past the SELECT-only check: the
# connection itself refuses (read-only, external access off, configuration locked).
DIRECT = [
    "CREATE TABLE x (i INTEGER)",
    "INSERT INTO articles (id) VALUES ('x')",
    "COPY articles TO '{tmp}/out.csv'",
    "COPY (SELECT 1) TO '{tmp}/out.parquet' (FORMAT parquet)",
    "EXPORT DATABASE '{tmp}/dump'",
    "ATTACH '{tmp}/other.duckdb' AS other",
    "ATTACH '{tmp}/other.duckdb' AS other (READ_ONLY)",
    "INSTALL httpfs",
    "LOAD httpfs",
    "SET enable_external_access = true",
    "SET lock_configuration = false",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_parquet('/etc/passwd')",
    "SELECT * FROM read_text('/etc/passwd')",
    "SELECT * FROM glob('/etc/passwd')",
    "SELECT * FROM '/etc/passwd'",
]


@pytest.mark.parametrize("statement", DIRECT)
def test_the_server_connection_itself_refuses(db, tmp_path, statement):
    ro = ReadOnlyDatabase(db)
    try:
        with ro.reading(), pytest.raises(duckdb.Error):
            ro.new_connection().execute(statement.format(tmp=tmp_path)).fetchall()
    finally:
        ro.close()
    assert not list(tmp_path.iterdir())


def test_the_connection_reopened_after_a_write_is_locked_too(db):
    ro = ReadOnlyDatabase(db)
    try:
        with Store(db) as store:  # waits for the server to give its turn up, then writes
            store.write_batch([])
        with ro.reading():
            assert ro.reopens == 2
            setting = "SELECT current_setting('enable_external_access')"
            assert ro.con.execute(setting).fetchone()[0] is False
            with pytest.raises(duckdb.Error):
                ro.con.execute("SELECT * FROM read_text('/etc/passwd')").fetchall()
    finally:
        ro.close()


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * FROM read_parquet('/etc/passwd')",
        "SELECT * FROM glob('/etc/passwd')",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM read_csv_auto('/etc/passwd')",
        "COPY (SELECT * FROM events) TO '/tmp/ew-events.csv'",
        "ATTACH ':memory:' AS m",
        "CALL pragma_version()",
        "SET threads = 1",
        "RESET enable_external_access",
        "CHECKPOINT",
        "EXPORT DATABASE '/tmp/ew-dump'",
        "SELECT 1; SELECT 2",
        "SELECT 1;\nATTACH '/tmp/x.duckdb' AS x",
    ],
)
def test_sql_endpoint_refuses_more_ways_out(db, query):
    with TestClient(create_app(db)) as client:
        response = client.get("/api/sql", params={"sql": query})
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "E052"
    assert not Path("/tmp/ew-events.csv").exists() and not Path("/tmp/ew-dump").exists()
