"""The packaged event lexicon and the TSV reader behind it."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError
from eventwire.events.cameo import is_known_code
from eventwire.events.complements import load_object_nouns, parse_object_nouns
from eventwire.events.lexicon import (
    NOUNS_HEADER,
    VERBS_HEADER,
    Lexicon,
    load_lexicon,
    read_lexicon,
)


def test_packaged_lexicon_covers_every_root_and_most_three_digit_codes():
    coverage = load_lexicon().coverage()
    print(
        f"\nlexicon coverage: {coverage['roots_covered']}/20 roots, "
        f"{coverage['codes_covered']}/{coverage['codes_total']} 3-digit codes "
        f"({coverage['share']:.1%}); missing {coverage['missing']}"
    )
    assert coverage["roots"] == [f"{root:02d}" for root in range(1, 21)]
    assert coverage["share"] >= 0.85


def test_every_packaged_code_is_a_known_cameo_code():
    assert all(is_known_code(code) for code in load_lexicon().codes())


def first(lemma: str, **fields) -> object:
    """The first pattern of ``lemma`` whose fields equal ``fields``."""
    for pattern in load_lexicon().verb_patterns(lemma):
        if all(getattr(pattern, key) == value for key, value in fields.items()):
            return pattern
    raise AssertionError(f"no pattern for {lemma} with {fields}")


@pytest.mark.parametrize(
    ("lemma", "fields", "code"),
    [
        ("criticize", {}, "111"),
        ("condemn", {}, "111"),
        ("accuse", {}, "112"),
        ("praise", {}, "051"),
        ("visit", {}, "042"),
        ("host", {}, "043"),
        ("urge", {"obj": None}, "020"),
        ("call", {"prep": "on"}, "020"),
        ("pledge", {"obj": None}, "030"),
        ("threaten", {"obj": None}, "130"),
        ("reject", {"obj": None}, "120"),
        ("impose", {"obj": "sanction", "prep": "on"}, "163"),
        ("arrest", {}, "173"),
        ("withdraw", {"obj": None}, "0874"),
        ("investigate", {"obj": None}, "090"),
        ("demand", {"prep": None, "obj": None}, "100"),
        ("sign", {"obj": "agreement", "prep": None}, "057"),
        ("hold", {"obj": "talk", "prep": "with"}, "046"),
        ("make", {"obj": "reservation", "prep": "to"}, "110"),
    ],
)
def test_common_news_verbs_have_their_codes(lemma, fields, code):
    assert first(lemma, **fields).code == code


def test_meeting_verbs_are_symmetric_and_accusations_are_not():
    assert first("meet", prep="with").symmetric
    assert first("negotiate", prep="with").symmetric
    assert first("sign", obj="treaty", prep="with").symmetric
    assert not first("accuse").symmetric


def test_reporting_verbs_are_not_events():
    lexicon = load_lexicon()
    for lemma in ("say", "state", "add", "announce", "comment"):
        assert lexicon.verb_patterns(lemma) == [], lemma


def test_patterns_come_most_specific_first():
    patterns = load_lexicon().verb_patterns("hold")
    ranks = [pattern.specificity for pattern in patterns]
    assert ranks == sorted(ranks, reverse=True)
    assert patterns[0].obj is not None and patterns[0].prep is not None


def test_nominal_events():
    lexicon = load_lexicon()
    talks = lexicon.noun_patterns("talk")
    assert talks[0].prep == "between" and talks[0].symmetric and talks[0].code.startswith("04")
    assert {p.code for p in lexicon.noun_patterns("sanction")} == {"163"}
    assert lexicon.noun_patterns("visit")[0].prep == "to"
    assert lexicon.noun_patterns("protest")  # "A's protest against B"


def test_where_names_the_file_and_line():
    pattern = first("condemn")
    name, line = pattern.where.split(":")
    assert name == "verbs.tsv"
    assert int(line) > 1


def _write(folder: Path, verbs: list[str], nouns: list[str] | None = None) -> tuple[Path, Path]:
    verb_file, noun_file = folder / "verbs.tsv", folder / "nouns.tsv"
    verb_file.write_text("\n".join([VERBS_HEADER, *verbs]) + "\n", encoding="utf-8")
    noun_file.write_text("\n".join([NOUNS_HEADER, *(nouns or [])]) + "\n", encoding="utf-8")
    return verb_file, noun_file


def test_reads_a_users_lexicon_with_object_alternatives(tmp_path):
    verbs, nouns = _write(
        tmp_path,
        [
            "# a comment line",
            "",
            "rebuke\t\t\t\t111\tobj\t\tscold",
            "hold\t\tparley|powwow\twith\t046\tprep\tsymmetric\t",
        ],
        ["parley\tbetween\t046\tsymmetric\t"],
    )
    lexicon = read_lexicon(verbs, nouns)
    assert [p.obj for p in lexicon.verb_patterns("hold")] == ["parley", "powwow"]
    assert lexicon.verb_patterns("HOLD")[0].where == "verbs.tsv:5"
    assert lexicon.noun_patterns("parley")[0].symmetric
    assert lexicon.codes() == {"111", "046"}


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("rebuke\t\t\t\t999\tobj\t\t", "not a CAMEO code"),
        ("rebuke\t\t\t\t111\tsubject\t\t", "target"),
        ("rebuke\t\t\t\t111\tprep\t\t", "prep column is empty"),
        ("rebuke\t\t\t\t111\tobj\tloud\t", "unknown flag"),
        ("rebuke\t\t\t111\tobj\t\t", "expected 8"),
        ("\t\t\t\t111\tobj\t\t", "verb column is empty"),
    ],
)
def test_bad_verb_row_names_file_and_line(tmp_path, row, message):
    verbs, _ = _write(tmp_path, [row])
    with pytest.raises(DataFileError) as caught:
        read_lexicon(verbs)
    assert caught.value.code == "E010"
    assert "verbs.tsv (line 2)" in str(caught.value)
    assert message in str(caught.value)


def test_duplicate_patterns_are_rejected_with_both_lines(tmp_path):
    verbs, _ = _write(
        tmp_path, ["hold\t\ttalk\twith\t046\tprep\t\t", "hold\t\tparley|talk\twith\t040\tprep\t\t"]
    )
    with pytest.raises(DataFileError, match=r"line 3\).*already on line 2"):
        read_lexicon(verbs)


def test_bad_noun_row_and_header(tmp_path):
    verbs, nouns = _write(tmp_path, [], ["parley\tbetween\t04x\t\t"])
    with pytest.raises(DataFileError, match=r"nouns.tsv \(line 2\)"):
        read_lexicon(verbs, nouns)
    verbs.write_text("verb\tcode\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"verbs.tsv \(line 1\).*header"):
        read_lexicon(verbs)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        read_lexicon(tmp_path / "nope.tsv")


def test_empty_lexicon_reports_no_coverage():
    coverage = Lexicon().coverage()
    assert coverage["roots_covered"] == 0 and coverage["codes_covered"] == 0


def test_packaged_object_nouns_have_frame_and_effort_kinds():
    nouns = load_object_nouns()
    assert {"state", "dollar", "team"} <= nouns.frame
    assert {"effort", "process"} <= nouns.effort
    assert not nouns.frame & nouns.effort
    assert {"claim", "proposal", "policy"} <= nouns.owned
    assert {"pressure", "plea"} <= nouns.pressure
    assert "food" not in nouns.owned


def test_a_noun_may_have_several_kinds_one_row_each():
    text = "noun\tkind\tnote\ninitiative\teffort\ta peace initiative\ninitiative\towned\tx\n"
    nouns = parse_object_nouns(text, "object_nouns.tsv")
    assert "initiative" in nouns.effort and "initiative" in nouns.owned


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("crate\tbox\tx", "kind 'box'"),
        ("\tframe\tx", "needs a noun"),
        ("state\tframe\tagain", "already listed"),
        ("state\tframe", "expected 3 tab-separated columns"),
    ],
)
def test_bad_object_noun_row_names_file_and_line(row, message):
    text = f"noun\tkind\tnote\nstate\tframe\tfirst\n{row}\n"
    with pytest.raises(DataFileError) as err:
        parse_object_nouns(text, "object_nouns.tsv")
    assert message in str(err.value)
    assert "object_nouns.tsv" in str(err.value) and "line 3" in str(err.value)
