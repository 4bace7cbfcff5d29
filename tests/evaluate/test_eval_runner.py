"""The evaluation runner, report and mistakes file with a stand-in event coder."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.errors import InputError
from eventwire.evaluate.report import confusion_table, format_report, write_mistakes
from eventwire.evaluate.runner import code_records, evaluate, pipeline_for
from eventwire.evaluate.sets import SETS, GoldRecord
from eventwire.nlp.extensions import register_extensions
from eventwire.records import Actor, Event

VALIDATION = """<Validation><Sentences>
<Sentence category="GOLD" date="20100102" id="GOLD_1" evaluate="true"/>
<EventCoding eventcode="042" sourcecode="ALA" targetcode="BOR" />
<Text>Aland visited Borduria.</Text>
<Sentence category="AFP" date="20100103" id="AFP_1" evaluate="true"/>
<EventCoding eventcode="111" sourcecode="ALA" targetcode="BOR" />
<Text>Aland criticised Borduria.</Text>
<Sentence category="AFP" date="20100104" id="AFP_2" evaluate="true"/>
<EventCoding noevents="True" />
<Text>It rained in the explode capital.</Text>
</Sentences></Validation>
"""

# The stand-in coder knows two verbs; "explode" makes it raise, as a buggy rule would.
_CODES = {"visited": "042", "criticised": "112"}


@Language.component("ew_test_stand_in_events")
def _stand_in_events(doc: Doc) -> Doc:
    if "explode" in doc.text:
        raise RuntimeError("stand-in coder failure")
    doc._.ew_events = [
        Event(
            id=f"{doc._.ew_article.id}-e{n}",
            sentence=doc.text,
            span=(token.idx, token.idx + len(token)),
            text=token.text,
            source=Actor(text="Aland", name="Aland", code="ALA", country="ALA"),
            target=Actor(text="Borduria", name="Borduria", code="BOR", country="BOR"),
            cameo=_CODES[token.text],
            cameo_root=_CODES[token.text][:2],
            quad_class=1,
            goldstein=1.0,
            confidence=0.7,
            rule=f"stand-in:{token.text}",
        )
        for n, token in enumerate(t for t in doc if t.text in _CODES)
    ]
    return doc


@pytest.fixture
def stand_in_nlp() -> Language:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("ew_test_stand_in_events")
    return nlp


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    path = SETS["petrarch-validation"].file(tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(VALIDATION, encoding="utf-8")
    return tmp_path


def test_code_records_counts_a_crash_and_goes_on(stand_in_nlp: Language) -> None:
    records = [
        GoldRecord(id="a", text="Aland visited Borduria.", date="2010-01-02"),
        GoldRecord(id="b", text="The explode word.", date=None),
        GoldRecord(id="c", text="Aland criticised Borduria."),
    ]
    predictions = code_records(records, stand_in_nlp, batch_size=3)
    assert [p.crash is not None for p in predictions] == [False, True, False]
    assert "stand-in coder failure" in (predictions[1].crash or "")
    assert [e.cameo for e in predictions[2].events] == ["112"]
    assert predictions[0].events[0].id == "a-e0"  # the record id is the article id


def test_evaluate_scores_the_set_and_the_gold_subset(
    shared_dir: Path, stand_in_nlp: Language
) -> None:
    evaluation = evaluate("petrarch-validation", shared_dir, nlp=stand_in_nlp)
    scores = evaluation.scores
    assert (scores.records, scores.crashes, scores.fully_correct) == (3, 1, 1)
    assert scores.counts[("code", "root")].tp == 2 and scores.counts[("code", "full")].tp == 1
    assert set(evaluation.subsets) == {"GOLD_*", "other"}
    assert evaluation.subsets["GOLD_*"].fully_correct == 1
    assert evaluation.subsets["other"].records == 2


def test_report_shows_metrics_matrix_and_subsets(shared_dir: Path, stand_in_nlp: Language) -> None:
    report = format_report(evaluate("petrarch-validation", shared_dir, nlp=stand_in_nlp))
    assert "records fully correct: 1/3 (33.3%)" in report
    assert "crashes: 1" in report
    assert "code / full" in report and "country / root" in report
    assert "subset GOLD_*:" in report and "subset other:" in report
    assert "roots of same-dyad triples" in report


def test_mistakes_file_has_sentence_gold_ours_rule_and_crash(
    shared_dir: Path, stand_in_nlp: Language, tmp_path: Path
) -> None:
    evaluation = evaluate("petrarch-validation", shared_dir, nlp=stand_in_nlp)
    out = tmp_path / "mistakes.txt"
    assert write_mistakes(evaluation, out) == 2
    text = out.read_text(encoding="utf-8")
    assert "GOLD_1" not in text  # coded right
    assert "sentence: Aland criticised Borduria." in text
    assert "gold: ALA BOR 111" in text
    assert "ours: ALA BOR 112" in text and "rule=stand-in:criticised" in text
    assert "CRASH: RuntimeError: stand-in coder failure" in text


def test_confusion_table_puts_none_last() -> None:
    lines = confusion_table({("04", "04"): 2, ("11", "-"): 1, ("11", "04"): 1}, "t")
    assert lines[1].split() == ["gold\\ours", "04", "-"]
    assert lines[3].split() == ["11", "1", "1"]


def test_pipeline_for_falls_back_with_a_warning_when_folders_are_unsupported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stand_in_nlp: Language
) -> None:
    import eventwire.nlp.pipeline as pipeline

    def old_get_pipeline(dictionaries: Path | None = None) -> Language:
        if dictionaries is not None:
            raise TypeError("get_pipeline() takes 0 positional arguments but 1 was given")
        return stand_in_nlp

    monkeypatch.setattr(pipeline, "get_pipeline", old_get_pipeline)
    nlp, warnings = pipeline_for(tmp_path)
    assert nlp is stand_in_nlp
    assert len(warnings) == 1 and "coding with eventwire's own lexicon" in warnings[0]
    assert pipeline_for(None) == (stand_in_nlp, [])


def test_pipeline_for_does_not_hide_a_bad_dictionary_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventwire.nlp.pipeline as pipeline

    def strict_get_pipeline(dictionaries: Path | None = None) -> Language:
        raise InputError(f"{dictionaries}: no *actors*.txt file")

    monkeypatch.setattr(pipeline, "get_pipeline", strict_get_pipeline)
    with pytest.raises(InputError, match="actors"):
        pipeline_for(tmp_path)
