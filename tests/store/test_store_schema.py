"""The schema: migrations match the metadata, SQLite runs in WAL with FTS5 kept in sync."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from onrecord.errors import ReadError
from onrecord.store import Store, StoreError
from onrecord.store.engine import MIGRATIONS_DIR, normalize_url
from onrecord.store.schema import metadata

_BACKEND_ONLY = {"quotations_fts", "ix_quotations_text_tsv", "ix_quotations_date_desc", "text_tsv",
                 "ix_quotation_speakers_person_date_desc"}


def _include(obj: object, name: str | None, kind: str, reflected: bool, _compare_to: object) -> bool:
    return not (name or "").startswith("quotations_fts") and name not in _BACKEND_ONLY and name != "alembic_version"


def test_store_schema_migrations_match_metadata(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _include})
        assert compare_metadata(context, metadata) == []
        assert context.get_current_revision() is not None


def test_store_schema_migrations_are_package_data() -> None:
    assert (MIGRATIONS_DIR / "env.py").is_file()
    assert sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))[0].startswith("0001")


def test_store_schema_sqlite_wal_and_fts(tmp_path: Path, extraction_factory) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    with Store.open(url) as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        store.add(extraction_factory("a1", [("Jane Roe", "Bridges are expensive to maintain.")]))
        store.add(extraction_factory("a1", [("Jane Roe", "Tunnels are cheaper in the long run.")]))
        with store.engine.connect() as conn:
            integrity = "INSERT INTO quotations_fts(quotations_fts, rank) VALUES ('integrity-check', 1)"
            conn.exec_driver_sql(integrity)  # raises if the index and the table disagree
            hits = conn.exec_driver_sql("SELECT rowid FROM quotations_fts WHERE quotations_fts MATCH 'bridges'")
            assert hits.all() == []


def test_store_schema_postgres_url_uses_psycopg() -> None:
    assert normalize_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert normalize_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError, match="unsupported"):
        normalize_url("postgresql+psycopg2://u@h/db")


def test_store_schema_failures_once(store: Store) -> None:
    store.record_failure(ReadError("a.txt", "[E001] empty input: no text in it"))
    store.record_failure(ReadError("a.txt", "[E001] empty input: no text in it"))
    store.record_failure(ReadError("b.jsonl", "[E004] malformed JSON on line 2: x", "line 2"))
    rows = store.failures()
    assert [(r["path"], r["location"]) for r in rows] == [("a.txt", None), ("b.jsonl", "line 2")]
    assert store.stats()["failures"] == 2


def test_store_schema_failure_cleared_when_source_ingested(store: Store, extraction_factory) -> None:
    store.record_failure(ReadError("a1.txt", "[E001] empty input: no text in it"))
    store.add(extraction_factory("a1", [("Jane Roe", "Fixed now.")]))  # its source is a1.txt
    assert store.failures() == []


def test_store_schema_open_twice_does_not_migrate_again(db_url: str) -> None:
    with Store.open(db_url) as first, first.engine.connect() as conn:
        before = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one()
    with Store.open(db_url) as second, second.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one() == before
