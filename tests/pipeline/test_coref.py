"""Speaker references: which entities are named organisations (hand-built docs: no parser in the way)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.pipeline.coref import has_name, organization_name

VOCAB = spacy.blank("en").vocab  # with the lexical attributes ("is_title") a bare Vocab lacks


def _entity(words: list[str], tags: list[str], ents: list[str]):
    doc = Doc(VOCAB, words=words, tags=tags, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    return doc.ents[0]


@pytest.mark.parametrize(
    "words,tags,ents,expected",
    [
        # the small model labels a sentence's first plural an organisation
        (["Reports", "said", "116", "died"], ["NNS", "VBD", "CD", "VBD"], ["B-ORG", "O", "O", "O"], False),
        (["Officials", "said", "it", "closed"], ["NNS", "VBD", "PRP", "VBD"], ["B-ORG", "O", "O", "O"], False),
        (["Protesters", "chanted", "slogans"], ["NNS", "VBD", "NNS"], ["B-ORG", "O", "O"], False),
        # names: proper nouns, acronyms, capitals inside a sentence
        (["NASA", "said", "it", "launched"], ["NN", "VBD", "PRP", "VBD"], ["B-ORG", "O", "O", "O"], True),
        (["Acme", "Corp.", "said", "so"], ["NNP", "NNP", "VBD", "RB"], ["B-ORG", "I-ORG", "O", "O"], True),
        (["Then", "the", "Democratic", "party", "said", "no"], ["RB", "DT", "JJ", "NN", "VBD", "UH"],
         ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"], True),
    ],
)
def test_has_name(words, tags, ents, expected):
    assert has_name(_entity(words, tags, ents)) is expected


@pytest.mark.parametrize(
    "words,ents,name",
    [
        (["the", "EPA", "said"], ["B-ORG", "I-ORG", "O"], "EPA"),
        (["Associated", "Press", "(", "AP"], ["B-ORG", "I-ORG", "I-ORG", "O"], "Associated Press"),
        (["Theatre", "Royal", "said"], ["B-ORG", "I-ORG", "O"], "Theatre Royal"),
        (["the", "World", "Health", "Organization", "(", "WHO", ")"], ["B-ORG"] + ["I-ORG"] * 5 + ["O"],
         "World Health Organization"),
        (["the", "World", "Health", "Organization", "(", "WHO", ")"], ["B-ORG"] * 1 + ["I-ORG"] * 6,
         "World Health Organization"),
        (["(", "WHO", ")"], ["B-ORG", "I-ORG", "I-ORG"], "WHO"),  # nothing left but the bracket's words
    ],
)
def test_organization_name(words, ents, name):
    doc = Doc(VOCAB, words=words, ents=ents)
    assert organization_name(doc.ents[0]) == name
