"""Score one article's extraction against a hand-made gold file.

The same rules as ``shared/tools/score_gold.py``, as a library:

* a gold quote is *found* when one predicted quote's content spans cover at
  least 60% of its characters and that quote's speaker names exactly the same
  people (order aside);
* a predicted quote that overlaps no gold quote at all is *spurious*;
* gold quotes marked ``"optional"`` are neither required nor spurious;
* a person of the gold's ``people`` whom the extraction's people lack is
  *missing*.

The result is :attr:`GoldReport.ok` only when every required quote is found,
nothing is spurious and no person is missing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..records import Extraction, Offsets, Quote

#: Share of a gold quote's characters a prediction must cover to find it.
MIN_COVER = 0.6
#: The gold file bundled with onrecord (``onrecord/data/NAME.gold.json``).
BUNDLED = "all-of-us-strangers"


@dataclass
class Missed:
    """A required gold quote no prediction found with the right speakers."""

    kind: str
    text: str
    wanted: list[str]
    #: The people of the predictions covering it enough (empty: none does).
    got: list[list[str]]
    best_cover: float

    def __str__(self) -> str:
        said: Any = self.got or "no quote covers it"
        return (f"MISSED {self.kind:8} {self.text[:60]!r}: wanted {self.wanted}, got {said} "
                f"(best cover {self.best_cover:.0%})")


@dataclass
class GoldReport:
    """How an extraction fares against a gold file."""

    id: str
    required: int
    found: int
    missed: list[Missed] = field(default_factory=list)
    spurious: list[Quote] = field(default_factory=list)
    missing_people: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Every required quote found, nothing spurious, nobody missing."""
        return self.found == self.required and not self.spurious and not self.missing_people

    def summary(self) -> str:
        """The one-line summary ``score_gold.py`` ends with."""
        return (f"{self.id}: {self.found}/{self.required} quotes found with the right speakers, "
                f"{len(self.spurious)} spurious, {len(self.missing_people)} people missing")

    def lines(self) -> list[str]:
        """The full report as ``score_gold.py`` prints it, summary last."""
        out = [str(m) for m in self.missed]
        out.extend(f"SPURIOUS {q.text[:70]!r}" for q in self.spurious)
        if self.missing_people:
            out.append(f"people missing from the article's people: {self.missing_people}")
        out.append(self.summary())
        return out

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return {
            "id": self.id,
            "required": self.required,
            "found": self.found,
            "ok": self.ok,
            "missed": [{"kind": m.kind, "text": m.text, "wanted": m.wanted, "got": m.got,
                        "best_cover": round(m.best_cover, 3)} for m in self.missed],
            "spurious": [{"text": q.text, "spans": [list(s) for s in q.spans]} for q in self.spurious],
            "missing_people": list(self.missing_people),
        }


def covered(gold_span: Sequence[int], spans: Iterable[Sequence[int]]) -> float:
    """The share of ``gold_span``'s characters that ``spans`` cover (0 to 1; overlaps count twice)."""
    start, end = gold_span
    hit = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return hit / max(1, end - start)


def score_gold(gold: dict[str, Any], extraction: Extraction) -> GoldReport:
    """Score ``extraction`` against the gold file's content ``gold``.

    :param gold: a gold file as loaded by :func:`load_gold`.
    :param extraction: what onrecord found in the same article (same text,
        so that offsets agree).
    """
    quotes = extraction.quotes
    report = GoldReport(id=str(gold.get("id")), required=0, found=0)
    for entry in gold["quotes"]:
        if entry.get("optional"):
            continue
        report.required += 1
        span = entry["span"]
        covers = [covered(span, q.spans) for q in quotes]
        good = [q for q, cover in zip(quotes, covers, strict=True) if cover >= MIN_COVER]
        wanted = sorted(entry["speakers"])
        if any(sorted(_people(q)) == wanted for q in good):
            report.found += 1
            continue
        report.missed.append(Missed(entry["kind"], entry["text"], list(entry["speakers"]),
                                    [_people(q) for q in good], max(covers, default=0.0)))
    report.spurious = [q for q in quotes if not any(_overlaps(entry["span"], q.spans) for entry in gold["quotes"])]
    names = {person.name for person in extraction.people}
    report.missing_people = [p["name"] for p in gold.get("people", []) if p["name"] not in names]
    return report


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold file (JSON): an object with a list of ``quotes``.

    :raises ValueError: naming the file, when it is no JSON or holds no such object.
    """
    try:
        return _gold(Path(path).read_text(encoding="utf-8"), str(path))
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not a gold file: {error}") from error


def load_bundled_gold(name: str = BUNDLED) -> dict[str, Any]:
    """The gold file bundled in ``onrecord.data`` (``NAME.gold.json``)."""
    path = resources.files("onrecord.data").joinpath(f"{name}.gold.json")
    return _gold(path.read_text(encoding="utf-8"), str(path))


def _gold(text: str, origin: str) -> dict[str, Any]:
    """The gold object in ``text``, read from ``origin`` (named in the error)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"{origin}: not a gold file: {error}") from error
    if not isinstance(data, dict) or not isinstance(data.get("quotes"), list):
        raise ValueError(f"{origin}: not a gold file: expected a JSON object with a list of \"quotes\"")
    return data


def bundled_article_path(name: str = BUNDLED) -> Path:
    """The path of the article the bundled gold file ``name`` annotates (``NAME.txt``)."""
    return Path(str(resources.files("onrecord.data").joinpath(f"{name}.txt")))


def _people(quote: Quote) -> list[str]:
    return list(quote.speaker.people) if quote.speaker is not None else []


def _overlaps(gold_span: Sequence[int], spans: Sequence[Offsets]) -> bool:
    return covered(gold_span, spans) > 0 or any(covered(span, [gold_span]) > 0 for span in spans)
