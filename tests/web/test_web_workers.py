"""``eventwire serve --workers 2``: a real server with two worker processes.

Both workers answer on one port, an ingest can still write (each worker steps
aside for it through the shared turn of ``store/locking.py``), every answer
after the write shows it, and stopping the server stops its workers.
"""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

import httpx
from web_db import build

from bench_modules import load_benchmark
from eventwire.store import Store

pytestmark = pytest.mark.slow

SERVE = "import sys; from eventwire.cli import main; sys.exit(main())"


def _children(pid: int) -> list[int]:
    """Worker processes of the server (uvicorn starts them with multiprocessing's spawn)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                found.append(int(child))
    return found


def _start(db: Path, port: int, token: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-c", SERVE, "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--workers", "2", "--token", token],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(server.stderr.read().decode() if server.stderr else "exited")
        try:
            answer = httpx.get(f"http://127.0.0.1:{port}/api/stories?token={token}", timeout=5)
            if answer.status_code == 200 and len(_children(server.pid)) == 2:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    server.kill()
    raise AssertionError("the server with two workers did not start within 120 s")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads workers from /proc")
def test_two_workers_answer_and_an_ingest_still_writes(tmp_path):
    db = build(tmp_path / "web.duckdb")
    port = load_benchmark("web_latency").free_port()
    token = "two-workers-token"
    server = _start(db, port, token)
    workers = _children(server.pid)
    base = f"http://127.0.0.1:{port}"
    auth = {"Authorization": f"Bearer {token}"}

    def articles(_: int) -> int:
        answer = httpx.get(f"{base}/api/overview", headers=auth, timeout=60)
        assert answer.status_code == 200, answer.text
        return answer.json()["counts"]["articles"]

    try:
        assert httpx.get(f"{base}/api/events", timeout=30).status_code == 401
        with ThreadPoolExecutor(8) as pool:
            before = set(pool.map(articles, range(40)))
        assert len(before) == 1
        # The ingest's write path, while both workers hold the database open.
        batch = load_benchmark("readers_writing").batch(10_000, 3, 2)
        started = time.monotonic()
        with Store(db) as store:
            store.write_batch(batch)
        assert time.monotonic() - started < 60
        with ThreadPoolExecutor(8) as pool:
            after = set(pool.map(articles, range(40)))
        assert after == {before.pop() + 3}
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert not any(Path(f"/proc/{w}").exists() for w in workers), "a worker outlived the server"
