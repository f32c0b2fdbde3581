"""Query parameters shared by the API and the pages: cleaning and checking them."""

from __future__ import annotations

import re
from datetime import date as Date

from ..errors import Errors
from .data import QuoteFilters
from .errors import BadParameter

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def clean(value: str | None) -> str | None:
    """``value`` stripped, or ``None`` when nothing is left (an empty form field)."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def parse_day(value: str | None, name: str) -> Date | None:
    """A ``YYYY-MM-DD`` date, or ``None`` when absent.

    :raises BadParameter: (E009) anything else.
    """
    value = clean(value)
    if value is None:
        return None
    try:
        if not _DAY.fullmatch(value):
            raise ValueError(value)
        return Date.fromisoformat(value)
    except ValueError:
        raise BadParameter(f"{name}: {Errors.E009.format(value=value)}") from None


def quote_filters(
    speaker: str | None = None,
    query: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    first_seen: bool = False,
) -> QuoteFilters:
    """The filters of a quotation search, from raw parameters.

    :raises BadParameter: a date is malformed, or ``since`` is after ``until``.
    """
    first, last = parse_day(since, "since"), parse_day(until, "until")
    if first is not None and last is not None and first > last:
        raise BadParameter(f"since ({first.isoformat()}) is after until ({last.isoformat()})")
    return QuoteFilters(speaker=clean(speaker), query=clean(query), since=first, until=last,
                        outlet=clean(outlet), first_seen=first_seen)
