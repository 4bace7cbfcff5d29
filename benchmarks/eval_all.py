"""Score the event coder on all four public gold sets and print one table.

Run from the repository root::

    .venv/bin/python benchmarks/eval_all.py [--shared PATH] [--limit N] [--mistakes-dir DIR]
        [--full] [--skip-held-out]

It prints figures and asserts nothing. Each set is run as ``eventwire eval SET``
runs it (``eventwire.evaluate.evaluate``); the matching rules are in the docstring of
``eventwire.evaluate.score``. ``--full`` also prints each set's whole report.

Columns: ``fully ok`` = records whose triples equal the gold ones; ``F1 full`` /
``F1 root`` = triple F1 with actors matched by full code and the event code in full
or by root; ``recall`` = triple recall (full code); ``extra/rec`` = unmatched triples
per scored record; ``accuracy`` = PLOVER event type, or ConfliBERT PentaClass;
``coverage`` = records where we coded an event that counts.

Figures to beat (issue 5): PETRARCH-2 on its unit tests 30.7% fully correct, F1
0.41, 35 crashes; UD-PETRARCH on the validation set recall 68.3% with 23% extra
events; PLOVER event-type accuracy 0.85 (the aim).

``plover-zeroshot`` is held out: no rule is written from it, so ``--mistakes-dir``
writes no mistakes file for it (``eventwire eval plover-zeroshot --mistakes F`` does), and
development runs should pass ``--skip-held-out``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from eventwire.evaluate import SETS, evaluate
from eventwire.evaluate.report import format_report, write_mistakes
from eventwire.evaluate.score import PentaScores, PloverScores, TripleScores

COLUMNS = ("set", "records", "crashes", "fully ok", "F1 full", "F1 root", "recall", "extra/rec",
           "accuracy", "coverage", "seconds")  # fmt: skip


def _row(name: str, scores: object, seconds: float | None) -> list[str]:
    row = {c: "" for c in COLUMNS} | {"set": name}
    row["seconds"] = f"{seconds:.1f}" if seconds is not None else ""
    row["records"] = str(scores.records)  # type: ignore[attr-defined]
    row["crashes"] = str(scores.crashes)  # type: ignore[attr-defined]
    if isinstance(scores, TripleScores):
        full, root = scores.counts[("code", "full")], scores.counts[("code", "root")]
        row |= {
            "fully ok": f"{100 * scores.fully_correct_share:.1f}%",
            "F1 full": f"{full.f1:.3f}",
            "F1 root": f"{root.f1:.3f}",
            "recall": f"{100 * full.recall:.1f}%",
            "extra/rec": f"{scores.extra_per_record:.3f}",
            "coverage": f"{scores.counts[('code', 'full')].pred} triples",
        }
    elif isinstance(scores, PloverScores | PentaScores):
        row["accuracy"] = f"{scores.accuracy:.3f}"
        row["coverage"] = f"{100 * scores.covered / max(scores.records, 1):.1f}%"
    return [row[c] for c in COLUMNS]


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(c), *(len(r[i]) for r in rows)) for i, c in enumerate(COLUMNS)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(COLUMNS, widths, strict=True))]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument("--mistakes-dir", type=Path, default=None)
    parser.add_argument("--full", action="store_true", help="print each set's whole report")
    parser.add_argument(
        "--skip-held-out",
        action="store_true",
        help="leave out held-out sets (plover-zeroshot): for development runs, so that no "
        "change is judged on them until it is done",
    )
    args = parser.parse_args(argv)
    rows = []
    for name, spec in SETS.items():
        if args.skip_held_out and spec.held_out:
            continue
        evaluation = evaluate(name, args.shared, limit=args.limit)
        for warning in evaluation.warnings:
            print(f"warning ({name}): {warning}", file=sys.stderr)
        if args.full:
            print(format_report(evaluation))
        if args.mistakes_dir and not evaluation.spec.held_out:
            args.mistakes_dir.mkdir(parents=True, exist_ok=True)
            write_mistakes(evaluation, args.mistakes_dir / f"{name}.mistakes.txt")
        rows.append(_row(name, evaluation.scores, evaluation.seconds))
        for label, scores in evaluation.subsets.items():
            rows.append(_row(f"  {label}", scores, None))
    print(_table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
