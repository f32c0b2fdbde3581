"""The extractor behind ``/api/extract`` and ``/extract``: loaded on first use, once per app."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

from ..records import Extraction


class SupportsExtract(Protocol):
    """Anything with :meth:`onrecord.api.Extractor.extract`'s signature."""

    def extract(self, text: str, date: str | None = None, *, scope: str | None = None) -> Extraction: ...


ExtractorFactory = Callable[[], SupportsExtract]


def default_factory() -> SupportsExtract:
    """onrecord's default :class:`~onrecord.api.Extractor` (imported here: it loads spaCy)."""
    return extractor_factory()()


def extractor_factory(learned: bool = True, scope: str = "speech") -> ExtractorFactory:
    """A factory of :class:`~onrecord.api.Extractor` with these settings (``serve --rules-only --scope``)."""

    def make() -> SupportsExtract:
        from ..api import Extractor

        return Extractor(learned=learned, scope=scope)

    return make


class LazyExtractor:
    """Builds the extractor on the first :meth:`extract` and reuses it.

    Calls are serialised: a spaCy pipeline is not meant to run in several
    threads at once, and the server runs sync routes in a thread pool.

    :param factory: makes the extractor; called at most once.
    """

    def __init__(self, factory: ExtractorFactory | None = None) -> None:
        self._factory = factory or default_factory
        self._extractor: SupportsExtract | None = None
        self._lock = threading.Lock()

    @property
    def loaded(self) -> bool:
        """Whether the extractor has been built yet."""
        return self._extractor is not None

    def extract(self, text: str, date: str | None = None, *, scope: str | None = None) -> Extraction:
        """The attributions of ``text``, as :meth:`onrecord.api.Extractor.extract` gives them.

        :param scope: ``"speech"`` or ``"all"`` for this text; None keeps the extractor's (``serve --scope``).
        """
        with self._lock:
            if self._extractor is None:
                self._extractor = self._factory()
            return self._extractor.extract(text, date=date, scope=scope)
