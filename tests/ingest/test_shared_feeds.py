"""Real feeds from ../shared (research use only, never copied): they all read cleanly."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from eventwire.records import Article, Status

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora"
FEEDS = (
    sorted((SHARED / "feeds-rss-parser").glob("*.rss"))
    + sorted((SHARED / "feeds-rss-parser").glob("*.atom"))
    + [SHARED / "globalvoices-mediacloud" / "test.rss"]
)

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/corpora is not beside the project"),
]
_ITEM = re.compile(rb"<(?:item|entry)[\s>]")


@pytest.mark.parametrize("path", FEEDS, ids=lambda p: p.name)
def test_every_item_of_a_real_feed_comes_back(read, path):
    items = read(path)
    assert len(items) == len(_ITEM.findall(path.read_bytes())) > 0
    assert [item.record for item in items] == [f"entry {n}" for n in range(1, len(items) + 1)]
    assert any(isinstance(item, Article) for item in items) or path.name == "rss-1.rss"
    for item in items:
        if not isinstance(item, Article):
            # the only failures real feeds give are entries with no text at all
            assert item.reason.startswith("no text"), item


def test_iso_8859_1_portuguese_feed(read):
    path = SHARED / "feeds-rss-parser" / "uolNoticias.rss"
    found = [item for item in read(path) if isinstance(item, Article)]
    assert found[0].outlet == "UOL Noticias"
    accents = "".join(a.title or "" for a in found) + "".join(a.text for a in found)
    assert "\u00e7\u00f5es" in accents or "\u00e7\u00e3o" in accents  # ções / ção decoded
    assert "\ufffd" not in accents and "\u00c3" not in accents  # no mojibake
    assert Counter(a.language for a in found).most_common(1)[0][0] == "pt"
    assert all(a.status == Status.SKIPPED for a in found if a.language == "pt")
    assert all(a.published for a in found)  # localised pubDates are read


def test_english_feeds_are_english(read):
    for name in ("guardian.rss", "feedburner.atom"):
        found = read(SHARED / "feeds-rss-parser" / name)
        assert all(isinstance(a, Article) and a.language == "en" for a in found), name
    globalvoices = read(SHARED / "globalvoices-mediacloud" / "test.rss")
    # English posts that quote Arabic or other scripts are still English
    assert [a.language for a in globalvoices] == ["en"] * len(globalvoices)
