"""Scoring the event coder on public gold sets (``eventwire eval``)."""

from .runner import Evaluation, evaluate
from .sets import SETS, GoldRecord, load_set

__all__ = ["SETS", "Evaluation", "GoldRecord", "evaluate", "load_set"]
