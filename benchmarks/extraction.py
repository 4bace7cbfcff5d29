"""Benchmark eventwire's HTML reader: main text, title and publication date.

Run from the repository root::

    .venv/bin/python benchmarks/extraction.py [--set aeb|fundus|all] [--shared PATH]
        [--limit N] [--errors FILE] [--baseline]

It prints figures and asserts nothing.

aeb (scrapinghub/article-extraction-benchmark, 181 pages with hand-made article bodies)
    Body precision, recall, F1 and accuracy as that benchmark's ``evaluate.py`` defines
    them (read there and reimplemented here, not copied):

    * both texts are tokenised with the regular expression ``\\w+`` (Unicode, case kept);
    * each text becomes a multiset of *shingles*: the word 4-grams (a text of fewer than
      four words is one shorter shingle; an empty text has none);
    * per document, tp = sum of min(gold count, predicted count) over shingles,
      fp = predicted surplus, fn = gold surplus; the three are divided by their sum so
      that long documents do not weigh more;
    * per-document precision = tp/(tp+fp) and recall = tp/(tp+fn), with 1.0 when
      fp = fn = 0 and 0.0 when the numerator and the other term are both 0;
    * precision is the mean over documents with tp+fp > 0 (a page where we give no text
      drops out of the precision mean but counts as recall 0), recall the mean over
      documents with tp+fn > 0, and F1 = 2PR/(P+R) of those two means (not a mean of
      per-document F1s);
    * accuracy is the share of documents whose token lists are exactly equal (it is
      *not* a threshold on F1).

    Published reference figures on these pages: trafilatura F1 0.945 in the
    benchmark's README (an early trafilatura), 0.958 in trafilatura's own
    evaluation. ``--baseline`` also runs ``trafilatura.extract(html,
    include_comments=False)`` exactly as the benchmark's ``run_trafilatura.py`` does,
    for a same-machine, same-version comparison.

fundus (flairNLP/fundus parser test pages, 84 English pages with gold metadata)
    Pairing: each publisher's HTML files are sorted by ``crawl_date`` (from the
    country's ``meta.info``) and its version keys by version number (V1 < V1_1 < V1_2 <
    V2); the N-th file goes with the N-th key. The title agreement printed below checks
    that pairing.

    * date (local day): the calendar day of our ``published`` value as eventwire stores
      it (its first ten characters, which later stages use for "yesterday") equals the
      gold timestamp's day in the gold's own offset. This is the headline figure.
    * date (UTC day): both converted to UTC first (a bare date is taken as it is).
    * A page where we give no date counts as wrong in both.
    * title exact: equal after collapsing white space; body F1: the aeb definition
      above against the gold summary, section headlines and paragraphs joined.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
try:
    import eventwire  # noqa: F401
except ImportError:  # run from a checkout that is not installed
    sys.path.insert(0, str(REPO / "src"))

from eventwire.errors import EventwireError  # noqa: E402
from eventwire.ingest.html import read_html  # noqa: E402
from eventwire.ingest.options import ReadOptions  # noqa: E402

DEFAULT_SHARED = REPO / ".." / "shared"
PUBLISHED_F1 = {"trafilatura (benchmark README)": 0.945, "trafilatura (own evaluation)": 0.958}
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_OPTIONS = ReadOptions(detect_language=False)

# ----------------------------------------------------------------------------- metric


def tokens(text: str | None) -> list[str]:
    """Words as the article-extraction benchmark tokenises them."""
    return _TOKEN.findall(text or "")


def shingles(text: str | None, n: int = _SHINGLE) -> Counter[tuple[str, ...]]:
    """Multiset of word n-grams; a text shorter than n words is one short shingle."""
    words = tokens(text)
    grams = [tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1))]
    return Counter(g for g in grams if g)


def match_counts(gold: str | None, pred: str | None) -> tuple[float, float, float]:
    """Per-document (tp, fp, fn) over shingles, normalised to sum to 1."""
    g, p = shingles(gold), shingles(pred)
    tp = float(sum((g & p).values()))
    fp = float(sum((p - g).values()))
    fn = float(sum((g - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def body_scores(pairs: Iterable[tuple[str | None, str | None]]) -> dict[str, float]:
    """Precision, recall, F1 and accuracy over (gold, predicted) bodies, as aeb defines them."""
    counts, exact = [], []
    for gold, pred in pairs:
        counts.append(match_counts(gold, pred))
        exact.append(float(tokens(gold) == tokens(pred)))
    if not counts:
        return {"precision": 0.0, "recall": 0.0, "f1": 0.0, "accuracy": 0.0}
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "accuracy": statistics.mean(exact)}


def doc_f1(gold: str | None, pred: str | None) -> float:
    """One document's shingle F1, for listing the worst pages."""
    c = match_counts(gold, pred)
    p, r = _precision(*c), _recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


# ----------------------------------------------------------------------------- extraction


@dataclass
class Extracted:
    """What the reader gave for one page (None fields when it failed)."""

    text: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    error: str | None = None


def extract(html: str, path: str, url: str | None = None) -> Extracted:
    """Run eventwire's HTML reader on one page; an eventwire error becomes ``error``."""
    try:
        article = read_html(html, path=path, options=_OPTIONS, url=url)
    except EventwireError as exc:
        return Extracted(error=str(exc))
    return Extracted(article.text, article.title, article.published, article.outlet)


def extract_baseline(html: str, path: str, url: str | None = None) -> Extracted:
    """trafilatura.extract as the article-extraction benchmark runs it."""
    import trafilatura

    return Extracted(text=trafilatura.extract(html, include_comments=False))


def _read_gz(path: Path) -> str:
    with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


# ----------------------------------------------------------------------------- aeb


@dataclass
class Report:
    """Figures of one benchmark run plus the cases worth reading."""

    name: str
    figures: dict[str, float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    errors: list[dict[str, object]] = field(default_factory=list)


def run_aeb(
    shared: Path,
    *,
    limit: int | None = None,
    extractor: Callable[[str, str, str | None], Extracted] = extract,
    name: str = "aeb",
) -> Report:
    """Body precision/recall/F1/accuracy and speed on the scrapinghub pages."""
    root = shared / "corpora" / "aeb-scrapinghub"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(gold)[:limit] if limit else sorted(gold)
    pages = [(i, _read_gz(root / "html" / f"{i}.html.gz")) for i in ids]
    started = time.perf_counter()
    results = [extractor(html, f"{i}.html.gz", gold[i].get("url")) for i, html in pages]
    seconds = time.perf_counter() - started
    pairs = [(gold[i]["articleBody"], r.text) for i, r in zip(ids, results, strict=True)]
    report = Report(name, body_scores(pairs))
    report.figures["pages"] = len(ids)
    report.figures["no text"] = sum(1 for r in results if not r.text)
    report.figures["pages/s"] = len(ids) / seconds if seconds else 0.0
    for i, (g, p) in zip(ids, pairs, strict=True):
        score = doc_f1(g, p)
        if score < 0.9:
            report.errors.append(
                {"file": f"{i}.html.gz", "f1": round(score, 3), "gold": g, "ours": p}
            )
    report.errors.sort(key=lambda e: e["f1"])  # type: ignore[arg-type, return-value]
    return report


# ----------------------------------------------------------------------------- fundus


@dataclass
class FundusPage:
    """One fundus page with the gold record it was paired with."""

    file: str
    html: str
    url: str | None
    version: str
    title: str | None
    published: str | None
    body: str


def _version_order(key: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", key))


def _gold_body(body: dict) -> str:
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += section.get("headline") or []
        parts += section.get("paragraphs") or []
    return "\n".join(parts)


def fundus_pages(shared: Path) -> list[FundusPage]:
    """Every fundus page paired with its gold record (N-th by crawl date ↔ N-th version)."""
    root = shared / "corpora" / "fundus-en"
    pages = []
    for gold_file in sorted(root.glob("*/*.json")):
        meta_file = gold_file.parent / "meta.info"
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.exists() else {}
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        htmls = sorted(
            gold_file.parent.glob(f"{gold_file.stem}_*.html.gz"),
            key=lambda p: meta.get(p.name, {}).get("crawl_date") or p.name,
        )
        for path, key in zip(htmls, sorted(gold, key=_version_order), strict=False):
            record = gold[key]
            pages.append(
                FundusPage(
                    file=f"{path.parent.name}/{path.name}",
                    html=_read_gz(path),
                    url=meta.get(path.name, {}).get("url"),
                    version=key,
                    title=record.get("title"),
                    published=record.get("publishing_date"),
                    body=_gold_body(record.get("body") or {}),
                )
            )
    return pages


def _parse_moment(value: str) -> datetime | date | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def local_day(value: str | None) -> date | None:
    """Calendar day of a timestamp in its own offset (or of a bare date)."""
    moment = _parse_moment(value) if value else None
    return moment.date() if isinstance(moment, datetime) else moment


def utc_day(value: str | None) -> date | None:
    """Calendar day in UTC; naive times are taken as UTC and bare dates as they are."""
    moment = _parse_moment(value) if value else None
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).date()
    return moment


def _same_title(gold: str | None, ours: str | None) -> bool:
    return bool(gold and ours) and " ".join(gold.split()) == " ".join(ours.split())


def run_fundus(
    shared: Path,
    *,
    limit: int | None = None,
    extractor: Callable[[str, str, str | None], Extracted] = extract,
    name: str = "fundus",
) -> Report:
    """Date-to-the-day, title and body figures on the fundus pages."""
    pages = fundus_pages(shared)
    if limit:
        pages = pages[:limit]
    started = time.perf_counter()
    results = [extractor(p.html, p.file, p.url) for p in pages]
    seconds = time.perf_counter() - started
    local_ok = utc_ok = title_ok = 0
    report = Report(name)
    for page, got in zip(pages, results, strict=True):
        local_hit = got.published is not None and local_day(got.published) == local_day(
            page.published
        )
        utc_hit = got.published is not None and utc_day(got.published) == utc_day(page.published)
        title_hit = _same_title(page.title, got.title)
        local_ok += local_hit
        utc_ok += utc_hit
        title_ok += title_hit
        if not (local_hit and title_hit):
            report.errors.append(
                {
                    "file": page.file,
                    "version": page.version,
                    "gold": {"published": page.published, "title": page.title},
                    "ours": {"published": got.published, "title": got.title, "error": got.error},
                }
            )
    n = len(pages) or 1
    report.figures = {
        "pages": len(pages),
        "date ok (local day)": local_ok / n,
        "date ok (UTC day)": utc_ok / n,
        "no date": sum(1 for r in results if not r.published) / n,
        "title exact": title_ok / n,
        "title loose": sum(
            _loose_title(p.title, r.title) for p, r in zip(pages, results, strict=True)
        )
        / n,
    }
    body = body_scores((p.body, r.text) for p, r in zip(pages, results, strict=True))
    report.figures.update({f"body {k}": v for k, v in body.items()})
    report.figures["pages/s"] = len(pages) / seconds if seconds else 0.0
    return report


def _loose_title(gold: str | None, ours: str | None) -> bool:
    """Titles equal in their words, ignoring case and punctuation (checks the pairing)."""
    return bool(gold and ours) and [t.lower() for t in tokens(gold)] == [
        t.lower() for t in tokens(ours)
    ]


# ----------------------------------------------------------------------------- output


def format_report(report: Report) -> str:
    """The report's figures as an aligned two-column table."""
    lines = [f"== {report.name}"]
    for key, value in report.figures.items():
        shown = f"{value:.0f}" if key in {"pages", "no text"} else f"{value:.3f}"
        lines.append(f"  {key:<24} {shown:>8}")
    lines += [f"  {note}" for note in report.notes]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run the chosen sets, print their tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=["aeb", "fundus", "all"], default="all")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--errors", type=Path, help="write the wrong cases here (JSON)")
    parser.add_argument(
        "--baseline", action="store_true", help="also run plain trafilatura.extract on aeb"
    )
    args = parser.parse_args(argv)
    if not (args.shared / "corpora").is_dir():
        print(f"no corpora under {args.shared}: pass --shared PATH", file=sys.stderr)
        return 2
    reports = []
    if args.set in ("aeb", "all"):
        aeb = run_aeb(args.shared, limit=args.limit)
        aeb.notes = [f"published F1, {k}: {v:.3f}" for k, v in PUBLISHED_F1.items()]
        reports.append(aeb)
        if args.baseline:
            reports.append(
                run_aeb(
                    args.shared,
                    limit=args.limit,
                    extractor=extract_baseline,
                    name="aeb, trafilatura.extract baseline (same machine)",
                )
            )
    if args.set in ("fundus", "all"):
        reports.append(run_fundus(args.shared, limit=args.limit))
    for report in reports:
        print(format_report(report))
    if args.errors:
        wrong = {r.name: r.errors for r in reports}
        args.errors.write_text(json.dumps(wrong, indent=1, ensure_ascii=False), encoding="utf-8")
        print(f"wrong cases written to {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
