"""Follow-up mechanisms of the event coder (issue 5): phone calls, demands in reported
speech, intent adjectives, light-verb participles, one-actor keep rules.

Each sentence is written for the test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder


@pytest.fixture(scope="module")
def code():
    return coder()


# ------------------------------------------------------------------ phone calls (041)


def test_calling_an_actor_on_a_day_is_a_phone_call(code) -> None:
    # "on Monday" says when: it is no "call on X" appeal
    assert triples(code("Japan called South Korea on Monday.")) == {("JPN", "KOR", "041")}


def test_phone_call_with_a_purpose_clause_is_still_a_call(code) -> None:
    events = code("Canada called Mexico on Friday to discuss the border.")
    assert ("CAN", "MEX", "041") in triples(events)


def test_calling_on_an_actor_to_act_stays_an_appeal(code) -> None:
    codes = {
        e.cameo[:2] for e in code("On Friday, Canada called on Mexico to release the sailors.")
    }
    assert codes == {"02"}


def test_calling_an_actor_something_is_no_phone_call(code) -> None:
    assert all(e.cameo != "041" for e in code("Canada called Mexico a bad neighbour."))


# ------------------------------------------------------------------ demands (10x)


def test_must_in_reported_speech_gives_the_demand_of_the_coded_act(code) -> None:
    assert triples(code("Peru said Chile must release the fishermen.")) == {("PER", "CHL", "1053")}


def test_should_in_reported_speech_gives_the_appeal_of_the_coded_act(code) -> None:
    assert triples(code("Peru said Chile should release the fishermen.")) == {
        ("PER", "CHL", "0253")
    }


def test_demand_verb_takes_the_demand_code_of_what_it_asks(code) -> None:
    assert triples(code("Peru demanded that Chile release the fishermen.")) == {
        ("PER", "CHL", "1053")
    }


def test_demand_code_mirrors_the_appeal_code() -> None:
    from eventwire.events.appeals import appeal_code, demand_code

    assert (appeal_code("0841"), demand_code("0841")) == ("0253", "1053")
    assert (appeal_code("043"), demand_code("043")) == ("026", "106")
    assert demand_code("1041") == "1041"  # a demand stays what it is
    assert demand_code("0256") == "1056"  # an appeal becomes the demand of the same thing
    assert demand_code("111") == "100"  # no demand mirrors a criticism


def test_must_cooperate_in_reported_speech_stays_an_appeal(code) -> None:
    # a call to solidarity has no specific demand in the codebook: the appeal (02x) it is
    events = code("A Chilean minister said Chile and Peru must work together.")
    assert {(e.source.country, e.target.country, e.cameo[:2]) for e in events} == {
        ("CHL", "PER", "02")
    }


# ------------------------------------------------------------------ intent and reports


@pytest.mark.parametrize("word", ["willing", "ready", "prepared"])
def test_readiness_adjective_makes_an_intent(code, word) -> None:
    events = code(f"Chile is {word} to send aid to Peru.")
    assert [(e.cameo, e.modality.value) for e in events] == [("033", "intended")]


@pytest.mark.parametrize("frame", ["is committed to", "remains committed to"])
def test_commitment_to_a_gerund_is_an_intent_of_the_subject(code, frame) -> None:
    events = code(f"Chile {frame} providing aid to Peru.")
    assert triples(events) == {("CHL", "PER", "033")}
    assert events[0].modality.value == "intended"


def test_negated_copula_negates_the_commitment(code) -> None:
    events = code("Chile is not committed to sending aid to Peru.")
    assert events and all(e.negated for e in events)


def test_conclude_reports_what_was_concluded(code) -> None:
    events = code("Investigators concluded that Chile attacked Peru.")
    assert [(e.cameo, e.modality.value) for e in events] == [("190", "reported")]
    # "concluded an agreement" is still the act itself
    agreed = code("Chile and Peru concluded an agreement.")
    assert [(e.cameo, e.modality.value) for e in agreed] == [("057", "asserted")]


# ------------------------------------------------------------------ light-verb participles


def test_participle_of_an_issued_document_takes_the_issuer_as_source(code) -> None:
    events = code("Chile issued a declaration demanding that Peru withdraw its troops.")
    assert triples(events) == {("CHL", "PER", "1056")}


def test_participle_of_a_sent_letter_is_an_appeal_by_the_sender(code) -> None:
    assert triples(code("Chile sent a letter urging Peru to hold talks.")) == {
        ("CHL", "PER", "026")
    }


def test_received_document_has_no_author_in_the_subject(code) -> None:
    assert code("Chile received a letter condemning Peru.") == []


def test_released_statement_is_a_publication_not_a_release(code) -> None:
    assert triples(code("Chile released a statement condemning Peru.")) == {("CHL", "PER", "111")}
    assert triples(code("Chile released two Peruvian fishermen.")) == {("CHL", "PERAGR", "0841")}


# ------------------------------------------------------------------ refusals


def test_refusal_with_no_party_named_stays_one_sided(code) -> None:
    # a careful coder codes the rejection (PLOVER REJECT) even when no asker is named
    assert triples(code("Peru refused to reconsider its decision.")) == {("PER", None, "120")}


@pytest.mark.parametrize(
    "text",
    [
        "Peru refused to reconsider its decision despite Chile's request.",
        "Peru declined to resign despite growing pressure from Chile.",
    ],
)
def test_refusal_answers_the_party_that_pressed_for_it(code, text) -> None:
    assert {(e.source.code, e.target.code if e.target else None) for e in code(text)} == {
        ("PER", "CHL")
    }
    assert all(e.cameo_root == "12" for e in code(text))


def test_refusal_of_a_coded_act_is_kept_as_its_rejection(code) -> None:
    assert triples(code("Peru refused to release the Chilean fishermen.")) == {
        ("PER", "CHLAGR", "1243")
    }


# ------------------------------------------------------------------ keep rules


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked a convoy.", ("REB", None, "190")),
        ("The opposition party staged a protest.", ("OPP", None, "141")),
        ("Journalists protested in the capital.", ("MED", None, "140")),
    ],
)
def test_countryless_organised_group_acting_alone_is_kept(code, text, expected) -> None:
    assert triples(code(text)) == {expected}


def test_countryless_generic_agent_acting_alone_is_not_kept(code) -> None:
    assert code("Experts protested in the capital.") == []


def test_reported_agentless_attack_is_kept(code) -> None:
    # the noun names the force used (shelling: 194), so it is the one event coded
    events = code("Four Malian soldiers were killed in the shelling, police said.")
    assert triples(events) == {(None, "MLIMIL", "194")}
    assert events[0].modality.value == "reported"


def test_hypothetical_agentless_attack_is_not_kept(code) -> None:
    assert code("Four Malian soldiers could be killed, police said.") == []


# ------------------------------------------------------------------ dates


def test_after_clause_is_not_dated_by_the_main_clause(code) -> None:
    events = code("After Peru refused to release the Chilean fishermen, Chile protested on May 3.")
    dates = {e.cameo[:2]: (e.date, e.date_precision) for e in events}
    assert dates["14"] == ("2024-05-03", "day")
    # the refusal came before the protest: the article's date, marked as such
    assert dates["12"] == ("2024-05-10", "article")
