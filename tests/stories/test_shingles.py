from __future__ import annotations

from eventwire.stories.shingles import (
    content_words,
    jaccard,
    lead,
    normalise_words,
    stopwords,
    word_shingles,
)


def test_typographic_variants_give_the_same_shingles():
    plain = 'The minister\'s aide said "no" -- twice.'
    fancy = "The minister’s aide said “no” — twice."
    escaped = "The minister&apos;s aide said &quot;no&quot; - twice."
    assert word_shingles(plain, 3) == word_shingles(fancy, 3) == word_shingles(escaped, 3)


def test_short_text_is_one_shingle_and_empty_text_none():
    assert word_shingles("Talks resumed today", 5) == {"talks resumed today"}
    assert word_shingles("  ", 5) == set()


def test_shingles_are_runs_of_k_words():
    assert word_shingles("a b c d", 2) == {"a b", "b c", "c d"}


def test_content_words_drop_function_words_and_reporting_verbs():
    words = content_words("The ministry said on Tuesday that it had summoned the envoy.")
    assert words == {"ministry", "summoned", "envoy"}
    assert {"said", "the", "tuesday"} <= stopwords()


def test_lead_is_first_paragraph_cut_to_length():
    text = "First paragraph here.\n\nSecond one."
    assert lead(text) == "First paragraph here."
    assert lead("one two three four", max_words=2) == "one two"


def test_jaccard_of_empty_sets_is_zero():
    assert jaccard(set(), set()) == 0.0
    assert jaccard({"a", "b"}, {"b", "c"}) == 1 / 3


def test_words_are_lower_cased_without_punctuation():
    assert normalise_words("Beijing's PLA, again!") == ["beijing", "s", "pla", "again"]
