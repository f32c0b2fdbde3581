"""Measuring extraction: PolNeAR-layout corpora and hand-made gold files.

* :func:`onrecord.eval.polnear.evaluate` scores source, cue and content
  against brat annotations (:mod:`onrecord.eval.brat`), matched as
  :mod:`onrecord.eval.matching` explains;
* :func:`onrecord.eval.gold.score_gold` scores one article against a gold
  file, as ``shared/tools/score_gold.py`` does.

The ``onrecord eval`` commands are in :mod:`onrecord.eval.commands`.
"""

from .brat import Annotation, Attribution, parse_ann, read_ann
from .gold import GoldReport, load_bundled_gold, load_gold, score_gold
from .matching import Score
from .polnear import Report, corpus_sha256, evaluate

__all__ = [
    "Annotation",
    "Attribution",
    "GoldReport",
    "Report",
    "Score",
    "corpus_sha256",
    "evaluate",
    "load_bundled_gold",
    "load_gold",
    "parse_ann",
    "read_ann",
    "score_gold",
]
