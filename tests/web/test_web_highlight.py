"""Highlighted HTML from character offsets: escaping, nesting, overlaps."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from onrecord.web.annotate import PALETTE_SIZE, annotate
from onrecord.web.highlight import Mark, render


class _Nesting(HTMLParser):
    """Checks that every element closes in order, and collects the text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"</{tag}> closes nothing open"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def well_nested_text(html: str) -> str:
    """The text of ``html``, after checking it is well nested."""
    parser = _Nesting()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return "".join(parser.text)


def test_highlight_no_marks_is_escaped_text() -> None:
    assert render("a < b & \"c\"", []) == "a &lt; b &amp; &#34;c&#34;"


def test_highlight_nested_marks() -> None:
    html = render("say hello now", [Mark(0, 13, tag="mark", classes=("q",)), Mark(4, 9, classes=("cue",))])
    assert html == '<mark class="q">say <span class="cue">hello</span> now</mark>'


def test_highlight_crossing_marks_are_split_and_well_nested() -> None:
    text = "abcdefghij"
    html = str(render(text, [Mark(0, 6, classes=("a",), anchor="first"), Mark(3, 9, classes=("b",), anchor="second")]))
    assert html == ('<span id="first" class="a">abc<span id="second" class="b">def</span></span>'
                    '<span class="b">ghi</span>j')
    assert well_nested_text(html) == text


def test_highlight_equal_ranges_nest_by_rank() -> None:
    html = render("Scott", [Mark(0, 5, classes=("mention",), rank=2), Mark(0, 5, classes=("spk",), rank=1)])
    assert html == '<span class="spk"><span class="mention">Scott</span></span>'


def test_highlight_escapes_attribute_values() -> None:
    html = render("x", [Mark(0, 1, attrs=(("title", '"><script>alert(1)</script>'),), anchor='"a')])
    assert "<script>" not in html
    assert 'title="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"' in html
    assert 'id="&#34;a"' in html


@pytest.mark.parametrize(("start", "end", "expected"), [
    (-5, 2, '<span class="m">ab</span>c'),
    (1, 99, 'a<span class="m">bc</span>'),
    (2, 2, "abc"),
    (3, 1, "abc"),
    (7, 9, "abc"),
])
def test_highlight_ranges_are_clipped_and_empty_ones_dropped(start: int, end: int, expected: str) -> None:
    assert render("abc", [Mark(start, end, classes=("m",))]) == expected


@pytest.mark.parametrize("bad", [
    {"tag": "script"},
    {"attrs": (("onclick", "alert(1)"),)},
    {"attrs": (("href", "javascript:alert(1)"),)},
    {"classes": ('x" onclick="y',)},
])
def test_highlight_refuses_unsafe_tags_attributes_and_classes(bad: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        Mark(0, 1, **bad)  # type: ignore[arg-type]


def test_highlight_many_random_overlaps_stay_well_nested() -> None:
    import random

    rng = random.Random(7)
    text = "<&>\"' " * 20
    for _ in range(50):
        marks = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randint(-3, len(text))
            marks.append(Mark(start, start + rng.randint(0, 40), tag=rng.choice(["mark", "span"]),
                              classes=("m",), anchor=f"a{start}", rank=rng.randint(0, 2)))
        html = str(render(text, marks))
        assert well_nested_text(html) == text
        ids = re.findall(r'id="([^"]+)"', html)
        assert len(ids) == sum(1 for m in marks if max(0, m.start) < min(len(text), m.end))  # once per mark


TEXT = "“We know,” said Scott. “Yes,” said Mescal and Scott, to Variety. Scott left."


def _span(piece: str, start: int = 0) -> list[int]:
    begin = TEXT.index(piece, start)
    return [begin, begin + len(piece)]


QUOTES = [
    {"kind": "direct", "text": "We know,", "spans": [_span("“We know,”")],
     "cue": {"text": "said", "span": _span("said")},
     "speaker": {"text": "Scott", "span": _span("Scott"), "people": ["Andrew Scott"], "organizations": []},
     "addressee": None, "confidence": 0.9},
    {"kind": "direct", "text": "Yes,", "spans": [_span("“Yes,”")], "cue": {"text": "said", "span": _span("said", 20)},
     "speaker": {"text": "Mescal and Scott", "span": _span("Mescal and Scott"),
                 "people": ["Paul Mescal", "Andrew Scott"], "organizations": []},
     "addressee": {"text": "Variety", "span": _span("Variety")}, "confidence": 0.8},
]
PEOPLE = [
    {"name": "Andrew Scott", "roles": ["actor"],
     "mentions": [_span("Scott"), _span("Scott", 40), _span("Scott", 60)]},
    {"name": "Paul Mescal", "roles": [], "mentions": [_span("Mescal")]},
]


def test_annotate_marks_content_cue_speaker_addressee_and_mentions() -> None:
    annotated = annotate(TEXT, QUOTES, PEOPLE, lambda pid: f"/people/{pid}")
    html = str(annotated.html)
    assert well_nested_text(html) == TEXT
    assert html.count("<mark") == 2 and 'id="q-1"' in html and 'id="q-2"' in html
    assert html.count('class="cue"') == 2 and html.count('class="addr"') == 1
    # "Scott" as the first speaker is marked once as speaker, not again as a plain mention.
    assert html.count(">Scott</span>") == 3
    assert 'class="mention"' in html and "Andrew Scott (actor)" in html
    assert [s.label for s in annotated.speakers] == ["Andrew Scott", "Paul Mescal & Andrew Scott"]
    assert [s.colour for s in annotated.speakers] == [0, 1]
    assert [r.addressee for r in annotated.rows] == ["", "Variety"]


def test_annotate_links_stored_people_and_anchors_stored_quotes() -> None:
    stored = [dict(QUOTES[0], id=41, speaker=dict(QUOTES[0]["speaker"], person_ids=[7]))]
    annotated = annotate(TEXT, stored, [], lambda pid: f"/people/{pid}")
    assert 'id="quote-41"' in str(annotated.html)
    assert annotated.speakers[0].who[0].href == "/people/7"
    assert "&#34;href&#34;: &#34;/people/7&#34;" in str(annotated.html)


def test_annotate_shared_cue_is_marked_once_for_both_quotes() -> None:
    text = "Scott joked that “a” and “b”."
    cue = {"text": "joked", "span": [6, 11]}
    speaker = {"text": "Scott", "span": [0, 5], "people": ["Andrew Scott"], "organizations": []}
    quotes = [{"kind": "direct", "text": "a", "spans": [[17, 20]], "cue": cue, "speaker": speaker},
              {"kind": "direct", "text": "b", "spans": [[25, 28]], "cue": cue, "speaker": speaker}]
    html = str(annotate(text, quotes, [], lambda pid: f"/people/{pid}").html)
    assert html.count('class="cue"') == 1
    assert 'data-q="1 2"' in html and "quotations 1, 2" in html


def test_annotate_colours_cycle_through_the_palette() -> None:
    text = " ".join(f"P{i} said “x{i}”." for i in range(PALETTE_SIZE + 2))
    quotes = []
    for i in range(PALETTE_SIZE + 2):
        start = text.index(f"“x{i}”")
        quotes.append({"kind": "direct", "text": f"x{i}", "spans": [[start, start + len(f'“x{i}”')]],
                       "speaker": {"text": f"P{i}", "span": [text.index(f"P{i} "), text.index(f"P{i} ") + 2],
                                   "people": [f"Person {i}"], "organizations": []}})
    annotated = annotate(text, quotes, [], lambda pid: f"/people/{pid}")
    assert [s.colour for s in annotated.speakers] == [*range(PALETTE_SIZE), 0, 1]


def test_annotate_unresolved_and_missing_speakers() -> None:
    quotes = [{"kind": "indirect", "text": "x", "spans": [[0, 1]], "speaker": None},
              {"kind": "direct", "text": "y", "spans": [[2, 3]],
               "speaker": {"text": "a source", "span": [4, 12], "people": [], "organizations": []}}]
    annotated = annotate("x y a source", quotes, [], lambda pid: f"/people/{pid}")
    assert [s.label for s in annotated.speakers] == ["unknown speaker", "“a source” (unresolved)"]
    assert "not resolved to anyone" in str(annotated.html)
