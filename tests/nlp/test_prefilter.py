"""The pre-filter keeps sentences that may carry an event, a quote or a time, blanks the rest."""

from __future__ import annotations

import pytest

from eventwire.nlp.pipeline import get_pipeline, get_prefilter
from eventwire.nlp.prefilter import Prefilter, inflections


@pytest.fixture(scope="module")
def prefilter() -> Prefilter:
    return get_prefilter(get_pipeline())


def test_inflections_cover_regular_verb_forms():
    assert {"accuse", "accuses", "accused", "accusing"} <= inflections("accuse")
    assert {"deny", "denies", "denied"} <= inflections("deny")
    assert {"ban", "banned", "banning"} <= inflections("ban")
    assert inflections("talk", noun=True) == {"talk", "talks", "talkes"}


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister accused the neighbouring state of spying.",  # event verb
        "Both navies held drills in the strait.",  # irregular form of an event verb
        "A spokeswoman declined to comment.",  # verb + object pattern
        "Officials said the border would reopen.",  # reporting cue
        "The vote is expected in March.",  # month
        "Nothing changed after 2019.",  # a digit
        "“We will not back down,” came the reply.",  # a quotation mark
    ],
)
def test_sentences_that_may_carry_something_are_wanted(prefilter, sentence):
    assert prefilter.wanted(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather was pleasant and the streets were quiet.",
        "Fanciful as it seems, the idea has its admirers.",
        "Few of the villagers had seen the sea.",
    ],
)
def test_sentences_without_cue_trigger_or_time_are_not_wanted(prefilter, sentence):
    assert not prefilter.wanted(sentence)


def test_keys_match_whole_words_only(prefilter):
    # "said" hides in "saidly" and "met" in "metal": neither is a word on its own here.
    assert not prefilter.wanted("The metal roofs looked saidly grey.")


def test_select_blanks_dropped_sentences_and_keeps_offsets(prefilter):
    text = (
        "The harbour was calm at dawn. "
        "Officials said the patrol boats left the port. "
        "The gulls circled overhead.\n\n"
        "Fishermen watched from the pier."
    )
    selection = prefilter.select(text)
    assert len(selection.text) == len(text)
    kept = "Officials said the patrol boats left the port."
    start = text.index(kept)
    assert selection.text[start : start + len(kept)] == kept
    assert "gulls" not in selection.text and "harbour" not in selection.text
    assert selection.text.count("\n") == text.count("\n")  # paragraph breaks stay
    assert selection.kept == 1 and selection.dropped == 3


def test_short_texts_are_never_blanked(prefilter):
    text = "The gulls circled overhead. The harbour was calm."
    assert prefilter.select(text).text == text


def test_actor_sentences_are_kept_unless_switched_off():
    # They hold the antecedents that coreference needs ("It" later in the article).
    nlp = get_pipeline()
    without_actors = Prefilter.from_pipeline(nlp, keep_actor_sentences=False)
    sentence = "Japan has a long coastline with many small islands."
    assert get_prefilter(nlp).wanted(sentence)
    assert not without_actors.wanted(sentence)


def test_prefiltered_doc_gives_spans_in_the_original_text():
    from eventwire.api import extract_text

    text = (
        "The morning was grey over the bay. "
        "The ministry said on Tuesday that Japan would send two patrol ships. "
        "The gulls circled overhead."
    )
    result = extract_text(text, published="2026-03-06")
    assert result.times and result.quotes
    for found in (*result.times, *result.quotes):
        start, end = found.span
        assert text[start:end] == found.text
