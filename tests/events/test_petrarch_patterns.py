"""PETRARCH verb patterns in dictionary mode: words before the verb, fixed words after
it, object modifiers, null patterns, and where the actors are sought by default.

The dictionaries and sentences are written for these tests (invented states).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.events.petrarch_patterns import PetrarchPattern
from eventwire.events.petrarch_verbs import read_petrarch_verbs
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article

ACTORS = """\
VELORIA_ [VLR]
KESTREL_ [KST]
"""

AGENTS = """\
GOVERNMENT [~GOV]
"""

VERBS = """\
&NEGAUX
+DID N'T
+WILL NOT

--- RESTORE [064] ---
RESTORE

--- CONDEMN [122] ---
CONDEMN

--- QUARREL [111] ---
QUARREL
- &NEGAUX * OVER PLANS [131]

--- ACT [100] ---
ACT
- * ON RESOLUTION [102]

--- SEVER [161] ---
SEVER
- * TRADE TIES [162]

--- ARRIVE [032:033] ---
ARRIVE

--- LEAVE [012] ---
LEAVE

--- LEFT [036] ---
LEFT

--- SHOW [---] ---
SHOW
- * RESTRAINT [---]
- * SUPPORT FOR + [051]
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory) -> Language:
    folder: Path = tmp_path_factory.mktemp("petrarch_patterns")
    (folder / "Mini.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    (folder / "Mini.verbs.txt").write_text(VERBS, encoding="utf-8")
    return build_pipeline(dictionaries=folder)


def triples(nlp: Language, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2020-05-01")
    events = nlp(doc)._.ew_events
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo) for e in events}


def test_source_is_taken_from_the_clause_above(nlp):
    # "is about to": the subject belongs to "is", not to the verb of the pattern
    found = triples(nlp, "Veloria is about to restore normal relations with Kestrel.")
    assert ("VLR", "KST", "064") in found


def test_default_target_is_the_first_actor_in_the_verb_phrase(nlp):
    found = triples(nlp, "The Veloria government condemned an assault by Kestrel on Friday.")
    assert ("VLRGOV", "KST", "122") in found


def test_words_before_the_verb_select_the_pattern(nlp):
    negated = triples(nlp, "Veloria didn't quarrel over the plans of Kestrel.")
    assert ("VLR", "KST", "131") in negated
    plain = triples(nlp, "Veloria quarrelled with Kestrel over the plans.")
    assert ("VLR", "KST", "111") in plain


def test_fixed_object_of_a_preposition(nlp):
    found = triples(nlp, "Veloria acted on a resolution against Kestrel.")
    assert ("VLR", "KST", "102") in found
    assert ("VLR", "KST", "100") not in found


def test_every_word_of_the_object_phrase_counts(nlp):
    assert ("VLR", "KST", "162") in triples(nlp, "Veloria severed trade ties with Kestrel.")
    found = triples(nlp, "Veloria severed cultural ties with Kestrel.")
    assert ("VLR", "KST", "161") in found and ("VLR", "KST", "162") not in found


def test_null_pattern_codes_nothing_and_target_marker_after_a_preposition(nlp):
    assert triples(nlp, "Veloria showed restraint toward Kestrel.") == set()
    assert ("VLR", "KST", "051") in triples(nlp, "Veloria showed support for Kestrel.")


def test_reader_keeps_the_extra_words(tmp_path: Path):
    path = tmp_path / "Mini.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    patterns = {p.code: p for p in read_petrarch_verbs(path).verb_patterns("quarrel")}
    negated = patterns["131"]
    assert isinstance(negated, PetrarchPattern)
    assert negated.before in {("did", "n't"), ("will", "not")}
    assert negated.after == ("over", "plans")
    # more required words: tried before the bare verb
    assert negated.specificity > patterns["111"].specificity
    ties = read_petrarch_verbs(path).verb_patterns("sever")[0]
    assert (ties.obj, ties.words, ties.code) == ("tie", ("trade",), "162")


def test_two_codes_make_the_reciprocal_event_too(nlp):
    found = triples(nlp, "The Veloria government arrived in Kestrel on Monday.")
    assert {("VLRGOV", "KST", "032"), ("KST", "VLRGOV", "033")} <= found


def test_a_verb_form_listed_as_a_verb_of_its_own_wins_over_the_lemma(nlp):
    assert ("VLR", "KST", "036") in triples(nlp, "Veloria left for talks with Kestrel.")
    assert ("VLR", "KST", "012") in triples(nlp, "Veloria will leave talks with Kestrel.")
