"""`onrecord extract` through Click's runner: the contract's JSON, exit statuses, bad input."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
from click.testing import CliRunner

from onrecord.cli import main

SAMPLE = files("onrecord.data") / "all-of-us-strangers.txt"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_cli_extract_json_has_the_contract_shape(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("date 2024-05-01\n\n“We will appeal,” said Dana Whitlock, the team’s lawyer.", encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    (record,) = records(result.stdout)
    assert record["id"] == "story" and record["date"] == "2024-05-01" and record["source"] == str(path)
    (quote,) = record["quotes"]
    assert set(quote) == {"kind", "text", "spans", "cue", "speaker", "addressee", "confidence"}
    assert quote["text"] == "We will appeal,"
    assert quote["speaker"]["people"] == ["Dana Whitlock"]
    assert quote["cue"]["text"] == "said"
    assert [p["name"] for p in record["people"]] == ["Dana Whitlock"]


def test_cli_extract_the_bundled_sample_scores_every_quote(runner):
    from onrecord.eval.gold import load_bundled_gold, score_gold
    from onrecord.records import extraction_from_dict

    result = runner.invoke(main, ["extract", str(SAMPLE), "--json"])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    report = score_gold(load_bundled_gold(), extraction_from_dict(record))
    assert (report.found, report.required, len(report.spurious), report.missing_people) == (14, 14, 0, [])


def test_cli_extract_date_option_fills_missing_dates(runner, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "No quotes."}\n{"text": "Dated.", "date": "2020-01-02"}\n', encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--json", "--date", "2021-06-30"])
    assert [r["date"] for r in records(result.stdout)] == ["2021-06-30", "2020-01-02"]


def test_cli_extract_bad_date_option_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(SAMPLE), "--date", "30/06/2021"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_cli_extract_reads_standard_input(runner):
    result = runner.invoke(main, ["extract", "-", "--json"], input="“Fine,” said Ola Berg.".encode())
    assert result.exit_code == 0
    assert records(result.stdout)[0]["quotes"][0]["speaker"]["people"] == ["Ola Berg"]


def test_cli_extract_rules_only_gives_what_the_rules_alone_find(runner):
    from onrecord.api import Extractor

    text = "Jane Roe runs the bakery. She wagers that wages rose. “We won,” said Tom Baker."
    result = runner.invoke(main, ["extract", "--rules-only", "--json", "-"], input=text)
    assert result.exit_code == 0, result.output
    quotes = records(result.stdout)[0]["quotes"]
    assert [q["speaker"]["people"] for q in quotes if q["kind"] == "direct"] == [["Tom Baker"]]
    rules = Extractor(learned=False).extract(text)
    assert [q["spans"] for q in quotes] == [[list(s) for s in q.spans] for q in rules.quotes]


def test_cli_extract_table_output(runner):
    result = runner.invoke(main, ["extract", str(SAMPLE)], env={"COLUMNS": "240"})
    assert result.exit_code == 0
    assert "Andrew Haigh" in result.output and "Entertainment" in result.output


def test_cli_extract_bad_inputs_are_named_and_the_rest_goes_through(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 64)
    (tmp_path / "latin.txt").write_bytes("“Ça va très bien,” said Zoë Müller.".encode("cp1252"))
    (tmp_path / "lines.jsonl").write_text(
        '{"id": "one", "text": "“First,” said Ana Ruiz."}\n{broken\n{"id": "three", "text": "“Third,” said Ana Ruiz."}\n',
        encoding="utf-8",
    )
    (tmp_path / "unbalanced.txt").write_text(
        "He said “this never closes.\n\nAna Ruiz said, “Closed fine.”", encoding="utf-8"
    )
    result = runner.invoke(main, ["extract", str(tmp_path), "--json"])
    assert result.exit_code == 1
    stderr = result.stderr
    assert "empty.txt" in stderr and "E001" in stderr
    assert "binary.txt" in stderr and "E002" in stderr
    assert "lines.jsonl:line 2" in stderr and "E004" in stderr
    by_id = {r["id"]: r for r in records(result.stdout)}
    assert {"latin", "one", "three", "unbalanced"} <= set(by_id)
    assert by_id["latin"]["quotes"][0]["text"] == "Ça va très bien,"
    assert by_id["latin"]["quotes"][0]["speaker"]["people"] == ["Zoë Müller"]
    direct = [q for q in by_id["unbalanced"]["quotes"] if q["kind"] == "direct"]
    assert [(q["text"], q["speaker"]["people"]) for q in direct] == [("Closed fine.", ["Ana Ruiz"])]


def test_cli_extract_long_article_is_parsed_in_pieces(extractor):
    paragraph = "The council met again on Monday. “We are still counting,” said Rhea Okoro.\n\n"
    text = paragraph * 400
    whole = extractor.extract(text)
    pieces = type(extractor)(nlp=extractor.nlp, chunk_chars=5_000).extract(text)
    assert len(pieces.quotes) == len(whole.quotes) == 400
    assert [q.spans for q in pieces.quotes] == [q.spans for q in whole.quotes]
    assert all(text[s + 1 : e - 1] == "We are still counting," for q in pieces.quotes for s, e in q.spans)
    assert [(p.name, len(p.mentions)) for p in pieces.people] == [("Rhea Okoro", 400)]


@pytest.mark.slow
def test_cli_extract_five_megabyte_article(runner, tmp_path):
    paragraph = "The council met again on Monday. “We are still counting,” said Rhea Okoro.\n\n"
    path = tmp_path / "big.txt"
    path.write_text(paragraph * (5_000_000 // len(paragraph)), encoding="utf-8")
    result = runner.invoke(main, ["extract", str(path), "--json"])
    assert result.exit_code == 0
    (record,) = records(result.stdout)
    assert len(record["quotes"]) == 5_000_000 // len(paragraph)
