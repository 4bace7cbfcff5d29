from __future__ import annotations

from datetime import date

import pytest
from story_helpers import HARBOUR, HARBOUR_REWORDED, OTHER

from eventwire.stories import StoryConfig, StoryConfigError
from eventwire.stories.match import Features, compare, containment

CONFIG = StoryConfig()
SAME_DAY = (date(2026, 5, 4), date(2026, 5, 4))


def features(paragraphs: list[str]) -> Features:
    return Features.of("\n\n".join(paragraphs), CONFIG)


def test_identical_text_is_a_copy():
    kind, score = compare(features(HARBOUR), features(HARBOUR), SAME_DAY, CONFIG)
    assert (kind, score) == ("copy", 1.0)


def test_first_paragraphs_of_a_long_article_are_a_contained_copy():
    long_article = features(HARBOUR + OTHER)
    result = compare(features(HARBOUR[:2]), long_article, SAME_DAY, CONFIG)
    assert result is not None and result[0] == "contained" and result[1] == 1.0


def test_reworded_report_is_a_rewrite_only_within_the_window():
    near = compare(features(HARBOUR_REWORDED), features(HARBOUR), SAME_DAY, CONFIG)
    assert near is not None and near[0] == "rewrite"
    far = (date(2026, 5, 4), date(2026, 5, 20))
    assert compare(features(HARBOUR_REWORDED), features(HARBOUR), far, CONFIG) is None


def test_unrelated_report_matches_nothing():
    assert compare(features(OTHER), features(HARBOUR), SAME_DAY, CONFIG) is None


def test_rewrite_needs_known_dates():
    unknown = (None, date(2026, 5, 4))
    assert compare(features(HARBOUR_REWORDED), features(HARBOUR), unknown, CONFIG) is None


def test_containment_is_share_of_the_smaller_set():
    assert containment(frozenset("ab"), frozenset("abcd")) == 1.0
    assert containment(frozenset(), frozenset("ab")) == 0.0


@pytest.mark.parametrize("field", ["copy_jaccard", "containment", "rewrite_jaccard"])
def test_threshold_out_of_range_is_refused_with_code(field):
    with pytest.raises(StoryConfigError, match=r"E060.*" + field):
        StoryConfig(**{field: 1.5})
