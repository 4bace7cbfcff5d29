"""Continuous intake: take new files in folders and new items of feeds, exactly once.

A ``Watcher`` polls its targets (folders, and feed lists: text files naming one feed
URL or path a line) and hands what is new to ``eventwire.api.ingest``. Every input
taken is a row of the ``intake`` ledger table in the same DuckDB file: a file's
content is keyed by path and SHA-256, a feed item by its guid (else id, else link).

Exactly once, by idempotent re-processing rather than one transaction: ``ingest``
owns its transactions (one per batch of articles), so the ledger row cannot share
them. Instead a row is written ``pending`` before its input is ingested and
``done`` (with the article ids) after. A crash in between leaves it ``pending``,
and the next pass ingests that input again; article ids are hashes of the text
and stored articles are never written twice, so the second ingest adds nothing
that is already there and stores whatever the crash cut off. An input whose row
is ``done`` or ``failed`` is never taken again unless its content changes.
"""

from __future__ import annotations

import hashlib
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .about import __version__
from .errors import EventwireError
from .ingest.options import ReadOptions
from .ingest.sources import expand_paths
from .records import Article, Failure
from .store import Store

DEFAULT_INTERVAL = 30.0
#: Inputs handed to one ``ingest`` call; the ledger is updated after each call, so
#: this bounds the work a crash makes the next pass redo.
FILES_PER_BATCH = 20
#: Names of files still being written by common tools (downloads, editors, rsync
#: and atomic-rename writers); they are never taken, whatever their extension.
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", "~")
USER_AGENT = f"eventwire/{__version__} (+https://github.com/eventwire; watch)"
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
_ITEM_TAGS = ("item", "entry")

Report = Callable[[str], None]


class WatchError(EventwireError):
    """A watch target or feed could not be used."""

    code = "E080"


@dataclass(frozen=True)
class Intake:
    """One input to take: a file's content, or one item of a feed."""

    source: str  # the watched folder, or the feed's URL/path
    key: str  # path#sha256 of a file, the guid/id/link of a feed item
    item: str  # the file's path, or the item's link (else its key)
    path: str  # what ``ingest`` reads: the file, or the spool file holding the item
    record: str | None = None  # "entry N" in the spool file, for feed items
    size: int | None = None
    mtime: float | None = None
    sha256: str | None = None


@dataclass
class PassSummary:
    """What one pass over the targets did."""

    taken: int = 0
    articles: int = 0
    failed: int = 0
    waiting: int = 0
    recovered: int = 0
    errors: list[str] = field(default_factory=list)


# -- the ledger -----------------------------------------------------------------


class Ledger:
    """The ``intake`` table; each call opens the store briefly so ``ingest`` can open it too."""

    def __init__(self, db: str | Path):
        self.db = str(db)

    def known(self, source: str) -> dict[str, tuple[str, str, int | None, float | None]]:
        """Key → (status, item, size, mtime) of every input taken from ``source``."""
        with Store(self.db) as store:
            rows = store.con.execute(
                'SELECT "key", status, item, size, mtime FROM intake WHERE source = ?', [source]
            ).fetchall()
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}

    def pending(self) -> list[Intake]:
        """Inputs begun but not finished: a previous process stopped between the two."""
        with Store(self.db) as store:
            rows = store.con.execute(
                'SELECT source, "key", item, spool, size, mtime, sha256 FROM intake '
                'WHERE status = \'pending\' ORDER BY "at", source, "key"'
            ).fetchall()
        return [
            Intake(
                source=r[0],
                key=r[1],
                item=r[2],
                path=r[3].rpartition("#")[0] if r[3] else r[2],
                record=r[3].rpartition("#")[2] if r[3] else None,
                size=r[4],
                mtime=r[5],
                sha256=r[6],
            )
            for r in rows
        ]

    def begin(self, intakes: Iterable[Intake]) -> None:
        rows = [
            (
                i.source,
                i.key,
                i.item,
                i.size,
                i.mtime,
                i.sha256,
                # "spool-file#entry N", so a pending feed item can be read again
                f"{i.path}#{i.record}" if i.record else None,
                "pending",
                [],
                0,
                None,
                datetime.now(UTC),
            )
            for i in intakes
        ]
        with Store(self.db) as store:
            store.con.executemany(
                "INSERT OR REPLACE INTO intake VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
            )

    def finish(self, outcomes: Iterable[tuple[Intake, list[str], list[Failure]]]) -> None:
        rows = []
        for intake, ids, failures in outcomes:
            status = "failed" if failures and not ids else "done"
            reason = failures[0].reason if failures else None
            rows.append(
                (status, ids, len(failures), reason, datetime.now(UTC), intake.source, intake.key)
            )
        with Store(self.db) as store:
            store.con.executemany(
                'UPDATE intake SET status = ?, article_ids = ?, failures = ?, reason = ?, "at" = ? '
                'WHERE source = ? AND "key" = ?',
                rows,
            )


# -- folders --------------------------------------------------------------------


def is_partial(name: str) -> bool:
    """True for files that are still being written (by their name)."""
    base = Path(name).name
    return base.startswith((".", "~")) or base.lower().endswith(PARTIAL_SUFFIXES)


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class FolderScanner:
    """New or changed files of one folder that have stopped changing."""

    def __init__(self, folder: Path, settle: float):
        self.folder = folder
        self.source = str(folder)
        self.settle = settle
        # (size, mtime) of each file at the previous pass: unchanged over one
        # interval means the writer is done even when the clock says "just now".
        self._seen: dict[str, tuple[int, float]] = {}

    def scan(self, ledger: Ledger, summary: PassSummary) -> list[Intake]:
        known = ledger.known(self.source)
        taken_as = {(item, size, mtime) for _, item, size, mtime in known.values()}
        intakes = []
        now = time.time()
        for source in expand_paths([self.folder]):
            if isinstance(source, Failure) or source.path is None or is_partial(source.name):
                continue
            try:
                stat = source.path.stat()
            except OSError:
                continue  # removed since the listing
            size, mtime = stat.st_size, stat.st_mtime
            if (source.name, size, mtime) in taken_as:
                continue
            seen_before = self._seen.get(source.name) == (size, mtime)
            self._seen[source.name] = (size, mtime)
            if size == 0 or not (seen_before or now - mtime >= self.settle):
                summary.waiting += 1
                continue
            sha = file_sha256(source.path)
            key = f"{source.name}#{sha}"
            if key in known:
                continue  # rewritten with the same content (a touch, a copy over itself)
            intakes.append(
                Intake(self.source, key, source.name, source.name, None, size, mtime, sha)
            )
        return intakes


# -- feeds ----------------------------------------------------------------------


@dataclass
class _FeedState:
    etag: str | None = None
    modified: str | None = None


def read_feedlist(path: Path) -> list[str]:
    """Feed URLs or paths of a feed list: one a line, ``#`` starts a comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise WatchError(f"cannot read the feed list: {err}", path=str(path)) from err
    # No inline comments: a URL may hold a '#'.
    return [s for line in lines if (s := line.strip()) and not s.startswith("#")]


def fetch_feed(
    url: str, state: _FeedState, *, timeout: float, limit: int
) -> tuple[bytes | None, _FeedState]:
    """The feed's bytes (None when the server says they have not changed: HTTP 304) and
    the validators to send next time; the caller keeps those only once the items are safe."""
    if "://" not in url:
        try:
            return Path(url).read_bytes(), state
        except OSError as err:
            raise WatchError(f"cannot read feed: {err}", path=url) from err
    headers = {"User-Agent": USER_AGENT, "Accept": FEED_ACCEPT}
    if state.etag:
        headers["If-None-Match"] = state.etag
    if state.modified:
        headers["If-Modified-Since"] = state.modified
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(limit + 1)
            fresh = _FeedState(response.headers.get("ETag"), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as err:
        if err.code == 304:
            return None, state
        raise WatchError(f"feed answered HTTP {err.code}; check the URL", path=url) from err
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        raise WatchError(f"cannot fetch feed ({err}); will retry next pass", path=url) from err
    if len(data) > limit:
        raise WatchError(f"feed is larger than {limit} bytes; raise --max-bytes", path=url)
    return data, fresh


def feed_items(data: bytes, url: str) -> tuple[object, list[tuple[str, str, object]]]:
    """The parsed feed and its items as (key, label, element), in document order."""
    from lxml import etree

    # No entities, no network: a feed is untrusted input.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as err:
        raise WatchError(f"feed does not parse: {err}", path=url) from err
    if root is None:
        raise WatchError("feed does not parse (no XML root)", path=url)
    items = []
    for element in root.iter("{*}item", "{*}entry"):
        key, label = _item_key(element)
        items.append((key, label, element))
    return root, items


def _item_key(element: object) -> tuple[str, str]:
    """An item's identity (guid, Atom id, link, else a hash of the item) and its link."""
    from lxml import etree

    texts: dict[str, str] = {}
    for child in element:  # type: ignore[attr-defined]
        if not isinstance(child.tag, str):
            continue
        name = etree.QName(child).localname
        value = (child.text or "").strip() or (child.get("href") or "").strip()
        if value and name not in texts:
            texts[name] = value
    link = texts.get("link", "")
    key = texts.get("guid") or texts.get("id") or link
    if not key:
        key = "sha256:" + hashlib.sha256(etree.tostring(element)).hexdigest()
    return key, link or key


class FeedPoller:
    """New items of the feeds a feed list names, written to spool files for ``ingest``."""

    def __init__(self, feedlist: Path, spool: Path, *, timeout: float, limit: int):
        self.feedlist = feedlist
        self.spool = spool
        self.timeout = timeout
        self.limit = limit
        self._state: dict[str, _FeedState] = {}

    def scan(self, ledger: Ledger, summary: PassSummary, report: Report) -> list[Intake]:
        intakes: list[Intake] = []
        try:
            urls = read_feedlist(self.feedlist)
        except WatchError as err:
            urls = []
            summary.errors.append(str(err))
            report(f"error: {err}")
        for url in urls:
            try:
                intakes += self._new_items(url, ledger)
            except WatchError as err:
                summary.errors.append(str(err))
                report(f"error: {err}")
        return intakes

    def _new_items(self, url: str, ledger: Ledger) -> list[Intake]:
        from lxml import etree

        state = self._state.get(url, _FeedState())
        data, fresh = fetch_feed(url, state, timeout=self.timeout, limit=self.limit)
        if data is None:
            return []
        root, items = feed_items(data, url)
        known = ledger.known(url)
        new: dict[str, str] = {}
        for key, label, element in items:
            if key in known or key in new:
                element.getparent().remove(element)  # type: ignore[attr-defined]
            else:
                new[key] = label
        if not new:
            self._state[url] = fresh
            return []
        self.spool.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256(url.encode()).hexdigest()[:12]
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
        spool = self.spool / f"{digest}-{stamp}.rss"
        spool.write_bytes(etree.tostring(root, xml_declaration=True, encoding="utf-8"))
        # A 304 from now on is safe: the new items are in the spool file, and the
        # ledger marks them pending before they are ingested.
        self._state[url] = fresh
        return [
            Intake(url, key, label, str(spool), f"entry {n}")
            for n, (key, label) in enumerate(new.items(), start=1)
        ]


# -- the watcher ----------------------------------------------------------------


@dataclass
class WatchConfig:
    """How a Watcher polls and ingests; the CLI options of ``eventwire watch``."""

    interval: float = DEFAULT_INTERVAL
    settle: float | None = None  # seconds a file must be unchanged; default: interval
    published: str | None = None
    options: ReadOptions | None = None
    batch_size: int = 32
    dictionaries: str | None = None
    timeout: float = 20.0
    spool: Path | None = None  # where fetched feed items are kept; default: beside the db


class Watcher:
    """Polls folders and feed lists and ingests what is new into ``db``, exactly once."""

    def __init__(
        self,
        targets: Iterable[str | Path],
        db: str | Path,
        config: WatchConfig | None = None,
        report: Report | None = None,
    ):
        self.db = Path(db)
        self.config = config or WatchConfig()
        self.report: Report = report or (lambda _line: None)
        self.ledger = Ledger(self.db)
        settle = self.config.interval if self.config.settle is None else self.config.settle
        spool = self.config.spool or self.db.with_name(self.db.name + ".spool")
        limit = (self.config.options or ReadOptions()).max_bytes
        self.scanners: list[FolderScanner] = []
        self.pollers: list[FeedPoller] = []
        for target in targets:
            path = Path(target)
            if path.is_dir():
                self.scanners.append(FolderScanner(path, settle))
            elif path.is_file():
                self.pollers.append(
                    FeedPoller(path, spool, timeout=self.config.timeout, limit=limit)
                )
            else:
                raise WatchError(
                    "not a folder or a feed list (a text file of feed URLs); check the path",
                    path=str(target),
                )

    def run(self, stop: threading.Event | None = None, *, once: bool = False) -> PassSummary:
        """Pass after pass until ``stop`` is set (checked between batches); the totals."""
        stop = stop or threading.Event()
        total = PassSummary()
        while not stop.is_set():
            summary = self.run_pass(stop)
            for name in ("taken", "articles", "failed", "recovered"):
                setattr(total, name, getattr(total, name) + getattr(summary, name))
            total.waiting = summary.waiting
            total.errors += summary.errors
            if once or stop.wait(self.config.interval):
                break
        return total

    def run_pass(self, stop: threading.Event | None = None) -> PassSummary:
        """One pass: finish what a previous process left pending, then take what is new."""
        stop = stop or threading.Event()
        summary = PassSummary()
        pending = self.ledger.pending()
        if pending:
            summary.recovered = len(pending)
            self.report(f"resuming {len(pending)} input(s) left pending by an earlier run")
            self._take(self._still_there(pending), summary, stop)
        new: list[Intake] = []
        for scanner in self.scanners:
            new += scanner.scan(self.ledger, summary)
        for poller in self.pollers:
            new += poller.scan(self.ledger, summary, self.report)
        self._take(new, summary, stop)
        self.report(
            f"pass done: {summary.taken} input(s) taken, {summary.articles} article(s), "
            f"{summary.failed} failed, {summary.waiting} waiting for writes to finish"
        )
        return summary

    def _still_there(self, pending: list[Intake]) -> list[Intake]:
        """Pending inputs that can be read again as they were; the others are closed."""
        there, gone = [], []
        for intake in pending:
            path = Path(intake.path)
            same = path.is_file() and (intake.sha256 is None or file_sha256(path) == intake.sha256)
            (there if same else gone).append(intake)
        if gone:
            # A changed file is taken again under its new content's key.
            reason = "input removed or changed before it was stored"
            self.ledger.finish((i, [], [Failure(path=i.path, reason=reason)]) for i in gone)
        return there

    def _take(self, intakes: list[Intake], summary: PassSummary, stop: threading.Event) -> None:
        for batch in _batches(intakes, FILES_PER_BATCH):
            if stop.is_set():
                return  # the rest stays untaken (not even pending) for the next run
            self._ingest(batch, summary)

    def _ingest(self, batch: list[Intake], summary: PassSummary) -> None:
        from .api import ingest

        self.ledger.begin(batch)
        items: list[Article | Failure] = []
        paths = list(dict.fromkeys(i.path for i in batch))
        try:
            ingest(
                paths,
                self.db,
                published=self.config.published,
                options=self.config.options,
                batch_size=self.config.batch_size,
                progress=items.append,
                dictionaries=self.config.dictionaries,
            )
        except EventwireError as err:
            # The rows stay pending, so the next pass tries these inputs again.
            summary.errors.append(str(err))
            self.report(f"error: {err}; will retry next pass")
            return
        outcomes = [(i, *_outcome(i, items)) for i in batch]
        self.ledger.finish(outcomes)
        articles = sum(len(ids) for _, ids, _ in outcomes)
        failed = sum(1 for _, ids, f in outcomes if f and not ids)
        summary.taken += len(batch)
        summary.articles += articles
        summary.failed += failed
        names = ", ".join(i.item for i in batch[:3]) + (" …" if len(batch) > 3 else "")
        self.report(f"took {len(batch)} input(s) ({names}): {articles} article(s), {failed} failed")


def _outcome(intake: Intake, items: list[Article | Failure]) -> tuple[list[str], list[Failure]]:
    """Article ids and failures that came from one input."""
    ids: list[str] = []
    failures: list[Failure] = []
    for item in items:
        if item.path != intake.path or (intake.record and item.record != intake.record):
            continue
        if isinstance(item, Article):
            ids.append(item.id)
        else:
            failures.append(item)
    return ids, failures


def _batches(intakes: list[Intake], size: int) -> Iterator[list[Intake]]:
    """Batches of about ``size`` inputs; a spool file's items stay in one batch."""
    batch: list[Intake] = []
    for intake in intakes:
        if len(batch) >= size and intake.path != batch[-1].path:
            yield batch
            batch = []
        batch.append(intake)
    if batch:
        yield batch
