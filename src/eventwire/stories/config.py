"""Thresholds of story detection and event consolidation, in one place."""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import EventwireError


@dataclass(frozen=True)
class StoryConfig:
    """How articles are joined into stories and event reports into events.

    The defaults were chosen by measurement with ``benchmarks/dedup.py`` on the
    rewritten-copy test set (``tests/fixtures/stories``) and the demo corpus.
    """

    #: Words per shingle for copy detection; 5 keeps chance overlaps of common
    #: phrases ("the ministry said on") rare while a wire copy shares nearly all.
    shingle_size: int = 5
    #: MinHash permutations; 128 estimates a Jaccard of 0.5 within about ±0.05.
    num_perm: int = 128
    #: A copy: estimated Jaccard of the shingle sets at least this.
    copy_jaccard: float = 0.5
    #: A trimmed copy: this share of the shorter text's shingles is in the longer one.
    containment: float = 0.6
    #: Containment is only trusted when the shorter text has this many shingles.
    min_containment_shingles: int = 40
    #: A reworded copy: Jaccard of the content-word sets at least this, or this
    #: share of the shorter text's content words in the longer one (a brief) …
    rewrite_jaccard: float = 0.3
    rewrite_containment: float = 0.75
    #: … (word containment only when the shorter text has this many content words) …
    min_containment_words: int = 40
    #: … and published within this many days of each other.
    window_days: int = 3
    #: Articles are compared only with articles published at most this many
    #: days apart, and a story takes no member published this long after its
    #: first article: the in-memory index forgets older articles, which keeps
    #: the memory of a stream constant.
    horizon_days: int = 30
    #: The index keeps at most this many articles (about 1.2 KB each), oldest
    #: out first; this bounds undated articles, which the horizon cannot.
    max_index_entries: int = 200_000
    #: Of one story's candidates only this many, those with the highest
    #: estimates, are compared on exact sets, so a story of many copies does not
    #: make each new copy slower.
    candidates_per_story: int = 4
    #: Same-event growth: articles sharing an event key (dyad, CAMEO root, date)
    #: also need this Jaccard of the content words of title and first paragraph.
    lead_jaccard: float = 0.2
    #: A member joined by a copy test vouches for its whole text only when this
    #: share of its shingles is in the article it matched; otherwise (a round-up,
    #: a longer version) later articles must match the shared part, so that a
    #: round-up of two stories cannot glue the second one onto the first.
    whole_member: float = 0.8
    #: LSH thresholds that pick candidates; lower than the checks above, so that
    #: trimmed copies (low Jaccard, high containment) are still found.
    copy_candidates: float = 0.15
    rewrite_candidates: float = 0.2
    #: Candidates whose MinHash estimates come within this of a threshold are
    #: checked on exact sets (an estimate of 0.3 is off by ±0.04 at 128 permutations).
    slack: float = 0.1
    #: Event reports of one story, dyad and CAMEO root within this many days of
    #: the first report of a cluster become one consolidated event.
    event_window_days: int = 2

    def __post_init__(self) -> None:
        for name in (
            "copy_jaccard",
            "containment",
            "rewrite_jaccard",
            "rewrite_containment",
            "lead_jaccard",
            "copy_candidates",
            "rewrite_candidates",
            "whole_member",
        ):
            value = getattr(self, name)
            if not 0.0 < value <= 1.0:
                raise StoryConfigError(f"{name} must be in (0, 1], got {value}")
        if self.shingle_size < 1 or self.num_perm < 16:
            raise StoryConfigError("shingle_size must be >= 1 and num_perm >= 16")
        if not 0.0 <= self.slack < 1.0:
            raise StoryConfigError(f"slack must be in [0, 1), got {self.slack}")
        if self.window_days < 0 or self.event_window_days < 0:
            raise StoryConfigError("window_days and event_window_days must be >= 0")
        if self.candidates_per_story < 1:
            raise StoryConfigError("candidates_per_story must be >= 1")
        if self.horizon_days < self.window_days or self.max_index_entries < 1:
            raise StoryConfigError("horizon_days must be >= window_days and max_index_entries >= 1")


class StoryConfigError(EventwireError):
    """A story threshold is out of range."""

    code = "E060"
