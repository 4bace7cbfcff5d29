"""What the group-actor tests share: the pipeline with ``ew_actors`` and the codes of
the mentions found in a text."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

import eventwire.actors.component  # noqa: F401  (registers the ew_actors factory)
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article


def actors_pipeline() -> Language:
    """The parsing pipeline with the actors stage."""
    pipeline = build_pipeline()
    if "ew_actors" not in pipeline.pipe_names:
        pipeline.add_pipe("ew_actors", after="ner")
    return pipeline


def run(nlp: Language, text: str, published: str = "2023-05-10") -> Doc:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published=published)
    return nlp(doc)


def codes(nlp: Language, text: str, published: str = "2023-05-10") -> dict[str, str]:
    """Mention text → actor code."""
    return {m.actor.text: m.actor.code for m in run(nlp, text, published)._.ew_mentions}
