"""Knowledge-base entry types and the constants their files are checked against.

Split from :mod:`eventwire.actors.kb` so the file readers (:mod:`.kb_files`) and the
lookups (:mod:`.kb`) can both use them without importing each other.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from eventwire.errors import DataFileError

ROLES = frozenset({
    "head_of_state", "head_of_government", "deputy_head_of_government", "vice_president",
    "foreign_minister", "defence_minister", "interior_minister", "finance_minister", "minister",
    "secretary_general", "commission_president", "council_president", "high_representative",
    "party_leader", "speaker", "military_chief", "legislator", "official", "other",
})  # fmt: skip
STANCES = frozenset({"ruling", "opposition", "coalition", "other"})
# "member": a position held in a body (leader, official, spokesman). Of a state it is the
# row's sector ("Chinese official" → CHNGOV); of any other body it is coded as that body,
# as CAMEO codes a UN official IGOUNO and a rebel leader REB.
KINDS = frozenset({"institution", "role", "group", "member"})
TYPES = ("sector", "country", "organisation", "party", "institution", "agent", "person")
# One table per entry type, in load order (later tables refer to earlier ones).
TABLES = {
    "sector": ("sectors.tsv", "code name source description", "code name"),
    "country": (
        "countries.tsv",
        "code iso2 name names adjectives demonyms capital capital_names seats region "
        "ambiguous wikidata",
        "code name",
    ),
    "organisation": (
        "organisations.tsv",
        "code country name names sectors members parent wikidata",
        "code country name sectors",
    ),
    "party": ("parties.tsv", "country name names stance wikidata note", "country name stance"),
    "institution": (
        "institutions.tsv",
        "name names country sectors wikidata note",
        "name country sectors",
    ),
    "agent": (
        "agents.tsv",
        "phrase sectors kind number gender forms",
        "phrase sectors kind number",
    ),
    "person": (
        "people.tsv",
        "name names gender country role sectors start end party wikidata note",
        "name gender country role sectors start",
    ),
}
_TYPE_ALIASES = {t: t for t in TYPES} | {
    "sectors": "sector", "countries": "country", "organisations": "organisation",
    "organizations": "organisation", "organization": "organisation", "parties": "party",
    "institutions": "institution", "agents": "agent", "people": "person", "persons": "person",
}  # fmt: skip
_ISO3 = re.compile(r"^[A-Z]{3}$")
_ISO2 = re.compile(r"^[A-Z]{2}$")
_CODE = re.compile(r"^(?:[A-Z]{3})+$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Sector:
    """A CAMEO actor type (sector) code."""

    code: str
    name: str
    source: str
    description: str


@dataclass(frozen=True)
class Country:
    """A state or territory with the names that stand for it in news text."""

    code: str
    iso2: str
    name: str
    names: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    capital_names: tuple[str, ...]
    seats: tuple[str, ...]
    region: str
    ambiguous: tuple[str, ...]
    wikidata: str


@dataclass(frozen=True)
class Organisation:
    """An international organisation or NGO with its full CAMEO code."""

    code: str
    country: str
    name: str
    names: tuple[str, ...]
    sectors: tuple[str, ...]
    members: tuple[str, ...]
    parent: str
    wikidata: str


@dataclass(frozen=True)
class Party:
    """A political party, coded as its country + PTY."""

    country: str
    name: str
    names: tuple[str, ...]
    stance: str
    wikidata: str
    note: str

    @property
    def code(self) -> str:
        """Full CAMEO code, e.g. ``JPNPTY``."""
        return f"{self.country}PTY"


@dataclass(frozen=True)
class Institution:
    """A named body or metonym of one state ("Kremlin", "Legislative Yuan")."""

    name: str
    names: tuple[str, ...]
    country: str
    sectors: tuple[str, ...]
    wikidata: str
    note: str

    @property
    def code(self) -> str:
        """Full CAMEO code, e.g. ``TWNLEG``."""
        from eventwire.actors.kb import to_cameo_code  # kb imports this module

        return to_cameo_code(self.country, self.sectors[:1])  # primary sector only


@dataclass(frozen=True)
class Agent:
    """A generic institution, role noun or group ("defence ministry", "protesters").

    ``kind`` "member" marks a position held in whatever body the phrase names ("leaders
    of the Muslim Brotherhood", "a UN official"): the recogniser codes it as that body.
    """

    phrase: str
    sectors: tuple[str, ...]
    kind: str
    number: str
    gender: str
    forms: tuple[str, ...]


@dataclass(frozen=True)
class RoleTerm:
    """One person in one role for one date range (``end`` None: in office at cut-off)."""

    name: str
    names: tuple[str, ...]
    gender: str
    country: str
    roles: tuple[str, ...]
    sectors: tuple[str, ...]
    start: date
    end: date | None
    party: str
    wikidata: str
    note: str

    def active_on(self, day: date) -> bool:
        """True when the term covers ``day`` (start inclusive, end exclusive)."""
        return self.start <= day and (self.end is None or day < self.end)


Entry = Sector | Country | Organisation | Party | Institution | Agent | RoleTerm


@dataclass(frozen=True)
class Where:
    """Where a record came from, for error messages."""

    path: str
    record: str

    def fail(self, message: str) -> DataFileError:
        """The error to raise for this record."""
        return DataFileError(message, path=self.path, record=self.record)


def normalise_name(text: str) -> str:
    """Fold case, accents, apostrophes, spaces and a leading "the" for name lookups."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


def _is_acronym(name: str) -> bool:
    """Acronyms ("US", "WHO", "PA") match only in their own case: "us" and "who" are words."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
