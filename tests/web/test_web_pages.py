"""The server-rendered pages, fetched in-process: content, links, escaping, errors."""

from __future__ import annotations

import re

import httpx
import pytest

pytestmark = pytest.mark.anyio

HTML = {"accept": "text/html,application/xhtml+xml"}
SCRIPT = "<script>alert(1)</script>"  # inside a stored quotation (see conftest)


async def page(client: httpx.AsyncClient, path: str, status: int = 200, **kwargs: object) -> str:
    response = await client.get(path, headers=HTML, **kwargs)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return response.text


async def person_id(client: httpx.AsyncClient, name: str) -> int:
    people = (await client.get("/api/people")).json()["people"]
    return next(p["id"] for p in people if p["name"] == name)


def scripts(html: str) -> list[str]:
    """Every <script ...> tag of a page."""
    return re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)


async def test_pages_index_shows_overview_and_latest(client: httpx.AsyncClient) -> None:
    html = await page(client, "/")
    assert "<b>4</b><span>articles</span>" in html
    assert "<b>6</b><span>quotations</span>" in html
    assert "Latest quotations" in html
    assert "<svg" in html and 'class="bar"' in html
    scott = await person_id(client, "Andrew Scott")
    assert f'href="/people/{scott}"' in html
    assert 'href="/articles/evil%2F3#quote-' in html
    assert scripts(html) == ['<script src="/static/app.js" defer>']


async def test_pages_index_searches_and_pages(client: httpx.AsyncClient) -> None:
    html = await page(client, "/", params={"speaker": "scott", "outlet": "BBC"})
    assert "2 matching quotations" in html
    assert "wonderful actor" in html and "We know everything" not in html
    html = await page(client, "/", params={"q": "nothing-matches-this"})
    assert "0 matching quotations" in html and "No quotation matches." in html


async def test_pages_index_bad_date_is_explained_inline(client: httpx.AsyncClient) -> None:
    html = await page(client, "/", 422, params={"since": "2023-99-99", "q": "actor"})
    assert "[E009]" in html and 'role="alert"' in html
    assert 'value="actor"' in html  # the form keeps what was typed


async def test_pages_person_shows_chart_roles_outlets_mentions(client: httpx.AsyncClient) -> None:
    scott = await person_id(client, "Andrew Scott")
    mescal = await person_id(client, "Paul Mescal")
    html = await page(client, f"/people/{scott}")
    assert "<h1>Andrew Scott</h1>" in html
    assert '<span class="role">actor</span>' in html
    assert "<svg" in html and html.count('class="bar"') == 2  # two weeks with quotations
    assert "The Guardian" in html and "BBC" in html
    assert f'href="/people/{mescal}"' in html  # the person he mentions
    assert html.count('class="quote-card"') == 3
    await page(client, "/people/987654", 404)


async def test_pages_article_highlights_every_attribution(client: httpx.AsyncClient) -> None:
    html = await page(client, "/articles/guardian-1")
    assert html.count('<mark id="quote-') == 2
    assert '<span class="cue"' in html and '<span class="addr"' in html
    assert re.search(r'<span class="spk sp\d"[^>]*>Scott</span>', html)
    assert "data-who=" in html and "Andrew Scott (actor)" in html
    assert 'href="https://example.com/guardian-1"' in html


async def test_pages_article_escapes_untrusted_text(client: httpx.AsyncClient) -> None:
    html = await page(client, "/articles/evil%2F3")
    assert SCRIPT not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(2)&gt;" in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; title" in html
    assert "javascript:" not in html  # an unsafe url is not made a link
    assert scripts(html) == ['<script src="/static/app.js" defer>']


async def test_pages_article_unknown_is_an_html_404(client: httpx.AsyncClient) -> None:
    html = await page(client, "/articles/%3Cscript%3Ex", 404)
    assert "<script>x" not in html and "&lt;script&gt;x" in html


async def test_pages_extract_form_and_result(client: httpx.AsyncClient, factory) -> None:
    html = await page(client, "/extract")
    assert "<textarea" in html and factory.calls == 0
    text = f"He said {SCRIPT}.\r\nThen nothing."
    response = await client.post("/extract", data={"text": text, "date": ""}, headers=HTML)
    assert response.status_code == 200
    assert SCRIPT not in response.text
    assert '<mark id="q-1" class="q sp0"' in response.text
    assert "1 quotation found" in response.text
    assert factory.made[0].calls == [(text.replace("\r\n", "\n"), None)]
    assert factory.made[0].scopes == [None]  # the server's own
    assert '<option value="" selected>' in html and '<option value="all">' in html


@pytest.mark.parametrize("scope", ["speech", "all"])
async def test_pages_extract_passes_the_chosen_scope_and_keeps_it_selected(
        client: httpx.AsyncClient, factory, scope: str) -> None:
    response = await client.post("/extract", data={"text": "He spoke.", "scope": scope}, headers=HTML)
    assert response.status_code == 200
    assert factory.made[0].scopes == [scope]
    assert f'<option value="{scope}" selected>' in response.text


async def test_pages_extract_refuses_empty_text_and_bad_date(client: httpx.AsyncClient, factory) -> None:
    response = await client.post("/extract", data={"text": "  "}, headers=HTML)
    assert response.status_code == 422 and "[E001]" in response.text
    response = await client.post("/extract", data={"text": "Hi.", "date": "tomorrow"}, headers=HTML)
    assert response.status_code == 422 and "[E009]" in response.text
    response = await client.post("/extract", data={"text": "Hi.", "scope": "everything"}, headers=HTML)
    assert response.status_code == 422 and "[E015]" in response.text
    assert factory.calls == 0


async def test_pages_extract_over_one_megabyte_is_413(client: httpx.AsyncClient) -> None:
    response = await client.post("/extract", data={"text": "a" * (1024 * 1024)}, headers=HTML)
    assert response.status_code == 413
    assert "too large" in response.text


async def test_pages_carry_a_strict_content_security_policy(client: httpx.AsyncClient) -> None:
    response = await client.get("/", headers=HTML)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "default-src 'none'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"


async def test_pages_static_files_are_served(client: httpx.AsyncClient) -> None:
    assert (await client.get("/static/style.css")).status_code == 200
    assert (await client.get("/static/app.js")).status_code == 200
    assert (await client.get("/static/missing.css")).status_code == 404


async def test_pages_errors_are_json_for_api_clients(client: httpx.AsyncClient) -> None:
    response = await client.get("/people/987654")  # no Accept: text/html
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404
