"""The library function on a tiny DataFrame, against the local extractor."""

from __future__ import annotations

import pytest

from onrecord.api import text_id
from onrecord.records import Article, quote_to_dict
from onrecord.spark.load import person_from_row, quote_from_row

pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

ARTICLES = [
    {
        "id": "mayor",
        "date": "2024-03-01",
        "title": "City safe, says mayor",
        "url": "https://news.example/mayor",
        "outlet": "Example News",
        "text": "“We won,” said Jane Roe, the mayor. Jane Roe told reporters the city was safe.",
    },
    {
        "id": None,
        "date": None,
        "title": None,
        "url": None,
        "outlet": None,
        "text": "The minister, John Smith, said the budget would pass. “It is done,” he added.",
    },
    {"id": "no-text", "date": "2024-03-02", "title": None, "url": None, "outlet": None, "text": None},
    {"id": "bad-date", "date": "2024-13-45", "title": None, "url": None, "outlet": None, "text": "Some text."},
]


def test_frames_match_local_extractor(spark, extractor):
    from onrecord.spark.frames import extract_frames

    df = spark.createDataFrame(ARTICLES, "id string, date string, title string, url string, outlet string, text string")
    frames = extract_frames(df, keep_text=True, partitions=2).persist()
    try:
        quotes = [r.asDict(recursive=True) for r in frames.quotes.collect()]
        people = [r.asDict(recursive=True) for r in frames.people.collect()]
        articles = {r["article_id"]: r.asDict(recursive=True) for r in frames.articles.collect()}
        failures = {r["article_id"]: r["reason"] for r in frames.failures.collect()}
    finally:
        frames.unpersist()

    assert set(failures) == {"no-text", "bad-date"}
    assert failures["no-text"].startswith("[E001]")
    assert failures["bad-date"].startswith("[E009]")
    assert set(articles) == {"mayor", text_id(ARTICLES[1]["text"])}
    for row in ARTICLES[:2]:
        expected = extractor.extract_article(Article(**row))
        key = expected.article.id
        got_quotes = sorted((q for q in quotes if q["article_id"] == key), key=lambda q: q["quote_index"])
        assert [quote_to_dict(quote_from_row(q)) for q in got_quotes] == [quote_to_dict(q) for q in expected.quotes]
        got_people = sorted((p for p in people if p["article_id"] == key), key=lambda p: p["person_index"])
        assert [person_from_row(p) for p in got_people] == expected.people
        assert articles[key]["text"] == row["text"]
        assert articles[key]["n_quotes"] == len(expected.quotes)
    mayor = [q for q in quotes if q["article_id"] == "mayor"]
    assert all(q["outlet"] == "Example News" and q["date"] == "2024-03-01" for q in mayor)
