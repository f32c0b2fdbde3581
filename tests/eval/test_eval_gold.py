"""The gold-file scorer, on hand-made predictions against the bundled gold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from onrecord.eval.gold import (
    BUNDLED,
    bundled_article_path,
    covered,
    load_bundled_gold,
    load_gold,
    score_gold,
)
from onrecord.records import Article, Extraction, Person, Quote, Speaker

SCORE_GOLD = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_gold.py"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return load_bundled_gold()


def as_quote(entry: dict[str, Any], *, spans: list[tuple[int, int]] | None = None,
             people: list[str] | None = None) -> Quote:
    start, end = entry["span"]
    return Quote(
        kind=entry["kind"],
        text=entry["text"],
        spans=spans or [(start, end)],
        speaker=Speaker("them", (0, 4), list(entry["speakers"] if people is None else people)),
    )


def extraction(gold: dict[str, Any], quotes: list[Quote], people: list[str] | None = None) -> Extraction:
    names = [p["name"] for p in gold["people"]] if people is None else people
    return Extraction(Article(text="", id=gold["id"]), quotes, [Person(name) for name in names])


def perfect(gold: dict[str, Any]) -> list[Quote]:
    return [as_quote(entry) for entry in gold["quotes"] if not entry.get("optional")]


def test_gold_bundled_file_is_readable(gold: dict[str, Any]) -> None:
    assert gold["id"] == BUNDLED
    assert sum(not q.get("optional") for q in gold["quotes"]) == 14
    assert bundled_article_path().is_file()


def test_gold_all_found(gold: dict[str, Any]) -> None:
    report = score_gold(gold, extraction(gold, perfect(gold)))
    assert (report.found, report.required) == (14, 14)
    assert report.ok
    assert report.lines() == [f"{BUNDLED}: 14/14 quotes found with the right speakers, 0 spurious, 0 people missing"]


def test_gold_speakers_in_any_order(gold: dict[str, Any]) -> None:
    quotes = [as_quote(e, people=list(reversed(e["speakers"]))) for e in gold["quotes"] if not e.get("optional")]
    assert score_gold(gold, extraction(gold, quotes)).found == 14


def test_gold_wrong_speakers_are_missed(gold: dict[str, Any]) -> None:
    quotes = perfect(gold)
    quotes[3] = as_quote(gold["quotes"][3], people=["Paul Mescal"])  # one of two speakers
    quotes[0] = as_quote(gold["quotes"][0], people=[])
    report = score_gold(gold, extraction(gold, quotes))
    assert report.found == 12
    assert not report.ok
    assert [m.wanted for m in report.missed] == [["Andrew Haigh"], ["Paul Mescal", "Andrew Scott"]]
    assert report.missed[0].got == [[]]
    assert str(report.missed[1]).startswith("MISSED indirect 'that wasn’t exactly how it went down': wanted")


def test_gold_cover_threshold(gold: dict[str, Any]) -> None:
    entry = gold["quotes"][0]  # [416, 525]: 109 characters
    start, end = entry["span"]
    enough = start + 66  # 66/109 = 60.6%
    assert covered((start, end), [(start, enough)]) >= 0.6
    assert covered((start, end), [(start, enough - 1)]) < 0.6
    found = score_gold(gold, extraction(gold, [as_quote(entry, spans=[(start, enough)])]))
    short = score_gold(gold, extraction(gold, [as_quote(entry, spans=[(start, enough - 1)])]))
    assert found.found == 1
    assert short.found == 0
    assert short.missed[0].best_cover == pytest.approx(65 / 109)
    assert short.spurious == []  # it overlaps a gold quote


def test_gold_cover_adds_pieces_and_wider_spans(gold: dict[str, Any]) -> None:
    entry = gold["quotes"][8]  # [1240, 1259] "We know everything,"
    start, end = entry["span"]
    with_marks = as_quote(entry, spans=[(start - 1, end + 1)])
    in_pieces = as_quote(entry, spans=[(start, start + 8), (start + 8, end)])
    assert score_gold(gold, extraction(gold, [with_marks])).found == 1
    assert score_gold(gold, extraction(gold, [in_pieces])).found == 1


def test_gold_spurious(gold: dict[str, Any]) -> None:
    stray = Quote("direct", "video caption", [(528, 601)])
    report = score_gold(gold, extraction(gold, [*perfect(gold), stray]))
    assert report.found == 14
    assert report.spurious == [stray]
    assert not report.ok
    assert report.lines()[0] == "SPURIOUS 'video caption'"


def test_gold_optional_is_neither_required_nor_spurious(gold: dict[str, Any]) -> None:
    optional = next(e for e in gold["quotes"] if e.get("optional"))
    report = score_gold(gold, extraction(gold, [*perfect(gold), as_quote(optional, people=["Nobody"])]))
    assert report.required == 14
    assert report.spurious == []
    assert report.ok


def test_gold_people_missing(gold: dict[str, Any]) -> None:
    report = score_gold(gold, extraction(gold, perfect(gold), people=["Andrew Scott"]))
    assert report.missing_people == ["Andrew Haigh", "Paul Mescal"]
    assert not report.ok
    assert report.lines()[-2] == "people missing from the article's people: ['Andrew Haigh', 'Paul Mescal']"


def test_gold_nothing_extracted(gold: dict[str, Any]) -> None:
    report = score_gold(gold, extraction(gold, [], people=[]))
    assert (report.found, report.required) == (0, 14)
    assert report.missed[0].got == []
    assert "no quote covers it" in str(report.missed[0])
    assert report.to_dict()["ok"] is False


def test_gold_load_gold(tmp_path: Path, gold: dict[str, Any]) -> None:
    path = tmp_path / "g.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    assert load_gold(path) == gold


@pytest.mark.skipif(not SCORE_GOLD.is_file(), reason=f"the reference scorer {SCORE_GOLD} is not here")
@pytest.mark.parametrize("case", ["perfect", "wrong", "spurious", "empty"])
def test_gold_agrees_with_reference_scorer(tmp_path: Path, gold: dict[str, Any], case: str) -> None:
    quotes = perfect(gold)
    people = None
    if case == "wrong":
        quotes[5] = as_quote(gold["quotes"][5], people=["Andrew Haigh"])
    elif case == "spurious":
        quotes.append(Quote("direct", "video caption", [(528, 601)]))
        people = ["Andrew Scott"]
    elif case == "empty":
        quotes, people = [], []
    result = extraction(gold, quotes, people)
    gold_path, pred_path = tmp_path / "gold.json", tmp_path / "out.jsonl"
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    pred_path.write_text(json.dumps(result.to_dict()) + "\n", encoding="utf-8")
    reference = subprocess.run([sys.executable, str(SCORE_GOLD), str(gold_path), str(pred_path)],
                               capture_output=True, text=True, check=False)
    report = score_gold(gold, result)
    assert reference.stdout.splitlines() == report.lines()
    assert reference.returncode == (0 if report.ok else 1)
