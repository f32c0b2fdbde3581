"""HTML pages: main text, metadata, charsets, pages without text."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.readers.html import meta_charset
from onrecord.records import Article

BODY = (
    "<p>“We know everything,” the minister said on Tuesday, adding that the plan for the new "
    "bridge would go ahead despite the protests.</p><p>Critics disagreed, calling the café project naïve.</p>"
)
PAGE = (
    '<!DOCTYPE html><html><head><meta charset="{charset}"><title>Minister speaks</title>'
    '<meta property="og:site_name" content="Daily Planet">'
    '<meta name="date" content="2023-11-22T08:00:00+01:00">'
    '<link rel="canonical" href="https://planet.example/news/minister-speaks">'
    "</head><body><nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
    "<article><h1>Minister speaks</h1>{body}</article>"
    "<footer>© 2023 Daily Planet. All rights reserved.</footer></body></html>"
)


def page(charset: str = "utf-8", body: str = BODY) -> str:
    return PAGE.replace("{charset}", charset).replace("{body}", body)


def read_one(tmp_path: Path, data: bytes, name: str = "page.html") -> Article | ReadError:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(iter_articles([str(path)]))
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize("name", ["page.html", "page.htm", "PAGE.HTML"])
def test_html_main_text_and_metadata(tmp_path: Path, name: str) -> None:
    article = read_one(tmp_path, page().encode(), name)
    assert isinstance(article, Article)
    assert "“We know everything,” the minister said on Tuesday" in article.text
    assert "Critics disagreed" in article.text
    assert "All rights reserved" not in article.text and "Home" not in article.text
    assert article.title == "Minister speaks"
    assert article.date == "2023-11-22"
    assert article.url == "https://planet.example/news/minister-speaks"
    assert article.outlet == "Daily Planet"
    assert article.id is not None and article.id.startswith("planet-example-news-minister-speaks-")
    assert article.source == str(tmp_path / name)


@pytest.mark.parametrize(
    ("charset", "encoding"), [("windows-1252", "cp1252"), ("iso-8859-1", "cp1252"), ("utf-8", "utf-8")]
)
def test_html_declared_charset(tmp_path: Path, charset: str, encoding: str) -> None:
    article = read_one(tmp_path, page(charset).encode(encoding))
    assert isinstance(article, Article)
    assert "“We know everything,”" in article.text and "café project naïve" in article.text


def test_html_wrong_declared_charset_falls_back(tmp_path: Path) -> None:
    article = read_one(tmp_path, page("no-such-charset").encode("cp1252"))
    assert isinstance(article, Article) and "café project naïve" in article.text


def test_html_without_metadata_gets_path_id(tmp_path: Path) -> None:
    markup = f"<html><body><article>{BODY}</article></body></html>"
    article = read_one(tmp_path, markup.encode(), "story.html")
    assert isinstance(article, Article)
    assert (article.id, article.url, article.title, article.date) == ("story", None, None, None)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"<html><head><title>Nothing</title></head><body></body></html>", "[E010]"),
        (b"<html><body><script>var x = 1;</script></body></html>", "[E010]"),
        (b"", "[E001]"),
        (b"   \n", "[E001]"),
        (b"<html>\x00\x01\x02\x03\xff\xfe\x00" * 40, "[E002]"),
    ],
)
def test_html_damaged(tmp_path: Path, data: bytes, code: str) -> None:
    error = read_one(tmp_path, data)
    assert isinstance(error, ReadError) and error.reason.startswith(code)


@pytest.mark.parametrize(
    ("head", "charset"),
    [
        (b'<meta charset="utf-8">', "utf-8"),
        (b"<META CHARSET=windows-1252>", "windows-1252"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "ISO-8859-1"),
        (b"<title>no declaration</title>", None),
    ],
)
def test_html_meta_charset(head: bytes, charset: str | None) -> None:
    assert meta_charset(b"<html><head>" + head + b"</head>") == charset


def test_html_meta_claiming_utf16_is_ignored(tmp_path: Path) -> None:
    article = read_one(tmp_path, page("utf-16").encode("utf-8"))
    assert isinstance(article, Article) and "café project naïve" in article.text


def test_html_utf16_with_bom(tmp_path: Path) -> None:
    article = read_one(tmp_path, page("utf-16").encode("utf-16"))
    assert isinstance(article, Article) and "café project naïve" in article.text
