"""Appeals, demands and threats: verbs that absorb the complement they govern.

"urged Japan to stand together" is one appeal (020) from the urging actor to Japan;
"threatened to impose sanctions" one threat (1312). :func:`settle` folds the embedded
event into its matrix verb; :func:`appeal_code` and :func:`threat_code` give the code
of the appeal or threat from the code of what is asked or threatened.
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.actors import ActorMention
from eventwire.events.build import Found
from eventwire.events.cameo import is_known_code
from eventwire.events.mentions import first_conjunct
from eventwire.events.modality import controlled, infinitive, noun_complement_modality
from eventwire.records import Modality

#: Roots of matrix verbs that absorb their complement (appeal, demand, threaten).
ABSORBING_ROOTS = frozenset({"02", "10", "13"})
#: What a threat threatens, by the code or root of the event threatened (CAMEO 13x).
THREAT_OF = {
    "161": "1313", "162": "1311", "163": "1312", "16": "131", "172": "132", "17": "137",
    "14": "133", "15": "138", "18": "138", "19": "1384", "20": "1385",
    "164": "134", "165": "135", "166": "136",
}  # fmt: skip
#: What an appeal asks for, by the root of the event asked for (CAMEO 02x mirrors 03x).
APPEAL_FOR_ROOT = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025"}
#: Yielding acts (08x) asked for, one by one: the codebook's 025x ("appeal for release
#: of persons or property" 0253 for a release 084x). Most specific key first.
APPEAL_TO_YIELD = {
    "081": "0251", "082": "0252", "084": "0253", "085": "0254", "086": "0255", "087": "0256",
}  # fmt: skip


def settle(verbs: dict[int, Found]) -> list[Found]:
    """Let appeal, demand and threat verbs absorb the complement they govern."""
    absorbed: set[int] = set()
    for i, found in verbs.items():
        matrix = _matrix_of(found.anchor)
        if matrix is None or matrix.i not in verbs:
            continue
        outer = verbs[matrix.i]
        if outer.code[:2] not in ABSORBING_ROOTS or not outer.sources:
            continue
        absorbed.add(i)
        if not outer.targets:
            asked = found.targets if outer.code[:2] == "13" else [m for m, _ in found.sources]
            outer.targets = [m for m in asked if all(m.actor != s.actor for s, _ in outer.sources)]
        # "demanded that China release the crew": the demand of a release (1053)
        outer.code = asking_code(outer.code, found.code)
    return [f for i, f in verbs.items() if i not in absorbed]


def absorb_asked(events: list[Found]) -> list[Found]:
    """Let a demand or appeal noun absorb the act its complement clause asks for, as
    :func:`settle` does for verbs: "repeated its demand that X ease restrictions" is the
    demand of the easing (1051) addressed to X, not X's easing of them."""
    nouns = {
        f.anchor.i: f
        for f in events
        if f.anchor.pos_ in ("NOUN", "PROPN") and f.code[:2] in ("02", "10")
    }
    if not nouns:
        return events
    absorbed: set[int] = set()
    for found in events:
        clause = found.anchor
        outer = nouns.get(clause.head.i)
        if outer is None or noun_complement_modality(clause) is not Modality.DEMANDED:
            continue
        absorbed.add(id(found))
        if not outer.targets:
            outer.targets = [m for m, _ in found.sources]
        outer.code = asking_code(outer.code, found.code)
    return [f for f in events if id(f) not in absorbed]


def asking_code(outer: str, asked: str) -> str:
    """The code of a generic appeal, demand or threat once it absorbs the act it asks for
    or threatens (020 → the specific appeal, 100 → demand, 130 → threat); a specific
    code of its own stays."""
    if outer in ("02", "020"):
        return appeal_code(asked)
    if outer in ("10", "100"):
        return demand_code(asked)
    if outer in ("13", "130"):
        return threat_code(asked)
    return outer


def protest_targets(events: list[Found]) -> list[Found]:
    """A protest (14) aimed at no one named takes the addressee of the demand it is held
    to make ("staged demonstrations to demand reforms by the government": the protest
    is aimed at the government, as its demand is)."""
    asks = [f for f in events if f.code[:2] in ("02", "10") and f.targets]
    for found in events:
        if found.targets or found.code[:2] != "14":
            continue
        carriers = {found.anchor.i, found.anchor.head.i}
        for ask in asks:
            purpose = ask.anchor
            if (
                purpose.dep_ in ("advcl", "xcomp")
                and purpose.head.i in carriers
                and infinitive(purpose)
            ):
                found.targets = list(ask.targets)
                break
    return events


def _matrix_of(verb: Token) -> Token | None:
    """The verb whose complement ``verb`` is (through conjoined verbs)."""
    node = first_conjunct(verb)
    if (node.dep_ == "ccomp" or controlled(node)) and node.head.i != node.i:
        return node.head
    return None


def appeal_code(code: str) -> str:
    """The appeal for an event: 036 → 026, 0311 → 0211, 042 → 026; else 020. An appeal or
    demand stays what it is: "pressed its demand that …" is the demand (10x) itself."""
    root = code[:2]
    if root in ("02", "10"):
        return code
    if root == "03":
        candidate = "02" + code[2:]
        return candidate if is_known_code(candidate) else "020"
    return APPEAL_TO_YIELD.get(code[:3]) or APPEAL_FOR_ROOT.get(root, "020")


def demand_code(code: str) -> str:
    """The demand for an event: CAMEO's 10x mirrors the appeals (02x) digit for digit,
    "must release the crew" 1053 as "urged to release the crew" is 0253; else 100. A
    demand stays what it is; an appeal ("pressed its call for talks", 026) becomes the
    demand of the same thing (106)."""
    if code[:2] == "10":
        return code
    appeal = code if code[:2] == "02" else appeal_code(code)
    candidate = "10" + appeal[2:]
    return candidate if is_known_code(candidate) else "100"


def call_code(code: str, clause: Token, *, joint: bool = False) -> str:
    """The code of a call in reported speech for a coded act: with "must", the codebook's
    demand of that act when it has one ("must release the crew" 1053, "must withdraw"
    1056); otherwise, and for "should", the appeal (02x). A general call to cooperate
    ("must stand together", 030) stays an appeal (020): the bare demand (100) is a
    conflictual act the codebook keeps for insistence, not for calls to solidarity. So
    does a ``joint`` call, whose asked parties include the speaker's own country ("Chile
    and Peru must work together" said by a Chilean): a demand is made of others."""
    if not joint and any(c.dep_ == "aux" and c.lower_ == "must" for c in clause.children):
        demand = demand_code(code)
        if demand != "100":
            return demand
    return appeal_code(code)


def threat_code(code: str) -> str:
    """The threat of an event: 163 sanctions → 1312, 19x attack → 1384; else 130. A threat
    stays what it is."""
    if code[:2] == "13":
        return code
    for key in (code[:3], code[:2]):
        if key in THREAT_OF:
            return THREAT_OF[key]
    return "130"


def addressees(speaker: ActorMention, asked: list[ActorMention]) -> list[ActorMention]:
    """Who a call is addressed to: the asked actors, minus the speaker and its own country
    ("Taiwan and Japan must …" said by a Taiwanese lawmaker is addressed to Japan)."""
    own = speaker.actor.country
    return [
        m
        for m in asked
        if m.actor.code != speaker.actor.code
        and m.actor.country is not None  # "parties should …" addresses no one in particular
        and not (m.kind == "country" and own is not None and m.actor.country == own)
    ]
