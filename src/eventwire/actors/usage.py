"""Places and non-actors: which matched names and agent words are no actor here.

A country or capital that is the object of a locative preposition ("in Tokyo"), the
destination of a motion verb ("flew to Tokyo"), the object of a visiting verb ("visited
Japan") or an attributive compound of a non-agent noun ("the Tokyo office", "Taiwan
Strait"; "Japan Airlines" is the company, see fallback) is a place, not an actor. A
country word inside a longer name ("Latin America", "South China Sea", "Peter
Wellington", "George Washington") or the first half of a hyphenated word that names a
language or an origin ("French-speaking", "Chinese-made") is neither an actor nor a place
of that country (:data:`IN_NAME`); a person's name glued by hyphens to other words
("Mazar-i-Sharif") is part of that longer name. A country adjective is an actor only inside an agent
phrase ("Japanese navy"); "Japanese public opinion" is not a mention; an agent word used
as an adjective ("military presence") is no actor.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from eventwire.actors.peoples import is_people_actor
from eventwire.actors.recognize import Candidate, token_index

# Prepositions whose object is a location, not an addressee.
LOCATIVE = frozenset(
    {"in", "at", "near", "from", "outside", "inside", "across", "around", "within", "throughout",
     "off", "via", "over", "under", "between", "beyond", "along", "past", "through", "into",
     "onto"}
)  # fmt: skip
# Verbs and nouns of motion: the object of their "to"/"toward" is a destination.
MOTION = frozenset(
    {"go", "come", "fly", "travel", "arrive", "return", "head", "move", "sail", "drive", "walk",
     "march", "flee", "send", "deploy", "relocate", "trip", "visit", "journey", "flight",
     "voyage", "tour", "mission", "route", "way"}
)  # fmt: skip
# Verbs whose direct object is a place ("visited Tokyo").
VISIT = frozenset({"visit", "tour", "leave", "enter", "reach", "invade", "occupy", "cross", "land"})
# ``Candidate.how`` of a country word inside a longer name ("Latin America", "Peter
# Wellington") or compound word ("French-speaking"): neither an actor nor a place.
IN_NAME = "in-name"
# Entity types of longer names a country word inside which is no actor ("Japan Airlines")
FOREIGN = ("ORG", "FAC", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "PERSON")
# ... and of those that say nothing of the country either: a person's or a region's
# ("Peter Wellington", "Latin America"), unlike a body's ("Communist Party of Nepal")
NAMES_OF_NONE = ("PERSON", "LOC")
# Second halves of hyphenated words whose first half, a country word, names a language,
# an origin or a style, never who acts ("a French-speaking city", "Chinese-made drones",
# "a US-educated economist"). "X-led" and "X-backed" are composition's (see compose).
NOT_OWNER_SUFFIXES = frozenset(
    {"speaking", "speaker", "speakers", "language", "style", "born", "made", "built",
     "designed", "educated", "trained", "owned", "registered", "flagged"}
)  # fmt: skip


def filter_usage(doc: Doc, cands: list[Candidate]) -> None:
    """Drop countries/capitals used as places and adjectives outside agent phrases."""
    at = token_index(cands)
    for cand in cands:
        if cand.label == "country" and not (cand.dropped or cand.absorbed):
            cand.dropped = not _is_actor_use(doc, cand, at)
            if _in_foreign_entity(doc, cand, NAMES_OF_NONE) or _before_suffix(doc, cand):
                cand.dropped, cand.how = True, IN_NAME  # no place of the country's either
        elif cand.label == "agent" and not cand.dropped:
            cand.dropped = _is_modifier_only(doc, cand, at)
        elif cand.label == "people" and not (cand.dropped or cand.absorbed):
            cand.dropped = not is_people_actor(doc, cand, at)
        elif cand.label == "person" and not cand.dropped and _hyphen_glued(doc, cand):
            cand.dropped = True  # "Mazar-i-Sharif" is a city, not Nawaz Sharif


def _hyphen_glued(doc: Doc, cand: Candidate) -> bool:
    """A name joined by a hyphen to the word before or after it, with no space: part of
    a longer hyphenated name ("Mazar-i-Sharif", "Abu-Sharif Street"), not that person."""
    return _glued_hyphen(doc, cand.start - 1) or _glued_hyphen(doc, cand.end)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen between two words, with no space on either side."""
    return (
        0 < i < len(doc) - 1
        and doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )


def _before_suffix(doc: Doc, cand: Candidate) -> bool:
    """The first half of a hyphenated word such as "French-speaking" (see
    :data:`NOT_OWNER_SUFFIXES`)."""
    end = cand.end
    return (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end + 1].lower_ in NOT_OWNER_SUFFIXES
    )


def _is_actor_use(doc: Doc, cand: Candidate, at: dict[int, Candidate]) -> bool:
    root = cand.span(doc).root
    if cand.how == "adjective":
        return False  # inside an agent phrase it was absorbed already
    if _is_place(root) or _in_foreign_entity(doc, cand):
        return False
    # an attributive compound of a non-actor noun: "the Tokyo office", "Taiwan Strait"
    return not (root.dep_ in ("compound", "nmod", "amod") and root.head.i not in at)


def _is_place(root: Token) -> bool:
    """True when a name is used as a location rather than for its government."""
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ in LOCATIVE:
            return True
        if head.lower_ in ("to", "toward", "towards") and head.head.lemma_.lower() in MOTION:
            return True
    if root.dep_ == "dobj" and head.lemma_.lower() in VISIT:
        return True
    return root.dep_ == "conj" and root.head.i != root.i and _is_place(_conj_root(root))


def _conj_root(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _in_foreign_entity(doc: Doc, cand: Candidate, labels: tuple[str, ...] = FOREIGN) -> bool:
    """Inside a larger named entity that is not itself an actor ("Japan Airlines"), or at
    the end of a person's name ("Peter Wellington", "George Washington")."""
    size = cand.end - cand.start
    for ent in doc.ents:
        inside = ent.start <= cand.start and cand.end <= ent.end and len(ent) > size
        if not inside or ent.label_ not in labels:
            continue
        if ent.label_ == "PERSON":
            return _surname(doc, cand, ent)
        return cand.span(doc).root.dep_ != "poss" and all(t.tag_ != "POS" for t in ent)
    return False


def _surname(doc: Doc, cand: Candidate, ent: Span) -> bool:
    """A country or capital that ends a person's name after given names: the model also
    calls "Kosovo Serbs" or "Taiwan's Tsai" a person, where the country word comes first."""
    given = doc[ent.start : cand.start]
    return (
        cand.end == ent.end
        and cand.how in ("name", "capital")
        and len(given) > 0
        and all(t.is_title and t.pos_ == "PROPN" and t.ent_iob_ != "" for t in given)
    )


def _is_modifier_only(doc: Doc, cand: Candidate, at: dict[int, Candidate]) -> bool:
    """An agent word used as an adjective ("military presence") is not an actor."""
    if cand.how == "title":
        return False  # a person's title or nothing, settled once names are known
    root = cand.span(doc).root
    if root.pos_ == "ADJ" or (root.pos_ not in ("NOUN", "PROPN") and root.tag_ != "NNS"):
        return True
    if cand.kind != "institution" and root.dep_ in ("amod", "compound"):
        # a role noun pre-modifying a name is a role ("Prime Minister Suga"): keep it
        return not (root.head.pos_ == "PROPN" or root.head.i in at)
    return False
