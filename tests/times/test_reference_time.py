"""Normalisation that leans on context: the quarter a report is about, month and day years."""

from __future__ import annotations

from datetime import date

from timex_helpers import ANCHOR, values

from eventwire.times.calendar import month_year, nearest_year


def test_year_ago_in_a_quarterly_report_is_the_same_quarter(nlp):
    found = values(
        nlp,
        "The bakery chain said its profit for the third quarter rose to $8 million. "
        "It had earned $5 million a year ago. Sales in the quarter were flat, and the "
        "year-ago quarter had been hurt by floods.",
    )
    assert found["the third quarter"] == "2021-Q3"
    assert found["a year ago"] == "2020-Q3"
    assert found["the quarter"] == "2021-Q3"
    assert found["the year-ago quarter"] == "2020-Q3"


def test_last_year_in_a_comparison_follows_the_quarter(nlp):
    found = values(
        nlp,
        "For the second quarter the airline lost $40 million, compared with a gain of "
        "$12 million last year.",
    )
    assert found["last year"] == "2020-Q2"


def test_year_of_a_named_period_takes_the_quarter_in_focus(nlp):
    found = values(
        nlp,
        "Orders grew in the third quarter. In the 2020 period, the plant had been shut.",
    )
    assert found["the 2020 period"] == "2020-Q3"


def test_without_a_quarter_a_year_ago_is_a_year(nlp):
    found = values(nlp, "The bridge was opened a year ago by the mayor.")
    assert found["a year ago"] == "2020"


def test_a_decade_ago_names_a_year(nlp):
    assert values(nlp, "The two towns merged a decade ago.")["a decade ago"] == "2011"


def test_month_without_tense_is_the_nearest_one():
    # "the summit in February" told in November: the coming February
    assert month_year(ANCHOR, 2, None) == 2022
    assert month_year(date(2021, 2, 10), 11, "present") == 2020
    assert month_year(ANCHOR, 2, "past") == 2021


def test_past_tense_day_far_ahead_is_last_years():
    # "the plant closed on March 30", written in November: this year's, not next year's
    assert nearest_year(ANCHOR, 3, 30, "past") == date(2021, 3, 30)
    assert nearest_year(date(2021, 9, 10), 3, 1, "past") == date(2021, 3, 1)
    # a date a few weeks ahead stays ahead even in a past-tense report of a schedule
    assert nearest_year(ANCHOR, 12, 1, "past") == date(2021, 12, 1)


def test_day_without_tense_leans_to_the_past():
    # March 1 seen from September 10: 193 days back, 172 ahead; near enough to a tie that
    # the one a report most likely tells of, the past one, wins
    assert nearest_year(date(2021, 9, 10), 3, 1) == date(2021, 3, 1)
    # January 15 is clearly nearer ahead (127 days against 238)
    assert nearest_year(date(2021, 9, 10), 1, 15) == date(2022, 1, 15)
