"""The ``onrecord eval`` commands, run through click's CliRunner with hand-made predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from onrecord.eval.commands import COMMANDS, eval_group
from onrecord.eval.gold import bundled_article_path, load_bundled_gold
from onrecord.records import Quote, Speaker


def run(args: list[str], extractor: object) -> Result:
    return CliRunner().invoke(eval_group, args, obj={"extractor": extractor})


def test_commands_polnear_json(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--json"], tiny_extractor)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["articles"] == 2
    assert data["source"] == {"p": 60.0, "r": 75.0, "f1": 66.67}
    assert data["cue"] == {"p": 60.0, "r": 60.0, "f1": 60.0}
    assert data["content"] == {"p": 50.0, "r": 60.0, "f1": 54.55}
    assert data["begin"]["source"]["r"] == 100.0
    assert data["overlap"]["content"]["f1"] == 76.92
    assert data["attribution"] == {"exact": {"p": 33.33, "r": 40.0, "f1": 36.36},
                                   "partial": {"p": 66.67, "r": 80.0, "f1": 72.73}}
    assert "errors" not in data


def test_commands_polnear_json_errors(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--json", "--errors"], tiny_extractor)
    data = json.loads(result.stdout)
    beta = next(doc for doc in data["errors"] if doc["article"] == "beta_two")
    assert {"role": "content", "status": "spurious", "spans": [[83, 99]], "text": "Nobody answered.",
            "context": "Nobody answered."} in beta["errors"]


def test_commands_polnear_table(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "dev"], tiny_extractor)
    assert result.exit_code == 0
    assert "PolNeAR dev: 2 articles, 3 documents" in result.stdout
    assert "exact span" in result.stdout
    assert "66.7" in result.stdout
    assert "missed" not in result.stdout


def test_commands_polnear_errors(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--errors"], tiny_extractor)
    assert result.exit_code == 0
    assert "alpha_one (annotator aaaa)" in result.stdout
    assert "missed" in result.stdout
    assert "spurious" in result.stdout
    assert "that taxes would fall" in result.stdout


def test_commands_polnear_limit(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--json", "--limit", "1"], tiny_extractor)
    assert json.loads(result.stdout)["articles"] == 1
    assert run(["polnear", str(tiny_polnear), "--split", "dev", "--limit", "0"], tiny_extractor).exit_code == 2


def test_commands_polnear_bad_split_is_usage_error(tiny_polnear: Path, tiny_extractor) -> None:
    result = run(["polnear", str(tiny_polnear), "--split", "test"], tiny_extractor)
    assert result.exit_code == 2
    assert "test/text" in result.stderr


def test_commands_polnear_requires_split(tiny_polnear: Path, tiny_extractor) -> None:
    assert run(["polnear", str(tiny_polnear)], tiny_extractor).exit_code == 2


def test_commands_polnear_failure_exits_1(tiny_polnear: Path, kit) -> None:
    failing = kit.FakeExtractor(kit.predictions(), fail={"beta_two"})
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--json"], failing)
    assert result.exit_code == 1
    assert "E012" in result.stderr
    assert json.loads(result.stdout)["articles"] == 2


def test_commands_polnear_warns_about_annotation_problems(tiny_polnear: Path, tiny_extractor) -> None:
    (tiny_polnear / "dev" / "attributions" / "orphan_zzzz.ann").write_text("", encoding="utf-8")
    result = run(["polnear", str(tiny_polnear), "--split", "dev", "--json"], tiny_extractor)
    assert result.exit_code == 0
    assert "warning" in result.stderr
    assert "orphan" in result.stderr


def gold_quotes(people_ok: bool = True) -> list[Quote]:
    gold = load_bundled_gold()
    return [
        Quote(q["kind"], q["text"], [tuple(q["span"])],
              speaker=Speaker("x", (0, 1), list(q["speakers"]) if people_ok else []))
        for q in gold["quotes"] if not q.get("optional")
    ]


def test_commands_gold_found(kit, tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.json"
    gold = load_bundled_gold()
    gold["people"] = []
    gold_path.write_text(json.dumps(gold), encoding="utf-8")
    extractor = kit.FakeExtractor({gold["id"]: gold_quotes()})
    result = run(["gold", str(gold_path), str(bundled_article_path())], extractor)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("all-of-us-strangers: 14/14 quotes found")


def test_commands_gold_not_all_found_exits_1(kit, tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(load_bundled_gold()), encoding="utf-8")
    extractor = kit.FakeExtractor({"all-of-us-strangers": gold_quotes(people_ok=False)})
    result = run(["gold", str(gold_path), str(bundled_article_path()), "--json"], extractor)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert (data["found"], data["required"], data["ok"]) == (0, 14, False)
    assert len(data["missing_people"]) == 3


def test_commands_gold_no_matching_article(kit, tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps({"id": "elsewhere", "quotes": []}), encoding="utf-8")
    articles = tmp_path / "two"
    articles.mkdir()
    (articles / "a.txt").write_text("One article.", encoding="utf-8")
    (articles / "b.txt").write_text("Another one.", encoding="utf-8")
    result = run(["gold", str(gold_path), str(articles)], kit.FakeExtractor({}))
    assert result.exit_code == 1
    assert "no article with id 'elsewhere' among 2" in result.stderr


def test_commands_are_attached_to_the_cli() -> None:
    from onrecord.cli import main

    assert tuple(COMMANDS) == (eval_group,)
    assert main.commands["eval"] is eval_group
    assert set(eval_group.commands) == {"polnear", "gold"}


@pytest.mark.parametrize(
    "content,reason",
    [
        ("The article itself, not a gold file.", "Expecting value"),  # no JSON
        ('[{"quotes": []}]', 'a list of "quotes"'),  # JSON, but no gold object
        ('{"id": "x"}', 'a list of "quotes"'),
    ],
)
def test_commands_gold_names_a_bad_gold_file(tmp_path: Path, tiny_extractor, content: str, reason: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    result = run(["gold", str(bad), str(bundled_article_path())], tiny_extractor)
    assert result.exit_code == 1
    assert f"{bad}: not a gold file" in result.output and reason in result.output
    assert "Traceback" not in result.output
