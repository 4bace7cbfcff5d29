"""Print the quotations eventwire finds, with speakers, for hand-checking attribution.

Usage:
    .venv/bin/python benchmarks/quotes.py ../shared/seed/000_d88547219a083dac.txt
    .venv/bin/python benchmarks/quotes.py --guardian 2016:13 2016:42 …

``--guardian YEAR:INDEX`` reads article INDEX of ../shared/corpora/guardian-taiwan/
YEAR_Taiwan_news.json. Prints one line per quote (kind, speaker, cue, text) and a
count per article; the judging (speaker right or wrong) is done by a reader.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from eventwire.nlp import get_pipeline

GUARDIAN = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "guardian-taiwan"


def _texts(args: argparse.Namespace) -> list[tuple[str, str]]:
    texts = [(p, Path(p).read_text(encoding="utf-8")) for p in args.paths]
    for ref in args.guardian:
        year, index = ref.split(":")
        data = json.loads((GUARDIAN / f"{year}_Taiwan_news.json").read_text(encoding="utf-8"))
        item = data["results"][int(index)]
        texts.append((f"guardian {ref} {item['title'][:60]}", item["article"]))
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--guardian", nargs="*", default=[], metavar="YEAR:INDEX")
    parser.add_argument("--width", type=int, default=90, help="characters of text shown")
    parser.add_argument("--context", action="store_true", help="also print each sentence")
    args = parser.parse_args()
    nlp = get_pipeline()
    for name, text in _texts(args):
        doc = nlp(text)
        counts: Counter[str] = Counter()
        print(f"== {name}")
        for q in doc._.ew_quotes:
            who = f"{q.speaker.name} ({q.speaker.code})" if q.speaker else "-"
            counts[q.kind.value] += 1
            counts[f"{q.kind.value} with speaker"] += q.speaker is not None
            print(
                f"  {q.id.split('-')[-1]:>4} {q.kind.value:8} {who:38} {q.cue or '-':14} "
                f"{q.text[: args.width]!r}"
            )
            if args.context:
                speaker_text = q.speaker.text if q.speaker else "-"
                print(f"       [{speaker_text}] {q.sentence[:400]!r}")
        print("  counts:", dict(sorted(counts.items())))


if __name__ == "__main__":
    main()
