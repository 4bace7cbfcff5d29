"""Choose one reading for every place mention.

Order of evidence, strongest first:

1. a parent named next to the place: "Paris, Texas", "Paris in France",
   "Texas's Paris" — only readings inside the parent (same country, or same US state)
   stay;
2. the article's context: readings inside a US state the article names, else inside a
   country the article's actors belong to (``doc._.ew_actors``) or that an unambiguous
   place of the article lies in;
3. prominence: a country beats a continent, a continent a national capital, a
   capital a city of a million or more, that a region, that a smaller city; within a
   kind the larger population wins ("Georgia" is the country unless the article is
   about the United States only, "Paris" is the French capital unless the context
   says Texas).
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from spacy.tokens import Doc

from eventwire.places.gazetteer import GazEntry
from eventwire.places.mentions import PlaceMention

PARENT_WORDS = frozenset({",", "in"})


def resolve_mentions(doc: Doc, mentions: list[PlaceMention]) -> None:
    """Set ``chosen`` on every mention (None only when it has no readings)."""
    _link_parents(doc, mentions)
    countries = article_countries(doc, mentions)
    regions = {
        (e.country, e.admin1)
        for m in mentions
        if len(m.entries) == 1
        for e in m.entries
        if e.kind == "region" and e.admin1
    }
    # parents first, so that a child can use its parent's choice; a parent's readings
    # are first narrowed to those that contain the child ("Paris, Texas": the state)
    for m in mentions:
        if m.parent is not None:
            fitting = [p for p in m.parent.entries if any(_inside(e, p) for e in m.entries)]
            m.parent.entries = fitting or m.parent.entries
    for m in sorted(mentions, key=lambda m: m.parent is not None):
        m.chosen = choose(m.entries, m.parent.chosen if m.parent else None, countries, regions)
    _one_sense(mentions)
    for m in mentions:
        if m.actor_use and m.chosen is not None and not _can_be_actor(m.chosen):
            m.actor_use = False  # "Paris, Texas" is not the French government


def _one_sense(mentions: list[PlaceMention]) -> None:
    """A name keeps one reading in an article: the one its parent settled.

    "Georgia votes" in a headline is the US state when the story says "Atlanta,
    Georgia" (the parent of Atlanta) or "Savannah, Georgia" (a parent named next to it).
    """
    settled: dict[str, GazEntry] = {}
    for m in mentions:
        if m.chosen is not None and (m.parent is not None or _is_parent(m, mentions)):
            settled.setdefault(m.text.casefold(), m.chosen)
    for m in mentions:
        reading = settled.get(m.text.casefold())
        if reading is not None and m.parent is None and reading in m.entries:
            m.chosen = reading


def _is_parent(mention: PlaceMention, mentions: list[PlaceMention]) -> bool:
    return any(other.parent is mention for other in mentions)


def _can_be_actor(entry: GazEntry) -> bool:
    """Only a country or a national capital stands for a government."""
    return entry.kind == "country" or (entry.kind == "city" and entry.capital)


def choose(
    entries: list[GazEntry],
    parent: GazEntry | None,
    countries: Counter[str] | None = None,
    regions: set[tuple[str | None, str | None]] | None = None,
) -> GazEntry | None:
    """The best reading of a name given its parent and the article's countries."""
    if not entries:
        return None
    options = entries
    if parent is not None:
        inside = [e for e in options if _inside(e, parent)]
        options = inside or options
    else:
        in_region = [e for e in options if (e.country, e.admin1) in (regions or set())]
        in_country = [e for e in options if e.country and (countries or {}).get(e.country)]
        # a reading with no country (continent, sea) never loses to context: "Asia" is
        # the continent even in an article about the Philippines, which has a town Asia
        stateless = [e for e in options if e.country is None]
        options = (in_region or in_country) + stateless if in_region or in_country else options
    return max(options, key=lambda e: e.rank)


def _inside(entry: GazEntry, parent: GazEntry) -> bool:
    if entry is parent or entry.country is None or entry.country != parent.country:
        return False
    if parent.kind == "region" and parent.admin1:
        return entry.admin1 == parent.admin1
    return parent.kind == "country"


def article_countries(doc: Doc, mentions: list[PlaceMention]) -> Counter[str]:
    """Countries of the article's actors and of its unambiguous places, with weights."""
    counts: Counter[str] = Counter()
    for actor in doc._.ew_actors or []:
        if actor.country and len(actor.country) == 3:
            counts[actor.country] += actor.mentions
    for m in mentions:
        codes = {e.country for e in m.entries}
        if len(codes) == 1 and None not in codes:
            counts[codes.pop()] += 1
    return counts


def _link_parents(doc: Doc, mentions: list[PlaceMention]) -> None:
    """'X, Y', 'X in Y' and "Y's X": Y (a country or region) is X's parent."""
    for left, right in pairwise(mentions):
        gap = doc[left.end : right.start]
        words = [t.text.lower() for t in gap if t.lower_ != "the"]
        if len(words) == 1 and words[0] in PARENT_WORDS and _can_contain(right):
            left.parent = right
    for m in mentions:
        if m.parent is not None:
            continue
        root = m.span(doc).root
        for child in root.children:
            if child.dep_ == "poss":
                owner = next((o for o in mentions if o.start <= child.i < o.end), None)
                if owner is not None and owner is not m and _can_contain(owner):
                    m.parent = owner


def _can_contain(mention: PlaceMention) -> bool:
    return any(e.kind in ("country", "region") for e in mention.entries)
