"""The web layer's one door to the database: every call into :mod:`onrecord.store` is here.

Routes and pages talk to a :class:`Corpus`; if the store's API changes,
only this module has to follow.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from ..store import Store, StoreError, resolve_db_url

__all__ = ["Corpus", "QuoteFilters", "StoreError", "resolve_db_url"]

#: At most this many of one person's quotations are read to draw their timeline.
TIMELINE_CAP = 5000
_PAGE = 500


@dataclass(frozen=True)
class QuoteFilters:
    """What a quotation search selects; ``None`` fields select everything."""

    speaker: str | None = None
    query: str | None = None
    since: Date | None = None
    until: Date | None = None
    outlet: str | None = None
    first_seen: bool = False

    @property
    def active(self) -> bool:
        """Whether any filter is set."""
        return any(v is not None for v in (self.speaker, self.query, self.since, self.until, self.outlet)) \
            or self.first_seen


@dataclass(frozen=True)
class Timeline:
    """When and where a person was quoted: dates of their quotations and counts per outlet."""

    dates: list[Date]
    undated: int
    outlets: list[tuple[str, int]]
    truncated: bool


class Corpus:
    """Read access to a :class:`~onrecord.store.Store` for the web app.

    :param store: an open store; :meth:`close` closes it.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    @classmethod
    def open(cls, db_url: str) -> Corpus:
        """Open the database at ``db_url``.

        :raises StoreError: the URL is malformed or the database unusable.
        """
        return cls(Store.open(db_url))

    def close(self) -> None:
        """Release the database connections."""
        self._store.close()

    def quotes(self, filters: QuoteFilters, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """One page of matching quotations, newest first, and their total."""
        return self._store.quotes(
            speaker=filters.speaker, query=filters.query, since=filters.since, until=filters.until,
            outlet=filters.outlet, limit=limit, offset=offset, first_seen=filters.first_seen,
        )

    def people(self, limit: int, offset: int, query: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """One page of people, most quoted first, and their total."""
        return self._store.people(limit=limit, offset=offset, query=query)

    def person(self, person_id: int) -> dict[str, Any] | None:
        """One person with their newest quotations and the people they mention; ``None`` if unknown."""
        return self._store.person(person_id)

    def person_quotes(self, person_id: int, limit: int, offset: int) -> tuple[list[dict[str, Any]], int]:
        """One page of a person's quotations, newest first, and their total."""
        return self._store.quotes(person_id=person_id, limit=limit, offset=offset)

    def person_timeline(self, person_id: int) -> Timeline:
        """The dates and outlets of a person's quotations (the newest :data:`TIMELINE_CAP` of them)."""
        dates: list[Date] = []
        outlets: Counter[str] = Counter()
        undated = 0
        offset = 0
        total = 0
        while offset < TIMELINE_CAP:
            rows, total = self._store.quotes(person_id=person_id, limit=_PAGE, offset=offset)
            for row in rows:
                if row.get("date"):
                    dates.append(Date.fromisoformat(row["date"]))
                else:
                    undated += 1
                if row.get("outlet"):
                    outlets[row["outlet"]] += 1
            offset += len(rows)
            if len(rows) < _PAGE:
                break
        ranked = sorted(outlets.items(), key=lambda item: (-item[1], item[0].lower()))
        return Timeline(dates=dates, undated=undated, outlets=ranked, truncated=total > offset)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """One article with its text, quotations and people; ``None`` if unknown."""
        return self._store.article(article_id)

    def stats(self) -> dict[str, Any]:
        """Counts, most-quoted people and quotations per ISO week."""
        return self._store.stats()
