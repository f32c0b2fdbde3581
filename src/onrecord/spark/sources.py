"""Reading input files with Spark: local paths or any Hadoop filesystem URL.

Files are read by Spark (``binaryFile``), so ``hdfs://``, ``s3a://``,
``gs://``... work wherever the cluster can read them, and parsed in the
Python workers by the very functions of :mod:`onrecord.readers` that local
reading uses, with the same ids: a file's key is its stem, or its path under
the directory that was walked, exactly as :func:`onrecord.readers.iter_articles`
derives it. Arguments whose name ends in ``.parquet`` (files, directories,
globs) are Parquet datasets of articles, read by Spark natively.

Every input or record that cannot be read becomes a row with ``error`` set,
never an exception that stops the job.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import pyarrow as pa

from ..errors import Errors, ReadError
from ..readers import read_bytes
from ..records import Article
from .schema import ARTICLE_SCHEMA, spark_schema

if TYPE_CHECKING:
    from pyspark.sql import DataFrame, SparkSession

logger = logging.getLogger(__name__)

#: Files larger than this are refused (Spark cannot hand a file over 2 GiB to Python at all).
MAX_FILE_BYTES = 512 * 1024 * 1024
#: Rows yielded per record batch by the reading stage.
OUTPUT_ROWS = 256
PARQUET_SUFFIX = ".parquet"


@dataclass
class InputPlan:
    """What the driver found the job's input arguments to be.

    Paths are qualified (``file:/data/a.txt``, ``hdfs://nn/data``), as Spark
    names the files it lists.
    """

    files: list[str] = field(default_factory=list)  #: files named, read as their suffix says
    directories: list[str] = field(default_factory=list)  #: walked for files of the known suffixes
    parquet: list[list[str]] = field(default_factory=list)  #: Parquet datasets of articles, one list per argument
    failures: list[ReadError] = field(default_factory=list)  #: arguments missing or of unknown type


def plan_inputs(spark: SparkSession, inputs: Sequence[str]) -> InputPlan:
    """Sort the job's arguments (globs expanded) by how they are read.

    A missing path is E006 and a named file of an unknown type E007, as in
    local reading.
    """
    from ..readers.paths import format_of
    from .session import hadoop_path

    plan = InputPlan()
    for argument in inputs:
        filesystem, path = hadoop_path(spark, argument)
        statuses = filesystem.globStatus(path)
        if not statuses:
            plan.failures.append(ReadError(argument, Errors.E006))
            continue
        parquet: list[str] = []
        for status in statuses:
            name = status.getPath().toString()
            if name.lower().rstrip("/").endswith(PARQUET_SUFFIX):
                parquet.append(name)
            elif status.isDirectory():
                plan.directories.append(name)
            elif format_of(name) is not None:
                plan.files.append(name)
            else:
                suffix = posixpath.splitext(name)[1] or "(none)"
                plan.failures.append(ReadError(local_path(name), Errors.E007.format(suffix=suffix)))
        if parquet:
            plan.parquet.append(parquet)
    return plan


def read_inputs(
    spark: SparkSession,
    inputs: Sequence[str],
    *,
    max_file_bytes: int = MAX_FILE_BYTES,
) -> DataFrame:
    """The articles of ``inputs`` as one DataFrame of :data:`~onrecord.spark.schema.ARTICLE_SCHEMA`.

    Inputs or records that cannot be read are rows with ``error`` set (and
    ``source``/``location`` saying where); give the result to
    :func:`onrecord.spark.frames.extract_frames`, which passes them through
    to its failures.

    :param inputs: files, directories (walked recursively), globs, as local
        paths or Hadoop filesystem URLs; names ending in ``.parquet`` are
        Parquet datasets with a ``text`` column.
    :param max_file_bytes: files larger than this are failures, not read.
    """
    plan = plan_inputs(spark, inputs)
    frames = [_failures_frame(spark, plan.failures)]
    if plan.files:  # keys: their stems, even when also under a directory walked
        frames.append(_read_files(spark, plan.files, (), max_file_bytes))
    if plan.directories:
        frames.append(_read_files(spark, plan.directories, plan.directories, max_file_bytes))
    for datasets in plan.parquet:
        frames.append(_read_parquet(spark, datasets))
    result = frames[0]
    for frame in frames[1:]:
        result = result.unionByName(frame)
    return result


def _failures_frame(spark: SparkSession, failures: list[ReadError]) -> DataFrame:
    rows = [article_row(failure) for failure in failures]
    return spark.createDataFrame(
        [tuple(row.get(name) for name in ARTICLE_SCHEMA.names) for row in rows], schema=spark_schema(ARTICLE_SCHEMA)
    )


def _read_files(spark: SparkSession, paths: list[str], roots: Sequence[str], max_file_bytes: int) -> DataFrame:
    """Files and directories through ``binaryFile``, parsed in the Python workers.

    :param roots: the directories among ``paths``, for the keys of the files under them.
    """
    from pyspark.sql import functions as F

    files = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", known_suffixes_glob())
        .load(paths)
    )
    too_large = files.where(F.col("length") > max_file_bytes).select(
        *(F.lit(None).cast("string").alias(name) for name in ("id", "text", "date", "title", "url", "outlet")),
        F.col("path").alias("source"),
        F.lit(None).cast("string").alias("location"),
        F.concat(
            F.lit(Errors.E008.format(detail="the file has ")),
            F.col("length").cast("string"),
            F.lit(f" bytes, more than the limit of {max_file_bytes}"),
        ).alias("error"),
    )
    parser = partial(parse_files, roots=tuple(roots))
    parsed = (
        files.where(F.col("length") <= max_file_bytes)
        .select("path", "content")
        .mapInArrow(parser, spark_schema(ARTICLE_SCHEMA))
    )
    too_large = too_large.withColumn("source", _local_path_column(F.col("source")))
    return parsed.unionByName(too_large).unionByName(_empty_files(spark, files))


def _empty_files(spark: SparkSession, files: DataFrame) -> DataFrame:
    """E001 failures for the empty files among ``files`` (Spark's scans skip them without a word).

    The files listed (``inputFiles``, empty ones included) less those a
    metadata-only scan sees.
    """
    from pyspark.sql import functions as F

    listed = spark.createDataFrame([(local_path(unquote(name)),) for name in files.inputFiles()], "source string")
    scanned = files.select(_local_path_column(F.col("path")).alias("source"))
    return listed.join(scanned, on="source", how="left_anti").select(
        *(F.lit(None).cast("string").alias(name) for name in ("id", "text", "date", "title", "url", "outlet")),
        "source",
        F.lit(None).cast("string").alias("location"),
        F.lit(Errors.E001).alias("error"),
    )


def _read_parquet(spark: SparkSession, datasets: list[str]) -> DataFrame:
    """Parquet datasets of articles (one argument's); without a ``text`` column they are one failure."""
    from pyspark.sql import functions as F

    from .frames import prepare_articles

    frame = spark.read.parquet(*datasets)
    if "text" not in frame.columns:
        reason = Errors.E008.format(
            detail=f"Parquet input has no 'text' column (its columns: {', '.join(frame.columns)})"
        )
        return _failures_frame(spark, [ReadError(local_path(datasets[0]), reason)])
    if "source" not in frame.columns:
        frame = frame.withColumn("source", _local_path_column(F.col("_metadata.file_path")))
    return prepare_articles(frame)


def known_suffixes_glob() -> str:
    """A Hadoop glob of the file names onrecord reads, in any letter case: ``*.{[tT][xX][tT],...}``."""
    from ..readers.paths import FORMATS

    def any_case(suffix: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix.lstrip("."))

    return "*.{" + ",".join(any_case(suffix) for suffix, _ in FORMATS) + "}"


def local_path(name: str) -> str:
    """A local file's path without its ``file:`` scheme; other URLs unchanged."""
    if name.startswith("file://"):
        return name[len("file://") :]
    if name.startswith("file:"):
        return name[len("file:") :]
    return name


def _local_path_column(column: Any) -> Any:
    from pyspark.sql import functions as F

    return F.regexp_replace(column, r"^file:(//)?", "")


def file_key(path: str, roots: Sequence[str]) -> tuple[str, str] | None:
    """``(format, key)`` of a listed file, as local reading derives them; ``None`` if not read.

    The key is the path under the walked directory (``/`` joined with ``-``)
    less its suffix, or the stem of a file named on its own.
    """
    from ..readers.paths import format_of

    found = format_of(path)
    if found is None:
        return None
    suffix, kind = found
    for root in sorted(roots, key=len, reverse=True):
        prefix = root.rstrip("/") + "/"
        if path.startswith(prefix):
            return kind, path[len(prefix) : -len(suffix)].replace("/", "-")
    return kind, posixpath.basename(path)[: -len(suffix)]


def parse_files(batches: Iterable[pa.RecordBatch], *, roots: Sequence[str]) -> Iterator[pa.RecordBatch]:
    """Parse ``binaryFile`` rows (``path``, ``content``) into article rows.

    Meant for :meth:`pyspark.sql.DataFrame.mapInArrow`; runs in the workers.

    :param roots: the directories that were walked, for the files' keys.
    """
    rows: list[dict[str, Any]] = []
    for batch in batches:
        paths = batch.column("path").to_pylist()
        contents = batch.column("content")
        for i, path in enumerate(paths):
            for item in parse_file(contents[i].as_py(), path=path, roots=roots):
                rows.append(article_row(item))
                if len(rows) >= OUTPUT_ROWS:
                    yield pa.RecordBatch.from_pylist(rows, schema=ARTICLE_SCHEMA)
                    rows = []
    if rows:
        yield pa.RecordBatch.from_pylist(rows, schema=ARTICLE_SCHEMA)


def parse_file(data: bytes, *, path: str, roots: Sequence[str] = ()) -> Iterator[Article | ReadError]:
    """The articles of one file's bytes, read by :mod:`onrecord.readers` as its suffix says."""
    source = local_path(path)
    found = file_key(path, roots)
    if found is None:
        yield ReadError(source, Errors.E007.format(suffix=posixpath.splitext(path)[1] or "(none)"))
        return
    kind, key = found
    try:
        yield from read_bytes(data, kind=kind, source=source, key=key)
    except Exception as err:  # noqa: BLE001 - a reader's bug must not end the job: it becomes this file's failure
        logger.warning("reading %s failed", source, exc_info=True)
        yield ReadError(source, Errors.E008.format(detail=f"{type(err).__name__}: {err}"))


def article_row(item: Article | ReadError) -> dict[str, Any]:
    """The :data:`~onrecord.spark.schema.ARTICLE_SCHEMA` row of an article or a read error."""
    if isinstance(item, ReadError):
        return {"source": item.source, "location": item.location, "error": item.reason}
    return {
        "id": item.id,
        "text": item.text,
        "date": item.date,
        "title": item.title,
        "url": item.url,
        "outlet": item.outlet,
        "source": item.source,
        "location": None,
        "error": None,
    }
