"""Provenance: recognising the same quotation repeated across articles.

Quotations are compared on their normalised words (case-folded, accents,
punctuation and extra whitespace removed). Two quotations of at least
:data:`MIN_WORDS` words are the same when at least :data:`MIN_SHARED` of the
shorter one's words appear, in order, in the other: this covers identical
repeats, truncation (containment) and small edits. Shorter quotations ("We
won.") are never grouped: repeats of them are as often coincidence as copying.

Candidates are found through 3-word shingles: each stored quotation keeps a
content-defined sample of its shingles (those whose hash is even, plus its
first and last), and a new quotation looks all of its own shingles up. If the
new one is contained in a stored one, or the other way round, or shares most
words with it, they share a stored shingle.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher

#: Quotations shorter than this (in normalised words) are never grouped.
MIN_WORDS = 6
#: Share of the shorter quotation's words that must appear in order in the other.
MIN_SHARED = 0.8
SHINGLE_SIZE = 3

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*", re.UNICODE)


def normalize_quote(text: str) -> str:
    """Case-folded words without accents or punctuation, joined by single spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    return " ".join(_WORD.findall(plain))


def shingles(words: list[str]) -> list[int]:
    """The hashes of every :data:`SHINGLE_SIZE`-word shingle, in order (as signed 64-bit ints)."""
    if len(words) < SHINGLE_SIZE:
        return []
    return [_hash64(" ".join(words[i:i + SHINGLE_SIZE])) for i in range(len(words) - SHINGLE_SIZE + 1)]


def stored_shingles(words: list[str]) -> set[int]:
    """The sample of a quotation's shingles kept in the index: even hashes, first and last."""
    if len(words) < MIN_WORDS:
        return set()
    all_shingles = shingles(words)
    kept = {s for s in all_shingles if s % 2 == 0}
    kept.update((all_shingles[0], all_shingles[-1]))
    return kept


def lookup_shingles(words: list[str]) -> set[int]:
    """The shingles to look up when storing a new quotation: all of them."""
    return set(shingles(words)) if len(words) >= MIN_WORDS else set()


def similarity(left: list[str], right: list[str]) -> float:
    """Share of the shorter word list found, in order, in the longer (0 below :data:`MIN_WORDS`)."""
    shorter, longer = (left, right) if len(left) <= len(right) else (right, left)
    if len(shorter) < MIN_WORDS:
        return 0.0
    if f" {' '.join(shorter)} " in f" {' '.join(longer)} ":
        return 1.0
    if sum((Counter(shorter) & Counter(longer)).values()) < MIN_SHARED * len(shorter):
        return 0.0  # not enough words in common for any alignment to reach MIN_SHARED
    matcher = SequenceMatcher(None, shorter, longer, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared / len(shorter)


def same_quotation(left: list[str], right: list[str]) -> bool:
    """Whether two normalised word lists are one quotation (identical, truncated or slightly edited)."""
    return similarity(left, right) >= MIN_SHARED


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big", signed=True)
