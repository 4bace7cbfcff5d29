"""find_quoted: quotation marks paired by characters, before any parsing."""

from __future__ import annotations

import pytest

from eventwire.quotes import find_quoted


def texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we are ready” and left.", ["we are ready"]),
        ('She said "we are ready" and left.', ["we are ready"]),
        ("Er nannte es „unannehmbar“.", ["unannehmbar"]),
        ("Il a parlé de « provocation » hier.", ["provocation"]),
        ("A ‹minor› issue, a ‘major’ one.", ["minor", "major"]),
    ],
)
def test_common_marks_are_paired(text, expected):
    assert texts(text) == expected


def test_apostrophes_are_not_quote_marks():
    text = "Japan’s envoy and the ministers’ aides didn't say ‘no’ to Manila's plan."
    assert texts(text) == ["no"]


def test_an_unpaired_straight_mark_opens_nothing():
    assert texts('The 12" guns were old.\n\nNo one asked "why" then.') == ["why"]


def test_split_quote_gives_two_spans_without_the_trailing_comma():
    text = "“The door is open,” the envoy said, “but the clock is running.”"
    assert texts(text) == ["The door is open", "but the clock is running."]


def test_quote_inside_quote_stays_inside_the_outer_one():
    text = "“They called it ‘a mistake’ at once,” he said."
    assert texts(text) == ["They called it ‘a mistake’ at once"]


def test_newswire_quote_runs_over_paragraphs():
    text = "“The first paragraph ends open.\n\n“The second one closes,” she said.\n\nDone."
    (quote,) = find_quoted(text)
    assert len(quote.segments) == 2
    assert text[quote.start : quote.end].startswith("The first paragraph")
    assert text[quote.start : quote.end].endswith("The second one closes")
    # the span runs from the first opening mark to the closing one
    assert quote.outer == (0, text.index("”") + 1)


def test_lost_paragraph_break_continues_the_quote_in_one_line():
    text = "“We stay calm.  “We will talk again,” the mayor said."
    (quote,) = find_quoted(text)
    assert [text[a:b] for a, b in quote.segments] == ["We stay calm.", "We will talk again"]


def test_missing_closing_curly_mark_ends_at_the_paragraph_end():
    text = "He said: “We will be back.\n\nThe rain went on."
    assert texts(text) == ["We will be back."]
