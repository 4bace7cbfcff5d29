"""Options and helpers shared by the commands that read and process inputs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from . import api
from .ingest import count_inputs
from .ingest.options import DEFAULT_MAX_BYTES, ReadOptions

DEFAULT_LIMITS = api.Limits()
AUTO_POOL_MIN_INPUTS = 200

err_console = Console(stderr=True)


def progress_columns() -> list[Any]:
    """Label, bar, done/total, rate, elapsed, ETA: every long command shows these."""
    return [
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
    ]


@contextmanager
def progress_bar(label: str, total: int | None, quiet: bool) -> Iterator[Callable[[Any], None]]:
    if quiet:
        yield lambda _item: None
        return
    with Progress(*progress_columns(), console=err_console, transient=False) as bar:
        task = bar.add_task(label, total=total, rate="")

        def advance(_item: Any) -> None:
            bar.advance(task)
            elapsed = bar.tasks[task].elapsed or 0
            done = bar.tasks[task].completed
            if elapsed > 0:
                bar.update(task, rate=f"{done / elapsed:.1f} articles/s")

        yield advance


def read_options(
    text_field: str,
    title_field: str,
    url_field: str,
    published_field: str,
    outlet_field: str,
    max_bytes: int,
    input_format: str | None,
    published: str | None,
) -> ReadOptions:
    return ReadOptions(
        text_field=text_field,
        title_field=title_field,
        url_field=url_field,
        published_field=published_field,
        outlet_field=outlet_field,
        max_bytes=max_bytes,
        format=input_format,
        published=published,
    )


def input_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by commands that read inputs."""
    decorators = [
        click.argument("paths", nargs=-1, required=True),
        click.option(
            "--published",
            metavar="YYYY-MM-DD",
            help="Publication date for every article (relative dates resolve to it).",
        ),
        click.option(
            "--text-field",
            default="text",
            show_default=True,
            help="Field holding the article text in JSON/CSV records.",
        ),
        click.option("--title-field", default="title", show_default=True),
        click.option("--url-field", default="url", show_default=True),
        click.option("--published-field", default="published", show_default=True),
        click.option("--outlet-field", default="outlet", show_default=True),
        click.option(
            "--max-bytes",
            default=DEFAULT_MAX_BYTES,
            show_default=True,
            type=int,
            help="Articles or files larger than this fail with E003.",
        ),
        click.option(
            "--input-format",
            type=click.Choice(["txt", "html", "jsonl", "json", "csv", "tsv", "feed", "warc"]),
            help="Read every input as this format instead of detecting it.",
        ),
        click.option(
            "--dictionaries",
            type=click.Path(exists=True, file_okay=False),
            help="Folder of PETRARCH-format actor, agent and verb dictionaries to code with.",
        ),
        click.option("--quiet", "-q", is_flag=True, help="No progress bar or summary."),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def workers_for(value: str, inputs: int | None) -> int:
    """``--workers``: a number, or ``auto`` (one process per core for large inputs)."""
    if value != "auto":
        try:
            workers = int(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a number or 'auto'") from None
        if workers < 1:
            raise click.BadParameter("needs at least 1 worker")
        return workers
    from .engines.local import default_workers

    # starting a pool costs a pipeline load per worker: worth it only for a long run
    return default_workers() if inputs is None or inputs >= AUTO_POOL_MIN_INPUTS else 1


def run_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options of commands that run the pipeline: processes and per-article limits."""
    decorators = [
        click.option(
            "--workers",
            default="auto",
            show_default=True,
            metavar="N|auto",
            help=f"Processes to run the pipeline in. auto: one per core when there are "
            f"{AUTO_POOL_MIN_INPUTS} or more inputs (or an unknown number), else 1.",
        ),
        click.option(
            "--no-prefilter",
            is_flag=True,
            help="Parse every sentence (by default sentences that cannot carry an event, "
            "quote or time are skipped).",
        ),
        click.option(
            "--max-chars",
            default=DEFAULT_LIMITS.max_chars,
            show_default=True,
            type=int,
            help="Articles longer than this fail with E006.",
        ),
        click.option(
            "--time-limit",
            default=DEFAULT_LIMITS.time_limit,
            show_default=True,
            type=float,
            help="Seconds an article may take in a worker (--workers > 1) before it fails "
            "with E007.",
        ),
        click.option(
            "--memory-mb",
            default=DEFAULT_LIMITS.memory_mb,
            show_default=True,
            type=int,
            help="Resident memory of a worker (--workers > 1) before it is restarted (E008).",
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def run_settings(
    paths: tuple[str, ...],
    workers: str,
    no_prefilter: bool,
    max_chars: int,
    time_limit: float,
    memory_mb: int,
) -> dict[str, Any]:
    """The keyword arguments ``api.extract``/``api.ingest`` take for the run options."""
    return {
        "workers": workers_for(workers, count_inputs(paths)),
        "prefilter": not no_prefilter,
        "limits": api.Limits(max_chars=max_chars, time_limit=time_limit, memory_mb=memory_mb),
    }
