"""Sentence boundaries for sentence-level scoring.

Published results on PolNeAR (CofeNet and the taggers it compares with) are
computed sentence by sentence: a mention that runs over several sentences
counts as one piece per sentence. These boundaries come from spaCy's
rule-based ``sentencizer`` (its tokenizer keeps "Mr." and "Sept." whole),
plus every line break; they depend on the text alone, never on the model
under test, so gold and predictions are cut in the same places.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language


@lru_cache(maxsize=1)
def _splitter() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentence_starts(text: str) -> list[int]:
    """The character offsets where the sentences of ``text`` start, ascending, 0 first."""
    starts = {0}
    starts.update(sentence.start_char for sentence in _splitter()(text).sents)
    starts.update(i + 1 for i, char in enumerate(text) if char == "\n")
    return sorted(s for s in starts if s < len(text) or s == 0)
