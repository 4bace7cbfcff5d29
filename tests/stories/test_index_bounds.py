"""The story index forgets what falls behind its horizon, so a stream runs in bounded memory."""

from __future__ import annotations

from datetime import date, timedelta

from story_helpers import HARBOUR, OTHER, article, result

from eventwire.records import Article
from eventwire.store import Store
from eventwire.stories import StoryConfig, StoryIndex, signature, story_id_for

CONFIG = StoryConfig(horizon_days=10, max_index_entries=50)
START = date(2026, 1, 1)


def numbered_text(k: int) -> str:
    """A text of its own for each k: words no other k shares."""
    return " ".join(f"item{k}x{n} word{k}y{n}" for n in range(60))


def test_articles_older_than_the_horizon_are_forgotten():
    index = StoryIndex(CONFIG)
    for day in range(40):
        index.add(
            f"a{day}", signature(numbered_text(day), CONFIG), f"s{day}", START + timedelta(day)
        )
    assert len(index) == 11  # days 29..39: the newest and the ten before it
    assert "a28" not in index and "a29" in index and "a39" in index


def test_an_old_copy_is_no_candidate_but_a_recent_one_is():
    index = StoryIndex(CONFIG)
    text = numbered_text(1)
    index.add("first", signature(text, CONFIG), "s1", START)
    same = signature(text, CONFIG)
    assert index.candidates(same, START + timedelta(days=10)) == ["first"]
    assert index.candidates(same, START + timedelta(days=11)) == []


def test_a_story_takes_no_member_after_the_horizon_even_through_a_recent_copy():
    index = StoryIndex(CONFIG)
    text = numbered_text(2)
    for day in (0, 6, 12):  # each copy chained to the last, all in story s
        index.add(f"copy{day}", signature(text, CONFIG), "s", START + timedelta(day))
    # copy12 is recent, but story s began on day 0, more than ten days before day 14.
    assert index.candidates(signature(text, CONFIG), START + timedelta(days=14)) == []
    # On day 9 it is open; copy0 was forgotten when day 12 came (older than day 2).
    assert index.candidates(signature(text, CONFIG), START + timedelta(days=9)) == [
        "copy12",
        "copy6",
    ]


def test_undated_articles_are_bounded_by_the_entry_cap_oldest_out():
    index = StoryIndex(CONFIG)
    for k in range(120):
        index.add(f"u{k}", signature(numbered_text(k), CONFIG), f"s{k}", None)
    assert len(index) == 50
    assert "u69" not in index and "u70" in index
    # The forgotten rows are compacted away, and the live ones still answer.
    assert index.candidates(signature(numbered_text(100), CONFIG), None) == ["u100"]
    assert index.candidates(signature(numbered_text(3), CONFIG), None) == []


def test_memory_of_the_index_stays_flat_over_a_long_dated_stream():
    index = StoryIndex(CONFIG)
    sizes = []
    for k in range(3000):
        day = START + timedelta(days=k // 20)  # 20 articles a day for 150 days
        index.add(f"a{k}", signature(numbered_text(k % 400), CONFIG), f"s{k}", day)
        if k % 500 == 499:
            sizes.append(len(index._ids))
    assert max(len(index), *sizes) <= 2 * (CONFIG.horizon_days + 1) * 20 + 1024
    assert len(index) <= CONFIG.max_index_entries


def dated(paragraphs: list[str], day: date, outlet: str) -> Article:
    return article(paragraphs, published=day.isoformat(), outlet=outlet)


def test_through_the_store_a_reprint_months_later_starts_a_new_story(db_path):
    first = dated(HARBOUR, date(2026, 5, 4), "North Wire")
    soon = dated(["By a staff reporter", *HARBOUR], date(2026, 5, 20), "Fjord Post")
    late = dated(["From our archive", *HARBOUR], date(2026, 9, 1), "Bay Herald")
    with Store(db_path) as store:
        store.write_batch(
            [(a, result(a)) for a in (first, soon, dated(OTHER, date(2026, 5, 5), "X"))]
        )
    with Store(db_path) as store:  # a new process: the index is rebuilt from the table
        store.write_batch([(late, result(late))])
        stories = {
            row["id"]: row["story_id"] for row in store.query("SELECT id, story_id FROM articles")
        }
    assert stories[first.id] == stories[soon.id] == story_id_for(first.id)
    assert stories[late.id] == story_id_for(late.id)


def test_a_story_of_many_copies_offers_only_its_closest_few():
    index = StoryIndex(CONFIG)
    text = numbered_text(5)
    for k in range(12):  # twelve copies in one story, one with a word changed
        copy = text if k else text.replace("item5x0", "changed")
        index.add(f"c{k:02d}", signature(copy, CONFIG), "s", START)
    index.add("other", signature(text, CONFIG), "t", START)
    found = index.candidates(signature(text, CONFIG), START)
    assert len([a for a in found if a.startswith("c")]) == CONFIG.candidates_per_story
    assert "c00" not in found and "other" in found  # the changed copy estimates lowest
