"""``onrecord serve``: options, defaults and an unusable database."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from fastapi import FastAPI

from onrecord.cli import main


def test_commands_serve_is_attached_to_the_cli() -> None:
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--db URL" in result.output and "127.0.0.1" in result.output and "8000" in result.output


def test_commands_serve_runs_uvicorn_on_loopback_by_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}

    def fake_run(app: object, **kwargs: object) -> None:
        seen.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 0, result.output
    assert seen["host"] == "127.0.0.1" and seen["port"] == 8000
    assert isinstance(seen["app"], FastAPI)


def test_commands_serve_reads_the_database_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: Path) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: seen.update(kwargs))
    monkeypatch.setenv("ONRECORD_DB", f"sqlite:///{tmp_path / 'env.db'}")
    result = CliRunner().invoke(main, ["serve", "--host", "127.0.0.2", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "env.db").exists()
    assert seen == {"host": "127.0.0.2", "port": 8123, "log_level": "info"}


@pytest.mark.parametrize("url", ["mysql://nobody@localhost/x", "sqlite:////no/such/directory/x.db"])
def test_commands_serve_unusable_database_exits_2(url: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", url])
    assert result.exit_code == 2
    assert "Error" in result.output


def test_commands_serve_bad_port_exits_2() -> None:
    assert CliRunner().invoke(main, ["serve", "--port", "70000"]).exit_code == 2


def test_commands_serve_extracts_with_the_scope_it_is_given(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    seen: dict[str, object] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: seen.update(app=app))
    text = "Ben Ode did not say that the plant would close. “We will fight,” said Ann Lutz."
    counts = {}
    for options in ([], ["--scope", "all"]):
        result = CliRunner().invoke(main, ["serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", *options])
        assert result.exit_code == 0, result.output
        app = seen["app"]
        assert isinstance(app, FastAPI)
        counts[tuple(options)] = len(app.state.extractor.extract(text).quotes)
    assert counts[("--scope", "all")] == counts[()] + 1  # the negated cue is an attribution only in "all"
