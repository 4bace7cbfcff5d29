from __future__ import annotations

import pytest
from story_helpers import HARBOUR

from eventwire.stories import StoryConfig, signature
from eventwire.stories.minhash import (
    estimated_containment,
    estimated_jaccard,
    from_blob,
    minhash_of,
    to_blob,
)
from eventwire.stories.shingles import jaccard


def test_signature_survives_the_database_round_trip():
    sig = signature("\n\n".join(HARBOUR), StoryConfig())
    back = from_blob(to_blob(sig.shingles), 128)
    assert estimated_jaccard(sig.shingles, back) == 1.0
    assert len(to_blob(sig.shingles)) == 4 * 128


def test_stored_signature_with_other_permutation_count_is_refused():
    blob = to_blob(minhash_of({"a", "b"}, 64))
    with pytest.raises(ValueError, match="64 permutations"):
        from_blob(blob, 128)


def test_estimate_is_close_to_exact_jaccard():
    a = {f"w{i}" for i in range(400)}
    b = {f"w{i}" for i in range(200, 600)}
    estimate = estimated_jaccard(minhash_of(a, 256), minhash_of(b, 256))
    assert abs(estimate - jaccard(a, b)) < 0.08


def test_containment_follows_from_jaccard_and_sizes():
    # B inside A, |B| = |A| / 4: Jaccard 0.25, containment 1.
    assert estimated_containment(0.25, 400, 100) == pytest.approx(1.0)
    assert estimated_containment(0.0, 400, 100) == 0.0
    assert estimated_containment(0.5, 0, 10) == 0.0
