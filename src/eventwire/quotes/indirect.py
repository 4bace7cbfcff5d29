"""Indirect speech: "X said (that) …", "X urged Y to …" and "…, according to X".

The quoted text is the complement clause of a speech verb (without "that" and the
final punctuation). "according to X" reports the clause it is attached to; when the
phrase sits at the clause's start or end it is cut off, in the middle the clause is
kept whole so that the span stays one stretch of the article. Cues between quote
marks and complements that are mostly quoted already (a direct quotation) are left
out, so one report is not counted twice. "according to" an object that is no actor,
person or organisation ("according to the figures") is no speech and is skipped.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.quotes.cues import CueLexicon
from eventwire.quotes.direct import CueHit, DirectQuotes, Draft, according_to
from eventwire.quotes.speakers import mention_for, speaker_of
from eventwire.records import QuoteKind

#: Complements this short ("he said so") carry no content worth a record.
MIN_TOKENS = 3
#: Share of a complement's characters inside quote marks above which it is direct speech.
MOSTLY_QUOTED = 0.5
_SOURCE_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_TRIM = frozenset({"that", ",", ".", ";", ":", "—", "–", "-", "“", "”", '"'})


def _bounds(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of ``tokens`` without a leading "that" or edge punctuation."""
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].lower_ in _TRIM or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _TRIM or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < MIN_TOKENS:
        return None
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _set_off(clause: Token) -> bool:
    """ "Talks will resume, the ministry said": a punctuation mark ends the clause."""
    after = clause.right_edge.i + 1
    return after < len(clause.doc) and clause.doc[after].is_punct


def _reduced_passive(cue: Token) -> bool:
    """ "Asked whether …, the minister said": the question put to someone, not speech."""
    return cue.tag_ == "VBN" and not any(
        c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "agent"} for c in cue.children
    )


class IndirectQuotes:
    """Find the indirect speech of a Doc, skipping what the direct quotations cover."""

    def __init__(self, doc: Doc, cues: CueLexicon, direct: DirectQuotes):
        self.doc = doc
        self.cues = cues
        self.direct = direct

    def drafts(self) -> list[Draft]:
        found: list[Draft] = []
        for token in self.doc:
            if self.direct.quoted(token):
                continue
            draft = self._from_verb(token) or self._from_according(token)
            if draft is not None and not self._mostly_quoted(draft):
                found.append(draft)
        return found

    def _mostly_quoted(self, draft: Draft) -> bool:
        covered = sum(
            max(0, min(draft.end, b) - max(draft.start, a)) for a, b in self.direct.inside
        )
        return covered > MOSTLY_QUOTED * (draft.end - draft.start)

    def _draft(self, span: tuple[int, int], hit: CueHit) -> Draft:
        sent = hit.token.sent
        text = sent.text
        start = sent.start_char + len(text) - len(text.lstrip())
        return Draft(*span, QuoteKind.INDIRECT, (start, sent.start_char + len(text.rstrip())), hit)

    def _from_verb(self, token: Token) -> Draft | None:
        cue = self.cues.match(token)
        if cue is None or not cue.speech or _reduced_passive(token):
            return None
        complement = next((c for c in token.children if c.dep_ == "ccomp"), None)
        if complement is not None and complement.i < token.i and not _set_off(complement):
            complement = None  # a clause before the cue is its speech only when set off
        tokens: list[Token] = []
        if complement is not None:
            tokens = list(complement.subtree) + self._lost_subject(token, complement)
        else:
            # "X urged Y to …": the addressee and what it is asked to do
            addressee = next((c for c in token.children if c.dep_ in {"dobj", "dative"}), None)
            wanted = next((c for c in token.children if c.dep_ == "xcomp"), None)
            if addressee is not None and wanted is not None and addressee.i < wanted.i:
                tokens = [*addressee.subtree, *wanted.subtree]
        span = _bounds(tokens) if tokens else None
        if span is None:
            return None
        return self._draft(
            span, CueHit(token.text, token, speaker_of(self.doc, token, self.direct.quoted_char))
        )

    @staticmethod
    def _lost_subject(cue: Token, complement: Token) -> list[Token]:
        """A subject the parser hung on the cue as its object ("say China's pressure
        prompted …"): an object between the cue and a complement with no subject."""
        if any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in complement.children):
            return []
        for child in cue.children:
            if child.dep_ == "dobj" and cue.i < child.i < complement.i:
                return list(child.subtree)
        return []

    def _from_according(self, token: Token) -> Draft | None:
        obj = according_to(token)
        if obj is None:
            return None
        speaker = mention_for(self.doc, obj)
        if speaker is None and not any(t.ent_type_ in _SOURCE_ENTITIES for t in obj.subtree):
            return None
        phrase = {t.i for t in token.subtree}
        clause = token.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.head.i != clause.i:
            clause = clause.head
        tokens = [t for t in clause.subtree if t.i not in phrase]
        if not tokens:
            return None
        words = [t.i for t in tokens if not t.is_punct and not t.is_space]
        inside = bool(words) and min(words) < min(phrase) and max(phrase) < max(words)
        if inside:
            # the phrase stands in mid-clause: keep the whole clause as one stretch
            tokens = list(clause.subtree)
        span = _bounds(tokens)
        if span is None:
            return None
        return self._draft(span, CueHit("according to", token, speaker))
