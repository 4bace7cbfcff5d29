"""Group actors: nationality adjectives, sector nouns, member roles of bodies, coordinated
countries, stance prefixes, companies and news agencies.

Each test protects one mechanism of actor recognition that the event coder needs. Every
sentence is written for these tests (no news text is copied). Where CAMEO's codebook and
a gold set disagree, the tests follow the codebook (protesters and activists are OPP,
insurgents INS).
"""

from __future__ import annotations

import pytest
from group_helpers import actors_pipeline, codes, run
from spacy.language import Language

from eventwire.actors.kb import load_knowledge_base
from eventwire.actors.kb_entries import KINDS
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


# ---------------------------------------------------------------- nationality + group noun


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Chadian rebels seized two border posts.", "Chadian rebels", "TCDREB"),
        ("Indonesian peacekeepers patrolled the buffer zone.", "Indonesian peacekeepers", "IDNPKO"),
        ("Kenyan insurgents raided a depot.", "Kenyan insurgents", "KENINS"),
        ("Peruvian demonstrators blocked the highway.", "Peruvian demonstrators", "PEROPP"),
        ("Chilean activists painted slogans on the wall.", "Chilean activists", "CHLOPP"),
    ],
)
def test_nationality_adjective_and_group_noun(nlp, text, words, code):
    assert codes(nlp, text)[words] == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Government forces shelled the valley overnight.", "Government forces", "MIL"),
        ("The militant group released a video.", "militant group", "REB"),
        ("Insurgents ambushed a supply convoy.", "Insurgents", "INS"),
    ],
)
def test_sector_noun_without_a_country_keeps_its_sector(nlp, text, words, code):
    found = run(nlp, text)._.ew_mentions
    (mention,) = [m for m in found if m.actor.text == words]
    assert (mention.actor.code, mention.actor.country) == (code, None)


# ---------------------------------------------------------------- coordinated countries


def test_coordinated_adjectives_give_one_partner_per_country(nlp):
    doc = run(nlp, "Dutch and Belgian activists chained themselves to the gate.")
    (first,) = [m for m in doc._.ew_mentions if m.partners]
    assert first.actor.code == "NLDOPP"
    assert [(p.actor.text, p.actor.code, p.actor.name) for p in first.partners] == [
        ("Belgian", "BELOPP", "Belgian activist")
    ]
    # the partner is a mention of the article as well
    assert {m.actor.code for m in doc._.ew_mentions} >= {"NLDOPP", "BELOPP"}


def test_of_phrase_list_gives_every_country_the_role(nlp):
    doc = run(nlp, "The envoys of Norway, Sweden and Finland met the rebels.")
    (first,) = [m for m in doc._.ew_mentions if m.partners]
    assert first.actor.code == "NORGOV"
    assert [p.actor.code for p in first.partners] == ["SWEGOV", "FINGOV"]


def test_from_phrase_pair_gives_both_countries(nlp):
    doc = run(nlp, "Soldiers from Ghana and Togo joined the mission.")
    (first,) = [m for m in doc._.ew_mentions if m.partners]
    assert (first.actor.code, [p.actor.code for p in first.partners]) == ("GHAMIL", ["TGOMIL"])


def test_a_single_country_has_no_partners(nlp):
    doc = run(nlp, "Dutch activists chained themselves to the gate.")
    assert all(not m.partners for m in doc._.ew_mentions)


# ---------------------------------------------------------------- stance prefixes


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Pro-Serbia militias burned the crops.", "militias", "UAF"),
        ("The anti-government protesters dispersed.", "protesters", "OPP"),
    ],
)
def test_pro_and_anti_name_a_stance_not_the_group(nlp, text, words, code):
    found = codes(nlp, text)
    assert found == {words: code}


def test_the_country_of_a_stance_stays_a_mention_of_its_own(nlp):
    # what a group opposes can be an event's target ("an anti-Japan rally")
    found = codes(nlp, "An anti-Japan journalist was detained.")
    assert found == {"Japan": "JPN", "journalist": "MED"}


# ---------------------------------------------------------------- member roles of bodies


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("A UN official said the aid trucks were stopped.", "official", "IGOUNO"),
        ("Taliban commanders agreed to a truce.", "commanders", "AFGREB"),
        ("Two rebel leaders left for the talks.", "leaders", "REB"),
        ("A spokesman for the Houthis denied the claim.", "spokesman", "YEMREB"),
        ("Jailed leaders of the Muslim Brotherhood went on trial.", "leaders", "EGYOPP"),
        ("The NATO Secretary-General warned Moscow.", "Secretary-General", "IGOWSTNAT"),
    ],
)
def test_member_of_a_non_state_body_is_coded_as_the_body(nlp, text, words, code):
    assert codes(nlp, text)[words] == code


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("A Kremlin spokesman dismissed the report.", "spokesman", "RUSGOV"),
        ("Senior Chinese officials visited Hanoi.", "Chinese officials", "CHNGOV"),
        ("A Pentagon official confirmed the drills.", "official", "USAMIL"),
    ],
)
def test_member_of_a_state_body_keeps_the_state_code(nlp, text, words, code):
    assert codes(nlp, text)[words] == code


def test_member_takes_the_name_of_its_body(nlp):
    doc = run(nlp, "A UN official said the aid trucks were stopped.")
    (official,) = [m for m in doc._.ew_mentions if m.actor.text == "official"]
    assert official.actor.name == "United Nations official"


def test_possessed_role_keeps_its_country(nlp):
    found = codes(nlp, "Iraq's national security adviser flew to Amman.")
    assert found["Iraq's national security adviser"] == "IRQGOV"


# ---------------------------------------------------------------- named bodies and companies


def test_bare_name_of_one_state_takes_a_possessor_country(nlp):
    found = codes(nlp, "Critics of Kenya's Senate gathered outside.")
    assert found["Kenya's Senate"] == "KENLEG"


def test_bare_name_without_a_possessor_keeps_its_state(nlp):
    assert codes(nlp, "The US Senate passed the budget.")["US Senate"] == "USALEG"


def test_national_airline_is_its_country_business(nlp):
    found = codes(nlp, "Thai Airways suspended its flights to the island.")
    assert found["Thai Airways"] == "THABUS"


@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("AFP reported that the border was closed.", "AFP", "FRAMED"),
        ("The Canadian Press reported a fire.", "Canadian Press", "CANMED"),
    ],
)
def test_news_agencies_are_media_of_their_state(nlp, text, words, code):
    assert codes(nlp, text)[words] == code


def test_organisation_full_name_beats_a_party_name_inside_it(nlp):
    found = codes(nlp, "The International Labour Office criticised the rules.")
    assert found == {"International Labour Office": "IGOUNOLABILO"}


def test_surname_inside_a_date_is_no_one(nlp):
    found = codes(nlp, "Greece threatened in May to veto the deal.")
    assert found == {"Greece": "GRC"}


# ---------------------------------------------------------------- data files


def test_member_kind_is_in_the_agent_data():
    kb = load_knowledge_base()
    assert "member" in KINDS
    assert {kb.agent(p).kind for p in ("leader", "official", "spokesman")} == {"member"}
    assert kb.agent("secretary-general").phrase == "secretary general"


def test_unknown_agent_kind_is_rejected_with_file_and_line(tmp_path):
    bad = tmp_path / "agents.tsv"
    bad.write_text("phrase\tsectors\tkind\tnumber\nchief\tGOV\tboss\tsg\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"agents\.tsv.*line 2"):
        load_knowledge_base([bad])


# ---------------------------------------------------------------- context for the country


def test_party_name_of_several_states_needs_the_state_named(nlp):
    found = codes(nlp, "The Conservatives lost two seats on Sunday.")
    assert found == {"Conservatives": "PTY"}
    assert codes(nlp, "Britain's Conservatives lost two seats.") == {
        "Britain's Conservatives": "GBRPTY"
    }


def test_person_in_apposition_to_a_role_phrase_takes_its_country(nlp):
    doc = run(nlp, "The Dutch envoy in Kabul, Pieter Wolters, met the elders.")
    found = {m.actor.text: m.actor.code for m in doc._.ew_mentions}
    assert found["Pieter Wolters"] == "NLDGOV"
    assert found["Dutch envoy"] == "NLDGOV"  # the role stays a mention of its own


def test_group_based_in_a_country_takes_it(nlp):
    found = codes(nlp, "A militia based in Chad raided the camp.")
    assert found["militia based in Chad"] == "TCDUAF"


def test_civil_society_body_without_a_country_keeps_its_sector(nlp):
    found = codes(nlp, "The Association of Coastal Fishers wrote to the ministry.")
    assert found["Association of Coastal Fishers"] == "NGO"


def test_council_without_a_country_is_no_actor(nlp):
    found = codes(nlp, "The Supreme Council met on Monday.")
    assert found == {}


def test_doctors_from_aid_groups_share_their_country(nlp):
    found = codes(nlp, "Doctors from two Irish aid groups treated the wounded.")
    assert found["Doctors"] == "IRLHLH"
    assert found["Irish aid groups"] == "IRLNGO"


def test_a_hospital_is_not_a_doctor(nlp):
    doc = run(nlp, "Swiss doctors flew the patients to the hospital.")
    found = {m.actor.text: m.actor.code for m in doc._.ew_mentions}
    assert found == {"Swiss doctors": "CHEHLH", "hospital": "HLH"}


def test_labour_minister_is_a_role_not_a_party(nlp):
    doc = run(nlp, "Labour Minister Anna Berg opened the talks.")
    (mention,) = doc._.ew_mentions
    assert (mention.kind, mention.actor.sectors) == ("person", ["GOV", "LAB"])


def test_shared_party_name_placed_by_a_state_body(nlp):
    found = codes(nlp, "Democrats in Congress blocked the nomination.")
    assert found["Democrats"] == "USAPTY"


def test_person_titled_by_a_body_before_the_role_is_that_body(nlp):
    doc = run(nlp, "Arab League Secretary General Samir Haddad called for calm.")
    (person,) = [m for m in doc._.ew_mentions if m.kind == "person"]
    assert (person.actor.name, person.actor.code) == ("Samir Haddad", "IGOMEAARL")
