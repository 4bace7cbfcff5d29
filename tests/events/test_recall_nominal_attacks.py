"""Nominal acts of force whose target is found in the clause around the noun (issue 5).

"<victims> were killed in an <adjective> air strike", "an air raid by X killed Y",
"X engaged Y in a firefight". Each sentence is written for the test; none comes from an
evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


def test_victims_of_a_passive_harm_verb_are_the_target_of_the_air_strike(code) -> None:
    events = code("Three Lebanese farmers were killed in an Israeli air strike on Tuesday.")
    # the country adjective is the source; the agentless "were killed" twin is dropped
    assert triples(events) == {("ISR", "LBNAGR", "195")}


def test_by_phrase_source_and_subject_of_die_as_victim(code) -> None:
    events = code("Two Israeli soldiers died in a rocket attack by Hamas militants.")
    assert triples(events) == {("PSEREB", "ISRMIL", "194")}


def test_force_noun_as_subject_of_a_harm_verb_targets_its_object(code) -> None:
    # "jets" is no actor: the country that owns them is the source
    events = code("An air raid by Russian jets killed four Syrian civilians.")
    assert triples(events) == {("RUS", "SYRCVL", "195")}


def test_engage_in_a_firefight_is_one_sided(code) -> None:
    events = code("Ukrainian troops engaged Russian forces in a firefight near the border.")
    assert triples(events) == {("UKRMIL", "RUSMIL", "193")}
    assert not events[0].rule.endswith(";symmetric")


def test_country_adjective_on_the_weapon_compound_is_the_source(code) -> None:
    events = code("Two Kenyan policemen were wounded by Somali mortar fire.")
    assert triples(events) == {("SOM", "KENCOP", "193")}


def test_bombing_with_a_by_phrase_replaces_the_agentless_verb_event(code) -> None:
    events = code("Iraqi civilians were wounded in a bombing by insurgents in Baghdad.")
    assert triples(events) == {("IRQINS", "IRQCVL", "183")}


def test_force_noun_outside_a_harm_clause_stays_uncoded(code) -> None:
    # no victim, no target phrase, no light verb: a mention, not a reported attack
    assert code("Analysts discussed the risk of an Iranian missile attack.") == []


def test_a_campaign_against_a_social_ill_is_no_fight(code) -> None:
    assert code("The fight against corruption in Kenya continued.") == []


def test_passive_engage_in_makes_its_subject_the_actor(code) -> None:
    # "ethnic" is an adjective, yet "ethnic cleansing" is looked up before "cleansing"
    events = code("Serbian forces were engaged in ethnic cleansing against Albanian villagers.")
    assert triples(events) == {("SRBMIL", "ALBCVL", "203")}
