"""Span matching: exact, first word, token overlap; scores."""

from __future__ import annotations

import pytest

from onrecord.eval.matching import Score, Words, begin, by_sentence, exact, max_matching, overlap
from onrecord.eval.sentences import sentence_starts

TEXT = "“We know,” he said, “everything about U.S. taxes.” Then he left."


def span(words: str) -> tuple[int, int]:
    start = TEXT.index(words)
    return start, start + len(words)


@pytest.fixture
def words() -> Words:
    return Words(TEXT)


def test_matching_words_ignore_punctuation_and_whitespace(words: Words) -> None:
    bare = words.mention([span("We know")])
    assert words.mention([span("“We know,”")]) == bare
    start, end = span("“We know,”")
    assert words.mention([(start, end + 1)]) == bare  # with the space after
    assert words.mention([span("“We know,”"), span("“everything")]) == words.mention([span("We know"),
                                                                                    span("everything")])


def test_matching_words_are_strict_on_word_boundaries(words: Words) -> None:
    assert words.mention([span("We know")]) != words.mention([span("know")])
    assert words.mention([span("We know")]) != words.mention([span("We know,” he")])
    # "U.S." is two words: a span ending after "U" is not the same as one ending after "S".
    assert words.mention([span("about U")]) != words.mention([span("about U.S")])


def test_matching_words_partial_word_counts_whole_word(words: Words) -> None:
    assert words.mention([span("We kn")]) == words.mention([span("We know")])


def test_matching_words_punctuation_only_is_empty(words: Words) -> None:
    assert words.mention([span(",” ")]) == frozenset()
    assert words.mention([]) == frozenset()


def test_matching_words_span_of_mention(words: Words) -> None:
    assert words.span(words.mention([span("“We know,”")])) == span("We know")


def test_matching_exact() -> None:
    a, b, c = frozenset({1, 2}), frozenset({3}), frozenset({1, 2, 3})
    assert exact([a, b], [a, c]) == Score(1, 2, 2)
    assert exact([a], [c]) == Score(0, 1, 1)  # one extra word is no match
    assert exact([a, a], [a]) == Score(1, 2, 1)  # one to one


def test_matching_begin() -> None:
    assert begin([frozenset({1, 2})], [frozenset({1, 2, 3})]) == Score(1, 1, 1)
    assert begin([frozenset({1, 2})], [frozenset({2})]) == Score(0, 1, 1)  # same end, other start
    # two gold mentions starting at the same word match two predictions at most once each
    assert begin([frozenset({1}), frozenset({1, 2})], [frozenset({1, 2, 3})]) == Score(1, 2, 1)


def test_matching_overlap_counts_words() -> None:
    gold = [frozenset({1, 2, 3}), frozenset({7})]
    predicted = [frozenset({2, 3, 4, 5})]
    assert overlap(gold, predicted) == Score(2, 4, 4)
    assert overlap([], predicted) == Score(0, 0, 4)


def test_matching_max_matching_finds_the_largest() -> None:
    # greedy would give gold 0 the first prediction and leave gold 1 unmatched
    pairs = max_matching(["ab", "a"], ["a", "b"], lambda g, p: p in g)
    assert pairs == [(0, 1), (1, 0)]
    assert max_matching(["x"], ["y"], lambda g, p: g == p) == []


def test_matching_score_percentages() -> None:
    score = Score(matched=3, gold=4, predicted=5)
    assert score.p == pytest.approx(60.0)
    assert score.r == pytest.approx(75.0)
    assert score.f1 == pytest.approx(200 * 3 / 9)
    assert score.to_dict() == {"p": 60.0, "r": 75.0, "f1": 66.67}
    assert Score(1, 2, 3) + Score(1, 1, 1) == Score(2, 3, 4)


def test_matching_score_empty_is_zero() -> None:
    assert Score().to_dict() == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert Score(0, 3, 0).p == 0.0
    assert Score(0, 0, 3).r == 0.0


@pytest.mark.parametrize(
    "text,starts",
    [
        ("Mr. Obama spoke. Sen. Roe left.", [0, 17]),  # abbreviations do not end sentences
        ("“We won.” Then we left.", [0, 10]),
        ("Headline without a stop\nBody text. More.", [0, 24, 35]),  # every line starts a sentence
        ("One sentence only", [0]),
    ],
)
def test_matching_sentence_starts(text: str, starts: list[int]) -> None:
    assert sentence_starts(text) == starts


def test_matching_by_sentence_cuts_mentions_at_sentence_boundaries() -> None:
    text = "He said the plan failed. It cost too much. Nobody cared."
    words = Words(text)
    sentence_of = words.sentence_ids(sentence_starts(text))
    assert sentence_of == [0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2]
    two_sentences = words.mention([(8, 42)])  # "the plan failed. It cost too much."
    one = words.mention([(8, 23)])  # "the plan failed"
    pieces = by_sentence([two_sentences], sentence_of)
    assert pieces == [frozenset({2, 3, 4}), frozenset({5, 6, 7, 8})]
    # whole-span matching misses a prediction that stops at the first sentence; per sentence, it gets half
    assert exact([two_sentences], [one]) == Score(0, 1, 1)
    assert exact(pieces, by_sentence([one], sentence_of)) == Score(1, 2, 1)
