#!/usr/bin/env python3
"""Throughput of the Spark job in ``local[2]`` against local extraction with 2 processes, in one run.

    .venv/bin/python bench/bench_spark.py [--texts DIR] [--limit N] [--repeat R] [--skip-ingest]

Copies the first N (default 300) ``*.txt`` files of DIR (default: PolNeAR's
train texts, at ``$ONRECORD_POLNEAR/train/text`` or
``<repo>/../shared/polnear/train/text``) into a temporary folder, then times,
on that same folder, one after the other:

* ``local-1``: ``Extractor().pipe(iter_articles([folder]))`` in this process
  (model loaded beforehand, not timed);
* ``local-2``: the same with ``Extractor(n_process=2)`` (spaCy's worker
  processes start, and load the model, inside the timing);
* ``ingest-2``: ``onrecord ingest folder --workers 2`` into a new SQLite
  database, as a subprocess: the whole command, start-up and writes included;
* ``spark-start``: starting the ``local[2]`` SparkSession (the JVM);
* ``spark-cold``: ``run_job`` on the folder: list and read the files, extract
  in 2 Python workers (each loads the model: timed), write the Parquet output;
* ``spark-warm``: the same job again (``--overwrite``), with the workers and
  their models already loaded, as every task after the first on a cluster;
* ``parquet-db``: ``read_output`` of that output into a new SQLite store
  (``Store.add_many``), what ``onrecord ingest --from-parquet`` would do.

Every row but ``spark-start`` and ``spark-cold`` is the fastest of
``--repeat`` runs. Each row has its wall time and its CPU time: that of this
process and all its descendants (the JVM, Spark's Python workers, spaCy's or
ingest's worker processes), read from ``/proc``. Wall time depends on what
else the machine runs (the load average is printed); CPU time hardly does,
and is what cluster cost follows. Prints a table, then one JSON line with
every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
LIMIT = 300


@dataclass
class Timing:
    """One system's run over the articles."""

    seconds: float
    articles: int | None = None  # articles processed (None: the row processes none)
    quotes: int | None = None
    note: str = ""
    cpu_seconds: float | None = None  # CPU time of this process and all its descendants (JVM, workers)

    @property
    def articles_per_s(self) -> float | None:
        return self.articles / self.seconds if self.articles and self.seconds else None

    @property
    def cpu_ms_per_article(self) -> float | None:
        return 1000 * self.cpu_seconds / self.articles if self.articles and self.cpu_seconds is not None else None

    def to_dict(self) -> dict[str, Any]:
        rate, cpu = self.articles_per_s, self.cpu_ms_per_article
        return {
            "seconds": round(self.seconds, 2),
            "cpu_seconds": None if self.cpu_seconds is None else round(self.cpu_seconds, 2),
            "articles": self.articles,
            "quotes": self.quotes,
            "articles_per_s": None if rate is None else round(rate, 2),
            "cpu_ms_per_article": None if cpu is None else round(cpu, 1),
            "note": self.note,
        }


def tree_cpu_seconds() -> float | None:
    """CPU time (user + system) of this process and every descendant, living or reaped; Linux only.

    Unlike wall time, it hardly changes with what else the machine runs, so it
    is the figure to estimate cluster cost from.
    """
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    stats: dict[int, tuple[int, float]] = {}
    try:
        pids = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    except OSError:
        return None
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile, or not readable
            continue
        # after the name: state, ppid, ..., utime (14th field), stime, cutime, cstime
        stats[pid] = (int(fields[1]), sum(int(v) for v in fields[11:15]) / ticks)
    children: dict[int, list[int]] = {}
    for pid, (ppid, _) in stats.items():
        children.setdefault(ppid, []).append(pid)
    total, todo = 0.0, [os.getpid()]
    while todo:
        pid = todo.pop()
        total += stats.get(pid, (0, 0.0))[1]
        todo.extend(children.get(pid, []))
    return total


def default_texts() -> Path:
    """``$ONRECORD_POLNEAR/train/text``, else ``<repo>/../shared/polnear/train/text``."""
    root = os.environ.get("ONRECORD_POLNEAR")
    return (Path(root) if root else REPO.parent / "shared" / "polnear") / "train" / "text"


def copy_texts(source: Path, target: Path, limit: int) -> int:
    """Copy the first ``limit`` ``*.txt`` of ``source`` (by name) into ``target``; how many."""
    paths = sorted(source.glob("*.txt"))[:limit]
    target.mkdir(parents=True)
    for path in paths:
        shutil.copy(path, target / path.name)
    return len(paths)


def timed(run: Callable[[], Timing], repeat: int = 1) -> Timing:
    """The fastest of ``repeat`` runs of ``run``."""
    best: Timing | None = None
    for _ in range(repeat):
        cpu = tree_cpu_seconds()
        start = time.perf_counter()
        result = run()
        result.seconds = time.perf_counter() - start
        after = tree_cpu_seconds()
        result.cpu_seconds = None if cpu is None or after is None else after - cpu
        if best is None or result.seconds < best.seconds:
            best = result
    assert best is not None
    return best


def bench_local(folder: Path, n_process: int, repeat: int) -> Timing:
    from onrecord.api import Extractor
    from onrecord.errors import ReadError
    from onrecord.readers import iter_articles

    extractor = Extractor(n_process=n_process)

    def run() -> Timing:
        results = [r for r in extractor.pipe(iter_articles([str(folder)])) if not isinstance(r, ReadError)]
        return Timing(0.0, len(results), sum(len(r.quotes) for r in results))

    return timed(run, repeat)


def bench_ingest(folder: Path, work: Path, articles: int, repeat: int) -> Timing:
    db = work / "ingest.db"
    command = [
        str(Path(sys.executable).with_name("onrecord")),
        "ingest",
        str(folder),
        "--workers",
        "2",
        "--db",
        f"sqlite:///{db}",
    ]

    def run() -> Timing:
        db.unlink(missing_ok=True)
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"onrecord ingest failed ({done.returncode}): {done.stderr[-2000:]}")
        return Timing(0.0, articles, note="whole command, SQLite writes included")

    return timed(run, repeat)


def bench_spark(folder: Path, work: Path, repeat: int) -> tuple[Timing, Timing, Timing, Path]:
    from onrecord.spark.job import JobOptions, run_job
    from onrecord.spark.session import build_session

    holder: dict[str, Any] = {}

    def start() -> Timing:
        holder["spark"] = build_session(
            "local[2]", app_name="onrecord-bench", conf={"spark.ui.showConsoleProgress": "false"}
        )
        holder["spark"].sparkContext.setLogLevel("ERROR")
        return Timing(0.0, note="JVM and SparkSession")

    def job(overwrite: bool, note: str) -> Callable[[], Timing]:
        def run() -> Timing:
            summary = run_job(holder["spark"], [str(folder)], str(work / "spark-out"), JobOptions(overwrite=overwrite))
            return Timing(0.0, summary.articles, summary.quotes, note)

        return run

    try:
        started = timed(start)
        cold = timed(job(False, "read + extract + write Parquet; workers load the model"))
        warm = timed(job(True, "the same, workers and models already loaded"), repeat)
    finally:
        if "spark" in holder:
            holder["spark"].stop()
    return started, cold, warm, work / "spark-out"


def bench_load(output: Path, work: Path) -> Timing | str:
    try:
        from onrecord.store import Store
    except ImportError as err:
        return f"the store cannot be imported ({err})"
    from onrecord.spark.load import read_output

    def run() -> Timing:
        store = Store.open(f"sqlite:///{work / 'parquet.db'}")
        try:
            results = store.add_many(read_output(output))
        finally:
            store.close()
        return Timing(0.0, len(results), note="read_output into Store.add_many (SQLite)")

    return timed(run)


def table(results: dict[str, Timing | str]) -> Iterable[str]:
    """The results as lines of a plain-text table."""
    yield (
        f"{'system':<12} {'seconds':>8} {'cpu s':>8} {'articles':>9} {'articles/s':>11} {'cpu ms/art':>11}"
        f" {'quotes':>7}  note"
    )
    for name, result in results.items():
        if isinstance(result, str):
            yield f"{name:<12} skipped: {result}"
            continue
        rate = "-" if result.articles_per_s is None else f"{result.articles_per_s:.2f}"
        cpu = "-" if result.cpu_seconds is None else f"{result.cpu_seconds:.2f}"
        per_article = "-" if result.cpu_ms_per_article is None else f"{result.cpu_ms_per_article:.0f}"
        quotes = "-" if result.quotes is None else result.quotes
        yield (
            f"{name:<12} {result.seconds:>8.2f} {cpu:>8} {result.articles or '-':>9} {rate:>11} {per_article:>11}"
            f" {quotes:>7}  {result.note}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, default=None, help="folder of .txt articles (default: PolNeAR train)")
    parser.add_argument("--limit", type=int, default=LIMIT, help=f"use the first N texts (default {LIMIT})")
    parser.add_argument("--repeat", type=int, default=1, help="report the fastest of R runs (default 1)")
    parser.add_argument("--skip-ingest", action="store_true", help="leave out the ingest-2 and parquet-db rows")
    args = parser.parse_args(argv)
    if args.limit < 1 or args.repeat < 1:
        parser.error("--limit and --repeat must be at least 1")
    source = args.texts or default_texts()
    if not source.is_dir():
        parser.error(f"{source}: no such folder (give --texts DIR or set ONRECORD_POLNEAR)")

    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        work = Path(tmp)
        folder = work / "texts"
        articles = copy_texts(source, folder, args.limit)
        if not articles:
            parser.error(f"{source}: no .txt files in it")
        load_before = os.getloadavg()[0]
        results: dict[str, Timing | str] = {"local-1": bench_local(folder, 1, args.repeat)}
        try:
            results["local-2"] = bench_local(folder, 2, args.repeat)
        except Exception as err:  # noqa: BLE001 - reported in its row, the other systems still run
            lines = [line for line in str(err).splitlines() if line.strip()] or [""]
            detail = lines[0] if len(lines) == 1 else f"{lines[0]} ... {lines[-1]}"
            results["local-2"] = f"Extractor(n_process=2) failed: {type(err).__name__}: {detail}"
        if not args.skip_ingest:
            results["ingest-2"] = bench_ingest(folder, work, articles, args.repeat)
        started, cold, warm, output = bench_spark(folder, work, args.repeat)
        results.update({"spark-start": started, "spark-cold": cold, "spark-warm": warm})
        if not args.skip_ingest:
            results["parquet-db"] = bench_load(output, work)
        load_after = os.getloadavg()[0]

    print(
        f"{articles} articles from {source}; {os.cpu_count()} CPUs; "
        f"load average {load_before:.1f} before, {load_after:.1f} after"
    )
    for line in table(results):
        print(line)
    summary: dict[str, Any] = {
        "texts": str(source),
        "articles": articles,
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "load": [round(load_before, 2), round(load_after, 2)],
    }
    for name, result in results.items():
        summary[name] = {"skipped": result} if isinstance(result, str) else result.to_dict()
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
