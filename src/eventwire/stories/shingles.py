"""Text as sets: word shingles for copies, content words for reworded copies.

Both work on a normalised form of the text (NFKC, lower case, HTML entities
decoded, punctuation dropped), so a reprint that differs only in quotes,
dashes, spacing or an escaped apostrophe has the same shingles.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import cache
from importlib.resources import files

from ..errors import DataFileError

_WORD = re.compile(r"\w+", re.UNICODE)
_PARAGRAPH = re.compile(r"\n\s*\n")

_STOPWORDS_FILE = "stopwords.txt"


@cache
def stopwords() -> frozenset[str]:
    """Words that carry no topic, from ``data/stories/stopwords.txt``."""
    resource = files("eventwire") / "data" / "stories" / _STOPWORDS_FILE
    words: set[str] = set()
    for n, line in enumerate(resource.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0]
        for word in line.split():
            if word != word.lower() or not _WORD.fullmatch(word):
                raise DataFileError(
                    f"line {n}: {word!r} is not a lower-case word; fix the stop word list",
                    path=f"data/stories/{_STOPWORDS_FILE}",
                )
            words.add(word)
    return frozenset(words)


def normalise_words(text: str) -> list[str]:
    """The words of ``text``, lower-cased, without punctuation or markup escapes."""
    text = unicodedata.normalize("NFKC", html.unescape(text)).lower()
    return _WORD.findall(text)


def word_shingles(text: str, k: int) -> set[str]:
    """Every run of ``k`` consecutive words (the whole text when it is shorter)."""
    words = normalise_words(text)
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def content_words(text: str) -> set[str]:
    """Words that carry the topic: no stop words, no one- or two-letter words."""
    stop = stopwords()
    return {w for w in normalise_words(text) if len(w) > 2 and w not in stop}


def lead(text: str, max_words: int = 80) -> str:
    """The first paragraph, cut to ``max_words`` (texts without breaks give their start)."""
    first = _PARAGRAPH.split(text.strip(), maxsplit=1)[0]
    return " ".join(first.split()[:max_words])


def jaccard(a: set[str], b: set[str]) -> float:
    """Exact Jaccard similarity of two sets (0 when both are empty)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0
