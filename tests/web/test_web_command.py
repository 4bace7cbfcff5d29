"""``eventwire serve``: safe binding, the token, and a missing extra."""

from __future__ import annotations

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
