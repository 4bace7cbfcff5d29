"""PETRARCH-format dictionaries: reading, date-restricted codes, and use by ``ew_actors``.

The dictionary files here are written for these tests (invented names, our own lines).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import eventwire.actors.component  # noqa: F401  (registers the ew_actors factory)
from eventwire.actors import load_knowledge_base
from eventwire.actors.petrarch import (
    load_petrarch_dictionaries,
    split_code,
    with_dictionaries,
)
from eventwire.errors import DataFileError, InputError
from eventwire.nlp.pipeline import MODEL_NAME
from eventwire.records import Article
from shared_data import shared_path

ACTORS = """\
# a comment line
<!-- an XML-style comment -->
FREEDONIA_  [USA]   # default code on the phrase line
+FREEDONIAN_
+FREEDONIA_REPUBLIC

RUFUS_T_FIREFLY_  ; an old-style comment
+FIREFLY_
\t[USAELI <950101]
\t[USAGOV 950101-19991231]
\t[USAOPP >000101]

GRAND_FENWICK_HARBOUR_AUTHORITY
\t[GBRGOVBUS]

NOBODY_IN_PARTICULAR [---]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
HARBOUR_MASTER [~GOV]
RIVER_POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~JUD]
FERRY!PERSON! [~BUS]
BALLOON_WATCHER [NGO~]
SPY [~SPY]
"""

DISCARDS = """\
FREEDONIA_ROVERS
+FENWICK_CUP
"""


def write(folder: Path, **files: str) -> Path:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return write(
        tmp_path,
        **{"Test.actors.txt": ACTORS, "Test.agents.txt": AGENTS, "Test.discards.txt": DISCARDS},
    )


# ---------------------------------------------------------------- reading


def test_actor_records_with_synonyms_and_default_codes(folder):
    dicts = load_petrarch_dictionaries(folder)
    first = dicts.actors[0]
    assert first.phrases == ["FREEDONIA", "FREEDONIAN", "FREEDONIA REPUBLIC"]
    assert first.default == "USA" and first.dated == []
    assert dicts.actors[2].default == "GBRGOVBUS"  # an indented code with no dates
    assert dicts.actors[3].code_on(date(2020, 1, 1)) is None  # [---] is the null code
    assert dicts.phrase_count == 7
    assert dicts.files == ["Test.actors.txt", "Test.agents.txt", "Test.discards.txt"]


@pytest.mark.parametrize(
    ("day", "code"),
    [
        (date(1990, 6, 1), "USAELI"),  # before 950101
        (date(1995, 1, 1), "USAELI"),  # bounds are inclusive: the first restriction wins
        (date(1997, 3, 3), "USAGOV"),  # YYMMDD-YYYYMMDD interval
        (date(2010, 5, 5), "USAOPP"),  # >000101 is 2000, not 1900
        (None, "USAOPP"),  # no article date: the restriction that ends last
    ],
)
def test_date_restricted_code_is_the_one_valid_on_the_day(folder, day, code):
    firefly = load_petrarch_dictionaries(folder).actors[1]
    assert firefly.code_on(day) == code


def test_agents_plurals_substitutions_and_prefix_codes(folder):
    agents = {a.phrase: a for a in load_petrarch_dictionaries(folder).agents}
    assert agents["HARBOUR MASTER"].plurals == ("HARBOUR MASTERS",)  # regular plural
    assert agents["RIVER POLICE"].plurals == ()  # {} means no plural
    assert agents["ATTORNEY GENERAL"].plurals == ("ATTORNEYS GENERAL",)
    assert agents["SPY"].plurals == ("SPIES",)
    assert {"FERRYMAN", "FERRYWOMAN"} <= set(agents)  # !PERSON! expanded
    assert agents["BALLOON WATCHER"].prefix and agents["BALLOON WATCHER"].code == "NGO"
    assert not agents["HARBOUR MASTER"].prefix and agents["HARBOUR MASTER"].code == "GOV"


def test_discards_mark_story_level_phrases(folder):
    assert load_petrarch_dictionaries(folder).discards == [
        ("FREEDONIA ROVERS", False),
        ("FENWICK CUP", True),
    ]


@pytest.mark.parametrize(
    ("filename", "text", "line", "words"),
    [
        ("Bad.actors.txt", "\t[USA]\nFREEDONIA [USA]\n", 1, "before any actor phrase"),
        ("Bad.actors.txt", "FREEDONIA [USA\n", 1, "without ']'"),
        ("Bad.actors.txt", "FREEDONIA\n\t[USA 95-99]\n", 2, "not YYMMDD"),
        ("Bad.actors.txt", "FREEDONIA\n\t[USA 990101-950101]\n", 2, "ends before it starts"),
        ("Bad.actors.txt", "FREEDONIA [US$]\n", 1, "not letters and digits"),
        ("Bad.agents.txt", "HARBOUR_MASTER\n", 1, "has no [~CODE]"),
        ("Bad.agents.txt", "HARBOUR_MASTER [GOV]\n", 1, "needs '~'"),
        ("Bad.agents.txt", "FERRY!CREW! [~BUS]\n", 1, "!CREW! is not defined"),
    ],
)
def test_malformed_line_names_file_and_line(tmp_path, filename, text, line, words):
    write(tmp_path, **{filename: text, "Ok.agents.txt": "SPY [~SPY]\n"})
    with pytest.raises(DataFileError) as err:
        load_petrarch_dictionaries(tmp_path, strict=True)
    message = str(err.value)
    assert filename in message and f"line {line}" in message and words in message
    # by default the line is skipped and reported, as PETRARCH does
    lenient = load_petrarch_dictionaries(tmp_path)
    assert any(filename in p and f"line {line}" in p for p in lenient.problems)


def test_folder_without_dictionaries_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match=r"no \*actors\*\.txt"):
        load_petrarch_dictionaries(tmp_path)


def test_split_code_treats_transnational_prefixes_as_sectors():
    kb = load_knowledge_base()
    assert split_code("TWNGOVMIL", kb) == ("TWN", ["GOV", "MIL"])
    assert split_code("IGOUNO", kb) == ("UNO", ["IGO"])
    assert split_code("NGOHRW", kb) == ("HRW", ["NGO"])


def test_replace_mode_swaps_agents_and_bad_mode_is_refused(folder):
    kb = load_knowledge_base()
    dicts = load_petrarch_dictionaries(folder)
    replaced = with_dictionaries(kb, dicts, "replace")
    assert replaced.agent("harbour masters") is not None
    assert replaced.agent("lawmaker") is None and not replaced.own_names
    added = with_dictionaries(kb, dicts, "add")
    assert added.agent("harbour master") is not None and added.agent("lawmaker") is not None
    assert kb.agent("harbour master") is None  # the cached knowledge base is left alone
    with pytest.raises(InputError, match="mode"):
        with_dictionaries(kb, dicts, "merge")


# ---------------------------------------------------------------- in the pipeline


def pipeline(folder: Path, mode: str) -> Language:
    nlp = spacy.load(MODEL_NAME)
    nlp.add_pipe("ew_actors", config={"dictionaries": str(folder), "mode": mode})
    return nlp


def coded(nlp: Language, text: str, published: str | None) -> dict[str, str]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published=published)
    return {m.actor.text: m.actor.code for m in nlp(doc)._.ew_mentions}


@pytest.fixture(scope="module")
def dict_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("petrarch")
    return write(
        folder,
        **{"Test.actors.txt": ACTORS, "Test.agents.txt": AGENTS, "Test.discards.txt": DISCARDS},
    )


@pytest.fixture(scope="module")
def added(dict_folder) -> Language:
    return pipeline(dict_folder, "add")


@pytest.fixture(scope="module")
def replaced(dict_folder) -> Language:
    return pipeline(dict_folder, "replace")


def test_dictionary_person_gets_the_code_of_the_article_date(added):
    text = "Rufus T Firefly criticised the plan on Tuesday."
    assert coded(added, text, "1997-05-01")["Rufus T Firefly"] == "USAGOV"
    assert coded(added, text, "2005-05-01")["Rufus T Firefly"] == "USAOPP"


def test_dictionary_country_composes_with_dictionary_agents(replaced):
    found = coded(replaced, "Freedonian harbour masters closed the port.", "2001-01-01")
    assert found == {"Freedonian harbour masters": "USAGOV"}


def test_replace_mode_ignores_our_own_names(replaced, added):
    text = "Japan protested to the Grand Fenwick Harbour Authority."
    assert coded(replaced, text, "2001-01-01") == {"Grand Fenwick Harbour Authority": "GBRGOVBUS"}
    assert coded(added, text, "2001-01-01")["Japan"] == "JPN"


def test_discard_phrase_keeps_actor_matches_out(added):
    found = coded(added, "Freedonia Rovers lost the final to a team from Japan.", "2001-01-01")
    assert "Freedonia" not in found and "Freedonia Rovers" not in found


def test_unknown_mode_is_refused():
    nlp = spacy.load(MODEL_NAME)
    with pytest.raises(InputError, match="mode"):
        nlp.add_pipe("ew_actors", config={"mode": "merge"})


@pytest.mark.slow
def test_phoenix_dictionaries_load_in_full():
    folder = shared_path("data", "petrarch2-dictionaries")
    dicts = load_petrarch_dictionaries(folder)
    assert dicts.phrase_count > 35000 and len(dicts.agents) > 3000
    assert len(dicts.problems) < 20  # a handful of bad date lines, each reported
    by_phrase = {p: a for a in dicts.actors for p in a.phrases}
    assert by_phrase["AFGHANISTAN"].code_on(date(2020, 1, 1)) == "AFG"


def test_compound_actor_keeps_all_its_codes(tmp_path):
    lines = "LOWLAND_LEAGUE  [AAA/BBB/CCCGOV]\n+THE_LEAGUE\n\nSOLO_STATE [DDD]\n"
    folder = write(tmp_path, **{"Compound.actors.txt": lines})
    dicts = load_petrarch_dictionaries(folder, strict=True)
    assert dicts.actors[0].default == "AAA/BBB/CCCGOV"
    assert dicts.problems == []
    kb = load_knowledge_base()
    assert split_code("AAA/BBB/CCCGOV", kb) == ("AAA", [])  # the first code's country


def test_compound_actor_with_a_bad_part_is_rejected(tmp_path):
    folder = write(tmp_path, **{"Bad.actors.txt": "BROKEN_UNION  [AAA/B.B]\n"})
    with pytest.raises(DataFileError):
        load_petrarch_dictionaries(folder, strict=True)
