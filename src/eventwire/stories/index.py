"""The in-memory index of recent articles' signatures, which proposes candidates.

The index is built from the ``article_signatures`` table the first time a
store writes a batch, then kept for the run: every article of every later
batch is matched against the articles stored before it. It only proposes
candidates (with slack on every threshold); :func:`match.compare` decides on
exact sets.

Memory is bounded, so that a stream of any length runs in constant memory:

* The signatures sit in two NumPy matrices (one row of 32-bit hash values per
  article, about 1 KB an article) and each query compares against all live rows
  at once. At the sizes the horizon allows this is as fast as banded LSH, which
  kept ~80 Python byte strings per article (about 20 KB), and it has no false
  negatives of its own.
* Articles are compared only with articles published within
  ``horizon_days`` of them. The index forgets articles older than that before
  the newest article it has seen, and a story whose first article is older
  than that takes no new members: a copy printed months later starts a new
  story, as a retrospective is a new report.
* At most ``max_entries`` articles are kept (oldest first out), which bounds
  undated articles too.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, timedelta

import duckdb
import numpy as np

from .config import StoryConfig, StoryConfigError
from .minhash import Signature, from_blob

# An ordinal for "no date": no real date is this far back.
_NO_DAY = np.iinfo(np.int32).min


@dataclass
class Entry:
    """What the index keeps about one article besides its signature row."""

    story_id: str
    published: date | None
    row: int


# Hash values a query first compares on every row; only rows sharing one of
# them are compared on all. At an estimated Jaccard of 0.1 a row shares none of
# 32 with probability 0.9**32 = 3%, where the banded LSH this replaced (51 bands
# of 2 at its 0.15 threshold) missed 60%.
_FIRST = 32


@dataclass
class _Rows:
    """Growable matrix of hash values, one column per article (so a hash value's
    row of the matrix is contiguous for the first pass), with each set's size."""

    width: int
    values: np.ndarray = field(init=False)
    counts: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.values = np.zeros((self.width, 0), dtype=np.uint32)
        self.counts = np.zeros(0, dtype=np.int64)

    def grow(self, size: int) -> None:
        if size <= len(self.counts):
            return
        new = max(size, 2 * len(self.counts), 1024)
        values = np.zeros((self.width, new), dtype=np.uint32)
        values[:, : self.values.shape[1]] = self.values
        counts = np.zeros(new, dtype=np.int64)
        counts[: len(self.counts)] = self.counts
        self.values, self.counts = values, counts

    def put(self, column: int, hashvalues: np.ndarray, count: int) -> None:
        self.values[:, column] = hashvalues
        self.counts[column] = count

    def keep(self, columns: np.ndarray) -> None:
        self.values = np.ascontiguousarray(self.values[:, columns])
        self.counts = self.counts[columns].copy()

    def estimates(self, query: np.ndarray, count: int, mask: np.ndarray) -> tuple:
        """Columns (among ``mask``) sharing a first hash value, their Jaccard and containment."""
        used = len(mask)
        first = min(_FIRST, self.width)
        near = (self.values[:first, :used] == query[:first, None]).any(axis=0)
        where = np.flatnonzero(near & mask & (self.counts[:used] > 0))
        same = np.count_nonzero(self.values[:, where] == query[:, None], axis=0)
        j = same / self.width
        others = self.counts[where]
        smaller = np.minimum(others, count)
        overlap = j * (count + others) / (1.0 + j)
        return where, j, smaller, np.minimum(1.0, overlap / np.maximum(smaller, 1))


class StoryIndex:
    """Recent articles' signatures with each article's story."""

    def __init__(self, config: StoryConfig | None = None) -> None:
        self.config = config or StoryConfig()
        width = self.config.num_perm
        self.entries: dict[str, Entry] = {}
        self._ids: list[str | None] = []
        self._shingles = _Rows(width)
        self._words = _Rows(width)
        self._days = np.zeros(0, dtype=np.int32)
        self._live = np.zeros(0, dtype=bool)
        self._order: OrderedDict[str, None] = OrderedDict()  # insertion order, for the cap
        self._story_start: dict[str, int] = {}  # story id → ordinal of its first known article
        self._members: dict[str, int] = {}  # story id → its articles in the index
        self._newest = _NO_DAY

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, config: StoryConfig) -> StoryIndex:
        """The index of the stored articles within the horizon of the newest one."""
        index = cls(config)
        newest = con.execute("SELECT max(published_date) FROM articles").fetchone()[0]
        # With no dated article, 1 January of year 1 lets every article in.
        since = date.min if newest is None else newest - timedelta(days=config.horizon_days)
        starts = con.execute(
            "SELECT story_id, min(published_date) FROM articles WHERE story_id IS NOT NULL"
            " GROUP BY story_id HAVING max(published_date) >= $1",
            [since],
        ).fetchall()
        index._story_start = {story: day.toordinal() for story, day in starts}
        rows = con.execute(
            "SELECT * FROM (SELECT s.article_id, s.shingles, s.shingle_count, s.words,"
            " s.word_count, a.story_id, a.published_date FROM article_signatures s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE a.published_date >= $1 OR a.published_date IS NULL"
            " ORDER BY a.published_date DESC NULLS LAST, s.article_id DESC LIMIT $2)"
            " ORDER BY published_date NULLS FIRST, article_id",
            [since, config.max_index_entries],
        ).fetchall()
        for article_id, shingles, n_shingles, words, n_words, story_id, published in rows:
            try:
                sig = Signature(
                    shingles=from_blob(shingles, config.num_perm),
                    shingle_count=n_shingles,
                    words=from_blob(words, config.num_perm),
                    word_count=n_words,
                )
            except ValueError as err:
                raise StoryConfigError(
                    f"{err}: open the database with the num_perm it was built with"
                ) from err
            index.add(article_id, sig, story_id, published)
        index._story_start = {s: d for s, d in index._story_start.items() if s in index._members}
        return index

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.entries

    def add(self, article_id: str, sig: Signature, story_id: str, published: date | None) -> None:
        """Index an article as a member of ``story_id``, forgetting what falls out of bounds."""
        if article_id in self.entries:
            return
        day = _NO_DAY if published is None else published.toordinal()
        row = len(self._ids)
        self._ids.append(article_id)
        self._grow(row + 1)
        self._shingles.put(row, sig.shingles.hashvalues, sig.shingle_count)
        self._words.put(row, sig.words.hashvalues, sig.word_count)
        self._days[row] = day
        self._live[row] = True
        self.entries[article_id] = Entry(story_id, published, row)
        self._order[article_id] = None
        self._members[story_id] = self._members.get(story_id, 0) + 1
        if day != _NO_DAY:
            self._story_start[story_id] = min(self._story_start.get(story_id, day), day)
            if day > self._newest:
                self._newest = day
                self._forget_older_than(day - self.config.horizon_days)
        while len(self.entries) > self.config.max_index_entries:
            self._forget(next(iter(self._order)))
        self._compact_if_sparse()

    def _grow(self, size: int) -> None:
        """Room for ``size`` rows in the matrices and in the day and live columns."""
        self._shingles.grow(size)
        self._words.grow(size)
        extra = len(self._shingles.counts) - len(self._days)
        if extra > 0:
            self._days = np.concatenate([self._days, np.zeros(extra, np.int32)])
            self._live = np.concatenate([self._live, np.zeros(extra, bool)])

    def _forget(self, article_id: str) -> None:
        entry = self.entries.pop(article_id)
        del self._order[article_id]
        self._live[entry.row] = False
        self._ids[entry.row] = None
        left = self._members[entry.story_id] - 1
        if left:
            self._members[entry.story_id] = left
        else:  # the story's last indexed member: nothing can join it any more
            del self._members[entry.story_id]
            self._story_start.pop(entry.story_id, None)

    def _forget_older_than(self, cutoff: int) -> None:
        used = len(self._ids)
        old = np.flatnonzero(
            self._live[:used] & (self._days[:used] != _NO_DAY) & (self._days[:used] < cutoff)
        )
        for row in old:
            self._forget(self._ids[row])

    def _compact_if_sparse(self) -> None:
        """Drop forgotten rows once they are half the matrix, so it stays near the live size."""
        used = len(self._ids)
        if used <= 1024 or len(self.entries) >= used // 2:
            return
        keep = np.flatnonzero(self._live[:used])
        self._shingles.keep(keep)
        self._words.keep(keep)
        self._days = self._days[keep].copy()
        self._live = np.ones(len(keep), dtype=bool)
        self._ids = [self._ids[row] for row in keep]
        for row, article_id in enumerate(self._ids):
            self.entries[article_id].row = row

    def candidates(self, sig: Signature, published: date | None) -> list[str]:
        """Indexed articles whose estimated similarity comes near any copy test.

        Sorted, so that the caller sees them in an order independent of the index.
        """
        used = len(self._ids)
        if not used:
            return []
        cfg = self.config
        day = _NO_DAY if published is None else published.toordinal()
        open_rows = self._live[:used].copy()
        recent = np.zeros(used, dtype=bool)  # within the rewrite window: dated articles only
        if day != _NO_DAY:
            days = self._days[:used]
            dated = days != _NO_DAY
            distance = np.abs(days.astype(np.int64) - day)
            open_rows &= ~dated | (distance <= cfg.horizon_days)
            recent = open_rows & dated & (distance <= cfg.window_days)
        shingles = self._near(
            self._shingles,
            sig.shingles.hashvalues,
            sig.shingle_count,
            open_rows,
            cfg.copy_jaccard,
            cfg.containment,
            cfg.min_containment_shingles,
        )
        words = self._near(
            self._words,
            sig.words.hashvalues,
            sig.word_count,
            recent,
            cfg.rewrite_jaccard,
            cfg.rewrite_containment,
            cfg.min_containment_words,
        )
        score = np.maximum(shingles, words)
        return sorted(self._best_per_story(score, day))

    def _best_per_story(self, score: np.ndarray, day: int) -> list[str]:
        """The candidates with the highest estimates, ``candidates_per_story`` per open story.

        A story of a thousand wire copies needs only its closest few compared on
        exact sets; comparing all would make each new copy cost as much as the
        story is long.
        """
        per_story: dict[str, list[tuple[float, str]]] = {}
        for row in np.flatnonzero(score > 0):
            article_id = self._ids[row]
            story = self.entries[article_id].story_id
            if self._story_open(story, day):
                per_story.setdefault(story, []).append((-float(score[row]), article_id))
        keep = self.config.candidates_per_story
        return [a for ranked in per_story.values() for _, a in sorted(ranked)[:keep]]

    def _story_open(self, story_id: str, day: int) -> bool:
        """Whether a story still takes members published on ``day``.

        A story whose first article is more than the horizon older is closed;
        one with no dated article is open.
        """
        start = self._story_start.get(story_id)
        return day == _NO_DAY or start is None or day - start <= self.config.horizon_days

    def _near(
        self,
        rows: _Rows,
        values: np.ndarray,
        count: int,
        mask: np.ndarray,
        jaccard: float,
        containment: float,
        min_count: int,
    ) -> np.ndarray:
        """Per row, the best estimate (Jaccard, or containment where trusted) of the
        rows that come within slack of a test, else 0."""
        scores = np.zeros(len(mask))
        if not count or not mask.any():
            return scores
        slack = self.config.slack
        where, j, smaller, c = rows.estimates(values.astype(np.uint32), count, mask)
        trusted = smaller >= min_count
        ok = (j >= jaccard - slack) | (trusted & (c >= containment - slack))
        best = np.where(trusted, np.maximum(j, c), j)
        scores[where[ok]] = np.maximum(best[ok], 1e-9)
        return scores
