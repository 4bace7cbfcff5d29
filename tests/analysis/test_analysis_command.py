from __future__ import annotations

import json

import click
import pytest
from analysis_db import build
from click.testing import CliRunner

from eventwire.analysis.command import (
    alerts_command,
    dyad_command,
    network_command,
    plot_group,
    top_command,
)

CLI = click.Group(commands=[dyad_command, network_command, top_command, alerts_command, plot_group])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return str(build(tmp_path_factory.mktemp("cli") / "a.duckdb"))


def _run(*args: str):
    return CliRunner().invoke(CLI, list(args))


def test_dyad_command_prints_json_timeline(db):
    result = _run("dyad", "CHN", "TWN", "--by", "week", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [r["events"] for r in rows] == [1, 2, 1, 1, 1, 1, 1, 1, 1, 7]
    assert rows[0]["period"].startswith("2026-01-05")


def test_network_command_writes_graphml(db, tmp_path):
    out = tmp_path / "n.graphml"
    result = _run("network", "--db", db, "--format", "graphml", "--output", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<?xml")


def test_top_and_alerts_commands(db):
    top = _run("top", "actors", "--db", db, "--format", "jsonl", "-n", "2")
    assert top.exit_code == 0, top.output
    assert len(top.output.splitlines()) == 2
    found = _run("alerts", "--db", db, "--format", "json")
    assert [(a["source"], a["target"]) for a in json.loads(found.output)] == [("CHN", "TWN")]
    behind = _run("alerts", "--db", db, "--events", "--format", "jsonl")
    assert len(behind.output.splitlines()) == 7


def test_plot_commands_write_files(db, tmp_path):
    png, svg = tmp_path / "d.png", tmp_path / "n.svg"
    assert _run("plot", "dyad", "CHN", "TWN", "--db", db, "-o", str(png)).exit_code == 0
    assert _run("plot", "network", "--db", db, "-o", str(svg)).exit_code == 0
    assert png.stat().st_size > 0 and svg.stat().st_size > 0


def test_missing_database_and_bad_plot_suffix_are_clear_errors(db, tmp_path):
    missing = _run("dyad", "CHN", "TWN", "--db", str(tmp_path / "none.duckdb"))
    assert missing.exit_code == 3 and "E020" in missing.output
    bad = _run("plot", "dyad", "CHN", "TWN", "--db", db, "-o", str(tmp_path / "x.gif"))
    assert bad.exit_code == 2 and ".png or .svg" in bad.output


def test_every_command_has_examples_in_help():
    for args in (["dyad"], ["network"], ["top"], ["alerts"], ["plot"]):
        assert "Examples:" in _run(*args, "--help").output
