"""Tests of the actor knowledge base: coverage counts, lookups and validation errors."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from eventwire.actors import check_user_file, load_knowledge_base, to_cameo_code
from eventwire.errors import DataFileError

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"

# The 193 UN member states, written out independently of the data file.
UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR
LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
""".split()  # noqa: SIM905  (a block of codes reads better than 193 quoted strings)
EXTRAS = {"TWN", "XKX", "PSE", "ESH", "HKG", "MAC"}
# Entries beyond the UN members and the six listed extras, with the reason they are there.
FURTHER = {"VAT": "the Holy See acts in diplomacy ('the Vatican said')"}
# Territories without a capital of their own (city territories of China).
NO_CAPITAL = {"HKG", "MAC"}
# The Holy See has citizens but no demonym in use.
NO_DEMONYM = {"VAT"}

G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA".split()  # noqa: SIM905
EAST_ASIA = "CHN JPN KOR PRK TWN MNG HKG PHL VNM".split()  # noqa: SIM905
ROLES = ("head_of_government", "foreign_minister", "defence_minister")
MAX_GAP = timedelta(days=60)
# Real vacancies longer than MAX_GAP, keyed by (country, role, day the gap starts).
REAL_GAPS = {
    ("CHN", "defence_minister", date(2023, 10, 24)): (
        "Li Shangfu was removed in October 2023; Dong Jun was appointed on 2023-12-29"
    ),
    ("PRK", "foreign_minister", date(2007, 1, 2)): (
        "Paek Nam-sun died in January 2007; Pak Ui-chun was appointed in May 2007"
    ),
    ("PRK", "defence_minister", date(2015, 4, 30)): (
        "Hyon Yong-chol was purged around April 2015; Pak Yong-sik was first reported in the "
        "post in mid-2015 (both dates approximate)"
    ),
}
# Series the data does not yet cover from 2000 (documented in the data README).
INCOMPLETE = {
    ("MNG", "foreign_minister"): "only 2012 onwards is in people.tsv",
    ("MNG", "defence_minister"): "only 2008-2012 is in people.tsv",
}
NO_OPPOSITION = {
    "CHN": "one-party state",
    "PRK": "one-party state",
    "VNM": "one-party state",
    "SAU": "no legal political parties",
}


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_every_un_member_and_the_six_extras_are_present(kb):
    assert len(UN_MEMBERS) == 193 and len(set(UN_MEMBERS)) == 193
    expected = set(UN_MEMBERS) | EXTRAS
    assert expected <= set(kb.countries)
    assert set(kb.countries) - expected == set(FURTHER)


def test_every_country_has_name_adjective_demonym_and_capital(kb):
    for c in kb.countries.values():
        assert c.name and c.adjectives, c.code
        assert c.demonyms or c.code in NO_DEMONYM, c.code
        assert c.capital or c.code in NO_CAPITAL, c.code
        assert c.region and c.iso2, c.code


def test_capitals_and_seats_resolve_to_their_state(kb):
    assert [c.code for c, kind in kb.countries_named("Beijing")] == ["CHN"]
    assert {c.code for c, _ in kb.countries_named("Washington, D.C.")} == {"USA"}
    assert {c.code for c, _ in kb.countries_named("The Hague")} == {"NLD"}
    assert kb.countries_named("Tokyo")[0][1] == "capital"


def test_acronyms_match_only_in_their_own_case(kb):
    assert {c.code for c, _ in kb.countries_named("US")} == {"USA"}
    assert kb.countries_named("us") == ()
    assert [o.code for o in kb.organisations_named("WHO")] == ["IGOUNOHLHWHO"]
    assert kb.organisations_named("who") == ()


def test_ambiguous_names_need_context(kb):
    for word in ("Chad", "Jordan", "Georgia", "Turkey", "China", "Guinea"):
        assert kb.is_ambiguous(word), word
    assert kb.country_for("Dominican") is None  # Dominica and the Dominican Republic
    assert kb.country_for("Taiwanese").code == "TWN"
    assert not kb.is_ambiguous("Japan")


ORGANISATIONS = [
    "UN", "UN Security Council", "UN General Assembly", "UN Secretariat", "UNHCR", "UNICEF",
    "WHO", "WFP", "IAEA", "UNESCO", "ILO", "FAO", "UNDP", "OHCHR", "UN Human Rights Council",
    "ICJ", "ICC", "NATO", "EU", "European Commission", "European Parliament",
    "Council of the EU", "European Council", "ECB", "ASEAN", "African Union", "OAS",
    "Arab League", "GCC", "WTO", "IMF", "World Bank", "G7", "G20", "Quad", "SCO", "BRICS",
    "OPEC", "OSCE", "Council of Europe", "APEC", "Commonwealth", "ECOWAS", "SADC", "Interpol",
    "ICRC", "Amnesty International", "Human Rights Watch", "MSF",
]  # fmt: skip


@pytest.mark.parametrize("name", ORGANISATIONS)
def test_listed_organisations_are_present(kb, name):
    assert len(kb.organisations_named(name)) == 1, name


def test_organisation_codes_and_sectors(kb):
    un = kb.organisations_named("United Nations")[0]
    assert (un.code, un.country) == ("IGOUNO", "UNO")
    assert kb.organisations_named("NATO")[0].code == "IGOWSTNAT"
    assert "NGO" in kb.organisations_named("Amnesty International")[0].sectors
    assert kb.organisations_named("UNHCR")[0].parent == "IGOUNO"
    assert set(kb.organisations_named("Quad")[0].members) == {"AUS", "IND", "JPN", "USA"}


@pytest.mark.parametrize("country", sorted(set(G20 + EAST_ASIA)))
def test_ruling_and_opposition_parties(kb, country):
    stances = {p.stance for p in kb.parties if p.country == country}
    if country == "SAU":
        assert not stances
        return
    assert stances & {"ruling", "coalition"}, country
    if country not in NO_OPPOSITION:
        assert "opposition" in stances, country


def _gaps(terms: list, country: str, role: str) -> list[tuple[date, date]]:
    """Uncovered stretches longer than MAX_GAP from 2000-01-01 to the open-ended term."""
    gaps, covered = [], date(2000, 1, 1)
    for t in sorted(terms, key=lambda t: t.start):
        if t.start - covered > MAX_GAP and (country, role, covered) not in REAL_GAPS:
            gaps.append((covered, t.start))
        covered = max(covered, t.end or date.max)
    return gaps


@pytest.mark.parametrize("country", sorted(set(G20 + EAST_ASIA) - {"HKG"}))
@pytest.mark.parametrize("role", ROLES)
def test_office_holders_cover_2000_to_today(kb, country, role):
    if (country, role) in INCOMPLETE:
        pytest.skip(INCOMPLETE[(country, role)])
    terms = [t for t in kb.people if t.country == country and role in t.roles]
    assert terms, (country, role)
    assert min(t.start for t in terms) <= date(2000, 1, 1) + MAX_GAP
    assert any(t.end is None for t in terms), "nobody in office at the knowledge cut-off"
    assert _gaps(terms, country, role) == []


def test_igo_leaders_cover_their_offices(kb):
    for group, role in [("UNO", "secretary_general"), ("EEC", "commission_president"),
                        ("EEC", "high_representative"), ("NAT", "secretary_general")]:  # fmt: skip
        terms = [t for t in kb.people if t.country == group and role in t.roles]
        assert _gaps(terms, group, role) == [] and terms[0].sectors == ("IGO",)


def test_person_lookup_by_date(kb):
    suga = kb.people_named("Suga", on=date(2021, 8, 27))
    assert [(t.country, t.roles) for t in suga] == [("JPN", ("head_of_government",))]
    assert kb.people_named("Abe", on=date(2021, 8, 27)) == ()
    assert len(kb.people_named("Abe")) == 2
    assert [t.name for t in kb.office_holders("USA", "head_of_state", date(2010, 1, 1))] == [
        "Barack Obama"
    ]


def test_agents_and_institutions(kb):
    assert len(kb.agents) >= 150
    assert kb.agent("Defense Ministry").sectors == ("GOV", "MIL")
    assert kb.agent("spokeswoman").gender == "f"
    assert kb.agent("protesters").phrase == "protester"
    assert [i.code for i in kb.institutions_named("Legislative Yuan")] == ["TWNLEG"]
    assert [i.code for i in kb.institutions_named("Kremlin")] == ["RUSGOV"]


def test_every_sector_in_use_is_a_known_sector(kb):
    used = {s for t in kb.people for s in t.sectors}
    used |= {s for a in kb.agents.values() for s in a.sectors}
    used |= {s for o in kb.organisations.values() for s in o.sectors}
    assert used <= set(kb.sectors)


def test_sectors_match_the_cameo_type_list(kb):
    path = SHARED / "data" / "cameo" / "gdelt-lookups" / "CAMEO.type.txt"
    if not path.exists():
        pytest.skip(f"{path} is absent (../shared not laid out)")
    codes = {line.split("\t")[0] for line in path.read_text().splitlines()[1:] if line.strip()}
    ours = {code for code, s in kb.sectors.items() if s.source == "gdelt"}
    assert ours == codes
    assert {code for code, s in kb.sectors.items() if s.source != "gdelt"} == {"PTY"}


def test_to_cameo_code(kb):
    assert to_cameo_code("TWN", ["LEG"], kb) == "TWNLEG"
    assert to_cameo_code("JPN", ["GOV", "GOV"], kb) == "JPNGOV"
    assert to_cameo_code("UNO", ["IGO"], kb) == "IGOUNO"
    assert to_cameo_code("NAT", ["IGO", "MIL"], kb) == "IGOWSTNAT"
    assert to_cameo_code("EEC", ["LEG"], kb) == "IGOEUREECLEG"
    assert to_cameo_code(None, ["IGO"], kb) == "IGO"


# ---------------------------------------------------------------- bad files

HEAD = "name\tnames\tgender\tcountry\trole\tsectors\tstart\tend\tparty\twikidata\tnote\n"
GOOD = "Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-01-01\t\t\t\t\n"


def _error(tmp_path: Path, filename: str, text: str) -> str:
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_knowledge_base([path])
    assert check_user_file(path), "check_user_file found no problem"
    return str(err.value)


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-01-01\n", "7 columns"),
        (
            "\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-01-01\t\t\t\t\n",
            "empty required cell 'name'",
        ),
        ("Jane Roe\tRoe\tf\tJP\tforeign_minister\tGOV\t2030-01-01\t\t\t\t\n", "unknown country"),
        ("Jane Roe\tRoe\tf\tQQQ\tforeign_minister\tGOV\t2030-01-01\t\t\t\t\n", "unknown country"),
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tXYZ\t2030-01-01\t\t\t\t\n", "unknown sector"),
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-02-30\t\t\t\t\n", "not a date"),
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t30/1/2030\t\t\t\t\n", "not a date"),
        (
            "Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2020-03-02\t2019-01-01\t\t\t\n",
            "end 2019-01-01 is before start 2020-03-02",
        ),
        ("Jane Roe\tRoe\tq\tJPN\tforeign_minister\tGOV\t2030-01-01\t\t\t\t\n", "gender"),
        ("Jane Roe\tRoe\tf\tJPN\tqueen_bee\tGOV\t2030-01-01\t\t\t\t\n", "unknown role"),
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-01-01\t\tNope\t\t\n", "unknown party"),
        ("Jane Roe\tRoe\tf\tJPN\tforeign_minister\tGOV\t2030-01-01\t\t\t148\t\n", "Wikidata"),
    ],
)
def test_bad_person_rows_name_file_and_line(tmp_path, row, reason):
    message = _error(tmp_path, "people.tsv", "# my people\n" + HEAD + GOOD + row)
    assert "people.tsv" in message and "line 4" in message and reason in message


def test_unknown_column_is_reported(tmp_path):
    message = _error(tmp_path, "people.tsv", HEAD.replace("note", "remark") + GOOD)
    assert "line 2" in message and "unknown column 'remark'" in message


def test_duplicate_key_is_reported(tmp_path):
    message = _error(tmp_path, "people.tsv", HEAD + GOOD + GOOD)
    assert "line 3" in message and "duplicate person" in message and "line 2" in message


def test_bad_country_code_format(tmp_path):
    head = "code\tiso2\tname\tnames\tadjectives\tdemonyms\tcapital\tcapital_names\tseats\tregion"
    text = f"{head}\tambiguous\twikidata\nAtl\tAT\tAtlantis\t\t\t\t\t\t\t\t\t\n"
    message = _error(tmp_path, "countries.tsv", text)
    assert "countries.tsv" in message and "line 2" in message and "ISO 3166-1" in message


def test_clashing_country_name_must_be_marked_ambiguous(tmp_path):
    head = "code\tiso2\tname\tnames\tadjectives\tdemonyms\tcapital\tcapital_names\tseats\tregion"
    text = f"{head}\tambiguous\twikidata\nATL\tXA\tJapan\t\tAtlantean\t\tPoseidonia\t\t\t\t\t\n"
    message = _error(tmp_path, "countries.tsv", text)
    assert "line 2" in message and "ambiguous" in message


def test_unknown_parent_organisation(tmp_path):
    text = "type,code,country,name,sectors,parent\norganisation,IGOXXXYYY,XXY,Foo,IGO,IGONOPE\n"
    message = _error(tmp_path, "mine.csv", text)
    assert "mine.csv" in message and "line 2" in message and "unknown parent IGONOPE" in message


def test_yaml_errors_name_the_item(tmp_path):
    text = "- type: party\n  country: JPN\n  name: Good Party\n  stance: other\n- type: party\n"
    text += "  country: JPN\n  name: Bad Party\n  stance: sleeping\n"
    message = _error(tmp_path, "mine.yaml", text)
    assert "mine.yaml" in message and "item 2" in message and "stance 'sleeping'" in message


def test_user_file_without_type_is_rejected(tmp_path):
    message = _error(tmp_path, "mine.csv", "name,country\nFoo,JPN\n")
    assert "no 'type' column" in message


# ---------------------------------------------------------------- user extension files


def test_user_yaml_extends_the_knowledge_base(tmp_path):
    path = tmp_path / "extra.yaml"
    path.write_text(
        "- type: party\n  country: TWN\n  name: Green Party Taiwan\n  names: [GPT]\n"
        "  stance: other\n"
        "- type: person\n  name: Lo Chih-cheng\n  names: [Lo]\n  gender: m\n  country: TWN\n"
        "  role: legislator\n  sectors: [LEG]\n  start: 2016-02-01\n  party: DPP\n",
        encoding="utf-8",
    )
    assert check_user_file(path) == []
    kb = load_knowledge_base([path])
    assert [t.country for t in kb.people_named("Lo", on=date(2020, 1, 1))] == ["TWN"]
    assert kb.parties_named("GPT")[0].code == "TWNPTY"
    assert load_knowledge_base().parties_named("GPT") == ()  # the cached default is untouched


def test_user_row_replaces_a_packaged_row(tmp_path):
    path = tmp_path / "parties.tsv"
    path.write_text("country\tname\tstance\nJPN\tKomeito\topposition\n", encoding="utf-8")
    kb = load_knowledge_base([path])
    assert kb.parties_named("Komeito")[0].stance == "opposition"


def test_check_user_file_collects_every_problem(tmp_path):
    path = tmp_path / "parties.csv"
    path.write_text("country,name,stance\nJPX,A,other\nJPN,B,maybe\nJPN,C,ruling\n", "utf-8")
    problems = check_user_file(path)
    assert len(problems) == 2
    assert "line 2" in problems[0] and "line 3" in problems[1]


def test_check_user_file_reports_unreadable_files(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("hello", encoding="utf-8")
    assert "use a .yaml" in check_user_file(path)[0]
    assert "cannot read" in check_user_file(tmp_path / "missing.yaml")[0]


def test_cameo_known_groups_and_armed_groups(kb):
    # transnational militant groups carry CAMEO's IMG type and a known-group code
    assert [o.code for o in kb.organisations_named("ISIL")] == ["IMGMUSISI"]
    assert [o.code for o in kb.organisations_named("al-Qaida")] == ["IMGMUSALQ"]
    # the European Community is the EU's predecessor, coded as the EU by CAMEO
    assert [o.code for o in kb.organisations_named("European Community")] == ["IGOEUREEC"]
    # armed groups bound to one state are institutions of that state
    assert [i.code for i in kb.institutions_named("Tamil Tigers")] == ["LKAREB"]
    assert [i.code for i in kb.institutions_named("Muslim Brotherhood")] == ["EGYOPP"]
