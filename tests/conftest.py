"""Shared fixtures. Tests that need ../shared skip with a clear reason when it is absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from shared_data import shared_path


@pytest.fixture
def seed_article() -> Path:
    """The example article of DESIGN.md (from ../shared)."""
    return shared_path("seed", "000_d88547219a083dac.txt")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture
def news_dir(tmp_path: Path) -> Path:
    """A folder of three small articles written for the tests, one of them in German."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "---\ntitle: Ministers meet in Manila\npublished: 2026-03-04\noutlet: Test Wire\n---\n"
        "The foreign ministers of the Philippines and Japan met in Manila on Tuesday.\n\n"
        "They agreed to hold joint coast guard exercises next month, officials said.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "---\ntitle: Protest lodged\npublished: 2026-03-05\n---\n"
        "China lodged a protest with South Korea over a naval visit, the ministry said.\n",
        encoding="utf-8",
    )
    (folder / "c.txt").write_text(
        "Die Regierung in Berlin hat am Freitag neue Gespräche mit Paris angekündigt. "
        "Der Außenminister sagte, man wolle die Zusammenarbeit vertiefen.\n",
        encoding="utf-8",
    )
    return folder
