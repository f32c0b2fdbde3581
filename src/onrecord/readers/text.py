"""Bytes to text, and plain-text articles with their optional ``date`` header."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from ..errors import Errors, InputError
from ..records import Article
from .fields import article_id, strict_date

#: Byte-order marks and their codecs; UTF-32 first, as its LE mark starts with UTF-16's.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Charsets whose declarations browsers read as windows-1252 (WHATWG Encoding).
_AS_CP1252 = {"latin_1", "iso8859_1", "ascii"}
#: Among equally good guesses, the Western codecs news in English is most often in.
_PREFERRED = ("cp1252", "iso8859_15", "latin_1")
_WIDE = ("utf_16", "utf_32")
_TIE = 0.01
#: ``date YYYY-MM-DD`` (or something shaped like it) opening a text, then whitespace.
_HEADER = re.compile(r"\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?=\s|\Z)\s*")


def bom_codec(data: bytes) -> str | None:
    """The codec named by ``data``'s byte-order mark, if it has one."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return codec
    return None


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode an input's bytes: byte-order mark, else ``declared``, else UTF-8, else detection.

    :param declared: a charset the container names (HTTP header, ``<meta>``);
        ignored when unknown or when the bytes do not decode with it.
    :raises InputError: E001 (empty), E002 (binary) or E003 (undecodable).
    """
    text = _decode(data, declared)
    if not text.strip():
        raise InputError(Errors.E001)
    return text


def _decode(data: bytes, declared: str | None) -> str:
    codec = bom_codec(data)
    if codec is not None:
        try:
            return data.decode(codec)
        except UnicodeDecodeError as err:
            raise InputError(Errors.E003.format(detail=f"{codec}: {err.reason} at byte {err.start}")) from err
    if declared is not None:
        text = _try_declared(data, declared)
        if text is not None:
            return text
    if b"\x00" in data:  # valid UTF-8 too, but only UTF-16/32 text has NULs
        return _detect(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data)


def _try_declared(data: bytes, declared: str) -> str | None:
    """``data`` decoded with the declared charset, or ``None`` if it is unknown or wrong."""
    try:
        name = codecs.lookup(declared.strip().strip("\"'")).name.replace("-", "_")
    except LookupError:
        return None
    name = "cp1252" if name in _AS_CP1252 else name
    if name.startswith(_WIDE) != (b"\x00" in data):  # e.g. a page that calls its UTF-8 "utf-16"
        return None
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _detect(data: bytes) -> str:
    """Guess the encoding of bytes that are not UTF-8 (charset-normalizer, Western-biased on ties)."""
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(Errors.E002.format(detail="no text encoding fits its bytes"))
    best = matches[0]
    if b"\x00" in data and not best.encoding.startswith(_WIDE):
        raise InputError(Errors.E002.format(detail="it contains NUL bytes"))
    ties = {m.encoding: m for m in matches if m.chaos <= best.chaos + _TIE and m.coherence >= best.coherence - _TIE}
    chosen = next((ties[name] for name in _PREFERRED if name in ties), best)
    return str(chosen)


def split_header(text: str) -> tuple[str | None, str]:
    """Split off a leading ``date YYYY-MM-DD`` header: ``(date or None, text)``.

    Without a header the text comes back unchanged; with one, the text starts
    at the first non-space character after it.

    :raises InputError: E009 if the header's date is not a valid date.
    """
    match = _HEADER.match(text)
    if match is None:
        return None, text
    value = match.group(1)
    try:
        day = strict_date(value)
    except ValueError as err:
        raise InputError(Errors.E009.format(value=value)) from err
    return day, text[match.end() :]


def read_text(data: bytes, *, source: str, key: str | None) -> Article:
    """A plain-text article (a ``.txt`` file or text on standard input).

    :raises InputError: if the bytes are not text, or hold no text, or the header is wrong.
    """
    day, text = split_header(decode(data))
    if not text.strip():
        raise InputError(Errors.E001)
    return Article(text=text, id=article_id(None, None, key, text), date=day, source=source)
