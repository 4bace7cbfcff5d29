from __future__ import annotations

import json

import click
from click.testing import CliRunner
from export_db import build

from eventwire.export.command import export_command


def _run(*args: str):
    return CliRunner().invoke(click.Group(commands=[export_command]), ["export", *args])


def test_export_command_writes_gdelt_to_standard_output(db_path):
    build(db_path)
    result = _run("--db", str(db_path), "--format", "gdelt")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines and all(len(line.split("\t")) == 61 for line in lines)


def test_export_command_writes_plover_file(db_path, tmp_path):
    build(db_path)
    out = tmp_path / "plover.jsonl"
    result = _run("--db", str(db_path), "--format", "plover", "--output", str(out))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all("event" in r for r in records)


def test_export_command_reports_missing_database_with_exit_code_3(tmp_path):
    result = _run("--db", str(tmp_path / "none.duckdb"), "--format", "gdelt")
    assert result.exit_code == 3
    assert "E020" in result.output


def test_export_help_has_examples():
    result = _run("--help")
    assert "Examples:" in result.output and "--format gdelt" in result.output
