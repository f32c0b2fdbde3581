"""Provenance: one quotation repeated across articles forms one group, earliest article first."""

from __future__ import annotations

import pytest

from onrecord.store import Store
from onrecord.store.provenance import normalize_quote, same_quotation

ORIGINAL = "We will not rest until every family in this city has a safe and affordable home."
TRUNCATED = "we will not rest until every family in this city has a safe"
EDITED = "We won't rest until every single family in this city has a safe, affordable home!"


def groups(store: Store) -> dict[int, list[tuple[str, bool]]]:
    found: dict[int, list[tuple[str, bool]]] = {}
    for row in store.quotes(limit=100)[0]:
        found.setdefault(row["group_id"], []).append((row["article_id"], row["first_seen"]))
    return {key: sorted(value) for key, value in found.items()}


def test_store_provenance_identical_truncated_edited(store: Store, extraction_factory) -> None:
    # Stored out of date order: the earliest article must still come first.
    store.add(extraction_factory("later", [("Jane Roe", TRUNCATED)], date="2024-03-02"))
    store.add(extraction_factory("earliest", [("Jane Roe", ORIGINAL)], date="2024-03-01"))
    store.add(extraction_factory("edited", [("Jane Roe", EDITED)], date="2024-03-05"))
    store.add(extraction_factory("copy", [("J. Roe", ORIGINAL.upper())], date="2024-03-04"))
    (members,) = groups(store).values()
    assert members == [("copy", False), ("earliest", True), ("edited", False), ("later", False)]
    rows, total = store.quotes(first_seen=True)
    assert total == 1 and rows[0]["article_id"] == "earliest"
    assert store.stats()["repeated_quotations"] == 1


def test_store_provenance_first_moves_when_article_replaced(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a", [("Jane Roe", ORIGINAL)], date="2024-03-01"))
    store.add(extraction_factory("b", [("Jane Roe", ORIGINAL)], date="2024-03-02"))
    store.add(extraction_factory("a", [("Jane Roe", "Something else entirely was said here today.")],
                                 date="2024-03-01"))
    assert store.quotes(first_seen=True, query="rest")[0][0]["article_id"] == "b"
    assert len(groups(store)) == 2


def test_store_provenance_short_and_unrelated_quotes_stay_apart(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a", [("Jane Roe", "No comment."), ("Jane Roe", ORIGINAL)]))
    store.add(extraction_factory("b", [("John Doe", "No comment."),
                                       ("John Doe", "The budget for next year will be smaller than planned.")]))
    assert len(groups(store)) == 4
    assert store.quotes(first_seen=True)[1] == 4


def test_store_provenance_same_article_not_grouped(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a", [("Jane Roe", ORIGINAL), ("Jane Roe", ORIGINAL)]))
    assert len(groups(store)) == 2


@pytest.mark.parametrize(("left", "right", "expected"), [
    (ORIGINAL, ORIGINAL, True),
    (ORIGINAL, TRUNCATED, True),
    (ORIGINAL, EDITED, True),
    (ORIGINAL, "until every family in this city has", True),  # contained, 7 words
    (ORIGINAL, "every family in this city", False),  # 5 words: too short to tell
    (ORIGINAL, "We will rest when the budget is balanced and taxes are lower.", False),
])
def test_store_provenance_same_quotation(left: str, right: str, expected: bool) -> None:
    assert same_quotation(normalize_quote(left).split(), normalize_quote(right).split()) is expected


def test_store_provenance_normalize() -> None:
    assert normalize_quote("  “We  WON’T — ever,” she said…  ") == "we won't ever she said"
