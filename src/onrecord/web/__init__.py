"""``onrecord serve``: the HTTP API and the server-rendered pages over a corpus.

>>> from onrecord.web import create_app
>>> app = create_app("sqlite:///onrecord.db")   # doctest: +SKIP
"""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
