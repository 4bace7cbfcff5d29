"""Places on Giveme5W1H's gold "where": country correct and place correct (issue 6).

Run from the repository root::

    .venv/bin/python benchmarks/places_5w1h.py [--shared PATH] [--limit N] [--errors FILE]
        [--no-prefilter]

It prints figures and asserts nothing. Data: ``corpora/giveme5w1h/gold_standard/data/*.json``
under ../shared (96 news-please articles of November 2016, each with ``fiveWoneH.where``:
phrases human coders marked, with ``coderPhraseCount``, how many coders marked it).

Rules, written down so that the figures can be checked:

* **Input**: title, description and text, as paragraphs (the description is left out
  when the text already starts with it); published = ``date_publish`` (its date part).
  The article goes through the same steps as ``eventwire extract`` (pre-filter on;
  ``--no-prefilter`` parses every sentence, to see what the pre-filter costs).
* **Gold where**: the phrases *with text* that have the top ``coderPhraseCount`` among
  phrases with text. An entry without text means the coders agreed there is no
  candidate; an article whose entries all lack text has no gold where (counted apart).
* **Gold reading** of a phrase: the first of these strings that the gazetteer knows
  (``lookup``, then cities' alternate names): the whole phrase; each comma-separated part, left to
  right; then, left to right and longest first, every run of consecutive capitalised
  words ("Zhongmengchang Village of Lixian County in Baoding" → "Lixian"). Of the places
  that string names, the one with the highest population is the gold reading. A
  phrase the gazetteer cannot read by name but whose run is a country adjective of
  the knowledge base ("Brazilian Grand Prix") gets that country as its gold place. The rest is
  unresolved: listed, not dropped, and left out of the country denominator.
* **Alternate names count only as spellings**: an alternate name is used (for gold
  readings and for matching names) only when it is a spelling variant of the place's
  own name (difflib ratio of the folded names >= 0.5: "Mazar-i-Sharif" for "Mazār-e
  Sharīf", "Kiev" for "Kyiv"), not a translation: geonames lists "White House" among
  Casablanca's names, and without this rule every White House article would be scored
  against Morocco. Rejected readings are printed.
* **Ours**: the dominant place (:func:`eventwire.places.dominant_place`), every place of
  ``ArticleResult.places``, and the most common ``location`` of the article's events.
* **Country correct**: our place's country = the country of any top gold phrase (share
  of articles with at least one gold country). **Place correct**: same geonameid as a
  gold reading, or our place's name or any of its gazetteer names (own names, knowledge
  base names, alternate spellings; not the mention text, which says nothing of the
  reading chosen) occurs (case-folded, whole words) in a top gold phrase; given as a
  share of all articles with gold where and of those with a gold country.
* The events' figure counts articles without any located event as misses.
* "any of our places" is the recall-style figure: some place of the article matches.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from eventwire.places import load_gazetteer
from eventwire.places.gazetteer import fold

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
GOLD = Path("corpora/giveme5w1h/gold_standard/data")
CAPITALISED_RUN = re.compile(r"[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)*")
SPELLING_RATIO = 0.5  # at or above: an alternate name is a spelling of the place's name


@dataclass
class Gold:
    """One top gold where phrase and what the gazetteer makes of it."""

    phrase: str
    country: str | None = None
    geonameid: int | None = None
    name: str | None = None
    via: str = "unresolved"  # the string that resolved, or "adjective: X"
    rejected: list[str] = field(default_factory=list)  # translation-like readings refused


@dataclass
class Outcome:
    """One article: gold, ours, and the four verdicts."""

    file: str
    title: str
    gold: list[Gold] = field(default_factory=list)
    dominant: object = None  # a Place or None
    places: list = field(default_factory=list)
    event_place: object = None
    verdicts: dict[str, bool] = field(default_factory=dict)


# ---------------------------------------------------------------- gold


def top_phrases(where: dict) -> list[str]:
    """The where phrases with text that share the top coderPhraseCount."""
    entries = [e for e in where.get("annotated", []) if (e.get("text") or "").strip()]
    if not entries:
        return []
    top = max(e.get("coderPhraseCount", 0) for e in entries)
    return [e["text"].strip() for e in entries if e.get("coderPhraseCount", 0) == top]


def candidate_strings(phrase: str) -> list[str]:
    """Strings to look up, in order: whole phrase, comma parts, capitalised runs."""
    found = [phrase, *(p.strip() for p in phrase.split(",") if p.strip())]
    for run in CAPITALISED_RUN.findall(phrase):
        words = run.split()
        for size in range(len(words), 0, -1):
            found += [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    return list(dict.fromkeys(found))


def is_spelling(alternate: str, name: str) -> bool:
    """True when ``alternate`` is a spelling of ``name``, not a translation."""
    ratio = SequenceMatcher(None, fold(alternate), fold(name)).ratio()
    return ratio >= SPELLING_RATIO


def resolve_gold(phrase: str, gazetteer) -> Gold:
    """The gold reading of one phrase (rules in the module docstring)."""
    strings = candidate_strings(phrase)
    rejected = []
    for text in strings:
        entries = gazetteer.lookup(text)
        if not entries:
            alternates = gazetteer.lookup(text, alternates=True)
            entries = [e for e in alternates if is_spelling(text, e.name)]
            rejected += [f"{text}→{e.name}/{e.country}" for e in alternates if e not in entries]
        if entries:
            best = max(entries, key=lambda e: e.population)
            return Gold(phrase, best.country, best.geonameid, best.name, text, rejected)
    for text in strings:
        kinds = gazetteer.kb.countries_named(text)
        adjectives = {c for c, how in kinds if how in ("adjective", "demonym")}
        if len(adjectives) == 1:
            # "British stores": the gold place is the country itself
            country = adjectives.pop()
            entry = next((e for e in gazetteer.lookup(country.name) if e.kind == "country"), None)
            geonameid, name = (entry.geonameid, entry.name) if entry else (None, country.name)
            return Gold(phrase, country.code, geonameid, name, f"adjective: {text}", rejected)
    return Gold(phrase, rejected=rejected)


# ---------------------------------------------------------------- matching


def names_by_id(gazetteer) -> dict[int, set[str]]:
    """Every name of each place with a geonameid, case-folded; alternates if spellings."""
    names: dict[int, set[str]] = defaultdict(set)
    for index in (gazetteer.names, gazetteer.alternates):
        for bucket in (index.exact, index.folded):
            for key, entries in bucket.items():
                for entry in entries:
                    if not entry.geonameid:
                        continue
                    if index is gazetteer.names or is_spelling(key, entry.name):
                        names[entry.geonameid].add(key.casefold())
    return names


def occurs(name: str, phrase: str) -> bool:
    """``name`` occurs in ``phrase`` as whole words, ignoring case."""
    name = " ".join(name.casefold().split())
    return (
        bool(name) and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", phrase.casefold()) is not None
    )


def place_matches(place, gold: list[Gold], all_names: dict[int, set[str]]) -> bool:
    if place is None:
        return False
    if place.geonameid and any(g.geonameid == place.geonameid for g in gold):
        return True
    names = {place.name, *all_names.get(place.geonameid or 0, ())}
    return any(occurs(n, g.phrase) for n in names for g in gold)


def country_matches(place, gold: list[Gold]) -> bool:
    return (
        place is not None
        and place.country is not None
        and any(g.country == place.country for g in gold)
    )


# ---------------------------------------------------------------- running


def read_gold(folder: Path, limit: int | None) -> list[tuple[str, dict]]:
    files = sorted(folder.glob("*.json"))[:limit]
    return [(f.name, json.loads(f.read_text(encoding="utf-8"))) for f in files]


def article_text(record: dict) -> str:
    title = (record.get("title") or "").strip()
    description = (record.get("description") or "").strip()
    text = (record.get("text") or "").strip()
    if description and text.startswith(description[:80]):
        description = ""
    return "\n\n".join(p for p in (title, description, text) if p)


def run_articles(records: list[tuple[str, dict]], prefilter: bool = True):
    """(file, ArticleResult, dominant place) per record, through extract's own steps."""
    from eventwire.ingest.article import make_article
    from eventwire.ingest.options import ReadOptions
    from eventwire.nlp import get_pipeline
    from eventwire.places import dominant_place

    # _make_doc is the Doc preparation `eventwire extract` uses (pre-filter, article on
    # the Doc); dominant_place needs the Doc, which the public API does not return
    from eventwire.process import _make_doc, result_from_doc

    nlp = get_pipeline()
    articles = []
    for name, record in records:
        published = (record.get("date_publish") or "")[:10] or None
        article = make_article(
            article_text(record), path=name, options=ReadOptions(),
            title=record.get("title"), url=record.get("url"), published=published,
        )  # fmt: skip
        articles.append((name, article))
    docs = nlp.pipe(_make_doc(nlp, a, prefilter) for _, a in articles)
    for (name, article), doc in zip(articles, docs, strict=True):
        yield name, result_from_doc(article, doc), dominant_place(doc)


def event_place(result):
    """The most common event location (first seen wins ties), or None."""
    keys = Counter()
    first = {}
    for event in result.events:
        if event.location is not None:
            key = (event.location.name, event.location.country)
            keys[key] += 1
            first.setdefault(key, event.location)
    return first[keys.most_common(1)[0][0]] if keys else None


def ratio(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0)"


def show(place) -> str:
    return f"{place.text!r}→{place.name}/{place.country}/{place.precision}" if place else "—"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--errors", type=Path, help="write every mistake to this file")
    parser.add_argument(
        "--no-prefilter", action="store_true", help="parse every sentence (extract's default: not)"
    )
    args = parser.parse_args(argv)
    folder = args.shared / GOLD
    if not folder.is_dir():
        print(f"E001 no gold data at {folder}: pass --shared PATH", file=sys.stderr)
        return 2
    gazetteer = load_gazetteer()
    all_names = names_by_id(gazetteer)
    records = read_gold(folder, args.limit)
    by_name = dict(records)
    outcomes: list[Outcome] = []
    failed = 0
    for name, result, dominant in run_articles(records, not args.no_prefilter):
        record = by_name[name]
        if result.article.status != "ok":
            failed += 1
        phrases = top_phrases(record.get("fiveWoneH", {}).get("where", {}))
        o = Outcome(name, record.get("title") or "")
        o.gold = [resolve_gold(p, gazetteer) for p in phrases]
        o.dominant, o.places, o.event_place = dominant, result.places, event_place(result)
        for label, ours in (("dominant", [dominant]), ("any", result.places),
                            ("events", [o.event_place])):  # fmt: skip
            o.verdicts[f"{label} country"] = any(country_matches(p, o.gold) for p in ours)
            o.verdicts[f"{label} place"] = any(place_matches(p, o.gold, all_names) for p in ours)
        outcomes.append(o)
    report(outcomes, failed, args.errors)
    return 0


def report(outcomes: list[Outcome], failed: int, errors: Path | None) -> None:
    with_gold = [o for o in outcomes if o.gold]
    with_country = [o for o in with_gold if any(g.country for g in o.gold)]
    print(f"articles: {len(outcomes)} (failed in extraction: {failed})")
    print(f"with gold where: {len(with_gold)}; no gold where: {len(outcomes) - len(with_gold)}")
    print(f"with a gold country (resolvable): {len(with_country)}")
    unresolved = [(o.file, g.phrase) for o in with_gold for g in o.gold if g.country is None]
    print(f"unresolved gold phrases: {len(unresolved)}")
    for file, phrase in unresolved:
        print(f"  {file[:8]}  {phrase!r}")
    rejected = Counter(r for o in with_gold for g in o.gold for r in g.rejected)
    print(f"alternate-name readings refused as translations: {sum(rejected.values())}")
    for reading, n in rejected.most_common():
        print(f"  {reading} ({n}x)")
    via = Counter(g.via.startswith("adjective") for o in with_gold for g in o.gold if g.country)
    print(f"gold phrases resolved by name: {via[False]}, by country adjective: {via[True]}")
    for label in ("dominant", "any", "events"):
        title = {"dominant": "dominant place", "any": "any of our places",
                 "events": "most common event location"}[label]  # fmt: skip
        country = sum(o.verdicts[f"{label} country"] for o in with_country)
        place = sum(o.verdicts[f"{label} place"] for o in with_gold)
        resolvable = sum(o.verdicts[f"{label} place"] for o in with_country)
        print(f"{title}: country correct {ratio(country, len(with_country))}, "
              f"place correct {ratio(place, len(with_gold))}, "
              f"place correct where resolvable {ratio(resolvable, len(with_country))}")  # fmt: skip
    no_place = sum(o.dominant is None for o in with_gold)
    print(f"articles with gold where but no place of ours: {no_place}")
    if errors is not None:
        write_errors(with_gold, errors)
        print(f"mistakes written to {errors}")


def write_errors(outcomes: list[Outcome], path: Path) -> None:
    lines = []
    for o in outcomes:
        # without a gold country the country is not scored, so it cannot be wrong
        scored = (
            ("dominant country", "dominant place")
            if any(g.country for g in o.gold)
            else ("dominant place",)
        )
        wrong = [k for k in scored if not o.verdicts[k]]
        if not wrong:
            continue
        gold = "; ".join(
            f"{g.phrase!r}→{g.name or '?'}/{g.country or '?'} ({g.via})" for g in o.gold
        )
        lines += [
            f"{o.file[:8]} {o.title[:70]!r}",
            f"  wrong: {', '.join(wrong)}",
            f"  gold: {gold}",
            f"  dominant: {show(o.dominant)}; events: {show(o.event_place)}",
            f"  places: {', '.join(show(p) for p in o.places[:8]) or '—'}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
