"""Actor codes composed the PETRARCH way when coding with a dictionary folder ("replace").

The dictionaries and sentences are written for these tests (invented places and people).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from eventwire.actors.petrarch import load_petrarch_dictionaries
from eventwire.actors.petrarch_match import _with_agent, agent_entries
from eventwire.nlp.pipeline import MODEL_NAME
from eventwire.records import Article

ACTORS = """\
VELORIA_ [VLR]
+VELORIAN
KESTREL_ [KST]
GLIMMERDALE_ [NOR]
PORTALBA_ [ESP]
PALACE_TOWER_ [VLRGOV]
SKYCRAFT_ [MNCVLR]
"""

AGENTS = """\
FOREIGN_MINISTER [~GOVFRM]
SECURITY_OFFICIAL [~GOV]
GOVERNMENT [~GOV]
DIPLOMAT [~GOV]
RELIEFCORPS {} [NGO~]
BUDDHIST [~BUD]
EXILED_LEADER [~OPP]
DEMONSTRATOR [~OPP]
MINISTER [~GOV]
AIRLINE [~BUS]
REBEL [~REB]
WORLD_GOVERNMENT {} [~WGO]
MEDIA {} [~MED]
PROSECUTOR [~JUD]
"""


@pytest.fixture(scope="module")
def nlp(tmp_path_factory) -> Language:
    folder: Path = tmp_path_factory.mktemp("petrarch_match")
    (folder / "Mini.actors.txt").write_text(ACTORS, encoding="utf-8")
    (folder / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("ew_actors", config={"dictionaries": str(folder)})  # replace: default
    return pipeline


def codes(nlp: Language, text: str) -> list[str]:
    doc = nlp.make_doc(text)
    doc._.ew_article = Article(id="t", text=text, published="2020-05-01")
    return [m.actor.code for m in nlp(doc)._.ew_mentions if m.kind != "pronoun"]


def test_agent_code_is_appended_whole(nlp):
    # our own rule keeps one primary sector; the format appends the agent's whole code
    assert "VLRGOVFRM" in codes(nlp, "The Velorian foreign minister flew home on Monday.")


def test_agent_chunks_already_in_the_actor_code_are_not_repeated(nlp):
    found = codes(nlp, "Palace Tower security officials rejected the offer.")
    assert "VLRGOV" in found and "VLRGOVGOV" not in found


def test_prefix_agent_goes_before_the_following_actor(nlp):
    assert "NGOVLR" in codes(nlp, "Reliefcorps Veloria opened a clinic in the capital.")


def test_prefix_and_suffix_agents_make_one_actor_of_the_noun_phrase(nlp):
    found = codes(nlp, "A Reliefcorps Veloria diplomat arrived late.")
    assert found == ["NGOVLRGOV"]


def test_country_named_as_a_place_is_still_an_actor(nlp):
    # without dictionaries "at Glimmerdale" would be a location, not an actor
    assert "NOR" in codes(nlp, "The rebels fired rockets at Glimmerdale on Sunday.")


def test_country_name_modifying_a_noun_is_still_an_actor(nlp):
    # PETRARCH codes every actor phrase of a noun phrase: "the Portalba festival" names ESP
    assert "ESP" in codes(nlp, "Kestrel will attend the Portalba festival next week.")


def test_coordinated_names_are_not_merged(nlp):
    found = codes(nlp, "Veloria and the Kestrel government signed a pact.")
    assert "VLR" in found and "KSTGOV" in found


def test_agents_without_an_actor_take_the_actor_of_their_of_phrase(nlp):
    # PETRARCH-2 codes the phrase: the actor's code, then the agents in the order found
    found = codes(nlp, "Kestrel expelled exiled leaders of Veloria's Buddhist League.")
    assert found == ["KST", "VLROPPBUD"]


def test_adjective_agent_takes_the_actor_of_its_nouns_in_phrase(nlp):
    # "Buddhist" only modifies "state", yet PETRARCH reads it as the phrase's agent
    assert "VLRBUD" in codes(nlp, "Kestrel wants a strict Buddhist state in southern Veloria.")


def test_religion_adjective_before_a_capitalised_noun_is_no_title(nlp):
    # "Buddhist Temple" is no person titled "Buddhist": the phrase is Veloria's BUD
    text = "Kestrel bombed a Buddhist Temple target southwest of Veloria, officials said."
    assert codes(nlp, text) == ["KST", "VLRBUD"]


def test_first_half_of_a_hyphenated_word_is_no_agent_of_the_phrase(nlp):
    # PETRARCH's token is "GOVERNMENT-HELD": the part of Veloria is Veloria's, not its GOV
    found = codes(nlp, "Kestrel shelled a government-held part of Veloria on Sunday.")
    assert "VLRGOV" not in found and "VLR" in found


def test_named_actor_beside_an_agent_but_not_linked_to_it_lends_no_code(nlp):
    # the demonstrators (NOROPP) stand next to "ministers", who are the government's
    text = "Glimmerdale demonstrators received ministers from the Glimmerdale government."
    assert codes(nlp, text) == ["NOROPP", "NORGOV", "NORGOV"]


def test_first_actor_of_the_phrase_may_be_an_agent_composed_with_its_country(nlp):
    # "Glimmerdale airlines" (NORBUS) comes before the named Skycraft (MNCVLR)
    assert codes(nlp, "Glimmerdale airlines Skycraft flew to Portalba.") == ["NORBUS", "ESP"]


def test_country_after_pro_is_no_actor_of_the_phrase(nlp):
    # PETRARCH's token is PRO-GLIMMERDALE: the rebels are REB, not Glimmerdale's
    found = codes(nlp, "Kestrel accused pro-Glimmerdale rebels of the attack.")
    assert "REB" in found and "NORREB" not in found


def test_agent_dropped_as_a_modifier_joins_the_actor_of_its_phrase(nlp):
    # "world government" only modifies "activists"; PETRARCH reads the whole phrase
    found = codes(nlp, "Glimmerdale world government activists met Kestrel on Monday.")
    assert found == ["NORWGO", "KST"]


def test_agents_of_a_phrase_follow_the_actor_in_the_order_found(nlp):
    found = codes(nlp, "The Glimmerdale Buddhist media criticised Kestrel.")
    assert found == ["NORBUDMED", "KST"]


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel restored ties with former Glimmerdale prosecutors.",
        "Glimmerdale former prosecutors met Kestrel.",
    ],
)
def test_former_office_holders_are_elites(nlp, text):
    # CAMEO codes former officials ELI, as TABARI converted "former" agents
    assert "NORELI" in codes(nlp, text) and "NORJUD" not in codes(nlp, text)


def test_with_agent_and_agent_entries(tmp_path: Path):
    assert _with_agent("VLR", "GOVFRM") == "VLRGOVFRM"
    assert _with_agent("VLRGOVMED", "GOVMED") == "VLRGOVMED"
    (tmp_path / "Mini.agents.txt").write_text(AGENTS, encoding="utf-8")
    entries = agent_entries(load_petrarch_dictionaries(tmp_path))
    assert entries["reliefcorps"].prefix and entries["reliefcorps"].code == "NGO"
    assert entries["foreign ministers"].code == "GOVFRM"  # regular plural form


DUPLICATES = """\
ELDER_BRIN_ [VLRELI]
+MAYOR_BRIN
YOUNGER_BRIN_ [VLRGOV]
+MAYOR_BRIN_
"""

DUPLICATE_AGENTS = """\
WARDEN [~COP]
WARDEN [~MIL]
"""


def test_phrase_listed_twice_belongs_to_the_last_record(tmp_path: Path):
    # PETRARCH-2 stores a phrase once and the last record read overwrites it; a final "_"
    # (TABARI's no-stemming mark) does not make "MAYOR_BRIN_" another phrase
    (tmp_path / "Mini.actors.txt").write_text(ACTORS + DUPLICATES, encoding="utf-8")
    (tmp_path / "Mini.agents.txt").write_text(AGENTS + DUPLICATE_AGENTS, encoding="utf-8")
    pipeline = spacy.load(MODEL_NAME)
    pipeline.add_pipe("ew_actors", config={"dictionaries": str(tmp_path)})
    assert codes(pipeline, "Mayor Brin opened the new bridge.") == ["VLRGOV"]
    assert "VLRMIL" in codes(pipeline, "Velorian wardens closed the border.")
    assert agent_entries(load_petrarch_dictionaries(tmp_path))["wardens"].code == "MIL"
