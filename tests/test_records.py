from __future__ import annotations

import pytest
from pydantic import ValidationError

from eventwire.records import (
    Actor,
    Article,
    ArticleResult,
    Event,
    Plover,
    article_id,
    normalise_text,
)


def test_article_id_ignores_whitespace_differences():
    assert article_id("Talks  were\nheld.") == article_id("Talks were held. ")
    assert article_id("Talks were held.") != article_id("Talks were held!")


def test_normalise_text_composes_unicode():
    assert normalise_text("Cafe\u0301") == "Café"


def test_article_json_has_contract_fields_and_no_text():
    article = Article(id="abc", text="Some text.", path="x.txt", record="line 2")
    result = ArticleResult(article=article.info())
    data = result.to_json_dict()
    assert set(data) == {"article", "events", "quotes", "times", "actors", "places"}
    assert set(data["article"]) == {
        "id",
        "url",
        "title",
        "published",
        "outlet",
        "language",
        "path",
        "status",
        "reason",
    }


def test_event_serialises_nested_actor_and_plover():
    actor = Actor(text="Beijing", name="China", code="CHNGOV", country="CHN", sectors=["GOV"])
    event = Event(
        id="e1",
        sentence="Beijing protested.",
        span=(0, 17),
        text="protested",
        source=actor,
        cameo="111",
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        plover=Plover(event="ACCUSE", mode="disapprove"),
        confidence=0.8,
        rule="test",
    )
    data = event.model_dump(mode="json")
    assert data["span"] == [0, 17]
    assert data["source"]["code"] == "CHNGOV"
    assert data["plover"] == {"event": "ACCUSE", "mode": "disapprove"}
    assert data["modality"] == "asserted"
    assert data["date_precision"] == "article"


def test_records_reject_unknown_fields_and_bad_ranges():
    with pytest.raises(ValidationError):
        Actor(text="x", name="x", code="X", colour="red")
    with pytest.raises(ValidationError):
        Event(
            id="e",
            sentence="s",
            span=(0, 1),
            text="t",
            cameo="01",
            cameo_root="01",
            quad_class=7,
            goldstein=0,
            confidence=0.5,
            rule="r",
        )
