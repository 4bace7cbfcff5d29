"""The JSON API in process: listings, filters, paging, details, analyses, errors, token."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")

from fastapi.testclient import TestClient
from web_db import HOSTILE_NAME, build, hostile_id

from eventwire.web import create_app


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build(tmp_path_factory.mktemp("web") / "web.duckdb")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def test_openapi_documents_every_api_route(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/articles",
        "/api/stories",
        "/api/dyads/timeline",
        "/api/network",
        "/api/alerts",
        "/api/sql",
    ):
        assert path in paths
    names = {p["name"] for p in paths["/api/events"]["get"]["parameters"]}
    assert {
        "actor",
        "country",
        "code",
        "quad_class",
        "since",
        "until",
        "q",
        "limit",
        "offset",
    } <= names


def test_events_filters_narrow_the_list(client):
    everything = client.get("/api/events", params={"limit": 100}).json()["rows"]
    assert len(everything) == 14
    by_code = client.get("/api/events", params={"code": "19"}).json()["rows"]
    assert [e["text"] for e in by_code] == ["fired"]
    quad = client.get("/api/events", params={"quad_class": 1}).json()["rows"]
    assert {e["source_code"] for e in quad} == {"JPNGOV"}
    dyad = client.get(
        "/api/events",
        params={"source": "CHN", "target": "TWN", "since": "2026-03-16", "until": "2026-03-22"},
    ).json()["rows"]
    assert len(dyad) == 4
    by_name = client.get("/api/events", params={"actor": "navy"}).json()["rows"]
    assert len(by_name) == 3
    by_country = client.get("/api/events", params={"country": "jpn"}).json()["rows"]
    assert len(by_country) == 2
    text = client.get("/api/events", params={"q": "coast guard"}).json()["rows"]
    assert {e["cameo"] for e in text} == {"036"}


def test_paging_walks_the_list_without_overlap(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    assert first["next_offset"] == 5 and len(first["rows"]) == 5
    seen = [e["id"] for e in first["rows"]]
    offset = first["next_offset"]
    while offset is not None:
        page = client.get("/api/events", params={"limit": 5, "offset": offset}).json()
        seen += [e["id"] for e in page["rows"]]
        offset = page["next_offset"]
    assert len(seen) == len(set(seen)) == 14


def test_article_detail_has_text_marks_and_story(client):
    articles = client.get("/api/articles", params={"q": "week 3."}).json()["rows"]
    assert len(articles) == 1
    detail = client.get(f"/api/articles/{articles[0]['id']}").json()
    text = detail["article"]["text"]
    assert "".join(text[s["start"] : s["end"]] for s in detail["segments"]) == text
    kinds = {k for s in detail["segments"] for k in s["kinds"]}
    assert kinds == {"event", "quote", "time", "actor"}
    # Weeks 1-5 are rewrites of one story; weeks 6 and 8 come more than the 30-day
    # story horizon after week 1 and begin another; week 7 stands alone.
    assert len(detail["story_articles"]) == 4


def test_actor_detail_and_lists(client):
    actor = client.get("/api/actors/CHN").json()
    assert {n["code"] for n in actor["names"]} == {"CHNGOV", "CHNMIL"}
    assert actor["neighbours"][0]["target"] == "TWNGOV"
    assert all(q["speaker_name"] == "China" for q in actor["quotes"])
    assert client.get("/api/actors", params={"q": "navy"}).json()["rows"][0]["code"] == "CHNMIL"
    quotes = client.get("/api/quotes", params={"actor": "JPN"}).json()["rows"]
    assert [q["kind"] for q in quotes] == ["direct", "direct"]
    stories = client.get("/api/stories").json()["rows"]
    assert stories[0]["articles"] == 5  # weeks 1-5, see above
    story = client.get(f"/api/stories/{stories[0]['id']}").json()
    assert len(story["articles"]) == 5


def test_actor_page_quotes_are_the_newest_as_the_quote_listing_orders_them(client):
    for code in ("CHN", "CHNGOV", "JPN"):
        page = client.get(f"/api/actors/{code}").json()["quotes"]
        listed = client.get("/api/quotes", params={"actor": code, "limit": 20}).json()["rows"]
        assert page, code
        assert [(q["id"], q["published"], q["title"]) for q in page] == [
            (q["id"], q["published"], q["title"]) for q in listed
        ]


def test_analyses_timeline_network_alerts_places_overview(client):
    timeline = client.get("/api/dyads/timeline", params={"source": "CHN", "target": "TWN"}).json()
    assert [r["events"] for r in timeline["rows"]] == [1, 1, 1, 1, 1, 1, 4, 1]
    assert timeline["rows"][6]["material_conflict"] == 2
    network = client.get("/api/network").json()
    assert {n["id"] for n in network["nodes"]} == {"CHN", "TWN", "JPN", "EVL"}
    alerts = client.get("/api/alerts").json()["rows"]
    assert [(a["source"], a["target"], a["period"]) for a in alerts] == [
        ("CHN", "TWN", "2026-03-16")
    ]
    places = {p["name"]: p for p in client.get("/api/places").json()["rows"]}
    assert places["Tokyo"]["events"] == 2 and places["Taipei"]["conflict"] == 3
    overview = client.get("/api/overview").json()
    assert overview["counts"]["articles"] == 11
    assert sum(r["events"] for r in overview["timeline"]) == 14
    assert overview["alerts"][0]["events"] == 4


@pytest.mark.parametrize(
    ("url", "status", "code"),
    [
        ("/api/events?since=yesterday", 400, "E050"),
        ("/api/events?quad_class=5", 400, "E050"),
        ("/api/events?limit=0", 400, "E050"),
        ("/api/events?code=abc", 400, "E050"),
        ("/api/dyads/timeline?source=CHN", 400, "E050"),
        ("/api/articles/nope", 404, "E051"),
        ("/api/stories/nope", 404, "E051"),
        ("/api/actors/ZZZ", 404, "E051"),
        ("/api/no-such-thing", 404, "E051"),
    ],
)
def test_errors_have_one_shape(client, url, status, code):
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    assert body["error"]["message"]


def test_pages_are_shells_that_escape_their_parameters(client):
    for path in (
        "/",
        "/dyad",
        "/actors",
        "/articles",
        "/map",
        "/sql",
        "/actor/CHN",
        f"/article/{hostile_id()}",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert "<script>" not in response.text  # only <script src=…> of the package
    page = client.get("/dyad", params={"source": '"><script>alert(1)</script>'}).text
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    for asset in ("ew.js", "charts.js", "pages.js", "ew.css", "favicon.svg"):
        assert client.get(f"/static/{asset}").status_code == 200


def test_hostile_values_come_back_as_data(client):
    detail = client.get(f"/api/articles/{hostile_id()}").json()
    assert detail["article"]["title"].startswith("<script>")
    assert detail["actors"][0]["name"] == HOSTILE_NAME
    assert client.get(f"/api/articles/{hostile_id()}").headers["content-type"] == "application/json"


def test_token_is_required_on_every_request(db):
    with TestClient(create_app(db, token="s3cret")) as c:
        for path in ("/", "/api/events", "/static/ew.js", "/openapi.json"):
            denied = c.get(path)
            assert denied.status_code == 401 and denied.json()["error"]["code"] == "E054"
        assert c.get("/api/events", params={"token": "wrong"}).status_code == 401
        assert c.get("/api/events", params={"token": "s3cret"}).status_code == 200
        assert c.get("/api/events", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        page = c.get("/", params={"token": "s3cret"}).text
        assert "/static/ew.js?token=s3cret" in page
