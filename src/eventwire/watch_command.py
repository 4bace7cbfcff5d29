"""``eventwire watch``: the CLI shell around ``eventwire.watch.Watcher``."""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType

import click

from .errors import EventwireError
from .watch import DEFAULT_INTERVAL, Report, WatchConfig, Watcher


@click.command("watch")
@click.argument("targets", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default="eventwire.duckdb", show_default=True, help="DuckDB file to fill.")
@click.option(
    "--interval",
    type=click.FloatRange(min=0),
    default=DEFAULT_INTERVAL,
    show_default=True,
    help="Seconds between passes.",
)
@click.option(
    "--settle",
    type=click.FloatRange(min=0),
    default=None,
    help="Seconds a file must be unchanged before it is read [default: the interval].",
)
@click.option("--once", is_flag=True, help="Do one pass and exit (for cron).")
@click.option("--published", default=None, help="Publication date (YYYY-MM-DD) for every article.")
@click.option("--timeout", type=float, default=20.0, show_default=True, help="Feed fetch timeout.")
@click.option(
    "--spool",
    type=click.Path(path_type=Path),
    default=None,
    help="Where fetched feed items are kept [default: DB.spool].",
)
@click.option("--batch-size", type=click.IntRange(min=1), default=32, show_default=True)
def watch_command(
    targets: tuple[Path, ...],
    db: str,
    interval: float,
    settle: float | None,
    once: bool,
    published: str | None,
    timeout: float,
    spool: Path | None,
    batch_size: int,
) -> None:
    """Ingest new files of folders and new items of feeds as they arrive, exactly once.

    A TARGET is a folder (new and changed files are read once they stop changing;
    *.part and *.tmp files wait) or a feed list (a text file of RSS/Atom feed URLs
    or paths, one a line). Each input taken is recorded in the database's intake
    table, so a restart neither repeats nor skips inputs. Ctrl-C stops between
    batches.

    \b
    Examples:
      eventwire watch incoming/ --db news.duckdb
      eventwire watch feeds.txt --db news.duckdb --interval 900
      eventwire watch incoming/ --db news.duckdb --once     # from cron
    """
    config = WatchConfig(
        interval=interval,
        settle=settle,
        published=published,
        batch_size=batch_size,
        timeout=timeout,
        spool=spool,
    )

    def report(line: str) -> None:
        click.echo(line, err=True)

    try:
        watcher = Watcher(targets, db, config, report=report)
    except EventwireError as err:
        raise click.ClickException(str(err)) from err
    stop = threading.Event()
    with _stop_on_interrupt(stop, report):
        total = watcher.run(stop, once=once)
    report(
        f"stopped: {total.taken} input(s) taken, {total.articles} article(s), {total.failed} failed"
    )


class _stop_on_interrupt:
    """First Ctrl-C asks for a stop after the current batch; a second one interrupts."""

    def __init__(self, stop: threading.Event, report: Report):
        self.stop = stop
        self.report = report
        self.previous: object = None

    def __enter__(self) -> None:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handle)

    def __exit__(self, *exc: object) -> None:
        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)  # type: ignore[arg-type]

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        self.report("stopping after the current batch (Ctrl-C again to interrupt)")
