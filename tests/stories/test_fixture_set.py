"""Duplicate detection on the rewritten-copy set (tests/fixtures/stories, see labels.tsv)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

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
