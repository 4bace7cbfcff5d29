"""Language identification with py3langid, which ships its own model."""

from __future__ import annotations

import re
from functools import lru_cache

_SAMPLE_CHARS = 2000
#: Below this many words character n-grams are weak evidence: a one-line English
#: report ("Nigeria launched an attack on Chad.") ranked Nigerian Pidgin first.
_SHORT_WORDS = 40
#: In a short text, English is kept when it ranks this high among the candidates.
_SHORT_TEXT_RANK = 3
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_SCRIPT_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ('en', 'de' …); 'und' when there is no text."""
    sample = text[:_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return "und"
    sample = _main_script_sample(sample)
    identifier = _identifier()
    if len(sample.split()) < _SHORT_WORDS:
        ranked = [code for code, _ in identifier.rank(sample)[:_SHORT_TEXT_RANK]]
        return "en" if "en" in ranked else str(ranked[0])
    code, _prob = identifier.classify(sample)
    return str(code)


def _main_script_sample(sample: str) -> str:
    """The sample without letters of other scripts when Latin letters are the majority.

    Quotations in another script (Arabic, Chinese …) weigh far more in character
    n-gram scores than their share of the text: an English article quoting Arabic
    posts was classed as Moroccan Arabic.
    """
    latin = len(_LATIN_LETTER.findall(sample))
    other = len(_OTHER_SCRIPT_LETTER.findall(sample))
    if latin > other and other:
        return _OTHER_SCRIPT_LETTER.sub("", sample)
    return sample
