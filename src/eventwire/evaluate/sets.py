"""Loaders of the four public gold sets ``eventwire eval`` scores the event coder on.

Every loader returns :class:`GoldRecord` objects: the sentence to code, its date, and
the gold annotation in whichever form the set gives it (CAMEO triples, a PLOVER event
with its actors, or a ConfliBERT PentaClass). The files themselves live in
``../shared/data`` and are never shipped; :data:`SETS` says where each one is.

A missing file raises :class:`~eventwire.errors.InputError` (E001) saying to pass
``--shared``; a record that cannot be read raises
:class:`~eventwire.errors.DataFileError` (E010) naming the file and the line.
"""

from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from eventwire.errors import DataFileError, InputError

#: PLOVER 0.5b1 names used by the PLOVER gold records → current PLOVER names
#: (with the mode the old name implied), as the set's PROVENANCE note prescribes.
OLD_PLOVER_NAMES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}

#: Zero-Shot-PLOVER merges CONCEDE and RETREAT into one label, YIELD (Hu et al. 2024);
#: our types are read in its label space.
ZEROSHOT_LABELS = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
#: The labels a Zero-Shot-PLOVER row may carry.
ZEROSHOT_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
     "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "YIELD"}
)  # fmt: skip
#: Id prefixes of Zero-Shot-PLOVER rows: sentences that are also ConfliBERT training
#: sentences (which earlier work read while writing rules) and those that are not.
ZEROSHOT_SEEN, ZEROSHOT_UNSEEN, ZEROSHOT_UNKNOWN = "zs-cb-", "zs-new-", "zs-"
#: Where the ConfliBERT training sentences lie relative to the Zero-Shot-PLOVER file.
CONFLIBERT_BESIDE = Path("..", "conflibert-cameo", "cameo_class", "train.tsv")

#: Pre-ISO country codes (CAMEO's older spelling) in the PLOVER gold records → ISO 3166-1
#: alpha-3, which our actors carry.
LEGACY_COUNTRY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


@dataclass(frozen=True)
class GoldTriple:
    """One expected (source, target, code) event of a PETRARCH record."""

    source: str
    target: str
    code: str

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True)
class GoldActor:
    """An actor of a PLOVER gold record: its words and its country/IGO code."""

    text: str
    code: str
    sector: str | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One sentence of a gold set with its expected coding.

    Only the fields of the set's kind are filled: ``triples``/``noevents``/``error``
    for PETRARCH sets, ``plover_*``/``sources``/``targets`` for PLOVER, ``penta`` for
    ConfliBERT.
    """

    id: str
    text: str
    date: str | None = None
    category: str = ""
    line: int = 0
    triples: tuple[GoldTriple, ...] = ()
    noevents: bool = False
    error: str | None = None
    plover_event: str | None = None
    plover_mode: str | None = None
    sources: tuple[GoldActor, ...] = ()
    targets: tuple[GoldActor, ...] = ()
    penta: int | None = None


@dataclass(frozen=True)
class GoldSet:
    """Where a gold set lives under ``--shared`` and how it is scored."""

    name: str
    path: str
    kind: str  # "triples" | "plover" | "penta"
    description: str
    dictionaries: str | None = None  # folder under --shared the set must be coded with
    notes: tuple[str, ...] = field(default_factory=tuple)
    #: Our PLOVER types as the set's labels where it merges some ("CONCEDE" → "YIELD").
    labels: dict[str, str] = field(default_factory=dict)
    #: Never used to write or tune rules: its mistakes are not written by the benchmark.
    held_out: bool = False
    #: How the file is read when its kind's usual format is not it ("zeroshot": TSV rows).
    layout: str = ""

    def file(self, shared: Path) -> Path:
        return shared / self.path

    def dictionary_dir(self, shared: Path) -> Path | None:
        return shared / self.dictionaries if self.dictionaries else None


SETS: dict[str, GoldSet] = {
    s.name: s
    for s in (
        GoldSet(
            "petrarch-unit",
            "data/petrarch2-validation/PETR.UnitTest.records.xml",
            "triples",
            "PETRARCH-2 unit-test records (284), coded with their toy dictionaries",
            dictionaries="data/petrarch2-validation",
        ),
        GoldSet(
            "petrarch-validation",
            "data/universal-petrarch-validation/PETR2_GSR_validation.xml",
            "triples",
            "PETRARCH-2 validation records of UD-PETRARCH (78); GOLD_* scored apart",
        ),
        GoldSet(
            "plover",
            "data/plover/PLOVER_GSR_CAMEO.txt",
            "plover",
            "PLOVER gold records from the CAMEO manual's examples (322)",
        ),
        GoldSet(
            "conflibert",
            "data/conflibert-cameo/cameo_class/train.tsv",
            "penta",
            "ConfliBERT CAMEO PentaClass training sentences (1,349)",
        ),
        GoldSet(
            "plover-zeroshot",
            "data/zero-shot-plover/PLV_train.tsv",
            "plover",
            "PLOVER-typed news sentences of Zero-Shot-PLOVER (1,050 rows); held out",
            labels=ZEROSHOT_LABELS,
            held_out=True,
            layout="zeroshot",
        ),
    )
}


def gold_set(name: str) -> GoldSet:
    """The set called ``name``; E001 listing the known names otherwise."""
    try:
        return SETS[name]
    except KeyError:
        raise InputError(f"unknown gold set '{name}'; choose one of: {', '.join(SETS)}") from None


def load_set(name: str, shared: Path, *, limit: int | None = None) -> list[GoldRecord]:
    """The records of gold set ``name`` read from under ``shared`` (the first ``limit``)."""
    spec = gold_set(name)
    path = spec.file(shared)
    if not path.is_file():
        raise InputError(
            f"{path}: gold file of set '{name}' not found; pass --shared DIR "
            "(the folder holding data/, usually ../shared)"
        )
    readers = {
        "triples": read_petrarch_records,
        "plover": read_plover_records,
        "zeroshot": read_zeroshot_records,
    }
    reader = readers.get(spec.layout or spec.kind, read_penta_records)
    records = reader(path)
    return records[:limit] if limit is not None else records


# ---------------------------------------------------------------- PETRARCH XML

# The validation file is not well-formed XML (some <Sentence .../> tags are closed at
# once and their codings follow as siblings), so both PETRARCH files are read with a
# tolerant scan of the tags in document order instead of an XML parser.
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(
    r"<(Sentence|EventCoding)\b([^>]*?)/?>|<(Text|Parse)>(.*?)</(?:Text|Parse)>", re.S
)
_PENN_LEAF = re.compile(r"\((?:\S+) ([^()\s]+)\)")
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)]|'s\b|n't\b)")
# Values in either quote: new actors are written sourcecode='"INJURY TOLL"'.
_ATTR = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


def _blank(match: re.Match[str]) -> str:
    # Keep the newlines so that line numbers of later records stay right.
    return "\n" * match.group(0).count("\n")


def read_petrarch_records(path: Path) -> list[GoldRecord]:
    """Records of a PETRARCH validation file: text, date, expected triples, noevents, error."""
    raw = path.read_text(encoding="utf-8")
    text = _COMMENT.sub(_blank, raw)
    start, end = text.find("<Sentences>"), text.rfind("</Sentences>")
    if start < 0 or end < 0:
        raise DataFileError("no <Sentences> element: not a PETRARCH records file", path=str(path))
    records: list[dict] = []
    for match in _TAG.finditer(text, start, end):
        line = text.count("\n", 0, match.start()) + 1
        tag = match.group(1) or match.group(3)
        attrs = {k: dq or sq for k, dq, sq in _ATTR.findall(match.group(2) or "")}
        if tag == "Sentence":
            records.append({"attrs": attrs, "line": line, "codings": [], "text": "", "parse": ""})
        elif not records:
            raise DataFileError(
                "coding or text before any <Sentence>", path=str(path), record=f"line {line}"
            )
        elif tag == "EventCoding":
            records[-1]["codings"].append((attrs, line))
        else:
            records[-1][tag.lower()] = match.group(4)
    return [_petrarch_record(r, path) for r in records]


def _petrarch_record(raw: dict, path: Path) -> GoldRecord:
    attrs, line = raw["attrs"], raw["line"]
    where = {"path": str(path), "record": f"line {line}"}
    # One validation record has an empty <Text>: its words are then taken from the parse.
    sentence = " ".join(raw["text"].split()) or _words_of_parse(raw["parse"])
    if not attrs.get("id") or not sentence:
        raise DataFileError("<Sentence> without an id or a <Text>", **where)
    triples, noevents, error = [], False, None
    for coding, coding_line in raw["codings"]:
        if "eventcode" in coding:
            if not {"sourcecode", "targetcode"} <= coding.keys():
                raise DataFileError(
                    "<EventCoding> needs sourcecode, targetcode and eventcode",
                    path=str(path),
                    record=f"line {coding_line}",
                )
            triples.append(
                GoldTriple(coding["sourcecode"], coding["targetcode"], coding["eventcode"])
            )
        noevents = noevents or coding.get("noevents", "").lower() == "true"
        error = coding.get("error", error)
    return GoldRecord(
        id=attrs["id"],
        text=sentence,
        date=_iso_date(attrs.get("date", ""), where),
        category=attrs.get("category", ""),
        line=line,
        triples=tuple(triples),
        noevents=noevents,
        error=error,
    )


def _words_of_parse(parse: str) -> str:
    """The sentence spelled by a CoNLL-U or bracketed Penn parse (spacing approximated)."""
    rows = [line.split("\t") for line in parse.strip().splitlines()]
    if rows and all(len(row) > 2 and row[0].isdigit() for row in rows):
        words = [row[1] for row in rows]
    else:
        words = _PENN_LEAF.findall(parse)
    return _NO_SPACE_BEFORE.sub(r"\1", " ".join(words))


def _iso_date(value: str, where: dict[str, str]) -> str | None:
    if not value:
        return None
    if re.fullmatch(r"\d{6}", value):  # a few records use YYMMDD
        value = ("20" if int(value[:2]) < 50 else "19") + value
    if not re.fullmatch(r"\d{8}", value):
        raise DataFileError(f"date '{value}' is not YYYYMMDD (or YYMMDD)", **where)
    return f"{value[:4]}-{value[4:6]}-{value[6:]}"


# ---------------------------------------------------------------- PLOVER JSON


def read_plover_records(path: Path) -> list[GoldRecord]:
    """PLOVER gold records with old category names mapped to current PLOVER.

    Actors marked ``SRC/TAR`` in the markup are both source and target of a
    symmetric event; when such a record has no ``target`` list its sources stand in
    for the targets as well. Old country codes (JAP, ITL, VTN) become ISO ones.
    """
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataFileError(
            f"not JSON: {err}", path=str(path), record=f"line {err.lineno}"
        ) from err
    if not isinstance(items, list):
        raise DataFileError("expected a JSON array of records", path=str(path))
    records = []
    for n, item in enumerate(items, start=1):
        if not isinstance(item, dict) or item.get("event") == "DOCUMENT":
            continue
        records.append(_plover_record(item, n, path))
    return records


def _plover_record(item: dict, n: int, path: Path) -> GoldRecord:
    where = {"path": str(path), "record": f"item {n}"}
    if not item.get("id") or not item.get("text") or not item.get("event"):
        raise DataFileError("record needs id, text and event", **where)
    event, mode = OLD_PLOVER_NAMES.get(item["event"], (item["event"], None))
    sources = _plover_actors(item.get("source"), where)
    targets = _plover_actors(item.get("target"), where)
    info = item.get("textInfo")
    markup = str(info.get("markup", "") if isinstance(info, dict) else info or "")
    if not targets and "SRC/TAR:" in markup:
        targets = sources
    return GoldRecord(
        id=item["id"],
        text=" ".join(item["text"].split()),
        date=item.get("date") or None,
        category=item["event"],
        line=n,
        plover_event=event,
        plover_mode=item.get("mode") or mode,
        sources=sources,
        targets=targets,
    )


def _plover_actors(value: object, where: dict[str, str]) -> tuple[GoldActor, ...]:
    # A few records carry a stray string ("diplomatic") where the target list belongs:
    # they name no actor, so they count as no target.
    if value is None or isinstance(value, str) or value == []:
        return ()
    if not isinstance(value, list):
        raise DataFileError("source/target must be a list of actors", **where)
    actors = []
    for actor in value:
        if not isinstance(actor, dict) or "code" not in actor:
            raise DataFileError("an actor needs at least a code", **where)
        code = LEGACY_COUNTRY_CODES.get(actor["code"], actor["code"])
        actors.append(GoldActor(actor.get("actorText", ""), code, actor.get("sector")))
    return tuple(actors)


# ---------------------------------------------------------------- ConfliBERT TSV


def read_penta_records(path: Path) -> list[GoldRecord]:
    """ConfliBERT ``sentence<TAB>label`` lines (label 0–4, the CAMEO PentaClass)."""
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for n, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            sentence, _, label = line.rpartition("\t")
            if not sentence or label.strip() not in {"0", "1", "2", "3", "4"}:
                raise DataFileError(
                    "expected 'sentence<TAB>label' with a label 0-4",
                    path=str(path),
                    record=f"line {n}",
                )
            records.append(
                GoldRecord(
                    id=f"{path.stem}-{n}",
                    text=" ".join(sentence.split()),
                    line=n,
                    penta=int(label),
                    category=label.strip(),
                )
            )
    return records


# ---------------------------------------------------------------- Zero-Shot-PLOVER TSV


def read_zeroshot_records(path: Path) -> list[GoldRecord]:
    """Zero-Shot-PLOVER rows: a sentence, its source and target words and the gold type.

    The rows give actor words, not codes, so only the event type is scored. A row whose
    sentence is also a ConfliBERT training sentence (read from beside the file, when it
    is there) gets an id starting ``zs-cb-``, the others ``zs-new-``: the second kind is
    the part no rule was ever written from. Without the ConfliBERT file ids start ``zs-``.
    """
    seen = _conflibert_sentences(path.parent / CONFLIBERT_BESIDE)
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        missing = {"sentence", "source", "target", "gold_root"} - set(rows.fieldnames or ())
        if missing:
            raise DataFileError(
                f"missing columns: {', '.join(sorted(missing))}", path=str(path), record="line 1"
            )
        for n, row in enumerate(rows, start=2):
            text, label = " ".join((row["sentence"] or "").split()), row["gold_root"]
            if not text or label not in ZEROSHOT_TYPES:
                raise DataFileError(
                    f"expected a sentence and a PLOVER label, got label {label!r}",
                    path=str(path),
                    record=f"line {n}",
                )
            uid = row.get("") or str(n)
            prefix = ZEROSHOT_UNKNOWN if seen is None else ZEROSHOT_SEEN
            if seen is not None and _plain(text) not in seen:
                prefix = ZEROSHOT_UNSEEN
            records.append(
                GoldRecord(
                    id=f"{prefix}{uid}",
                    text=text,
                    category=label,
                    line=n,
                    plover_event=label,
                    sources=(GoldActor(row["source"] or "", ""),),
                    targets=(GoldActor(row["target"] or "", ""),),
                )
            )
    return records


def _plain(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _conflibert_sentences(path: Path) -> set[str] | None:
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return {_plain(line.rpartition("\t")[0]) for line in handle if "\t" in line}
