"""CAMEO event codes with names, Goldstein scores, QuadClass and the PLOVER category.

Package data in ``eventwire/data/cameo/`` (documented in the README beside it):
``codes.tsv`` (code, name, Goldstein score, source table) and ``plover.tsv`` (the
CAMEO→PLOVER 2021 table). Both are validated on load; a bad row raises
:class:`~eventwire.errors.DataFileError` naming the file and line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from eventwire.errors import DataFileError, EventwireError

PLOVER_EVENTS = frozenset({
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
})  # fmt: skip
CODES_HEADER = "code\tname\tgoldstein\tsource"
PLOVER_HEADER = "code\tevent\tmode\tcontext"
SOURCES = frozenset({"gdelt", "icews"})
_CODE = re.compile(r"^(0[1-9]|1[0-9]|20)\d{0,2}$")
_PLOVER_WORD = re.compile(r"^[a-z][a-z_;-]*$")


class UnknownCodeError(EventwireError):
    """A CAMEO event code that is not in the packaged table."""

    code = "E011"


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with everything the output contract derives from it."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    source: str = "gdelt"  # "icews" for the two codes GDELT's table lacks (106, 1213)


def quad_class(root: str) -> int:
    """GDELT's QuadClass of a root code: 01–05 verbal cooperation (1), 06–09 material
    cooperation (2), 10–14 verbal conflict (3), 15–20 material conflict (4)."""
    number = int(root)
    if not 1 <= number <= 20:
        raise UnknownCodeError(f"{root!r} is not a CAMEO root code (01…20)")
    return 1 if number <= 5 else 2 if number <= 9 else 3 if number <= 14 else 4


def _rows(folder: Traversable, name: str, header: str) -> Iterator[tuple[str, int, list[str]]]:
    """(file label, line number, fields) of one TSV of ``folder``, header checked and skipped."""
    path = f"{folder.name}/{name}"
    try:
        text = folder.joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError(
            "file not found; rebuild it with benchmarks/make_cameo_tables.py", path=path
        ) from None
    columns = len(header.split("\t"))
    for number, line in enumerate(text.splitlines(), start=1):
        if number == 1:
            if line.rstrip() != header:
                raise _fail(path, number, f"header must be: {header.replace(chr(9), ' ')}")
            continue
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != columns:
            raise DataFileError(
                f"expected {columns} tab-separated columns, found {len(fields)}; "
                "fix the row (see data/cameo/README.md)",
                path=path,
                record=f"line {number}",
            )
        yield path, number, [field.strip() for field in fields]


def _fail(path: str, number: int, message: str) -> DataFileError:
    return DataFileError(message, path=path, record=f"line {number}")


def _read_codes(folder: Traversable) -> dict[str, tuple[str, float, str]]:
    codes: dict[str, tuple[str, float, str]] = {}
    rows = _rows(folder, "codes.tsv", CODES_HEADER)
    for path, number, (code, name, goldstein, source) in rows:
        if not _CODE.match(code):
            raise _fail(path, number, f"{code!r} is not a CAMEO event code (01…20, 2–4 digits)")
        if code in codes:
            raise _fail(path, number, f"code {code} is listed twice; keep one row")
        if not name:
            raise _fail(path, number, f"code {code} has no name")
        try:
            score = float(goldstein)
        except ValueError:
            raise _fail(path, number, f"Goldstein score {goldstein!r} is not a number") from None
        if not -10.0 <= score <= 10.0:
            raise _fail(path, number, f"Goldstein score {score} is outside -10…10")
        if source not in SOURCES:
            raise _fail(path, number, f"source {source!r} is not one of {sorted(SOURCES)}")
        codes[code] = (name, score, source)
    return codes


def _read_plover(folder: Traversable, known: dict) -> dict[str, tuple[str, str | None]]:
    plover: dict[str, tuple[str, str | None]] = {}
    for path, number, (code, event, mode, context) in _rows(folder, "plover.tsv", PLOVER_HEADER):
        if code not in known:
            raise _fail(path, number, f"code {code!r} is not in codes.tsv")
        if code in plover:
            raise _fail(path, number, f"code {code} is mapped twice; keep one row")
        if event not in PLOVER_EVENTS:
            raise _fail(path, number, f"{event!r} is not a current PLOVER event type")
        for value in (mode, context):
            if value and not _PLOVER_WORD.match(value):
                raise _fail(path, number, f"{value!r} is not a PLOVER mode/context word")
        plover[code] = (event, mode or None)
    return plover


def _inherited(code: str, plover: dict[str, tuple[str, str | None]]) -> tuple[str | None, ...]:
    """The PLOVER mapping of the nearest listed code (0831 → 083 → 08); (None, None) where
    PLOVER drops the whole branch (01, 02)."""
    for length in range(len(code), 1, -1):
        if code[:length] in plover:
            return plover[code[:length]]
    return (None, None)


def read_cameo(folder: Path | Traversable) -> dict[str, CameoCode]:
    """Read and validate ``codes.tsv`` and ``plover.tsv`` of ``folder``."""
    codes = _read_codes(folder)
    plover = _read_plover(folder, codes)
    missing = [f"{root:02d}" for root in range(1, 21) if f"{root:02d}" not in codes]
    if missing:
        raise DataFileError(
            f"root codes {missing} are missing; add them", path=f"{folder.name}/codes.tsv"
        )
    table = {}
    for code, (name, goldstein, source) in codes.items():
        event, mode = _inherited(code, plover)
        root = code[:2]
        table[code] = CameoCode(code, name, root, goldstein, quad_class(root), event, mode, source)
    return table


@functools.cache
def load_cameo() -> dict[str, CameoCode]:
    """Every packaged CAMEO event code, keyed by code ("0331"); read and validated once."""
    return read_cameo(data_dir())


def is_known_code(code: str) -> bool:
    """Whether ``code`` is a CAMEO event code in the packaged table."""
    return code in load_cameo()


def cameo_code(code: str) -> CameoCode:
    """The table entry of ``code``; raises :class:`UnknownCodeError` (E011) if there is none."""
    try:
        return load_cameo()[code]
    except KeyError:
        raise UnknownCodeError(
            f"{code!r} is not a CAMEO event code; use a code from data/cameo/codes.tsv "
            "(e.g. '111', '0331')"
        ) from None


def code_or_parent(code: str) -> CameoCode | None:
    """``code``'s entry; for a code only a user's dictionary knows ("075A"), its nearest
    known parent's numbers under the dictionary's own code; None when no prefix is known.

    PETRARCH dictionaries may carry local codes; an event with such a code keeps the
    code as written and borrows Goldstein, QuadClass and PLOVER from the parent code.
    """
    table = load_cameo()
    if code in table:
        return table[code]
    for length in range(len(code) - 1, 1, -1):
        parent = table.get(code[:length])
        if parent is not None:
            return replace(parent, code=code, name=f"{code} (dictionary code under {parent.code})")
    return None


@dataclass(frozen=True)
class LocalCode:
    """A dictionary's code with no CAMEO parent ("903", "345"): PETRARCH's validation
    dictionaries use such codes for events outside CAMEO. Its root is its first two
    digits; QuadClass and Goldstein come from that root where CAMEO has it ("1717" would
    take root 17's), else they are unknown (None); it has no PLOVER category."""

    code: str
    root: str
    quad_class: int | None
    goldstein: float | None


_LOCAL_CODE = re.compile(r"^\d{2,4}$")


def local_code(code: str) -> LocalCode | None:
    """``code`` as a dictionary's local code, or None when it is no 2–4 digit code."""
    if not _LOCAL_CODE.match(code):
        return None
    root = load_cameo().get(code[:2])
    if root is None:
        return LocalCode(code, code[:2], None, None)
    return LocalCode(code, root.root, root.quad_class, root.goldstein)


def data_dir() -> Traversable:
    """Folder of the packaged CAMEO tables."""
    return resources.files("eventwire") / "data" / "cameo"
