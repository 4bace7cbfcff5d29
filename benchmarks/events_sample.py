"""Print a seeded random sample of the events coded in real news, for judging by hand.

Usage:
    .venv/bin/python benchmarks/events_sample.py [--year 2014] [--articles 60] [--events 50]
        [--seed 7] [--shared ../shared] [--dump events.tsv]

Reads the first ``--articles`` articles of ../shared/corpora/guardian-taiwan/YEAR_Taiwan_news.json
that mention at least three political terms (the corpus PROVENANCE's "pol≥3" rule), codes
them through the whole pipeline (as ``eventwire extract`` does, with each article's own
publication date) and prints ``--events`` events drawn at random (seeded) with source,
target, CAMEO code and name, modality, date and the sentence. No gold exists for whole
articles: the reader judges each event right, wrong (actor, code or direction) or
debatable, and the precision is that count. Asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import sys
from pathlib import Path

from eventwire.api import extract
from eventwire.events.cameo import load_cameo
from eventwire.records import ArticleInfo, Event

POLITICAL_TERMS = (
    "minister|president|talks|military|sanctions?|protests?|diplomat(?:ic)?|troops|government"
    "|election|parliament|army|treaty|summit|ceasefire|foreign|prime minister|rebels|opposition"
    "|embassy|negotiations|visit|delegation|bilateral"
)
_TERM = re.compile(rf"\b(?:{POLITICAL_TERMS})\b", re.I)


def political(text: str) -> bool:
    """At least three distinct political terms: the corpus notes' pol≥3 rule."""
    return len({m.lower() for m in _TERM.findall(text)}) >= 3


def articles(shared: Path, year: int, limit: int, folder: Path) -> list[Path]:
    """The first ``limit`` political articles of one year, written as .txt with front matter."""
    corpus = shared / "corpora" / "guardian-taiwan" / f"{year}_Taiwan_news.json"
    items = json.loads(corpus.read_text(encoding="utf-8"))["results"]
    paths = []
    for n, item in enumerate(items):
        if len(paths) == limit:
            break
        if not political(item.get("article", "")):
            continue
        path = folder / f"guardian-{year}-{n}.txt"
        published = str(item.get("publicationDate", ""))[:10]
        front = f"---\ntitle: {json.dumps(item.get('title', ''))}\npublished: {published}\n---\n"
        # The corpus keeps HTML entities (&quot;); the JSON reader of ``ingest`` unescapes them.
        path.write_text(front + html.unescape(item["article"]), encoding="utf-8")
        paths.append(path)
    return paths


def dump_line(article: ArticleInfo, event: Event) -> str:
    """One event as a tab-separated line: article, actors, code, modality, trigger, sentence."""
    source = event.source.code if event.source else "-"
    target = event.target.code if event.target else "-"
    fields = (
        Path(article.path or "").name,
        source,
        target,
        event.cameo,
        event.modality.value + (" NEG" if event.negated else ""),
        str(event.date),
        event.text,
        event.sentence[:300].replace("\t", " ").replace("\n", " "),
    )
    return "\t".join(fields) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("..") / "shared")
    parser.add_argument("--year", type=int, default=2014)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/events_sample"))
    parser.add_argument(
        "--dump",
        type=Path,
        help="also write every coded event, one sorted line each, to this file "
        "(code the same articles with two commits and diff the files)",
    )
    args = parser.parse_args(argv)
    args.workdir.mkdir(parents=True, exist_ok=True)
    paths = articles(args.shared, args.year, args.articles, args.workdir)
    names = {code: row.name for code, row in load_cameo().items()}
    coded = [(r.article, e) for r in extract([str(p) for p in paths]) for e in r.events]
    if args.dump:
        args.dump.write_text("".join(sorted(dump_line(a, e) for a, e in coded)), encoding="utf-8")
    shown = min(args.events, len(coded))
    print(f"{len(paths)} articles, {len(coded)} events; a sample of {shown} (seed {args.seed})")
    sample = random.Random(args.seed).sample(coded, shown)
    for n, (article, event) in enumerate(sample, start=1):
        source = event.source.code if event.source else "-"
        target = event.target.code if event.target else "-"
        flags = " NEG" if event.negated else ""
        print(
            f"{n:3}. {source} -> {target} {event.cameo} {names.get(event.cameo, '?')} "
            f"[{event.modality.value}{flags}] {event.date} conf={event.confidence:.2f} "
            f"{event.rule}"
        )
        print(f"     trigger: {event.text!r}  ({Path(article.path or '').name})")
        print(f"     {event.sentence[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
