"""The dateline of a story: "WASHINGTON, Nov 6 (Reuters) -", "LONDON --", "KYIV, March 3 -".

Agencies and papers open a story with the place it was filed from, in capitals. That is
where the reporter was, usually where the news happened: :func:`~eventwire.places.locate.
dominant_place` weighs it. Only the opening of the text is searched (a dateline comes
after the title, a byline or a photo credit, never deep in the body), and only a run of
upper-case words that the gazetteer knows and that punctuation of a dateline follows.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.mentions import PlaceMention, calendar_names
from eventwire.times.lexicon import load_lexicon as load_times_words

SEARCH_TOKENS = 120  # a dateline stands within the first lines of the text
DASHES = frozenset({"-", "--", "—", "–", "(", ":"})
MAX_WORDS = 3


def mark_dateline(doc: Doc, gaz: Gazetteer, mentions: list[PlaceMention]) -> None:
    """Flag the mention of the dateline's place (adding it if NER missed it)."""
    limit = min(len(doc) - 1, SEARCH_TOKENS)
    i = 0
    while i < limit:
        if not _upper_word(doc[i]) or (i > 0 and _upper_word(doc[i - 1])):
            i += 1
            continue
        end = i
        while end < limit and _upper_word(doc[end]):
            end += 1
        place = _dateline_place(doc, gaz, i, end) if end - i <= MAX_WORDS else None
        if place is not None:
            _flag(mentions, place)
            return
        i = end


def _upper_word(token: Token) -> bool:
    return token.is_alpha and token.is_upper and len(token) >= 2


def _dateline_place(doc: Doc, gaz: Gazetteer, start: int, end: int) -> PlaceMention | None:
    if end >= len(doc) or not _dateline_follows(doc, gaz, end):
        return None
    span = doc[start:end]
    entries = [e for e in gaz.lookup(span.text.title()) if e.kind in ("city", "region", "country")]
    if not entries or len(span.text) < 4:
        return None  # "US", "UK" in capitals open headlines, not datelines
    return PlaceMention(start, end, span.text, entries, "dateline", dateline=True)


def _dateline_follows(doc: Doc, gaz: Gazetteer, end: int) -> bool:
    """A dash or bracket, or a comma then a date, a bracket or another place's name."""
    after = doc[end]
    if after.text in DASHES:
        return True
    if after.text != "," or end + 1 >= len(doc):
        return False
    word = doc[end + 1]
    lower = word.lower_.rstrip(".")
    if lower in calendar_names() or lower in month_abbreviations() or word.text == "(":
        return True
    # "KUNDUZ, Afghanistan --": the country or state of the dateline's city
    return word.is_title and any(e.kind in ("country", "region") for e in gaz.lookup(word.text))


def _flag(mentions: list[PlaceMention], place: PlaceMention) -> None:
    for m in mentions:
        if m.start < place.end and place.start < m.end:
            m.dateline = True
            m.actor_use = False  # "WASHINGTON -" files a story, it does not act
            return
    mentions.append(place)
    mentions.sort(key=lambda m: m.start)


@cache
def month_abbreviations() -> frozenset[str]:
    """Abbreviated month names from the times word list ("Sept", "Nov"): a dateline's date."""
    words = load_times_words()
    return frozenset(words.words["month"]) - frozenset(words.full_names("month"))
