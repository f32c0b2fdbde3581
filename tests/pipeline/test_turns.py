"""Interview transcripts: turns found by their labels, attributed to the people the labels name."""

from __future__ import annotations

import pytest

from onrecord.pipeline.paragraphs import non_prose_spans
from onrecord.pipeline.people import PeopleFinder
from onrecord.pipeline.turns import find_turns

FIRST_NAMES = PeopleFinder().is_first_name

WIKI_STYLE = (
    "Wikinews spoke to the engineer about the bridge.\n\n"
    "((WN))  When will it reopen?\n\n"
    "((Hana Ito))  In May, if the weather holds.\n\n"
    "The steel arrived late.\n\n"
    "((WN))  Why?\n\n"
    "((Hana Ito))  The mill was closed.\n\n"
    "The bridge is due to reopen in May.\n"
)
COLON_STYLE = "ROSA DIAZ: We will appeal.\n\nQ: When?\n\nDIAZ: As soon as the court lets us.\n"
Q_AND_A = "Q: Is the plan dead?\nA: Not at all.\nQ: Why not?\nA: The votes are there.\n"


def turns(text: str):
    return find_turns(text, non_prose_spans(text), FIRST_NAMES)


def labels(text: str) -> list[str]:
    return [text[t.label[0] : t.label[1]] for t in turns(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        (WIKI_STYLE, ["WN", "Hana Ito", "WN", "Hana Ito"]),
        (COLON_STYLE, ["ROSA DIAZ", "Q", "DIAZ"]),
        (Q_AND_A, ["Q", "A", "Q", "A"]),
        ("[Tom Reid]: Hello.\n[Ann Lee]: Hi.\n[Tom Reid]: Shall we start?\n", ["Tom Reid", "Ann Lee", "Tom Reid"]),
        # a label alone on its line: the words follow
        ("Q:\nIs it over?\nA:\nYes, it is.\nQ:\nReally?\nA:\nReally.\n", ["Q", "A", "Q", "A"]),
        # no transcript: a headline, an update line, a note
        ("Graham: Trump is hurting the party\nThe senator spoke on Sunday.\n", []),
        ("Update: the vote was delayed.\nGraham: we will vote soon.\nSchumer: we will not.\n", []),
        # a tally is no turn, nor is a caption run into its credit
        ("Clinton: 2,205\nSanders: 1,846\nClinton: 2,210\nSanders: 1,850\n", []),
        ("Jo JorgensenImage: Gage Skidmore.\nJo JorgensenImage: Gage Skidmore.\nAmashImage: Gage Skidmore.\n", []),
        # three labels, but nobody speaks twice
        ("Ann Lee: Yes.\nTom Reid: No.\nBo Ray: Maybe.\n", []),
        # lowercase markup is no speaker
        ("((hi)) नमस्ते\n((hi)) नमस्ते\n((en)) Hello\n", []),
        # no interviewer and no first name: a dateline and links, a box score, a review, a listing
        ("NEW DELHI: The government cut taxes, officials said.\nALSO READ: Fuel prices fall\n"
         "The move was welcomed.\nALSO READ: Opposition slams move\n", []),
        ("Yankees: RHP Gerrit Cole starts.\nRays: LHP Shane McClanahan starts.\nYankees: Judge rests.\n", []),
        ("Pros: Bright screen.\nCons: Short battery life.\nPros: Light.\n", []),
        ("When: Friday at 8.\nWhere: City Hall.\nWhen: Saturday too.\n", []),
        ("Trump: $1.2 billion\nBiden: $900 million\nTrump: $1.5 billion\n", []),
        # a broadcast transcript, quoted: no interviewer label, but the article names a speaker in full
        ("Gov. Mike Pence spoke on Sunday.\n\n\"WALLACE: Will she be there?\n\n\"PENCE: She will not.\n\n"
         "\"WALLACE: Why not?\n\n\"PENCE: Ask her.\n", ["WALLACE", "PENCE", "WALLACE", "PENCE"]),
        # the same turns, but nobody of that name in the article (a team, a place): no transcript
        ("The league met on Sunday.\n\nYANKEES: Cole starts.\n\nRAYS: Glasnow starts.\n\n"
         "YANKEES: Judge rests.\n\nRAYS: Arozarena rests.\n", []),
        ("New York Yankees lead.\n\nYANKEES: Cole starts.\n\nRAYS: Glasnow starts.\n\n"
         "YANKEES: Judge rests.\n\nRAYS: Arozarena rests.\n", []),
    ],
)
def test_turns_labels(text: str, expected: list[str]) -> None:
    assert labels(text) == expected


def test_turns_label_alone_on_its_line_takes_the_next_paragraph() -> None:
    text = "Q:\nIs it over?\nA:\nYes, it is.\nQ:\nReally?\nA:\nReally.\n"
    assert [[text[s:e] for s, e in t.pieces] for t in turns(text)] == [["Is it over?"], ["Yes, it is."], ["Really?"],
                                                                        ["Really."]]


def test_turns_later_paragraphs_belong_to_the_turn() -> None:
    found = turns(WIKI_STYLE)
    pieces = [[WIKI_STYLE[s:e] for s, e in t.pieces] for t in found]
    assert pieces[1] == ["In May, if the weather holds.", "The steel arrived late."]
    assert pieces[3] == ["The mill was closed."]  # what follows the last label is narration
    assert [t.interviewer for t in found] == [True, False, True, False]


@pytest.mark.parametrize(
    "text,outside",
    [
        ("Q: Is it over?\nA: Yes, it is over now.\nRead more: www.example.com/story\nQ: Really?\nA: Really.\n",
         "example"),
        ("((WN)) Why?\n((Hana Ito)) Money.\nIto has run the firm since 2001.\n((WN)) And?\n((Hana Ito)) Time.\n",
         "since 2001"),
    ],
)
def test_turns_end_at_captions_and_at_narration_about_the_speaker(text: str, outside: str) -> None:
    assert all(outside not in text[s:e] for t in turns(text) for s, e in t.pieces)


def quote_at(result, fragment: str):
    at = result.article.text.index(fragment)
    found = [q for q in result.quotes if any(s <= at < e for s, e in q.spans)]
    assert found, f"no quotation holds {fragment!r}: {[q.text for q in result.quotes]}"
    return min(found, key=lambda q: q.spans[0][1] - q.spans[0][0])


def test_turns_are_quotations_of_their_speaker(extractor) -> None:
    result = extractor.extract(WIKI_STYLE)
    answer = quote_at(result, "In May")
    assert answer.kind == "direct"
    assert answer.speaker is not None and answer.speaker.people == ["Hana Ito"]
    assert answer.spans[1] == (WIKI_STYLE.index("The steel"), WIKI_STYLE.index("late.") + 5)
    question = quote_at(result, "When will it reopen")
    assert question.speaker is not None and question.speaker.text == "WN" and question.speaker.people == []
    assert "Hana Ito" in [p.name for p in result.people]


def test_turns_colon_labels_name_one_person(extractor) -> None:
    result = extractor.extract(COLON_STYLE)
    first, second = quote_at(result, "We will appeal"), quote_at(result, "As soon as")
    assert first.speaker.people == second.speaker.people == ["Rosa Diaz"]
    assert first.cue is not None and first.cue.text == ":"
    assert [p.name for p in result.people] == ["Rosa Diaz"]


@pytest.mark.parametrize(
    "answer",
    ["I think the judge got it wrong, and I said so at the hearing.", "The judge got it wrong, I think."],
)
def test_turns_first_person_inside_a_turn_is_the_turn(extractor, answer: str) -> None:
    text = (
        "((WN))  What do you make of the ruling?\n\n"
        f"((Omar Haddad))  {answer}\n\n"
        "((WN))  Will you appeal?\n\n"
        "((Omar Haddad))  Yes.\n"
    )
    result = extractor.extract(text)
    # the turn says it all: no "I think ..." repeats part of it, and the turn is Haddad's
    assert [q.speaker.text for q in result.quotes if q.speaker is not None and q.speaker.text == "I"] == []
    turn = quote_at(result, answer[:12])
    assert turn.speaker.people == ["Omar Haddad"] and turn.spans[0][1] - turn.spans[0][0] == len(answer)


@pytest.mark.parametrize(
    "question,answer,kept",
    [
        ("Do you think the ruling will stand?", "We know the judge got it wrong.", None),
        ("Did you expect the verdict?", "I expected it, yes.", None),
        # a third person inside a turn is an attribution of its own
        ("What did the mayor say?", "The mayor said the plant would close.", "The mayor"),
    ],
)
def test_turns_own_voices_inside_a_turn_are_the_turn(extractor, question: str, answer: str, kept) -> None:
    text = (
        f"((WN))  {question}\n\n"
        f"((Omar Haddad))  {answer}\n\n"
        "((WN))  Will you appeal?\n\n"
        "((Omar Haddad))  Yes, we will.\n"
    )
    result = extractor.extract(text)
    inner = [q.speaker.text for q in result.quotes if q.speaker is not None and q.cue is not None and q.cue.text != ":"]
    assert inner == ([] if kept is None else [kept])
    assert quote_at(result, question[:10]).speaker.text == "WN"


def test_turns_initials_name_the_person_the_article_introduced(extractor) -> None:
    text = (
        "Biologist Natasha Gownaris studies penguins in Argentina.\n\n"
        "((WN))  How long do pairs stay together?\n\n"
        "((NG))  Often for many years, if both survive the winter.\n\n"
        "((WN))  Why?\n\n"
        "((NG))  They return to the same nest.\n"
    )
    answer = quote_at(extractor.extract(text), "Often for many years")
    assert answer.speaker.text == "NG" and answer.speaker.people == ["Natasha Gownaris"]


def test_turns_leave_other_articles_alone(extractor) -> None:
    text = "Graham: Trump is hurting the party\nThe senator spoke at length on Sunday.\n"
    headline = quote_at(extractor.extract(text), "Trump is hurting")
    assert headline.spans == [(8, 34)]  # the headline's words only, not the next paragraph


def test_turns_no_quotation_reaches_into_a_label(extractor) -> None:
    text = (
        "((WN))  How did your family react?\n\n"
        "((Zara Kay))  “Go home,” my father told me when I left.\n\n"
        "((WN))  And then?\n\n"
        "((Zara Kay))  I went home.\n"
    )
    result = extractor.extract(text)
    labels = [(m.start(), m.end()) for m in __import__("re").finditer(r"\(\([^)]*\)\)", text)]
    assert all(not (s < b and a < e) for q in result.quotes for s, e in q.spans for a, b in labels)


@pytest.mark.parametrize(
    "text,name",
    [
        ("Jean-Yves Le Drian flew to Cairo.\nQ: Was it useful?\nJEAN-YVES LE DRIAN: Very.\nQ: Why?\n"
         "LE DRIAN: We agreed on a plan.\n", "Jean-Yves Le Drian"),
        ("ROSA DIAZ: We will appeal.\n\nQ: When?\n\nDIAZ: Soon.\n\nQ: Thanks.\n\n"
         "Diaz has lived in the town for 30 years. Diaz said the ruling was unfair.\n", "Rosa Diaz"),
    ],
)
def test_turns_labels_and_prose_name_one_person(extractor, text: str, name: str) -> None:
    result = extractor.extract(text)
    assert [p.name for p in result.people] == [name]
    assert all(q.speaker.people == [name] for q in result.quotes if q.speaker and q.speaker.text.lower() != "q"
               and q.speaker.text not in ("We", "I"))


def test_turns_broadcast_transcript_speakers_are_people(extractor) -> None:
    text = (
        "On Sunday, Gov. Mike Pence told the host that the debate would go ahead.\n\n"
        "Partial transcript as follows:\n\n"
        "\"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n"
        "\"PENCE: She will not be attending the debate.\n\n"
        "\"WALLACE: But Governor, why invite her at all?\n\n"
        "\"PENCE: It was meant to mock the other campaign, Wallace.\n\n"
        "\"WALLACE: Governor, thank you.\n"
    )
    result = extractor.extract(text)
    turns = [q for q in result.quotes if q.cue is not None and q.cue.text == ":"]
    assert [q.speaker.text for q in turns] == ["WALLACE", "PENCE", "WALLACE", "PENCE", "WALLACE"]
    assert [q.speaker.people for q in turns] == [["Wallace"], ["Mike Pence"]] * 2 + [["Wallace"]]
    assert turns[1].text == "She will not be attending the debate."


@pytest.mark.parametrize(
    "labels,people",
    [
        (("Jaya", "Jaya"), ["Jaya"]),  # a one-word name labelling several turns is a person
        (("Jaya", "Priya"), []),  # each once: not enough to tell a name from a word
    ],
)
def test_turns_one_word_label_of_several_turns_is_a_person(extractor, labels, people) -> None:
    text = (
        "Wikinews spoke to two workers in Bangalore about their jobs.\n\n"
        f"((WN))  How old are you?\n\n(({labels[0]}))  I am 40, almost 41 now.\n\n"
        f"((WN))  Why this job?\n\n(({labels[1]}))  I had no choice at the time.\n"
    )
    result = extractor.extract(text)
    assert [p.name for p in result.people] == people
    answer = quote_at(result, "I had no choice")
    assert answer.speaker.text == labels[1] and answer.speaker.people == people
