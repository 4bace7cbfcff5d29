"""The Ray engine starts a local Ray when none runs, and stops only the Ray it started."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.engines import default_output, ingest_ray


@pytest.mark.slow
def test_ingest_starts_and_stops_its_own_local_ray(tmp_path: Path) -> None:
    ray = pytest.importorskip("ray")
    if ray.is_initialized():
        pytest.skip("a Ray is already running in this process")
    article = tmp_path / "note.txt"
    article.write_text(
        "Norway offered on Tuesday to host talks between Colombia and the rebels.",
        encoding="utf-8",
    )
    db = tmp_path / "own.duckdb"
    summary = ingest_ray([article], db, num_workers=1)
    assert not ray.is_initialized()
    assert summary.counts.articles_new == 1
    assert Path(summary.output).parent == default_output(db).absolute()
    assert summary.to_dict()["engine"] == "ray"
