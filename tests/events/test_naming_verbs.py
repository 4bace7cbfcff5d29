"""A verb that says what its object is ("called X a Y") is a judgement, not the verb's event."""

from __future__ import annotations

import pytest
from event_helpers import coder, triples


@pytest.fixture(scope="module")
def code():
    return coder()


def test_calling_something_a_name_is_no_phone_call(code):
    events = code("The Japanese foreign minister called the Chinese navy a threat to the region.")
    assert not [t for t in triples(events) if t[2].startswith("04")]


def test_undertaking_a_task_is_no_commitment_but_undertaking_to_act_is(code):
    task = code("Germany has undertaken the preparations needed for a larger naval role.")
    assert not [t for t in triples(task) if t[2].startswith("03")]
    pledge = code("Germany undertook to withdraw its troops from Mali.")
    assert [t for t in triples(pledge) if t[0] == "DEU" and t[2].startswith("03")]
