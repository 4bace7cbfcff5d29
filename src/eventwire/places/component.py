"""``ew_places``: fills ``doc._.ew_places`` with the article's places.

Runs after ``ew_actors`` (it needs ``doc._.ew_mentions`` and ``doc._.ew_actors``) and
before ``ew_events``, which asks :func:`eventwire.places.place_for` for each event.

``doc._.ew_places`` holds one :class:`~eventwire.records.Place` per distinct place, best
scored first (mentions, with more weight for the dateline and the lead; ties: first
mention first), ``text`` being its first mention. A country
or capital used as an actor ("Tokyo protested") is not in it unless a locative phrase
makes it a location. ``doc._.ew_place_mentions`` keeps every mention with its tokens,
for ``place_for``; ``doc.spans["ew_places"]`` holds the same spans, labelled by
precision, for displaCy.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from eventwire.nlp.extensions import register_extensions
from eventwire.places.dateline import mark_dateline
from eventwire.places.gazetteer import Gazetteer, load_gazetteer
from eventwire.places.locate import place_scores
from eventwire.places.mentions import PlaceMention, find_mentions
from eventwire.places.rescue import rescue_mentions
from eventwire.places.resolve import resolve_mentions
from eventwire.records import Place

SPAN_KEY = "ew_places"
MENTIONS_ATTR = "ew_place_mentions"


def register_place_extensions() -> None:
    """``doc._.ew_place_mentions``: the working list ``place_for`` reads."""
    register_extensions()
    if not Doc.has_extension(MENTIONS_ATTR):
        Doc.set_extension(MENTIONS_ATTR, default=None)


class PlaceFinder:
    """Find, filter and resolve place names with the process-wide gazetteer."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer | None = None):
        register_place_extensions()
        self.name = name
        self._gazetteer = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        # built on the first document, not when the pipeline is built: commands that
        # never parse text should not pay for it
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        mentions = find_mentions(doc, self.gazetteer)
        rescue_mentions(doc, self.gazetteer, mentions)
        mark_dateline(doc, self.gazetteer, mentions)
        resolve_mentions(doc, mentions)
        mentions = [m for m in mentions if m.chosen is not None]
        doc._.ew_place_mentions = mentions
        group = SpanGroup(doc, name=SPAN_KEY)
        for m in mentions:
            if m.is_place:
                group.append(Span(doc, m.start, m.end, label=m.chosen.precision))
        doc.spans[SPAN_KEY] = group
        doc._.ew_places = summarise(doc, mentions)
        return doc


def summarise(doc: Doc, mentions: list[PlaceMention]) -> list[Place]:
    """One Place per distinct place of the article, the article's main place first
    (:func:`~eventwire.places.locate.place_scores`: mentions, dateline, lead)."""
    places = [m for m in mentions if m.is_place]
    scores = place_scores(doc, places)
    first: dict[tuple, PlaceMention] = {}
    for m in places:
        first.setdefault(m.chosen.key, m)
    order = sorted(scores, key=lambda k: (-scores[k], first[k].start))
    return [first[k].chosen.to_place(first[k].text) for k in order]


@Language.factory(
    "ew_places",
    assigns=["doc._.ew_places", "doc.spans"],
    requires=["doc._.ew_actors", "doc.ents", "token.dep"],
)
def make_place_finder(nlp: Language, name: str) -> PlaceFinder:
    return PlaceFinder(nlp, name)
