"""Recognise an input by its first bytes, without consuming a stream that cannot rewind."""

from __future__ import annotations

import io
from typing import BinaryIO

from .text import bom_codec

HEAD_BYTES = 8192
_MAX_LEADING_SPACE = 1 << 20
_GZIP = b"\x1f\x8b"


class _Replay(io.RawIOBase):
    """A stream that returns already-read bytes, then the rest of the original stream."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        if self._head:
            size = min(len(buffer), len(self._head))
            buffer[:size] = self._head[:size]
            self._head = self._head[size:]
            return size
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def peek(stream: BinaryIO) -> tuple[bytes, BinaryIO]:
    """The first bytes of ``stream`` (past any leading whitespace), and a stream to read from the start.

    A seekable stream is rewound; any other is replayed through a buffer.
    """
    start = stream.tell() if stream.seekable() else None
    head = stream.read(HEAD_BYTES)
    while head and not head_text(head) and len(head) < _MAX_LEADING_SPACE:
        more = stream.read(HEAD_BYTES)
        if not more:
            break
        head += more
    if start is not None:
        stream.seek(start)
        return head, stream
    return head, io.BufferedReader(_Replay(head, stream))


def sniff(head: bytes) -> str:
    """The format of an unnamed input from its first bytes: ``"warc"``, ``"json"``, ``"html"`` or ``"text"``."""
    if head.startswith(_GZIP) or head.startswith(b"WARC/"):
        return "warc"
    start = head_text(head)[:1]
    if start in ("{", "["):
        return "json"
    if start == "<":
        return "html"
    return "text"


def head_text(head: bytes) -> str:
    """The head as text, past its byte-order mark and leading whitespace."""
    return head.decode(bom_codec(head) or "utf-8", errors="ignore").lstrip("\ufeff").lstrip()
