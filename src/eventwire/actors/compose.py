"""Noun-phrase composition: agent nouns take the country (or body) of their modifiers.

An agent noun takes its country from a possessive ("China's Foreign Ministry"), an
adjective ("Taiwanese lawmaker"), a compound ("Japan Coast Guard"), "of X"/"from X"/"in X"
("the foreign minister of Japan"), a party ("DPP lawmaker": the party's country, and PTY
joins the sectors) or a possessor agent that has a country ("the legislature's
committee"). The modifier is absorbed into the agent's mention.

Beyond the country:

* a member role (``kind`` "member" in agents.tsv: leader, official, spokesman) of a body
  that is not an organ of a state is coded as that body ("leaders of the Muslim
  Brotherhood" → EGYOPP, "a UN official" → IGOUNO, "rebel commanders" → REB);
* countries coordinated with the one an agent took ("US and British activists", "the
  ambassadors of France, Germany and Italy") become partner candidates, the same agent
  of each country;
* a named body whose bare name stands for one state ("Senate" → US Senate) given another
  country by a modifier ("Rwanda's Senate") becomes that country's generic body.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from eventwire.actors.kb import Agent, Institution, KnowledgeBase
from eventwire.actors.recognize import (
    MODIFIER_DEPS,
    Candidate,
    set_agent,
    set_party,
    token_index,
)

# Candidates a member role can belong to (and then be coded as, unless a state organ).
BODY_LABELS = frozenset({"agent", "inst", "org", "party", "people"})
# Dependency labels of the leader inside "X-led" ("Vietnamese" npadvmod of "led").
LED_DEPS = frozenset({"npadvmod", "compound", "amod", "nmod", "advmod", "nsubj"})


def compose(doc: Doc, cands: list[Candidate], kb: KnowledgeBase) -> None:
    """Give agent nouns (and parties) the country of their noun-phrase modifiers."""
    at = token_index(cands)
    for cand in cands:
        if cand.label == "inst" and not (cand.dropped or cand.absorbed):
            _relocate(doc, cand, at, kb)
    for _ in range(2):  # second pass: possessor agents composed in the first
        for cand in cands:
            if cand.label in ("agent", "party") and not (cand.dropped or cand.absorbed):
                _compose_one(doc, cand, at, kb)


def _relocate(doc: Doc, cand: Candidate, at: dict[int, Candidate], kb: KnowledgeBase) -> None:
    """A named body given another country by a modifier: "Rwanda's Senate" is Rwanda's
    parliament, not the US Senate that the bare name stands for. A proper name that is no
    generic phrase ("Xinhua") keeps its own country."""
    agent = kb.agent(cand.span(doc).text) if isinstance(cand.entry, Institution) else None
    if agent is None:
        return
    for token in _modifiers(doc, cand):
        mod = at.get(token.i)
        if mod is None or mod.label != "country" or mod.absorbed or mod.dropped or mod.stance:
            continue
        if not mod.country or mod.country == cand.country or mod.how == "demonym":
            continue
        cand.label, cand.code = "agent", None
        set_agent(cand, agent)
        cand.country, cand.name = mod.country, kb.agent_name(mod.country, agent.phrase)
        cand.ident = f"agent:{mod.country}:{agent.phrase}"
        _absorb(cand, mod)
        return


def _modifiers(doc: Doc, cand: Candidate) -> list[Token]:
    """Tokens that modify the candidate's head noun inside its noun phrase."""
    root = cand.span(doc).root
    mods = [t for t in root.children if t.dep_ in MODIFIER_DEPS and t.i < cand.start]
    # "the foreign minister of Japan", "officials from Japan", "rebels in Ivory Coast"
    # "a militia based in Chad": the participle's in-phrase places the group
    based = [c for c in root.children if c.dep_ == "acl" and c.lemma_.lower() == "base"]
    for head in (root, *based):
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from", "in") and prep.i >= cand.end:
                mods += [t for t in prep.children if t.dep_ == "pobj"]
    # "Vietnamese-led forces", "US-led troops": the leader's country is the group's, as
    # CAMEO codes them (VNMMIL); "-backed"/"-funded" name a sponsor and give no country
    for led in [t for t in root.children if t.dep_ == "amod" and _is_led(doc, t)]:
        mods += [t for t in led.children if t.dep_ in LED_DEPS and t.i < led.i]
    # a modifier may sit on a compound inside the phrase ("China's [Foreign] Ministry")
    mods += [
        t for t in doc[root.left_edge.i : cand.start] if t.head.i in range(cand.start, cand.end)
    ]
    return list(dict.fromkeys(mods))


def _compose_one(doc: Doc, cand: Candidate, at: dict[int, Candidate], kb: KnowledgeBase) -> None:
    body: Candidate | None = None  # the body a member role belongs to ("UN official")
    for token in _modifiers(doc, cand) + _for_bodies(doc, cand, at):
        mod = at.get(token.i)
        if mod is None or mod is cand or mod.dropped or mod.absorbed or mod.stance:
            continue
        # a people is a body too: "Yoruba leaders" lead the Yoruba, not Nigeria's state
        if mod.label in BODY_LABELS and mod.sectors and body is None:
            body = mod
        if not mod.country:
            if mod.label == "people" and cand.label == "agent" and cand.country is None:
                _absorb(cand, mod)  # "Kurdish rebels" in no named state: rebels, no state
            continue
        if cand.label == "party":
            if cand.country is None and cand.party_options:
                _choose_party(cand, mod, kb)  # "Republicans in Congress": the US party
            if mod.label == "country" and cand.country == mod.country:
                _absorb(cand, mod)
            continue
        if mod.label in ("agent", "inst", "org"):  # a body lends its country, stays a mention
            if cand.country is None and cand.label == "agent":
                _take_country(cand, mod.country)
            continue
        if cand.country and _in_series(doc, cand, mod):
            # "Indian, Pakistani and Chinese troops": the parser hangs each listed
            # adjective on the noun; the second and later ones are partners too
            _add_partner(cand, mod)
            _add_partners(doc, cand, mod, at)
            continue
        if cand.country is None:
            _take_country(cand, mod.country)
            _absorb(cand, mod)
            if mod.label == "country":
                _add_partners(doc, cand, mod, at)
            if mod.label == "party":
                cand.party = True
                cand.sectors = list(dict.fromkeys([*cand.sectors, "PTY"]))
                cand.role.append(f"party:{mod.name}")
    if cand.label == "agent" and cand.country and not cand.member_of:
        cand.name = kb.agent_name(cand.country, cand.entry.phrase)
        cand.ident = f"agent:{cand.country}:{cand.entry.phrase}"
    if body is not None and _is_member(cand) and not _is_state_body(body):
        _code_as_body(cand, body, kb)
    for partner in cand.partners:
        partner.name = kb.agent_name(partner.country, cand.entry.phrase)
        partner.ident = f"agent:{partner.country}:{cand.entry.phrase}"


def _is_led(doc: Doc, token: Token) -> bool:
    """The participle of an "X-led" compound, hyphen kept apart or on the word."""
    if token.lower_ == "-led":
        return True
    return token.lower_ == "led" and token.i > 0 and doc[token.i - 1].text == "-"


def _for_bodies(doc: Doc, cand: Candidate, at: dict[int, Candidate]) -> list[Token]:
    """The body after "for" of a member role ("a spokesman for the Taliban"). A country
    there is not the member's ("the UN envoy for Syria"), so only bodies count."""
    if not _is_member(cand):
        return []
    root = cand.span(doc).root
    return [
        obj for prep in root.children if prep.dep_ == "prep" and prep.lower_ == "for"
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.i in at and at[obj.i].label in ("inst", "org", "party")
    ]  # fmt: skip


def _choose_party(cand: Candidate, mod: Candidate, kb: KnowledgeBase) -> None:
    """A party name several states share, placed by a modifier of one of them."""
    party = next((p for p in cand.party_options if p.country == mod.country), None)
    if party is not None:
        set_party(cand, party)


def _is_member(cand: Candidate) -> bool:
    return cand.label == "agent" and isinstance(cand.entry, Agent) and cand.entry.kind == "member"


def _is_state_body(body: Candidate) -> bool:
    """A government organ: its member keeps the role's own sector ("ministry official")."""
    return body.label in ("agent", "inst") and body.sectors[:1] == ["GOV"]


def _code_as_body(cand: Candidate, body: Candidate, kb: KnowledgeBase) -> None:
    """A member of a non-state body or an IGO is coded as that body: CAMEO codes a UN
    official IGOUNO, the leaders of an opposition movement OPP and a rebel commander REB.
    The body's country wins over an adjective's ("Afghan Taliban leaders")."""
    cand.country = body.country or cand.country
    # the body's sectors only: the role's GOV is a state's ("Chinese official") and would
    # call a rebel leader a government actor
    cand.sectors = list(body.sectors)
    cand.code = body.code
    cand.party = False
    phrase = cand.entry.phrase
    if body.label in ("inst", "org", "party", "people") and body.name:
        cand.name = f"{body.name} {phrase}"
    elif cand.country:
        cand.name = kb.agent_name(cand.country, f"{body.name} {phrase}")
    else:
        cand.name = f"{body.name} {phrase}"
    cand.ident = f"agent:{cand.country or ''}:{cand.name}"
    cand.member_of = body.name


def _add_partners(doc: Doc, cand: Candidate, mod: Candidate, at: dict[int, Candidate]) -> None:
    """Countries coordinated with the one an agent took ("US and British activists", "the
    ambassadors of France, Germany and Italy"): each is the same agent of its own country,
    a partner mention of its own that the events stage reads beside the first."""
    for conj in mod.span(doc).root.conjuncts:
        other = at.get(conj.i)
        if other is None or other.label != "country" or other.dropped or other.absorbed:
            continue
        if other.stance or other.how == "capital":
            continue
        _add_partner(cand, other)


def _add_partner(cand: Candidate, other: Candidate) -> None:
    """``other``'s country as a partner mention of ``cand`` (once per country)."""
    if other.country in (cand.country, *(p.country for p in cand.partners)):
        return
    other.absorbed = True
    cand.partners.append(replace(
        cand, start=other.start, end=other.end, country=other.country, partners=[],
        role=list(cand.role), sectors=list(cand.sectors), absorbed=False,
    ))  # fmt: skip


def _in_series(doc: Doc, cand: Candidate, mod: Candidate) -> bool:
    """A country adjective after a comma or "and"/"or" among the pre-modifiers of an
    agent that already has a country: a further item of a list of states."""
    if mod.label != "country" or mod.stance or mod.how == "capital" or cand.label != "agent":
        return False
    root, head = mod.span(doc).root, cand.span(doc).root
    if root.head.i != head.i or root.dep_ not in ("amod", "nmod", "compound") or mod.start < 1:
        return False
    return doc[mod.start - 1].lower_ in (",", "and", "or", "&")


def _take_country(cand: Candidate, country: str) -> None:
    cand.country = country


def _absorb(cand: Candidate, mod: Candidate) -> None:
    mod.absorbed = True
    cand.start, cand.end = min(cand.start, mod.start), max(cand.end, mod.end)
