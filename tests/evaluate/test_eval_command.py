"""``eventwire eval`` through click, and smoke runs on the first records of each real set."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.evaluate import SETS, evaluate
from eventwire.evaluate.command import eval_command
from eventwire.evaluate.report import format_report, write_mistakes
from shared_data import shared_path

SENTENCES = "Aland and Borduria signed a trade agreement.\t1\nAland troops shelled a town.\t4\n"


@pytest.fixture
def small_shared(tmp_path: Path) -> Path:
    path = SETS["conflibert"].file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(SENTENCES, encoding="utf-8")
    return tmp_path


def test_eval_command_prints_scores_and_writes_mistakes(small_shared: Path, tmp_path: Path) -> None:
    mistakes = tmp_path / "out" / "mistakes.txt"
    mistakes.parent.mkdir()
    result = CliRunner().invoke(
        eval_command,
        ["conflibert", "--shared", str(small_shared), "--limit", "1", "--mistakes", str(mistakes)],
    )
    assert result.exit_code == 0, result.output
    assert "records: 1, crashes: " in result.output
    assert "accuracy:" in result.output and "PentaClass (rows gold, columns ours)" in result.output
    assert f"written to {mistakes}" in result.output
    assert mistakes.read_text(encoding="utf-8").startswith(
        "# mistakes of eventwire eval conflibert"
    )


def test_eval_command_without_the_gold_file_exits_3_saying_what_to_do(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_command, ["plover", "--shared", str(tmp_path)])
    assert result.exit_code == 3
    assert "[E001]" in result.output and "--shared" in result.output


def test_eval_command_rejects_an_unknown_set() -> None:
    result = CliRunner().invoke(eval_command, ["nope"])
    assert result.exit_code == 2 and "petrarch-unit" in result.output


def test_eval_help_states_the_matching_rule() -> None:
    result = CliRunner().invoke(eval_command, ["--help"])
    assert result.exit_code == 0
    assert "full code string" in result.output and "first two digits" in result.output


@pytest.mark.shared
@pytest.mark.parametrize("name", list(SETS))
def test_smoke_first_ten_records_of_each_real_set(name: str, tmp_path: Path) -> None:
    shared = shared_path("data").parent
    evaluation = evaluate(name, shared, limit=10)
    assert evaluation.scores.records == 10
    # Crashes are the engine's to fix; the harness must count each and name its cause.
    crashed = [p for p in evaluation.predictions if p.crash]
    assert evaluation.scores.crashes == len(crashed)
    assert all(": " in (p.crash or "") for p in crashed)
    report = format_report(evaluation)
    assert report.startswith(f"{name}: ") and f"crashes: {len(crashed)}" in report
    written = write_mistakes(evaluation, tmp_path / "m.txt")
    assert 0 <= written <= 10
