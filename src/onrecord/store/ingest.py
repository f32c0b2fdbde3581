"""Ingesting articles: parallel extraction, transactional batches, resumable runs.

:func:`ingest` reads a stream of articles (and read errors), skips articles
already stored with the same content *before* extracting them, extracts the
rest in worker processes (each loads the model once, through
:func:`onrecord.api.default_extractor`), and writes the results in order, one
transaction per batch. A run killed at any point therefore leaves whole
batches behind, and a rerun on the same inputs skips them and finishes with
exactly the database an uninterrupted run gives.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from ..errors import Errors, OnrecordError, ReadError
from ..records import Article, Extraction
from .core import Store
from .writer import article_id, content_hash, parse_date

if TYPE_CHECKING:
    from ..api import Extractor

Item = Article | ReadError
Result = Extraction | ReadError


class IngestError(OnrecordError):
    """The ingest stopped (a worker process died); whole batches written so far are kept."""


def default_workers() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class IngestOptions:
    """How to run an ingest.

    :param workers: extraction processes; 1 extracts in this process.
    :param batch_size: extracted articles written per transaction.
    :param flush_seconds: a batch is also written once it is this old.
    :param chunk_size: articles handed to a worker at a time.
    :param model: the spaCy pipeline the extractor loads.
    :param learned: run the learned span tagger beside the rules.
    :param scope: what counts as an attribution (see :data:`onrecord.pipeline.tables.SCOPES`).
    """

    workers: int = 1
    batch_size: int = 64
    flush_seconds: float = 5.0
    chunk_size: int = 8
    model: str | None = None
    learned: bool = True
    scope: str = "speech"

    @property
    def settings(self) -> str:
        """The extraction settings that are not the default ones, as stored with each article's content hash."""
        chosen = [] if self.model is None else [f"model={self.model}"]
        chosen += [] if self.scope == "speech" else [f"scope={self.scope}"]
        return ";".join(chosen + ([] if self.learned else ["rules-only"]))


@dataclass
class IngestSummary:
    """What an ingest did."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0
    failures: list[ReadError] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def processed(self) -> int:
        return self.added + self.replaced + self.skipped + self.failed


def ingest(
    store: Store,
    items: Iterable[Item],
    options: IngestOptions,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[ReadError], None] | None = None,
) -> IngestSummary:
    """Extract and store ``items`` (articles and read errors, in order).

    :param on_progress: called with the number of inputs just finished (extracted, skipped or failed).
    :param on_failure: called with each failure as it happens, before it is stored.
    """
    summary = IngestSummary()
    progress = on_progress or (lambda _n: None)

    def skipped(n: int) -> None:
        summary.skipped += n
        progress(n)

    results = extract_stream(_unseen(store, items, skipped, options.settings), options)
    return store_results(store, results, options, on_progress, on_failure, summary)


def store_results(
    store: Store,
    results: Iterable[Result],
    options: IngestOptions,
    on_progress: Callable[[int], None] | None = None,
    on_failure: Callable[[ReadError], None] | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Store extractions made elsewhere (a Spark run's output, say) in transactional batches."""
    started = time.perf_counter()
    summary = summary if summary is not None else IngestSummary()
    progress = on_progress or (lambda _n: None)
    batch: list[Extraction] = []
    errors: list[ReadError] = []
    batch_started = time.monotonic()

    def flush() -> None:
        nonlocal batch_started
        if batch or errors:
            for result in store.add_many(batch, errors, settings=options.settings):
                setattr(summary, result, getattr(summary, result) + 1)
            summary.failures.extend(errors)
        batch.clear()
        errors.clear()
        batch_started = time.monotonic()

    for result in results:
        if isinstance(result, ReadError):
            errors.append(result)
            if on_failure is not None:
                on_failure(result)
        else:
            batch.append(result)
        progress(1)
        if len(batch) >= options.batch_size or time.monotonic() - batch_started >= options.flush_seconds:
            flush()
    flush()
    summary.seconds = time.perf_counter() - started
    return summary


def _unseen(
    store: Store, items: Iterable[Item], skipped: Callable[[int], None], settings: str = "", chunk: int = 128
) -> Iterator[Item]:
    """The items minus articles stored with the same content and ``settings``; ids are given to articles
    without one."""
    iterator = iter(items)
    while block := list(islice(iterator, chunk)):
        prepared: list[Item] = []
        for item in block:
            if isinstance(item, Article):
                item = _prepare(item)
            prepared.append(item)
        ids = [item.id for item in prepared if isinstance(item, Article) and item.id is not None]
        stored = store.known_hashes(ids)
        n_skipped = 0
        for item in prepared:
            if isinstance(item, Article) and item.id in stored and stored[item.id] == content_hash(item, settings):
                n_skipped += 1
            else:
                yield item
        if n_skipped:
            skipped(n_skipped)


def _prepare(article: Article) -> Item:
    """The article with its id, or a :class:`ReadError` if its date is malformed."""
    try:
        parse_date(article.date)
    except ValueError as err:
        return ReadError(article.source or article.id or "-", str(err))
    if not article.id:
        article.id = article_id(article)
    return article


def extract_stream(items: Iterable[Item], options: IngestOptions) -> Iterator[Result]:
    """Extraction results in input order, in this process or in ``options.workers`` processes."""
    if options.workers <= 1:
        yield from _extract_here(items, options)
        return
    yield from _extract_parallel(items, options)


def _extract_here(items: Iterable[Item], options: IngestOptions) -> Iterator[Result]:
    iterator = iter(items)
    while block := list(islice(iterator, 16)):
        yield from extract_chunk(block, options)


def _extract_parallel(items: Iterable[Item], options: IngestOptions) -> Iterator[Result]:
    """Chunks of articles go to the pool; read errors wait in line, in order, without a worker."""
    context = multiprocessing.get_context("spawn")
    pending: deque[Future[list[Result]] | list[Result]] = deque()
    window = options.workers * 3

    def ready(entry: Future[list[Result]] | list[Result]) -> list[Result]:
        if isinstance(entry, list):
            return entry
        try:
            return entry.result()
        except BrokenProcessPool as err:
            raise IngestError("an extraction worker died (out of memory?); the batches written so far are "
                              "kept: run the same command again to go on") from err

    pool = ProcessPoolExecutor(max_workers=options.workers, mp_context=context,
                               initializer=load_worker, initargs=(options,))
    try:
        iterator = iter(items)
        while block := list(islice(iterator, options.chunk_size)):
            errors = [item for item in block if isinstance(item, ReadError)]
            if len(errors) == len(block):
                pending.append(list[Result](errors))
            else:
                pending.append(pool.submit(extract_chunk, block, options))
            while len(pending) >= window or (pending and isinstance(pending[0], list)):
                yield from ready(pending.popleft())
        while pending:
            yield from ready(pending.popleft())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # on an error or interrupt, drop what has not started


def load_worker(options: IngestOptions) -> None:
    """Worker initializer: load the extractor once; :func:`extract_chunk` reuses it."""
    _extractor(options)


def _extractor(options: IngestOptions) -> Extractor:
    """The extractor of this process, loaded once per model and settings (imported late: it loads spaCy)."""
    from ..api import DEFAULT_MODEL, default_extractor

    return default_extractor(options.model or DEFAULT_MODEL, learned=options.learned, scope=options.scope)


def extract_chunk(items: list[Item], options: IngestOptions) -> list[Result]:
    """Extract a few articles (read errors pass through); an article that fails becomes an E012 failure."""
    extractor = _extractor(options)
    try:
        return list(extractor.pipe(items))
    except Exception:
        results: list[Result] = []
        for item in items:
            if isinstance(item, ReadError):
                results.append(item)
                continue
            try:
                results.append(extractor.extract_article(item))
            except Exception as err:
                detail = f"{type(err).__name__}: {err}"
                results.append(ReadError(item.source or item.id or "-", Errors.E012.format(detail=detail)))
        return results
