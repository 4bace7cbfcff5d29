"""Crash safety of ``eventwire ingest``: SIGKILL it mid-write, run it again, check the store.

Usage: python benchmarks/crash_safety.py [--articles 1000] [--trials 10] [--batch-size 32]
                                         [--seed 7] [--workdir DIR]

Writes a folder of short articles generated from templates (the project's own
words), ingests it once without interruption (the reference), then per trial:
starts ``python -m eventwire.cli ingest FOLDER --db FILE -q`` on a fresh file,
waits until the first batch is committed, kills the process with SIGKILL at a
random moment, runs the same command again to completion and checks the store
against the reference. Printed per trial: when it was killed, articles stored
before and after, and the counts that must be 0 — duplicates, orphans (child rows
without their article), lost articles, partial articles (row counts differing
from the reference), story faults (articles without a valid story, mentions
without their event, events left out of consolidation) and story differences
(articles whose story differs from the reference). Exit status 1 if any is not 0.

``tests/store/test_crash_safety.py`` runs a small version of the same trial.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

CHILD_TABLES = ("events", "quotes", "times", "places", "actors")
# Tables whose rows belong to one article, with the column naming it.
ARTICLE_ROWS = (*CHILD_TABLES, "article_signatures", "event_mentions")

# (country, capital, adjective) — facts, used to vary the generated articles.
COUNTRIES = [
    ("Japan", "Tokyo", "Japanese"),
    ("Vietnam", "Hanoi", "Vietnamese"),
    ("the Philippines", "Manila", "Philippine"),
    ("Indonesia", "Jakarta", "Indonesian"),
    ("Australia", "Canberra", "Australian"),
    ("India", "New Delhi", "Indian"),
    ("South Korea", "Seoul", "South Korean"),
    ("Malaysia", "Kuala Lumpur", "Malaysian"),
    ("Thailand", "Bangkok", "Thai"),
    ("France", "Paris", "French"),
    ("Germany", "Berlin", "German"),
    ("Kenya", "Nairobi", "Kenyan"),
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
OUTLETS = ["Harbour Post", "Evening Ledger", "Coastal Wire", "Daily Signal"]
TOPICS = ["trade", "fisheries", "energy", "disaster relief", "maritime security", "education"]

# Each template is one short report; {n} keeps every article's text (and id) distinct.
TEMPLATES = [
    (
        "Ministers meet in {city}",
        "The foreign minister of {a} met his counterpart from {b} in {city} on {day}. "
        "The two governments agreed to deepen cooperation on {topic}, officials said.\n\n"
        "About {n} delegates took part in the talks, which will resume next month.",
    ),
    (
        "{a_adj} protest over patrol",
        "{a} accused {b} on {day} of sending patrol boats into its waters, the ministry "
        'in {a_cap} said. "We call on {b} to respect our sovereignty," a spokesman told '
        "reporters.\n\nThe ministry said {n} vessels had been seen near the coast.",
    ),
    (
        "Aid pledged after floods",
        "The president of {a} promised emergency aid to {b} on {day} after heavy floods "
        "left thousands homeless.\n\n{a} will send {n} tonnes of food and medicine to "
        "{b_cap}, the government announced.",
    ),
    (
        "Pact signed in {city}",
        "{a} and {b} signed an agreement on {topic} in {city} on {day}.\n\n"
        "The deal, negotiated over {n} rounds of talks, was welcomed by business groups "
        "in both countries.",
    ),
    (
        "Envoy recalled",
        "{a} recalled its ambassador from {b} on {day} in a dispute over {topic}, "
        "the {a_adj} foreign ministry said.\n\nIt was the first such step in {n} years, "
        "according to diplomats in {a_cap}.",
    ),
]


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """Write ``count`` short .txt articles with front matter; return their paths in order."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        (a, a_cap, a_adj), (b, b_cap, _) = rng.sample(COUNTRIES, 2)
        title, body = TEMPLATES[n % len(TEMPLATES)]
        values = {
            "a": a,
            "a_cap": a_cap,
            "a_adj": a_adj,
            "b": b,
            "b_cap": b_cap,
            "city": rng.choice([a_cap, b_cap]),
            "day": rng.choice(DAYS),
            "topic": rng.choice(TOPICS),
            "n": n + 2,
        }
        published = f"2026-03-{1 + rng.randrange(28):02d}"
        text = body.format(**values)
        text = text[0].upper() + text[1:]
        front = (
            f"---\ntitle: {title.format(**values)}\npublished: {published}\n"
            f"outlet: {rng.choice(OUTLETS)}\n---\n"
        )
        path = folder / f"article_{n:05d}.txt"
        path.write_text(front + text + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def ingest_command(folder: Path, db: Path, batch_size: int) -> list[str]:
    """The CLI command the trials run, in this interpreter."""
    return [
        sys.executable,
        "-m",
        "eventwire.cli",
        "ingest",
        str(folder),
        "--db",
        str(db),
        "-q",
        "--batch-size",
        str(batch_size),
    ]


def run_ingest(folder: Path, db: Path, batch_size: int) -> float:
    """Ingest to completion; return its duration in seconds. Raises if the command fails."""
    started = time.monotonic()
    done = subprocess.run(ingest_command(folder, db, batch_size), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"ingest exited with {done.returncode}: {done.stderr[-2000:]}")
    return time.monotonic() - started


def remove_database(db: Path) -> None:
    """Delete a database file with its log and lock files (left by an earlier run)."""
    for path in (db, *(Path(f"{db}.{end}") for end in ("wal", "lock", "lock.queue"))):
        path.unlink(missing_ok=True)


def write_window(db: Path) -> tuple[float, float]:
    """When a completed run wrote, in seconds after it opened the store: its first batch
    commit and its end (from the ``runs`` and ``articles`` timestamps)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        first, end = con.execute(
            "SELECT min(a.ingested_at) - r.started_at, r.finished_at - r.started_at"
            " FROM runs r JOIN articles a ON a.run_id = r.id GROUP BY r.started_at, r.finished_at"
        ).fetchone()
    finally:
        con.close()
    return first.total_seconds(), end.total_seconds()


@dataclass
class Kill:
    """What happened to the interrupted run (seconds from its start)."""

    opened: float  # the database file appeared
    first_write: float  # the first batch was committed (the files grew after set-up)
    at: float  # SIGKILL was sent
    finished_first: bool  # the run ended on its own before the kill


# Without a lock file: creating the tables and the run's row take a moment after the
# file appears; a change of the files after this settling time is taken for a batch
# commit. The benchmark uses half the reference run's time to its first batch commit.
SETTLE_S = 0.5


# A store that takes turns on the file (``store/locking.py``) counts its commits in
# ``<db>.lock``: creating the tables and the run's row are the first two.
SETUP_COMMITS = 2


def _commits(db: Path) -> int | None:
    """Commits counted in the store's lock file (0 before the first), or None without one."""
    try:
        data = Path(f"{db}.lock").read_bytes()[:8]
    except OSError:
        return None
    return int.from_bytes(data, "little") if len(data) == 8 else 0


def _written(db: Path) -> tuple[int, ...]:
    """Size and modification time of the database file and its write-ahead log: they
    change when a batch commits (and when a checkpoint moves the log into the file)."""
    files = (db, Path(f"{db}.wal"))
    return tuple(v for p in files if p.exists() for v in (p.stat().st_size, p.stat().st_mtime_ns))


def ingest_and_kill(
    folder: Path,
    db: Path,
    batch_size: int,
    writing: float,
    rng: random.Random,
    settle: float = SETTLE_S,
) -> Kill:
    """Start an ingest; SIGKILL it at a random moment of the ``writing`` seconds after
    its first batch commit (``writing`` from :func:`write_window` of a clean run)."""
    started = time.monotonic()
    proc = subprocess.Popen(
        ingest_command(folder, db, batch_size),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def wait(done: Callable[[], bool]) -> float:
        while proc.poll() is None and not done():
            time.sleep(0.005)
        return time.monotonic() - started

    try:
        opened = wait(db.exists)
        if _commits(db) is not None:
            first_write = wait(lambda: (_commits(db) or 0) > SETUP_COMMITS)
        else:
            settled = started + opened + settle
            wait(lambda: time.monotonic() >= settled)
            state = _written(db)
            first_write = wait(lambda: _written(db) != state)
        deadline = started + first_write + rng.uniform(0, writing)
        at = wait(lambda: time.monotonic() >= deadline)
        finished = proc.poll() is not None
        if not finished:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        return Kill(opened, first_write, at, finished)
    finally:
        if proc.poll() is None:  # an exception above must not leave it running
            proc.kill()
            proc.wait()


@dataclass
class Snapshot:
    """What a database holds, as the checks need it."""

    paths: list[str]  # input file name of every stored article (one entry per row)
    counts: dict[str, dict[str, int]]  # table → article id → rows
    stories: dict[str, str | None]  # article id → story id
    orphans: int
    story_faults: int
    clusters: int
    totals: dict[str, int] = field(default_factory=dict)
    schema_complete: bool = True  # False: killed while it created the tables


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    return int(con.execute(sql).fetchone()[0])


def snapshot(db: Path) -> Snapshot:
    """Read a database (replaying its log if the writer was killed) for the checks."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        have = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
        if not have >= {"articles", "stories", "event_clusters", *ARTICLE_ROWS}:
            # Tables are created one statement at a time: nothing else is written yet.
            return Snapshot([], {t: {} for t in ARTICLE_ROWS}, {}, 0, 0, 0, {}, False)
        rows = con.execute("SELECT id, path, story_id FROM articles").fetchall()
        counts = {
            table: dict(
                con.execute(f"SELECT article_id, count(*) FROM {table} GROUP BY 1").fetchall()
            )
            for table in ARTICLE_ROWS
        }
        orphans = sum(
            _scalar(
                con,
                f"SELECT count(*) FROM {t} WHERE article_id NOT IN (SELECT id FROM articles)",
            )
            for t in ARTICLE_ROWS
        )
        story_faults = sum(_scalar(con, sql) for sql in _STORY_CHECKS)
        totals = {
            t: _scalar(con, f"SELECT count(*) FROM {t}")
            for t in ("articles", *ARTICLE_ROWS, "stories", "event_clusters")
        }
    finally:
        con.close()
    return Snapshot(
        paths=[Path(path).name for _, path, _ in rows],
        counts=counts,
        stories={aid: story for aid, _, story in rows},
        orphans=orphans,
        story_faults=story_faults,
        clusters=totals["event_clusters"],
        totals=totals,
    )


# Each counts rows that break the stories' bookkeeping; all must be 0.
_STORY_CHECKS = (
    # every article with text has a story, and that story exists
    "SELECT count(*) FROM articles WHERE trim(text) <> '' AND (story_id IS NULL"
    " OR story_id NOT IN (SELECT id FROM stories))",
    # a story's article count is the number of its articles
    "SELECT count(*) FROM stories s WHERE articles <>"
    " (SELECT count(*) FROM articles a WHERE a.story_id = s.id)",
    # every mention points to a stored event and a stored cluster
    "SELECT count(*) FROM event_mentions WHERE event_id NOT IN (SELECT id FROM events)"
    " OR cluster_id NOT IN (SELECT id FROM event_clusters)",
    # every cluster has a mention
    "SELECT count(*) FROM event_clusters WHERE id NOT IN (SELECT cluster_id FROM event_mentions)",
    # every affirmed event of an article in a story was consolidated
    "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
    " WHERE a.story_id IS NOT NULL AND NOT coalesce(e.negated, false)"
    " AND e.id NOT IN (SELECT event_id FROM event_mentions)",
)


@dataclass
class Verdict:
    """The counts that must all be 0 after a crash and a re-run."""

    duplicates: int
    lost: int
    orphans: int
    partial: int
    story_faults: int
    story_diffs: int

    @property
    def ok(self) -> bool:
        return not any(vars(self).values())


def judge(after: Snapshot, reference: Snapshot, inputs: list[Path]) -> Verdict:
    """Compare a store after crash and re-run with the reference (clean) run."""
    names = [p.name for p in inputs]
    stored = set(after.paths)
    partial = sum(
        after.counts[t].get(aid, 0) != reference.counts[t].get(aid, 0)
        for aid in after.stories
        for t in ARTICLE_ROWS
    )
    return Verdict(
        duplicates=len(after.paths) - len(stored),
        lost=sum(name not in stored for name in names),
        orphans=after.orphans,
        partial=partial,
        story_faults=after.story_faults,
        story_diffs=sum(
            after.stories.get(aid) != story for aid, story in reference.stories.items()
        ),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--trials", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temporary folder")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ew-crash-") as tmp:
        work = args.workdir or Path(tmp)
        inputs = write_corpus(work / "news", args.articles, args.seed)
        reference_db = work / "reference.duckdb"
        remove_database(reference_db)
        clean = run_ingest(work / "news", reference_db, args.batch_size)
        reference = snapshot(reference_db)
        window = write_window(reference_db)
        print(
            f"reference: {args.articles} articles in {clean:.1f} s, writing from "
            f"{window[0]:.2f} s to {window[1]:.2f} s after opening the store, "
            f"rows {reference.totals}, {reference.clusters} clusters",
            flush=True,
        )
        rng = random.Random(args.seed)
        failed = 0
        for trial in range(1, args.trials + 1):
            db = work / f"trial_{trial}.duckdb"
            remove_database(db)
            # Load varies between runs: aim at the first 80 % of the reference's writing
            # time so that few kills come after a run has already finished.
            writing = 0.8 * (window[1] - window[0])
            kill = ingest_and_kill(
                work / "news", db, args.batch_size, writing, rng, settle=window[0] / 2
            )
            before = snapshot(db)
            rerun = run_ingest(work / "news", db, args.batch_size)
            after = snapshot(db)
            verdict = judge(after, reference, inputs)
            failed += not verdict.ok
            how = "finished before kill" if kill.finished_first else f"killed at {kill.at:.2f} s"
            if not before.schema_complete:
                how += " (while creating the tables)"
            print(
                f"trial {trial:2d}: store opened at {kill.opened:.2f} s, first batch "
                f"at {kill.first_write:.2f} s, {how}; "
                f"articles before {len(before.paths)}, after {len(after.paths)} "
                f"(rows before {sum(before.totals.values())}, "
                f"after {sum(after.totals.values())}); re-run {rerun:.1f} s; "
                + ", ".join(f"{k} {v}" for k, v in vars(verdict).items()),
                flush=True,
            )
        print(f"{args.trials - failed}/{args.trials} trials consistent")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
