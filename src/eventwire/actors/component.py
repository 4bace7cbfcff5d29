"""``ew_actors``: the spaCy component that fills ``doc._.ew_mentions`` and ``doc._.ew_actors``.

Steps: knowledge-base matching → entries → office holders checked against the article's
day (:mod:`eventwire.actors.tenure`) → noun-phrase composition → places and
non-actors dropped → people named by NER given a role by a pre-modifier or apposition →
a country from context for actors that have none (:mod:`eventwire.actors.context`) →
coreference → mentions, the ``ew_actors`` SpanGroup and the per-article summary.

People without a knowledge-base entry (rule 4): a role noun before the name ("DPP
politician Lo Chih-cheng") or in apposition ("Lo Chih-cheng, a DPP lawmaker,") gives the
person the role's country and sectors; a party in the role adds PTY to the sectors while
the code keeps the role's sector (TWNLEG, sectors ["LEG", "PTY"]). "colleague"/"fellow"
before the role means the person shares the role with the nearest earlier person of the
sentence: the newcomer takes that person's country and party, and that person gains the
role's sector. A person in apposition to a role phrase ("the US commander in Iraq,
General X,") takes the role's country and sectors while the role stays a mention; a body
before the title ("Arab League Secretary General X") gives its country, and its code when
the title is a member role. A person with no role, country or KB entry is not an actor
mention.

Partner mentions (``ActorMention.partners``, see :mod:`eventwire.actors.compose`) follow
their first mention in ``doc._.ew_mentions``.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from eventwire.actors.compose import compose
from eventwire.actors.context import place_by_context
from eventwire.actors.coref import resolve_coreference
from eventwire.actors.fallback import add_named_organisations, alias_acronyms
from eventwire.actors.groups import add_miscased_people, place_groups
from eventwire.actors.kb import Agent, KnowledgeBase, load_knowledge_base
from eventwire.actors.recognize import (
    ActorMention,
    Candidate,
    KBMatcher,
    resolve,
    to_actor,
    token_index,
)
from eventwire.actors.tenure import out_of_office, settle_tenure
from eventwire.actors.titles import add_title_tokens
from eventwire.actors.usage import filter_usage
from eventwire.nlp.extensions import register_extensions
from eventwire.records import ActorSummary

SPAN_KEY = "ew_actors"
COLLEAGUE = frozenset({"colleague", "colleagues", "fellow"})
ROLE_DETERMINERS = frozenset({"a", "an", "the"})
# Entity types a capitalised word after a title cannot be part of a name in.
NOT_NAMES = frozenset({"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "EVENT", "LAW"})
MAX_NAME_WORDS = 4
# Words before an office that make its holder a former one (an elite: ELI).
FORMER = frozenset({"former", "ex", "ex-", "then-former"})


class ActorRecognizer:
    """Recognise actor mentions with a matcher built once from the knowledge base."""

    def __init__(self, nlp: Language, name: str, kb: KnowledgeBase | None = None):
        register_extensions()
        self.name = name
        self.kb = kb or load_knowledge_base()
        add_title_tokens(nlp)  # before the matcher tokenizes its phrases
        self.matcher = KBMatcher(nlp, self.kb)
        # coding with PETRARCH dictionaries only ("replace"): their codes, composed their way
        self.petrarch_agents = None
        if self.kb.dictionary is not None and not self.kb.own_names:
            from eventwire.actors.petrarch_match import agent_entries

            self.petrarch_agents = agent_entries(self.kb.dictionary)

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.mentions(doc)
        doc._.ew_mentions = mentions
        group = SpanGroup(doc, name=SPAN_KEY)
        for m in mentions:
            span = Span(doc, m.start, m.end)
            span._.ew_actor = m
            group.append(span)
        doc.spans[SPAN_KEY] = group
        doc._.ew_actors = summarise(mentions)
        return doc

    def mentions(self, doc: Doc) -> list[ActorMention]:
        """All actor mentions of ``doc`` in document order."""
        cands = self.matcher.candidates(doc)
        day = _article_day(doc)
        resolve(doc, cands, self.kb, day)
        settle_tenure(doc, cands, day)
        compose(doc, cands, self.kb)
        filter_usage(doc, cands)
        cands = add_miscased_people(doc, cands, self.kb, day)
        cands = add_named_people(doc, cands)
        cands = add_named_organisations(doc, cands, self.kb)
        cands = alias_acronyms(doc, cands)
        place_groups(doc, cands, self.kb)
        attach_roles(doc, cands)
        settle_titles(doc, cands, self.kb)
        if self.petrarch_agents is not None:
            from eventwire.actors.petrarch_match import apply_petrarch_codes

            apply_petrarch_codes(doc, cands, self.kb, self.petrarch_agents)
        place_by_context(doc, cands, self.kb)
        live = [c for c in cands if not (c.dropped or c.absorbed) and (c.country or c.sectors)]
        mentions: list[ActorMention] = []
        for cand in live:
            mention = _mention(doc, cand, self.kb)
            mention.partners = [_mention(doc, p, self.kb) for p in cand.partners]
            mentions += [mention, *mention.partners]
        mentions.sort(key=lambda m: m.start)
        return resolve_coreference(doc, mentions, self.kb)


@Language.factory(
    "ew_actors",
    default_config={"dictionaries": None, "mode": "replace"},
    assigns=["doc._.ew_actors", "span._.ew_actor"],
    requires=["token.dep", "doc.ents"],
)
def make_actor_recognizer(
    nlp: Language, name: str, dictionaries: str | None = None, mode: str = "replace"
) -> ActorRecognizer:
    """``dictionaries``: a folder of PETRARCH actor/agent/discard files, matched instead of
    our knowledge base's names (``mode="replace"``, the default: coding "with" a folder
    means its verbs and its actors, as PETRARCH does) or beside them (``mode="add"``)."""
    kb = load_knowledge_base()
    if dictionaries:
        from eventwire.actors.petrarch import with_dictionaries

        kb = with_dictionaries(kb, _dictionaries(str(Path(dictionaries).resolve())), mode)
    elif mode not in ("add", "replace"):
        from eventwire.errors import InputError

        raise InputError(f"ew_actors mode {mode!r} is not one of add, replace")
    return ActorRecognizer(nlp, name, kb=kb)


@functools.lru_cache(maxsize=4)
def _dictionaries(directory: str):
    """Dictionaries of a folder, read once per process (the Phoenix set takes seconds)."""
    from eventwire.actors.petrarch import load_petrarch_dictionaries

    return load_petrarch_dictionaries(Path(directory))


def _article_day(doc: Doc) -> date | None:
    from eventwire.ingest.dates import published_date

    return published_date(getattr(doc._.ew_article, "published", None))


def _mention(doc: Doc, cand: Candidate, kb: KnowledgeBase) -> ActorMention:
    span = cand.span(doc)
    return ActorMention(
        cand.start, cand.end, span.start_char, span.end_char, to_actor(doc, cand, kb),
        cand.kind or cand.label, span.root.i, role=list(cand.role), gender=cand.gender,
        number=cand.number,
    )  # fmt: skip


# ---------------------------------------------------------------- people and roles


def add_named_people(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Candidates for NER PERSON names that the knowledge base does not know."""
    _drop_partial_names(doc, cands)
    at = token_index(cands)
    new: list[Candidate] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start < ent.end and start in at and at[start].label == "agent":
            start += 1  # NER sometimes takes the title in: "Prime Minister X"
        if start >= ent.end or any(i in at for i in range(start, ent.end)):
            continue
        name = " ".join(doc[start : ent.end].text.split())
        new.append(Candidate(start, ent.end, "person", kind="person", name=name))
    taken = {i for c in new for i in range(c.start, c.end)}
    for cand in cands:
        end = _name_after_title(doc, cand, at, taken) if _is_title(cand) else None
        if end is not None:
            name = " ".join(doc[cand.end : end].text.split())
            new.append(Candidate(cand.end, end, "person", kind="person", name=name))
    return sorted(cands + new, key=lambda c: c.start)


def _is_title(cand: Candidate) -> bool:
    """A title or a singular role noun of one person ("Vice-President", "Gen.")."""
    if cand.dropped or cand.absorbed or cand.label != "agent":
        return False
    entry = cand.entry
    return isinstance(entry, Agent) and entry.kind in ("role", "member") and entry.number == "sg"


def _name_after_title(
    doc: Doc, cand: Candidate, at: dict[int, Candidate], taken: set[int]
) -> int | None:
    """The end of a name that NER missed or called something else right after a title
    ("Vice-President Moody Awori", NER: ORG): up to four capitalised proper nouns, not a
    place, a date or a longer capitalised run (a headline)."""
    if not doc[cand.start].is_title and not doc[cand.start].is_upper:
        return None  # "the president Monday": a title is capitalised
    if cand.span(doc).root.ent_type_ == "NORP":
        return None  # a nationality or religion is no title: "an Islamic State target"
    end = cand.end
    while end < len(doc) and end - cand.end < MAX_NAME_WORDS:
        token = doc[end]
        if not (token.is_title and token.pos_ == "PROPN") or end in at or end in taken:
            break
        if token.ent_type_ in NOT_NAMES:
            return None
        end += 1
    if end == cand.end or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
        return None
    ent = doc[cand.end].ent_type_ and next(e for e in doc.ents if e.start <= cand.end < e.end)
    if ent and ent.start <= cand.start:
        return None  # the title is part of a longer name ("General Motors")
    return end


def settle_titles(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> None:
    """A title is a person's role, else the role noun it also is ("the General said"),
    else nothing ("Major powers"); after "former" or "ex-" an office is an elite, as
    CAMEO codes former officials (ELI)."""
    people = [c for c in cands if c.label == "person" and not (c.dropped or c.absorbed)]
    for cand in cands:
        if cand.dropped:
            continue
        if cand.how == "title" and not cand.absorbed:
            # the title's own word: composition may have taken a modifier in ("US President")
            agent = kb.agent(cand.entry.phrase)
            cand.dropped, cand.how = agent is None, ""
            if agent is not None:
                cand.entry, cand.number = agent, agent.number
                cand.kind = "institution" if agent.kind == "institution" else "agent"
        elif cand.how == "title":  # a rank outranks a job: "Col. X, a spokesman" is MIL
            for person in people:
                if person.start <= cand.start < person.end and person.entry is None:
                    person.sectors = list(dict.fromkeys([*cand.sectors, *person.sectors]))
        elif cand.label in ("person", "agent") and not cand.absorbed and _former(doc, cand):
            cand.sectors = ["ELI", *(s for s in cand.sectors if s != "ELI")]
            cand.role.append("former")


def _former(doc: Doc, cand: Candidate) -> bool:
    i = cand.start - 1
    if i >= 0 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and doc[i].lower_ in FORMER


def _drop_partial_names(doc: Doc, cands: list[Candidate]) -> None:
    """A KB alias inside a longer person name is someone else ("Tsai" in "Tsai Shih-ying")."""
    people = [e for e in doc.ents if e.label_ == "PERSON"]
    for cand in cands:
        if cand.label != "person" or cand.dropped:
            continue
        for ent in people:
            longer = ent.start <= cand.start and cand.end <= ent.end
            if longer and ent.end - ent.start > cand.end - cand.start:
                cand.dropped = True


def attach_roles(doc: Doc, cands: list[Candidate]) -> None:
    """Role nouns before or in apposition to a person become that person's role."""
    at = token_index(cands)
    people = [c for c in cands if c.label == "person" and not c.dropped]
    for person in people:
        roles = _roles_of(doc, person, at)
        for role in roles:
            role.absorbed = True
            person.role += [r for r in role.role if r not in person.role]
            if role.end == person.start:
                person.start = role.start
            if person.entry is None or out_of_office(person):
                _take_role(person, role)
                if role.start > 0 and doc[role.start - 1].lower_ in COLLEAGUE:
                    _share_with_colleague(doc, person, people)
        appositive = _appositive_role(doc, person, at)
        if person.entry is None and person.country is None and appositive is not None:
            _take_role(person, appositive)  # both stay mentions: the role is the phrase's head
        body = _body_before(doc, person, at)
        if person.entry is None and person.country is None and body is not None:
            # "Arab League Secretary General X": the parse hangs the body on the name
            person.country = body.country
            if any(isinstance(r.entry, Agent) and r.entry.kind == "member" for r in roles):
                person.sectors = list(body.sectors)


def _body_before(doc: Doc, person: Candidate, at: dict[int, Candidate]) -> Candidate | None:
    """A named body with a country that modifies the person's name from before it."""
    root = person.span(doc).root
    for child in root.children:
        if child.i >= person.start or child.dep_ not in ("compound", "poss", "nmod"):
            continue
        body = at.get(child.i)
        if body is not None and body.label in ("org", "inst", "party") and body.country:
            return body
    return None


def _appositive_role(doc: Doc, person: Candidate, at: dict[int, Candidate]) -> Candidate | None:
    """The role a person stands in apposition to when the role's phrase runs on past the
    role noun ("the US commander in Iraq, General X,"), which the parse links."""
    root = person.span(doc).root
    if root.dep_ != "appos":
        return None
    head = root.head
    if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.i not in at:
        head = head.head.head  # the small parser hangs it on "in Iraq" of the role phrase
    role = at.get(head.i)
    return role if _is_role(role) and role.country else None


def _take_role(person: Candidate, role: Candidate) -> None:
    person.country = person.country or role.country
    person.sectors = list(dict.fromkeys([*role.sectors, *person.sectors]))
    person.party = person.party or role.party
    person.gender = person.gender or role.gender


def _roles_of(doc: Doc, person: Candidate, at: dict[int, Candidate]) -> list[Candidate]:
    """Agent candidates that describe ``person``: before the name and in apposition."""
    roles: list[Candidate] = []
    before = at.get(person.start - 1)
    if _is_role(before):
        roles.append(before)
    elif person.start >= 2 and doc[person.start - 1].text == ",":
        candidate = at.get(person.start - 2)
        if _is_role(candidate) and _linked_in_parse(doc, candidate, person):
            roles.append(candidate)
    if person.end < len(doc) - 1 and doc[person.end].text == ",":
        i = person.end + 1
        while i < len(doc) and doc[i].lower_ in ROLE_DETERMINERS:
            i += 1
        candidate = at.get(i)
        if _is_role(candidate) and _linked_in_parse(doc, candidate, person):
            roles.append(candidate)
    # a role with a country is the more telling one: take its country first
    return sorted(roles, key=lambda r: r.country is None)


def _is_role(cand: Candidate | None) -> bool:
    return cand is not None and cand.label == "agent" and not cand.dropped and not cand.absorbed


def _linked_in_parse(doc: Doc, role: Candidate, person: Candidate) -> bool:
    role_root, person_root = role.span(doc).root, person.span(doc).root
    inside = range(person.start, person.end)
    return role_root.head.i in inside or person_root.head.i in range(role.start, role.end)


def _share_with_colleague(doc: Doc, person: Candidate, people: list[Candidate]) -> None:
    """'X, who came with colleague legislator Y': Y shares X's country and party."""
    sentence = doc[person.start].sent
    partners = [p for p in people if sentence.start <= p.start < person.start and p is not person]
    if not partners:
        return
    partner = partners[-1]
    person.country = person.country or partner.country
    if partner.party and not person.party:
        person.party = True
        person.sectors = list(dict.fromkeys([*person.sectors, "PTY"]))
        person.role += [r for r in partner.role if r.startswith("party:")]
    if partner.entry is None:  # the colleague's role is the partner's too
        shared = [s for s in person.sectors if s != "PTY"]
        partner.sectors = list(dict.fromkeys([*shared, *partner.sectors]))
        partner.country = partner.country or person.country


# ---------------------------------------------------------------- results


def summarise(mentions: list[ActorMention]) -> list[ActorSummary]:
    """One summary per (name, code) with a country, most mentioned first."""
    counts: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], ActorMention] = {}
    for m in mentions:
        if not m.actor.country:
            continue  # generic agents ("experts", "officials") are not the article's actors
        key = (m.actor.name, m.actor.code)
        counts[key] = counts.get(key, 0) + 1
        if key not in first or first[key].kind in ("pronoun", "shortname"):
            first[key] = m  # the summary's text is the first full mention
    order = sorted(counts, key=lambda k: (-counts[k], first[k].start))
    return [ActorSummary(**first[k].actor.model_dump(), mentions=counts[k]) for k in order]


def actor_at(doc: Doc, token_i: int) -> ActorMention | None:
    """The mention whose span contains token ``token_i`` or whose head token it is."""
    for m in doc._.ew_mentions or []:
        if m.start <= token_i < m.end or m.head == token_i:
            return m
    return None
