"""Benchmark actor recognition on ConfliBERT CAMEO-NER spans and PLOVER gold actors.

Run from the repository root::

    .venv/bin/python benchmarks/actors.py --set conflibert|plover|all [--shared PATH]
        [--limit N] [--dictionaries DIR [--mode add|replace]]

It prints figures and asserts nothing. The pipeline is the base English model plus
``ew_actors`` (optionally with PETRARCH dictionaries), nothing else.

conflibert (``data/conflibert-cameo/cameo_ner/train.txt``, CoNLL "token tag", BIO tags
S source, T target, R reciprocal): each sentence is rebuilt by joining its tokens with
single spaces (so "Kiev ," has a space before the comma; the parser sees that text).
Gold spans are maximal B-/I- runs of one label. Matching rules:

* recall (any token): a gold span is found when one of our mentions overlaps any of its
  characters; recall (head): when a mention covers the head token of the gold span (the
  root of the span in our parse);
* precision: our mentions that overlap some gold span / all our mentions. Our mentions
  include actors that are not event participants (possessors, people merely named), so
  precision is also given for mentions that are arguments of a verb: subject, passive
  subject, direct or indirect object, or object of a preposition attached to a verb
  (conjuncts take their first conjunct's role).

plover (``data/plover/PLOVER_GSR_CAMEO.txt``, 322 gold records with source/target
lists of {actorText, code, sector}): each gold actor's ``actorText`` is looked up in the
record's ``text`` (first exact occurrence, else case-insensitive); records are run with
the article date set to the record's ``date``. A gold actor is found when one of our
mentions overlaps that span; it has the right country when such a mention's
``actor.country`` equals the gold ``code`` (for organisations the gold code is only the
kind, IGO/NGO/NGM/IMG/MNC, so there our ``actor.code`` must start with it: IGOUNO), and
the right sector when the gold sector is in that mention's ``actor.sectors`` (only gold
actors with a sector count for sectors).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
CONFLIBERT = Path("data/conflibert-cameo/cameo_ner/train.txt")
PLOVER = Path("data/plover/PLOVER_GSR_CAMEO.txt")
TRANSNATIONAL = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent"})


@dataclass
class Sentence:
    text: str
    gold: list[tuple[int, int, str]]  # (start_char, end_char, label)


@dataclass
class Tally:
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n

    def __getitem__(self, key: str) -> int:
        return self.counts.get(key, 0)


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0)"


# ---------------------------------------------------------------- loading


def read_conflibert(path: Path, limit: int | None) -> list[Sentence]:
    """Sentences with gold spans; tokens joined by single spaces."""
    sentences: list[Sentence] = []
    tokens: list[tuple[str, str]] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if line.strip():
            word, _, tag = line.rpartition(" ")
            tokens.append((word, tag.strip()))
            continue
        if tokens:
            sentences.append(_sentence(tokens))
            tokens = []
        if limit and len(sentences) >= limit:
            break
    return sentences


def _sentence(tokens: list[tuple[str, str]]) -> Sentence:
    text, gold, offset = [], [], 0
    current: list = []
    for word, tag in tokens:
        start, end = offset, offset + len(word)
        text.append(word)
        offset = end + 1
        if tag.startswith("B-") or (
            tag.startswith("I-") and (not current or current[2] != tag[2:])
        ):
            if current:
                gold.append(tuple(current))
            current = [start, end, tag[2:]]
        elif tag.startswith("I-"):
            current[1] = end
        elif current:
            gold.append(tuple(current))
            current = []
    if current:
        gold.append(tuple(current))
    return Sentence(" ".join(text), gold)


def read_plover(path: Path, limit: int | None) -> list[dict]:
    records = [
        r for r in json.loads(path.read_text(encoding="utf-8")) if r.get("event") != "DOCUMENT"
    ]
    return records[:limit] if limit else records


def gold_actors(record: dict) -> list[dict]:
    actors = []
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, list):
            actors += [a for a in value if isinstance(a, dict) and a.get("actorText")]
    return actors


# ---------------------------------------------------------------- pipeline


def make_nlp(dictionaries: str | None, mode: str):
    import spacy

    import eventwire.actors.component  # noqa: F401  (registers ew_actors)
    from eventwire.nlp.pipeline import MODEL_NAME

    nlp = spacy.load(MODEL_NAME)
    config = {"dictionaries": dictionaries, "mode": mode} if dictionaries else {}
    nlp.add_pipe("ew_actors", config=config)
    return nlp


def run_docs(nlp, texts: list[str], dates: list[str | None]):
    from eventwire.records import Article

    docs = []
    for text, day in zip(texts, dates, strict=True):
        doc = nlp.make_doc(text)
        doc._.ew_article = Article(id="bench", text=text, published=day)
        docs.append(doc)
    return list(nlp.pipe(docs, batch_size=64))


def is_argument(doc, mention) -> bool:
    """True when the mention is a subject or object of a verb (see module doc)."""
    token = doc[mention.head]
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
    if token.dep_ in ARG_DEPS:
        return True
    return token.dep_ == "pobj" and token.head.head.pos_ in ("VERB", "AUX")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------- sets


def bench_conflibert(nlp, path: Path, limit: int | None) -> Tally:
    sentences = read_conflibert(path, limit)
    docs = run_docs(nlp, [s.text for s in sentences], [None] * len(sentences))
    tally = Tally()
    tally.add("sentences", len(sentences))
    for sent, doc in zip(sentences, docs, strict=True):
        spans = [(m.start_char, m.end_char) for m in doc._.ew_mentions]
        covered = {i for m in doc._.ew_mentions for i in range(m.start, m.end)}
        for start, end, label in sent.gold:
            tally.add("gold")
            tally.add(f"gold_{label}")
            if any(overlaps((start, end), s) for s in spans):
                tally.add("found_any")
                tally.add(f"found_any_{label}")
            gold_span = doc.char_span(start, end, alignment_mode="expand")
            if gold_span is not None and gold_span.root.i in covered:
                tally.add("found_head")
        for m in doc._.ew_mentions:
            hit = any(overlaps((m.start_char, m.end_char), g[:2]) for g in sent.gold)
            tally.add("ours")
            tally.add("ours_hit", hit)
            if is_argument(doc, m):
                tally.add("ours_arg")
                tally.add("ours_arg_hit", hit)
    return tally


def print_conflibert(t: Tally) -> None:
    print(f"conflibert: {t['sentences']} sentences, {t['gold']} gold spans, {t['ours']} mentions")
    print(f"  recall (any token overlaps): {ratio(t['found_any'], t['gold'])}")
    for label in ("S", "T", "R"):
        print(f"    {label}: {ratio(t[f'found_any_{label}'], t[f'gold_{label}'])}")
    print(f"  recall (head token covered): {ratio(t['found_head'], t['gold'])}")
    print(f"  precision (all mentions):    {ratio(t['ours_hit'], t['ours'])}")
    print(f"  precision (verb arguments):  {ratio(t['ours_arg_hit'], t['ours_arg'])}")


def locate(text: str, needle: str) -> tuple[int, int] | None:
    at = text.find(needle)
    if at < 0:
        at = text.lower().find(needle.lower())
    return (at, at + len(needle)) if at >= 0 else None


def same_country(actor, gold_code: str) -> bool:
    """Our country equals the gold code; for an organisation the gold file gives only its
    kind (IGO, NGO, IMG…), which our full code then starts with (IGOUNO)."""
    if actor.country == gold_code:
        return True
    return len(gold_code) == 3 and gold_code in TRANSNATIONAL and actor.code.startswith(gold_code)


def bench_plover(nlp, path: Path, limit: int | None) -> Tally:
    records = read_plover(path, limit)
    docs = run_docs(nlp, [r["text"] for r in records], [r.get("date") for r in records])
    tally = Tally()
    tally.add("records", len(records))
    for record, doc in zip(records, docs, strict=True):
        for gold in gold_actors(record):
            tally.add("gold")
            span = locate(record["text"], gold["actorText"])
            if span is None:
                continue
            tally.add("located")
            hits = [m for m in doc._.ew_mentions if overlaps(span, (m.start_char, m.end_char))]
            tally.add("found", bool(hits))
            tally.add("country", any(same_country(m.actor, gold.get("code", "")) for m in hits))
            if gold.get("sector"):
                tally.add("with_sector")
                tally.add("sector", any(gold["sector"] in m.actor.sectors for m in hits))
    return tally


def print_plover(t: Tally) -> None:
    print(f"plover: {t['records']} records, {t['gold']} gold actors, {t['located']} located")
    print(f"  found (a mention overlaps):  {ratio(t['found'], t['gold'])}")
    print(f"  right country:               {ratio(t['country'], t['gold'])}")
    print(f"  right sector:                {ratio(t['sector'], t['with_sector'])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("conflibert", "plover", "all"), default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N sentences/records")
    parser.add_argument("--dictionaries", default=None, help="folder of PETRARCH dictionaries")
    parser.add_argument("--mode", choices=("add", "replace"), default="add")
    args = parser.parse_args(argv)
    paths = {"conflibert": args.shared / CONFLIBERT, "plover": args.shared / PLOVER}
    wanted = list(paths) if args.set == "all" else [args.set]
    missing = [str(paths[w]) for w in wanted if not paths[w].exists()]
    if missing:
        print(f"missing: {', '.join(missing)} (pass --shared PATH)", file=sys.stderr)
        return 2
    start = time.perf_counter()
    nlp = make_nlp(args.dictionaries, args.mode)
    print(f"pipeline built in {time.perf_counter() - start:.1f}s ({', '.join(nlp.pipe_names)})")
    if args.dictionaries:
        print(f"dictionaries: {args.dictionaries} (mode {args.mode})")
    for name in wanted:
        start = time.perf_counter()
        if name == "conflibert":
            print_conflibert(bench_conflibert(nlp, paths[name], args.limit))
        else:
            print_plover(bench_plover(nlp, paths[name], args.limit))
        print(f"  ({time.perf_counter() - start:.1f}s)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    raise SystemExit(main())
