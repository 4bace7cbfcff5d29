"""Hypothesis strategies for hostile text and bytes, shared by the property tests
and ``benchmarks/hostile_inputs.py``.

The pieces are the kinds issue 10 names: random Unicode (no lone surrogates, which
a str from a decoder never holds), control and zero-width characters, byte-order
marks, right-to-left text mixed with English, combining marks, emoji, very long
tokens, punctuation-only and whitespace-only runs, NUL bytes and broken HTML.
"""

from __future__ import annotations

from hypothesis import strategies as st

#: English clauses written for these tests, so the parser has real sentences to chew on.
CLAUSES = (
    "The foreign minister of Norway met his Swedish counterpart in Oslo on Monday",
    "China accused Japan of violating its airspace",
    '"We will not accept this," the spokesman said',
    "according to the ministry, talks will resume next week",
    "Rebels attacked a police station in the north and the army responded",
    "The president threatened to impose sanctions on the company",
)
HOSTILE = (
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\u2060",  # word joiner
    "\ufeff",  # byte-order mark inside the text
    "\u200f\u202e",  # right-to-left mark, right-to-left override
    "\u202c",  # pop directional formatting
    "\u0301\u0308\u0327",  # combining marks with no base
    "\x00",
    "\x07\x1b\x7f",
    "\u2028\u2029",  # line and paragraph separators
    "\r",
    "\t",
    "\u00a0\u3000",  # no-break and ideographic spaces
    "\U0001f468\u200d\U0001f469\u200d\U0001f467",  # emoji joined by ZWJ
    "\U0001f600" * 40,
    "שלום עולם",  # Hebrew
    "قالت الوزارة إن المحادثات",  # Arabic
    "北京和东京",  # Chinese, no spaces
    '"' * 30,
    "«»„“”‘’",
    "!?.,;:" * 50,
    "=" * 300,
    "'s" * 200,
    "_" * 120,
    "<p><b><i>",
    "</div></span>",
    "&amp;&lt;&#0;&#xD800;",
)
_UNICODE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),
    max_size=60,
)
_LONG_TOKEN = st.builds(
    lambda char, n: char * n, st.sampled_from("aZ9-./'\"!é中"), st.integers(300, 5000)
)
_PIECE = st.one_of(
    st.sampled_from(CLAUSES),
    st.sampled_from(HOSTILE),
    _UNICODE,
    _LONG_TOKEN,
    st.sampled_from((" ", "\n", "\n\n", ". ", ", ")),
)


def hostile_text(max_pieces: int = 25) -> st.SearchStrategy[str]:
    """Text assembled from English clauses and hostile pieces, in any order."""
    return st.lists(_PIECE, max_size=max_pieces).map("".join)


def html_text() -> st.SearchStrategy[str]:
    """Pages that are nested deep, left unclosed or broken, around a little prose."""
    depth = st.integers(0, 12_000)
    tag = st.sampled_from(("div", "span", "b", "table", "p", "section", "li"))
    body = st.lists(st.sampled_from(CLAUSES), min_size=1, max_size=6).map(". ".join)
    junk = st.sampled_from(("", "<", "<<>>", "<!--", "<script>var x = '", "</p></p>", "&#"))

    def page(depth: int, tag: str, body: str, junk: str, closed: bool) -> str:
        close = f"</{tag}>" * depth if closed else ""
        return f"<html><body>{f'<{tag}>' * depth}<p>{body}</p>{junk}{close}"

    return st.builds(page, depth, tag, body, junk, st.booleans())
