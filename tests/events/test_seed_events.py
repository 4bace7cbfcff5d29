"""The example article of DESIGN.md (../shared/seed) coded with the packaged lexicon.

The properties asserted are those the events issue asks for; they come from general
rules (nominal "talks between", "make X known" light verbs, calls in reported speech),
not from rules about these sentences.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.api import extract_text
from eventwire.records import Event


@pytest.fixture(scope="module")
def seed_events() -> list[Event]:
    from shared_data import shared_path

    path: Path = shared_path("seed", "000_d88547219a083dac.txt")
    return extract_text(path.read_text(encoding="utf-8"), published="2021-09-01").events


def test_party_talks_are_a_symmetric_consultation(seed_events: list[Event]) -> None:
    talks = [e for e in seed_events if e.cameo_root == "04" and e.target is not None]
    pairs = {(e.source.code, e.target.code) for e in talks}
    assert pairs & {("JPNPTY", "TWNPTY"), ("TWNPTY", "JPNPTY")}
    event = next(e for e in talks if {e.source.code, e.target.code} == {"JPNPTY", "TWNPTY"})
    assert event.rule.endswith(";symmetric")
    assert (event.date, event.date_precision) == ("2021-08-27", "day")


def test_foreign_ministry_reservations_are_disapproval(seed_events: list[Event]) -> None:
    found = [
        e
        for e in seed_events
        if e.cameo_root == "11"
        and e.source.code == "CHNGOV"
        and e.target is not None
        and e.target.country == "JPN"
    ]
    assert found, "China's Foreign Ministry made its reservations known to Tokyo"
    assert found[0].quad_class == 3 and found[0].goldstein < 0


def test_lawmaker_calls_for_taiwan_and_japan_to_stand_together(seed_events: list[Event]) -> None:
    found = [
        e
        for e in seed_events
        if e.cameo_root in ("02", "03")
        and e.source.country == "TWN"
        and e.target is not None
        and e.target.country == "JPN"
    ]
    assert any(e.source.code == "TWNLEG" and e.cameo_root == "02" for e in found)


def test_no_event_turns_on_itself_or_lacks_a_source(seed_events: list[Event]) -> None:
    for event in seed_events:
        assert event.source is not None and event.source.country
        assert event.target is None or event.source.code != event.target.code
        assert event.sentence and event.text
        assert 0.0 <= event.confidence <= 1.0


def test_no_conflict_event_between_the_partners(seed_events: list[Event]) -> None:
    # the article reports Japan and Taiwan cooperating; conflict codes go to China's side
    partners = {"JPN", "TWN"}
    for event in seed_events:
        ends = {event.source.country, event.target.country if event.target else None}
        if ends <= partners:
            assert event.quad_class in (1, 2), event
