from __future__ import annotations

import json

from click.testing import CliRunner

from eventwire.cli import main


def _json(args):
    result = CliRunner().invoke(main, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_kb_search_finds_a_person_with_the_code_for_the_day():
    rows = _json(["actors", "kb", "--search", "Suga", "--on", "2021-08-27"])
    assert [(r["kind"], r["code"]) for r in rows] == [("person", "JPNGOV")]
    assert _json(["actors", "kb", "--search", "Suga", "--on", "2023-01-01"]) == []


def test_kb_search_is_by_word_prefix_and_filters_by_kind_and_country():
    rows = _json(
        [
            "actors",
            "kb",
            "--search",
            "Democratic Progressive",
            "--kind",
            "party",
            "--country",
            "TWN",
        ]
    )
    assert [r["code"] for r in rows] == ["TWNPTY"]
    assert all("Blair" not in r["name"] for r in _json(["actors", "kb", "--search", "Lai"]))


def test_check_accepts_a_valid_user_file_and_names_problems_in_a_bad_one(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text(
        "- type: party\n  country: TWN\n  name: Harbour Reform Party\n  names: [HRP]\n"
        "  stance: other\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "- type: party\n  country: XQZ\n  name: Nowhere Party\n  stance: other\n",
        encoding="utf-8",
    )
    ok = CliRunner().invoke(main, ["actors", "check", str(good)])
    assert ok.exit_code == 0, ok.output
    failed = CliRunner().invoke(main, ["actors", "check", str(bad)])
    assert failed.exit_code == 1
    assert "bad.yaml" in failed.output and "XQZ" in failed.output
