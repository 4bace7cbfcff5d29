"""The dashboard in a real headless Chromium (Debian's package), driven by Playwright.

A uvicorn server runs the app over the test database on a free loopback port
in a thread. Every page: it loads, shows data from the database, a click on a
chart point lists its events, a search works. Screenshots go to
``tests/web/artifacts/`` (ignored by git) so a person can look at each page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package ([dev])"
)

from browser_helpers import NO_CHROMIUM, chromium, served  # noqa: E402
from web_db import HOSTILE_NAME, build, hostile_id  # noqa: E402

from eventwire.web import create_app  # noqa: E402

ARTIFACTS = Path(__file__).parent / "artifacts"

pytestmark = [pytest.mark.slow, NO_CHROMIUM]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build(tmp_path_factory.mktemp("web") / "web.duckdb")
    with served(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium(playwright_api) as b:
        yield b


@pytest.fixture
def page(browser, server) -> Iterator[object]:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda err: problems.append(f"page error: {err}"))
    pg.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    # Nothing may leave the machine: the dashboard must work offline.
    outside: list[str] = []
    pg.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    pg.problems = problems  # a test expecting an error response clears it
    yield pg
    context.close()
    assert not outside, f"requests left the server: {outside}"
    assert not problems, problems


def shot(pg, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_overview_shows_counts_and_a_bar_click_lists_its_events(page):
    page.goto("/")
    expect = playwright_api.expect
    expect(page.locator("#counts .card").first).to_contain_text("11")
    expect(page.locator("#top-actors")).to_contain_text("Taiwan")
    expect(page.locator("#alerts")).to_contain_text("CHN → TWN")
    bars = page.locator("#timeline .bar")
    expect(bars).to_have_count(8)
    page.locator('#timeline .bar[data-period="2026-03-16"]').click()
    expect(page.locator("#period-events .event")).to_have_count(4)
    expect(page.locator("#period-events")).to_contain_text("fired")
    page.locator("#event-search input").fill("flares")
    page.locator("#event-search button").click()
    # One sentence reports three events; each card marks its own trigger.
    expect(page.locator("#search-results .event")).to_have_count(3)
    expect(page.locator("#search-results mark.m-event")).to_have_text(["fired", "launched", "sent"])
    shot(page, "overview")


def test_dyad_timeline_click_lists_events_with_highlighted_evidence(page):
    page.goto("/dyad?source=CHN&target=TWN")
    expect = playwright_api.expect
    expect(page.locator("#dyad-title")).to_have_text("CHN → TWN")
    expect(page.locator("#timeline .bar")).to_have_count(8)
    expect(page.locator("#quotes-source .quote").first).to_contain_text("stop its drills")
    page.locator('#timeline .bar[data-period="2026-02-09"]').click()
    expect(page.locator("#events-title")).to_contain_text("2026-02-09")
    expect(page.locator("#events .event")).to_have_count(1)
    expect(page.locator("#events .event mark.m-actor").first).to_have_text("Beijing")
    page.locator("#event-search input").fill("warning shots")
    page.locator("#event-search button").click()
    expect(page.locator("#events .event")).to_have_count(3)
    shot(page, "dyad")
    page.locator(".chip", has_text="JPN → TWN").click()
    expect(page.locator("#dyad-title")).to_have_text("JPN → TWN")
    expect(page.locator("#quotes-source .quote").first).to_contain_text("stand ready")


def test_actor_view_shows_network_roles_quotes_and_events(page):
    page.goto("/actor/CHN")
    expect = playwright_api.expect
    expect(page.locator("#actor-title")).to_contain_text("China")
    expect(page.locator("#network .node")).to_have_count(1)
    expect(page.locator("#roles")).to_contain_text("source")
    expect(page.locator("#quotes .quote").first).to_contain_text("drills")
    expect(page.locator("#events .event").first).to_be_visible()
    page.locator("#event-search select").select_option("target")
    page.locator("#event-search button").click()
    expect(page.locator("#events")).to_contain_text("No events.")
    page.locator("#event-search select").select_option("source")
    page.locator("#event-search input").fill("flares")
    page.locator("#event-search button").click()
    expect(page.locator("#events .event")).to_have_count(3)
    shot(page, "actor")
    page.locator("#network .node").click()
    expect(page).to_have_url(re.compile(r"/actor/TWN"))


def test_actors_and_articles_lists_search(page):
    page.goto("/actors")
    expect = playwright_api.expect
    expect(page.locator("#actors li")).to_have_count(5)
    page.locator("#actor-search input").fill("navy")
    page.locator("#actor-search button").click()
    expect(page.locator("#actors li")).to_have_count(1)
    shot(page, "actors")
    page.locator("header .search input").fill("coast guard")
    page.locator("header .search input").press("Enter")
    expect(page.locator("#articles li")).to_have_count(2)
    shot(page, "articles")


def test_article_view_highlights_and_links_its_story(page, server):
    page.goto("/articles?q=warning")
    expect = playwright_api.expect
    page.locator("#articles li a").first.click()
    expect(page.locator("#article-text mark.m-event")).to_have_count(4)
    expect(page.locator("#article-text mark.m-time")).to_have_text("Wednesday")
    expect(page.locator("#article-text mark.m-quote").first).to_be_visible()
    expect(page.locator("#article-text mark.m-actor").first).to_be_visible()
    expect(page.locator("#article-story")).to_contain_text("No other article")
    shot(page, "article")
    page.goto("/articles?q=week 3.")
    page.locator("#articles li a").first.click()
    # Weeks 1-5 are rewrites of one story; weeks 6 and 8 come more than the 30-day
    # story horizon after week 1 and begin another; week 7 added new events.
    expect(page.locator("#article-story li")).to_have_count(4)
    page.locator("#article-story li a").first.click()
    expect(page.locator("#article-title")).to_have_text("Beijing criticises Taipei, week 1")


def test_map_draws_places_and_a_click_lists_their_events(page):
    page.goto("/map")
    expect = playwright_api.expect
    expect(page.locator("#map .place")).to_have_count(3)
    page.locator('#map .place[data-place="Tokyo"]').click()
    expect(page.locator("#place-title")).to_have_text("Events at Tokyo")
    expect(page.locator("#place-events .event")).to_have_count(2)
    shot(page, "map")
    page.locator("#map-form select").select_option("4")
    page.locator("#map-form button").click()
    expect(page.locator("#map .place")).to_have_count(1)
    expect(page.locator("#place-events .event")).to_have_count(0)


def test_sql_page_runs_a_query_and_reports_refusals(page):
    page.goto("/sql")
    expect = playwright_api.expect
    page.locator("#sql-form button").click()
    expect(page.locator("#sql-result table")).to_contain_text("11")
    expect(page.locator("#endpoints")).to_contain_text("/api/events")
    page.locator("#sql-form textarea").fill("DROP TABLE events")
    page.locator("#sql-form button").click()
    expect(page.locator("#sql-result .error")).to_contain_text("E052")
    assert page.problems == [
        "console error: Failed to load resource: the server responded with a status of 400"
        " (Bad Request)"
    ]
    page.problems.clear()
    shot(page, "sql")


def test_hostile_article_shows_its_script_as_text(page):
    page.goto(f"/article/{hostile_id()}")
    expect = playwright_api.expect
    expect(page.locator("#article-title")).to_contain_text("<script>window.__pwned=2</script>")
    expect(page.locator("#article-text")).to_contain_text(HOSTILE_NAME)
    expect(page.locator("#article-text")).to_contain_text("<img src=x onerror=window.__pwned=3>")
    expect(page.locator("#article-meta")).to_contain_text("javascript:window.__pwned=4")
    assert page.locator("#article-meta a").count() == 0
    assert page.locator("main script, main img, main b, main i").count() == 0
    assert page.evaluate("window.__pwned === undefined")
    shot(page, "hostile")
    page.goto("/actors?q=Evil")
    expect(page.locator("#actors li")).to_have_count(1)
    expect(page.locator("#actors li")).to_contain_text("<script>")
    page.goto("/dyad?source=EVL&target=TWN")
    expect(page.locator("#events .event")).to_have_count(1)
    assert page.evaluate("window.__pwned === undefined")
