"""Alembic environment of onrecord's store.

onrecord runs migrations itself (see :func:`onrecord.store.engine.migrate`),
passing an open connection in ``config.attributes["connection"]``. To write a
new revision from a checkout::

    alembic -c /dev/null -x url=sqlite:///scratch.db revision -m "..." \\
        --version-path src/onrecord/store/migrations/versions
"""

from __future__ import annotations

from alembic import context

from onrecord.store.engine import create_engine
from onrecord.store.schema import metadata


def run_migrations() -> None:
    """Run the pending migrations on the given connection, or on ``-x url=...``."""
    connection = context.config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise RuntimeError("pass the database with: alembic -x url=DATABASE_URL ...")
    engine = create_engine(url)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run_migrations()
