"""The packaged CAMEO tables: codes, Goldstein scores, QuadClass and PLOVER."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.errors import DataFileError, EventwireError
from eventwire.events.cameo import (
    CODES_HEADER,
    PLOVER_HEADER,
    UnknownCodeError,
    cameo_code,
    is_known_code,
    load_cameo,
    quad_class,
    read_cameo,
)


def test_table_has_all_gdelt_codes_and_the_two_icews_extras():
    table = load_cameo()
    assert len(table) == 312
    assert sum(entry.source == "gdelt" for entry in table.values()) == 310
    assert {code for code, entry in table.items() if entry.source == "icews"} == {"106", "1213"}


def test_every_root_is_present_with_its_quad_class():
    expected = {1: 1, 5: 1, 6: 2, 9: 2, 10: 3, 14: 3, 15: 4, 20: 4}
    for root in range(1, 21):
        entry = cameo_code(f"{root:02d}")
        assert entry.root == f"{root:02d}"
        assert entry.quad_class == quad_class(entry.root)
    for root, quad in expected.items():
        assert cameo_code(f"{root:02d}").quad_class == quad


def test_children_share_the_root_and_quad_class_of_their_root():
    for code, entry in load_cameo().items():
        assert entry.root == code[:2]
        assert entry.quad_class == cameo_code(entry.root).quad_class


@pytest.mark.parametrize(
    ("code", "goldstein"),
    [("111", -2.0), ("0331", 5.2), ("190", -10.0), ("016", -2.0), ("022", 3.2), ("164", -7.0)],
)
def test_goldstein_values_follow_the_gdelt_table(code, goldstein):
    # 016, 022 and 164 differ between GDELT and ICEWS: GDELT's values win.
    assert cameo_code(code).goldstein == goldstein


def test_names_and_plover_of_common_codes():
    criticize = cameo_code("111")
    assert criticize.name == "Criticize or denounce"
    assert (criticize.plover_event, criticize.plover_mode) == ("ACCUSE", "disapprove")
    assert cameo_code("042").plover_event == "CONSULT"
    assert cameo_code("163").plover_event == "COERCE"
    assert cameo_code("1712").plover_event == "ASSAULT"


def test_statement_and_appeal_codes_have_no_plover_event():
    for code, entry in load_cameo().items():
        if entry.root in {"01", "02"}:
            assert entry.plover_event is None, code
        else:
            assert entry.plover_event is not None, code


def test_retired_plover_modes_are_dropped():
    assert cameo_code("085").plover_mode is None  # "ease" is no longer a PLOVER mode
    assert cameo_code("175").plover_event == "ASSAULT"


def test_unknown_code_raises_a_coded_error():
    assert not is_known_code("999")
    assert is_known_code("0874")
    with pytest.raises(UnknownCodeError) as caught:
        cameo_code("999")
    assert isinstance(caught.value, EventwireError)
    assert caught.value.code == "E011"


def _write_tables(folder: Path, codes: list[str], plover: list[str]) -> Path:
    roots = [f"{root:02d}\tRoot {root}\t0.0\tgdelt" for root in range(1, 21)]
    (folder / "codes.tsv").write_text("\n".join([CODES_HEADER, *roots, *codes]) + "\n")
    (folder / "plover.tsv").write_text("\n".join([PLOVER_HEADER, *plover]) + "\n")
    return folder


def test_unlisted_codes_inherit_plover_from_the_nearest_listed_parent(tmp_path):
    codes = [
        "140\tDissent\t-6.5\tgdelt",
        "141\tRally\t-6.5\tgdelt",
        "1411\tRally for X\t-6.5\tgdelt",
    ]
    plover = ["14\tPROTEST\t\t", "141\tPROTEST\tdemo\t"]
    table = read_cameo(_write_tables(tmp_path, codes, plover))
    assert (table["1411"].plover_event, table["1411"].plover_mode) == ("PROTEST", "demo")
    assert (table["140"].plover_event, table["140"].plover_mode) == ("PROTEST", None)
    assert table["02"].plover_event is None


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("111\tCriticize\tminus two\tgdelt", "not a number"),
        ("111\tCriticize\t-2.0", "expected 4"),
        ("999\tNo such\t0.0\tgdelt", "not a CAMEO event code"),
        ("111\tCriticize\t-2.0\telsewhere", "source"),
        ("01\tAgain\t0.0\tgdelt", "listed twice"),
    ],
)
def test_bad_codes_row_names_file_and_line(tmp_path, row, message):
    folder = _write_tables(tmp_path, [row], [])
    with pytest.raises(DataFileError) as caught:
        read_cameo(folder)
    assert caught.value.code == "E010"
    assert "codes.tsv" in str(caught.value)
    assert "line 22" in str(caught.value)  # header + 20 roots, then the bad row
    assert message in str(caught.value)


def test_bad_plover_row_names_file_and_line(tmp_path):
    folder = _write_tables(tmp_path, [], ["11\tBLAME\t\t"])
    with pytest.raises(DataFileError, match=r"plover.tsv \(line 2\).*PLOVER event type"):
        read_cameo(folder)


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DataFileError, match="not found"):
        read_cameo(tmp_path)


def test_dictionary_codes_borrow_their_nearest_parent():
    from eventwire.events.cameo import code_or_parent

    local = code_or_parent("075A")
    assert local is not None
    assert local.code == "075A"
    assert local.root == "07" and local.quad_class == 2
    assert local.goldstein == code_or_parent("075").goldstein
    assert code_or_parent("111").name == load_cameo()["111"].name
    assert code_or_parent("212") is None  # no root 21 in CAMEO: not codable
