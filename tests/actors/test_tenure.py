"""Office holders on the article's day (eventwire.actors.tenure): a listed person's alias
names them only in office or when named in full; out of office they are elites."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.actors.group_helpers import actors_pipeline, run


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


def people(nlp: Language, text: str, published: str) -> dict[str, str]:
    """Mention text → code, for people and their short names."""
    doc = run(nlp, text, published)
    return {
        m.actor.text: m.actor.code for m in doc._.ew_mentions if m.kind in ("person", "shortname")
    }


def test_a_surname_alias_out_of_office_and_never_named_in_full_is_no_one(nlp):
    # Liam Fox left the UK defence ministry in 2011: a Fox in 2012 is someone else
    text = "Fox, a young swimmer, lodged a protest with the judges."
    assert people(nlp, text, "2012-08-01") == {}


def test_a_surname_alias_in_office_is_the_office_holder(nlp):
    found = people(nlp, "Fox criticised the budget on Monday.", "2011-03-01")
    assert found == {"Fox": "GBRGOV"}


def test_a_surname_alias_of_another_persons_full_name_is_that_person(nlp):
    # Penny Wong is foreign minister from 2022; the student named in full is not her
    text = "The student leader Joshua Wong was held at the airport. Wong said he would appeal."
    found = people(nlp, text, "2023-10-05")
    assert all(code != "AUSGOV" for code in found.values())


def test_a_person_named_in_full_after_the_term_is_an_elite_not_the_government(nlp):
    found = people(nlp, "David Miliband urged restraint. Miliband spoke in London.", "2013-12-03")
    assert found == {"David Miliband": "GBRELI", "Miliband": "GBRELI"}


def test_a_role_noun_before_a_name_out_of_office_gives_its_sector(nlp):
    found = people(nlp, "President Bush threatened further action against Iran.", "1992-01-01")
    assert found == {"President Bush": "USAGOV"}


def test_an_alias_before_the_body_it_heads_is_kept(nlp):
    doc = run(nlp, "The Bush administration declared that Iran must stop.", "1992-01-01")
    assert next(m.actor.code for m in doc._.ew_mentions) == "USAGOV"


def test_the_vice_presidency_is_a_listed_office(nlp):
    found = people(nlp, "Joe Biden flew to Seoul. Biden met the president.", "2013-12-03")
    assert found == {"Joe Biden": "USAGOV", "Biden": "USAGOV"}


def test_without_a_date_the_latest_term_stands(nlp):
    doc = nlp("Fox criticised the budget on Monday.")
    assert [m.actor.code for m in doc._.ew_mentions] == ["GBRGOV"]


def test_an_alias_after_an_office_is_still_another_persons_name_in_the_article(nlp):
    # Ben Wallace is a UK minister from 2019; a US vice-president Henry Wallace is not him
    text = "The 1944 convention dropped Henry Wallace. Vice-president Wallace had opposed it."
    doc = run(nlp, text, "2013-04-15")
    assert all(m.actor.country != "GBR" for m in doc._.ew_mentions)
