"""Actor codes the PETRARCH way, for coding with a dictionary folder in ``replace`` mode.

The recogniser finds the dictionaries' phrases and composes agents with the country
that modifies them; this module then makes the result read as PETRARCH's dictionary
format defines it:

* every actor phrase is an actor: a country named as a place ("fired shells at Seoul")
  is not dropped, since PETRARCH has no notion of place and codes the phrase;
* an agent's code is appended whole to its actor's code (``[~GOVFRM]`` after "Arnor"
  gives ARNGOVFRM; our own rule keeps one primary sector, which is not the format's);
* an agent whose code is written before the ``~`` (``MSF [NGO~]``) goes before the code
  of the actor that follows it in the same noun phrase ("MSF Arnor" → NGOARN, "an MSF
  Arnor diplomat" → NGOARNGOV);
* a named actor's own code is kept verbatim when an agent composes with it ("Hamas
  gunmen" with ``HAMAS [PSEREBHMS]`` and ``GUNMAN [~MIL]`` → PSEREBHMSMIL);
* one actor per noun phrase: its first actor, then every agent word of the phrase in
  the order found, also one our usage rules dropped as a mere modifier ("West German
  world government activists" → GMWGOVWGO); a phrase with agents but no actor takes the
  actor of its of/from/in phrase ("exiled leaders of Egypt's Muslim Brotherhood" →
  EGYOPPMUS), as PETRARCH-2 codes a noun phrase;
* after "former" an agent's code is ELI, as CAMEO codes former officials.

Like PETRARCH's tokens, which keep hyphenated words whole, a country after "pro-" and
the first half of "government-held" are no words of the phrase. Where PETRARCH-2 takes
the actor of any prepositional phrase, we take only of/from/in: "protesters against
Israel" are not Israel's.

Only candidates the recogniser resolved are touched; with ``mode="add"`` or without
dictionaries nothing here runs.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.actors.kb import KnowledgeBase
from eventwire.actors.petrarch import DictionaryAgent, PetrarchDictionaries
from eventwire.actors.recognize import Candidate, token_index

# Dependencies of pre-modifiers inside a noun phrase.
NP_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "det"})
# How many tokens may separate a prefix agent from the actor it precedes ("MSF 's Arnor").
PREFIX_GAP = 1
# Prepositions whose object says whose a noun phrase's agents are ("leaders of X",
# "ministers from X", "an Islamic state in X"); "protesters against X" are not X's.
AFFILIATION_PREPS = frozenset({"of", "from", "in"})
# Words that make an office a former one: its holder is an elite (ELI).
FORMER = frozenset({"former", "ex"})


def agent_entries(dicts: PetrarchDictionaries) -> dict[str, DictionaryAgent]:
    """Dictionary agents by lower-case phrase and plural form; the last entry of a phrase
    wins, as PETRARCH-2's reader overwrites it ("SECURITY_FORCE [~COP]" and, further
    down, "SECURITY_FORCE [~MIL]": security forces are MIL)."""
    found: dict[str, DictionaryAgent] = {}
    for agent in dicts.agents:
        for phrase in (agent.phrase, *agent.plurals):
            found[phrase.lower()] = agent
    return found


def apply_petrarch_codes(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, agents: dict[str, DictionaryAgent]
) -> None:
    """Rewrite the codes of resolved candidates as PETRARCH composes them (in place)."""
    _keep_places(cands)
    live = [c for c in cands if not (c.dropped or c.absorbed)]
    for cand in live:
        if cand.label == "agent" and cand.country:
            entry = _agent_of(doc, cand, agents)
            if entry is not None and not entry.prefix:
                cand.code = _with_agent(
                    _actor_code(doc, cand, cands), _agent_code(doc, cand, entry)
                )
    _merge_noun_phrases(doc, cands, kb, agents)
    _take_phrase_actors(doc, cands, kb, agents)
    live = [c for c in cands if not (c.dropped or c.absorbed)]
    for cand in live:
        if cand.label == "agent" and not cand.country:
            entry = _agent_of(doc, cand, agents)
            if entry is not None and entry.prefix:
                _prefix(doc, cand, entry, cands, kb)


def _with_agent(actor_code: str, agent_code: str) -> str:
    """The agent's three-letter chunks that the actor's code lacks, after it: "USAGOV"
    with "GOV" stays USAGOV, "ARN" with "GOVFRM" is ARNGOVFRM."""
    have = {actor_code[i : i + 3] for i in range(0, len(actor_code), 3)}
    chunks = [agent_code[i : i + 3] for i in range(0, len(agent_code), 3)]
    return actor_code + "".join(c for c in chunks if c not in have)


def _np_head(tok: Token) -> Token:
    """The head noun of the noun phrase a token is a pre-modifier of: "Arnor" in "an MSF
    Arnor diplomat" → "diplomat"; "Bree" in "Bree Prime Minister Romendacil" → the name."""
    while tok.head.i != tok.i and (_premodifier(tok) or _name_apposition(tok)):
        tok = tok.head
    return tok


def _premodifier(tok: Token) -> bool:
    return tok.dep_ in NP_MODIFIERS and tok.i < tok.head.i


def _name_apposition(tok: Token) -> bool:
    """ "Prime Minister Telemar": a name right after its title, no comma between."""
    return tok.dep_ == "appos" and tok.i == tok.head.i + 1 and tok.pos_ == "PROPN"


def _merge_noun_phrases(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, agents: dict[str, DictionaryAgent]
) -> None:
    """One actor per noun phrase, as PETRARCH reads it: prefix agents, then the first
    actor's code, then the agents' codes in the order found ("the Quibbler government
    newspaper"). The first
    actor may be an agent already composed with its country ("the Malaysia Airlines
    Boeing 777": MYSBUS, not Boeing's MNCUSA); a country after "pro-"/"anti-" is none
    ("pro-Russia rebels": PETRARCH's token is PRO-RUSSIA). An agent word dropped as a mere
    modifier joins the phrase of an actor ("West German world government activists":
    GMWGOV and WGO), whose mention then covers the phrase's head noun."""
    groups: dict[int, list[Candidate]] = {}
    for cand in cands:
        if not (cand.dropped or cand.absorbed) or _modifier_agent(doc, cand, agents):
            groups.setdefault(_np_head(cand.span(doc).root).i, []).append(cand)
    for head, group in groups.items():
        actors = [
            c for c in group
            if not c.stance and (c.code or c.country) and (c.label != "agent" or c.country)
        ]  # fmt: skip
        if len(group) < 2 or not actors or _coordinated(doc, group):
            continue
        actor = min(actors, key=lambda c: c.start)
        code, _ = _split_actor(doc, actor, cands, kb)
        prefix = ""
        # agents in the order their words come ("Danish Islamist media": DNK, MUS, MED)
        for cand in sorted(group, key=lambda c: c.span(doc).root.i):
            entry = _agent_of(doc, cand, agents) if cand.label == "agent" else None
            if entry is None:
                continue
            if entry.prefix and cand.start < actor.start:
                prefix += entry.code
            elif not entry.prefix:
                code = _with_agent(code, _agent_code(doc, cand, entry))
        keeper = max(group, key=lambda c: c.end)  # the mention that covers the head noun
        keeper.code, keeper.country = prefix + code, actor.country
        keeper.start = min(c.start for c in group)
        keeper.dropped = False
        if keeper.end <= head and not any(c.start <= head < c.end for c in _live(cands)):
            keeper.end = head + 1
        for cand in group:
            if cand is not keeper:
                cand.absorbed = True


def _take_phrase_actors(
    doc: Doc, cands: list[Candidate], kb: KnowledgeBase, agents: dict[str, DictionaryAgent]
) -> None:
    """A noun phrase whose words name agents but no actor takes the actor of its "of",
    "from" or "in" phrase, as PETRARCH-2 codes a noun phrase: that actor's code, then the
    agents' codes in the order the words come ("exiled leaders of Egypt's Muslim
    Brotherhood": EGY, OPP, MUS; "a strict Islamic state in northeastern Nigeria":
    NGAMUS). An agent word dropped as a mere modifier ("Islamic state") counts here, as
    PETRARCH reads every word of the phrase; the first half of a hyphenated word does not
    ("a government-held part of Syria"), as PETRARCH's tokens keep such words whole."""
    groups: dict[int, list[Candidate]] = {}
    codes: dict[int, str] = {}  # candidate id → its agent code
    for cand in cands:
        if cand.absorbed or cand.label != "agent" or cand.country or cand.code:
            continue
        if _before_hyphen(doc, cand):
            continue
        entry = _agent_of(doc, cand, agents)
        if entry is not None and not entry.prefix:
            groups.setdefault(_np_head(cand.span(doc).root).i, []).append(cand)
            codes[id(cand)] = _agent_code(doc, cand, entry)
    live = [c for c in cands if not (c.dropped or c.absorbed or c.stance) and (c.country or c.code)]
    for head, group in groups.items():
        if any(c not in group and _np_head(c.span(doc).root).i == head for c in live):
            continue  # an actor of the phrase's own: merged with its agents already
        found = _phrase_actor(doc, doc[head], live)
        if found is None:
            continue
        actor, obj = found
        code, tail = _split_actor(doc, actor, cands, kb)
        group.sort(key=lambda c: c.start)
        for cand in group:
            code = _with_agent(code, codes[id(cand)])
        keeper = group[-1]
        keeper.code, keeper.country = _with_agent(code, tail), actor.country
        keeper.start, keeper.end = group[0].start, max(actor.end, obj.i + 1, keeper.end)
        keeper.dropped = False
        actor.absorbed = True
        for cand in group[:-1]:
            cand.absorbed = True


def _modifier_agent(doc: Doc, cand: Candidate, agents: dict[str, DictionaryAgent]) -> bool:
    """An agent of the dictionaries that the usage rules dropped as a mere modifier
    ("world government activists"), not part of a hyphenated word."""
    if not cand.dropped or cand.absorbed or cand.label != "agent" or cand.stance:
        return False
    return _agent_of(doc, cand, agents) is not None and not _before_hyphen(doc, cand)


def _agent_code(doc: Doc, cand: Candidate, entry: DictionaryAgent) -> str:
    """The agent's code; ELI after "former"/"ex-" ("former Gondor prosecutors" GONELI), as
    CAMEO codes former officials and TABARI converted them; the dictionaries' own FORMER_
    phrases ("FORMER_DEFENCE_MINISTER [~ELI]") say the same."""
    return "ELI" if _former(doc, cand) else entry.code


def _former(doc: Doc, cand: Candidate) -> bool:
    """ "former" modifies the agent's noun ("Arnor former security officials", "former
    Gondor prosecutors") or stands right before the phrase ("ex-minister")."""
    root = cand.span(doc).root
    if any(c.lower_ in FORMER and c.i < root.i for c in root.children):
        return True
    i = cand.start - 1
    if i >= 1 and doc[i].text in ("-", "–"):
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip("-") in FORMER


def _before_hyphen(doc: Doc, cand: Candidate) -> bool:
    end = cand.end
    return end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_


def _phrase_actor(doc: Doc, head: Token, live: list[Candidate]) -> tuple[Candidate, Token] | None:
    """The first actor in an "of"/"from"/"in" phrase of the noun ``head``, with the
    phrase's head noun."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS:
            continue
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [
                c for c in live
                if c.start <= obj.i < c.end or _np_head(c.span(doc).root).i == obj.i
            ]  # fmt: skip
            if found:
                return min(found, key=lambda c: c.start), obj
    return None


def _split_actor(
    doc: Doc, actor: Candidate, cands: list[Candidate], kb: KnowledgeBase
) -> tuple[str, str]:
    """(the actor's own code, the agent codes composed after it): "Egypt's Muslim" gives
    ("EGY", "MUS"), so that the agents of the phrase around it come between them."""
    code = actor.code or _plain_code(actor, kb)
    base = _actor_code(doc, actor, cands) if actor.label == "agent" else code
    if base and code.startswith(base):
        return base, code[len(base) :]
    return code, ""


def _live(cands: list[Candidate]) -> list[Candidate]:
    return [c for c in cands if not (c.dropped or c.absorbed)]


def _coordinated(doc: Doc, group: list[Candidate]) -> bool:
    """A conjunction or comma between the candidates: several phrases ("Fornost and the
    evil Gondor"), whatever the parse made of them."""
    start, end = min(c.start for c in group), max(c.end for c in group)
    return any(t.dep_ == "cc" or t.text in {",", ";"} for t in doc[start:end])


def _keep_places(cands: list[Candidate]) -> None:
    """Countries dropped as places or as a noun's modifier ("the Beijing Olympics")
    become actors again, as PETRARCH codes every actor phrase of a noun phrase;
    adjectives absorbed into an agent phrase stay absorbed."""
    for cand in cands:
        named = cand.label == "country" and cand.entry is not None
        if named and cand.dropped and not cand.absorbed:
            cand.dropped = False


def _agent_of(
    doc: Doc, cand: Candidate, agents: dict[str, DictionaryAgent]
) -> DictionaryAgent | None:
    entry = cand.entry
    phrase = getattr(entry, "phrase", None)
    key = phrase if isinstance(phrase, str) else cand.span(doc).text
    return agents.get(key.lower()) or agents.get(" ".join(cand.span(doc).text.lower().split()))


def _actor_code(doc: Doc, cand: Candidate, cands: list[Candidate]) -> str:
    """The code of the actor an agent composed with: a named actor's verbatim dictionary
    code when one of the same country is inside the agent's phrase or modifies it
    ("Hamas gunmen", "gunmen of Hamas"), else the country code. A neighbour the parse
    does not link is someone else ("demonstrators received ministers from the
    government": the ministers are not the demonstrators' OPP)."""
    for other in cands:
        if other is cand or other.country != cand.country or not other.code:
            continue
        inside = cand.start <= other.start and other.end <= cand.end
        if inside or _modifies(doc, other, cand):
            return other.code
    return cand.country or ""


def _modifies(doc: Doc, other: Candidate, cand: Candidate) -> bool:
    """``other`` pre-modifies ``cand``'s head or is the object of one of its prepositions."""
    head, root = cand.span(doc).root, other.span(doc).root
    if root.head.i == head.i and root.dep_ in NP_MODIFIERS:
        return True
    prep = root.head
    return root.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.i == head.i


def _prefix(
    doc: Doc,
    cand: Candidate,
    entry: DictionaryAgent,
    cands: list[Candidate],
    kb: KnowledgeBase,
) -> None:
    """Put a prefix agent's code before the next actor of its noun phrase."""
    at = token_index(cands)
    for i in range(cand.end, min(cand.end + PREFIX_GAP + 1, len(doc))):
        other = at.get(i)
        if other is None or other is cand or not (other.country or other.code):
            continue
        code = other.code or _plain_code(other, kb)
        # "an MSF Arnor diplomat": Arnor was absorbed into the agent that follows it
        owner = _owner(other, cands)
        target = owner if owner is not None else other
        target.code = entry.code + (target.code or code)
        target.start = min(target.start, cand.start)
        cand.absorbed = True
        return


def _owner(country: Candidate, cands: list[Candidate]) -> Candidate | None:
    for other in cands:
        if other is country or other.dropped or other.absorbed:
            continue
        if other.label == "agent" and other.start <= country.start and country.end <= other.end:
            return other
    return None


def _plain_code(cand: Candidate, kb: KnowledgeBase) -> str:
    from eventwire.actors.kb import to_cameo_code

    return to_cameo_code(cand.country, cand.sectors[:1], kb)
