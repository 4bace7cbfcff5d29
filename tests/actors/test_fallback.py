"""NER fallback for organisations outside the knowledge base.

Every sentence and organisation name here is invented for these tests.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.actors.fallback import load_org_words, parse_org_words
from eventwire.errors import DataFileError
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def coded(nlp: Language, text: str) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2022-03-01")
    return {m.actor.text: m.actor.code for m in nlp(doc)._.ew_mentions}


def test_possessive_country_and_head_noun_sector(nlp):
    found = coded(nlp, "Taiwan's Coastal Heritage Council criticised the plan.")
    assert found == {"Taiwan's Coastal Heritage Council": "TWNGOV"}


def test_country_inside_the_name(nlp):
    found = coded(nlp, "The Taiwan Foundation for Democracy funded the survey.")
    assert found["Taiwan Foundation for Democracy"] == "TWNNGO"


def test_country_after_in(nlp):
    found = coded(nlp, "Officials from the Rural Development Council in Japan met farmers.")
    assert found["Rural Development Council"] == "JPNGOV"


def test_no_country_no_actor(nlp):
    found = coded(nlp, "The Kuomintang-aligned Foo Institute published a report.")
    assert not any("Institute" in text for text in found)


@pytest.mark.parametrize(
    "text",
    [
        "Freedonia United beat the Japanese side Osaka Rovers FC on Sunday.",
        "The Ruritania Cup opened in Japan on Sunday.",
    ],
)
def test_teams_and_events_stay_out(nlp, text):
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2022-03-01")
    names = [m.actor.name for m in nlp(doc)._.ew_mentions]
    words = ("United", "Rovers", "Cup")
    assert not any(w in name for name in names for w in words)


def test_company_with_a_country_is_coded_business(nlp):
    found = coded(nlp, "Japan's Sakura Airlines cancelled its flights.")
    assert found["Japan's Sakura Airlines"] == "JPNBUS"


def test_head_noun_sector_beats_a_company_word(nlp):
    found = coded(nlp, "The Kenyan Air Corps flew over the border.")
    assert found["Kenyan Air Corps"] == "KENMIL"


def test_sector_word_elsewhere_in_the_name(nlp):
    found = coded(nlp, "The Kenyan Monitor for Human Rights published a list.")
    assert found["Kenyan Monitor for Human Rights"] == "KENHRI"


def test_word_lists_load_and_bad_lines_name_file_and_line():
    words = load_org_words()
    assert words.sectors["council"] == ("GOV",) and "FC" in words.exclude
    assert words.business["Airlines"] == ("BUS",)
    with pytest.raises(DataFileError, match=r"mine\.tsv \(line 3\).*kind 'maybe'"):
        parse_org_words("word\tkind\tsectors\ncouncil\tsector\tGOV\nclub\tmaybe\t\n", "mine.tsv")
    with pytest.raises(DataFileError, match=r"line 2.*known sectors"):
        parse_org_words(
            "word\tkind\tsectors\ncouncil\tsector\tXYZ\n", "mine.tsv", frozenset({"GOV"})
        )


def test_a_bracketed_acronym_after_a_named_body_is_its_alias():
    from tests.actors.group_helpers import actors_pipeline, run

    nlp = actors_pipeline()
    # "AKK" alone is a person of people.tsv; after a body's name it is that body
    doc = run(nlp, "The Montenegro Municipality Association (AKK) asked for support.")
    codes = {m.actor.text: m.actor.code for m in doc._.ew_mentions}
    assert codes["AKK"] == codes["Montenegro Municipality Association"]
    assert all(m.kind != "person" for m in doc._.ew_mentions)


def test_an_acronym_after_an_unknown_name_is_not_looked_up_as_a_person():
    from tests.actors.group_helpers import actors_pipeline, run

    doc = run(actors_pipeline(), "The Kenyan Union of Tea Growers (AKK) protested on Monday.")
    assert "AKK" not in {m.actor.text for m in doc._.ew_mentions}
