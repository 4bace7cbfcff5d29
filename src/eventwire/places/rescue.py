"""Place mentions that the first pass (:func:`~eventwire.places.mentions.find_mentions`)
cannot see, because NER put the name in the wrong box.

* **A named event of a country**: "the Brazilian Grand Prix", "the French Open" (an
  EVENT or FAC entity opening with a country adjective) happen in that country. Such a
  mention says the country and nothing finer. A building ("the German consulate") is
  not: a country's embassy or school stands abroad.
* **A place NER tagged as an organisation**: the small model reads "the Croydon tram
  crash" as ORG "Croydon". When the same name is tagged GPE or LOC elsewhere in the
  article, and here it only modifies a common noun, it is the place (one sense per
  article). A club ("Manchester United") or a company ("Tokyo Electric") is a longer
  name and is left alone.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.mentions import PLACE_LABELS, PlaceMention

NAMED_EVENT_LABELS = frozenset({"EVENT", "FAC"})  # the small model tags races as either
# A country's building abroad is not in that country: "the German consulate" in Kabul.
ABROAD_NOUNS = frozenset(
    {"embassy", "consulate", "mission", "legation", "school", "university", "institute",
     "academy", "council", "centre", "center", "church", "hospital", "club", "base"}
)  # fmt: skip


def rescue_mentions(doc: Doc, gaz: Gazetteer, mentions: list[PlaceMention]) -> None:
    """Add the mentions above to ``mentions`` (kept in document order)."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found: list[PlaceMention] = []
    place_names = {e.text.strip() for e in doc.ents if e.label_ in PLACE_LABELS}
    for ent in doc.ents:
        if ent.label_ in NAMED_EVENT_LABELS:
            mention = _country_event(ent, gaz)
        elif ent.label_ == "ORG" and ent.text.strip() in place_names:
            mention = _modifying_place(ent, gaz)
        else:
            mention = None
        if mention is not None and taken.isdisjoint(range(mention.start, mention.end)):
            found.append(mention)
            taken.update(range(mention.start, mention.end))
    if found:
        mentions.extend(found)
        mentions.sort(key=lambda m: m.start)


def _country_event(ent: Span, gaz: Gazetteer) -> PlaceMention | None:
    words = [t for t in ent if t.lower_ != "the"]
    if len(words) < 2 or not words[0].is_title or ent.root.lower_ in ABROAD_NOUNS:
        return None
    country = gaz.kb.country_for(words[0].text, kinds=("adjective",))
    if country is None:
        return None
    entries = [e for e in gaz.lookup(country.name) if e.kind == "country"]
    if not entries:
        return None
    first = words[0].i
    return PlaceMention(first, first + 1, words[0].text, entries, "event")


def _modifying_place(ent: Span, gaz: Gazetteer) -> PlaceMention | None:
    root = ent.root
    if root.dep_ != "compound" or root.head.pos_ != "NOUN":
        return None  # "Liverpool beat Arsenal": the club acts; only "the Croydon crash" places
    entries = gaz.lookup(ent.text.strip())
    if not entries:
        return None
    return PlaceMention(ent.start, ent.end, ent.text.strip(), entries, "ner")
