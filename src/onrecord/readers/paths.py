"""Which files to read: named files, directories walked, suffixes recognised."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath

from ..errors import Errors, ReadError

#: Recognised suffixes and the format each one names; the longest first.
FORMATS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".txt", "text"),
    (".jsonl", "json"),
    (".json", "json"),
    (".html", "html"),
    (".htm", "html"),
)


@dataclass(frozen=True)
class InputFile:
    """A file to read, with the format its suffix names."""

    path: str  # as given, or joined onto the directory given
    format: str  # "text", "json", "html" or "warc"
    key: str  # what path-based ids derive from: the stem, or the path under the walked directory


def format_of(path: str) -> tuple[str, str] | None:
    """``(suffix, format)`` of a file name, or ``None`` if onrecord does not read it."""
    name = os.path.basename(path).lower()
    for suffix, kind in FORMATS:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix, kind
    return None


def expand(path: str) -> Iterator[InputFile | ReadError]:
    """The files a named path stands for: itself, or the readable files under it (sorted, recursive).

    A missing path is E006 and a named file of an unknown type E007; inside a
    directory, hidden entries and files of other types are skipped.
    """
    if os.path.isdir(path):
        yield from _walk(path, path)
        return
    if not os.path.exists(path):
        yield ReadError(path, Errors.E006)
        return
    found = format_of(path)
    if found is None:
        suffix = PurePath(path).suffix or "(none)"
        yield ReadError(path, Errors.E007.format(suffix=suffix))
        return
    suffix, kind = found
    yield InputFile(path, kind, os.path.basename(path)[: -len(suffix)])


def _walk(root: str, directory: str) -> Iterator[InputFile | ReadError]:
    """Files under ``directory`` in name order, depth first; keys relative to ``root``."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as err:
        yield ReadError(directory, Errors.E008.format(detail=err.strerror or err))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):  # a linked folder could loop
            yield from _walk(root, entry.path)
            continue
        found = format_of(entry.name)
        if found is None or not entry.is_file():
            continue
        suffix, kind = found
        relative = os.path.relpath(entry.path, root)[: -len(suffix)]
        yield InputFile(entry.path, kind, relative.replace(os.sep, "-"))
