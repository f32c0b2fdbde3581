"""One error shape for the whole HTTP interface.

Every error the API answers is ``{"error": {"status": N, "message": "..."}}``
with the same status on the response; pages answer the same status with an
HTML page saying the same message.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.responses import Response

#: Paths whose errors are always JSON, whatever the client accepts.
JSON_PREFIXES = ("/api/", "/openapi.json", "/static/")


class BadParameter(ValueError):
    """A parameter that cannot be used (a malformed date...); answered with a 422."""


class ErrorDetail(BaseModel):
    """What went wrong."""

    status: int
    message: str


class ErrorBody(BaseModel):
    """The body of every error the API answers."""

    error: ErrorDetail


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI description of ``statuses``, each answered with :class:`ErrorBody`."""
    return {status: {"model": ErrorBody, "description": _DESCRIPTIONS.get(status, "error")}
            for status in statuses}


_DESCRIPTIONS = {
    404: "not found",
    413: "request body too large",
    422: "bad parameters",
    500: "internal error",
}


def error_payload(status: int, message: str) -> dict[str, Any]:
    """The JSON body of an error."""
    return {"error": {"status": status, "message": message}}


def wants_html(request: Request) -> bool:
    """Whether the error should be a page: not an API path, and the client takes HTML."""
    if request.url.path.startswith(JSON_PREFIXES):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The error as JSON, or as a page for a browser asking for one."""
    if wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)
    return JSONResponse(error_payload(status, message), status_code=status, headers=headers)


def validation_message(errors: Any) -> str:
    """A one-line summary of pydantic validation errors: ``limit: ...; since: ...``."""
    parts = []
    for err in errors:
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        parts.append(f"{'.'.join(loc)}: {msg}" if loc else msg)
    return "; ".join(parts) or "invalid request"


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    return error_response(request, exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    return error_response(request, 422, validation_message(exc.errors()))


async def _bad_parameter(request: Request, exc: Exception) -> Response:
    return error_response(request, 422, str(exc))


async def _server_error(request: Request, exc: Exception) -> Response:
    # Starlette re-raises the exception after this response, so the server logs it.
    return error_response(request, 500, "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Answer HTTP errors, bad parameters and unexpected failures in the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(BadParameter, _bad_parameter)
    app.add_exception_handler(Exception, _server_error)
