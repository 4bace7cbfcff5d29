"""RSS 2.0, Atom and RSS 1.0 (RDF) feeds: one article per entry."""

from __future__ import annotations

from datetime import datetime

from eventwire.ingest.feeds import html_fragment_text
from eventwire.records import Article, Failure, Status


def instant(value: str | None) -> datetime:
    """The moment an ISO 8601 date-time names, whatever offset it is written with."""
    assert value is not None and "T" in value, value
    return datetime.fromisoformat(value)


def test_rss2_uses_content_encoded_over_description(read, fixtures, split):
    items = read(fixtures / "rss2.rss")
    assert len(items) == 3  # one item per entry, the empty one as a Failure
    found, failed = split(items)
    dam, bridge = found
    assert dam.record == "entry 1"
    assert dam.title == "Dam project approved after long dispute"
    assert dam.url == "https://courier.example.org/dam"
    assert dam.outlet == "Valley Courier"
    assert instant(dam.published) == instant("2024-05-14T14:45:00+00:00")  # +0200 read
    assert "Short teaser" not in dam.text  # full content preferred
    assert dam.text.startswith("The regional assembly approved the Tessin dam project")
    assert "nine years.\n\nEnvironmental groups" in dam.text  # paragraphs kept
    assert "<b>" not in dam.text and "said construction would" in dam.text
    # escaped HTML in <description> is unescaped and stripped
    assert bridge.text.startswith("The old river bridge in Marden")
    assert "<p>" not in bridge.text
    assert failed == [
        Failure(
            path=str(fixtures / "rss2.rss"),
            record="entry 3",
            reason="no text (the entry has no content or summary)",
            code="E004",
        )
    ]


def test_atom_content_and_summary(read, fixtures):
    coast, trade = read(fixtures / "news.atom")
    assert isinstance(coast, Article) and isinstance(trade, Article)
    assert coast.outlet == "Island Herald"
    assert coast.url == "https://herald.example.org/coast-guard"
    assert instant(coast.published) == instant("2022-10-03T10:15:00+09:00")  # not updated
    assert coast.text.startswith("The coast guard of Okara detained")
    assert "Two boats were detained" not in coast.text
    assert instant(trade.published) == instant("2022-10-02T08:00:00Z")  # updated as fallback
    assert trade.text.startswith("Trade ministers of Okara and Pelau")


def test_rss1_rdf_with_dc_date(read, fixtures):
    funding, observatory = read(fixtures / "rdf.rss")
    assert funding.outlet == "Science Bulletin"
    assert instant(funding.published) == instant("2019-03-07T15:30:00-05:00")
    assert funding.url == "https://bulletin.example.org/1"
    assert observatory.published == "2019-03-08"
    assert observatory.text.startswith("A new mountain observatory")


def test_iso_8859_1_feed_without_xml_declaration(read, tmp_path):
    feed = (
        "<rss version='2.0'><channel><title>Not\u00edcias do Vale</title>"
        "<item><title>Governo anuncia reforma</title><link>https://vale.example.br/1</link>"
        "<pubDate>Seg, 24 Set 2018 19:38:00 -0300</pubDate>"
        "<description>O governo de Minas anunciou nesta segunda-feira uma reforma da "
        "previd\u00eancia estadual, e a oposi\u00e7\u00e3o criticou a decis\u00e3o "
        "durante a sess\u00e3o da assembleia.</description></item>"
        "<item><title>Harbour strike ends</title><link>https://vale.example.br/2</link>"
        "<description>Dock workers in the port of Vale ended their strike on Monday after "
        "a wage deal with the port authority, the union said.</description></item>"
        "</channel></rss>"
    )
    path = tmp_path / "latin1.rss"
    path.write_bytes(feed.encode("iso-8859-1"))
    reforma, strike = read(path)
    assert reforma.outlet == "Not\u00edcias do Vale"
    assert "previd\u00eancia estadual, e a oposi\u00e7\u00e3o" in reforma.text
    # a localised RFC 822 date (Portuguese day and month names) is read
    assert instant(reforma.published) == instant("2018-09-24T19:38:00-03:00")
    assert reforma.status == Status.SKIPPED and reforma.language == "pt"
    assert strike.status == Status.OK and strike.language == "en"


def test_xml_extension_is_sniffed_as_feed(read, fixtures, tmp_path):
    path = tmp_path / "export.xml"
    path.write_bytes((fixtures / "news.atom").read_bytes())
    items = read(path)
    assert [item.record for item in items] == ["entry 1", "entry 2"]


def test_html_fragment_text_keeps_paragraphs_and_drops_scripts():
    html = "<p>First   line\nwraps.</p><script>track()</script><p>Second<br>line.</p>"
    assert html_fragment_text(html) == "First line wraps.\n\nSecond\nline."
