"""Benchmark of the places stage: what it finds on real articles, and what it costs.

    .venv/bin/python benchmarks/places.py [--file 2015] [--n 5] [--section world]
    .venv/bin/python benchmarks/places.py --heldout [--set tests/fixtures/places_heldout]

Prints, for the first N articles of one year of ../shared/corpora/guardian-taiwan in the
given section, every place mention (its reading, whether it counts as a place, six
tokens either side) for hand-checking; then the gazetteer's build time and the time of
every pipeline component on the batch (best of 5 passes), with and without ``ew_places``.

``--heldout`` instead scores the held-out set written for issue 6 (its README says how
it was made): each item goes through ``eventwire extract``'s steps, and its dominant
place (and its events' most common location) is compared with ``gold.tsv``. Country
correct: same country code. Place correct: the place's name, or the text of its
mention, is one of the acceptable names (case-folded, accents ignored).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from eventwire.nlp import build_pipeline
from eventwire.records import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / ".." / "shared" / "corpora" / "guardian-taiwan"
HELDOUT = ROOT / "tests" / "fixtures" / "places_heldout"


def articles(year: str, n: int, section: str) -> list[Article]:
    data = json.loads((CORPUS / f"{year}_Taiwan_news.json").read_text(encoding="utf-8"))
    chosen = [r for r in data["results"] if f"/{section}/" in r["webUrl"]][:n]
    return [
        Article(id=str(i), title=r["title"], text=r["article"], published=r["publicationDate"][:10])
        for i, r in enumerate(chosen)
    ]


def run(nlp, article: Article):
    doc = nlp.make_doc(article.text)
    doc._.ew_article = article
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ew_places":
            break  # the listing needs nothing after the places stage
    return doc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", default="2015")
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--section", default="world")
    parser.add_argument("--heldout", action="store_true", help="score the held-out set")
    parser.add_argument("--set", type=Path, default=HELDOUT, help="held-out folder")
    args = parser.parse_args()
    if args.heldout:
        heldout(args.set)
        return
    batch = articles(args.file, args.n, args.section)
    nlp = build_pipeline()
    from eventwire.places.gazetteer import load_gazetteer

    start = time.perf_counter()
    load_gazetteer()
    print(f"gazetteer built in {1000 * (time.perf_counter() - start):.0f} ms")
    for article in batch:
        doc = run(nlp, article)
        print(f"\n== {article.id} {article.title} ({len(doc)} tokens)")
        for m in doc._.ew_place_mentions:
            e = m.chosen
            tag = "PLACE" if m.is_place else "actor"
            print(
                f"  [{tag}] {m.text!r} -> {e.name}/{e.country}/{e.admin1}/{e.precision}"
                f" via {m.locative}  | …{doc[max(m.start - 6, 0) : m.end + 6].text!r}…"
            )
        print("  places:", [p.name for p in doc._.ew_places])
    # every component timed on every article, best of 5 passes: the share of ew_places
    # does not depend on how busy the machine is between passes
    best: dict[str, float] = {}
    for _ in range(5):
        spent = component_times(nlp, batch)
        best = {k: min(v, best.get(k, float("inf"))) for k, v in spent.items()}
    total = sum(best.values())
    for name, seconds in best.items():
        print(f"  {name:14} {1000 * seconds:8.1f} ms")
    places = best["ew_places"]
    print(f"pipeline with ew_places: {total:.3f} s for {len(batch)} articles")
    print(f"pipeline without ew_places: {total - places:.3f} s")
    print(f"ratio: {total / (total - places):.3f}  (ew_places adds {1000 * places:.1f} ms)")


def component_times(nlp, batch: list[Article]) -> dict[str, float]:
    spent = {"make_doc": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    for article in batch:
        start = time.perf_counter()
        doc = nlp.make_doc(article.text)
        doc._.ew_article = article
        spent["make_doc"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - start
    return spent


def heldout(folder: Path) -> None:
    """Score the dominant place and the events' place of every held-out item."""
    from collections import Counter

    from eventwire.ingest.article import make_article
    from eventwire.ingest.options import ReadOptions
    from eventwire.nlp import get_pipeline
    from eventwire.places import dominant_place
    from eventwire.places.gazetteer import fold

    # _make_doc is the Doc preparation `eventwire extract` uses; dominant_place needs
    # the Doc, which the public API does not return
    from eventwire.process import _make_doc, result_from_doc

    rows = [line.split("\t") for line in (folder / "gold.tsv").read_text().splitlines()[1:]]
    nlp = get_pipeline()
    scores: Counter[str] = Counter()
    for file, country, names in rows:
        text = (folder / file).read_text(encoding="utf-8")
        article = make_article(text, path=file, options=ReadOptions(), published="2024-05-02")
        doc = nlp(_make_doc(nlp, article))
        result = result_from_doc(article, doc)
        located = Counter((e.location.name, e.location.country) for e in result.events
                          if e.location is not None)  # fmt: skip
        ours = {"dominant": dominant_place(doc)}
        ours["events"] = next(
            (e.location for e in result.events if e.location is not None
             and (e.location.name, e.location.country) == located.most_common(1)[0][0]),
            None,
        ) if located else None  # fmt: skip
        accepted = {fold(n) for n in names.split("|")}
        marks = []
        for label, place in ours.items():
            right_country = place is not None and place.country in country.split("|")
            right_place = place is not None and bool(
                {fold(place.name), fold(place.text)} & accepted
            )
            scores[f"{label} country"] += right_country
            scores[f"{label} place"] += right_place
            shown = f"{place.name}/{place.country}/{place.precision}" if place else "—"
            marks.append(
                f"{label}={shown} {'C' if right_country else 'c'}{'P' if right_place else 'p'}"
            )
        print(f"{file:34} gold {names}/{country}  " + "  ".join(marks))
    n = len(rows)
    for label in ("dominant", "events"):
        c, p = scores[f"{label} country"], scores[f"{label} place"]
        print(
            f"{label}: country correct {c / n:.3f} ({c}/{n}), place correct {p / n:.3f} ({p}/{n})"
        )


if __name__ == "__main__":
    main()
