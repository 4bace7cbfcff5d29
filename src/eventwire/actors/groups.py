"""Groups of people placed by their clause, and people whose name is written in lower case.

**The place of the clause.** A group of people with no country of its own ("civilians",
"students", "villagers", "protesters") takes the country of the place its clause
happens in: "Civilians were killed in Syria" → SYRCVL, "students marched in Cairo" →
EGYEDU. The place is a country, capital or region (``peoples.tsv``) after a locative
preposition ("in", "at", "near", "across", "throughout") on the group's verb, on the
group itself or one step further inside such a phrase ("at a prison in Kenya"). Only a
single country counts: two places in the clause ("fled from Syria to Turkey") give none,
and the place of a meeting or a journey counts for no one ("met dissidents in Bangkok").
Refugees are left alone, since where refugees are is seldom whose they are.

**Mis-cased names.** "President obama", "prime minister SUGA": NER misses a name not
written in title case, so a role noun followed by words that, case aside, name a
known office holder of the role's kind becomes that person.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from eventwire.actors.context import MOVING
from eventwire.actors.kb import Agent, KnowledgeBase
from eventwire.actors.recognize import Candidate, pick_term, set_person, token_index
from eventwire.actors.usage import IN_NAME

# Sectors of groups of people that the place of their clause gives a country.
PLACED_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "OPP", "HLH"})
# Prepositions of a place where something happens (not "from"/"to": moves).
PLACE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "inside"})
# Dependency labels that tie a group to its clause's verb.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "agent", "attr", "appos"})
# How many words after a title a name may have ("President Barack obama").
MAX_NAME_WORDS = 3


def place_groups(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> None:
    """Give placeless groups of people the single country their clause happens in."""
    places = {
        i: c for c in cands
        if c.label in ("country", "people") and c.country and not c.absorbed and not c.stance
        and c.how not in ("demonym", IN_NAME)
        for i in range(c.start, c.end)
    }  # fmt: skip
    if not places:
        return
    for cand in cands:
        if cand.dropped or cand.absorbed or cand.country or cand.label != "agent":
            continue
        if cand.kind != "agent" or cand.sectors[:1] == [] or cand.sectors[0] not in PLACED_SECTORS:
            continue
        if cand.member_of or cand.code or not isinstance(cand.entry, Agent):
            continue
        countries = {places[t.i].country for t in _place_objects(doc, cand) if t.i in places}
        if len(countries) == 1:
            cand.country = countries.pop()
            cand.name = kb.agent_name(cand.country, cand.entry.phrase)
            cand.ident = f"agent:{cand.country}:{cand.entry.phrase}"


def _place_objects(doc: Doc, cand: Candidate) -> list[Token]:
    """Objects of place prepositions on the group, on its verb, and one phrase deeper."""
    root = cand.span(doc).root
    heads = [root]
    verb = root
    # up through conjuncts and partitives ("dozens of civilians") to the clause's verb
    while verb.dep_ in ARGUMENT_DEPS or verb.dep_ == "conj" or _is_partitive_of(verb):
        if verb.head.i == verb.i:
            break
        verb = verb.head
        if verb.pos_ in ("VERB", "AUX"):
            if verb.lemma_.lower() in MOVING:
                # "met dissidents in Bangkok", "received students in Paris": the place
                # of a meeting or a journey is where it happens, not whose they are
                break
            # the verb and its object: "blocked streets in Hong Kong" happens there
            heads += [verb, *(c for c in verb.children if c.dep_ == "dobj" and c.i != root.i)]
            break
    found: list[Token] = []
    for head in heads:
        for obj in _place_pobjs(head):
            found.append(obj)
            found += list(obj.conjuncts)
            found += _place_pobjs(obj, deeper=True)  # "at a prison in Kenya"
    return found


def _is_partitive_of(token: Token) -> bool:
    return token.dep_ == "prep" and token.lower_ == "of" and token.head.dep_ in ARGUMENT_DEPS


def _place_pobjs(head: Token, deeper: bool = False) -> list[Token]:
    """Objects of place prepositions on ``head``; inside a place phrase also of "of"
    ("in the capital city of Algiers", "in the north of Mali")."""
    allowed = PLACE_PREPS | {"of"} if deeper else PLACE_PREPS
    preps = [p for p in head.children if p.dep_ == "prep" and p.lower_ in allowed]
    preps += [c for p in preps for c in p.conjuncts if c.lower_ in PLACE_PREPS]  # "in X and in Y"
    return [obj for prep in preps for obj in prep.children if obj.dep_ == "pobj"]


def add_miscased_people(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, day: date | None
) -> list[Candidate]:
    """A title followed by a known office holder's name in the wrong case ("President
    obama"): the words become that person's candidate, the title stays a role."""
    at = token_index(cands)
    added: list[Candidate] = []
    for cand in cands:
        if cand.dropped or cand.label != "agent" or cand.kind != "agent":
            continue
        if cand.sectors[:1] != ["GOV"] and cand.sectors[:1] != ["LEG"]:
            continue
        found = _name_after(doc, cand.end, at, kb, day)
        if found is None:
            continue
        end, term = found
        person = Candidate(cand.end, end, "person", how="miscased")
        set_person(person, term)
        added.append(person)
        at.update({i: person for i in range(person.start, person.end)})
    if not added:
        return cands
    return sorted([*cands, *added], key=lambda c: c.start)


def _name_after(
    doc: Doc, start: int, at: dict[int, Candidate], kb: KnowledgeBase, day: date | None
):
    """The longest run of words after ``start`` that names a known person, case aside,
    and is not written in title case (NER and the name matcher saw those already)."""
    for size in range(MAX_NAME_WORDS, 0, -1):
        end = start + size
        if end > len(doc) or any(i in at for i in range(start, end)):
            continue
        words = doc[start:end]
        if not all(t.is_alpha for t in words) or all(t.text.istitle() for t in words):
            continue
        if words[-1].pos_ not in ("PROPN", "NOUN", "X") and words[-1].dep_ not in ("nsubj",):
            continue
        term = pick_term(kb.people_named(words.text), day)
        if term is not None:
            return end, term
    return None
