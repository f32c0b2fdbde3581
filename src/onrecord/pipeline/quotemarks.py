"""Find quotations by their quotation marks, paragraph by paragraph.

Works on characters, not tokens, so that it never depends on the parse.
Opening and closing marks are told apart (curly marks by shape, straight
marks by what stands around them); a paragraph that opens a quotation and
does not close it continues into the next paragraph when that one opens with
a quotation mark. Stray or unbalanced marks spoil their own paragraph only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from .tables import BEFORE_OPENING, CLOSING_QUOTES, OPENING_QUOTES, STRAIGHT_QUOTES

Mark = Literal["open", "close", "either"]
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("[" + re.escape("".join(sorted(OPENING_QUOTES | CLOSING_QUOTES | STRAIGHT_QUOTES))) + "]")


@dataclass(frozen=True)
class QuoteMarks:
    """A quotation found by its marks: ``start`` is the opening mark, ``end`` is just past the closing one."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        """The offsets of the content, marks left out."""
        return self.start + 1, self.end - 1


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line of ``text``: news paragraphs are lines."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def classify(text: str, i: int) -> Mark | None:
    """Whether the character at ``i`` opens or closes a quotation, or may do either."""
    char = text[i]
    if char in OPENING_QUOTES:
        return "open"
    if char in CLOSING_QUOTES:
        return "close"
    if char not in STRAIGHT_QUOTES:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if (before in BEFORE_OPENING or before in OPENING_QUOTES) and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or after in CLOSING_QUOTES:
        return "close"
    return "either"


def find_quotations(text: str, spans: list[tuple[int, int]] | None = None) -> list[QuoteMarks]:
    """Every quotation in ``text`` (or in the paragraphs ``spans``), in order."""
    found: list[QuoteMarks] = []
    carried: int | None = None  # the start of a quotation left open by the previous paragraph
    for p_start, p_end in spans if spans is not None else paragraphs(text):
        marks = [(m.start(), classify(text, m.start())) for m in _MARK.finditer(text, p_start, p_end)]
        first_opens = bool(marks) and marks[0][1] in ("open", "either") and not text[p_start:marks[0][0]].strip()
        if carried is not None and not first_opens:
            carried = None  # the previous paragraph's quotation never continued: it was unbalanced
        pieces, left_open = _pair(marks)
        if carried is not None:
            if pieces:
                pieces[0] = (carried, pieces[0][1])
            elif left_open is not None:
                left_open = carried
        found.extend(QuoteMarks(s, e) for s, e in pieces)
        carried = left_open
    return found


def _pair(marks: list[tuple[int, Mark]]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the marks of one paragraph; return the quotations and a start left open, if any."""
    pieces: list[tuple[int, int]] = []
    start: int | None = None
    for i, kind in marks:
        if start is None:
            if kind in ("open", "either"):
                start = i
            # a closing mark with nothing open is stray: skip it
        elif kind in ("close", "either"):
            pieces.append((start, i + 1))
            start = None
        else:
            start = i  # a second opening: the first was stray
    return pieces, start
