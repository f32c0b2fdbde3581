"""Scoring against a PolNeAR-layout corpus, on the tiny hand-made one (see conftest.py).

What each hand-made prediction scores, per document:

* alpha_one / aaaa (2 attributions): sources "Jane Roe, the mayor" / "Officials"
  against predicted "Jane Roe" / "Officials" (1 exact, 2 same first word);
  cues "said" / "told" against "said" / "told reporters" (1 exact, 2 begin);
  contents "“We will win,”" / "that taxes would fall" against "“We will win,”"
  / "taxes would fall" (1 exact, 1 begin). No attribution exact, both partial.
* alpha_one / bbbb (1 attribution, no quotation marks): everything exact;
  the second prediction is spurious for this annotator.
* beta_two / cccc: the content split by its cue matches exactly (punctuation
  aside); the attribution without source ("It was reported that ...") is
  missed; "Nobody answered." is spurious.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.matching import Score
from onrecord.eval.polnear import corpus_sha256, evaluate, sentence_around


def test_polnear_scores_each_annotator_as_a_document(tiny_polnear: Path, tiny_extractor) -> None:
    report = evaluate(tiny_polnear, "dev", tiny_extractor)
    assert report.articles == 2
    assert [(d.article, d.annotator) for d in report.documents] == [
        ("alpha_one", "aaaa"), ("alpha_one", "bbbb"), ("beta_two", "cccc")]
    assert tiny_extractor.seen == ["alpha_one", "beta_two"]  # extracted once per article
    assert report.problems == []
    assert report.failures == []


def test_polnear_exact(tiny_polnear: Path, tiny_extractor) -> None:
    roles = evaluate(tiny_polnear, "dev", tiny_extractor).total.roles["exact"]
    assert roles["source"] == Score(matched=3, gold=4, predicted=5)
    assert roles["cue"] == Score(matched=3, gold=5, predicted=5)
    assert roles["content"] == Score(matched=3, gold=5, predicted=6)


def test_polnear_sentence_level_equals_exact_when_no_mention_spans_sentences(tiny_polnear: Path, tiny_extractor) -> None:
    roles = evaluate(tiny_polnear, "dev", tiny_extractor).total.roles
    assert roles["sentence"] == roles["exact"]


def test_polnear_begin(tiny_polnear: Path, tiny_extractor) -> None:
    roles = evaluate(tiny_polnear, "dev", tiny_extractor).total.roles["begin"]
    assert roles["source"] == Score(4, 4, 5)
    assert roles["cue"] == Score(4, 5, 5)
    assert roles["content"] == Score(3, 5, 6)  # "taxes would fall" does not begin "that taxes would fall"


def test_polnear_overlap(tiny_polnear: Path, tiny_extractor) -> None:
    roles = evaluate(tiny_polnear, "dev", tiny_extractor).total.roles["overlap"]
    assert roles["source"] == Score(6, 8, 7)
    assert roles["cue"] == Score(4, 6, 7)
    assert roles["content"] == Score(15, 19, 20)


def test_polnear_attribution(tiny_polnear: Path, tiny_extractor) -> None:
    attribution = evaluate(tiny_polnear, "dev", tiny_extractor).total.attribution
    assert attribution["exact"] == Score(2, 5, 6)
    assert attribution["partial"] == Score(4, 5, 6)


def test_polnear_documents_and_groups(tiny_polnear: Path, tiny_extractor) -> None:
    report = evaluate(tiny_polnear, "dev", tiny_extractor)
    bbbb = report.documents[1].counts
    assert bbbb.roles["exact"]["source"] == Score(1, 1, 2)
    assert bbbb.attribution["exact"] == Score(1, 1, 2)
    assert set(report.groups) == {"alpha", "beta"}
    assert report.groups["beta"].roles["exact"]["cue"] == Score(1, 2, 1)
    assert report.groups["alpha"] + report.groups["beta"] == report.total


def test_polnear_nothing_predicted(tiny_polnear: Path, kit) -> None:
    report = evaluate(tiny_polnear, "dev", kit.FakeExtractor({}))
    exact = report.total.roles["exact"]
    assert exact["content"] == Score(0, 5, 0)
    assert report.to_dict()["content"] == {"p": 0.0, "r": 0.0, "f1": 0.0}


def test_polnear_perfect_prediction(tiny_polnear: Path, kit) -> None:
    alpha, beta = kit.ALPHA, kit.BETA
    perfect = kit.FakeExtractor({"beta_two": [
        kit.quote(beta, [kit.at(beta, "Taxes"), kit.at(beta, "are “too high” and “unfair.”")], kit.at(beta, "said"),
                  kit.at(beta, "he")),
        kit.quote(beta, [kit.at(beta, "the vote failed")], kit.at(beta, "was reported")),
    ], "alpha_one": []})
    report = evaluate(tiny_polnear, "dev", perfect)
    beta_doc = report.documents[2].counts
    for kind in ("exact", "begin", "overlap"):
        for role in ("source", "cue", "content"):
            assert beta_doc.roles[kind][role].f1 == pytest.approx(100.0), (kind, role)
    assert beta_doc.attribution["exact"] == Score(2, 2, 2)
    del alpha


def test_polnear_limit_scores_first_articles(tiny_polnear: Path, tiny_extractor) -> None:
    report = evaluate(tiny_polnear, "dev", tiny_extractor, limit=1)
    assert report.articles == 1
    assert [d.annotator for d in report.documents] == ["aaaa", "bbbb"]
    assert tiny_extractor.seen == ["alpha_one"]


def test_polnear_extraction_failure_counts_as_nothing_predicted(tiny_polnear: Path, kit) -> None:
    report = evaluate(tiny_polnear, "dev", kit.FakeExtractor(kit.predictions(), fail={"alpha_one"}))
    assert len(report.failures) == 1
    assert "E012" in report.failures[0]
    assert report.total.roles["exact"]["source"] == Score(1, 4, 1)


def test_polnear_errors_list_missed_and_spurious(tiny_polnear: Path, tiny_extractor) -> None:
    report = evaluate(tiny_polnear, "dev", tiny_extractor, errors=True)
    aaaa, bbbb, cccc = report.documents
    assert {(e.status, e.role, e.text) for e in aaaa.errors} == {
        ("missed", "source", "Jane Roe, the mayor"), ("spurious", "source", "Jane Roe"),
        ("missed", "cue", "told"), ("spurious", "cue", "told reporters"),
        ("missed", "content", "that taxes would fall"), ("spurious", "content", "taxes would fall"),
    }
    assert {(e.status, e.role, e.text) for e in bbbb.errors} == {
        ("spurious", "source", "Officials"), ("spurious", "cue", "told reporters"),
        ("spurious", "content", "taxes would fall")}
    missed = [e for e in cccc.errors if e.status == "missed"]
    assert {(e.role, e.text) for e in missed} == {("cue", "was reported"), ("content", "the vote failed")}
    [content] = [e for e in missed if e.role == "content"]
    assert content.context == "It was reported that the vote failed."
    assert content.middle == "the vote failed"
    assert [e.pieces[0] for e in cccc.errors] == sorted(e.pieces[0] for e in cccc.errors)
    assert evaluate(tiny_polnear, "dev", tiny_extractor).documents[0].errors == []


def test_polnear_errors_show_discontinuous_pieces(tiny_polnear: Path, kit) -> None:
    report = evaluate(tiny_polnear, "dev", kit.FakeExtractor({}), errors=True)
    [split] = [e for e in report.documents[2].errors if e.role == "content" and len(e.pieces) == 2]
    assert split.text == "Taxes … are “too high” and “unfair.”"


def test_polnear_to_dict_shape(tiny_polnear: Path, tiny_extractor) -> None:
    data = evaluate(tiny_polnear, "dev", tiny_extractor, errors=True).to_dict(errors=True)
    assert data["articles"] == 2
    assert data["documents"] == 3
    assert data["source"] == {"p": 60.0, "r": 75.0, "f1": 66.67}
    assert set(data["begin"]) == set(data["overlap"]) == set(data["sentence"]) == {"source", "cue", "content"}
    assert set(data["attribution"]) == {"exact", "partial"}
    assert set(data["groups"]) == {"alpha", "beta"}
    assert data["errors"][0]["article"] == "alpha_one"
    assert "errors" not in evaluate(tiny_polnear, "dev", tiny_extractor).to_dict()


def test_polnear_problems_are_reported(tiny_polnear: Path, tiny_extractor) -> None:
    ann_dir = tiny_polnear / "dev" / "attributions"
    (ann_dir / "gamma_three_dddd.ann").write_text("", encoding="utf-8")
    with (ann_dir / "beta_two_cccc.ann").open("a", encoding="utf-8") as handle:
        handle.write("E9\tAttribution:T4 Cue:T99\n")
    report = evaluate(tiny_polnear, "dev", tiny_extractor)
    assert report.articles == 2
    assert any("gamma_three" in p for p in report.problems)
    assert any("T99" in p for p in report.problems)


def test_polnear_missing_folders(tmp_path: Path, tiny_extractor) -> None:
    with pytest.raises(FileNotFoundError):
        evaluate(tmp_path, "dev", tiny_extractor)


def test_polnear_corpus_sha256_changes_with_content(tiny_polnear: Path) -> None:
    before = corpus_sha256(tiny_polnear, "dev")
    assert before == corpus_sha256(tiny_polnear, "dev")
    assert len(before) == 64
    (tiny_polnear / "dev" / "attributions" / "beta_two_cccc.ann").write_text("", encoding="utf-8")
    assert corpus_sha256(tiny_polnear, "dev") != before


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("One. Two three. Four.", "three", "Two three. "),
        ("He said “go.” Then left.", "go", "He said “go.” "),
        ("First line\nSecond line", "Second", "Second line"),
        ("no boundary at all", "boundary", "no boundary at all"),
    ],
)
def test_polnear_sentence_around(text: str, words: str, expected: str) -> None:
    start = text.index(words)
    left, right = sentence_around(text, start, start + len(words))
    assert text[left:right] == expected
