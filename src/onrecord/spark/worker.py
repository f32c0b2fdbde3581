"""What runs inside Spark's Python workers: articles in, nested results out.

Nothing here imports pyspark; the functions take and yield Arrow record
batches, so they are tested without a cluster. Every setting arrives as an
argument from the driver (bound with :func:`functools.partial`); the only
module state is :func:`get_extractor`'s cache, which loads each model once per
Python worker process and is keyed by the model's name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from datetime import date as _date
from functools import lru_cache
from typing import Any

import pyarrow as pa

from ..api import Extractor, text_id
from ..errors import Errors, ReadError
from ..records import Article, Extraction, Person, Quote
from .schema import RESULT_SCHEMA

logger = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Rows yielded per output record batch.
OUTPUT_ROWS = 256


@lru_cache(maxsize=2)
def get_extractor(model: str, batch_size: int = 16, learned: bool = True, scope: str = "speech") -> Extractor:
    """The extractor of ``model``, loaded once per Python process.

    :param model: the spaCy pipeline's name, passed explicitly by the caller.
    :param batch_size: texts per batch given to spaCy.
    :param learned: run the learned span tagger beside the rules.
    :param scope: what counts as an attribution (see :data:`onrecord.pipeline.tables.SCOPES`).
    """
    logger.info("loading spaCy model %s in this worker", model)
    return Extractor(model, batch_size=batch_size, learned=learned, scope=scope)


def is_iso_date(value: str) -> bool:
    """Whether ``value`` is a real calendar date written YYYY-MM-DD."""
    if not _ISO_DATE.fullmatch(value):
        return False
    try:
        _date.fromisoformat(value)
    except ValueError:
        return False
    return True


def extract_batches(
    batches: Iterable[pa.RecordBatch],
    *,
    model: str,
    batch_size: int = 16,
    keep_text: bool = False,
    learned: bool = True,
    scope: str = "speech",
) -> Iterator[pa.RecordBatch]:
    """Extract the articles of ``batches`` (rows of :data:`ARTICLE_SCHEMA`).

    Yields record batches of :data:`RESULT_SCHEMA`, one row per input row: the
    article's quotations and people, or the reason it failed in ``error``.
    Meant for :meth:`pyspark.sql.DataFrame.mapInArrow`.

    :param model: the spaCy pipeline to load (once per worker process).
    :param batch_size: texts per batch given to spaCy.
    :param keep_text: copy each article's text into the result.
    :param learned: run the learned span tagger beside the rules.
    :param scope: what counts as an attribution.
    """
    extractor = get_extractor(model, batch_size, learned, scope)
    for batch in batches:
        rows = batch.to_pylist()
        for start in range(0, len(rows), OUTPUT_ROWS):
            chunk = rows[start : start + OUTPUT_ROWS]
            results = extract_rows(extractor, chunk, keep_text=keep_text)
            yield pa.RecordBatch.from_pylist(results, schema=RESULT_SCHEMA)


def extract_rows(extractor: Extractor, rows: list[dict[str, Any]], *, keep_text: bool = False) -> list[dict[str, Any]]:
    """Extract article rows into result rows, in order; bad rows become failures."""
    results: list[dict[str, Any] | None] = [None] * len(rows)
    articles: list[Article] = []
    positions: list[int] = []
    for i, row in enumerate(rows):
        article, reason = _article_of(row)
        if article is None:
            results[i] = failure_result(row, reason)
        else:
            articles.append(article)
            positions.append(i)
    for i, article, item in zip(positions, articles, _extract_all(extractor, articles), strict=True):
        if isinstance(item, ReadError):
            results[i] = failure_result(rows[i], item.reason, article_id=article.id)
        else:
            results[i] = extraction_result(item, location=rows[i].get("location"), keep_text=keep_text)
    return [r for r in results if r is not None]


def _article_of(row: dict[str, Any]) -> tuple[Article | None, str]:
    """The article of an input row, or ``None`` and the reason it is refused."""
    if row.get("error"):
        return None, row["error"]
    text = row.get("text")
    if text is None or not text.strip():
        return None, Errors.E001
    date = row.get("date")
    if date is not None and not is_iso_date(date):
        return None, Errors.E009.format(value=date)
    article = Article(
        text=text,
        id=row.get("id") or text_id(text),
        date=date,
        title=row.get("title"),
        url=row.get("url"),
        outlet=row.get("outlet"),
        source=row.get("source"),
    )
    return article, ""


def _extract_all(extractor: Extractor, articles: list[Article]) -> Iterator[Extraction | ReadError]:
    """One result per article, in order; an article that breaks the pipeline fails alone."""
    step = max(1, extractor.batch_size)
    for start in range(0, len(articles), step):
        chunk = articles[start : start + step]
        with _memory_zone(extractor):
            try:
                done = list(extractor.pipe(chunk))
            except Exception:  # noqa: BLE001 - retried one by one below, each failure recorded
                logger.warning("a batch of %d articles failed; extracting them one by one", len(chunk), exc_info=True)
                done = [_extract_one(extractor, article) for article in chunk]
        yield from done


def _memory_zone(extractor: Extractor) -> AbstractContextManager[object]:
    """spaCy's memory zone, so a worker that lives for millions of articles does not grow.

    Strings a batch adds to the vocabulary are freed after it; the
    extractions hold plain strings and offsets, never spaCy objects.
    """
    nlp = getattr(extractor, "nlp", None)
    zone = getattr(nlp, "memory_zone", None)
    return nullcontext() if zone is None else zone()


def _extract_one(extractor: Extractor, article: Article) -> Extraction | ReadError:
    try:
        return extractor.extract_article(article)
    except Exception as err:  # noqa: BLE001 - becomes the article's failure record
        logger.warning("extraction failed on %s", article.id, exc_info=True)
        detail = f"{type(err).__name__}: {err}"
        return ReadError(article.source or article.id or "-", Errors.E012.format(detail=detail))


def extraction_result(
    extraction: Extraction, *, location: str | None = None, keep_text: bool = False
) -> dict[str, Any]:
    """The :data:`RESULT_SCHEMA` row of one extraction."""
    article = extraction.article
    return {
        "article_id": article.id,
        "date": article.date,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "source": article.source,
        "location": location,
        "text": article.text if keep_text else None,
        "error": None,
        "organizations": list(extraction.organizations),
        "quotes": [quote_struct(q) for q in extraction.quotes],
        "people": [person_struct(p) for p in extraction.people],
    }


def failure_result(row: dict[str, Any], reason: str, *, article_id: str | None = None) -> dict[str, Any]:
    """The :data:`RESULT_SCHEMA` row of an input row that failed."""
    return {
        "article_id": article_id or row.get("id"),
        "date": row.get("date"),
        "title": row.get("title"),
        "url": row.get("url"),
        "outlet": row.get("outlet"),
        "source": row.get("source"),
        "location": row.get("location"),
        "text": None,
        "error": reason,
        "organizations": [],
        "quotes": [],
        "people": [],
    }


def quote_struct(quote: Quote) -> dict[str, Any]:
    """A quotation as a flat struct (see :data:`~onrecord.spark.schema.QUOTE_TYPE`)."""
    cue, speaker, addressee = quote.cue, quote.speaker, quote.addressee
    return {
        "kind": quote.kind,
        "text": quote.text,
        "spans": [list(s) for s in quote.spans],
        "cue_text": None if cue is None else cue.text,
        "cue_span": None if cue is None else list(cue.span),
        "speaker_text": None if speaker is None else speaker.text,
        "speaker_span": None if speaker is None else list(speaker.span),
        "speaker_people": [] if speaker is None else list(speaker.people),
        "speaker_organizations": [] if speaker is None else list(speaker.organizations),
        "addressee_text": None if addressee is None else addressee.text,
        "addressee_span": None if addressee is None else list(addressee.span),
        "confidence": float(quote.confidence),
    }


def person_struct(person: Person) -> dict[str, Any]:
    """A person as a flat struct (see :data:`~onrecord.spark.schema.PERSON_TYPE`)."""
    return {
        "name": person.name,
        "roles": list(person.roles),
        "mentions": [list(m) for m in person.mentions],
        "gender": person.gender,
    }
