"""Run the NLP stages over articles and gather each article's results."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from itertools import islice

from spacy.language import Language
from spacy.tokens import Doc

from .records import (
    Article,
    ArticleInfo,
    ArticleResult,
    Failure,
    Status,
    failure_id,
)

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32

Item = Article | Failure


def failed_result(failure: Failure) -> ArticleResult:
    """The output line for an input that never became an article."""
    info = ArticleInfo(
        id=failure_id(failure.path, failure.record),
        path=failure.path,
        status=Status.FAILED,
        reason=failure.reason,
    )
    return ArticleResult(article=info)


def result_from_doc(article: Article, doc: Doc) -> ArticleResult:
    """Collect what the stage components left on the Doc into an ArticleResult."""
    return ArticleResult(
        article=article.info(),
        events=list(doc._.ew_events or []),
        quotes=list(doc._.ew_quotes or []),
        times=list(doc._.ew_times or []),
        actors=list(doc._.ew_actors or []),
        places=list(doc._.ew_places or []),
    )


def _run_one(nlp: Language, article: Article) -> ArticleResult | Failure:
    try:
        doc = nlp(_make_doc(nlp, article))
    except Exception as err:  # one bad article must not stop a batch
        log.warning("processing failed for %s: %s", article.path, err)
        return Failure(
            path=article.path or "",
            record=article.record,
            reason=f"processing failed: {type(err).__name__}: {err}",
            code="E005",
        )
    return result_from_doc(article, doc)


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.ew_article = article
    return doc


def _process_batch(
    nlp: Language, batch: list[Item]
) -> Iterator[tuple[Item, ArticleResult | Failure]]:
    todo = [a for a in batch if isinstance(a, Article) and a.status == Status.OK]
    done: dict[int, ArticleResult | Failure] = {}
    try:
        docs = list(nlp.pipe(_make_doc(nlp, a) for a in todo))
        for article, doc in zip(todo, docs, strict=True):
            done[id(article)] = result_from_doc(article, doc)
    except Exception:  # find the bad article by running one at a time
        for article in todo:
            done[id(article)] = _run_one(nlp, article)
    for item in batch:
        if isinstance(item, Failure):
            yield item, item
        elif item.status != Status.OK:
            yield item, ArticleResult(article=item.info())
        else:
            yield item, done[id(item)]


def process(
    items: Iterable[Item],
    nlp: Language,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
) -> Iterator[tuple[Item, ArticleResult | Failure]]:
    """Each input item with its result (or the failure it ended in), in input order."""
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        yield from _process_batch(nlp, batch)
