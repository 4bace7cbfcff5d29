"""Benchmark the times stage on TempEval-3 (TimeML with hand-made TIMEX3 values).

Run from the repository root::

    .venv/bin/python benchmarks/tempeval.py [--set platinum|timebank|aquaint|silver|all]
        [--shared PATH] [--limit N] [--errors FILE]

It prints figures and asserts nothing.

Input: each ``.tml`` file's plain text is the content of ``<TEXT>`` with the tags
stripped; the anchor is the value of the ``<DCT>`` TIMEX3; gold expressions are the
TIMEX3 tags inside ``<TEXT>`` (the DCT itself is not counted). The text goes through
eventwire's pipeline (``build_pipeline``) with ``ew_times`` added last, and the
predictions are ``eventwire.times.find_timexes`` on that Doc: every expression the
recogniser accepts, *including* PRESENT_REF/PAST_REF/FUTURE_REF and sets, which
``doc._.ew_times`` leaves out but TempEval annotates.

Figures (micro-averaged over all expressions of the set), as the TempEval-3 task
paper (UzZaman et al. 2013) defines them for temporal expressions:

* strict match: same start and end; relaxed match: the spans overlap (each gold and
  each prediction is matched at most once, the first overlapping one in text order);
  precision = matched / predicted, recall = matched / gold, F1 their harmonic mean;
* value accuracy = share of relaxed matches whose value equals the gold value;
* value F1 (TempEval-3's "value" attribute F1): precision = correct values / predicted,
  recall = correct values / gold, F1 their harmonic mean, which equals relaxed F1 ×
  value accuracy. HeidelTime's published figure on platinum is about 0.78.

Value equality is string equality after two notational equivalences: a decade written
``199`` equals ``199X`` (the corpora write the X, TIMEX3 allows both), and week numbers
with or without a leading zero (``2000-W7`` = ``2000-W07``).

Sets: platinum (the official test set) is the headline figure and was not used to
tune anything; TimeBank and AQUAINT are where errors were read; silver is automatic
annotation, so its figures say how alike two systems are rather than who is right.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import eventwire.times  # noqa: F401  (registers the ew_times factory)
from eventwire.nlp.pipeline import build_pipeline
from eventwire.times import find_timexes

ROOT = Path(__file__).resolve().parents[1]
SETS = {
    "platinum": "te3-platinum",
    "timebank": "TBAQ-cleaned/TimeBank",
    "aquaint": "TBAQ-cleaned/AQUAINT",
    "silver": "TE3-Silver-data-politics-subset",
}
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>(.*?)</TIMEX3>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass
class Span:
    start: int
    end: int
    text: str
    value: str


@dataclass
class Doc:
    name: str
    text: str
    dct: date
    gold: list[Span]


def read_tml(path: Path) -> Doc | None:
    """Plain text, DCT and gold TIMEX3 spans of one TimeML file."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_m = re.search(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", raw, re.S)
    body_m = re.search(r"<TEXT>(.*)</TEXT>", raw, re.S)
    if not dct_m or not body_m:
        return None
    body, text, gold, pos = body_m[1], [], [], 0
    length = 0
    for m in _TIMEX.finditer(body):
        before = _unescape(_TAG.sub("", body[pos : m.start()]))
        text.append(before)
        length += len(before)
        inner = _unescape(_TAG.sub("", m[2]))
        value = re.search(r'value="([^"]*)"', m[1])
        gold.append(Span(length, length + len(inner), inner, value[1] if value else ""))
        text.append(inner)
        length += len(inner)
        pos = m.end()
    text.append(_unescape(_TAG.sub("", body[pos:])))
    return Doc(path.name, "".join(text), date.fromisoformat(dct_m[1]), gold)


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def same_value(a: str, b: str) -> bool:
    """String equality up to the notational equivalences of the docstring."""

    def canon(v: str) -> str:
        v = re.sub(r"^(\d{3})X$", r"\1", v)
        return re.sub(r"-W0?(\d)\b", r"-W0\1", v) if re.search(r"-W\d\b", v) else v

    return canon(a) == canon(b)


@dataclass
class Tally:
    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    correct: int = 0

    def add(self, other: Tally) -> None:
        for name in ("gold", "predicted", "strict", "relaxed", "correct"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def score(doc: Doc, predicted: list[Span], errors: list[str]) -> Tally:
    """Count matches of one document; describe misses, spurious and wrong values."""
    tally = Tally(gold=len(doc.gold), predicted=len(predicted))
    used: set[int] = set()
    for g in doc.gold:
        hit = next(
            (
                i
                for i, p in enumerate(predicted)
                if i not in used and p.start < g.end and g.start < p.end
            ),
            None,
        )
        if hit is None:
            errors.append(f"{doc.name}\tMISSED\t{g.text!r}\tgold={g.value}\t{_context(doc, g)}")
            continue
        used.add(hit)
        p = predicted[hit]
        tally.relaxed += 1
        tally.strict += (p.start, p.end) == (g.start, g.end)
        if same_value(p.value, g.value):
            tally.correct += 1
        else:
            errors.append(
                f"{doc.name}\tVALUE\t{g.text!r}/{p.text!r}\tgold={g.value}\tours={p.value}"
                f"\tdct={doc.dct}\t{_context(doc, g)}"
            )
    for i, p in enumerate(predicted):
        if i not in used:
            errors.append(f"{doc.name}\tSPURIOUS\t{p.text!r}\tours={p.value}\t{_context(doc, p)}")
    return tally


def _context(doc: Doc, span: Span) -> str:
    return " ".join(doc.text[max(0, span.start - 60) : span.end + 60].split())


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def report(name: str, docs: int, t: Tally) -> None:
    """Print the figures of one set."""
    ps, rs = t.strict / max(t.predicted, 1), t.strict / max(t.gold, 1)
    pr, rr = t.relaxed / max(t.predicted, 1), t.relaxed / max(t.gold, 1)
    acc = t.correct / max(t.relaxed, 1)
    pv, rv = t.correct / max(t.predicted, 1), t.correct / max(t.gold, 1)
    print(f"== {name}: {docs} documents, {t.gold} gold expressions, {t.predicted} predicted")
    print(f"  strict   P {ps:.3f}  R {rs:.3f}  F1 {_f1(ps, rs):.3f}")
    print(f"  relaxed  P {pr:.3f}  R {rr:.3f}  F1 {_f1(pr, rr):.3f}")
    print(f"  value accuracy on relaxed matches {acc:.3f} ({t.correct}/{t.relaxed})")
    print(f"  value    P {pv:.3f}  R {rv:.3f}  F1 {_f1(pv, rv):.3f}  (TempEval-3 value F1)")


def run_set(nlp, folder: Path, limit: int | None, errors: list[str]) -> tuple[int, Tally]:
    """Score every file of one set."""
    total, count = Tally(), 0
    for path in sorted(folder.glob("*.tml"))[:limit]:
        doc = read_tml(path)
        if doc is None:
            continue
        parsed = nlp(doc.text)
        found = find_timexes(parsed, doc.dct)
        predicted = [Span(t.start, t.end, t.text, t.value) for t in found]
        total.add(score(doc, predicted, errors))
        count += 1
    return count, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", default="all", choices=[*SETS, "all"])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=Path, default=None)
    args = parser.parse_args(argv)
    base = args.shared / "corpora" / "tempeval3"
    if not base.is_dir():
        print(f"no TempEval-3 corpus at {base}", file=sys.stderr)
        return 2
    nlp = build_pipeline()
    if "ew_times" not in nlp.pipe_names:
        nlp.add_pipe("ew_times", last=True)
    # later stages (places, quotes, events) do not feed find_timexes; skip them for speed
    later = nlp.pipe_names[nlp.pipe_names.index("ew_times") + 1 :]
    nlp.select_pipes(disable=later)
    names = list(SETS) if args.set == "all" else [args.set]
    errors: list[str] = []
    for name in names:
        errors.append(f"# {name}")
        docs, tally = run_set(nlp, base / SETS[name], args.limit, errors)
        report(name, docs, tally)
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"wrote {len(errors) - len(names)} cases to {args.errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
