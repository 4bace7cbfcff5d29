"""Typed records that every stage reads and writes.

These models *are* the output contract of DESIGN.md: their JSON serialisation is
what ``eventwire extract`` prints, the JSON Schema in ``schema.json`` is generated
from them, and the DuckDB tables are derived from them (``store.schema``).
Changing a field here changes the contract: add a migration note to CHANGELOG.md.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Span = tuple[int, int]

Precision = Literal["day", "week", "month", "quarter", "year", "decade", "article"]


class Status(StrEnum):
    OK = "ok"
    SKIPPED = "skipped"
    FAILED = "failed"


class Modality(StrEnum):
    ASSERTED = "asserted"
    INTENDED = "intended"
    HYPOTHETICAL = "hypothetical"
    DEMANDED = "demanded"
    REPORTED = "reported"


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    SCARE = "scare"


class Record(BaseModel):
    """Base of all records: strict field names, no silent extras."""

    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    def to_json_dict(self) -> dict[str, Any]:
        """The record as the output contract's JSON object."""
        return self.model_dump(mode="json", exclude=self._internal_fields())

    @classmethod
    def _internal_fields(cls) -> set[str]:
        return set()


class Actor(Record):
    """A political actor as a mention resolves it: ``{"text","name","code",…}``."""

    text: str = Field(description="The words in the article that name the actor.")
    name: str = Field(description="Canonical name of the actor.")
    code: str = Field(description="Full CAMEO actor code, e.g. TWNLEG.")
    country: str | None = Field(
        default=None, description="ISO 3166-1 alpha-3 code, or an organisation code."
    )
    sectors: list[str] = Field(default_factory=list, description="CAMEO sector codes.")
    id: str | None = Field(default=None, description="Knowledge-base id (Wikidata id if known).")


class ActorSummary(Actor):
    """An actor of the article with how often it is mentioned."""

    mentions: int = 1


class Place(Record):
    """A resolved place: ``{"text","name","country","admin1","lat","lon",…}``."""

    text: str
    name: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    precision: Literal["city", "region", "country", "continent", "other"] | None = None


class Plover(Record):
    event: str
    mode: str | None = None


class TimeExpr(Record):
    """A temporal expression normalised against the publication date (TIMEX3 value)."""

    text: str
    span: Span
    value: str = Field(description="TIMEX3-style value: 2021-08-27, 2021-W34, 2021-07 …")
    precision: Precision


class Quote(Record):
    id: str
    sentence: str = Field(description="The sentence (or sentences) the quote stands in.")
    span: Span = Field(description="Character offsets of the quoted text in the article.")
    text: str
    kind: QuoteKind
    speaker: Actor | None = None
    cue: str | None = None


class Event(Record):
    id: str
    sentence: str = Field(description="The sentence the event was coded from.")
    span: Span = Field(description="Character offsets of `text` in the article.")
    text: str = Field(description="The words that carry the event (trigger phrase).")
    source: Actor | None = None
    target: Actor | None = None
    group: str | None = Field(
        default=None, description="Shared by events coded from one compound report."
    )
    cameo: str
    cameo_root: str
    # null only for a user dictionary's own code whose root CAMEO does not have
    quad_class: int | None = Field(ge=1, le=4)
    goldstein: float | None = Field(ge=-10, le=10)
    plover: Plover | None = None
    date: str | None = None
    date_precision: Precision = "article"
    location: Place | None = None
    negated: bool = False
    modality: Modality = Modality.ASSERTED
    confidence: float = Field(ge=0.0, le=1.0)
    rule: str


class ArticleInfo(Record):
    """The ``article`` object of the output contract (an Article without its text)."""

    id: str
    url: str | None = None
    title: str | None = None
    published: str | None = Field(
        default=None, description="ISO 8601: a date, or a date-time with its UTC offset."
    )
    outlet: str | None = None
    language: str | None = None
    path: str | None = None
    status: Status = Status.OK
    reason: str | None = None


class Article(ArticleInfo):
    """An article as the readers produce it; ``text`` is what every offset points into."""

    text: str = ""
    record: str | None = Field(
        default=None, description="Where in `path` the article was (line 3, item 2 …)."
    )

    @classmethod
    def _internal_fields(cls) -> set[str]:
        return {"text", "record"}

    def info(self) -> ArticleInfo:
        return ArticleInfo(**self.model_dump(exclude={"text", "record"}))


class ArticleResult(Record):
    """Everything extracted from one article: one line of ``eventwire extract``."""

    article: ArticleInfo
    events: list[Event] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    times: list[TimeExpr] = Field(default_factory=list)
    actors: list[ActorSummary] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)


class Failure(Record):
    """An input that could not become an article, or an article that failed a stage."""

    path: str
    record: str | None = None
    reason: str
    code: str = "E001"


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFC, one space between words, case kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its normalised text (16 hex digits)."""
    digest = hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()
    return digest[:16]


def failure_id(path: str, record: str | None) -> str:
    """Id for an input that never became an article: a hash of where it was."""
    digest = hashlib.sha256(f"{path}\x00{record or ''}".encode()).hexdigest()
    return "x" + digest[:15]
