"""Reading brat standoff files as PolNeAR writes them."""

from __future__ import annotations

import pytest

from onrecord.eval.brat import ROLES, parse_ann, read_ann, split_ann_name

ANN = (
    "T1\tSource 0 8\tJane Roe\n"
    "T2\tCue 9 13\tsaid\n"
    "T3\tContent 30 40;14 25\tlater piece first piece\n"
    "T4\tAttribution 9 13\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def test_brat_parse_spans_and_relation() -> None:
    annotation = parse_ann(ANN)
    assert annotation.spans["T1"].label == "Source"
    assert annotation.spans["T1"].pieces == ((0, 8),)
    assert annotation.spans["T1"].text == "Jane Roe"
    [attribution] = annotation.attributions
    assert attribution.id == "E1"
    assert attribution.anchor == "Attribution"
    assert attribution.source == [(0, 8)]
    assert attribution.cue == [(9, 13)]
    assert annotation.problems == []


def test_brat_parse_discontinuous_pieces_sorted() -> None:
    annotation = parse_ann(ANN)
    assert annotation.spans["T3"].pieces == ((30, 40), (14, 25))  # as written
    assert annotation.attributions[0].content == [(14, 25), (30, 40)]  # by offset


def test_brat_parse_role_order_varies() -> None:
    reordered = ANN.replace("Attribution:T4 Content:T3 Cue:T2 Source:T1", "Source:T1 Attribution:T4 Cue:T2 Content:T3")
    assert parse_ann(reordered).attributions == parse_ann(ANN).attributions


def test_brat_parse_missing_roles() -> None:
    text = "T2\tCue 9 13\tsaid\nT3\tContent 14 25\tfirst piece\nT9\tAttribution-no-source 9 13\tsaid\n" \
           "E1\tAttribution-no-source:T9 Content:T3 Cue:T2\nE2\tAttribution:T9\n"
    first, second = parse_ann(text).attributions
    assert first.anchor == "Attribution-no-source"
    assert first.source == []
    assert first.cue == [(9, 13)]
    assert (second.source, second.cue, second.content) == ([], [], [])


def test_brat_parse_numbered_role_joins_pieces() -> None:
    text = "T1\tContent 0 5\tfirst\nT2\tContent 20 25\tlater\nT3\tCue 10 14\tsaid\n" \
           "E1\tAttribution:T3 Cue:T3 Content:T1 Content2:T2\n"
    assert parse_ann(text).attributions[0].content == [(0, 5), (20, 25)]


def test_brat_parse_relation_before_its_spans() -> None:
    text = "E1\tAttribution:T4 Cue:T2 Content:T3\nT2\tCue 9 13\tsaid\nT3\tContent 14 25\tfirst piece\n"
    assert parse_ann(text).attributions[0].content == [(14, 25)]


def test_brat_parse_skips_multiline_text_and_notes() -> None:
    text = ("T1\tDiscuss 0 30\tfirst line\nsecond line\n\n"
            "#1\tAnnotatorNotes T1\tShould this be annotated?\n"
            "T2\tCue 31 35\tsaid\r\nT3\tContent 36 40\tthis\n"
            "E1\tAttribution:T2 Cue:T2 Content:T3\n")
    annotation = parse_ann(text)
    assert set(annotation.spans) == {"T1", "T2", "T3"}
    assert annotation.attributions[0].cue == [(31, 35)]
    assert annotation.problems == []


def test_brat_parse_reports_unknown_references() -> None:
    annotation = parse_ann("T2\tCue 9 13\tsaid\nE1\tAttribution:T2 Cue:T2 Source:T99 Speaker:T2\n")
    assert annotation.attributions[0].cue == [(9, 13)]
    assert annotation.attributions[0].source == []
    assert any("T99" in p for p in annotation.problems)
    assert any("Speaker" in p for p in annotation.problems)


def test_brat_parse_ignores_relations_without_anchor() -> None:
    annotation = parse_ann("T2\tCue 9 13\tsaid\nE1\tCue:T2\n")
    assert annotation.attributions == []
    assert annotation.problems


def test_brat_role_accessor() -> None:
    attribution = parse_ann(ANN).attributions[0]
    assert [attribution.role(r) for r in ROLES] == [[(0, 8)], [(9, 13)], [(14, 25), (30, 40)]]
    with pytest.raises(ValueError):
        attribution.role("speaker")


def test_brat_read_ann(tmp_path) -> None:
    path = tmp_path / "x_ab12.ann"
    path.write_text(ANN, encoding="utf-8")
    assert read_ann(path).attributions == parse_ann(ANN).attributions


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("breitbart_2016-09-12_stealth-over-health_ef2d.ann", ("breitbart_2016-09-12_stealth-over-health", "ef2d")),
        ("dir/a_b.ann", ("a", "b")),
    ],
)
def test_brat_split_ann_name(name: str, expected: tuple[str, str]) -> None:
    assert split_ann_name(name) == expected


@pytest.mark.parametrize("name", ["noannotator.ann", "_ef2d.ann"])
def test_brat_split_ann_name_rejects(name: str) -> None:
    with pytest.raises(ValueError):
        split_ann_name(name)
