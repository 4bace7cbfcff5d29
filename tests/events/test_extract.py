"""The event engine on verbal predicates, one construction per test.

The sentences are written for these tests; the lexicon is a small one written here, so
the tests check the engine's mechanics rather than the packaged lexicon's choices.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from event_helpers import doc_before_events, extractor_from, triples

from eventwire.events.extract import EventExtractor, appeal_code, threat_code
from eventwire.records import Event, Modality

VERBS = """verb\tparticle\tobj\tprep\tcode\ttarget\tflags\tnote
criticise\t\t\t\t111\tobj\t\tcriticise X
criticize\t\t\t\t111\tobj\t\tcriticise X
condemn\t\t\t\t111\tobj\t\tcondemn X
accuse\t\t\t\t112\tobj\t\taccuse X
threaten\t\t\t\t130\tobj\t\tthreaten X
impose\t\tsanction\ton\t163\tprep\t\tsanctions on X
meet\t\t\twith\t040\tprep\tsymmetric\tmeet with X
meet\t\t\t\t040\tobj\tsymmetric\tmeet X
hold\t\ttalk\twith\t046\tprep\tsymmetric\ttalks with X
hold\t\ttalk\t\t046\tnone\tsymmetric\ttalks among the subjects
visit\t\t\t\t042\tobj\t\tvisit X
urge\t\t\t\t020\tobj\t\turge X to ...
agree\t\t\t\t030\tnone\t\tagree to ...
refuse\t\t\t\t120\tnone\t\trefuse
stand\ttogether\t\t\t030\tnone\tsymmetric\tstand side by side
step\tup\tpressure\ton\t130\tprep\t\tmore pressure on X
praise\t\t\t\t051\tobj\t\tpraise X
say\t\t\t\t010\tnone\t\tsay (a quote, never an event)
tell\t\t\t\t100\tobj\t\ttell X to do something
protest\t\t\tagainst\t140\tprep\t\tprotest against X
rally\t\t\t\t140\tnone\t\tdemonstrate
shell\t\t\t\t195\tobj\t\tshell X
"""
NOUNS = "noun\tprep\tcode\tflags\tnote\n"


@pytest.fixture(scope="module")
def extractor(tmp_path_factory: pytest.TempPathFactory) -> EventExtractor:
    return extractor_from(tmp_path_factory.mktemp("lexicon"), VERBS, NOUNS)


@pytest.fixture(scope="module")
def code(extractor: EventExtractor):
    """Run the pipeline up to the events stage, then the test lexicon's extractor."""

    def run(text: str, published: str | None = "2024-05-10") -> list[Event]:
        return extractor(doc_before_events(text, "t", published))

    return run


def test_subject_verb_object(code) -> None:
    events = code("France criticised Germany over the new border rules.")
    assert triples(events) == {("FRA", "DEU", "111")}
    event = events[0]
    assert event.text == "criticised"
    assert event.modality is Modality.ASSERTED and not event.negated
    assert event.rule == "verb:verbs.tsv:2"
    assert event.cameo_root == "11" and event.quad_class == 3
    assert event.plover is not None and event.plover.event == "ACCUSE"


def test_passive_with_by_agent(code) -> None:
    events = code("Germany was condemned by France for the decision.")
    assert triples(events) == {("FRA", "DEU", "111")}


def test_passive_without_agent_keeps_the_target_and_no_source(code) -> None:
    # issue 5: who acted is not said, so no source is guessed; who was acted on is kept
    events = code("Germany was condemned for the decision.")
    assert triples(events) == {(None, "DEU", "111")}
    assert events[0].source is None and events[0].confidence < 0.5


def test_conjoined_subjects_share_a_group(code) -> None:
    events = code("China and Russia condemned Japan on Monday.")
    assert triples(events) == {("CHN", "JPN", "111"), ("RUS", "JPN", "111")}
    assert events[0].group is not None and events[0].group == events[1].group


def test_conjoined_verbs_share_subject_and_object(code) -> None:
    events = code("Turkey criticised and threatened Greece.")
    assert triples(events) == {("TUR", "GRC", "111"), ("TUR", "GRC", "130")}


def test_prepositional_target_and_specific_pattern(code) -> None:
    events = code("The United States imposed sanctions on Iran.")
    assert triples(events) == {("USA", "IRN", "163")}
    assert events[0].text == "imposed sanctions"


def test_particle_pattern(code) -> None:
    events = code("Beijing stepped up pressure on Manila this week.")
    assert {(e.source.code, e.target.code, e.cameo) for e in events} == {
        ("CHNGOV", "PHLGOV", "130")
    }


def test_symmetric_conjoined_subjects_one_event_per_pair(code) -> None:
    events = code("Japan and India held talks in Delhi.")
    assert triples(events) == {("JPN", "IND", "046")}
    assert events[0].rule.endswith(";symmetric")


def test_symmetric_with_partner(code) -> None:
    events = code("Kenya met with Uganda to discuss the border.")
    assert triples(events) == {("KEN", "UGA", "040")}


def test_control_verb_codes_the_embedded_verb(code) -> None:
    # the talks are only agreed to: the codebook's intent to negotiate (036)
    events = code("Vietnam agreed to hold talks with Cambodia.")
    assert triples(events) == {("VNM", "KHM", "036")}
    assert events[0].modality is Modality.INTENDED


def test_intention_is_intended(code) -> None:
    events = code("Egypt plans to visit Sudan next month.")
    assert triples(events) == {("EGY", "SDN", "036")}
    assert events[0].modality is Modality.INTENDED


def test_future_auxiliary_is_intended(code) -> None:
    events = code("Chile will criticise Peru at the summit.")
    assert [e.modality for e in events] == [Modality.INTENDED]


def test_is_set_to_is_intended(code) -> None:
    events = code("Norway is set to meet Sweden on Tuesday.")
    assert [(e.modality, e.cameo) for e in events] == [(Modality.INTENDED, "036")]


def test_could_is_hypothetical(code) -> None:
    events = code("Brazil could condemn Argentina.")
    assert [e.modality for e in events] == [Modality.HYPOTHETICAL]


def test_conditional_clause_is_hypothetical(code) -> None:
    events = code("If Canada criticises Mexico, the talks will stall.")
    assert [(e.modality, e.cameo) for e in events] == [(Modality.HYPOTHETICAL, "111")]


def test_negation(code) -> None:
    events = code("Poland did not criticise Hungary.")
    assert triples(events) == {("POL", "HUN", "111")}
    assert events[0].negated


def test_never_negates(code) -> None:
    assert [e.negated for e in code("Spain never praised Portugal.")] == [True]


def test_refusal_to_meet_is_a_rejection(code) -> None:
    # the codebook's 125 (reject proposal to meet), a rejection that did happen
    events = code("Serbia refused to meet Kosovo.")
    assert [(e.cameo, e.negated) for e in events] == [("125", False)]
    assert not events[0].rule.endswith(";symmetric")


def test_failing_to_act_only_negates_it(code) -> None:
    events = code("Serbia failed to meet Kosovo.")
    assert [(e.cameo, e.negated) for e in events] == [("040", True)]


def test_appeal_absorbs_its_complement(code) -> None:
    events = code("Australia urged Japan to stand together with it.")
    assert triples(events) == {("AUS", "JPN", "020")}


def test_appeal_takes_the_code_of_what_is_asked(code) -> None:
    events = code("Britain urged Ireland to hold talks with it.")
    assert triples(events) == {("GBR", "IRL", "026")}


def test_passive_appeal_without_agent_codes_the_demanded_event(code) -> None:
    events = code("Chad and Niger have been urged to stand together.")
    assert triples(events) == {("TCD", "NER", "030")}
    assert events[0].modality is Modality.DEMANDED


def test_reported_event_is_the_embedded_actors(code) -> None:
    events = code("Greek officials said that Turkey had threatened Cyprus.")
    assert triples(events) == {("TUR", "CYP", "130")}
    assert events[0].modality is Modality.REPORTED


def test_reporting_verb_is_not_an_event(code) -> None:
    assert code("Norway said it was worried about the weather.") == []


def test_call_in_reported_speech_is_an_appeal(code) -> None:
    events = code("A Polish minister said that Poland and Lithuania must stand together.")
    assert {(e.source.code, e.target.country, e.cameo) for e in events} == {
        ("POLGOV", "LTU", "020")
    }
    assert events[0].rule.startswith("call:")


def test_no_event_against_oneself(code) -> None:
    assert code("France criticised France.") == []


def test_protest_keeps_an_implicit_target(code) -> None:
    events = code("Thai farmers rallied in Bangkok on Sunday.")
    assert [(e.source.country, e.target, e.cameo) for e in events] == [("THA", None, "140")]


def test_missing_target_is_blank_only_for_asserted_events(code) -> None:
    # GDELT practice: a plan is no actor, so the criticism has a blank target
    events = code("Italy criticised the plan.")
    assert [(e.source.code, e.target, e.cameo) for e in events] == [("ITA", None, "111")]
    # a hypothetical or reported event without a target is too loose to keep
    assert code("Italy may criticise the plan.") == []
    # an appeal to no one in particular is no event
    assert code("Italy urged calm.") == []


def test_cooperation_needs_a_partner(code) -> None:
    # praise, consultation or joint action with no coded counterpart is left out
    assert code("Italy praised the new harbour.") == []
    assert code("Italy held a large exercise.") == []
    assert triples(code("Italy praised Greece.")) == {("ITA", "GRC", "051")}


def test_generic_agent_without_country_is_no_source(code) -> None:
    assert code("Experts criticised Japan.") == []
    assert triples(code("Korean experts criticised Japan.")) == {("KOR", "JPN", "111")}


def test_state_against_its_own_part_is_dropped(code) -> None:
    # "Korea" and "the Korean government" in one event is a resolution slip
    assert code("The Korean government criticised Korea.") == []


def test_reporting_verb_with_an_addressee_is_no_demand(code) -> None:
    assert code("Peru told Chile that the border was calm.") == []
    assert triples(code("Peru told Chile to withdraw its ships.")) == {("PER", "CHL", "100")}


def test_date_from_the_sentence_else_the_article(code) -> None:
    dated = code("Ghana criticised Togo on Friday.")
    assert (dated[0].date, dated[0].date_precision) == ("2024-05-10", "day")
    undated = code("Ghana criticised Togo.")
    assert (undated[0].date, undated[0].date_precision) == ("2024-05-10", "article")
    assert code("Ghana criticised Togo.", published=None)[0].date is None


def test_event_records_follow_the_contract(code) -> None:
    text = "Today Peru accused Bolivia of spying."
    (event,) = code(text)
    assert event.id == "t-e1"
    assert text[event.span[0] : event.span[1]] == event.text == "accused"
    assert event.sentence == text
    assert event.source.text == "Peru" and event.target.text == "Bolivia"
    assert 0.05 <= event.confidence <= 0.95


def test_visited_country_is_the_target(code) -> None:
    events = code("Mongolia visited Japan in June.")
    assert triples(events) == {("MNG", "JPN", "042")}


@pytest.mark.parametrize(
    ("embedded", "appeal"), [("036", "026"), ("0311", "0211"), ("046", "026"), ("111", "020")]
)
def test_appeal_code(embedded: str, appeal: str) -> None:
    assert appeal_code(embedded) == appeal


def test_lexicon_file_is_ours(extractor: EventExtractor, tmp_path: Path) -> None:
    # guards the fixture: the engine codes with the lexicon it is given
    assert extractor.lexicon.verb_patterns("criticise")[0].where == "verbs.tsv:2"


def test_one_event_told_twice_in_a_sentence_is_one(code) -> None:
    # a name and a title for one person, both parsed as subjects
    events = code("Kim Jong-un, the North Korean leader will visit Russia.")
    assert triples(events) == {("PRK", "RUS", "036")}
    assert len(events) == 1


def test_attack_on_things_in_a_country_targets_the_country(code) -> None:
    events = code("Sudan shelled villages in Chad.")
    assert {(e.source.country, e.target.country, e.cameo) for e in events} == {
        ("SDN", "TCD", "195")
    }


def test_threat_absorbs_what_it_threatens(code) -> None:
    events = code("Germany threatened to impose sanctions on Iran.")
    assert triples(events) == {("DEU", "IRN", "1312")}


@pytest.mark.parametrize(
    ("threatened", "threat"), [("163", "1312"), ("190", "1384"), ("042", "130")]
)
def test_threat_code(threatened: str, threat: str) -> None:
    assert threat_code(threatened) == threat
