"""With PETRARCH dictionaries, a list the parser hung on an inner word of a multi-word name
still lists its actors."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventwire.actors import ActorMention
from eventwire.events.actors_of import PhraseIndex
from eventwire.nlp.extensions import register_extensions
from eventwire.records import Actor


def _mention(doc: Doc, start: int, end: int, code: str) -> ActorMention:
    span = doc[start:end]
    actor = Actor(text=span.text, name=span.text, code=code, country=code[:3], sectors=["GOV"])
    return ActorMention(start, end, span.start_char, span.end_char, actor, "person", start)


def test_conjunct_of_the_second_word_of_a_name_is_listed_with_the_name() -> None:
    # the small model's reading of "Barack Obama and Vladimir Putin will meet": "Barack" a
    # preposition (the subject), "Obama" its object and "Putin" a conjunct of "Obama"
    register_extensions()
    words = ["Edmund", "Brask", "and", "Ilse", "Varga", "will", "meet"]
    heads = [6, 0, 1, 4, 1, 6, 6]
    deps = ["nsubj", "pobj", "cc", "compound", "conj", "aux", "ROOT"]
    pos = ["ADP", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    doc._.ew_mentions = [_mention(doc, 0, 2, "AAAGOV"), _mention(doc, 3, 5, "BBBGOV")]
    codes = [m.actor.code for m in PhraseIndex(doc, split_names=True).actors(doc[0])]
    assert codes == ["AAAGOV", "BBBGOV"]
    # eventwire's own lexicon keeps the parse as it is (its figures are unchanged)
    assert [m.actor.code for m in PhraseIndex(doc).actors(doc[0])] == ["AAAGOV"]
