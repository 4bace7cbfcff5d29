"""Regression tests of precision (issue 5, precision round): verbs whose political sense
depends on what they act on, particles that make another verb, parties that act each on
their own, and events that are no actors.

Each sentence is written for the test; none comes from an evaluation set or an audit.
The packaged lexicon is used, so the codes are the ones its README documents.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder

from eventwire.errors import DataFileError
from eventwire.events.lexicon import parse_verbs

HEADER = "verb\tparticle\tobj\tprep\tcode\ttarget\tflags\tnote\n"


@pytest.fixture(scope="module")
def code():
    return coder()


def test_release_of_persons_needs_people(code) -> None:
    assert {e.cameo for e in code("Kenya released two Ugandan fishermen.")} == {"0841"}
    assert {e.cameo for e in code("Kenya released dozens of Ugandan activists.")} == {"0841"}
    # results, figures and information are published, not freed
    assert code("The Kenyan government releases the exam results every June.") == []
    events = code("Uganda condemned the release of classified information by Kenya.")
    assert not [e for e in events if e.cameo.startswith("084")]


def test_release_of_a_vessel_is_return_of_property(code) -> None:
    assert triples(code("Kenya released a Ugandan trawler.")) == {("KEN", "UGA", "0842")}


def test_deployment_needs_forces(code) -> None:
    assert {e.cameo for e in code("Kenya deployed warships near the Ugandan coast.")} == {"150"}
    assert code("A Kenyan company deployed an oil rig near the Ugandan coast.") == []


def test_questioning_whether_is_doubt_not_interrogation(code) -> None:
    assert code("Kenyan officials questioned whether Ugandan jets had crossed the border.") == []
    assert {e.cameo for e in code("Kenyan police questioned the suspects.")} == {"091"}


def test_phone_call_needs_someone_called(code) -> None:
    assert {e.cameo for e in code("Kenya called a truce with the rebels.")} == {"0871"}
    events = code("The Kenyan president called his Ugandan counterpart on Monday.")
    assert {e.cameo for e in events} == {"041"}


def test_welcoming_a_thing_is_approval_not_hosting(code) -> None:
    events = code("Kenya welcomed the Ugandan decision.")
    assert {e.cameo for e in events} == {"051"}
    assert {e.cameo for e in code("Kenya welcomed the Ugandan president.")} == {"043"}


def test_own_particle_makes_another_verb(code) -> None:
    # "back down" is yielding, never backing someone (051)
    events = code("Kenya backed down in its dispute with Uganda.")
    assert not [e for e in events if e.cameo.startswith("05")]
    # "up" completes the act: "beat up" is still an assault
    events = code("Kenyan police beat up Ugandan protesters.")
    assert {e.cameo for e in events} == {"182"}


def test_parties_acting_on_things_of_their_own_are_no_pair(code) -> None:
    # each invests in its own economy: no cooperation between them
    assert code("Kenya and Uganda are investing heavily in their creative industries.") == []
    events = code("Kenya and Uganda agreed to cooperate.")
    assert triples(events) == {("KEN", "UGA", "030")}


def test_a_relation_between_the_parties_keeps_them_a_pair(code) -> None:
    # a partnership or ties are between them: deepening one is acting with each other
    found = code("Kenya and Uganda are seeking to deepen their partnership in energy.")
    assert triples(found) == {("KEN", "UGA", "030")}
    assert all(e.rule.endswith(";symmetric") for e in found)


def test_an_event_noun_subject_does_not_act(code) -> None:
    # the visit offers nothing to anyone; its modifier is no source
    assert code("The Kenya visit offers a challenge for the Ugandan president.") == []


def test_row_flags_of_what_is_acted_on_are_validated() -> None:
    with pytest.raises(DataFileError, match="at most one"):
        parse_verbs(HEADER + "free\t\t\t\t0841\tobj\tpersons,forces\tx\n", "verbs.tsv")
    # a row for people and the plain row of the same words are two patterns
    rows = parse_verbs(
        HEADER + "welcome\t\t\t\t043\tobj\tpersons\tx\nwelcome\t\t\t\t051\tobj\t\tx\n",
        "verbs.tsv",
    )
    assert [(r.code, r.acts_on) for r in rows] == [("043", "persons"), ("051", None)]


def test_a_weapon_system_named_by_its_head_is_a_force(code) -> None:
    # the object's head is "shield": the forces list must name it, not only "missile"
    assert {e.cameo for e in code("Kenya is deploying a missile shield on its coast.")} == {"150"}
    assert {e.cameo for e in code("Kenyan police deployed water cannon at the border.")} == {"150"}


def test_markets_and_money_do_not_act_for_the_state_that_modifies_them(code) -> None:
    # "rallied" is a demonstration (141) only when people rally
    assert code("Kenyan and Ugandan government bonds rallied on Friday.") == []
    assert code("The Ugandan shilling weakened after Kenya threatened Uganda.") != []
    assert triples(code("Ugandan shares fell as Kenya threatened Uganda.")) == {
        ("KEN", "UGA", "130")
    }


def test_a_single_officer_who_travels_visits(code) -> None:
    # troops arriving are a deployment (150); one general arriving is a visit (042)
    found = triples(code("General Okello of the Ugandan army flew to Nairobi on Monday."))
    assert {c for _, _, c in found} == {"042"}
    assert {e.cameo for e in code("Ugandan troops arrived in Kenya on Monday.")} == {"150"}
