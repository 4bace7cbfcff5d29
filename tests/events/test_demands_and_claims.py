"""Regression tests of demands, appeals and claims: who is asked, what a demand noun's
clause asks for, and what a claim noun's clause says (issue 5, third round).

Each sentence is written for the test; none comes from an evaluation set. The packaged
lexicon is used, so the codes are the ones its README documents.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


def test_demanded_thing_is_asked_of_its_from_phrase_or_agent(code) -> None:
    assert triples(code("The Kenyan parliament demanded an apology from Uganda.")) == {
        ("KENLEG", "UGA", "100")
    }
    assert triples(code("The Kenyan parliament demanded Uganda's apology.")) == {
        ("KENLEG", "UGA", "100")
    }


def test_demand_noun_absorbs_the_act_its_clause_asks_for(code) -> None:
    # the demand of an easing of restrictions (1051), not the easing itself
    events = code("Kenya repeated its demand that Uganda ease restrictions on Kenyan traders.")
    assert triples(events) == {("KEN", "UGA", "1051")}
    events = code("Kenya renewed its call for Uganda to release the prisoners.")
    assert triples(events) == {("KEN", "UGA", "0253")}


def test_content_of_an_admission_is_reported(code) -> None:
    events = code(
        "The Kenyan parliament demanded an admission by Uganda that Ugandan troops had "
        "killed Kenyan civilians."
    )
    assert {(e.cameo, e.modality.value) for e in events} == {
        ("100", "asserted"),
        ("190", "reported"),
    }


def test_content_of_a_contested_claim_is_not_coded(code) -> None:
    events = code("The Kenyan ambassador denied charges that his government had helped rebels.")
    assert not [e for e in events if e.cameo.startswith("07")]
    events = code("The Red Cross rejected accusations that it had used radios to aid the rebels.")
    assert not [e for e in events if e.cameo.startswith("07")]


def test_called_on_party_does_the_asked_act(code) -> None:
    # the addressee, not the caller, would mobilise; an addressee that is no actor gives
    # no event rather than the caller's own mobilisation
    assert code("The Kenyan newspaper called on Arabs to mobilize against Ethiopia.") == []
    events = code("Kenya appealed to Uganda to release the prisoners.")
    assert triples(events) == {("KEN", "UGA", "0253")}


def test_protest_is_aimed_at_whom_its_demand_is_made_of(code) -> None:
    events = code(
        "Thousands of Kenyan students staged demonstrations on Monday to demand reforms by "
        "the Kenyan government."
    )
    assert ("KENEDU", "KENGOV", "141") in triples(events)
    events = code("Kenyan farmers began a hunger strike to demand compensation from Uganda.")
    assert triples(events) == {("KENAGR", "UGA", "142"), ("KENAGR", "UGA", "103")}
