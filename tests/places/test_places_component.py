"""ew_places on small paragraphs written for these tests, and place_for."""

from __future__ import annotations

import pytest

from eventwire.nlp import get_pipeline
from eventwire.places import dominant_place, place_for
from eventwire.records import Article, Place


@pytest.fixture(scope="module")
def nlp():
    return get_pipeline()


def run(nlp, text: str):
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2024-05-02")
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "ew_places":
            break  # later stages are not under test here
    return doc


def places(doc) -> dict[str, Place]:
    return {p.text: p for p in doc._.ew_places}


def token(doc, word: str):
    return next(t for t in doc if t.text == word)


def test_in_tokyo_is_a_place_but_tokyo_said_is_not(nlp):
    doc = run(nlp, "Tokyo said on Monday that the envoys would meet again. They met in Tokyo.")
    found = places(doc)
    assert list(found) == ["Tokyo"]
    assert found["Tokyo"].country == "JPN" and found["Tokyo"].precision == "city"
    # the actor reading is remembered but is not a place
    flags = [(m.text, m.actor_use, m.is_place) for m in doc._.ew_place_mentions]
    assert flags == [("Tokyo", True, False), ("Tokyo", False, True)]


def test_capital_as_actor_is_not_the_place_of_its_own_event(nlp):
    doc = run(nlp, "Beijing protested strongly against the decision. Diplomats later met in Hanoi.")
    protest = place_for(doc, token(doc, "protested"))
    # not Beijing: the protest falls back to the article's only place
    assert protest is not None and protest.name == "Hanoi"
    assert all(p.name != "Beijing" for p in doc._.ew_places)


def test_paris_texas_with_its_state_named(nlp):
    doc = run(nlp, "Paris, Texas, lost power for six hours after the storm.")
    paris = places(doc)["Paris"]
    assert (paris.country, paris.admin1, paris.precision) == ("USA", "TX", "city")


def test_paris_follows_the_article_country(nlp):
    us = run(
        nlp,
        "The US National Weather Service warned of hail. A tornado damaged homes in Paris "
        "overnight, and American officials sent help.",
    )
    assert places(us)["Paris"].country == "USA"
    plain = run(nlp, "A tornado damaged homes in Paris overnight, firefighters said.")
    assert places(plain)["Paris"].country == "FRA"


def test_off_the_coast_of_taiwan_is_a_country_place(nlp):
    doc = run(nlp, "Two Chinese warships sailed off the coast of Taiwan on Thursday.")
    where = place_for(doc, token(doc, "sailed"))
    assert where is not None
    assert (where.name, where.country, where.precision) == ("Taiwan", "TWN", "country")


def test_country_named_as_place_has_country_precision(nlp):
    doc = run(nlp, "Armoured columns entered Ukraine at dawn, and aid workers waited in Poland.")
    found = places(doc)
    assert found["Ukraine"].precision == "country" and found["Ukraine"].country == "UKR"
    assert found["Poland"].precision == "country"
    assert place_for(doc, token(doc, "waited")).name == "Poland"
    assert place_for(doc, token(doc, "entered")).name == "Ukraine"


def test_place_tied_to_its_own_verb_not_the_neighbour(nlp):
    doc = run(nlp, "The envoy flew to Manila, and the minister stayed in Jakarta.")
    assert place_for(doc, token(doc, "flew")).name == "Manila"
    assert place_for(doc, token(doc, "stayed")).name == "Jakarta"


def test_dominant_place_fallback_prefers_a_city_inside_the_main_country(nlp):
    doc = run(
        nlp,
        "Heavy rain fell across Japan this week. Rivers rose in Japan's north, and schools in "
        "Sendai closed. The government promised support.",
    )
    promised = place_for(doc, token(doc, "promised"))
    assert promised is not None and (promised.name, promised.precision) == ("Sendai", "city")
    assert dominant_place(doc) == promised


def test_non_places_are_filtered(nlp):
    doc = run(
        nlp,
        "Michael Jordan spoke to reporters in May. Japanese voters were calm. "
        "Police said Nice weather helped.",
    )
    names = {p.name for p in doc._.ew_places}
    assert not names & {"Jordan", "May", "Police", "Nice", "Japan"}


def test_no_place_means_none(nlp):
    doc = run(nlp, "The committee said it would publish its report soon.")
    assert doc._.ew_places == []
    assert place_for(doc, token(doc, "said")) is None


def test_place_spans_are_labelled_by_precision(nlp):
    doc = run(nlp, "Officials met in Osaka and later travelled across the South China Sea.")
    labels = {span.text: span.label_ for span in doc.spans["ew_places"]}
    assert labels == {"Osaka": "city", "South China Sea": "other"}


def test_generic_noun_after_a_name_selects_the_region(nlp):
    doc = run(
        nlp, "Farmers in eastern Henan province and boats crossing the Taiwan strait were hit."
    )
    found = {p.name: p for p in doc._.ew_places}
    assert found["Henan"].precision == "region" and found["Henan"].country == "CHN"
    assert "Taiwan Strait" in found and "Taiwan" not in found


def test_country_inside_an_actor_phrase_or_a_beat_is_not_a_place(nlp):
    doc = run(
        nlp,
        "The US government sent a note. A China expert at a university in Australia "
        "commented, and the US-Japan relationship was discussed.",
    )
    assert [p.name for p in doc._.ew_places] == ["Australia"]


def test_capital_as_subject_of_an_action_is_an_actor(nlp):
    doc = run(nlp, "Officials met in Hanoi. But Beijing yearns for a different outcome.")
    assert [p.name for p in doc._.ew_places] == ["Hanoi"]


def test_a_building_named_like_a_translated_city_name_is_no_place(nlp):
    # geonames lists translations among alternate names ("White House" for Casablanca)
    doc = run(nlp, "Officials at the White House said the talks had failed.")
    assert not any(p.country == "MAR" for p in places(doc).values())


def test_an_old_spelling_of_a_city_is_still_found_as_a_place(nlp):
    doc = run(nlp, "The delegation flew on to Bombay on Tuesday.")
    assert any(p.country == "IND" for p in places(doc).values())


def test_a_hyphenated_city_name_is_found_whole(nlp):
    doc = run(nlp, "Fighting broke out near Mazar-i-Sharif on Sunday, officials said.")
    assert any(p.country == "AFG" and "Mazar-i-Sharif" in p.text for p in places(doc).values())
