"""The ``ew_events`` component: packaged lexicon, PETRARCH dictionaries, record ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from event_helpers import doc_before_events

from eventwire.api import extract_text
from eventwire.errors import DataFileError
from eventwire.events.component import EventCoder, petrarch_verb_file
from eventwire.nlp import get_pipeline

# A PETRARCH-format verb dictionary written for this test.
TOY_VERBS = """\
--- REBUKE [111] ---
REBUKE
- * + [111]
"""


def test_pipeline_codes_events_with_the_packaged_lexicon() -> None:
    result = extract_text("Argentina condemned Chile on Monday.", published="2022-06-08")
    events = result.events
    assert [(e.source.country, e.target.country, e.cameo_root) for e in events] == [
        ("ARG", "CHL", "11")
    ]
    event = events[0]
    assert event.id == f"{result.article.id}-e1"
    assert event.rule.startswith("verb:verbs.tsv:")
    assert (event.date, event.date_precision) == ("2022-06-06", "day")


def test_events_are_last_and_keep_the_factory_name() -> None:
    nlp = get_pipeline()
    assert nlp.pipe_names[-1] == "ew_events"
    assert nlp.get_pipe_meta("ew_events").default_config == {"dictionaries": None}


def test_petrarch_dictionaries_replace_the_lexicon(tmp_path: Path) -> None:
    (tmp_path / "toy.verbs.txt").write_text(TOY_VERBS, encoding="utf-8")
    coder = EventCoder(get_pipeline(), "ew_events", dictionaries=str(tmp_path))
    events = coder(doc_before_events("Kenya rebuked Uganda.", "p"))._.ew_events
    assert [(e.source.country, e.target.country, e.cameo) for e in events] == [
        ("KEN", "UGA", "111")
    ]
    assert events[0].rule == "petrarch:toy.verbs.txt:2"
    assert events[0].id == "p-e1"


def test_folder_without_verb_dictionary_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"E010.*no PETRARCH verb dictionary"):
        petrarch_verb_file(tmp_path)


def test_doc_without_article_gets_doc_ids() -> None:
    nlp = get_pipeline()
    doc = nlp("Peru condemned Bolivia.")
    assert [e.id for e in doc._.ew_events] == ["doc-e1"]
    assert doc._.ew_events[0].date is None
