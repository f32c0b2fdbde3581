"""WARC archives: HTML responses as articles, damaged archives."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.records import Article

PARAGRAPH = "“We know everything,” the minister said on Tuesday, adding that the café plan would go ahead. "


def html(n: int) -> str:
    return (
        f"<html><head><title>Story {n}</title></head><body><nav>Home</nav>"
        f"<article><p>{PARAGRAPH * 3}</p><p>Story number {n}, naïve or not.</p></article></body></html>"
    )


def response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
) -> None:
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))


def archive(gzip: bool = False) -> bytes:
    """Three HTML stories among records that are not articles."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "pytest"}))
    response(writer, "https://news.example/story-1", html(1).encode())
    response(writer, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n\x00", "image/png")
    response(writer, "https://news.example/story-2", html(2).encode("cp1252"), "text/html; charset=windows-1252")
    response(writer, "https://news.example/gone", b"<html><body><p>Not here</p></body></html>", status="404 Not Found")
    response(writer, "https://news.example/story-3", html(3).encode(), "application/xhtml+xml")
    return buffer.getvalue()


def read_bytes(tmp_path: Path, data: bytes, name: str = "crawl.warc") -> list[Article | ReadError]:
    path = tmp_path / name
    path.write_bytes(data)
    return list(iter_articles([str(path)]))


@pytest.mark.parametrize(("gzip", "name"), [(False, "crawl.warc"), (True, "crawl.warc.gz")])
def test_warc_html_responses(tmp_path: Path, gzip: bool, name: str) -> None:
    items = read_bytes(tmp_path, archive(gzip), name)
    assert all(isinstance(item, Article) for item in items), items
    assert [a.url for a in items] == [f"https://news.example/story-{n}" for n in (1, 2, 3)]
    assert [a.title for a in items] == ["Story 1", "Story 2", "Story 3"]
    assert all("“We know everything,”" in a.text and "naïve" in a.text for a in items)
    assert {a.source for a in items} == {str(tmp_path / name)}
    assert len({a.id for a in items}) == 3
    assert items[0].id.startswith("news-example-story-1-")


@pytest.mark.parametrize("gzip", [False, True])
def test_warc_truncated_keeps_earlier_articles(tmp_path: Path, gzip: bool) -> None:
    data = archive(gzip)
    cut = len(data) - 200  # inside the last record, story 3
    items = read_bytes(tmp_path, data[:cut], "cut.warc.gz" if gzip else "cut.warc")
    *articles, error = items
    assert [a.url for a in articles] == ["https://news.example/story-1", "https://news.example/story-2"]
    assert isinstance(error, ReadError)
    assert error.reason.startswith("[E011]")
    assert error.source.endswith(".warc.gz" if gzip else ".warc")
    assert error.location is not None and error.location.startswith("offset ")


@pytest.mark.parametrize("fraction", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_warc_truncated_anywhere(tmp_path: Path, fraction: float) -> None:
    data = archive()
    items = read_bytes(tmp_path, data[: int(len(data) * fraction)])
    assert isinstance(items[-1], ReadError) and items[-1].reason.startswith("[E011]")
    assert all(isinstance(item, Article) for item in items[:-1])


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "[E001]"),
        (b"This is not a WARC file at all.\n", "[E011]"),
        (b"\x1f\x8b\x08\x00garbage", "[E011]"),
    ],
)
def test_warc_damaged(tmp_path: Path, data: bytes, code: str) -> None:
    (error,) = read_bytes(tmp_path, data)
    assert isinstance(error, ReadError) and error.reason.startswith(code)


@pytest.mark.parametrize(
    "content_type", ["text/html; charset=no-such-charset", "text/html; charset=utf-8", "text/html"]
)
def test_warc_bad_or_missing_charset_detected(tmp_path: Path, content_type: str) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    response(writer, "https://news.example/latin", html(1).encode("cp1252"), content_type)
    (article,) = read_bytes(tmp_path, buffer.getvalue())
    assert isinstance(article, Article) and "café plan" in article.text and "naïve" in article.text


def test_warc_record_without_text(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    response(writer, "https://news.example/empty", b"<html><body></body></html>")
    response(writer, "https://news.example/story-1", html(1).encode())
    empty, article = read_bytes(tmp_path, buffer.getvalue())
    assert isinstance(empty, ReadError) and empty.reason.startswith("[E010]") and empty.location == "offset 0"
    assert isinstance(article, Article) and article.url == "https://news.example/story-1"
