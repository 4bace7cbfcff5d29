"""Forms of temporal expression added for TempEval-style values (issue 6).

Spelled-out years, ordinal centuries, a month with "last year", a clock time with its
day, halves and "more" in durations, vague plural durations, weekly and yearly sets,
holidays kept on a weekday, reporting years, and words TimeML leaves unmarked. These
run on plain text (no parse), through the same recogniser and normaliser.
"""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.errors import DataFileError
from eventwire.times.calendar import floating_day
from eventwire.times.context import TextContext
from eventwire.times.extract import extract
from eventwire.times.lexicon import parse_lexicon

ANCHOR = date(2021, 9, 1)  # a Wednesday


def values(text: str, anchor: date | None = ANCHOR) -> dict[str, str]:
    """Text of each expression -> TIMEX3 value, sets and references included."""
    return {t.text: t.value for t in extract(TextContext(text, anchor))}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The plant closed in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("The mine opened in nineteen oh five.", "nineteen oh five", "1905"),
        (
            "She arrived in January nineteen ninety-seven.",
            "January nineteen ninety-seven",
            "1997-01",
        ),
        (
            "It froze in the winter of nineteen eighty-two.",
            "the winter of nineteen eighty-two",
            "1982-WI",
        ),
        ("Banks feared the year two thousand.", "the year two thousand", "2000"),
    ],
)
def test_spelled_out_years(text, expr, value):
    assert values(text)[expr] == value


def test_two_thousand_alone_is_a_count():
    assert values("About two thousand people marched in the square.") == {}


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("He was a leader of the 20th century in many ways.", "the 20th century", "19"),
        ("They restored an 11th-century chapel.", "11th-century", "10"),
        ("The fort dates from the eighteenth century.", "the eighteenth century", "17"),
    ],
)
def test_ordinal_centuries(text, expr, value):
    assert values(text)[expr] == value


def test_month_with_a_relative_year_is_one_expression():
    found = values("The board met in July last year and again on March 3 this year.")
    assert found["July last year"] == "2020-07"
    assert found["March 3 this year"] == "2021-03-03"
    assert "last year" not in found and "this year" not in found


def test_clock_time_takes_the_following_day():
    found = values("The shop was robbed at 10 p.m. Monday, and talks broke off at noon Tuesday.")
    assert found["10 p.m. Monday"] == "2021-08-30T22:00"
    assert found["noon Tuesday"] == "2021-08-31T12:00"
    assert values("The deadline passed at 5 p.m. EST, Aug. 20.")["5 p.m. EST, Aug. 20"] == (
        "2021-08-20T17:00"
    )


def test_midday_is_noon():
    assert values("The judge will rule at midday.")["midday"] == "2021-09-01T12:00"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Refugees waited in the camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M"),
        ("The alarm rang for a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The lease runs for at least 20 more years.", "at least 20 more years", "P20Y"),
        ("Talks may need two more weeks.", "two more weeks", "P2W"),
        ("He asked for an additional year.", "an additional year", "P1Y"),
        ("The dispute lasted two and a half decades.", "two and a half decades", "P25Y"),
    ],
)
def test_durations_with_halves_and_more(text, expr, value):
    assert values(text)[expr] == value


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("Troops could arrive within weeks.", "weeks", "PXW"),
        ("The patient died within weeks or months of the attack.", "weeks or months", "PXW"),
        ("The valley was farmed for centuries.", "centuries", "PXC"),
    ],
)
def test_vague_plural_durations(text, expr, value):
    assert values(text)[expr] == value


def test_sets_of_weekdays_and_months():
    found = values("A ferry leaves each Thursday, and pilgrims come every July.")
    assert found["each Thursday"] == "XXXX-WXX-4"
    assert found["every July"] == "XXXX-07"
    assert values("Guards patrol every Monday night.")["every Monday night"] == "XXXX-WXX-1TNI"


def test_holidays_kept_on_a_weekday():
    assert floating_day(1999, "11-01-4-4") == date(1999, 11, 25)  # Thanksgiving
    assert floating_day(1998, "11-02-1-2") == date(1998, 11, 3)  # Election Day
    after = date(2000, 1, 7)
    assert values("The boy was rescued on Thanksgiving Day.", after)["Thanksgiving Day"] == (
        "1999-11-25"
    )
    assert values("He was rescued last Thanksgiving.", after)["last Thanksgiving"] == "1999-11-25"
    before = date(1998, 10, 26)
    assert values("The race will be close on Election Day.", before)["Election Day"] == (
        "1998-11-03"
    )
    assert values("We skipped Christmas.", date(2021, 1, 10))["Christmas"] == "2020-12-25"


def test_reporting_year_is_a_duration_and_its_end_a_date():
    found = values("Net income for the year ended March 31 rose.", date(1989, 10, 26))
    assert found["the year"] == "P1Y"
    assert found["March 31"] == "1989-03-31"
    assert values("Sales for the full year were flat.", date(1989, 10, 26))["the full year"] == (
        "1989"
    )


def test_decade_in_words():
    assert values("Crime fell through the nineties.", date(1998, 3, 3))["the nineties"] == "199"


def test_words_timeml_leaves_unmarked():
    found = values("The firm previously sold toys. Today's youth prefer games, the man said today.")
    assert "previously" not in found
    assert list(found.values()) == ["2021-09-01"]  # only the day of "said today"


def test_floating_holiday_entries_are_checked():
    with pytest.raises(DataFileError, match="line 2"):
        parse_lexicon("floating\tlabor day\t09-01-1-1\nfloating\tbad day\t13-01-1-1\n")


def test_one_day_after_a_modal_is_someday():
    assert values("The river will one day flood the town.")["one day"] == "FUTURE_REF"
    assert values("The repair took one day.")["one day"] == "P1D"


def test_a_deadline_after_a_past_verb_may_lie_ahead():
    monday = date(2000, 4, 3)
    found = values("Officials gave the family until 9 a.m. Tuesday to answer.", monday)
    assert found["9 a.m. Tuesday"] == "2000-04-04T09:00"
    assert values("Officials gave the family until Tuesday.", monday)["Tuesday"] == "2000-04-04"
    assert values("Officials met the family on Tuesday.", monday)["Tuesday"] == "2000-03-28"
