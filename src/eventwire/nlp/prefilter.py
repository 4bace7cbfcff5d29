"""A fast pre-filter on raw text: which sentences may carry an event, a quote or a time.

The statistical part of the pipeline (tok2vec, parser, NER) costs most of a run and
scales with the number of tokens. Many sentences of a news article carry nothing the
stages record: no reporting verb, no event trigger, no quotation mark, no time word.
The pre-filter finds those with one Aho-Corasick pass over the lower-cased text and
*blanks* them: every character of a dropped sentence except line breaks becomes a
space. The blanked text has the same length as the original, so every character span
the stages compute is still an offset into the ORIGINAL article text (the contract),
and the kept sentences read exactly as before. A run of spaces becomes one whitespace
token, so the parser and NER do almost no work for a dropped sentence.

A sentence is kept when it holds any of:

- a quotation mark (direct quotes, also when a quotation runs over sentences);
- a form of a reporting cue (``data/quotes/cues.tsv``) or of an event verb or noun
  (``data/events/*.tsv``); inflected forms come from simple English suffix rules plus
  the irregular forms in the base model's lemmatizer tables;
- a time word (``data/times/words.tsv`` plus the deictic words the times stage reads)
  or any digit;
- a name or alias of a known actor (``eventwire.actors`` knowledge base): such a
  sentence holds the antecedent that a later "it" or "the party" is resolved to, so
  dropping it would cost events and quote speakers. ``keep_actor_sentences=False``
  drops these as well (faster, but measured to lose a few events and speakers).

Texts of one or two sentences are never blanked: there is nothing to save, and
single-sentence inputs (evaluation records) stay untouched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import ahocorasick

#: What a key in the automaton stands for.
CUE, TRIGGER, TIME, ACTOR = "cue", "trigger", "time", "actor"
#: Kinds that make a sentence worth parsing by default.
DEFAULT_KINDS = frozenset({CUE, TRIGGER, TIME})

#: Time words the times stage reads by pattern rather than from words.tsv.
_DEICTIC_TIME_WORDS = (
    "today", "yesterday", "tomorrow", "tonight", "now", "nowadays", "currently", "current",
    "recently", "recent", "previously", "lately", "once", "ago", "earlier", "later", "early",
    "late", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly",
)  # fmt: skip
_QUOTE_MARKS = frozenset('"“”„«»‘’‚‹›「」『』')
#: Quotation marks written as HTML entities, as some feeds and archives leave them.
_QUOTE_ENTITIES = ("&quot;", "&#34;", "&ldquo;", "&rdquo;", "&#8220;", "&#8221;", "&apos;",
                   "&#39;", "&lsquo;", "&rsquo;", "&#8216;", "&#8217;")  # fmt: skip
#: A sentence ends at . ! or ? (and any closing quote/bracket) followed by space; this
#: errs towards long units, which only keeps more text.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*\n")


@dataclass(frozen=True)
class Selection:
    """The outcome of the pre-filter on one text."""

    text: str  # same length as the input; dropped sentences blanked
    kept: int  # sentences kept
    total: int  # sentences seen

    @property
    def dropped(self) -> int:
        return self.total - self.kept


class Prefilter:
    """An Aho-Corasick automaton over cue, trigger, time and (optionally) actor words."""

    def __init__(self, keys: dict[str, set[str]], *, kinds: Iterable[str] = DEFAULT_KINDS):
        self.kinds = frozenset(kinds)
        self._automaton = ahocorasick.Automaton()
        for key, key_kinds in keys.items():
            wanted = key_kinds & self.kinds
            if wanted and key.strip():
                self._automaton.add_word(key, (len(key), frozenset(wanted)))
        self._automaton.make_automaton()

    @classmethod
    def from_pipeline(cls, nlp: Any, *, keep_actor_sentences: bool = True) -> Prefilter:
        """The pre-filter of eventwire's lexicons, with irregular forms from ``nlp``."""
        kinds = DEFAULT_KINDS | ({ACTOR} if keep_actor_sentences else set())
        return cls(
            lexicon_keys(irregular_forms(nlp), with_actors=keep_actor_sentences), kinds=kinds
        )

    def sentence_spans(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each sentence-like unit of ``text``, covering all of it."""
        start = 0
        for match in _SENTENCE_END.finditer(text):
            yield start, match.end()
            start = match.end()
        if start < len(text):
            yield start, len(text)

    def wanted(self, sentence: str) -> bool:
        """Whether a sentence may carry an event, a quote or a time."""
        if any(ch.isdigit() for ch in sentence) and TIME in self.kinds:
            return True
        if not _QUOTE_MARKS.isdisjoint(sentence) or any(e in sentence for e in _QUOTE_ENTITIES):
            return True
        lowered = sentence.lower()
        for end, (length, _kinds) in self._automaton.iter(lowered):
            start = end - length + 1
            if _is_word_at(lowered, start, end + 1):
                return True
        return False

    def select(self, text: str) -> Selection:
        """``text`` with the sentences that carry nothing blanked (same length)."""
        spans = list(self.sentence_spans(text))
        if len(spans) <= 2:
            return Selection(text, len(spans), len(spans))
        parts: list[str] = []
        kept = 0
        for start, end in spans:
            sentence = text[start:end]
            if self.wanted(sentence):
                kept += 1
                parts.append(sentence)
            else:
                parts.append(_blank(sentence))
        if kept == len(spans):
            return Selection(text, kept, kept)
        return Selection("".join(parts), kept, len(spans))


def _is_word_at(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _blank(sentence: str) -> str:
    # Line breaks stay: paragraph boundaries steer sentence splitting (ew_paragraphs).
    return "".join(ch if ch == "\n" else " " for ch in sentence)


# --- the keys -----------------------------------------------------------------------


def inflections(lemma: str, *, noun: bool = False) -> set[str]:
    """Regular English forms of a verb (or noun) lemma: -s, -es, -ed, -ing, -ies, doubling."""
    word = lemma.lower()
    forms = {word, word + "s", word + "es"}
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if noun:
        return forms
    stem = word[:-1] if word.endswith("e") else word
    forms |= {stem + "ed", stem + "ing", word + "d", word + "ed", word + "ing"}
    if len(word) >= 3 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms


def irregular_forms(nlp: Any) -> dict[str, set[str]]:
    """Lemma → irregular verb forms, from the base model's lemmatizer exception table."""
    forms: dict[str, set[str]] = {}
    if nlp is None or "lemmatizer" not in nlp.pipe_names:
        return forms
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_exc"):
        return forms
    for form, lemmas in lookups.get_table("lemma_exc").get("verb", {}).items():
        for lemma in lemmas:
            forms.setdefault(lemma, set()).add(form.lower())
    return forms


def lexicon_keys(
    irregular: dict[str, set[str]], *, with_actors: bool = False
) -> dict[str, set[str]]:
    """Every lower-case key of the automaton with the kinds it stands for."""
    from ..events.lexicon import load_lexicon
    from ..quotes.cues import load_cues
    from ..times.lexicon import load_lexicon as load_time_words

    keys: dict[str, set[str]] = {}

    def add(words: Iterable[str], kind: str) -> None:
        for word in words:
            keys.setdefault(" ".join(word.lower().split()), set()).add(kind)

    lexicon = load_lexicon()
    for lemma in lexicon.verb_lemmas():
        add(inflections(lemma) | irregular.get(lemma, set()), TRIGGER)
    for lemma in lexicon.noun_lemmas():
        add(inflections(lemma, noun=True), TRIGGER)
    for cue in load_cues().cues:
        add(inflections(cue.lemma) | irregular.get(cue.lemma, set()), CUE)
        add(["according to"], CUE)
    time_words = load_time_words().words
    for kind in ("month", "weekday", "season", "partofday", "unit", "holiday"):
        for word in time_words.get(kind, {}):
            add(inflections(word, noun=True), TIME)
    add(_DEICTIC_TIME_WORDS, TIME)
    if with_actors:
        add(_actor_names(), ACTOR)
    return keys


def _actor_names() -> Iterator[str]:
    """Names and aliases of every country, organisation, party, institution and person."""
    from ..actors.kb import load_knowledge_base

    kb = load_knowledge_base()
    for c in kb.countries.values():
        yield from (c.name, *c.names, *c.adjectives, *c.demonyms, c.capital, *c.capital_names)
    for entry in (*kb.organisations.values(), *kb.parties, *kb.institutions, *kb.people):
        yield from (entry.name, *entry.names)
