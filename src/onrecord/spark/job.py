"""The Spark job: read inputs, extract, write Parquet partitioned by date.

(Imports are absolute: ``spark-submit`` runs this file as a script.)

Run it as ``onrecord spark INPUT... --output DIR`` or with ``spark-submit``::

    spark-submit --master yarn path/to/onrecord/spark/job.py INPUT... --output DIR

The output folder holds four Parquet datasets:

* ``quotes/``: one row per quotation (the contract's fields flattened),
  partitioned by ``date``;
* ``people/``: one row per person of an article, partitioned by ``date``;
* ``articles/``: one row per article extracted (metadata, text, counts),
  partitioned by ``date``;
* ``failures/``: one row per input, record or article that failed, with its
  reason (not partitioned: failures often have no date).

Articles without a date land in Hive's ``date=__HIVE_DEFAULT_PARTITION__``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from onrecord.errors import Errors, ReadError
from onrecord.pipeline.tables import SCOPES

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

    from onrecord.spark.frames import QuoteFrames

#: How many failures a job brings back to the driver to report.
REPORTED_FAILURES = 50
#: Extraction partitions per core of the cluster when not given.
PARTITIONS_PER_CORE = 3


@dataclass(frozen=True)
class JobOptions:
    """How to run the job (everything the workers need travels from here).

    :param model: the spaCy pipeline the workers load (installed on them).
    :param batch_size: texts per batch given to spaCy.
    :param partitions: extraction partitions; default: 3 per core.
    :param keep_text: keep article texts in ``articles/`` (needed to load a
        database with the texts).
    :param default_date: the date of articles that carry none.
    :param overwrite: replace an existing output folder.
    :param max_file_bytes: files larger than this are failures.
    :param learned: run the learned span tagger beside the rules.
    :param scope: what counts as an attribution (see :data:`onrecord.pipeline.tables.SCOPES`).
    """

    model: str | None = None
    batch_size: int = 16
    partitions: int | None = None
    keep_text: bool = True
    default_date: str | None = None
    overwrite: bool = False
    max_file_bytes: int | None = None
    learned: bool = True
    scope: str = "speech"


@dataclass
class JobSummary:
    """What a job did."""

    output: str
    articles: int
    quotes: int
    people: int
    failure_count: int
    failures: list[ReadError] = field(default_factory=list)  #: the first few, to report


def run_job(spark: SparkSession, inputs: Sequence[str], output: str, options: JobOptions = JobOptions()) -> JobSummary:
    """Extract the articles of ``inputs`` and write the datasets under ``output``.

    Bad inputs and records go to ``failures/``; they never stop the job.

    :param inputs: files, directories, globs: local paths or Hadoop URLs.
    :param output: the output folder (local path or Hadoop URL).
    :raises FileExistsError: if ``output`` exists and ``options.overwrite``
        is false (checked before any work is done).
    """
    from onrecord.api import DEFAULT_MODEL
    from onrecord.spark.frames import extract_frames
    from onrecord.spark.sources import MAX_FILE_BYTES, read_inputs

    if not options.overwrite and output_exists(spark, output):
        raise FileExistsError(f"the output folder {output} exists; give --overwrite to replace it")
    articles = read_inputs(spark, inputs, max_file_bytes=options.max_file_bytes or MAX_FILE_BYTES)
    partitions = options.partitions or max(2, spark.sparkContext.defaultParallelism * PARTITIONS_PER_CORE)
    frames = extract_frames(
        articles,
        model=options.model or DEFAULT_MODEL,
        batch_size=options.batch_size,
        keep_text=options.keep_text,
        partitions=partitions,
        default_date=options.default_date,
        learned=options.learned,
        scope=options.scope,
    ).persist()
    try:
        write_output(frames, output, overwrite=options.overwrite)
        return summarise(frames, output)
    finally:
        frames.unpersist()


def output_exists(spark: SparkSession, output: str) -> bool:
    """Whether ``output`` exists, on whichever filesystem its URL names."""
    from onrecord.spark.session import hadoop_path

    filesystem, path = hadoop_path(spark, output)
    return bool(filesystem.exists(path))


def write_output(frames: QuoteFrames, output: str, *, overwrite: bool = False) -> None:
    """Write ``quotes/``, ``people/``, ``articles/`` (by date) and ``failures/`` under ``output``.

    Rows are rebalanced by date before writing (Spark's ``REBALANCE`` hint,
    sized by adaptive execution), so each date gets a few files of a
    reasonable size rather than one small file per extraction partition.
    """
    mode = "overwrite" if overwrite else "errorifexists"
    root = output.rstrip("/")
    for name, frame in (("articles", frames.articles), ("quotes", frames.quotes), ("people", frames.people)):
        frame.hint("rebalance", "date").write.mode(mode).partitionBy("date").parquet(f"{root}/{name}")
    frames.failures.coalesce(1).write.mode(mode).parquet(f"{root}/failures")


def summarise(frames: QuoteFrames, output: str) -> JobSummary:
    """Count what the job found (from the persisted results) and fetch the first failures."""
    from pyspark.sql import functions as F

    ok = F.col("error").isNull()
    counts = frames.results.agg(
        F.count(F.when(ok, 1)).alias("articles"),
        F.coalesce(F.sum(F.when(ok, F.size("quotes"))), F.lit(0)).alias("quotes"),
        F.coalesce(F.sum(F.when(ok, F.size("people"))), F.lit(0)).alias("people"),
        F.count(F.when(~ok, 1)).alias("failures"),
    ).collect()[0]
    failures = [
        ReadError(row["source"] or row["article_id"] or "-", row["reason"], row["location"])
        for row in frames.failures.limit(REPORTED_FAILURES).collect()
    ]
    return JobSummary(
        output=output,
        articles=int(counts["articles"]),
        quotes=int(counts["quotes"]),
        people=int(counts["people"]),
        failure_count=int(counts["failures"]),
        failures=failures,
    )


def report(summary: JobSummary, err: TextIO = sys.stderr) -> None:
    """Name the failures on ``err`` (the first few), then what was written."""
    for failure in summary.failures:
        print(f"onrecord: {failure}", file=err)
    hidden = summary.failure_count - len(summary.failures)
    if hidden > 0:
        print(f"onrecord: ... and {hidden} more failures (see {summary.output}/failures)", file=err)
    print(
        f"onrecord: {summary.articles} articles, {summary.quotes} quotations, {summary.people} people"
        f" written to {summary.output}; {summary.failure_count} failures",
        file=err,
    )


def iso_date(value: str) -> str:
    """An argparse type accepting only YYYY-MM-DD."""
    from onrecord.spark.worker import is_iso_date

    if not is_iso_date(value):
        raise argparse.ArgumentTypeError(Errors.E009.format(value=value))
    return value


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The ``spark-submit`` command line (the options of ``onrecord spark``, less ``--master``)."""
    parser = argparse.ArgumentParser(prog="onrecord-spark", description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, globs (local or Hadoop URLs)")
    parser.add_argument("--output", "-o", required=True, help="output folder (local path or Hadoop URL)")
    parser.add_argument("--model", default=None, help="spaCy pipeline installed on the executors")
    parser.add_argument("--batch-size", type=int, default=16, help="texts per spaCy batch (default 16)")
    parser.add_argument("--partitions", type=int, default=None, help="extraction partitions (default 3 per core)")
    parser.add_argument("--no-text", dest="keep_text", action="store_false", help="leave article texts out")
    parser.add_argument("--date", type=iso_date, default=None, help="date (YYYY-MM-DD) of articles that carry none")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing output folder")
    parser.add_argument("--max-file-bytes", type=int, default=None, help="larger files are failures (default 512 MiB)")
    parser.add_argument("--rules-only", action="store_true", help="skip the learned span tagger")
    parser.add_argument("--scope", choices=SCOPES, default="speech", help="what counts as an attribution (default speech)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point under ``spark-submit``: the session comes from its settings.

    :returns: the exit status: 0, or 1 if anything failed (see ``failures/``).
    """
    from onrecord.spark.session import build_session

    args = parse_args(argv)
    options = JobOptions(
        model=args.model,
        batch_size=args.batch_size,
        partitions=args.partitions,
        keep_text=args.keep_text,
        default_date=args.date,
        overwrite=args.overwrite,
        max_file_bytes=args.max_file_bytes,
        learned=not args.rules_only,
        scope=args.scope,
    )
    spark = build_session(app_name="onrecord")
    try:
        summary = run_job(spark, args.inputs, args.output, options)
    finally:
        spark.stop()
    report(summary)
    return 1 if summary.failure_count else 0


if __name__ == "__main__":
    sys.exit(main())
