"""What the normaliser may ask about a candidate's surroundings: tense, names, parts of speech.

``TextContext`` answers from the plain text (for ``resolve`` without spaCy);
``DocContext`` answers from a parsed spaCy ``Doc`` (tags, dependencies, entities).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from .calendar import Tense

_FUTURE_WORDS = re.compile(
    r"\b(?:will|shall|won't|'ll|going\s+to|is\s+due|are\s+due|is\s+to|are\s+to|plans?\s+to|"
    r"planned\s+to|scheduled|expected\s+to|upcoming)\b",
    re.IGNORECASE,
)
_PAST_WORDS = re.compile(
    r"\b(?:was|were|had|did|said|told|met|held|took|made|went|came|gave|saw|left|began|"
    r"\w{3,}ed)\b",
    re.IGNORECASE,
)
_FUTURE_HEADS = {
    "plan", "expect", "schedule", "due", "set", "intend", "hope", "aim", "prepare", "decide",
    "agree", "promise", "vow", "pledge", "threaten", "want", "seek", "propose",
}  # fmt: skip
#: Verbs whose date is that of the thing planned, even when the planning is told as past.
_PLANNING = {"plan", "schedule", "postpone", "reschedule"}
_NAME_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "LAW", "FAC", "PRODUCT", "NORP"}


class TextContext:
    """Context from the text alone."""

    def __init__(self, text: str, anchor: date | None, numeric_order: str = "dmy"):
        self.text = text
        self.anchor = anchor
        self.numeric_order = numeric_order

    def sentence(self, pos: int) -> tuple[int, int]:
        """Character bounds of the sentence around ``pos`` (by punctuation and line breaks)."""
        start = max(self.text.rfind(". ", 0, pos), self.text.rfind("\n", 0, pos)) + 1
        ends = [i for i in (self.text.find(". ", pos), self.text.find("\n", pos)) if i >= 0]
        return start, (min(ends) if ends else len(self.text))

    def prev_word(self, pos: int) -> str:
        """The word just before ``pos``, as written ('' at the start)."""
        m = re.search(r"([\w'$#.-]+)\W*$", self.text[max(0, pos - 40) : pos])
        return m[1] if m else ""

    def next_word(self, pos: int) -> str:
        """The word just after ``pos``, as written ('' at the end)."""
        m = re.match(r"[\s,]*([\w'-]+)", self.text[pos : pos + 40])
        return m[1] if m else ""

    def at_sentence_start(self, pos: int) -> bool:
        """Whether ``pos`` begins a sentence (after ., !, ?, a quote or a line break)."""
        before = self.text[max(0, pos - 4) : pos].rstrip(" \t\"'“‘")
        return not before or before[-1] in ".!?\n:"

    def tense(self, start: int, end: int) -> Tense:
        """Tense of the clause: future words, else past verbs, before or after the candidate."""
        s, e = self.sentence(start)
        clause = self.text[s:e]
        if _FUTURE_WORDS.search(clause):
            return "future"
        if _PAST_WORDS.search(clause):
            return "past"
        return None

    def deadline_tense(self, start: int, end: int) -> Tense:
        """The clause's tense, except for a deadline ("gave them until Tuesday"): a past
        verb sets a limit that may lie ahead, so the nearest such day is meant (None)."""
        if self.prev_word(start).lower() in {"until", "till", "til"}:
            return None
        return self.tense(start, end)

    def month_tense(self, start: int, end: int) -> Tense:
        """The tense that dates a month: the clause's, unless it sets a deadline."""
        return self.deadline_tense(start, end)

    def entity(self, start: int, end: int) -> str | None:
        """The named-entity label over the candidate (unknown without a parse)."""
        return None

    def tag(self, start: int) -> str | None:
        """The fine-grained tag of the token at ``start`` (unknown without a parse)."""
        return None

    def counts_a_noun(self, start: int, end: int) -> bool:
        """Whether the number at the candidate counts a noun ("1998 cars")."""
        return bool(re.match(r"\s+[a-z]+s\b", self.text[end : end + 30])) and not re.match(
            r"\s+(?:as|is|was|has|does|sees|plans|saw|hits|marks|ends|begins)\b",
            self.text[end : end + 30],
        )


class DocContext(TextContext):
    """Context from a parsed spaCy Doc."""

    def __init__(self, doc: Doc, anchor: date | None, numeric_order: str = "dmy"):
        super().__init__(doc.text, anchor, numeric_order)
        self.doc = doc

    def _tokens(self, start: int, end: int) -> list[Token]:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return list(span) if span is not None else []

    def sentence(self, pos: int) -> tuple[int, int]:
        toks = self._tokens(pos, min(pos + 1, len(self.text)))
        if not toks or not self.doc.has_annotation("SENT_START"):
            return super().sentence(pos)
        sent = toks[0].sent
        return sent.start_char, sent.end_char

    def tense(self, start: int, end: int) -> Tense:
        toks = self._tokens(start, end)
        if not toks:
            return super().tense(start, end)
        verb = governing_verb(toks)
        return verb_tense(verb) if verb is not None else super().tense(start, end)

    def month_tense(self, start: int, end: int) -> Tense:
        # "announced a cut in its supply in September": the month dates the cut, a thing
        # that may still lie ahead, not the announcing; so no tense from the verb
        tense = super().month_tense(start, end)
        toks = self._tokens(start, end)
        if tense == "past" and toks and _first_head_is_noun(toks):
            return None
        return tense

    def entity(self, start: int, end: int) -> str | None:
        labels = [t.ent_type_ for t in self._tokens(start, end) if t.ent_type_]
        return labels[0] if labels else None

    def tag(self, start: int) -> str | None:
        toks = self._tokens(start, min(start + 1, len(self.text)))
        return toks[0].tag_ if toks else None

    def counts_a_noun(self, start: int, end: int) -> bool:
        toks = self._tokens(start, end)
        if not toks or toks[-1].dep_ != "nummod" or toks[-1].head.tag_ != "NNS":
            return False  # "the 1996 campaign", "its 1990 invasion" name a year
        before = self.doc[toks[0].i - 1] if toks[0].i > 0 else None
        return before is None or before.tag_ not in {"DT", "PRP$", "POS"}


def governing_verb(tokens: list[Token]) -> Token | None:
    """The verb whose clause the tokens belong to: up the heads to a VERB or AUX."""
    inside = {t.i for t in tokens}
    root = next((t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[0])
    node = root.head if root.head.i != root.i else root
    for _ in range(12):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _first_head_is_noun(tokens: list[Token]) -> bool:
    """Whether the expression hangs, through prepositions only, from a common noun."""
    inside = {t.i for t in tokens}
    node = next((t for t in tokens if t.head.i not in inside), tokens[0]).head
    while node.pos_ == "ADP" and node.head.i != node.i:
        node = node.head
    return node.pos_ == "NOUN" and node.i not in inside


def verb_tense(verb: Token) -> Tense:
    """Past, future or present from a verb's tag and auxiliaries."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    words = {a.lower_ for a in auxes}
    if words & {"will", "'ll", "shall", "wo"}:
        return "future"
    if "to" in words and verb.head.lemma_ in _FUTURE_HEADS | {"go"}:
        return "future"
    if "to" in words and verb.dep_ == "xcomp" and verb.head.lemma_ == "be":
        return "future"  # "is to resume trading Tuesday", "was to meet Friday": a plan
    if "to" in words and verb.dep_ == "xcomp" and verb.head.i != verb.i:
        return verb_tense(verb.head) if verb.head.tag_ != "VB" else None
    if words & {"would", "could", "might", "may", "should", "must", "can"}:
        return None
    if verb.lemma_ in _PLANNING and verb.dep_ not in {"acl", "relcl"}:
        return "future"  # "planned a rally on Saturday": the day is the rally's, still ahead
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "had", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl"} and not words:
        # "the year ended March 31" is done by now; "a summit set for April" is a plan
        return None if verb.lemma_ in _FUTURE_HEADS else "past"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return "future"  # "are meeting on Friday": a progressive with a date is a plan
    if verb.tag_ in {"VBZ", "VBP"}:
        return "present"
    return None


def is_name_word(ctx: TextContext, start: int, end: int) -> bool:
    """Whether a capitalised time word is part of a name ("Good Friday", "Sunday Times")."""
    if re.match(r" (?!(?:The|A|An|In|On|At)\b)[A-Z][a-z]", ctx.text[end : end + 4]):
        return True  # "Sunday Times", "Good Friday Agreement"
    return ctx.prev_word(start).lower() in _NAME_LEADS  # "Black Monday", "Super Tuesday"


_NAME_LEADS = {"good", "black", "super", "ash", "palm", "holy", "cyber", "bloody", "maundy"}
