"""Find and normalise every temporal expression of a text, in text order."""

from __future__ import annotations

from .calendar import PRECISION_OF_UNIT
from .context import TextContext
from .normalise import Timex, normalise
from .patterns import Candidate, ranked_candidates

#: Rules whose value depends on an earlier expression; chosen before that is known.
_NEEDS_REFERENCE = {"refday"}


def extract(ctx: TextContext) -> list[Timex]:
    """The Timex of every accepted candidate, in text order.

    Longer candidates win over the shorter ones they overlap, but only if they normalise:
    a rejected "May 5" (a name) leaves room for what else matched there. Values that
    count from an earlier expression ("the next day") are computed in a second pass in
    text order, once the expressions before them are known.
    """
    chosen: list[Candidate] = []
    for cand in ranked_candidates(ctx.text):
        if any(cand.start < c.end and c.start < cand.end for c in chosen):
            continue
        if cand.rule in _NEEDS_REFERENCE or normalise(cand, ctx, []) is not None:
            chosen.append(cand)
    found: list[Timex] = []
    for cand in sorted(chosen, key=lambda c: c.start):
        timex = normalise(cand, ctx, found)
        if timex is not None:
            found.append(timex)
    return found


def precision_of(timex: Timex) -> str | None:
    """The TimeExpr precision of a point or duration; None for refs and sets."""
    if timex.kind not in {"point", "duration"}:
        return None
    return PRECISION_OF_UNIT.get(timex.unit)
