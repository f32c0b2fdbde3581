"""Text with marked character ranges, as safe, well-nested HTML.

>>> str(render("a <b> c", [Mark(2, 5, classes=("x",))]))
'a <span class="x">&lt;b&gt;</span> c'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

_TAGS = frozenset({"mark", "span"})
_ATTR = re.compile(r"(?:title|tabindex|role|aria-[a-z]+|data-[a-z][a-z0-9-]*)")
_CLASS = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


@dataclass(frozen=True)
class Mark:
    """One marked range ``[start, end)`` of the text.

    :param tag: ``"mark"`` or ``"span"``.
    :param classes: CSS classes of the element.
    :param attrs: further attributes (``title``, ``tabindex``, ``role``,
        ``aria-*``, ``data-*`` only); their values are escaped.
    :param anchor: an ``id`` given to the first element of the mark.
    :param rank: among marks covering the same range, lower ranks enclose higher ones.
    """

    start: int
    end: int
    tag: str = "span"
    classes: tuple[str, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()
    anchor: str | None = None
    rank: int = 0

    def __post_init__(self) -> None:
        if self.tag not in _TAGS:
            raise ValueError(f"unsupported tag {self.tag!r}: expected one of {sorted(_TAGS)}")
        for name, _value in self.attrs:
            if not _ATTR.fullmatch(name):
                raise ValueError(f"unsupported attribute {name!r}")
        for cls in self.classes:
            if not _CLASS.fullmatch(cls):
                raise ValueError(f"unsupported class name {cls!r}")


def _open(mark: Mark, first: bool) -> str:
    parts = [mark.tag]
    if first and mark.anchor:
        parts.append(f'id="{escape(mark.anchor)}"')
    if mark.classes:
        parts.append(f'class="{escape(" ".join(mark.classes))}"')
    parts.extend(f'{name}="{escape(value)}"' for name, value in mark.attrs)
    return "<" + " ".join(parts) + ">"


def render(text: str, marks: Iterable[Mark]) -> Markup:
    """``text`` as HTML with an element round the characters of each mark.

    Every piece of text and every attribute value is escaped. Marks may
    overlap in any way: where one crosses the end of another, it is closed
    and opened again (same classes and attributes, the ``id`` only on the
    first piece), so the result is always well nested. Ranges are clipped to
    the text; empty ones are dropped.
    """
    size = len(text)
    usable = []
    for mark in marks:
        start, end = max(0, mark.start), min(size, mark.end)
        if start < end:
            usable.append((start, end, mark))
    # Outer marks first: earlier start, then longer, then lower rank.
    usable.sort(key=lambda item: (item[0], -item[1], item[2].rank))
    starting: dict[int, list[int]] = defaultdict(list)
    ending: dict[int, list[int]] = defaultdict(list)
    for index, (start, end, _mark) in enumerate(usable):
        starting[start].append(index)
        ending[end].append(index)
    boundaries = sorted({0, size, *starting, *ending})

    out: list[str] = []
    active: set[int] = set()
    stack: list[int] = []
    opened: set[int] = set()
    for left, right in pairwise(boundaries):
        active.difference_update(ending.get(left, ()))
        active.update(starting.get(left, ()))
        wanted = sorted(active)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        out.extend(f"</{usable[i][2].tag}>" for i in reversed(stack[keep:]))
        for index in wanted[keep:]:
            out.append(_open(usable[index][2], first=index not in opened))
            opened.add(index)
        stack = wanted
        out.append(str(escape(text[left:right])))
    out.extend(f"</{usable[i][2].tag}>" for i in reversed(stack))
    return Markup("".join(out))
