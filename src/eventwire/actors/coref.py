"""Coreference for actor mentions: short names, pronouns and definite descriptions.

* Short names: a capitalised token equal to the first or last word of an earlier person
  mention's name ("Lo" → Lo Chih-cheng) is a ``shortname`` mention of that person. A
  one-word knowledge-base alias ("Tsai") yields to such an earlier person in the article.
* Pronouns: he/she (persons of a compatible gender), it/its (states, capitals,
  organisations, institutions, parties), they/their (plural agents, organisations,
  states). The antecedent is searched in the pronoun's sentence and the two before it;
  closer sentences win, then a grammatical subject, then the nearest mention. A subject
  pronoun right after another of its kind keeps that one's referent, or none ("Founded
  in 1985, it supplies X. It has been accused …"); a reflexive is its verb's subject
  ("help the island defend itself"); "they" is no single state named as a country unless
  that state reports the clause or is listed in its sentence; a news outlet a sentence
  is attributed to ("…, Reuters reported") is no antecedent of a later sentence.
* Definite descriptions: "the ministry", "the party", "the lawmaker" with no country in
  their own phrase → the nearest earlier mention with the same agent noun (or, for a party
  noun, the nearest party) that has a country; a singular role noun ("the lawmaker") may
  also stand for the nearest earlier person whose primary sector is the role's. Type
  nouns that are not actors by themselves ("the island", "the country", "the nation")
  stand for the nearest earlier state (country or capital) mention, ranked like pronouns.
* Salience: among antecedents in the window, closer sentences win, then grammatical role
  (subject, then possessor or direct object, then anything else, e.g. the object of a
  preposition), then the nearest. Mentions inside the description's own phrase ("the
  nearest country to Taiwan") or inside an "As the …," adjunct that describes the pronoun's
  referent ("As the nearest country to Taiwan, its …") cannot be its antecedent.
* Institutions without a country ("a Defense Ministry white paper"): a state organ named
  in title case takes the country of the nearest earlier mention in its sentence that has
  one (the sentence's state), else is handled like a definite description.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.kb import KnowledgeBase, to_cameo_code
from eventwire.actors.recognize import ActorMention
from eventwire.actors.tenure import OUT_OF_OFFICE
from eventwire.records import Actor

MALE = frozenset({"he", "him", "his", "himself"})
FEMALE = frozenset({"she", "her", "hers", "herself"})
NEUTER = frozenset({"it", "its", "itself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
STATE_KINDS = frozenset({"country", "capital", "organisation", "institution", "party"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
STATE_ORGANS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
SENTENCE_WINDOW = 2
# Nouns that describe a state without naming it: "the island", "the country".
STATE_NOUNS = frozenset({"island", "country", "nation", "archipelago"})
OBJECT_DEPS = frozenset({"poss", "dobj"})
PRONOUN_CLASSES = {"m": MALE, "f": FEMALE, "n": NEUTER, "pl": PLURAL}
# Verbs by which a text names its source ("…, Reuters reported").
REPORTING = frozenset({"report", "say", "tell", "quote", "cite", "add", "write"})


def resolve_coreference(
    doc: Doc, mentions: list[ActorMention], kb: KnowledgeBase
) -> list[ActorMention]:
    """Mentions plus short-name and pronoun mentions, antecedents set, in document order."""
    mentions = sorted(mentions, key=lambda m: m.start)
    mentions = _kb_aliases_to_shortnames(doc, mentions)
    mentions = sorted(mentions + _shortnames(doc, mentions), key=lambda m: m.start)
    _institution_context(doc, mentions, kb)
    _definite_descriptions(doc, mentions, kb)
    described = _state_descriptions(doc, mentions, kb)
    mentions = sorted(mentions + described, key=lambda m: m.start)
    mentions = sorted(mentions + _pronouns(doc, mentions), key=lambda m: m.start)
    _index_antecedents(mentions)
    return mentions


def _index_antecedents(mentions: list[ActorMention]) -> None:
    """Turn antecedent token starts (set while resolving) into indexes in the final list."""
    position = {m.start: i for i, m in enumerate(mentions)}
    for m in mentions:
        if m.antecedent is not None:
            m.antecedent = position.get(m.antecedent)


def _linked(mention: ActorMention, antecedent: ActorMention, kind: str, text: str) -> ActorMention:
    """A mention that stands for ``antecedent``'s actor; antecedent kept as its start token."""
    actor = antecedent.actor.model_copy(update={"text": text})
    role = list(antecedent.role) if kind == "shortname" else mention.role
    return replace(
        mention, actor=actor, kind=kind, antecedent=antecedent.start, gender=antecedent.gender,
        role=role,
    )  # fmt: skip


def _name_words(mention: ActorMention) -> set[str]:
    words = mention.actor.name.split()
    return {words[0], words[-1]} if len(words) > 1 else set()


def _kb_aliases_to_shortnames(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    out: list[ActorMention] = []
    for m in mentions:
        if m.kind == "person" and m.end - m.start == 1:
            earlier = _person_with_word(out, doc[m.start].text)
            # the same person named in full earlier: the alias is that mention, whose role
            # nouns may say what a person out of listed office was ("vice-president X")
            same = earlier is not None and earlier.actor.name == m.actor.name
            if earlier is not None and (not same or OUT_OF_OFFICE in m.role):
                m = _linked(m, earlier, "shortname", doc[m.start].text)
        out.append(m)
    return out


def _person_with_word(mentions: list[ActorMention], word: str) -> ActorMention | None:
    for m in reversed(mentions):
        if m.kind == "person" and word in _name_words(m):
            return m
    return None


def _shortnames(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[ActorMention] = []
    for token in doc:
        if token.i in covered or not token.is_title or token.pos_ != "PROPN":
            continue
        earlier = [m for m in mentions if m.start < token.i]
        person = _person_with_word(earlier, token.text)
        if person is not None:
            blank = ActorMention(
                token.i, token.i + 1, token.idx, token.idx + len(token), person.actor,
                "shortname", token.i, role=list(person.role),
            )  # fmt: skip
            found.append(_linked(blank, person, "shortname", token.text))
    return found


def _pronouns(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    found: list[ActorMention] = []
    topics: dict[str, tuple[Token, ActorMention | None]] = {}  # subject pronouns so far
    for token in doc:
        lower = token.lower_
        if token.pos_ != "PRON" or token.dep_ == "expl" or _pleonastic(token):
            continue
        if lower not in MALE | FEMALE | NEUTER | PLURAL:
            continue
        blocked = _described_by_adjunct(token) | _clause_subjects(token)
        earlier = [
            m
            for m in mentions
            if m.end <= token.i
            and m.kind != "pronoun"
            and m.head not in blocked
            and not _attributing_outlet(doc, m, token)
            and not _state_as_they(doc, m, token)
        ]
        # "As the nearest country to X, its …": the pronoun is the adjunct's description
        described = [m for m in mentions if m.head in blocked and doc[m.head].dep_ == "pobj"]
        described = [m for m in described if doc[m.head].head.lower_ == "as"]
        topic = _topic(doc, token, topics, earlier)
        if described:
            antecedent = described[0]
        elif topic is not None:
            antecedent = topic[1]  # the same topic as the last subject pronoun, or none
        else:
            antecedent = _reflexive_antecedent(token, earlier) or _best_antecedent(
                doc, token, earlier
            )
        if token.dep_ in SUBJECT_DEPS:
            topics[_pronoun_class(lower)] = (token, antecedent)
        if antecedent is not None:
            blank = ActorMention(
                token.i, token.i + 1, token.idx, token.idx + len(token), antecedent.actor,
                "pronoun", token.i, number="pl" if lower in PLURAL else "sg",
            )  # fmt: skip
            found.append(_linked(blank, _root_of(antecedent, mentions), "pronoun", token.text))
    return found


def _pronoun_class(lower: str) -> str:
    return next(n for n, words in PRONOUN_CLASSES.items() if lower in words)


def _topic(
    doc: Doc,
    token: Token,
    topics: dict[str, tuple[Token, ActorMention | None]],
    earlier: list[ActorMention],
) -> tuple[Token, ActorMention | None] | None:
    """The last subject pronoun of the same kind when this one is a subject too, in its
    sentence or the one before, with no new subject or actor of this sentence between
    them: "Founded in 1985, it supplies X … It has been accused …" goes on about the same
    referent, even one that is no actor, and not about the object X."""
    if token.dep_ not in SUBJECT_DEPS:
        return None
    last = topics.get(_pronoun_class(token.lower_))
    if last is None:
        return None
    previous = last[0]
    if token.sent.start != previous.sent.start and previous.sent.end != token.sent.start:
        return None
    # a new subject, or any actor of this sentence before the pronoun ("stop the US or
    # Israel if they …"), is a new candidate; objects after the last pronoun are not
    between = [
        m
        for m in earlier
        if m.start > previous.i
        and (_is_subject(doc, m) or doc[m.start].sent.start == token.sent.start)
        and _compatible(token.lower_, m, doc)
    ]
    return None if between else last


def _reflexive_antecedent(token: Token, earlier: list[ActorMention]) -> ActorMention | None:
    """A reflexive stands for the subject of its own verb ("helped the island defend
    itself": the island), not for the most salient actor around."""
    if not token.lower_.endswith(("self", "selves")):
        return None
    verb = token.head
    while verb.dep_ == "prep" or (verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i):
        verb = verb.head
    subjects = {c.i for c in verb.children if c.dep_ in SUBJECT_DEPS}
    return next((m for m in reversed(earlier) if m.head in subjects), None)


def _state_as_they(doc: Doc, m: ActorMention, pronoun: Token) -> bool:
    """A plural pronoun is no single state named as a country ("…, Vietnam, even Brunei.
    No one thinks they will back down"; "Angola was harder. 'They refused …'"), unless
    the state is the subject that reports the pronoun's clause ("the US claimed that they
    had attacked") or one of a list in the pronoun's own sentence."""
    if pronoun.lower_ not in PLURAL or m.kind != "country" or m.number == "pl":
        return False
    head = doc[m.head]
    listed = head.dep_ == "conj" or any(c.dep_ == "conj" for c in head.children)
    if listed and head.sent.start == pronoun.sent.start:
        return False  # "the US or Israel, if they …": the first stands for the list
    clause = pronoun.head
    while clause.dep_ not in ("ccomp", "ROOT") and clause.head.i != clause.i:
        clause = clause.head
    reporter = clause.head if clause.dep_ == "ccomp" else None
    return reporter is None or all(
        c.i != m.head for c in reporter.children if c.dep_ in SUBJECT_DEPS
    )


def _attributing_outlet(doc: Doc, m: ActorMention, pronoun: Token) -> bool:
    """A news outlet that a sentence before the pronoun's is attributed to ("…, the Wall
    Street Journal reported"): it reports, it is not what the text goes on about."""
    if m.actor.sectors[:1] != ["MED"] or doc[m.start].sent.start == pronoun.sent.start:
        return False
    head = doc[m.head]
    return head.dep_ in SUBJECT_DEPS and head.head.lemma_.lower() in REPORTING


def _clause_subjects(token: Token) -> set[int]:
    """Subjects of the verb a pronoun is the object of ("Trump called Erdogan and urged
    him to …"): a plain (not reflexive) object pronoun never stands for its own clause's
    subject, which would say "himself"."""
    if token.dep_ not in ("dobj", "dative", "iobj") or token.lower_.endswith(("self", "selves")):
        return set()
    verb = token.head
    found: set[int] = set()
    while True:
        found |= {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        if verb.dep_ != "conj" or verb.head.i == verb.i or found:
            return found
        verb = verb.head  # "called X and urged him": the subject sits on the first verb


def _root_of(mention: ActorMention, mentions: list[ActorMention]) -> ActorMention:
    """A short-name antecedent stands for its own antecedent (the full name)."""
    by_start = {m.start: m for m in mentions}
    while mention.antecedent is not None and mention.antecedent in by_start:
        mention = by_start[mention.antecedent]
    return mention


def _pleonastic(token: Token) -> bool:
    """An "it" that stands for no actor: "it is clear that…", "predicted it"."""
    if token.lower_ != "it":
        return False
    head = token.head
    if token.dep_ == "nsubj" and head.lemma_ in ("be", "seem", "appear"):
        return any(c.dep_ in ("acomp", "ccomp", "xcomp") for c in head.children)
    # an object "it" ("predicted it") usually stands for an event, not an actor
    return token.dep_ not in ("nsubj", "nsubjpass")


def _compatible(pronoun: str, m: ActorMention, doc: Doc | None = None) -> bool:
    if pronoun in MALE | FEMALE:
        wanted = "m" if pronoun in MALE else "f"
        return m.kind in ("person", "shortname") and m.gender in ("", "x", wanted)
    if pronoun in NEUTER:
        return m.kind in STATE_KINDS or (m.kind == "agent" and m.number == "sg" and _is_body(m))
    return m.number == "pl" or m.kind in STATE_KINDS or _plural_head(m, doc)


def _plural_head(m: ActorMention, doc: Doc | None) -> bool:
    """A group noun in a plural form ("the rebels", "protesters") whatever the number of
    its knowledge-base entry, which is that of the entry's base form."""
    if doc is None or m.kind not in ("agent", "institution"):
        return False
    return doc[m.head].tag_ in ("NNS", "NNPS")


def _is_body(m: ActorMention) -> bool:
    return m.kind == "institution"


def _best_antecedent(
    doc: Doc, token: Token, earlier: list[ActorMention], compatible=None
) -> ActorMention | None:
    """The most salient compatible mention within the sentence window (see module doc)."""
    sents = {s.start: n for n, s in enumerate(doc.sents)}
    here = sents[token.sent.start]
    best, best_key = None, None
    for m in earlier:
        if not (compatible(m) if compatible else _compatible(token.lower_, m, doc)):
            continue
        distance = here - sents[doc[m.start].sent.start]
        if distance > SENTENCE_WINDOW:
            continue
        key = (distance, _role_rank(doc, m), -m.start)
        if best_key is None or key < best_key:
            best, best_key = m, key
    return best


def _role_rank(doc: Doc, m: ActorMention) -> int:
    """0 for a subject, 1 for a possessor or direct object, 2 for anything else."""
    if _is_subject(doc, m):
        return 0
    head = doc[m.head]
    return 1 if head.dep_ in OBJECT_DEPS else 2


def _described_by_adjunct(token: Token) -> set[int]:
    """Tokens of an "As the N …," adjunct of the pronoun's clause that comes before it.

    The adjunct describes the pronoun's own referent ("As the nearest country to Taiwan,
    its concern …"), so nothing inside it can be the antecedent.
    """
    clause = token
    while (
        clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i
    ):
        clause = clause.head
    blocked: set[int] = set()
    for child in clause.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i < token.i:
            blocked.update(t.i for t in child.subtree)
    return blocked


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    head = doc[m.head]
    return head.dep_ in SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in SUBJECT_DEPS)


def _agent_phrase(m: ActorMention) -> str | None:
    return m.role[0] if m.kind in ("agent", "institution") and m.role else None


def _institution_context(doc: Doc, mentions: list[ActorMention], kb: KnowledgeBase) -> None:
    for i, m in enumerate(mentions):
        if m.kind != "institution" or m.actor.country or not doc[m.start : m.end].text.istitle():
            continue
        if not STATE_ORGANS.intersection(m.actor.sectors):
            continue
        sentence = doc[m.head].sent
        for other in reversed(mentions[:i]):
            if other.start < sentence.start:
                break
            if other.actor.country and kb.country(other.actor.country):
                _set_country(m, other.actor.country, kb, "country:sentence")
                break


def _definite_descriptions(doc: Doc, mentions: list[ActorMention], kb: KnowledgeBase) -> None:
    for i, m in enumerate(mentions):
        phrase = _agent_phrase(m)
        if phrase is None or m.actor.country or not _definite(doc, m):
            continue
        window = doc[m.head].sent.start
        for other in reversed(mentions[:i]):
            same = _agent_phrase(other) == phrase or (phrase == "party" and other.kind == "party")
            if same and other.actor.country:
                if other.kind == "party":
                    mentions[i] = _linked(m, other, "party", m.actor.text)
                else:
                    _set_country(m, other.actor.country, kb, "country:coref")
                    m.antecedent = other.start
                break
            if _same_role_person(m, other) and _sentences_apart(doc, other, window) <= 2:
                mentions[i] = _linked(m, _root_of(other, mentions), "description", m.actor.text)
                break


def _same_role_person(m: ActorMention, other: ActorMention) -> bool:
    """A singular role noun ("the lawmaker") and a person whose primary sector is the role's."""
    if m.kind != "agent" or m.number != "sg" or not m.actor.sectors:
        return False
    primary = [s for s in other.actor.sectors if s != "PTY"][:1]
    return other.kind in ("person", "shortname") and primary == m.actor.sectors[:1]


def _sentences_apart(doc: Doc, m: ActorMention, sentence_start: int) -> int:
    starts = [s.start for s in doc.sents]
    here = sum(1 for st in starts if st <= sentence_start)
    there = sum(1 for st in starts if st <= m.start)
    return here - there


def _state_descriptions(
    doc: Doc, mentions: list[ActorMention], kb: KnowledgeBase
) -> list[ActorMention]:
    """ "the island", "the country": the most salient earlier state mention, if any."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found: list[ActorMention] = []
    for token in doc:
        if token.lemma_.lower() not in STATE_NOUNS or token.pos_ != "NOUN" or token.i in covered:
            continue
        if token.tag_ in ("NNS", "NNPS") or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            continue
        own = {t.i for t in token.subtree} | _described_by_adjunct(token)
        earlier = [
            m
            for m in mentions
            if m.end <= token.i and m.kind in ("country", "capital") and m.head not in own
        ]
        antecedent = _best_antecedent(doc, token, earlier, compatible=lambda m: True)
        if antecedent is None:
            continue
        start = min(t.i for t in token.subtree if t.i <= token.i)
        span = doc[start : token.i + 1]
        blank = ActorMention(
            start, token.i + 1, span.start_char, span.end_char, antecedent.actor,
            "description", token.i,
        )  # fmt: skip
        linked = _linked(blank, antecedent, "description", span.text)
        state = kb.country(antecedent.actor.country or "")
        if state is not None:  # the state itself, not its capital's government: TWN
            linked.actor = Actor(
                text=span.text, name=state.name, code=state.code, country=state.code,
                sectors=[], id=state.wikidata or state.code,
            )  # fmt: skip
        found.append(linked)
    return found


def _definite(doc: Doc, m: ActorMention) -> bool:
    first = doc[m.start]
    return first.lower_ == "the" or (m.start > 0 and doc[m.start - 1].lower_ == "the")


def _set_country(m: ActorMention, country: str, kb: KnowledgeBase, hint: str) -> None:
    state = kb.country(country)
    phrase = m.role[0] if m.role else m.actor.name
    m.actor = m.actor.model_copy(
        update={
            "country": country,
            "code": to_cameo_code(country, m.actor.sectors[:1], kb),  # primary sector only
            "name": kb.agent_name(country, phrase) if state else m.actor.name,
            "id": f"agent:{country}:{phrase}",
        }
    )
    m.role.append(hint)
