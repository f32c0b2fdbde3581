"""Plain-text articles: decoding, the ``date`` header, offsets against the gold."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.readers.fields import text_id
from onrecord.records import Article

NON_ASCII = "Café “quoted” naïve, said the minister in Zürich."


def read_one(path: Path, **kwargs: object) -> Article | ReadError:
    items = list(iter_articles([str(path)], **kwargs))
    assert len(items) == 1, items
    return items[0]


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("content", "date", "text"),
    [
        ("date 2023-11-22 The text.\n", "2023-11-22", "The text.\n"),
        (" date 2023-11-22 The text.", "2023-11-22", "The text."),
        ("\n\t date 2023-11-22\n\n  The text.", "2023-11-22", "The text."),
        ("date 2024-02-29\r\nThe text.", "2024-02-29", "The text."),
        ("The text has no header.\n", None, "The text has no header.\n"),
        ("  \n Leading space kept without a header.", None, "  \n Leading space kept without a header."),
        ("date palms grow here.", None, "date palms grow here."),
        ("Date 2023-11-22 is a capitalised word.", None, "Date 2023-11-22 is a capitalised word."),
        ("The date 2023-11-22 mid-text stays.", None, "The date 2023-11-22 mid-text stays."),
    ],
)
def test_text_header(tmp_path: Path, content: str, date: str | None, text: str) -> None:
    article = read_one(write(tmp_path, content.encode("utf-8")))
    assert isinstance(article, Article)
    assert (article.date, article.text) == (date, text)


@pytest.mark.parametrize("header", ["date 2023-13-45", "date 2023-02-30", "date 2023-1-5", " date 0000-01-01"])
def test_text_header_invalid_date(tmp_path: Path, header: str) -> None:
    error = read_one(write(tmp_path, f"{header} Some text.".encode()))
    assert isinstance(error, ReadError)
    assert error.reason.startswith("[E009]")
    assert error.source == str(tmp_path / "a.txt")


def test_text_header_alone_is_empty(tmp_path: Path) -> None:
    error = read_one(write(tmp_path, b"date 2023-11-22\n\n"))
    assert isinstance(error, ReadError) and error.reason.startswith("[E001]")


def test_text_gold_offsets_index_the_article() -> None:
    data = files("onrecord.data")
    gold = json.loads(data.joinpath("all-of-us-strangers.gold.json").read_text(encoding="utf-8"))
    with_path = data.joinpath("all-of-us-strangers.txt")
    article = read_one(Path(str(with_path)))
    assert isinstance(article, Article)
    assert article.id == "all-of-us-strangers" == gold["id"]
    assert article.date == "2023-11-22" == gold["date"]
    assert article.text.startswith("The chemistry")
    assert article.text[416:525] == gold["quotes"][0]["text"]
    for quote in gold["quotes"]:
        start, end = quote["span"]
        assert article.text[start:end] == quote["text"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_text_decoding(tmp_path: Path, encoding: str) -> None:
    article = read_one(write(tmp_path, NON_ASCII.encode(encoding)))
    assert isinstance(article, Article)
    assert article.text == NON_ASCII


@pytest.mark.parametrize(
    "text",
    [
        "Il a dit : « Le café est très bon » à la réunion, à Genève.",
        "Он сказал: «Мы знаем всё», — заявил министр в пятницу вечером.",
    ],
)
def test_text_decoding_legacy_codecs(tmp_path: Path, text: str) -> None:
    encoding = "cp1251" if "Он" in text else "latin-1"
    article = read_one(write(tmp_path, text.encode(encoding)))
    assert isinstance(article, Article)
    assert article.text == text


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "[E001]"),
        (b"  \n\t\r\n ", "[E001]"),
        ("   \n".encode("utf-16"), "[E001]"),
        (b"date 2023-11-22", "[E001]"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "[E002]"),
        (b"Some text\x00 with a NUL byte in the middle of it.", "[E002]"),
        (bytes(range(256)) * 8, "[E002]"),
    ],
)
def test_text_damaged(tmp_path: Path, data: bytes, code: str) -> None:
    error = read_one(write(tmp_path, data))
    assert isinstance(error, ReadError)
    assert error.reason.startswith(code)
    assert error.location is None


def test_text_crlf_kept(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, b"First line.\r\nSecond line.\r\n"))
    assert isinstance(article, Article) and article.text == "First line.\r\nSecond line.\r\n"


def test_text_large_article(tmp_path: Path) -> None:
    body = ("“We know everything,” said Scott. " * 160_000)[:5_000_000]
    article = read_one(write(tmp_path, ("date 2023-11-22\n" + body).encode()))
    assert isinstance(article, Article)
    assert article.text == body and len(article.text) == 5_000_000


def test_text_default_date(tmp_path: Path) -> None:
    plain = write(tmp_path, b"No header here.", "plain.txt")
    dated = write(tmp_path, b"date 2020-01-02 Header here.", "dated.txt")
    items = list(iter_articles([str(plain), str(dated)], default_date="2021-05-06"))
    assert [a.date for a in items if isinstance(a, Article)] == ["2021-05-06", "2020-01-02"]


@pytest.mark.parametrize("bad", ["2021-13-01", "yesterday", "2021-5-6"])
def test_text_default_date_invalid(bad: str) -> None:
    with pytest.raises(ValueError, match="E009"):
        iter_articles([], default_date=bad)


def test_text_id_is_the_stem(tmp_path: Path) -> None:
    article = read_one(write(tmp_path, b"Text.", "my-story.txt"))
    assert isinstance(article, Article) and article.id == "my-story"
    assert article.source == str(tmp_path / "my-story.txt")


def test_text_id_same_as_api() -> None:
    api = pytest.importorskip("onrecord.api")
    assert text_id("Café “x”") == api.text_id("Café “x”")
