"""The times stage: recognition, normalisation against the anchor, and date_for."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article
from eventwire.times import date_for, find_timexes, resolve
from eventwire.times.lexicon import parse_lexicon

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seed" / "000_d88547219a083dac.txt"
ANCHOR = date(2021, 9, 1)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    pipeline = build_pipeline()
    if "ew_times" not in pipeline.pipe_names:
        pipeline.add_pipe("ew_times", last=True)
    return pipeline


def times(nlp, text: str, anchor: date | None = ANCHOR) -> dict[str, tuple[str, str]]:
    """Text of each expression -> (value, precision), through the component."""
    doc = nlp.make_doc(text)
    if anchor is not None:
        doc._.ew_article = Article(id="t", text=text, published=anchor.isoformat())
    doc = nlp(doc)
    return {t.text: (t.value, t.precision) for t in doc._.ew_times}


def test_seed_phrases_in_own_sentences(nlp):
    found = times(
        nlp,
        "Party officials from both countries held security talks last week. The video "
        "meeting took place on August 27. A lawmaker joined the call on Friday. A white "
        "paper published in July warned of a crisis. Nobody expected this five years ago.",
    )
    assert found["last week"] == ("2021-W34", "week")
    assert found["August 27"] == ("2021-08-27", "day")
    assert found["Friday"] == ("2021-08-27", "day")
    assert found["July"] == ("2021-07", "month")
    assert found["five years ago"] == ("2016", "year")


def test_seed_article(nlp):
    if not SEED.exists():
        pytest.skip("needs ../shared/seed/000_d88547219a083dac.txt beside the project")
    found = times(nlp, SEED.read_text(encoding="utf-8"))
    assert found["last week"] == ("2021-W34", "week")
    assert found["August 27"] == ("2021-08-27", "day")
    assert found["Friday"] == ("2021-08-27", "day")
    assert found["July"] == ("2021-07", "month")
    assert found["five years ago"] == ("2016", "year")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended on 27 August 2021.", ("27 August 2021", "2021-08-27")),
        ("Talks ended on Aug. 27, 2021.", ("Aug. 27, 2021", "2021-08-27")),
        ("Talks ended on 2021-08-27.", ("2021-08-27", "2021-08-27")),
        ("Talks ended on 27/08/2021.", ("27/08/2021", "2021-08-27")),
        ("Talks ended on 08/27/2021.", ("08/27/2021", "2021-08-27")),  # 27 is no month
        ("Talks ended on 05/08/2021.", ("05/08/2021", "2021-08-05")),  # ambiguous: day first
        ("The treaty was signed in March 2019.", ("March 2019", "2019-03")),
        ("Troops left in the 1990s.", ("1990s", "199")),
        ("Profits fell in the third quarter of 2020.", ("the third quarter of 2020", "2020-Q3")),
        ("Sales rose last summer.", ("last summer", "2021-SU")),
        ("Elections are due in the spring of 2022.", ("the spring of 2022", "2022-SP")),
    ],
)
def test_absolute_forms(nlp, text, expected):
    found = times(nlp, text)
    assert found[expected[0]][0] == expected[1]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The minister resigned yesterday.", "yesterday", "2021-08-31"),
        ("The minister speaks today.", "today", "2021-09-01"),
        ("The minister will speak tomorrow.", "tomorrow", "2021-09-02"),
        ("Ministers met last month.", "last month", "2021-08"),
        ("Ministers will meet next month.", "next month", "2021-10"),
        ("Ministers meet this week.", "this week", "2021-W35"),
        ("Ministers met last year.", "last year", "2020"),
        ("Ministers will meet next year.", "next year", "2022"),
        ("The envoy arrived two days ago.", "two days ago", "2021-08-30"),
        ("The envoy arrived three weeks ago.", "three weeks ago", "2021-W32"),
        ("The envoy arrived six months ago.", "six months ago", "2021-03"),
        ("The deal was struck earlier this year.", "earlier this year", "2021"),
        ("The envoy met rebels on Friday.", "Friday", "2021-08-27"),
        ("The envoy will meet rebels on Friday.", "Friday", "2021-09-03"),
        ("The envoy will meet rebels next Monday.", "next Monday", "2021-09-06"),
        ("The protest happened in October.", "October", "2020-10"),  # past: not yet this year
        ("The vote will be held in July.", "July", "2022-07"),  # future: next July
        ("Exports grew in the second quarter.", "the second quarter", "2021-Q2"),
    ],
)
def test_relative_expressions(nlp, text, phrase, value):
    assert times(nlp, text)[phrase][0] == value


def test_durations_kept_apart_from_points(nlp):
    found = times(nlp, "The ceasefire held for three weeks. He served two years in jail.")
    assert found["three weeks"] == ("P3W", "week")
    assert found["two years"] == ("P2Y", "year")


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again, Theresa May said.",
        "Thousands joined a protest march through the capital.",
        "The Good Friday Agreement ended decades of conflict.",
        "The Sunday Times reported the deal.",
        "Mr August declined to comment.",
        "Rebels march towards the city.",
    ],
)
def test_false_positives_are_not_points(nlp, text):
    found = times(nlp, text)
    points = {k: v for k, v in found.items() if not v[0].startswith("P")}
    assert points == {}


def test_references_and_sets_stay_out_of_ew_times(nlp):
    doc = nlp.make_doc("Prices are now rising daily, and recently they doubled.")
    doc._.ew_article = Article(id="t", text=doc.text, published="2021-09-01")
    doc = nlp(doc)
    assert doc._.ew_times == []
    values = {t.value for t in find_timexes(doc, ANCHOR)}
    assert {"PRESENT_REF", "P1D", "PAST_REF"} <= values


def test_no_anchor_keeps_only_absolute_expressions(nlp):
    found = times(nlp, "The pact of 12 May 2020 was broken last week.", anchor=None)
    assert found == {"12 May 2020": ("2020-05-12", "day")}


def test_resolve_without_spacy():
    found = {t.text: t.value for t in resolve("Ministers met on Friday, 27 August.", ANCHOR)}
    assert found["Friday, 27 August"] == "2021-08-27"
    assert [t.value for t in resolve("He was born in 1950.", None)] == ["1950"]


def test_date_for_picks_the_clause_expression(nlp):
    text = "On Monday the ministry said that troops had crossed the border on Friday."
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2021-09-01")
    doc = nlp(doc)
    crossed = next(t for t in doc if t.text == "crossed")
    said = next(t for t in doc if t.text == "said")
    assert date_for(doc, crossed) == ("2021-08-27", "day")
    assert date_for(doc, said) == ("2021-08-30", "day")


def test_date_for_falls_back_to_sentence_then_none(nlp):
    text = "Last week was tense. The army withdrew, officials said."
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2021-09-01")
    doc = nlp(doc)
    withdrew = next(t for t in doc if t.text == "withdrew")
    assert date_for(doc, withdrew) is None
    tense = next(t for t in doc if t.text == "tense")
    assert date_for(doc, tense) == ("2021-W34", "week")


def test_component_rejects_a_bad_anchor():
    pipeline = build_pipeline()
    if "ew_times" in pipeline.pipe_names:
        pipeline.remove_pipe("ew_times")
    with pytest.raises(Exception, match="E001"):
        pipeline.add_pipe("ew_times", config={"anchor": "not a date"})


def test_word_list_errors_name_the_line():
    with pytest.raises(DataFileError, match="line 2"):
        parse_lexicon("month\tjanuary\t1\nmonth\tsmarch\t13\n")
