"""The JSON API under ``/api``: a thin layer over :class:`~onrecord.web.data.Corpus` and the extractor."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException

from ..errors import Errors
from .deps import CorpusDep, ExtractorDep
from .errors import BadParameter, error_responses
from .params import parse_day, quote_filters

#: The most rows one request may ask for.
MAX_LIMIT = 500

router = APIRouter(prefix="/api", tags=["api"], responses=error_responses(422, 500))


Limit = Annotated[int, Query(ge=0, le=MAX_LIMIT, description=f"Rows per page (at most {MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, description="Rows to skip.")]
Day = Annotated[str | None, Query(description="YYYY-MM-DD, inclusive.", examples=["2023-11-22"])]


@router.get("/quotes", summary="Search quotations")
def list_quotes(
    corpus: CorpusDep,
    speaker: Annotated[str | None, Query(description="Full name or surname, any case.")] = None,
    query: Annotated[str | None, Query(description="Words (or \"quoted phrases\") the quotation contains.")] = None,
    since: Day = None,
    until: Day = None,
    outlet: Annotated[str | None, Query(description="The outlet, any case.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
    first_seen: Annotated[bool, Query(description="Only each quotation's first appearance.")] = False,
) -> dict[str, Any]:
    """Quotations matching every filter given, newest first: ``{"total", "offset", "limit", "quotes"}``.

    Each quote is as ``onrecord extract --json`` prints it, plus ``id``,
    ``article_id``, ``date``, ``title``, ``url``, ``outlet``.
    """
    filters = quote_filters(speaker, query, since, until, outlet, first_seen)
    rows, total = corpus.quotes(filters, limit, offset)
    return {"total": total, "offset": offset, "limit": limit, "quotes": rows}


@router.get("/people", summary="List people")
def list_people(
    corpus: CorpusDep,
    limit: Limit = 50,
    offset: Offset = 0,
    query: Annotated[str | None, Query(description="Part of the name, any case.")] = None,
) -> dict[str, Any]:
    """People, most quoted first: ``{"total", "offset", "limit", "people"}``."""
    rows, total = corpus.people(limit, offset, (query or "").strip() or None)
    return {"total": total, "offset": offset, "limit": limit, "people": rows}


@router.get("/people/{person_id}", summary="One person", responses=error_responses(404))
def get_person(corpus: CorpusDep, person_id: Annotated[int, Path(description="The person's id.")]) -> dict[str, Any]:
    """A person with their newest quotations (``quotes``) and the people they mention (``mentioned``)."""
    person = corpus.person(person_id)
    if person is None:
        raise _not_found(f"no person with id {person_id}")
    return person


@router.get("/articles/{article_id:path}", summary="One article", responses=error_responses(404))
def get_article(corpus: CorpusDep, article_id: Annotated[str, Path(description="The article's id.")]) -> dict[str, Any]:
    """An article with its ``text``, its ``quotes`` in order and its ``people``."""
    article = corpus.article(article_id)
    if article is None:
        raise _not_found(f"no article with id {article_id!r}")
    return article


class ExtractRequest(BaseModel):
    """A text to extract attributions from."""

    text: str = Field(description="The article's text; offsets in the answer index into it.")
    date: str | None = Field(default=None, description="The article's date, YYYY-MM-DD.", examples=["2023-11-22"])
    scope: Literal["speech", "all"] | None = Field(
        default=None,
        description="'speech': what people said, wrote or are said to think; 'all': also the acts and stances "
        "attribution corpora count ('declined to', 'unveiled a plan'). Default: the server's (serve --scope).",
    )

    @field_validator("text")
    @classmethod
    def _has_text(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(Errors.E001)
        return value

    @field_validator("date")
    @classmethod
    def _is_day(cls, value: str | None) -> str | None:
        try:
            day = parse_day(value, "date")
        except BadParameter as err:
            raise ValueError(Errors.E009.format(value=value)) from err
        return None if day is None else day.isoformat()


@router.post("/extract", summary="Extract attributions from a text", responses=error_responses(413))
def extract(body: ExtractRequest, extractor: ExtractorDep) -> dict[str, Any]:
    """The text's attributions, one record exactly as ``onrecord extract --json`` prints it.

    Nothing is stored. Bodies over 1 MiB are refused with a 413.
    """
    return extractor.extract(body.text, date=body.date, scope=body.scope).to_dict()


def _not_found(message: str) -> HTTPException:
    return HTTPException(status_code=404, detail=message)
