"""Find quotations by their quotation marks, paragraph by paragraph.

Works on characters, not tokens, so that it never depends on the parse.
Opening and closing marks are told apart (curly marks by shape, straight
marks by what stands around them); a paragraph that opens a quotation and
does not close it continues into the next paragraph when that one opens with
a quotation mark. Stray or unbalanced marks spoil their own paragraph only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Literal

from .tables import (
    BEFORE_OPENING, CLOSING_QUOTES, OPENING_QUOTES, SINGLE_CLOSING_QUOTES, SINGLE_OPENING_QUOTES, STRAIGHT_QUOTES,
)

Mark = Literal["open", "close", "either"]
_PARAGRAPH = re.compile(r"[^\n]+")
_MARK = re.compile("|".join(re.escape(m) for m in sorted(OPENING_QUOTES | CLOSING_QUOTES | STRAIGHT_QUOTES, key=len, reverse=True)))
_SINGLE_MARK = re.compile("|".join(re.escape(m) for m in sorted(SINGLE_OPENING_QUOTES | SINGLE_CLOSING_QUOTES)))


@dataclass(frozen=True)
class QuoteMarks:
    """A quotation found by its marks: ``start`` is the opening mark, ``end`` is just past the closing one."""

    start: int
    end: int
    open_len: int = 1  # "''" and "``" are two characters
    close_len: int = 1

    @property
    def inner(self) -> tuple[int, int]:
        """The offsets of the content, marks left out."""
        return self.start + self.open_len, self.end - self.close_len


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each non-blank line of ``text``: news paragraphs are lines."""
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def classify(text: str, i: int, width: int = 1) -> Mark | None:
    """Whether the mark of ``width`` characters at ``i`` opens or closes a quotation, or may do either."""
    mark = text[i : i + width]
    if mark in OPENING_QUOTES:
        return "open"
    if mark in CLOSING_QUOTES:
        return "close"
    if mark not in STRAIGHT_QUOTES:
        return None
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if (before in BEFORE_OPENING or before in OPENING_QUOTES) and not after.isspace():
        return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or after in CLOSING_QUOTES:
        return "close"
    return "either"


def classify_single(text: str, i: int) -> Mark | None:
    """Whether a curly single mark opens or closes a quotation; None for an apostrophe ("don’t", "’90s")."""
    if text[i] in SINGLE_OPENING_QUOTES:
        before = text[i - 1] if i > 0 else " "
        return "open" if before in BEFORE_OPENING or before in OPENING_QUOTES else None
    after = text[i + 1] if i + 1 < len(text) else " "
    return None if after.isalnum() else "close"


#: A word, as contents are counted and titles told apart.
WORDS = re.compile(r"[\w’'-]+")
_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by as is".split())


#: A sentence ending inside a text: "Where is David Cameron? Danny Dyer for PM" is no title; "Dr. Strangelove
#: Meets the Press" may be one (a period after a word of three letters or more, in lower case, ends a sentence).
_INNER_SENTENCE_END = re.compile(r"[!?]\s|(?<=[a-z]{3})\.\s")
#: What ends a sentence, and what may close a quotation after it (its marks, an editor's "[.]").
SENTENCE_ENDS = (".", "?", "!")
_AFTER_SENTENCE_END = " \"”’'])"


def ends_a_sentence(quotation: str) -> bool:
    """Whether the words of a quotation, marks included or not, end a sentence ("… may say[.]”")."""
    return quotation.rstrip(_AFTER_SENTENCE_END).endswith(SENTENCE_ENDS)


def title_like(content: str, *, comma: bool = False) -> bool:
    """ "All of Us Strangers", "The Donald": every word capitalised, no sentence in it. With ``comma``, a comma
    at the end of two words or more is the sentence's ("on ''Monday Night Baseball,'' he ..."): only for a
    quotation a word before it governs, since "“Joe Biden,” she said" opens a quotation with a name."""
    content = content.rstrip()
    words = WORDS.findall(content)
    if comma and content.endswith(",") and len(words) > 1:
        content = content[:-1]
    if not words or content.rstrip()[-1:] in ".!?," or _INNER_SENTENCE_END.search(content):
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS or w[0].isdigit() for w in words)


def find_quotations(text: str, spans: list[tuple[int, int]] | None = None) -> list[QuoteMarks]:
    """Every quotation in ``text`` (or in the paragraphs ``spans``), in order.

    A paragraph with no double quotation marks is read by its curly single ones (‘…’, as British
    news quotes); elsewhere single marks are quotations inside quotations, and left alone.
    """
    found: list[QuoteMarks] = []
    carried: QuoteMarks | None = None  # the opening left unclosed by the previous paragraph
    for p_start, p_end in spans if spans is not None else paragraphs(text):
        marks = _marks(text, p_start, p_end, _MARK, lambda i, j: classify(text, i, j - i))
        if not marks:
            marks = _marks(text, p_start, p_end, _SINGLE_MARK, lambda i, j: classify_single(text, i))
        first_opens = bool(marks) and marks[0][2] in ("open", "either") and not text[p_start : marks[0][0]].strip()
        if carried is not None and not first_opens:
            carried = None  # the previous paragraph's quotation never continued: it was unbalanced
        pieces, left_open = _pair(marks)
        if carried is not None:
            if pieces:
                pieces[0] = replace(pieces[0], start=carried.start, open_len=carried.open_len)
            elif left_open is not None:
                left_open = carried
        found.extend(pieces)
        carried = left_open
    return found


def _marks(
    text: str, start: int, end: int, pattern: re.Pattern[str], kind_of: Callable[[int, int], Mark | None]
) -> list[tuple[int, int, Mark]]:
    """The quotation marks ``pattern`` finds in ``text[start:end]``, each with what ``kind_of`` says it does."""
    found = [(m.start(), m.end(), kind_of(m.start(), m.end())) for m in pattern.finditer(text, start, end)]
    return [(i, j, kind) for i, j, kind in found if kind is not None]


def _pair(marks: list[tuple[int, int, Mark]]) -> tuple[list[QuoteMarks], QuoteMarks | None]:
    """Pair the marks of one paragraph; return the quotations and an opening left unclosed, if any."""
    pieces: list[QuoteMarks] = []
    start: tuple[int, int] | None = None  # (offset, width) of the open mark
    for i, j, kind in marks:
        if start is None:
            if kind in ("open", "either"):
                start = (i, j - i)
            # a closing mark with nothing open is stray: skip it
        elif kind in ("close", "either"):
            pieces.append(QuoteMarks(start[0], j, start[1], j - i))
            start = None
        else:
            start = (i, j - i)  # a second opening: the first was stray
    left_open = None if start is None else QuoteMarks(start[0], start[0] + start[1], start[1], 0)
    return pieces, left_open
