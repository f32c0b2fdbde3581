"""Querying quotations: speaker, full text, dates, outlet, paging and ordering."""

from __future__ import annotations

import pytest

from onrecord.store import Store


@pytest.fixture
def corpus(store: Store, extraction_factory) -> Store:
    store.add(extraction_factory("a1", [("Andrew Scott", "We know everything about the film."),
                                        ("Claire Foy", "The budget was tiny.")],
                                 date="2023-11-20", outlet="Variety"))
    store.add(extraction_factory("a2", [("Andrew Scott", "Planning the shoot took months.")],
                                 date="2023-11-22", outlet="The Guardian"))
    store.add(extraction_factory("a3", [("Ridley Scott", "I never watch my own films.")],
                                 date="2023-12-01", outlet="Variety"))
    store.add(extraction_factory("a4", [(None, "Nobody said this, officially.")], date=None, outlet=None))
    return store


def texts(rows: list[dict]) -> list[str]:
    return [row["text"] for row in rows]


def test_store_quotes_speaker_full_name_any_case(corpus: Store) -> None:
    rows, total = corpus.quotes(speaker="andrew SCOTT")
    assert total == 2
    assert texts(rows) == ["Planning the shoot took months.", "We know everything about the film."]
    assert all(row["speaker"]["people"] == ["Andrew Scott"] for row in rows)
    person_ids = {row["speaker"]["person_ids"][0] for row in rows}
    assert len(person_ids) == 1 and corpus.person(person_ids.pop())["name"] == "Andrew Scott"


def test_store_quotes_speaker_surname(corpus: Store) -> None:
    assert corpus.quotes(speaker="Scott")[1] == 3
    assert corpus.quotes(speaker="foy")[1] == 1
    assert corpus.quotes(speaker="Andrew")[1] == 0  # a first name alone is neither a full name nor a surname
    assert corpus.quotes(speaker="Nobody Known")[1] == 0


def test_store_quotes_full_text(corpus: Store) -> None:
    assert texts(corpus.quotes(query="budget")[0]) == ["The budget was tiny."]
    assert corpus.quotes(query="BUDGET tiny")[1] == 1  # every word required
    assert corpus.quotes(query="budget months")[1] == 0
    assert corpus.quotes(query='"about the film"')[1] == 1  # a phrase
    assert corpus.quotes(query='"the film about"')[1] == 0
    assert corpus.quotes(query="films")[1] >= 1  # stems: film/films
    assert corpus.quotes(query='AND OR NOT ( " * ^')[1] == 0  # operators are words, never syntax errors


def test_store_quotes_combined_filters(corpus: Store) -> None:
    _rows, total = corpus.quotes(speaker="scott", query="film")
    assert total == 2
    assert corpus.quotes(speaker="scott", outlet="variety")[1] == 2
    assert corpus.quotes(speaker="scott", outlet="variety", since="2023-11-21")[1] == 1


def test_store_quotes_dates(corpus: Store) -> None:
    assert corpus.quotes(since="2023-11-22")[1] == 2
    assert corpus.quotes(until="2023-11-22")[1] == 3
    assert corpus.quotes(since="2023-11-21", until="2023-11-30")[1] == 1
    assert corpus.quotes(since="2030-01-01")[1] == 0


def test_store_quotes_outlet_any_case(corpus: Store) -> None:
    assert corpus.quotes(outlet="VARIETY")[1] == 3
    assert corpus.quotes(outlet="the guardian")[1] == 1
    assert corpus.quotes(outlet="Nowhere")[1] == 0


def test_store_quotes_newest_first_undated_last(corpus: Store) -> None:
    rows, total = corpus.quotes()
    assert total == 5
    assert [row["date"] for row in rows] == ["2023-12-01", "2023-11-22", "2023-11-20", "2023-11-20", None]


def test_store_quotes_paging_totals(corpus: Store) -> None:
    everything, total = corpus.quotes(limit=100)
    pages = []
    for offset in range(0, 6, 2):
        rows, page_total = corpus.quotes(limit=2, offset=offset)
        assert page_total == total == 5
        pages.extend(rows)
    assert [row["id"] for row in pages] == [row["id"] for row in everything]
    assert corpus.quotes(limit=2, offset=4)[0] and not corpus.quotes(limit=2, offset=6)[0]
    assert corpus.quotes(speaker="scott", limit=1) [1] == 3


def test_store_quotes_row_shape(corpus: Store) -> None:
    (row,), _ = corpus.quotes(query="budget")
    assert set(row) >= {"kind", "text", "spans", "cue", "speaker", "addressee", "confidence",
                        "article_id", "date", "title", "url", "outlet"}
    assert row["article_id"] == "a1" and row["outlet"] == "Variety"
    assert row["cue"]["text"] == "said" and isinstance(row["cue"]["span"][0], int)
    assert row["speaker"]["text"] == "Claire Foy" and row["speaker"]["organizations"] == []
    assert row["confidence"] == 0.9


def test_store_quotes_by_person_id(corpus: Store) -> None:
    (row,), _ = corpus.quotes(speaker="Ridley Scott")
    person_id = row["speaker"]["person_ids"][0]
    assert texts(corpus.quotes(person_id=person_id)[0]) == ["I never watch my own films."]


def test_store_quotes_speaker_unresolved_mention(store: Store, extraction_factory) -> None:
    from onrecord.records import Speaker

    extraction = extraction_factory("a1", [("Scott", "Nobody asked me about it."), ("Jane Roe", "We did.")])
    first, second = extraction.quotes
    first.speaker = Speaker("A spokesman", first.speaker.span, people=[])  # a mention naming nobody
    second.speaker = Speaker("Roe", second.speaker.span, people=["Jane Roe"])
    store.add(extraction)
    assert texts(store.quotes(speaker="a SPOKESMAN")[0]) == ["Nobody asked me about it."]
    assert texts(store.quotes(speaker="roe")[0]) == ["We did."]
    assert store.quotes(speaker="roe", query="did")[1] == 1
    (row,), _ = store.quotes(speaker="a spokesman")
    assert row["speaker"]["people"] == [] and row["speaker"]["person_ids"] == []
