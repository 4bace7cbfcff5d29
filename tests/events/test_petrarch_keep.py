"""Which actor pairs an event keeps when coding with PETRARCH dictionaries (keep_coded)."""

from __future__ import annotations

from eventwire.events import keep
from eventwire.records import Actor


def _actor(code: str, country: str | None, *sectors: str, name: str = "") -> Actor:
    return Actor(text=name or code, name=name or code, code=code, country=country,
                 sectors=list(sectors))  # fmt: skip


def test_dictionary_mode_keeps_a_state_and_its_own_organ() -> None:
    # "the president gave a speech on US relations": PETRARCH codes USAGOV USA; our own
    # lexicon drops the pair as a likely resolution slip
    government, state = _actor("USAGOV", "USA", "GOV"), _actor("USA", "USA", name="US")
    assert keep.keep_coded(government, state)
    assert not keep.keep_pair(government, state)


def test_dictionary_mode_drops_an_actor_coded_the_same_on_both_sides() -> None:
    assert not keep.keep_coded(_actor("USA", "USA", name="US"), _actor("USA", "USA"))
