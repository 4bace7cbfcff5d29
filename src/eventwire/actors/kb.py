"""The actor knowledge base: packaged TSV files (and users' YAML/CSV/TSV files) → lookups.

Every row is validated on load; a bad row raises :class:`~eventwire.errors.DataFileError`
naming the file and the line (or item, for YAML). ``README.md`` beside the data files
documents every column and the user-extension format.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from eventwire.errors import DataFileError

ROLES = frozenset({
    "head_of_state", "head_of_government", "deputy_head_of_government", "vice_president",
    "foreign_minister", "defence_minister", "interior_minister", "finance_minister", "minister",
    "secretary_general", "commission_president", "council_president", "high_representative",
    "party_leader", "speaker", "military_chief", "legislator", "official", "other",
})  # fmt: skip
STANCES = frozenset({"ruling", "opposition", "coalition", "other"})
KINDS = frozenset({"institution", "role", "group"})
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
        return to_cameo_code(self.country, self.sectors)


@dataclass(frozen=True)
class Agent:
    """A generic institution, role noun or group ("defence ministry", "protesters")."""

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


def to_cameo_code(
    country: str | None, sectors: Iterable[str], kb: KnowledgeBase | None = None
) -> str:
    """Full CAMEO actor code: ("TWN", ["LEG"]) → "TWNLEG"; ("UNO", ["IGO"]) → "IGOUNO"."""
    sectors = list(dict.fromkeys(sectors))
    if not country:
        return "".join(sectors)
    base = kb or load_knowledge_base()
    org = None if country in base.countries else base.organisation_for_country_code(country)
    if org is None:
        return country + "".join(sectors)
    chunks = {org.code[i : i + 3] for i in range(0, len(org.code), 3)} | set(org.sectors)
    return org.code + "".join(s for s in sectors if s not in chunks)


class KnowledgeBase:
    """All entries plus the indexes that recognisers and coders look names up in."""

    def __init__(self, entries: dict[str, dict[tuple, Entry]]):
        self.sectors: dict[str, Sector] = {e.code: e for e in entries["sector"].values()}
        self.countries: dict[str, Country] = {e.code: e for e in entries["country"].values()}
        self.organisations: dict[str, Organisation] = {
            e.code: e for e in entries["organisation"].values()
        }
        self.parties: tuple[Party, ...] = tuple(entries["party"].values())
        self.institutions: tuple[Institution, ...] = tuple(entries["institution"].values())
        self.agents: dict[str, Agent] = {e.phrase: e for e in entries["agent"].values()}
        self.people: tuple[RoleTerm, ...] = tuple(entries["person"].values())
        self._country_names = _Index()
        for c in self.countries.values():
            for kind, names in (
                ("name", (c.name, *c.names)), ("adjective", c.adjectives),
                ("demonym", c.demonyms), ("capital", (c.capital, *c.capital_names, *c.seats)),
            ):  # fmt: skip
                for n in names:
                    self._country_names.add(n, (c, kind))
        self._org_names = _Index.of(self.organisations.values(), lambda o: (o.name, *o.names))
        self._party_names = _Index.of(self.parties, lambda p: (p.name, *p.names))
        self._inst_names = _Index.of(self.institutions, lambda i: (i.name, *i.names))
        self._people_names = _Index.of(self.people, lambda t: (t.name, *t.names))
        self._agent_forms = _Index.of(self.agents.values(), lambda a: (a.phrase, *a.forms))
        self._org_by_group: dict[str, Organisation] = {}
        for o in sorted(self.organisations.values(), key=lambda o: (bool(o.parent), len(o.code))):
            self._org_by_group.setdefault(o.country, o)

    def country(self, code: str) -> Country | None:
        """The country with this ISO3 (or TWN/XKX…) code."""
        return self.countries.get(code)

    def countries_named(
        self, text: str, kinds: Iterable[str] = ("name", "adjective", "demonym", "capital")
    ) -> tuple[tuple[Country, str], ...]:
        """Countries that ``text`` can stand for, with how (name/adjective/demonym/capital)."""
        wanted = set(kinds)
        return tuple(dict.fromkeys(m for m in self._country_names.get(text) if m[1] in wanted))

    def country_for(
        self, text: str, kinds: Iterable[str] = ("name", "adjective", "demonym")
    ) -> Country | None:
        """The one country that ``text`` names; None when none or several match."""
        found = {c.code: c for c, _ in self.countries_named(text, kinds)}
        return next(iter(found.values())) if len(found) == 1 else None

    def is_ambiguous(self, text: str) -> bool:
        """True when a country listed ``text`` as needing context (Chad, Jordan, Georgia…)."""
        key = normalise_name(text)
        return any(
            key in {normalise_name(a) for a in c.ambiguous} for c, _ in self.countries_named(text)
        )

    def organisation(self, code: str) -> Organisation | None:
        """The organisation with this full CAMEO code (``IGOUNO``)."""
        return self.organisations.get(code)

    def organisation_for_country_code(self, group: str) -> Organisation | None:
        """The main organisation behind an ACTOR.country code (``UNO`` → the UN)."""
        return self._org_by_group.get(group)

    def organisations_named(self, text: str) -> tuple[Organisation, ...]:
        """Organisations with this name or alias."""
        return self._org_names.get(text)

    def parties_named(self, text: str, country: str | None = None) -> tuple[Party, ...]:
        """Parties with this name or alias, optionally of one country."""
        return tuple(p for p in self._party_names.get(text) if country in (None, p.country))

    def institutions_named(self, text: str, country: str | None = None) -> tuple[Institution, ...]:
        """Named institutions ("Kremlin", "Diet"), optionally of one country."""
        return tuple(i for i in self._inst_names.get(text) if country in (None, i.country))

    def agent(self, phrase: str) -> Agent | None:
        """The agent entry for a role noun or institution phrase, or any of its forms."""
        found = self._agent_forms.get(phrase)
        return found[0] if found else None

    def people_named(self, text: str, on: date | None = None) -> tuple[RoleTerm, ...]:
        """Role terms of people called ``text``; with ``on``, only the terms valid that day."""
        return tuple(t for t in self._people_names.get(text) if on is None or t.active_on(on))

    def office_holders(self, country: str, role: str, on: date) -> tuple[RoleTerm, ...]:
        """Who held ``role`` in ``country`` on a day ("the Japanese prime minister")."""
        return tuple(
            t for t in self.people if t.country == country and role in t.roles and t.active_on(on)
        )


class _Index:
    """Name → entries, exact for acronyms and folded for everything else."""

    def __init__(self) -> None:
        self._exact: dict[str, list] = defaultdict(list)
        self._folded: dict[str, list] = defaultdict(list)

    @classmethod
    def of(cls, entries: Iterable, names: Callable[[object], Iterable[str]]) -> _Index:
        index = cls()
        for e in entries:
            for n in names(e):
                index.add(n, e)
        return index

    def add(self, name: str, value: object) -> None:
        if _is_acronym(name):
            self._exact[" ".join(name.split())].append(value)
        else:
            self._folded[normalise_name(name)].append(value)

    def get(self, text: str) -> tuple:
        found = self._exact.get(" ".join(text.split()), []) + self._folded.get(
            normalise_name(text), []
        )
        return tuple(dict.fromkeys(found))


# ---------------------------------------------------------------- reading files


@dataclass
class _Record:
    type: str
    values: dict[str, str]
    where: Where


def _read_table(text: str, path: str, type_: str | None, delimiter: str) -> Iterator[_Record]:
    """Records of a TSV/CSV file; ``type_`` None means the file has a ``type`` column."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)]
    body = [(n, line) for n, line in lines if line.strip() and not line.lstrip().startswith("#")]
    if not body:
        raise DataFileError("the file has no header row", path=path)
    head_n, head = body[0]
    header = [h.strip() for h in next(csv.reader([head], delimiter=delimiter))]
    if type_ is None and "type" not in header:
        raise Where(path, f"line {head_n}").fail(
            "no 'type' column and the file name does not name a type (e.g. people.tsv)"
        )
    for n, line in body[1:]:
        cells = next(csv.reader([line], delimiter=delimiter, quoting=_quoting(delimiter)))
        where = Where(path, f"line {n}")
        if len(cells) != len(header):
            raise where.fail(f"{len(cells)} columns, the header has {len(header)}")
        values = dict(zip(header, (c.strip() for c in cells), strict=True))
        row_type = type_ or _TYPE_ALIASES.get(values.pop("type", "").lower())
        if row_type is None:
            raise where.fail(f"unknown type; use one of {', '.join(TYPES[1:])}")
        yield _Record(row_type, values, where)


def _quoting(delimiter: str) -> int:
    # TSV cells may hold a literal '"' (a note quoting a name); CSV needs quoting for commas.
    return csv.QUOTE_NONE if delimiter == "\t" else csv.QUOTE_MINIMAL


def _read_yaml(text: str, path: str, type_: str | None) -> Iterator[_Record]:
    """Records of a YAML file: a list of entries with ``type``, or {type:, entries: [...]}."""
    import srsly  # comes with spaCy; imported here so TSV-only use does not need it

    try:
        data = srsly.yaml_loads(text)
    except Exception as err:  # the YAML parser's own error types vary by version
        raise DataFileError(f"not valid YAML: {err}", path=path) from err
    if isinstance(data, dict) and "entries" in data:
        type_ = _TYPE_ALIASES.get(str(data.get("type", "")).lower(), type_)
        data = data["entries"]
    if not isinstance(data, list):
        raise DataFileError("expected a list of entries (or a mapping with 'entries')", path=path)
    for n, item in enumerate(data, 1):
        where = Where(path, f"item {n}")
        if not isinstance(item, dict):
            raise where.fail("an entry must be a mapping of column: value")
        values = {str(k): _yaml_cell(v) for k, v in item.items()}
        row_type = _TYPE_ALIASES.get(values.pop("type", "").lower()) or type_
        if row_type is None:
            raise where.fail(f"no type; add 'type:' with one of {', '.join(TYPES[1:])}")
        yield _Record(row_type, values, where)


def _yaml_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "|".join(_yaml_cell(v) for v in value)
    return str(value).strip()


def _user_records(path: Path) -> Iterator[_Record]:
    """Records of a user's extension file, by its suffix."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"cannot read the file: {err}", path=str(path)) from err
    type_ = _TYPE_ALIASES.get(path.stem.lower())
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        return _read_yaml(text, str(path), type_)
    if suffix in {".tsv", ".csv"}:
        return _read_table(text, str(path), type_, "\t" if suffix == ".tsv" else ",")
    raise DataFileError("use a .yaml, .yml, .tsv or .csv file", path=str(path))


def _packaged_records() -> Iterator[_Record]:
    base = resources.files("eventwire") / "data" / "actors"
    for type_, (filename, columns, _) in TABLES.items():
        records = _read_table((base / filename).read_text(encoding="utf-8"), filename, type_, "\t")
        header_checked = False
        for rec in records:
            if not header_checked and list(rec.values) != columns.split():
                raise rec.where.fail(f"header must be: {columns}")
            header_checked = True
            yield rec


# ---------------------------------------------------------------- validation


def _multi(cell: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in cell.split("|") if v.strip())


class _Builder:
    """Turns records into entries, checking each; collects errors instead of raising on request."""

    def __init__(self, errors: list[str] | None):
        self.errors = errors
        self.entries: dict[str, dict[tuple, Entry]] = {t: {} for t in TYPES}
        self.origin: dict[str, dict[tuple, Where]] = {t: {} for t in TYPES}
        self.party_keys: set[tuple[str, str]] = set()
        self.agent_forms: dict[str, Where] = {}

    def report(self, err: DataFileError) -> None:
        if self.errors is None:
            raise err
        self.errors.append(str(err))

    def add(self, rec: _Record, packaged_paths: set[str]) -> None:
        try:
            key, entry = self.parse(rec)
            table, origin = self.entries[rec.type], self.origin[rec.type]
            if key in table and (
                origin[key].path not in packaged_paths or rec.where.path in packaged_paths
            ):
                raise rec.where.fail(
                    f"duplicate {rec.type} {_show(key)}: already in {origin[key].path} "
                    f"({origin[key].record})"
                )
            table[key], origin[key] = entry, rec.where  # a user row replaces a packaged one
        except DataFileError as err:
            self.report(err)

    def parse(self, rec: _Record) -> tuple[tuple, Entry]:
        _, columns, required = TABLES[rec.type]
        for col in rec.values:
            if col not in columns.split():
                raise rec.where.fail(f"unknown column '{col}' for a {rec.type}; use: {columns}")
        for col in required.split():
            if not rec.values.get(col):
                raise rec.where.fail(f"empty required cell '{col}'")
        get = _Cells(rec, self)
        return getattr(self, f"_{rec.type}")(get)

    def _sector(self, g: _Cells) -> tuple[tuple, Entry]:
        code = g.match("code", _ISO3, "3 upper-case letters")
        return (code,), Sector(code, g("name"), g("source"), g("description"))

    def _country(self, g: _Cells) -> tuple[tuple, Entry]:
        code = g.match("code", _ISO3, "an ISO 3166-1 alpha-3 code (3 upper-case letters)")
        entry = Country(
            code, g.match("iso2", _ISO2, "2 upper-case letters"), g("name"), g.multi("names"),
            g.multi("adjectives"), g.multi("demonyms"), g("capital"), g.multi("capital_names"),
            g.multi("seats"), g("region"), g.multi("ambiguous"), g.wikidata(),
        )  # fmt: skip
        return (code,), entry

    def _organisation(self, g: _Cells) -> tuple[tuple, Entry]:
        code = g.match("code", _CODE, "3-letter CAMEO chunks, e.g. IGOUNO")
        group = g.match("country", _ISO3, "a 3-letter organisation code")
        if (group,) in self.entries["country"]:
            raise g.rec.where.fail(f"country {group} is a state's code; use an organisation code")
        members = g.multi("members")
        for m in members:
            g.known_country(m, "member")
        entry = Organisation(
            code,
            group,
            g("name"),
            g.multi("names"),
            g.sectors(),
            members,
            g("parent"),
            g.wikidata(),
        )
        return (code,), entry

    def _party(self, g: _Cells) -> tuple[tuple, Entry]:
        country = g.known_country(g("country"), "country")
        stance = g.choice("stance", STANCES)
        entry = Party(country, g("name"), g.multi("names"), stance, g.wikidata(), g("note"))
        for n in (entry.name, *entry.names):
            self.party_keys.add((country, normalise_name(n)))
        return (country, normalise_name(entry.name)), entry

    def _institution(self, g: _Cells) -> tuple[tuple, Entry]:
        country = g.known_country(g("country"), "country")
        entry = Institution(
            g("name"), g.multi("names"), country, g.sectors(), g.wikidata(), g("note")
        )
        return (country, normalise_name(entry.name)), entry

    def _agent(self, g: _Cells) -> tuple[tuple, Entry]:
        entry = Agent(
            normalise_name(g("phrase")), g.sectors(), g.choice("kind", KINDS),
            g.choice("number", {"sg", "pl"}), g.choice("gender", {"m", "f", "x", ""}),
            tuple(normalise_name(f) for f in g.multi("forms")),
        )  # fmt: skip
        for form in dict.fromkeys((entry.phrase, *entry.forms)):
            seen = self.agent_forms.get(form)
            if seen is not None and seen.path == g.rec.where.path:
                raise g.rec.where.fail(f"agent form '{form}' is already in {seen.record}")
            self.agent_forms[form] = g.rec.where
        return (entry.phrase,), entry

    def _person(self, g: _Cells) -> tuple[tuple, Entry]:
        country = g("country")
        if (country,) not in self.entries["country"] and not any(
            o.country == country for o in self.entries["organisation"].values()
        ):
            raise g.rec.where.fail(f"unknown country or organisation code {country!r}")
        roles = g.multi("role")
        bad = [r for r in roles if r not in ROLES]
        if bad:
            raise g.rec.where.fail(
                f"unknown role {bad[0]!r}; use one of {', '.join(sorted(ROLES))}"
            )
        start, end = g.date("start"), g.date("end") if g("end") else None
        if end is not None and end < start:
            raise g.rec.where.fail(f"end {end} is before start {start}")
        party = g("party")
        if party and (country, normalise_name(party)) not in self.party_keys:
            raise g.rec.where.fail(f"unknown party {party!r} of {country}; add it to parties")
        entry = RoleTerm(
            g("name"), g.multi("names"), g.choice("gender", {"m", "f", "x"}), country, roles,
            g.sectors(), start, end, party, g.wikidata(), g("note"),
        )  # fmt: skip
        return (normalise_name(entry.name), country, roles, start), entry

    def finish(self) -> None:
        """Checks that need every row: organisation parents, clashing country names."""
        orgs = self.entries["organisation"]
        for key, org in orgs.items():
            if org.parent and (org.parent,) not in orgs:
                self.report(self.origin["organisation"][key].fail(f"unknown parent {org.parent}"))
        owners: dict[str, list[Country]] = defaultdict(list)
        for c in self.entries["country"].values():
            for n in {_fold(n) for n in _all_country_names(c)}:
                owners[n].append(c)
        for name, countries in owners.items():
            for c in countries[1:] if len(countries) > 1 else ():
                if not all(name in {_fold(a) for a in o.ambiguous} for o in countries):
                    where = self.origin["country"][(c.code,)]
                    others = ", ".join(o.code for o in countries if o is not c)
                    self.report(where.fail(f"name {name!r} is also {others}'s; list it in "
                                           "'ambiguous' of each country that uses it"))  # fmt: skip


def _fold(name: str) -> str:
    return " ".join(name.split()) if _is_acronym(name) else normalise_name(name)


def _all_country_names(c: Country) -> tuple[str, ...]:
    names = (c.name, *c.names, *c.adjectives, *c.demonyms, c.capital, *c.capital_names, *c.seats)
    return tuple(n for n in names if n)


def _show(key: tuple) -> str:
    return " / ".join(str(k) if not isinstance(k, tuple) else "|".join(k) for k in key)


class _Cells:
    """Typed access to one record's cells, raising errors that name the record."""

    def __init__(self, rec: _Record, builder: _Builder):
        self.rec, self.builder = rec, builder

    def __call__(self, col: str) -> str:
        return self.rec.values.get(col, "")

    def multi(self, col: str) -> tuple[str, ...]:
        return _multi(self(col))

    def match(self, col: str, pattern: re.Pattern[str], what: str) -> str:
        if not pattern.match(self(col)):
            raise self.rec.where.fail(f"{col} {self(col)!r} is not {what}")
        return self(col)

    def choice(self, col: str, allowed: Iterable[str]) -> str:
        if self(col) not in allowed:
            raise self.rec.where.fail(
                f"{col} {self(col)!r} is not one of {', '.join(sorted(a for a in allowed if a))}"
            )
        return self(col)

    def wikidata(self) -> str:
        return self.match("wikidata", _QID, "a Wikidata id like Q148") if self("wikidata") else ""

    def date(self, col: str) -> date:
        try:
            if not _DATE.match(self(col)):
                raise ValueError
            return date.fromisoformat(self(col))
        except ValueError:
            raise self.rec.where.fail(f"{col} {self(col)!r} is not a date YYYY-MM-DD") from None

    def known_country(self, code: str, what: str) -> str:
        if not _ISO3.match(code):
            raise self.rec.where.fail(f"{what} {code!r} is not an ISO3 code (3 upper-case letters)")
        if (code,) not in self.builder.entries["country"]:
            raise self.rec.where.fail(f"unknown {what} code {code!r}")
        return code

    def sectors(self) -> tuple[str, ...]:
        sectors = self.multi("sectors")
        for s in sectors:
            if (s,) not in self.builder.entries["sector"]:
                raise self.rec.where.fail(f"unknown sector {s!r}; see sectors.tsv")
        return sectors


def _build(records: Iterable[_Record], errors: list[str] | None) -> KnowledgeBase:
    """Validate records (packaged first, then users' files) into a knowledge base."""
    records = sorted(records, key=lambda r: TYPES.index(r.type))  # stable: keeps file order
    packaged = {filename for filename, _, _ in TABLES.values()}
    builder = _Builder(errors)
    for rec in records:
        builder.add(rec, packaged)
    builder.finish()
    return KnowledgeBase(builder.entries)


@functools.lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    return _build(_packaged_records(), errors=None)


def load_knowledge_base(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base, plus users' extension files (cached when there are none)."""
    if not extra_files:
        return _default_kb()
    records = [*_packaged_records()]
    for path in extra_files:
        records.extend(_user_records(Path(path)))
    return _build(records, errors=None)


def check_user_file(path: Path) -> list[str]:
    """Problems found in a user's extension file (empty when it is valid); never raises."""
    problems: list[str] = []
    try:
        records = list(_user_records(Path(path)))
    except DataFileError as err:
        return [str(err)]
    _build([*_packaged_records(), *records], errors=problems)
    return problems
