"""The :class:`Store`: onrecord's corpus of extractions in SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date
from types import TracebackType
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine

from ..errors import ReadError
from ..records import Extraction
from . import queries, writer
from .engine import WRITE_OPTION, StoreError, check_connection, create_engine, migrate
from .writer import AddResult


class Store:
    """A database of articles, quotations and people.

    Open with :meth:`open`; the schema is created or migrated on opening.
    Every write method runs in one transaction of its own; every read method
    reads one consistent snapshot. A store may be shared by threads: each
    call checks a connection out of the engine's pool.

    >>> store = Store.open("sqlite:///corpus.db")   # doctest: +SKIP
    >>> store.add(extraction)                       # doctest: +SKIP
    'added'
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str) -> Store:
        """Connect to ``url`` and bring its schema up to date.

        :param url: ``sqlite:///PATH`` or ``postgresql://USER@HOST/DB``.
        :raises StoreError: the URL is malformed, or the database is unreachable or unusable.
        """
        engine = create_engine(url)
        try:
            check_connection(engine)
            migrate(engine)
        except exc.SQLAlchemyError as err:
            engine.dispose()
            raise StoreError(f"cannot set up the database schema: {err}") from err
        except StoreError:
            engine.dispose()
            raise
        return cls(engine)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def _write(self) -> Connection:
        return self.engine.connect().execution_options(**{WRITE_OPTION: True})

    # -- writing ---------------------------------------------------------

    def add(self, extraction: Extraction, settings: str = "") -> AddResult:
        """Store one extraction.

        :param settings: the extraction settings that are not the default ones (see
            :func:`onrecord.store.writer.content_hash`): an article extracted otherwise is replaced.
        :returns: ``"skipped"`` when the article is stored with the same content
            (text, date, title, url, outlet), ``"replaced"`` when it is stored
            with other content (its old quotations go), else ``"added"``.
        :raises ValueError: the article's date is not YYYY-MM-DD.
        """
        return self.add_many([extraction], settings=settings)[0]

    def add_many(
        self, extractions: Iterable[Extraction], errors: Iterable[ReadError] = (), settings: str = ""
    ) -> list[AddResult]:
        """Store extractions, and record ``errors``, all in one transaction (all or nothing)."""
        with self._write() as conn, conn.begin():
            results = writer.add_all(conn, extractions, settings)
            for err in errors:
                writer.record_failure(conn, err)
        return results

    def record_failure(self, err: ReadError) -> None:
        """Record an input that could not be read or extracted (once per path, location and reason)."""
        with self._write() as conn, conn.begin():
            writer.record_failure(conn, err)

    def delete_article(self, article_id: str) -> bool:
        """Remove an article and what only it contributed; ``False`` if it was not stored."""
        with self._write() as conn, conn.begin():
            if queries.known_hashes(conn, [article_id]):
                writer.delete_article(conn, article_id)
                return True
        return False

    # -- reading ---------------------------------------------------------

    def known_hashes(self, article_ids: Sequence[str]) -> dict[str, str]:
        """The content hashes of those of ``article_ids`` that are stored."""
        with self.engine.connect() as conn:
            return queries.known_hashes(conn, article_ids)

    def quotes(
        self,
        speaker: str | None = None,
        query: str | None = None,
        since: Date | str | None = None,
        until: Date | str | None = None,
        outlet: str | None = None,
        limit: int = 50,
        offset: int = 0,
        first_seen: bool = False,
        person_id: int | None = None,
    ) -> tuple[list[dict[str, Any]], int]:
        """Quotations matching every given filter, newest first, and their total.

        :param speaker: a full name or a surname, any case ("Andrew Scott", "scott").
        :param query: words (or "quoted phrases") that must all occur in the quotation.
        :param since: earliest article date, inclusive (``date`` or YYYY-MM-DD).
        :param until: latest article date, inclusive.
        :param outlet: the outlet, any case.
        :param first_seen: only each quotation's first appearance (earliest article of its group).
        :param person_id: only quotations of this person (see :meth:`people`).
        :returns: rows as in ``extract --json`` plus ``id``, ``article_id``, ``date``,
            ``title``, ``url``, ``outlet``, ``group_id``, ``first_seen`` and
            ``speaker.person_ids``; and the number of matching quotations.
        :raises ValueError: ``since`` or ``until`` is a string but not YYYY-MM-DD (E009).
        """
        flt = queries.QuoteFilter(speaker=speaker, query=query, since=_as_date(since), until=_as_date(until),
                                  outlet=outlet, person_id=person_id, first_seen=first_seen)
        with self.engine.connect() as conn:
            return queries.quote_rows(conn, flt, limit, offset)

    def iter_quotes(self, batch: int = 1000) -> Iterator[dict[str, Any]]:
        """Every quotation (rows as :meth:`quotes` gives), in storage order."""
        with self.engine.connect() as conn:
            yield from queries.iter_all_quotes(conn, batch)

    def people(self, limit: int = 50, offset: int = 0, query: str | None = None) -> tuple[list[dict[str, Any]], int]:
        """People, most quoted first, and their total.

        :param query: part of the name, any case.
        :returns: rows of ``id``, ``name``, ``roles``, ``quotations`` (a count),
            ``articles`` (a count), ``outlets``, ``first_date``, ``last_date``.
        """
        with self.engine.connect() as conn:
            return queries.people_rows(conn, limit, offset, query)

    def person(self, person_id: int, quote_limit: int = 50) -> dict[str, Any] | None:
        """A person as :meth:`people` lists them, plus ``quotes`` (their newest
        ``quote_limit`` quotations) and ``mentioned`` (people named inside their
        quotations: ``id``, ``name``, ``quotations``); ``None`` if unknown."""
        with self.engine.connect() as conn:
            return queries.person_detail(conn, person_id, quote_limit)

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article with ``text``, ``quotes`` (in order) and ``people``; ``None`` if unknown."""
        with self.engine.connect() as conn:
            return queries.article_detail(conn, article_id)

    def stats(self) -> dict[str, Any]:
        """Counts of articles, quotations, people and failures; ``top_people``; quotations per ISO ``weeks``."""
        with self.engine.connect() as conn:
            return queries.stats(conn)

    def failures(self) -> list[dict[str, Any]]:
        """Recorded failures (``path``, ``location``, ``reason``, ``time``), oldest first."""
        with self.engine.connect() as conn:
            return queries.failure_rows(conn)


def _as_date(value: Date | str | None) -> Date | None:
    if value is None or isinstance(value, Date):
        return value
    return writer.parse_date(value)
