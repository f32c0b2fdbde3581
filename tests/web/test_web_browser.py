"""The pages in a real browser: Debian's Chromium driven by Playwright against a running server.

Screenshots go to ``tests/artifacts/screenshots/``. Skipped when
``/usr/bin/chromium`` is absent (install it with ``apt-get install chromium``;
``playwright install`` is never needed).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason=f"no browser: {CHROMIUM} is absent (apt-get install chromium)")

sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")

PASTED = ("“We know everything,” said Andrew Scott, the actor. "
          "Paul Mescal told Entertainment Weekly that the shoot was a lot of fun.")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def live_url(corpus_url: str, extractor) -> Iterator[str]:
    """``onrecord serve``'s app over the test corpus, run by uvicorn in a thread on a free loopback port."""
    import uvicorn

    from onrecord.web import create_app

    app = create_app(corpus_url, extractor_factory=lambda: extractor)
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, name="onrecord-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


class Tab:
    """A browser page that records dialogs and console errors."""

    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        page.on("pageerror", lambda err: self.errors.append(str(err)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def goto(self, path: str) -> None:
        response = self.page.goto(self.base + path)
        assert response is not None and response.ok, path

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def tab(browser, live_url: str) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    opened = Tab(page, live_url)
    yield opened
    context.close()
    assert opened.errors == [], "the page logged errors (a blocked resource?)"


def test_browser_search_and_open_a_result(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    assert page.locator(".overview svg rect.bar").count() > 0
    tab.shot("index")
    page.fill("input[name=q]", "wonderful actor")
    page.click("button[type=submit]")
    page.wait_for_url("**/?q=wonderful+actor*")
    cards = page.locator(".quote-card")
    assert cards.count() == 1
    assert "Andrew Scott" in cards.first.inner_text()
    tab.shot("search")
    cards.first.locator("a.article-link").click()
    page.wait_for_url("**/articles/bbc-2#quote-*")
    assert page.locator("h1").inner_text() == "A wonderful actor"
    target = page.locator("mark.q:target")
    assert target.count() == 1 and "wonderful actor" in target.inner_text()


def test_browser_person_page_draws_the_chart(tab: Tab) -> None:
    page = tab.page
    tab.goto("/")
    page.locator("aside .ranking a", has_text="Andrew Scott").click()
    page.wait_for_url("**/people/*")
    assert page.locator("h1").inner_text() == "Andrew Scott"
    bars = page.locator(".timeline svg rect.bar")
    assert bars.count() == 2
    assert bars.first.bounding_box()["height"] > 10
    assert page.locator("aside").inner_text().count("Paul Mescal") == 1
    tab.shot("person")


def test_browser_article_highlights_and_resolves_mentions(tab: Tab) -> None:
    page = tab.page
    tab.goto("/articles/guardian-1")
    assert page.locator(".article-text mark.q").count() == 2
    assert page.locator(".article-text .cue").count() == 2
    speaker = page.locator(".article-text .spk", has_text="Scott")
    assert "Andrew Scott" in speaker.get_attribute("title")
    speaker.click()
    popover = page.locator(".popover")
    popover.wait_for()
    assert "Andrew Scott" in popover.inner_text()
    assert popover.locator("a").get_attribute("href").startswith("/people/")
    tab.shot("article")
    page.keyboard.press("Escape")
    assert page.locator(".popover").count() == 0


def test_browser_script_in_a_quotation_stays_text(tab: Tab) -> None:
    page = tab.page
    tab.goto("/articles/evil%2F3")
    mark = page.locator(".article-text mark.q")
    assert mark.count() == 1
    assert "<script>alert(1)</script>" in mark.inner_text()
    assert page.locator(".article-text script, .article-text img").count() == 0
    page.wait_for_timeout(300)
    tab.shot("article-script")
    assert tab.dialogs == []


def test_browser_extract_highlights_pasted_text(tab: Tab) -> None:
    page = tab.page
    tab.goto("/extract")
    page.fill("textarea[name=text]", PASTED + " <script>alert(4)</script>")
    page.click("button[type=submit]")
    page.locator(".result .article-text mark.q").first.wait_for()
    assert page.locator(".result .article-text mark.q").count() >= 2
    assert page.locator(".result .quote-table tbody tr").count() >= 2
    assert "Andrew Scott" in page.locator(".result .quote-table").inner_text()
    page.locator(".result .quote-table tbody tr").first.hover()
    tab.shot("extract")
    assert tab.dialogs == []
