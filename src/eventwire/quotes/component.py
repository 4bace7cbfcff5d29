"""``ew_quotes``: fills ``doc._.ew_quotes`` with the article's quotations.

Direct quotations come from the quote marks (:mod:`.marks`, :mod:`.direct`), indirect
speech from the parse (:mod:`.indirect`); speakers are the actor mentions that the
actors stage found (:mod:`.speakers`). Records are numbered in text order:
``{article_id}-q1``, ``-q2`` … (``doc-q1`` when the Doc has no article).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.actors import ActorMention
from eventwire.nlp.extensions import register_extensions
from eventwire.quotes.cues import CueLexicon, load_cues
from eventwire.quotes.direct import DirectQuotes, Draft
from eventwire.quotes.indirect import IndirectQuotes
from eventwire.quotes.marks import find_quoted
from eventwire.quotes.speakers import (
    is_person,
    same_person_pronoun,
    subject_of,
    unresolved_pronoun,
)
from eventwire.records import Quote

#: How many sentences back the last speaker may stand to be carried on to a he/she.
CARRY_SENTENCES = 4


def find_quotes(doc: Doc, cues: CueLexicon | None = None) -> list[Quote]:
    """All quotations of ``doc`` (actor mentions must be set) as records, in text order."""
    lexicon = cues or load_cues()
    direct = DirectQuotes(doc, lexicon, find_quoted(doc.text))
    drafts = direct.drafts() + IndirectQuotes(doc, lexicon, direct).drafts()
    drafts.sort(key=lambda d: (d.start, d.end))
    _carry_speakers(doc, drafts)
    article = doc._.ew_article
    prefix = article.id if article is not None and getattr(article, "id", None) else "doc"
    return [_record(doc, d, f"{prefix}-q{n}") for n, d in enumerate(drafts, start=1)]


@dataclass
class _Speaker:
    """The last speaker seen: its mention (None when no actor) and where it spoke."""

    mention: ActorMention | None
    sentence: int
    char: int
    person: bool


def _carry_speakers(doc: Doc, drafts: list[Draft]) -> None:
    """Keep he/she cues on the last speaker, the way newswire keeps one speaker.

    A run of quotations keeps its speaker ("She said: …" then "She added: …"), and
    coreference looks only a few sentences back, so an unresolved he/she takes the last
    speaker when that is a person of a matching gender within ``CARRY_SENTENCES``
    sentences. The other way round, when a person who is no actor (a scholar, say) was
    quoted after the pronoun's antecedent was named, "he said" most likely means that
    person: the speaker is dropped (None) rather than given to the antecedent.
    """
    starts = [s.start_char for s in doc.sents]
    last: _Speaker | None = None
    for draft in drafts:
        if draft.cue is None:
            continue
        cue = draft.cue
        where = bisect.bisect_right(starts, cue.token.idx)
        subject = subject_of(cue.token) if cue.text != "according to" else None
        gender = unresolved_pronoun(doc, cue.token) if subject is not None else None
        if gender and cue.speaker is None and last and last.mention is not None:
            if where - last.sentence <= CARRY_SENTENCES and same_person_pronoun(
                last.mention, gender
            ):
                cue.speaker = last.mention
        elif (
            gender
            and cue.speaker is not None
            and last
            and last.mention is None
            and last.person
            and last.char > _antecedent_char(doc, cue.speaker)
        ):
            cue.speaker = None
        if gender or cue.speaker is not None or (subject is not None and _names_person(subject)):
            person = gender is not None or _names_person(subject) or is_person(cue.speaker)
            # the window runs from where the speaker's words end, not from the cue
            reach = max(where, bisect.bisect_right(starts, draft.end - 1))
            last = _Speaker(cue.speaker, reach, cue.token.idx, person)


def _names_person(subject: Token | None) -> bool:
    return subject is not None and any(t.ent_type_ == "PERSON" for t in subject.subtree)


def _antecedent_char(doc: Doc, mention: ActorMention) -> int:
    mentions = doc._.ew_mentions or []
    if mention.antecedent is not None and 0 <= mention.antecedent < len(mentions):
        return mentions[mention.antecedent].start_char
    return mention.start_char


def _record(doc: Doc, draft: Draft, ident: str) -> Quote:
    speaker = draft.cue.speaker.actor if draft.cue and draft.cue.speaker else None
    return Quote(
        id=ident,
        sentence=doc.text[draft.sentence[0] : draft.sentence[1]],
        span=(draft.start, draft.end),
        text=doc.text[draft.start : draft.end],
        kind=draft.kind,
        speaker=speaker,
        cue=draft.cue.text if draft.cue else None,
    )


class QuoteFinder:
    """The spaCy component: runs :func:`find_quotes` on every Doc."""

    def __init__(self, nlp: Language, name: str):
        register_extensions()
        self.name = name
        self.cues = load_cues()

    def __call__(self, doc: Doc) -> Doc:
        doc._.ew_quotes = find_quotes(doc, self.cues)
        return doc


@Language.factory("ew_quotes", assigns=["doc._.ew_quotes"], requires=["doc._.ew_actors"])
def make_quote_finder(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder(nlp, name)
