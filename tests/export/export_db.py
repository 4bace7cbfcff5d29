"""A small database written through Store.write_batch, for the export tests.

Three articles written for these tests: two outlets carrying nearly the same
report of one accusation, and a third with a compound protest, a negated
meeting and a statement without a PLOVER category.
"""

from __future__ import annotations

from pathlib import Path

from eventwire.records import Actor, Article, ArticleResult, Event, Place, Plover, article_id
from eventwire.store import Store

CHINA = Actor(text="Beijing", name="China", code="CHNGOV", country="CHN", sectors=["GOV"])
TAIWAN = Actor(text="Taipei", name="Taiwan", code="TWNGOV", country="TWN", sectors=["GOV"])
RUSSIA = Actor(text="Moscow", name="Russia", code="RUSGOV", country="RUS", sectors=["GOV"])
USA = Actor(text="Washington", name="United States", code="USAGOV", country="USA", sectors=["GOV"])
UN = Actor(text="the UN", name="United Nations", code="IGOUNO", country="UNO", sectors=["IGO"])
TAIPEI = Place(
    text="Taipei", name="Taipei", country="TWN", admin1="03", lat=25.05, lon=121.53,
    geonameid=1668341, precision="city",
)  # fmt: skip

COPY_TEXT = (
    "Beijing accused Taipei of provoking tension on Monday, a spokesman said.\n\n"
    "The statement followed a naval patrol near the island."
)


def _event(article: Article, n: int, source, target, cameo: str, **extra) -> Event:
    sentence = extra.pop("sentence", article.text.split("\n")[0])
    values = {
        "quad_class": 3,
        "goldstein": -2.0,
        "plover": Plover(event="ACCUSE", mode="disapprove"),
        "confidence": 0.8,
    } | extra
    return Event(
        id=f"{article.id}-e{n}",
        sentence=sentence,
        span=(8, 15),
        text="accused",
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        rule="test",
        **values,
    )


def _article(text: str, outlet: str, url: str, published: str) -> Article:
    return Article(
        id=article_id(text), text=text, outlet=outlet, url=url, published=published, path="x.txt"
    )


def build(path: Path) -> Path:
    """Write the three test articles to a new database at ``path``."""
    first = _article(COPY_TEXT, "Wire A", "https://a.example/1", "2026-03-02T09:00:00+08:00")
    second = _article(
        COPY_TEXT.replace("a spokesman", "its spokesman"),
        "Paper B",
        "https://b.example/2",
        "2026-03-03",
    )
    third_text = (
        "China and Russia condemned Washington at the UN on Tuesday.\n\n"
        "The United States did not meet Taiwan. The UN voiced concern."
    )
    third = _article(third_text, "Wire A", "https://a.example/3", "2026-03-04")
    results = []
    for article in (first, second):
        event = _event(
            article,
            0,
            CHINA,
            TAIWAN,
            "112",
            date="2026-03-02",
            date_precision="day",
            location=TAIPEI,
        )
        results.append((article, ArticleResult(article=article.info(), events=[event])))
    compound = [
        _event(third, n, actor, USA, "111", group="g1", date="2026-03-03", date_precision="day")
        for n, actor in enumerate((CHINA, RUSSIA))
    ]
    negated = _event(
        third,
        2,
        USA,
        TAIWAN,
        "036",
        negated=True,
        quad_class=1,
        goldstein=4.0,
        plover=Plover(event="CONSULT"),
        sentence="The United States did not meet Taiwan.",
    )
    no_plover = _event(
        third,
        3,
        UN,
        None,
        "012",
        quad_class=1,
        goldstein=-0.1,
        plover=None,
        sentence="The UN voiced concern.",
    )
    no_plover = no_plover.model_copy(update={"span": (100, 106)})
    events = [*compound, negated, no_plover]
    results.append((third, ArticleResult(article=third.info(), events=events)))
    with Store(path) as store:
        store.write_batch(results)
    return path
