"""JSON lines, JSON (list, object, single record) and CSV/TSV collections."""

from __future__ import annotations

import json
from datetime import datetime

from eventwire.records import Article


def instant(value: str | None) -> datetime:
    """The moment an ISO 8601 date-time names, whatever offset it is written with."""
    assert value is not None and "T" in value, value
    return datetime.fromisoformat(value)


def test_jsonl_one_article_per_line(read, fixtures):
    items = read(fixtures / "wire.jsonl")
    assert all(isinstance(item, Article) for item in items)
    assert [item.record for item in items] == ["line 1", "line 2", "line 4"]  # blank line 3
    first = items[0]
    assert first.title == "Central bank raises rates"
    assert first.url == "https://wire.example.org/rates"
    assert first.outlet == "Example Wire"
    assert instant(first.published) == instant("2024-02-01T09:30:00+01:00")
    assert first.text.startswith("The central bank of Ostrava")


def test_json_list(read, fixtures):
    items = read(fixtures / "list.json")
    assert [(a.record, a.title, a.published) for a in items] == [
        ("record 1", "Defence budget approved", "2022-06-07"),  # "date" accepted
        ("record 2", "Fishing talks", "2022-06-08"),
    ]


def test_json_object_with_results_and_alternative_field_names(read, fixtures):
    items = read(fixtures / "results.json")
    assert len(items) == 2 and all(isinstance(a, Article) for a in items)
    first = items[0]
    assert first.text.startswith("Election officials in Marsovia")  # from "article"
    assert first.title == "Record turnout"  # from "headline"
    assert first.url == "https://daily.example.org/turnout"  # from "webUrl"
    assert instant(first.published) == instant("2021-04-11T18:00:00Z")  # publicationDate


def test_json_single_record(read, fixtures):
    [article] = read(fixtures / "one.json")
    assert isinstance(article, Article)
    assert article.record is None
    assert article.text.startswith("The mayor of Lindholm")  # from "body"
    assert article.outlet == "Lindholm Times"  # {"name": …} unwrapped


def test_json_file_holding_json_lines_is_read_as_lines(read, fixtures, tmp_path):
    odd = tmp_path / "dump.json"
    odd.write_bytes((fixtures / "wire.jsonl").read_bytes())
    items = read(odd)
    assert [a.record for a in items] == ["line 1", "line 2", "line 4"]


def test_csv_with_header(read, fixtures):
    items = read(fixtures / "reports.csv")
    assert [(a.record, a.title) for a in items] == [
        ("record 1", "Strike ends at the port"),
        ("record 2", "Minister resigns, cites health"),  # quoted comma kept
    ]
    assert items[1].published == "2023-09-04"
    assert items[1].url == "https://port.example.org/minister"
    assert items[1].text.startswith("The transport minister of Vessa resigned")


def test_tsv(read, fixtures):
    items = read(fixtures / "reports.tsv")
    assert [(a.record, a.title, a.published) for a in items] == [
        ("record 1", "Drought aid approved", "2020-08-11"),
        ("record 2", "Wildfire contained", "2020-08-12"),
    ]
    assert items[0].text.startswith("The government of Tarsia approved")


def test_field_mapping_options(read, tmp_path):
    data = tmp_path / "custom.jsonl"
    record = {
        "story": "Union leaders in Ferro called off a general strike on Tuesday after the "
        "government agreed to raise the minimum wage.",
        "text": "not the article",
        "head": "Strike called off",
        "when": "2019-11-05",
        "where_from": "https://ferro.example.org/strike",
        "paper": "Ferro Daily",
    }
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read(
        data,
        text_field="story",
        title_field="head",
        published_field="when",
        url_field="where_from",
        outlet_field="paper",
    )
    assert isinstance(article, Article)
    assert article.text.startswith("Union leaders in Ferro")
    assert (article.title, article.published, article.url, article.outlet) == (
        "Strike called off",
        "2019-11-05",
        "https://ferro.example.org/strike",
        "Ferro Daily",
    )


def test_explicit_text_field_disables_alternatives(read, tmp_path, split):
    data = tmp_path / "alt.jsonl"
    data.write_text(json.dumps({"body": "Some article text here."}) + "\n", encoding="utf-8")
    found, failed = split(read(data, text_field="story"))
    assert found == []
    assert failed[0].reason == "no 'story' field (use --text-field to name another)"


def test_html_in_text_field_goes_through_page_extraction(read, fixtures, tmp_path):
    page = (fixtures / "page.html").read_text(encoding="utf-8")
    data = tmp_path / "pages.jsonl"
    data.write_text(
        json.dumps({"html": page, "title": "Record title wins", "url": "https://p.example/1"})
        + "\n",
        encoding="utf-8",
    )
    [article] = read(data, text_field="html")
    assert isinstance(article, Article)
    assert "Negotiators from Arvania and Belmora" in article.text
    assert "<p>" not in article.text
    assert article.title == "Record title wins"
    assert article.url == "https://p.example/1"
    assert article.record == "line 1"


def test_list_of_paragraphs_is_joined(read, tmp_path):
    data = tmp_path / "paras.json"
    paragraphs = ["The court ruled on Monday.", "The government said it would appeal."]
    data.write_text(json.dumps([{"text": paragraphs}]), encoding="utf-8")
    [article] = read(data)
    assert article.text == "The court ruled on Monday.\n\nThe government said it would appeal."


def test_character_references_in_plain_text_fields_are_resolved(read, tmp_path):
    # some exporters HTML-escape their text fields; the quote marks must come back
    record = {
        "text": "The mayor said &quot;we will rebuild&quot; and Arvania&apos;s envoy agreed.",
        "title": "Rebuilding &amp; recovery",
    }
    data = tmp_path / "escaped.jsonl"
    data.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = read(data)
    assert article.text == 'The mayor said "we will rebuild" and Arvania\'s envoy agreed.'
    assert article.title == "Rebuilding & recovery"


def test_an_ampersand_that_is_no_reference_stays(read, tmp_path):
    data = tmp_path / "plain.jsonl"
    data.write_text(json.dumps({"text": "Smith & Sons won the Q&A contract."}) + "\n")
    [article] = read(data)
    assert article.text == "Smith & Sons won the Q&A contract."
