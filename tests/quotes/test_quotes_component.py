"""ew_quotes on small news-like paragraphs written for these tests."""

from __future__ import annotations

import pytest

from eventwire.nlp import get_pipeline
from eventwire.records import Article, Quote, QuoteKind


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def quotes(nlp, text: str, article_id: str | None = "t") -> list[Quote]:
    doc = nlp.make_doc(text)
    if article_id is not None:
        doc._.ew_article = Article(id=article_id, text=text, published="2024-05-02")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ew_quotes":
            break  # the event coder is not under test here
    found = doc._.ew_quotes
    for q in found:
        # every quote points at its own words in the article
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.text in q.sentence and q.sentence in text
    return found


def of_kind(found: list[Quote], kind: QuoteKind) -> list[Quote]:
    return [q for q in found if q.kind is kind]


def speaker(q: Quote) -> str | None:
    return q.speaker.name if q.speaker else None


def test_quote_over_two_sentences_is_one_record_with_the_next_sentence_attributed(nlp):
    text = (
        "“We will not bow to pressure from abroad,” Japanese Foreign Minister Yoko Kamikawa "
        "said on Monday. “Our position has not changed.”"
    )
    found = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert [q.text for q in found] == [
        "We will not bow to pressure from abroad",
        "Our position has not changed.",
    ]
    # the second quotation goes straight on from the first: same speaker and cue
    assert {q.speaker.code for q in found} == {"JPNGOV"}
    assert {q.cue for q in found} == {"said"}


def test_split_quote_gives_two_records_with_one_speaker(nlp):
    text = "“The door is open,” the Chinese foreign ministry said, “but talks need trust.”"
    first, second = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert first.text == "The door is open"
    assert second.text == "but talks need trust."
    assert speaker(first) == speaker(second) == "Chinese foreign ministry"
    assert first.speaker.country == "CHN" and first.cue == second.cue == "said"


def test_quote_running_over_paragraphs_is_attributed_to_the_closing_cue(nlp):
    text = (
        "Taiwanese President Lai Ching-te met the visitors at the airport.\n\n"
        "“We are grateful that friends came in hard times.\n\n"
        "“It shows that democracies stand together,” he said.\n"
    )
    (quote,) = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert quote.text.startswith("We are grateful")
    assert quote.text.endswith("democracies stand together")
    assert quote.speaker is not None and quote.speaker.country == "TWN"  # "he" → Lai
    assert quote.cue == "said"


def test_straight_marks_and_short_name_speaker(nlp):
    text = (
        "Former Japanese Prime Minister Taro Aso arrived in Taipei on Tuesday. "
        'Aso continued, "Calm in the strait matters to every one of us."'
    )
    (quote,) = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert quote.text == "Calm in the strait matters to every one of us."
    # "Aso" is the former prime minister named before: out of office, an elite (ELI)
    assert quote.speaker.code == "JPNELI" and quote.cue == "continued"


def test_pronoun_speaker_of_indirect_speech(nlp):
    text = (
        "Philippine President Ferdinand Marcos visited Tokyo. "
        "He told reporters that the coast guards would train together."
    )
    (quote,) = of_kind(quotes(nlp, text), QuoteKind.INDIRECT)
    assert quote.text == "the coast guards would train together"
    assert quote.speaker.country == "PHL" and quote.cue == "told"


def test_partial_quotation_inside_a_sentence_keeps_the_speaker(nlp):
    text = "Vietnam's foreign ministry described the new base as «a grave provocation»."
    (quote,) = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert quote.text == "a grave provocation"
    assert quote.speaker.country == "VNM" and quote.cue == "described"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("The drills will end on Sunday, according to the Japanese defence ministry.",
         "The drills will end on Sunday"),
        ("According to the Japanese defence ministry, the drills will end on Sunday.",
         "the drills will end on Sunday"),
    ],
)  # fmt: skip
def test_according_to_names_the_speaker(nlp, text, clause):
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.INDIRECT and quote.text == clause
    assert quote.speaker.code == "JPNGOV" and quote.cue == "according to"


def test_according_to_figures_is_not_speech(nlp):
    assert quotes(nlp, "Exports fell by a tenth last year, according to the figures.") == []


def test_scare_quote_has_no_speaker(nlp):
    text = "The so-called ‘peace dividend’ of the 1990s has vanished from Asian budgets."
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.SCARE and quote.text == "peace dividend"
    assert quote.speaker is None and quote.cue is None


def test_unattributed_quote_gets_no_invented_speaker(nlp):
    text = "“Nobody here wants a war. Nobody at all.”\n\nThe rally ended peacefully at dusk."
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.DIRECT and quote.speaker is None and quote.cue is None


def test_speaker_that_is_no_actor_stays_null(nlp):
    text = "An elderly shopper said that the prices had never been so high."
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.INDIRECT and quote.speaker is None and quote.cue == "said"


def test_passive_cue_makes_the_addressee_no_speaker(nlp):
    text = "Seoul and Tokyo have been urged to “keep talking”."
    (quote,) = quotes(nlp, text)
    assert quote.text == "keep talking" and quote.cue == "urged" and quote.speaker is None


def test_direct_quote_is_not_counted_again_as_indirect_speech(nlp):
    text = "“The talks went well and will go on,” said Japanese Foreign Minister Yoko Kamikawa."
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.DIRECT and quote.speaker.code == "JPNGOV"


def test_ids_follow_text_order_and_fall_back_to_doc(nlp):
    text = "China said the visit was a mistake. Japan said the visit was welcome."
    found = quotes(nlp, text, article_id="abc")
    assert [q.id for q in found] == ["abc-q1", "abc-q2"]
    assert [q.speaker.country for q in found] == ["CHN", "JPN"]
    assert [q.id for q in quotes(nlp, text, article_id=None)] == ["doc-q1", "doc-q2"]


def test_partial_quote_in_reported_clause_belongs_to_the_outer_speaker(nlp):
    # regression: the nearest cue ("held") is inside what the minister said
    text = (
        "Australian Foreign Minister Penny Wong said Canberra held an “unwavering” "
        "commitment to open sea lanes."
    )
    (quote,) = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert quote.text == "unwavering"
    assert quote.speaker.name == "Penny Wong" and quote.cue == "said"


def test_apposition_names_the_speaker(nlp):
    text = "China’s foreign ministry spokesman, Lin Jian, said the patrols were “a provocation”."
    found = quotes(nlp, text)
    assert {q.kind for q in found} == {QuoteKind.DIRECT, QuoteKind.INDIRECT}
    assert all(q.speaker is not None and q.speaker.country == "CHN" for q in found)


def test_he_after_a_quoted_non_actor_is_not_given_to_an_earlier_actor(nlp):
    # regression: coreference can only offer the earlier actor (Kishida), but the last
    # person quoted was the historian, who is no actor: no speaker beats a wrong one
    text = (
        "Japanese Prime Minister Fumio Kishida met the delegation on Monday. Kishida said "
        "the talks had been useful. But Peter Hall, a historian at a university in Leeds, "
        "told reporters the meeting changed little. “It is mostly theatre,” he said."
    )
    found = quotes(nlp, text)
    assert [speaker(q) for q in found] == ["Fumio Kishida", None, None]


def test_she_after_a_long_quotation_keeps_the_last_speaker(nlp):
    text = (
        "Philippine Senator Risa Hontiveros spoke for twenty minutes. She said: “We will "
        "rebuild the harbour. We will reopen the schools. We will pay the fishermen. We "
        "will do it this year. Nobody will be left behind.” She added: “The money is "
        "already there.”"
    )
    found = of_kind(quotes(nlp, text), QuoteKind.DIRECT)
    assert [q.cue for q in found] == ["said", "added"]
    assert [speaker(q) for q in found] == ["Risa Hontiveros", "Risa Hontiveros"]


def test_question_put_to_a_speaker_is_not_speech(nlp):
    text = (
        "Asked whether the ships would return, Chinese foreign ministry spokesman Lin Jian "
        "said the patrols would go on."
    )
    found = quotes(nlp, text)
    assert [q.cue for q in found] == ["said"]
    assert found[0].speaker.name == "Lin Jian"


def test_quote_without_its_own_cue_takes_the_next_bare_cue_sentence(nlp):
    text = "“The border will stay open for trade.” The Indian foreign ministry said so on Monday."
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.DIRECT and quote.cue == "said"
    assert quote.speaker.code == "INDGOV"


def test_quote_after_a_colon_cue_paragraph(nlp):
    text = (
        "Indian Foreign Minister Subrahmanyam Jaishankar spoke last.\n\n"
        "He said:\n\n“The border will stay open for trade.”\n"
    )
    (quote,) = quotes(nlp, text)
    assert quote.kind is QuoteKind.DIRECT and quote.cue == "said"
    assert quote.speaker.country == "IND"
