"""The seed article of DESIGN.md: which places ew_places finds (needs ../shared)."""

from __future__ import annotations

from eventwire.nlp import get_pipeline
from eventwire.records import Article


def seed_doc(path):
    text = path.read_text(encoding="utf-8")
    nlp = get_pipeline()
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="seed", text=text, published="2021-09-01")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ew_places":
            break  # later stages are not under test here
    return doc


def test_seed_places(seed_article):
    doc = seed_doc(seed_article)
    found = {p.text: p for p in doc._.ew_places}
    # "made its reservations known in Tokyo": a place, the Japanese capital
    tokyo = found["Tokyo"]
    assert (tokyo.country, tokyo.precision) == ("JPN", "city")
    assert abs(tokyo.lat - 35.7) < 0.5 and abs(tokyo.lon - 139.7) < 0.5
    # "peace and stability across the Taiwan Strait": the listed feature
    assert found["Taiwan Strait"].precision == "other"
    # Taipei and Beijing appear only as governments ("ties with Taipei", "Beijing's
    # penchant for protesting"), so they are not places of the article
    assert "Taipei" not in found and "Beijing" not in found
    # yet the mentions resolve to the right cities
    readings = {m.text: m.chosen for m in doc._.ew_place_mentions}
    assert (readings["Taipei"].country, readings["Taipei"].precision) == ("TWN", "city")
    assert (readings["Beijing"].country, readings["Beijing"].precision) == ("CHN", "city")
    # countries that act ("Japan appears to have considered") are not places
    assert "Japan" not in found and "China" not in found
