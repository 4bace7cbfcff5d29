"""Stories through the store: copies join, later runs find earlier articles."""

from __future__ import annotations

import pytest
from story_helpers import HARBOUR, HARBOUR_REWORDED, OTHER, article, event, result

from eventwire.records import Article
from eventwire.store import Store
from eventwire.stories import (
    StoryConfig,
    StoryConfigError,
    find_story,
    story_articles,
    story_id_for,
)


def write(store: Store, *articles: Article) -> None:
    store.write_batch([(a, result(a)) for a in articles])


def story_of(store: Store, art: Article) -> str | None:
    return store.query("SELECT story_id FROM articles WHERE id = ?", [art.id])[0]["story_id"]


def test_reprint_with_other_header_joins_the_first_articles_story(db_path):
    first = article(HARBOUR, outlet="North Wire")
    reprint = article(["By a staff reporter", *HARBOUR], outlet="Fjord Post")
    with Store(db_path) as store:
        write(store, first, reprint)
        assert story_of(store, first) == story_of(store, reprint) == story_id_for(first.id)
        row = store.query("SELECT * FROM stories WHERE id = ?", [story_id_for(first.id)])[0]
    assert row["articles"] == 2 and row["outlets"] == 2
    assert row["title"] == first.title


def test_copy_in_a_later_run_finds_the_article_stored_earlier(db_path):
    first = article(HARBOUR)
    with Store(db_path) as store:
        write(store, first)
    trimmed = article([*HARBOUR[:2], "Reporting by the Fjord Post."], outlet="Fjord Post")
    with Store(db_path) as store:  # a new process: the index is rebuilt from the table
        write(store, trimmed)
        assert story_of(store, trimmed) == story_of(store, first)
        why = story_articles(store, story_of(store, first))
    assert [r["match_kind"] for r in why] == [None, "copy"]


def test_reworded_copy_joins_within_the_window_but_not_weeks_later(db_path):
    reworded = article(HARBOUR_REWORDED, published="2026-05-05", outlet="Fjord Post")
    with Store(db_path) as store:
        first = article(HARBOUR, published="2026-05-04")
        write(store, first, reworded)
        assert story_of(store, reworded) == story_of(store, first)
    with Store(db_path.with_name("other.duckdb")) as store:
        first_weeks_earlier = article(HARBOUR, published="2026-04-10")
        write(store, first_weeks_earlier, reworded)
        assert story_of(store, reworded) == story_id_for(reworded.id)


def test_unrelated_article_starts_its_own_story(db_path):
    with Store(db_path) as store:
        write(store, article(HARBOUR), article(OTHER))
        assert store.counts()["stories"] == 2


def test_writing_the_same_input_twice_changes_nothing(db_path):
    arts = [article(HARBOUR), article(HARBOUR_REWORDED, outlet="B"), article(OTHER)]
    with Store(db_path) as store:
        write(store, *arts)
        before = store.counts(), store.query("SELECT * FROM stories ORDER BY id")
    with Store(db_path) as store:
        write(store, *arts)
        after = store.counts(), store.query("SELECT * FROM stories ORDER BY id")
    assert before == after


def test_rolled_back_batch_leaves_no_story_and_no_ghost_in_the_index(db_path, monkeypatch):
    first = article(HARBOUR)
    copy = article(["Copy:", *HARBOUR], outlet="Fjord Post")
    with Store(db_path) as store:

        def broken(*args, **kwargs):
            raise RuntimeError("simulated failure while consolidating")

        monkeypatch.setattr("eventwire.store.db.consolidate", broken)
        with pytest.raises(RuntimeError, match="simulated"):
            write(store, first)
        monkeypatch.undo()
        assert store.counts()["articles"] == 0 and store.counts()["article_signatures"] == 0
        write(store, copy)
        # Had the failed batch's article stayed in the index, the copy would join it.
        assert story_of(store, copy) == story_id_for(copy.id)


def test_same_event_and_similar_lead_joins_a_story_that_text_alone_would_not(db_path):
    a = article(
        ["Norway and Iceland signed a mackerel accord in Reykjavik on Monday.", *OTHER],
        title="Norway and Iceland sign mackerel accord",
    )
    b = article(
        [
            "Iceland and Norway signed their mackerel accord in Reykjavik on Monday, "
            "ending years of quarrelling over quotas.",
            "Fishing towns on both coasts held small celebrations in the evening.",
        ],
        title="Mackerel accord signed by Norway and Iceland",
        outlet="Fjord Post",
    )
    c = article(
        ["Norway's king opened a new bridge in Tromso on Monday.", "Crowds lined the road."],
        title="King opens Tromso bridge",
        outlet="Arctic Daily",
    )
    with Store(db_path) as store:
        store.write_batch([(a, result(a, [event(a, 0, "NOR", "ISL", "057")]))])
        store.write_batch([(b, result(b, [event(b, 0, "NOR", "ISL", "057")]))])
        store.write_batch([(c, result(c, [event(c, 0, "NOR", "ISL", "057")]))])
        assert story_of(store, b) == story_of(store, a)
        assert story_of(store, c) == story_id_for(c.id)  # same event key, different lead
        kind = store.query(
            "SELECT match_kind FROM article_signatures WHERE article_id = ?", [b.id]
        )[0]["match_kind"]
    assert kind == "event"


def test_find_story_answers_for_a_text_not_yet_stored(db_path):
    first = article(HARBOUR)
    with Store(db_path) as store:
        write(store, first)
        match = find_story(store, "\n\n".join(HARBOUR_REWORDED), published="2026-05-05")
        assert find_story(store, "\n\n".join(OTHER), published="2026-05-05") is None
    assert match is not None and match.article_id == first.id and match.kind == "rewrite"


def test_thresholds_can_be_set_per_store(db_path):
    strict = StoryConfig(rewrite_jaccard=0.95, rewrite_containment=0.99)
    with Store(db_path, stories=strict) as store:
        write(store, article(HARBOUR), article(HARBOUR_REWORDED, outlet="B"))
        assert store.counts()["stories"] == 2


def test_article_without_text_gets_no_story(db_path):
    empty = Article(id="e0", text="", path="empty.txt", status="skipped", reason="empty")
    with Store(db_path) as store:
        store.write_batch([(empty, result(empty))])
        assert story_of(store, empty) is None


def test_opening_with_another_permutation_count_fails_with_a_clear_error(db_path):
    with Store(db_path) as store:
        write(store, article(HARBOUR))
    with Store(db_path, stories=StoryConfig(num_perm=64)) as store:
        with pytest.raises(StoryConfigError, match=r"E060.*num_perm"):
            write(store, article(OTHER))
        assert store.counts()["articles"] == 1
