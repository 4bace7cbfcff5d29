"""Regression tests of commitments, demands and subject shapes (issue 5, second round).

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


def test_agreement_to_an_uncoded_act_is_intent_between_the_parties(code) -> None:
    # "build a bridge" is no event; the two parties' agreement is, one event per pair
    events = code("Norway and Chile agreed to build a bridge.")
    assert triples(events) == {("NOR", "CHL", "030")}
    assert events[0].rule.endswith(";symmetric")


def test_promise_without_partner_is_the_subjects_own_commitment(code) -> None:
    assert triples(code("Peru promised to build new schools.")) == {("PER", None, "030")}


@pytest.mark.parametrize(
    "sentence",
    [
        "The opposition parties of Peru strongly agree.",
        "Chile offers something else entirely.",
        "The Peruvian president offered prayers for the victims.",
        "The opposition in Peru vowed that the ruling party will pay a price.",
    ],
)
def test_intent_verb_that_promises_nothing_is_no_event_alone(code, sentence: str) -> None:
    # the generic 030 with no partner needs an infinitive or a to/on phrase saying what
    # is promised; a thing offered, a bare agreement or a prediction commits to nothing
    assert code(sentence) == []


def test_commitment_named_by_the_object_is_kept_alone(code) -> None:
    events = code("Peru reiterated its commitment to build new schools.")
    assert {(e.source.country, e.target, e.cameo[:2]) for e in events} == {("PER", None, "03")}


def test_offered_concessions_are_intent_to_yield(code) -> None:
    assert triples(code("Chile offered concessions to Peru.")) == {("CHL", "PER", "035")}


def test_agreement_to_a_coded_act_is_the_intent_to_do_it(code) -> None:
    # the embedded event gives the code, its intended modality the 03 counterpart
    events = code("Norway agreed to meet Chile.")
    assert triples(events) == {("NOR", "CHL", "036")}


def test_intended_act_takes_its_intent_code(code) -> None:
    assert triples(code("Chile will give Peru a loan.")) == {("CHL", "PER", "0331")}
    # a promise not to act is the codebook's rejection (1221: reject economic aid) ...
    events = code("Chile will not give Peru a loan.")
    assert [(e.cameo, e.negated) for e in events] == [("1221", False)]
    # ... while an act not done stays the act, negated
    events = code("Chile did not give Peru a loan.")
    assert [(e.cameo, e.negated) for e in events] == [("071", True)]


def test_demand_that_names_its_addressee_in_the_clause(code) -> None:
    events = code("Canada demanded that Chile repay the loan.")
    assert triples(events) == {("CAN", "CHL", "100")}


def test_insisting_on_a_fact_is_no_demand(code) -> None:
    assert code("Canada insisted that Chile is a reliable partner.") == []


def test_list_read_as_apposition_is_still_a_list(code) -> None:
    events = code("The US, Peru, and Bolivia met on Friday.")
    assert triples(events) == {("USA", "PER", "040"), ("USA", "BOL", "040"), ("PER", "BOL", "040")}


def test_counted_group_is_the_subject(code) -> None:
    events = code("Thousands of Chilean students demonstrated in Santiago.")
    assert [(e.source.country, e.target, e.cameo[:2]) for e in events] == [("CHL", None, "14")]


def test_framing_noun_lets_its_of_phrase_match_the_pattern(code) -> None:
    events = code("Peru lifted a state of emergency on Monday.")
    assert triples(events) == {("PER", None, "0814")}


def test_hostile_act_promised_on_a_condition_is_a_threat(code) -> None:
    events = code("Chile will impose sanctions on Peru unless Lima frees the prisoners.")
    assert ("CHL", "PER", "1312") in triples(events)


def test_commitment_with_an_object_but_no_partner_is_kept(code) -> None:
    # "will allow inspectors" is the intent to allow international involvement (0355)
    events = code("Iraq will allow the return of weapons inspectors.")
    assert triples(events) == {("IRQ", None, "0355")}


def test_demand_with_an_object_is_a_demand_to_its_of_phrase(code) -> None:
    # "demanded a meeting" names what is asked; "of X" names who is asked
    events = code("Peru demanded a meeting of the UN Security Council.")
    assert [(e.source.code, e.target.country, e.cameo) for e in events] == [("PER", "UNO", "106")]


def test_purpose_clause_is_done_by_the_subject(code) -> None:
    # "used X to disperse": the police disperse, not the gas
    events = code("Chilean police used water cannon to disperse the crowd.")
    assert [(e.source.code, e.cameo) for e in events] == [("CHLCOP", "175")]


def test_commitment_reached_through_control_keeps_its_subject(code) -> None:
    events = code("Bolivia agreed to allow humanitarian access to the region.")
    assert triples(events) == {("BOL", None, "0355")}


def test_refusal_without_partner_is_the_subjects_own_rejection(code) -> None:
    # "will not accept refugees": the rejection of humanitarian aid (1223), blank target
    assert triples(code("Chile will not accept refugees.")) == {("CHL", None, "1223")}


def test_compound_of_an_effort_noun_names_the_activity(code) -> None:
    events = code("Chilean officials ended mediation efforts on Monday.")
    assert [(e.source.code, e.cameo) for e in events] == [("CHLGOV", "165")]


def test_conflictual_act_told_in_the_future_is_a_threat(code) -> None:
    # codebook, 130: "'will attack' is coded as 'Threaten to attack'"
    assert triples(code("Chile will impose sanctions on Peru.")) == {("CHL", "PER", "1312")}
    assert triples(code("Chile plans new sanctions against Peru.")) == {("CHL", "PER", "1312")}
    events = code("Bolivia said it would boycott Peruvian goods.")
    assert [(e.cameo, e.modality.value) for e in events] == [("1312", "intended")]
    assert triples(code("The Chilean army is prepared to resume shelling Peruvian positions.")) == {
        ("CHLMIL", "PER", "1384")
    }


def test_decided_or_refused_conflict_is_no_threat(code) -> None:
    # a decision settles the act itself; a refusal is a rejection, not a threat
    assert triples(code("Chile agreed to impose sanctions on Peru.")) == {("CHL", "PER", "163")}
    assert [(e.cameo, e.negated) for e in code("Chile will not attack Peru.")] == [("190", True)]


def test_committed_to_an_uncoded_act_is_the_subjects_commitment(code) -> None:
    # "is committed to" is a state of the subject, not a passive with no agent
    assert triples(code("Vietnam is committed to opening up its economy.")) == {
        ("VNM", None, "030")
    }
    # a coded act keeps its own intent code, the bare commitment is not added
    events = code("Kenya is committed to providing aid to Uganda.")
    assert triples(events) == {("KEN", "UGA", "033")}


def test_gerund_after_a_target_preposition_is_no_target(code) -> None:
    # "contributed to planning X" contributes to an activity, not aid to anyone
    assert code("The Malian army contributed to planning the operation.") == []


def test_by_phrase_of_what_is_answered_names_the_target(code) -> None:
    # the author of calls, claims or rulings answered is the target of the answer ...
    events = code("Chile rejected calls by Peru and Bolivia to back the sanctions.")
    assert triples(events) == {("CHL", "PER", "124"), ("CHL", "BOL", "124")}
    assert triples(code("Chile dismissed claims by Peru.")) == {("CHL", "PER", "016")}
    # a passive's by-phrase is its agent, the source, never also the target
    assert triples(code("The proposal rejected by Peru called for new talks.")) == {
        ("PER", None, "127")
    }
    # ... but the by-phrase of a material act names its doer, no target
    assert all(
        e.target is None or e.target.country != "CHL"
        for e in code("Chile may cancel visits to Peru by the Chilean president.")
    )
