"""Benchmark onrecord's corpus layer: ingest throughput and query latency, on SQLite and PostgreSQL.

1. Throughput on real articles (PolNeAR's training texts by default), all in
   one run: extraction alone (the same worker pool ingest uses, nothing
   stored), then a full ``ingest`` into a fresh database per backend, then
   storing alone (the extractions already made, written in batches).
2. Latency of ``Store.quotes(speaker=...)`` and ``Store.quotes(query=...)``
   (count and first page of 50, as ``onrecord quotes`` and the web pages ask)
   on a database of at least ``--rows`` quotation rows. The rows are
   synthetic: sentences of the input articles replicated as quotations of
   made-up people (Zipf-distributed, so a few are quoted very often), over 15
   years and 20 outlets; the provenance shingle index is not filled for them.

    .venv/bin/python bench/bench_store.py --limit 100 --postgres postgresql://postgres@127.0.0.1:5432/postgres

PostgreSQL runs when ``--postgres`` or ``$ONRECORD_BENCH_POSTGRES_URL`` or
``$ONRECORD_TEST_POSTGRES_URL`` names a server whose role may create
databases (``.ci/start-postgres`` starts one); a database is created for the
run and dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import accumulate, islice
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from onrecord.readers import iter_articles
from onrecord.records import Article, Extraction
from onrecord.store import Store
from onrecord.store.engine import normalize_url
from onrecord.store.ingest import IngestOptions, default_workers, extract_stream, ingest
from onrecord.store.people import name_key, surname_key
from onrecord.store.provenance import normalize_quote
from onrecord.store.schema import articles, people, quotation_speakers, quotations, quote_groups

DEFAULT_CORPUS = "/work/shared/polnear/train/text"
POSTGRES_ENVS = ("ONRECORD_BENCH_POSTGRES_URL", "ONRECORD_TEST_POSTGRES_URL")
OUTLETS = tuple(f"Outlet {c}" for c in "ABCDEFGHIJKLMNOPQRST")
FIRST = ("Anna", "Ben", "Carla", "David", "Elena", "Frank", "Grace", "Hugo", "Ines", "Jack", "Kara", "Liam",
         "Maya", "Nils", "Olga", "Paul", "Quinn", "Rosa", "Sam", "Tara")
SYLLABLES = ("bar", "cor", "dal", "fen", "gar", "hol", "kin", "lor", "mar", "nov", "per", "quist", "ros", "sal",
             "tor", "vel", "wick", "yer", "zan", "ley")
_SENTENCE = re.compile(r"[^.!?]+[.!?]")


@dataclass
class Timing:
    """Latencies of one kind of query, in milliseconds."""

    backend: str
    label: str
    samples: list[float]

    def line(self) -> str:
        ordered = sorted(self.samples)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return (f"  {self.backend:<11} {self.label:<28} p50 {statistics.median(ordered):8.1f} ms   "
                f"p95 {p95:8.1f} ms   ({len(ordered)} queries)")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    parser.add_argument("path", nargs="?", default=DEFAULT_CORPUS,
                        help=f"articles to ingest (default: {DEFAULT_CORPUS})")
    parser.add_argument("--limit", type=int, default=200, help="articles to read from PATH (default: 200)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: one per core)")
    parser.add_argument("--rows", type=int, default=1_000_000,
                        help="quotation rows for the latency test (default: 1,000,000)")
    parser.add_argument("--queries", type=int, default=100, help="queries timed per kind (default: 100)")
    parser.add_argument("--postgres", default=None, help="PostgreSQL server URL (a role that may create databases)")
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--skip-ingest", action="store_true", help="only measure query latency")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args(argv)


def read_articles(path: str, limit: int) -> list[Article]:
    """Up to ``limit`` articles of ``path`` (read errors are left out)."""
    found = (item for item in iter_articles([path]) if isinstance(item, Article))
    return list(islice(found, limit))


def rate(n: int, seconds: float) -> str:
    return f"{n / seconds:8.1f}/s" if seconds > 0 else "      -"


class Databases:
    """Fresh databases per backend for the run, removed at the end."""

    def __init__(self, postgres: str | None) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="onrecord-bench-"))
        self.postgres = postgres
        self.created: list[str] = []

    def new(self, backend: str) -> str:
        name = f"onrecord_bench_{uuid.uuid4().hex[:10]}"
        if backend == "sqlite":
            return f"sqlite:///{self.folder / (name + '.db')}"
        assert self.postgres is not None
        admin = sa.create_engine(normalize_url(self.postgres), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        admin.dispose()
        self.created.append(name)
        return normalize_url(self.postgres).set(database=name).render_as_string(hide_password=False)

    def cleanup(self) -> None:
        if self.postgres and self.created:
            admin = sa.create_engine(normalize_url(self.postgres), isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                for name in self.created:
                    conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.dispose()
        for path in self.folder.glob("*"):
            path.unlink()
        self.folder.rmdir()


def bench_throughput(sample: list[Article], backends: list[str], dbs: Databases, workers: int) -> None:
    words = sum(len(a.text.split()) for a in sample)
    options = IngestOptions(workers=workers)
    print(f"\nThroughput: {len(sample)} articles, {words:,} words, {workers} worker process(es); "
          f"each figure includes starting the workers and loading the model")
    started = time.perf_counter()
    extracted = [r for r in extract_stream(list(sample), options) if isinstance(r, Extraction)]
    seconds = time.perf_counter() - started
    n_quotes = sum(len(e.quotes) for e in extracted)
    print(f"  extraction alone            {rate(len(sample), seconds)} articles  {rate(words, seconds)} words"
          f"   {seconds:7.1f} s   ({n_quotes} quotations found)")
    for backend in backends:
        with Store.open(dbs.new(backend)) as store:
            started = time.perf_counter()
            summary = ingest(store, list(sample), options)
            seconds = time.perf_counter() - started
            print(f"  ingest -> {backend:<18} {rate(len(sample), seconds)} articles  {rate(words, seconds)} words"
                  f"   {seconds:7.1f} s   ({summary.added} added, {summary.failed} failed)")
        with Store.open(dbs.new(backend)) as store:
            started = time.perf_counter()
            for start in range(0, len(extracted), 64):
                store.add_many(extracted[start:start + 64])
            seconds = time.perf_counter() - started
            print(f"  storing alone -> {backend:<11} {rate(len(extracted), seconds)} articles  "
                  f"{rate(n_quotes, seconds)} quotations   {seconds:7.1f} s")


def sentences(sample: list[Article], rng: random.Random) -> list[str]:
    """Sentences of 8 to 40 words from the sample, shuffled: the texts of the synthetic quotations."""
    found = []
    for article in sample:
        for match in _SENTENCE.finditer(article.text):
            text = " ".join(match.group().split())
            if 8 <= len(text.split()) <= 40:
                found.append(text)
    rng.shuffle(found)
    return found or ["We will do whatever it takes to get this done for the people of this state."]


def person_names(n: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < n:
        surname = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        names.add(f"{rng.choice(FIRST)} {surname}")
    return sorted(names)


def fill(url: str, n_rows: int, texts: list[str], rng: random.Random) -> tuple[list[str], list[str]]:
    """Add synthetic rows until the database holds ``n_rows`` quotations; return the people's names and words."""
    engine = sa.create_engine(normalize_url(url))
    names = person_names(20_000, rng)
    cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(names))))
    per_article = 20
    with engine.begin() as conn:
        existing = conn.execute(sa.select(sa.func.count()).select_from(quotations)).scalar_one()
        next_quote = (conn.execute(sa.select(sa.func.max(quotations.c.id))).scalar() or 0) + 1
        next_group = (conn.execute(sa.select(sa.func.max(quote_groups.c.id))).scalar() or 0) + 1
        next_person = (conn.execute(sa.select(sa.func.max(people.c.id))).scalar() or 0) + 1
        conn.execute(people.insert(), [
            {"id": next_person + i, "name": name, "name_key": name_key(name), "surname_key": surname_key(name),
             "single_token": False, "roles": []} for i, name in enumerate(names)])
    start_day, n_days = date(2010, 1, 1), 15 * 365
    now = datetime.now(timezone.utc)
    to_add = max(0, n_rows - existing)
    article_no = 0
    added = 0
    while added < to_add:
        chunk = min(50_000, to_add - added)
        art_rows, quote_rows, group_rows, speaker_rows = [], [], [], []
        speakers = rng.choices(range(len(names)), cum_weights=cumulative, k=chunk)
        for i in range(chunk):
            if i % per_article == 0:
                article_no += 1
                day = start_day + timedelta(days=rng.randrange(n_days))
                art_id = f"synthetic-{article_no}"
                art_rows.append({"id": art_id, "content_hash": "0" * 64, "date": day, "title": None, "url": None,
                                 "outlet": rng.choice(OUTLETS), "source": None, "text": "(synthetic)",
                                 "organizations": [], "added_at": now})
            person = speakers[i]
            text = texts[(added + i) % len(texts)]
            qid = next_quote + added + i
            name = names[person]
            quote_rows.append({
                "id": qid, "article_id": art_id, "position": i % per_article, "date": day, "kind": "direct",
                "text": text, "spans": [[0, len(text)]], "cue_text": "said", "cue_start": 0, "cue_end": 4,
                "speaker_text": name, "speaker_start": 0, "speaker_end": len(name), "mention_key": None,
                "speaker_people": [name], "speaker_organizations": [], "addressee_text": None,
                "addressee_start": None, "addressee_end": None, "confidence": 0.9,
                "group_id": next_group + added + i, "norm_text": normalize_quote(text), "n_words": len(text.split()),
            })
            group_rows.append({"id": next_group + added + i, "first_quotation_id": qid})
            speaker_rows.append({"quotation_id": qid, "position": 0, "person_id": next_person + person, "date": day})
        with engine.begin() as conn:
            conn.execute(articles.insert(), art_rows)
            conn.execute(quote_groups.insert(), group_rows)
            conn.execute(quotations.insert(), quote_rows)
            conn.execute(quotation_speakers.insert(), speaker_rows)
        added += chunk
        print(f"\r  filling {engine.dialect.name}: {existing + added:,} quotation rows", end="", file=sys.stderr)
    print(file=sys.stderr)
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE people SET quotation_count = (SELECT count(DISTINCT quotation_id) "
                             "FROM quotation_speakers WHERE person_id = people.id)")
        if conn.dialect.name == "postgresql":
            for table in ("quotations", "quote_groups", "people"):
                conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                     f"(SELECT max(id) FROM {table}))")
    # The steady state autovacuum reaches after a bulk load: statistics, and PostgreSQL's visibility map.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if conn.dialect.name == "postgresql" else "ANALYZE")
    engine.dispose()
    words = sorted({w for t in texts for w in re.findall(r"[a-z]{5,}", t.lower())})
    return names, words


def time_queries(store: Store, backend: str, label: str, make: Callable[[], dict[str, Any]], n: int) -> Timing:
    for _ in range(3):  # warm the caches
        store.quotes(**make())
    samples = []
    for _ in range(n):
        kwargs = make()
        started = time.perf_counter()
        store.quotes(limit=50, **kwargs)
        samples.append((time.perf_counter() - started) * 1000)
    return Timing(backend, label, samples)


Kinds = list[tuple[str, Callable[[], dict[str, Any]]]]


def query_kinds(names: list[str], words: list[str], rng: random.Random) -> Kinds:
    """What is timed: speakers by full name, by surname, among the 200 most quoted; words; no filter."""
    popular = names[:200]
    return [
        ("--speaker 'First Last'", lambda: {"speaker": rng.choice(names)}),
        ("--speaker SURNAME", lambda: {"speaker": rng.choice(names).split()[-1]}),
        ("--speaker (top 200 people)", lambda: {"speaker": rng.choice(popular)}),
        ("--query WORD", lambda: {"query": rng.choice(words)}),
        ("--query 'WORD WORD'", lambda: {"query": f"{rng.choice(words)} {rng.choice(words)}"}),
        ("no filter (front page)", dict),
    ]


def bench_latency(sample: list[Article], backends: list[str], dbs: Databases, n_rows: int, n_queries: int,
                  seed: int) -> None:
    print(f"\nQuery latency on {n_rows:,} quotation rows (synthetic: input sentences replicated as quotations of "
          f"20,000 made-up people, Zipf-distributed), count + first page of 50:")
    for backend in backends:
        rng = random.Random(seed)
        texts = sentences(sample, rng)
        url = dbs.new(backend)
        Store.open(url).close()  # creates the schema
        started = time.perf_counter()
        names, words = fill(url, n_rows, texts, rng)
        print(f"  ({backend}: {n_rows:,} rows written in {time.perf_counter() - started:.0f} s)")
        with Store.open(url) as store:
            timings = [time_queries(store, backend, label, make, n_queries)
                       for label, make in query_kinds(names, words, rng)]
            total = store.quotes(limit=0)[1]
        for timing in timings:
            print(timing.line())
        print(f"  {backend:<11} rows in the database: {total:,}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    postgres = args.postgres or next((os.environ[e] for e in POSTGRES_ENVS if os.environ.get(e)), None)
    backends = ["sqlite", "postgresql"] if args.backend == "both" else [args.backend]
    if "postgresql" in backends and not postgres:
        print("PostgreSQL: skipped (give --postgres URL or set ONRECORD_BENCH_POSTGRES_URL; "
              ".ci/start-postgres starts a throwaway server)")
        backends.remove("postgresql")
    if not backends:
        return 2
    workers = args.workers or default_workers()
    sample = read_articles(args.path, args.limit)
    if not sample:
        print(f"no articles read from {args.path}", file=sys.stderr)
        return 2
    print(f"onrecord store benchmark: {os.cpu_count()} cores, backends: {', '.join(backends)}, "
          f"articles from {args.path}")
    dbs = Databases(postgres)
    try:
        if not args.skip_ingest:
            bench_throughput(sample, backends, dbs, workers)
        bench_latency(sample, backends, dbs, args.rows, args.queries, args.seed)
    finally:
        dbs.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
