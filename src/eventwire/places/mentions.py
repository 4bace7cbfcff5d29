"""Place mentions: candidate names in a Doc, the non-places filtered out.

Candidates come from two sources:

1. spaCy entities labelled GPE, LOC or FAC, looked up by their full text (and by
   city alternate names, since NER already says "this is a place"), else by their
   longest gazetteer sub-phrase ("northern Taiwan" → Taiwan);
2. runs of capitalised proper nouns outside any entity, looked up by primary names
   only. Because such a match has no NER support it must be a country, region,
   continent, listed feature, national capital or city of 100,000+, or stand after
   a locative preposition ("in Hualien").

Non-places are dropped: words inside PERSON/ORG/NORP/date entities ("Jordan Peele",
"Japan Airlines"; but not a name after "in"/"at" inside one, "the Grand Prix at Monza"),
month and weekday names, demonyms and adjectives ("Japanese"), names the actor knowledge
base marks as ambiguous ("Jordan", "Chad") unless NER says GPE or a preposition says
place, and organisations named like places: a name the article tags ORG and never a
place ("Mercedes"), a bare acronym or a bracketed credit ("PA", "(AP)"), a club
("Leicester City") unless a preposition makes it a location.

A country or capital that the actors stage recognised as an *actor* ("Tokyo
protested", "Japan said") is kept with ``actor_use`` set: it is not one of the
article's places unless a locative phrase ties it to a location ("off the coast of
Taiwan"), in which case ``locative`` names the preposition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from eventwire.places.gazetteer import GazEntry, Gazetteer
from eventwire.times.lexicon import load_lexicon as load_times_words

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset(
    {"PERSON", "ORG", "NORP", "DATE", "TIME", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE"}
)
# Prepositions whose object is where something is or happens.
LOCATIVE = frozenset(
    {"in", "at", "near", "off", "outside", "inside", "across", "around", "within", "throughout",
     "along", "beyond", "through", "into", "onto", "via", "nearby", "opposite", "beside",
     "from", "to", "toward", "towards", "over"}
)  # fmt: skip
# These name a place only after a verb or noun of motion ("flew to Tokyo", "flew over
# Taiwan"); otherwise they relate ("pressure over Taiwan", "a letter to Japan").
DIRECTIONAL = frozenset({"to", "toward", "towards", "from", "over"})
# Prepositions of relation: their object is a party, not a location ("talks between
# Japan and Taiwan", "pressure on Japan"). A name there is neither place nor actor here.
RELATIONAL = frozenset(
    {"between", "with", "against", "on", "about", "for", "by", "among", "than", "like",
     "including", "toward", "towards", "to", "over", "from", "versus", "vs"}
)  # fmt: skip
MOTION = frozenset(
    {"go", "come", "fly", "travel", "arrive", "return", "head", "move", "sail", "drive", "walk",
     "march", "flee", "send", "deploy", "relocate", "trip", "visit", "journey", "flight",
     "voyage", "tour", "mission", "route", "way", "transit", "evacuate", "defect", "escape"}
)  # fmt: skip
# Verbs whose direct object is a place ("troops entered Ukraine").
VISIT = frozenset(
    {"visit", "tour", "leave", "enter", "reach", "invade", "occupy", "cross", "land", "annex",
     "bomb", "shell", "raid", "storm", "liberate", "evacuate", "patrol", "circle", "encircle"}
)  # fmt: skip
# Nouns that make "the N of X" a location when the phrase is one ("off the coast of X").
AREA_NOUNS = frozenset(
    {"coast", "coasts", "shore", "shores", "waters", "outskirts", "north", "south", "east",
     "west", "northeast", "northwest", "southeast", "southwest", "centre", "center", "heart",
     "part", "parts", "area", "areas", "region", "city", "capital", "streets", "border",
     "borders", "suburbs", "vicinity", "island", "islands", "province", "port", "side", "edge",
     "airspace", "territory", "mainland", "rest", "middle", "interior", "downtown", "town",
     "towns", "village", "villages", "district", "hub", "suburb", "neighbourhood",
     "neighborhood", "state", "county", "heartland", "hills", "countryside"}
)  # fmt: skip
# Prepositions of relation that locate once an area noun stands between ("on the outskirts
# of X", "on the coast of X"), though "on X" alone relates ("pressure on Japan").
AREA_PREPOSITIONS = frozenset({"on"})

# A city name modifying one of these is another feature named after it ("the Keelung
# river", "Tokyo Bay"), not the city.
FEATURE_NOUNS = frozenset(
    {"river", "lake", "mountain", "mountains", "bay", "valley", "airport", "bridge", "canal",
     "harbour", "harbor", "island", "islands", "strait", "sea", "gulf", "peninsula", "dam"}
)  # fmt: skip
# A country naming one side of a relation ("US-China relations") is a party, not a place.
RELATION_NOUNS = frozenset(
    {"relationship", "relations", "ties", "talks", "summit", "dialogue", "rivalry", "tension",
     "tensions", "deal", "agreement", "alliance", "dispute", "partnership", "cooperation",
     "standoff", "rapprochement", "war", "conflict", "treaty", "pact", "trade"}
)  # fmt: skip
# A region in a job title names a beat, not a place ("Asia editor", "Asia director").
ROLE_NOUNS = frozenset(
    {"editor", "correspondent", "director", "manager", "chief", "analyst", "head", "researcher",
     "economist", "strategist", "spokesman", "spokeswoman", "spokesperson", "expert",
     "specialist", "watcher", "scholar", "hand", "desk"}
)  # fmt: skip
DIRECTIONS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern",
     "southeastern", "southwestern", "greater", "upper", "lower", "inner", "outer", "mainland"}
)  # fmt: skip
GENERIC_SUFFIXES = frozenset(
    {"city", "province", "prefecture", "county", "state", "island", "islands", "region"}
)
MIN_UNSUPPORTED_POPULATION = 100_000
MAX_WORDS = 4


@dataclass
class PlaceMention:
    """One place name in a Doc (tokens [start, end)) with its readings."""

    start: int
    end: int
    text: str
    entries: list[GazEntry]
    source: str  # ner | match
    actor_use: bool = False
    locative: Token | None = None
    chosen: GazEntry | None = None
    dateline: bool = False  # the story's dateline ("KYIV, March 3 -"), where it was filed
    parent: PlaceMention | None = field(default=None, repr=False)

    def span(self, doc: Doc) -> Span:
        """The mention's tokens."""
        return doc[self.start : self.end]

    @property
    def is_place(self) -> bool:
        """A place of the article: resolved, and not an actor unless a locative ties it."""
        return self.chosen is not None and (not self.actor_use or self.locative is not None)


def find_mentions(doc: Doc, gaz: Gazetteer) -> list[PlaceMention]:
    """Candidate place mentions of ``doc``, non-places removed, in document order."""
    taken: set[int] = set()
    found: list[PlaceMention] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            mention = _from_entity(doc, ent, gaz)
            if mention is not None and taken.isdisjoint(range(mention.start, mention.end)):
                found.append(mention)
                taken.update(range(mention.start, mention.end))
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PERSON") and _misread_place(ent, gaz):
            entries = gaz.lookup(ent.text)
            if taken.isdisjoint(range(ent.start, ent.end)):
                found.append(PlaceMention(ent.start, ent.end, ent.text, entries, "ner"))
                taken.update(range(ent.start, ent.end))
    blocked = {i for ent in doc.ents if ent.label_ in BLOCKING_LABELS for i in _blocked(ent)}
    for mention in _from_capitalised_runs(doc, gaz, taken | blocked):
        found.append(mention)
        taken.update(range(mention.start, mention.end))
    found.sort(key=lambda m: m.start)
    for m in found:
        _extend_with_generic_noun(doc, m, gaz)
    kept = [m for m in found if m.entries and _keep(doc, m, gaz)]
    _mark_actor_use(doc, kept)
    for m in kept:
        m.locative = locative_head(_phrase_root(doc, m.span(doc)))
    return [m for m in kept if m.actor_use or m.locative or not _not_a_location(m, doc)]


def _not_a_location(mention: PlaceMention, doc: Doc) -> bool:
    """A name that neither acts nor locates: a relation's party, a beat, a river's name."""
    root = mention.span(doc).root
    if _relational(root):
        return True
    noun = _modified_noun(root)
    if noun is None:
        return False
    word = noun.lower_
    if word in FEATURE_NOUNS:
        return all(e.kind == "city" for e in mention.entries)
    if word in RELATION_NOUNS or word in ROLE_NOUNS or noun.lemma_.lower() in ROLE_NOUNS:
        return True
    # A country before a common noun says whose, not where: "US arms sales", "a US
    # charity worker", "the US economy". A city there is usually where ("Taipei
    # hospitals"), and an area noun keeps the place ("the Taiwan coast").
    countries_only = all(e.kind == "country" for e in mention.entries)
    return countries_only and word not in AREA_NOUNS


def _modified_noun(root: Token) -> Token | None:
    """The common noun a name pre-modifies ("US-China [relations]"), if any."""
    token = root
    for _ in range(4):
        if token.dep_ not in ("compound", "amod", "nmod", "npadvmod") or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ == "NOUN":
            return token
    return None


def _relational(root: Token) -> bool:
    """The object of a preposition of relation ("between Japan and Taiwan")."""
    token = root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in RELATIONAL


def _extend_with_generic_noun(doc: Doc, mention: PlaceMention, gaz: Gazetteer) -> None:
    """Take in a following lower-case generic noun: "Taiwan strait", "Jiangxi province".

    When the longer name is a known place it replaces the mention; "X province" with no
    such entry keeps only readings that are not cities, as a city is not a province.
    """
    after = doc[mention.end] if mention.end < len(doc) else None
    if after is None or not after.is_lower or not after.is_alpha:
        return
    longer = doc[mention.start : mention.end + 1]
    entries = [e for e in gaz.lookup(longer.text) if e.kind != "city"]
    if entries:
        mention.end, mention.text, mention.entries = longer.end, longer.text, entries
    elif after.lower_ in GENERIC_SUFFIXES - {"city"}:
        mention.entries = [e for e in mention.entries if e.kind != "city"]


def _blocked(ent: Span) -> range:
    """The tokens of a non-place entity that cannot be places: all of them, except after
    a locative preposition inside it, where the small model ran a name on ("the Italian
    Grand Prix at Monza", "a summit in Geneva" tagged ORG as a whole)."""
    for token in ent[1:-1]:
        if token.lower_ in ("in", "at", "near") and token.pos_ == "ADP":
            return range(ent.start, token.i)
    return range(ent.start, ent.end)


def _misread_place(ent: Span, gaz: Gazetteer) -> bool:
    """An ORG/PERSON entity that is a place: a town after "in" ("schools in Sendai") or
    the exact name of a country the knowledge base does not mark as ambiguous
    ("Vanuatu" tagged PERSON)."""
    entries = gaz.lookup(ent.text)
    if not entries:
        return False
    if ent.label_ == "ORG" and locative_head(ent.root) is not None:
        # "schools in Sendai"; but not "the team at Mercedes" when the article tags
        # "Mercedes" as an organisation again and never as a place
        return _org_count(ent.doc, ent.text) < 2
    return any(e.kind == "country" for e in entries) and not gaz.kb.is_ambiguous(ent.text)


def _from_entity(doc: Doc, ent: Span, gaz: Gazetteer) -> PlaceMention | None:
    start = ent.start + (1 if ent[0].lower_ == "the" else 0)
    span = _hyphen_joined(doc, doc[start : ent.end], gaz)
    # alternate names include translations ("White House" is one of Casablanca's): use
    # them only where NER says the name is a place, not a building or an organisation
    alternates = ent.label_ in {"GPE", "LOC"}
    entries = gaz.lookup(span.text, alternates=alternates)
    if not entries and span and span[-1].lower_ in GENERIC_SUFFIXES and len(span) > 1:
        span = doc[span.start : span.end - 1]  # "Taipei City", "Fujian Province"
        entries = gaz.lookup(span.text, alternates=alternates)
    if entries and not in_longer_name(doc, span.start, span.end):
        return PlaceMention(span.start, span.end, span.text, entries, "ner")
    # the longest sub-phrase that names a place ("northern Taiwan", "Tokyo Bay area"),
    # unless another capitalised word makes it another thing ("Keelung River", "Hotel
    # Montana", "the Paris Club")
    for size in range(min(len(span) - 1, MAX_WORDS), 0, -1):
        for i in range(span.start, span.end - size + 1):
            part = doc[i : i + size]
            rest = [*doc[span.start : part.start], *doc[part.end : span.end]]
            other_name = any(
                (t.is_title or t.is_upper) and t.lower_ not in DIRECTIONS for t in rest
            )
            if (part[0].is_title or part[0].is_upper) and not other_name:
                entries = gaz.lookup(part.text)
                if entries:
                    return PlaceMention(part.start, part.end, part.text, entries, "ner")
    return None


def _from_capitalised_runs(doc: Doc, gaz: Gazetteer, taken: set[int]) -> list[PlaceMention]:
    found: list[PlaceMention] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in taken or not _capitalised(token):
            i += 1
            continue
        for size in range(MAX_WORDS, 0, -1):
            part = doc[i : i + size]
            if part.end > len(doc) or len(part) < size or any(t.i in taken for t in part):
                continue
            if not all(_capitalised(t) or t.lower_ in ("of", "-") for t in part):
                continue
            if not _capitalised(part[-1]):
                continue
            if in_longer_name(doc, part.start, part.end):
                continue
            entries = gaz.lookup(part.text)
            if entries and _supported(part, entries):
                found.append(PlaceMention(part.start, part.end, part.text, entries, "match"))
                i = part.end
                break
        else:
            i += 1
    return found


def in_longer_name(doc: Doc, start: int, end: int) -> bool:
    """Proper nouns right before or after: part of another name ("Keelung River", "Hotel
    Montana", "the Paris Club"); "Taipei City" and "Northern Ireland" are fine."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    return (after is not None and _capitalised(after) and after.lower_ not in GENERIC_SUFFIXES) or (
        before is not None and _capitalised(before) and before.lower_ not in DIRECTIONS
    )


def _capitalised(token: Token) -> bool:
    return token.pos_ == "PROPN" and (token.is_title or token.is_upper) and token.is_alpha


def _supported(part: Span, entries: list[GazEntry]) -> bool:
    """A name with no NER support must be prominent or stand after a locative preposition."""
    if locative_head(part.root) is not None:
        return True
    return any(
        e.kind != "city" or e.capital or e.population >= MIN_UNSUPPORTED_POPULATION for e in entries
    )


def _keep(doc: Doc, mention: PlaceMention, gaz: Gazetteer) -> bool:
    span = mention.span(doc)
    text = span.text
    if text.lower() in calendar_names() or gaz.is_demonym(text):
        return False
    if not any(t.is_alpha and t.text[0].isupper() for t in span):
        return False  # lower-case words that happen to be place names ("nice", "police")
    if mention.source == "match" and _org_count(doc, text) > 0:
        # tagged ORG elsewhere in the article and never a place: "Mercedes" the team
        return False
    if _club_name(doc, span) and locative_head(_phrase_root(doc, span)) is None:
        return False  # "rivals Manchester City": the club; "in Taipei City" stays
    if mention.source == "match" and _bracketed(doc, span):
        return False  # a credit or an abbreviation: "(PA)", "(AP)"
    if mention.source == "match" and text.isupper() and len(text) <= 3:
        # an acronym NER did not call a place ("PA", the news agency, not Palestine)
        return locative_head(span.root) is not None
    if gaz.kb.is_ambiguous(text):
        ner_says_place = any(
            e.label_ == "GPE" and e.start <= span.start and span.end <= e.end for e in doc.ents
        )
        return ner_says_place or locative_head(span.root) is not None
    return True


def _phrase_root(doc: Doc, span: Span) -> Token:
    """The root of the name's phrase: the generic noun after it when the name modifies
    it ("in Taipei City", "in Fujian Province": "City", "Province"), else its own."""
    root = span.root
    if root.dep_ == "compound" and root.head.i == span.end:
        return root.head
    return root


def _club_name(doc: Doc, span: Span) -> bool:
    """A city with a capitalised "City" after it that is not itself a place's name: the
    usual name of a football club ("Leicester City"); "Mexico City" is its own entry."""
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.text == "City"


def _bracketed(doc: Doc, span: Span) -> bool:
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before == "(" and after == ")"


def _org_count(doc: Doc, text: str) -> int:
    """How often ``text`` is tagged ORG in ``doc``; 0 once it is also tagged a place
    (one sense per article: "Mercedes" the team, not the Argentine town)."""
    labels = [e.label_ for e in doc.ents if e.text.strip() == text.strip()]
    return 0 if set(labels) & PLACE_LABELS else labels.count("ORG")


def _mark_actor_use(doc: Doc, mentions: list[PlaceMention]) -> None:
    """Flag names that the actors stage read as an actor; drop people and bodies."""
    actors = doc._.ew_mentions or []
    dropped = []
    for m in mentions:
        for a in actors:
            if a.start < m.end and m.start < a.end:
                if a.kind in ("capital", "country", "agent", "institution"):
                    # a government, or the country of an actor phrase ("US government")
                    m.actor_use = True
                elif a.kind in ("person", "shortname", "party", "organisation") and not (
                    _located_alone(doc, m, a)
                ):
                    # "Jordan" the person, "Georgia" a party's name, "Brussels" the EU;
                    # but what stands after "in" is a place ("a summit in Brussels")
                    dropped.append(m)
                break
        else:
            m.actor_use = _acts(doc, m)
    for m in dropped:
        mentions.remove(m)


def _located_alone(doc: Doc, mention: PlaceMention, actor) -> bool:
    """The actor phrase is just the name, and a locative phrase makes it a location."""
    same = actor.start == mention.start and actor.end == mention.end
    return same and locative_head(mention.span(doc).root) is not None


def _acts(doc: Doc, mention: PlaceMention) -> bool:
    """A country or capital as the subject of a non-copular verb ("Beijing yearns"):
    a government even when the actors stage did not list it."""
    root = mention.span(doc).root
    if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_ == "be":
        return False
    return any(e.kind == "country" or (e.kind == "city" and e.capital) for e in mention.entries)


def locative_head(root: Token) -> Token | None:
    """The preposition (or visiting verb) that makes ``root`` a location, or None.

    Follows coordination and area phrases ("the coast of X", "X's north"): in "off the
    coast of Taiwan" the answer for "Taiwan" is "off"; in "visited Tokyo and Osaka" it
    is "visited".
    """
    token = root
    via_area = False
    for _ in range(8):
        if token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "poss" and token.head.lower_ in AREA_NOUNS:
            token, via_area = token.head, True  # "in Japan's north"
            continue
        if token.dep_ == "pobj":
            prep = token.head
            word = prep.lower_
            area = prep.head
            if word == "of" and area.lower_ in AREA_NOUNS and area.dep_ in ("pobj", "dobj"):
                token, via_area = area, True
                continue
            if via_area and word in AREA_PREPOSITIONS:
                return prep  # "on the outskirts of Dhaka"
            if word in DIRECTIONAL:
                return prep if _after_motion(prep) else None
            return prep if word in LOCATIVE else None
        if token.dep_ == "dobj" and token.head.lemma_.lower() in VISIT:
            return token.head
        return None
    return None


def _after_motion(prep: Token) -> bool:
    head = prep.head
    return head.lemma_.lower() in MOTION or (
        head.dep_ in ("dobj", "nsubj", "nsubjpass") and head.head.lemma_.lower() in MOTION
    )


def _hyphen_joined(doc: Doc, span: Span, gaz: Gazetteer) -> Span:
    """The span with names joined to it by hyphens ("Mazar" → "Mazar-i-Sharif") if that is a place.

    The tokenizer splits at hyphens and NER often labels only the first part.
    """
    end = span.end
    while (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
    ):
        end += 2
    if end == span.end:
        return span
    joined = doc[span.start : end]
    return joined if gaz.lookup(joined.text, alternates=True) else span


@cache
def calendar_names() -> frozenset[str]:
    """Month and weekday names written out, from the times word list: never places."""
    words = load_times_words()
    return frozenset(words.full_names("month") + words.full_names("weekday"))
