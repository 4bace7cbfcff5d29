"""Where ../shared is, for tests that read it; they skip with a clear reason without it.

A module of its own (not conftest.py) so that tests can import it by one name: pytest
registers every folder's conftest.py as a module called ``conftest``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = (ROOT / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} beside the project (not present)")
    return path
