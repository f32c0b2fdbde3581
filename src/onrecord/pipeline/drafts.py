"""A quotation being attributed, and what the steps of the attribution share about it."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .coref import Referent
from .cues import CueHit
from .quotemarks import QuoteMarks
from .tables import NEEDS_CONTENT, REPORTING_WORDS, SPEECH_VERBS, STANCE_VERBS, THOUGHT_VERBS

#: Cue words that report speech, writing or thought whatever their content.
SPEECH_CUE_WORDS = SPEECH_VERBS | THOUGHT_VERBS | REPORTING_WORDS
#: Cue words that report a stance only with a clause or a quotation ("slammed the plan" is an act).
CLAUSE_CUE_WORDS = STANCE_VERBS | NEEDS_CONTENT


@dataclass
class Draft:
    """A quotation being attributed."""

    kind: str
    spans: list[tuple[int, int]]
    hit: CueHit | None
    how: str
    marks: list[QuoteMarks] = field(default_factory=list)
    speaker: tuple[int, int] | None = None
    speaker_heads: list[int] = field(default_factory=list)
    follows: Draft | None = None  # the quotation it continues
    referent: Referent | None = None

    def take_in(self, other: Draft) -> None:
        """Make ``other``'s quotation more pieces of this one ("“We know,” he said, “everything.”")."""
        self.spans.extend(other.spans)
        self.marks.extend(other.marks)


def overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    """Whether any span of ``a`` overlaps any of ``b``."""
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def cue_verb(doc: Doc, cue: set[int]) -> Token | None:
    """The word of a cue its other words hang on."""
    return next((doc[i] for i in sorted(cue) if doc[i].head.i not in cue or doc[i].head.i == i), None)


def token_set(doc: Doc, pieces: list[tuple[int, int]]) -> set[int]:
    """The tokens that character spans touch."""
    tokens: set[int] = set()
    for start, end in pieces:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens
