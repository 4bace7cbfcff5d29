"""Articles and events written for the story tests (invented, in our own words)."""

from __future__ import annotations

import itertools

from eventwire.records import Actor, Article, ArticleResult, Event, article_id
from eventwire.store import Store

# A made-up report, four paragraphs, long enough for the containment test.
HARBOUR = [
    "Officials from Norway and Iceland met in Reykjavik on Monday to settle a long quarrel "
    "over mackerel quotas in the northern Atlantic, the two foreign ministries said in a "
    "joint note published after the meeting ended late in the evening.",
    "Under the draft accord, boats from both countries would share the catch in a wide band "
    "of water east of the Faroe Islands, and an inspection team with members from each side "
    "would board trawlers at random to count what they had landed.",
    "Fishing crews in the Westfjords welcomed the plan but warned that prices at the harbour "
    "auctions had already fallen sharply since the spring, and that many small firms would "
    "not survive another poor season without help from the state.",
    "The negotiators agreed to meet again in Oslo before the end of the summer to sign a "
    "final text, and said that the European Union would be invited to send an observer.",
]
# The same report, reworded by another desk.
HARBOUR_REWORDED = [
    "Norway and Iceland have agreed in principle to share mackerel quotas in the northern "
    "Atlantic after talks in Reykjavik on Monday, their foreign ministries announced in a "
    "joint note late that evening.",
    "Boats from the two countries would divide the catch in a band of water east of the "
    "Faroe Islands, and a joint inspection team would board trawlers at random to count "
    "their landings, according to the draft accord.",
    "Crews in the Westfjords said they welcomed it, though harbour auction prices have "
    "fallen sharply since spring and many small firms fear another poor season without "
    "state help. A final text is to be signed in Oslo before the end of the summer.",
]
# A different story on a related subject.
OTHER = [
    "Danish police arrested four climate activists on Thursday after they chained "
    "themselves to the gates of a gas terminal near Esbjerg, blocking lorries for most "
    "of the morning, a police spokesman said.",
    "The activists demanded that the government bring forward the closure of North Sea "
    "drilling by ten years. They were released in the afternoon and will be fined for "
    "obstructing traffic, the spokesman added.",
]


def article(
    paragraphs: list[str],
    *,
    published: str = "2026-05-04",
    outlet: str = "North Wire",
    title: str | None = None,
) -> Article:
    text = "\n\n".join(paragraphs)
    return Article(
        id=article_id(text),
        text=text,
        title=title or paragraphs[0][:40],
        published=published,
        outlet=outlet,
        path=f"{outlet}.txt",
    )


def actor(code: str) -> Actor:
    return Actor(text=code, name=code, code=code, country=code[:3])


def event(
    art: Article,
    n: int,
    source: str,
    target: str,
    cameo: str,
    *,
    date: str | None = None,
    negated: bool = False,
) -> Event:
    sentence = art.text.split(". ")[0]
    return Event(
        id=f"{art.id}-e{n}",
        sentence=sentence,
        span=(0, min(len(sentence), 10)),
        text=sentence[:10],
        source=actor(source),
        target=actor(target),
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=1,
        goldstein=3.0,
        date=date,
        date_precision="day" if date else "article",
        negated=negated,
        confidence=0.8,
        rule="test",
    )


def result(art: Article, events: list[Event] | None = None) -> ArticleResult:
    return ArticleResult(article=art.info(), events=events or [])


def pairwise_counts(db_path, articles: dict[str, Article], labels: dict[str, str]):
    """Store the labelled articles in publication order; (true, false, missed) pairs.

    A pair is true when both files carry one label and land in one story.
    """
    ordered = sorted(articles.values(), key=lambda a: (a.published or "", a.id))
    with Store(db_path) as store:
        store.write_batch([(a, ArticleResult(article=a.info())) for a in ordered])
        story = {r["id"]: r["story_id"] for r in store.query("SELECT id, story_id FROM articles")}
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(labels), 2):
        same = story[articles[a].id] == story[articles[b].id]
        truth = labels[a] == labels[b]
        tp += same and truth
        fp += same and not truth
        fn += truth and not same
    return tp, fp, fn
