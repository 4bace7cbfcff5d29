"""``eventwire serve``: safe binding, the token, and a missing extra."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from eventwire.errors import MissingExtraError
from eventwire.web import command
from eventwire.web.command import check_bind, is_loopback, serve_command
from eventwire.web.errors import UnsafeBindError


@pytest.mark.parametrize("host", ["127.0.0.1", "::1", "localhost", "127.0.0.2"])
def test_loopback_hosts_need_no_token(host):
    assert is_loopback(host)
    check_bind(host, None)


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.10", "::"])
def test_other_hosts_are_refused_without_a_token(host):
    assert not is_loopback(host)
    with pytest.raises(UnsafeBindError, match="--token"):
        check_bind(host, None)
    check_bind(host, "a-token")


def test_serve_refuses_public_host_without_token(tmp_path):
    result = CliRunner().invoke(
        serve_command, ["--db", str(tmp_path / "x.duckdb"), "--host", "0.0.0.0"]
    )
    assert result.exit_code != 0
    assert "E055" in result.output and "--token" in result.output


def test_serve_names_a_missing_database(tmp_path):
    result = CliRunner().invoke(serve_command, ["--db", str(tmp_path / "missing.duckdb")])
    assert result.exit_code != 0 and "E020" in result.output


def test_missing_web_extra_says_what_to_install(monkeypatch):
    monkeypatch.setattr(command, "find_spec", lambda name: None if name == "fastapi" else object())
    with pytest.raises(MissingExtraError, match=r"pip install 'eventwire\[web\]'"):
        command.require_web_extra()


# -- --workers and --threads ------------------------------------------------------


@pytest.fixture
def served(tmp_path, monkeypatch):
    """A test database, and uvicorn.run replaced by a recorder of its arguments."""
    import uvicorn
    from web_db import build

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app, options)))
    # Registered so the settings the command leaves in the environment are removed after.
    monkeypatch.setenv(command.SETTINGS_VARIABLE, "")
    return build(tmp_path / "web.duckdb"), calls


def test_workers_start_uvicorn_on_the_worker_factory(served):
    db, calls = served
    result = CliRunner().invoke(
        serve_command, ["--db", str(db), "--workers", "2", "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    assert "with 2 workers" in result.output
    [(app, options)] = calls
    assert app == "eventwire.web.command:worker_app"
    assert options["factory"] is True and options["workers"] == 2
    assert (options["host"], options["port"]) == ("127.0.0.1", 8123)
    settings = json.loads(os.environ[command.SETTINGS_VARIABLE])
    assert settings == {"db": str(db), "token": None, "cache": True, "threads": 1}


def test_one_worker_serves_the_app_in_this_process_with_one_thread_a_query(served):
    db, calls = served
    result = CliRunner().invoke(serve_command, ["--db", str(db)])
    assert result.exit_code == 0, result.output
    [(app, options)] = calls
    assert "workers" not in options
    assert app.state.db._config["threads"] == 1
    app.state.db.close()


def test_a_worker_builds_its_app_from_the_settings_and_keeps_the_token(served, monkeypatch):
    from fastapi.testclient import TestClient

    db, _ = served
    monkeypatch.setenv(
        command.SETTINGS_VARIABLE,
        json.dumps({"db": str(db), "token": "s3cret", "cache": False, "threads": 1}),
    )
    with TestClient(command.worker_app()) as client:
        assert client.get("/api/events?limit=1").status_code == 401
        answer = client.get("/api/events?limit=1", headers={"Authorization": "Bearer s3cret"})
        assert answer.status_code == 200 and answer.json()["rows"]


def test_workers_do_not_lift_the_rule_on_public_hosts(served):
    db, calls = served
    result = CliRunner().invoke(
        serve_command, ["--db", str(db), "--host", "0.0.0.0", "--workers", "2"]
    )
    assert result.exit_code != 0 and "E055" in result.output
    assert calls == []


def test_workers_report_a_missing_database_before_starting(served, tmp_path):
    _, calls = served
    result = CliRunner().invoke(
        serve_command, ["--db", str(tmp_path / "missing.duckdb"), "--workers", "3"]
    )
    assert result.exit_code != 0 and "E020" in result.output
    assert "serving" not in result.output
    assert calls == []


@pytest.mark.parametrize("option", [["--workers", "0"], ["--threads", "0"]])
def test_workers_and_threads_are_at_least_one(served, option):
    db, calls = served
    result = CliRunner().invoke(serve_command, ["--db", str(db), *option])
    assert result.exit_code == 2 and calls == []


def test_help_says_when_more_workers_help():
    text = CliRunner().invoke(serve_command, ["--help"]).output
    assert "--workers" in text and "When do more workers help?" in text
