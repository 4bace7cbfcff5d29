"""Reporting cues: the verbs that introduce speech, read from ``data/quotes/cues.tsv``.

Every row is validated on load; a bad row raises :class:`~eventwire.errors.DataFileError`
naming the file and the line. ``speech`` verbs ("say", "warn") make indirect speech and
attribute direct quotations; the others ("continue", "smile") only attribute a direct
quotation they stand next to, because on their own they report no speech.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from eventwire.errors import DataFileError

HEADER = ("lemma", "particle", "speech", "note")
_YES_NO = {"yes": True, "no": False}


@dataclass(frozen=True)
class Cue:
    """One reporting verb (with the particle it needs, if any)."""

    lemma: str
    particle: str | None
    speech: bool
    where: str  # "cues.tsv:12": where errors and rules point to


@dataclass(frozen=True)
class CueLexicon:
    """The cues indexed by lemma."""

    cues: tuple[Cue, ...]

    @functools.cached_property
    def _by_lemma(self) -> dict[str, list[Cue]]:
        index: dict[str, list[Cue]] = {}
        for cue in self.cues:
            index.setdefault(cue.lemma, []).append(cue)
        return index

    def match(self, token: Token) -> Cue | None:
        """The cue ``token`` is, if it is a verb listed here (with its particle, if needed)."""
        if token.pos_ not in {"VERB", "AUX"} and token.tag_ not in {"VBD", "VBZ", "VBP", "VBN"}:
            return None
        particles = {c.lower_ for c in token.children if c.dep_ == "prt"}
        for cue in self._by_lemma.get(token.lemma_.lower(), ()):
            if cue.particle is None or cue.particle in particles:
                return cue
        return None

    def speech_lemmas(self) -> frozenset[str]:
        """Lemmas of the speech verbs (particle-free ones, as a lemma alone names them)."""
        return frozenset(c.lemma for c in self.cues if c.speech and c.particle is None)


def parse_cues(text: str, path: str) -> CueLexicon:
    """Validate the rows of a cues file; errors name ``path`` and the line."""
    rows = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not rows or tuple(c.strip() for c in rows[0][1].split("\t")) != HEADER:
        raise DataFileError(f"the first row must be the header {'<TAB>'.join(HEADER)}", path=path)
    cues: list[Cue] = []
    seen: dict[tuple[str, str | None], int] = {}
    for n, line in rows[1:]:
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) != len(HEADER):
            raise DataFileError(
                f"{len(cells)} columns, the header has {len(HEADER)} (separate them with tabs)",
                path=path,
                record=f"line {n}",
            )
        lemma, particle, speech, _note = cells
        if not lemma or not lemma.isalpha() or lemma != lemma.lower():
            raise DataFileError(
                f"lemma {lemma!r} must be one lower-case word", path=path, record=f"line {n}"
            )
        if speech not in _YES_NO:
            raise DataFileError(
                f"speech is {speech!r}; write yes or no", path=path, record=f"line {n}"
            )
        key = (lemma, particle or None)
        if key in seen:
            raise DataFileError(
                f"{lemma} {particle} is listed twice (also on line {seen[key]})".replace("  ", " "),
                path=path,
                record=f"line {n}",
            )
        seen[key] = n
        cues.append(Cue(lemma, particle or None, _YES_NO[speech], f"{Path(path).name}:{n}"))
    return CueLexicon(tuple(cues))


@functools.cache
def load_cues() -> CueLexicon:
    """The packaged cue lexicon (read and validated once per process)."""
    source = resources.files("eventwire").joinpath("data", "quotes", "cues.tsv")
    return parse_cues(source.read_text(encoding="utf-8"), "eventwire/data/quotes/cues.tsv")


def read_cues(path: Path | str) -> CueLexicon:
    """A user's cue file in the packaged format."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"cannot read the file: {err}", path=str(path)) from err
    return parse_cues(text, str(path))


def speech_verbs() -> frozenset[str]:
    """Lemmas of the speech verbs, so the event coder can tell reporting from events."""
    return load_cues().speech_lemmas()
