"""Plain-text reports of an evaluation and the readable mistakes file.

The functions return or write text; printing is the command's business.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from eventwire.records import Event

from .runner import Evaluation, Scores
from .score import (
    ACTOR_KEYS,
    LEVELS,
    NONE,
    Counts,
    PentaScores,
    PloverScores,
    Prediction,
    TripleScores,
    best_event,
    is_fully_correct,
    most_confident,
    penta_class,
    petrarch_code,
    plover_label,
)


def pct(part: float, whole: float) -> str:
    """``part/whole (x.y%)``, with 0% for an empty whole."""
    share = 100 * part / whole if whole else 0.0
    return f"{part}/{whole} ({share:.1f}%)"


def prf_table(rows: Iterable[tuple[str, Counts]], label: str) -> list[str]:
    """Lines of a precision/recall/F1 table, one row per (name, counts)."""
    lines = [f"  {label:<22} {'P':>6} {'R':>6} {'F1':>6}   matched/ours/gold"]
    for name, c in rows:
        metrics = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
        lines.append(f"  {name:<22} {metrics}   {c.tp}/{c.pred}/{c.gold}")
    return lines


def confusion_table(confusion: Counter[tuple[str, str]], title: str) -> list[str]:
    """A matrix with gold labels as rows and ours as columns (``-`` = none).

    Column heads are cut to five characters when that keeps them distinct, so that
    sixteen PLOVER types fit in a terminal.
    """
    if not confusion:
        return [f"  {title}: (empty)"]
    gold = sorted({g for g, _ in confusion}, key=_label_order)
    ours = sorted({o for _, o in confusion}, key=_label_order)
    heads = [o[:5] for o in ours]
    if len(set(heads)) < len(heads):
        heads = ours
    cell = max(4, *(len(h) for h in heads)) + 1
    row = max(9, *(len(g) for g in gold)) + 1
    lines = [f"  {title}", "  " + "gold\\ours".ljust(row) + "".join(h.rjust(cell) for h in heads)]
    for g in gold:
        cells = "".join(str(confusion.get((g, o), "") or ".").rjust(cell) for o in ours)
        lines.append("  " + g.ljust(row) + cells)
    return lines


def _label_order(label: str) -> tuple[int, str]:
    return (label == NONE, label)


# ---------------------------------------------------------------- the report


def format_report(evaluation: Evaluation) -> str:
    """The whole report of one evaluation as text."""
    spec = evaluation.spec
    lines = [f"{spec.name}: {spec.description}"]
    folder = evaluation.dictionaries
    lines.append(
        f"  dictionaries: {folder if folder else 'eventwire (packaged lexicon and actors)'}"
    )
    lines.extend(f"  warning: {w}" for w in evaluation.warnings)
    lines.append(f"  coding time: {evaluation.seconds:.1f} s")
    lines.extend(format_scores(evaluation.scores))
    for label, scores in evaluation.subsets.items():
        lines.append("")
        lines.append(f"subset {label}:")
        lines.extend(format_scores(scores, brief=True))
    return "\n".join(lines) + "\n"


def format_scores(scores: Scores, *, brief: bool = False) -> list[str]:
    if isinstance(scores, TripleScores):
        return _triple_lines(scores, brief)
    if isinstance(scores, PloverScores):
        return _plover_lines(scores)
    return _penta_lines(scores)


def _triple_lines(s: TripleScores, brief: bool) -> list[str]:
    lines = [
        f"  records: {s.records}, scored: {s.scored}, crashes: {s.crashes}",
        f"  records fully correct: {pct(s.fully_correct, s.scored)}",
        f"  extra events per record: {s.extra_per_record:.3f}"
        f"   (events without a source, not scored: {s.non_dyadic})",
        f"  one-sided triples (no target, code / full): matched {s.one_sided.tp},"
        f" ours {s.one_sided.pred}, gold {s.one_sided.gold}",
    ]
    rows = [(f"{a} / {lv}", s.counts[(a, lv)]) for a in ACTOR_KEYS for lv in LEVELS]
    lines += prf_table(rows if not brief else rows[:2], "triples (actors / code)")
    lines.append("  (a symmetric event counts as both directions, A→B and B→A)")
    if brief:
        return lines
    lines += prf_table(sorted(s.per_root.items()), "per root (code key)")
    lines += confusion_table(s.confusion, "roots of same-dyad triples (rows gold, columns ours)")
    if s.error_records:
        lines.append("  error= records (PETRARCH rejects these input; not scored):")
        lines += [f"    {rid}: error={err}, our triples: {n}" for rid, err, n in s.error_records]
    return lines


def _plover_lines(s: PloverScores) -> list[str]:
    lines = [
        f"  records: {s.records}, crashes: {s.crashes}, with a PLOVER-typed event: "
        f"{pct(s.covered, s.records)}",
        f"  event-type accuracy: {pct(s.correct, s.records)}",
    ]
    if s.source_total or s.target_total:  # sets with actor codes only
        lines.append(f"  source country accuracy: {pct(s.source_ok, s.source_total)}")
        lines.append(f"  target country accuracy: {pct(s.target_ok, s.target_total)}")
    lines += prf_table(s.per_type().items(), "per PLOVER type")
    lines += confusion_table(s.confusion, "event types (rows gold, columns our best event)")
    return lines


def _penta_lines(s: PentaScores) -> list[str]:
    lines = [
        f"  records: {s.records}, crashes: {s.crashes}, coverage: {pct(s.covered, s.records)}",
        f"  accuracy: {pct(s.correct, s.records)}",
    ]
    lines += prf_table(s.per_class().items(), "per PentaClass")
    lines += confusion_table(s.confusion, "PentaClass (rows gold, columns ours)")
    return lines


# ---------------------------------------------------------------- mistakes


def is_mistake(evaluation: Evaluation, prediction: Prediction) -> bool:
    """Whether the record goes into the mistakes file."""
    record, kind = prediction.record, evaluation.spec.kind
    if prediction.crash:
        return True
    if kind == "triples":
        return bool(prediction.events) if record.error else not is_fully_correct(prediction)
    if kind == "plover":
        best = best_event(prediction.events, record)
        return plover_label(best, evaluation.spec.labels) != record.plover_event
    best = most_confident(prediction.events)
    return not best or penta_class(best.cameo_root) != record.penta


def write_mistakes(evaluation: Evaluation, path: Path) -> int:
    """Write every wrongly coded record to ``path``; the number of records written."""
    blocks = [
        _mistake_block(evaluation, p) for p in evaluation.predictions if is_mistake(evaluation, p)
    ]
    header = (
        f"# mistakes of eventwire eval {evaluation.spec.name}: {len(blocks)} of "
        f"{len(evaluation.predictions)} records\n"
        "# gold: the expected coding; ours: every event we coded (rule that fired, "
        "confidence, trigger words)\n\n"
    )
    path.write_text(header + "\n".join(blocks), encoding="utf-8")
    return len(blocks)


def _mistake_block(evaluation: Evaluation, prediction: Prediction) -> str:
    record = prediction.record
    lines = [f"== {record.id} [{record.category}] line {record.line}", f"sentence: {record.text}"]
    lines += [f"gold: {g}" for g in _gold_lines(evaluation, prediction)]
    if prediction.crash:
        lines.append(f"CRASH: {prediction.crash}")
    lines += [f"ours: {_event_line(e)}" for e in prediction.events] or ["ours: (no event)"]
    return "\n".join(lines) + "\n"


def _gold_lines(evaluation: Evaluation, prediction: Prediction) -> list[str]:
    record = prediction.record
    kind = evaluation.spec.kind
    if kind == "triples":
        if record.error:
            return [f"error={record.error} (PETRARCH rejects this input)"]
        return [f"{t.source} {t.target} {t.code}" for t in record.triples] or ["no events"]
    if kind == "plover":
        src = ", ".join(f"{a.text} ({a.code})" for a in record.sources) or "-"
        tgt = ", ".join(f"{a.text} ({a.code})" for a in record.targets) or "-"
        best = best_event(prediction.events, record)
        picked = f"; our best event: {best.id}" if best else ""
        mode = record.plover_mode or "-"
        return [f"{record.plover_event} mode={mode}; source {src}; target {tgt}{picked}"]
    return [f"PentaClass {record.penta}"]


def _event_line(event: Event) -> str:
    # Codes as they were scored (an actor without a country reads ---GOV).
    source = petrarch_code(event.source) if event.source else "-"
    target = petrarch_code(event.target) if event.target else "-"
    plover = event.plover.event if event.plover else "-"
    flags = " negated" if event.negated else ""
    return (
        f"{source} {target} {event.cameo} ({plover}, {event.modality.value}{flags}) "
        f'"{event.text}" rule={event.rule} conf={event.confidence:.2f} id={event.id}'
    )
