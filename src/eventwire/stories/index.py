"""The in-memory index of stored articles' signatures, which proposes candidates.

The index is rebuilt from the ``article_signatures`` table the first time a
store writes a batch, then kept for the run: every article of every later
batch is matched against all articles stored before it. It only proposes
candidates (with slack on every threshold); :func:`match.compare` decides on
exact sets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import duckdb
from datasketch import MinHashLSH

from .config import StoryConfig, StoryConfigError
from .match import within_days
from .minhash import Signature, estimated_containment, estimated_jaccard, from_blob


@dataclass
class Entry:
    """What the index keeps about one stored article."""

    signature: Signature
    story_id: str
    published: date | None


@dataclass
class StoryIndex:
    """LSH indices over both signatures, with each article's story."""

    config: StoryConfig = field(default_factory=StoryConfig)

    def __post_init__(self) -> None:
        self.entries: dict[str, Entry] = {}
        cfg = self.config
        self._copies = MinHashLSH(threshold=cfg.copy_candidates, num_perm=cfg.num_perm)
        self._rewrites = MinHashLSH(threshold=cfg.rewrite_candidates, num_perm=cfg.num_perm)

    @classmethod
    def load(cls, con: duckdb.DuckDBPyConnection, config: StoryConfig) -> StoryIndex:
        """The index of every article whose signature is stored in the database."""
        index = cls(config)
        rows = con.execute(
            "SELECT s.article_id, s.shingles, s.shingle_count, s.words, s.word_count,"
            " a.story_id, a.published_date FROM article_signatures s"
            " JOIN articles a ON a.id = s.article_id ORDER BY s.article_id"
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
        return index

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, article_id: str) -> bool:
        return article_id in self.entries

    def add(self, article_id: str, sig: Signature, story_id: str, published: date | None) -> None:
        """Index an article as a member of ``story_id``."""
        if article_id in self.entries:
            return
        self.entries[article_id] = Entry(sig, story_id, published)
        if sig.shingle_count:
            self._copies.insert(article_id, sig.shingles)
        if sig.word_count:
            self._rewrites.insert(article_id, sig.words)

    def candidates(self, sig: Signature, published: date | None) -> list[str]:
        """Indexed articles whose estimated similarity comes near any copy test.

        Sorted, so that the caller sees them in an order independent of the index.
        """
        found = set(self._copy_candidates(sig)) | set(self._rewrite_candidates(sig, published))
        return sorted(found)

    def _copy_candidates(self, sig: Signature) -> list[str]:
        cfg = self.config
        if not sig.shingle_count:
            return []
        out = []
        for other_id in self._copies.query(sig.shingles):
            other = self.entries[other_id].signature
            j = estimated_jaccard(sig.shingles, other.shingles)
            c = estimated_containment(j, sig.shingle_count, other.shingle_count)
            enough = min(sig.shingle_count, other.shingle_count) >= cfg.min_containment_shingles
            if j >= cfg.copy_jaccard - cfg.slack or (enough and c >= cfg.containment - cfg.slack):
                out.append(other_id)
        return out

    def _rewrite_candidates(self, sig: Signature, published: date | None) -> list[str]:
        cfg = self.config
        if not sig.word_count:
            return []
        out = []
        for other_id in self._rewrites.query(sig.words):
            entry = self.entries[other_id]
            if not within_days(published, entry.published, cfg.window_days):
                continue
            other = entry.signature
            j = estimated_jaccard(sig.words, other.words)
            c = estimated_containment(j, sig.word_count, other.word_count)
            enough = min(sig.word_count, other.word_count) >= cfg.min_containment_words
            if j >= cfg.rewrite_jaccard - cfg.slack or (
                enough and c >= cfg.rewrite_containment - cfg.slack
            ):
                out.append(other_id)
        return out
