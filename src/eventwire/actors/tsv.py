"""Rows of the small hand-written actor tables (``peoples.tsv``, ``titles.tsv``).

Blank lines and ``#`` comments are skipped anywhere; the first other line must be the
header; every row must have the header's number of tab-separated cells. A bad line raises
:class:`~eventwire.errors.DataFileError` (E010) naming the file and the line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from eventwire.errors import DataFileError

Fail = Callable[[str], DataFileError]


def table_rows(
    text: str, path: str, columns: Sequence[str]
) -> Iterator[tuple[int, list[str], Fail]]:
    """(line number, stripped cells, error maker for that line) of every data row."""
    header = False
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]

        def fail(message: str, n: int = n) -> DataFileError:
            return DataFileError(message, path=path, record=f"line {n}")

        if not header:
            if cells != list(columns):
                raise fail("header must be: " + " ".join(columns))
            header = True
            continue
        if len(cells) != len(columns):
            raise fail(f"need {len(columns)} tab-separated cells: {', '.join(columns)}")
        yield n, cells, fail
    if not header:
        raise DataFileError("the file has no header row", path=path, record="line 1")
