"""The cue lexicon: packaged data validated on load, errors naming file and line."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.quotes import load_cues, read_cues, speech_verbs

HEADER = "lemma\tparticle\tspeech\tnote\n"


def test_packaged_cues_load_and_list_the_common_reporting_verbs():
    verbs = speech_verbs()
    for lemma in ("say", "tell", "add", "warn", "insist", "stress", "urge", "claim", "deny",
                  "announce", "note", "argue", "accuse"):  # fmt: skip
        assert lemma in verbs
    # manner and cognition verbs attribute quotations but are not speech
    assert "continue" not in verbs and "believe" not in verbs
    assert any(c.lemma == "continue" and not c.speech for c in load_cues().cues)


def test_a_phrasal_cue_keeps_its_particle():
    cue = next(c for c in load_cues().cues if c.lemma == "point")
    assert cue.particle == "out" and cue.speech
    # "point" alone is no reporting verb, so the event coder does not see it as one
    assert "point" not in speech_verbs()


@pytest.mark.parametrize(
    ("row", "message", "line"),
    [
        ("say\t\tmaybe\t\n", "write yes or no", 3),
        ("say\t\tyes\n", "3 columns", 3),
        ("Say\t\tyes\t\n", "one lower-case word", 3),
        ("say\t\tyes\t\nsay\t\tno\t\n", "listed twice", 4),
    ],
)
def test_bad_rows_are_reported_with_file_and_line(tmp_path, row, message, line):
    path = tmp_path / "cues.tsv"
    path.write_text("# my cues\n" + HEADER + row, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        read_cues(path)
    assert err.value.code == "E010"
    assert message in str(err.value)
    assert str(path) in str(err.value) and f"(line {line})" in str(err.value)


def test_a_file_without_the_header_is_refused(tmp_path):
    path = tmp_path / "cues.tsv"
    path.write_text("say\t\tyes\t\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="header"):
        read_cues(path)
