"""eventwire: political event data from news.

>>> import eventwire
>>> result = eventwire.extract_text("China protested to Japan on Friday.", published="2021-09-01")
>>> summary = eventwire.ingest(["news/"], db="events.duckdb")
"""

from .about import __version__
from .api import IngestSummary, extract, extract_text, ingest
from .errors import EventwireError
from .ingest.options import ReadOptions
from .records import (
    Actor,
    ActorSummary,
    Article,
    ArticleInfo,
    ArticleResult,
    Event,
    Failure,
    Place,
    Quote,
    TimeExpr,
)
from .store import Store

__all__ = [
    "Actor",
    "ActorSummary",
    "Article",
    "ArticleInfo",
    "ArticleResult",
    "Event",
    "EventwireError",
    "Failure",
    "IngestSummary",
    "Place",
    "Quote",
    "ReadOptions",
    "Store",
    "TimeExpr",
    "__version__",
    "extract",
    "extract_text",
    "ingest",
]
