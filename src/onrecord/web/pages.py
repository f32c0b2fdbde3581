"""The server-rendered pages: search, person, article and extract."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException
from starlette.responses import Response

from ..errors import Errors
from .annotate import annotate
from .charts import bar_chart, bins_from_dates, bins_from_weeks
from .deps import CorpusDep, ExtractorDep
from .errors import BadParameter
from .links import person_href, with_query
from .params import clean, parse_day, quote_filters

#: The /extract form's scopes: "" keeps the server's (``serve --scope``).
SCOPE_CHOICES: dict[str, str] = {
    "": "the server's default",
    "speech": "what people said, wrote or think",
    "all": "also acts and stances (as attribution corpora count them)",
}

#: Quotations per page of results.
PAGE_SIZE = 20

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

Page = Annotated[int, Query(ge=1, le=100_000)]


@dataclass(frozen=True)
class Pager:
    """Where a page of results sits among all of them."""

    page: int
    pages: int
    total: int
    first: int  # 1-based number of the first row shown
    last: int
    previous: str | None
    next: str | None


def pager(path: str, params: dict[str, Any], page: int, total: int, shown: int) -> Pager:
    """The pager of ``page`` of ``total`` rows, with links keeping ``params``."""
    pages = max(1, math.ceil(total / PAGE_SIZE))
    first = (page - 1) * PAGE_SIZE + 1 if shown else 0
    return Pager(
        page=page, pages=pages, total=total, first=first, last=first + shown - 1 if shown else 0,
        previous=with_query(path, {**params, "page": page - 1 if page > 2 else None}) if page > 1 else None,
        next=with_query(path, {**params, "page": page + 1}) if page < pages else None,
    )


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """Render template ``name`` with ``context``."""
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def search(
    request: Request,
    corpus: CorpusDep,
    q: str | None = None,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    page: Page = 1,
) -> Response:
    """The search form, its results (the newest quotations when nothing is asked) and the corpus overview."""
    form = {"q": clean(q), "speaker": clean(speaker), "since": clean(since), "until": clean(until),
            "outlet": clean(outlet)}
    context: dict[str, Any] = {"form": form, "error": None, "quotes": [], "pager": None, "searching": False}
    status = 200
    try:
        filters = quote_filters(speaker=speaker, query=q, since=since, until=until, outlet=outlet)
    except BadParameter as err:
        context["error"], status = str(err), 422
    else:
        rows, total = corpus.quotes(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        context.update(quotes=rows, searching=filters.active,
                       pager=pager("/", form, page, total, len(rows)))
    stats = corpus.stats()
    context["stats"] = stats
    context["chart"] = bar_chart(*bins_from_weeks((w["week"], w["quotations"]) for w in stats["weeks"]),
                                 width=820, height=150)
    return render(request, "index.html", context, status)


@router.get("/people/{person_id}")
def person_page(request: Request, corpus: CorpusDep, person_id: int, page: Page = 1) -> Response:
    """A person: their quotations over time, roles, outlets, the people they mention, their quotations."""
    person = corpus.person(person_id)
    if person is None:
        raise HTTPException(status_code=404, detail=f"no person with id {person_id}")
    timeline = corpus.person_timeline(person_id)
    rows, total = corpus.person_quotes(person_id, PAGE_SIZE, (page - 1) * PAGE_SIZE)
    return render(request, "person.html", {
        "person": person,
        "timeline": timeline,
        "chart": bar_chart(*bins_from_dates(timeline.dates), height=160),
        "quotes": rows,
        "pager": pager(person_href(person_id), {}, page, total, len(rows)),
    })


@router.get("/articles/{article_id:path}")
def article_page(request: Request, corpus: CorpusDep, article_id: str) -> Response:
    """An article's text with every attribution highlighted, and its quotations as a table."""
    article = corpus.article(article_id)
    if article is None:
        raise HTTPException(status_code=404, detail=f"no article with id {article_id!r}")
    annotated = annotate(article["text"], article["quotes"], article["people"], person_href)
    return render(request, "article.html", {"article": article, "annotated": annotated})


@router.get("/extract")
def extract_form(request: Request) -> Response:
    """The form to paste a text into."""
    return render(request, "extract.html", {"text": "", "date": "", "scope": "", "scopes": SCOPE_CHOICES,
                                            "error": None, "result": None})


@router.post("/extract")
def extract_page(
    request: Request,
    extractor: ExtractorDep,
    text: Annotated[str, Form()] = "",
    date: Annotated[str, Form()] = "",
    scope: Annotated[str, Form()] = "",
) -> Response:
    """The pasted text with its attributions highlighted, and a table of them. Nothing is stored."""
    text = text.replace("\r\n", "\n")  # browsers send a textarea's line breaks as CRLF
    context: dict[str, Any] = {
        "text": text, "date": date, "scope": scope, "scopes": SCOPE_CHOICES, "error": None, "result": None
    }
    try:
        if not text.strip():
            raise BadParameter(Errors.E001)
        day = parse_day(date, "date")
        if scope not in SCOPE_CHOICES:
            raise BadParameter(Errors.E015.format(value=scope, choices=", ".join(c for c in SCOPE_CHOICES if c)))
    except BadParameter as err:
        context["error"] = str(err)
        return render(request, "extract.html", context, 422)
    extraction = extractor.extract(text, date=None if day is None else day.isoformat(), scope=scope or None)
    record = extraction.to_dict()
    context["result"] = {
        "annotated": annotate(text, record["quotes"], record["people"], person_href),
        "record": record,
        "json": json.dumps(record, ensure_ascii=False, indent=2),
    }
    return render(request, "extract.html", context)

