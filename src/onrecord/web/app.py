"""The application factory behind ``onrecord serve``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import jinja2
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from . import api_routes, pages
from .annotate import speaker_who
from .data import Corpus
from .errors import install_error_handlers
from .extracting import ExtractorFactory, LazyExtractor
from .links import article_href, external_url, person_href, with_query
from .middleware import MAX_BODY_BYTES, BodyLimitMiddleware, SecurityHeadersMiddleware

HERE = Path(__file__).parent
TEMPLATES_DIR = HERE / "templates"
STATIC_DIR = HERE / "static"

DESCRIPTION = """Who said what, to whom, and when: the quotations of an onrecord corpus.

Every error is answered as `{"error": {"status": N, "message": "..."}}`."""


def make_templates() -> Jinja2Templates:
    """The page templates: autoescaped, strict about undefined names, with the link helpers."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(person_href=person_href, article_href=article_href, external_url=external_url,
                       with_query=with_query, speaker_who=speaker_who)
    return Jinja2Templates(env=env)


def create_app(db_url: str, *, extractor_factory: ExtractorFactory | None = None) -> FastAPI:
    """The web app over the database at ``db_url``: the JSON API and the pages.

    The database is opened here (its schema brought up to date) and closed
    when the app shuts down. The extractor is built by ``extractor_factory``
    (default: :class:`onrecord.api.Extractor`) on the first extraction asked for.

    :raises onrecord.store.StoreError: the database cannot be used.
    """
    from .. import __version__

    corpus = Corpus.open(db_url)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            corpus.close()

    app = FastAPI(title="onrecord", version=__version__, description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.corpus = corpus
    app.state.extractor = LazyExtractor(extractor_factory)
    app.state.templates = make_templates()
    install_error_handlers(app)
    app.add_middleware(BodyLimitMiddleware, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(SecurityHeadersMiddleware)
    app.include_router(api_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app
