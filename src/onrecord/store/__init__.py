"""The corpus: extractions stored in SQLite (default) or PostgreSQL, and queried.

>>> from onrecord.store import Store, resolve_db_url
>>> store = Store.open(resolve_db_url(None))   # doctest: +SKIP
"""

from __future__ import annotations

from .core import Store
from .engine import DB_ENV, DEFAULT_DB_URL, StoreError, resolve_db_url
from .writer import AddResult, content_hash

__all__ = ["DB_ENV", "DEFAULT_DB_URL", "AddResult", "Store", "StoreError", "content_hash", "resolve_db_url"]
