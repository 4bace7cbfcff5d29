"""Stories and consolidated events: count events, not reports.

Wire copies, syndicated reprints, trimmed copies and reworded copies of one
report join one *story*; event reports of one story that share dyad, CAMEO
root and a few days become one *consolidated event* with counts of mentions,
articles and outlets, first and last seen, and every report kept as a mention.

How an article finds its story (thresholds in :class:`StoryConfig`, defaults
measured with ``benchmarks/dedup.py``). MinHash estimates over two signatures
propose candidates among the articles stored before it and published at most
30 days apart (the horizon, which keeps memory constant on a stream; a story
takes no member more than 30 days after its first article); the tests run on
exact sets:

* copy (wire copy, syndicated reprint): Jaccard of word 5-shingles ≥ 0.5;
* trimmed copy (a prefix, some paragraphs, a round-up made mostly of it):
  ≥ 0.6 of the shorter text's shingles are in the longer one (containment);
* reworded copy: Jaccard of the content-word sets ≥ 0.3, or ≥ 0.75 of the
  shorter text's content words in the longer one (a brief), published ≤ 3 days
  apart;
* same event: failing those, an article published ≤ 3 days apart with an event
  of the same source, target, CAMEO root and day, whose title and first
  paragraph share ≥ 0.2 of their content words.

The article joins the story of the best match: shingle matches (copy,
trimmed) rank together by the share of the new article they cover, then
reworded, then same event; it never merges two existing stories. A round-up
joins the story most of its text comes from, and a member that shares little of
its text with its match counts only by what it shares with the rest of its
story, so it cannot glue a second story on. The first article of a story gives it
its id (``s`` + article id). Results depend on the order articles arrive in,
but writing the same input again changes nothing.

Event reports of one story with the same source code, target code and CAMEO
root, on days within 2 days of the group's first report, are one consolidated
event; negated reports are left out. A story's events are rebuilt whenever an
article joins it.

The store runs all of this inside each batch's transaction
(:meth:`eventwire.store.Store.write_batch`); signatures are kept in the
``article_signatures`` table so copies of articles stored in earlier runs are
found. Tables written: ``article_signatures``, ``articles.story_id``,
``stories``, ``event_clusters``, ``event_mentions``.

Public API:

* :class:`StoryConfig` — thresholds; pass ``Store(path, stories=StoryConfig(...))``.
* :func:`find_story` — the story an article text would join in a database.
* :func:`story_articles` / :func:`story_events` — a story's articles (with why each
  joined) and its consolidated events.
* :func:`largest_stories` / :func:`top_events` — overviews for the CLI and dashboard.
* :class:`StoryIndex`, :func:`signature` — the in-memory index, for batch tools
  such as ``benchmarks/dedup.py``.
"""

from __future__ import annotations

from .api import find_story, largest_stories, story_articles, story_events, top_events
from .assign import StoryKeeper, StoryUpdate, refresh_stories, story_id_for
from .config import StoryConfig, StoryConfigError
from .consolidate import consolidate
from .index import StoryIndex
from .match import Match
from .minhash import Signature, signature

__all__ = [
    "Match",
    "Signature",
    "StoryConfig",
    "StoryConfigError",
    "StoryIndex",
    "StoryKeeper",
    "StoryUpdate",
    "consolidate",
    "find_story",
    "largest_stories",
    "refresh_stories",
    "signature",
    "story_articles",
    "story_events",
    "story_id_for",
    "top_events",
]
