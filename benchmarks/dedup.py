"""Duplicate detection: pairwise precision and recall of stories, and stories in a corpus.

Usage:
    python benchmarks/dedup.py                      # the rewritten-copy set + the demo corpus
    python benchmarks/dedup.py --sweep              # the same, over a grid of thresholds
    python benchmarks/dedup.py --corpus ../shared/corpora/guardian-taiwan [--top 15]
    python benchmarks/dedup.py --set tests/fixtures/stories_heldout -v   # the held-out set
    python benchmarks/dedup.py --set tests/fixtures/stories_heldout --without merged-
    python benchmarks/dedup.py --set tests/fixtures/stories_heldout2 -v  # written after the fix

Articles go through the real path: read with ``eventwire.ingest.read_inputs``,
written with ``Store.write_batch`` into a fresh DuckDB file (no NLP, so the
same-event test, which needs events, does not fire here), in order of
publication. A pair of files counts as predicted duplicates when their articles
end in one story, and as true duplicates when ``labels.tsv`` gives them one
group. Exact copies (same normalised text) are one article and so one story.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import tempfile
import time
from dataclasses import fields, replace
from pathlib import Path

from eventwire.demo import corpus_path
from eventwire.ingest import read_inputs
from eventwire.records import Article, ArticleResult
from eventwire.store import Store
from eventwire.stories import StoryConfig

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
# The demo corpus README names its copies: 06 reprints 05, 08 trims 07, 21 rewrites 20.
DEMO_COPIES = {"06": "05", "08": "07", "21": "20"}


def read_labels(folder: Path, demo: Path) -> dict[Path, str]:
    """File → story group from ``labels.tsv`` (``demo/`` names the demo corpus)."""
    labels: dict[Path, str] = {}
    for n, line in enumerate((folder / "labels.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, group = line.partition("\t")
        if not sep or not group.strip():
            sys.exit(f"labels.tsv line {n}: expected 'file<TAB>group'")
        path = demo / name[5:] if name.startswith("demo/") else folder / name
        labels[path] = group.strip()
    return labels


def demo_labels(demo: Path) -> dict[Path, str]:
    return {p: DEMO_COPIES.get(p.name[:2], p.name[:2]) for p in sorted(demo.glob("*.txt"))}


def read_articles(paths: list[Path]) -> dict[Path, Article]:
    articles = {}
    for path in paths:
        found = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
        if len(found) != 1:
            sys.exit(f"{path}: expected one article, read {len(found)}")
        articles[path] = found[0]
    return articles


def ingest(articles: list[Article], config: StoryConfig, workdir: Path, batch: int = 100) -> Store:
    """A fresh store with the articles written in order of publication."""
    db = workdir / f"dedup-{time.monotonic_ns()}.duckdb"
    store = Store(db, stories=config)
    ordered = sorted(articles, key=lambda a: (a.published or "", a.id))
    for start in range(0, len(ordered), batch):
        chunk = ordered[start : start + batch]
        store.write_batch([(a, ArticleResult(article=a.info())) for a in chunk])
    return store


def pairwise(
    labels: dict[Path, str], story: dict[Path, str | None], *, new_only: Path | None = None
) -> dict[str, object]:
    """Pairwise scores; with ``new_only`` (the fixture folder), only pairs that hold a
    file of that folder count, so pairs among the demo corpus do not."""
    tp = fp = fn = 0
    wrong: list[str] = []
    for a, b in itertools.combinations(sorted(labels), 2):
        if new_only is not None and new_only not in (a.parent.resolve(), b.parent.resolve()):
            continue
        truth = labels[a] == labels[b]
        predicted = story[a] is not None and story[a] == story[b]
        tp += truth and predicted
        fp += predicted and not truth
        fn += truth and not predicted
        if truth != predicted:
            wrong.append(f"{'FP' if predicted else 'FN'} {a.name} ~ {b.name}")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pairs": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "p": precision,
        "r": recall,
        "wrong": wrong,
    }


def evaluate(
    labels: dict[Path, str], config: StoryConfig, workdir: Path, *, new_only: Path | None = None
) -> dict[str, object]:
    articles = read_articles(list(labels))
    with ingest(list(articles.values()), config, workdir) as store:
        rows = store.query("SELECT id, story_id FROM articles")
    story_of = {r["id"]: r["story_id"] for r in rows}
    story = {p: story_of.get(a.id) for p, a in articles.items()}
    return pairwise(labels, story, new_only=new_only)


def print_scores(name: str, s: dict[str, object], verbose: bool) -> None:
    print(
        f"{name}: pairwise precision {s['p']:.3f} recall {s['r']:.3f} "
        f"({s['tp']} of {s['pairs']} duplicate pairs found, {s['fp']} false pairs)"
    )
    if verbose:
        for line in s["wrong"]:
            print("   ", line)


def sweep(labels: dict[Path, str], base: StoryConfig, workdir: Path) -> None:
    grid = {
        "copy_jaccard": [0.3, 0.5, 0.7],
        "containment": [0.6, 0.7, 0.8, 0.9],
        "rewrite_jaccard": [0.25, 0.3, 0.35, 0.4, 0.45, 0.5],
        "shingle_size": [3, 4, 5, 7],
    }
    for name, values in grid.items():
        for value in values:
            s = evaluate(labels, replace(base, **{name: value}), workdir)
            print(
                f"  {name}={value}: precision {s['p']:.3f} recall {s['r']:.3f}"
                f" fp {s['fp']} fn {s['fn']}"
            )


def corpus_report(folder: Path, config: StoryConfig, workdir: Path, top: int) -> None:
    start = time.perf_counter()
    articles = [a for a in read_inputs([str(folder)]) if isinstance(a, Article)]
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    with ingest(articles, config, workdir, batch=200) as store:
        store_s = time.perf_counter() - start
        stored = store.query("SELECT count(*) AS n FROM articles")[0]["n"]
        stories = store.query(
            "SELECT count(*) AS n, count(*) FILTER (WHERE articles > 1) AS multi,"
            " sum(articles) FILTER (WHERE articles > 1) AS in_multi FROM stories"
        )[0]
        kinds = store.query(
            "SELECT match_kind, count(*) AS n FROM article_signatures"
            " WHERE match_kind IS NOT NULL GROUP BY ALL ORDER BY n DESC"
        )
        largest = store.query(
            f"SELECT id, articles, first_published, last_published, title FROM stories"
            f" ORDER BY articles DESC, id LIMIT {int(top)}"
        )
        members = {
            s["id"]: store.query(
                "SELECT a.published_date AS d, s.match_kind AS kind, s.match_score AS score,"
                " a.title FROM articles a JOIN article_signatures s ON s.article_id = a.id"
                " WHERE a.story_id = ? ORDER BY a.published, a.id",
                [s["id"]],
            )
            for s in largest
            if s["articles"] > 1
        }
    print(f"{folder}: {len(articles)} articles read in {read_s:.1f}s, {stored} stored")
    print(
        f"stories: {stories['n']}, with more than one article: {stories['multi']} "
        f"({stories['in_multi'] or 0} articles); stories per stored article "
        f"{stories['n'] / max(stored, 1):.3f}"
    )
    print("joined by: " + ", ".join(f"{k['match_kind']} {k['n']}" for k in kinds))
    print(f"write_batch with story assignment: {store_s:.1f}s ({stored / store_s:.0f} articles/s)")
    print(f"largest {len(members)} stories with more than one article:")
    for sid, rows in members.items():
        print(f"  {sid} ({len(rows)} articles)")
        for r in rows:
            how = f"{r['kind']} {r['score']:.2f}" if r["kind"] else "first"
            print(f"     {r['d']}  [{how}]  {r['title']}")


def config_from(args: argparse.Namespace) -> StoryConfig:
    values = {f.name: getattr(args, f.name) for f in fields(StoryConfig)}
    return StoryConfig(**{k: v for k, v in values.items() if v is not None})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="a folder of articles, e.g. guardian-taiwan")
    parser.add_argument(
        "--fixtures",
        "--set",
        type=Path,
        default=FIXTURES,
        help="a labelled set: tests/fixtures/stories (tuning), stories_heldout or stories_heldout2",
    )
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="PREFIX",
        help="leave out the set's files whose name starts with PREFIX (e.g. merged-)",
    )
    parser.add_argument("--sweep", action="store_true", help="vary one threshold at a time")
    parser.add_argument("--top", type=int, default=10, help="largest stories to list")
    parser.add_argument("-v", "--verbose", action="store_true", help="list wrong pairs")
    for f in fields(StoryConfig):
        parser.add_argument(f"--{f.name.replace('_', '-')}", type=type(f.default), default=None)
    args = parser.parse_args()
    config = config_from(args)
    with tempfile.TemporaryDirectory() as tmp, corpus_path() as demo:
        workdir = Path(tmp)
        if args.corpus:
            corpus_report(args.corpus, config, workdir, args.top)
            return
        labels = read_labels(args.fixtures, demo)
        if args.without:
            labels = {p: g for p, g in labels.items() if not p.name.startswith(tuple(args.without))}
        print(f"config: {config}")
        print_scores(
            f"{args.fixtures.name} set ({len(labels)} files)",
            evaluate(labels, config, workdir),
            args.verbose,
        )
        print_scores(
            f"{args.fixtures.name}, only pairs with a file of the set (no demo-demo pairs)",
            evaluate(labels, config, workdir, new_only=args.fixtures.resolve()),
            False,
        )
        print_scores(
            "demo corpus (README copies)",
            evaluate(demo_labels(demo), config, workdir),
            args.verbose,
        )
        if args.sweep:
            print("sweep on the rewritten-copy set (one threshold varied, others default):")
            sweep(labels, config, workdir)


if __name__ == "__main__":
    main()
