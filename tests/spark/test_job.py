"""The job on a folder of small inputs, against local reading and extraction."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from onrecord.api import text_id
from onrecord.cli import main
from onrecord.errors import ReadError
from onrecord.readers import iter_articles
from onrecord.records import Article, quote_to_dict
from onrecord.spark.load import read_failures, read_output

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

DATA = Path(__file__).resolve().parents[2] / "src" / "onrecord" / "data"
DEFAULT_DATE = "2020-01-01"
PARQUET_ARTICLES = [
    {"id": "pq-1", "date": "2022-07-01", "text": "“Prices will fall,” the governor, Ann Lee, said on Friday."},
    {"id": None, "date": None, "text": "Union leader Tom Hart said the strike would go on."},
]
PAGE = """<html><head><title>Mayor speaks</title><meta name="date" content="2021-05-04"></head>
<body><article><h1>Mayor speaks</h1>
<p>“We will rebuild the bridge,” said Jane Roe, the mayor of Springfield, on Tuesday. She told reporters
that the work would start in June and finish within a year.</p>
<p>The city council said it supported the plan. Council member John Smith said the budget was approved
last week after a long debate among its members.</p></article></body></html>"""


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            "https://news.example/mayor", "response", payload=io.BytesIO(PAGE.encode("utf-8")), http_headers=http
        )
        writer.write_record(record)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A .txt with a date header, a .jsonl with a bad line and a bad date, a WARC, an empty file, a .md."""
    root = tmp_path_factory.mktemp("inputs")
    shutil.copy(DATA / "all-of-us-strangers.txt", root / "all-of-us-strangers.txt")
    (root / "feeds").mkdir()
    lines = (DATA / "wikinews-2019-2020.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    lines.append('{"text": broken')
    lines.append(json.dumps({"text": "Officials said on Monday that the bridge would reopen.", "date": "2020-02-30"}))
    lines.append(json.dumps({"text": "“It is done,” the minister, John Smith, said on Friday."}))
    (root / "feeds" / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _write_warc(root / "feeds" / "crawl.warc.gz")
    (root / "empty.txt").write_bytes(b"")
    (root / "notes.md").write_text("not an article", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def parquet_input(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Parquet file of articles, dates as a date column."""
    import datetime

    import pyarrow as pa

    dates = [None if a["date"] is None else datetime.date.fromisoformat(a["date"]) for a in PARQUET_ARTICLES]
    table = pa.table(
        {
            "id": [a["id"] for a in PARQUET_ARTICLES],
            "date": pa.array(dates, pa.date32()),
            "text": [a["text"] for a in PARQUET_ARTICLES],
        }
    )
    path = tmp_path_factory.mktemp("parquet") / "extra.parquet"
    pq.write_table(table, path)
    return path


@pytest.fixture(scope="module")
def output(spark, inputs: Path, parquet_input: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    """The job's output folder, and the CLI's result."""
    out = tmp_path_factory.mktemp("out") / "run"
    arguments = [str(inputs), str(inputs / "missing.txt"), str(parquet_input)]
    result = CliRunner().invoke(
        main,
        [
            "spark",
            *arguments,
            "--output",
            str(out),
            "--master",
            "local[2]",
            "--partitions",
            "2",
            "--date",
            DEFAULT_DATE,
        ],
    )
    return out, result


def test_job_reports_bad_inputs_and_goes_on(output, inputs):
    out, result = output
    assert result.exit_code == 1, result.output
    failures = {(Path(f.source).name, f.reason[:6]) for f in read_failures(out)}
    assert failures == {
        ("news.jsonl", "[E004]"),
        ("news.jsonl", "[E009]"),
        ("empty.txt", "[E001]"),
        ("missing.txt", "[E006]"),
    }
    dates = pq.read_table(out / "failures", columns=["date"]).column("date").to_pylist()
    assert dates == [None] * 4  # --date is for articles only
    assert "[E004] malformed JSON on line 4" in result.stderr
    assert (out / "quotes").is_dir() and (out / "people").is_dir()
    assert any(p.name.startswith("date=") for p in (out / "articles").iterdir())


def test_job_matches_local_extraction(output, inputs, extractor):
    out, _ = output
    local = {}
    parquet = [Article(a["text"], id=a["id"], date=a["date"] or DEFAULT_DATE) for a in PARQUET_ARTICLES]
    for item in extractor.pipe([*iter_articles([str(inputs)], default_date=DEFAULT_DATE), *parquet]):
        if not isinstance(item, ReadError):
            local[item.article.id] = item
    spark = {e.article.id: e for e in read_output(out)}
    assert set(spark) == set(local) and len(local) == 8  # the .txt, 4 JSON records, the page, 2 Parquet rows
    assert text_id(PARQUET_ARTICLES[1]["text"]) in spark
    for key, expected in local.items():
        got = spark[key]
        assert got.article.text == expected.article.text
        for name in ("date", "title", "url", "outlet"):
            assert getattr(got.article, name) == getattr(expected.article, name), (key, name)
        summary = [(q.kind, q.spans, q.speaker and q.speaker.people) for q in got.quotes]
        assert summary == [(q.kind, q.spans, q.speaker and q.speaker.people) for q in expected.quotes], key
        assert [quote_to_dict(q) for q in got.quotes] == [quote_to_dict(q) for q in expected.quotes], key
        assert got.people == expected.people, key
        assert got.organizations == expected.organizations, key


def test_job_refuses_an_existing_output(output, inputs):
    out, _ = output
    result = CliRunner().invoke(main, ["spark", str(inputs), "--output", str(out), "--master", "local[2]"])
    assert result.exit_code == 2
    assert "--overwrite" in result.stderr
