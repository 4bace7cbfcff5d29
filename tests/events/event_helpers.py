"""Shared by the event tests: a test lexicon from text, and Docs ready for the events stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from spacy.tokens import Doc

from eventwire.events.extract import EventExtractor
from eventwire.events.lexicon import read_lexicon
from eventwire.nlp import get_pipeline
from eventwire.records import Article, Event


def extractor_from(folder: Path, verbs: str, nouns: str) -> EventExtractor:
    """An extractor over a lexicon written (as TSV text) for a test."""
    (folder / "verbs.tsv").write_text(verbs, encoding="utf-8")
    (folder / "nouns.tsv").write_text(nouns, encoding="utf-8")
    return EventExtractor(read_lexicon(folder / "verbs.tsv", folder / "nouns.tsv"))


def doc_before_events(text: str, article_id: str, published: str | None = None) -> Doc:
    """``text`` through every pipeline stage up to, not including, the events stage."""
    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id=article_id, text=text, published=published)
    for name, component in nlp.pipeline:
        if name != "ew_events":
            doc = component(doc)
    return doc


def triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source country, target country, CAMEO code) of each event."""
    return {
        (e.source.country if e.source else None, e.target.country if e.target else None, e.cameo)
        for e in events
    }


def code_triples(events: list[Event]) -> set[tuple[str | None, str | None, str]]:
    """(source actor code, target actor code, CAMEO code) of each event."""
    return {
        (e.source.code if e.source else None, e.target.code if e.target else None, e.cameo)
        for e in events
    }


def coder() -> Callable[[str], list[Event]]:
    """Code a text with the packaged lexicon and actor list."""
    nlp = get_pipeline()

    def run(text: str) -> list[Event]:
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="t", text=text, published="2024-05-10")
        return list(nlp(doc)._.ew_events or [])

    return run
