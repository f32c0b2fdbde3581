"""The library API: extract(), Extractor.pipe, worker processes."""

from __future__ import annotations

import pytest
from spacy.language import Language

import onrecord
from onrecord.errors import ReadError
from onrecord.records import Article

TEXTS = [
    "“We will appeal,” said Dana Whitlock.",
    "Nothing was said here.",
    "Rhea Okoro told reporters that the count was over.",
]


def test_api_extract_function():
    result = onrecord.extract("“Fine,” said Ola Berg.", date="2024-01-02")
    assert result.article.date == "2024-01-02"
    assert result.article.id.startswith("sha1-")
    assert result.quotes[0].speaker.people == ["Ola Berg"]


def test_api_pipe_keeps_order_and_passes_errors_through(extractor):
    items = [Article(text=TEXTS[0], id="a"), ReadError("bad.txt", "[E001] empty input"), Article(text=TEXTS[2], id="c")]
    out = list(extractor.pipe(items))
    assert [getattr(o, "article", o).id if not isinstance(o, ReadError) else o.source for o in out] == ["a", "bad.txt", "c"]


def test_api_pipe_in_worker_processes_gives_the_same_results(extractor):
    articles = [Article(text=t, id=str(n)) for n, t in enumerate(TEXTS * 2)]
    alone = list(extractor.pipe(articles))
    topic = [Article(text=TOPIC, id="topic")]
    with onrecord.Extractor(n_process=2, batch_size=2, task_size=2) as parallel:
        workers = list(parallel.pipe(articles))
        again = list(parallel.pipe(articles[:2]))  # the same worker processes, kept between calls
        assert _texts(parallel.pipe(topic, scope="all")) == _texts(extractor.pipe(topic, scope="all"))
        assert _texts(parallel.pipe(topic)) == _texts(extractor.pipe(topic))
    assert [[q.spans for q in r.quotes] for r in again] == [[q.spans for q in r.quotes] for r in alone[:2]]
    assert [r.article.id for r in workers] == [r.article.id for r in alone]
    assert [[q.spans for q in r.quotes] for r in workers] == [[q.spans for q in r.quotes] for r in alone]
    assert _speakers(workers) == _speakers(alone)


#: A topic ("criticized the move") beside a quotation: the scope "all" reports both, "speech" only the quotation.
TOPIC = "The senator criticized the move on Tuesday. “It is wrong,” she said."


@pytest.mark.parametrize(
    ("built_with", "called_with", "expected"),
    [
        ("speech", None, ["It is wrong,"]),
        ("speech", "all", ["the move on Tuesday", "It is wrong,"]),
        ("all", None, ["the move on Tuesday", "It is wrong,"]),
        ("all", "speech", ["It is wrong,"]),
    ],
)
def test_api_scope_of_one_call_overrides_the_extractors(extractor, built_with, called_with, expected):
    built = extractor if built_with == "speech" else onrecord.Extractor(nlp=extractor.nlp, scope="all")
    assert [q.text for q in built.extract(TOPIC, scope=called_with).quotes] == expected
    assert [q.text for q in built.extract_article(Article(text=TOPIC), scope=called_with).quotes] == expected
    assert built.extract(TOPIC).quotes == built.extract(TOPIC, scope=built_with).quotes  # its own is kept


def test_api_unknown_scope_is_refused_before_anything_is_read(extractor):
    with pytest.raises(ValueError, match=r"\[E015\] unknown scope 'everything'"):
        extractor.pipe([Article(text=TOPIC)], scope="everything")
    with pytest.raises(ValueError, match="E015"):
        onrecord.Extractor(nlp=extractor.nlp, scope="everything")


def _texts(results):
    return [[q.text for q in r.quotes] for r in results]


def _speakers(results):
    return [[q.speaker.people if q.speaker else None for q in r.quotes] for r in results]


@Language.component("onrecord_test_fails_on_marker")
def _fails_on_marker(doc):
    """A pipeline step that breaks on one text, as a fault in the extraction would."""
    if "FAULTY" in doc.text:
        raise RuntimeError("broken on this text")
    return doc


def test_api_pipe_fault_on_one_article_keeps_the_others():
    extractor = onrecord.Extractor(learned=False)
    extractor.nlp.add_pipe("onrecord_test_fails_on_marker", first=True)
    articles = [
        Article("“We are ready,” the mayor said.", id="a"),
        Article("FAULTY text the mayor said.", id="b", source="b.txt"),
        Article("Ann Cole said the bridge would reopen.", id="c"),
    ]
    results = list(extractor.pipe(articles))
    assert [type(r).__name__ for r in results] == ["Extraction", "ReadError", "Extraction"]
    assert results[1].source == "b.txt" and "E012" in str(results[1]) and "broken on this text" in str(results[1])
    assert results[0].quotes[0].text == "We are ready," and results[2].quotes[0].speaker.text == "Ann Cole"
