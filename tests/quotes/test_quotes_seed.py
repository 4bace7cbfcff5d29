"""The seed article of DESIGN.md: who said what (needs ../shared)."""

from __future__ import annotations

from eventwire.nlp import get_pipeline
from eventwire.records import Article, QuoteKind


def seed_quotes(path):
    text = path.read_text(encoding="utf-8")
    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="seed", text=text, published="2021-09-01")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ew_quotes":
            break
    return text, doc._.ew_quotes


def test_seed_quotes_point_into_the_article(seed_article):
    text, found = seed_quotes(seed_article)
    assert found
    for q in found:
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.id.startswith("seed-q")


def test_lo_chih_cheng_speaks_the_long_direct_quotations(seed_article):
    _, found = seed_quotes(seed_article)
    # whole quoted sentences (not short phrases) in the article
    long_direct = [q for q in found if q.kind is QuoteKind.DIRECT and len(q.text.split()) > 8]
    assert len(long_direct) == 2
    for q in long_direct:
        assert q.speaker is not None
        assert (q.speaker.name, q.speaker.code) == ("Lo Chih-cheng", "TWNLEG")
    # one is cued by his full name, the other by the short name "Lo"
    assert {q.speaker.text for q in long_direct} == {"DPP politician Lo Chih-cheng", "Lo"}


def test_he_told_and_according_to_lo_resolve_to_him(seed_article):
    _, found = seed_quotes(seed_article)
    by_cue = {q.cue: q for q in found if q.kind is QuoteKind.INDIRECT}
    for cue, words in (("told", "He"), ("according to", "Lo")):
        q = by_cue[cue]
        assert q.speaker is not None and q.speaker.text == words
        assert q.speaker.name == "Lo Chih-cheng" and q.speaker.country == "TWN"


def test_seed_scare_quotes_have_no_speaker(seed_article):
    _, found = seed_quotes(seed_article)
    scare = [q for q in found if q.kind is QuoteKind.SCARE]
    assert len(scare) == 2
    assert all(q.speaker is None and q.cue is None for q in scare)
    assert all(len(q.text.split()) <= 3 for q in scare)


def test_every_seed_speaker_is_an_actor_of_the_article(seed_article):
    _, found = seed_quotes(seed_article)
    speakers = {q.speaker.code for q in found if q.speaker}
    # the speakers are Lo (and the lawmaker introducing him), the Chinese foreign
    # ministry and the experts: no capital or country invented as a speaker
    assert speakers <= {"TWNLEG", "CHNGOV", "CVL"}
