"""Which place an event happened in: :func:`place_for`.

The rule, in order (the first that finds a place wins):

1. **Tied**: a place in the trigger's sentence whose locative phrase ("in Tokyo",
   "off the coast of Taiwan", "near the border", "visited Manila") attaches to the
   trigger, or to the verb of a nominal trigger ("talks ... took place in Tokyo"),
   following heads within one clause: through xcomp/acl/relcl/prep/pobj links but not
   into a reported (ccomp), adverbial or coordinated clause.
2. **Clause**: else the nearest (by tokens) place with a locative phrase in the
   trigger's clause or in a clause coordinated with it ("met in Manila and signed …").
3. **Article**: else the article's dominant place: the best scored place (mentions, and
   a bonus for the dateline or a place tied by a preposition in the lead); when it is
   a country (or region) and the article names a city inside it, that city (best
   scored, then first) — a city says more and points the same way.

A country or capital used as an actor ("Beijing protested") is never a place here
unless a locative phrase ties it. The Place returned keeps its precision
(city, region, country, continent or other).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from eventwire.places.gazetteer import fold
from eventwire.places.mentions import PlaceMention
from eventwire.records import Place

# Weights of place_scores: a mention counts 1; a place in the lead earns one bonus, the
# largest that applies.
LEAD_SENTENCES = 3
LEAD_WEIGHT = 1  # named in the lead ("Croydon tram crash: ...")
LEAD_LOCATIVE_WEIGHT = 3  # tied by a preposition in the lead ("killed in Lagos")
DATELINE_WEIGHT = 3  # "WASHINGTON, Nov 6 (Reuters) -"
HEADLINE_LOCATIVES = frozenset({"in", "at", "near", "outside", "off"})
# A run of capitalised words in a title, with the word before it.
HEADLINE_NAME = re.compile(r"(?:\b([a-z]+)\s+)?([A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*)")

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
    """The article's main place: best scored (:func:`place_scores`), a city inside it
    preferred."""
    mentions = _places(doc)
    if not mentions:
        return None
    scores = place_scores(doc, mentions)
    first: dict[tuple, PlaceMention] = {}
    for m in mentions:
        first.setdefault(m.chosen.key, m)
    order = sorted(scores, key=lambda k: (-scores[k], first[k].start))
    top = first[order[0]].chosen
    if top.precision in ("country", "region"):
        for key in order:
            entry = first[key].chosen
            if entry.precision == "city" and _within(entry, top):
                return entry.to_place(first[key].text)
    return top.to_place(first[order[0]].text)


def place_scores(doc: Doc, mentions: list[PlaceMention]) -> Counter[tuple]:
    """How strongly each place is the article's: a point a mention, and more for where
    the news is said to happen.

    News puts its place first: the dateline ("KYIV, March 3 -") and a place tied by a
    preposition in the headline or lead ("tram overturns in London", "clashes ... in
    Lagos") say where the main event is; a place named only once further down ("fled
    to Bangladesh") is a side detail however often the body returns to it.
    """
    lead = _lead_end(doc)
    headline = _headline_names(doc)
    scores: Counter[tuple] = Counter()
    lead_bonus: dict[tuple, int] = {}
    for m in mentions:
        key = m.chosen.key
        scores[key] += 1
        if m.dateline:
            weight = DATELINE_WEIGHT
        elif m.start < lead:
            weight = LEAD_LOCATIVE_WEIGHT if m.locative is not None else LEAD_WEIGHT
        else:
            weight = headline.get(fold(m.text), 0)
        lead_bonus[key] = max(lead_bonus.get(key, 0), weight)
    for key, bonus in lead_bonus.items():
        scores[key] += bonus
    return scores


def _headline_names(doc: Doc) -> dict[str, int]:
    """Capitalised names of the article's title (folded), with their lead weight.

    The pre-filter may blank a headline without a verb ("Croydon tram crash: ..."), so
    the title is read from the Article: a name after "in", "at", "near" or "outside"
    weighs as a tied place of the lead, any other as a named one.
    """
    article = doc._.ew_article if Doc.has_extension("ew_article") else None
    title = getattr(article, "title", None) or ""
    names: dict[str, int] = {}
    for match in HEADLINE_NAME.finditer(title):
        words = match.group(2).split()
        before = (match.group(1) or "").strip().lower()
        weight = LEAD_LOCATIVE_WEIGHT if before in HEADLINE_LOCATIVES else LEAD_WEIGHT
        for size in range(len(words), 0, -1):
            for i in range(len(words) - size + 1):
                key = fold(" ".join(words[i : i + size]))
                names[key] = max(names.get(key, 0), weight if i == 0 else LEAD_WEIGHT)
    return names


def _lead_end(doc: Doc) -> int:
    """The token after the lead: the first LEAD_SENTENCES sentences with words
    (headline, standfirst, first sentence; pre-filtered blanks skipped)."""
    seen = 0
    for sentence in doc.sents:
        if any(t.is_alpha for t in sentence):
            seen += 1
            if seen == LEAD_SENTENCES:
                return sentence.end
    return len(doc)


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
