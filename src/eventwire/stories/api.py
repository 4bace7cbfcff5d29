"""Read stories and consolidated events back from a store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..ingest.dates import published_date
from .assign import best_match
from .match import Features, Match
from .minhash import signature

if TYPE_CHECKING:  # the store imports this package; only the type is needed here
    from ..store import Store


def find_story(store: Store, text: str, published: str | None = None) -> Match | None:
    """The stored article (and its story) that ``text`` copies or rewrites, if any.

    Uses the same tests as ingestion, except the same-event test, which needs
    the text's events. ``published`` is an ISO date; without it reworded copies
    are not looked for (they must be published within the window).
    """
    index = store.stories.index(store.con)
    features = Features.of(text, store.stories.config)
    sig = signature(features, store.stories.config)
    return best_match(store.con, index, features, sig, published_date(published))


def story_articles(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The articles of a story, first published first, with why each joined."""
    return store.query(
        "SELECT a.id, a.published, a.outlet, a.title, a.url, s.matched_article,"
        " s.match_kind, s.match_score FROM articles a"
        " LEFT JOIN article_signatures s ON s.article_id = a.id"
        " WHERE a.story_id = ? ORDER BY a.published_date NULLS LAST, a.published, a.id",
        [story_id],
    )


def story_events(store: Store, story_id: str) -> list[dict[str, Any]]:
    """The consolidated events of a story, most reported first."""
    return store.query(
        "SELECT * FROM event_clusters WHERE story_id = ?"
        " ORDER BY mentions DESC, date NULLS LAST, id",
        [story_id],
    )


def largest_stories(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Stories with more than one article, largest first (for ``eventwire demo``)."""
    return store.query(
        "SELECT id, articles, outlets, first_published, last_published, title FROM stories"
        " WHERE articles > 1 ORDER BY articles DESC, outlets DESC, id LIMIT ?",
        [limit],
    )


def top_events(store: Store, limit: int = 10) -> list[dict[str, Any]]:
    """Consolidated events with the most reports, with the sentence of the first report."""
    return store.query(
        "SELECT c.id, c.date, c.source_code, c.cameo, c.target_code, c.mentions, c.articles,"
        " c.outlets, any_value(m.sentence ORDER BY m.published, m.event_id) AS sentence"
        " FROM event_clusters c JOIN event_mentions m ON m.cluster_id = c.id"
        " GROUP BY ALL ORDER BY c.mentions DESC, c.articles DESC, c.date, c.id LIMIT ?",
        [limit],
    )
