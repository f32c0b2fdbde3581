"""A killed ingest, run again, ends with exactly the database of one uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from click.testing import CliRunner

from onrecord.cli import main
from onrecord.store.engine import normalize_url

N_ARTICLES = 30
BATCH = 3
WORDS = ("the city council voted on a new budget for schools roads and parks after months of debate "
         "while residents asked whether taxes would rise again next spring").split()
NAMES = ("Jane Roe", "John Doe", "Mary Major", "Peter Quill", "Andrew")
SHARED = "We will not rest until every family in this city has a safe and affordable home"


def write_articles(folder: Path) -> None:
    """30 small articles with quotes (one repeated across articles) and one empty file."""
    rng = random.Random(42)
    folder.mkdir()
    for i in range(N_ARTICLES):
        paragraphs = []
        for _ in range(3):
            sentences = [" ".join(rng.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(6)]
            speaker = rng.choice(NAMES)
            said = SHARED if rng.random() < 0.2 else " ".join(rng.choice(WORDS) for _ in range(10)).capitalize()
            sentences.append(f"“{said},” said {speaker}, the mayor.")
            paragraphs.append(" ".join(sentences))
        body = "\n\n".join(paragraphs)
        (folder / f"article-{i:02d}.txt").write_text(f"date 2024-02-{1 + i % 28:02d}\n\n{body}\n", encoding="utf-8")
    (folder / "broken.txt").write_text("", encoding="utf-8")


def count_articles(engine: sa.Engine) -> int:
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.text("SELECT count(*) FROM articles")).scalar_one())
    except sa.exc.DBAPIError:
        return 0  # not created yet


def canonical(url: str) -> dict[str, Any]:
    """Every table's contents with surrogate ids replaced by natural keys, times left out."""
    engine = sa.create_engine(normalize_url(url))
    with engine.connect() as conn:
        def rows(sql: str) -> list[Any]:
            return [tuple(r) for r in conn.execute(sa.text(sql))]

        quote_key = {qid: (art, pos) for qid, art, pos in rows("SELECT id, article_id, position FROM quotations")}
        person_articles = rows("SELECT person_id, article_id FROM person_articles")
        person_key = {}
        for pid, name, roles, count in rows("SELECT id, name, roles, quotation_count FROM people"):
            person_key[pid] = (name, str(roles), count, tuple(sorted(a for p, a in person_articles if p == pid)))
        members: dict[int, list[Any]] = {}
        for qid, gid in rows("SELECT id, group_id FROM quotations"):
            members.setdefault(gid, []).append(quote_key[qid])
        group_key = {gid: tuple(sorted(m)) for gid, m in members.items()}
        dump = {
            "articles": sorted(rows("SELECT id, content_hash, date, title, url, outlet, source, text, "
                                    "CAST(organizations AS TEXT) FROM articles")),
            "people": sorted(person_key.values()),
            "person_articles": sorted((person_key[p], a, n, str(r), str(m)) for p, a, n, r, m in
                                      rows("SELECT person_id, article_id, name, roles, mentions FROM person_articles")),
            "quotations": sorted(
                (quote_key[r[0]], *r[1:-1], group_key[r[-1]]) for r in rows(
                    "SELECT id, date, kind, text, CAST(spans AS TEXT), cue_text, cue_start, cue_end, speaker_text, "
                    "speaker_start, speaker_end, CAST(speaker_people AS TEXT), addressee_text, confidence, "
                    "norm_text, group_id FROM quotations")),
            "groups": sorted((group_key[g], quote_key.get(f)) for g, f in
                             rows("SELECT id, first_quotation_id FROM quote_groups")),
            "speakers": sorted((quote_key[q], pos, person_key[p]) for q, pos, p in
                               rows("SELECT quotation_id, position, person_id FROM quotation_speakers")),
            "shingles": sorted((s, quote_key[q]) for s, q in rows("SELECT shingle, quotation_id FROM quote_shingles")),
            "failures": sorted(rows("SELECT path, location, reason FROM failures")),
            "version": rows("SELECT version_num FROM alembic_version"),
        }
        if conn.dialect.name == "sqlite":  # SQLite reuses rolled-back rowids: even the ids agree
            dump["raw_ids"] = (sorted(quote_key), sorted(person_key), sorted(group_key))
    engine.dispose()
    return dump


def test_store_resume_after_kill(new_db_url: Callable[[], str], tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    write_articles(folder)
    clean_url, killed_url = new_db_url(), new_db_url()
    args = ["ingest", str(folder), "--batch-size", str(BATCH)]

    clean = CliRunner().invoke(main, [*args, "--db", clean_url, "--workers", "1"], catch_exceptions=False)
    assert clean.exit_code == 1 and "broken.txt" in clean.stderr  # the empty file fails, the rest is stored

    command = [sys.executable, "-c", "from onrecord.cli import main; main()", *args, "--db", killed_url,
               "--workers", "2"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    engine = sa.create_engine(normalize_url(killed_url))
    try:
        deadline = time.monotonic() + 120
        while count_articles(engine) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert process.poll() is None, f"ingest ended before it could be killed: {process.stderr.read()!r}"
        os.killpg(process.pid, signal.SIGKILL)  # the ingest and its workers, mid-run
        process.wait(timeout=30)
        stored = count_articles(engine)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.stderr.close()
        engine.dispose()
    assert 0 < stored < N_ARTICLES, "the kill should land after the first batch and before the end"

    rerun = CliRunner().invoke(main, [*args, "--db", killed_url, "--workers", "1"], catch_exceptions=False)
    assert rerun.exit_code == 1, rerun.output
    assert f"{stored} unchanged" in rerun.stderr

    assert canonical(killed_url) == canonical(clean_url)
