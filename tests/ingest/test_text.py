"""Plain-text files, with and without front matter."""

from __future__ import annotations

from eventwire.ingest.text import split_front_matter
from eventwire.records import Article, Status


def test_txt_with_front_matter_fills_metadata(read, fixtures):
    [article] = read(fixtures / "harbour.txt")
    assert isinstance(article, Article)
    assert article.title == "Harbour council approves northern ferry route"
    assert article.published == "2024-03-05"
    assert article.url == "https://ledger.example.org/harbour-ferry"
    assert article.outlet == "Coastal Ledger"
    assert article.path == str(fixtures / "harbour.txt")
    assert article.record is None
    assert article.status == Status.OK and article.language == "en"
    assert article.text.startswith("The harbour council of Port Alder voted")
    assert "---" not in article.text and "outlet:" not in article.text
    # the paragraph break survives cleaning
    assert "twice a day.\n\nOpposition councillors" in article.text


def test_txt_without_front_matter_is_all_text(read, fixtures):
    [article] = read(fixtures / "plain.txt")
    assert isinstance(article, Article)
    assert article.title is None and article.published is None and article.url is None
    assert article.text.startswith("Farmers in the Velden valley")
    assert article.text.endswith("meet farm unions next week.")


def test_front_matter_date_alias_and_quotes():
    meta, body = split_front_matter('---\ndate: "2020-01-02"\nsource: Wire\n---\nBody text.')
    assert meta == {"published": "2020-01-02", "outlet": "Wire"}
    assert body == "Body text."


def test_separator_line_at_top_is_not_front_matter():
    text = "---\nThe minister spoke for an hour.\n---\nThen she left."
    meta, body = split_front_matter(text)
    assert meta == {}
    assert body == text


def test_unclosed_front_matter_is_kept_as_text():
    text = "---\ntitle: Half\nThe rest of the article."
    assert split_front_matter(text) == ({}, text)


def test_published_option_overrides_front_matter(read, fixtures):
    [article] = read(fixtures / "harbour.txt", published="2024-04-01")
    assert article.published == "2024-04-01"


def test_same_text_read_twice_gives_same_id(read, fixtures, tmp_path):
    copy = tmp_path / "copy.txt"
    # the same article with different spacing and line endings is the same article
    original = (fixtures / "plain.txt").read_text(encoding="utf-8")
    copy.write_bytes(original.replace("\n", "\r\n").replace(". ", ".  ").encode("utf-8"))
    first, second, third = read(fixtures / "plain.txt", fixtures / "plain.txt", copy)
    assert first.id == second.id == third.id
    assert len(first.id) == 16


def test_non_english_article_is_skipped_with_reason(read, fixtures):
    [article] = read(fixtures / "german.txt")
    assert isinstance(article, Article)
    assert article.status == Status.SKIPPED
    assert article.language == "de"
    assert "not English" in (article.reason or "")


def test_language_detection_can_be_turned_off(read, fixtures):
    [article] = read(fixtures / "german.txt", detect_language=False)
    assert article.status == Status.OK and article.language == "en"


def test_a_one_line_english_report_is_english():
    # Regression: short texts ranked Nigerian Pidgin above English and were skipped.
    from eventwire.ingest.language import detect_language

    assert detect_language("Nigeria launched an attack on Chad.") == "en"
    assert detect_language("Officials in Lima met the visiting delegation on Monday.") == "en"


def test_a_one_line_report_in_another_language_is_not_english():
    from eventwire.ingest.language import detect_language

    assert detect_language("Die Regierung hat am Montag neue Sanktionen beschlossen.") == "de"
    assert detect_language("El gobierno anunció nuevas sanciones el lunes.") == "es"
