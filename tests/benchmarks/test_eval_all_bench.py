"""Smoke test of benchmarks/eval_all.py: one table row per set, held-out sets optional."""

from __future__ import annotations

import pytest

from bench_modules import load_benchmark
from shared_data import shared_path


@pytest.mark.slow
@pytest.mark.shared
def test_eval_all_prints_every_set_and_can_leave_held_out_ones_out(tmp_path, capsys):
    eval_all = load_benchmark("eval_all")
    shared = shared_path("data", "zero-shot-plover").parent.parent
    argv = ["--shared", str(shared), "--limit", "3", "--mistakes-dir", str(tmp_path)]
    assert eval_all.main([*argv, "--skip-held-out"]) == 0
    rows = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:]]
    assert "plover" in rows and "conflibert" in rows and "plover-zeroshot" not in rows
    assert eval_all.main(argv) == 0
    assert "plover-zeroshot" in capsys.readouterr().out
    written = sorted(p.name for p in tmp_path.iterdir())
    assert "plover.mistakes.txt" in written
    assert "plover-zeroshot.mistakes.txt" not in written  # held out: no mistakes file
