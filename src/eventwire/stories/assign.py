"""Give every new article a story, inside the store's batch transaction.

An article joins the story of the earlier article it copies most closely
(:func:`best_match`); failing that, the story of an article published
within the window that reports the same event (same source and target codes,
CAMEO root and day) *and* whose title and first paragraph share enough content
words. That second test is deliberately conservative: two reports of one
meeting are one story, but two meetings of the same pair in one week are not
merged on the event key alone. Otherwise the article starts a story of its own,
whose id is ``s`` + the article id.

An article joins one story; it never merges two existing stories. A round-up
(an article made of two reports) joins the story most of its text comes from,
and later articles cannot join through its other half: a member that shares
little of its text with the article it matched counts only by the text it
shares with the rest of its story (:func:`match.story_part`). Without that, the
round-up would take story A, and every later copy of story B, matching the
round-up's B half, would join A too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import duckdb

from ..ingest.dates import published_date
from ..records import Article
from .config import StoryConfig
from .index import StoryIndex
from .match import (
    RANK,
    SHINGLE_KINDS,
    Features,
    Match,
    compare,
    covered,
    partial,
    story_part,
    within_days,
)
from .minhash import Signature, signature, to_blob
from .shingles import content_words, jaccard, lead
from .sql import insert_rows


def story_id_for(article_id: str) -> str:
    """Id of the story an article starts."""
    return f"s{article_id}"


@dataclass
class StoryUpdate:
    """What one batch did to stories."""

    assigned: dict[str, str] = field(default_factory=dict)  # article id → story id
    matches: dict[str, Match] = field(default_factory=dict)  # article id → why it joined

    @property
    def stories(self) -> set[str]:
        return set(self.assigned.values())


class StoryKeeper:
    """Holds the signature index for a store; call :meth:`update` once per batch."""

    def __init__(self, config: StoryConfig | None = None):
        self.config = config or StoryConfig()
        self._index: StoryIndex | None = None

    def index(self, con: duckdb.DuckDBPyConnection) -> StoryIndex:
        """The index, built from the database on first use."""
        if self._index is None:
            self._index = StoryIndex.load(con, self.config)
        return self._index

    def reset(self) -> None:
        """Forget the in-memory index (after a rolled-back batch it may hold ghosts)."""
        self._index = None

    def update(self, con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> StoryUpdate:
        """Assign stories to newly stored articles and refresh the ``stories`` rows.

        Must run inside the transaction that inserted ``articles`` (and their
        events), so that a failure rolls back both.
        """
        index = self.index(con)
        update = StoryUpdate()
        signature_rows = []
        with_events = _articles_with_dyad_events(con, [a.id for a in articles])
        for article in articles:
            if article.id in index or not article.text.strip():
                continue
            features = Features.of(article.text, self.config)
            sig = signature(features, self.config)
            day = published_date(article.published)
            match = best_match(con, index, features, sig, day, update)
            if match is None and article.id in with_events:
                match = self._event_match(con, index, article, day)
            story = match.story_id if match else story_id_for(article.id)
            index.add(article.id, sig, story, day)
            update.assigned[article.id] = story
            if match:
                update.matches[article.id] = match
            signature_rows.append(_signature_row(article.id, sig, match))
        if not signature_rows:
            return update
        insert_rows(con, "article_signatures", signature_rows, "INSERT OR IGNORE")
        # One set-based UPDATE: DuckDB's executemany runs one statement per row.
        con.execute(
            "UPDATE articles SET story_id = m.story FROM"
            " (SELECT unnest($1) AS id, unnest($2) AS story) m WHERE articles.id = m.id",
            [list(update.assigned), list(update.assigned.values())],
        )
        refresh_stories(con, update.stories)
        return update

    def _event_match(
        self,
        con: duckdb.DuckDBPyConnection,
        index: StoryIndex,
        article: Article,
        day: date | None,
    ) -> Match | None:
        cfg = self.config
        if day is None:
            return None
        rows = con.execute(_SHARED_EVENTS_SQL, [day, article.id, cfg.window_days]).fetchall()
        mine = content_words(f"{article.title or ''} {lead(article.text)}")
        best: tuple[int, float, str] | None = None
        for other_id, shared, title, text, published in rows:
            entry = index.entries.get(other_id)
            if entry is None or not within_days(day, published, cfg.window_days):
                continue
            score = jaccard(mine, content_words(f"{title or ''} {lead(text or '')}"))
            if score >= cfg.lead_jaccard and (best is None or (-shared, -score, other_id) < best):
                best = (-shared, -score, other_id)
        if best is None:
            return None
        other_id = best[2]
        return Match(other_id, index.entries[other_id].story_id, "event", -best[1])


def best_match(
    con: duckdb.DuckDBPyConnection,
    index: StoryIndex,
    features: Features,
    sig: Signature,
    day: date | None,
    batch: StoryUpdate | None = None,
) -> Match | None:
    """The stored article this one copies most closely, decided on exact sets.

    A partial member (a round-up, see :func:`partial`) counts only by the text
    it shares with the rest of its story (:func:`story_part`): a round-up that
    joined story A through half of its text cannot pull articles of story B
    into A. Shingle matches (copy, trimmed) beat reworded ones; among them the
    candidate that covers the largest share of this article wins, so a round-up
    joins the story most of its text comes from; then the higher score, then
    the smaller article id. ``batch`` holds what the running batch assigned so
    far, whose rows are not written yet.
    """
    ids = index.candidates(sig, day)
    if not ids:
        return None
    batch = batch or StoryUpdate()
    cfg = index.config
    rows = con.execute(
        "SELECT a.id, a.text, s.matched_article, s.match_kind FROM articles a"
        " LEFT JOIN article_signatures s ON s.article_id = a.id"
        " WHERE list_contains(?, a.id) ORDER BY a.id",
        [ids],
    ).fetchall()
    feats = {other_id: Features.of(text or "", cfg) for other_id, text, _, _ in rows}
    how: dict[str, tuple[str | None, str | None]] = {}
    for other_id, _, anchor_id, kind in rows:
        made = batch.matches.get(other_id)
        how[other_id] = (made.article_id, made.kind) if made else (anchor_id, kind)
    feats = _features_of(con, {a for a, _ in how.values() if a}, cfg, feats)
    part = {
        other_id
        for other_id, (anchor_id, kind) in how.items()
        if anchor_id in feats and partial(feats[other_id], kind, feats[anchor_id], cfg)
    }
    members = _members(con, {index.entries[i].story_id for i in part}, batch, cfg, feats)
    found = []
    for other_id in sorted(feats.keys() & set(ids)):
        entry = index.entries[other_id]
        other = feats[other_id]
        if other_id in part:
            story = members.get(entry.story_id, {})
            other = story_part(other, [f for i, f in story.items() if i != other_id])
        result = compare(features, other, (day, entry.published), cfg)
        if result is None:
            continue
        kind, score = result
        if kind in SHINGLE_KINDS:
            group, cover = 0, covered(features.shingles, other.shingles)
        else:
            group, cover = RANK[kind], covered(features.words, other.words)
        found.append(
            (group, -cover, -score, other_id, Match(other_id, entry.story_id, kind, score))
        )
    return min(found)[4] if found else None


def _features_of(
    con: duckdb.DuckDBPyConnection,
    ids: set[str],
    config: StoryConfig,
    known: dict[str, Features],
) -> dict[str, Features]:
    """``known`` and the exact sets of the stored articles among ``ids`` it lacks, by id."""
    missing = sorted(ids - known.keys())
    if not missing:
        return known
    rows = con.execute(
        "SELECT id, text FROM articles WHERE list_contains(?, id)", [missing]
    ).fetchall()
    return known | {i: Features.of(text or "", config) for i, text in rows}


def _members(
    con: duckdb.DuckDBPyConnection,
    stories: set[str],
    batch: StoryUpdate,
    config: StoryConfig,
    known: dict[str, Features],
) -> dict[str, dict[str, Features]]:
    """Story id → its members' exact sets, including members of the running batch
    (``known`` holds sets already computed)."""
    if not stories:
        return {}
    story_of = {
        r[0]: r[1]
        for r in con.execute(
            "SELECT id, story_id FROM articles WHERE list_contains(?, story_id)",
            [sorted(stories)],
        ).fetchall()
    }
    story_of |= {a: s for a, s in batch.assigned.items() if s in stories}
    feats = _features_of(con, set(story_of), config, known)
    out: dict[str, dict[str, Features]] = {s: {} for s in stories}
    for article_id, story in story_of.items():
        if article_id in feats:
            out[story][article_id] = feats[article_id]
    return out


# Events that can tie two articles: affirmed, with both actors, not self-directed.
_DYAD_EVENT = (
    "NOT coalesce({e}.negated, false) AND {e}.source_code IS NOT NULL"
    " AND {e}.target_code IS NOT NULL AND {e}.source_code <> {e}.target_code"
)
# An event's day is its own date when known to the day, else its article's date.
_DAY = (
    "coalesce(CASE WHEN {e}.date_precision = 'day' THEN TRY_CAST({e}.date AS DATE) END,"
    " {a}.published_date)"
)
# The stored articles, published within the window, with an event of the same dyad
# and CAMEO root as one of the new article's within the window ($1 its date, $2 id).
_SHARED_EVENTS_SQL = f"""
WITH mine AS (
    SELECT e.source_code, e.target_code, e.cameo_root,
           coalesce({_DAY.format(e="e", a="x")}, $1) AS day
    FROM events e JOIN articles x ON x.id = e.article_id
    WHERE e.article_id = $2 AND {_DYAD_EVENT.format(e="e")}
)
SELECT o.article_id, count(*) AS shared, a.title, a.text, a.published_date
FROM events o
JOIN mine m ON o.source_code = m.source_code AND o.target_code = m.target_code
           AND o.cameo_root = m.cameo_root
JOIN articles a ON a.id = o.article_id
WHERE o.article_id <> $2 AND NOT coalesce(o.negated, false)
  AND a.published_date BETWEEN $1 - $3::INTEGER AND $1 + $3::INTEGER
  AND abs(date_diff('day', {_DAY.format(e="o", a="a")}, m.day)) <= $3
GROUP BY o.article_id, a.title, a.text, a.published_date
"""


def _articles_with_dyad_events(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
    """Which of the articles have an event that the same-event test can use."""
    if not ids:
        return set()
    rows = con.execute(
        f"SELECT DISTINCT article_id FROM events e WHERE list_contains($1, article_id)"
        f" AND {_DYAD_EVENT.format(e='e')}",
        [ids],
    ).fetchall()
    return {r[0] for r in rows}


def _signature_row(article_id: str, sig: Signature, match: Match | None) -> tuple:
    return (
        article_id,
        to_blob(sig.shingles),
        sig.shingle_count,
        to_blob(sig.words),
        sig.word_count,
        match.article_id if match else None,
        match.kind if match else None,
        round(match.score, 4) if match else None,
    )


def refresh_stories(con: duckdb.DuckDBPyConnection, story_ids: set[str]) -> None:
    """Recompute the ``stories`` rows of the given stories from their articles."""
    if not story_ids:
        return
    ids = sorted(story_ids)
    con.execute("DELETE FROM stories WHERE list_contains(?, id)", [ids])
    con.execute(
        "INSERT INTO stories SELECT story_id,"
        " first(title ORDER BY title IS NULL, published_date NULLS LAST, id),"
        " min(published), max(published), count(*), count(DISTINCT outlet)"
        " FROM articles WHERE list_contains(?, story_id) GROUP BY story_id",
        [ids],
    )
