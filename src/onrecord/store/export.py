"""Exporting every stored quotation as JSON Lines, CSV or Parquet.

JSON Lines rows are exactly the rows of :meth:`Store.quotes`. CSV and Parquet
rows are flat (see :data:`FLAT_COLUMNS`): offsets become ``*_start``/``*_end``
columns, lists stay lists in Parquet and become JSON text in CSV.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import OnrecordError

if TYPE_CHECKING:
    import pyarrow as pa

ExportFormat = Literal["jsonl", "csv", "parquet"]
FORMATS: tuple[ExportFormat, ...] = ("jsonl", "csv", "parquet")

#: The columns of a flat row, in order.
FLAT_COLUMNS = (
    "id", "article_id", "date", "title", "url", "outlet", "kind", "text", "spans",
    "cue_text", "cue_start", "cue_end", "speaker_text", "speaker_start", "speaker_end",
    "speaker_people", "speaker_person_ids", "speaker_organizations",
    "addressee_text", "addressee_start", "addressee_end", "confidence", "group_id", "first_seen",
)
_LIST_COLUMNS = frozenset({"spans", "speaker_people", "speaker_person_ids", "speaker_organizations"})


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
    """A quote row of :meth:`Store.quotes` as one flat record of :data:`FLAT_COLUMNS`."""
    cue, speaker, addressee = row["cue"] or {}, row["speaker"] or {}, row["addressee"] or {}

    def start(part: dict[str, Any]) -> int | None:
        return part["span"][0] if part.get("span") else None

    def end(part: dict[str, Any]) -> int | None:
        return part["span"][1] if part.get("span") else None

    return {
        "id": row["id"], "article_id": row["article_id"], "date": row["date"], "title": row["title"],
        "url": row["url"], "outlet": row["outlet"], "kind": row["kind"], "text": row["text"],
        "spans": row["spans"], "cue_text": cue.get("text"), "cue_start": start(cue), "cue_end": end(cue),
        "speaker_text": speaker.get("text"), "speaker_start": start(speaker), "speaker_end": end(speaker),
        "speaker_people": speaker.get("people", []), "speaker_person_ids": speaker.get("person_ids", []),
        "speaker_organizations": speaker.get("organizations", []),
        "addressee_text": addressee.get("text"), "addressee_start": start(addressee), "addressee_end": end(addressee),
        "confidence": row["confidence"], "group_id": row["group_id"], "first_seen": row["first_seen"],
    }


def export(rows: Iterable[dict[str, Any]], fmt: ExportFormat, out: Path) -> int:
    """Write ``rows`` to ``out`` in ``fmt``; return how many were written."""
    if fmt == "jsonl":
        return _write_jsonl(rows, out)
    if fmt == "csv":
        return _write_csv(rows, out)
    if fmt == "parquet":
        return _write_parquet(rows, out)
    raise ValueError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")


def _write_jsonl(rows: Iterable[dict[str, Any]], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def _write_csv(rows: Iterable[dict[str, Any]], out: Path) -> int:
    n = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=FLAT_COLUMNS)
        writer.writeheader()
        for row in rows:
            writer.writerow(csv_record(flat_row(row)))
            n += 1
    return n


def csv_record(flat: dict[str, Any]) -> dict[str, Any]:
    """A flat row with its lists as JSON text, ready for :class:`csv.DictWriter`."""
    return {key: json.dumps(value, ensure_ascii=False) if key in _LIST_COLUMNS else value
            for key, value in flat.items()}


def _parquet_schema() -> pa.Schema:
    import pyarrow as pa

    text, integer = pa.string(), pa.int64()
    types = {
        "id": integer, "article_id": text, "date": pa.string(), "title": text, "url": text, "outlet": text,
        "kind": text, "text": text, "spans": pa.list_(pa.list_(integer)), "cue_text": text,
        "cue_start": integer, "cue_end": integer, "speaker_text": text, "speaker_start": integer,
        "speaker_end": integer, "speaker_people": pa.list_(text), "speaker_person_ids": pa.list_(integer),
        "speaker_organizations": pa.list_(text), "addressee_text": text, "addressee_start": integer,
        "addressee_end": integer, "confidence": pa.float64(), "group_id": integer, "first_seen": pa.bool_(),
    }
    return pa.schema([(name, types[name]) for name in FLAT_COLUMNS])


class ExportError(OnrecordError):
    """An export that cannot be written as asked (its format's library is missing)."""


def _write_parquet(rows: Iterable[dict[str, Any]], out: Path, batch: int = 10_000) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ModuleNotFoundError:
        raise ExportError("Parquet export needs pyarrow: pip install 'pyarrow==26.0.1'") from None

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(str(out), schema) as writer:
        for chunk in _chunks((flat_row(row) for row in rows), batch):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
    return n


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk
