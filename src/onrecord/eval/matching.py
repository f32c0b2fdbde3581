"""How a predicted span is compared with a gold one.

Spans are compared by the *words* they cover, never by raw character
offsets. A word is a maximal run of word characters (``\\w+``): "Clinton’s"
is the two words "Clinton" and "s", "U.S." is "U" and "S". A mention (a
source, a cue or a content, possibly in several pieces) becomes the set of
indices of the words any of its pieces touches. Punctuation and whitespace
therefore never count: whether a content includes its quotation marks,
its final period or comma, and whether a piece ends before or after the
comma that separates it from the next, makes no difference, since the
annotators of PolNeAR are not consistent about any of these. Words always
do: an extra or a missing word at either end is a different span.

Three ways of matching follow from this:

* **exact**: the same set of words (first word, last word, and every word
  in between, over all pieces);
* **begin**: the same first word;
* **overlap**: token-level precision and recall: the words of all
  predicted mentions of a role against the words of all gold mentions.

Matches are one-to-one: a gold mention is matched by at most one prediction
and the other way round.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..records import Offsets

Mention = frozenset[int]
"""The indices of the words a mention covers (never empty)."""

_WORD = re.compile(r"\w+")

G = TypeVar("G")
P = TypeVar("P")


class Words:
    """The words of a text, to turn character spans into :data:`Mention` sets."""

    def __init__(self, text: str) -> None:
        self.text = text
        found = [m.span() for m in _WORD.finditer(text)]
        self.starts = [s for s, _ in found]
        self.ends = [e for _, e in found]

    def __len__(self) -> int:
        return len(self.starts)

    def indices(self, start: int, end: int) -> range:
        """The indices of the words that overlap characters ``start:end``."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return range(first, max(first, last))

    def mention(self, pieces: Iterable[Offsets]) -> Mention:
        """The words covered by all of ``pieces``; empty when they hold no word."""
        covered: set[int] = set()
        for start, end in pieces:
            covered.update(self.indices(start, end))
        return frozenset(covered)

    def sentence_ids(self, starts: Sequence[int]) -> list[int]:
        """Each word's sentence number, given the sentences' start offsets (ascending)."""
        return [bisect_right(starts, start) - 1 for start in self.starts]

    def span(self, mention: Mention) -> Offsets:
        """The character span from the first to the last word of ``mention``."""
        return self.starts[min(mention)], self.ends[max(mention)]


@dataclass
class Score:
    """Counts behind a precision/recall/F1 triple.

    ``matched`` is the number of one-to-one matches (or, for token overlap,
    of shared words); ``gold`` and ``predicted`` are the totals.
    """

    matched: int = 0
    gold: int = 0
    predicted: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.gold + other.gold, self.predicted + other.predicted)

    @property
    def p(self) -> float:
        """Precision in percent (0 when nothing was predicted)."""
        return 100.0 * self.matched / self.predicted if self.predicted else 0.0

    @property
    def r(self) -> float:
        """Recall in percent (0 when there is no gold)."""
        return 100.0 * self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of :attr:`p` and :attr:`r`, in percent."""
        total = self.gold + self.predicted
        return 100.0 * 2 * self.matched / total if total else 0.0

    def to_dict(self) -> dict[str, float]:
        """``{"p": .., "r": .., "f1": ..}``, percentages rounded to 2 decimals."""
        return {"p": round(self.p, 2), "r": round(self.r, 2), "f1": round(self.f1, 2)}


def max_matching(
    gold: Sequence[G], predicted: Sequence[P], compatible: Callable[[G, P], bool]
) -> list[tuple[int, int]]:
    """A largest one-to-one matching between ``gold`` and ``predicted``.

    :param compatible: whether a gold item and a predicted item may be matched.
    :returns: ``(gold index, predicted index)`` pairs, sorted by gold index.
    """
    edges = [[j for j, p in enumerate(predicted) if compatible(g, p)] for g in gold]
    owner: dict[int, int] = {}  # predicted index -> gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if edges[i]:
            augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def exact(gold: Sequence[Mention], predicted: Sequence[Mention]) -> Score:
    """Mentions matched when they cover exactly the same words."""
    shared = Counter(gold) & Counter(predicted)
    return Score(sum(shared.values()), len(gold), len(predicted))


def begin(gold: Sequence[Mention], predicted: Sequence[Mention]) -> Score:
    """Mentions matched when they start at the same word."""
    pairs = max_matching(gold, predicted, lambda g, p: min(g) == min(p))
    return Score(len(pairs), len(gold), len(predicted))


def overlap(gold: Sequence[Mention], predicted: Sequence[Mention]) -> Score:
    """Token-level counts: words in both the gold and the predicted mentions."""
    gold_words = frozenset().union(*gold)
    predicted_words = frozenset().union(*predicted)
    return Score(len(gold_words & predicted_words), len(gold_words), len(predicted_words))


def by_sentence(mentions: Iterable[Mention], sentence_of: Sequence[int]) -> list[Mention]:
    """Each mention cut into one piece per sentence it touches; distinct pieces, in order of first sight."""
    pieces: dict[Mention, None] = {}
    for mention in mentions:
        parts: dict[int, set[int]] = {}
        for word in mention:
            parts.setdefault(sentence_of[word], set()).add(word)
        for part in parts.values():
            pieces[frozenset(part)] = None
    return list(pieces)


#: The match kinds of roles, by name.
MATCHERS: dict[str, Callable[[Sequence[Mention], Sequence[Mention]], Score]] = {
    "exact": exact,
    "begin": begin,
    "overlap": overlap,
}
