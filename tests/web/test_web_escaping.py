"""Every dashboard page shows hostile titles, texts and actor names as text, in a real browser.

The test database gets one more article whose title, outlet, text, quote and
actor name carry markup that would open a dialog (``alert``) or set a flag if
it ever ran. Each page is loaded in headless Chromium: no dialog opens, no
flag is set, no element from the data appears, and the markup is visible as
text where the page shows that field.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi", reason="the web tests need the [web] extra")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="needs the playwright package ([dev])"
)

from browser_helpers import NO_CHROMIUM, chromium, served  # noqa: E402
from web_db import items  # noqa: E402

from eventwire.records import (  # noqa: E402
    Actor,
    ActorSummary,
    Article,
    ArticleResult,
    Event,
    Quote,
    article_id,
)
from eventwire.store import Store  # noqa: E402
from eventwire.web import create_app  # noqa: E402

pytestmark = [pytest.mark.slow, NO_CHROMIUM]

ACTOR_NAME = "<svg onload=alert('actor')>Mischief League</svg>"
TITLE = "<img src=x onerror=alert('title')> Harbour row"
OUTLET = "<script>alert('outlet')</script>Daily"
QUOTE = "<iframe src=javascript:alert('quote')></iframe> we refuse"


def _xss_article() -> tuple[Article, ArticleResult]:
    text = (
        f"{ACTOR_NAME} blamed Taipei for the harbour row on Monday. "
        f"A spokesman said \"{QUOTE}\" and <b onmouseover=alert('text')>left</b>."
    )
    article = Article(
        id=article_id(text), text=text, title=TITLE, outlet=OUTLET, published="2026-03-02"
    )
    actor = Actor(text=ACTOR_NAME, name=ACTOR_NAME, code="XSSPTY", country="XSS", sectors=["PTY"])
    taipei = Actor(text="Taipei", name="Taiwan", code="TWNGOV", country="TWN", sectors=["GOV"])
    at = text.index("blamed")
    event = Event(
        id=f"{article.id}-e0",
        sentence=text[: text.index(". ") + 1],
        span=(at, at + 6),
        text="blamed",
        source=actor,
        target=taipei,
        cameo="112",
        cameo_root="11",
        quad_class=3,
        goldstein=-2.0,
        date=date(2026, 3, 2).isoformat(),
        date_precision="day",
        confidence=0.8,
        rule="test",
    )
    qs = text.index(QUOTE)
    said = Quote(
        id=f"{article.id}-q0",
        sentence=text[text.index("A spokesman") :],
        span=(qs, qs + len(QUOTE)),
        text=QUOTE,
        kind="direct",
        speaker=actor,
        cue="said",
    )
    actors = [
        ActorSummary(**actor.model_dump(), mentions=1),
        ActorSummary(**taipei.model_dump(), mentions=1),
    ]
    return article, ArticleResult(
        article=article.info(), events=[event], quotes=[said], actors=actors
    )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("web") / "xss.duckdb"
    with Store(db) as store:
        store.write_batch([*items(), _xss_article()])
    with served(create_app(db)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with chromium(playwright_api) as b:
        yield b


PAGES = [
    # (path, where the hostile field shows, the text it must show)
    ("/", "#top-actors", ACTOR_NAME),
    ("/actors?q=Mischief", "#actors", ACTOR_NAME),
    ("/actor/XSS", "#actor-title", ACTOR_NAME),
    ("/articles?q=Harbour row", "#articles", TITLE),
    (f"/article/{_xss_article()[0].id}", "#article-title", TITLE),
    (f"/article/{_xss_article()[0].id}", "#article-text", QUOTE),
    (f"/article/{_xss_article()[0].id}", "#article-meta", OUTLET),
    ("/dyad?source=XSS&target=TWN", "#events", TITLE),
    ("/dyad?source=XSS&target=TWN", "#quotes-source", QUOTE),
    ("/map", "main", "Map"),
]


@pytest.mark.parametrize(("path", "where", "shown"), PAGES)
def test_hostile_data_is_shown_as_text_on_every_page(browser, server, path, where, shown):
    context = browser.new_context(base_url=server)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda err: errors.append(str(err)))
    # A blocked inline script or handler would show as a CSP report in the console.
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        page.goto(path)
        playwright_api.expect(page.locator(where)).to_contain_text(shown, timeout=15_000)
        page.wait_for_load_state("networkidle")
        # Hovering the data would fire an injected onmouseover.
        page.locator(where).hover()
        assert dialogs == []
        assert errors == []
        assert page.evaluate("window.__pwned === undefined")
        injected = "main script, main iframe, main svg[onload], main [onerror], main [onmouseover]"
        assert page.locator(injected).count() == 0
    finally:
        context.close()


def test_sql_page_shows_hostile_values_as_text(browser, server):
    context = browser.new_context(base_url=server)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        sql = "SELECT title, outlet FROM articles WHERE title LIKE '%onerror%'"
        page.goto(f"/sql?sql={quote(sql)}")
        page.locator("#sql-form button").click()
        table = page.locator("#sql-result table")
        playwright_api.expect(table).to_contain_text(TITLE)
        playwright_api.expect(table).to_contain_text(OUTLET)
        assert dialogs == []
        assert page.locator("#sql-result img, #sql-result script").count() == 0
    finally:
        context.close()
