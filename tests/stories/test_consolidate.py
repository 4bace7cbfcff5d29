"""Event reports fold into consolidated events, with every report kept as a mention."""

from __future__ import annotations

from datetime import date

from story_helpers import HARBOUR, HARBOUR_REWORDED, OTHER, article, event, result

from eventwire.store import Store
from eventwire.stories import largest_stories, top_events
from eventwire.stories.consolidate import Report, group_reports


def clusters(store: Store) -> list[dict]:
    return store.query(
        "SELECT source_code, target_code, cameo_root, cameo, date, first_seen, last_seen,"
        " mentions, articles, outlets, story_id FROM event_clusters ORDER BY cameo, date"
    )


def test_reports_of_one_event_in_copies_become_one_event_with_counts(db_path):
    a = article(HARBOUR, outlet="North Wire", published="2026-05-04")
    b = article(["By a staff reporter", *HARBOUR], outlet="Fjord Post", published="2026-05-04")
    with Store(db_path) as store:
        store.write_batch(
            [
                (a, result(a, [event(a, 0, "NOR", "ISL", "036", date="2026-05-04")])),
                (b, result(b, [event(b, 0, "NOR", "ISL", "036", date="2026-05-04")])),
            ]
        )
        rows = clusters(store)
        mentions = store.query("SELECT * FROM event_mentions ORDER BY event_id")
    assert len(rows) == 1
    assert rows[0]["mentions"] == 2 and rows[0]["articles"] == 2 and rows[0]["outlets"] == 2
    assert rows[0]["date"] == date(2026, 5, 4)
    assert {m["article_id"] for m in mentions} == {a.id, b.id}
    assert all(m["sentence"] and m["span_end"] > m["span_start"] for m in mentions)


def test_counts_update_when_a_later_article_reports_the_event(db_path):
    a = article(HARBOUR, outlet="North Wire", published="2026-05-04")
    later = article(HARBOUR_REWORDED, outlet="Fjord Post", published="2026-05-05")
    with Store(db_path) as store:
        store.write_batch([(a, result(a, [event(a, 0, "NOR", "ISL", "036", date="2026-05-04")]))])
        assert clusters(store)[0]["mentions"] == 1
    with Store(db_path) as store:
        store.write_batch(
            [(later, result(later, [event(later, 0, "NOR", "ISL", "036", date="2026-05-04")]))]
        )
        rows = clusters(store)
    assert len(rows) == 1
    assert (rows[0]["mentions"], rows[0]["articles"], rows[0]["outlets"]) == (2, 2, 2)
    assert rows[0]["first_seen"] == "2026-05-04" and rows[0]["last_seen"] == "2026-05-05"


def test_other_root_other_dyad_distant_day_or_other_story_stay_apart(db_path):
    a = article(HARBOUR, published="2026-05-04")
    o = article(OTHER, published="2026-05-04")
    events = [
        event(a, 0, "NOR", "ISL", "036", date="2026-05-04"),
        event(a, 1, "NOR", "ISL", "043", date="2026-05-04"),  # other CAMEO root
        event(a, 2, "ISL", "NOR", "036", date="2026-05-04"),  # other direction
        event(a, 3, "NOR", "ISL", "036", date="2026-05-20"),  # outside the window
    ]
    with Store(db_path) as store:
        store.write_batch(
            [
                (a, result(a, events)),
                (o, result(o, [event(o, 0, "NOR", "ISL", "036", date="2026-05-04")])),
            ]
        )
        rows = clusters(store)
    assert len(rows) == 5
    assert all(r["mentions"] == 1 for r in rows)


def test_negated_reports_are_not_counted(db_path):
    a = article(HARBOUR)
    with Store(db_path) as store:
        store.write_batch([(a, result(a, [event(a, 0, "NOR", "ISL", "036", negated=True)]))])
        assert store.counts()["event_clusters"] == 0 and store.counts()["events"] == 1


def test_most_frequent_cameo_code_names_the_event(db_path):
    a = article(HARBOUR, published="2026-05-04")
    b = article(["Copy:", *HARBOUR], outlet="B", published="2026-05-04")
    c = article(["Second copy:", *HARBOUR], outlet="C", published="2026-05-04")
    with Store(db_path) as store:
        store.write_batch(
            [
                (a, result(a, [event(a, 0, "NOR", "ISL", "036")])),
                (b, result(b, [event(b, 0, "NOR", "ISL", "031")])),
                (c, result(c, [event(c, 0, "NOR", "ISL", "031")])),
            ]
        )
        rows = clusters(store)
    assert [(r["cameo_root"], r["cameo"], r["mentions"]) for r in rows] == [("03", "031", 3)]


def test_rerunning_the_same_input_changes_no_cluster(db_path):
    a = article(HARBOUR, published="2026-05-04")
    b = article(HARBOUR_REWORDED, outlet="B", published="2026-05-05")
    batch = [
        (a, result(a, [event(a, 0, "NOR", "ISL", "036", date="2026-05-04")])),
        (b, result(b, [event(b, 0, "NOR", "ISL", "036", date="2026-05-04")])),
    ]
    with Store(db_path) as store:
        store.write_batch(batch)
        before = store.query("SELECT * FROM event_clusters"), store.counts()
        store.write_batch(batch)
        after = store.query("SELECT * FROM event_clusters"), store.counts()
    assert before == after


def _report(n: int, day: date | None, root: str = "03") -> Report:
    return Report(
        id=f"e{n}",
        article_id=f"a{n}",
        story_id="s",
        source_code="NOR",
        target_code="ISL",
        cameo_root=root,
        cameo=root + "6",
        day=day,
        goldstein=1.0,
        quad_class=1,
        sentence="s",
        span_start=0,
        span_end=1,
        outlet=None,
        published=None,
    )


def test_window_is_counted_from_the_first_report_of_a_group():
    days = [date(2026, 5, d) for d in (1, 2, 3, 4, 5)]
    groups = group_reports([_report(n, d) for n, d in enumerate(days)], window_days=2)
    # 1–3 May within two days of 1 May; 4 May starts a new event, 5 May joins it.
    assert [[r.id for r in g] for g in groups] == [["e0", "e1", "e2"], ["e3", "e4"]]


def test_undated_reports_group_together_apart_from_dated_ones():
    reports = [_report(0, None), _report(1, None), _report(2, date(2026, 5, 1))]
    assert [len(g) for g in group_reports(reports, window_days=2)] == [2, 1]


def test_overviews_list_largest_stories_and_most_reported_events(db_path):
    a = article(HARBOUR, outlet="North Wire", published="2026-05-04")
    b = article(["By a staff reporter", *HARBOUR], outlet="Fjord Post", published="2026-05-04")
    o = article(OTHER, published="2026-05-06")
    with Store(db_path) as store:
        store.write_batch(
            [
                (a, result(a, [event(a, 0, "NOR", "ISL", "036", date="2026-05-04")])),
                (b, result(b, [event(b, 0, "NOR", "ISL", "036", date="2026-05-04")])),
                (o, result(o, [event(o, 0, "DNK", "DNK", "173")])),
            ]
        )
        stories = largest_stories(store)
        events = top_events(store, limit=1)
    assert [(s["articles"], s["outlets"]) for s in stories] == [(2, 2)]
    assert events[0]["mentions"] == 2 and events[0]["sentence"].startswith("Officials")


def test_goldstein_mean_skips_reports_a_dictionary_code_left_without_one():
    from dataclasses import replace

    from eventwire.stories.consolidate import cluster_row

    known = _report(0, date(2026, 5, 1))
    unknown = replace(_report(1, date(2026, 5, 1)), goldstein=None, quad_class=None)
    row = cluster_row([known, unknown])
    assert row[-2:] == (1.0, 1)  # the mean of the one report that has a score
    only_unknown = cluster_row([replace(unknown, id="e2")])
    assert only_unknown[-2:] == (None, None)
