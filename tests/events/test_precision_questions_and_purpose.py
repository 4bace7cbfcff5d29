"""Regression tests of precision (issue 5, third precision round): acts asked about or
guessed at, acts told as a purpose, verbal attacks, nouns the subject has rather than
does, and an object that names the event when its preposition is missing.

Each sentence is written for the test; none comes from an evaluation set or an audit.
The packaged lexicon is used, so the codes are the ones its README documents.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder

from eventwire.records import Modality


@pytest.fixture(scope="module")
def code():
    return coder()


def test_an_act_asked_about_is_not_told(code) -> None:
    # an indirect question (whether, or a question word with a modal) and a direct one
    for text in (
        "Reporters asked whether Kenya would impose sanctions on Uganda.",
        "Nobody knows what sanctions Kenya will impose on Uganda.",
        "Will Kenya impose sanctions on Uganda?",
    ):
        events = code(text)
        assert all(e.modality is Modality.HYPOTHETICAL for e in events), text


def test_a_question_word_without_a_modal_takes_the_act_as_given(code) -> None:
    # "asked why X expelled Y" presupposes the expulsion
    events = code("Uganda asked why Kenya had expelled two Ugandan diplomats.")
    assert ("KEN", "UGAGOV", "161") in triples(events)
    assert {e.modality for e in events} == {Modality.ASSERTED}  # and no appeal by Uganda


def test_a_guess_or_hope_about_another_actor_is_hypothetical(code) -> None:
    for text in (
        "The Kenyan government hopes Uganda will lift the embargo.",
        "Kenya is likely to recognise the new Ugandan government.",
    ):
        events = code(text)
        assert events == [] or all(e.modality is Modality.HYPOTHETICAL for e in events), text


def test_a_hostile_act_told_as_a_purpose_is_only_intended(code) -> None:
    events = code("Kenya sent warships to blockade the Ugandan port.")
    hostile = [e for e in events if e.cameo[:2] in {"13", "16", "17", "18", "19", "20"}]
    assert hostile and all(e.modality is not Modality.ASSERTED for e in hostile)
    events = code("The Kenyan move to condemn Uganda failed at the United Nations.")
    assert all(e.modality is not Modality.ASSERTED for e in events)


def test_a_cooperative_act_told_as_a_purpose_is_done(code) -> None:
    # sending doctors is the help: asserted, not an intent (033)
    events = code("Kenya sent doctors to help Uganda.")
    assert ("KEN", "UGA", "070") in triples(events)
    assert all(e.modality is Modality.ASSERTED for e in events)


def test_an_attack_on_a_policy_or_in_a_speech_is_criticism(code) -> None:
    assert triples(code("Kenya attacked the proposed Ugandan sanctions.")) <= {
        ("KEN", "UGA", "111"),
        ("KEN", None, "111"),
    }
    events = code("In a speech on Monday the Kenyan president attacked Uganda.")
    assert {e.cameo for e in events} == {"111"}


def test_an_attack_by_forces_stays_force(code) -> None:
    events = code("Kenyan troops attacked Ugandan positions near the border.")
    assert {e.cameo for e in events} == {"190"}


def test_a_noun_the_subject_has_is_not_its_act(code) -> None:
    # "have the support of X" is X's support; "had a tariff" a standing policy
    assert all(
        e.source is None or e.source.country != "KEN"
        for e in code("Kenya will have the support of Uganda in the council.")
    )
    assert code("In the 1950s Kenya had a 30% tariff on imported cars.") == []
    # with a partner named, "have" carries the subject's act
    assert ("KEN", "UGA", "046") in triples(code("Kenya had talks with Uganda on Monday."))


def test_an_object_naming_the_event_wins_over_a_bare_row(code) -> None:
    # "struck deals" is no act of force, even with no partner named
    events = code("Kenya struck deals for new oil pipelines last year.")
    assert all(e.cameo[:2] != "19" for e in events)
