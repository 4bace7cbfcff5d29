"""``eventwire eval SET``: a thin click shell over :func:`eventwire.evaluate.runner.evaluate`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from eventwire.errors import EventwireError

from .report import format_report, write_mistakes
from .runner import evaluate
from .sets import SETS

EXIT_FATAL = 3


def default_shared() -> Path:
    """``$EVENTWIRE_SHARED`` or ``../shared`` (the reference data beside the project)."""
    return Path(os.environ.get("EVENTWIRE_SHARED", "../shared"))


HELP = f"""Score the event coder on a public gold set.

\b
SET is one of:
{chr(10).join(f"  {s.name:<20} {s.description}" for s in SETS.values())}

\b
Triple sets (petrarch-*): our events with a source become (source code,
target code, CAMEO code) triples, matched one to one per record against the
gold triples. An event without a target is the one-sided triple (source, ---,
code) and matches only a gold triple whose target is empty ("CAL --- 222" or a
blank target); it counts among our triples like any other. Events without a
source are not scored. Actors match by the full code string ("code", the
headline), by its first six characters ("country+sector") or first three
("country"); codes match in full ("full") or by their first two digits ("root").
Printed: precision, recall and F1 at each level, per root, a confusion matrix
of roots for same-dyad triples, records fully correct, crashes, extra events per
record. petrarch-unit is coded with its toy PETRARCH dictionaries; GOLD_* records
of petrarch-validation are also scored on their own.

\b
plover: our best event (actors overlapping the gold actors' words, else the most
confident) must carry the gold PLOVER type; source/target by country code.
plover-zeroshot: the same on news sentences whose gold names the actors' words
(no codes); CONCEDE and RETREAT count as its YIELD. Rows also in the ConfliBERT
training file are scored apart from the unseen ones. The project never writes
rules from this set: it measures how the coder does on text it was not tuned on.
conflibert: the PentaClass of our most confident event; no event is a miss.

\b
Examples:
  eventwire eval petrarch-unit --limit 20 --mistakes unit-mistakes.txt
  eventwire eval petrarch-validation --dictionaries ../shared/data/petrarch2-dictionaries
  eventwire eval plover --shared /data/shared
"""


@click.command("eval", help=HELP)
@click.argument("set_name", metavar="SET", type=click.Choice(list(SETS)))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N records.")
@click.option(
    "--mistakes",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="Write every wrongly coded record (sentence, gold, ours, rule) to this file.",
)
@click.option(
    "--dictionaries",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of PETRARCH-format dictionaries to code with (default: the set's own, else ours).",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_shared,
    show_default="$EVENTWIRE_SHARED or ../shared",
    help="Folder holding data/ with the gold sets.",
)
def eval_command(
    set_name: str,
    limit: int | None,
    mistakes: Path | None,
    dictionaries: Path | None,
    shared: Path,
) -> None:
    try:
        evaluation = evaluate(set_name, shared, limit=limit, dictionaries=dictionaries)
    except EventwireError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(EXIT_FATAL)
    click.echo(format_report(evaluation), nl=False)
    if mistakes:
        written = write_mistakes(evaluation, mistakes)
        click.echo(f"mistakes: {written} records written to {mistakes}")
