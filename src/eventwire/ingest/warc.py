"""Web archives (WARC, plain or gzipped): one article per archived HTML page.

Each ``response`` record with status 200 and an HTML content type goes through
``read_html`` with the record's target URI as url; its WARC-Date is used only when
the page gives no date of its own. Other records (requests, metadata, images …) are
skipped silently. A record that cannot be read becomes a Failure; the rest of the
archive is read as far as the archive's structure allows.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import EventwireError, InputError, TooLargeError
from ..records import Article, Failure
from .dates import normalise_published
from .encoding import charset_from_content_type, decode_bytes
from .html import read_html
from .options import ReadOptions
from .sources import ByteStream, failure_from

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    stream: ByteStream, *, path: str, options: ReadOptions
) -> Iterator[Article | Failure]:
    """One item per HTML response record (record = "WARC record N", counting all)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    records = iter(ArchiveIterator(stream))
    number = 0
    while True:
        number += 1
        where = f"WARC record {number}"
        try:
            warc_record = next(records)
        except StopIteration:
            return
        except EventwireError:
            raise  # damaged gzip under the archive: read_inputs reports it for the file
        except (ArchiveLoadFailed, ValueError, EOFError) as err:
            # the archive's structure is broken here: nothing after it can be found
            yield _broken(path, where, str(err))
            return
        except Exception as err:  # warcio trips on odd headers (AttributeError …) too
            yield _broken(path, where, f"{type(err).__name__}: {err}")
            return
        try:
            if _is_html_page(warc_record):
                yield _page_article(warc_record, path=path, record=where, options=options)
        except EventwireError as err:
            yield failure_from(err, path=path, record=where)
        except Exception as err:  # the same inside one record: that record fails, not the batch
            reason = f"the archived record cannot be read: {type(err).__name__}: {err}"
            yield failure_from(InputError(reason), path=path, record=where)


def _broken(path: str, where: str, detail: str) -> Failure:
    reason = f"broken WARC record, the rest of the archive is unreadable: {detail}"
    return failure_from(InputError(reason), path=path, record=where)


def _is_html_page(warc_record: Any) -> bool:
    if warc_record.rec_type != "response" or warc_record.http_headers is None:
        return False
    if warc_record.http_headers.get_statuscode() != "200":
        return False
    content_type = (warc_record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in _HTML_TYPES)


def _page_article(warc_record: Any, *, path: str, record: str, options: ReadOptions) -> Article:
    payload = _payload(warc_record, path=path, record=record, limit=options.max_bytes)
    charset = charset_from_content_type(warc_record.http_headers.get_header("Content-Type"))
    html = decode_bytes(payload, path=path, record=record, declared=charset)
    url = warc_record.rec_headers.get_header("WARC-Target-URI")
    article = read_html(html, path=path, options=options, record=record, url=url)
    if article.published is None and not options.published:
        archived = normalise_published(warc_record.rec_headers.get_header("WARC-Date"))
        if archived:
            article = article.model_copy(update={"published": archived})
    return article


def _payload(warc_record: Any, *, path: str, record: str, limit: int) -> bytes:
    """The record's HTTP body (de-chunked, decompressed), at most ``limit`` bytes."""
    from warcio.bufferedreaders import ChunkedDataException

    try:
        payload = warc_record.content_stream().read(limit + 1)
    except (ChunkedDataException, zlib.error, OSError, ValueError, EOFError) as err:
        raise InputError(
            f"the archived page cannot be read: {err}", path=path, record=record
        ) from None
    if len(payload) > limit:
        raise TooLargeError(
            f"archived page is over the limit of {limit:,} bytes (raise it with --max-bytes)",
            path=path,
            record=record,
        )
    return payload
