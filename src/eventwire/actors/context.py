"""A country from context for an actor that has a sector but no country of its own.

"President Dos Santos conceded to demands from UNITA", "Judge Rivera opened
investigations against Chilean officials", "Lt. Gen. Avril resigned to allow Haiti's
elections": the phrase gives the sector (GOV, JUD, MIL) and no country, yet the text
leaves no doubt whose office it is. An event whose source has no country is dropped
(see :mod:`eventwire.events.build`), so these actors are lost unless their country is
read from context. Three levels are tried; the first that names exactly one state wins,
and two or more states at a level end the search (a wider view cannot settle it):

1. **phrase** (any sector): a country that modifies the actor's phrase where
   composition did not reach it ("US Vice-President X", "a Chinese government
   entity"), or, for a person, a state named in an apposition or of-phrase ("X, the
   Philippine coast guard spokesperson", "Captain X of the Japan Coast Guard");
2. **clause**: a country, capital or region on the locative phrase of the actor's own
   clause verb ("In Nairobi, the minister banned rallies"), except where someone went,
   met or spoke ("told reporters in Tokyo"). Actors of the clause are no evidence here,
   as they are as often counterparts; plural groups ("negotiators", "officials") are
   skipped, since they often stand for both sides;
3. **article**: the one state the whole document names (actors and places), leaving
   out places in what the actor itself reports ("said the EU should mediate in
   Ukraine"). In a long article that names several states this gives nothing.

Levels 2 and 3 need the actor's kind to be bound to one state (:data:`PLACED_SECTORS`:
government, legislature, judiciary, police, opposition, party and elite actors, and
titled military persons such as "Gen. X"; armies, spies, rebels and groups of people
act abroad as often as at home) and no **rival**: an actor of a state in another slot
of the same predicate ("President X welcomed South African leader Y") or coordinated
with it ("X and Chinese leader Y met"). States deal with states, so beside a rival the
actor's state is anyone's guess. A pair that is domestic by nature is no rival
(:data:`DOMESTIC_PAIRS`): a government, court or police facing rebels or an opposition,
and a court facing officials or politicians ("Dos Santos conceded to UNITA" → AGO). A
definite description with an earlier actor it may stand for ("the party") is left to
coreference. The mention's ``role`` keeps the rule: ``country:phrase``,
``country:clause`` or ``country:article``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.actors.kb import Agent, KnowledgeBase
from eventwire.actors.recognize import Candidate
from eventwire.actors.usage import IN_NAME

# Primary sectors of actors that belong to one state, so that context can place them.
PLACED_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "OPP", "PTY", "ELI"})
# A titled person of the military ("Gen. X", "Colonel Y") is one state's officer too.
PLACED_PERSON_SECTORS = PLACED_SECTORS | {"MIL"}
# (our sector, counterpart's sector) pairs that happen within one state.
_STATE = frozenset({"GOV", "LEG", "JUD", "COP", "ELI"})
_DISSENT = frozenset({"REB", "INS", "SEP", "OPP"})
_OFFICIAL = frozenset({"GOV", "LEG", "MIL", "COP", "ELI", "OPP", "PTY", "REB"})
DOMESTIC_PAIRS = frozenset(
    {(a, b) for a in _STATE | {"PTY"} for b in _DISSENT}
    | {(a, b) for a in _DISSENT for b in _STATE}
    | {("JUD", b) for b in _OFFICIAL}
    | {(a, "JUD") for a in _OFFICIAL}
)
# Links by which a country modifies a phrase.
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
# Links that leave a clause: what a reported or subordinate clause names is its own.
CLAUSE_BREAKS = frozenset({"ccomp", "advcl", "parataxis", "csubj", "csubjpass", "relcl"})
# Links inside one noun phrase (the phrase of a name, its modifiers and appositions).
PHRASE_DEPS = frozenset({"compound", "poss", "amod", "nmod", "appos", "flat", "npadvmod"})
# Slots of a predicate.
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "oprd", "iobj"})
# Verbs whose place says where someone went or spoke, not whose they are.
MOVING = frozenset(
    {"go", "come", "fly", "travel", "arrive", "return", "visit", "tour", "meet", "hold", "host",
     "attend", "leave", "reach", "head", "land", "welcome", "receive", "stop", "stay"}
)  # fmt: skip
# Prepositions of a place where something is done ("a curfew in Algiers").
PLACE_PREPS = frozenset({"in", "at", "inside", "within", "throughout", "across"})


@dataclass(frozen=True)
class Evidence:
    """A state named in the document: by an actor, or by a place."""

    country: str
    token: Token
    sectors: tuple[str, ...]
    place: bool
    cand: Candidate


def place_by_context(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> None:
    """Give placeable actors without a country the one country their context names."""
    evidence = _evidence(doc, cands, kb)
    if not evidence:
        return
    actors = {i for c in cands if not (c.dropped or c.absorbed) for i in range(c.start, c.end)}
    for cand in cands:
        if not _open(cand) or _described(doc, cand, cands):
            continue
        root = cand.span(doc).root
        own = set(range(cand.start, cand.end))
        found = [e for e in evidence if e.token.i not in own]
        phrase = _own_phrase(root) if cand.label == "person" else set()
        modifiers = {e.country: e for e in found if _modifies(e.token, root) or e.token.i in phrase}
        if len(modifiers) == 1:
            _take_modifier(cand, next(iter(modifiers.values())), kb)
            continue
        if modifiers or not _placeable(cand) or _has_rival(root, _primary(cand), found):
            continue
        clause = _clause_head(root)
        local = [e for e in found if _clause_head(e.token).i == clause.i and _tells(e, actors)]
        if _plural(doc, cand):
            local = []  # "negotiators struck a deal in Taipei": often both sides
        # a place in what the actor says is what it talks about ("said the EU must
        # mediate in Ukraine"), not where it is from
        wider = [
            e for e in found
            if not (e.place and _reported_by(e.token, root)) and not _peer(e.cand, cand)
        ]  # fmt: skip
        for rule, items in (("country:clause", local), ("country:article", wider)):
            countries = {e.country for e in items}
            if len(countries) == 1:
                _set_country(cand, countries.pop(), kb, rule)
                break
            if len(countries) > 1:
                break  # competing states: a wider view cannot settle it


def _open(cand: Candidate) -> bool:
    """A live agent or person with a sector and no country, not coded some other way."""
    if cand.dropped or cand.absorbed or cand.country or not cand.sectors or cand.stance:
        return False
    if cand.code or cand.member_of or cand.party_options:
        return False
    return cand.label == "person" or (cand.label == "agent" and isinstance(cand.entry, Agent))


def _described(doc: Doc, cand: Candidate, cands: list[Candidate]) -> bool:
    """A definite description ("the party", "the ministry", "the lawmaker") with an
    earlier actor it may stand for: coreference links it to that actor instead."""
    before = doc[cand.start - 1].lower_ if cand.start else ""
    if doc[cand.start].lower_ != "the" and before != "the":
        return False
    phrase = cand.entry.phrase if isinstance(cand.entry, Agent) else None
    for other in cands:
        if other.start >= cand.start or other.dropped or other.absorbed:
            continue
        if phrase and isinstance(other.entry, Agent) and other.entry.phrase == phrase:
            return True
        if other.label == "party" and phrase == "party":
            return True
        if other.label == "person" and cand.number == "sg" and _primary(other) == _primary(cand):
            return True
    return False


def _placeable(cand: Candidate) -> bool:
    """Whether the actor's kind is bound to one state (see the module doc)."""
    sectors = PLACED_PERSON_SECTORS if cand.label == "person" else PLACED_SECTORS
    return _primary(cand) in sectors


def _primary(cand: Candidate) -> str:
    sectors = [s for s in cand.sectors if s != "PTY"] or cand.sectors
    return sectors[0] if sectors else ""


def _evidence(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> list[Evidence]:
    """The states the document names: actors with a state's country, and countries,
    capitals and regions read as places (not those after "pro-"/"anti-")."""
    found: list[Evidence] = []
    for cand in [*cands, *(p for c in cands for p in c.partners)]:
        if not cand.country or cand.country not in kb.countries or cand.stance:
            continue
        if cand.how == IN_NAME:
            continue  # "Latin America", "Peter Wellington" name no state
        if cand.absorbed:
            continue  # the phrase that absorbed it carries its country
        if cand.dropped and cand.label not in ("country", "people"):
            continue  # a name that turned out to be no one ("Tsai" in a longer name)
        root = cand.span(doc).root
        found.append(Evidence(cand.country, root, tuple(cand.sectors), cand.dropped, cand))
    return found


def _clause_head(token: Token) -> Token:
    """The head of the clause ``token`` is in (a reported or subordinate clause is its own;
    a coordinated verb starts a clause, a coordinated noun does not)."""
    while token.head.i != token.i:
        if token.dep_ in CLAUSE_BREAKS or (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            return token
        token = token.head
    return token


def _peer(other: Candidate, cand: Candidate) -> bool:
    """Another office holder of the actor's kind ("Guinean President ... President X"):
    two presidents in one text are more often counterparts than compatriots."""
    holder = other.label == "person" or (
        isinstance(other.entry, Agent) and other.entry.kind in ("role", "member")
    )
    return holder and _primary(other) == _primary(cand)


def _reported_by(token: Token, root: Token) -> bool:
    """Whether ``token`` lies in a clause that the actor's own predicate reports."""
    mine = _slot(root)
    if mine is None:
        return False
    clause = _clause_head(token)
    while clause.head.i != clause.i:
        if clause.dep_ == "ccomp" and clause.head.i == mine[0]:
            return True
        clause = _clause_head(clause.head)
    return False


def _tells(e: Evidence, actors: set[int]) -> bool:
    """A place on the clause's verb ("imposed a curfew in Algiers"); not where someone
    went, met or spoke
    ("told reporters in Tokyo"), nor a place that locates another actor ("the embassy in
    Tokyo"). An actor of the clause is no evidence: it is as often a counterpart."""
    if not e.place:
        return False
    prep = e.token.head
    if e.token.dep_ != "pobj" or prep.lower_ not in PLACE_PREPS or prep.head.i in actors:
        return False
    from eventwire.quotes.cues import speech_verbs  # here: quotes imports the actors package

    verb = prep.head
    lemma = verb.lemma_.lower()
    return verb.pos_ in ("VERB", "AUX") and not (lemma in MOVING or lemma in speech_verbs())


def _slot(token: Token) -> tuple[int, int, bool] | None:
    """(predicate, slot head, reached through a coordination) of an actor's token: the
    verb whose subject, object or prepositional object its phrase is."""
    coordinated = False
    hopped = False
    while True:
        while token.dep_ in PHRASE_DEPS or token.dep_ == "conj":
            if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
                break
            coordinated |= token.dep_ == "conj"
            token = token.head
        head = token.head
        if token.dep_ in ARGUMENT_DEPS and head.pos_ in ("VERB", "AUX"):
            return head.i, token.i, coordinated
        if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
            above = head.head
            if above.pos_ in ("VERB", "AUX"):
                return above.i, token.i, coordinated
            if not hopped and above.pos_ in ("NOUN", "PROPN"):
                hopped = True  # "demands from UNITA", "the removal of X": the noun's slot
                token = above
                continue
        return None


def _modifies(token: Token, root: Token) -> bool:
    """A country that modifies the actor's phrase: its head ("US Vice-President X") or,
    before it, the noun the actor itself modifies ("a Chinese government entity")."""
    if token.dep_ not in MODIFIER_DEPS:
        return False
    if token.head.i == root.i:
        return True
    return root.dep_ in MODIFIER_DEPS and token.head.i == root.head.i and token.i < root.i


def _own_phrase(root: Token) -> set[int]:
    """Tokens that describe a person from after the name: an apposition ("X, the
    Philippine coast guard spokesperson") and an of-phrase ("Captain X of the Japan
    Coast Guard")."""
    found: set[int] = set()
    for child in root.children:
        if child.dep_ == "appos" or (child.dep_ == "prep" and child.lower_ in ("of", "from")):
            found.update(t.i for t in child.subtree)
    return found


def _plural(doc: Doc, cand: Candidate) -> bool:
    return cand.number == "pl" or cand.span(doc).root.tag_ in ("NNS", "NNPS")


def _take_modifier(cand: Candidate, e: Evidence, kb: KnowledgeBase) -> None:
    _set_country(cand, e.country, kb, "country:phrase")
    if e.cand.end == cand.start and not e.cand.partners:
        e.cand.absorbed = True  # the modifier joins the mention, as in compose
        cand.start = e.cand.start


def _has_rival(root: Token, sector: str, evidence: list[Evidence]) -> bool:
    """Whether an actor of a state stands in another slot of the actor's predicate, or
    is coordinated with it, and the pair is not domestic by nature (see the module doc).
    Then whose the actor is, the rival's state or another, the text does not say."""
    mine = _slot(root)
    if mine is None:
        return False
    verb, head, coordinated = mine
    for e in evidence:
        theirs = _slot(e.token)
        if theirs is None or theirs[0] != verb:
            continue
        if theirs[1] == head and not (theirs[2] or coordinated):
            continue  # the same phrase (an apposition, a modifier)
        if e.place and not _is_destination(e.token):
            continue  # a place on the verb is where it happens, not who takes part
        if not any((sector, s) in DOMESTIC_PAIRS for s in e.sectors[:1]):
            return True
    return False


def _is_destination(token: Token) -> bool:
    """A country read as a place that is still the other party: the object of a visit
    or the goal of a move ("visited Japan", "flew to Japan")."""
    return token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPS


def _set_country(cand: Candidate, country: str, kb: KnowledgeBase, rule: str) -> None:
    cand.country = country
    cand.role.append(rule)
    if cand.label == "agent" and isinstance(cand.entry, Agent):
        cand.name = kb.agent_name(country, cand.entry.phrase)
        cand.ident = f"agent:{country}:{cand.entry.phrase}"
