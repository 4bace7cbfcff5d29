"""Coreference rules, primary sectors and canonical names of the ``ew_actors`` component.

Every sentence here is written for these tests (no news text is copied).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def run(nlp: Language, text: str, published: str = "2022-03-01") -> Doc:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published=published)
    return nlp(doc)


def find(doc: Doc, text: str):
    return next(m for m in doc._.ew_mentions if m.actor.text == text)


def test_the_island_is_the_state_named_before(nlp):
    doc = run(nlp, "Taipei rejected the demand. Analysts expect more pressure on the island.")
    island = find(doc, "the island")
    assert (island.kind, island.actor.code, island.actor.name) == ("description", "TWN", "Taiwan")


def test_the_country_without_a_state_before_is_not_an_actor(nlp):
    doc = run(nlp, "Analysts said the country would vote in May.")
    assert all(m.kind != "description" for m in doc._.ew_mentions)


def test_as_adjunct_gives_its_referent_not_the_state_inside_it(nlp):
    text = (
        "Japan sent two envoys to the summit. "
        "As the closest country to the Philippines, its stake in the talks is high."
    )
    doc = run(nlp, text)
    its = find(doc, "its")
    assert its.actor.country == "JPN"  # not the Philippines, named inside the adjunct


def test_it_prefers_a_possessor_over_an_object_of_a_preposition(nlp):
    text = "Germany's statement was about France. It wants calm."
    it = find(run(nlp, text), "It")
    assert it.actor.country == "DEU"


def test_the_lawmaker_is_the_person_with_that_role(nlp):
    text = "Chen Wei-ting, a DPP lawmaker, visited Tokyo. The lawmaker said the trip went well."
    doc = run(nlp, text)
    lawmaker = doc._.ew_mentions[-1]
    assert lawmaker.kind == "description" and lawmaker.start_char > text.index(".")
    assert lawmaker.actor.name == "Chen Wei-ting" and lawmaker.actor.code == "TWNLEG"


def test_code_has_one_primary_sector_and_sectors_keep_all(nlp):
    doc = run(nlp, "Japan's coast guard and China's defence ministry issued statements.")
    guard, ministry = find(doc, "Japan's coast guard"), find(doc, "China's defence ministry")
    assert (guard.actor.code, guard.actor.sectors) == ("JPNMIL", ["MIL", "COP"])
    assert (ministry.actor.code, ministry.actor.sectors) == ("CHNGOV", ["GOV", "MIL"])


def test_canonical_names_use_the_country_adjective(nlp):
    doc = run(nlp, "Beijing protested, and Taiwanese lawmakers met Japan's foreign minister.")
    names = {m.actor.text: m.actor.name for m in doc._.ew_mentions}
    assert names["Beijing"] == "Chinese government"
    assert names["Taiwanese lawmakers"] == "Taiwanese lawmaker"


def test_agent_takes_its_country_from_in_x(nlp):
    doc = run(nlp, "Protesters in Myanmar blocked the main road.")
    protesters = doc._.ew_mentions[0]
    # CAMEO codes protesters as popular opposition (OPP)
    assert (protesters.actor.text, protesters.actor.code) == ("Protesters in Myanmar", "MMROPP")


# ---------------------------------------------------------------- topic, reflexives, outlets


def _pronoun_codes(doc) -> dict[str, str]:
    return {m.actor.text: m.actor.code for m in doc._.ew_mentions if m.kind == "pronoun"}


def test_a_plural_pronoun_is_not_the_last_state_of_a_list_in_an_earlier_sentence(nlp):
    doc = nlp("Its claims angered Japan, Vietnam and even Brunei. Nobody expects they will yield.")
    assert "they" not in _pronoun_codes(doc)


def test_a_plural_pronoun_may_be_the_state_that_reports_its_clause(nlp):
    doc = nlp("The US claimed that they had struck the depot.")
    assert _pronoun_codes(doc) == {"they": "USA"}


def test_a_reflexive_is_the_subject_of_its_own_verb(nlp):
    doc = nlp("Taiwan held drills. The US government pledged to help the island defend itself.")
    assert _pronoun_codes(doc)["itself"] == "TWN"


def test_a_news_outlet_a_sentence_is_attributed_to_is_no_antecedent(nlp):
    text = (
        "She called on China to act in a fair way, the Wall Street Journal reported. "
        '"We want them to play a positive role," she said.'
    )
    assert "MED" not in _pronoun_codes(nlp(text)).values()


def test_a_subject_pronoun_keeps_the_topic_of_the_last_one(nlp):
    # "it" is a firm the knowledge base does not know: no object named after it is "It"
    text = (
        "Founded in 1985, it has built networks for Vodafone and France Telecom. "
        "It has been accused of helping Iran."
    )
    codes = [m.actor.code for m in nlp(text)._.ew_mentions if m.kind == "pronoun"]
    assert "FRABUS" not in codes
