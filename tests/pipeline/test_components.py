"""onrecord as spaCy components."""

from __future__ import annotations

import pytest
import spacy

from onrecord.api import DEFAULT_MODEL
from onrecord.records import Person, Quote


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(DEFAULT_MODEL)


def test_components_add_pipe_puts_quotes_on_the_doc(nlp):
    nlp.add_pipe("onrecord")
    assert nlp.pipe_names.index("onrecord_paragraphs") < nlp.pipe_names.index("parser")
    doc = nlp("“Rates will rise,” said Ana Gomez.")
    assert [type(q) for q in doc._.quotes] == [Quote]
    assert doc._.quotes[0].speaker.people == ["Ana Gomez"]
    assert [type(p) for p in doc._.people] == [Person]


@pytest.mark.parametrize("name", ["onrecord", "onrecord_attribution"])
def test_components_take_a_scope_per_document(name):
    nlp = spacy.load(DEFAULT_MODEL)
    if name == "onrecord":
        nlp.add_pipe("onrecord")
    else:
        for step in ("onrecord_prose", "onrecord_people", "onrecord_tagger", "onrecord_attribution"):
            nlp.add_pipe(step)
    text = "The senator criticized the move on Tuesday. “It is wrong,” she said."
    speech = [q.text for q in nlp(text)._.quotes]
    everything = [q.text for q in nlp(text, component_cfg={name: {"scope": "all"}})._.quotes]
    assert speech == ["It is wrong,"]
    assert everything == ["the move on Tuesday", "It is wrong,"]
    piped = [[q.text for q in d._.quotes] for d in nlp.pipe([text], component_cfg={name: {"scope": "all"}})]
    assert piped == [everything]
    with pytest.raises(ValueError, match="E015"):
        nlp(text, component_cfg={name: {"scope": "loud"}})


def test_components_loading_twice_does_not_raise():
    first = spacy.load(DEFAULT_MODEL)
    first.add_pipe("onrecord")
    second = spacy.load(DEFAULT_MODEL)
    second.add_pipe("onrecord")
    assert second("“Yes,” said Ana Gomez.")._.quotes


def test_components_small_steps_compose(nlp):
    steps = spacy.load(DEFAULT_MODEL)
    steps.add_pipe("onrecord_paragraphs", before="parser")
    steps.add_pipe("onrecord_lemmas")
    steps.add_pipe("onrecord_prose")
    steps.add_pipe("onrecord_people")
    steps.add_pipe("onrecord_attribution")
    doc = steps("Intro.\nCLIP | www.example.com\n“Rates will rise,” said Ana Gomez. Ana Gomez hopes the bank will wait.")
    assert len(doc.spans["onrecord_nonprose"]) == 1
    assert [q.speaker.people for q in doc._.quotes] == [["Ana Gomez"], ["Ana Gomez"]]
    assert doc._.quotes[1].cue.text == "hopes"


def test_components_attribution_without_people_fails_clearly():
    bare = spacy.load(DEFAULT_MODEL)
    bare.add_pipe("onrecord_attribution")
    with pytest.raises(ValueError, match="E101"):
        bare("“Yes,” she said.")


def test_components_paragraph_starts_a_sentence(nlp):
    doc = nlp("The first line ends without a stop\nThe second line is a new sentence.")
    starts = [s.text.split()[0] for s in doc.sents]
    assert starts[:2] == ["The", "The"]
