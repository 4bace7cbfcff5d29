"""A longer run of hostile inputs than the tests make: inputs tried, failures by kind.

Run from the repository root::

    .venv/bin/python benchmarks/hostile_inputs.py [--readers N] [--pipeline N] [--seed S]

Three parts, each printing what it tried and how every input ended:

* readers: N byte strings (random bytes, hostile text in UTF-8/UTF-16/Latin-1, after a
  head that looks like each format), each written as a file of a random format,
  sometimes gzipped, and read with ``read_inputs``;
* pipeline: N hostile texts (tests/reliability/hostile.py) through ``make_article`` and
  the whole pipeline, with the span invariants of the property tests checked;
* corpus: the malformed corpus of tests/reliability/malformed.py through ``read_inputs``.

"crashed" counts exceptions that escaped (each is a bug; the first few are printed);
"broken" counts results that break an invariant. It prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "reliability"))

from hostile import hostile_text  # noqa: E402
from malformed import MAX_BYTES, write_corpus  # noqa: E402
from test_properties_readers import EXTENSIONS, HOSTILE_BYTES  # noqa: E402

from eventwire.errors import EventwireError  # noqa: E402
from eventwire.ingest import read_inputs  # noqa: E402
from eventwire.ingest.article import make_article  # noqa: E402
from eventwire.ingest.options import ReadOptions  # noqa: E402
from eventwire.records import Failure  # noqa: E402

_NUMBERS = re.compile(r"(?<![\w-])\d[\d,]*|\(.*\)|'[^']*'|: .*")


def kind(reason: str, code: str) -> str:
    """A failure reason without its specifics, so failures group by kind."""
    return f"{code} {_NUMBERS.sub('…', reason)[:70]}"


class Tally:
    """Outcomes of one part of the run."""

    def __init__(self, name: str):
        self.name = name
        self.outcomes: Counter[str] = Counter()
        self.crashes: list[str] = []
        self.tried = 0
        self.seconds = 0.0

    def guard(self, run: Callable[[], None]) -> None:
        self.tried += 1
        started = time.monotonic()
        try:
            run()
        except Exception as err:
            self.outcomes["crashed"] += 1
            if len(self.crashes) < 5:
                self.crashes.append("".join(traceback.format_exception(err)[-4:]).strip())
        self.seconds += time.monotonic() - started

    def print(self) -> None:
        print(f"\n== {self.name}: {self.tried} inputs tried in {self.seconds:.1f} s")
        for outcome, count in self.outcomes.most_common():
            print(f"  {count:6d}  {outcome}")
        for crash in self.crashes:
            print(f"  crash: {crash[:300]}")


def readers(examples: int, tally: Tally, options: ReadOptions, seed_value: int) -> None:
    @seed(seed_value)
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(data=HOSTILE_BYTES, ext=st.sampled_from(EXTENSIONS), packed=st.booleans())
    def run(data: bytes, ext: str, packed: bool) -> None:
        tally.guard(lambda: _read_one(data, ext, packed, tally, options))

    run()


def _read_one(data: bytes, ext: str, packed: bool, tally: Tally, options: ReadOptions) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{ext}{'.gz' if packed else ''}"
        path.write_bytes(gzip.compress(data) if packed else data)
        for item in read_inputs([str(path)], options):
            if isinstance(item, Failure):
                tally.outcomes[kind(item.reason, item.code)] += 1
            else:
                item.model_dump_json()
                tally.outcomes["article"] += 1


def pipeline(examples: int, tally: Tally, seed_value: int) -> None:
    from eventwire.nlp import get_pipeline
    from eventwire.process import process

    nlp = get_pipeline()
    options = ReadOptions(detect_language=False)

    @seed(seed_value)
    @settings(
        max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(text=hostile_text())
    def run(text: str) -> None:
        tally.guard(lambda: _process_one(text, nlp, process, options, tally))

    run()


def _process_one(text, nlp, process, options, tally: Tally) -> None:
    try:
        article = make_article(text, path="<hostile>", options=options)
    except EventwireError as err:
        tally.outcomes[kind(err.message, err.code)] += 1
        return
    [(_, result)] = list(process([article], nlp))
    if isinstance(result, Failure):
        tally.outcomes[kind(result.reason, result.code)] += 1
        return
    for item in [*result.events, *result.quotes, *result.times]:
        start, end = item.span
        if not (0 <= start <= end <= len(article.text)) or item.text != article.text[start:end]:
            tally.outcomes["broken: span does not match the text"] += 1
            return
    result.model_dump_json()
    tally.outcomes[f"article {result.article.status.value}"] += 1


def corpus(tally: Tally, options: ReadOptions) -> None:
    with tempfile.TemporaryDirectory() as folder:
        written = write_corpus(Path(folder))
        tally.tried = len(written)
        started = time.monotonic()
        try:
            for item in read_inputs([folder], options):
                if isinstance(item, Failure):
                    tally.outcomes[kind(item.reason, item.code)] += 1
                else:
                    tally.outcomes["article"] += 1
        except Exception as err:
            tally.outcomes["crashed"] += 1
            tally.crashes.append(repr(err))
        tally.seconds = time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=2000, help="byte inputs to read")
    parser.add_argument("--pipeline", type=int, default=300, help="texts to process")
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    options = ReadOptions(max_bytes=MAX_BYTES)
    tallies = []
    if args.readers:
        tally = Tally("readers (random bytes in every format)")
        readers(args.readers, tally, options, args.seed)
        tallies.append(tally)
    if args.pipeline:
        tally = Tally("pipeline (hostile text, language detection off)")
        pipeline(args.pipeline, tally, args.seed)
        tallies.append(tally)
    tally = Tally(f"malformed corpus (read_inputs, --max-bytes {MAX_BYTES:,})")
    corpus(tally, options)
    tallies.append(tally)
    for tally in tallies:
        tally.print()
    crashed = sum(t.outcomes["crashed"] for t in tallies)
    broken = sum(n for t in tallies for k, n in t.outcomes.items() if k.startswith("broken"))
    print(f"\ninputs tried: {sum(t.tried for t in tallies)}; crashed: {crashed}; broken: {broken}")


if __name__ == "__main__":
    main()
