"""What routes take from the app: its corpus and its extractor."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from .data import Corpus
from .extracting import LazyExtractor


def get_corpus(request: Request) -> Corpus:
    """The app's corpus (opened by :func:`~onrecord.web.create_app`)."""
    corpus: Corpus = request.app.state.corpus
    return corpus


def get_extractor(request: Request) -> LazyExtractor:
    """The app's extractor, built on its first use."""
    extractor: LazyExtractor = request.app.state.extractor
    return extractor


CorpusDep = Annotated[Corpus, Depends(get_corpus)]
ExtractorDep = Annotated[LazyExtractor, Depends(get_extractor)]
