"""A month named without its own year takes the year its phrase or its "that" points to.

"that January day in 2011" is January 2011, not January of the publication year, and
"that March" after a paragraph about 2009 is March 2009; "said that March ..." is a
conjunction before the month and keeps the usual reading. Sentences are our own.
"""

from __future__ import annotations

from datetime import date

from timex_helpers import values

ANCHOR = date(2014, 6, 10)


def test_month_phrase_with_a_year_takes_that_year(nlp):
    found = values(nlp, "Crowds filled the avenue on that February morning in 2009.", ANCHOR)
    assert found["February"] == "2009-02"
    assert values(nlp, "The dam burst in the November of 1987.", ANCHOR)["November of 1987"] == (
        "1987-11"
    )


def test_that_month_refers_to_the_year_last_spoken_of(nlp):
    text = (
        "The drought began in 2006. That August, the reservoirs around the capital ran dry "
        "and the city rationed water."
    )
    assert values(nlp, text, ANCHOR)["August"] == "2006-08"


def test_that_as_a_conjunction_keeps_the_plain_reading(nlp):
    text = "In 2006 the drought began. Forecasters warned that August would bring no rain."
    assert values(nlp, text, ANCHOR)["August"] == "2014-08"


def test_without_an_earlier_year_that_month_is_the_nearest(nlp):
    found = values(nlp, "That August the harvest failed across the valley.", ANCHOR)
    assert found["August"] == "2013-08"
