"""Fixtures of the store tests: a fresh database on each backend, and hand-built extractions.

PostgreSQL: ``$ONRECORD_TEST_POSTGRES_URL`` (a role allowed to create
databases) if set; else a throwaway cluster started for the session when
PostgreSQL's server binaries are installed; else those cases are skipped.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest
import sqlalchemy as sa

from onrecord.records import Article, Cue, Extraction, Person, Quote, Speaker
from onrecord.store import Store

POSTGRES_ENV = "ONRECORD_TEST_POSTGRES_URL"
BACKENDS = ("sqlite", "postgresql")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


class ThrowawayCluster:
    """A PostgreSQL cluster in a temporary directory, on a free loopback port."""

    def __init__(self, bindir: Path) -> None:
        self.bindir = bindir
        self.dir = Path(tempfile.mkdtemp(prefix="onrecord-test-pg-"))
        self.port = _free_port()

    def start(self) -> str:
        self.dir.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
        data = self.dir / "data"
        self._run([str(self.bindir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust",
                   "-E", "UTF8", "--no-locale"])
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off"
        self._run([str(self.bindir / "pg_ctl"), "-D", str(data), "-l", str(self.dir / "server.log"),
                   "-w", "-t", "60", "-o", options, "start"])
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        subprocess.run(_as_postgres_user([str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"),
                                          "-m", "immediate", "-w", "stop"]), capture_output=True, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _run(self, command: list[str]) -> None:
        done = subprocess.run(_as_postgres_user(command), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {done.stdout}{done.stderr}")


@pytest.fixture(scope="session")
def postgres_admin_url() -> Iterator[str]:
    """A PostgreSQL URL whose role may create databases, or a skip saying why there is none."""
    given = os.environ.get(POSTGRES_ENV)
    if given:
        yield given
        return
    initdbs = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not initdbs:
        pytest.skip(f"PostgreSQL cases skipped: set {POSTGRES_ENV}, or install postgresql "
                    "(no /usr/lib/postgresql/*/bin/initdb; .ci/start-postgres does both)")
    cluster = ThrowawayCluster(Path(initdbs[-1]).parent)
    try:
        url = cluster.start()
    except (RuntimeError, OSError) as err:
        cluster.stop()
        pytest.skip(f"PostgreSQL cases skipped: could not start a throwaway cluster: {err}")
    try:
        yield url
    finally:
        cluster.stop()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each backend in turn."""
    return str(request.param)


@pytest.fixture
def new_db_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[[], str]]:
    """A factory of URLs of new, empty databases on the current backend (dropped afterwards)."""
    created: list[str] = []
    admin: sa.Engine | None = None
    if backend == "postgresql":
        admin_url = request.getfixturevalue("postgres_admin_url")
        admin = sa.create_engine(sa.make_url(admin_url).set(drivername="postgresql+psycopg"),
                                 isolation_level="AUTOCOMMIT")

    def make() -> str:
        name = f"onrecord_t_{uuid.uuid4().hex[:12]}"
        if admin is None:
            return f"sqlite:///{tmp_path / (name + '.db')}"
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        created.append(name)
        return admin.url.set(database=name).render_as_string(hide_password=False)

    yield make
    if admin is not None:
        with admin.connect() as conn:
            for name in created:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """The URL of a new, empty database on the current backend."""
    return new_db_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A store on a new database, on each backend in turn."""
    opened = Store.open(db_url)
    try:
        yield opened
    finally:
        opened.close()


QuoteSpec = tuple[str | None, str]  # (speaker's full name or None, the quoted words)


def make_extraction(
    article_id: str,
    quotes: Sequence[QuoteSpec] = (),
    people: Sequence[tuple[str, Sequence[str]]] = (),
    date: str | None = "2024-01-01",
    outlet: str | None = "Daily Planet",
    title: str | None = None,
    url: str | None = None,
    prefix: str = "",
) -> Extraction:
    """An extraction with real offsets: each quote is written as ``NAME said, “WORDS”`` in the text.

    :param people: extra people of the article as ``(name, roles)``; speakers are added without roles
        unless listed here. A person listed here is mentioned once in the text.
    """
    text = prefix
    found: list[Quote] = []
    mentions: dict[str, list[tuple[int, int]]] = {}
    for name, _roles in people:
        start = len(text)
        text += f"{name} was there. "
        mentions.setdefault(name, []).append((start, start + len(name)))
    for speaker_name, words in quotes:
        speaker = None
        if speaker_name is not None:
            start = len(text)
            text += speaker_name
            speaker = Speaker(speaker_name, (start, len(text)), [speaker_name])
            mentions.setdefault(speaker_name, []).append((start, len(text)))
        else:
            text += "Someone"
        cue_start = len(text) + 1
        text += " said, "
        span_start = len(text)
        text += f"“{words}”"
        quote = Quote("direct", words, [(span_start, len(text))], Cue("said", (cue_start, cue_start + 4)),
                      speaker, confidence=0.9)
        text += ". "
        found.append(quote)
    roles = dict(people)
    persons = [Person(name, list(roles.get(name, [])), spans) for name, spans in mentions.items()]
    article = Article(text=text or "Nothing was said.", id=article_id, date=date, title=title, url=url,
                      outlet=outlet, source=f"{article_id}.txt")
    return Extraction(article=article, quotes=found, people=persons)


@pytest.fixture
def extraction_factory() -> Callable[..., Extraction]:
    """:func:`make_extraction`: an extraction built by hand, without a model."""
    return make_extraction

