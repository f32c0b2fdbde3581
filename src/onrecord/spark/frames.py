"""Extraction on Spark DataFrames: articles in, quotations, people and failures out.

>>> frames = extract_frames(spark.read.parquet("articles.parquet"))  # doctest: +SKIP
>>> frames.quotes.where("array_contains(speaker_people, 'Andrew Scott')").show()  # doctest: +SKIP

The model is loaded once per Python worker (see
:func:`onrecord.spark.worker.get_extractor`); its name travels to the
workers inside the mapped function, never through a global. pyspark is
imported by the functions that need it, so this module imports without it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..api import DEFAULT_MODEL
from .schema import ARTICLE_COLUMNS, ARTICLE_SCHEMA, QUOTE_TYPE, RESULT_SCHEMA, spark_schema
from .worker import extract_batches

if TYPE_CHECKING:
    from pyspark.sql import Column, DataFrame


@dataclass(frozen=True)
class QuoteFrames:
    """The outputs of :func:`extract_frames`, all selected from ``results``.

    Extraction runs once per action on any of them unless :meth:`persist` is
    called first; do so before using more than one.
    """

    results: DataFrame  #: one row per input row, quotations and people nested
    quotes: DataFrame  #: one row per quotation, contract fields flattened
    people: DataFrame  #: one row per person of an article
    articles: DataFrame  #: one row per article extracted
    failures: DataFrame  #: one row per input row that failed, with its reason

    def persist(self) -> QuoteFrames:
        """Keep ``results`` (memory, spilling to disk) so extraction runs once."""
        from pyspark import StorageLevel

        self.results.persist(StorageLevel.MEMORY_AND_DISK)
        return self

    def unpersist(self) -> None:
        """Release what :meth:`persist` kept."""
        self.results.unpersist()


def extract_frames(
    articles: DataFrame,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    keep_text: bool = True,
    partitions: int | None = None,
    default_date: str | None = None,
    learned: bool = True,
    scope: str = "speech",
) -> QuoteFrames:
    """Extract the quotations of a DataFrame of articles.

    :param articles: a ``text`` column (string), and optionally ``id``,
        ``date`` (``YYYY-MM-DD`` string, or a date/timestamp), ``title``,
        ``url``, ``outlet``, ``source``; other columns are ignored. Rows
        without ``id`` get :func:`onrecord.api.text_id` of their text.
    :param model: the spaCy pipeline each worker loads (it must be installed
        on the executors).
    :param batch_size: texts per batch given to spaCy.
    :param keep_text: keep each article's text in ``articles`` (and
        ``results``); a database loaded from the output needs it.
    :param partitions: repartition the articles into this many partitions
        first (round robin), to spread skewed input over the executors.
    :param default_date: the date of articles that carry none.
    :param learned: run the learned span tagger beside the rules.
    :param scope: what counts as an attribution (see :data:`onrecord.pipeline.tables.SCOPES`).
    :returns: the lazy DataFrames; see :class:`QuoteFrames`.
    """
    results = extract_results(
        articles,
        model=model,
        batch_size=batch_size,
        keep_text=keep_text,
        partitions=partitions,
        default_date=default_date,
        learned=learned,
        scope=scope,
    )
    return frames_from_results(results)


def frames_from_results(results: DataFrame) -> QuoteFrames:
    """The flat DataFrames of nested :data:`~onrecord.spark.schema.RESULT_SCHEMA` rows."""
    return QuoteFrames(
        results=results,
        quotes=quotes_frame(results),
        people=people_frame(results),
        articles=articles_frame(results),
        failures=failures_frame(results),
    )


def extract_results(
    articles: DataFrame,
    *,
    model: str = DEFAULT_MODEL,
    batch_size: int = 16,
    keep_text: bool = True,
    partitions: int | None = None,
    default_date: str | None = None,
    learned: bool = True,
    scope: str = "speech",
) -> DataFrame:
    """One nested :data:`~onrecord.spark.schema.RESULT_SCHEMA` row per article row.

    The parameters are those of :func:`extract_frames`.
    """
    prepared = prepare_articles(articles, default_date=default_date)
    if partitions is not None:
        prepared = prepared.repartition(partitions)
    mapper = partial(
        extract_batches, model=model, batch_size=batch_size, keep_text=keep_text, learned=learned, scope=scope
    )
    return prepared.mapInArrow(mapper, spark_schema(RESULT_SCHEMA))


def prepare_articles(articles: DataFrame, *, default_date: str | None = None) -> DataFrame:
    """The columns of :data:`~onrecord.spark.schema.ARTICLE_SCHEMA`, as strings.

    Missing optional columns become nulls; a date or timestamp ``date``
    becomes ``YYYY-MM-DD``.

    :raises ValueError: if there is no ``text`` column.
    """
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, TimestampNTZType, TimestampType

    if "text" not in articles.columns:
        raise ValueError(f"articles need a 'text' column; the columns are {articles.columns}")
    types = {field.name: field.dataType for field in articles.schema.fields}
    columns: list[Column] = []
    for name in ARTICLE_SCHEMA.names:
        if name not in types:
            column = F.lit(None).cast("string")
        elif name == "date" and isinstance(types[name], (DateType, TimestampType, TimestampNTZType)):
            column = F.date_format(F.col(name), "yyyy-MM-dd")
        else:
            column = F.col(name).cast("string")
        columns.append(column.alias(name))
    prepared = articles.select(*columns)
    if default_date is None:
        return prepared
    dated = F.when(F.col("error").isNull(), F.coalesce(F.col("date"), F.lit(default_date))).otherwise(F.col("date"))
    return prepared.withColumn("date", dated)


def quotes_frame(results: DataFrame) -> DataFrame:
    """One row per quotation: the contract's fields flattened, with the article's."""
    from pyspark.sql import functions as F

    exploded = results.where(F.col("error").isNull()).select(
        "article_id", "date", "outlet", "url", "title", F.posexplode("quotes").alias("quote_index", "q")
    )
    return exploded.select(
        "article_id",
        "date",
        "quote_index",
        *(F.col(f"q.{name}").alias(name) for name in QUOTE_TYPE.names),
        "outlet",
        "url",
        "title",
    )


def people_frame(results: DataFrame) -> DataFrame:
    """One row per person of an article: name, roles, mentions, gender."""
    from pyspark.sql import functions as F

    exploded = results.where(F.col("error").isNull()).select(
        "article_id", "date", F.posexplode("people").alias("person_index", "p")
    )
    return exploded.select("article_id", "date", "person_index", "p.name", "p.roles", "p.mentions", "p.gender")


def articles_frame(results: DataFrame) -> DataFrame:
    """One row per article extracted, with its counts of quotations and people."""
    from pyspark.sql import functions as F

    counts = {"n_quotes": F.size("quotes"), "n_people": F.size("people")}
    columns = [counts[c].alias(c) if c in counts else F.col(c) for c in ARTICLE_COLUMNS]
    return results.where(F.col("error").isNull()).select(*columns)


def failures_frame(results: DataFrame) -> DataFrame:
    """One row per input or article that failed, with its reason."""
    from pyspark.sql import functions as F

    return results.where(F.col("error").isNotNull()).select(
        "source", "location", "article_id", "date", F.col("error").alias("reason")
    )
