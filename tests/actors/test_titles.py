"""Titles before a name (data/actors/titles.tsv): ranks, religious and traditional titles,
abbreviations; "former" office holders."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.actors.group_helpers import actors_pipeline, run

from eventwire.actors.titles import load_titles, parse_titles
from eventwire.errors import DataFileError


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


def people(nlp: Language, text: str) -> dict[str, list[str]]:
    """Person mention text → sectors."""
    doc = run(nlp, text)
    return {m.actor.text: m.actor.sectors for m in doc._.ew_mentions if m.kind == "person"}


def test_an_abbreviated_rank_is_one_token_and_makes_an_officer(nlp):
    doc = run(nlp, "Lt. Gen. Hamid Zaman resigned on Tuesday.")
    assert [t.text for t in doc[:2]] == ["Lt.", "Gen."]
    assert people(nlp, "Lt. Gen. Hamid Zaman resigned on Tuesday.") == {
        "Lt. Gen. Hamid Zaman": ["MIL"]
    }


def test_a_religious_title_makes_an_elite(nlp):
    assert people(nlp, "Archbishop Peter Mensah called for calm.") == {
        "Archbishop Peter Mensah": ["ELI"]
    }


def test_a_title_without_a_name_is_no_one(nlp):
    assert run(nlp, "Major powers agreed to meet again.")._.ew_mentions == []


def test_a_rank_outranks_the_job_in_apposition(nlp):
    found = people(nlp, "Colonel Wang Tao, a spokesman for the command, denied the report.")
    assert found["Colonel Wang Tao"][0] == "MIL"


def test_a_name_after_a_title_is_kept_whole_when_ner_misses_it(nlp):
    found = people(nlp, "Vice-President Moses Kiprono has declined to resign.")
    assert list(found) == ["Vice-President Moses Kiprono"]
    assert found["Vice-President Moses Kiprono"] == ["GOV"]


def test_a_former_office_holder_is_an_elite(nlp):
    found = people(nlp, "A Peruvian judge summoned former president Luis Quispe.")
    assert found["president Luis Quispe"][0] == "ELI"


def test_every_title_form_is_known():
    titles = load_titles()
    assert titles.named("Lt. Gen.").sectors == ("MIL",)
    assert titles.named("Archbishop").sectors == ("ELI",)


def test_a_bad_row_names_the_file_and_line():
    text = "title\tsectors\tgender\tforms\nColonel\tMIL\t\tCol.\nBishop\tXYZ\t\t\n"
    with pytest.raises(DataFileError, match=r"titles.tsv.*line 3"):
        parse_titles(text, "titles.tsv", frozenset({"MIL", "ELI"}))


def test_a_form_used_twice_is_an_error():
    text = "title\tsectors\tgender\tforms\nColonel\tMIL\t\tCol.\nCommander\tMIL\t\tCol.\n"
    with pytest.raises(DataFileError, match="already on line 2"):
        parse_titles(text, "titles.tsv", frozenset({"MIL"}))


def test_a_title_without_a_name_keeps_its_modifiers_country(nlp):
    doc = run(nlp, "The Ghanaian President has called for calm.")
    assert [m.actor.code for m in doc._.ew_mentions] == ["GHAGOV"]
