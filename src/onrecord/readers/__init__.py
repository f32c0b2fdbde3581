"""Articles in: files, directories and standard input, read as :class:`~onrecord.records.Article`.

:func:`iter_articles` is the entry point. Bad inputs (and bad records inside
an input) come out as :class:`~onrecord.errors.ReadError` in their place, and
reading goes on with the rest.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import Errors, InputError, ReadError
from ..records import Article
from .fields import strict_date, text_id, url_id
from .html import decode_html, read_html
from .jsonl import read_json
from .paths import FORMATS, InputFile, expand
from .sniff import peek, sniff
from .text import read_text
from .warc import read_warc

STDIN = "-"

__all__ = ["FORMATS", "STDIN", "iter_articles", "read_bytes", "read_stream", "text_id", "url_id"]


def iter_articles(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, default_date: str | None = None
) -> Iterator[Article | ReadError]:
    """Read the articles of ``paths``: files, directories (walked recursively) or ``"-"``.

    :param paths: as given on the command line; each is read in turn.
    :param stdin: the binary stream ``"-"`` reads (default: the process's standard input).
    :param default_date: ``YYYY-MM-DD`` date of the articles that carry none.
    :raises ValueError: at once if ``default_date`` is not a valid date; bad
        inputs are never raised but yielded as :class:`ReadError`.
    """
    if default_date is not None:
        try:
            strict_date(default_date)
        except ValueError as err:
            raise ValueError(Errors.E009.format(value=default_date)) from err
    return _iter_articles(list(paths), stdin, default_date)


def _iter_articles(paths: list[str], stdin: BinaryIO | None, default_date: str | None) -> Iterator[Article | ReadError]:
    for path in paths:
        items = (
            read_stream(sys.stdin.buffer if stdin is None else stdin, source=STDIN)
            if path == STDIN
            else _read_path(path)
        )
        for item in items:
            if isinstance(item, Article) and item.date is None:
                item.date = default_date
            yield item


def _read_path(path: str) -> Iterator[Article | ReadError]:
    for entry in expand(path):
        if isinstance(entry, ReadError):
            yield entry
        else:
            yield from _read_file(entry)


def _read_file(entry: InputFile) -> Iterator[Article | ReadError]:
    try:
        with open(entry.path, "rb") as stream:
            head, stream_at_start = peek(stream)
            yield from _read(stream_at_start, head, entry.format, source=entry.path, key=entry.key)
    except OSError as err:
        yield ReadError(entry.path, Errors.E008.format(detail=err.strerror or err))


def read_stream(stream: BinaryIO, *, source: str = STDIN, key: str | None = None) -> Iterator[Article | ReadError]:
    """Read an unnamed binary stream, recognising its format by content.

    JSON if it starts with ``{`` or ``[``, WARC if with ``WARC/`` or gzip's
    magic number, HTML if with ``<``, else plain text.
    """
    try:
        head, stream_at_start = peek(stream)
        yield from _read(stream_at_start, head, sniff(head), source=source, key=key)
    except OSError as err:
        yield ReadError(source, Errors.E008.format(detail=err.strerror or err))


def read_bytes(data: bytes, *, kind: str, source: str, key: str | None = None) -> Iterator[Article | ReadError]:
    """Read an input's bytes as ``kind`` (``text``, ``json``, ``html``, ``warc``), as files are read.

    For inputs that arrive as bytes rather than files (a Spark ``binaryFile`` row, say).
    """
    head, stream = peek(io.BytesIO(data))
    yield from _read(stream, head, kind, source=source, key=key)


def _read(stream: BinaryIO, head: bytes, kind: str, *, source: str, key: str | None) -> Iterator[Article | ReadError]:
    """Dispatch to the reader of ``kind``; whole-input errors become one :class:`ReadError`."""
    if kind == "json":
        yield from read_json(stream, head, source=source, key=key)
    elif kind == "warc":
        yield from read_warc(stream, source=source, key=key)
    else:
        try:
            data = stream.read()
            if kind == "html":
                yield read_html(decode_html(data), source=source, key=key)
            else:
                yield read_text(data, source=source, key=key)
        except InputError as err:
            yield ReadError(source, str(err))
