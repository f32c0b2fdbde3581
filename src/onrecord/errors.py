"""Error messages as coded constants, and the exceptions onrecord raises."""

from __future__ import annotations

from dataclasses import dataclass


class Errors:
    """Messages of the errors onrecord reports; format with ``.format(**kw)``."""

    E001 = "[E001] empty input: no text in it"
    E002 = "[E002] binary input: not text ({detail})"
    E003 = "[E003] cannot decode text: {detail}"
    E004 = "[E004] malformed JSON on line {line}: {detail}"
    E005 = "[E005] JSON record on line {line} has no 'text' string"
    E006 = "[E006] no such file or directory"
    E007 = "[E007] unsupported input type '{suffix}': expected .txt, .json, .jsonl, .html, .htm, .warc or .warc.gz"
    E008 = "[E008] cannot read: {detail}"
    E009 = "[E009] invalid date {value!r}: expected YYYY-MM-DD"
    E010 = "[E010] no main text found in the page"
    E011 = "[E011] damaged WARC: {detail}"
    E012 = "[E012] extraction failed: {detail}"
    E013 = "[E013] article too large: {size} characters, the limit is {limit}"
    E014 = "[E014] the span tagger's model is missing from {path}: reinstall onrecord, or rebuild it with `make train`"
    E015 = "[E015] unknown scope {value!r}: expected one of {choices}"
    E101 = "[E101] onrecord_attribution needs onrecord_people earlier in the pipeline"


class OnrecordError(Exception):
    """Base class of onrecord's own exceptions."""


class InputError(OnrecordError):
    """An input that cannot be read as an article."""


@dataclass
class ReadError:
    """An input (or one record of it) that could not be read, and why.

    Readers yield these beside :class:`~onrecord.records.Article` objects so
    that one bad input never stops a batch.
    """

    source: str  # the path, or "-" for standard input
    reason: str
    location: str | None = None  # "line 7", "record 3", a WARC offset...

    def __str__(self) -> str:
        where = f"{self.source}:{self.location}" if self.location else self.source
        return f"{where}: {self.reason}"
