"""PETRARCH-2 dictionaries (with verb transformations): patterns stay in the verb's own
phrases, an embedded clause is coded with its governing verb, a negated act is its
rejection, and a pattern written with the text's own word form wins.

The dictionaries and sentences are written for these tests (invented states).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.events.petrarch_clauses import code_class, combine
from eventwire.nlp.pipeline import build_pipeline
from eventwire.records import Article

ACTORS = """\
VELORIA_ [VLR]
KESTREL_ [KST]
DUREN_ [DUR]
"""

VERBS = """\
--- EXPLAIN_VERBAL [010] ---
SAY {SAYS SAID SAYING}
- * CONCERN [012]

--- WANT [030] ---
WANT
PLAN {PLANS PLANNED PLANNING}

--- AGREE [050] ---
AGREE

--- HELP [070] ---
HELP

--- VISIT [042] ---
VISIT

--- LIFT [---] ---
LIFT
- * SANCTION [0351]
- * SANCTIONS [085]

--- PHYSICAL_CONFLICT [190] ---
ATTACK

--- ARRIVE [032:033] ---
ARRIVE

--- MAKE [---] ---
MAKE {MAKES MADE MAKING}
- * TRIP [036]
"""

TRANSFORMATIONS = """
~ a (a b ATTACK) SAY = a b 015
~ a (b . ATTACK) SAY = a b 112
~ a (a b Q) SAY = a b Q
~ a (_ b ATTACK) WANT = a b 138
"""


def _pipeline(folder: Path, verbs: str) -> Language:
    (folder / "Mini.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Mini.agents.txt").write_text("GOVERNMENT [~GOV]\n", encoding="utf-8")
    (folder / "Mini.verbs.txt").write_text(verbs, encoding="utf-8")
    return build_pipeline(dictionaries=folder)


@pytest.fixture(scope="module")
def nlp2(tmp_path_factory) -> Language:
    """A PETRARCH-2 dictionary: the same verbs with a transformation section."""
    return _pipeline(tmp_path_factory.mktemp("petrarch2"), VERBS + TRANSFORMATIONS)


@pytest.fixture(scope="module")
def nlp1(tmp_path_factory) -> Language:
    """A PETRARCH-1 dictionary: no transformations."""
    return _pipeline(tmp_path_factory.mktemp("petrarch1"), VERBS)


def triples(nlp: Language, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2020-05-01")
    events = nlp(doc)._.ew_events
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo) for e in events}


def test_petrarch2_pattern_words_stay_out_of_the_clause_the_verb_governs(nlp1, nlp2):
    text = "Veloria said Kestrel showed concern."
    # PETRARCH-2: "- * CONCERN" names a noun "said" itself would govern
    assert not any(code == "012" for _, _, code in triples(nlp2, text))
    # PETRARCH-1 reads the whole verb phrase, the clause included
    assert ("VLR", "KST", "012") in triples(nlp1, text)


def test_an_attack_another_party_is_said_to_have_made_is_an_accusation(nlp2):
    found = triples(nlp2, "Veloria said Kestrel attacked Duren.")
    assert found == {("VLR", "KST", "112")}  # the attack itself is only alleged


def test_a_conjoined_verb_shares_the_subject_of_the_first_in_a_transformation(nlp2):
    found = triples(nlp2, "Veloria said Kestrel had attacked Duren and attacked Veloria.")
    assert found == {("VLR", "KST", "112")}  # both attacks are Kestrel's, both alleged


def test_an_attack_the_speaker_says_it_made_is_a_claim_of_responsibility(nlp2):
    assert triples(nlp2, "Veloria said it had attacked Duren.") == {("VLR", "DUR", "015")}


def test_a_pronoun_subject_of_the_clause_is_the_governing_verbs_subject(nlp2):
    found = triples(nlp2, "Veloria and Kestrel said they will attack Duren.")
    assert found == {("VLR", "DUR", "015"), ("KST", "DUR", "015")}


def test_a_code_pair_is_the_active_and_passive_reading_in_petrarch2(nlp1, nlp2):
    assert triples(nlp2, "Veloria arrived in Kestrel.") == {("VLR", "KST", "032")}
    # PETRARCH-1 codes the target's reciprocal event too
    assert ("KST", "VLR", "033") in triples(nlp1, "Veloria arrived in Kestrel.")


def test_a_report_placed_after_what_it_reports_is_no_clause_of_the_verb(nlp2):
    assert triples(nlp2, "Kestrel attacked Duren, Veloria said.") == {("KST", "DUR", "190")}


def test_an_infinitive_is_one_event_with_its_verb_and_the_combined_code(nlp2):
    # intent (030) over aid (070) is the intent to give aid; the want is no event of its own
    assert triples(nlp2, "Veloria wants to help Kestrel.") == {("VLR", "KST", "033")}
    # a consultation outranks the intent that frames it (PETRARCH-2's order of classes)
    assert triples(nlp2, "Veloria plans to visit Kestrel.") == {("VLR", "KST", "042")}
    # a plain verb ("agree", 050 here) leaves the act its own code
    found = triples(nlp2, "Veloria agreed to lift the sanctions on Kestrel.")
    assert found == {("VLR", "KST", "085")}


def test_a_transformation_without_a_subject_in_the_clause(nlp2):
    assert triples(nlp2, "Veloria wants to attack Kestrel.") == {("VLR", "KST", "138")}


def test_a_negated_act_is_its_rejection_in_petrarch2(nlp1, nlp2):
    assert triples(nlp2, "Veloria did not help Kestrel.") == {("VLR", "KST", "122")}
    assert ("VLR", "KST", "070") in triples(nlp1, "Veloria did not help Kestrel.")


def test_a_bare_pattern_word_is_a_noun_the_verb_governs_not_one_in_its_phrases(nlp1, nlp2):
    # "- * TRIP": PETRARCH-2 reads a bare word as the head of the verb's noun phrase
    assert triples(nlp2, "Veloria made a trip to Kestrel.") == {("VLR", "KST", "036")}
    text = "Veloria made a statement in Kestrel at the start of a trip."
    assert not any(code == "036" for _, _, code in triples(nlp2, text))
    # PETRARCH-1 finds the word anywhere in the verb phrase
    assert any(code == "036" for _, _, code in triples(nlp1, text))


def test_a_participle_adjunct_without_a_subject_has_no_source_in_petrarch2(nlp1, nlp2):
    text = "Veloria attacked Duren, helping Kestrel."
    assert triples(nlp2, text) == {("VLR", "DUR", "190")}
    assert ("VLR", "KST", "070") in triples(nlp1, text)  # PETRARCH-1: the subject carries


def test_a_relative_clause_holds_no_event_in_petrarch2(nlp1, nlp2):
    text = "Veloria helped Duren, which Kestrel attacked."
    # PETRARCH-2: a noun phrase yields actors, never events
    assert triples(nlp2, text) == {("VLR", "DUR", "070")}
    assert ("KST", "DUR", "190") in triples(nlp1, text)


def test_a_clause_under_a_verb_whose_phrase_names_an_actor_is_not_read(nlp1, nlp2):
    text = "Veloria visited Duren after Kestrel attacked Veloria."
    assert triples(nlp2, text) == {("VLR", "DUR", "042")}
    assert ("KST", "VLR", "190") in triples(nlp1, text)
    # a purpose infinitive is such a clause too
    assert triples(nlp2, "Veloria visited Duren to help Kestrel.") == {("VLR", "DUR", "042")}


def test_an_adverbial_clause_before_the_main_clause_is_not_read(nlp1, nlp2):
    text = "After Kestrel attacked Duren, Veloria visited Duren."
    assert triples(nlp2, text) == {("VLR", "DUR", "042")}
    assert ("KST", "DUR", "190") in triples(nlp1, text)


def test_another_partys_act_nested_under_a_clause_with_a_subject_is_not_coded(nlp2):
    # "arrived" names no actor in its phrase, but its subject makes the attack a nested
    # event, whose combined code PETRARCH-2 does not have
    found = triples(nlp2, "Veloria arrived yesterday after Kestrel attacked Duren.")
    assert not any(code == "190" for _, _, code in found)


def test_the_pattern_written_with_the_texts_word_form_wins(nlp1):
    assert triples(nlp1, "Veloria lifted the sanctions on Kestrel.") == {("VLR", "KST", "085")}
    assert triples(nlp1, "Veloria lifted the sanction on Kestrel.") == {("VLR", "KST", "0351")}


def test_combine_follows_the_order_of_the_classes():
    assert combine("030", "070") == "033"  # intent to give aid
    assert combine("020", "070") == "023"  # appeal for aid
    assert combine("030", "031") == "031"  # an intent stays itself
    assert combine("030", "090") == "090"  # investigation outranks intent
    assert combine("050", "085") == "085"  # a plain verb: the act's own code
    assert combine("100", "030") == "100"  # a lower framing class adds nothing


def test_code_class_is_the_code_without_its_trailing_zeros():
    assert (code_class("010"), code_class("100"), code_class("190")) == ("01", "10", "19")
    assert code_class("185") == "185"


def test_a_plural_pattern_word_needs_the_plural_in_petrarch2(tmp_path):
    verbs = VERBS + "\n--- BACK [051] ---\nBACK\n- * AGREEMENTS [057]\n" + TRANSFORMATIONS
    nlp = _pipeline(tmp_path, verbs)
    # PETRARCH-2 compares the words as written: "AGREEMENTS" is no "agreement"
    assert triples(nlp, "Veloria backed an agreement with Kestrel.") == {("VLR", "KST", "051")}
    assert triples(nlp, "Veloria backed the agreements with Kestrel.") == {("VLR", "KST", "057")}


def test_a_passive_takes_its_source_from_where_the_act_came_from(nlp2):
    assert triples(nlp2, "Duren was attacked from Kestrel.") == {("KST", "DUR", "190")}
    # the doer of the attack the victim fell in
    assert triples(nlp2, "Duren was attacked in a raid by Kestrel.") == {("KST", "DUR", "190")}
    # so a reported attack is the speaker's accusation of that source
    found = triples(nlp2, "Veloria said Duren was attacked from Kestrel.")
    assert found == {("VLR", "KST", "112")}


def test_a_place_the_passive_act_happened_in_is_no_source(nlp2):
    found = triples(nlp2, "Duren was attacked in Kestrel.")
    assert not any(source == "KST" for source, _, _ in found)


def test_a_passive_subject_stands_where_the_object_would(nlp2):
    # "- * TRIP [036]": the trip is the logical object of "made"
    found = triples(nlp2, "A trip to Kestrel was made by Veloria.")
    assert found == {("VLR", "KST", "036")}


def test_a_passive_by_phrase_stands_where_the_subject_would(tmp_path):
    verbs = VERBS + "\n--- RAZE [190] ---\nRAZE\n- CROWD * [145]\n" + TRANSFORMATIONS
    nlp = _pipeline(tmp_path, verbs)
    # PETRARCH-2 matches the words before the verb in a passive's by-phrase
    assert triples(nlp, "The Kestrel embassy was razed by a Veloria crowd.") == {
        ("VLR", "KST", "145")
    }
    assert triples(nlp, "Veloria razed the Kestrel embassy.") == {("VLR", "KST", "190")}
