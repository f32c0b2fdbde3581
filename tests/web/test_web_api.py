"""The JSON API, called in-process through httpx's ASGITransport."""

from __future__ import annotations

import json

import httpx
import pytest

from onrecord.web import create_app

SCRIPT = "<script>alert(1)</script>"  # inside a stored quotation (see conftest)

pytestmark = pytest.mark.anyio


def assert_error(response: httpx.Response, status: int) -> str:
    """The response is an error in the one shape; its message."""
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "message"}
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]


async def test_api_error_shape_is_one_for_every_status(client: httpx.AsyncClient, factory) -> None:
    def explode() -> object:
        raise RuntimeError("boom")

    factory.make = explode
    answers = {
        404: await client.get("/api/people/999"),
        413: await client.post("/api/extract", content=b"x" * (1024 * 1024 + 1),
                               headers={"content-type": "application/json"}),
        422: await client.get("/api/quotes", params={"since": "yesterday"}),
        500: await client.post("/api/extract", json={"text": "Hello."}),
    }
    for status, response in answers.items():
        assert_error(response, status)
    assert "boom" not in answers[500].text


async def test_api_quotes_lists_newest_first_with_paging(client: httpx.AsyncClient) -> None:
    response = await client.get("/api/quotes")
    assert response.status_code == 200
    body = response.json()
    assert body["total"] == 6 and body["offset"] == 0 and body["limit"] == 50
    dates = [q["date"] for q in body["quotes"]]
    assert dates[:5] == ["2024-01-10", "2023-12-05", "2023-12-05", "2023-11-22", "2023-11-22"]
    assert dates[5] is None
    page = (await client.get("/api/quotes", params={"limit": 2, "offset": 2})).json()
    assert page["total"] == 6 and page["limit"] == 2 and page["offset"] == 2
    assert [q["id"] for q in page["quotes"]] == [q["id"] for q in body["quotes"][2:4]]


async def test_api_quotes_keep_the_contract_shape(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/quotes", params={"speaker": "Mallory Smith"})).json()
    (quote,) = body["quotes"]
    for key in ("kind", "text", "spans", "cue", "speaker", "addressee", "confidence",
                "article_id", "date", "title", "url", "outlet"):
        assert key in quote
    assert quote["text"] == f"{SCRIPT} is harmless,"
    assert quote["speaker"]["people"] == ["Mallory Smith"]
    assert quote["article_id"] == "evil/3"


@pytest.mark.parametrize(
    ("params", "total"),
    [
        ({"speaker": "scott"}, 3),
        ({"speaker": "Paul Mescal"}, 1),
        ({"query": "wonderful actor"}, 1),
        ({"outlet": "the guardian"}, 3),
        ({"since": "2023-12-01"}, 3),
        ({"until": "2023-11-30"}, 2),
        ({"since": "2023-11-22", "until": "2023-11-22"}, 2),
        ({"speaker": "scott", "outlet": "BBC"}, 2),
        ({"speaker": "", "query": "  "}, 6),
    ],
)
async def test_api_quotes_filters(client: httpx.AsyncClient, params: dict[str, str], total: int) -> None:
    body = (await client.get("/api/quotes", params=params)).json()
    assert body["total"] == total
    assert len(body["quotes"]) == total


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"since": "2023-13-01"}, "since"),
        ({"until": "22/11/2023"}, "until"),
        ({"since": "20231122"}, "since"),
        ({"since": "2024-01-01", "until": "2023-01-01"}, "after"),
        ({"limit": "501"}, "limit"),
        ({"limit": "-1"}, "limit"),
        ({"offset": "-5"}, "offset"),
        ({"limit": "ten"}, "limit"),
    ],
)
async def test_api_quotes_bad_parameters_are_422(client: httpx.AsyncClient, params: dict[str, str],
                                                 needle: str) -> None:
    assert needle in assert_error(await client.get("/api/quotes", params=params), 422)


async def test_api_quotes_bad_date_names_e009(client: httpx.AsyncClient) -> None:
    message = assert_error(await client.get("/api/quotes", params={"since": "2023-02-30"}), 422)
    assert "[E009]" in message


async def test_api_people_lists_most_quoted_first(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/people")).json()
    assert body["total"] == 4 and body["offset"] == 0 and body["limit"] == 50
    assert body["people"][0]["name"] == "Andrew Scott"
    assert body["people"][0]["quotations"] == 3
    found = (await client.get("/api/people", params={"query": "mesc", "limit": 1})).json()
    assert [p["name"] for p in found["people"]] == ["Paul Mescal"]
    assert_error(await client.get("/api/people", params={"limit": 1000}), 422)


async def test_api_person_and_404(client: httpx.AsyncClient) -> None:
    people = (await client.get("/api/people")).json()["people"]
    scott = next(p for p in people if p["name"] == "Andrew Scott")
    body = (await client.get(f"/api/people/{scott['id']}")).json()
    assert body["name"] == "Andrew Scott" and body["roles"] == ["actor"]
    assert len(body["quotes"]) == 3
    assert [m["name"] for m in body["mentioned"]] == ["Paul Mescal"]
    assert "999999" in assert_error(await client.get("/api/people/999999"), 404)
    assert_error(await client.get("/api/people/abc"), 422)


async def test_api_article_with_a_slash_in_its_id(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/articles/evil/3")).json()
    assert body["id"] == "evil/3"
    assert SCRIPT in body["text"]
    assert len(body["quotes"]) == 1
    same = (await client.get("/api/articles/evil%2F3")).json()
    assert same["id"] == "evil/3"
    assert_error(await client.get("/api/articles/no-such-article"), 404)


async def test_api_unknown_path_and_method(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/api/nothing-here"), 404)
    assert_error(await client.delete("/api/quotes"), 405)


async def test_api_extract_loads_the_extractor_once_and_stores_nothing(
        client: httpx.AsyncClient, factory) -> None:
    before = (await client.get("/api/quotes")).json()["total"]
    assert factory.calls == 0  # not loaded until asked for
    text = "First sentence here. Second one."
    for _ in range(3):
        response = await client.post("/api/extract", json={"text": text, "date": "2024-02-03"})
        assert response.status_code == 200
    assert factory.calls == 1
    body = response.json()
    assert body["date"] == "2024-02-03"
    assert body["quotes"][0]["spans"] == [[0, 20]]
    assert (await client.get("/api/quotes")).json()["total"] == before


@pytest.mark.parametrize(
    ("payload", "needle"),
    [
        ({"text": "Hi.", "date": "03/02/2024"}, "E009"),
        ({"text": "   "}, "E001"),
        ({"date": "2024-02-03"}, "text"),
        ({"text": 42}, "text"),
        ({"text": "Hi.", "scope": "everything"}, "scope"),
    ],
)
async def test_api_extract_bad_bodies_are_422(client: httpx.AsyncClient, payload: dict[str, object],
                                              needle: str) -> None:
    assert needle in assert_error(await client.post("/api/extract", json=payload), 422)


async def test_api_extract_malformed_json_is_422(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/extract", content=b'{"text": ', headers={"content-type": "application/json"})
    assert_error(response, 422)


async def test_api_extract_over_one_megabyte_is_413(client: httpx.AsyncClient, factory) -> None:
    big = json.dumps({"text": "a" * (1024 * 1024)}).encode()
    assert_error(await client.post("/api/extract", content=big, headers={"content-type": "application/json"}), 413)

    async def chunks():  # no Content-Length: counted as it arrives
        for start in range(0, len(big), 64 * 1024):
            yield big[start:start + 64 * 1024]

    response = await client.post("/api/extract", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert_error(response, 413)
    assert factory.calls == 0


async def test_api_openapi_describes_the_routes(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert {"/api/quotes", "/api/people", "/api/people/{person_id}", "/api/articles/{article_id}",
            "/api/extract"} <= set(spec["paths"])
    assert "/" not in spec["paths"]
    assert "ErrorBody" in spec["components"]["schemas"]


async def test_api_extract_through_the_real_extractor(corpus_url: str, extractor) -> None:
    app = create_app(corpus_url, extractor_factory=lambda: extractor)
    text = "“We know everything,” said Andrew Scott, the actor."
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.post("/api/extract", json={"text": text, "date": "2023-11-22"})
    app.state.corpus.close()
    assert response.status_code == 200
    assert response.json() == extractor.extract(text, date="2023-11-22").to_dict()
    (quote,) = response.json()["quotes"]
    assert quote["speaker"]["people"] == ["Andrew Scott"]
    start, end = quote["spans"][0]
    assert text[start:end] == "“We know everything,”"


@pytest.mark.parametrize(("scope", "topic_reported"), [(None, False), ("speech", False), ("all", True)])
async def test_api_extract_takes_a_scope_per_request(corpus_url: str, extractor, scope, topic_reported) -> None:
    app = create_app(corpus_url, extractor_factory=lambda: extractor)  # built with the default scope, "speech"
    text = "The senator criticized the move on Tuesday. “It is wrong,” she said."
    body = {"text": text} if scope is None else {"text": text, "scope": scope}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.post("/api/extract", json=body)
    app.state.corpus.close()
    assert response.status_code == 200
    texts = [q["text"] for q in response.json()["quotes"]]
    assert "It is wrong," in texts
    assert ("the move on Tuesday" in texts) is topic_reported
