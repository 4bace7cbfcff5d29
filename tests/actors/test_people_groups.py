"""Groups of people, peoples and regions, "-led" compounds, shared-noun coordination and
titles before a name in the wrong case.

Every sentence is written for these tests. Each test protects one mechanism: a group
noun with its country from an adjective, an in-phrase or the place of its clause; a
member noun ("supporters") coded as the body it backs; a people or region giving an
agent its state, and no state when it spans several the article does not name.
"""

from __future__ import annotations

import pytest
from group_helpers import actors_pipeline, codes, run
from spacy.language import Language

from eventwire.actors.peoples import load_peoples, parse_peoples
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


# ------------------------------------------------------------------ groups of people


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Landowners in Malawi petitioned the courts.", "Landowners in Malawi", "MWICVL"),
        ("Peruvian teachers walked out of their classrooms.", "Peruvian teachers", "PEREDU"),
        ("Miners in Chile blocked the highway.", "Miners in Chile", "CHLLAB"),
        ("Children from Yemen were evacuated by boat.", "Children from Yemen", "YEMCVL"),
        ("Hungarian prisoners went on hunger strike.", "Hungarian prisoners", "HUNCVL"),
    ],
)
def test_group_nouns_take_the_country_of_their_phrase(nlp, text, mention, code) -> None:
    assert codes(nlp, text)[mention] == code


def test_a_group_takes_the_country_of_its_clause(nlp) -> None:
    found = codes(nlp, "Dozens of civilians were wounded in Mali during the raid.")
    assert found["civilians"] == "MLICVL"
    found = codes(nlp, "Inmates rioted at a prison in Ecuador overnight.")
    assert found["Inmates"] == "ECUCVL"


def test_two_places_in_a_clause_give_no_country(nlp) -> None:
    found = codes(nlp, "Villagers were evacuated in Niger and Mali.")
    assert found["Villagers"] == "CVL"


def test_the_place_of_a_meeting_or_visit_is_not_the_groups_country(nlp) -> None:
    # a group met, visited or received somewhere is from anywhere
    assert (
        codes(nlp, "The president visited striking miners in Hanoi on Monday.")["miners"] == "LAB"
    )
    assert codes(nlp, "The minister met striking miners at a hotel in Hanoi.")["miners"] == "LAB"
    # what is done to them there still places them
    assert codes(nlp, "Police beat striking miners in Hanoi on Monday.")["miners"] == "VNMLAB"


def test_refugees_do_not_take_the_country_they_are_in(nlp) -> None:
    # where refugees are is seldom whose they are
    found = codes(nlp, "Refugees staged a sit-in at a camp in Jordan.")
    assert found["Refugees"] == "REF"


def test_supporters_are_coded_as_the_body_they_back(nlp) -> None:
    found = codes(nlp, "Supporters of the opposition in Zambia marched on the capital.")
    assert found["Supporters"] == "ZMBOPP"


# ------------------------------------------------------------------ -led and coordination


def test_led_compound_gives_the_leader_country(nlp) -> None:
    found = codes(nlp, "French-led troops secured the airport.")
    assert found["French-led troops"] == "FRAMIL"


def test_backed_compound_gives_no_country(nlp) -> None:
    found = codes(nlp, "Iranian-backed militias shelled the base.")
    assert found["militias"] == "UAF"


def test_shared_noun_coordination_gives_one_mention_per_country(nlp) -> None:
    doc = run(nlp, "Ghanaian and Nigerian soldiers patrolled the border together.")
    found = {m.actor.code for m in doc._.ew_mentions}
    assert {"GHAMIL", "NGAMIL"} <= found
    first = next(m for m in doc._.ew_mentions if m.actor.code == "GHAMIL")
    assert [p.actor.code for p in first.partners] == ["NGAMIL"]


# ------------------------------------------------------------------ peoples and regions


@pytest.mark.parametrize(
    ("text", "mention", "code"),
    [
        ("Igbo traders closed their shops.", "Igbo traders", "NGABUS"),
        ("Chechen fighters ambushed a convoy.", "Chechen fighters", "RUSREB"),
        ("Darfur rebels seized a garrison town.", "Darfur rebels", "SDNREB"),
        ("Kosovo Albanians celebrated in the streets.", "Kosovo Albanians", "XKXCVL"),
    ],
)
def test_a_people_or_region_gives_its_state(nlp, text, mention, code) -> None:
    assert codes(nlp, text)[mention] == code


def test_a_people_of_several_states_takes_one_only_when_named(nlp) -> None:
    assert codes(nlp, "Kurdish militants attacked a checkpoint.")["Kurdish militants"] == "REB"
    found = codes(nlp, "Kurdish militants attacked a checkpoint, Iraqi officials said.")
    assert found["Kurdish militants"] == "IRQREB"


def test_a_people_on_its_own_is_a_civilian_actor(nlp) -> None:
    assert codes(nlp, "The Uighurs appealed for help.")["Uighurs"] == "CHNCVL"


def test_a_people_as_a_plain_adjective_or_a_region_alone_is_no_actor(nlp) -> None:
    assert codes(nlp, "Yoruba music filled the hall.") == {}
    assert "Tigray" not in codes(nlp, "Tigray lies in the north.")


def test_a_region_places_the_groups_of_its_clause(nlp) -> None:
    found = codes(nlp, "Farmers were displaced in Kordofan last week.")
    assert found["Farmers"] == "SDNAGR"


def test_peoples_file_loads_and_every_row_has_a_state() -> None:
    peoples = load_peoples()
    assert peoples.named("yorubas").countries == ("NGA",)
    assert all(row.countries for row in peoples.rows)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("Zorbans\t\tpeople\tZZZ\tCVL\t", "country 'ZZZ'"),
        ("Zorbans\t\ttribe\tNGA\tCVL\t", "kind 'tribe'"),
        ("Zorbans\t\tpeople\tNGA\t\t", "needs a sector"),
        ("Zorbans\t\tpeople\t\tCVL\t", "at least one country"),
        ("Zorbans\tYoruba\tpeople\tNGA\tCVL\t", "already on line 2"),
    ],
)
def test_bad_peoples_rows_are_rejected_with_file_and_line(row, message) -> None:
    text = "name\tforms\tkind\tcountries\tsector\tnote\nYoruba\t\tpeople\tNGA\tCVL\t\n" + row
    with pytest.raises(DataFileError) as err:
        parse_peoples(text, "mine.tsv", frozenset({"NGA"}), frozenset({"CVL"}))
    assert err.value.code == "E010"
    assert "mine.tsv" in str(err.value) and "line 3" in str(err.value)
    assert message in str(err.value)


# ------------------------------------------------------------------ mis-cased titles


def test_a_title_before_a_lower_case_name_finds_the_office_holder(nlp) -> None:
    doc = run(nlp, "President obama spoke to reporters.", published="2012-03-01")
    people = [m for m in doc._.ew_mentions if m.kind == "person"]
    assert [m.actor.code for m in people] == ["USAGOV"]
    assert "Obama" in people[0].actor.name


def test_a_title_before_an_ordinary_word_finds_no_one(nlp) -> None:
    doc = run(nlp, "The president may travel next week.")
    assert not [m for m in doc._.ew_mentions if m.kind == "person"]


def test_leaders_of_a_people_are_coded_as_the_people(nlp) -> None:
    # a member role of a people is no state organ: "Zulu leaders" are not ZAFGOV
    assert codes(nlp, "Zulu leaders welcomed the ruling.")["Zulu leaders"] == "ZAFCVL"


def test_a_list_of_three_adjectives_gives_three_mentions(nlp) -> None:
    doc = run(nlp, "On Monday, Kenyan, Ugandan and Tanzanian police trained together.")
    first = next(m for m in doc._.ew_mentions if m.actor.code == "KENCOP")
    assert [p.actor.code for p in first.partners] == ["UGACOP", "TZACOP"]


def test_a_people_of_several_named_states_takes_none(nlp) -> None:
    found = codes(nlp, "Kurdish militants fired on Iraqi and Syrian border guards.")
    assert found["Kurdish militants"] == "REB"
