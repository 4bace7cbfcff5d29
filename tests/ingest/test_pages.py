"""HTML files go through read_html (trafilatura): main text, title, date, site."""

from __future__ import annotations

from eventwire.records import Article


def test_html_page_gives_main_text_and_metadata(read, fixtures):
    [article] = read(fixtures / "page.html")
    assert isinstance(article, Article)
    assert "Negotiators from Arvania and Belmora met in Geneva" in article.text
    assert "joint commission to mark the disputed river boundary" in article.text
    assert "All rights reserved" not in article.text  # boilerplate dropped
    assert article.title == "Border talks resume after six months"
    assert article.published == "2023-11-14"
    assert article.outlet == "Meridian Post"
    assert article.path == str(fixtures / "page.html")


def test_html_sniffed_without_extension(read, fixtures, tmp_path):
    page = tmp_path / "page_saved_without_extension"
    page.write_bytes((fixtures / "page.html").read_bytes())
    [article] = read(page)
    assert isinstance(article, Article)
    assert "Negotiators from Arvania" in article.text


def test_latin1_page_declared_in_meta_is_decoded(read, tmp_path):
    page = tmp_path / "latin.html"
    body = (
        "<html><head><meta charset='iso-8859-1'><title>Caf\u00e9 owners protest</title>"
        "</head><body><article><p>Owners of caf\u00e9s in S\u00e3o Tom\u00e9 Street "
        "protested on Monday against a new tax on terraces, the city council said.</p>"
        "<p>The mayor promised to review the tax before the summer season begins in "
        "June, and invited the owners to a meeting at the town hall.</p></article>"
        "</body></html>"
    )
    page.write_bytes(body.encode("iso-8859-1"))
    [article] = read(page)
    assert isinstance(article, Article)
    assert "caf\u00e9s in S\u00e3o Tom\u00e9 Street" in article.text
