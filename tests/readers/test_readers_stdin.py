"""Standard input: the format recognised by content."""

from __future__ import annotations

import io
import json
import os
import threading
from pathlib import Path
from typing import BinaryIO

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.readers.fields import text_id
from onrecord.records import Article

PAGE = (
    "<html><head><title>Page</title></head><body><article><p>“We know everything,” the minister said "
    "on Tuesday, adding that the plan would go ahead despite the protests outside.</p></article></body></html>"
)


def warc(gzip: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        "https://example.org/p", "response", payload=io.BytesIO(PAGE.encode()), http_headers=headers
    )
    writer.write_record(record)
    return buffer.getvalue()


def texts(items: list[Article | ReadError]) -> list[str]:
    return [item.text if isinstance(item, Article) else item.reason[:6] for item in items]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"date 2023-11-22  Plain text.", ["Plain text."]),
        (b"Plain text, no header.", ["Plain text, no header."]),
        (b'{"text": "one"}\n{"text": "two"}\n', ["one", "two"]),
        (b'  \n[{"text": "one"}, {"text": "two"}]', ["one", "two"]),
        ('\ufeff{"text": "one"}'.encode(), ["one"]),
        (b"Caf\xe9 \x93quoted\x94 na\xefve, said the minister.", ["Café “quoted” naïve, said the minister."]),
        ('{"text": "wide"}'.encode("utf-16"), ["wide"]),
        (b"", ["[E001]"]),
        (b"\x00\x01\x02\x03binary\xff\xfe\xfd" * 30, ["[E002]"]),
    ],
)
def test_stdin_formats(data: bytes, expected: list[str]) -> None:
    items = list(iter_articles(["-"], stdin=io.BytesIO(data)))
    assert texts(items) == expected
    assert {item.source for item in items} == {"-"}


def test_stdin_html() -> None:
    (article,) = iter_articles(["-"], stdin=io.BytesIO(PAGE.encode()))
    assert isinstance(article, Article) and article.title == "Page" and "the minister said" in article.text


@pytest.mark.parametrize("gzip", [False, True])
def test_stdin_warc(gzip: bool) -> None:
    (article,) = iter_articles(["-"], stdin=io.BytesIO(warc(gzip)))
    assert isinstance(article, Article) and article.url == "https://example.org/p" and article.source == "-"


def test_stdin_ids_without_path() -> None:
    data = b'{"text": "one"}\n{"text": "two", "url": "https://example.org/two"}\n'
    one, two = iter_articles(["-"], stdin=io.BytesIO(data))
    assert one.id == text_id("one")
    assert two.id.startswith("example-org-two-")
    (plain,) = iter_articles(["-"], stdin=io.BytesIO(b"Just text."))
    assert plain.id == text_id("Just text.")


def test_stdin_mixed_with_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("From a file.")
    items = list(
        iter_articles([str(tmp_path / "a.txt"), "-"], stdin=io.BytesIO(b"From stdin."), default_date="2020-02-02")
    )
    assert texts(items) == ["From a file.", "From stdin."]
    assert [item.date for item in items] == ["2020-02-02", "2020-02-02"]


def pipe(data: bytes) -> BinaryIO:
    """A real, non-seekable stream (an OS pipe) that yields ``data``."""
    read_fd, write_fd = os.pipe()

    def feed() -> None:
        with os.fdopen(write_fd, "wb") as writer:
            writer.write(data)

    threading.Thread(target=feed, daemon=True).start()
    return os.fdopen(read_fd, "rb")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\n" * 20_000 + b"date 2023-11-22 After many blank lines.", ["After many blank lines."]),
        (b"".join(json.dumps({"text": f"r{i}"}).encode() + b"\n" for i in range(5000)), [f"r{i}" for i in range(5000)]),
        (warc(True) * 3, ["the minister said"] * 3),
    ],
)
def test_stdin_non_seekable(data: bytes, expected: list[str]) -> None:
    with pipe(data) as stream:
        assert not stream.seekable()
        items = list(iter_articles(["-"], stdin=stream))
    got = texts(items)
    assert len(got) == len(expected)
    assert all(want in text for text, want in zip(got, expected, strict=True))
