"""Duplicate detection on the rewritten-copy set (tests/fixtures/stories, see labels.tsv)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from story_helpers import pairwise_counts

from eventwire.demo import corpus_path
from eventwire.ingest import read_inputs
from eventwire.records import Article, ArticleResult
from eventwire.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stories"


def labelled_articles(demo: Path) -> list[tuple[Article, str]]:
    out = []
    for line in (FIXTURES / "labels.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, group = line.split("\t")
        path = demo / name.removeprefix("demo/") if name.startswith("demo/") else FIXTURES / name
        (art,) = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
        out.append((art, group))
    return out


@pytest.mark.slow
def test_copies_reprints_trims_rewrites_and_round_ups_find_their_story(db_path):
    with corpus_path() as demo:
        labelled = labelled_articles(demo)
    ordered = sorted(labelled, key=lambda x: (x[0].published or "", x[0].id))
    with Store(db_path) as store:
        store.write_batch([(a, ArticleResult(article=a.info())) for a, _ in ordered])
        story = {r["id"]: r["story_id"] for r in store.query("SELECT id, story_id FROM articles")}
    tp = fp = fn = 0
    for (a, ga), (b, gb) in itertools.combinations(labelled, 2):
        same = story[a.id] == story[b.id]
        tp += same and ga == gb
        fp += same and ga != gb
        fn += not same and ga == gb
    assert tp + fn >= 30, "the set should hold at least 30 duplicate pairs"
    assert tp / (tp + fp) >= 0.95
    assert tp / (tp + fn) >= 0.95


HELDOUT = FIXTURES.parent / "stories_heldout"
HELDOUT_KINDS = ("reprint", "trimmed", "rewrite", "merged", "other")


def heldout_labels() -> dict[str, str]:
    labels = {}
    for n, line in enumerate((HELDOUT / "labels.tsv").read_text(encoding="utf-8").splitlines()):
        if not line.strip() or line.startswith("#"):
            continue
        name, sep, group = line.partition("\t")
        assert sep and group.strip(), f"labels.tsv line {n + 1}: expected 'file<TAB>group'"
        assert name not in labels, f"labels.tsv line {n + 1}: {name} listed twice"
        labels[name] = group
    return labels


def test_heldout_set_lists_every_file_once_and_each_reads_as_one_article():
    labels = heldout_labels()
    own = {name for name in labels if not name.startswith("demo/")}
    assert own == {p.name for p in HELDOUT.glob("*.txt")}
    with corpus_path() as demo:
        paths = [
            demo / name.removeprefix("demo/") if name.startswith("demo/") else HELDOUT / name
            for name in labels
        ]
        for path in paths:
            found = list(read_inputs([str(path)]))
            assert len(found) == 1 and isinstance(found[0], Article), path.name
            assert found[0].published, f"{path.name} needs a publication date"


def test_heldout_manifest_groups_are_consistent():
    labels = heldout_labels()
    demo_groups = {g for name, g in labels.items() if name.startswith("demo/")}
    own = {name: g for name, g in labels.items() if not name.startswith("demo/")}
    kinds = {kind: [n for n in own if n.startswith(f"{kind}-")] for kind in HELDOUT_KINDS}
    assert sum(map(len, kinds.values())) == len(own), "every file is one of the five kinds"
    for kind in ("reprint", "trimmed", "rewrite"):
        assert len(kinds[kind]) >= 10, kind
        for name in kinds[kind]:
            # A copy of demo article NN belongs to that article's story.
            number = name.removesuffix(".txt").split("-")[1]
            assert own[name] == f"g{number}" and own[name] in demo_groups, name
    for name in kinds["merged"]:
        first, second = name.removesuffix(".txt").split("-")[1:3]
        assert own[name] == f"g{first}" and f"g{second}" in demo_groups, name
    others = [own[n] for n in kinds["other"]]
    assert len(others) >= 15 and len(set(others)) == len(others), "hard negatives: one each"
    assert not set(others) & demo_groups


@pytest.mark.slow
def test_heldout_set_meets_the_issue_target_with_round_ups_included(db_path):
    # Issue 7 asks for 0.95 both ways. Before the round-up fix the merged files glued
    # stories together (precision 0.710); measured after it: 1.000 and 0.960.
    labels = heldout_labels()
    with corpus_path() as demo:
        articles = {
            name: next(
                a
                for a in read_inputs(
                    [str(demo / name[5:] if name.startswith("demo/") else HELDOUT / name)]
                )
                if isinstance(a, Article)
            )
            for name in labels
        }
    tp, fp, fn = pairwise_counts(db_path, articles, labels)
    assert tp / (tp + fp) >= 0.95, f"{fp} false pairs"
    assert tp / (tp + fn) >= 0.95, f"{fn} missed pairs"
