"""The demo corpus: fictional news written by the eventwire team, shipped with the package."""

from __future__ import annotations

from contextlib import AbstractContextManager
from importlib.resources import as_file, files
from pathlib import Path


def corpus_path() -> AbstractContextManager[Path]:
    """A context manager giving the folder of the demo corpus on disk."""
    return as_file(files("eventwire.demo") / "corpus")
