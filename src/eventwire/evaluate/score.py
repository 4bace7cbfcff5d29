"""Matching our events to gold annotations, and the metrics ``eventwire eval`` prints.

Triple matching (the PETRARCH sets)
    Our events with a source are triples ``(source.code, target.code, cameo)``, an
    actor without a country written as PETRARCH writes it ("GOV" → "---GOV"); a gold
    triple is ``(sourcecode, targetcode, eventcode)``. An event without a target is
    the one-sided triple ``(source.code, "---", cameo)``: PETRARCH writes a one-sided
    event ("CAL --- 222") with an empty target (``---`` or blank), and such a triple
    matches only a gold triple whose target is empty, under every actor key (a gold
    ``---GOV`` target is a countryless government, not "no target"). Our events
    without a source (agentless passives) are counted as "non-dyadic" and otherwise
    ignored: no gold triple lacks a source. Within one record, triples are matched
    one to one (a multiset intersection) and a match needs:

    * actors, by one of three keys applied alike to our code and the gold code:
      ``code`` — the full actor code strings are equal (the headline: with PETRARCH
      dictionaries our codes are PETRARCH's); ``country+sector`` — their first six
      characters (country and first sector) are equal; ``country`` — their first
      three characters are equal;
    * direction: a symmetric event (rule ending ``;symmetric``: "A and B met", one
      event per pair in the stored contract) counts as both directions, A→B and B→A,
      as PETRARCH's gold lists both; the reverse is not added when we coded it
      ourselves, so nothing is counted twice. Other events are never swapped;
    * the event code: ``full`` — equal code strings ("0331" ≠ "033"); ``root`` —
      equal first two characters.

    Precision = matched / our triples, recall = matched / gold triples, F1 their
    harmonic mean, summed over records (micro average). A record is fully correct
    when our triples equal its gold triples exactly (code key, full code; a
    ``noevents`` record is correct when we code no triple). Records with an
    ``error=`` expectation (input PETRARCH must reject) are not scored; the report
    lists whether we coded anything on them. "Extra events per record" is our
    unmatched triples divided by the scored records. The confusion matrix of roots
    pairs, within a record, gold and our triples of the same dyad (code key),
    exact matches first, then equal roots, then the rest in order.

PLOVER records
    "Our best event" is, among our events that have a PLOVER type, the one whose
    source and target words overlap most the gold source and target words (a shared
    word of three letters or more), the most confident one breaking ties or standing
    in when none overlaps. Event-type accuracy is the share of records whose best
    event's ``plover.event`` equals the gold type (old names mapped to current
    PLOVER); a record where we code nothing counts as wrong. A set that merges types
    reads ours in its labels (Zero-Shot-PLOVER: CONCEDE and RETREAT are YIELD). Source
    (target) accuracy is over records with a coded gold source (target): our best
    event's actor has the gold country code as its country or as the start of its code.

ConfliBERT PentaClass
    Our class is that of our most confident event's root as the set's annotators class
    it (01–02 → 0, 03–05 → 1, 06–09 → 2, 10–13 and 16 → 3, 14, 15 and 17–20 → 4:
    :data:`PENTA_OF_ROOT`, not GDELT's QuadClass). No event predicts nothing: a miss for accuracy
    and recall, reported as lower coverage.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from eventwire.records import Actor, Event

from .sets import GoldRecord

ACTOR_KEYS: dict[str, Callable[[str], str]] = {
    "code": lambda code: code,
    "country+sector": lambda code: code[:6],
    "country": lambda code: code[:3],
}
LEVELS: dict[str, Callable[[str], str]] = {"full": lambda code: code, "root": lambda code: code[:2]}
NONE = "-"  # stands for "no prediction" in confusion matrices

Triple = tuple[str, str, str]


@dataclass
class Prediction:
    """What the engine coded for one gold record (or the exception it raised)."""

    record: GoldRecord
    events: list[Event] = field(default_factory=list)
    crash: str | None = None


@dataclass
class Counts:
    """Matched, predicted and gold counts, with the metrics they give."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp += tp
        self.pred += pred
        self.gold += gold


# ---------------------------------------------------------------- triples


def petrarch_code(actor: Actor) -> str:
    """Our actor's code as PETRARCH spells it: no country (a bare "GOV") is "---GOV"."""
    if actor.country is None and not actor.code.startswith("---"):
        return "---" + actor.code
    return actor.code


SYMMETRIC_SUFFIX = ";symmetric"
#: The target of a one-sided triple, ours and gold alike (gold writes "---" or nothing).
NO_TARGET = "---"


def our_triples(events: Iterable[Event]) -> list[Triple]:
    """Our events with a source as (source code, target code, CAMEO code) triples, the
    target :data:`NO_TARGET` when there is none; a symmetric event also as its reverse,
    unless we coded that reverse ourselves (module docstring)."""
    sourced = [e for e in events if e.source]
    triples = [
        (petrarch_code(e.source), petrarch_code(e.target) if e.target else NO_TARGET, e.cameo)
        for e in sourced
    ]
    dyadic = [(e, t) for e, t in zip(sourced, triples, strict=True) if e.target]
    coded = Counter(triples)
    reverses: list[Triple] = []
    for event, (source, target, code) in dyadic:
        reverse = (target, source, code)
        if not event.rule.endswith(SYMMETRIC_SUFFIX) or source == target:
            continue
        if coded[reverse] > 0:
            coded[reverse] -= 1  # the engine wrote this direction itself
            continue
        reverses.append(reverse)
    return triples + reverses


def gold_triples(record: GoldRecord) -> list[Triple]:
    """The record's gold triples, an empty target (blank or "---") as :data:`NO_TARGET`."""
    return [(t.source, t.target.strip() or NO_TARGET, t.code) for t in record.triples]


def _keyed(triples: Sequence[Triple], actor: str, level: str) -> Counter[Triple]:
    akey, ckey = ACTOR_KEYS[actor], LEVELS[level]
    return Counter((akey(s), _target_key(t, akey), ckey(c)) for s, t, c in triples)


def _target_key(target: str, akey: Callable[[str], str]) -> str:
    """A target under an actor key; "no target" stays apart from every actor code (the
    country key of a countryless "---GOV" is "---" too)."""
    return "" if target == NO_TARGET else akey(target)


def match_count(ours: Sequence[Triple], gold: Sequence[Triple], actor: str, level: str) -> int:
    """How many of our triples match gold ones one to one, under the given keys."""
    return sum((_keyed(ours, actor, level) & _keyed(gold, actor, level)).values())


def align_dyads(ours: Sequence[Triple], gold: Sequence[Triple]) -> list[tuple[str, str]]:
    """(gold code, our code) pairs of triples with the same dyad: exact, then root, then any."""
    left, right = list(gold), list(ours)
    pairs: list[tuple[str, str]] = []
    for same in (
        lambda g, o: g == o,
        lambda g, o: g[:2] == o[:2] and g[2][:2] == o[2][:2],
        lambda g, o: g[:2] == o[:2],
    ):
        for g in list(left):
            hit = next((o for o in right if same(g, o)), None)
            if hit is not None:
                pairs.append((g[2], hit[2]))
                left.remove(g)
                right.remove(hit)
    return pairs


@dataclass
class TripleScores:
    """Triple scores of a PETRARCH-style set (or a subset of its records).

    ``counts`` is keyed by (actor key, code level); ``per_root`` and ``confusion``
    use the ``code`` actor key.
    """

    records: int = 0
    scored: int = 0
    crashes: int = 0
    fully_correct: int = 0
    non_dyadic: int = 0
    counts: dict[tuple[str, str], Counts] = field(
        default_factory=lambda: {(a, lv): Counts() for a in ACTOR_KEYS for lv in LEVELS}
    )
    one_sided: Counts = field(default_factory=Counts)  # triples without a target (code/full)
    per_root: dict[str, Counts] = field(default_factory=dict)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    error_records: list[tuple[str, str, int]] = field(default_factory=list)

    @property
    def extra_per_record(self) -> float:
        main = self.counts[("code", "full")]
        return (main.pred - main.tp) / self.scored if self.scored else 0.0

    @property
    def fully_correct_share(self) -> float:
        return self.fully_correct / self.scored if self.scored else 0.0

    def add(self, prediction: Prediction) -> None:
        record = prediction.record
        self.records += 1
        self.crashes += prediction.crash is not None
        ours = our_triples(prediction.events)
        self.non_dyadic += sum(1 for e in prediction.events if e.source is None)
        if record.error:
            self.error_records.append((record.id, record.error, len(ours)))
            return
        self.scored += 1
        gold = gold_triples(record)
        for (actor, level), counts in self.counts.items():
            counts.add(match_count(ours, gold, actor, level), len(ours), len(gold))
        one_sided = [t for t in ours if t[1] == NO_TARGET], [t for t in gold if t[1] == NO_TARGET]
        self.one_sided.add(match_count(*one_sided, "code", "full"), *map(len, one_sided))
        self._add_roots(ours, gold)
        for gold_code, our_code in align_dyads(ours, gold):
            self.confusion[(gold_code[:2], our_code[:2])] += 1
        self.fully_correct += is_fully_correct(prediction)

    def _add_roots(self, ours: Sequence[Triple], gold: Sequence[Triple]) -> None:
        matched = _keyed(ours, "code", "root") & _keyed(gold, "code", "root")
        for (_s, _t, root), n in matched.items():
            self.per_root.setdefault(root, Counts()).tp += n
        for _s, _t, code in ours:
            self.per_root.setdefault(code[:2], Counts()).pred += 1
        for _s, _t, code in gold:
            self.per_root.setdefault(code[:2], Counts()).gold += 1


def is_fully_correct(prediction: Prediction) -> bool:
    """Whether our triples are exactly the record's gold triples (crash = not correct)."""
    return prediction.crash is None and Counter(our_triples(prediction.events)) == Counter(
        gold_triples(prediction.record)
    )


def score_triples(predictions: Iterable[Prediction]) -> TripleScores:
    scores = TripleScores()
    for prediction in predictions:
        scores.add(prediction)
    return scores


# ---------------------------------------------------------------- PLOVER

_WORD = re.compile(r"\w{3,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)}


def _overlap(actor: Actor | None, gold_texts: set[str]) -> bool:
    return actor is not None and bool(_words(actor.text) & gold_texts)


def best_event(events: Sequence[Event], record: GoldRecord) -> Event | None:
    """Our event that best stands for the record's gold event (see the module docstring)."""
    typed = [e for e in events if e.plover is not None]
    if not typed:
        return None
    sources = set().union(*(_words(a.text) for a in record.sources))
    targets = set().union(*(_words(a.text) for a in record.targets))

    def rank(pair: tuple[int, Event]) -> tuple[int, float, int]:
        n, event = pair
        overlap = _overlap(event.source, sources) + _overlap(event.target, targets)
        return (overlap, event.confidence, -n)  # earlier event wins a full tie

    return max(enumerate(typed), key=rank)[1]


def same_country(actor: Actor | None, gold_code: str) -> bool:
    """Whether our actor is of the gold country (or IGO) code."""
    if actor is None:
        return False
    return actor.country == gold_code or actor.code.startswith(gold_code)


@dataclass
class PloverScores:
    """Event-type and country-level actor accuracy on PLOVER gold records."""

    records: int = 0
    crashes: int = 0
    covered: int = 0
    correct: int = 0
    source_ok: int = 0
    source_total: int = 0
    target_ok: int = 0
    target_total: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    def per_type(self) -> dict[str, Counts]:
        return _per_class(self.confusion)

    def add(self, prediction: Prediction) -> None:
        record = prediction.record
        self.records += 1
        self.crashes += prediction.crash is not None
        best = best_event(prediction.events, record)
        ours = plover_label(best, self.labels)
        self.covered += ours != NONE
        self.correct += ours == record.plover_event
        self.confusion[(record.plover_event or NONE, ours)] += 1
        source = best.source if best else None
        target = best.target if best else None
        # a set that gives actor words without codes (Zero-Shot-PLOVER) scores no country
        sources = [a for a in record.sources if a.code]
        targets = [a for a in record.targets if a.code]
        if sources:
            self.source_total += 1
            self.source_ok += any(same_country(source, a.code) for a in sources)
        if targets:
            self.target_total += 1
            self.target_ok += any(same_country(target, a.code) for a in targets)


def plover_label(best: Event | None, labels: Mapping[str, str] | None = None) -> str:
    """The PLOVER type of our best event in a set's labels (NONE when there is none)."""
    if best is None or best.plover is None:
        return NONE
    return (labels or {}).get(best.plover.event, best.plover.event)


def score_plover(
    predictions: Iterable[Prediction], labels: Mapping[str, str] | None = None
) -> PloverScores:
    """PLOVER scores; ``labels`` maps our types to a set's merged ones (CONCEDE → YIELD)."""
    scores = PloverScores(labels=dict(labels or {}))
    for prediction in predictions:
        scores.add(prediction)
    return scores


# ---------------------------------------------------------------- PentaClass

#: ConfliBERT's PentaClass of each CAMEO root. Not GDELT's QuadClass: its annotators put
#: reducing relations (16) with verbal conflict and protests (14) with material conflict
#: (of our events coded 16x the gold class is 3 in 66 of 70 sentences, of those coded 14x
#: it is 4 in all; the same group's Zero-Shot-PLOVER labels put PROTEST in class 4).
PENTA_OF_ROOT = {
    **dict.fromkeys(("01", "02"), 0),
    **dict.fromkeys(("03", "04", "05"), 1),
    **dict.fromkeys(("06", "07", "08", "09"), 2),
    **dict.fromkeys(("10", "11", "12", "13", "16"), 3),
    **dict.fromkeys(("14", "15", "17", "18", "19", "20"), 4),
}


def penta_class(root: str) -> int | None:
    """ConfliBERT's PentaClass of a CAMEO root ("01" … "20"); None outside CAMEO."""
    return PENTA_OF_ROOT.get(root)


def most_confident(events: Sequence[Event]) -> Event | None:
    """Our most confident event (the first one on a tie)."""
    return max(events, key=lambda e: e.confidence, default=None)


def predicted_penta(events: Sequence[Event]) -> int | None:
    best = most_confident(events)
    return penta_class(best.cameo_root) if best else None


@dataclass
class PentaScores:
    """PentaClass accuracy, coverage and per-class counts on ConfliBERT sentences."""

    records: int = 0
    crashes: int = 0
    covered: int = 0
    correct: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float:
        return self.correct / self.records if self.records else 0.0

    @property
    def coverage(self) -> float:
        return self.covered / self.records if self.records else 0.0

    def per_class(self) -> dict[str, Counts]:
        return _per_class(self.confusion)

    def add(self, prediction: Prediction) -> None:
        self.records += 1
        self.crashes += prediction.crash is not None
        ours = predicted_penta(prediction.events)
        self.covered += ours is not None
        self.correct += ours == prediction.record.penta
        gold = prediction.record.penta
        self.confusion[
            (NONE if gold is None else str(gold), NONE if ours is None else str(ours))
        ] += 1


def score_penta(predictions: Iterable[Prediction]) -> PentaScores:
    scores = PentaScores()
    for prediction in predictions:
        scores.add(prediction)
    return scores


def _per_class(confusion: Counter[tuple[str, str]]) -> dict[str, Counts]:
    """Per-label counts from a (gold, ours) confusion; NONE is never a label."""
    table: dict[str, Counts] = {}
    for (gold, ours), n in confusion.items():
        if gold != NONE:
            table.setdefault(gold, Counts()).gold += n
        if ours != NONE:
            table.setdefault(ours, Counts()).pred += n
        if gold == ours and gold != NONE:
            table[gold].tp += n
    return dict(sorted(table.items()))
