"""Country words that are no actor and no place (eventwire.actors.usage): inside a
person's or a region's name, or the first half of a word such as "French-speaking"."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.actors.group_helpers import actors_pipeline, codes


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


def test_a_capital_ending_a_persons_name_is_not_the_government(nlp):
    found = codes(nlp, "Independent MP Thomas Wellington will back the motion.")
    assert "NZLGOV" not in found.values()
    assert "Wellington" not in found


def test_a_country_word_in_a_region_name_places_no_group(nlp):
    found = codes(nlp, "Hundreds of farmers were evicted in Latin America last year.")
    assert all(not code.startswith("USA") for code in found.values())


def test_a_language_adjective_gives_no_country(nlp):
    text = "The premier, once mayor of a French-speaking town near the border, resigned."
    assert all(not code.startswith("FRA") for code in codes(nlp, text).values())


def test_a_country_word_at_the_start_of_a_people_name_stays(nlp):
    found = codes(nlp, "Kosovo Serbs demanded autonomy from Kosovo authorities.")
    assert found["Serbs"] == "SRBCVL"


def test_a_surname_glued_by_hyphens_into_a_place_name_is_no_person(nlp):
    # "Mazar-i-Sharif" is a city; the listed prime minister Sharif is not in it
    found = codes(nlp, "Fighting broke out near Mazar-i-Sharif on Sunday.", "2015-06-01")
    assert not any(code.startswith("PAK") for code in found.values())
    found = codes(nlp, "Nawaz Sharif met his Indian counterpart on Friday.", "2015-06-01")
    assert found["Nawaz Sharif"] == "PAKGOV"
