"""The plain records onrecord reads and produces.

Every offset is an integer Python string index into :attr:`Article.text`
exactly as given: never into a rewritten text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Offsets = tuple[int, int]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass
class Article:
    """One news article: its text and what is known about it."""

    text: str
    id: str | None = None
    date: str | None = None  # ISO YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    source: str | None = None  # the file (and record) it was read from


@dataclass
class Cue:
    """The reporting word(s): "said", "told", "according to"."""

    text: str
    span: Offsets


@dataclass
class Addressee:
    """Whom the words were addressed to: "told Entertainment Weekly"."""

    text: str
    span: Offsets


@dataclass
class Speaker:
    """The speaker mention as written, and whom it refers to."""

    text: str
    span: Offsets
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)


@dataclass
class Quote:
    """One attribution: content, cue, speaker and addressee."""

    kind: QuoteKind
    text: str
    spans: list[Offsets]
    cue: Cue | None = None
    speaker: Speaker | None = None
    addressee: Addressee | None = None
    confidence: float = 0.5

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class Person:
    """A person of the article, with every mention of them."""

    name: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Offsets] = field(default_factory=list)
    gender: str | None = None  # "m", "f" or None when unknown


@dataclass
class Extraction:
    """What onrecord finds in one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The article's record, in the shape of ``onrecord extract --json``."""
        article = self.article
        return {
            "id": article.id,
            "date": article.date,
            "title": article.title,
            "url": article.url,
            "outlet": article.outlet,
            "source": article.source,
            "quotes": [quote_to_dict(q) for q in self.quotes],
            "people": [
                {"name": p.name, "roles": list(p.roles), "mentions": [list(m) for m in p.mentions]}
                for p in self.people
            ],
            "organizations": list(self.organizations),
        }


def quote_to_dict(quote: Quote) -> dict[str, Any]:
    """One quotation as the JSON of ``onrecord extract --json``."""
    return {
        "kind": quote.kind,
        "text": quote.text,
        "spans": [list(s) for s in quote.spans],
        "cue": None if quote.cue is None else {"text": quote.cue.text, "span": list(quote.cue.span)},
        "speaker": None
        if quote.speaker is None
        else {
            "text": quote.speaker.text,
            "span": list(quote.speaker.span),
            "people": list(quote.speaker.people),
            "organizations": list(quote.speaker.organizations),
        },
        "addressee": None
        if quote.addressee is None
        else {"text": quote.addressee.text, "span": list(quote.addressee.span)},
        "confidence": round(quote.confidence, 3),
    }


def quote_from_dict(data: dict[str, Any]) -> Quote:
    """The inverse of :func:`quote_to_dict`."""
    cue = data.get("cue")
    speaker = data.get("speaker")
    addressee = data.get("addressee")
    return Quote(
        kind=data["kind"],
        text=data["text"],
        spans=[(int(s), int(e)) for s, e in data["spans"]],
        cue=None if cue is None else Cue(cue["text"], tuple(cue["span"])),
        speaker=None
        if speaker is None
        else Speaker(
            speaker["text"],
            tuple(speaker["span"]),
            list(speaker.get("people", [])),
            list(speaker.get("organizations", [])),
        ),
        addressee=None if addressee is None else Addressee(addressee["text"], tuple(addressee["span"])),
        confidence=float(data.get("confidence", 0.5)),
    )


def extraction_from_dict(data: dict[str, Any], text: str = "") -> Extraction:
    """Rebuild an :class:`Extraction` from its JSON record (the text is not in it)."""
    article = Article(
        text=text,
        id=data.get("id"),
        date=data.get("date"),
        title=data.get("title"),
        url=data.get("url"),
        outlet=data.get("outlet"),
        source=data.get("source"),
    )
    return Extraction(
        article=article,
        quotes=[quote_from_dict(q) for q in data.get("quotes", [])],
        people=[
            Person(p["name"], list(p.get("roles", [])), [tuple(m) for m in p.get("mentions", [])])
            for p in data.get("people", [])
        ],
        organizations=list(data.get("organizations", [])),
    )
