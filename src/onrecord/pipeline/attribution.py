"""Putting attributions together: quotations, cues, contents and speakers.

The order of the rules, each one a small function:

1. A cue with a clause is an attribution: indirect, mixed when the clause
   holds quoted words, direct when the clause is a quotation.
2. Every other quotation takes the cue after it in its sentence ("“…,” said
   Scott"), else the cue before it ("Scott agreed, saying, “…”"), else the
   nearest cue of its sentence (partial quotations).
3. A quotation with no cue continues the quotation before it when nothing
   comes between them; else it takes the subject of the sentence before.
4. Speakers are resolved to people in document order (see :mod:`.coref`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..records import Addressee, Cue, Quote, Speaker
from .coref import Referent, Resolver
from .headlines import headline_cues
from .cues import CueHit, content_tokens, find_cues, mention_span
from .people import People
from .quotemarks import QuoteMarks, find_quotations, paragraphs
from .tables import SPEECH_VERBS

#: Confidence of each way of finding a speaker.
CONFIDENCE = {"cue": 0.9, "clause": 0.75, "sentence": 0.7, "continues": 0.7, "context": 0.5, "none": 0.3}
#: An unattributed quotation shorter than this (in words) is a scare quote or a title, not speech.
MIN_WORDS_ALONE = 4
_WORDS = re.compile(r"[\w’'-]+")
_CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "ADJ", "NUM"})
_SMALL_WORDS = frozenset("a an the of and or in on at to for with from by as is".split())


@dataclass
class _Draft:
    """A quotation being attributed."""

    kind: str
    spans: list[tuple[int, int]]
    hit: CueHit | None
    how: str
    marks: list[QuoteMarks] = field(default_factory=list)
    speaker: tuple[int, int] | None = None
    speaker_heads: list[int] = field(default_factory=list)
    follows: _Draft | None = None  # the quotation it continues
    referent: Referent | None = None


class Attributor:
    """Finds the attributions of a parsed document."""

    def __init__(self, *, thoughts: bool = True) -> None:
        self.thoughts = thoughts

    def __call__(self, doc: Doc, people: People, skip: list[tuple[int, int]]) -> list[Quote]:
        text = doc.text  # built anew on each access: read it once
        prose = [(s, e) for s, e in paragraphs(text) if not any(a <= s < b for a, b in skip)]
        marks = find_quotations(text, prose)
        mark_tokens = [_tokens(doc, m) for m in marks]
        quoted = {i for span in mark_tokens for i in range(span.start, span.end)}
        hits = find_cues(doc, quoted, thoughts=self.thoughts)
        drafts, used = self._clauses(doc, hits, marks, mark_tokens)
        for hit, (start, end) in headline_cues(doc, prose, quoted):
            touched = [n for n, m in enumerate(marks) if n not in used and start <= m.start and m.end <= end]
            only = len(touched) == 1 and (marks[touched[0]].start, marks[touched[0]].end) == (start, end)
            kind = "direct" if only else "mixed" if touched else "indirect"
            drafts.append(_Draft(kind, [(start, end)], hit, "cue", [marks[n] for n in touched]))
            used.update(touched)
        for n, mark in enumerate(marks):
            if n not in used:
                draft = self._attach(doc, text, mark, mark_tokens[n], hits, mark_tokens)
                if draft is not None:
                    drafts.append(draft)
        drafts.sort(key=lambda d: d.spans[0])
        drafts = _merge_split(doc, drafts)
        drafts = self._continuations(doc, drafts, people, quoted)
        resolver = Resolver(doc, people, quoted)
        return [self._finish(doc, text, d, resolver) for d in drafts]

    def _clauses(self, doc: Doc, hits: list[CueHit], marks: list[QuoteMarks], mark_tokens: list[Span]):
        """Rule 1: cues governing a clause."""
        drafts: list[_Draft] = []
        used: set[int] = set()
        starts = [span.start for span in mark_tokens]
        active = [h for h in hits if h.content_head is not None or _quotes_follow(doc, h, starts)]
        for hit in hits:
            if hit.speaker is None and doc[hit.verb].lemma_.lower() not in SPEECH_VERBS:
                continue  # a belief or a finding with nobody holding it ("saw a referendum ...")
            run = content_tokens(doc, hit, active)
            if not run:
                continue
            first, last = run[0], run[-1]
            inside = [n for n, span in enumerate(mark_tokens) if span.start <= first and last < span.end]
            if inside:
                n = inside[0]
                used.add(n)
                drafts.append(_Draft("direct", [(marks[n].start, marks[n].end)], hit, "cue", [marks[n]]))
                continue
            touched = [n for n, span in enumerate(mark_tokens) if span.start <= last and first < span.end]
            start, end = doc[first].idx, doc[last].idx + len(doc[last])
            for n in touched:
                start, end = min(start, marks[n].start), max(end, marks[n].end)
            used.update(touched)
            kind = "mixed" if touched else "indirect"
            drafts.append(_Draft(kind, [(start, end)], hit, "clause", [marks[n] for n in touched]))
        return drafts, used

    def _attach(self, doc: Doc, text: str, mark: QuoteMarks, span: Span, hits: list[CueHit], all_spans: list[Span]):
        """Rule 2: a quotation takes a cue of its sentence."""
        after_end = _frame_end(doc, span, all_spans)
        before_start = _frame_start(doc, span, all_spans)
        owns = [h for h in hits if h.content_head is None or span.start <= h.content_head < span.end]
        after = [h for h in owns if span.end <= h.start < after_end]
        if after:
            return _Draft("direct", [(mark.start, mark.end)], after[0], "cue", [mark])
        before = [h for h in owns if before_start <= h.start < span.start]
        if before:
            return _Draft("direct", [(mark.start, mark.end)], before[-1], "cue", [mark])
        beside = _across_sentence_break(doc, span, owns, all_spans)
        if beside is not None:
            return _Draft("direct", [(mark.start, mark.end)], beside, "cue", [mark])
        sentence = doc[span.start].sent
        if sentence.start < span.start or _frame_end(doc, span, []) > span.end:
            near = [h for h in hits if sentence.start <= h.start < sentence.end and h.speaker is not None]
            if near and not _title_like(text[mark.inner[0] : mark.inner[1]]):
                preceding = [h for h in near if h.start < span.start]
                hit = preceding[-1] if preceding else near[0]
                return _Draft("direct", [(mark.start, mark.end)], hit, "sentence", [mark])
        if len(_WORDS.findall(text[mark.start : mark.end])) < MIN_WORDS_ALONE:
            return None
        return _Draft("direct", [(mark.start, mark.end)], None, "none", [mark])

    def _continuations(self, doc: Doc, drafts: list[_Draft], people: People, quoted: set[int]) -> list[_Draft]:
        """Rule 3: quotations with no cue continue the one before, or take the subject before.

        A continuation of a direct quotation becomes one more piece of it, as the
        attribution corpora mark it ("“…,” said Scott. “…”" is one attribution).
        """
        kept: list[_Draft] = []
        previous: _Draft | None = None
        for draft in drafts:
            if draft.how == "none":
                if previous is not None and _nothing_between(doc, previous, draft, quoted):
                    if previous.kind == "direct":
                        previous.spans.extend(draft.spans)
                        previous.marks.extend(draft.marks)
                        continue
                    draft.follows, draft.how = previous, "continues"
                else:
                    subject = _subject_before(doc, draft.spans[0][0], people)
                    if subject is not None:
                        draft.speaker_heads = [subject]
                        draft.speaker = mention_span([doc[subject]])
                        draft.how = "context"
            if draft.hit is not None or draft.how in ("continues", "context"):
                previous = draft
            kept.append(draft)
        return kept

    def _finish(self, doc: Doc, text: str, draft: _Draft, resolver: Resolver) -> Quote:
        hit = draft.hit if draft.follows is None else _root(draft).hit
        if draft.follows is not None:
            source = _root(draft)
            draft.speaker, draft.referent = source.speaker, source.referent
        elif hit is not None and hit.speaker is not None:
            draft.speaker = hit.speaker
            draft.referent = resolver.resolve([doc[i] for i in hit.speaker_heads])
        elif draft.speaker_heads:
            draft.referent = resolver.resolve([doc[i] for i in draft.speaker_heads])
        speaker = None
        if draft.speaker is not None:
            span = doc[draft.speaker[0] : draft.speaker[1]]
            ref = draft.referent or Referent([], [], [])
            speaker = Speaker(span.text, (span.start_char, span.end_char), ref.people, ref.organizations)
        cue = None
        if hit is not None:
            cue_span = (doc[min(hit.tokens)].idx, doc[max(hit.tokens)].idx + len(doc[max(hit.tokens)]))
            cue = Cue(text[cue_span[0] : cue_span[1]], cue_span)
        addressee = None
        if hit is not None and hit.addressee is not None:
            a = doc[hit.addressee[0] : hit.addressee[1]]
            addressee = Addressee(a.text, (a.start_char, a.end_char))
        if draft.kind == "direct":
            quote_text = " … ".join(text[m.inner[0] : m.inner[1]] for m in draft.marks)
        else:
            quote_text = " … ".join(text[s:e] for s, e in draft.spans)
        confidence = CONFIDENCE[draft.how] if speaker is None or speaker.people or speaker.organizations else 0.6
        return Quote(draft.kind, quote_text, draft.spans, cue, speaker, addressee, confidence)


def _quotes_follow(doc: Doc, hit: CueHit, mark_starts: list[int]) -> bool:
    """Whether a quotation opens after a cue within its sentence (so the cue may own it)."""
    sentence = doc[hit.verb].sent
    return any(hit.verb < start < sentence.end for start in mark_starts)


def _tokens(doc: Doc, mark: QuoteMarks) -> Span:
    span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
    return span if span is not None else doc[0:0]


def _frame_end(doc: Doc, span: Span, others: list[Span]) -> int:
    """Where the text after a quotation stops belonging to it: sentence end, paragraph end or next quotation."""
    end = span.end
    if end >= len(doc):
        return end
    limit = doc[end].sent.end if doc[end].sent.start < end or not doc[end].is_sent_start else end
    limit = max(limit, doc[end - 1].sent.end)
    for i in range(end, limit):
        if "\n" in doc[i].text_with_ws and i > end - 1 and doc[i].is_space:
            return i
        if "\n" in doc[i].text:
            return i
    nexts = [s.start for s in others if s.start >= end]
    return min([limit, *nexts])


#: How many tokens may stand between a quotation and a cue the parser put in another sentence.
NEAR_TOKENS = 4


def _across_sentence_break(doc: Doc, span: Span, owns: list[CueHit], others: list[Span]) -> CueHit | None:
    """ "“…?” Trump said." and "Trump said: “…”" when the parser cut the sentence at the quotation."""
    for hit in owns:
        if hit.content_head is None and 0 <= hit.start - span.end <= NEAR_TOKENS:
            gap = doc[span.end : hit.start]
            if "\n" not in gap.text and not any(span.end <= s.start < hit.start for s in others):
                return hit
    previous = span.start - 1
    while previous >= 0 and doc[previous].is_space and "\n" not in doc[previous].text:
        previous -= 1
    if previous >= 0 and doc[previous].text == ":":
        sentence = doc[previous].sent
        candidates = [h for h in owns if sentence.start <= h.start < previous]
        if candidates:
            return candidates[-1]
    return None


def _frame_start(doc: Doc, span: Span, others: list[Span]) -> int:
    """Where the text before a quotation starts belonging to it."""
    start = doc[span.start].sent.start
    for i in range(span.start - 1, start - 1, -1):
        if "\n" in doc[i].text:
            return i + 1
    prevs = [s.end for s in others if s.end <= span.start]
    return max([start, *prevs])


def _title_like(content: str) -> bool:
    """ "All of Us Strangers", "The Donald": every word capitalised, no sentence in it."""
    words = _WORDS.findall(content)
    if not words or content.rstrip()[-1:] in ".!?,":
        return False
    return all(w[0].isupper() or w.lower() in _SMALL_WORDS or w[0].isdigit() for w in words)


def _merge_split(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """ "“We know,” he said, “everything.”": one quotation in two pieces around its cue."""
    merged: list[_Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == draft.kind == "direct"
            and last.hit is not None
            and last.hit is draft.hit
            and last.spans[-1][1] <= doc[last.hit.start].idx < draft.spans[0][0]
        ):
            last.spans.extend(draft.spans)
            last.marks.extend(draft.marks)
            continue
        merged.append(draft)
    return merged


def _nothing_between(doc: Doc, previous: _Draft, draft: _Draft, quoted: set[int]) -> bool:
    """Whether nothing but the previous quotation's own cue and speaker stands between two quotations."""
    between = doc.char_span(previous.spans[-1][1], draft.spans[0][0], alignment_mode="expand")
    if between is None:
        return True
    own: set[int] = set()
    source = _root(previous)
    if source.hit is not None:
        own.update(source.hit.tokens)
        if source.hit.speaker is not None:
            own.update(range(*source.hit.speaker))
    if source.speaker is not None:
        own.update(range(*source.speaker))
    return not any(
        t.pos_ in _CONTENT_POS for t in between if t.i not in quoted and t.i not in own and not t.is_space
    )


def _subject_before(doc: Doc, offset: int, people: People) -> int | None:
    """The subject of the sentence before ``offset`` if it names a person (or is a personal pronoun)."""
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return None
    previous = doc[token.start - 1]
    while previous.i > 0 and previous.is_space:
        previous = doc[previous.i - 1]
    root = previous.sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    if people.cluster_of(subject) is not None or subject.lower_ in ("he", "she"):
        return subject.i
    return None


def _root(draft: _Draft) -> _Draft:
    while draft.follows is not None:
        draft = draft.follows
    return draft
