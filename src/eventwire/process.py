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
#: Articles longer than this many characters fail with E006 instead of being parsed:
#: about 50,000 words, ten times a long feature, well under spaCy's 1,000,000 limit.
DEFAULT_MAX_CHARS = 300_000

#: Failure codes of the processing stage.
PROCESSING_FAILED = "E005"
TOO_LONG = "E006"

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


def too_long(article: Article, max_chars: int | None) -> Failure | None:
    """The E006 failure of an article over ``max_chars`` characters, else None."""
    if max_chars is None or len(article.text) <= max_chars:
        return None
    return article_failure(
        article,
        f"too long: {len(article.text):,} characters, the limit is {max_chars:,}; "
        "split the article or raise the limit (max_chars)",
        TOO_LONG,
    )


def article_failure(article: Article, reason: str, code: str = PROCESSING_FAILED) -> Failure:
    """The Failure row of an article that failed processing."""
    return Failure(path=article.path or "", record=article.record, reason=reason, code=code)


def _run_one(nlp: Language, article: Article, prefilter: bool = True) -> ArticleResult | Failure:
    try:
        doc = nlp(_make_doc(nlp, article, prefilter))
    except Exception as err:  # one bad article must not stop a batch
        log.warning("processing failed for %s: %s", article.path, err)
        return article_failure(article, f"processing failed: {type(err).__name__}: {err}")
    return result_from_doc(article, doc)


def _make_doc(nlp: Language, article: Article, prefilter: bool = True) -> Doc:
    """The tokenised Doc of an article, its empty sentences blanked when ``prefilter``.

    Blanking keeps the text's length, so spans stay offsets into ``article.text``.
    """
    text = article.text
    if prefilter:
        from .nlp.pipeline import get_prefilter

        selector = get_prefilter(nlp)
        text = selector.select(text).text if selector is not None else text
    doc = nlp.make_doc(text)
    if text is not article.text:
        _isolate_blanks(doc, article.text)
    doc._.ew_article = article
    return doc


def _isolate_blanks(doc: Doc, original: str) -> None:
    """Make each blanked stretch a sentence of its own, so no kept sentence runs into it.

    The parser keeps sentence starts that are already set (as for ``ew_paragraphs``).
    """
    for token in doc:
        blanked = token.is_space and original[token.idx : token.idx + len(token)] != token.text
        if blanked and token.i > 0:
            token.is_sent_start = True
            if token.i + 1 < len(doc):
                doc[token.i + 1].is_sent_start = True


def _process_batch(
    nlp: Language,
    batch: list[Item],
    prefilter: bool = True,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[Item, ArticleResult | Failure]]:
    done: dict[int, ArticleResult | Failure] = {}
    todo: list[Article] = []
    for item in batch:
        if isinstance(item, Article) and item.status == Status.OK:
            failure = too_long(item, max_chars)
            if failure is not None:
                done[id(item)] = failure
            else:
                todo.append(item)
    try:
        docs = list(nlp.pipe(_make_doc(nlp, a, prefilter) for a in todo))
        for article, doc in zip(todo, docs, strict=True):
            done[id(article)] = result_from_doc(article, doc)
    except Exception:  # find the bad article by running one at a time
        for article in todo:
            done[id(article)] = _run_one(nlp, article, prefilter)
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
    prefilter: bool = True,
    max_chars: int | None = DEFAULT_MAX_CHARS,
) -> Iterator[tuple[Item, ArticleResult | Failure]]:
    """Each input item with its result (or the failure it ended in), in input order.

    ``prefilter`` blanks the sentences that carry no event, quote or time before the
    parser sees them (``eventwire.nlp.prefilter``); ``max_chars`` fails longer articles
    with E006 (None: no limit).
    """
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        yield from _process_batch(nlp, batch, prefilter, max_chars)
