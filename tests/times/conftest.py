"""Fixtures of the times tests."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import build_pipeline


@pytest.fixture(scope="module")
def nlp():
    """The parsing pipeline (modules that need ``ew_times`` define their own)."""
    return build_pipeline()
