"""Reporting periods, plans told in the past, and months that name things (issue 6).

Each test protects one class of error read off the TempEval-3 training parts (TimeBank,
AQUAINT); the sentences are our own.
"""

from __future__ import annotations

from datetime import date

import pytest
from timex_helpers import ANCHOR, values

from eventwire.times.context import TextContext
from eventwire.times.extract import extract


def plain(text: str, anchor: date = ANCHOR) -> dict[str, str]:
    """The same, from the text alone (no parse)."""
    return {t.text: t.value for t in extract(TextContext(text, anchor))}


def test_year_possessive_quarter_is_one_expression():
    found = plain(
        "Sales for this year's third quarter fell, and the board expects a recovery "
        "in next year's first quarter."
    )
    assert found["this year's third quarter"] == "2021-Q3"
    assert found["next year's first quarter"] == "2022-Q1"


def test_last_years_quarter_follows_the_quarter_in_focus(nlp):
    found = values(
        nlp,
        "The mill earned $4 million in the third quarter. Its exports in last year's "
        "quarter were larger.",
    )
    assert found["last year's quarter"] == "2020-Q3"


def test_comparisons_after_nine_months_are_the_year_before(nlp):
    found = values(
        nlp,
        "The grocer's profit rose 12% in the third quarter. For the first nine months, "
        "it earned $40 million, up from $31 million a year earlier.",
    )
    assert found["the third quarter"] == "2021-Q3"
    assert found["the first nine months"] == "P9M"
    assert found["a year earlier"] == "2020"


def test_an_older_year_period_does_not_become_the_focus(nlp):
    found = values(
        nlp,
        "The chipmaker earned $9 million in the fiscal first quarter. In the 2020 "
        "period it had earned $6 million. Shipments grew in the quarter.",
    )
    assert found["the 2020 period"] == "2020-Q1"
    assert found["the quarter"] == "2021-Q1"


def test_year_ago_after_the_earlier_period_names_it_again(nlp):
    found = values(
        nlp,
        "The insurer lost $20 million in the first nine months, against a gain in the "
        "2020 period. The year-ago results included a large charge.",
    )
    assert found["year-ago"] == "2020"


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        ("The retailer had its best month of the year in March.", "the year", "2021"),
        ("The deal should close by year-end, the bank said.", "year-end", "2021"),
        ("Prices climbed until the end of the month.", "the end of the month", "2021-11"),
    ],
)
def test_the_current_year_named_as_such(text, expr, value):
    assert plain(text)[expr] == value


def test_the_year_before_a_reporting_date_stays_a_duration():
    assert plain("Profit for the year ended March 31 doubled.")["the year"] == "P1Y"


def test_a_plan_told_in_the_past_keeps_its_day_ahead(nlp):
    # told on Wednesday 3 November: the plan is for the coming Saturday
    found = values(nlp, "Farmers planned a march on Saturday in the capital.")
    assert found["Saturday"] == "2021-11-06"


def test_be_to_announces_a_day_ahead(nlp):
    found = values(nlp, "The shares are to resume trading Friday in Frankfurt.")
    assert found["Friday"] == "2021-11-05"


def test_a_reporting_period_that_ended_is_in_the_past(nlp):
    # March 31 is nearer ahead (148 days) than behind (217), but the year has ended
    found = values(nlp, "Profit for the year ended March 31 doubled.")
    assert found["March 31"] == "2021-03-31"


def test_a_month_before_a_noun_is_a_time(nlp):
    found = values(nlp, "The union rejected the June agreement with the owners.")
    assert found["June"] == "2021-06"


def test_a_month_in_a_name_is_not():
    assert "March" not in plain("Volunteers for the March of Dimes collected coins.")


def test_a_month_ahead_that_dates_a_thing_is_not_pushed_back(nlp):
    # the announcing is past, but the cut it announced is for December, still ahead
    found = values(nlp, "The ministry announced a visit by the trade minister in December.")
    assert found["December"] == "2021-12"


def test_this_month_name_is_in_the_anchor_year():
    assert (
        plain("Elections are due this September.", date(2021, 2, 10))["this September"] == "2021-09"
    )


def test_ages_and_quoted_titles_are_not_times():
    found = plain('When he was in his 30s he hosted "This Week" and watched "60 Minutes".')
    assert found == {}
