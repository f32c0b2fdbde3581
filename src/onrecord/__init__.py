"""onrecord: who said what, to whom, and when, in news.

The extraction API (:func:`extract`, :class:`Extractor`) loads spaCy, so it is
imported on first use: commands that only query a database start fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import ReadError
from .records import Addressee, Article, Cue, Extraction, Person, Quote, Speaker

if TYPE_CHECKING:
    from .api import Extractor, default_extractor, extract, load_nlp

__version__ = "0.1.0"

_LAZY = {"Extractor", "default_extractor", "extract", "load_nlp"}

__all__ = [
    "Addressee",
    "Article",
    "Cue",
    "Extraction",
    "Extractor",
    "Person",
    "Quote",
    "ReadError",
    "Speaker",
    "default_extractor",
    "extract",
    "load_nlp",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(".api", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
