"""Pronouns: plural group nouns and clause-bound objects (issue 5).

Sentences written for the test.
"""

from __future__ import annotations

from eventwire.nlp import get_pipeline
from eventwire.records import Article


def mentions(text: str) -> list[tuple[str, str, str]]:
    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="c", text=text, published="2024-05-10")
    doc = nlp(doc)
    return [(doc[m.start : m.end].text, m.actor.code, m.kind) for m in doc._.ew_mentions]


def test_they_refers_to_a_plural_group_noun() -> None:
    found = mentions("The rebels said they would free the hostages.")
    assert ("they", "REB", "pronoun") in found


def test_they_does_not_take_a_singular_role_noun() -> None:
    found = mentions("The minister said they would leave.")
    assert [kind for _, _, kind in found] == ["agent"]


def test_object_pronoun_is_not_its_own_clause_subject() -> None:
    found = mentions("Donald Trump phoned Recep Tayyip Erdogan and urged him to act.")
    assert ("him", "TURGOV", "pronoun") in found
