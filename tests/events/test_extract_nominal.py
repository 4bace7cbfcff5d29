"""The event engine on nominal events and light verbs, one construction per test.

Sentences and lexicon written for these tests.
"""

from __future__ import annotations

import pytest
from event_helpers import doc_before_events, extractor_from, triples

from eventwire.records import Event, Modality

VERBS = """verb\tparticle\tobj\tprep\tcode\ttarget\tflags\tnote
meet\t\t\t\t040\tobj\tsymmetric\tmeet X
make\t\treservation\tto\t110\tprep\t\tmake reservations known to X
make\t\treservation\t\t110\tnone\t\tmake reservations known
"""
NOUNS = """noun\tprep\tcode\tflags\tnote
talk\tbetween\t046\tsymmetric\ttalks between A and B
talk\twith\t046\tsymmetric\ttalks with B
talk\t\t046\tsymmetric\ttalks
visit\tto\t042\t\ta visit to B
sanction\ton\t163\t\tsanctions on B
protest\tagainst\t111\t\ta protest against B
protest\twith\t111\t\ta protest lodged with B
criticism\tof\t111\t\tcriticism of B
tie\twith\t050\t\tties with B
"""


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory):
    extractor = extractor_from(tmp_path_factory.mktemp("lexicon"), VERBS, NOUNS)

    def run(text: str) -> list[Event]:
        return extractor(doc_before_events(text, "n", "2023-03-15"))

    return run


def test_talks_between_a_and_b_are_symmetric(code) -> None:
    events = code("Talks between Sweden and Finland ended without a deal.")
    assert triples(events) == {("SWE", "FIN", "046")}
    assert events[0].rule == "noun:nouns.tsv:2;symmetric"
    assert events[0].text == "Talks"


def test_talks_among_three_parties_share_a_group(code) -> None:
    events = code("Talks between Sweden, Norway and Finland ended.")
    assert len(events) == 3
    assert len({e.group for e in events}) == 1 and events[0].group is not None


def test_visit_by_a_to_b(code) -> None:
    events = code("A visit by Chile to Peru was announced.")
    assert triples(events) == {("CHL", "PER", "042")}


def test_possessive_source(code) -> None:
    events = code("Greece's protest against Turkey was firm.")
    assert triples(events) == {("GRC", "TUR", "111")}


def test_compound_source(code) -> None:
    events = code("US sanctions on Iran took effect in May.")
    assert triples(events) == {("USA", "IRN", "163")}


def test_adjective_source(code) -> None:
    events = code("Japanese criticism of China grew louder.")
    assert triples(events) == {("JPN", "CHN", "111")}


def test_light_verb_takes_its_subject_as_source(code) -> None:
    events = code("India held talks with Nepal on Monday.")
    assert triples(events) == {("IND", "NPL", "046")}
    assert events[0].text == "held talks"


def test_lodged_a_protest_with(code) -> None:
    events = code("China lodged a protest with South Korea over the drills.")
    assert triples(events) == {("CHN", "KOR", "111")}


def test_made_known_to_a_capital(code) -> None:
    events = code("Moscow said it had made its reservations known in Berlin.")
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {
        ("RUSGOV", "DEUGOV", "110")
    }
    assert events[0].modality is Modality.REPORTED


def test_noun_without_source_is_no_event(code) -> None:
    assert code("The talks with Nepal were long.") == []


def test_lack_of_ties_is_negated(code) -> None:
    events = code("Canada's lack of ties with Cuba is old news.")
    assert [(e.source.country, e.target.country, e.negated) for e in events] == [
        ("CAN", "CUB", True)
    ]


def test_verb_pattern_with_object_consumes_the_noun(code) -> None:
    # the light-verb rule and a verb+object pattern must not code the same words twice
    events = code("Chile made its reservations known to Peru.")
    assert [e.rule.split(":")[0] for e in events] == ["verb"]


def test_symmetric_verb_with_conjoined_subjects(code) -> None:
    events = code("Ghana and Togo met in Accra.")
    assert triples(events) == {("GHA", "TGO", "040")}


def test_clause_around_a_noun_does_not_make_it_hypothetical(code) -> None:
    events = code("If the talks between Laos and Thailand were meant to calm things, they failed.")
    assert [(e.cameo, e.modality) for e in events] == [("046", Modality.ASSERTED)]


def test_noun_under_a_verb_of_intention_is_intended(code) -> None:
    events = code("Laos plans talks with Thailand.")
    assert [(e.cameo, e.modality) for e in events] == [("036", Modality.INTENDED)]


def test_call_for_talks_is_an_appeal_to_meet(code) -> None:
    events = code("Laos called for talks with Thailand.")
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [
        ("LAO", "THA", "026")
    ]
    assert events[0].rule.startswith("appeal:")
