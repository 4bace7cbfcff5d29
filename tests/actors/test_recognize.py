"""The ew_actors component: KB matching, composition, places, roles, coreference, summary.

Every sentence here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

import eventwire.actors.component  # noqa: F401  (registers the ew_actors factory)
from eventwire.actors.component import ActorRecognizer, actor_at
from eventwire.actors.recognize import ActorMention
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "seed" / "000_d88547219a083dac.txt"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = build_pipeline()
    if "ew_actors" not in pipeline.pipe_names:
        pipeline.add_pipe("ew_actors", after="ner")
    return pipeline


def run(nlp: Language, text: str, published: str | None = "2022-03-01") -> Doc:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published=published)
    return nlp(doc)


def mentions(doc: Doc) -> list[ActorMention]:
    return list(doc._.ew_mentions)


def by_text(doc: Doc) -> dict[str, ActorMention]:
    return {m.actor.text: m for m in doc._.ew_mentions}


def codes(doc: Doc) -> list[tuple[str, str]]:
    return [(m.actor.text, m.actor.code) for m in doc._.ew_mentions]


# ---------------------------------------------------------------- 1. KB phrase matching


def test_country_name_is_the_state(nlp):
    doc = run(nlp, "Japan said on Monday that the talks would continue.")
    assert codes(doc) == [("Japan", "JPN")]
    assert mentions(doc)[0].kind == "country"
    assert mentions(doc)[0].actor.id == "Q17"


def test_named_institutions_and_organisations(nlp):
    doc = run(nlp, "The White House and the United Nations criticised the move.")
    found = by_text(doc)
    assert found["White House"].actor.code == "USAGOV"
    assert found["White House"].kind == "institution"
    assert found["the United Nations"].actor.code == "IGOUNO"
    assert found["the United Nations"].kind == "organisation"


def test_party_name_and_acronym_in_parentheses(nlp):
    doc = run(nlp, "Japan's Liberal Democratic Party (LDP) held talks with the KMT.")
    assert codes(doc) == [
        ("Japan's Liberal Democratic Party", "JPNPTY"),
        ("LDP", "JPNPTY"),
        ("KMT", "TWNPTY"),
    ]
    summary = {a.name: a.mentions for a in doc._.ew_actors}
    assert summary["LDP"] == 2


def test_person_role_depends_on_article_date(nlp):
    text = "Fumio Kishida spoke to reporters."
    as_pm = by_text(run(nlp, text, "2022-03-01"))["Fumio Kishida"]
    assert as_pm.actor.code == "JPNGOV"
    assert "head_of_government" in as_pm.role
    as_fm = by_text(run(nlp, text, "2015-05-01"))["Fumio Kishida"]
    assert "foreign_minister" in as_fm.role
    undated = by_text(run(nlp, text, None))["Fumio Kishida"]
    assert "head_of_government" in undated.role  # no date: the latest term


def test_acronym_agent_forms_match_only_in_upper_case(nlp):
    doc = run(nlp, "The PM met MPs at 3 pm.")
    assert [m.actor.text for m in mentions(doc)] == ["PM", "MPs"]


# ---------------------------------------------------------------- 2. composition


@pytest.mark.parametrize(
    ("text", "phrase", "code"),
    [
        ("China's Foreign Ministry rejected the claim.", "China's Foreign Ministry", "CHNGOV"),
        ("A Taiwanese lawmaker criticised the plan.", "Taiwanese lawmaker", "TWNLEG"),
        ("The Japanese navy sent two ships.", "Japanese navy", "JPNMIL"),
        ("The foreign minister of Japan arrived.", "foreign minister of Japan", "JPNGOV"),
    ],
)
def test_agent_takes_country_from_its_noun_phrase(nlp, text, phrase, code):
    doc = run(nlp, text)
    assert codes(doc) == [(phrase, code)]  # the country word is absorbed, not a 2nd mention


def test_party_modifier_adds_pty_to_the_role(nlp):
    doc = run(nlp, "Two DPP lawmakers criticised the plan.")
    (m,) = mentions(doc)
    assert (m.actor.code, m.actor.country, m.actor.sectors) == ("TWNLEG", "TWN", ["LEG", "PTY"])


def test_agent_without_country_keeps_it_empty_and_stays_out_of_summary(nlp):
    doc = run(nlp, "Officials said the ministry would respond.")
    assert [m.actor.country for m in mentions(doc)] == [None, None]
    assert doc._.ew_actors == []


def test_possessor_body_lends_its_country(nlp):
    doc = run(nlp, "The Taiwanese legislature's defence committee met.")
    committee = [m for m in mentions(doc) if "committee" in m.actor.text.lower()]
    assert committee and committee[0].actor.country == "TWN"


# ---------------------------------------------------------------- 3. capitals and places


def test_capital_standing_for_government(nlp):
    doc = run(nlp, "Beijing protested to Tokyo and urged Tokyo to stop.")
    assert codes(doc) == [("Beijing", "CHNGOV"), ("Tokyo", "JPNGOV"), ("Tokyo", "JPNGOV")]
    assert {m.kind for m in mentions(doc)} == {"capital"}


def test_capital_possessive_is_the_government(nlp):
    doc = run(nlp, "Beijing's reaction surprised observers in Seoul.")
    assert ("Beijing", "CHNGOV") in codes(doc)
    assert "Seoul" not in by_text(doc)


@pytest.mark.parametrize(
    "text",
    [
        "The delegation flew to Tokyo and met officials in Beijing.",
        "The talks were held in Japan.",
        "She visited Taipei last year.",
        "He works at the Tokyo office of a bank.",
    ],
)
def test_places_are_not_actors(nlp, text):
    doc = run(nlp, text)
    assert all(m.kind not in ("capital", "country") for m in mentions(doc))


# ---------------------------------------------------------------- 4. roles of unknown people


def test_premodifier_role_gives_unknown_person_a_country(nlp):
    doc = run(nlp, "DPP politician Lin Mei-hua said the visit was a success.")
    (m,) = mentions(doc)
    assert m.kind == "person" and m.actor.name == "Lin Mei-hua"
    assert (m.actor.code, m.actor.country) == ("TWNPTY", "TWN")


def test_apposition_role(nlp):
    doc = run(nlp, "Chen Wei-ting, a DPP lawmaker, said the visit was a success.")
    (m,) = mentions(doc)
    assert (m.actor.name, m.actor.code, m.actor.sectors) == (
        "Chen Wei-ting",
        "TWNLEG",
        ["LEG", "PTY"],
    )


def test_spokesperson_of_a_ministry_takes_its_state(nlp):
    text = "China's Foreign Ministry spokesperson Zhang Xiaoming told reporters it was wrong."
    person = by_text(run(nlp, text))
    spokes = [m for m in person.values() if m.actor.name == "Zhang Xiaoming"]
    assert spokes and spokes[0].actor.code == "CHNGOV"


def test_colleague_shares_country_party_and_role(nlp):
    text = (
        "DPP politician Lin Mei-hua, who attended with colleague legislator Chen Wei-ting, "
        "said the talks went well."
    )
    people = {m.actor.name: m.actor for m in mentions(run(nlp, text))}
    for name in ("Lin Mei-hua", "Chen Wei-ting"):
        assert (people[name].code, people[name].sectors) == ("TWNLEG", ["LEG", "PTY"])


def test_title_before_known_person(nlp):
    doc = run(nlp, "Prime Minister Fumio Kishida arrived.")
    (m,) = mentions(doc)
    assert m.actor.name == "Fumio Kishida" and m.actor.code == "JPNGOV"
    assert "prime minister" in m.role


def test_kb_alias_inside_a_longer_name_is_someone_else(nlp):
    doc = run(nlp, "Legislator Tsai Chia-hao, a KMT lawmaker, spoke.", "2021-09-01")
    (m,) = mentions(doc)  # the pre-modifier and the apposition describe one person
    assert (m.actor.name, m.actor.code, m.actor.sectors) == (
        "Tsai Chia-hao",
        "TWNLEG",
        ["LEG", "PTY"],
    )


# ---------------------------------------------------------------- 5. coreference


def test_short_name_and_pronoun(nlp):
    text = "DPP politician Lin Mei-hua spoke first. Lin added that he was pleased."
    ms = mentions(run(nlp, text))
    full = ms[0]
    short = next(m for m in ms if m.kind == "shortname")
    pron = next(m for m in ms if m.kind == "pronoun")
    assert short.actor.text == "Lin" and short.actor.name == "Lin Mei-hua"
    assert ms[short.antecedent] is full and ms[pron.antecedent] is full
    assert pron.actor.text == "he"


def test_pronoun_prefers_the_subject(nlp):
    text = (
        "DPP politician Lin Mei-hua met colleague legislator Chen Wei-ting on Friday. "
        "He said the meeting went well."
    )
    ms = mentions(run(nlp, text))
    pron = next(m for m in ms if m.kind == "pronoun")
    assert pron.actor.name == "Lin Mei-hua"


def test_it_and_the_party(nlp):
    doc = run(nlp, "The LDP said it would not change course. The party said its members agreed.")
    ms = mentions(doc)
    assert [m.actor.name for m in ms] == ["LDP"] * 4
    assert [m.kind for m in ms] == ["party", "pronoun", "party", "pronoun"]
    assert doc._.ew_actors[0].mentions == 4


def test_gender_blocks_pronoun(nlp):
    ms = mentions(run(nlp, "Fumio Kishida arrived. She said nothing."))
    assert [m.kind for m in ms] == ["person"]


def test_pleonastic_it_is_not_resolved(nlp):
    ms = mentions(run(nlp, "Japan objected. It is clear that talks will fail."))
    assert [m.kind for m in ms] == ["country"]


# ---------------------------------------------------------------- 6. non-actors


@pytest.mark.parametrize(
    "text",
    [
        "Japanese public opinion has shifted.",
        "They ate Chinese food.",
        "Ships crossed the Taiwan Strait.",
        "The Japanese yen fell.",
    ],
)
def test_non_actor_uses(nlp, text):
    assert mentions(run(nlp, text)) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Japan Airlines cancelled flights.", "JPNBUS"),
        ("Taiwan Semiconductor hired staff.", "TWNBUS"),
    ],
)
def test_company_named_after_its_country_is_that_country_business(nlp, text, code):
    # CAMEO codes a state's firms as its business sector, not as the state
    assert [m.actor.code for m in mentions(run(nlp, text))] == [code]


def test_agent_word_used_as_adjective_is_not_an_actor(nlp):
    doc = run(nlp, "China's growing military presence worried the region.")
    assert codes(doc) == [("China", "CHN")]


def test_demonym_group_is_an_actor(nlp):
    doc = run(nlp, "Thousands of Chinese and Americans marched.")
    assert [m.actor.code for m in mentions(doc)][:1] == ["CHNCVL"]


def test_a_demonym_after_the_standing_alone_is_the_nation(nlp):
    doc = run(nlp, "The Chinese and the Americans disagreed.")
    assert [m.actor.code for m in mentions(doc)] == ["CHN", "USA"]


# ---------------------------------------------------------------- outputs


def test_span_group_and_actor_at(nlp):
    doc = run(nlp, "China's Foreign Ministry rejected the claim.")
    (span,) = doc.spans["ew_actors"]
    assert span._.ew_actor is doc._.ew_mentions[0]
    ministry = next(t for t in doc if t.text == "Ministry")
    assert actor_at(doc, ministry.i).actor.code == "CHNGOV"
    assert actor_at(doc, len(doc) - 1) is None


def test_summary_orders_by_mentions(nlp):
    doc = run(nlp, "Beijing warned Japan. Japan replied, and Japan's envoy left.")
    summary = [(a.name, a.code, a.mentions) for a in doc._.ew_actors]
    assert summary[0] == ("Japan", "JPN", 2)
    assert ("Chinese government", "CHNGOV", 1) in summary


def test_component_builds_fast(nlp):
    start = time.perf_counter()
    ActorRecognizer(nlp, "timing")
    assert time.perf_counter() - start < 2.0


# ---------------------------------------------------------------- the seed article


@pytest.mark.skipif(not SEED.exists(), reason="shared seed article not available (../shared)")
def test_seed_article(nlp):
    text = SEED.read_text(encoding="utf-8")
    doc = run(nlp, text, "2021-09-01")
    summary = {a.name: a for a in doc._.ew_actors}
    assert summary["LDP"].code == "JPNPTY"
    assert summary["DPP"].code == "TWNPTY"
    assert summary["Chinese foreign ministry"].code == "CHNGOV"
    for name in ("Lo Chih-cheng", "Tsai Shih-ying"):
        assert (summary[name].code, summary[name].sectors) == ("TWNLEG", ["LEG", "PTY"])
    assert summary["Yoshihide Suga"].code == "JPNGOV"
    defence = [m for m in doc._.ew_mentions if m.actor.text == "Defense Ministry"]
    assert defence and defence[0].actor.country == "JPN"
    # one primary sector in the code, the secondary one kept in sectors
    assert (defence[0].actor.code, defence[0].actor.sectors) == ("JPNGOV", ["GOV", "MIL"])
    ms = mentions(doc)
    lo_refs = [m for m in ms if m.actor.text in ("Lo", "He")]
    assert lo_refs and all(m.actor.name == "Lo Chih-cheng" for m in lo_refs)
    assert all(ms[m.antecedent].actor.text.endswith("Lo Chih-cheng") for m in lo_refs)
