"""The ``onrecord serve`` command: the web pages and the HTTP API over a corpus."""

from __future__ import annotations

import click

from ..options import rules_only_option, scope_option

#: Exit status of a command that was itself wrong (as in :mod:`onrecord.cli`).
EXIT_USAGE = 2


class DatabaseError(click.ClickException):
    """The database cannot be used: exit status 2."""

    exit_code = EXIT_USAGE


@click.command()
@click.option("--db", "db", metavar="URL", default=None,
              help="Database URL (default: $ONRECORD_DB, else sqlite:///onrecord.db).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback exposes the corpus to the network.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@rules_only_option
@scope_option
def serve(db: str | None, host: str, port: int, rules_only: bool, scope: str) -> None:
    """Serve the web pages and the HTTP API (OpenAPI at /openapi.json).

    --rules-only and --scope set how POST /api/extract and the /extract page extract.
    """
    import uvicorn

    from .app import create_app
    from .data import StoreError, resolve_db_url
    from .extracting import extractor_factory

    try:
        app = create_app(resolve_db_url(db), extractor_factory=extractor_factory(learned=not rules_only, scope=scope))
    except StoreError as err:
        raise DatabaseError(str(err)) from None
    click.echo(f"onrecord: serving http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")


COMMANDS = (serve,)
