"""The rows a distributed run passes between stages and writes as Parquet.

Records travel as their own JSON (``model_dump_json``), so a worker's output is read
back into exactly the Article, ArticleResult or Failure the local engine would hold.
Columns of an output row:

``source``, ``item``  position of the shard in the input order, of the item in the shard
``shard``            the shard's name (path or URI)
``article_id``       the article's id (null for inputs that never became articles)
``status``           ok, skipped or failed
``article``          the Article (JSON), null when the input failed
``result``           the ArticleResult (JSON), null when the input failed
``failure``          the Failure (JSON) of an input or article that failed, else null
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language

from ..ingest.options import ReadOptions
from ..process import process
from ..records import Article, ArticleResult, Failure, Status
from .shards import Shard, read_shard

Item = Article | Failure

#: Columns of the Parquet output, in order.
OUTPUT_COLUMNS = ("source", "item", "shard", "article_id", "status", "article", "result", "failure")


def read_rows(shard_row: dict[str, Any], options: ReadOptions) -> list[dict[str, Any]]:
    """The items of one shard as rows holding the Article or Failure JSON."""
    shard = Shard.from_row(shard_row)
    rows = []
    for number, item in enumerate(read_shard(shard, options)):
        article = item.model_dump_json() if isinstance(item, Article) else None
        failure = item.model_dump_json() if isinstance(item, Failure) else None
        rows.append(
            {
                "source": shard.source,
                "item": number,
                "shard": shard.name,
                "article": article,
                "failure": failure,
            }
        )
    return rows


def process_rows(
    rows: Iterable[dict[str, Any]], nlp: Language, *, batch_size: int
) -> list[dict[str, Any]]:
    """Run eventwire's ``process`` over read rows; one output row per input row."""
    rows = list(rows)
    items = [_item(row) for row in rows]
    outputs = []
    for row, (item, result) in zip(rows, process(items, nlp, batch_size=batch_size), strict=True):
        outputs.append(_output_row(row, item, result))
    return outputs


def _item(row: dict[str, Any]) -> Item:
    if row.get("article"):
        return Article.model_validate_json(row["article"])
    return Failure.model_validate_json(row["failure"])


def _output_row(row: dict[str, Any], item: Item, result: ArticleResult | Failure) -> dict[str, Any]:
    failed = isinstance(result, Failure)
    article = item if isinstance(item, Article) else None
    return {
        "source": int(row["source"]),
        "item": int(row["item"]),
        "shard": row["shard"],
        "article_id": article.id if article else None,
        "status": Status.FAILED.value if failed else str(result.article.status),
        "article": row["article"] if article else None,
        "result": None if failed else result.model_dump_json(),
        "failure": result.model_dump_json() if failed else None,
    }


def decode_output(row: dict[str, Any]) -> tuple[Item, ArticleResult | Failure]:
    """The (item, result) pair an output row holds, as ``process`` yielded it."""
    if row.get("failure"):
        failure = Failure.model_validate_json(row["failure"])
        item = Article.model_validate_json(row["article"]) if row.get("article") else failure
        return item, failure
    if not row.get("article") or not row.get("result"):
        raise ValueError("an output row holds neither a failure nor an article with its result")
    article = Article.model_validate_json(row["article"])
    return article, ArticleResult.model_validate_json(row["result"])
