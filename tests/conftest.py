"""Fixtures shared by the whole suite (kept here only, as spaCy does)."""

from __future__ import annotations

import pytest

from onrecord.api import Extractor


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run slow tests")
    parser.addoption(
        "--allow-regression",
        action="store_true",
        default=False,
        help="let the accuracy gate pass below its pinned floors (say why in the commit)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """One loaded extractor (spaCy's small English pipeline) for the whole session."""
    return Extractor()
