"""Recognise actor mentions: knowledge-base phrase matching and entries.

Noun-phrase composition is in :mod:`eventwire.actors.compose`.

Matching: one case-sensitive ``PhraseMatcher`` on ORTH for names (countries, capitals,
organisations, parties, institutions, people, upper-case agent acronyms such as "MP") and
one on LOWER for agent nouns ("foreign ministry", "lawmaker"). Overlaps are settled
longest-first; on equal spans a name beats an agent noun.

Places and non-actors are dropped by :mod:`eventwire.actors.usage`. A capital standing for
its government is country + GOV. A country or sector after "pro-"/"anti-" is the group's
stance, not its identity ("pro-Russia rebels" are REB), and a person's name inside a date
("in May") is no one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from eventwire.actors.kb import (
    Agent,
    Country,
    Institution,
    KnowledgeBase,
    Organisation,
    Party,
    RoleTerm,
    to_cameo_code,
)
from eventwire.actors.peoples import is_collective_demonym as collective
from eventwire.actors.peoples import load_peoples, set_people
from eventwire.actors.titles import load_titles
from eventwire.records import Actor

# Dependency labels of noun-phrase modifiers that can carry an agent's country.
MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod", "npadvmod"})
# Prefixes that make a country or sector the group's stance, not its identity.
STANCE_PREFIXES = frozenset({"pro", "anti"})
# On equal spans: our entries first, then a PETRARCH dictionary phrase ("dict").
PRIORITY = {
    "person": 0, "party": 1, "org": 2, "inst": 3, "country": 4, "people": 4.5, "title": 4.8,
    "agent": 5, "dict": 6,
}  # fmt: skip


@dataclass
class ActorMention:
    """One mention of an actor in a document (token span [start, end))."""

    start: int
    end: int
    start_char: int
    end_char: int
    actor: Actor
    kind: str  # country|capital|organisation|party|person|institution|agent|pronoun|shortname
    head: int
    antecedent: int | None = None
    role: list[str] = field(default_factory=list)
    gender: str = ""
    number: str = "sg"
    # the same agent of coordinated countries ("US and British activists": the USA
    # mention's partner is "British", GBR): readers of a phrase take these beside it
    partners: list[ActorMention] = field(default_factory=list)


@dataclass
class Candidate:
    """A matched phrase being resolved; ``absorbed`` ones became part of another mention."""

    start: int
    end: int
    label: str
    entry: object = None
    how: str = ""
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    name: str = ""
    ident: str | None = None
    kind: str = ""
    role: list[str] = field(default_factory=list)
    gender: str = ""
    number: str = "sg"
    absorbed: bool = False
    dropped: bool = False
    party: bool = False
    code: str | None = None  # a dictionary's code, kept verbatim
    # the same agent of countries coordinated with its own ("US and British activists")
    partners: list[Candidate] = field(default_factory=list)
    member_of: str = ""  # the body a member role is coded as ("Muslim Brotherhood")
    party_options: list[Party] = field(default_factory=list)  # a name several states share
    stance: bool = False  # after "pro-"/"anti-": gives no group its country or sector

    def span(self, doc: Doc) -> Span:
        """The candidate's tokens."""
        return doc[self.start : self.end]


class KBMatcher:
    """Phrase matchers built once from the knowledge base."""

    def __init__(self, nlp: Language, kb: KnowledgeBase):
        self.kb = kb
        self.names = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.agents = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.discards = PhraseMatcher(nlp.vocab, attr="LOWER")
        if kb.own_names:
            for label, names in self._name_groups().items():
                self.names.add(label, list(nlp.tokenizer.pipe(sorted(set(names)))))
        self.dictionary: dict[str, object] = {}
        if kb.dictionary is not None:
            self._add_dictionary(nlp, kb.dictionary)
        lower, upper = set(), set()
        for agent in kb.agents.values():
            lower.add(agent.phrase)
            for form in agent.forms:
                # short alternate forms ("pm", "mp", "mod") are words or times in lower case:
                # they match only as acronyms ("PM", "MPs")
                if len(form.rstrip("s")) <= 3 and " " not in form:
                    upper.update({form.upper(), form.rstrip("s").upper() + "s"})
                else:
                    lower.add(form)
        self.agents.add("agent", list(nlp.tokenizer.pipe(sorted(lower))))
        self.names.add("agent", list(nlp.tokenizer.pipe(sorted(upper))))

    def _add_dictionary(self, nlp: Language, dicts) -> None:
        """PETRARCH actor phrases (lower case; short one-word ones as acronyms) and discards.

        A phrase listed under several actors belongs to the last one read, as PETRARCH-2
        stores it ("PRESIDENT_BUSH" under GEORGE_BUSH, then "PRESIDENT_BUSH_" under
        GEORGE_W._BUSH: a final "_" is TABARI's no-stemming mark, meaningless in PETRARCH).
        """
        lower, upper = [], []
        for actor in dicts.actors:
            for phrase in actor.phrases:
                doc = nlp.make_doc(phrase)
                self.dictionary[lookup_key(doc)] = actor
                # "US", "IT", "WHO" as lower-case words are not actors
                short = len(doc) == 1 and sum(c.isalpha() for c in phrase) <= 3
                (upper if short else lower).append(doc)
        self.agents.add("dict", lower)
        self.names.add("dict", upper)
        self.discards.add("discard", [nlp.make_doc(p) for p, _ in dicts.discards])

    def _name_groups(self) -> dict[str, list[str]]:
        kb = self.kb
        countries: list[str] = []
        for c in kb.countries.values():
            countries += [c.name, *c.names, *c.adjectives, *c.demonyms, c.capital]
            countries += [*c.capital_names, *c.seats]
        return {
            "country": [n for n in countries if n],
            "org": [n for o in kb.organisations.values() for n in (o.name, *o.names)],
            "party": [n for p in kb.parties for n in (p.name, *p.names)],
            "inst": [n for i in kb.institutions for n in (i.name, *i.names)],
            "person": [n for t in kb.people for n in (t.name, *t.names)],
            "people": load_peoples().names(),  # peoples and regions (peoples.tsv)
            "title": load_titles().forms(),  # before a name only (titles.tsv)
        }

    def candidates(self, doc: Doc) -> list[Candidate]:
        """Longest non-overlapping matches in document order; none inside a discard phrase."""
        taken: set[int] = {i for _, start, end in self.discards(doc) for i in range(start, end)}
        found = [
            (start, end, doc.vocab.strings[key])
            for matcher in (self.names, self.agents)
            for key, start, end in matcher(doc)
        ]
        found.sort(key=lambda m: (-(m[1] - m[0]), PRIORITY[m[2]], m[0]))
        chosen: list[Candidate] = []
        for start, end, label in found:
            if taken.isdisjoint(range(start, end)):
                taken.update(range(start, end))
                cand = Candidate(start, end, label)
                if label == "dict":
                    cand.entry = self.dictionary.get(lookup_key(cand.span(doc)))
                chosen.append(cand)
        return sorted(chosen, key=lambda c: c.start)


# ---------------------------------------------------------------- resolving entries


def resolve(doc: Doc, cands: list[Candidate], kb: KnowledgeBase, day: date | None) -> None:
    """Attach the knowledge-base entry to every candidate (drop those that resolve to none)."""
    states = _unambiguous_states(doc, cands, kb)
    dates = {i for e in doc.ents if e.label_ in ("DATE", "TIME") for i in range(e.start, e.end)}
    for cand in cands:
        text = cand.span(doc).text
        if cand.label == "person" and cand.start in dates:
            cand.dropped = True  # "in May" is no one
            continue
        # "pro-Russia rebels" are not Russia's; Russia stays a mention (what they back)
        cand.stance = _after_stance_prefix(doc, cand)
        if cand.label == "country":
            _resolve_country(cand, kb.countries_named(text), states, cand.span(doc).root, kb)
        elif cand.label == "party":
            _resolve_party(cand, kb.parties_named(text), states, kb, text)
        elif cand.label == "org":
            _set_org(cand, kb.organisations_named(text))
        elif cand.label == "inst":
            _set_inst(cand, kb.institutions_named(text), states)
        elif cand.label == "person":
            set_person(cand, pick_term(kb.people_named(text), day))
        elif cand.label == "dict":
            _set_dictionary_actor(doc, cand, kb, day)
        elif cand.label == "people":
            set_people(cand, load_peoples().named(text), states)
        elif cand.label == "title":  # a role of the name after it, else nothing
            set_agent(cand, load_titles().named(text))
            cand.label, cand.how = "agent", "title"
        else:
            set_agent(cand, kb.agent(text))
        if cand.entry is None:
            cand.dropped = True


def _after_stance_prefix(doc: Doc, cand: Candidate) -> bool:
    """The phrase follows "pro-" or "anti-": it names whom a group backs or opposes
    ("pro-Russia rebels", "anti-government protesters"), not the group's own country or
    sector. CAMEO codes such a group by its own sector alone."""
    i = cand.start
    if i >= 1 and doc[i - 1].lower_.rstrip("-") in STANCE_PREFIXES and doc[i - 1].text[-1] == "-":
        return True  # a tokenizer that keeps the hyphen on the prefix ("pro-")
    return i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in STANCE_PREFIXES


def _unambiguous_states(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> list[str]:
    """Country codes named unambiguously in the document, most frequent first."""
    counts: dict[str, int] = {}
    for cand in cands:
        if cand.label == "country":
            codes = {c.code for c, _ in kb.countries_named(cand.span(doc).text)}
            if len(codes) == 1:
                code = codes.pop()
                counts[code] = counts.get(code, 0) + 1
    return sorted(counts, key=lambda c: -counts[c])


def _prefer(options: list, country_of, states: list[str]):
    """The option whose country the article names most; the first one otherwise."""
    if not options:
        return None
    for code in states:
        for option in options:
            if country_of(option) == code:
                return option
    return options[0]


def _resolve_country(
    cand: Candidate, pairs, states: list[str], root: Token, kb: KnowledgeBase
) -> None:
    by_code: dict[str, list[str]] = {}
    for country, how in pairs:
        by_code.setdefault(country.code, []).append(how)
    choice: Country | None = _prefer(
        list(dict.fromkeys(c for c, _ in pairs)), lambda c: c.code, states
    )
    if choice is None:
        return
    hows = by_code[choice.code]
    if "capital" in hows:
        how = "capital"
    elif "adjective" in hows and (root.dep_ in ("amod", "compound") or root.pos_ == "ADJ"):
        how = "adjective"
    elif "name" in hows:
        how = "name"
    else:
        how = "demonym" if "demonym" in hows else hows[0]
    cand.entry, cand.how, cand.country = choice, how, choice.code
    cand.ident = choice.wikidata or choice.code
    cand.name, cand.kind = choice.name, "country"
    if how == "capital":
        cand.sectors, cand.kind = ["GOV"], "capital"
        cand.name = kb.agent_name(choice.code, "government")
    elif how == "demonym" and collective(root, root.text in choice.adjectives):
        cand.number = "pl"  # the nation itself: "the Chinese protested"
    elif how == "demonym":
        cand.sectors, cand.kind, cand.number = ["CVL"], "agent", "pl"
        cand.name = kb.agent_name(choice.code, "people")


def _resolve_party(
    cand: Candidate, parties: Iterable[Party], states: list[str], kb: KnowledgeBase, text: str
) -> None:
    options = list(parties)
    countries = {p.country for p in options}
    if len(countries) > 1 and countries.isdisjoint(states):
        # "Conservatives", "Republicans": several states' parties and none named here.
        # A party it is; whose, the text does not say (PTY with no country).
        set_agent(cand, kb.agent("party"))
        cand.name, cand.kind, cand.party_options = text, "party", options
        return
    party: Party | None = _prefer(options, lambda p: p.country, states)
    if party is not None:
        set_party(cand, party)


def set_party(cand: Candidate, party: Party) -> None:
    """Make the candidate that party's mention."""
    cand.entry, cand.country, cand.sectors, cand.kind = party, party.country, ["PTY"], "party"
    cand.name, cand.ident = party.name, party.wikidata or f"party:{party.country}:{party.name}"


def _set_org(cand: Candidate, orgs: Iterable[Organisation]) -> None:
    org = next(iter(orgs), None)
    if org is not None:
        cand.entry, cand.country, cand.sectors = org, org.country, list(org.sectors)
        cand.name, cand.ident, cand.kind = org.name, org.wikidata or org.code, "organisation"


def _set_inst(cand: Candidate, insts: Iterable[Institution], states: list[str]) -> None:
    inst: Institution | None = _prefer(list(insts), lambda i: i.country, states)
    if inst is not None:
        cand.entry, cand.country, cand.sectors = inst, inst.country, list(inst.sectors)
        cand.name, cand.kind = inst.name, "institution"
        cand.ident = inst.wikidata or f"institution:{inst.country}:{inst.name}"


def pick_term(terms: Iterable[RoleTerm], day: date | None) -> RoleTerm | None:
    """The role term valid on ``day``; without one (or without a date), the latest term."""
    terms = sorted(terms, key=lambda t: t.start, reverse=True)
    if day is not None:
        active = [t for t in terms if t.active_on(day)]
        earlier = [t for t in terms if t.start <= day]
        terms = active or earlier or terms
    return terms[0] if terms else None


def set_person(cand: Candidate, term: RoleTerm | None) -> None:
    """Make ``cand`` the office holder ``term`` (nothing without a term)."""
    if term is not None:
        cand.entry, cand.country, cand.sectors = term, term.country, list(term.sectors)
        cand.name, cand.kind, cand.gender = term.name, "person", term.gender
        cand.ident = term.wikidata or f"person:{term.name}"
        cand.role = list(term.roles)


def lookup_key(tokens: Iterable[Token]) -> str:
    """The key a dictionary phrase is stored and looked up under."""
    return " ".join(t.lower_ for t in tokens)


def _set_dictionary_actor(doc: Doc, cand: Candidate, kb: KnowledgeBase, day: date | None) -> None:
    """A PETRARCH actor phrase: its code for the article's day; a bare state code is a country."""
    from eventwire.actors.petrarch import split_code

    actor = cand.entry  # set by KBMatcher.candidates
    code = actor.code_on(day) if actor is not None else None
    if not code:
        cand.entry = None  # no code on this day: not an actor
        return
    country, sectors = split_code(code, kb)
    state = kb.country(code)
    if state is not None:  # "CHINA [CHN]": behaves like our own country names
        root = cand.span(doc).root
        adjective = root.pos_ == "ADJ" or root.dep_ in ("amod", "compound")
        cand.label, cand.how = "country", "adjective" if adjective else "name"
        cand.entry, cand.country, cand.kind, cand.name = state, state.code, "country", state.name
        cand.ident = state.wikidata or state.code
        return
    # a named actor: lends its country to agents, like a named institution
    cand.label, cand.entry, cand.code = "inst", actor, code
    cand.country, cand.sectors, cand.name = country, sectors, actor.name
    people = [e for e in doc.ents if e.label_ == "PERSON" and e.start <= cand.start < e.end]
    cand.kind = "person" if people else "institution"
    cand.ident = f"petrarch:{actor.phrases[0]}"


def set_agent(cand: Candidate, agent: Agent | None) -> None:
    if agent is not None:
        cand.entry, cand.sectors, cand.name = agent, list(agent.sectors), agent.phrase
        cand.kind = "institution" if agent.kind == "institution" else "agent"
        cand.number, cand.gender = agent.number, agent.gender
        cand.role = [agent.phrase]


# ---------------------------------------------------------------- indexes


def token_index(cands: list[Candidate]) -> dict[int, Candidate]:
    """Token index → the live candidate covering it."""
    return {i: c for c in cands if not (c.dropped or c.absorbed) for i in range(c.start, c.end)}


def primary_sector(cand: Candidate, sectors: list[str]) -> list[str]:
    """The one sector that goes into the code; every sector stays in ``Actor.sectors``.

    CAMEO codes an actor as country + primary role (+ an optional secondary role, which we
    leave to ``sectors``). The primary role is the first sector listed in the data file:
    ministries are organs of government, so "Japan's Defence Ministry" is JPNGOV with
    sectors [GOV, MIL], and a coast guard (MIL|COP) is MIL. A party member is coded by the
    role ("DPP lawmaker" → TWNLEG, sectors [LEG, PTY]); a party itself is PTY.
    """
    if cand.kind == "person" or cand.party:
        return [s for s in sectors if s != "PTY"][:1] or sectors[:1]
    return sectors[:1]


def to_actor(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> Actor:
    """The Actor record of a resolved candidate."""
    sectors = list(dict.fromkeys(cand.sectors))
    code = cand.code or to_cameo_code(cand.country, primary_sector(cand, sectors), kb)
    return Actor(
        text=cand.span(doc).text,
        name=cand.name,
        code=code,
        country=cand.country,
        sectors=sectors,
        id=cand.ident,
    )
