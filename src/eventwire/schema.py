"""The JSON Schema of the output contract, generated from the records."""

from __future__ import annotations

from typing import Any

from .about import __version__
from .records import ArticleResult


def json_schema() -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of one line of ``eventwire extract``."""
    schema = ArticleResult.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://eventwire.example/schema/article-result.json"
    schema["title"] = "eventwire ArticleResult"
    schema["description"] = (
        "One JSON object per input article, as printed by `eventwire extract` "
        f"(eventwire {__version__.split('.')[0]}.x output contract)."
    )
    return schema
