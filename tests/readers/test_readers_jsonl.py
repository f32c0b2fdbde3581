"""JSON Lines and JSON inputs: records, layouts, bad lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.records import Article


def read_all(tmp_path: Path, content: str | bytes, name: str = "in.jsonl") -> list[Article | ReadError]:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return list(iter_articles([str(path)]))


def summary(items: list[Article | ReadError]) -> list[str]:
    """Articles as their text, errors as ``code@location``."""
    return [item.text if isinstance(item, Article) else f"{item.reason[:6]}@{item.location}" for item in items]


def test_jsonl_fields(tmp_path: Path) -> None:
    record = {
        "id": "a1",
        "date": "2019-01-04",
        "title": "Title",
        "url": "https://example.org/a",
        "outlet": "Example",
        "text": "“Hello,” she said.",
        "extra": [1, 2],
    }
    (article,) = read_all(tmp_path, json.dumps(record, ensure_ascii=False) + "\n")
    assert article == Article(
        text="“Hello,” she said.",
        id="a1",
        date="2019-01-04",
        title="Title",
        url="https://example.org/a",
        outlet="Example",
        source=str(tmp_path / "in.jsonl"),
    )


def test_jsonl_bad_line_reported_and_rest_read(tmp_path: Path) -> None:
    content = '{"text": "one"}\n{"text": "two",\n\n{"text": "three"}\n'
    items = read_all(tmp_path, content)
    assert summary(items) == ["one", "[E004]@line 2", "three"]
    assert "line 2" in items[1].reason and str(items[1]).startswith(str(tmp_path / "in.jsonl") + ":line 2: ")


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ('{"title": "no text"}', "[E005]"),
        ('{"text": 42}', "[E005]"),
        ('["text", "a list"]', "[E005]"),
        ('"just a string"', "[E005]"),
        ('{"text": "   "}', "[E001]"),
        ('{"text": "ok", "date": "22/11/2023"}', "[E009]"),
        ('{"text": "ok", "date": 20231122}', "[E009]"),
        ('{"text": "ok\\ud800"}', "[E003]"),
        ("{'text': 'single quotes'}", "[E004]"),
        ('{"text": "unterminated', "[E004]"),
    ],
)
def test_jsonl_bad_record(tmp_path: Path, line: str, code: str) -> None:
    items = read_all(tmp_path, '{"text": "first"}\n' + line + '\n{"text": "last"}\n')
    assert summary(items) == ["first", f"{code}@line 2", "last"]


def test_jsonl_not_utf8_line(tmp_path: Path) -> None:
    content = b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "next"}\n'
    assert summary(read_all(tmp_path, content)) == ["ok", "[E004]@line 2", "next"]


@pytest.mark.parametrize(
    ("value", "date"),
    [
        ("2019-01-04", "2019-01-04"),
        ("2019-01-04T10:30:00Z", "2019-01-04"),
        ("2019-01-04 23:59:00+02:00", "2019-01-04"),
        ("", None),
        (None, None),
    ],
)
def test_jsonl_dates_normalised(tmp_path: Path, value: str | None, date: str | None) -> None:
    (article,) = read_all(tmp_path, json.dumps({"text": "t", "date": value}))
    assert isinstance(article, Article) and article.date == date


@pytest.mark.parametrize(
    "content",
    [
        '[{"text": "one"}, {"text": "two"}]',
        '[\n  {"text": "one"},\n  {"text": "two"}\n]\n',
        '\ufeff{"text": "one"}\n{"text": "two"}',
        '{"text": "one"}\r\n\r\n{"text": "two"}\r\n',
        '{\n  "text": "one"\n}\n{\n  "text": "two"\n}\n',
    ],
)
def test_json_layouts(tmp_path: Path, content: str) -> None:
    assert summary(read_all(tmp_path, content, "in.json")) == ["one", "two"]


def test_json_single_pretty_object(tmp_path: Path) -> None:
    content = json.dumps({"id": "x", "text": "Only one."}, indent=2)
    (article,) = read_all(tmp_path, content, "one.json")
    assert isinstance(article, Article) and (article.id, article.text) == ("x", "Only one.")


def test_json_list_errors_name_their_line(tmp_path: Path) -> None:
    content = '[\n  {"text": "one"},\n  {"title": "none"},\n  {"text": "three"},\n  {"text": oops}\n]'
    assert summary(read_all(tmp_path, content, "in.json")) == ["one", "[E005]@line 3", "three", "[E004]@line 5"]


@pytest.mark.parametrize(
    "content", ['[{"text": "one"}', '[{"text": "one"},]', '[{"text": "one"}] extra', '[{"text": "one"} {"text": "2"}]']
)
def test_json_list_damaged(tmp_path: Path, content: str) -> None:
    items = read_all(tmp_path, content, "in.json")
    assert summary(items)[0] == "one"
    assert summary(items)[-1] == "[E004]@line 1"


def test_json_utf16(tmp_path: Path) -> None:
    content = '{"text": "Café “quoted”"}\n{"text": "two"}\n'.encode("utf-16")
    assert summary(read_all(tmp_path, content)) == ["Café “quoted”", "two"]


@pytest.mark.parametrize(
    ("content", "code"), [(b"", "[E001]"), (b"\n \n", "[E001]"), (b"{\x00\x01\x02\xff" * 50, "[E002]")]
)
def test_json_empty_or_binary(tmp_path: Path, content: bytes, code: str) -> None:
    assert summary(read_all(tmp_path, content)) == [f"{code}@None"]


def test_jsonl_ids(tmp_path: Path) -> None:
    lines = [
        {"id": "given", "text": "a"},
        {"id": 7, "text": "b"},
        {"url": "https://www.example.com/news/2023/story.html", "text": "c"},
        {"text": "d"},
    ]
    items = read_all(tmp_path, "\n".join(json.dumps(x) for x in lines), "feed.jsonl")
    ids = [item.id for item in items if isinstance(item, Article)]
    assert ids[:2] == ["given", "7"]
    assert (
        ids[2].startswith("example-com-news-2023-story-html-")
        and len(ids[2]) == len("example-com-news-2023-story-html-") + 8
    )
    assert ids[3] == "feed-4"
    again = [item.id for item in iter_articles([str(tmp_path / "feed.jsonl")]) if isinstance(item, Article)]
    assert again == ids


def test_jsonl_streams_line_by_line(tmp_path: Path) -> None:
    """The first article comes out before a later line is even looked at."""
    path = tmp_path / "big.jsonl"
    path.write_text('{"text": "first"}\n' + '{"text": "x"}\n' * 100_000)
    items = iter_articles([str(path)])
    first = next(items)
    with path.open("ab") as handle:  # appended after the first record was read: still picked up
        handle.write(b'{"text": "appended"}\n')
    rest = list(items)
    assert isinstance(first, Article) and first.text == "first"
    assert rest[-1].text == "appended"
