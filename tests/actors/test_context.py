"""A country from context for actors with a sector and none of their own
(eventwire.actors.context): the phrase, the clause, the article; never a counterpart's."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.actors.group_helpers import actors_pipeline, run


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


def mention(nlp: Language, text: str, words: str):
    """The mention whose text contains ``words``."""
    found = [m for m in run(nlp, text)._.ew_mentions if words in m.actor.text]
    assert found, f"no mention with {words!r}"
    return found[0]


def test_a_country_on_the_persons_own_phrase_is_its_country(nlp):
    m = mention(nlp, "US Vice-President Jane Roe promised support for Kenya's reforms.", "Roe")
    assert m.actor.code == "USAGOV"
    assert "country:phrase" in m.role


def test_a_country_beside_the_actor_in_one_noun_phrase(nlp):
    text = "Canada sanctioned a powerful Chinese government entity on Monday."
    assert mention(nlp, text, "government").actor.code == "CHNGOV"


def test_the_one_state_of_a_sentence_places_a_titled_official(nlp):
    text = "Judge Maria Ortega opened an inquiry against Peruvian government officials."
    judge = mention(nlp, text, "Ortega")
    assert judge.actor.code == "PERJUD"
    assert "country:article" in judge.role


def test_a_government_facing_its_rebels_is_their_state(nlp):
    text = "President Amara Kolleh gave in to demands from the Revolutionary United Front."
    assert mention(nlp, text, "Kolleh").actor.country == "SLE"


def test_a_state_named_only_in_another_clause_places_the_actor_of_a_one_state_text(nlp):
    text = "Gen. Paul Kagiso resigned on Friday to let Botswana hold an election."
    general = mention(nlp, text, "Kagiso")
    assert general.actor.code == "BWAMIL"
    assert "country:article" in general.role


def test_a_foreign_counterpart_gives_no_country(nlp):
    # welcoming another state's leader says nothing of one's own state
    text = "President Jean Dufour welcomed Nigerian leader Musa Adamu in the capital."
    assert mention(nlp, text, "Dufour").actor.country is None


def test_two_states_in_play_give_no_country(nlp):
    text = "Defence Minister Tomas Lind said Norway and Sweden would share radar data."
    assert mention(nlp, text, "Lind").actor.country is None


def test_a_place_in_what_the_actor_says_is_not_its_state(nlp):
    text = "Foreign Minister Anders Berg said the union should mediate talks in Ukraine."
    assert mention(nlp, text, "Berg").actor.country is None


def test_in_an_article_the_actors_own_clause_decides(nlp):
    text = (
        "China and Japan held talks on Monday. "
        "In Nairobi, Interior Minister Joseph Mwangi banned all rallies."
    )
    minister = mention(nlp, text, "Mwangi")
    assert minister.actor.code == "KENGOV"
    assert "country:clause" in minister.role


def test_in_an_article_a_place_in_a_reported_clause_gives_nothing(nlp):
    text = "China and Japan held talks on Monday. The minister said it made heroes in Kenya."
    assert mention(nlp, text, "minister").actor.country is None


def test_a_place_visited_does_not_place_the_visitor(nlp):
    text = "China and Japan held talks on Monday. Interior Minister Joseph Mwangi visited Nairobi."
    assert mention(nlp, text, "Mwangi").actor.country is None


def test_armies_are_not_placed_by_the_article(nlp):
    # armies act abroad as often as at home: the sentence's state is not theirs
    text = "Troops shelled villages in Lebanon on Tuesday."
    assert mention(nlp, text, "Troops").actor.country is None


def test_another_office_holder_of_the_same_kind_gives_no_country(nlp):
    # two presidents in one sentence are more often counterparts than compatriots
    text = "The Ghanaian President voiced concern about President Tunde Bello's health."
    assert mention(nlp, text, "Bello").actor.country is None
