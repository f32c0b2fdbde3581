"""onrecord on Apache Spark: extraction over DataFrames and a batch job.

* :func:`extract_frames` (in :mod:`onrecord.spark.frames`): a DataFrame of
  articles in; quotations, people, articles and failures DataFrames out.
* :func:`read_inputs` (in :mod:`onrecord.spark.sources`): files, directories,
  globs and Parquet datasets, local or on any Hadoop filesystem, read as a
  DataFrame of articles.
* :func:`run_job` (in :mod:`onrecord.spark.job`): both, writing Parquet
  partitioned by date; also ``onrecord spark`` and ``spark-submit job.py``.
* :func:`read_output` (in :mod:`onrecord.spark.load`): the Parquet output
  back as :class:`~onrecord.records.Extraction` objects, with pyarrow alone.

pyspark is an optional dependency (``pip install 'onrecord[spark]'``): the
names are imported on first use, so ``import onrecord.spark`` never needs it.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "extract_frames": "frames",
    "QuoteFrames": "frames",
    "read_inputs": "sources",
    "run_job": "job",
    "JobOptions": "job",
    "JobSummary": "job",
    "build_session": "session",
    "read_output": "load",
    "read_failures": "load",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'onrecord.spark' has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{module}"), name)
