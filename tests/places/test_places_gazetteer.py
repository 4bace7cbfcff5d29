"""The gazetteer: readings of names, codes shared with the actor KB, features.tsv checks."""

from __future__ import annotations

import pytest

from eventwire.errors import DataFileError
from eventwire.places.gazetteer import load_gazetteer, read_features
from eventwire.places.resolve import choose

HEADER = "name\tnames\tcountry\tprecision\tlat\tlon\n"


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def best(gaz, name: str, **context):
    return choose(gaz.lookup(name, alternates=True), None, **context)


def test_country_codes_follow_the_actor_knowledge_base(gaz):
    assert best(gaz, "Taiwan").country == "TWN"
    assert best(gaz, "Kosovo").country == gaz.kb.country("XKX").code
    assert best(gaz, "Formosa").name == "Taiwan"  # a KB alias


def test_capital_variants_from_the_knowledge_base_reach_the_city(gaz):
    peking = best(gaz, "Peking")
    assert (peking.name, peking.country, peking.precision) == ("Beijing", "CHN", "city")


def test_countries_and_states_have_a_position_inside_their_area(gaz):
    japan = best(gaz, "Japan")
    assert 24 < japan.lat < 46 and 123 < japan.lon < 146
    texas = next(e for e in gaz.lookup("Texas") if e.kind == "region")
    assert (texas.country, texas.admin1) == ("USA", "TX")
    assert 25 < texas.lat < 37 and -107 < texas.lon < -93


def test_bare_name_prefers_country_then_capital_then_population(gaz):
    assert best(gaz, "Georgia").country == "GEO"
    assert best(gaz, "Washington").admin1 == "DC"
    assert best(gaz, "Paris").country == "FRA"


def test_context_country_changes_the_reading(gaz):
    from collections import Counter

    assert best(gaz, "Georgia", countries=Counter({"USA": 3})).admin1 == "GA"
    assert best(gaz, "Paris", countries=Counter({"USA": 2})).admin1 == "TX"
    # a continent is not given up for a small town of a context country
    assert best(gaz, "Asia", countries=Counter({"PHL": 2})).precision == "continent"


def test_demonyms_are_not_names(gaz):
    assert gaz.is_demonym("Japanese")
    assert not gaz.is_demonym("Japan")
    assert gaz.lookup("Japanese") == []


def test_features_file_bad_precision_names_the_line():
    text = HEADER + "Taiwan Strait\t\t\tother\t24.0\t119.5\nSome Bay\t\t\tcity\t1\t2\n"
    with pytest.raises(DataFileError, match=r"E010.*line 3.*precision"):
        read_features(text, "features.tsv")


def test_features_file_bad_coordinates_and_header():
    with pytest.raises(DataFileError, match="outside the globe"):
        read_features(HEADER + "Nowhere\t\t\tother\t95\t0\n", "f.tsv")
    with pytest.raises(DataFileError, match="header"):
        read_features("name\tlat\n", "f.tsv")


def test_features_aliases_share_one_entry():
    ((entry, names),) = read_features(
        HEADER + "Senkaku Islands\tSenkakus|Diaoyu Islands\t\tother\t25.7\t123.5\n", "f"
    )
    assert names == ("Senkaku Islands", "Senkakus", "Diaoyu Islands")
    assert entry.precision == "other" and entry.country is None
