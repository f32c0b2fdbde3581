"""Quotation marks, paired by character: no model needed."""

from __future__ import annotations

import pytest

from onrecord.pipeline.quotemarks import classify, ends_a_sentence, find_quotations, paragraphs


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotations(text)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said “yes” and left.", ["“yes”"]),
        ('He said "yes" and left.', ['"yes"']),
        ("“One,” she said, “two.”", ["“One,”", "“two.”"]),
        ('"One," she said, "two."', ['"One,"', '"two."']),
        ("«Oui», dit-il.", ["«Oui»"]),
        ("''Fine,'' he said.", ["''Fine,''"]),  # typewriter double quotes, as in some wire copy
        ("``Fine,'' he said.", ["``Fine,''"]),
        ("The players' union and the owners' deal.", []),  # possessive apostrophes
        ("No quotation here, only an apostrophe’s mark.", []),
        ("A 6\" pipe and a 12\" one.", []),  # inch marks do not open a quotation
        # curly single marks, British style, in a paragraph with no double ones; apostrophes are no marks
        ("‘We will win,’ she said. ‘It’s certain.’", ["‘We will win,’", "‘It’s certain.’"]),
        ("She called it ‘a disaster’.", ["‘a disaster’"]),
        ("The workers’ union said it’s over.", []),
        ("“He told me ‘never again’ and left,” she said.", ["“He told me ‘never again’ and left,”"]),  # nested
    ],
)
def test_quotemarks_pairs(text, expected):
    assert quoted(text) == expected


def test_quotemarks_opening_and_closing_told_apart():
    text = 'a "b" c'
    assert classify(text, 2) == "open"
    assert classify(text, 4) == "close"
    assert classify(text, 0) is None


def test_quotemarks_multi_paragraph_quotation_continues():
    text = "She said: “First part.\n\n“Second part.”\n\nAfter."
    assert quoted(text) == ["“First part.\n\n“Second part.”"]


def test_quotemarks_unclosed_paragraph_does_not_continue_into_prose():
    text = "She said: “First part.\n\nThen the vote came. “Later,” he said."
    assert quoted(text) == ["“Later,”"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("He said ”stray and “fine” here.", ["“fine”"]),  # a stray closing mark is skipped
        ("He said “stray and “fine” here.", ["“fine”"]),  # a second opening wins over a stray one
        ("Broken “paragraph here.\n\nNext, “Fine,” she said.", ["“Fine,”"]),  # unclosed: its paragraph only
    ],
)
def test_quotemarks_stray_marks_stay_in_their_paragraph(text, expected):
    assert quoted(text) == expected


def test_quotemarks_inner_leaves_out_marks_of_any_width():
    text = "''Fine,'' he said. “Yes.”"
    assert [text[slice(*q.inner)] for q in find_quotations(text)] == ["Fine,", "Yes."]


def test_quotemarks_paragraphs_are_lines():
    text = "One.\n\nTwo.\nThree."
    assert [text[s:e] for s, e in paragraphs(text)] == ["One.", "Two.", "Three."]


@pytest.mark.parametrize(
    "quotation,ends",
    [
        ("“Prices will rise.”", True),
        ("“Will prices rise?”", True),
        ("“People may say[.]”", True),  # an editor's full stop
        ("Prices will rise.", True),  # marks left out
        # negatives: a quotation inside its sentence
        ("“village councils”", False),
        ("“Prices will rise,”", False),
    ],
)
def test_quotemarks_ends_a_sentence(quotation, ends):
    assert ends_a_sentence(quotation) is ends
