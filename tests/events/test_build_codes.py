"""Dictionary codes without a CAMEO parent, and compound dictionary actors, in build.py."""

from __future__ import annotations

from eventwire.actors import ActorMention
from eventwire.events import build, keep
from eventwire.events.cameo import local_code
from eventwire.records import Actor


def test_local_code_takes_its_root_numbers_only_where_cameo_has_the_root() -> None:
    unknown = local_code("903")
    assert (unknown.root, unknown.quad_class, unknown.goldstein) == ("90", None, None)
    known = local_code("1799")  # root 17 (coerce) exists: material conflict
    assert known.root == "17" and known.quad_class == 4 and known.goldstein is not None
    assert local_code("9x3") is None


def test_code_without_parent_is_dropped_in_own_lexicon_mode() -> None:
    assert build._numbers("345", dictionary=False) is None
    assert build._numbers("903", dictionary=False) is None
    assert build._numbers("0331", dictionary=False)["cameo_root"] == "03"


def test_code_without_parent_in_dictionary_mode_follows_the_contract() -> None:
    numbers = build._numbers("903", dictionary=True)
    if build._NULLABLE_NUMBERS:
        assert numbers == {"cameo": "903", "cameo_root": "90", "quad_class": None,
                           "goldstein": None, "plover": None}  # fmt: skip
    else:  # the Event contract cannot yet hold a null QuadClass: the event is dropped
        assert numbers is None


def test_a_dictionary_child_code_keeps_its_own_code_under_its_parent() -> None:
    numbers = build._numbers("1799", dictionary=True)
    assert numbers["cameo"] == "1799" and numbers["cameo_root"] == "17"


def _mention(code: str, country: str | None) -> ActorMention:
    actor = Actor(text="the League", name="League", code=code, country=country)
    return ActorMention(0, 2, 0, 10, actor, "institution", 1)


def test_compound_actor_stands_for_each_of_its_codes() -> None:
    parts = build._compound(_mention("AAA/BBBGOV/AAA", "AAA"))
    assert [(m.actor.code, m.actor.country, m.actor.sectors) for m in parts] == [
        ("AAA", "AAA", []),
        ("BBBGOV", "BBB", ["GOV"]),
    ]
    single = _mention("CCC", "CCC")
    assert build._compound(single) == [single]
    assert build._compound(None) == [None]


def _actor(code: str, country: str | None, *sectors: str, name: str = "") -> Actor:
    return Actor(text=name or code, name=name or code, code=code, country=country,
                 sectors=list(sectors))  # fmt: skip


def test_state_and_its_own_organ_is_a_slip_but_its_parties_and_people_are_politics() -> None:
    algeria = _actor("DZA", "DZA", name="Algeria")
    assert keep.keep_pair(_actor("DZAPTY", "DZA", "PTY"), algeria)  # a party boycotts the state
    assert keep.keep_pair(algeria, _actor("DZAOPP", "DZA", "OPP"))  # the state bans the opposition
    assert not keep.keep_pair(_actor("DZAGOV", "DZA", "GOV"), algeria)  # "It accused Algeria"
    assert not keep.keep_pair(algeria, _actor("DZAMIL", "DZA", "MIL"))
    assert keep.keep_pair(_actor("DZAGOV", "DZA", "GOV"), _actor("DZAOPP", "DZA", "OPP"))
    assert not keep.keep_pair(algeria, _actor("DZA", "DZA", name="Algiers"))  # neither is a part


def test_dictionary_mode_keeps_a_countryless_agent_acting_on_someone() -> None:
    government, china = _actor("---GOV", None, "GOV"), _actor("CHN", "CHN")
    assert keep.keep_coded(government, china)  # PETRARCH codes "---GOV CHN"
    assert not keep.keep_pair(government, china)  # our own lexicon wants a country
    assert not keep.keep_coded(government, None)  # alone it says too little
    assert keep.keep_coded(_actor("---REB", None, "REB"), None)  # as our rule: organised
    assert keep.keep_coded(_actor("CHNGOV", "CHN", "GOV"), None)
