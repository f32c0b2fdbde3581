"""Read brat standoff annotation (``.ann``) files as PolNeAR writes them.

Two kinds of lines matter::

    T3\tContent 315 448;463 553\t“One of the things ...”
    E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1

A ``T`` line is a text-bound span: a label and one or more ``start end``
pieces (``;`` joins the pieces of a discontinuous span), character offsets
into the article's text. An ``E`` line is one attribution relation: its
anchor (``Attribution`` or ``Attribution-no-source``) and its roles, in any
order, each possibly missing, sometimes repeated with a number
(``Content2:T22``). A span's text may itself contain line breaks, so lines
that are neither ``T`` nor ``E`` (continuations, ``#`` notes, blanks) are
skipped, and a relation may name a span defined further down the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..records import Offsets

#: The roles of an attribution relation, in the order onrecord reports them.
ROLES = ("source", "cue", "content")

_SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t(.*)$")
_EVENT_LINE = re.compile(r"^(E\d+)\t(.*)$")
_ROLE_NAME = re.compile(r"^([A-Za-z-]+?)\d*$")


@dataclass(frozen=True)
class TextBound:
    """One ``T`` line: a labelled span made of one or more pieces."""

    id: str
    label: str
    pieces: tuple[Offsets, ...]
    text: str


@dataclass
class Attribution:
    """One ``E`` line: an attribution relation and the pieces of each role.

    A missing role has no pieces. Pieces are sorted by offset; a role given
    twice (``Content`` and ``Content2``) has the pieces of both.
    """

    id: str
    anchor: str  # "Attribution" or "Attribution-no-source"
    source: list[Offsets] = field(default_factory=list)
    cue: list[Offsets] = field(default_factory=list)
    content: list[Offsets] = field(default_factory=list)

    def role(self, name: str) -> list[Offsets]:
        """The pieces of role ``name`` (one of :data:`ROLES`)."""
        if name not in ROLES:
            raise ValueError(f"unknown role {name!r}: expected one of {', '.join(ROLES)}")
        pieces: list[Offsets] = getattr(self, name)
        return pieces


@dataclass
class Annotation:
    """The content of one ``.ann`` file."""

    spans: dict[str, TextBound] = field(default_factory=dict)
    attributions: list[Attribution] = field(default_factory=list)
    #: What could not be understood, e.g. ``"E5: Content refers to unknown span T99"``.
    problems: list[str] = field(default_factory=list)


def parse_ann(content: str) -> Annotation:
    """Parse the text of a brat ``.ann`` file.

    :param content: the file's text.
    :returns: its spans and attribution relations; anything unusable is
        listed in :attr:`Annotation.problems` rather than raised.
    """
    annotation = Annotation()
    events: list[tuple[str, str]] = []
    for line in content.split("\n"):
        line = line.rstrip("\r")
        span = _SPAN_LINE.match(line)
        if span:
            span_id, label, offsets, text = span.groups()
            pieces = tuple(_piece(p) for p in offsets.split(";"))
            annotation.spans[span_id] = TextBound(span_id, label, pieces, text)
            continue
        event = _EVENT_LINE.match(line)
        if event:
            events.append((event.group(1), event.group(2)))
    for event_id, args in events:
        attribution = _attribution(event_id, args, annotation)
        if attribution is not None:
            annotation.attributions.append(attribution)
    return annotation


def read_ann(path: str | Path) -> Annotation:
    """Read and parse the brat ``.ann`` file at ``path`` (UTF-8)."""
    return parse_ann(Path(path).read_text(encoding="utf-8"))


def split_ann_name(path: str | Path) -> tuple[str, str]:
    """``"dir/NAME_ANNOTATOR.ann"`` -> ``("NAME", "ANNOTATOR")``.

    PolNeAR names an annotation file after its article and appends the
    annotator's id after the last underscore.
    """
    stem = Path(path).name.removesuffix(".ann")
    article, sep, annotator = stem.rpartition("_")
    if not sep or not article:
        raise ValueError(f"not a NAME_ANNOTATOR.ann file name: {Path(path).name!r}")
    return article, annotator


def _piece(offsets: str) -> Offsets:
    start, end = offsets.split()
    return int(start), int(end)


def _attribution(event_id: str, args: str, annotation: Annotation) -> Attribution | None:
    anchor = ""
    roles: dict[str, list[Offsets]] = {role: [] for role in ROLES}
    for arg in args.split():
        name, sep, span_id = arg.partition(":")
        if not sep:
            annotation.problems.append(f"{event_id}: malformed argument {arg!r}")
            continue
        if name.startswith("Attribution"):
            anchor = name
            continue
        role_match = _ROLE_NAME.match(name)
        role = role_match.group(1).lower() if role_match else ""
        if role not in roles:
            annotation.problems.append(f"{event_id}: unknown role {name!r}")
            continue
        span = annotation.spans.get(span_id)
        if span is None:
            annotation.problems.append(f"{event_id}: {name} refers to unknown span {span_id}")
            continue
        roles[role].extend(span.pieces)
    if not anchor:
        annotation.problems.append(f"{event_id}: not an attribution relation")
        return None
    return Attribution(
        event_id,
        anchor,
        source=sorted(roles["source"]),
        cue=sorted(roles["cue"]),
        content=sorted(roles["content"]),
    )
