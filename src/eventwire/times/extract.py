"""Find and normalise every temporal expression of a text, in text order."""

from __future__ import annotations

import re

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
        if not_a_mention(ctx.text, cand):
            continue
        if cand.rule in _NEEDS_REFERENCE or normalise(cand, ctx, []) is not None:
            chosen.append(cand)
    found: list[Timex] = []
    for cand in sorted(chosen, key=lambda c: c.start):
        timex = normalise(cand, ctx, found)
        if timex is not None:
            found.append(timex)
    return found


#: "when he was in his 30s": an age, not the decade of the calendar.
_AGE_BEFORE = re.compile(
    r"\b(?:his|her|their|my|your|our|its)\s+(?:early\s+|mid-?\s*|late\s+)?$", re.I
)
#: A title in quotes ("This Week", "60 Minutes"): a programme, not a time.
_QUOTE_BEFORE = re.compile(r"(?:\"|``|\u201c|'')$")
_QUOTE_AFTER = re.compile(r"[.,!?]?(?:\"|''|\u201d)")


def not_a_mention(text: str, cand: Candidate) -> bool:
    """Whether a candidate is an age or a quoted title, not a time the story speaks of
    (TimeML leaves both unmarked). Datelines stay: the corpora mark them."""
    before, after = text[max(0, cand.start - 60) : cand.start], text[cand.end : cand.end + 40]
    if cand.rule == "decade" and _AGE_BEFORE.search(before):
        return True
    words = text[cand.start : cand.end].split()
    titled = all(w[:1].isupper() or w[:1].isdigit() for w in words) and len(words) > 1
    return titled and bool(_QUOTE_BEFORE.search(before)) and bool(_QUOTE_AFTER.match(after))


def precision_of(timex: Timex) -> str | None:
    """The TimeExpr precision of a point or duration; None for refs and sets."""
    if timex.kind not in {"point", "duration"}:
        return None
    return PRECISION_OF_UNIT.get(timex.unit)
