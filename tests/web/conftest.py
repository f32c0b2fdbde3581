"""Fixtures of the web tests: a small corpus stored through the store, and the app over it."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from onrecord.records import Addressee, Article, Cue, Extraction, Person, Quote, Speaker
from onrecord.store import Store
from onrecord.web import create_app

SCRIPT = "<script>alert(1)</script>"


def _at(text: str, piece: str, start: int = 0) -> tuple[int, int]:
    """The offsets of ``piece`` in ``text`` (its first occurrence from ``start``)."""
    begin = text.index(piece, start)
    return begin, begin + len(piece)


def _near(text: str, piece: str, anchor: int) -> tuple[int, int]:
    """The offsets of ``piece``: its first occurrence after ``anchor``, else its last before."""
    begin = text.find(piece, anchor)
    if begin < 0:
        begin = text.rindex(piece, 0, anchor)
    return begin, begin + len(piece)


def _quote(text: str, kind: str, content: str, cue: str | None, speaker: str | None, people: list[str],
           addressee: str | None = None, confidence: float = 0.9) -> Quote:
    span = _at(text, content)
    inner = content.strip("“”\"")
    return Quote(
        kind=kind,  # type: ignore[arg-type]
        text=inner,
        spans=[span],
        cue=Cue(cue, _near(text, cue, span[0])) if cue else None,
        speaker=Speaker(speaker, _near(text, speaker, span[0]), people) if speaker else None,
        addressee=Addressee(addressee, _near(text, addressee, span[0])) if addressee else None,
        confidence=confidence,
    )


def corpus_extractions() -> list[Extraction]:
    """Four hand-built articles: two outlets and weeks, a mention inside a quotation,
    an id with a slash, HTML in a title and a script inside a quotation, and an undated one."""
    a = ("Andrew Scott spoke to reporters. “We know everything,” said Scott, the actor. "
         "Paul Mescal told Variety that the shoot was fun.")
    b = "“Paul Mescal is a wonderful actor,” Andrew Scott said on Tuesday. He added that they would work again."
    c = (f"The hacker wrote: “{SCRIPT} is harmless,” Mallory Smith said. "
         "<img src=x onerror=alert(2)> was not quoted.")
    d = "“No date here,” said Jane Roe, a spokeswoman."
    return [
        Extraction(
            Article(a, id="guardian-1", date="2023-11-22", title="Strangers in the night", outlet="The Guardian",
                    url="https://example.com/guardian-1"),
            quotes=[
                _quote(a, "direct", "“We know everything,”", "said", "Scott", ["Andrew Scott"]),
                _quote(a, "indirect", "the shoot was fun", "told", "Paul Mescal", ["Paul Mescal"],
                       addressee="Variety", confidence=0.75),
            ],
            people=[Person("Andrew Scott", ["actor"], [_at(a, "Andrew Scott"), _at(a, "Scott", 40)]),
                    Person("Paul Mescal", [], [_at(a, "Paul Mescal")])],
        ),
        Extraction(
            Article(b, id="bbc-2", date="2023-12-05", title="A wonderful actor", outlet="BBC"),
            quotes=[
                _quote(b, "direct", "“Paul Mescal is a wonderful actor,”", "said", "Andrew Scott", ["Andrew Scott"]),
                _quote(b, "indirect", "they would work again", "added", "He", ["Andrew Scott"], confidence=0.7),
            ],
            people=[Person("Andrew Scott", ["actor"], [_at(b, "Andrew Scott")]),
                    Person("Paul Mescal", [], [_at(b, "Paul Mescal")])],
        ),
        Extraction(
            Article(c, id="evil/3", date="2024-01-10", title="<b>Bold</b> title", outlet="Example News",
                    url="javascript:alert(3)"),
            quotes=[_quote(c, "direct", f"“{SCRIPT} is harmless,”", "said", "Mallory Smith", ["Mallory Smith"])],
            people=[Person("Mallory Smith", [], [_at(c, "Mallory Smith")])],
        ),
        Extraction(
            Article(d, id="undated-4", outlet="The Guardian"),
            quotes=[_quote(d, "direct", "“No date here,”", "said", "Jane Roe", ["Jane Roe"])],
            people=[Person("Jane Roe", ["spokeswoman"], [_at(d, "Jane Roe")])],
        ),
    ]


def fill(db_url: str) -> None:
    """Store :func:`corpus_extractions` in the database at ``db_url``."""
    with Store.open(db_url) as store:
        for extraction in corpus_extractions():
            store.add(extraction)


@pytest.fixture(scope="session")
def corpus_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the test corpus (the web app never writes to it)."""
    path: Path = tmp_path_factory.mktemp("web") / "corpus.db"
    url = f"sqlite:///{path}"
    fill(url)
    return url


class FakeExtractor:
    """Stands in for the real extractor: one quotation over the first sentence, made up."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []
        self.scopes: list[str | None] = []

    def extract(self, text: str, date: str | None = None, *, scope: str | None = None) -> Extraction:
        self.calls.append((text, date))
        self.scopes.append(scope)
        end = text.find(".") + 1 or len(text)
        quote = Quote("direct", text[:end], [(0, end)], confidence=0.5)
        return Extraction(Article(text, id="fake", date=date), quotes=[quote])


class CountingFactory:
    """An extractor factory that counts how often it is called."""

    def __init__(self, make: Callable[[], object] = FakeExtractor) -> None:
        self.make = make
        self.calls = 0
        self.made: list[object] = []

    def __call__(self) -> object:
        self.calls += 1
        made = self.make()
        self.made.append(made)
        return made


@pytest.fixture
def factory() -> CountingFactory:
    return CountingFactory()


@pytest.fixture
def app(corpus_url: str, factory: CountingFactory):
    app = create_app(corpus_url, extractor_factory=factory)
    yield app
    app.state.corpus.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(app) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client calling the app in-process (server errors answered, not raised)."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
