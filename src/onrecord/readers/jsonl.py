"""JSON and JSON Lines: one article per object.

Three layouts are read: JSON Lines (one object per line, streamed line by
line, a bad line reported and skipped), a JSON list, and one or more
pretty-printed objects (``{`` alone on the first line). The last two are read
whole. Every error names the line the bad record starts on.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

from ..errors import Errors, InputError, ReadError
from ..records import Article
from .fields import article_id, normalise_date, record_key
from .sniff import head_text
from .text import bom_codec, decode

_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_SURROGATE = Errors.E003.format(detail="a lone surrogate escape in a JSON string")


def read_json(stream: BinaryIO, head: bytes, *, source: str, key: str | None) -> Iterator[Article | ReadError]:
    """The articles of a JSON or JSON Lines input.

    :param stream: the input, positioned at its start.
    :param head: its first bytes (at least the first few KB, or all of it).
    :param key: the path key records' ids derive from (``None`` for stdin).
    """
    layout = _layout(head)
    wide = bom_codec(head) not in (None, "utf-8-sig") or b"\x00" in head
    if layout == "lines" and not wide:
        yield from _read_lines(stream, source=source, key=key)
        return
    try:
        text = decode(stream.read())
    except InputError as err:
        yield ReadError(source, str(err))
        return
    if layout == "lines":
        yield from _read_lines(text.split("\n"), source=source, key=key)
    else:
        yield from _read_whole(text, in_list=layout == "list", source=source, key=key)


def _layout(head: bytes) -> str:
    """``"list"``, ``"values"`` (pretty-printed objects) or ``"lines"``, from the input's first bytes."""
    sample = head_text(head)
    if sample.startswith("["):
        return "list"
    if sample.split("\n", 1)[0].strip() == "{":
        return "values"
    return "lines"


def _read_lines(lines: Iterable[bytes | str], *, source: str, key: str | None) -> Iterator[Article | ReadError]:
    """JSON Lines, one line at a time: a bad line is reported with its number and skipped."""
    number = 0
    for lineno, raw in enumerate(lines, 1):
        location = f"line {lineno}"
        if isinstance(raw, bytes):
            if lineno == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as err:
                number += 1
                detail = f"not UTF-8 ({err.reason} at byte {err.start})"
                yield ReadError(source, Errors.E004.format(line=lineno, detail=detail), location)
                continue
        else:
            line = raw
        if not line.strip():
            continue
        number += 1
        try:
            value = json.loads(line)
        except json.JSONDecodeError as err:
            detail = f"{err.msg} (column {err.colno})"
            yield ReadError(source, Errors.E004.format(line=lineno, detail=detail), location)
            continue
        yield record_article(value, number=number, line=lineno, source=source, key=key)
    if number == 0:
        yield ReadError(source, Errors.E001)


def _read_whole(text: str, *, in_list: bool, source: str, key: str | None) -> Iterator[Article | ReadError]:
    """A JSON list, or concatenated values: read in order until the first syntax error."""
    number = 0
    try:
        for line, value in _scan(text, in_list=in_list):
            number += 1
            yield record_article(value, number=number, line=line, source=source, key=key)
    except json.JSONDecodeError as err:
        detail = f"{err.msg} (column {err.colno})"
        yield ReadError(source, Errors.E004.format(line=err.lineno, detail=detail), f"line {err.lineno}")


def _scan(text: str, *, in_list: bool) -> Iterator[tuple[int, Any]]:
    """``(line, value)`` for each element of a JSON list, or each of concatenated JSON values.

    :raises json.JSONDecodeError: at the first syntax error.
    """
    decoder = json.JSONDecoder()
    pos = _skip(text, 0)
    if in_list:
        pos = _skip(text, pos + 1)  # past "["
    line, counted = 1, 0
    while pos < len(text):
        if in_list and text.startswith("]", pos):
            end = _skip(text, pos + 1)
            if end < len(text):
                raise json.JSONDecodeError("Extra data", text, end)
            return
        line += text.count("\n", counted, pos)
        counted = pos
        value, end = decoder.raw_decode(text, pos)
        yield line, value
        pos = _skip(text, end)
        if in_list:
            if text.startswith(",", pos):
                pos = _skip(text, pos + 1)
                if text.startswith("]", pos):
                    raise json.JSONDecodeError("Expecting value", text, pos)
            elif not text.startswith("]", pos):
                raise json.JSONDecodeError("Expecting ',' delimiter", text, pos)
    if in_list:
        raise json.JSONDecodeError("Expecting ']'", text, pos)


def _skip(text: str, pos: int) -> int:
    """The position of the first non-whitespace character at or after ``pos``."""
    match = _JSON_SPACE.match(text, pos)
    return pos if match is None else match.end()


def record_article(value: Any, *, number: int, line: int, source: str, key: str | None) -> Article | ReadError:
    """The article of one JSON record, or why it is not one.

    :param number: the record's number in its input (1-based), for its id.
    :param line: the line it starts on, for error messages.
    """
    location = f"line {line}"
    if not isinstance(value, dict) or not isinstance(value.get("text"), str):
        return ReadError(source, Errors.E005.format(line=line), location)
    text = value["text"]
    if not text.strip():
        return ReadError(source, Errors.E001, location)
    raw_date = value.get("date")
    try:
        day = normalise_date(raw_date or None)
    except ValueError:
        return ReadError(source, Errors.E009.format(value=raw_date), location)
    url = _optional(value.get("url"))
    article = Article(
        text=text,
        id=article_id(_optional(value.get("id")), url, record_key(key, number), text),
        date=day,
        title=_optional(value.get("title")),
        url=url,
        outlet=_optional(value.get("outlet")),
        source=source,
    )
    if not _encodable(article):
        return ReadError(source, _SURROGATE, location)
    return article


def _optional(value: Any) -> str | None:
    """An optional string field: strings and numbers kept (as strings), anything else is absent."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return value or None
    return None


def _encodable(article: Article) -> bool:
    """Whether every string of the article is valid Unicode (JSON escapes may hold lone surrogates)."""
    fields = (article.text, article.id, article.title, article.url, article.outlet)
    try:
        for field in fields:
            if field is not None:
                field.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
