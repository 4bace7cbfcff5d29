"""Reading and validating knowledge-base files: packaged TSVs and users' YAML/CSV/TSV.

Every row is validated on load; a bad row raises :class:`~eventwire.errors.DataFileError`
naming the file and the line (or item, for YAML). :func:`read_entries` returns the
validated entries by type; :mod:`eventwire.actors.kb` turns them into lookups.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from eventwire.actors.kb_entries import (
    _CODE,
    _DATE,
    _ISO2,
    _ISO3,
    _QID,
    _TYPE_ALIASES,
    KINDS,
    ROLES,
    STANCES,
    TABLES,
    TYPES,
    Agent,
    Country,
    Entry,
    Institution,
    Organisation,
    Party,
    RoleTerm,
    Sector,
    Where,
    _is_acronym,
    normalise_name,
)
from eventwire.errors import DataFileError


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


Entries = dict[str, dict[tuple, Entry]]


def read_entries(extra_files: Sequence[Path] = (), errors: list[str] | None = None) -> Entries:
    """Validated entries by type: the packaged files, then users' files (which may replace rows).

    With ``errors`` a list, problems are appended to it instead of raised.
    """
    records = [*_packaged_records()]
    for path in extra_files:
        if errors is None:
            records.extend(_user_records(Path(path)))
            continue
        try:
            records.extend(list(_user_records(Path(path))))
        except DataFileError as err:
            errors.append(str(err))
            return {t: {} for t in TYPES}
    records.sort(key=lambda r: TYPES.index(r.type))  # stable: keeps file order
    packaged = {filename for filename, _, _ in TABLES.values()}
    builder = _Builder(errors)
    for rec in records:
        builder.add(rec, packaged)
    builder.finish()
    return builder.entries
