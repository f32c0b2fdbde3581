"""A tiny PolNeAR-layout corpus (made-up sentences) and an extractor that returns hand-made quotes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from onrecord.errors import ReadError
from onrecord.records import Article, Cue, Extraction, Offsets, Quote, Speaker

ALPHA = "“We will win,” said Jane Roe, the mayor. Officials told reporters that taxes would fall.\n"
BETA = "Taxes, he said, are “too high” and “unfair.” It was reported that the vote failed. Nobody answered.\n"


def at(text: str, words: str, start: int = 0) -> Offsets:
    """The span of the first ``words`` in ``text`` from ``start``."""
    begin = text.index(words, start)
    return begin, begin + len(words)


def brat(text: str, spans: list[tuple[str, str, list[Offsets]]], events: list[str]) -> str:
    """An .ann file: ``spans`` as (id, label, pieces) T lines, then the E lines verbatim."""
    lines = []
    for span_id, label, pieces in spans:
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        lines.append(f"{span_id}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in pieces)}")
    return "\n".join(lines + events) + "\n"


def write_corpus(root: Path) -> Path:
    """Write the tiny corpus under ``root/dev`` and return ``root``.

    alpha_one has two annotators (aaaa includes quotation marks and the
    speaker's apposition; bbbb annotated only the first attribution),
    beta_two one (a content split by its cue, and an attribution without source).
    """
    text_dir, ann_dir = root / "dev" / "text", root / "dev" / "attributions"
    text_dir.mkdir(parents=True)
    ann_dir.mkdir()
    (text_dir / "alpha_one.txt").write_text(ALPHA, encoding="utf-8")
    (text_dir / "beta_two.txt").write_text(BETA, encoding="utf-8")
    said = at(ALPHA, "said")
    (ann_dir / "alpha_one_aaaa.ann").write_text(brat(ALPHA, [
        ("T1", "Content", [at(ALPHA, "“We will win,”")]),
        ("T2", "Cue", [said]),
        ("T3", "Source", [at(ALPHA, "Jane Roe, the mayor")]),
        ("T4", "Attribution", [said]),
        ("T5", "Source", [at(ALPHA, "Officials")]),
        ("T6", "Cue", [at(ALPHA, "told")]),
        ("T7", "Content", [at(ALPHA, "that taxes would fall")]),
        ("T8", "Attribution", [at(ALPHA, "told")]),
    ], ["E1\tAttribution:T4 Content:T1 Cue:T2 Source:T3", "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7"]),
        encoding="utf-8")
    (ann_dir / "alpha_one_bbbb.ann").write_text(brat(ALPHA, [
        ("T1", "Source", [at(ALPHA, "Jane Roe")]),
        ("T2", "Cue", [said]),
        ("T3", "Content", [at(ALPHA, "We will win")]),
        ("T4", "Attribution", [said]),
    ], ["E1\tAttribution:T4 Cue:T2 Source:T1 Content:T3"]), encoding="utf-8")
    (ann_dir / "beta_two_cccc.ann").write_text(brat(BETA, [
        ("T1", "Content", [at(BETA, "Taxes"), at(BETA, "are “too high” and “unfair.”")]),
        ("T2", "Source", [at(BETA, "he")]),
        ("T3", "Cue", [at(BETA, "said")]),
        ("T4", "Attribution", [at(BETA, "said")]),
        ("T5", "Cue", [at(BETA, "was reported")]),
        ("T6", "Content", [at(BETA, "the vote failed")]),
        ("T7", "Attribution-no-source", [at(BETA, "was reported")]),
    ], ["E1\tAttribution:T4 Cue:T3 Content:T1 Source:T2", "E2\tAttribution-no-source:T7 Content:T6 Cue:T5"]),
        encoding="utf-8")
    return root


def quote(text: str, content: list[Offsets], cue: Offsets | None = None, speaker: Offsets | None = None,
          people: list[str] | None = None) -> Quote:
    """A predicted quote over ``text``."""
    return Quote(
        kind="direct",
        text=" ".join(text[s:e] for s, e in content),
        spans=content,
        cue=Cue(text[cue[0]:cue[1]], cue) if cue else None,
        speaker=Speaker(text[speaker[0]:speaker[1]], speaker, people or []) if speaker else None,
    )


class FakeExtractor:
    """Returns the quotes given for each article id (none for the others); fails on ids in ``fail``."""

    def __init__(self, quotes: dict[str, list[Quote]], fail: Iterable[str] = ()) -> None:
        self.quotes = quotes
        self.fail = set(fail)
        self.seen: list[str] = []

    def pipe(self, articles: Iterable[Article | ReadError]) -> Iterator[Extraction | ReadError]:
        for article in articles:
            if isinstance(article, ReadError):
                yield article
                continue
            self.seen.append(article.id or "")
            if article.id in self.fail:
                yield ReadError(article.source or "-", "[E012] extraction failed: test")
                continue
            yield Extraction(article, list(self.quotes.get(article.id or "", [])))


def predictions() -> dict[str, list[Quote]]:
    """Hand-made predictions for the tiny corpus (see test_eval_polnear for what each one scores)."""
    return {
        "alpha_one": [
            quote(ALPHA, [at(ALPHA, "“We will win,”")], at(ALPHA, "said"), at(ALPHA, "Jane Roe")),
            quote(ALPHA, [at(ALPHA, "taxes would fall")], at(ALPHA, "told reporters"), at(ALPHA, "Officials")),
        ],
        "beta_two": [
            quote(BETA, [at(BETA, "Taxes,"), at(BETA, "are “too high” and “unfair.”")],
                  at(BETA, "said"), at(BETA, "he")),
            quote(BETA, [at(BETA, "Nobody answered.")]),
        ],
    }


@pytest.fixture
def tiny_polnear(tmp_path: Path) -> Path:
    """The root of the tiny corpus (split ``dev``)."""
    return write_corpus(tmp_path / "polnear")


@pytest.fixture
def tiny_extractor() -> FakeExtractor:
    """An extractor returning :func:`predictions`."""
    return FakeExtractor(predictions())


@pytest.fixture
def kit() -> SimpleNamespace:
    """The helpers above, for tests (conftest modules are not imported directly)."""
    return SimpleNamespace(ALPHA=ALPHA, BETA=BETA, at=at, brat=brat, quote=quote, FakeExtractor=FakeExtractor,
                           predictions=predictions, write_corpus=write_corpus)
