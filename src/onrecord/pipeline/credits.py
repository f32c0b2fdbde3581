"""Attributions by a credit line: "“He represents our greatest shame.” ― Sonya Herridge".

Listicles of readers' comments, epigraphs and quoted posts put the speaker after
the words: a quotation, a dash (:data:`.tables.CREDIT_DASHES`), and a person's
name that ends the line, maybe with an age, a place or a role after a comma
("— Jane Roe, 34, Ohio"). The dash is the cue. A line that goes on with a verb
after the name is a sentence, which the cues read ("— Jane Roe said ...").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from .cues import CueHit
from .people import People
from .quotemarks import QuoteMarks
from .tables import CREDIT_DASHES, CREDIT_TAIL_POS

#: Characters that may stand between a quotation's closing mark and the dash, and between the dash and the name.
_GAP = " \t\u00a0"


def credit_cues(doc: Doc, text: str, marks: list[QuoteMarks], people: People) -> dict[int, CueHit]:
    """The credit line after each quotation that has one, by the quotation's index in ``marks``."""
    found: dict[int, CueHit] = {}
    for n, mark in enumerate(marks):
        dash_start = _skip(text, mark.end)
        dash = next((d for d in CREDIT_DASHES if text.startswith(d, dash_start)), None)
        if dash is None:
            continue
        name_start = _skip(text, dash_start + len(dash))
        line_end = text.find("\n", name_start)
        line = doc.char_span(name_start, len(text) if line_end < 0 else line_end, alignment_mode="expand")
        cue = doc.char_span(dash_start, dash_start + len(dash), alignment_mode="expand")
        if line is None or cue is None or len(line) == 0:
            continue
        name = _name_at(line, people)
        if name is None or not all(t.pos_ in CREDIT_TAIL_POS for t in line[len(name) :]):
            continue
        found[n] = CueHit(
            tokens=list(range(cue.start, cue.end)), verb=cue.start, speaker_heads=[name.root.i],
            speaker=(name.start, name.end), chars=(dash_start, dash_start + len(dash)),
        )
    return found


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _GAP:
        at += 1
    return at


def _name_at(line: Span, people: People) -> Span | None:
    """The mention of one of the article's people that opens ``line``."""
    held = people.mention_at(line[0])
    if held is None or held[0] != line[0].i:
        return None
    return line.doc[held[0] : min(held[1], line.end)]
