"""Marks over an article's text, cut into segments that never overlap.

Events, quotes, dates and actor mentions overlap (a quote holds actors and
dates), so instead of nesting tags the text is cut at every mark boundary and
each segment lists the kinds of marks covering it. The browser renders each
segment as a text node in one ``<span>``; no article text ever becomes HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

KINDS = ("event", "quote", "time", "actor")


@dataclass(frozen=True)
class Mark:
    """A highlighted stretch ``[start, end)`` of the text with a tooltip label."""

    start: int
    end: int
    kind: str
    label: str
    ref: str | None = None


def actor_marks(text: str, actors: Iterable[dict[str, Any]]) -> list[Mark]:
    """Every whole-word occurrence of each actor's words in the text (the store keeps no spans)."""
    marks: list[Mark] = []
    seen: set[str] = set()
    for actor in actors:
        for words in (actor.get("text"), actor.get("name")):
            if not words or len(words) < 2 or words in seen:
                continue
            seen.add(words)
            pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
            label = f"{actor.get('name')} ({actor.get('code')})"
            for match in pattern.finditer(text):
                marks.append(Mark(match.start(), match.end(), "actor", label, actor.get("code")))
    return marks


def segments(text: str, marks: Iterable[Mark]) -> list[dict[str, Any]]:
    """The text cut at every mark boundary: ``{"start","end","kinds","labels","refs"}``.

    Marks outside the text or empty are ignored; segments with no mark are
    included too, so the segments cover the whole text in order.
    """
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    out: list[dict[str, Any]] = []
    for start, end in pairwise(cuts):
        covering = [m for m in valid if m.start <= start and end <= m.end]
        kinds = [k for k in KINDS if any(m.kind == k for m in covering)]
        out.append(
            {
                "start": start,
                "end": end,
                "kinds": kinds,
                "labels": sorted({m.label for m in covering}),
                "refs": sorted({m.ref for m in covering if m.ref}),
            }
        )
    return out
