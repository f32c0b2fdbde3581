"""The Arrow schemas of the Spark layer's rows, in one place.

Three shapes travel through a job:

* :data:`ARTICLE_SCHEMA`: one row per article read, or per input that could
  not be read (``error`` set). The reading stage produces it; the
  extraction stage accepts any DataFrame with a ``text`` column and fills in
  the rest.
* :data:`RESULT_SCHEMA`: one row per article after extraction, quotations and
  people nested. The flat outputs (quotes, people, articles, failures) are
  selected from it, so extraction runs once for all of them.
* The flat outputs themselves, whose columns :data:`QUOTE_COLUMNS`,
  :data:`PEOPLE_COLUMNS`, :data:`ARTICLE_COLUMNS` and
  :data:`FAILURE_COLUMNS` name.

Offsets are ``int32`` (Spark ``int``): articles are refused past
:data:`onrecord.api.MAX_CHARS` characters, far below 2**31.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

if TYPE_CHECKING:
    from pyspark.sql.types import StructType

SPAN = pa.list_(pa.int32())
SPANS = pa.list_(SPAN)
STRINGS = pa.list_(pa.string())

#: The optional metadata columns of an article, as in a JSON Lines record.
META_COLUMNS = ("id", "date", "title", "url", "outlet")

ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("text", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("source", pa.string()),  # the file it came from; null for DataFrame input
        ("location", pa.string()),  # "line 7", "record 3"... within the source
        ("error", pa.string()),  # why it could not be read; null for an article
    ]
)

QUOTE_TYPE = pa.struct(
    [
        ("kind", pa.string()),
        ("text", pa.string()),
        ("spans", SPANS),
        ("cue_text", pa.string()),
        ("cue_span", SPAN),
        ("speaker_text", pa.string()),
        ("speaker_span", SPAN),
        ("speaker_people", STRINGS),
        ("speaker_organizations", STRINGS),
        ("addressee_text", pa.string()),
        ("addressee_span", SPAN),
        ("confidence", pa.float64()),
    ]
)

PERSON_TYPE = pa.struct(
    [
        ("name", pa.string()),
        ("roles", STRINGS),
        ("mentions", SPANS),
        ("gender", pa.string()),
    ]
)

RESULT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("date", pa.string()),
        ("title", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("source", pa.string()),
        ("location", pa.string()),
        ("text", pa.string()),  # null unless the text is kept
        ("error", pa.string()),  # the failure's reason; null on success
        ("organizations", STRINGS),
        ("quotes", pa.list_(QUOTE_TYPE)),
        ("people", pa.list_(PERSON_TYPE)),
    ]
)

#: Columns of ``quotes/``: one row per quotation.
QUOTE_COLUMNS = (
    "article_id",
    "date",
    "quote_index",
    *QUOTE_TYPE.names,
    "outlet",
    "url",
    "title",
)
#: Columns of ``people/``: one row per person of an article.
PEOPLE_COLUMNS = ("article_id", "date", "person_index", "name", "roles", "mentions", "gender")
#: Columns of ``articles/``: one row per article extracted.
ARTICLE_COLUMNS = (
    "article_id",
    "date",
    "title",
    "url",
    "outlet",
    "source",
    "text",
    "organizations",
    "n_quotes",
    "n_people",
)
#: Columns of ``failures/``: one row per input or article that failed.
FAILURE_COLUMNS = ("source", "location", "article_id", "date", "reason")


def spark_schema(schema: pa.Schema) -> StructType:
    """The Spark ``StructType`` of an Arrow schema (needs pyspark)."""
    from pyspark.sql.pandas.types import from_arrow_schema

    return from_arrow_schema(schema)
