"""Rebuild ``src/eventwire/data/cameo/{codes,plover}.tsv`` from the CAMEO tables in ../shared.

A one-off generator: it takes facts only (codes, names, Goldstein numbers, the PLOVER
mapping), never the codebook's descriptions or example sentences.

    .venv/bin/python benchmarks/make_cameo_tables.py [--shared ../shared]

Sources: GDELT's CAMEO.eventcodes.txt and CAMEO.goldsteinscale.txt (310 codes; GDELT's
Goldstein value wins), the ICEWS codebook table icews/cameo-codes.csv (Windows-1252; adds
106 and 1213, flagged ``icews``), and CAMEO2PLOVER-2021.txt.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "data" / "cameo"
# Modes the 2021 table itself retires ("ease" is no longer a mode) or that are context
# values put in the mode column by mistake; they become empty.
_NOT_MODES = {"ease", "pro_autocracy"}


def read_tab(path: Path) -> list[list[str]]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return [line.split("\t") for line in lines if line.strip()]


def build_codes(shared: Path) -> list[tuple[str, str, str, str]]:
    lookups = shared / "data" / "cameo" / "gdelt-lookups"
    names = dict(read_tab(lookups / "CAMEO.eventcodes.txt"))
    goldstein = dict(read_tab(lookups / "CAMEO.goldsteinscale.txt"))
    rows = [(code, names[code].strip(), goldstein[code].strip(), "gdelt") for code in names]
    icews = shared / "data" / "cameo" / "icews" / "cameo-codes.csv"
    with icews.open(encoding="cp1252", newline="") as handle:
        for record in csv.DictReader(handle):
            if record["code"] not in names:
                value = f"{float(record['goldstein']):.1f}"
                rows.append((record["code"], record["name"].strip(), value, "icews"))
    return sorted(rows, key=lambda row: (row[0][:2], row[0]))


def build_plover(shared: Path, known: set[str]) -> list[tuple[str, str, str, str]]:
    path = shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt"
    rows: dict[str, tuple[str, str, str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not match or match.group(1) not in known or match.group(1) in rows:
            continue  # 1214 is no CAMEO code; the first of a repeated code wins (08, 175)
        fields = [field.strip() for field in match.group(2).split(",")] + ["", ""]
        mode = "" if fields[1] in _NOT_MODES else fields[1]
        rows[match.group(1)] = (match.group(1), fields[0], mode, fields[2].replace(" ", ""))
    return sorted(rows.values(), key=lambda row: (row[0][:2], row[0]))


def write_tsv(path: Path, header: str, rows: list[tuple[str, ...]]) -> None:
    text = header + "\n" + "".join("\t".join(row) + "\n" for row in rows)
    path.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    args = parser.parse_args()
    codes = build_codes(args.shared)
    write_tsv(OUT / "codes.tsv", "code\tname\tgoldstein\tsource", codes)
    plover = build_plover(args.shared, {row[0] for row in codes})
    write_tsv(OUT / "plover.tsv", "code\tevent\tmode\tcontext", plover)
    print(f"codes.tsv: {len(codes)} codes; plover.tsv: {len(plover)} rows")


if __name__ == "__main__":
    main()
