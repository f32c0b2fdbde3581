"""HTML pages: the main text and metadata, through trafilatura."""

from __future__ import annotations

import re

from lxml.etree import LxmlError
from trafilatura import bare_extraction
from trafilatura.settings import Document

from ..errors import Errors, InputError
from ..records import Article
from .fields import article_id, normalise_date
from .text import decode

#: ``<meta charset="...">`` or ``<meta http-equiv=... content="...; charset=...">``.
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_SNIFF_BYTES = 4096


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a ``<meta>`` tag near its start, if any."""
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    return None if match is None else match.group(1).decode("ascii")


def decode_html(data: bytes, declared: str | None = None) -> str:
    """Decode a page: byte-order mark, else ``declared`` (e.g. HTTP), else ``<meta>``, else UTF-8/detection.

    :raises InputError: as :func:`onrecord.readers.text.decode`.
    """
    return decode(data, declared or meta_charset(data))


def read_html(markup: str, *, source: str, key: str | None, url: str | None = None) -> Article:
    """The article in an HTML page: its main text (boilerplate removed) and metadata.

    :param url: the page's address when known from outside (a WARC record);
        otherwise the page's own canonical url, if it names one.
    :raises InputError: E010 if the page has no main text, E008 if it cannot be parsed.
    """
    try:
        document = bare_extraction(markup, url=url, with_metadata=True, include_comments=False)
    except (LxmlError, ValueError, TypeError) as err:
        raise InputError(Errors.E008.format(detail=f"HTML: {err}")) from err
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise InputError(Errors.E010)
    text = document.text
    page_url = url or document.url
    return Article(
        text=text,
        id=article_id(None, page_url, key, text),
        date=_page_date(document.date),
        title=document.title or None,
        url=page_url or None,
        outlet=document.sitename or None,
        source=source,
    )


def _page_date(value: str | None) -> str | None:
    """A page's metadata date as ``YYYY-MM-DD``; a date that cannot be read is no date."""
    try:
        return normalise_date(value)
    except ValueError:
        return None
