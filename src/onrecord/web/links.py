"""Addresses of the pages, and the only external links the pages may carry."""

from __future__ import annotations

from collections.abc import Mapping
from urllib.parse import quote, urlencode, urlsplit


def person_href(person_id: int) -> str:
    """The page of the person ``person_id``."""
    return f"/people/{int(person_id)}"


def article_href(article_id: str, quote_id: int | None = None) -> str:
    """The page of the article ``article_id`` (any characters), optionally at the stored quotation ``quote_id``."""
    href = "/articles/" + quote(article_id, safe="")
    return href if quote_id is None else f"{href}#{quote_anchor(quote_id)}"


def quote_anchor(quote_id: int) -> str:
    """The ``id`` of a stored quotation's first highlighted piece on its article's page."""
    return f"quote-{int(quote_id)}"


def external_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http(s) URL, else ``None``: nothing else becomes a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def with_query(path: str, params: Mapping[str, object]) -> str:
    """``path`` with the non-empty ``params`` as its query string."""
    kept = {k: v for k, v in params.items() if v not in (None, "", False)}
    return f"{path}?{urlencode(kept)}" if kept else path
