"""``ew_events``: codes who did what to whom and fills ``doc._.ew_events`` with Event records.

With ``dictionaries`` (a folder of PETRARCH-format dictionaries) the verbs come from the
PETRARCH verb file in it (``*verbs*.txt`` or ``CAMEO*.txt``); otherwise from eventwire's
own lexicon. The extraction itself is in :mod:`eventwire.events.extract`.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import DataFileError
from eventwire.events.extract import EventExtractor
from eventwire.events.lexicon import Lexicon, load_lexicon
from eventwire.nlp.extensions import register_extensions


class EventCoder:
    """The pipeline component: one :class:`EventExtractor` built once per pipeline."""

    def __init__(self, nlp: Language, name: str, *, dictionaries: str | None = None):
        register_extensions()
        self.name = name
        self.dictionaries = dictionaries
        self._extractor: EventExtractor | None = None

    @property
    def extractor(self) -> EventExtractor:
        """The extractor, built on first use so that building a pipeline stays cheap."""
        if self._extractor is None:
            lexicon, prefix = _lexicon(self.dictionaries)
            self._extractor = EventExtractor(lexicon, rule_prefix=prefix)
        return self._extractor

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_events = self.extractor(doc)
        return doc


def _lexicon(dictionaries: str | None) -> tuple[Lexicon, str]:
    """The lexicon to code with and the prefix of its rule names."""
    if dictionaries is None:
        return load_lexicon(), ""
    return _petrarch_lexicon(Path(dictionaries)), "petrarch"


def petrarch_verb_file(folder: Path) -> Path:
    """The PETRARCH verb dictionary of a dictionary folder."""
    candidates = sorted(folder.glob("*verbs*.txt")) + sorted(folder.glob("*Verbs*.txt"))
    candidates += sorted(folder.glob("CAMEO*.txt"))
    if not candidates:
        raise DataFileError(
            "no PETRARCH verb dictionary in this folder; add a '*verbs*.txt' or 'CAMEO*.txt' "
            "file or leave --dictionaries out to use eventwire's lexicon",
            path=str(folder),
        )
    return candidates[0]


def _petrarch_lexicon(folder: Path) -> Lexicon:
    from eventwire.events.petrarch_verbs import read_petrarch_verbs

    return read_petrarch_verbs(petrarch_verb_file(folder))


@Language.factory(
    "ew_events",
    default_config={"dictionaries": None},
    assigns=["doc._.ew_events"],
    requires=["doc._.ew_actors", "doc._.ew_times", "doc._.ew_places"],
)
def make_event_coder(nlp: Language, name: str, dictionaries: str | None) -> EventCoder:
    return EventCoder(nlp, name, dictionaries=dictionaries)
