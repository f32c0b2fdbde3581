"""Article ids and dates: the fields every reader fills the same way."""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime
from urllib.parse import urlsplit

_SLUG_UNSAFE = re.compile(r"[^a-z0-9]+")
_SLUG_MAX = 60
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: ``2023-11-22T10:30:00Z``: Python < 3.11 reads the offset only as ``+00:00``.
_ZULU = re.compile(r"[zZ]$")


def text_id(text: str) -> str:
    """A stable id for an article known only by its text.

    Lives here, not in :mod:`onrecord.api` (which re-exports it), so that
    reading articles does not import spaCy.
    """
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def url_id(url: str) -> str:
    """A stable, readable id for the article at ``url``: a slug and a short hash.

    ``https://www.example.com/news/a-b.html`` -> ``example-com-news-a-b-html-<8 hex>``.
    """
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    slug = _SLUG_UNSAFE.sub("-", f"{host}{parts.path}".lower()).strip("-")
    slug = slug[:_SLUG_MAX].rstrip("-") or "url"
    digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:8]
    return f"{slug}-{digest}"


def article_id(given: str | None, url: str | None, key: str | None, text: str) -> str:
    """The article's id: the one it carries, else from its url, else its path key, else its text."""
    if given:
        return given
    if url:
        return url_id(url)
    if key:
        return key
    return text_id(text)


def record_key(key: str | None, number: int) -> str | None:
    """The path key of record ``number`` (1-based) inside a multi-article file."""
    return None if key is None else f"{key}-{number}"


def normalise_date(value: object) -> str | None:
    """``value`` as ``YYYY-MM-DD``; ``None`` stays ``None``.

    Accepts an ISO date or date-time string (``2023-11-22``,
    ``2023-11-22T10:30:00Z``).

    :raises ValueError: if ``value`` is not a date.
    """
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"not a string: {value!r}")
    text = value.strip()
    if _DATE.fullmatch(text):
        return date.fromisoformat(text).isoformat()
    return datetime.fromisoformat(_ZULU.sub("+00:00", text)).date().isoformat()


def strict_date(value: str) -> str:
    """``value`` itself if it is a valid ``YYYY-MM-DD`` date.

    :raises ValueError: otherwise.
    """
    if not _DATE.fullmatch(value):
        raise ValueError(f"not YYYY-MM-DD: {value!r}")
    return date.fromisoformat(value).isoformat()
