"""Recall mechanisms of issue 5, second round: deverbal nouns, converse verbs, the
addressee of a statement or demand, calls in reported speech whose content is no event
we code, compound event nouns, and where force is used.

Each sentence is written for the test; none comes from an evaluation set.
"""

from __future__ import annotations

import pytest
from event_helpers import code_triples as triples
from event_helpers import coder

from eventwire.errors import DataFileError
from eventwire.events.deverbal import check_verbs, load_deverbal, parse_deverbal
from eventwire.events.lexicon import load_lexicon, parse_verbs

VERBS_HEADER = "verb\tparticle\tobj\tprep\tcode\ttarget\tflags\tnote\n"


@pytest.fixture(scope="module")
def code():
    return coder()


# ------------------------------------------------------------------ deverbal nouns


def test_deverbal_noun_takes_its_verbs_pattern(code) -> None:
    # "the suspension of flights with X" says what "suspended flights with X" says
    events = code("Greece announced the suspension of flights with Turkey.")
    assert triples(events) == {("GRC", "TUR", "160")}


def test_deverbal_noun_object_is_part_of_the_trigger(code) -> None:
    # "cooperation" belongs to the suspension: no second, cooperative event from it
    events = code("Mali's suspension of cooperation with France angered Paris.")
    assert triples(events) == {("MLI", "FRA", "160")}


def test_deverbal_noun_source_from_by_phrase_on_its_object(code) -> None:
    # the by-phrase hangs on "sanctions", not on "lifting"
    events = code("Germany welcomed the lifting of sanctions on Iran by the European Union.")
    assert ("IGOEUREEC", "IRN", "085") in triples(events)


def test_deverbal_noun_without_a_matching_object_codes_nothing(code) -> None:
    # "the provision of a report" matches no row of "provide": no aid is coded
    assert code("Peru welcomed the provision of a report by Chile.") == []


def test_a_noun_with_rows_of_its_own_keeps_them() -> None:
    lexicon = load_lexicon()
    table = load_deverbal()
    assert all(not lexicon.noun_patterns(noun) for noun in table)
    check_verbs(table, lexicon)  # every verb named has rows


def test_deverbal_table_errors_name_the_line() -> None:
    with pytest.raises(DataFileError, match="line 3"):
        parse_deverbal("noun\tverb\tnote\nsuspension\tsuspend\t\nsuspension\tsuspend\t\n", "t")
    with pytest.raises(DataFileError, match="line 2"):
        parse_deverbal("noun\tverb\tnote\nsuspension\t\n", "t")
    row = parse_deverbal("noun\tverb\tnote\nhandover\thand over\tx\n", "t")["handover"]
    assert (row.verb, row.particle) == ("hand", "over")


# ------------------------------------------------------------------ converse verbs


def test_received_from_makes_the_giver_the_source(code) -> None:
    events = code("Bolivian miners received weapons from the Peruvian army.")
    assert triples(events) == {("PERMIL", "BOLLAB", "072")}


def test_faced_from_makes_the_other_party_the_source(code) -> None:
    assert triples(code("Nepal faces pressure from India.")) == {("IND", "NPL", "100")}


def test_converse_verb_without_its_from_phrase_codes_nothing(code) -> None:
    # who gave the weapons is not said: no source is guessed
    assert code("Bolivian miners received weapons.") == []


def test_bare_receive_is_still_hosting(code) -> None:
    events = code("Laos received the Thai prime minister.")
    assert triples(events) == {("LAO", "THAGOV", "043")}


def test_converse_flag_needs_a_prepositional_target() -> None:
    with pytest.raises(DataFileError, match="converse"):
        parse_verbs(VERBS_HEADER + "receive\t\taid\t\t070\tnone\tconverse\tx\n", "t")
    with pytest.raises(DataFileError, match="converse"):
        parse_verbs(VERBS_HEADER + "receive\t\taid\tfrom\t070\tprep\tconverse,symmetric\tx\n", "t")
    (pattern,) = parse_verbs(VERBS_HEADER + "receive\t\taid\tfrom\t070\tprep\tconverse\tx\n", "t")
    assert pattern.converse and not pattern.symmetric


# ------------------------------------------------------------------ addressees


def test_statement_takes_its_addressee_from_to(code) -> None:
    events = code("Somalia expressed concern to Ethiopia about the border.")
    assert triples(events) == {("SOM", "ETH", "012")}


def test_demand_takes_its_addressee_from_from(code) -> None:
    events = code("Kosovo Serbs demanded autonomy from Kosovo authorities.")
    assert ("SRBCVL", "XKXGOV", "1043") in triples(events)


# ------------------------------------------------------------------ calls in reported speech


def test_must_in_reported_speech_is_a_demand_even_for_an_uncoded_act(code) -> None:
    events = code("Peru said on Monday that Chile must return the fishing boats.")
    assert triples(events) == {("PER", "CHL", "100")}


def test_should_in_reported_speech_is_an_appeal(code) -> None:
    events = code("Spain said Morocco should reopen the border crossing.")
    assert triples(events) == {("ESP", "MAR", "020")}


def test_a_call_on_the_speakers_own_country_is_no_event(code) -> None:
    assert code("A Danish minister said that Denmark must cut taxes.") == []


# ------------------------------------------------------------------ compounds and force


def test_compound_event_noun_is_tried_before_its_head(code) -> None:
    events = code("Algerian students began a hunger strike.")
    assert [e.cameo for e in events] == ["142"]


def test_hyphenated_word_is_tried_before_its_last_part(code) -> None:
    # "cease-fire" is the ceasefire, not "fire" on someone
    events = code("Sudan announced a cease-fire with the rebels.")
    assert all(not e.cameo.startswith("19") for e in events)


def test_force_row_without_target_slot_takes_the_country_where_it_is_used(code) -> None:
    events = code("Ethiopian troops captured a village in Eritrea.")
    assert ("ETHMIL", "ERI", "192") in triples(events)


def test_fire_against_soldiers_is_force(code) -> None:
    events = code("Thai troops opened fire against Cambodian soldiers.")
    assert {e.cameo[:2] for e in events} == {"19"}


# ------------------------------------------------------------------ objects left to nouns


def test_an_actorless_verb_leaves_its_object_noun_to_code(code) -> None:
    # "signed" finds no actor in the passive; the agreement's between-phrase has both
    events = code("An agreement between Peru and Chile was signed on Monday.")
    assert triples(events) == {("PER", "CHL", "057")}


def test_the_verb_keeps_its_object_when_it_finds_the_actors(code) -> None:
    # one event, the verb's: "agreement" is not coded a second time
    events = code("Peru and Ecuador signed an agreement.")
    assert [e.cameo for e in events] == ["057"]


def test_gratitude_to_a_country_is_praise(code) -> None:
    assert triples(code("Iraq expressed its gratitude to Iran.")) == {("IRQ", "IRN", "051")}
