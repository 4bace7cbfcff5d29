"""Which place an event happened in: :func:`place_for`.

The rule, in order (the first that finds a place wins):

1. **Tied**: a place in the trigger's sentence whose locative phrase ("in Tokyo",
   "off the coast of Taiwan", "near the border", "visited Manila") attaches to the
   trigger, or to the verb of a nominal trigger ("talks ... took place in Tokyo"),
   following heads within one clause: through xcomp/acl/relcl/prep/pobj links but not
   into a reported (ccomp), adverbial or coordinated clause.
2. **Clause**: else the nearest (by tokens) place with a locative phrase in the
   trigger's clause or in a clause coordinated with it ("met in Manila and signed …").
3. **Article**: else the article's dominant place: the most mentioned place; when it is
   a country (or region) and the article names a city inside it, that city (most
   mentioned, then first) — a city says more and points the same way.

A country or capital used as an actor ("Beijing protested") is never a place here
unless a locative phrase ties it. The Place returned keeps its precision
(city, region, country, continent or other).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span, Token

from eventwire.places.mentions import PlaceMention
from eventwire.records import Place

# Links that stay inside one clause when walking from a locative phrase to its event.
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "conj", "parataxis", "csubj", "csubjpass", "ROOT"})


def place_for(doc: Doc, span: Span | Token) -> Place | None:
    """The place of the event whose trigger is ``span`` (see the module's rule)."""
    mentions = _places(doc)
    if not mentions:
        return None
    trigger = span.root if isinstance(span, Span) else span
    sentence = trigger.sent
    local = [m for m in mentions if sentence.start <= m.start < sentence.end and m.locative]
    targets = {trigger.i, _verb_of(trigger).i}
    tied = [m for m in local if _reaches(m.locative, targets)]
    if tied:
        return _nearest(tied, trigger).chosen.to_place(_nearest(tied, trigger).text)
    clauses = _coordinated(_clause_head(trigger))
    in_clause = [m for m in local if _clause_head(m.locative).i in clauses]
    if in_clause:
        best = _nearest(in_clause, trigger)
        return best.chosen.to_place(best.text)
    return dominant_place(doc)


def dominant_place(doc: Doc) -> Place | None:
    """The article's main place: most mentioned, a city inside it preferred."""
    mentions = _places(doc)
    if not mentions:
        return None
    counts = Counter(m.chosen.key for m in mentions)
    first = {}
    for m in mentions:
        first.setdefault(m.chosen.key, m)
    order = sorted(counts, key=lambda k: (-counts[k], first[k].start))
    top = first[order[0]].chosen
    if top.precision in ("country", "region"):
        for key in order:
            entry = first[key].chosen
            if entry.precision == "city" and _within(entry, top):
                return entry.to_place(first[key].text)
    return top.to_place(first[order[0]].text)


def _places(doc: Doc) -> list[PlaceMention]:
    """The Doc's place mentions (none when ew_places has not run on it)."""
    if not Doc.has_extension("ew_place_mentions"):
        return []
    return [m for m in (doc._.ew_place_mentions or []) if m.is_place]


def _within(city, area) -> bool:
    if city.country != area.country or city.country is None:
        return False
    return area.precision == "country" or city.admin1 == area.admin1


def _verb_of(token: Token) -> Token:
    """The verb a nominal trigger belongs to ("talks" → "took" in "talks took place")."""
    current = token
    for _ in range(6):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def _reaches(locative: Token, targets: set[int]) -> bool:
    """Walking up from the locative phrase within one clause reaches a target token."""
    current = locative
    for _ in range(12):
        if current.i in targets:
            return True
        if current.dep_ in CLAUSE_BREAKS or current.head.i == current.i:
            return False
        current = current.head
    return False


def _clause_head(token: Token) -> Token:
    current = token
    for _ in range(24):
        if current.dep_ in CLAUSE_BREAKS or current.head.i == current.i:
            return current
        current = current.head
    return current


def _coordinated(head: Token) -> set[int]:
    """The clause head and the heads of clauses coordinated with it."""
    root = head
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    found = {root.i}
    stack = [root]
    while stack:
        for child in stack.pop().children:
            if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
                found.add(child.i)
                stack.append(child)
    return found | {head.i}


def _nearest(mentions: list[PlaceMention], trigger: Token) -> PlaceMention:
    return min(mentions, key=lambda m: (abs(m.start - trigger.i), m.start))
