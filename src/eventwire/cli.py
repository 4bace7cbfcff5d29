"""The ``eventwire`` command: a thin shell over the Python API.

Exit codes: 0 all inputs read and stored; 1 some inputs failed (the rest were
processed, each failure is reported and recorded); 2 usage error; 3 fatal error
(for example a database that cannot be opened).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from functools import wraps
from typing import Any

import click

from . import api
from .about import __version__
from .analysis.command import alerts_command, dyad_command, network_command, plot_group, top_command
from .bench import bench_command
from .cli_options import (
    err_console,
    input_options,
    progress_bar,
    read_options,
    run_options,
    run_settings,
)
from .errors import EventwireError
from .evaluate.command import eval_command
from .export.command import export_command
from .ingest import count_inputs
from .ingest.options import ReadOptions
from .records import ArticleResult
from .render import FORMATS, write_json_lines, write_rows
from .store import Store, schema_sql
from .store.queries import Filters, list_actors, list_articles, list_events, list_quotes, stats
from .stories import largest_stories, top_events
from .watch_command import watch_command
from .web.command import serve_command

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_FATAL = 0, 1, 2, 3
DEFAULT_DB = "eventwire.duckdb"


def _fatal_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn eventwire errors into a message and exit code 3 instead of a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except EventwireError as err:
            err_console.print(f"[red]error:[/red] {err}", highlight=False)
            sys.exit(EXIT_FATAL)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="eventwire")
def main() -> None:
    """eventwire: political event data from news.

    \b
    Examples:
      eventwire demo                                  # the bundled demo, into eventwire.duckdb
      eventwire ingest news/ --db events.duckdb       # folders, globs, .gz, feeds, WARC, JSONL…
      eventwire extract article.txt --published 2021-09-01
      eventwire events --db events.duckdb --actor CHN --format csv
    """


@main.command()
@input_options
@run_options
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write.")
@click.option("--batch-size", default=32, show_default=True, type=int)
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: this machine (--workers processes); ray: Ray Data actors (docs/cluster.md).",
)
@click.option(
    "--address",
    help="Ray cluster to join (--engine ray): 'auto' or ray://HOST:10001. "
    "Default: start a local Ray.",
)
@click.option(
    "--output",
    type=click.Path(file_okay=False),
    help="Folder for the Ray engine's Parquet (default: beside the database).",
)
@_fatal_errors
def ingest(
    paths: tuple[str, ...],
    db: str,
    batch_size: int,
    engine: str,
    address: str | None,
    output: str | None,
    quiet: bool,
    dictionaries: str | None,
    workers: str,
    no_prefilter: bool,
    max_chars: int,
    time_limit: float,
    memory_mb: int,
    **opts: Any,
) -> None:
    """Read, process and store articles in a DuckDB file.

    Reading the same input twice changes nothing. Inputs that cannot be read are
    reported, recorded in the `failures` table, and the rest go on. Articles already
    stored are not processed again.

    \b
    Examples:
      eventwire ingest news/ --db events.duckdb
      eventwire ingest 'feeds/*.xml' crawl.warc.gz --db events.duckdb
      eventwire ingest dump.jsonl.gz --text-field body --published-field date
      eventwire ingest big/ --workers 2 --time-limit 60
      eventwire ingest shards/ --engine ray --address auto
      cat article.txt | eventwire ingest - --published 2021-09-01
    """
    options = read_options(**opts)
    run = run_settings(paths, workers, no_prefilter, max_chars, time_limit, memory_mb)
    if engine == "ray" and workers == "auto":  # Ray's actors pay their start-up anyway
        from .engines.local import default_workers

        run["workers"] = default_workers()
    with progress_bar("ingest", count_inputs(paths), quiet) as advance:
        if engine == "ray":
            summary = _ingest_ray(
                paths,
                db,
                options,
                batch_size,
                advance,
                dictionaries,
                run,
                address=address,
                output=output,
                quiet=quiet,
            )
        else:
            summary = api.ingest(
                paths,
                db,
                options=options,
                batch_size=batch_size,
                progress=advance,
                dictionaries=dictionaries,
                **run,
            )
    for failure in summary.failures:
        where = f"{failure.path}" + (f" ({failure.record})" if failure.record else "")
        err_console.print(f"[yellow]failed:[/yellow] {where}: {failure.reason}", highlight=False)
    if not quiet:
        c = summary.counts
        err_console.print(
            f"{summary.read} inputs read: {c.articles_new} new articles stored "
            f"({c.articles_skipped} skipped), {c.articles_existing} already stored, "
            f"{c.failures} failed → {db}",
            highlight=False,
        )
    sys.exit(EXIT_OK if summary.ok else EXIT_SOME_FAILED)


def _ingest_ray(
    paths: tuple[str, ...],
    db: str,
    options: ReadOptions,
    batch_size: int,
    advance: Callable[[Any], None],
    dictionaries: str | None,
    run: dict[str, Any],
    *,
    address: str | None,
    output: str | None,
    quiet: bool,
) -> api.IngestSummary:
    import logging

    from .engines import ingest_ray

    if not quiet:  # Ray Data logs every stage at INFO; the progress bar says enough
        logging.getLogger("ray").setLevel(logging.WARNING)
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    return ingest_ray(
        paths,
        db,
        address=address,
        options=options,
        dictionaries=dictionaries,
        num_workers=run["workers"],
        output=output,
        batch_size=batch_size,
        progress=advance,
    )


@main.command()
@input_options
@run_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
)
@_fatal_errors
def extract(
    paths: tuple[str, ...],
    fmt: str,
    quiet: bool,
    dictionaries: str | None,
    workers: str,
    no_prefilter: bool,
    max_chars: int,
    time_limit: float,
    memory_mb: int,
    **opts: Any,
) -> None:
    """Print the output contract for each input article (no database).

    One JSON object per article, in input order, also for articles that were
    skipped or failed (then with empty lists and the reason).

    \b
    Examples:
      eventwire extract article.txt --published 2021-09-01
      eventwire extract page.html --format table
      eventwire extract records.jsonl --text-field body > results.jsonl
      eventwire extract article.txt --dictionaries petrarch-dictionaries/
    """
    options = read_options(**opts)
    show_bar = not quiet and err_console.is_terminal
    failed = False
    with progress_bar("extract", count_inputs(paths), not show_bar) as advance:
        run = run_settings(paths, workers, no_prefilter, max_chars, time_limit, memory_mb)
        results = api.extract(
            paths, options=options, progress=advance, dictionaries=dictionaries, **run
        )
        failed = _print_results(results, fmt)
    sys.exit(EXIT_SOME_FAILED if failed else EXIT_OK)


def _print_results(results: Iterator[ArticleResult], fmt: str) -> bool:
    failed = False
    out = sys.stdout
    if fmt == "jsonl":
        for result in results:
            failed |= result.article.status == "failed"
            write_json_lines([result.to_json_dict()], out)
    elif fmt == "json":
        collected = [r.to_json_dict() for r in results]
        failed = any(r["article"]["status"] == "failed" for r in collected)
        json.dump(collected, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        rows = []
        for result in results:
            a = result.article
            failed |= a.status == "failed"
            rows.append(
                {
                    "path": a.path,
                    "title": a.title,
                    "published": a.published,
                    "status": a.status,
                    "events": len(result.events),
                    "quotes": len(result.quotes),
                    "times": len(result.times),
                    "actors": len(result.actors),
                    "places": len(result.places),
                    "reason": a.reason,
                }
            )
        write_rows(rows, "table", out)
    return failed


def listing_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by the listing commands."""
    decorators = [
        click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to read."),
        click.option("--since", metavar="YYYY-MM-DD"),
        click.option("--until", metavar="YYYY-MM-DD"),
        click.option("--actor", help="Actor name (part of it) or CAMEO actor code."),
        click.option("--country", help="ISO 3166-1 alpha-3 or organisation code."),
        click.option("--outlet", help="Outlet name (part of it)."),
        click.option("--search", help="Text to look for."),
        click.option("--limit", default=50, show_default=True, type=int),
        click.option("--offset", default=0, show_default=True, type=int),
        click.option(
            "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
        ),
    ]
    for decorator in reversed(decorators):
        func = decorator(func)
    return func


def _list(
    kind: str,
    lister: Callable[[Store, Filters], list[dict[str, Any]]],
    db: str,
    fmt: str,
    columns: list[str] | None,
    **filters: Any,
) -> None:
    with Store(db, read_only=True) as store:
        rows = lister(store, Filters(**filters))
    write_rows(
        rows, fmt, sys.stdout, title=kind, columns=columns if fmt in ("table", "csv") else None
    )


@main.command()
@listing_options
@click.option("--status", type=click.Choice(["ok", "skipped"]))
@_fatal_errors
def articles(db: str, fmt: str, **filters: Any) -> None:
    """List stored articles, newest first.

    \b
    Examples:
      eventwire articles --db events.duckdb --since 2026-03-01
      eventwire articles --actor Japan --format csv > japan.csv
    """
    _list(
        "articles",
        list_articles,
        db,
        fmt,
        ["published", "outlet", "title", "status", "id"],
        **filters,
    )


@main.command()
@listing_options
@click.option("--code", help="CAMEO event code prefix, e.g. 04 or 112.")
@_fatal_errors
def events(db: str, fmt: str, **filters: Any) -> None:
    """List stored events, newest first.

    \b
    Examples:
      eventwire events --db events.duckdb --actor CHN --code 11
      eventwire events --country TWN --since 2021-08-01 --format jsonl
    """
    _list(
        "events",
        list_events,
        db,
        fmt,
        ["date", "source_code", "cameo", "target_code", "goldstein", "sentence"],
        **filters,
    )


@main.command()
@listing_options
@click.option("--speaker", help="Speaker name (part of it) or actor code.")
@_fatal_errors
def quotes(db: str, fmt: str, **filters: Any) -> None:
    """List stored quotes with their speakers.

    \b
    Examples:
      eventwire quotes --db events.duckdb --speaker Lo
      eventwire quotes --country JPN --format json
    """
    _list(
        "quotes",
        list_quotes,
        db,
        fmt,
        ["published", "speaker_name", "speaker_code", "kind", "text"],
        **filters,
    )


@main.group(invoke_without_command=True)
@listing_options
@click.pass_context
@_fatal_errors
def actors(ctx: click.Context, db: str, fmt: str, **filters: Any) -> None:
    """List the actors found in stored articles, most mentioned first.

    Subcommands search the knowledge base (`actors kb`) and validate your own
    actor file (`actors check`).

    \b
    Examples:
      eventwire actors --db events.duckdb --country TWN
      eventwire actors --search ministry --format csv
      eventwire actors kb --search Suga
      eventwire actors check my_actors.yaml
    """
    if ctx.invoked_subcommand is None:
        _list(
            "actors",
            list_actors,
            db,
            fmt,
            ["name", "code", "country", "mentions", "articles"],
            **filters,
        )


@actors.command(name="kb")
@click.option("--search", help="Name (part of it) to look for.")
@click.option(
    "--kind",
    type=click.Choice(["country", "organisation", "party", "person", "institution", "agent"]),
)
@click.option("--country", help="ISO 3166-1 alpha-3 or organisation code.")
@click.option("--on", "on_date", metavar="YYYY-MM-DD", help="Only people in office that day.")
@click.option(
    "--actors-file",
    "extra",
    multiple=True,
    type=click.Path(exists=True),
    help="Your own actor file (YAML, CSV or TSV) beside the packaged ones.",
)
@click.option("--limit", default=50, show_default=True, type=int)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@_fatal_errors
def actors_kb(
    search: str | None,
    kind: str | None,
    country: str | None,
    on_date: str | None,
    extra: tuple[str, ...],
    limit: int,
    fmt: str,
) -> None:
    """Search the actor knowledge base.

    \b
    Examples:
      eventwire actors kb --search Suga
      eventwire actors kb --kind person --country JPN --on 2021-08-27
      eventwire actors kb --kind party --country TWN --format csv
    """
    from datetime import date
    from pathlib import Path

    from .actors import load_knowledge_base
    from .actors.listing import search_knowledge_base

    on = date.fromisoformat(on_date) if on_date else None
    kb = load_knowledge_base(tuple(Path(p) for p in extra))
    rows = search_knowledge_base(kb, search=search, kind=kind, country=country, on=on, limit=limit)
    write_rows(
        rows,
        fmt,
        sys.stdout,
        title="knowledge base",
        columns=["kind", "name", "code", "country", "detail"] if fmt in ("table", "csv") else None,
    )


@actors.command(name="check")
@click.argument("files", nargs=-1, required=True, type=click.Path())
def actors_check(files: tuple[str, ...]) -> None:
    """Validate your own actor files (YAML, CSV or TSV) against the knowledge base.

    Exit code 0 when every file is valid, 1 when any has problems (each printed
    with its file and line).

    \b
    Example:
      eventwire actors check my_actors.yaml
    """
    from pathlib import Path

    from .actors import check_user_file

    bad = False
    for name in files:
        problems = check_user_file(Path(name))
        for problem in problems:
            click.echo(problem)
        if problems:
            bad = True
        else:
            click.echo(f"{name}: ok")
    sys.exit(EXIT_SOME_FAILED if bad else EXIT_OK)


@main.command(name="stats")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@_fatal_errors
def stats_command(db: str, fmt: str) -> None:
    """Counts of everything in a database.

    \b
    Example:
      eventwire stats --db events.duckdb
    """
    with Store(db, read_only=True) as store:
        info = stats(store)
    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps(info, ensure_ascii=False, indent=2, default=str) + "\n")
        return
    rows = [{"table": k, "rows": v} for k, v in info["tables"].items()]
    write_rows(
        rows, "table", out, title=f"{db}: {info['published_from']} to {info['published_to']}"
    )
    write_rows(info["top_outlets"], "table", out, title="top outlets")
    if info["events_by_root"]:
        write_rows(info["events_by_root"], "table", out, title="events by CAMEO root")


#: What ``eventwire demo`` shows after ingesting: title, listing, rows, columns.
_DEMO_SECTIONS = (
    ("latest articles", list_articles, 10, ["published", "outlet", "title", "status"]),
    ("top actors", list_actors, 10, ["name", "code", "mentions", "articles"]),
    ("latest events", list_events, 10, ["date", "source_code", "cameo", "target_code", "sentence"]),
    ("latest quotes", list_quotes, 5, ["speaker_name", "kind", "text"]),
    (
        "stories (copies and rewrites joined)",
        lambda store, f: largest_stories(store, f.limit),
        5,
        ["articles", "outlets", "first_published", "title"],
    ),
    (
        "most reported events (consolidated)",
        lambda store, f: top_events(store, f.limit),
        5,
        ["date", "source_code", "cameo", "target_code", "mentions", "articles", "sentence"],
    ),
)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to write.")
@click.option("--quiet", "-q", is_flag=True)
@_fatal_errors
def demo(db: str, quiet: bool) -> None:
    """Ingest the bundled demo corpus and show what was found.

    \b
    Example:
      eventwire demo --db eventwire.duckdb
    """
    from .demo import corpus_path

    with corpus_path() as folder, progress_bar("demo", count_inputs([str(folder)]), quiet) as adv:
        summary = api.ingest([str(folder)], db, progress=adv)
    out = sys.stdout
    c = summary.counts
    out.write(
        f"Demo corpus: {summary.read} files read, {c.articles_new} new articles "
        f"({c.articles_skipped} skipped), {c.articles_existing} already stored, "
        f"{c.failures} failed → {db}\n"
    )
    with Store(db, read_only=True) as store:
        info = stats(store)
        write_rows(
            [{"table": k, "rows": v} for k, v in info["tables"].items()],
            "table",
            out,
            title="what is in the database",
        )
        for title, lister, limit, columns in _DEMO_SECTIONS:
            write_rows(
                lister(store, Filters(limit=limit)), "table", out, title=title, columns=columns
            )
    out.write(f"\nNext: eventwire events --db {db}   ·   eventwire --help\n")


@main.command()
@click.option("--sql", is_flag=True, help="Print the DuckDB schema instead of the JSON Schema.")
def schema(sql: bool) -> None:
    """Print the JSON Schema of the output contract (or the database schema).

    \b
    Examples:
      eventwire schema > article_result.schema.json
      eventwire schema --sql
    """
    from .schema import json_schema

    out = sys.stdout
    out.write(schema_sql() if sql else json.dumps(json_schema(), indent=2) + "\n")


if __name__ == "__main__":  # pragma: no cover
    main()


for command in (
    bench_command,
    eval_command,
    export_command,
    dyad_command,
    network_command,
    top_command,
    alerts_command,
    plot_group,
    serve_command,
    watch_command,
):
    main.add_command(command)
