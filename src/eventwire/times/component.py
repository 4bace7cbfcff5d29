"""``ew_times``: the spaCy component that writes ``doc._.ew_times``."""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from ..errors import InputError
from ..ingest.dates import published_date
from ..nlp.extensions import register_extensions
from . import find_timexes, to_time_exprs

_ORDERS = {"dmy", "mdy"}


class TimesComponent:
    """Find and normalise the temporal expressions of each Doc.

    The anchor is the publication date of ``doc._.ew_article``; ``anchor`` in the config
    (ISO date) stands in when a Doc has no article or the article no date.
    """

    def __init__(self, nlp: Language, name: str, *, anchor: str | None, numeric_order: str):
        self.name = name
        if numeric_order not in _ORDERS:
            raise InputError(
                f"numeric_order must be one of {sorted(_ORDERS)}, not {numeric_order!r}"
            )
        self.numeric_order = numeric_order
        self.anchor = published_date(anchor) if anchor else None
        if anchor and self.anchor is None:
            raise InputError(f"anchor {anchor!r} is not an ISO date (YYYY-MM-DD)")
        register_extensions()

    def anchor_for(self, doc: Doc) -> date | None:
        """The publication date of the Doc's article, else the configured anchor."""
        article = doc._.ew_article
        published = published_date(article.published) if article is not None else None
        return published or self.anchor

    def __call__(self, doc: Doc) -> Doc:
        timexes = find_timexes(doc, self.anchor_for(doc), numeric_order=self.numeric_order)
        doc._.ew_times = to_time_exprs(timexes)
        return doc


@Language.factory(
    "ew_times",
    default_config={"anchor": None, "numeric_order": "dmy"},
    assigns=["doc._.ew_times"],
    requires=["token.dep", "token.tag"],
)
def make_times(nlp: Language, name: str, anchor: str | None, numeric_order: str) -> TimesComponent:
    return TimesComponent(nlp, name, anchor=anchor, numeric_order=numeric_order)
