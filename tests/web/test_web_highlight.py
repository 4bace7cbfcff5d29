"""Highlight segments: overlapping marks cut into pieces that cover the text once."""

from __future__ import annotations

from eventwire.web.highlight import Mark, actor_marks, segments


def test_overlapping_marks_become_flat_segments():
    text = 'Rome said "Paris agreed today" later.'
    marks = [
        Mark(10, 29, "quote", "q"),
        Mark(11, 16, "actor", "Paris"),
        Mark(0, 4, "actor", "Rome"),
        Mark(24, 29, "time", "2026-01-01"),
    ]
    parts = segments(text, marks)
    assert "".join(text[p["start"] : p["end"]] for p in parts) == text
    by_text = {text[p["start"] : p["end"]]: p["kinds"] for p in parts}
    assert by_text["Paris"] == ["quote", "actor"]
    assert by_text["today"] == ["quote", "time"]
    assert by_text[" said "] == []


def test_marks_outside_the_text_are_ignored():
    assert segments("short", [Mark(3, 99, "event", "x"), Mark(2, 2, "event", "y")]) == [
        {"start": 0, "end": 5, "kinds": [], "labels": [], "refs": []}
    ]


def test_actor_marks_match_whole_words_only():
    text = "Japan and the Japanese navy met; Japan agreed."
    marks = actor_marks(text, [{"text": "Japan", "name": "Japan", "code": "JPN"}])
    assert [(m.start, m.end) for m in marks] == [(0, 5), (33, 38)]
