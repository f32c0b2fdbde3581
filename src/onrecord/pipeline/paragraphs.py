"""Paragraphs: where sentences must start, and which paragraphs are not prose."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc

from .quotemarks import paragraphs
from .tables import NON_PROSE_PATTERNS

_NON_PROSE = [re.compile(p, re.IGNORECASE | re.MULTILINE) for p in NON_PROSE_PATTERNS]
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"”’»)\]]*\s*$|[\"”»]\s*$")
_WORD = re.compile(r"[^\W\d_][\w’'&-]*")


#: Where :func:`text_of` keeps a document's text.
TEXT_KEY = "onrecord_text"


def text_of(doc: Doc) -> str:
    """The document's text, read once: spaCy builds ``doc.text`` anew from the tokens on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def is_prose(text: str) -> bool:
    """Whether a paragraph reads as running text rather than a caption, credit or embed."""
    if any(p.search(text) for p in _NON_PROSE):
        return False
    if _ENDS_SENTENCE.search(text):
        return True
    words = _WORD.findall(text)
    if len(words) < 4:
        return False
    shouting = sum(1 for w in words if len(w) > 1 and w.isupper())
    return shouting / len(words) < 0.5


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each paragraph of ``text`` that is not prose."""
    return [(s, e) for s, e in paragraphs(text) if not is_prose(text[s:e])]


def set_paragraph_starts(doc: Doc) -> Doc:
    """Make every paragraph (line) start a sentence, before the parser runs."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text_with_ws and not token.is_space:
            token.is_sent_start = True
    return doc


def stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def one_paragraph(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stays within one paragraph (news paragraphs are lines)."""
    return "\n" not in text[start:end]


def inside(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    """Whether ``offset`` falls in one of ``spans``."""
    return any(s <= offset < e for s, e in spans)
