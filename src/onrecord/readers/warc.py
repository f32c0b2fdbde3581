"""WARC archives: every successful HTML response record is an article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from ..errors import Errors, InputError, ReadError
from ..records import Article
from .fields import record_key
from .html import decode_html, read_html

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
#: What warcio raises on damaged input (AttributeError: a record cut inside its headers).
WARC_FAILURES = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    EOFError,
    OSError,
    zlib.error,
    ValueError,
    AttributeError,
)


def read_warc(stream: BinaryIO, *, source: str, key: str | None) -> Iterator[Article | ReadError]:
    """The articles of a WARC (plain or gzipped), streamed record by record.

    A damaged archive ends with one E011 error after the articles read before
    the damage.
    """
    archive = ArchiveIterator(stream)
    records = iter(archive)
    number = 0
    while True:
        offset = archive.offset
        try:
            record = next(records, None)
            if record is None:
                break
            number += 1
            payload = _html_payload(record)
            offset = archive.get_record_offset()  # reads the rest of the record
        except WARC_FAILURES as err:
            yield _damaged(source, f"cannot read the record at offset {offset}: {err or type(err).__name__}", offset)
            return
        if not _has_length(record) or getattr(record.raw_stream, "limit", 0) > 0:
            yield _damaged(source, f"record {number} at offset {offset} is truncated", offset)
            return
        if payload is not None:
            yield _record_article(record, payload, number=number, offset=offset, source=source, key=key)
    end = archive.fh.tell()
    if end > archive.offset:  # warcio stops quietly at a record cut inside its headers
        yield _damaged(source, f"incomplete record at offset {archive.offset}", archive.offset)
    elif number == 0:
        yield ReadError(source, Errors.E001)
    if archive.err_count:
        yield _damaged(source, f"{archive.err_count} record(s) with a wrong Content-Length", None)


def _has_length(record: ArcWarcRecord) -> bool:
    """Whether the record declares its length (a record cut inside its headers may not)."""
    declared = record.rec_headers.get_header("Content-Length") or ""
    return declared.strip().isdigit()


def _html_payload(record: ArcWarcRecord) -> bytes | None:
    """The (de-chunked, decompressed) body of an HTML 2xx response record, else ``None``."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    mime, _ = content_type(record.http_headers.get_header("Content-Type"))
    if not status.startswith("2") or mime not in HTML_TYPES:
        return None
    payload: bytes = record.content_stream().read()
    return payload


def _record_article(
    record: ArcWarcRecord, payload: bytes, *, number: int, offset: int, source: str, key: str | None
) -> Article | ReadError:
    """The article of one HTML response record, or why it is not one."""
    url = record.rec_headers.get_header("WARC-Target-URI") or None
    _, charset = content_type(record.http_headers.get_header("Content-Type"))
    try:
        markup = decode_html(payload, charset)
        return read_html(markup, source=source, key=record_key(key, number), url=url)
    except InputError as err:
        return ReadError(source, str(err), f"offset {offset}")


def content_type(value: str | None) -> tuple[str, str | None]:
    """``(mime type, charset or None)`` of a Content-Type header value."""
    if not value:
        return "", None
    mime, *params = value.split(";")
    charset = None
    for param in params:
        name, _, setting = param.partition("=")
        if name.strip().lower() == "charset" and setting.strip().strip("\"'"):
            charset = setting.strip().strip("\"'")
    return mime.strip().lower(), charset


def _damaged(source: str, detail: str, offset: int | None) -> ReadError:
    return ReadError(source, Errors.E011.format(detail=detail), None if offset is None else f"offset {offset}")
