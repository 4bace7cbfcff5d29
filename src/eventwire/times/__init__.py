"""The times stage: temporal expressions normalised against the publication date.

``resolve(text, anchor)`` works on plain text; the spaCy component ``ew_times``
(``component.py``) does the same with the parse's help and writes ``doc._.ew_times``;
``date_for(doc, span)`` gives an event the date of the expression that governs its clause.

What ``ew_times`` holds: points (dates, weeks, months, quarters, seasons, years,
decades, times of day) and durations (``P3W``, precision of their unit), never the
vague references (PRESENT_REF, PAST_REF, FUTURE_REF: "now", "recently") nor sets
("daily"), which carry no date; ``find_timexes`` returns those too.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from ..records import Precision, TimeExpr
from .context import DocContext, TextContext, governing_verb
from .extract import extract, precision_of
from .normalise import Timex

__all__ = ["Timex", "date_for", "find_timexes", "resolve", "to_time_exprs"]

_POINT_PRECISIONS = {"day", "week", "month", "quarter", "year", "decade"}


def to_time_exprs(timexes: list[Timex]) -> list[TimeExpr]:
    """The records for ``ew_times``: points and durations, in text order."""
    out = []
    for t in timexes:
        precision = precision_of(t)
        if precision is not None:
            out.append(
                TimeExpr(text=t.text, span=(t.start, t.end), value=t.value, precision=precision)
            )
    return out


def resolve(text: str, anchor: date | None, *, numeric_order: str = "dmy") -> list[TimeExpr]:
    """Temporal expressions of plain text, normalised against ``anchor`` (no spaCy needed).

    Without an anchor, only expressions that carry their own date ("27 August 2021",
    "July 2021", "2019") are returned: relative ones have no value to give.
    """
    return to_time_exprs(extract(TextContext(text, anchor, numeric_order)))


def find_timexes(doc: Doc, anchor: date | None, *, numeric_order: str = "dmy") -> list[Timex]:
    """Every expression of a parsed Doc, references and sets included (for evaluation)."""
    return extract(DocContext(doc, anchor, numeric_order))


def date_for(doc: Doc, span: Span | Token) -> tuple[str, Precision] | None:
    """The date of the point expression governing the span's clause, else the nearest one.

    Governing: the expression hangs (through prepositions and nouns) from the span itself
    or from the verb of its clause, before any other verb. Otherwise the nearest point
    expression in the same sentence; None if the sentence has none (the caller then uses
    the article's date with precision "article").
    """
    tokens = [span] if isinstance(span, Token) else list(span)
    if not tokens:
        return None
    sent = tokens[0].sent
    inside = {t.i for t in tokens}
    verb = next((t for t in tokens if t.pos_ in {"VERB", "AUX"}), None) or governing_verb(tokens)
    best: tuple[int, TimeExpr] | None = None
    for expr in doc._.ew_times or []:
        if expr.precision not in _POINT_PRECISIONS or expr.value.startswith("P"):
            continue
        time_span = doc.char_span(*expr.span, alignment_mode="expand")
        if time_span is None or not (sent.start <= time_span.start < sent.end):
            continue
        if _governed_by(time_span, inside, verb):
            return expr.value, expr.precision
        distance = min(abs(time_span.start - t.i) for t in tokens)
        if best is None or distance < best[0]:
            best = (distance, expr)
    return (best[1].value, best[1].precision) if best else None


def _governed_by(time_span: Span, inside: set[int], verb: Token | None) -> bool:
    """Whether the expression's head chain reaches the span or its verb before another verb."""
    node = time_span.root
    for _ in range(12):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in inside or (verb is not None and node.i == verb.i):
            return True
        if node.pos_ in {"VERB", "AUX"}:
            return False
    return False


from . import component as _component  # noqa: E402,F401  (registers the ew_times factory)
