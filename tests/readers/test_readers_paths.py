"""Paths: files, directories walked, missing and unsupported inputs, id stability."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.readers.fields import text_id, url_id
from onrecord.readers.paths import format_of
from onrecord.records import Article

PAGE = (
    "<html><head><title>Page</title></head><body><article><p>“We know everything,” the minister said "
    "on Tuesday, adding that the plan would go ahead despite the protests outside.</p></article></body></html>"
)


def tree(root: Path) -> None:
    """A small corpus: nested folders, hidden entries, files onrecord does not read."""
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text("date 2023-01-02 Text A.")
    (root / "b" / "c.jsonl").write_text('{"text": "C1"}\n{"text": "C2"}\n')
    (root / "b" / "deep" / "d.html").write_text(PAGE)
    (root / "b" / "deep" / "e.txt").write_text("Text E.")
    (root / "b" / "notes.md").write_text("# not an article")
    (root / "b" / "image.png").write_bytes(b"\x89PNG\r\n")
    (root / "b" / "README").write_text("no suffix")
    (root / ".secret.txt").write_text("hidden file")
    (root / ".hidden" / "f.txt").write_text("in a hidden folder")
    (root / "z.TXT").write_text("Text Z.")


def test_paths_directory_walked_sorted(tmp_path: Path) -> None:
    tree(tmp_path)
    items = list(iter_articles([str(tmp_path)]))
    assert all(isinstance(item, Article) for item in items), items
    assert [a.text for a in items][:3] == ["Text A.", "C1", "C2"]
    assert "the minister said" in items[3].text
    assert [a.text for a in items][4:] == ["Text E.", "Text Z."]
    assert [a.source for a in items] == [
        os.path.join(str(tmp_path), p)
        for p in ("a.txt", "b/c.jsonl", "b/c.jsonl", "b/deep/d.html", "b/deep/e.txt", "z.TXT")
    ]
    assert [a.id for a in items] == ["a", "b-c-1", "b-c-2", "b-deep-d", "b-deep-e", "z"]


def test_paths_same_ids_on_every_run(tmp_path: Path) -> None:
    tree(tmp_path)
    first = [a.id for a in iter_articles([str(tmp_path)])]
    second = [a.id for a in iter_articles([str(tmp_path)])]
    assert first == second and len(set(first)) == len(first)


def test_paths_named_file_id_is_its_stem(tmp_path: Path) -> None:
    tree(tmp_path)
    (named,) = iter_articles([str(tmp_path / "b" / "deep" / "e.txt")])
    assert isinstance(named, Article) and (named.id, named.source) == ("e", str(tmp_path / "b" / "deep" / "e.txt"))


def test_paths_named_hidden_file_is_read(tmp_path: Path) -> None:
    tree(tmp_path)
    (item,) = iter_articles([str(tmp_path / ".secret.txt")])
    assert isinstance(item, Article) and item.text == "hidden file"


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("missing.txt", "[E006]"),
        ("notes.md", "[E007] unsupported input type '.md'"),
        ("README", "[E007] unsupported input type '(none)'"),
    ],
)
def test_paths_bad_named_path(tmp_path: Path, name: str, code: str) -> None:
    (tmp_path / "notes.md").write_text("x")
    (tmp_path / "README").write_text("x")
    (error,) = iter_articles([str(tmp_path / name)])
    assert isinstance(error, ReadError) and error.reason.startswith(code)
    assert error.source == str(tmp_path / name)


def test_paths_errors_do_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Fine.")
    (tmp_path / "empty.txt").write_text("")
    paths = [str(tmp_path / "nope.txt"), str(tmp_path / "empty.txt"), str(tmp_path / "ok.txt")]
    items = list(iter_articles(paths))
    assert [type(item).__name__ for item in items] == ["ReadError", "ReadError", "Article"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_paths_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("secret")
    path.chmod(0)
    (error,) = iter_articles([str(path)])
    assert isinstance(error, ReadError) and error.reason.startswith("[E008]")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.JSONL", "json"),
        ("a.json", "json"),
        ("a.htm", "html"),
        ("a.warc.gz", "warc"),
        ("a.warc", "warc"),
        ("a.gz", None),
        ("a.txt.bak", None),
        (".txt", None),
    ],
)
def test_paths_format_of(name: str, expected: str | None) -> None:
    found = format_of(name)
    assert (found[1] if found else None) == expected


def test_paths_id_from_url_is_stable_and_distinct() -> None:
    a = url_id("https://www.example.com/news/2023/story.html?page=1")
    assert a == url_id("https://www.example.com/news/2023/story.html?page=1")
    assert a != url_id("https://www.example.com/news/2023/story.html?page=2")
    assert a.startswith("example-com-news-2023-story-html-")
    assert len(url_id("https://example.com/" + "x" * 500)) <= 60 + 9


def test_paths_id_from_text_when_nothing_else(tmp_path: Path) -> None:
    (article,) = iter_articles(["-"], stdin=io.BytesIO(json.dumps({"text": "Only text."}).encode()))
    assert isinstance(article, Article) and article.id == text_id("Only text.")


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_paths_linked_folder_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text A.")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    assert [a.text for a in iter_articles([str(tmp_path)])] == ["Text A.", "Text A."]
