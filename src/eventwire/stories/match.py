"""The exact copy tests, applied to the few candidates the MinHash index proposes.

MinHash estimates a Jaccard of 0.3 within about ±0.04 (128 permutations), too
coarse to separate a reworded copy (content-word Jaccard 0.29–0.57 on the test
set) from a related but different report (up to 0.26). So the index only
proposes candidates, with slack, and the decision is taken on exact sets built
from the candidate's stored text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from .config import StoryConfig
from .shingles import content_words, jaccard, word_shingles

MatchKind = Literal["copy", "contained", "rewrite", "event"]
# Which kind of match wins when an article matches several earlier ones.
RANK: dict[str, int] = {"copy": 0, "contained": 1, "rewrite": 2, "event": 3}


@dataclass(frozen=True)
class Match:
    """Why an article joins the story of an earlier one."""

    article_id: str
    story_id: str
    kind: MatchKind
    score: float


@dataclass(frozen=True)
class Features:
    """The exact sets an article is compared by."""

    shingles: frozenset[str]
    words: frozenset[str]

    @classmethod
    def of(cls, text: str, config: StoryConfig) -> Features:
        return cls(
            frozenset(word_shingles(text, config.shingle_size)), frozenset(content_words(text))
        )


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of the smaller set that lies in the larger one."""
    smaller = min(len(a), len(b))
    return len(a & b) / smaller if smaller else 0.0


# Kinds of match decided on word shingles, whose members may hold foreign text.
SHINGLE_KINDS = ("copy", "contained")


def covered(a: frozenset[str], b: frozenset[str]) -> float:
    """Share of ``a`` that lies in ``b`` (directional, unlike :func:`containment`)."""
    return len(a & b) / len(a) if a else 0.0


def partial(member: Features, kind: str | None, anchor: Features, config: StoryConfig) -> bool:
    """Whether a story member holds much text that its match did not vouch for.

    A member that joined by a copy test (``kind`` copy or contained) but shares
    less than ``whole_member`` of its shingles with the article it matched
    (``anchor``) holds text from elsewhere: a round-up of two stories, or a
    longer version of a trimmed copy. Members that joined otherwise (first of a
    story, reworded, same event) count whole.
    """
    if kind not in SHINGLE_KINDS or not member.shingles:
        return False
    return covered(member.shingles, anchor.shingles) < config.whole_member


def story_part(member: Features, others: Sequence[Features]) -> Features:
    """The part of a partial member that its story vouches for.

    That is the text it shares with the story's other members: the longer
    version of a trimmed copy is vouched for whole once a second full copy
    joins, but the second half of a round-up, found in no other member, is not,
    so later articles of that other story cannot join through it.
    """
    shingles: set[str] = set()
    words: set[str] = set()
    for other in others:
        shingles |= member.shingles & other.shingles
        words |= member.words & other.words
    return Features(frozenset(shingles), frozenset(words))


def within_days(a: date | None, b: date | None, days: int) -> bool:
    """Whether two dates are at most ``days`` apart (unknown dates never are)."""
    return a is not None and b is not None and abs((a - b).days) <= days


def compare(
    mine: Features,
    other: Features,
    days: tuple[date | None, date | None],
    config: StoryConfig,
) -> tuple[MatchKind, float] | None:
    """The strongest copy relation between two articles, with its score, or None."""
    cfg = config
    if mine.shingles and other.shingles:
        j = jaccard(mine.shingles, other.shingles)
        if j >= cfg.copy_jaccard:
            return "copy", j
        if min(len(mine.shingles), len(other.shingles)) >= cfg.min_containment_shingles:
            c = containment(mine.shingles, other.shingles)
            if c >= cfg.containment:
                return "contained", c
    if mine.words and other.words and within_days(*days, cfg.window_days):
        j = jaccard(mine.words, other.words)
        if j >= cfg.rewrite_jaccard:
            return "rewrite", j
        if min(len(mine.words), len(other.words)) >= cfg.min_containment_words:
            c = containment(mine.words, other.words)
            if c >= cfg.rewrite_containment:
                return "rewrite", j
    return None
