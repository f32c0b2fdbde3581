"""Long articles in pieces: split at paragraph breaks, results shifted back.

spaCy's parser needs memory in proportion to a text's length, so a very long
article (a transcript, a scraped archive page) is parsed in pieces of at most
``max_chars`` characters, cut at line breaks. Offsets of each piece's results
are shifted back into the whole text; people named in several pieces are one
person.
"""

from __future__ import annotations

from dataclasses import replace

from .records import Addressee, Cue, Offsets, Person, Quote

#: The default size of a piece, in characters.
CHUNK_CHARS = 100_000


def split_text(text: str, max_chars: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Pieces of ``text`` as (offset, piece), cut after a line break where possible."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > max_chars:
        cut = text.rfind("\n", start + max_chars // 2, start + max_chars)
        if cut == -1:
            cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
        end = start + max_chars if cut == -1 else cut + 1
        pieces.append((start, text[start:end]))
        start = end
    pieces.append((start, text[start:]))
    return pieces


def _shift(span: Offsets, by: int) -> Offsets:
    return (span[0] + by, span[1] + by)


def shift_quote(quote: Quote, by: int) -> Quote:
    """The same quotation with every offset moved by ``by``."""
    if by == 0:
        return quote
    return replace(
        quote,
        spans=[_shift(s, by) for s in quote.spans],
        cue=None if quote.cue is None else Cue(quote.cue.text, _shift(quote.cue.span, by)),
        speaker=None
        if quote.speaker is None
        else replace(quote.speaker, span=_shift(quote.speaker.span, by)),
        addressee=None
        if quote.addressee is None
        else Addressee(quote.addressee.text, _shift(quote.addressee.span, by)),
    )


def merge_people(parts: list[tuple[int, list[Person]]]) -> list[Person]:
    """People of all pieces, one entry per name, mentions shifted and joined."""
    merged: dict[str, Person] = {}
    for by, people in parts:
        for person in people:
            entry = merged.setdefault(person.name, Person(person.name, [], [], person.gender))
            entry.roles.extend(r for r in person.roles if r not in entry.roles)
            entry.mentions.extend(_shift(m, by) for m in person.mentions)
    return list(merged.values())

