"""Find the text between quotation marks, by characters, before any parsing.

Marks handled: “…” ‘…’ «…» ‹…› „…“ „…” ‚…‘ and straight "…" and '…' when paired.
Only the outermost quotation is kept: marks inside it (a quote within a quote) are
text. Newswire convention for quotations over several paragraphs: a paragraph that
opens with a quote mark and has no closing one continues in the next paragraph when
that one opens with the same mark; the parts become the segments of one quotation.
Feeds that lose paragraph breaks leave the same pattern inside one line (an opening
mark after the end of a sentence while a quotation is open), read the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Opening mark → the marks that close it.
CLOSERS: dict[str, str] = {
    "“": "”",
    "‘": "’",
    "«": "»",
    "‹": "›",
    "„": "“”",
    "‚": "‘’",
    '"': '"',
    "'": "'",
}
#: Marks that cannot be told from apostrophes by themselves: they open only at the
#: start of a word and close only at its end.
_APOSTROPHE_LIKE = frozenset({"’", "'", "‘"})
_STRAIGHT = frozenset("\"'")
_SENTENCE_END = frozenset(".?!…")
_PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass
class QuotedSpan:
    """A quotation: character offsets of its text without the marks, and its parts."""

    start: int
    end: int
    mark: str
    segments: list[tuple[int, int]] = field(default_factory=list)
    #: From the opening mark to just after the closing one (the end of the paragraph
    #: when the closing mark is missing): no cue can stand in here.
    outer: tuple[int, int] = (0, 0)


def _may_open(text: str, i: int) -> bool:
    """A mark at ``i`` can open a quotation: it starts a word and text follows."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace() and text[i] not in "«‹":
        return False
    if text[i] in "\"'‘":
        # "X's 'y'" and 2'6": a straight or single mark inside a word is no opener
        return not before.isalnum()
    return True


def _may_close(text: str, i: int) -> bool:
    """A mark at ``i`` can close a quotation: it ends a word (not China’s, don't)."""
    after = text[i + 1] if i + 1 < len(text) else " "
    if text[i] in _APOSTROPHE_LIKE:
        return not after.isalnum()
    return True


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    # "…,” he said: the comma belongs to the sentence around the quotation
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _last_non_space(text: str, i: int) -> str:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def _paragraph_ends(text: str) -> list[int]:
    return [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]


class _Scanner:
    """Walk the text once, keeping at most one open quotation."""

    def __init__(self, text: str):
        self.text = text
        self.found: list[QuotedSpan] = []
        self.mark: str | None = None  # the opening mark of the open quotation
        self.opened_at = 0
        self.seg_start = 0
        self.segments: list[tuple[int, int]] = []
        self.breaks = set(_paragraph_ends(text))

    def run(self) -> list[QuotedSpan]:
        text = self.text
        i = 0
        while i < len(text):
            ch = text[i]
            if i in self.breaks:
                i = self._paragraph_break(i)
                continue
            if self.mark is None:
                if ch in CLOSERS and _may_open(text, i):
                    self._open(i)
            elif ch in CLOSERS[self.mark] and _may_close(text, i):
                self._close(i)
            elif ch == self.mark and ch not in CLOSERS[ch] and self._starts_sentence(i):
                # lost paragraph break: “…done.  “More …” is one continuing quotation
                self._next_segment(i, i + 1)
            i += 1
        if self.mark is not None and self.mark not in _STRAIGHT:
            self._end_at(len(text))
        return self.found

    def _starts_sentence(self, i: int) -> bool:
        return _last_non_space(self.text, i) in _SENTENCE_END

    def _open(self, i: int) -> None:
        self.mark = self.text[i]
        self.opened_at = i
        self.seg_start = i + 1
        self.segments = []

    def _next_segment(self, seg_end: int, next_start: int) -> None:
        seg = _trimmed(self.text, self.seg_start, seg_end)
        if seg[1] > seg[0]:
            self.segments.append(seg)
        self.seg_start = next_start

    def _close(self, i: int) -> None:
        self._end_at(i, i + 1)

    def _end_at(self, i: int, outer_end: int | None = None) -> None:
        self._next_segment(i, i)
        if self.segments and self.mark is not None:
            start, end = self.segments[0][0], self.segments[-1][1]
            outer = (self.opened_at, i if outer_end is None else outer_end)
            self.found.append(QuotedSpan(start, end, self.mark, list(self.segments), outer))
        self.mark = None
        self.segments = []

    def _paragraph_break(self, i: int) -> int:
        """Handle the newline at ``i``; returns where scanning goes on."""
        text = self.text
        j = i
        while j < len(text) and text[j].isspace():
            j += 1
        if self.mark is None:
            return j
        if j < len(text) and text[j] == self.mark:
            self._next_segment(i, j + 1)  # the quotation goes on in this paragraph
            return j + 1
        if self.mark not in _STRAIGHT:
            self._end_at(i)  # closing mark forgotten at the end of the last paragraph
        else:
            self.mark = None  # an unpaired straight mark (5", rock 'n') opens nothing
            self.segments = []
        return j


def find_quoted(text: str) -> list[QuotedSpan]:
    """All outermost quotations of ``text`` in order."""
    return _Scanner(text).run()
