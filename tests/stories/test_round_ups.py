"""Round-ups (one article made of two reports) must not glue two stories together."""

from __future__ import annotations

from story_helpers import HARBOUR, HARBOUR_REWORDED, article, result

from eventwire.records import Article
from eventwire.store import Store
from eventwire.stories import StoryConfig
from eventwire.stories.match import Features, partial, story_part

CONFIG = StoryConfig()

# A second invented report, four paragraphs, on an unrelated subject.
BRIDGE = [
    "Engineers in Lisbon closed the old river bridge to lorries on Tuesday after a routine "
    "survey found cracks in two of its steel supports, the city's transport office said in "
    "a statement issued shortly before the evening rush hour began.",
    "Buses and cars may still cross at reduced speed, but heavy vehicles must now use the "
    "motorway ring to the north, which adds about forty minutes to the journey for hauliers "
    "bringing goods from the port to the southern suburbs.",
    "The mayor said repairs would start next month and should take about half a year, and "
    "that the national government had promised to pay most of the bill from a fund set "
    "aside for ageing roads and railways across the country.",
    "Hauliers' associations complained that they had been given only a day of warning and "
    "asked the city to open a temporary crossing for lorries at night while the work is "
    "carried out on the damaged supports.",
]


def story(store: Store, art: Article) -> str:
    return store.query("SELECT story_id FROM articles WHERE id = ?", [art.id])[0]["story_id"]


def test_later_copies_of_the_second_story_do_not_join_through_a_round_up(db_path):
    harbour = article(HARBOUR, published="2026-05-04")
    round_up = article(
        [*HARBOUR[:3], "In other news:", *BRIDGE[:2]], published="2026-05-05", outlet="Digest"
    )
    bridge_trimmed = article(BRIDGE[:2], published="2026-05-05", outlet="Pocket")
    bridge = article(BRIDGE, published="2026-05-05", outlet="Lisbon Daily")
    with Store(db_path) as store:
        store.write_batch([(harbour, result(harbour))])
        # In one batch the round-up comes first, before any report of the bridge story.
        store.write_batch([(a, result(a)) for a in (round_up, bridge_trimmed, bridge)])
        assert story(store, round_up) == story(store, harbour)
        assert story(store, bridge_trimmed) != story(store, harbour)
        assert story(store, bridge) == story(store, bridge_trimmed)


def test_round_up_glue_is_refused_across_batches_too(db_path):
    harbour = article(HARBOUR, published="2026-05-04")
    round_up = article([*HARBOUR[:3], *BRIDGE[:2]], published="2026-05-05", outlet="Digest")
    bridge = article(BRIDGE, published="2026-05-05", outlet="Lisbon Daily")
    with Store(db_path) as store:
        for art in (harbour, round_up, bridge):  # each in its own batch: rows come from the db
            store.write_batch([(art, result(art))])
        assert story(store, round_up) == story(store, harbour)
        assert story(store, bridge) != story(store, harbour)


def test_round_up_joins_the_story_most_of_its_text_comes_from(db_path):
    # A trimmed copy of the bridge story lies wholly inside the round-up, but most of
    # the round-up's text is the harbour story.
    harbour = article(HARBOUR, published="2026-05-04")
    bridge_trimmed = article(BRIDGE[:2], published="2026-05-04", outlet="Pocket")
    round_up = article([*HARBOUR[:3], *BRIDGE[:2]], published="2026-05-05", outlet="Digest")
    with Store(db_path) as store:
        store.write_batch([(a, result(a)) for a in (harbour, bridge_trimmed, round_up)])
        assert story(store, round_up) == story(store, harbour)


def test_full_copies_after_a_trimmed_one_still_find_each_other(db_path):
    # The full text arriving after its trimmed copy is a partial member at first; a
    # second full copy and a reworded one must still join (recall is kept).
    trimmed = article(HARBOUR[:2], published="2026-05-04", outlet="Pocket")
    full = article(HARBOUR, published="2026-05-04", outlet="North Wire")
    reprint = article(["By a staff reporter", *HARBOUR], published="2026-05-04", outlet="Fjord")
    reworded = article(HARBOUR_REWORDED, published="2026-05-05", outlet="Other Desk")
    with Store(db_path) as store:
        store.write_batch([(a, result(a)) for a in (trimmed, full, reprint, reworded)])
        assert len({story(store, a) for a in (trimmed, full, reprint, reworded)}) == 1


def features(paragraphs: list[str]) -> Features:
    return Features.of("\n\n".join(paragraphs), CONFIG)


def test_a_member_is_partial_only_when_its_match_covers_little_of_it():
    round_up, harbour = features([*HARBOUR[:2], *BRIDGE]), features(HARBOUR)
    assert partial(round_up, "contained", harbour, CONFIG)
    assert not partial(features(["Reprinted:", *HARBOUR]), "copy", harbour, CONFIG)
    # Reworded and first members are not judged by shingles.
    assert not partial(round_up, "rewrite", harbour, CONFIG)
    assert not partial(round_up, None, harbour, CONFIG)


def test_story_part_keeps_only_text_shared_with_other_members():
    round_up = features([*HARBOUR[:2], *BRIDGE])
    part = story_part(round_up, [features(HARBOUR), features(HARBOUR[:1])])
    assert part.shingles == round_up.shingles & features(HARBOUR).shingles
    assert not part.shingles & features(BRIDGE).shingles
    assert story_part(round_up, []).shingles == frozenset()
