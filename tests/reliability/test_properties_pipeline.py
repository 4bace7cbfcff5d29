"""Property tests over the whole pipeline: hostile text in, well-formed results out.

No exception escapes ``process``; every span lies inside the article text and the
text of every event, quote and time is exactly ``article.text[start:end]``; an
article that is not ok says why. Language detection is off for the generated text
(most of it is not English and would be skipped before the parser sees it).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import CLAUSES, hostile_text
from hypothesis import HealthCheck, given, settings

from eventwire.api import extract_text
from eventwire.errors import EventwireError
from eventwire.ingest.article import make_article
from eventwire.ingest.options import ReadOptions
from eventwire.nlp import get_pipeline
from eventwire.nlp.paragraphs import HARD_SENTENCE_TOKENS
from eventwire.process import process
from eventwire.records import Article, ArticleResult, Failure, Status

NO_DETECTION = ReadOptions(detect_language=False)
PIPELINE_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def check_result(article: Article, result: ArticleResult | Failure) -> None:
    """The invariants every processed article keeps, whatever its text."""
    if isinstance(result, Failure):
        assert result.reason.strip() and result.path == article.path
        return
    info = result.article
    assert info.status in (Status.OK, Status.SKIPPED, Status.FAILED)
    if info.status != Status.OK:
        assert info.reason
    text = article.text
    for item in [*result.events, *result.quotes, *result.times]:
        start, end = item.span
        assert 0 <= start <= end <= len(text), (item, len(text))
        assert item.text == text[start:end], item
    result.model_dump_json()  # the output line encodes, whatever the text held


def _run(nlp, text: str) -> None:
    try:
        article = make_article(text, path="<hostile>", options=NO_DETECTION)
    except EventwireError as err:  # empty or symbol-only text: an explained failure
        assert err.code == "E004"
        return
    [(_, result)] = list(process([article], nlp))
    check_result(article, result)


@PIPELINE_SETTINGS
@given(text=hostile_text())
def test_hostile_text_never_breaks_the_pipeline(nlp, text):
    _run(nlp, text)


@PIPELINE_SETTINGS
@given(text=hostile_text(max_pieces=8))
def test_the_api_says_ok_skipped_or_failed_with_a_reason(nlp, text):
    try:
        result = extract_text(text, published="2024-05-06")
    except EventwireError as err:
        assert err.code == "E004"
        return
    assert result.article.status in (Status.OK, Status.SKIPPED, Status.FAILED)
    if result.article.status != Status.OK:
        assert result.article.reason


@pytest.mark.parametrize(
    "text",
    [
        " ".join(CLAUSES) + " " + "=" * 50_000,
        "'s" * 5_000,
        "\u200b".join(CLAUSES * 10),
        "\U0001f600" * 20_000 + " China accused Japan of spying.",
        "a" + "\u0301" * 20_000,
    ],
    ids=["separator-line", "suffix-run", "zero-width-joined", "emoji-wall", "zalgo"],
)
def test_runs_that_are_quadratic_to_tokenise_stay_fast(nlp, text):
    started = time.monotonic()
    _run(nlp, text)
    # before the runs were bounded, 12,000 such characters took over 90 s
    assert time.monotonic() - started < 60


@pytest.mark.slow
def test_enormous_sentence_without_a_full_stop_ends_within_minutes(tmp_path):
    words = " and ".join(clause.lower() for clause in CLAUSES)
    path = tmp_path / "endless.txt"
    path.write_text(((words + " and ") * (200_000 // len(words) + 1))[:200_000])
    cli = str(Path(sys.executable).parent / "eventwire")
    command = [cli, "extract", str(path), "--published", "2024-05-06"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("still running after 240 s")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    [line] = done.stdout.splitlines()
    assert json.loads(line)["article"]["status"] in ("ok", "failed")


@pytest.mark.parametrize("joiner", ["\u200b", " and ", ", "])
def test_run_on_text_is_cut_into_bounded_sentences(nlp, joiner):
    # stages look at pairs of tokens in a sentence: a run-on of thousands of tokens
    # would take minutes, so ew_paragraphs cuts it (nlp/paragraphs.py)
    text = joiner.join(CLAUSES * 60)
    doc = nlp(make_article(text, path="<long>", options=NO_DETECTION).text)
    lengths = [len(sent) for sent in doc.sents]
    assert sum(lengths) == len(doc)
    assert max(lengths) <= HARD_SENTENCE_TOKENS + 1


def test_text_over_the_parser_limit_is_an_explained_failure(nlp):
    text = ("The council met again. " * 50_000)[:1_100_000]
    article = make_article(text, path="<huge>", options=NO_DETECTION)
    started = time.monotonic()
    [(_, result)] = list(process([article], nlp))
    assert isinstance(result, Failure)
    assert result.code in ("E005", "E006") and result.reason
    assert time.monotonic() - started < 60
