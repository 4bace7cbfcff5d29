"""Run the event coder over a gold set: one Doc per record, batched, crashes counted."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.records import Article

from .score import (
    PentaScores,
    PloverScores,
    Prediction,
    TripleScores,
    score_penta,
    score_plover,
    score_triples,
)
from .sets import ZEROSHOT_SEEN, ZEROSHOT_UNSEEN, GoldRecord, GoldSet, gold_set, load_set

log = logging.getLogger(__name__)

BATCH_SIZE = 64
Scores = TripleScores | PloverScores | PentaScores
#: Subsets of a set scored on their own, by record-id prefix.
SUBSETS = {
    "petrarch-validation": {"GOLD_*": "GOLD_"},
    "plover-zeroshot": {
        "unseen (not in ConfliBERT train)": ZEROSHOT_UNSEEN,
        "also in ConfliBERT train": ZEROSHOT_SEEN,
    },
}


@dataclass
class Evaluation:
    """A gold set, what we coded for each record, and the scores."""

    spec: GoldSet
    predictions: list[Prediction]
    scores: Scores
    subsets: dict[str, Scores] = field(default_factory=dict)
    dictionaries: Path | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0


def pipeline_for(dictionaries: Path | None) -> tuple[Language, list[str]]:
    """The pipeline coding with ``dictionaries`` (PETRARCH folder) or ours, and warnings.

    When the components cannot take PETRARCH dictionaries yet, the packaged lexicon
    and actor list are used instead and a warning says so, so the harness still runs.
    """
    from eventwire.nlp.pipeline import get_pipeline

    if dictionaries is None:
        return get_pipeline(), []
    try:
        return get_pipeline(dictionaries), []
    except (TypeError, ValueError) as err:  # confection's config errors are ValueErrors
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        warning = (
            f"the pipeline cannot use the dictionaries in {dictionaries} yet ({first}); "
            "coding with eventwire's own lexicon and actors instead"
        )
        log.info(warning)
        return get_pipeline(), [warning]


def _doc(nlp: Language, record: GoldRecord) -> Doc:
    doc = nlp.make_doc(record.text)
    doc._.ew_article = Article(id=record.id, text=record.text, published=record.date)
    return doc


def _code_one(nlp: Language, record: GoldRecord) -> Prediction:
    try:
        doc = nlp(_doc(nlp, record))
    except Exception as err:  # a crash on one record is counted and the run goes on
        return Prediction(record, crash=f"{type(err).__name__}: {err}")
    return Prediction(record, list(doc._.ew_events or []))


def code_records(
    records: Sequence[GoldRecord],
    nlp: Language,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
) -> list[Prediction]:
    """Our events for every record, in order; a batch that fails is redone record by record."""
    predictions: list[Prediction] = []
    for start in range(0, len(records), batch_size):
        batch = records[start : start + batch_size]
        try:
            docs = list(nlp.pipe(_doc(nlp, r) for r in batch))
            done = [
                Prediction(r, list(d._.ew_events or [])) for r, d in zip(batch, docs, strict=True)
            ]
        except Exception:  # find the record that crashes by coding one at a time
            done = [_code_one(nlp, r) for r in batch]
        predictions.extend(done)
        if progress:
            progress(len(batch))
    return predictions


def score(spec: GoldSet, predictions: Sequence[Prediction]) -> Scores:
    """The scores the set's kind calls for."""
    if spec.kind == "triples":
        return score_triples(predictions)
    if spec.kind == "plover":
        return score_plover(predictions, spec.labels)
    return score_penta(predictions)


def evaluate(
    name: str,
    shared: Path,
    *,
    limit: int | None = None,
    dictionaries: Path | None = None,
    nlp: Language | None = None,
    progress: Callable[[int], None] | None = None,
) -> Evaluation:
    """Code gold set ``name`` (from under ``shared``) and score it.

    ``dictionaries`` overrides the set's own dictionary folder (the PETRARCH unit
    tests must use their toy dictionaries; the others use ours by default). ``nlp``
    replaces the pipeline altogether (tests use it).
    """
    spec = gold_set(name)
    records = load_set(name, shared, limit=limit)
    folder = dictionaries or spec.dictionary_dir(shared)
    warnings: list[str] = []
    if nlp is None:
        nlp, warnings = pipeline_for(folder)
    began = time.perf_counter()
    predictions = code_records(records, nlp, progress=progress)
    subsets = {
        label: score(spec, [p for p in predictions if p.record.id.startswith(prefix)])
        for label, prefix in SUBSETS.get(name, {}).items()
    }
    rest = [
        p
        for p in predictions
        if not any(p.record.id.startswith(x) for x in SUBSETS.get(name, {}).values())
    ]
    if subsets and rest:
        subsets["other"] = score(spec, rest)
    return Evaluation(
        spec=spec,
        predictions=predictions,
        scores=score(spec, predictions),
        subsets=subsets,
        dictionaries=folder,
        warnings=warnings,
        seconds=time.perf_counter() - began,
    )
