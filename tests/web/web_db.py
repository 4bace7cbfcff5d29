"""A small database for the web tests, written for them (no news text from anywhere).

Eight weeks from Monday 2026-02-02. Each article is a few sentences in the
tests' own words with its events, quotes, dates, places and actors located by
their words in the text, so spans and highlights are real. One hostile
article puts ``<script>`` and quotes into its title, text, URL and an actor name.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from eventwire.records import (
    Actor,
    ActorSummary,
    Article,
    ArticleResult,
    Event,
    Place,
    Quote,
    TimeExpr,
    article_id,
)
from eventwire.store import Store

WEEK1 = date(2026, 2, 2)
HOSTILE_NAME = 'Evil <script>window.__pwned=1</script> "Party"'
HOSTILE_TITLE = '<script>window.__pwned=2</script> Title with "quotes" & <b>tags</b>'

ACTORS = {
    "CHNGOV": Actor(text="Beijing", name="China", code="CHNGOV", country="CHN", sectors=["GOV"]),
    "CHNMIL": Actor(
        text="the Chinese navy", name="Chinese navy", code="CHNMIL", country="CHN", sectors=["MIL"]
    ),
    "TWNGOV": Actor(text="Taipei", name="Taiwan", code="TWNGOV", country="TWN", sectors=["GOV"]),
    "JPNGOV": Actor(text="Tokyo", name="Japan", code="JPNGOV", country="JPN", sectors=["GOV"]),
    "EVLPTY": Actor(
        text=HOSTILE_NAME, name=HOSTILE_NAME, code="EVLPTY", country="EVL", sectors=["PTY"]
    ),
}
PLACES = {
    "Taipei": Place(
        text="Taipei", name="Taipei", country="TWN", lat=25.05, lon=121.53, precision="city"
    ),
    "Tokyo": Place(
        text="Tokyo", name="Tokyo", country="JPN", lat=35.69, lon=139.69, precision="city"
    ),
    "Xiamen": Place(
        text="Xiamen", name="Xiamen", country="CHN", lat=24.48, lon=118.09, precision="city"
    ),
}
KINDS = {"112": (3, -2.0), "190": (4, -10.0), "138": (3, -7.0), "150": (4, -7.2), "036": (1, 4.0)}


def _event(
    article: Article,
    n: int,
    trigger: str,
    source: str,
    target: str,
    cameo: str,
    day: date,
    place: str | None,
) -> Event:
    start = article.text.index(trigger)
    sentence_start = article.text.rfind(". ", 0, start) + 2 if ". " in article.text[:start] else 0
    sentence_end = article.text.find(".", start) + 1
    quad, goldstein = KINDS[cameo]
    return Event(
        id=f"{article.id}-e{n}",
        sentence=article.text[sentence_start:sentence_end],
        span=(start, start + len(trigger)),
        text=trigger,
        source=ACTORS[source],
        target=ACTORS[target],
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=goldstein,
        date=day.isoformat(),
        date_precision="day",
        location=PLACES[place] if place else None,
        confidence=0.8,
        rule="test",
    )


def _article(
    n: int, day: date, title: str, text: str, outlet: str = "Test Wire", url: str | None = None
) -> Article:
    return Article(
        id=article_id(text),
        text=text,
        title=title,
        outlet=outlet,
        published=day.isoformat(),
        url=url or f"https://news.example/{n}",
        path=f"{n}.txt",
    )


def _summaries(text: str, codes: list[str]) -> list[ActorSummary]:
    return [
        ActorSummary(**ACTORS[c].model_dump(), mentions=max(1, text.count(ACTORS[c].text)))
        for c in codes
    ]


def items() -> list[tuple[Article, ArticleResult]]:
    out = []
    for week in range(8):
        day = WEEK1 + timedelta(weeks=week, days=2)
        text = (
            f"Beijing accused Taipei of provoking tension in week {week + 1}. "
            "A spokesman said on Wednesday that the island should stop its drills near Xiamen."
        )
        if week == 6:
            text += (
                " Later the Chinese navy fired warning shots near Taipei, launched flares over"
                " the strait and sent ships close to the coast."
            )
        article = _article(week, day, f"Beijing criticises Taipei, week {week + 1}", text)
        events = [_event(article, 0, "accused", "CHNGOV", "TWNGOV", "112", day, "Xiamen")]
        if week == 6:
            for n, (trigger, cameo) in enumerate(
                (("fired", "190"), ("launched", "138"), ("sent", "150")), 1
            ):
                events.append(_event(article, n, trigger, "CHNMIL", "TWNGOV", cameo, day, "Taipei"))
        quote_text = "the island should stop its drills near Xiamen"
        qs = text.index(quote_text)
        quotes = [
            Quote(
                id=f"{article.id}-q0",
                sentence=text[text.index("A spokesman") :],
                span=(qs, qs + len(quote_text)),
                text=quote_text,
                kind="indirect",
                speaker=ACTORS["CHNGOV"],
                cue="said",
            )
        ]
        ts = text.index("Wednesday")
        times = [
            TimeExpr(text="Wednesday", span=(ts, ts + 9), value=day.isoformat(), precision="day")
        ]
        codes = ["CHNGOV", "TWNGOV", *(["CHNMIL"] if week == 6 else [])]
        out.append(
            (
                article,
                ArticleResult(
                    article=article.info(),
                    events=events,
                    quotes=quotes,
                    times=times,
                    actors=_summaries(text, codes),
                    places=[PLACES["Xiamen"]],
                ),
            )
        )
    for week in (1, 4):
        day = WEEK1 + timedelta(weeks=week, days=1)
        text = (
            f"Tokyo offered Taipei help with coast guard training, officials said in round {week}. "
            '"We stand ready to share what we know," the Japanese minister said in Tokyo.'
        )
        article = _article(
            20 + week, day, f"Tokyo offers Taipei training (round {week})", text, "Other Paper"
        )
        event = _event(article, 0, "offered", "JPNGOV", "TWNGOV", "036", day, "Tokyo")
        quote_text = "We stand ready to share what we know,"
        qs = text.index(quote_text)
        quote = Quote(
            id=f"{article.id}-q0",
            sentence=text[qs - 1 :],
            span=(qs, qs + len(quote_text)),
            text=quote_text,
            kind="direct",
            speaker=ACTORS["JPNGOV"],
            cue="said",
        )
        out.append(
            (
                article,
                ArticleResult(
                    article=article.info(),
                    events=[event],
                    quotes=[quote],
                    actors=_summaries(text, ["JPNGOV", "TWNGOV"]),
                    places=[PLACES["Tokyo"]],
                ),
            )
        )
    out.append(_hostile())
    return out


def _hostile() -> tuple[Article, ArticleResult]:
    day = WEEK1 + timedelta(weeks=3)
    text = (
        f"{HOSTILE_NAME} accused Taipei of lying. "
        'Its leader said "<img src=x onerror=window.__pwned=3> is our answer" to reporters.'
    )
    article = _article(
        99, day, HOSTILE_TITLE, text, outlet='<i>"Outlet"</i>', url="javascript:window.__pwned=4"
    )
    event = _event(article, 0, "accused", "EVLPTY", "TWNGOV", "112", day, None)
    quote_text = "<img src=x onerror=window.__pwned=3> is our answer"
    qs = text.index(quote_text)
    quote = Quote(
        id=f"{article.id}-q0",
        sentence=text,
        span=(qs, qs + len(quote_text)),
        text=quote_text,
        kind="direct",
        speaker=ACTORS["EVLPTY"],
        cue="said",
    )
    return article, ArticleResult(
        article=article.info(),
        events=[event],
        quotes=[quote],
        actors=_summaries(text, ["EVLPTY", "TWNGOV"]),
    )


def hostile_id() -> str:
    return _hostile()[0].id


def build(path: Path) -> Path:
    """Write the test database at ``path`` (closed again, ready to be opened read-only)."""
    with Store(path) as store:
        store.write_batch(items())
    return path


def generated_with_gaps(path: Path, events: int, *updates: str) -> Path:
    """The web benchmark's generated database of ``events`` events, then ``updates``
    (SQL that blanks some values, so that summaries are checked against SQL on gaps)."""
    import duckdb

    from bench_modules import load_benchmark

    load_benchmark("web_latency").generate(path, events)
    con = duckdb.connect(str(path))
    for sql in updates:
        con.execute(sql)
    con.close()
    return path
