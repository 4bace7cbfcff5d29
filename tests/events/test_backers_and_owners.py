"""Backers, owners and sector-only targets in the event coder (issue 5): a group acting on
people of no country stays a one-sided event, the country of an "X-backed" group is its
backer and not the actor, and a nationality adjective on a claim or demand noun names
the noun's owner.

Each sentence is written for the test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


# ------------------------------------------------- sector-only targets of countryless groups


def test_group_freeing_people_of_no_country_is_one_sided(code) -> None:
    assert triples(code("The rebels freed forty villagers.")) == {("REB", None, "0841")}


def test_group_attacking_civilians_is_one_sided(code) -> None:
    assert triples(code("Insurgents attacked civilians near the market.")) == {("INS", None, "190")}


def test_target_with_a_country_is_kept(code) -> None:
    events = code("The rebels ambushed Nigerian soldiers.")
    assert {(e.source.code, e.target.country if e.target else None) for e in events} == {
        ("REB", "NGA")
    }


def test_addressed_event_with_a_sector_only_target_is_still_dropped(code) -> None:
    # a meeting needs its partner: two actors of no country say too little
    assert code("The rebels met the students.") == []


# ------------------------------------------------- backers of a group are not the actor


@pytest.mark.parametrize(
    "text",
    [
        "Iran-backed militias attacked the base.",
        "Iranian-backed militias attacked the base.",
        "Iran-funded rebels attacked a convoy.",
    ],
)
def test_backer_country_is_not_the_source(code, text: str) -> None:
    sources = {(e.source.code, e.source.country) for e in code(text) if e.source}
    assert sources
    assert all(country != "IRN" for _, country in sources)


def test_backed_group_takes_the_country_of_its_place(code) -> None:
    events = code("Iran-backed militias in Iraq attacked the base.")
    assert {e.source.country for e in events if e.source} == {"IRQ"}


def test_backed_separatists_act_on_a_state_without_their_backer(code) -> None:
    events = code("Russia-backed separatists shelled Ukrainian troops.")
    assert {(e.source.code, e.target.country if e.target else None) for e in events} == {
        ("SEP", "UKR")
    }


# ------------------------------------------------- nationality adjectives on owned nouns


def test_adjective_on_a_claim_noun_is_the_target_of_a_rejection(code) -> None:
    assert triples(code("Pakistan rejected Indian claims.")) == {("PAK", "IND", "120")}


def test_adjective_on_an_ordinary_noun_is_no_target(code) -> None:
    events = code("Kenya rejected Indian food.")
    assert events
    assert all(e.target is None or e.target.country != "IND" for e in events)


def test_adjective_on_a_policy_noun_is_the_target_of_criticism(code) -> None:
    events = code("Brazil criticised American policy.")
    assert ("BRA", "USA") in {(e.source.code, e.target.code if e.target else None) for e in events}


def test_pressure_as_a_state_of_affairs_is_no_event(code) -> None:
    # "military pressure on X" describes a standing situation, not a demand made at a
    # time; a careful coder gives it no event (the verb "pressured X to" is coded)
    assert not triples(code("Experts say Chinese military pressure on Taiwan has grown."))


def test_adjective_on_a_demand_noun_is_its_source(code) -> None:
    assert ("USA", "EGY", "100") in triples(code("American demands on Egypt increased."))


def test_organised_target_of_no_country_still_drops_the_pair(code) -> None:
    # whose police? the keep rules drop two organised actors of no country
    assert code("Militants attacked the police.") == []
