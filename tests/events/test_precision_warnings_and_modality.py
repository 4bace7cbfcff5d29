"""Regression tests of precision (issue 5, precision round): when a warning is a threat,
declining to comment, and acts told as counterfactual or under an inverted condition.

Each sentence is written for the test; none comes from an evaluation set or an audit.
The packaged lexicon is used, so the codes are the ones its README documents.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


def test_warning_of_the_warners_own_act_is_a_threat(code) -> None:
    events = code("Kenya warned Uganda that it would close the border.")
    assert {e.cameo[:2] for e in events} == {"13"}
    assert triples(code("Kenya warned Uganda of serious consequences.")) <= {
        ("KEN", "UGA", "130"),
        ("KEN", None, "130"),
    }


def test_warning_that_something_else_will_happen_is_no_threat(code) -> None:
    # a forecast of what others or events bring: a pessimistic comment (012), which as a
    # statement is kept only with an addressee
    assert code("The Kenyan health minister warned that the death toll could rise.") == []
    events = code("Kenya warned Uganda that the floods could spread.")
    assert triples(events) == {("KEN", "UGA", "012")}


def test_warning_to_do_something_is_advice(code) -> None:
    events = code("The Kenyan president warned Uganda not to deploy troops on the border.")
    assert {e.cameo[:2] for e in events} == {"02"}
    assert {(e.source.country, e.target.country) for e in events} == {("KEN", "UGA")}


def test_declining_to_comment_is_decline_comment(code) -> None:
    # CAMEO 011, kept without a target; never a rejection (12)
    for text in (
        "The Kenyan foreign ministry declined to comment on the report.",
        "Kenyan officials declined to confirm the figures.",
        "The Kenyan government declined an invitation to discuss the case.",
        "The Kenyan police refused to give details of the arrests.",
    ):
        assert {e.cameo for e in code(text)} == {"011"}, text


def test_refusing_to_answer_a_demand_stays_a_rejection(code) -> None:
    events = code("Kenya refused to meet Ugandan officials.")
    assert {e.cameo[:2] for e in events} == {"12"}


def test_counterfactual_act_is_hypothetical(code) -> None:
    events = code("Without the treaty, Kenya would have attacked Uganda.")
    assert {(e.cameo, e.modality.value) for e in events} == {("190", "hypothetical")}


def test_act_in_an_inverted_condition_is_hypothetical(code) -> None:
    events = code("Had Kenya attacked Uganda, the region would have collapsed.")
    assert {e.modality.value for e in events} == {"hypothetical"}


def test_event_noun_under_a_counterfactual_verb_is_not_asserted(code) -> None:
    # thousands would have died in an invasion: no invasion happened, so with no source
    # named no event is kept
    assert code("Thousands of Ugandan soldiers would have died in an invasion of Kenya.") == []


def test_warning_of_what_follows_a_condition_is_a_threat(code) -> None:
    events = code("Kenya warned Uganda that if Ugandan troops crossed the border, they would pay.")
    assert triples(events) == {("KEN", "UGA", "130")}


def test_modal_of_a_remote_verb_leaves_an_event_noun_asserted(code) -> None:
    # the senator's possible misreading does not make the invasion hypothetical: only
    # what the modal verb itself acts on or through is
    events = code("A Kenyan senator may have misread the report on the Ugandan invasion of Kenya.")
    assert {(e.cameo, e.modality.value) for e in events if e.cameo == "192"} == {
        ("192", "asserted")
    }
