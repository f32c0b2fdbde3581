"""The default scope, "speech": impressions no one voiced are not attributions."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from onrecord.api import Extractor
from onrecord.pipeline.scope import _order


@pytest.fixture(scope="module")
def rules() -> Extractor:
    """The rules alone, without the learned tagger."""
    return Extractor(learned=False)


@pytest.mark.parametrize(
    "text",
    [
        "It appears he has little chance of winning the nomination.",
        "It seems the council will approve the plan.",
        "Still, one might think the senator would fill the stadium.",
        "Soon, he found the area welcoming.",
        "Ann Cole saw the crowd angry.",
    ],
)
def test_scope_impressions_no_one_voiced_are_left_out(extractor, text):
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Officials found that the bridge was unsafe.", "found"),
        ("Ann Cole saw that the crowd was angry.", "saw"),
        ("The report found the plan “deeply flawed.”", "found"),
        ("The senator appears to believe the vote was rigged.", None),
        ("Ann Cole said it appears the vote was rigged.", "said"),
    ],
)
def test_scope_findings_with_a_clause_or_a_quotation_stay(extractor, text, cue):
    quotes = extractor.extract(text).quotes
    assert quotes
    if cue is not None:
        assert quotes[0].cue.text == cue


def test_scope_a_court_finding_stays(extractor):
    (quote,) = extractor.extract("The Court of Session found the suspension of Parliament to be unlawful.").quotes
    assert quote.cue.text == "found" and quote.text == "the suspension of Parliament to be unlawful"


@pytest.mark.parametrize(
    "text",
    [
        "Other Republicans want Obama to push for new laws.",
        "The mayor plans to cut 500 jobs next year.",
        "Many conservatives aren't planning on voting for the billionaire.",
        "Jane Doe hopes to win the race.",
        "Trump has since adopted the position of wanting to overturn the ruling.",
    ],
)
def test_scope_intentions_no_one_voiced_are_left_out(extractor, text):
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Jane Doe expects that turnout will be high.", "expects"),
        ("Analysts expect the economy to grow by 2 percent.", "expect"),
        ("The mayor said she wants to cut 500 jobs.", "said"),
        ("“We want to win,” the coach said.", "said"),
    ],
)
def test_scope_intentions_voiced_or_with_a_clause_stay(extractor, text, cue):
    quotes = extractor.extract(text).quotes
    assert [q.cue.text for q in quotes if q.cue is not None] == [cue]


def test_scope_all_keeps_intentions(extractor):
    assert extractor.extract("Other Republicans want Obama to push for new laws.", scope="all").quotes


@pytest.mark.parametrize(
    "text",
    [
        "He left without saying whether he would run.",
        "If people think the race is over, they are wrong.",
        "Clinton noted her years as senator from New York.",
        # no one said it
        "Nobody said the plant would close.",
        "Neither candidate said the plant would close.",
        "A truck exploded near the base. No group immediately claimed credit for the attack.",
    ],
)
def test_scope_words_not_said_or_only_a_topic_are_left_out(extractor, text):
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Ann Cole said that if voters stay home, the race is over.", "said"),
        ("Ann Cole criticized the agency as militaristic.", "criticized"),
        # a "no" inside the words, or in a name, is no one's
        ("A spokesman said no group claimed the attack.", "said"),
        ("Republic Act No. 3846 states no person shall run a radio station without a franchise.", "states"),
        # "No 10" (Downing Street) and "no fewer than" are someone
        ("No 10 said the prime minister had full confidence in the chancellor.", "said"),
        ("A No 10 spokesman said the prime minister had full confidence in him.", "said"),
        ("No fewer than 20 lawmakers said they would vote against the bill.", "said"),
    ],
)
def test_scope_a_condition_inside_the_words_keeps_them(extractor, text, cue):
    assert [q.cue.text for q in extractor.extract(text).quotes] == [cue]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,cue,reports",
    [
        ("It goes without saying that raising taxes on the rich is anathema to Republicans.", "saying", False),
        ("Let’s say you think an undergraduate degree will cost $160,000 in 18 years.", "say", False),
        ("There are other tools, Mr. Castañeda argues. Say Mexico demanded that the United States prove that a "
         "migrant was Mexican before it would accept her back into the country.", "Say", False),
        ("Needless to say, the mayor said the plan would fail.", "say", False),
        ("It's worth noting that this is the first time the question has had to be asked.", "noting", False),
        ("The mayor said it was too early to tell whether the explosion was caused by a bomb.", "to tell", False),
        # the same words where they report
        ("The mayor said it was too early to tell whether the explosion was caused by a bomb.", "said", True),
        ("Needless to say, the mayor said the plan would fail.", "said", True),
        ("He says it goes well for the team this year.", "says", True),
        ("“Tell them the truth,” the coach said to his players.", "said", True),
    ],
)
def test_scope_set_phrase_or_order_is_no_cue(text, cue, reports, learned, request):
    extractor = request.getfixturevalue("extractor" if learned else "rules")
    cues = [q.cue.text for q in extractor.extract(text).quotes if q.cue is not None]
    assert (cue in cues) is reports


@pytest.mark.parametrize(
    "words,tags,heads,deps,order",
    [
        (["Say", "Mexico", "demanded", "it", "."], ["VB", "NNP", "VBD", "PRP", "."], [2, 2, 0, 2, 2],
         ["dep", "nsubj", "ccomp", "dobj", "punct"], True),
        # the parser's name for "Say Mexico": the base form of a speech verb, still an order
        (["Say", "Mexico", "demanded", "it", "."], ["NNP", "NNP", "VBD", "PRP", "."], [1, 2, 2, 2, 2],
         ["compound", "nsubj", "ROOT", "dobj", "punct"], True),
        (["“", "Tell", "me", "”", "."], ["``", "VB", "PRP", "''", "."], [1, 1, 1, 1, 1],
         ["punct", "ROOT", "dobj", "punct", "punct"], True),
        # a dash the parser took for a verb, before a credited name
        (["”", "―", "Francisco", "Herrero"], ["''", "VB", "NNP", "NNP"], [1, 1, 3, 1],
         ["punct", "ROOT", "compound", "dobj"], False),
        # a subject, an auxiliary, or a word before it: no order
        (["They", "say", "it", "works"], ["PRP", "VBP", "PRP", "VBZ"], [1, 1, 3, 1], ["nsubj", "ROOT", "nsubj", "ccomp"],
         False),
        (["Do", "say", "it", "works"], ["VB", "VB", "PRP", "VBZ"], [1, 1, 3, 1], ["aux", "ROOT", "nsubj", "ccomp"],
         False),
        (["Mayors", "say", "it", "works"], ["NNS", "VBP", "PRP", "VBZ"], [1, 1, 3, 1],
         ["npadvmod", "ROOT", "nsubj", "ccomp"], False),
    ],
)
def test_scope_order_is_a_base_form_opening_its_sentence(words, tags, heads, deps, order):
    doc = Doc(spacy.blank("en").vocab, words=words, tags=tags, heads=heads, deps=deps)
    verb = next(t for t in doc if t.lower_ in ("say", "tell", "―"))
    assert _order(verb) is order


@pytest.mark.parametrize(
    "text",
    [
        "Footage from the scene showed the vehicle burn amid what sounds like gunfire.",
        "The results suggest that fewer guns at home may lower suicide rates.",
        "Photographs showed the aircraft with its cockpit buried within a house.",
        "Rising prices indicate that the economy is overheating.",
        "The data show that crime has fallen since 2010.",
    ],
)
def test_scope_what_evidence_shows_is_left_out(extractor, text):
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("The report suggests that the plan failed.", "The report"),
        ("Jane Roe suggested that the plan failed.", "Jane Roe"),
        ("Johns Hopkins University data indicated that cases rose by 5 percent.", "Johns Hopkins University data"),
        ("His findings show that the frogs evolved spikes 25 times.", "His findings"),
        ("Police confirmed that he had died.", "Police"),
    ],
)
def test_scope_what_someone_wrote_or_published_stays(extractor, text, speaker):
    assert [q.speaker.text for q in extractor.extract(text).quotes] == [speaker]


def test_scope_all_keeps_what_evidence_shows():
    quotes = Extractor(scope="all").extract("The data show that crime has fallen since 2010.").quotes
    assert [q.speaker.text for q in quotes] == ["The data"]
