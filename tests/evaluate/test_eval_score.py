"""Matching and metrics on hand-made gold records and synthetic events."""

from __future__ import annotations

import pytest

from eventwire.evaluate.score import (
    NONE,
    Prediction,
    align_dyads,
    best_event,
    match_count,
    our_triples,
    penta_class,
    petrarch_code,
    plover_label,
    predicted_penta,
    same_country,
    score_penta,
    score_plover,
    score_triples,
)
from eventwire.evaluate.sets import GoldActor, GoldRecord, GoldTriple
from eventwire.records import Actor, Event, Plover


def actor(code: str, text: str = "", country: str | None = None) -> Actor:
    return Actor(text=text or code, name=text or code, code=code, country=country or code[:3])


def event(
    source: str | None,
    target: str | None,
    cameo: str,
    *,
    confidence: float = 0.5,
    plover: str | None = None,
    source_text: str = "",
    target_text: str = "",
) -> Event:
    return Event(
        id=f"x-e{cameo}",
        sentence="s",
        span=(0, 1),
        text="t",
        source=actor(source, source_text) if source else None,
        target=actor(target, target_text) if target else None,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=1,
        goldstein=0.0,
        plover=Plover(event=plover) if plover else None,
        confidence=confidence,
        rule="test",
    )


def triples_record(
    rid: str, *triples: tuple[str, str, str], error: str | None = None
) -> GoldRecord:
    return GoldRecord(
        id=rid,
        text="A sentence.",
        triples=tuple(GoldTriple(*t) for t in triples),
        noevents=not triples and not error,
        error=error,
    )


def test_match_count_under_each_actor_key_and_level() -> None:
    gold = [("AAAGOV", "BBB", "0331")]
    ours = [("AAAGOVMIL", "BBB", "033")]
    assert match_count(ours, gold, "code", "full") == 0
    assert match_count(ours, gold, "code", "root") == 0
    assert match_count(ours, gold, "country+sector", "full") == 0
    assert match_count(ours, gold, "country+sector", "root") == 1
    assert match_count(ours, gold, "country", "root") == 1


def test_actor_without_country_is_spelled_as_petrarch_spells_it() -> None:
    bare = Actor(text="the mayor", name="mayor", code="GOV", country=None)
    assert petrarch_code(bare) == "---GOV"
    assert petrarch_code(actor("ISRGOV")) == "ISRGOV"
    no_country = event("ISR", None, "084").model_copy(update={"target": bare})
    assert our_triples([no_country]) == [("ISR", "---GOV", "084")]


def test_one_sided_event_matches_only_a_gold_triple_without_target() -> None:
    ours = our_triples([event("CAL", None, "222")])
    assert ours == [("CAL", "---", "222")]
    for blank in ("---", "", " "):
        scores = score_triples(
            [
                Prediction(
                    triples_record("r", ("CAL", blank, "222")),
                    [event("CAL", None, "222")],
                )
            ]
        )
        assert scores.counts[("code", "full")].tp == 1
        assert scores.fully_correct == 1
    # a countryless target is an actor, not "no target", under every actor key
    for key in ("code", "country+sector", "country"):
        assert match_count(ours, [("CAL", "---GOV", "222")], key, "full") == 0
    # and a gold triple without target is not matched by one of ours with a target
    assert match_count([("CAL", "GON", "222")], [("CAL", "---", "222")], "country", "root") == 0


def test_one_sided_event_counts_as_a_prediction() -> None:
    scores = score_triples(
        [
            Prediction(
                triples_record("r", ("AAA", "BBB", "042")),
                [event("AAA", "BBB", "042"), event("AAA", None, "190")],
            )
        ]
    )
    full = scores.counts[("code", "full")]
    assert (full.tp, full.pred, full.gold) == (1, 2, 1)
    assert scores.fully_correct == 0 and scores.non_dyadic == 0
    assert (scores.one_sided.tp, scores.one_sided.pred, scores.one_sided.gold) == (0, 1, 0)


def test_match_count_is_one_to_one() -> None:
    gold = [("AAA", "BBB", "042")]
    ours = [("AAA", "BBB", "042"), ("AAA", "BBB", "042")]
    assert match_count(ours, gold, "code", "full") == 1


def test_align_dyads_prefers_exact_then_root_then_any() -> None:
    gold = [("A", "B", "042"), ("A", "B", "111"), ("C", "D", "190")]
    ours = [("A", "B", "112"), ("A", "B", "042"), ("C", "D", "173"), ("E", "F", "010")]
    assert sorted(align_dyads(ours, gold)) == [("042", "042"), ("111", "112"), ("190", "173")]


def test_triple_scores_precision_recall_fully_correct_and_extras() -> None:
    predictions = [
        # exact: fully correct
        Prediction(triples_record("r1", ("AAA", "BBB", "042")), [event("AAA", "BBB", "042")]),
        # right root, wrong code, plus an extra triple and an event without a source
        Prediction(
            triples_record("r2", ("AAA", "BBB", "111")),
            [event("AAA", "BBB", "112"), event("CCC", "DDD", "010"), event(None, "AAA", "020")],
        ),
        # noevents record with nothing coded: fully correct
        Prediction(triples_record("r3"), []),
        # crash: gold missed, not correct
        Prediction(triples_record("r4", ("EEE", "FFF", "190")), crash="ValueError: boom"),
        # error= record: not scored
        Prediction(triples_record("r5", error="dateline"), [event("AAA", "BBB", "010")]),
    ]
    scores = score_triples(predictions)
    assert (scores.records, scores.scored, scores.crashes) == (5, 4, 1)
    assert scores.fully_correct == 2 and scores.fully_correct_share == pytest.approx(0.5)
    full, root = scores.counts[("code", "full")], scores.counts[("code", "root")]
    assert (full.tp, full.pred, full.gold) == (1, 3, 3)
    assert (root.tp, root.pred, root.gold) == (2, 3, 3)
    assert full.precision == pytest.approx(1 / 3) and root.f1 == pytest.approx(2 / 3)
    assert scores.extra_per_record == pytest.approx(2 / 4)
    assert scores.non_dyadic == 1
    assert scores.error_records == [("r5", "dateline", 1)]
    assert scores.confusion == {("04", "04"): 1, ("11", "11"): 1}
    assert (scores.per_root["11"].tp, scores.per_root["01"].pred, scores.per_root["19"].gold) == (
        1,
        1,
        1,
    )


def test_noevents_record_with_an_event_is_not_correct() -> None:
    scores = score_triples([Prediction(triples_record("r"), [event("AAA", "BBB", "010")])])
    assert scores.fully_correct == 0 and scores.extra_per_record == 1.0


def plover_record(
    event_type: str, sources: list[tuple[str, str]], targets: list[tuple[str, str]]
) -> GoldRecord:
    return GoldRecord(
        id="p",
        text="A sentence.",
        plover_event=event_type,
        sources=tuple(GoldActor(text, code) for text, code in sources),
        targets=tuple(GoldActor(text, code) for text, code in targets),
    )


def test_best_event_prefers_actor_overlap_over_confidence() -> None:
    record = plover_record("ACCUSE", [("Aland ministry", "ALA")], [("Borduria", "BOR")])
    unrelated = event("CCC", "DDD", "111", confidence=0.9, plover="ACCUSE", source_text="Syldavia")
    related = event(
        "ALAGOV", "BOR", "120", confidence=0.3, plover="REJECT",
        source_text="the ministry", target_text="Borduria",
    )  # fmt: skip
    untyped = event(
        "ALA", "BOR", "010", confidence=1.0, source_text="Aland", target_text="Borduria"
    )
    assert best_event([unrelated, related, untyped], record) is related
    assert best_event([unrelated], record) is unrelated  # no overlap: most confident
    assert best_event([untyped], record) is None  # PLOVER drops 01: no typed event


def test_plover_scores_type_accuracy_and_country_accuracy() -> None:
    record = plover_record("ACCUSE", [("Aland", "ALA")], [("Borduria", "BOR")])
    right = event(
        "ALAGOV", "BOR", "111", plover="ACCUSE", source_text="Aland", target_text="Borduria"
    )
    wrong = event("ALA", "SYL", "120", plover="REJECT", source_text="Aland", target_text="Syldavia")
    no_target = plover_record("ASSAULT", [("rebels", "ALA")], [])
    scores = score_plover(
        [Prediction(record, [right]), Prediction(record, [wrong]), Prediction(no_target, [])]
    )
    assert (scores.records, scores.correct, scores.covered) == (3, 1, 2)
    assert scores.accuracy == pytest.approx(1 / 3)
    assert (scores.source_ok, scores.source_total) == (2, 3)
    assert (scores.target_ok, scores.target_total) == (1, 2)
    assert scores.confusion == {
        ("ACCUSE", "ACCUSE"): 1,
        ("ACCUSE", "REJECT"): 1,
        ("ASSAULT", "-"): 1,
    }
    per_type = scores.per_type()
    assert (per_type["ACCUSE"].tp, per_type["ACCUSE"].gold, per_type["REJECT"].pred) == (1, 2, 1)


def test_plover_labels_read_our_types_in_a_sets_merged_labels() -> None:
    # Zero-Shot-PLOVER's YIELD is CONCEDE or RETREAT; its actors carry words, no codes
    record = plover_record("YIELD", [("Aland", "")], [("Borduria", "")])
    retreat = event("ALA", "BOR", "0874", plover="RETREAT", source_text="Aland")
    concede = event("ALA", "BOR", "081", plover="CONCEDE", source_text="Aland")
    agree = event("ALA", "BOR", "030", plover="AGREE", source_text="Aland")
    labels = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
    predictions = [Prediction(record, [e]) for e in (retreat, concede, agree)]
    merged = score_plover(predictions, labels)
    assert (merged.correct, merged.covered) == (2, 3)
    assert merged.confusion == {("YIELD", "YIELD"): 2, ("YIELD", "AGREE"): 1}
    assert (merged.source_total, merged.target_total) == (0, 0)  # no codes: not scored
    assert score_plover(predictions).correct == 0  # without the labels, no type is YIELD
    assert plover_label(None, labels) == NONE


def test_same_country_accepts_country_or_code_prefix() -> None:
    assert same_country(actor("IGOUNO", country="IGO"), "IGOUNO")
    assert same_country(actor("USAGOV"), "USA")
    assert not same_country(actor("USAGOV"), "GBR")
    assert not same_country(None, "USA")


@pytest.mark.parametrize(
    ("root", "cls"),
    [("01", 0), ("02", 0), ("03", 1), ("05", 1), ("06", 2), ("09", 2), ("10", 3), ("13", 3),
     ("16", 3), ("14", 4), ("15", 4), ("17", 4), ("20", 4), ("21", None), ("00", None),
     ("x", None), ("1", None)],
)  # fmt: skip
def test_penta_class_follows_the_sets_annotators_not_quadclass(root: str, cls: int | None) -> None:
    assert penta_class(root) == cls


def test_penta_scores_use_the_most_confident_event_and_count_misses() -> None:
    def record(label: int) -> GoldRecord:
        return GoldRecord(id="c", text="A sentence.", penta=label)

    predictions = [
        Prediction(
            record(3),
            [event("A", "B", "042", confidence=0.2), event("A", "B", "111", confidence=0.8)],
        ),
        Prediction(record(1), [event("A", "B", "190", confidence=0.5)]),
        Prediction(record(4), []),
    ]
    assert predicted_penta(predictions[0].events) == 3
    scores = score_penta(predictions)
    assert (scores.correct, scores.covered, scores.records) == (1, 2, 3)
    assert scores.coverage == pytest.approx(2 / 3)
    per_class = scores.per_class()
    assert (per_class["3"].precision, per_class["4"].recall, per_class["4"].pred) == (1.0, 0.0, 1)
    assert scores.confusion[("4", "-")] == 1


def test_symmetric_event_counts_as_both_directions() -> None:
    met = event("AAA", "BBB", "043").model_copy(update={"rule": "verb:x:1;symmetric"})
    assert sorted(our_triples([met])) == [("AAA", "BBB", "043"), ("BBB", "AAA", "043")]
    gold = [("AAA", "BBB", "043"), ("BBB", "AAA", "043")]
    assert match_count(our_triples([met]), gold, "code", "full") == 2


def test_symmetric_reverse_is_not_added_twice_or_for_one_way_events() -> None:
    there = event("AAA", "BBB", "043").model_copy(update={"rule": "verb:x:1;symmetric"})
    back = event("BBB", "AAA", "043").model_copy(update={"rule": "verb:x:1;symmetric"})
    assert sorted(our_triples([there, back])) == [("AAA", "BBB", "043"), ("BBB", "AAA", "043")]
    one_way = event("AAA", "BBB", "111")  # rule "test": not symmetric
    assert our_triples([one_way]) == [("AAA", "BBB", "111")]
