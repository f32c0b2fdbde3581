"""Interview transcripts: paragraphs that open with the speaker's name.

Interviews are often printed as turns, each paragraph opening with a label::

    ((WN))  How old are you?
    ((Zara Kay))  So, I am 26 now.
    MARIA LOPEZ: We will appeal.
    Q: Why?
    "WALLACE: Will she be there?   (a transcript quoted, each paragraph opening a quotation)

A turn is what its speaker said, word for word, though no quotation mark
encloses it; the paragraphs after it that carry no label are more of the
same turn, until the next label, a paragraph that is not prose, or one that
names the speaker (narration about them); the paragraphs after the last label
are narration too. The labels are patterns in
:data:`.tables.TURN_LABEL_PATTERNS`. An article is a transcript only when it
has at least :data:`.tables.MIN_TURNS` labelled paragraphs, two different
speakers, one of them speaking twice, and an interviewer ("Q", "((WN))") or a
speaker whose label opens with a first name, or two speakers taking turns, one
of them named in full in the article ("PENCE:" beside "Mike Pence"), so that a headline such as
"Graham: Trump's rhetoric is hurting the party", a dateline ("NEW DELHI:"),
"Pros:" and "Cons:" or a box score ("Yankees: ...") is no turn. A speaker is
known by the last word of the label: "MARIA LOPEZ" and "LOPEZ" are one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..records import Offsets
from .paragraphs import inside, stripped
from .quotemarks import paragraphs
from .tables import (
    CAPTION_WORDS, INTERVIEWER_LABELS, MIN_TURNS, NAME_PARTICLES, NOT_SPEAKER_LABELS, TALLY_BODY, TITLES,
    TURN_LABEL_PATTERNS,
)

_PARTICLES = "|".join(sorted(NAME_PARTICLES))
_LABELS = [
    re.compile(r"[ \t]*(?:[\"“][ \t]*)?" + pattern.replace("{particles}", _PARTICLES) + r"[ \t]*(?=\S|$)")
    for pattern in TURN_LABEL_PATTERNS
]
_TALLY = re.compile(TALLY_BODY)


@dataclass
class Turn:
    """One speaker's turn in a transcript: who, as labelled, and the pieces of what they said."""

    label: Offsets  # the speaker as written ("Zara Kay" in "((Zara Kay))")
    pieces: list[Offsets] = field(default_factory=list)  # one per paragraph, label left out
    interviewer: bool = False  # a "Q" or "((WN))" turn: its speaker names nobody

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]

    def holds(self, offset: int) -> bool:
        """Whether ``offset`` falls in the turn's words."""
        return inside(offset, self.pieces)


def find_turns(
    text: str, skip: list[Offsets] | None = None, is_first_name: Callable[[str], bool] | None = None
) -> list[Turn]:
    """The turns of ``text`` if it reads as a transcript, else ``[]``.

    :param skip: spans of paragraphs that are not prose (captions, embeds): they end a turn.
    :param is_first_name: whether a word is a first name ("Jake" in "JAKE TAPPER:"); without it,
        only a transcript with an interviewer's turns ("Q:", "((WN))") is one.
    """
    if text.count(":") + text.count("((") < MIN_TURNS:
        return []  # too few labels possible: most articles stop here
    skip = skip or []
    # each paragraph, with its label and where its words start (None when it has no label)
    labelled = [((start, end), _label(text, start, end)) for start, end in paragraphs(text)]
    labels = [_normal(text, found[0]) for _, found in labelled if found is not None]
    names = Counter(label.split()[-1] for label in labels)
    if sum(names.values()) < MIN_TURNS or len(names) < 2 or max(names.values()) < 2:
        return []
    if not any(label in INTERVIEWER_LABELS for label in labels) and not (
        is_first_name is not None and any(is_first_name(label.split()[0].title()) for label in labels)
    ) and not _named_in_prose(text, names, is_first_name):
        return []
    last_label = max(n for n, (_, found) in enumerate(labelled) if found is not None)
    turns: list[Turn] = []
    current: Turn | None = None
    for n, ((start, end), found) in enumerate(labelled):
        if found is not None:
            label, body_start = found
            body = stripped(text, body_start, end)
            current = Turn(label, [body] if body[0] < body[1] else [], _normal(text, label) in INTERVIEWER_LABELS)
            turns.append(current)
        elif current is not None and not current.pieces and not inside(start, skip):
            current.pieces.append(stripped(text, start, end))  # "Q:" alone on its line: its words follow
        elif current is not None and n < last_label and not inside(start, skip) and not _names(text, start, end, current):
            current.pieces.append(stripped(text, start, end))
        else:
            current = None
    return [t for t in turns if t.pieces]


def _named_in_prose(text: str, surnames: Counter, is_first_name: Callable[[str], bool] | None) -> bool:
    """Whether two speakers take turns and one of them is a person the article names in full
    ("WALLACE:" ... "PENCE:" beside "Gov. Mike Pence"): a broadcast transcript with no interviewer label."""
    top = surnames.most_common(2)
    if is_first_name is None or len(top) < 2 or top[1][1] < 2:
        return False
    for surname, _ in top:
        pattern = rf"\b(?:([A-Z][a-z]+)\.?[ \t]+)?([A-Z][a-z]+)[ \t]+{re.escape(surname.title())}\b"
        for m in re.finditer(pattern, text):
            before = m.group(1)
            if is_first_name(m.group(2)) and (before is None or before.lower() in TITLES):
                return True  # "Mike Pence", "Gov. Mike Pence"; not "New York Yankees"
    return False


def _label(text: str, start: int, end: int) -> tuple[Offsets, int] | None:
    """The speaker label opening the paragraph ``text[start:end]`` and where its words start, if any."""
    for pattern in _LABELS:
        match = pattern.match(text, start, end)
        if match is None:
            continue
        label = stripped(text, *match.span("label"))
        if _is_speaker(text[label[0] : label[1]]) and not _TALLY.match(text, match.end(), end):  # "Clinton: 2,205"
            return label, match.end()
    return None


def _names(text: str, start: int, end: int, turn: Turn) -> bool:
    """Whether the paragraph names the turn's speaker: narration about them, not their words."""
    surname = _normal(text, turn.label).split()[-1]
    return not turn.interviewer and re.search(rf"\b{re.escape(surname)}\b", text[start:end].lower()) is not None


def _is_speaker(label: str) -> bool:
    words = label.lower().split()
    if not words or len(words) > 5 or label.lower() in NOT_SPEAKER_LABELS:
        return False
    if words[-1].endswith(CAPTION_WORDS):
        return False  # "Jo JorgensenImage: ...": a caption run into its credit
    return any(c.isupper() for c in label) or label.lower() in INTERVIEWER_LABELS


def _normal(text: str, label: Offsets) -> str:
    return " ".join(text[label[0] : label[1]].lower().split())
