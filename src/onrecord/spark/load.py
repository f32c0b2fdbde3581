"""Read a Spark job's Parquet output back as :class:`~onrecord.records.Extraction` objects.

Needs pyarrow only, not Spark, so the output of a cluster job can be loaded
into a database from any machine::

    for extraction in read_output("out/"):
        store.add(extraction)

The output is read one date partition at a time, so memory holds one day's
articles, not the whole output.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds

from ..errors import ReadError
from ..records import Addressee, Article, Cue, Extraction, Person, Quote, Speaker

#: The folder name Hive (and Spark) give the partition of rows whose value is null.
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
#: The datasets a job writes under its output folder.
DATASETS = ("articles", "quotes", "people", "failures")


class OutputError(ValueError):
    """A folder that is not the output of ``onrecord spark``."""


def read_output(directory: str | os.PathLike[str]) -> Iterator[Extraction]:
    """The extractions of a job's output folder, one per article, date by date.

    Articles come with their quotations (in their original order), people and
    organisations; ``article.text`` is the text if the job kept it
    (``--keep-text``), else ``""``. Failures are not extractions: read them
    with :func:`read_failures`.

    :param directory: the job's ``--output``: a local path or a URI pyarrow
        understands (``s3://``, ``gs://``, ``hdfs://``).
    :raises OutputError: if ``directory`` has no ``articles`` dataset.
    """
    articles = _dataset(directory, "articles")
    quotes = _dataset(directory, "quotes")
    people = _dataset(directory, "people")
    dates = articles.to_table(columns=["date"]).column("date").unique().to_pylist()
    for day in sorted(dates, key=lambda d: (d is None, d or "")):
        where = ds.field("date").is_null() if day is None else ds.field("date") == day
        yield from _extractions(
            articles.to_table(filter=where).to_pylist(),
            _by_article(quotes.to_table(filter=where).to_pylist(), "quote_index"),
            _by_article(people.to_table(filter=where).to_pylist(), "person_index"),
        )


def read_failures(directory: str | os.PathLike[str]) -> Iterator[ReadError]:
    """The failures of a job, as the :class:`ReadError` objects local reading gives.

    An article given without a source (a DataFrame row) is named by its id.
    """
    for row in _dataset(directory, "failures").to_table().to_pylist():
        yield ReadError(row["source"] or row["article_id"] or "-", row["reason"], row["location"])


def _dataset(directory: str | os.PathLike[str], name: str) -> ds.Dataset:
    root = os.fspath(directory).rstrip("/")
    partitioning = ds.HivePartitioning(pa.schema([("date", pa.string())]), null_fallback=NULL_PARTITION)
    try:
        return ds.dataset(f"{root}/{name}", format="parquet", partitioning=partitioning)
    except FileNotFoundError as err:
        raise OutputError(f"{root} is not the output of 'onrecord spark': no {name}/ in it") from err


def _by_article(rows: list[dict[str, Any]], index: str) -> dict[str, list[dict[str, Any]]]:
    """Rows grouped by article, in their original order, each position once."""
    grouped: dict[str, dict[int, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        grouped[row["article_id"]][row[index]] = row
    return {key: [rows[i] for i in sorted(rows)] for key, rows in grouped.items()}


def _extractions(
    articles: list[dict[str, Any]],
    quotes: dict[str, list[dict[str, Any]]],
    people: dict[str, list[dict[str, Any]]],
) -> Iterator[Extraction]:
    seen: set[str] = set()
    for row in articles:
        key = row["article_id"]
        if key in seen:  # the same article read twice is one extraction
            continue
        seen.add(key)
        article = Article(
            text=row.get("text") or "",
            id=key,
            date=row.get("date"),
            title=row.get("title"),
            url=row.get("url"),
            outlet=row.get("outlet"),
            source=row.get("source"),
        )
        yield Extraction(
            article=article,
            quotes=[quote_from_row(q) for q in quotes.get(key, [])],
            people=[person_from_row(p) for p in people.get(key, [])],
            organizations=list(row.get("organizations") or []),
        )


def _span(value: list[int] | None) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def quote_from_row(row: dict[str, Any]) -> Quote:
    """The :class:`Quote` of one ``quotes/`` row."""
    cue_span, speaker_span, addressee_span = (
        _span(row.get("cue_span")),
        _span(row.get("speaker_span")),
        _span(row.get("addressee_span")),
    )
    return Quote(
        kind=row["kind"],
        text=row["text"],
        spans=[(int(s), int(e)) for s, e in row["spans"]],
        cue=None if cue_span is None else Cue(row["cue_text"], cue_span),
        speaker=None
        if speaker_span is None
        else Speaker(
            row["speaker_text"],
            speaker_span,
            list(row.get("speaker_people") or []),
            list(row.get("speaker_organizations") or []),
        ),
        addressee=None if addressee_span is None else Addressee(row["addressee_text"], addressee_span),
        confidence=float(row["confidence"]),
    )


def person_from_row(row: dict[str, Any]) -> Person:
    """The :class:`Person` of one ``people/`` row."""
    return Person(
        name=row["name"],
        roles=list(row.get("roles") or []),
        mentions=[(int(s), int(e)) for s, e in row.get("mentions") or []],
        gender=row.get("gender"),
    )
