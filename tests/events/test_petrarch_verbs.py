"""Converting PETRARCH-2 verb dictionaries into the lexicon's patterns."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.petrarch_verbs import read_petrarch_verbs
from shared_data import shared_path

# A small dictionary in the PETRARCH-2 format, written for these tests.
TOY = """\
# comment line
&SHIPS_
+FRIGATE
+TUGBOAT

&BOATS
+&SHIPS_
+CANOE

####### VERB PATTERNS #######

---  SCOLD   [111]  ---
SCOLD
CHIDE {CHIDES CHIDED CHIDING}
+TELL_OFF [112]
KLM_NOP_+RST [002]
- * (WITH)                  [040:040]   # symmetric pair
- * &BOATS                  [061]
- * {SPARE PARTS} (TO +)    [072]
- * (TO HARBOUR)            [154]       # fixed object of a preposition
- NOT *                     [120]       # words before the verb
- * + (ABOUT)               [042:043]
- * &MISSING                [163]
- % * PACT                  [057:057]
- * SOMETHING               [---]

---  MEET   [---]  ---
+MEET_WITH [040]
- * TRADE                    [061]

~ a (a b ATTACK) SAY = a b 015
"""


@pytest.fixture
def toy(tmp_path: Path):
    path = tmp_path / "toy.verbs.txt"
    path.write_text(TOY, encoding="utf-8")
    return read_petrarch_verbs(path)


def test_verbs_of_a_block_share_its_patterns(toy):
    for lemma in ("scold", "chide"):
        pairs = {(p.obj, p.prep, p.code) for p in toy.verb_patterns(lemma)}
        assert (None, "with", "040") in pairs
        assert ("part", "to", "072") in pairs
        assert (None, None, "111") in pairs  # the bare verb takes the block code


def test_synsets_expand_to_object_alternatives_including_nested_ones(toy):
    objects = {p.obj for p in toy.verb_patterns("scold") if p.code == "061"}
    assert objects == {"frigate", "tugboat", "canoe"}


def test_markers_become_targets_and_symmetry(toy):
    by_code = {p.code: p for p in toy.verb_patterns("scold")}
    assert by_code["040"].symmetric and by_code["040"].target == "prep"
    assert by_code["072"].target == "prep" and by_code["072"].prep == "to"
    assert not by_code["042"].symmetric  # 042:043 are two different codes
    assert (by_code["042"].target, by_code["042"].prep) == ("obj", "about")
    assert by_code["057"].symmetric  # "%" marks a compound actor
    assert by_code["057"].obj == "pact"


def test_multi_word_verbs(toy):
    told_off = toy.verb_patterns("tell")
    assert {p.particle for p in told_off} == {"off"}
    assert (told_off[-1].obj, told_off[-1].code) == (None, "112")  # its own code when bare
    met_with = toy.verb_patterns("meet")
    assert [(p.prep, p.target, p.code) for p in met_with] == [("with", "prep", "040")]
    # "KLM_NOP_+RST": the verb "rst" right after the words "klm nop"
    prefixed = toy.verb_patterns("rst")
    assert {p.prefix for p in prefixed} == {("klm", "nop")}  # the block's patterns too
    assert (None, None, "002") in {(p.obj, p.prep, p.code) for p in prefixed}


def test_stats_say_what_was_skipped_and_why(toy):
    stats = toy.stats
    # a fixed object of a preposition, words before the verb and a null code are kept now
    # (matched by their words, see test_petrarch_patterns.py); these are still skipped:
    assert stats["skipped: undefined synset &MISSING"] == 1
    # a transformation is read when its verbs have codes; SAY and ATTACK have none here
    assert stats["skipped: transformation of a verb without a code"] == 1
    assert stats["petrarch-2 semantics"] == 1  # a file with transformations is PETRARCH-2's
    assert stats.get("skipped: multi-word verb that is not verb + particle", 0) == 0
    assert stats["skipped: object after a verb + preposition"] == 1
    assert stats["patterns"] == len(toy.verbs)


def test_where_points_at_the_dictionary_line(toy):
    pattern = next(p for p in toy.verb_patterns("scold") if p.code == "072")
    assert pattern.where == "toy.verbs.txt:19"


def test_not_a_dictionary_is_a_clear_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some words\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no verb patterns"):
        read_petrarch_verbs(path)
    with pytest.raises(DataFileError, match="cannot read"):
        read_petrarch_verbs(tmp_path / "missing.txt")


def test_converts_the_cameo_2_dictionary():
    lexicon = read_petrarch_verbs(shared_path("data", "petrarch2-dictionaries", "CAMEO.2.0.txt"))
    stats = lexicon.stats
    print(f"\nCAMEO.2.0.txt: {stats}")
    assert stats["converted: pattern"] > 2000
    assert stats["converted: verb"] > 1000
    codes = {p.code for p in lexicon.verb_patterns("criticize")}
    assert "111" in codes


def test_converts_the_validation_dictionary_keeping_test_only_codes():
    path = shared_path("data", "petrarch2-validation", "PETR.Validate.verbs.txt")
    lexicon = read_petrarch_verbs(path)
    print(f"\nPETR.Validate.verbs.txt: {lexicon.stats}")
    assert lexicon.stats["converted: pattern"] > 100
    assert "903" in {p.code for p in lexicon.verb_patterns("abandon")}  # not a CAMEO code


def test_compound_marker_in_the_target_phrase_is_one_way(tmp_path: Path):
    text = "---  CONCUR   [030]  ---\nCONCUR\n- * WITH %  [031]\n- % * JOINTLY  [036:036]\n"
    path = tmp_path / "one.verbs.txt"
    path.write_text(text, encoding="utf-8")
    by_code = {p.code: p for p in read_petrarch_verbs(path).verb_patterns("concur")}
    # "A concurs with B and C": A→B and A→C, no way back
    assert not by_code["031"].symmetric and by_code["031"].prep == "with"
    assert by_code["036"].symmetric  # a compound subject with equal codes both ways


def test_pattern_words_know_whether_they_stand_in_a_prepositional_phrase():
    from eventwire.events.petrarch_words import after_roles, after_words

    text = " * {SPARE PARTS} (TO +) "
    assert after_words(text) == ("spare", "parts", "to")
    assert after_roles(text, after_words(text)) == (False, False, True)
    # a bare preposition opens a phrase; a leading particle does not
    assert after_roles(" * TO BORDER ", ("to", "border")) == (True, True)
    assert after_roles(" * DOWN ARMS ", ("down", "arms")) == (False, False)


REPEATED = """\
---  GRANT   [060]  ---
GIVE
LEND
- * SUPPORT                 [051]       # GIVE
- * SUPPORT                 [060]       # LEND

---  BACK   [050]  ---
LEND [057]
- * SUPPORT                 [053]
"""


def _support_codes(tmp_path: Path, text: str) -> dict[str, set[str]]:
    path = tmp_path / "repeat.verbs.txt"
    path.write_text(text, encoding="utf-8")
    lexicon = read_petrarch_verbs(path)
    return {
        verb: {p.code for p in lexicon.verb_patterns(verb) if p.obj == "support"}
        for verb in ("give", "lend")
    }


def test_a_repeated_pattern_of_a_block_overwrites_the_earlier_in_petrarch2(tmp_path: Path):
    # PETRARCH-2 stores a block's patterns in one tree: the last line with the same words
    # wins; a pattern of a later block does not replace that block's own
    codes = _support_codes(tmp_path, REPEATED + "~ a (a b Q) GIVE = a b Q\n")
    assert codes == {"give": {"060"}, "lend": {"060"}}


def test_a_repeated_pattern_keeps_the_first_in_petrarch1(tmp_path: Path):
    assert _support_codes(tmp_path, REPEATED) == {"give": {"051"}, "lend": {"051"}}
