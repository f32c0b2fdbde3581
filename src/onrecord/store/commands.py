"""The corpus commands: ``ingest``, ``quotes``, ``people``, ``failures`` and ``export``.

Each one resolves the database (``--db``, else ``$ONRECORD_DB``, else
``sqlite:///onrecord.db``), opens a :class:`~onrecord.store.Store`, calls one
library method and prints. An unusable database exits with status 2; inputs
that fail exit with status 1 after everything else is stored.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import Errors
from ..options import rules_only_option, scope_option

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress

    from .core import Store

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


class DatabaseError(click.ClickException):
    """The database cannot be used: the command itself was wrong, exit status 2."""

    exit_code = EXIT_USAGE


def _iso_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise click.BadParameter(Errors.E009.format(value=value)) from None


db_option = click.option("--db", "db", metavar="URL", default=None,
                         help="Database URL (default: $ONRECORD_DB, else sqlite:///onrecord.db).")


def open_store(db: str | None) -> Store:
    """Open the database named by ``--db``/``$ONRECORD_DB``, or fail with exit status 2."""
    from .core import Store
    from .engine import StoreError, resolve_db_url

    try:
        return Store.open(resolve_db_url(db))
    except StoreError as err:
        raise DatabaseError(str(err)) from None


@contextmanager
def opened_store(db: str | None) -> Iterator[Store]:
    """The store, closed afterwards; a database error on the way is exit status 2, not a traceback."""
    from sqlalchemy.exc import DBAPIError

    store = open_store(db)
    try:
        yield store
    except DBAPIError as err:
        detail = str(err.orig if err.orig is not None else err).strip()
        raise DatabaseError(f"database error: {detail.splitlines()[0] if detail else type(err).__name__}") from None
    finally:
        store.close()


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Extraction processes (default: one per core).")
@click.option("--date", callback=_iso_date, help="Date (YYYY-MM-DD) of articles that carry none.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles written per transaction.")
@click.option("--model", default=None, help="spaCy pipeline to use (default: the bundled English one).")
@rules_only_option
@scope_option
@click.option("--from-parquet", is_flag=True,
              help="PATHS are output folders of `onrecord spark`: store their extractions as they are.")
def ingest(paths: tuple[str, ...], db: str | None, workers: int | None, date: str | None, batch_size: int,
           model: str | None, rules_only: bool, scope: str, from_parquet: bool) -> None:
    """Extract the articles in PATHS (files, directories or -) and store them.

    Articles already stored with the same content, extracted with the same
    --model, --scope and --rules-only, are skipped without being extracted again, so an
    interrupted run can simply be repeated; with other settings they are
    extracted again and replaced. Named inputs are read once beforehand, to
    count them for the progress bar. With --from-parquet, PATHS are folders
    written by `onrecord spark`.
    """
    from ..readers import iter_articles
    from .ingest import IngestError, IngestOptions, default_workers
    from .ingest import ingest as run_ingest

    if from_parquet:
        if model or rules_only or scope != "speech":
            raise click.UsageError("--from-parquet stores extractions as they were made: "
                                   "--model, --rules-only and --scope do not apply")
        _ingest_parquet(paths, db, batch_size)
        return
    stdin = sys.stdin.buffer if "-" in paths else None
    with opened_store(db) as store:
        total = None if stdin is not None else sum(1 for _ in iter_articles(paths, default_date=date))
        n_workers = workers or default_workers()
        if total is not None and workers is None:
            n_workers = max(1, min(n_workers, -(-total // 8)))
        options = IngestOptions(workers=n_workers, batch_size=batch_size, model=model, learned=not rules_only,
                                scope=scope)
        try:
            with _progress(_stderr()) as progress:
                task = progress.add_task("ingesting", total=total)
                summary = run_ingest(
                    store, iter_articles(paths, stdin=stdin, default_date=date), options,
                    on_progress=lambda n: progress.advance(task, n),
                    on_failure=lambda err: click.echo(f"onrecord: {err}", err=True),
                )
        except IngestError as err:
            raise click.ClickException(str(err)) from None
    rate = summary.processed / summary.seconds if summary.seconds else 0.0
    click.echo(
        f"onrecord: {summary.added} added, {summary.replaced} replaced, {summary.skipped} unchanged, "
        f"{summary.failed} failed in {summary.seconds:.1f} s ({rate:.1f} articles/s, {n_workers} worker(s))",
        err=True,
    )
    sys.exit(EXIT_INPUT_ERRORS if summary.failed else EXIT_OK)


def _ingest_parquet(folders: tuple[str, ...], db: str | None, batch_size: int) -> None:
    """Store the extractions of Spark output folders (see ``onrecord spark``)."""
    from itertools import chain

    from ..spark.load import read_failures, read_output
    from .ingest import IngestOptions, store_results

    missing = [f for f in folders if not Path(f, "articles").is_dir() and not Path(f, "quotes").is_dir()]
    if missing:
        raise click.UsageError(f"not an `onrecord spark` output folder: {', '.join(missing)}")
    results = chain.from_iterable(chain(read_output(f), read_failures(f)) for f in folders)
    with opened_store(db) as store:
        summary = store_results(store, results, IngestOptions(workers=1, batch_size=batch_size),
                                on_failure=lambda err: click.echo(f"onrecord: {err}", err=True))
    click.echo(f"onrecord: {summary.added} added, {summary.replaced} replaced, {summary.skipped} unchanged, "
               f"{summary.failed} failed in {summary.seconds:.1f} s", err=True)
    sys.exit(EXIT_INPUT_ERRORS if summary.failed else EXIT_OK)


def _progress(console: Console) -> Progress:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        """Articles per second."""

        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("… articles/s" if speed is None else f"{speed:.1f} articles/s")

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), RateColumn(),
                    TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console)


@click.command()
@db_option
@click.option("--speaker", help="Full name or surname of the speaker, any case.")
@click.option("--query", help="Words (or \"quoted phrases\") the quotation must contain.")
@click.option("--since", callback=_iso_date, help="Earliest date, YYYY-MM-DD.")
@click.option("--until", callback=_iso_date, help="Latest date, YYYY-MM-DD.")
@click.option("--outlet", help="Only quotations from this outlet.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--first-seen", is_flag=True, help="Only the first appearance of each repeated quotation.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per quotation per line.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row.")
def quotes(db: str | None, speaker: str | None, query: str | None, since: str | None, until: str | None,
           outlet: str | None, limit: int, offset: int, first_seen: bool, as_json: bool, as_csv: bool) -> None:
    """Print stored quotations, newest first."""
    if as_json and as_csv:
        raise click.UsageError("--json and --csv exclude each other")
    with opened_store(db) as store:
        rows, total = store.quotes(speaker=speaker, query=query, since=since, until=until, outlet=outlet,
                                   limit=limit, offset=offset, first_seen=first_seen)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif as_csv:
        _echo_csv(rows)
    else:
        _print_quotes(rows, total, offset)


def _echo_csv(rows: list[dict[str, Any]]) -> None:
    import csv
    import io

    from .export import FLAT_COLUMNS, csv_record, flat_row

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FLAT_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(csv_record(flat_row(row)))
    click.echo(buffer.getvalue(), nl=False)


def _print_quotes(rows: list[dict[str, Any]], total: int, offset: int) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=True)
    for column in ("date", "speaker", "quotation", "outlet"):
        table.add_column(column, overflow="fold")
    for row in rows:
        speaker = row["speaker"] or {}
        who = ", ".join(speaker.get("people") or []) or speaker.get("text") or "?"
        text = f"“{row['text']}”" if row["kind"] == "direct" else row["text"]
        table.add_row(row["date"] or "", who, text, row["outlet"] or "")
    console = Console(highlight=False)
    console.print(table)
    shown = f"{offset + 1}–{offset + len(rows)}" if rows else "none"
    console.print(f"{shown} of {total} quotation(s)", markup=False)


@click.command()
@db_option
@click.option("--query", help="Part of the name, any case.")
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per person per line.")
def people(db: str | None, query: str | None, limit: int, offset: int, as_json: bool) -> None:
    """Print stored people, most quoted first."""
    with opened_store(db) as store:
        rows, total = store.people(limit=limit, offset=offset, query=query)
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table()
    for column in ("id", "name", "roles", "quotations", "outlets", "first", "last"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(str(row["id"]), row["name"], ", ".join(row["roles"]), str(row["quotations"]),
                      ", ".join(row["outlets"]), row["first_date"] or "", row["last_date"] or "")
    console = Console(highlight=False)
    console.print(table)
    console.print(f"{len(rows)} of {total} people", markup=False)


@click.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="One JSON object per failure per line.")
def failures(db: str | None, as_json: bool) -> None:
    """Print the inputs that could not be ingested, and why."""
    with opened_store(db) as store:
        rows = store.failures()
    for row in rows:
        if as_json:
            click.echo(json.dumps(row, ensure_ascii=False))
        else:
            where = f"{row['path']}:{row['location']}" if row["location"] else row["path"]
            click.echo(f"{where}: {row['reason']} ({row['time']})")


@click.command()
@click.argument("out", type=click.Path(dir_okay=False, writable=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default=None,
              help="Output format (default: from OUT's suffix).")
@db_option
def export(out: Path, fmt: str | None, db: str | None) -> None:
    """Write every stored quotation to OUT as JSON Lines, CSV or Parquet."""
    from .export import FORMATS, ExportError
    from .export import export as write

    fmt = fmt or out.suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise click.UsageError(f"cannot tell the format of {str(out)!r}: give --format jsonl, csv or parquet")
    with opened_store(db) as store:
        try:
            n = write(store.iter_quotes(), fmt, out)  # type: ignore[arg-type]
        except ExportError as err:
            raise click.ClickException(str(err)) from None
    click.echo(f"onrecord: {n} quotation(s) written to {out}", err=True)


COMMANDS = (ingest, quotes, people, failures, export)
