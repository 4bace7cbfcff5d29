"""From found predicates to Event records: actor pairs, keep rules, dates, confidence.

Which events are kept (:meth:`Found.pairs`): a source actor with a country is required,
unless it is an armed, opposition, party or media group ("rebels", "police":
:data:`.keep.COUNTRYLESS_SECTORS`) acting alone or on an actor with a country. Without a coded
target, an event is kept with a blank target (GDELT practice: "Italy released a ship")
when it is asserted or reported and not an infinitive ("for Japan to resume talks"), its
source is the clause's own subject and it is no statement, appeal or demand (01, 02, 10:
these are about their addressee) and no cooperation (03–06) or symmetric event, which
need a partner; an intent to cooperate
(03) is the exception: a commitment made by the clause's own subject ("Peru promised to
reform the courts") is kept without a partner, asserted, intended or reported, when it
says what is promised (the generic 030 needs an infinitive or a to/on phrase: "they
strongly agree", "Taiwan offers something else", "offered prayers" are no events);
protests (14), force posture (15), claims of responsibility (015) and declining to
comment (011) always, where CAMEO often leaves the target implicit.
Symmetric events with conjoined actors and no target ("A and B met", "talks between A
and B"), and cooperative events (03–06) of conjoined actors of different countries
with no other partner ("A and B agreed to …": :meth:`Found.make_mutual`), give one
event per pair, the first-named actor as source; B→A is implied by the
``;symmetric`` rule suffix and not written twice, so counts of events are not doubled.
Events with several pairs share a ``group`` id. Never kept: an actor acting on itself, a
state and one of its own organs (government, military, legislature, courts, police,
intelligence: "It accused China" said of a Chinese body is nearly always a resolution
slip); a state and its parties, opposition, rebels or people is domestic politics and
kept. With a PETRARCH dictionary a coded agent of no country ("---GOV") is a source
when it acts on someone, as PETRARCH codes it. Duplicates (same sentence, 3-digit code,
negation and countries of both actors) are merged, keeping the most confident.

Intended acts (modality intended, not negated) of roots 04–08 take their CAMEO 03
counterpart (:data:`INTENT_OF`: "will visit" 036, "agreed to lift the embargo" 0354), as
the codebook codes promises and offers as intent; PETRARCH dictionaries are left as
they code.

Confidence (clamped to 0.05–0.95): 0.4, +0.15 for a pattern with a particle, object or
preposition, +0.2 for a target found in the pattern's own slot (+0.1 when found by the
fallback prepositions with/to/against), +0.15 for a source on the clause itself (+0.05
when inherited through control or conjunction; a light verb's own subject is direct),
+0.05 when both actors have a country; −0.1 without a target. An agentless passive
(target, no source: :meth:`Found.agentless_pairs`) gets 0.3, or 0.25 for a bare verb.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import combinations

from spacy.tokens import Doc, Span, Token

from eventwire import places, times
from eventwire.actors import ActorMention
from eventwire.events.cameo import code_or_parent, local_code
from eventwire.events.keep import COUNTRYLESS_SECTORS, keep_coded, keep_pair
from eventwire.events.modality import infinitive
from eventwire.records import Actor, Event, Modality, Plover

#: Roots whose events may lack a target: protests and shows of force are often aimed
#: at no one in particular ("thousands protested", "the army mobilised").
IMPLICIT_TARGET_ROOTS = frozenset({"14", "15"})
#: Codes whose events name no target by nature: claiming responsibility (015) is
#: addressed to no one, the deed claimed is a separate event; declining to comment (011)
#: is made to whoever asks (the codebook: "the target could be who the source actor
#: declines to make a comment to or about").
IMPLICIT_TARGET_CODES = frozenset({"011", "015"})
#: Roots whose events are about an addressee: a statement, appeal or demand to no coded
#: actor is too loose to keep ("called for calm").
ADDRESSED_ROOTS = frozenset({"01", "02", "10"})
#: Cooperation exists only with a partner (intent to cooperate, consult, diplomatic and
#: material cooperation, praise): without a coded counterpart such a report is usually a
#: half-read sentence ("thanked a visiting delegation from Japan's ruling party").
PARTNER_ROOTS = frozenset({"03", "04", "05", "06"})
#: Intent to cooperate (03) is kept without a partner when the subject itself commits
#: ("promised to reform", "agreed to allow access"), asserted, intended or reported.
OWN_COMMITMENT_ROOTS = frozenset({"03"})
#: The generic intent to cooperate: kept alone only when it says what is promised
#: (:func:`_commits_to`); the specific 03x codes name their content themselves.
GENERIC_INTENT = "030"
COMMITMENT_PREPS = frozenset({"to", "on"})
COMMITTED = frozenset({Modality.ASSERTED, Modality.INTENDED, Modality.REPORTED})
#: Modalities of an agentless passive kept: what happened, told by the writer or by a
#: source ("four soldiers were killed, police said"), not what may or should happen.
FACTUAL = frozenset({Modality.ASSERTED, Modality.REPORTED})


@dataclass
class Found:
    """A predicate matched to a code, with its actors, before it becomes Event records."""

    anchor: Token
    trigger: list[Token]
    code: str
    where: str  # the pattern's "file:line"
    rule: str
    symmetric: bool
    sources: list[tuple[ActorMention, bool]]  # (mention, found on the clause itself)
    targets: list[ActorMention] = field(default_factory=list)
    target_in_slot: bool = False
    specific: bool = False
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    agentless: bool = False  # a passive verb with no by-agent: the target is known, no source
    refused: bool = False  # "refused to meet", "would not provide": a rejection (12x)
    # the pattern's own target slot holds a phrase that names no actor ("invested in their
    # economies", "welcomed large numbers"): the event has a counterpart, just no actor
    slot_filled: bool = False

    def make_mutual(self) -> None:
        """Conjoined parties of a cooperative event with no other partner ("Jordan and
        Britain agreed to …", "A and B pledged to cooperate") act with each other: the
        event becomes symmetric, one event per pair, as "A and B met" is. Not when the
        pattern's target slot names something else ("A and B invested in their economies":
        each acted on its own, on no actor)."""
        countries = {m.actor.country or m.actor.code for m, _ in self.sources}
        if (
            not self.symmetric
            and not self.targets
            and not self.slot_filled
            and self.code[:2] in PARTNER_ROOTS
            and len(countries) >= 2
        ):
            self.symmetric = True
            self.rule += ";symmetric"

    def pairs(
        self, *, dictionary: bool = False
    ) -> list[tuple[ActorMention | None, bool, ActorMention | None]]:
        """(source, direct, target) triples this event stands for, after the keep rules
        (with ``dictionary``, PETRARCH's: a coded agent of no country is an actor)."""
        if not self.sources:
            return self.agentless_pairs()
        if self.symmetric and not self.targets and len(self.sources) >= 2:
            raw = [(s, d, t) for (s, d), (t, _) in combinations(self.sources, 2)]
        elif self.targets:
            raw = [
                (s, d, None if self._target_too_weak(s, d, t) else t)
                for s, d in self.sources
                for t in self.targets
            ]
        elif self.one_sided() is not None:
            raw = [(s, d, None) for s, d in self.sources if self._alone(d)]
        else:
            return []
        keep = keep_coded if dictionary else keep_pair
        return [(s, d, t) for s, d, t in raw if keep(s.actor, t.actor if t else None)]

    def one_sided(self) -> str | None:
        """Why this event may stand without a target, or None when it needs one."""
        if self.code[:2] in IMPLICIT_TARGET_ROOTS or self.code in IMPLICIT_TARGET_CODES:
            return "implicit"
        if self.is_commitment() and self.says_what_is_promised():
            # "Syria offered to withdraw", "Serbia's president promised to democratise":
            # a commitment is the subject's own even when no partner is named
            return "commitment"
        if (
            self.modality in (Modality.ASSERTED, Modality.REPORTED)
            and self.code[:2] not in ADDRESSED_ROOTS | PARTNER_ROOTS
            and not self.symmetric
            and not infinitive(self.anchor)  # "for Japan to resume talks": wished
        ):
            # GDELT practice: an event whose target is no coded actor ("released a ship",
            # "arrested a journalist") keeps a blank target, when the event is asserted
            # or reported ("police said they arrested …")
            return "blank"
        return None

    def _alone(self, direct: bool) -> bool:
        """Whether a source keeps this event without a target: any source for an implicit
        target; for a commitment the subject, or the controller of "agreed to allow
        access"; for a blank target only the clause's own subject."""
        why = self.one_sided()
        if why == "implicit":
            return True
        if why == "commitment":
            return direct or _controlled(self.anchor)
        return why == "blank" and direct

    def _target_too_weak(self, source: ActorMention, direct: bool, target: ActorMention) -> bool:
        """A sector-only target ("prisoners", "civilians": CVL with no country) of a source
        with no country either says too little for a dyad (two actors of no country are
        dropped by the keep rules), but the deed is still the source's: "rebels freed
        prisoners" is the one-sided REB 0841 when the event could stand alone at all. An
        organised target of no country ("rebels attacked the police") is left to the keep
        rules, which drop the pair: which police, whose rebels, is too unsure to code."""
        return (
            source.actor.country is None
            and target.actor.country is None
            and bool(COUNTRYLESS_SECTORS.intersection(source.actor.sectors))
            and not COUNTRYLESS_SECTORS.intersection(target.actor.sectors)
            and self._alone(direct)
        )

    def is_commitment(self) -> bool:
        """An intent to cooperate (03), or an act of 04–08 promised ("will allow
        inspectors", coded as its 03 intent) or refused ("will not accept refugees",
        coded as its 12 rejection), made by the subject itself."""
        if self.modality not in COMMITTED:
            return False
        if self.refused and self.negated:
            return refusal_code(self.code) is not None
        if self.code[:2] in OWN_COMMITMENT_ROOTS:
            return True
        promised = self.modality is Modality.INTENDED and not self.negated
        return promised and intent_code(self.code)[:2] in OWN_COMMITMENT_ROOTS

    def says_what_is_promised(self) -> bool:
        """A refusal or a specific intent names its content; the generic intent to
        cooperate (030) stands alone only with an infinitive or to/on phrase
        (:func:`_commits_to`): "they strongly agree", "Taiwan offers something else",
        "offered prayers" or "vowed the party will pay" commit to nothing."""
        return self.code != GENERIC_INTENT or self.negated or _commits_to(self.anchor)

    def agentless_pairs(self) -> list[tuple[ActorMention | None, bool, ActorMention | None]]:
        """A passive without an agent ("two soldiers were killed") names who was acted on but
        not who acted: the event is kept with no source rather than a guessed one, when it
        is asserted or reported ("…, police said", as for sourced events), its target (with
        a country) is the verb's own passive subject, and it is no statement or symmetric
        event, which need both sides."""
        if (
            not self.agentless
            or not self.target_in_slot
            or self.modality not in FACTUAL
            or self.symmetric
            or self.code[:2] in ADDRESSED_ROOTS | PARTNER_ROOTS
        ):
            return []
        return [(None, False, t) for t in self.targets if t.actor.country]


#: The CAMEO 03 code of an intended cooperative act (codebook: 03 is "offer, promise,
#: agree to, or otherwise indicate willingness or commitment to cooperate"): "will visit"
#: is 036, "will give a grant" 0331, "agreed to lift the embargo" 0354. Most specific
#: key first (4, then 3, then 2 digits).
INTENT_OF = {
    "04": "036", "045": "039", "05": "032", "055": "030", "056": "030", "057": "030",
    "06": "031", "061": "0311", "062": "0312", "063": "0313", "064": "0314",
    "07": "033", "071": "0331", "072": "0332", "073": "0333", "074": "0334", "075": "0333",
    "08": "035", "081": "0351", "082": "0352", "083": "034", "0831": "0341", "0832": "0342",
    "0833": "0343", "0834": "0344", "084": "0353", "085": "0354", "086": "0355",
    "087": "0356",
}  # fmt: skip


#: The CAMEO 12 code of a refused cooperative act ("refused to meet" 125, "would not
#: provide aid" 122, "refused to release" 1243, "refused to commit to aid" 122). Most
#: specific key first.
REFUSAL_OF = {
    "03": "120", "031": "121", "0311": "1211", "0312": "1212", "0313": "1213", "033": "122",
    "0331": "1221", "0332": "1222", "0333": "1223", "0334": "1224", "034": "123",
    "035": "124", "036": "125", "038": "126", "039": "126",
    "04": "125", "045": "126", "05": "120", "057": "127",
    "06": "121", "061": "1211", "062": "1212", "063": "1213",
    "07": "122", "071": "1221", "072": "1222", "073": "1223", "074": "1224", "075": "1223",
    "08": "124", "081": "1241", "082": "1242", "083": "123", "0831": "1231", "0832": "1232",
    "0833": "1233", "0834": "1234", "084": "1243", "085": "1244", "086": "1245",
    "087": "1246",
}  # fmt: skip


def refusal_code(code: str) -> str | None:
    """The 12 code for a refused act of roots 03–08; None for other roots."""
    for key in (code[:4], code[:3], code[:2]):
        if key in REFUSAL_OF:
            return REFUSAL_OF[key]
    return None


def intent_code(code: str) -> str:
    """The 03 code for an act of roots 04–08 that is only intended; other codes as they are."""
    for key in (code[:4], code[:3], code[:2]):
        if key in INTENT_OF:
            return INTENT_OF[key]
    return code


def _commits_to(verb: Token) -> bool:
    """Whether an intent verb says what is promised: it is itself a controlled complement,
    or it or its object has an infinitive ("promised to democratise", "reiterated its
    commitment to support") or a to/on phrase ("committed to opening up", "agreed on a
    plan")."""
    if _controlled(verb):
        return True
    objects = [child for child in verb.children if child.dep_ == "dobj"]
    return any(
        child.dep_ in ("xcomp", "acl")
        or (child.dep_ == "prep" and child.lower_ in COMMITMENT_PREPS)
        for head in (verb, *objects)
        for child in head.children
    )


def _controlled(verb: Token) -> bool:
    """The complement of a control verb ("agreed to allow"), whose subject is the matrix's."""
    return verb.dep_ == "xcomp"


def to_records(doc: Doc, found: list[Found], *, dictionary: bool = False) -> list[Event]:
    """Event records of the found predicates, one per actor pair, duplicates merged.

    With ``dictionary`` (a PETRARCH dictionary folder in use) a code with no CAMEO
    parent ("903", "345") is kept as the dictionary wrote it (:func:`_numbers`); in
    eventwire's own lexicon every code is a CAMEO code, so such a code is dropped."""
    article = doc._.ew_article
    article_id = getattr(article, "id", None) or "doc"
    published = (getattr(article, "published", None) or "")[:10] or None
    best: dict[tuple, Event] = {}
    groups = 0
    for f in sorted(found, key=lambda f: f.anchor.i):
        f.make_mutual()
        pairs = [
            (s, d, t)
            for source, d, target in f.pairs(dictionary=dictionary)
            for s in _compound(source)
            for t in _compound(target)
        ]
        code, negated, rule = f.code, f.negated, f.rule
        if not dictionary and negated and f.refused and refusal_code(code):
            # "refused to meet X" is the codebook's rejection (125), which did happen
            code, negated = refusal_code(code) or code, False
            rule = rule.removesuffix(";symmetric")  # a refusal is one side's act
        elif f.modality is Modality.INTENDED and not dictionary and not negated:
            # a PETRARCH dictionary codes what its patterns say; our lexicon follows the
            # codebook, where a promise to act is an intent (03), not the act
            code = intent_code(code)
            if f.targets and code != f.code:
                rule = rule.removesuffix(";symmetric")  # "plans to meet X": one side's intent
        numbers = _numbers(code, dictionary)
        if not pairs or numbers is None:
            continue
        group = None
        if len(pairs) > 1:
            groups += 1
            group = f"{article_id}-g{groups}"
        start = min(t.idx for t in f.trigger)
        end = max(t.idx + len(t) for t in f.trigger)
        span = doc[min(t.i for t in f.trigger) : max(t.i for t in f.trigger) + 1]
        date, precision = event_date(doc, span, published)
        location = places.place_for(doc, span)
        sent = f.anchor.sent
        for source, direct, target in pairs:
            event = Event(
                id="",
                sentence=sent.text.strip(),
                span=(start, end),
                text=doc.text[start:end],
                source=_actor(doc, source) if source else None,
                target=_actor(doc, target) if target else None,
                group=group,
                **numbers,
                date=date,
                date_precision=precision if date else "article",
                location=location,
                negated=negated,
                modality=f.modality,
                confidence=confidence(f, source, direct, target),
                rule=rule,
            )
            key = _key(event, sent.start, f.symmetric, dictionary)
            if key not in best or best[key].confidence < event.confidence:
                best[key] = event
    events = sorted(best.values(), key=lambda e: (e.span[0], e.span[1]))
    return [replace_id(e, f"{article_id}-e{n}") for n, e in enumerate(events, start=1)]


def _compound(mention: ActorMention | None) -> list[ActorMention | None]:
    """A compound dictionary actor ("THE_SHIRE [FRO/BIL/SAM]") as one mention per code:
    PETRARCH codes each event of such an actor for every combination of codes."""
    if mention is None or "/" not in mention.actor.code:
        return [mention]
    out: list[ActorMention | None] = []
    for code in dict.fromkeys(mention.actor.code.split("/")):
        chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
        actor = mention.actor.model_copy(
            update={"code": code, "country": chunks[0], "sectors": chunks[1:]}
        )
        out.append(replace(mention, actor=actor))
    return out


def _numbers(code: str, dictionary: bool) -> dict | None:
    """The contract's code fields of ``code``: its CAMEO entry or its nearest parent's;
    in dictionary mode a local code with no parent gets its root's numbers where CAMEO
    has that root, else none, and no PLOVER category. None: the code is dropped."""
    info = code_or_parent(code)
    if info is not None:
        plover = None
        if info.plover_event:
            plover = Plover(event=info.plover_event, mode=info.plover_mode)
        return {
            "cameo": info.code,
            "cameo_root": info.root,
            "quad_class": info.quad_class,
            "goldstein": info.goldstein,
            "plover": plover,
        }
    local = local_code(code) if dictionary else None
    if local is None or (local.quad_class is None and not _NULLABLE_NUMBERS):
        return None
    return {
        "cameo": local.code,
        "cameo_root": local.root,
        "quad_class": local.quad_class,
        "goldstein": local.goldstein,
        "plover": None,
    }


def _contract_allows_null(name: str) -> bool:
    """Whether the Event contract accepts None for field ``name``."""
    annotation = str(Event.model_fields[name].annotation)
    return "None" in annotation or "Optional" in annotation


#: A local code of an unknown root has no QuadClass or Goldstein score; such events are
#: kept only once the Event contract lets these fields be null (records.py).
_NULLABLE_NUMBERS = _contract_allows_null("quad_class") and _contract_allows_null("goldstein")


def event_date(doc: Doc, span: Span, published: str | None) -> tuple[str | None, str]:
    """The date of the sentence's time expression that belongs to the event's clause or a
    clause above it ("declared on August 27 that it had …"), else the article's date.

    ``times.date_for`` falls back to the nearest expression of the sentence; an expression
    inside another clause ("the talks last week prompted X; Y has said …") dates that
    clause's event, not this one, so it is not taken; nor does a clause above an
    after/before/since/until clause date it ("after X refused, Y declared on May 3").
    """
    found = times.date_for(doc, span)
    if found is None:
        return published, "article"
    value, precision = found
    above = {t.i for t in span} | {t.i for tok in span for t in _dating_clauses(tok)}
    sent = span.sent
    for expr in doc._.ew_times or []:
        if expr.value != value:
            continue
        time_span = doc.char_span(*expr.span, alignment_mode="expand")
        if time_span is None or not (sent.start <= time_span.start < sent.end):
            continue
        verb = next((t for t in time_span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.i in above or time_span.root.head.i in above:
            return value, precision
    return published, "article"


#: Subordinators that place their clause at another time than the clause above it:
#: "after the LDP refused …, the ministry declared on August 27" dates the declaration.
OTHER_TIME_MARKS = frozenset({"after", "before", "since", "until", "till"})


def _dating_clauses(tok: Token) -> list[Token]:
    """The ancestors of ``tok`` whose time expressions may date it: up to, not beyond, a
    clause introduced by "after", "before", "since" or "until"."""
    out: list[Token] = []
    node = tok
    while node.head.i != node.i:
        if node.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in OTHER_TIME_MARKS for c in node.children
        ):
            break
        node = node.head
        out.append(node)
    return out


def replace_id(event: Event, new_id: str) -> Event:
    return event.model_copy(update={"id": new_id})


def _actor(doc: Doc, mention: ActorMention) -> Actor:
    """The mention's actor with ``text`` = the words of this mention."""
    return mention.actor.model_copy(
        update={"text": doc.text[mention.start_char : mention.end_char]}
    )


def _key(event: Event, sentence: int, symmetric: bool, dictionary: bool = False) -> tuple:
    """Events of one sentence with this key are one event told twice ("Hu arrived in
    Tokyo on the first visit to Japan by a Chinese president"): same 3-digit code,
    negation and countries on both ends (a name and its title, a capital and its state).
    A PETRARCH dictionary's codes are compared whole: its "lawmakers and officials of X"
    are two actors (XLEG, XGOV), as PETRARCH codes them."""
    if dictionary:
        src = event.source.code if event.source else None
        tgt = event.target.code if event.target else None
    else:
        src = event.source.country if event.source else None
        tgt = (event.target.country or event.target.code) if event.target else None
    ends = tuple(sorted([src, tgt], key=str)) if symmetric else (src, tgt)
    return (sentence, ends, event.cameo[:3], event.negated)


def confidence(
    f: Found, source: ActorMention | None, direct: bool, target: ActorMention | None
) -> float:
    """The documented confidence formula (module docstring)."""
    if source is None:
        # an agentless passive: half of what is reported is missing
        return 0.3 if f.specific else 0.25
    score = 0.4
    score += 0.15 if f.specific else 0.0
    if target is not None:
        score += 0.2 if f.target_in_slot else 0.1
    else:
        score -= 0.1
    score += 0.15 if direct else 0.05
    if source.actor.country and (target is None or target.actor.country):
        score += 0.05
    return round(min(0.95, max(0.05, score)), 2)
