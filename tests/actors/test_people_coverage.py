"""people.tsv as a systematic list: who led each listed state from 1990 (or its founding)
to the knowledge cut-off, foreign ministers from 2000, and surnames that several listed
people share, which the article's date must settle."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

import pytest
from spacy.language import Language
from tests.actors.group_helpers import actors_pipeline, run

from eventwire.actors.kb import load_knowledge_base, normalise_name

LEADERS = ("head_of_state", "head_of_government")
MAX_GAP = timedelta(days=60)
FROM_1990 = date(1990, 1, 1)
# States whose heads of state or government are listed from 1990 (or their founding).
# The issue-5 list: UN members above about 5 million people, plus the small states
# news about the Middle East and East Asia names often (README, people.tsv section).
_STATES_FROM_1990 = (
    "USA GBR FRA DEU ITA JPN CAN AUS RUS CHN IND IDN KOR MEX ARG BRA TUR SAU ZAF "
    "PHL VNM PRK TWN MNG EGY SYR IRQ IRN ISR LBN JOR QAT KWT BHR ARE OMN LBY TUN "
    "DZA MAR NGA ETH COD TZA KEN SDN AGO MOZ GHA MDG CIV CMR NER BFA MLI MWI ZMB TCD "
    "SEN ZWE GIN RWA BEN BDI TGO SLE COG CAF SOM LBR ESP UKR POL ROU NLD BEL CZE GRC SWE PRT "
    "HUN BLR AUT SRB BGR DNK FIN SVK NOR IRL PAK AFG BGD LKA NPL MMR THA KHM LAO MYS "
    "SGP PNG NZL KAZ UZB TJK KGZ TKM AZE COL PER VEN CHL ECU GTM BOL CUB HTI DOM HND "
    "PRY SLV CRI NIC"
)
LEADER_STATES = {
    **dict.fromkeys(_STATES_FROM_1990.split(), FROM_1990),
    "PSE": date(1994, 7, 5),  # the Palestinian Authority's first head took office
    "XKX": date(2002, 3, 4),  # Kosovo's first president and prime minister under UN rule
    "SSD": date(2011, 7, 9),  # independence
    "YEM": date(1990, 5, 22),  # unification
}
# Stretches longer than MAX_GAP with no listed head of state or government, by
# (country, day the gap starts): real vacancies and regimes the list leaves out.
REAL_GAPS = {
    ("AZE", date(1990, 1, 1)): "Soviet republic; its first president took office 1991-09-08",
    ("AZE", date(1992, 3, 6)): "acting heads between Mutallibov and Elchibey",
    ("BLR", date(1990, 1, 1)): "Soviet republic; Kebich headed its government from 1990-04",
    ("IRQ", date(2003, 4, 9)): "US-led occupation (Coalition Provisional Authority)",
    ("KAZ", date(1990, 1, 1)): "Soviet republic; Nazarbayev became its president 1990-04-24",
    ("KGZ", date(1990, 1, 1)): "Soviet republic; Akayev became its president 1990-10-27",
    ("LBR", date(1990, 9, 9)): "Doe's death to Sawyer's interim government",
    ("LBR", date(1994, 3, 7)): "the Council of State of the civil war, 1994-1997",
    ("MNG", date(1990, 1, 1)): "Batmönkh led the People's Republic until 1990-03-21 (not listed)",
    ("SOM", date(1997, 1, 3)): "no central government until the 2000 Arta conference",
    ("SVK", date(1990, 1, 1)): "part of Czechoslovakia; Mečiar led the Slovak government from 1992",
    ("TJK", date(1990, 1, 1)): "Soviet republic; Nabiyev became its president 1991-12-02",
    ("TJK", date(1992, 9, 7)): "civil war: acting heads until Rahmon took over 1992-11-19",
    ("UKR", date(1990, 1, 1)): "Soviet republic; Kravchuk chaired its parliament from 1990-07-23",
    ("UZB", date(1990, 1, 1)): "Soviet republic; Karimov became its president 1990-03-24",
}
# Foreign ministers listed from 2000 (the G20 and East Asian ones are in test_kb.py).
FM_STATES = ("EGY", "IRN", "ISR", "PAK", "UKR")
FM_GAPS = {
    ("PAK", date(2002, 6, 1)): "Musharraf's government until the 2002 election (approximate date)",
    ("PAK", date(2011, 2, 9)): "the ministry without a full minister until Khar's promotion",
    ("PAK", date(2013, 3, 16)): "caretaker government of 2013",
    ("PAK", date(2018, 4, 26)): "acting and caretaker ministers of 2018",
    ("UKR", date(2009, 3, 3)): "Khandogiy was acting minister until Poroshenko",
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def _gaps(terms, country: str, start: date, known: dict) -> list[tuple[date, date]]:
    gaps, covered = [], start
    for t in sorted(terms, key=lambda t: t.start):
        if t.start - covered > MAX_GAP and (country, covered) not in known:
            gaps.append((covered, t.start))
        covered = max(covered, t.end or date.max)
    if covered != date.max:
        gaps.append((covered, date.max))  # nobody in office at the knowledge cut-off
    return gaps


@pytest.mark.parametrize("country", sorted(LEADER_STATES))
def test_heads_of_state_or_government_cover_1990_to_today(kb, country):
    terms = [t for t in kb.people if t.country == country and set(LEADERS) & set(t.roles)]
    assert _gaps(terms, country, LEADER_STATES[country], REAL_GAPS) == []


@pytest.mark.parametrize("country", FM_STATES)
def test_foreign_ministers_cover_2000_to_today(kb, country):
    terms = [t for t in kb.people if t.country == country and "foreign_minister" in t.roles]
    assert _gaps(terms, country, date(2000, 1, 1), FM_GAPS) == []


def test_no_name_names_two_people_of_different_countries_on_one_day(kb):
    # pick_term settles a shared name by the day, not by the article's country: a name
    # two people of different states hold at once ("Wong": Penny Wong and Lawrence Wong)
    # would be the later one in every article, so such a name is no alias of either
    by_name = defaultdict(list)
    for t in kb.people:
        for n in {t.name, *t.names}:
            by_name[normalise_name(n)].append(t)
    clashes = [
        (n, a.name, b.name)
        for n, terms in by_name.items()
        for i, a in enumerate(terms)
        for b in terms[i + 1 :]
        if a.name != b.name
        and a.country != b.country
        and a.start < (b.end or date.max)
        and b.start < (a.end or date.max)
    ]
    assert clashes == []


@pytest.mark.parametrize(
    ("alias", "day", "expected"),
    [
        ("Sharif", date(1998, 5, 28), ("Nawaz Sharif", "PAK")),
        ("Sharif", date(2023, 1, 10), ("Shehbaz Sharif", "PAK")),
        ("Herzog", date(1992, 1, 1), ("Chaim Herzog", "ISR")),
        ("Herzog", date(1996, 1, 1), ("Roman Herzog", "DEU")),
        ("Herzog", date(2022, 1, 1), ("Isaac Herzog", "ISR")),
        ("Hariri", date(1995, 1, 1), ("Rafic Hariri", "LBN")),
        ("Hariri", date(2018, 1, 1), ("Saad Hariri", "LBN")),
        ("Aoun", date(2018, 1, 1), ("Michel Aoun", "LBN")),
        ("Aoun", date(2025, 6, 1), ("Joseph Aoun", "LBN")),
        ("Papandreou", date(1994, 1, 1), ("Andreas Papandreou", "GRC")),
        ("Papandreou", date(2010, 1, 1), ("George Papandreou", "GRC")),
        ("Bush", date(1991, 1, 16), ("George H. W. Bush", "USA")),
        ("George Bush", date(1991, 1, 16), ("George H. W. Bush", "USA")),
        ("George Bush", date(2003, 3, 20), ("George W. Bush", "USA")),
        ("Banda", date(2010, 1, 1), ("Rupiah Banda", "ZMB")),
        ("Banda", date(2013, 1, 1), ("Joyce Banda", "MWI")),
        ("Déby", date(2022, 1, 1), ("Mahamat Idriss Déby", "TCD")),
    ],
)
def test_a_shared_surname_is_the_person_in_office_that_day(kb, alias, day, expected):
    assert {(t.name, t.country) for t in kb.people_named(alias, on=day)} == {expected}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return actors_pipeline()


@pytest.mark.parametrize(
    ("published", "code"), [("1996-05-01", "DEUGOV"), ("2022-05-01", "ISRGOV")]
)
def test_a_shared_surname_in_an_article_follows_its_date(nlp, published, code):
    doc = run(nlp, "Herzog criticised the decision on Monday.", published)
    assert [m.actor.code for m in doc._.ew_mentions if m.kind == "person"] == [code]
