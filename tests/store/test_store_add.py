"""Adding extractions: idempotence, replacement, transactions, article and stats views."""

from __future__ import annotations

import dataclasses

import pytest

from onrecord.errors import ReadError
from onrecord.store import Store, content_hash


def test_store_add_twice_is_skipped(store: Store, extraction_factory) -> None:
    extraction = extraction_factory("a1", [("Jane Roe", "We will build the bridge next year.")])
    assert store.add(extraction) == "added"
    assert store.add(extraction) == "skipped"
    _rows, total = store.quotes()
    assert total == 1
    assert store.stats()["articles"] == 1
    assert store.people()[1] == 1


def test_store_add_changed_article_is_replaced(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Jane Roe", "We will build the bridge next year.")]))
    changed = extraction_factory("a1", [("John Doe", "The bridge is a waste of money for everyone.")])
    assert store.add(changed) == "replaced"
    rows, total = store.quotes()
    assert total == 1
    assert rows[0]["text"] == "The bridge is a waste of money for everyone."
    assert [p["name"] for p in store.people()[0]] == ["John Doe"]  # Jane Roe had no other article
    assert store.quotes(query="build")[1] == 0  # the full-text index forgot the old text
    assert store.quotes(query="waste")[1] == 1
    assert store.article("a1")["content_hash"] == content_hash(changed.article)


def test_store_add_date_change_counts_as_content(store: Store, extraction_factory) -> None:
    extraction = extraction_factory("a1", [("Jane Roe", "We will build the bridge next year.")])
    store.add(extraction)
    later = dataclasses.replace(extraction, article=dataclasses.replace(extraction.article, date="2024-02-01"))
    assert store.add(later) == "replaced"
    assert store.quotes()[0][0]["date"] == "2024-02-01"


def test_store_add_many_is_one_transaction(store: Store, extraction_factory) -> None:
    good = extraction_factory("a1", [("Jane Roe", "We will build the bridge next year.")])
    bad = extraction_factory("a2", [("John Doe", "No.")], date="2024-13-45")
    with pytest.raises(ValueError, match="E009"):
        store.add_many([good, bad], [ReadError("x.txt", "[E001] empty input: no text in it")])
    assert store.stats()["articles"] == 0
    assert store.failures() == []
    assert store.add_many([good], [ReadError("x.txt", "boom")]) == ["added"]
    assert [f["path"] for f in store.failures()] == ["x.txt"]


def test_store_add_without_id_gets_text_id(store: Store, extraction_factory) -> None:
    extraction = extraction_factory("ignored", [("Jane Roe", "Words.")])
    extraction.article.id = None
    assert store.add(extraction) == "added"
    (row,), _ = store.quotes()
    assert row["article_id"].startswith("sha1-")


def test_store_article_detail(store: Store, extraction_factory) -> None:
    extraction = extraction_factory("a1", [("Jane Roe", "First words here."), (None, "Second words.")],
                                    people=[("Jane Roe", ["mayor"])], title="Bridge", url="https://x.test/a1")
    store.add(extraction)
    article = store.article("a1")
    assert article is not None
    assert article["text"] == extraction.article.text
    assert [q["text"] for q in article["quotes"]] == ["First words here.", "Second words."]
    quote = article["quotes"][0]
    start, end = quote["spans"][0]
    assert article["text"][start:end] == "“First words here.”"
    assert article["text"][slice(*quote["speaker"]["span"])] == "Jane Roe"
    assert article["quotes"][1]["speaker"] is None
    (person,) = article["people"]
    assert person["name"] == "Jane Roe" and person["roles"] == ["mayor"]
    assert len(person["mentions"]) == 2
    assert store.article("nope") is None


def test_store_stats(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Jane Roe", "One.")], date="2024-01-01"))  # ISO week 2024-W01
    store.add(extraction_factory("a2", [("Jane Roe", "Two."), ("John Doe", "Three.")], date="2024-01-08"))
    store.add(extraction_factory("a3", [("John Doe", "Four.")], date=None))
    stats = store.stats()
    assert (stats["articles"], stats["quotations"], stats["people"]) == (3, 4, 2)
    assert stats["weeks"] == [{"week": "2024-W01", "quotations": 1}, {"week": "2024-W02", "quotations": 2}]
    assert stats["undated_quotations"] == 1
    assert [(p["name"], p["quotations"]) for p in stats["top_people"]] == [("Jane Roe", 2), ("John Doe", 2)]


def test_store_delete_article(store: Store, extraction_factory) -> None:
    store.add(extraction_factory("a1", [("Jane Roe", "We will build the bridge next year.")]))
    assert store.delete_article("a1") is True
    assert store.delete_article("a1") is False
    assert store.stats()["quotations"] == 0 and store.stats()["people"] == 0


def test_store_reopen_keeps_data(db_url: str, extraction_factory) -> None:
    with Store.open(db_url) as first:
        first.add(extraction_factory("a1", [("Jane Roe", "Words.")]))
    with Store.open(db_url) as second:
        assert second.stats()["articles"] == 1
