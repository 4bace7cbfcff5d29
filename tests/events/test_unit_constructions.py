"""Grammatical constructions of the PETRARCH-2 unit tests, on sentences of our own.

Each test names one construction: a group placed in several countries, a list the
parser hung apart, coordinated modifiers of a noun, a compound subject whose members
are each other's partners ("- % *"), a particle read as a preposition, words of the
pattern that are no actor, a pattern code that is no CAMEO code, an infinitive of
purpose holding the target. The dictionary-mode tests use a small PETRARCH dictionary
written here with real countries; the others use the packaged lexicon and actors.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from event_helpers import coder, triples
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.actors import ActorMention
from eventwire.events.actors_of import PhraseIndex
from eventwire.events.clauses import particle
from eventwire.events.petrarch_verbs import read_petrarch_verbs
from eventwire.nlp.pipeline import build_pipeline, get_pipeline
from eventwire.records import Actor, Article

ACTORS = """\
SPAIN_ [ESP]
ITALY_ [ITA]
GREECE_ [GRC]
PERU_ [PER]
CHILE_ [CHL]
BOLIVIA_ [BOL]
EGYPT_ [EGY]
NORWAY_ [NOR]
"""

AGENTS = """\
AMBASSADOR [~GOV]
OFFICIAL [~GOV]
LAWMAKER [~LEG]
SOLDIER [~MIL]
"""

VERBS = """\
&MONEY
+DOLLARS
+NORWEGIAN KRONER

--- AGREE [081] ---
AGREE
- % * [030:030]

--- SEAL [---] ---
+SEAL_OFF {+SEALED_OFF +SEALS_OFF}

--- ISOLATE [1721] ---
ISOLATE
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}

--- DONATE [070] ---
DONATE
- * &MONEY [071]

--- REOPEN [064] ---
REOPEN
- * FULL RELATIONS [+++]
- * RELATIONS [064]

--- SIGN [081] ---
SIGN

--- CONDEMN [122] ---
CONDEMN

--- PRESENT [032] ---
PRESENT

--- VOW [170] ---
VOW
- * WAR [173]

--- CONFISCATE [1711] ---
CONFISCATE
WIRE_+TAP {WIRE_+TAPPED WIRE_+TAPPING}
- WILL NOT * [081]

--- ACT [100] ---
ACT
- INDICATED SHOULD * [1011]

&LINKS
+TRADE
+MILITARY

--- CUT [161] ---
CUT
- * NEW_&LINKS_TIES [163]
- RECENTLY_* [162]
- * SHARPLY_BACK [164]

--- HOST [042] ---
HOST
- * DINNER IN ^ + [045]
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory) -> Language:
    folder: Path = tmp_path_factory.mktemp("unit_constructions")
    (folder / "Mini.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    (folder / "Mini.verbs.txt").write_text(VERBS, encoding="utf-8")
    return build_pipeline(dictionaries=folder)


def coded(nlp: Language, text: str) -> set[tuple[str | None, str | None, str]]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2022-03-01")
    events = nlp(doc)._.ew_events
    return {(e.source and e.source.code, e.target and e.target.code, e.cameo) for e in events}


# ---------------------------------------------------------------- dictionary mode


def test_a_group_of_several_countries_is_one_group_per_country(nlp):
    found = coded(nlp, "The ambassadors of Spain, Italy and Greece condemned Egypt on Monday.")
    assert {("ESPGOV", "EGY", "122"), ("ITAGOV", "EGY", "122"), ("GRCGOV", "EGY", "122")} <= found


def test_a_country_hung_on_the_group_still_places_it(nlp):
    # the small model often makes "Chile" a conjunct of "lawmakers", not of "Peru"
    found = coded(nlp, "Lawmakers in Peru and Chile condemned Bolivia.")
    assert {("PERLEG", "BOL", "122"), ("CHLLEG", "BOL", "122")} <= found
    assert ("CHL", "BOL", "122") not in found


def test_two_groups_of_one_country_stay_two_actors_with_a_dictionary(nlp):
    # a dictionary's codes are compared whole: Peru's lawmakers and its officials are
    # two actors of one country, not one event told twice
    found = coded(nlp, "Lawmakers of Peru and officials of Peru condemned Bolivia.")
    assert len({s for s, t, c in found if s and s.startswith("PER") and t == "BOL"}) == 2


def test_compound_subject_pattern_makes_the_members_partners(nlp):
    found = coded(nlp, "Peru and Chile agree that the border dispute should go to arbitration.")
    assert ("PER", "CHL", "030") in found
    assert not any(code == "081" for _s, _t, code in found)


def test_compound_subject_pattern_needs_a_compound_subject(nlp):
    found = coded(nlp, "Peru agreed with Chile on Tuesday.")
    assert ("PER", "CHL", "081") in found
    assert not any(code == "030" for _s, _t, code in found)


def test_a_particle_read_as_a_preposition_still_makes_the_phrasal_verb(nlp):
    found = coded(nlp, "Soldiers from Peru have cordoned off the roads into Bolivia.")
    assert ("PERMIL", "BOL", "1721") in found


def test_actor_words_the_pattern_names_are_no_target(nlp):
    found = coded(nlp, "Spain will donate a million Norwegian kroner to Egypt.")
    assert ("ESP", "EGY", "071") in found
    assert not any(target == "NOR" for _s, target, _c in found)


def test_a_pattern_with_no_cameo_code_falls_back_to_a_broader_one(nlp):
    assert ("PER", "CHL", "064") in coded(nlp, "Peru will reopen full relations with Chile.")


def test_reader_skips_patterns_whose_code_is_no_cameo_code(tmp_path: Path):
    path = tmp_path / "Mini.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    lexicon = read_petrarch_verbs(path)
    assert {p.code for p in lexicon.verb_patterns("reopen")} == {"064"}
    assert lexicon.stats["skipped: code that is no CAMEO code"] == 1
    compound = [p for p in lexicon.verb_patterns("agree") if p.code == "030"]
    assert len(compound) == 1 and compound[0].compound and compound[0].symmetric


def test_an_infinitive_of_purpose_holds_the_target(nlp):
    found = coded(nlp, "Spain signed a deal on Friday to supply Egypt with grain.")
    assert ("ESP", "EGY", "081") in found


def test_a_control_verb_pattern_naming_the_complement_codes_the_control_verb(nlp):
    # "VOW: - * WAR": the words are in "to wage war", which has no pattern of its own
    assert ("PER", "BOL", "173") in coded(nlp, "Peru vowed on Monday to wage war on Bolivia.")


def test_a_verb_with_a_word_before_it_is_a_compound_verb(nlp):
    found = coded(nlp, "Soldiers from Peru will not wire tap the phone lines of Bolivia.")
    assert ("PERMIL", "BOL", "081") in found
    # without "wire" the verb is another one, which the dictionary does not list
    assert coded(nlp, "Peru tapped the phone lines of Bolivia.") == set()


def test_what_a_speaker_says_it_should_do_is_its_own_event(nlp):
    # no call: the speaker and the one who should act are the same
    found = coded(nlp, "Spain indicated it should have acted against Egypt.")
    assert ("ESP", "EGY", "1011") in found


def test_words_tied_by_an_underscore_must_be_side_by_side(nlp):
    assert ("PER", "BOL", "163") in coded(nlp, "Peru cut new trade ties with Bolivia.")
    # "new ... trade ties" with a word between: the tied pattern does not hold
    apart = coded(nlp, "Peru cut new regional trade ties with Bolivia.")
    assert ("PER", "BOL", "161") in apart and ("PER", "BOL", "163") not in apart


def test_a_word_tied_to_the_verb_must_be_next_to_it(nlp):
    assert ("PER", "BOL", "162") in coded(nlp, "Peru recently cut its aid to Bolivia.")
    apart = coded(nlp, "Peru recently did cut its aid to Bolivia.")
    assert ("PER", "BOL", "161") in apart and ("PER", "BOL", "162") not in apart


def test_a_target_after_skipped_words_is_no_object_of_the_preposition(nlp):
    # "- * DINNER IN ^ +": the words after "in" are skipped, the target comes later
    found = coded(nlp, "Spain hosted a dinner in Italy with the leaders of Egypt.")
    assert ("ESP", "EGY", "045") in found
    assert ("ESP", "ITA", "045") not in found


def test_reader_keeps_which_words_are_tied(tmp_path: Path):
    path = tmp_path / "Mini.verbs.txt"
    path.write_text(VERBS, encoding="utf-8")
    patterns = {p.code: p for p in read_petrarch_verbs(path).verb_patterns("cut")}
    assert patterns["163"].after in {("new", "trade", "ties"), ("new", "military", "ties")}
    assert patterns["163"].after_joins == {0, 1}
    assert (patterns["162"].before, patterns["162"].before_joins) == (("recently",), {0})
    assert patterns["164"].after_joins == {0}


# ---------------------------------------------------------------- packaged lexicon


@pytest.fixture(scope="module")
def run():
    return coder()


def test_coordinated_modifiers_each_own_the_noun(run):
    found = triples(run("The Turkish president will meet Greek and Cypriot leaders next week."))
    assert {("TUR", "GRC"), ("TUR", "CYP")} <= {(s, t) for s, t, _c in found}


def test_coordinated_nationalities_of_a_subject_are_two_sources(run):
    found = triples(run("American and British activists protested against China in Beijing."))
    assert {"USA", "GBR"} <= {s for s, _t, _c in found}


def test_ambassadors_of_several_countries_act_each(run):
    events = run("The ambassadors of Spain, Italy and Greece met the Egyptian president.")
    assert {"ESP", "ITA", "GRC"} <= {e.source.country for e in events if e.source}


# ---------------------------------------------------------------- parse-level mechanisms


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(get_pipeline().vocab, words=words, heads=heads, deps=deps, pos=pos)


def _mention(doc: Doc, i: int, code: str, kind: str = "country") -> ActorMention:
    token = doc[i]
    actor = Actor(text=token.text, name=token.text, code=code, country=code[:3], sectors=[])
    return ActorMention(i, i + 1, token.idx, token.idx + len(token), actor, kind, i)


def test_a_list_member_parsed_as_a_modifier_is_listed():
    # "Peru and the new Chile protested": the parser made Peru a modifier of Chile
    words = ["Peru", "and", "the", "new", "Chile", "protested"]
    doc = _doc(
        words,
        heads=[4, 0, 4, 4, 5, 5],
        deps=["nmod", "cc", "det", "amod", "nsubj", "ROOT"],
        pos=["PROPN", "CCONJ", "DET", "ADJ", "PROPN", "VERB"],
    )
    doc._.ew_mentions = [_mention(doc, 0, "PER"), _mention(doc, 4, "CHL")]
    codes = [m.actor.code for m in PhraseIndex(doc).actors(doc[4])]
    assert codes == ["PER", "CHL"]


def test_a_list_continued_from_an_apposition_is_listed():
    # "Peru, Chile, Ecuador and Bolivia": Chile an apposition of Peru, the rest its conjuncts
    words = ["Peru", ",", "Chile", ",", "Ecuador", "and", "Bolivia", "protested"]
    doc = _doc(
        words,
        heads=[7, 0, 0, 2, 2, 4, 4, 7],
        deps=["nsubj", "punct", "appos", "punct", "conj", "cc", "conj", "ROOT"],
        pos=["PROPN", "PUNCT", "PROPN", "PUNCT", "PROPN", "CCONJ", "PROPN", "VERB"],
    )
    doc._.ew_mentions = [_mention(doc, i, c) for i, c in ((0, "PER"), (2, "CHL"), (4, "ECU"))]
    doc._.ew_mentions.append(_mention(doc, 6, "BOL"))
    codes = [m.actor.code for m in PhraseIndex(doc).actors(doc[0])]
    assert codes == ["PER", "CHL", "ECU", "BOL"]


def test_a_true_modifier_is_not_listed():
    # "the Peru office of Chile": no "and", so Peru is no list member
    words = ["Peru", "Chile", "protested"]
    doc = _doc(
        words, heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"], pos=["PROPN", "PROPN", "VERB"]
    )
    doc._.ew_mentions = [_mention(doc, 0, "PER"), _mention(doc, 1, "CHL")]
    assert [m.actor.code for m in PhraseIndex(doc).actors(doc[1])] == ["CHL"]


def test_a_preposition_right_after_the_verb_counts_as_its_particle():
    words = ["Troops", "sealed", "off", "the", "border"]
    doc = _doc(
        words,
        heads=[1, 1, 1, 4, 2],
        deps=["nsubj", "ROOT", "prep", "det", "pobj"],
        pos=["NOUN", "VERB", "ADP", "DET", "NOUN"],
    )
    assert particle(doc[1]) == "off"
    away = _doc(
        ["Troops", "marched", "quickly", "off", "the", "road"],
        heads=[1, 1, 1, 1, 5, 3],
        deps=["nsubj", "ROOT", "advmod", "prep", "det", "pobj"],
        pos=["NOUN", "VERB", "ADV", "ADP", "DET", "NOUN"],
    )
    assert particle(away[1]) is None  # not next to the verb: a preposition
