"""Verb lemmas set right: the cue tables are keyed by lemma."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text,word,lemma",
    [
        ("Lee hopes the plan will work.", "hopes", "hope"),
        ("Lee hoped that the plan would work.", "hoped", "hope"),
        ("Lee is hoping the plan will work.", "hoping", "hope"),
        ("It seemed the plan would work.", "seemed", "seem"),
        # negatives: a name that is no verb, and the verb "hop" itself
        ("Tom Hopes spoke on Monday.", "Hopes", "Hopes"),
        ("The rabbit hopped across the lawn.", "hopped", "hop"),
    ],
)
def test_lemmas_of_cue_verbs(extractor, text, word, lemma):
    doc = extractor.nlp(text)
    assert next(t for t in doc if t.text == word).lemma_ == lemma


@pytest.mark.parametrize(
    "text,content",
    [
        ("Lee hopes the plan will work.", "the plan will work"),
        ("Lee hoped that the council would approve the budget.", "that the council would approve the budget"),
        ("The hopes of voters rose on Monday.", None),  # a noun: no cue
    ],
)
def test_lemmas_make_hope_a_cue(extractor, text, content):
    assert [q.text for q in extractor.extract(text).quotes] == ([content] if content else [])
