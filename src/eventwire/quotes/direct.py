"""Direct quotations: text between quote marks, its cue and its speaker.

A quotation split by its cue ("…," he said, "…") becomes TWO records with the same
speaker and cue: a span must point at quoted words only, and one record over both
halves would carry "he said" inside its text. A quotation over several paragraphs is
one record whose span runs from its first to its last quoted character (the opening
marks of the later paragraphs stay inside, so ``text`` is always the article's text at
``span``).

Attribution, in order: a cue verb of the quotation's sentence(s) tied to it by the
parse (governing it, or hanging on it as in "…," he said); any other cue of those
sentences, nearest first; a following "X said." sentence; a preceding sentence that
ends with a colon ("He said:"); the speaker of the quotation just before, when this
one goes straight on from it. A short quoted phrase with none of these is a scare
quote (kind "scare", no speaker); a longer one stays direct with no speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.actors import ActorMention
from eventwire.quotes.cues import CueLexicon
from eventwire.quotes.marks import QuotedSpan
from eventwire.quotes.speakers import mention_for, speaker_of
from eventwire.records import QuoteKind

#: A quoted phrase of at most this many words, with no cue, is a scare quote.
SCARE_MAX_WORDS = 6
#: A sentence of at most this many words whose root is a cue is a bare "X said." cue.
BARE_CUE_MAX_WORDS = 10
_SENTENCE_END = frozenset(".?!…")


@dataclass
class CueHit:
    """A cue found for a quotation: the verb (or "according to") and who speaks."""

    text: str
    token: Token
    speaker: ActorMention | None


@dataclass
class Draft:
    """A quotation found, before it gets its id."""

    start: int
    end: int
    kind: QuoteKind
    sentence: tuple[int, int]  # character span of the sentence(s) it stands in
    cue: CueHit | None = None


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens whose first character lies in [start, end)."""
    return [t for t in doc if start <= t.idx < end and not t.is_space]


def sentences_over(doc: Doc, start: int, end: int) -> list[Span]:
    """The sentences that overlap the character range [start, end)."""
    return [s for s in doc.sents if s.start_char < end and s.end_char > start]


def _sentence_span(sents: list[Span]) -> tuple[int, int]:
    doc = sents[0].doc
    start, end = sents[0].start_char, sents[-1].end_char
    text = doc.text[start:end]
    return start + len(text) - len(text.lstrip()), start + len(text.rstrip())


def according_to(token: Token) -> Token | None:
    """The object of "according to" when ``token`` is "according", else None."""
    if token.lower_ != "according":
        return None
    for to in token.children:
        if to.lower_ == "to":
            for obj in to.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


class DirectQuotes:
    """Turn the quoted spans of a Doc into drafts with cues and speakers."""

    def __init__(self, doc: Doc, cues: CueLexicon, spans: list[QuotedSpan]):
        self.doc = doc
        self.cues = cues
        self.spans = spans
        self.inside = [(q.outer[0], q.outer[1]) for q in spans]

    def quoted(self, token: Token) -> bool:
        """True when ``token`` stands between quote marks (marks included)."""
        return self.quoted_char(token.idx)

    def quoted_char(self, char: int) -> bool:
        """True when character ``char`` stands between quote marks (marks included)."""
        return any(a <= char < b for a, b in self.inside)

    def drafts(self) -> list[Draft]:
        found: list[Draft] = []
        last: tuple[Draft, int] | None = None  # previous speech quotation, its last sentence
        for q in self.spans:
            sents = sentences_over(self.doc, q.outer[0], q.outer[1])
            if not sents:
                continue
            draft = Draft(q.start, q.end, QuoteKind.DIRECT, _sentence_span(sents))
            draft.cue = self._cue_in(q, sents)
            if draft.cue is None and self._is_phrase(q):
                draft.kind = QuoteKind.SCARE
            elif draft.cue is None:
                draft.cue = self._cue_around(sents) or self._cue_before(q, sents, last)
            found.append(draft)
            if draft.kind is QuoteKind.DIRECT:
                last = (draft, sents[-1].end)
        return found

    def _hit(self, token: Token) -> CueHit | None:
        if self.quoted(token):
            return None
        obj = according_to(token)
        if obj is not None:
            return CueHit("according to", token, mention_for(self.doc, obj))
        if self.cues.match(token) is None:
            return None
        return CueHit(token.text, token, speaker_of(self.doc, token, self.quoted_char))

    def _cue_in(self, q: QuotedSpan, sents: list[Span]) -> CueHit | None:
        """The cue in the quotation's own sentences: tied by the parse first, then nearest."""
        inner = {t.i for t in tokens_in(self.doc, q.start, q.end)}
        if not inner:
            return None
        first, last = min(inner), max(inner)
        tied: list[tuple[int, CueHit]] = []
        loose: list[tuple[int, CueHit]] = []
        for sent in sents:
            for token in sent:
                hit = self._hit(token)
                if hit is None:
                    continue
                distance = first - token.i if token.i < first else token.i - last
                # the cue governs the quotation, or hangs on it ("…," he said)
                linked = any(a.i in inner for a in token.ancestors) or any(
                    token.is_ancestor(self.doc[i]) for i in inner
                )
                (tied if linked else loose).append((distance, hit))
        if tied:
            # a cue with a speaker beats one without ("Asked whether …, Hua said"), and
            # the outermost cue speaks: in "Bishop said Australia maintained an
            # “unshakeable” commitment" the words are Bishop's, not Australia's
            pool = [h for _, h in tied if h.speaker is not None] or [h for _, h in tied]
            governing = [h for h in pool if any(h.token.is_ancestor(self.doc[i]) for i in inner)]
            top = [h for h in governing if not any(g.token.is_ancestor(h.token) for g in governing)]
            return min(
                top or pool, key=lambda h: min(abs(h.token.i - first), abs(h.token.i - last))
            )
        if loose and not self._is_phrase(q):
            # parse errors cut the tie now and then; a whole quoted sentence still
            # belongs to the cue standing next to it
            return min(loose, key=lambda pair: pair[0])[1]
        return None

    def _is_phrase(self, q: QuotedSpan) -> bool:
        """A short quoted phrase that is no sentence of its own: a term, not speech."""
        words = [t for t in tokens_in(self.doc, q.start, q.end) if not t.is_punct]
        ends_sentence = self.doc.text[q.start : q.end].rstrip()[-1:] in _SENTENCE_END
        return len(words) <= SCARE_MAX_WORDS and not ends_sentence

    def _cue_around(self, sents: list[Span]) -> CueHit | None:
        """A bare "X said." right after the quotation's sentences."""
        after = sents[-1].end
        if after >= len(self.doc):
            return None
        following = self.doc[after].sent
        words = [t for t in following if not (t.is_punct or t.is_space)]
        root = following.root
        bare = not any(c.dep_ == "ccomp" for c in root.children)
        if len(words) <= BARE_CUE_MAX_WORDS and bare and not self.quoted(root):
            return self._hit(root)
        return None

    def _cue_before(
        self, q: QuotedSpan, sents: list[Span], last: tuple[Draft, int] | None
    ) -> CueHit | None:
        """A "He said:" sentence before, or the quotation this one goes on from."""
        start = sents[0].start
        if start > 0:
            previous = self.doc[start - 1].sent
            text = previous.text.rstrip()
            if text.endswith(":"):
                for token in previous:
                    hit = self._hit(token)
                    if hit is not None:
                        return hit
        if last is not None and last[0].cue is not None and last[1] >= sents[0].start:
            return last[0].cue
        return None
