"""The corpus commands through click's CliRunner, on both backends."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.errors import ReadError
from onrecord.store import DB_ENV, Store, resolve_db_url


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("date 2024-01-02\n\n“We know everything,” said Andrew Scott.\n", encoding="utf-8")
    (folder / "two.txt").write_text("The mayor, Jane Roe, said the bridge would open in May.\n", encoding="utf-8")
    return folder


@pytest.fixture
def filled(store: Store, extraction_factory) -> Store:
    store.add(extraction_factory("a1", [("Andrew Scott", "We know everything about the film.")],
                                 people=[("Andrew Scott", ["actor"])], date="2023-11-20", outlet="Variety"))
    store.add(extraction_factory("a2", [("Claire Foy", "The budget was tiny, really tiny.")],
                                 date="2023-11-22", outlet="BBC"))
    return store


def run(*args: str) -> object:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_store_cli_ingest_then_again(db_url: str, articles_dir: Path) -> None:
    first = run("ingest", str(articles_dir), "--db", db_url, "--workers", "1")
    assert first.exit_code == 0, first.output
    assert "2 added" in first.stderr
    again = run("ingest", str(articles_dir), "--db", db_url, "--workers", "1")
    assert again.exit_code == 0, again.output
    assert "0 added" in again.stderr and "2 unchanged" in again.stderr
    with Store.open(db_url) as store:
        assert store.stats()["articles"] == 2
        article = store.article("one")
        assert article is not None and article["date"] == "2024-01-02"
        assert article["text"].startswith("“We know everything,”")


def test_store_cli_ingest_scope_and_rules_only_extract_again(db_url: str, tmp_path: Path) -> None:
    # a negated cue is an attribution only in scope "all"; each setting re-extracts what is stored
    path = tmp_path / "ode.txt"
    path.write_text("Ben Ode did not say that the plant would close. “We will fight,” said Ann Lutz.\n", encoding="utf-8")

    def ingest(*options: str) -> tuple[str, int]:
        result = run("ingest", str(path), "--db", db_url, "--workers", "1", *options)
        assert result.exit_code == 0, result.output
        with Store.open(db_url) as store:
            return result.stderr, store.stats()["quotations"]

    stderr, speech = ingest()
    assert "1 added" in stderr
    stderr, everything = ingest("--scope", "all")
    assert "1 replaced" in stderr and everything == speech + 1
    stderr, again = ingest("--scope", "all")
    assert "1 unchanged" in stderr and again == everything
    stderr, _ = ingest("--rules-only")
    assert "1 replaced" in stderr
    stderr, back = ingest()
    assert "1 replaced" in stderr and back == speech
    wrong = run("ingest", str(tmp_path), "--db", db_url, "--from-parquet", "--scope", "all")
    assert wrong.exit_code == 2 and "--from-parquet" in wrong.output


def test_store_cli_ingest_date_option(db_url: str, articles_dir: Path) -> None:
    result = run("ingest", str(articles_dir / "two.txt"), "--db", db_url, "--workers", "1", "--date", "2020-05-06")
    assert result.exit_code == 0, result.output
    with Store.open(db_url) as store:
        assert store.article("two")["date"] == "2020-05-06"
    assert run("ingest", str(articles_dir), "--db", db_url, "--date", "2020-13-01").exit_code == 2


def test_store_cli_ingest_failures_exit_1(db_url: str, articles_dir: Path) -> None:
    (articles_dir / "empty.txt").write_text("   \n", encoding="utf-8")
    missing = str(articles_dir / "missing.txt")
    result = run("ingest", str(articles_dir), missing, "--db", db_url, "--workers", "1")
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "E001" in result.stderr
    assert "missing.txt" in result.stderr and "E006" in result.stderr
    assert "2 added" in result.stderr
    listed = run("failures", "--db", db_url)
    assert listed.exit_code == 0
    assert "empty.txt: [E001]" in listed.stdout and "missing.txt: [E006]" in listed.stdout
    rows = [json.loads(line) for line in run("failures", "--db", db_url, "--json").stdout.splitlines()]
    assert sorted(Path(r["path"]).name for r in rows) == ["empty.txt", "missing.txt"]
    # a second run records nothing twice
    assert run("ingest", str(articles_dir), missing, "--db", db_url, "--workers", "1").exit_code == 1
    assert len(run("failures", "--db", db_url, "--json").stdout.splitlines()) == 2


def test_store_cli_quotes_json(filled: Store, db_url: str) -> None:
    result = run("quotes", "--db", db_url, "--json", "--speaker", "scott")
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["text"] == "We know everything about the film."
    assert row["speaker"]["people"] == ["Andrew Scott"]
    assert (row["article_id"], row["date"], row["outlet"]) == ("a1", "2023-11-20", "Variety")
    assert {"title", "url", "kind", "spans", "cue", "addressee", "confidence"} <= set(row)


def test_store_cli_quotes_filters(filled: Store, db_url: str) -> None:
    def count(*options: str) -> int:
        result = run("quotes", "--db", db_url, "--json", *options)
        assert result.exit_code == 0, result.output
        return len(result.stdout.splitlines())

    assert count() == 2
    assert count("--query", "budget") == 1
    assert count("--since", "2023-11-21") == 1
    assert count("--until", "2023-11-21") == 1
    assert count("--outlet", "bbc") == 1
    assert count("--limit", "1") == 1
    assert count("--first-seen") == 2
    assert run("quotes", "--db", db_url, "--since", "yesterday").exit_code == 2


def test_store_cli_quotes_table_and_csv(filled: Store, db_url: str) -> None:
    table = run("quotes", "--db", db_url, "--limit", "1")
    assert table.exit_code == 0
    assert "Claire Foy" in table.stdout and "1–1 of 2" in table.stdout
    result = run("quotes", "--db", db_url, "--csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["speaker_text"] for r in rows] == ["Claire Foy", "Andrew Scott"]
    assert json.loads(rows[0]["spans"])[0][0] >= 0
    assert run("quotes", "--db", db_url, "--csv", "--json").exit_code == 2


def test_store_cli_people(filled: Store, db_url: str) -> None:
    result = run("people", "--db", db_url, "--json")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["name"] for r in rows} == {"Andrew Scott", "Claire Foy"}
    scott = next(r for r in rows if r["name"] == "Andrew Scott")
    assert scott["roles"] == ["actor"] and scott["quotations"] == 1 and scott["outlets"] == ["Variety"]
    assert "Andrew Scott" in run("people", "--db", db_url).stdout


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_store_cli_export(filled: Store, db_url: str, tmp_path: Path, fmt: str) -> None:
    if fmt == "parquet":
        pytest.importorskip("pyarrow", reason="Parquet export needs pyarrow")
    out = tmp_path / f"quotes.{fmt}"
    result = run("export", "--format", fmt, str(out), "--db", db_url)
    assert result.exit_code == 0, result.output
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert {r["speaker"]["text"] for r in rows} == {"Andrew Scott", "Claire Foy"}
    elif fmt == "csv":
        rows = list(csv.DictReader(out.open(encoding="utf-8")))
        assert {r["outlet"] for r in rows} == {"Variety", "BBC"}
    else:
        import pyarrow.parquet as pq

        table = pq.read_table(out)
        assert table.num_rows == 2
        assert table.column("spans").to_pylist()[0][0][1] > 0


def test_store_cli_failures_empty(store: Store, db_url: str) -> None:
    store.record_failure(ReadError("x.jsonl", "[E004] malformed JSON on line 3: oops", "line 3"))
    store.record_failure(ReadError("x.jsonl", "[E004] malformed JSON on line 3: oops", "line 3"))
    result = run("failures", "--db", db_url)
    assert result.stdout.startswith("x.jsonl:line 3: [E004]")
    assert len(result.stdout.splitlines()) == 1


@pytest.mark.parametrize("url", ["postgresql://nobody@127.0.0.1:1/none", "mysql://x@y/z", "sqlite:////no/such/dir/x.db",
                                 "not a url"])
def test_store_cli_unusable_database_exit_2(url: str) -> None:
    for args in (["quotes"], ["people"], ["failures"], ["ingest", "-"]):
        result = CliRunner().invoke(main, [*args, "--db", url])
        assert result.exit_code == 2, (args, result.output)
        assert "database" in result.stderr.lower() or "url" in result.stderr.lower()


def test_store_cli_default_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(DB_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert run("people").exit_code == 0
    assert (tmp_path / "onrecord.db").exists()


def test_store_resolve_db_url() -> None:
    assert resolve_db_url("sqlite:///a.db", {DB_ENV: "sqlite:///b.db"}) == "sqlite:///a.db"
    assert resolve_db_url(None, {DB_ENV: "sqlite:///b.db"}) == "sqlite:///b.db"
    assert resolve_db_url(None, {}) == "sqlite:///onrecord.db"
    assert resolve_db_url("", {DB_ENV: " "}) == "sqlite:///onrecord.db"


def test_store_cli_ingest_stdin(db_url: str) -> None:
    text = "“The vote is on Tuesday,” said Jane Roe.\n"
    result = CliRunner().invoke(main, ["ingest", "-", "--db", db_url, "--workers", "1"], input=text)
    assert result.exit_code == 0, result.output
    with Store.open(db_url) as store:
        assert store.stats()["articles"] == 1
