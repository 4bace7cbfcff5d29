from __future__ import annotations

import pytest

from eventwire.nlp import get_pipeline


def test_pipeline_is_built_once_per_process():
    assert get_pipeline() is get_pipeline()


def test_pipeline_has_project_components_and_parses():
    nlp = get_pipeline()
    assert "ew_paragraphs" in nlp.pipe_names
    assert nlp.pipe_names.index("ew_paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp("Japan's prime minister visited Manila on Friday.")
    assert any(ent.label_ == "GPE" for ent in doc.ents)
    assert doc.has_annotation("DEP")


def test_sentences_never_cross_a_paragraph_break():
    doc = get_pipeline()("Officials met in Tokyo\n\nThe ministry said the talks went well.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Officials met in Tokyo", "The ministry said the talks went well."]


def test_extensions_are_registered_with_empty_defaults():
    doc = get_pipeline()("A short text.")
    assert doc._.ew_events is None or isinstance(doc._.ew_events, list)
    assert doc._.has("ew_actors") and doc._.has("ew_quotes")


def test_dictionaries_must_be_a_folder(tmp_path):
    from eventwire.errors import InputError

    not_a_folder = tmp_path / "verbs.txt"
    not_a_folder.write_text("--- MEET [040] ---\n", encoding="utf-8")
    with pytest.raises(InputError, match="folder of PETRARCH files"):
        get_pipeline(not_a_folder)


def test_cli_rejects_a_missing_dictionary_folder(tmp_path):
    from click.testing import CliRunner

    from eventwire.cli import main

    article = tmp_path / "a.txt"
    article.write_text("Officials met in the capital on Monday.\n", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["extract", str(article), "--dictionaries", str(tmp_path / "nowhere")]
    )
    assert result.exit_code == 2
    assert "nowhere" in result.output
