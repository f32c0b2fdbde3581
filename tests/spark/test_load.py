"""Spark's Parquet output read back as extractions, whatever the extractor finds today."""

from __future__ import annotations

import pyarrow as pa
import pytest

from onrecord.errors import ReadError
from onrecord.records import Addressee, Article, Cue, Extraction, Person, Quote, Speaker
from onrecord.spark.load import OutputError, read_failures, read_output
from onrecord.spark.schema import RESULT_SCHEMA
from onrecord.spark.worker import extraction_result, failure_result

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

TEXT = "“We know,” Scott said, “everything.” He told EW the film was personal. The ministry said no."


def _extractions() -> list[Extraction]:
    scott = Speaker("Scott", (11, 16), ["Andrew Scott"], [])
    quotes = [
        Quote("direct", "We know, everything.", [(0, 10), (22, 36)], Cue("said", (17, 21)), scott, None, 0.97),
        Quote(
            "indirect",
            "the film was personal",
            [(48, 69)],
            Cue("told", (40, 44)),
            Speaker("He", (37, 39), ["Andrew Scott"]),
            Addressee("EW", (45, 47)),
            0.8,
        ),
        Quote("indirect", "no", [(89, 91)], None, Speaker("The ministry", (71, 83), [], ["the ministry"]), None, 0.5),
    ]
    people = [Person("Andrew Scott", ["actor"], [(11, 16), (37, 39)], "m")]
    dated = Article(
        TEXT, id="a1", date="2023-11-22", title="T", url="https://x.example/a1", outlet="X", source="/in/a1.txt"
    )
    undated = Article("Nothing said here.", id="a2", source="/in/a2.txt")
    return [
        Extraction(dated, quotes, people, ["the ministry"]),
        Extraction(undated, [], [], []),
    ]


def test_read_output_round_trip(spark, tmp_path):
    from onrecord.spark.frames import frames_from_results
    from onrecord.spark.job import write_output

    extractions = _extractions()
    rows = [extraction_result(e, keep_text=True) for e in extractions]
    rows.append(failure_result({"source": "/in/bad.jsonl", "location": "line 3"}, "[E004] malformed JSON on line 3: x"))
    results = spark.createDataFrame(pa.Table.from_pylist(rows, schema=RESULT_SCHEMA))
    write_output(frames_from_results(results), str(tmp_path / "out"))

    back = sorted(read_output(tmp_path / "out"), key=lambda e: e.article.id)
    assert [e.to_dict() for e in back] == [e.to_dict() for e in extractions]
    assert [p.gender for p in back[0].people] == ["m"]
    assert back[0].article.text == TEXT
    assert list(read_failures(tmp_path / "out")) == [
        ReadError("/in/bad.jsonl", "[E004] malformed JSON on line 3: x", "line 3")
    ]


def test_read_output_refuses_other_folders(tmp_path):
    with pytest.raises(OutputError):
        list(read_output(tmp_path))


def test_ingest_from_parquet_stores_a_spark_run(spark, tmp_path):
    from click.testing import CliRunner

    from onrecord.cli import main
    from onrecord.spark.frames import frames_from_results
    from onrecord.spark.job import write_output
    from onrecord.store import Store

    rows = [extraction_result(e, keep_text=True) for e in _extractions()]
    rows.append(failure_result({"source": "/in/bad.jsonl", "location": "line 3"}, "[E004] malformed JSON on line 3: x"))
    write_output(frames_from_results(spark.createDataFrame(pa.Table.from_pylist(rows, schema=RESULT_SCHEMA))),
                 str(tmp_path / "out"))
    url = f"sqlite:///{tmp_path / 'corpus.db'}"
    result = CliRunner().invoke(main, ["ingest", "--from-parquet", str(tmp_path / "out"), "--db", url])
    assert result.exit_code == 1  # the failure is carried over and named
    assert "bad.jsonl" in result.stderr
    with Store.open(url) as store:
        quotes, total = store.quotes(speaker="Scott")
        assert total == 2 and {q["article_id"] for q in quotes} == {"a1"}
        assert store.article("a2") is not None
        assert [f["path"] for f in store.failures()] == ["/in/bad.jsonl"]
    again = CliRunner().invoke(main, ["ingest", "--from-parquet", str(tmp_path / "out"), "--db", url])
    assert "0 added" in again.stderr  # the same run twice is stored once


def test_ingest_from_parquet_refuses_other_folders(tmp_path):
    from click.testing import CliRunner

    from onrecord.cli import main

    result = CliRunner().invoke(main, ["ingest", "--from-parquet", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2
    assert "not an `onrecord spark` output folder" in result.output
