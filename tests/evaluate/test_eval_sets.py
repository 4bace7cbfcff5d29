"""Gold-set loaders on small files written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.errors import DataFileError, InputError
from eventwire.evaluate.sets import (
    SETS,
    gold_set,
    load_set,
    read_penta_records,
    read_petrarch_records,
    read_plover_records,
    read_zeroshot_records,
)

PETRARCH = """<Validation>
<!-- header comment with <EventCoding sourcecode="XXX"> that must be ignored -->
<Sentences>
<Sentence date="20030405" id="T-1" category="VERB" sentence="true">
<!-- a comment inside the record -->
<EventCoding sourcecode="AAA" targetcode="BBBGOV" eventcode="042"></EventCoding>
<EventCoding sourcecode='"NEW ACTOR"' targetcode="AAA" eventcode="0331"></EventCoding>
<Text>
The leaders of Aland travelled to Borduria
for a state visit.
</Text>
<Parse>(ROOT (S (NP (NNP Aland))))</Parse>
</Sentence>
<Sentence category="OTHER" date="110203" id="T-2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>
</Text>
<Parse>
1	Nobody	nobody	PRON	NN	_	2	nsubj	_	_
2	came	come	VERB	VBD	_	0	root	_	_
3	.	.	PUNCT	.	_	2	punct	_	_
</Parse></Sentence>
<Sentence date = "19990101" id ="T-3" category="ERROR" sentence="true">
<EventCoding error="dateline"></EventCoding>
<Text>PORT TOWN: -- Someone said something.</Text>
</Sentence>
</Sentences>
</Validation>
"""


def test_petrarch_records_read_triples_noevents_errors_and_dates(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(PETRARCH, encoding="utf-8")
    first, second, third = read_petrarch_records(path)
    assert first.id == "T-1" and first.date == "2003-04-05" and first.category == "VERB"
    assert first.text == "The leaders of Aland travelled to Borduria for a state visit."
    assert [(t.source, t.target, t.code, t.root) for t in first.triples] == [
        ("AAA", "BBBGOV", "042", "04"),
        ('"NEW ACTOR"', "AAA", "0331", "03"),
    ]
    assert not first.noevents and first.error is None
    # self-closing <Sentence/> with its codings as siblings, YYMMDD date, text from the parse
    assert second.id == "T-2" and second.noevents and second.triples == ()
    assert second.date == "2011-02-03"
    assert second.text == "Nobody came."
    assert third.error == "dateline" and third.date == "1999-01-01"


def test_petrarch_record_line_numbers_survive_removed_comments(tmp_path: Path) -> None:
    path = tmp_path / "records.xml"
    path.write_text(PETRARCH, encoding="utf-8")
    lines = PETRARCH.splitlines()
    first = read_petrarch_records(path)[0]
    assert lines[first.line - 1].startswith('<Sentence date="20030405"')


def test_petrarch_coding_without_target_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        '<Sentences>\n<Sentence id="X" date="20000101">\n'
        '<EventCoding sourcecode="AAA" eventcode="010"></EventCoding>\n'
        "<Text>Some words.</Text>\n</Sentence>\n</Sentences>\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match=r"bad.xml \(line 3\)") as err:
        read_petrarch_records(path)
    assert err.value.code == "E010"


def test_petrarch_bad_date_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        '<Sentences><Sentence id="X" date="2000-1-1"><Text>A.</Text></Sentence></Sentences>',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError, match="YYYYMMDD"):
        read_petrarch_records(path)


def test_file_without_sentences_element_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text("<Validation></Validation>", encoding="utf-8")
    with pytest.raises(DataFileError, match="no <Sentences>"):
        read_petrarch_records(path)


def _plover_item(n: int, event: str, **extra: object) -> dict:
    return {"id": f"P-{n}", "date": "2000-01-01", "event": event, "text": f"Sentence {n}."} | extra


def test_plover_records_map_old_names_and_symmetric_actors(tmp_path: Path) -> None:
    items = [
        {"id": "DOC", "event": "DOCUMENT"},
        _plover_item(
            1,
            "DISAPPROVE",
            source=[{"actorText": "Aland", "code": "ALA", "sector": "GOV"}],
            target=[{"actorText": "Tokyo", "code": "JAP"}],
        ),
        _plover_item(
            2,
            "CONSULT",
            source=[
                {"actorText": "Aland", "code": "ALA"},
                {"actorText": "Borduria", "code": "BOR"},
            ],
            textInfo={"markup": "(SRC/TAR: Aland) and (SRC/TAR: Borduria) (EVT: met)."},
        ),
        _plover_item(3, "FIGHT", source=[{"actorText": "rebels", "code": "ALA"}], target="x"),
        _plover_item(4, "DEMAND", mode="economic", source=[], target=None),
    ]
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    one, two, three, four = read_plover_records(path)
    assert (one.plover_event, one.plover_mode, one.category) == (
        "ACCUSE",
        "disapprove",
        "DISAPPROVE",
    )
    assert [a.code for a in one.sources] == ["ALA"] and one.sources[0].sector == "GOV"
    assert [(a.text, a.code) for a in one.targets] == [("Tokyo", "JPN")]  # old code → ISO
    assert two.plover_event == "CONSULT" and two.targets == two.sources
    assert three.plover_event == "ASSAULT" and three.targets == ()  # a stray string is no target
    assert (four.plover_event, four.plover_mode, four.sources) == ("REQUEST", "economic", ())


def test_plover_record_without_text_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "gsr.json"
    path.write_text(json.dumps([{"id": "A", "event": "AGREE"}]), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"item 1"):
        read_plover_records(path)


def test_penta_records_read_crlf_lines(tmp_path: Path) -> None:
    path = tmp_path / "train.tsv"
    path.write_bytes(b"Aland praised Borduria.\t1\r\n\r\nAland shelled a village.\t4\r\n")
    one, two = read_penta_records(path)
    assert (one.text, one.penta, one.line) == ("Aland praised Borduria.", 1, 1)
    assert (two.penta, two.line, two.id) == (4, 3, "train-3")


def test_penta_bad_label_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "train.tsv"
    path.write_text("Fine sentence.\t2\nBroken sentence.\t7\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"line 2"):
        read_penta_records(path)


def test_unknown_set_and_missing_file_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="choose one of: petrarch-unit"):
        gold_set("nope")
    with pytest.raises(InputError, match="--shared"):
        load_set("plover", tmp_path)


def test_load_set_applies_the_limit(tmp_path: Path) -> None:
    path = SETS["conflibert"].file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text("".join(f"Sentence number {n}.\t{n % 5}\n" for n in range(7)), encoding="utf-8")
    assert [r.penta for r in load_set("conflibert", tmp_path, limit=3)] == [0, 1, 2]


ZEROSHOT_HEADER = "\tsentence_id\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def write_zeroshot(folder: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    """A Zero-Shot-PLOVER-shaped file of (sentence, source, target, label) rows."""
    path = folder / "zero-shot-plover" / "PLV_train.tsv"
    path.parent.mkdir(parents=True)
    lines = [f"{n}\t{n}\t{s}\t{s}\t{src}\t{tgt}\t{label}\n" for n, (s, src, tgt, label) in
             enumerate(rows)]  # fmt: skip
    path.write_text(ZEROSHOT_HEADER + "".join(lines), encoding="utf-8")
    return path


def test_zeroshot_rows_read_actor_words_and_split_by_conflibert_overlap(tmp_path: Path) -> None:
    path = write_zeroshot(
        tmp_path,
        [
            ("Aland recalled  its envoy from Borduria.", "Aland", "Borduria", "YIELD"),
            ("Borduria shelled a border post.", "Borduria", "a border post", "ASSAULT"),
        ],
    )
    conflibert = tmp_path / "conflibert-cameo" / "cameo_class" / "train.tsv"
    conflibert.parent.mkdir(parents=True)
    conflibert.write_text("BORDURIA shelled a border-post!\t4\r\n", encoding="utf-8")
    recalled, shelled = read_zeroshot_records(path)
    assert recalled.id == "zs-new-0" and shelled.id == "zs-cb-1"  # same words, other case
    assert (recalled.text, recalled.plover_event, recalled.line) == (
        "Aland recalled its envoy from Borduria.", "YIELD", 2)  # fmt: skip
    assert [a.text for a in recalled.sources] == ["Aland"]
    assert [a.code for a in recalled.targets] == [""]  # words only: no country is scored


def test_zeroshot_rows_without_conflibert_beside_are_not_split(tmp_path: Path) -> None:
    path = write_zeroshot(tmp_path, [("Aland thanked Borduria.", "Aland", "Borduria", "SUPPORT")])
    assert [r.id for r in read_zeroshot_records(path)] == ["zs-0"]


def test_zeroshot_unknown_label_names_the_line(tmp_path: Path) -> None:
    path = write_zeroshot(
        tmp_path,
        [("Aland thanked Borduria.", "Aland", "Borduria", "SUPPORT"),
         ("Aland waved at Borduria.", "Aland", "Borduria", "WAVE")],
    )  # fmt: skip
    with pytest.raises(DataFileError, match=r"line 3.*'WAVE'|'WAVE'.*line 3"):
        read_zeroshot_records(path)


def test_zeroshot_set_is_held_out_and_merges_concede_and_retreat() -> None:
    spec = gold_set("plover-zeroshot")
    assert spec.held_out and spec.kind == "plover"
    assert spec.labels == {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
