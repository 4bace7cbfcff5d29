"""Regression tests of the general mechanisms that raise the event coder's recall (issue 5).

Each sentence is written for the test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


def test_country_adjective_on_the_object_is_the_target(code) -> None:
    # a vessel is property: its release is 0842 (codebook 0841 is persons)
    assert triples(code("Italy released a Tunisian trawler.")) == {("ITA", "TUN", "0842")}


def test_country_adjective_on_an_unknown_subject_is_the_source(code) -> None:
    # "warplanes" is in no actor list; the country that owns them is the source
    events = code("Turkish warplanes bombed Kurdish villages.")
    assert [(e.source.code, e.cameo) for e in events] == [("TUR", "183")]


def test_armed_group_without_country_acts_on_a_state_actor(code) -> None:
    assert triples(code("Rebels attacked Malian soldiers.")) == {("REB", "MLIMIL", "190")}
    # two actors of no country: nothing to code
    assert code("Rebels attacked the police.") == []


def test_generic_agent_without_country_stays_no_source(code) -> None:
    assert code("Experts praised Malian soldiers.") == []


def test_light_verb_carries_a_force_noun_without_its_preposition(code) -> None:
    # "in Chad" names where the attack hits, so the country attacked
    assert triples(code("Nigeria launched an attack in Chad.")) == {("NGA", "TCD", "190")}


def test_country_of_what_is_attacked_is_the_target(code) -> None:
    events = code("Nigeria carried out attacks against rebel camps in Chad.")
    assert triples(events) == {("NGA", "TCD", "190")}


def test_force_takes_its_target_from_at_and_on(code) -> None:
    assert triples(code("Militants fired at Pakistani police.")) == {("REB", "PAKCOP", "193")}


def test_object_pattern_matches_when_the_target_phrase_sits_on_a_participle(code) -> None:
    events = code("The United States lifted the sanctions imposed on Cuba.")
    assert triples(events) == {("USA", "CUB", "085")}


def test_object_pattern_matches_without_its_preposition(code) -> None:
    assert triples(code("Japan provided aid.")) == {("JPN", None, "070")}


def test_asserted_event_without_coded_target_keeps_a_blank_target(code) -> None:
    assert triples(code("Colombia criticised the plan.")) == {("COL", None, "111")}


def test_unasserted_or_addressed_event_without_target_is_dropped(code) -> None:
    assert code("Colombia might criticise the plan.") == []
    assert code("Colombia urged calm.") == []


def test_reported_event_without_coded_target_keeps_a_blank_target(code) -> None:
    # what a report says happened is kept as reported, like an asserted event
    events = code("Colombia said that Peru had criticised the plan.")
    assert [(e.source.code, e.target, e.cameo, e.modality.value) for e in events] == [
        ("PER", None, "111", "reported")
    ]


def test_light_verb_subject_owned_by_a_country_is_the_source(code) -> None:
    # "conduct" has no verb pattern for attacks: the noun is coded through its light verb
    events = code("Turkish jets conducted airstrikes on Syria.")
    assert triples(events) == {("TUR", "SYR", "195")}


def test_infinitive_event_without_target_is_not_asserted_as_done(code) -> None:
    # Japan has not resumed anything: the talks are only asked for
    events = code("Canada pushed for Japan to resume talks.")
    assert all(not (e.source.code == "JPN" and e.target is None) for e in events)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Norway gave tents to Yemen.", {("NOR", "YEM", "070")}),
        ("Peru returned the paintings to Italy.", {("PER", "ITA", "0842")}),
        ("Ghana contributed troops to the mission in Mali.", {("GHA", None, "074")}),
        ("Chile strengthened ties with Bolivia.", {("CHL", "BOL", "030")}),
    ],
)
def test_lexicon_rows_for_common_aid_and_cooperation_verbs(code, sentence, expected) -> None:
    assert triples(code(sentence)) == expected
