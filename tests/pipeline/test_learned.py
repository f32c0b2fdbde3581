"""Merging the learned tagger's attributions into the rules' ones.

The tagger's output is given by hand here (a :class:`Tagged` list), so each
case tests the merge, not the model; the model itself is tested in
``tests/model`` and end to end by the PolNeAR gate.
"""

from __future__ import annotations

import pytest
import spacy

from onrecord.api import DEFAULT_MODEL
from onrecord.pipeline import attribution, merge
from onrecord.pipeline.attribution import Attributor
from onrecord.pipeline.drafts import Draft
from onrecord.pipeline.learned import Tagged
from onrecord.pipeline.quotemarks import find_quotations


@pytest.fixture(scope="module")
def rules_nlp():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("onrecord", config={"learned": False})
    return nlp


def at(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def run(nlp, text: str, tagged: list[Tagged], skip: list[tuple[int, int]] | None = None, scope: str = "all"):
    """The attributions of ``text`` given the tagger's ``tagged``; scope "all" unless said, since the
    invented cues here ("wagers", "voiced") make sure the rules miss them and are no speech verbs."""
    doc = nlp(text)
    return Attributor(scope=scope)(doc, doc._.onrecord_people, skip or [], tagged)


TEXT = "Jane Roe runs the bakery on Main Street. She wagers wages rose."


def test_learned_attribution_the_rules_missed_is_added_and_its_speaker_resolved(rules_nlp):
    assert rules_nlp(TEXT)._.quotes == []
    found = Tagged([at(TEXT, "She")], [at(TEXT, "wagers")], [at(TEXT, "wages rose")], score=0.99)
    (quote,) = run(rules_nlp, TEXT, [found])
    assert quote.kind == "indirect"
    assert quote.text == "wages rose"
    assert quote.cue is not None and quote.cue.text == "wagers"
    assert quote.speaker is not None and quote.speaker.text == "She"
    assert quote.speaker.people == ["Jane Roe"]
    assert quote.confidence == attribution.CONFIDENCE["tagger"]


def test_learned_source_ends_where_the_rules_speaker_runs_into_the_content(rules_nlp):
    # the parse set "Trump", the subject of what was said, beside "statements"
    text = ("Donald Trump tested positive. According to official statements, Trump, now operating from the hospital, "
            "is to continue his duties.")
    found = Tagged([at(text, "official statements")], [at(text, "According to")],
                   [at(text, "Trump, now operating from the hospital, is to continue his duties")], score=0.99)
    (quote,) = [q for q in run(rules_nlp, text, [found]) if q.cue is not None]
    assert quote.speaker is not None and quote.speaker.text == "official statements"


@pytest.mark.parametrize(
    "text,cue,pieces,expected",
    [
        # the hearer of the cue, marked as a later piece, is no part of what was said
        ("A total of 39 are dead, officials told state media, adding that the work ended.", "told",
         ["A total of 39 are dead", "state media"], ["A total of 39 are dead"]),
        ("The plant will close, Jane Roe told her staff on Monday.", "told",
         ["The plant will close", "her staff"], ["The plant will close"]),
        # the hearer of "tell" opening the content is left out of it
        ("Jane Roe told the court “Basic checks were not done.”", "told", ["the court “Basic checks were not done"],
         ["“Basic checks were not done.”"]),
        ("Jane Roe told reporters the plant would close.", "told", ["reporters the plant would close"],
         ["the plant would close"]),
        ("Jane Roe told reporters, “The plant will close.”", "told", ["reporters, “The plant will close"],
         ["“The plant will close.”"]),
        # the outlet the parse ran into the reported clause's subject is the hearer too
        ("Jane Roe told The Daily Post radio signals were used to warn ships.", "told",
         ["The Daily Post radio signals were used to warn ships"], ["radio signals were used to warn ships"]),
        # a piece that goes on past the hearer of "urge" keeps it
        ("In May, Jane Roe urged voters to stay home.", "urged", ["In May", "voters to stay home"],
         ["In May", "voters to stay home"]),
        ("Jane Roe urged voters to stay home.", "urged", ["voters to stay home"], ["voters to stay home"]),
        # a piece that is not the hearer stays ("wagers" hears nobody)
        ("The plant, Jane Roe wagers, will close in May.", "wagers", ["The plant", "will close in May"],
         ["The plant", "will close in May"]),
    ],
)
def test_learned_content_piece_that_is_the_hearer_is_left_out(rules_nlp, text, cue, pieces, expected):
    found = Tagged([at(text, "officials" if "officials" in text else "Jane Roe")], [at(text, cue)],
                   [at(text, p) for p in pieces], score=0.99)
    quotes = [q for q in run(rules_nlp, text, [found]) if q.cue is not None and q.cue.text == cue]
    assert [[text[a:b] for a, b in q.spans] for q in quotes] == [expected]


@pytest.mark.parametrize(
    "text,pieces,expected",
    [
        # a later piece that opens, unquoted, the next sentence is not part of the content
        ("Roe beats Doe by 46 percent to 42 percent, according to the poll. Twelve percent were not sure.",
         ["Roe beats Doe by 46 percent to 42 percent", "percent were not sure"],
         ["Roe beats Doe by 46 percent to 42 percent"]),
        # a quotation going on after its cue's sentence is
        ("“The plant will close,” Jane Roe wagers. “The jobs are gone.”",
         ["The plant will close,", "The jobs are gone."], ["“The plant will close,”", "“The jobs are gone.”"]),
        # a later piece in the cue's own sentence is
        ("The plant, Jane Roe wagers, will close in May.", ["The plant", "will close in May"],
         ["The plant", "will close in May"]),
    ],
)
def test_learned_content_piece_in_a_later_sentence_is_left_out(rules_nlp, text, pieces, expected):
    cue = "according to" if "according" in text else "wagers"
    source = "the poll" if "according" in text else "Jane Roe"
    found = Tagged([at(text, source)], [at(text, cue)], [at(text, p) for p in pieces], score=0.99)
    quotes = [q for q in run(rules_nlp, text, [found]) if q.cue is not None and q.cue.text == cue]
    assert [[text[a:b] for a, b in q.spans] for q in quotes] == [expected]


@pytest.mark.parametrize("inner_cue", [False, True])
def test_learned_content_cut_by_an_inner_source_is_one_content(rules_nlp, inner_cue):
    text = "As Jane Roe wagers, the gap between what we expect from the mayor and what we want is vast."
    first, second = text.index("we expect"), text.index("we want")
    contents = [(text.index("the gap"), first - 1), (first + 3, second - 1), (second + 3, text.index(" is vast") + 8)]
    tagged = [Tagged([at(text, "Jane Roe")], [at(text, "wagers")], [piece], score=0.9) for piece in contents]
    # "we", marked as a speaker with no cue and no content, cut the content; with a cue of its own it speaks
    tagged += [Tagged([(i, i + 2)], [(i + 3, i + 9)] if inner_cue else [], [], score=0.9) for i in (first, second)]
    quotes = [q for q in run(rules_nlp, text, tagged) if q.cue is not None and q.cue.text == "wagers"]
    texts = [q.text for q in quotes]
    if inner_cue:
        assert "the gap between what we expect from the mayor and what we want is vast" not in texts
    else:
        assert texts == ["the gap between what we expect from the mayor and what we want is vast"]


@pytest.mark.parametrize(
    "text,cue,added",
    [
        ("Jane Roe runs the bakery on Main Street. She already wagers to friends wages rose.", "already wagers", True),
        ("Jane Roe runs the bakery on Main Street. She already wagers to friends wages rose.", "wagers", True),
        # a preposition of a headline, an adverb of report
        ("Jane Roe runs the bakery on Main Street. She On Why wages rose.", "On", True),
        ("Jane Roe runs the bakery on Main Street. She reportedly, wages rose.", "reportedly", True),
        # a cue of only another adverb or a particle is the tagger's slip
        ("Jane Roe runs the bakery on Main Street. She already wagers to friends wages rose.", "already", False),
        ("Jane Roe runs the bakery on Main Street. She voted 19-15 to wager wages rose.", "to", False),
    ],
)
def test_learned_attribution_needs_a_cue_word(rules_nlp, text, cue, added):
    start = text.index(cue, text.index("She"))
    found = Tagged([at(text, "She")], [(start, start + len(cue))], [at(text, "wages rose")], score=0.99)
    assert (cue in [q.cue.text for q in run(rules_nlp, text, [found]) if q.cue is not None]) is added


@pytest.mark.parametrize(
    "source,cue,content,score,why",
    [
        (None, None, "wages rose", 0.99, "a content with neither cue nor source"),
        ("She", "wagers", "wages rose", 0.0, "the model is unsure"),
    ],
)
def test_learned_attribution_is_not_added(rules_nlp, monkeypatch, source, cue, content, score, why):
    monkeypatch.setattr(merge, "LEARNED_MIN_SCORE", 0.5)
    pieces = [[at(TEXT, x)] if x else [] for x in (source, cue, content)]
    assert run(rules_nlp, TEXT, [Tagged(*pieces, score=score)]) == [], why


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Ann Cole runs the bakery. She wagered that wages would rise.", "that wages would rise"),  # its clause
        ("Ann Cole runs the bakery. She accused the landlord of fraud.", "the landlord of fraud"),  # its object
        ("Ann Cole runs the bakery. She wagered.", None),  # nothing hangs on the cue: no attribution
        # what hangs on the cue's other words: a noun's clause, a preposition's object
        ("Ann Cole runs the bakery. She voiced concern that wages would fall.", "that wages would fall"),
        ("Ann Cole runs the bakery. She voiced outrage over the new tax.", "the new tax"),
        ("Ann Cole runs the bakery. She voiced concern.", None),
    ],
)
def test_learned_attribution_without_content_takes_the_parse_one(rules_nlp, text, expected):
    cue = next(c for c in ("accused", "wagered", "voiced concern", "voiced outrage over") if c in text)
    found = Tagged([at(text, "She")], [at(text, cue)], [], score=0.99)
    quotes = run(rules_nlp, text, [found])
    assert [q.text for q in quotes] == ([expected] if expected else [])


@pytest.mark.parametrize(
    "text,cue,content,expected",
    [
        ("The audit was released on Monday. The report found that wages rose.", "found", "that wages rose",
         "The report"),
        ("Ann Cole was told that wages rose.", "was told", "that wages rose", None),  # a passive names no speaker
        # a preposition the parser took for a name opening the sentence is no one
        ("Amongst reported incidents of abuse by church officials, recently two priests were convicted.", "reported",
         "incidents of abuse by church officials", None),
    ],
)
def test_learned_attribution_without_source_takes_the_parse_subject(rules_nlp, text, cue, content, expected):
    found = Tagged([], [at(text, cue)], [at(text, content)], score=0.99)
    quotes = run(rules_nlp, text, [found])
    assert [q.speaker.text for q in quotes if q.speaker] == ([expected] if expected else [])


def test_learned_attribution_a_feeling_is_held_by_its_subject(rules_nlp):
    text = "Protesters were frustrated that the police released only some of the footage."
    found = Tagged([at(text, "Protesters")], [at(text, "were frustrated")],
                   [at(text, "that the police released only some of the footage")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "Protesters"


PASSIVE = "Jane Roe runs the bakery on Main Street. Wages rose, it was wagered."


@pytest.mark.parametrize(
    "source,why",
    [(None, "nobody holds it, and the parse names no one either"), ("the", "a source that names no one")],
)
def test_learned_attribution_without_a_speaker_is_not_added(rules_nlp, source, why):
    pieces = [[at(PASSIVE, source)] if source else [], [at(PASSIVE, "was wagered")], [at(PASSIVE, "Wages rose")]]
    assert run(rules_nlp, PASSIVE, [Tagged(*pieces, score=0.99)]) == [], why


def test_learned_attribution_outside_prose_is_ignored(rules_nlp):
    found = Tagged([at(TEXT, "She")], [at(TEXT, "wagers")], [at(TEXT, "wages rose")], score=0.99)
    assert run(rules_nlp, TEXT, [found], skip=[at(TEXT, "She wagers wages rose.")]) == []


def test_learned_attribution_over_a_rule_one_is_merged_not_repeated(rules_nlp, monkeypatch):
    monkeypatch.setitem(merge.PREFER, "cue", "tagger")
    monkeypatch.setitem(merge.PREFER, "source", "rules")
    text = "Tom Baker said to reporters that the plant would close."
    found = Tagged([at(text, "Tom")], [at(text, "said to")], [at(text, "the plant would close")], score=0.99)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.cue is not None and quote.cue.text == "said to"
    assert quote.speaker is not None and quote.speaker.text == "Tom Baker"
    assert quote.speaker.people == ["Tom Baker"]
    assert quote.confidence == attribution.CONFIDENCE["clause"]


def test_learned_direct_quotation_keeps_its_marks(rules_nlp):
    text = "Ana Diaz spoke last. “Nobody here will ever forget this day,” she recalled warmly in remarks."
    found = Tagged(
        [at(text, "she")], [at(text, "recalled")], [at(text, "Nobody here will ever forget this day")], score=0.99
    )
    quotes = run(rules_nlp, text, [found])
    quote = next(q for q in quotes if "Nobody here" in q.text)
    assert quote.kind == "direct"
    assert quote.text == "Nobody here will ever forget this day,"
    assert quote.speaker is not None and quote.speaker.people == ["Ana Diaz"]
    assert len(quotes) == 1


def test_learned_attribution_nested_in_a_quotation_keeps_only_its_own_words(rules_nlp):
    text = ("Ana Ruiz said, “I think it was the right call for the town. "
            "He announced that the plant will stay open.”")
    tagged = Tagged(
        [at(text, "He")],
        [at(text, "announced")],
        [at(text, "I think it was the right call for the town"), at(text, "that the plant will stay open")],
        score=0.9,
    )
    quotes = run(rules_nlp, text, [tagged])
    nested = [q for q in quotes if q.cue is not None and q.cue.text == "announced"]
    assert len(nested) == 1
    assert nested[0].text == "that the plant will stay open"
    outer = [q for q in quotes if q.cue is not None and q.cue.text == "said"]
    assert len(outer) == 1 and "right call" in outer[0].text


def test_learned_source_cut_to_a_preposition_names_no_one(rules_nlp):
    text = "Maya Cole, on the lower deck, said the roof fell in."
    found = Tagged([at(text, "on the")], [at(text, "said")], [at(text, "the roof fell in")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "Maya Cole"


@pytest.mark.parametrize("source", ["Maya Cole, on the lower", "Maya Cole, on the"])
def test_learned_source_cut_short_becomes_the_parsed_mention(rules_nlp, source):
    text = "Maya Cole, on the lower deck, said the roof fell in."
    found = Tagged([at(text, source)], [at(text, "said")], [at(text, "the roof fell in")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "Maya Cole"


def test_learned_source_that_is_a_whole_phrase_is_kept(rules_nlp):
    text = "A spokesman for the Ohio Department of Health said the roof fell in."
    found = Tagged([at(text, "A spokesman for the Ohio Department of Health")], [at(text, "said")],
                   [at(text, "the roof fell in")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "A spokesman for the Ohio Department of Health"


def test_learned_source_gives_a_speaker_to_a_cue_the_rules_left_without_one(rules_nlp):
    text = "Jane Roe spoke at noon. Says the plan will fail."
    (before,) = rules_nlp(text)._.quotes
    assert before.cue is not None and before.speaker is None
    found = Tagged([at(text, "Jane Roe")], [at(text, "Says")], [at(text, "the plan will fail")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "Jane Roe"
    assert quote.speaker.people == ["Jane Roe"]


def test_learned_source_cut_before_its_noun_is_extended_to_it(rules_nlp):
    text = "On Friday, the Joint Task Force Operation Inherent Resolve put out word that the base was safe."
    assert rules_nlp(text)._.quotes == []
    found = Tagged([at(text, "the Joint Task Force Operation Inherent")], [at(text, "put out word")],
                   [at(text, "the base was safe")], score=0.9)
    quote = next(q for q in run(rules_nlp, text, [found]) if "base was safe" in q.text)
    assert quote.speaker is not None and quote.speaker.text == "the Joint Task Force Operation Inherent Resolve"


@pytest.mark.parametrize(
    "text,source,expected",
    [
        # a source cut to a title before a name takes the name
        ("General Soleimani was actively developing plans to attack the base.", "General", "General Soleimani"),
        ("Senator Cruz was developing plans to run again.", "Senator", "Senator Cruz"),
        # a source cut to the first part of a person's name takes the whole mention
        ("Mick Jagger of The Rolling Stones was developing plans to tour again.", "Mick",
         "Mick Jagger of The Rolling Stones"),
        # a whole name stays as it is, and a title does not take a cue noun after it
        ("General Soleimani wagers the base will fall.", "General Soleimani", "General Soleimani"),
        ("Mick Jagger wagers the band will tour again.", "Mick Jagger", "Mick Jagger"),
    ],
)
def test_learned_source_cut_to_a_title_or_a_first_name_takes_the_name_after_it(rules_nlp, text, source, expected):
    cue = "developing plans" if "developing" in text else "wagers"
    content = text[text.index(cue) + len(cue) + 1 : -1]
    found = Tagged([at(text, source)], [at(text, cue)], [at(text, content)], score=0.9)
    quote = next(q for q in run(rules_nlp, text, [found]) if content in q.text)
    assert quote.speaker is not None and quote.speaker.text == expected


def test_learned_quoted_word_is_not_the_speaker_of_a_cue_outside(rules_nlp):
    text = "The mayor said “I will go” and left, with an eye on the budget for the new year."
    found = Tagged([at(text, "I")], [at(text, "with an eye on")], [at(text, "the budget for the new year")], score=0.9)
    quotes = run(rules_nlp, text, [found])
    assert all(q.speaker is None or q.speaker.text != "I" for q in quotes)


CALLED = "Anna Burke called her mother on Sunday."
ASKED = "When Jane Roe was asked about the budget plan, she laughed."


@pytest.mark.parametrize(
    "text,source,cue,content,why",
    [
        (CALLED, "Anna Burke", "called", "her", "a bare pronoun is no content"),
        (CALLED, "Anna Burke", "called", "her mother", "a naming verb with only its object"),
        (CALLED, "Anna Burke", None, "her mother", "the same with no cue marked: the subject's verb stands in"),
        (ASKED, "she", "was asked about", "the budget plan", "a passive cue has no speaker but its agent"),
    ],
)
def test_learned_attribution_of_the_parse_is_not_added(rules_nlp, text, source, cue, content, why):
    pieces = [[at(text, x)] if x else [] for x in (source, cue, content)]
    assert run(rules_nlp, text, [Tagged(*pieces, score=0.99)]) == [], why


@pytest.mark.parametrize(
    "text,cue,content",
    [
        ("Jane Roe questioned the very need for moderators.", "questioned", "the very need for moderators"),
        ("Jane Roe demanded answers from the board.", "demanded", "answers from the board"),
        ("Jane Roe estimated the cost at $4 million.", "estimated", "the cost at $4 million"),
    ],
)
def test_learned_attribution_with_only_an_object_is_added_for_verbs_that_do_not_name(rules_nlp, text, cue, content):
    found = Tagged([at(text, "Jane Roe")], [at(text, cue)], [at(text, content)], score=0.99)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.text == content and quote.speaker is not None and quote.speaker.people == ["Jane Roe"]


@pytest.mark.parametrize(
    "text,cue,content,expected",
    [
        ("Jane Roe called for an investigation into the shooting.", "called", "an investigation into the shooting",
         "called for"),
        ("Jane Roe argued for a new tax on carbon.", "argued", "a new tax on carbon", "argued for"),
        # the preposition does not lead into the content: the cue stays the verb
        ("Jane Roe said at the meeting that the plant would close.", "said", "that the plant would close", "said"),
    ],
)
def test_learned_cue_takes_the_preposition_the_content_follows(rules_nlp, text, cue, content, expected):
    found = Tagged([at(text, "Jane Roe")], [at(text, cue)], [at(text, content)], score=0.99)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.cue is not None and quote.cue.text == expected



WIDER = "Jane Roe runs the bakery.\n\nAnybody who complains about prices “is not having a good night,” she said."


@pytest.mark.parametrize(
    "tagged,ours,wider",
    [
        # the tagger reads the whole reported clause; the rules only the quoted words
        ("Anybody who complains about prices “is not having a good night,”", "“is not having a good night,”", True),
        # narrower than the rules' content, or the same words: the rules' stands
        ("is not having a good night", "“is not having a good night,”", False),
        ("“is not having a good night,”", "is not having a good night", False),
        # starting at the same word, longer at the end: the rules cut the clause short
        ("Anybody who complains about prices", "Anybody who complains", True),
        # longer at the end but stopped inside a phrase ("having" keeps its object after it): the rules' stands
        ("Anybody who complains about prices “is not having", "Anybody who complains", False),
        # the same first and last words, more between them: the rules' stands
        ("Anybody who complains about prices", "Anybody who … prices", False),
        # reaching into the paragraph before
        ("the bakery.\n\nAnybody who complains about prices “is not having a good night,”",
         "“is not having a good night,”", False),
    ],
)
def test_learned_content_is_wider_when_it_holds_the_rules_one_and_reaches_further(rules_nlp, tagged, ours, wider):
    doc = rules_nlp(WIDER)
    spans = [at(WIDER, piece) for piece in ours.split(" … ")]
    assert merge._wider(doc, WIDER, [at(WIDER, tagged)], spans) is wider


NAMED = (
    "Mick Jagger of The Rolling Stones reacted on Twitter, “Sad news about a great friend.” "
    "The Federal Aviation Administration will investigate the cause of the crash, the city announced."
)


@pytest.mark.parametrize(
    "tagged,ours,wider",
    [
        # a content that starts inside a person's name is the tagger's mistake: the rules' stands
        ("Jagger of The Rolling Stones reacted on Twitter, “Sad news about a great friend.”",
         "Sad news about a great friend.", False),
        # one that starts after the article of an organisation's name reaches further
        ("Federal Aviation Administration will investigate the cause of the crash",
         "will investigate the cause of the crash", True),
    ],
)
def test_learned_content_starts_inside_no_name(rules_nlp, tagged, ours, wider):
    doc = rules_nlp(NAMED)
    assert merge._wider(doc, NAMED, [at(NAMED, tagged)], [at(NAMED, ours)]) is wider


CLOSED = "“Prices will rise.” As of Tuesday there were reports of queues, Jane Roe said."


@pytest.mark.parametrize(
    "tagged,ours,wider",
    [
        # the narration after a quotation that ends its sentence is no more of the quotation
        ("“Prices will rise.” As of Tuesday there were reports of queues", "“Prices will rise.”", False),
        # a content before the quotation that the tagger reads as one with it is still wider
        ("As of Tuesday there were reports of queues", "reports of queues", True),
    ],
)
def test_learned_content_goes_on_past_no_quoted_sentence_end(rules_nlp, tagged, ours, wider):
    doc = rules_nlp(CLOSED)
    marks = find_quotations(CLOSED, [(0, len(CLOSED))])
    assert merge._wider(doc, CLOSED, [at(CLOSED, tagged)], [at(CLOSED, ours)], marks=marks) is wider


SCENARIO = ("It is an extremely unlikely scenario; Clinton's team says she will continue her campaign "
            "later this week.")


@pytest.mark.parametrize(
    "text,content,score,expected",
    [
        # the parse gave the cue the clause before it; the tagger reads the one after it
        (SCENARIO, "she will continue her campaign later this week", 0.9,
         "she will continue her campaign later this week"),
        (SCENARIO, "she will continue her campaign later this week", 0.2, "It is an extremely unlikely scenario"),
        # a quotation before its cue stays the cue's content
        ("“It is an extremely unlikely scenario,” Clinton's team says of the plan.", "of the plan", 0.9,
         "It is an extremely unlikely scenario,"),
    ],
)
def test_learned_content_after_the_cue_replaces_a_clause_before_it(rules_nlp, text, content, score, expected):
    found = Tagged([at(text, "Clinton's team")], [at(text, "says")], [at(text, content)], score=score)
    quotes = [q for q in run(rules_nlp, text, [found]) if q.cue is not None and q.cue.text == "says"]
    assert [q.text for q in quotes] == [expected]


@pytest.mark.parametrize(
    "text,pieces,expected",
    [
        # pieces around a cue inside its sentence are both kept
        ("Jane Roe runs the bakery. Wages, she wagers, rose sharply.", ["Wages", "rose sharply"],
         "Wages … rose sharply"),
        # no content ends on the conjunction that opens the next clause
        ("Jane Roe runs the bakery. She wagers wages rose, but prices fell.", ["wages rose, but"], "wages rose"),
        ("Jane Roe runs the bakery. She wagers wages and prices rose.", ["wages and prices rose"],
         "wages and prices rose"),
    ],
)
def test_learned_content_keeps_its_pieces_and_ends_on_no_conjunction(rules_nlp, text, pieces, expected):
    found = Tagged([at(text, "she" if "she wagers" in text else "She")], [at(text, "wagers")],
                   [at(text, p) for p in pieces], score=0.99)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.text == expected


@pytest.mark.parametrize(
    "text,piece,expected",
    [
        ("She agreed to sell the bakery to Tom Lee, a baker.", "to sell the bakery to Tom Lee, a",
         "to sell the bakery to Tom Lee"),
        ("She agreed to release the cash so the bakers can be paid.", "to release the cash so", "to release the cash"),
        ("She wagers wages rose, but prices fell.", "wages rose, but", "wages rose"),
        # a word that ends its phrase stays
        ("She wagers the bakers will help one another.", "the bakers will help one another",
         "the bakers will help one another"),
        ("She wagers wages and prices rose.", "wages and prices rose", "wages and prices rose"),
    ],
)
def test_learned_content_ends_on_no_dangling_word(rules_nlp, text, piece, expected):
    doc = rules_nlp(text)
    ((start, end),) = merge._without_dangling_word(doc, [at(text, piece)])
    assert text[start:end] == expected


@pytest.mark.parametrize(
    "text,piece,expected",
    [
        ("She wagers the poll included Libertarian nominee Gary Johnson.", "the poll included Libertarian nominee Gary",
         "the poll included Libertarian nominee Gary Johnson"),
        ("She wagers the poll included Gary Johnson.", "the poll included Gary Johnson",
         "the poll included Gary Johnson"),
        ("She wagers the poll included the nominee.", "the poll included the nominee", "the poll included the nominee"),
    ],
)
def test_learned_content_ends_at_the_end_of_a_name(rules_nlp, text, piece, expected):
    doc = rules_nlp(text)
    ((start, end),) = merge._to_the_end_of_its_name(doc, [at(text, piece)])
    assert text[start:end] == expected


WAGERED = "Ann Cole runs the bakery. She wagered that wages would rise in May."


@pytest.mark.parametrize(
    "content,expected",
    [
        ("that wages would rise", "that wages would rise in May"),  # the parse's clause holds it and more
        ("that wages would rise in May", "that wages would rise in May"),
        ("wages would rise", "that wages would rise in May"),
        ("runs the bakery", "runs the bakery"),  # not part of the cue's clause: the tagger's stands
    ],
)
def test_learned_content_cut_short_becomes_the_parsed_clause(rules_nlp, content, expected):
    found = Tagged([at(WAGERED, "She")], [at(WAGERED, "wagered")], [at(WAGERED, content)], score=0.99)
    quotes = run(rules_nlp, WAGERED, [found])
    assert [q.text for q in quotes] == [expected]


def test_learned_relative_pronoun_source_refers_to_its_antecedent(rules_nlp):
    text = "The board hired Vera Lind, who wagers wages will rise."
    found = Tagged([at(text, "who")], [at(text, "wagers")], [at(text, "wages will rise")], score=0.99)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == "who"
    assert quote.speaker.people == ["Vera Lind"]


@pytest.mark.parametrize(
    "text,source,cue,content,reported",
    [
        # speech, writing and thought, by a cue word of the tables
        ("Ann Cole met the mayor. She told him wages would rise.", "She", "told", "wages would rise", True),
        ("Ann Cole met the mayor. She reasoned wages would rise.", "She", "reasoned", "wages would rise", True),
        ("Ann Cole met the mayor. She expressed concern that wages would fall.", "She", "expressed concern",
         "that wages would fall", True),
        ("Ann Cole met the mayor. She expressed concern about wages.", "She", "expressed concern about", "wages",
         False),  # a topic: nothing said of it
        # a stance with a clause is reported; without one it is an act
        ("Ann Cole met the mayor. She backed raising wages.", "She", "backed", "raising wages", False),
        ("Ann Cole met the mayor. She slammed the mayor for cutting wages.", "She", "slammed", "the mayor for cutting wages", True),
        ("Ann Cole met the mayor. She slammed the mayor.", "She", "slammed", "the mayor", False),
        # nothing said
        ("Ann Cole met the mayor. She did not respond to requests for comment.", "She", "did not respond to",
         "requests for comment", False),
        ("Ann Cole met the mayor. She could not resist pointing out that wages fell.", "She",
         "could not resist pointing out", "that wages fell", True),
        ("Ann Cole met the mayor. Her study added to evidence that wages fell.", "Her study", "added to",
         "evidence that wages fell", False),
        # asked, not saying
        ("Ann Cole met the mayor. Asked about her plans, she smiled.", "she", "Asked about", "her plans", False),
        # a speech verb that with a bare object reports an act
        ("Ann Cole met the mayor. She rejected his offer of a job.", "She", "rejected", "his offer of a job", False),
        ("Ann Cole met the mayor. She declared a state of emergency.", "She", "declared", "a state of emergency",
         False),
        ("Ann Cole met the mayor. She rejected claims that wages fell.", "She", "rejected", "claims that wages fell",
         True),
        # what the words were about, with nothing said: no clause, no quotation
        ("Ann Cole met the mayor. She criticized the decision on Monday.", "She", "criticized", "the decision", False),
        ("Ann Cole met the mayor. She spoke about feminism.", "She", "spoke about", "feminism", False),
        ("Ann Cole met the mayor. She claimed responsibility for the attack.", "She", "claimed",
         "responsibility for the attack", False),
        ("Ann Cole met the mayor. She claimed the attack was planned.", "She", "claimed", "the attack was planned",
         True),
        # a predicate on the object says something of it
        ("Ann Cole met the mayor. She criticized the agency as militaristic.", "She", "criticized",
         "the agency as militaristic", True),
        # acts: no speech, whatever the tagger says
        ("Ann Cole met the mayor. She declined his offer of a job.", "She", "declined", "his offer of a job", False),
        ("Ann Cole met the mayor. She sentenced him to a fine.", "She", "sentenced", "him to a fine", False),
        # a quotation is speech whatever its cue, unless it is a title
        ('Ann Cole met the mayor. She greeted him with "wages will rise."', "She", "greeted", '"wages will rise."', True),
        ('Ann Cole met the mayor. She hummed "A Tribute For a King" all day.', "She", "hummed",
         '"A Tribute For a King"', False),
        ('Ann Cole met the mayor. She unveiled a plan called "Build Back Better" on Monday.', "She", "unveiled",
         'a plan called "Build Back Better"', False),
    ],
)
def test_learned_attribution_of_speech_scope(rules_nlp, text, source, cue, content, reported):
    found = Tagged([at(text, source)], [at(text, cue)], [at(text, content)], score=0.99)
    assert len(run(rules_nlp, text, [found], scope="all")) == 1
    assert len(run(rules_nlp, text, [found], scope="speech")) == int(reported)


def test_attributor_refuses_an_unknown_scope():
    with pytest.raises(ValueError, match="scope"):
        Attributor(scope="everything")


@pytest.mark.parametrize(
    "source,expected",
    [
        # a source inside the rules' speaker that holds its head replaces it
        ("The United States", "The United States"),
        # one that misses the head (a name in the speaker's relative clause) does not
        ("Syrian President Bashar al-Assad",
         "The United States, which has retreated from a previous goal of ousting Syrian President Bashar al-Assad"),
    ],
)
def test_learned_source_replaces_the_rules_speaker_only_with_its_head(rules_nlp, source, expected):
    text = ("The United States, which has retreated from a previous goal of ousting Syrian President "
            "Bashar al-Assad, has stated reconstruction will cost billions.")
    found = Tagged([at(text, source)], [at(text, "has stated")], [at(text, "reconstruction will cost billions")], score=0.9)
    (quote,) = run(rules_nlp, text, [found])
    assert quote.speaker is not None and quote.speaker.text == expected


@pytest.mark.parametrize("content,added", [("Today", False), ("Today, Joe Biden", True)])
def test_learned_content_of_a_date_alone_is_no_content(rules_nlp, content, added):
    text = "Today, Joe Biden was projected by news outlets to win the election."
    found = Tagged([at(text, "news outlets")], [at(text, "was projected")], [at(text, content)], score=0.9)
    assert len(run(rules_nlp, text, [found])) == int(added)


@pytest.mark.parametrize(
    "earlier,first",
    [
        # narration before the cue's sentence is dropped
        ("Greta Lind has spent a decade on her film", "that she nearly gave up twice"),
        ('"I nearly gave up twice"', "I nearly gave up twice"),  # a quotation before it stays
    ],
)
def test_learned_earlier_content_of_a_cue_with_one_after_it(rules_nlp, earlier, first):
    text = f"{earlier}. The director, 52, told CNN in an interview on Sunday that she nearly gave up twice."
    source, cue = [at(text, "The director, 52")], [at(text, "told")]
    found = [Tagged(source, cue, [at(text, earlier)], score=0.9),
             Tagged(source, cue, [at(text, "that she nearly gave up twice")], score=0.9)]
    assert [q.text for q in run(rules_nlp, text, found)][:1] == [first]


@pytest.mark.parametrize(
    "source,speaker",
    [
        ("rumors", "Tsvangirai"),  # the tagger's nearest source, in the next sentence: the owner speaks
        ("Tsvangirai", "Tsvangirai"),
    ],
)
def test_learned_owner_of_a_nominal_cue_is_its_source(rules_nlp, source, speaker):
    text = ("Morgan Tsvangirai lost the vote. Despite Tsvangirai's allegations of widespread fraud, Mugabe ended "
            "the power-sharing. Soon after, rumors circulated he was ill.")
    found = Tagged([at(text, source)], [at(text, "allegations of")], [at(text, "widespread fraud")], score=0.99)
    (quote,) = [q for q in run(rules_nlp, text, [found]) if q.text == "widespread fraud"]
    assert quote.speaker is not None and quote.speaker.text.startswith(speaker)  # "Tsvangirai's" as written
    assert quote.speaker.people == ["Morgan Tsvangirai"]


def test_learned_speaker_inside_the_rules_content_ends_it(rules_nlp):
    """The parse ran the quotation and its speaker into one clause; the tagger's source for the rules' cue
    cuts the content back to the quotation, and the quotation after the cue is more of it."""
    text = '"We were lucky to win that one", Caloundra coach Geoff Ingram said. "We made a lot of ground."'
    source, cue = [at(text, "Caloundra coach Geoff Ingram")], [at(text, "said")]
    tagged = [
        Tagged(source, cue, [at(text, "We were lucky to win that one")], score=0.9),
        Tagged(source, cue, [at(text, "We made a lot of ground.")], score=0.9),
    ]
    (quote,) = run(rules_nlp, text, tagged, scope="speech")
    assert quote.kind == "direct"
    assert quote.spans == [at(text, '"We were lucky to win that one"'), at(text, '"We made a lot of ground."')]
    assert quote.speaker is not None and quote.speaker.people == ["Geoff Ingram"]


HUMBLED = 'Jane Roe said she was "humbled" by the results and "we will earn your support." Turnout was low.'


@pytest.mark.parametrize(
    "root,held",
    [
        # the content the tagger widened holds the quotation that went on from it: that one goes
        ('she was "humbled" by the results and "we will earn your support', True),
        # negative: a content that does not hold it leaves the quotation its own
        ('she was "humbled" by the results', False),
    ],
)
def test_learned_content_holding_a_continued_quotation_says_it_once(rules_nlp, root, held):
    doc = rules_nlp.make_doc(HUMBLED)
    first = Draft("mixed", [at(HUMBLED, root)], None, "clause")
    later = Draft("direct", [at(HUMBLED, '"we will earn your support."')], None, "quote", follows=first)
    assert merge._without_continuations_held(doc, [first, later]) == ([first] if held else [first, later])
