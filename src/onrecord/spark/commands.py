"""``onrecord spark``: the Spark job from onrecord's command line.

Imports nothing heavy at module level: the CLI imports this module on every
run, with or without pyspark installed.
"""

from __future__ import annotations

import sys

import click

from ..options import rules_only_option, scope_option

EXIT_OK, EXIT_INPUT_ERRORS, EXIT_USAGE = 0, 1, 2


class OutputExists(click.ClickException):
    """The output folder exists and ``--overwrite`` was not given: a usage error."""

    exit_code = EXIT_USAGE


def _validate_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A click callback accepting only a real YYYY-MM-DD date."""
    import re
    from datetime import date

    from ..errors import Errors

    if value is None:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as err:
            raise click.BadParameter(Errors.E009.format(value=value)) from err
    raise click.BadParameter(Errors.E009.format(value=value))


def _parse_conf(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    conf: dict[str, str] = {}
    for item in values:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}")
        conf[key.strip()] = value
    return conf


@click.command("spark")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("--output", "-o", required=True, help="Output folder (local path or Hadoop URL).")
@click.option(
    "--master", default="local[*]", show_default=True, help="Spark master: local[N], yarn, spark://HOST:PORT, k8s://..."
)
@click.option("--model", default=None, help="spaCy pipeline the executors load (default: the bundled English one).")
@click.option("--batch-size", type=click.IntRange(min=1), default=16, show_default=True, help="Texts per spaCy batch.")
@click.option(
    "--partitions", type=click.IntRange(min=1), default=None, help="Extraction partitions (default: 3 per core)."
)
@click.option("--text/--no-text", "keep_text", default=True, show_default=True, help="Keep article texts in articles/.")
@click.option("--date", callback=_validate_date, help="Date (YYYY-MM-DD) of articles that carry none.")
@click.option("--overwrite", is_flag=True, help="Replace an existing output folder.")
@click.option(
    "--max-file-bytes", type=click.IntRange(min=1), default=None, help="Larger files are failures (default 512 MiB)."
)
@rules_only_option
@scope_option
@click.option(
    "--conf", "conf", multiple=True, callback=_parse_conf, metavar="KEY=VALUE", help="More Spark settings (repeatable)."
)
def spark_command(
    inputs: tuple[str, ...],
    output: str,
    master: str,
    model: str | None,
    batch_size: int,
    partitions: int | None,
    keep_text: bool,
    date: str | None,
    overwrite: bool,
    max_file_bytes: int | None,
    rules_only: bool,
    scope: str,
    conf: dict[str, str],
) -> None:
    """Extract the articles of INPUT... with Spark into Parquet under --output.

    INPUT: .txt, .json/.jsonl, .html, .warc(.gz) files, directories (walked
    recursively) and globs, local or on any Hadoop filesystem (hdfs://,
    s3a://...); names ending in .parquet are Parquet datasets with a text
    column. Writes quotes/, people/, articles/ (partitioned by date) and
    failures/. Exit status 1 if anything failed (named on standard error).
    """
    if "-" in inputs:
        raise click.UsageError("the Spark job cannot read standard input; give files or URLs")
    try:
        import pyspark  # noqa: F401 - only to tell the user what is missing
    except ModuleNotFoundError:
        raise click.UsageError("pyspark is not installed: pip install 'onrecord[spark]'") from None
    from .job import JobOptions, report, run_job
    from .session import active_session, build_session

    options = JobOptions(
        model=model,
        batch_size=batch_size,
        partitions=partitions,
        keep_text=keep_text,
        default_date=date,
        overwrite=overwrite,
        max_file_bytes=max_file_bytes,
        learned=not rules_only,
        scope=scope,
    )
    owned = active_session() is None
    spark = build_session(master, app_name="onrecord", conf=conf)
    try:
        summary = run_job(spark, list(inputs), output, options)
    except FileExistsError as err:
        raise OutputExists(str(err)) from None
    finally:
        if owned:
            spark.stop()
    report(summary, err=sys.stderr)
    sys.exit(EXIT_INPUT_ERRORS if summary.failure_count else EXIT_OK)


COMMANDS = (spark_command,)
