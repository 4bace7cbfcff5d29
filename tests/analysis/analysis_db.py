"""A synthetic database with known answers for the analysis tests.

Ten weeks from Monday 2026-01-05 (week 1) to week 10 (from 2026-03-09). Every
article reports one event and its text is made of words no other article
shares, so no two articles join a story, except one reprint (week 5).

- CHN→TWN: one verbal-conflict event (112, -2) each Wednesday of weeks 1–10;
  one cooperation event (042, +1.9) on Tuesday of week 2; in week 10 also six
  material-conflict events by the military (CHNMIL, 190, -10), Monday to Saturday.
  The week-5 report is reprinted by a second outlet.
- JPN→PHL: two cooperation events (036, +4) each week: never conflict.
- USA→CHN: three verbal-conflict events (112, -2) each week: steady, no alert.
- TWN→CHN: one verbal-conflict event in week 3.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from pathlib import Path

from eventwire.records import Actor, Article, ArticleResult, Event, Quote, article_id
from eventwire.store import Store

WEEK1 = date(2026, 1, 5)


def actor(code: str) -> Actor:
    return Actor(
        text=code, name=code, code=code, country=code[:3], sectors=[code[3:]] if code[3:] else []
    )


KINDS = {
    "112": (3, -2.0),
    "042": (1, 1.9),
    "190": (4, -10.0),
    "036": (1, 4.0),
}


def _words(seed: str, n: int = 14) -> str:
    return " ".join(hashlib.sha256(f"{seed}-{i}".encode()).hexdigest()[:9] for i in range(n))


class Builder:
    def __init__(self) -> None:
        self.items: list[tuple[Article, ArticleResult]] = []

    def add(
        self,
        day: date,
        source: str,
        target: str,
        cameo: str,
        *,
        text: str | None = None,
        outlet: str = "Wire",
        quote: str | None = None,
    ) -> Article:
        n = len(self.items)
        text = text or f"{_words(str(n))}."
        article = Article(
            id=article_id(text), text=text, outlet=outlet, published=day.isoformat(),
            url=f"https://news.example/{n}", path=f"{n}.txt",
        )  # fmt: skip
        quad, goldstein = KINDS[cameo]
        event = Event(
            id=f"{article.id}-e0", sentence=text, span=(0, 9), text=text[:9],
            source=actor(source), target=actor(target), cameo=cameo, cameo_root=cameo[:2],
            quad_class=quad, goldstein=goldstein, date=day.isoformat(), date_precision="day",
            confidence=0.9, rule="test",
        )  # fmt: skip
        quotes = []
        if quote:
            quotes.append(
                Quote(
                    id=f"{article.id}-q0",
                    sentence=quote,
                    span=(0, len(quote)),
                    text=quote,
                    kind="direct",
                    speaker=actor(source),
                    cue="said",
                )
            )
        self.items.append(
            (article, ArticleResult(article=article.info(), events=[event], quotes=quotes))
        )
        return article


def build(path: Path) -> Path:
    b = Builder()
    for week in range(10):
        monday = WEEK1 + timedelta(weeks=week)
        quote = "We will defend our sovereignty." if week in (1, 6) else None
        first = b.add(monday + timedelta(days=2), "CHNGOV", "TWNGOV", "112", quote=quote)
        if week == 4:
            b.add(
                monday + timedelta(days=2),
                "CHNGOV",
                "TWNGOV",
                "112",
                text=first.text + " Reprinted.",
                outlet="Other Paper",
            )
        for n in range(2):
            b.add(monday + timedelta(days=n), "JPNGOV", "PHLGOV", "036")
        for n in range(3):
            b.add(
                monday + timedelta(days=n + 3),
                "USAGOV",
                "CHNGOV",
                "112",
                quote="Stop it now." if week == 0 and n == 0 else None,
            )
    b.add(WEEK1 + timedelta(weeks=1, days=1), "CHNGOV", "TWNGOV", "042")
    b.add(WEEK1 + timedelta(weeks=2, days=4), "TWNGOV", "CHNGOV", "112")
    for n in range(6):
        b.add(WEEK1 + timedelta(weeks=9, days=n), "CHNMIL", "TWNGOV", "190")
    with Store(path) as store:
        store.write_batch(b.items)
    return path
