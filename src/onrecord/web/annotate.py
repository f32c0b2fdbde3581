"""Turn an article's quotations and people into highlight marks, a legend and table rows.

Works on the JSON shapes of the contract: a stored article's quotations (with
``speaker.person_ids``) or an extraction's ``to_dict()`` (without ids).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from . import links
from .highlight import Mark, render

#: Speakers get one of this many colours (CSS classes ``sp0`` ... ``sp7``), in order of appearance.
PALETTE_SIZE = 8

_CONTENT, _ROLE, _MENTION = 0, 1, 2  # nesting ranks: content encloses cue/speaker, which enclose mentions


@dataclass(frozen=True)
class Who:
    """Someone (or some organisation) a mention resolves to."""

    name: str
    href: str | None = None
    detail: str = ""

    def as_json(self) -> dict[str, str]:
        return {"name": self.name, "href": self.href or "", "detail": self.detail}


@dataclass(frozen=True)
class Speaker:
    """A speaker as the legend shows them: their colour, label and referents."""

    colour: int
    label: str
    who: tuple[Who, ...]


@dataclass(frozen=True)
class QuoteRow:
    """One line of the quotation table."""

    number: int
    anchor: str
    speaker: Speaker
    speaker_text: str
    kind: str
    text: str
    cue: str
    addressee: str
    confidence: float


@dataclass
class Annotated:
    """An article's text as highlighted HTML, its speakers and its quotation rows."""

    html: Markup
    speakers: list[Speaker] = field(default_factory=list)
    rows: list[QuoteRow] = field(default_factory=list)


PersonHref = Callable[[int], str]


def _span(value: Any) -> tuple[int, int] | None:
    if not value or len(value) != 2 or value[0] is None or value[1] is None:
        return None
    return int(value[0]), int(value[1])


class _People:
    """Look-up of an article's people by name: their id and roles."""

    def __init__(self, people: Sequence[Mapping[str, Any]], person_href: PersonHref) -> None:
        self._by_name: dict[str, Who] = {}
        for person in people:
            who = self.who(person, person_href)
            for name in (person.get("name"), person.get("name_in_article")):
                if name:
                    self._by_name.setdefault(name.casefold(), who)

    @staticmethod
    def who(person: Mapping[str, Any], person_href: PersonHref) -> Who:
        roles = person.get("roles_in_article") or person.get("roles") or []
        pid = person.get("id")
        return Who(person["name"], person_href(pid) if isinstance(pid, int) else None, ", ".join(roles))

    def named(self, name: str, person_id: int | None, person_href: PersonHref) -> Who:
        known = self._by_name.get(name.casefold())
        href = person_href(person_id) if person_id is not None else (known.href if known else None)
        return Who(name, href, known.detail if known else "")


def _referents(speaker: Mapping[str, Any] | None, people: _People, person_href: PersonHref) -> tuple[Who, ...]:
    if not speaker:
        return ()
    ids = list(speaker.get("person_ids") or [])
    found = [people.named(name, ids[i] if i < len(ids) else None, person_href)
             for i, name in enumerate(speaker.get("people") or [])]
    found += [Who(org, None, "organisation") for org in speaker.get("organizations") or []]
    return tuple(found)


def speaker_who(speaker: Mapping[str, Any] | None) -> tuple[Who, ...]:
    """Whom a stored quotation's speaker resolves to, linked to their pages where the store knows them."""
    return _referents(speaker, _People((), links.person_href), links.person_href)


def _label(speaker: Mapping[str, Any] | None, who: Sequence[Who]) -> str:
    if who:
        return " & ".join(w.name for w in who)
    if speaker and speaker.get("text"):
        return f"“{speaker['text']}” (unresolved)"
    return "unknown speaker"


def _key(speaker: Mapping[str, Any] | None, who: Sequence[Who]) -> str:
    if who:
        return "\x1f".join(w.name.casefold() for w in who)
    if speaker and speaker.get("text"):
        return "text:" + str(speaker["text"]).casefold()
    return "?"


def _who_attr(who: Sequence[Who]) -> str:
    return json.dumps([w.as_json() for w in who], ensure_ascii=False)


def _resolves(surface: str, who: Sequence[Who]) -> str:
    if not who:
        return f"“{surface}”: not resolved to anyone"
    names = "; ".join(w.name + (f" ({w.detail})" if w.detail else "") for w in who)
    return f"“{surface}” → {names}"


def annotate(text: str, quotes: Sequence[Mapping[str, Any]], people: Sequence[Mapping[str, Any]],
             person_href: PersonHref) -> Annotated:
    """Highlight every attribution of ``text``.

    Content spans are ``<mark class="q spN">`` (one colour per speaker; the
    first piece has the ``id`` ``quote-<id>`` for a stored quotation, else
    ``q-<number>``); cues are ``span.cue``, speaker mentions ``span.spk``,
    addressees ``span.addr`` and other mentions of the article's people
    ``span.mention``. Mentions carry a ``title`` and a ``data-who`` JSON list
    of whom they resolve to; every mark but mentions carries ``data-q``, the
    numbers of the quotations it belongs to.

    :param quotes: quotations in the contract's JSON shape, in article order.
    :param people: the article's people (``name``, ``roles``, ``mentions``, optionally ``id``).
    :param person_href: the address of a person's page from their id.
    """
    directory = _People(people, person_href)
    speakers: dict[str, Speaker] = {}
    rows: list[QuoteRow] = []
    marks: list[Mark] = []
    parts: dict[tuple[int, int, str], _Part] = {}  # a cue or speaker shared by quotations is marked once
    for number, quote in enumerate(quotes, start=1):
        speaker_data = quote.get("speaker")
        who = _referents(speaker_data, directory, person_href)
        key = _key(speaker_data, who)
        if key not in speakers:
            speakers[key] = Speaker(len(speakers) % PALETTE_SIZE, _label(speaker_data, who), who)
        speaker = speakers[key]
        anchor = links.quote_anchor(quote["id"]) if isinstance(quote.get("id"), int) else f"q-{number}"
        marks.extend(_content_marks(quote, number, anchor, speaker))
        for kind, data in (("cue", quote.get("cue")), ("spk", speaker_data), ("addr", quote.get("addressee"))):
            bounds = _span(data.get("span")) if data is not None else None
            if data is None or bounds is None:
                continue
            part = parts.setdefault((*bounds, kind), _Part(
                kind, *bounds, str(data.get("text") or text[bounds[0]:bounds[1]]), speaker, who))
            part.numbers.append(number)
        rows.append(_row(quote, number, anchor, speaker))
    marks.extend(part.mark() for part in parts.values())
    speaker_spans = {(part.start, part.end) for part in parts.values() if part.kind == "spk"}
    marks.extend(_mention_marks(text, people, person_href, skip=speaker_spans))
    return Annotated(html=render(text, marks), speakers=list(speakers.values()), rows=rows)


def _content_marks(quote: Mapping[str, Any], number: int, anchor: str, speaker: Speaker) -> list[Mark]:
    title = f"Quotation {number} ({quote.get('kind', '?')}): {speaker.label}"
    marks = []
    for piece, span in enumerate(quote.get("spans") or []):
        bounds = _span(span)
        if bounds is not None:
            marks.append(Mark(*bounds, tag="mark", classes=("q", f"sp{speaker.colour}"),
                              attrs=(("title", title), ("data-q", str(number))),
                              anchor=anchor if piece == 0 else None, rank=_CONTENT))
    return marks


def _mention_marks(text: str, people: Sequence[Mapping[str, Any]], person_href: PersonHref,
                   skip: set[tuple[int, int]]) -> list[Mark]:
    marks = []
    for person in people:
        who = (_People.who(person, person_href),)
        for mention in person.get("mentions") or []:
            bounds = _span(mention)
            if bounds is None or bounds in skip:
                continue
            marks.append(Mark(*bounds, classes=("mention",), rank=_MENTION,
                              attrs=(("title", _resolves(text[bounds[0]:bounds[1]], who)),
                                     ("data-who", _who_attr(who)), ("tabindex", "0"), ("role", "button"))))
    return marks


def _row(quote: Mapping[str, Any], number: int, anchor: str, speaker: Speaker) -> QuoteRow:
    return QuoteRow(
        number=number, anchor=anchor, speaker=speaker,
        speaker_text=str((quote.get("speaker") or {}).get("text") or ""),
        kind=str(quote.get("kind", "")), text=str(quote.get("text", "")),
        cue=str((quote.get("cue") or {}).get("text") or ""),
        addressee=str((quote.get("addressee") or {}).get("text") or ""),
        confidence=float(quote.get("confidence") or 0.0),
    )


@dataclass
class _Part:
    """A cue (``cue``), speaker mention (``spk``) or addressee (``addr``) of one or more quotations."""

    kind: str
    start: int
    end: int
    text: str
    speaker: Speaker
    who: tuple[Who, ...]
    numbers: list[int] = field(default_factory=list)

    def mark(self) -> Mark:
        listed = ", ".join(str(n) for n in self.numbers)
        of = f"quotation{'s' if len(self.numbers) > 1 else ''} {listed}"
        data_q = ("data-q", " ".join(str(n) for n in self.numbers))
        if self.kind == "cue":
            return Mark(self.start, self.end, classes=("cue",), rank=_ROLE,
                        attrs=(("title", f"Cue of {of}: “{self.text}”"), data_q))
        if self.kind == "addr":
            return Mark(self.start, self.end, classes=("addr",), rank=_ROLE,
                        attrs=(("title", f"Addressee of {of}: {self.text}"), data_q))
        return Mark(self.start, self.end, classes=("spk", f"sp{self.speaker.colour}"), rank=_ROLE,
                    attrs=(("title", f"Speaker of {of}: " + _resolves(self.text, self.who)),
                           ("data-who", _who_attr(self.who)), data_q, ("tabindex", "0"), ("role", "button")))
