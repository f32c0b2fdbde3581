"""Database URLs, engines and schema migrations.

SQLite is the default backend: WAL is switched on as each connection opens
(outside any transaction), sqlite3's own transaction handling is replaced by
explicit ``BEGIN`` (``BEGIN IMMEDIATE`` for writes, so a writer never has to
upgrade a read lock), and foreign keys are enforced. A ``postgresql://`` URL
is mapped to the psycopg 3 driver. Migrations live in
``onrecord/store/migrations`` and are applied by :func:`migrate` whenever a
store is opened.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event, exc
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.pool import StaticPool

from ..errors import OnrecordError

#: Environment variable naming the database when ``--db`` is not given.
DB_ENV = "ONRECORD_DB"
#: The database used when neither ``--db`` nor ``ONRECORD_DB`` is given.
DEFAULT_DB_URL = "sqlite:///onrecord.db"
#: Execution option marking a connection whose transactions will write.
WRITE_OPTION = "onrecord_write"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"
#: Key of the PostgreSQL advisory lock held while migrating.
_PG_MIGRATION_LOCK = 0x6F6E7265  # "onre"


class StoreError(OnrecordError):
    """The database cannot be used: bad URL, unreachable server, broken schema."""


def resolve_db_url(option: str | None, environ: dict[str, str] | None = None) -> str:
    """The database URL to use: ``option``, else ``$ONRECORD_DB``, else ``sqlite:///onrecord.db``.

    :param option: the value of ``--db``, if given.
    :param environ: the environment to read (default: ``os.environ``).
    """
    env = os.environ if environ is None else environ
    for candidate in (option, env.get(DB_ENV)):
        if candidate and candidate.strip():
            return candidate.strip()
    return DEFAULT_DB_URL


def normalize_url(url: str) -> URL:
    """Parse ``url``, mapping ``postgresql://`` and ``postgres://`` to psycopg 3.

    :raises StoreError: when the URL is malformed or names an unsupported backend.
    """
    text = url.strip()
    if text.startswith("postgres://"):
        text = "postgresql://" + text[len("postgres://"):]
    try:
        parsed = make_url(text)
    except exc.ArgumentError as err:
        raise StoreError(f"invalid database URL {url!r}: {err}") from None
    backend = parsed.get_backend_name()
    if backend == "postgresql":
        if parsed.drivername in ("postgresql", "postgresql+psycopg"):
            return parsed.set(drivername="postgresql+psycopg")
        raise StoreError(f"unsupported PostgreSQL driver in {url!r}: use postgresql://")
    if backend == "sqlite":
        if parsed.drivername != "sqlite":
            raise StoreError(f"unsupported SQLite driver in {url!r}: use sqlite:///PATH")
        return parsed
    raise StoreError(f"unsupported database URL {url!r}: expected sqlite:///PATH or postgresql://...")


def create_engine(url: str) -> Engine:
    """An engine for ``url`` with onrecord's connection settings (not yet connected)."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(parsed)
    connect_args: dict[str, Any] = {}
    if "connect_timeout" not in parsed.query:
        connect_args["connect_timeout"] = 10
    return sa.create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory and not url.query.get("uri"):
        parent = Path(database).expanduser().resolve().parent
        if not parent.is_dir():
            raise StoreError(f"cannot open SQLite database {database!r}: no directory {str(parent)!r}")
    kwargs: dict[str, Any] = {"connect_args": {"timeout": 30}}
    if in_memory:
        kwargs = {"connect_args": {"check_same_thread": False}, "poolclass": StaticPool}
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take BEGIN away from sqlite3; we emit it ourselves in _on_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # No transaction is open yet: journal_mode can only change outside one.
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=30000")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def check_connection(engine: Engine) -> None:
    """Connect once, turning driver errors into a :class:`StoreError` that names the database."""
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
    except exc.DBAPIError as err:
        shown = engine.url.set(drivername=engine.url.get_backend_name())
        where = shown.render_as_string(hide_password=True)
        detail = str(err.orig).strip().splitlines()[0] if err.orig is not None else str(err)
        raise StoreError(f"cannot connect to database {where}: {detail}") from None


def migrate(engine: Engine) -> str:
    """Bring the schema to the newest revision shipped with onrecord; return that revision.

    On PostgreSQL an advisory lock serialises concurrent openers; on SQLite
    the migration runs inside one ``BEGIN IMMEDIATE`` transaction.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    if head is None:
        raise StoreError("no schema migrations shipped: the package is incomplete")
    with engine.connect() as probe:
        current = MigrationContext.configure(probe).get_current_revision()
    if current == head:
        return head
    known = {script.revision for script in scripts.walk_revisions()}
    if current is not None and current not in known:
        raise StoreError(f"the database's schema (revision {current}) is newer than this onrecord knows "
                         f"(up to {head}): upgrade onrecord")
    with engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
    return head
