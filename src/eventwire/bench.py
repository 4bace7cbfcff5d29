"""``eventwire bench``: eventwire's throughput against a plain spaCy pass, in one run.

The same English texts, read once with ``read_inputs``, go through three phases in
the same process (so on the same cores):

1. the baseline: ``spacy.load(MODEL_NAME).pipe(texts)``, the full base model with
   spaCy's own batching;
2. eventwire's pipeline (``build_pipeline()`` via ``get_pipeline()``), one document
   at a time, with the seconds of ``make_doc`` and of every component;
3. with ``store=True``, the whole ``eventwire.api.ingest`` (read, process, store)
   into a temporary DuckDB file, with ``workers`` processes (a pool started and
   ready before the clock starts, as the baseline's model is loaded before it); with
   ``workers`` > 1 also in one process, so the report shows the scaling 1 → N.

``prefilter`` (default on) is the pre-filter of ``eventwire.nlp.prefilter``: phases 2
and 3 parse only the sentences that may carry an event, quote or time; the baseline
always parses everything, as plain spaCy would.

Each phase first runs one text untimed, so lazy initialisation is not counted.
Peak memory is the process's maximum resident set size (``ru_maxrss``) after each
phase. The library prints nothing; ``bench_command`` renders the report.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from .errors import InputError
from .ingest import read_inputs
from .records import Article, Status

#: The corpus of issue 9, relative to the working directory (the repository root).
DEFAULT_CORPUS = Path("..") / "shared" / "corpora" / "guardian-taiwan"

#: Called as ``progress(phase, done, total)`` after each article of a phase.
BenchProgress = Callable[[str, int, int], None]


@dataclass
class BenchReport:
    """The figures of one bench run; seconds are wall-clock, memory in MB."""

    corpus: str
    read: int
    articles: int
    words: int
    cores: int
    baseline_seconds: float
    stage_seconds: dict[str, float]
    base_stages: list[str]
    stage_failures: int = 0
    ingest_seconds: float | None = None
    stored: int | None = None
    peak_mb: dict[str, float] = field(default_factory=dict)
    workers: int = 1
    prefilter: bool = True
    #: Ingest seconds by number of worker processes (1 and ``workers``), when both ran.
    ingest_by_workers: dict[int, float] = field(default_factory=dict)
    pool_start_seconds: float | None = None

    @property
    def scaling(self) -> float | None:
        """Ingest throughput with ``workers`` processes divided by one process's."""
        if self.workers <= 1 or len(self.ingest_by_workers) < 2:
            return None
        return self.ingest_by_workers[1] / self.ingest_by_workers[self.workers]

    @property
    def pipeline_seconds(self) -> float:
        """Seconds of eventwire's pipeline: make_doc plus every component."""
        return sum(self.stage_seconds.values())

    @property
    def eventwire_seconds(self) -> float:
        """The figure compared to the baseline: the ingest if it ran, else the pipeline."""
        return self.ingest_seconds if self.ingest_seconds is not None else self.pipeline_seconds

    @property
    def ratio(self) -> float:
        """Eventwire's throughput divided by the baseline's (above 1 is faster)."""
        return self.baseline_seconds / self.eventwire_seconds

    @property
    def pipeline_ratio(self) -> float:
        """The pipeline alone (no reading, no store) against the baseline."""
        return self.baseline_seconds / self.pipeline_seconds

    @property
    def peak_memory_mb(self) -> float:
        return max(self.peak_mb.values(), default=0.0)

    def rates(self) -> dict[str, tuple[float, float]]:
        """(articles per second, words per second) of each timed phase."""
        phases = {
            "spaCy baseline": self.baseline_seconds,
            "eventwire pipeline": self.pipeline_seconds,
        }
        if self.ingest_seconds is not None:
            phases["eventwire ingest"] = self.ingest_seconds
        if self.scaling is not None:
            phases["eventwire ingest, 1 process"] = self.ingest_by_workers[1]
        return {name: (self.articles / s, self.words / s) for name, s in phases.items()}

    def to_dict(self) -> dict[str, Any]:
        return {
            "corpus": self.corpus,
            "read": self.read,
            "articles": self.articles,
            "words": self.words,
            "cores": self.cores,
            "baseline_seconds": self.baseline_seconds,
            "pipeline_seconds": self.pipeline_seconds,
            "ingest_seconds": self.ingest_seconds,
            "stage_seconds": self.stage_seconds,
            "stage_failures": self.stage_failures,
            "stored": self.stored,
            "peak_mb": self.peak_mb,
            "ratio": self.ratio,
            "pipeline_ratio": self.pipeline_ratio,
            "workers": self.workers,
            "prefilter": self.prefilter,
            "ingest_by_workers": self.ingest_by_workers,
            "pool_start_seconds": self.pool_start_seconds,
            "scaling": self.scaling,
        }


def default_corpus() -> Path:
    """The default corpus, or E001 when ../shared is not there."""
    if not DEFAULT_CORPUS.exists():
        raise InputError(
            f"the default corpus {DEFAULT_CORPUS} is not there: pass a corpus path, "
            "for example `eventwire bench path/to/articles/`"
        )
    return DEFAULT_CORPUS


def run_bench(
    corpus: Path,
    *,
    limit: int | None,
    store: bool,
    progress: BenchProgress | None = None,
    workers: int = 1,
    prefilter: bool = True,
) -> BenchReport:
    """Time the spaCy baseline, eventwire's pipeline per stage and (``store``) the ingest.

    ``workers``: processes of the timed ingest (with more than one, the ingest is also
    timed in one process); ``prefilter``: whether eventwire's phases use the pre-filter.
    """
    if not Path(corpus).exists():
        raise InputError(f"no such corpus {corpus}: pass an existing file or folder")
    read, articles = _read_articles(corpus, limit)
    if not articles:
        raise InputError(f"no English article found in {corpus}: pass a corpus of news text")
    texts = [a.text for a in articles]
    report_progress = progress or (lambda _phase, _done, _total: None)
    peak: dict[str, float] = {"read": _peak_rss_mb()}

    baseline = _baseline_seconds(texts, report_progress)
    peak["baseline"] = _peak_rss_mb()

    from .nlp.pipeline import get_pipeline

    # The process-wide pipeline (built by build_pipeline()) is the one api.ingest uses,
    # so the ingest below is timed without building the pipeline a second time.
    nlp = get_pipeline()
    base_stages = [name for name in nlp.pipe_names if not name.startswith("ew_")]
    stages, failures = _stage_seconds(nlp, articles, report_progress, prefilter)
    peak["pipeline"] = _peak_rss_mb()

    report = BenchReport(
        corpus=str(corpus),
        read=read,
        articles=len(articles),
        words=sum(len(t.split()) for t in texts),
        cores=_cores(),
        baseline_seconds=baseline,
        stage_seconds=stages,
        base_stages=["make_doc", *base_stages],
        stage_failures=failures,
        peak_mb=peak,
        workers=workers,
        prefilter=prefilter,
    )
    if store:
        _time_ingests(report, articles, report_progress)
    return report


def _time_ingests(report: BenchReport, articles: list[Article], progress: BenchProgress) -> None:
    """The ingest with ``report.workers`` processes and, when that is more than one, with one."""
    if report.workers > 1:
        from .engines.local import LocalPool, PoolOptions, rss_mb

        start = time.perf_counter()
        with LocalPool(PoolOptions(workers=report.workers, prefilter=report.prefilter)) as pool:
            pool.wait_ready()
            report.pool_start_seconds = time.perf_counter() - start
            seconds, report.stored = _ingest_seconds(
                articles, progress, prefilter=report.prefilter, pool=pool
            )
            # ru_maxrss covers this process only; the workers' memory is added here.
            workers_mb = sum(rss_mb(w.process.pid) for w in pool._workers)
        report.peak_mb["ingest"] = _peak_rss_mb()
        report.peak_mb["ingest workers"] = workers_mb
        report.ingest_by_workers[report.workers] = seconds
        one, _ = _ingest_seconds(
            articles, progress, prefilter=report.prefilter, phase=" (1 process)"
        )
        report.ingest_by_workers[1] = one
        report.ingest_seconds = seconds
    else:
        report.ingest_seconds, report.stored = _ingest_seconds(
            articles, progress, prefilter=report.prefilter
        )
        report.peak_mb["ingest"] = _peak_rss_mb()


def _read_articles(corpus: Path, limit: int | None) -> tuple[int, list[Article]]:
    """(items read, the first ``limit`` readable English articles)."""
    read = 0
    articles: list[Article] = []
    for item in read_inputs([corpus]):
        read += 1
        if isinstance(item, Article) and item.status == Status.OK and item.text.strip():
            articles.append(item)
            if limit is not None and len(articles) >= limit:
                break
    return read, articles


def _baseline_seconds(texts: list[str], progress: BenchProgress) -> float:
    import spacy

    from .nlp.pipeline import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    nlp(texts[0])  # warm-up outside the timing, as for the pipeline
    start = time.perf_counter()
    for done, _doc in enumerate(nlp.pipe(texts), start=1):
        progress("spaCy baseline", done, len(texts))
    return time.perf_counter() - start


def _stage_seconds(
    nlp: Any, articles: list[Article], progress: BenchProgress, prefilter: bool = True
) -> tuple[dict[str, float], int]:
    """Seconds in make_doc and in each component, calling them doc by doc like ``nlp(text)``.

    A component that raises ends that document's run (the ingest records such an
    article as failed too); the count of those is returned so the figure is honest.
    """
    seconds = {"make_doc": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    failures = 0
    nlp(_doc_for(nlp, articles[0], prefilter))  # warm-up: first calls initialise lazily
    for done, article in enumerate(articles, start=1):
        start = time.perf_counter()
        doc = _doc_for(nlp, article, prefilter)
        seconds["make_doc"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            try:
                doc = component(doc)
            except Exception:
                seconds[name] += time.perf_counter() - start
                failures += 1
                break
            seconds[name] += time.perf_counter() - start
        progress("eventwire pipeline", done, len(articles))
    return seconds, failures


def _doc_for(nlp: Any, article: Article, prefilter: bool = True) -> Any:
    """The tokenised document with its article attached, as ``eventwire.process`` makes it
    (the pre-filter's blanking included, so ``make_doc`` counts its cost)."""
    from .process import _make_doc

    return _make_doc(nlp, article, prefilter)


def _ingest_seconds(
    articles: list[Article],
    progress: BenchProgress,
    *,
    prefilter: bool = True,
    pool: Any = None,
    phase: str = "",
) -> tuple[float, int]:
    """Seconds of ``api.ingest`` of exactly these articles into a fresh DuckDB file."""
    from . import api

    with tempfile.TemporaryDirectory(prefix="eventwire-bench-") as tmp:
        sample = Path(tmp) / "bench.jsonl"
        _write_jsonl(articles, sample)
        done = 0

        def advance(_item: Any) -> None:
            nonlocal done
            done += 1
            progress("eventwire ingest" + phase, done, len(articles))

        start = time.perf_counter()
        summary = api.ingest(
            [sample], Path(tmp) / "bench.duckdb", progress=advance, prefilter=prefilter, pool=pool
        )
        seconds = time.perf_counter() - start
    return seconds, summary.counts.articles_new


def _write_jsonl(articles: list[Article], path: Path) -> None:
    # Re-reading these records gives the same texts as the other phases, whatever the
    # corpus format was, and lets --limit apply to the ingest as well.
    keys = ("text", "title", "published", "url", "outlet")
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            record = {k: getattr(article, k) for k in keys if getattr(article, k)}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# --- command ---------------------------------------------------------------------------


def render_report(report: BenchReport) -> Iterator[Any]:
    """Rich tables of a report: throughput per phase, then seconds per stage."""
    from rich.table import Table

    summary = Table(
        title=f"{Path(report.corpus).name}: {report.articles} articles, {report.words:,} words"
    )
    for column in ("phase", "seconds", "articles/s", "words/s"):
        summary.add_column(column, justify="left" if column == "phase" else "right")
    seconds = {
        "spaCy baseline": report.baseline_seconds,
        "eventwire pipeline": report.pipeline_seconds,
        "eventwire ingest": report.ingest_seconds,
        "eventwire ingest, 1 process": report.ingest_by_workers.get(1),
    }
    for phase, (per_article, per_word) in report.rates().items():
        label = (
            f"{phase} ({report.workers} processes)"
            if phase == "eventwire ingest" and report.workers > 1
            else phase
        )
        label += " [prefilter]" if report.prefilter and phase.startswith("eventwire") else ""
        summary.add_row(label, f"{seconds[phase]:.2f}", f"{per_article:.2f}", f"{per_word:,.0f}")
    yield summary

    stages = Table(title="eventwire pipeline, seconds per stage (doc by doc)")
    for column in ("stage", "seconds", "share"):
        stages.add_column(column, justify="left" if column == "stage" else "right")
    total = report.pipeline_seconds
    for name, secs in report.stage_seconds.items():
        label = f"{name} (base)" if name in report.base_stages else name
        stages.add_row(label, f"{secs:.2f}", f"{secs / total:.1%}")
    yield stages

    compared = "ingest" if report.ingest_seconds is not None else "pipeline"
    yield (
        f"cores: {report.cores}; peak memory: {report.peak_memory_mb:,.0f} MB "
        f"({', '.join(f'{k} {v:,.0f}' for k, v in report.peak_mb.items())})"
    )
    if report.stored is not None:
        yield f"stored: {report.stored} new articles"
    if report.scaling is not None:
        yield (
            f"scaling 1 → {report.workers} processes: {report.scaling:.2f}x "
            f"(pool start {report.pool_start_seconds:.1f} s, not in the timing)"
        )
    if report.stage_failures:
        yield f"[yellow]{report.stage_failures} articles failed a stage[/yellow]"
    yield (
        f"[bold]ratio eventwire {compared} / spaCy baseline throughput: {report.ratio:.2f}x[/bold]"
        f" (pipeline alone {report.pipeline_ratio:.2f}x)"
    )


@click.command("bench")
@click.argument("corpus", required=False, type=click.Path(path_type=Path))
@click.option(
    "--limit", type=click.IntRange(min=1), default=None, help="Only the first N articles."
)
@click.option("--store/--no-store", default=True, help="Also time the ingest into DuckDB.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=1,
    help="Worker processes of the timed ingest (more than 1: also timed with 1).",
)
@click.option(
    "--prefilter/--no-prefilter", default=True, help="Parse only sentences that may carry data."
)
def bench_command(
    corpus: Path | None,
    limit: int | None,
    store: bool,
    as_json: bool,
    workers: int = 1,
    prefilter: bool = True,
) -> None:
    """Throughput of eventwire against a plain spaCy pass over the same texts.

    \b
    Examples:
      eventwire bench                         # ../shared/corpora/guardian-taiwan
      eventwire bench news/ --limit 200
      eventwire bench articles.jsonl --no-store --json
      eventwire bench --limit 60 --workers 2
    """
    from rich.console import Console
    from rich.progress import Progress

    from .cli_options import progress_columns
    from .errors import EventwireError

    err = Console(stderr=True)
    columns = progress_columns()
    try:
        path = corpus if corpus is not None else default_corpus()
        with Progress(*columns, console=err, transient=True) as bar:
            tasks: dict[str, Any] = {}

            def progress(phase: str, done: int, total: int) -> None:
                if phase not in tasks:
                    tasks[phase] = (bar.add_task(phase, total=total, rate=""), time.perf_counter())
                task, started = tasks[phase]
                rate = done / max(time.perf_counter() - started, 1e-9)
                bar.update(task, completed=done, rate=f"{rate:.1f} articles/s")

            report = run_bench(
                path,
                limit=limit,
                store=store,
                progress=progress,
                workers=workers,
                prefilter=prefilter,
            )
    except EventwireError as error:
        err.print(f"[red]error:[/red] {error}", highlight=False)
        sys.exit(2 if isinstance(error, InputError) else 3)
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    out = Console()
    for part in render_report(report):
        out.print(part)
