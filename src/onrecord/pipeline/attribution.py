"""Putting attributions together: quotations, cues, contents and speakers.

The order of the rules, each one a small function:

1. A cue with a clause is an attribution: indirect, mixed when the clause
   holds quoted words, direct when the clause is a quotation.
2. Every other quotation takes the cue after it in its sentence ("“…,” said
   Scott"), else the cue before it ("Scott agreed, saying, “…”"), else the
   nearest cue of its sentence (partial quotations).
3. A quotation with no cue continues the quotation before it when nothing
   comes between them; else it takes the subject of the sentence before.
4. When the learned tagger ran (:mod:`.learned`), its attributions are
   merged in: one that overlaps an attribution of the rules lends it the
   roles :data:`PREFER` gives the tagger (and a cue and speaker to a
   quotation that had none); one the rules missed is added.
5. In an interview transcript (:mod:`.turns`), each turn is a direct
   quotation of the speaker its label names, its later paragraphs included;
   a quotation without a cue inside a turn is part of the turn, and so is
   what its speaker attributes to "I" there.
6. Speakers are resolved to people in document order (see :mod:`.coref`);
   an "I" speaking inside a quotation or a turn is whoever says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..errors import Errors
from ..records import Addressee, Cue, Quote, Speaker
from .coref import Referent, Resolver
from .headlines import headline_cues
from .cues import (
    CueHit, antecedent, closed_bracket, content_tokens, find_cues, is_passive, left_of_cue, mention_span,
    reporters_participle, speaker_heads, token_runs, trailing_participle,
)
from .learned import Tagged
from .paragraphs import inside, one_paragraph, stripped
from .people import People
from .quotemarks import QuoteMarks, find_quotations, paragraphs
from .tables import (
    ACT_LIKE_SPEECH, CATENATIVE_GAP_DEPS, COORDINATORS, DATELINE_PATTERN, FEELING_PARTICIPLES, FIRST_PERSON_SINGULAR,
    NAMING_VERBS, NEEDS_CONTENT, NOMINAL_SUBJECT_DEPS, NOT_SPEECH_PREPS, REPORTING_WORDS, SCOPES, SPEECH_VERBS,
    STANCE_VERBS, THOUGHT_VERBS, TIME_LABELS, TIME_WORDS, TURN_VOICES, WRITER_VOICES,
)
from .turns import Turn

#: Cue words that report speech, writing or thought whatever their content.
SPEECH_CUE_WORDS = SPEECH_VERBS | THOUGHT_VERBS | REPORTING_WORDS
#: Cue words that report a stance only with a clause or a quotation ("slammed the plan" is an act).
CLAUSE_CUE_WORDS = STANCE_VERBS | NEEDS_CONTENT
#: Confidence of each way of finding a speaker.
CONFIDENCE = {
    "cue": 0.9, "turn": 0.85, "clause": 0.75, "sentence": 0.7, "continues": 0.7, "tagger": 0.6, "context": 0.5, "none": 0.3,
}
#: When the rules and the tagger find the same attribution, whose span each role keeps.
PREFER = {"source": "tagger", "cue": "rules", "content": "rules"}
#: Clauses that modify a noun: a cue in one ("anybody who complains about prices") owns nothing after it.
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: An attribution only the tagger found is added when it has a content and one of these roles
#: (a source: words nobody holds are not worth reporting).
LEARNED_NEEDS_ONE_OF = ("source",)
#: ... and when its content holds a word of one of these parts of speech (a bare "her" is no content), not
#: only words of a date or a time (:data:`.tables.TIME_LABELS`, :data:`.tables.TIME_WORDS`).
LEARNED_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM", "INTJ"})
#: A source the tagger proposes names someone only with a word of one of these parts of speech.
SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON", "NUM", "X"})
#: How a word hangs on the noun of its phrase: a source cut before that noun is extended to it.
NOUN_MODIFIERS = frozenset({"compound", "amod", "det", "poss", "nmod", "nummod"})
#: A source the tagger proposes is dropped when the parse makes it the subject of a passive.
PASSIVE_SUBJECTS = frozenset({"nsubjpass"})
#: How a tagger cue's content hangs on it when the tagger marked none ("accused the board of fraud").
PARSED_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp"})
#: ... else how it hangs on the cue's other words ("expressed concern that ...", "expressed outrage over ...").
CUE_WORD_CONTENT_DEPS = frozenset({"acl", "ccomp", "pobj"})
#: Words that may stand between a cue and the colon that ends its paragraph ("He said in a statement:").
BLOCK_CUE_DEPS = frozenset({"prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod", "poss", "case", "dobj"})
#: A tagger attribution with no source takes the parse's subject of its cue only when the model is this sure.
PARSED_SOURCE_MIN_SCORE = 0.7
#: The score a tagger attribution with no content needs to take the parse's ("told a joke" scores 0.55).
PARSED_CONTENT_MIN_SCORE = 0.6
#: The tagger's own attributions (those the rules missed) need at least this score (see :class:`.learned.Tagged`).
LEARNED_MIN_SCORE = 0.5
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


def checked_scope(scope: str) -> str:
    """``scope`` when it is one of :data:`.tables.SCOPES`.

    :raises ValueError: E015 otherwise.
    """
    if scope not in SCOPES:
        raise ValueError(Errors.E015.format(value=scope, choices=", ".join(SCOPES)))
    return scope


class Attributor:
    """Finds the attributions of a parsed document."""

    def __init__(self, *, thoughts: bool = True, scope: str = "speech") -> None:
        self.thoughts = thoughts
        self.scope = checked_scope(scope)

    def __call__(
        self,
        doc: Doc,
        people: People,
        skip: list[tuple[int, int]],
        tagged: list[Tagged] | None = None,
        turns: list[Turn] | None = None,
        scope: str | None = None,
    ) -> list[Quote]:
        """The document's attributions; ``scope`` overrides the one given at construction for this call."""
        scope = self.scope if scope is None else checked_scope(scope)
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
        drafts = _block_quotes(doc, text, hits, drafts, prose)
        drafts.sort(key=lambda d: d.spans[0])
        drafts = _merge_split(doc, drafts)
        drafts = self._continuations(doc, drafts, people, quoted)
        if tagged:
            inside = [t for t in tagged if not any(a <= _first(t) < b for a, b in skip)]
            drafts = _merge_learned(doc, text, drafts, inside, marks, quoted, everything=scope == "all")
        drafts = _absorb_quotations(text, drafts)
        drafts = _nothing_after_own_quotation(doc, drafts)
        if scope == "speech":  # "Asked whether it was too late, ...", "did not say whether ...": no speech
            drafts = [d for d in drafts if d.hit is None or not _unspoken(doc, d.hit.tokens)]
            drafts = _without_topics(doc, drafts)
        for draft in drafts:
            if draft.kind != "direct":
                draft.spans = _after_dateline(text, draft.spans)
        if turns:
            drafts = _with_turns(doc, drafts, turns)
        resolver = Resolver(doc, people, quoted)
        said: list[tuple[list[tuple[int, int]], Referent]] = []  # quotations and turns, and who says them
        quotes = []
        seen: set[tuple] = set()
        for draft in drafts:
            quote = self._finish(doc, text, draft, resolver, said)
            if draft.how != "turn" and _speaks_own_turn(doc, draft, drafts):
                continue  # "I think ...", "do you think ..." inside a turn: the turn already says it
            key = (tuple(quote.spans), quote.cue.span if quote.cue is not None else None)
            if key in seen:
                continue  # the tagger marked one cue thrice, each time with no content: one quotation
            seen.add(key)
            quotes.append(quote)
            if draft.kind == "direct" and draft.referent is not None and draft.referent.people:
                said.append((draft.spans, draft.referent))
        return _one_cue_per_quotation(quotes)

    def _clauses(self, doc: Doc, hits: list[CueHit], marks: list[QuoteMarks], mark_tokens: list[Span]):
        """Rule 1: cues governing a clause."""
        drafts: list[_Draft] = []
        used: set[int] = set()
        for hit in hits:
            if hit.speaker is None and doc[hit.verb].lemma_.lower() not in SPEECH_VERBS:
                continue  # a belief or a finding with nobody holding it ("saw a referendum ...")
            runs = token_runs(content_tokens(doc, hit))
            if not runs:
                continue
            if any(span.start <= runs[0][0] and runs[0][-1] < span.end for span in mark_tokens):
                runs = runs[:1]  # "“Y,” he said, “Z.”": the second quotation is rule 2's
            first, last = runs[0][0], runs[-1][-1]
            run = [i for r in runs for i in r]
            inside = [n for n, span in enumerate(mark_tokens) if span.start <= first and last < span.end]
            if inside:
                n = inside[0]
                used.add(n)
                drafts.append(_Draft("direct", [(marks[n].start, marks[n].end)], hit, "cue", [marks[n]]))
                continue
            touched = [n for n, span in enumerate(mark_tokens) if any(span.start <= r[-1] and r[0] < span.end for r in runs)]
            pieces = []
            for r in runs:
                start, end = doc[r[0]].idx, doc[r[-1]].idx + len(doc[r[-1]])
                for n in touched:
                    if mark_tokens[n].start <= r[-1] and r[0] < mark_tokens[n].end:
                        start, end = min(start, marks[n].start), max(end, marks[n].end)
                pieces.append((start, end))
            # A quotation inside an attribution nested in this content belongs to that one
            # ("told EW that ..., with Scott joking it was “...”"); the content still covers it.
            nested = _nested_tokens(doc, hit, hits, set(run))
            own = [n for n in touched if mark_tokens[n].start not in nested]
            used.update(own)
            kind = "mixed" if own else "indirect"
            drafts.append(_Draft(kind, pieces, hit, "clause", [marks[n] for n in own]))
        return drafts, used

    def _attach(self, doc: Doc, text: str, mark: QuoteMarks, span: Span, hits: list[CueHit], all_spans: list[Span]):
        """Rule 2: a quotation takes a cue of its sentence."""
        after_end = _frame_end(doc, span, all_spans)
        before_start = _frame_start(doc, span, all_spans)
        verbs = {h.verb for h in hits}
        owns = [
            h for h in hits
            if (h.content_head is None or span.start <= h.content_head < span.end) and not _leading_participle(doc[h.verb], verbs)
        ]
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
        if len(_WORDS.findall(text[mark.start : mark.end])) >= MIN_WORDS_ALONE and _sentence_like(span, text, mark):
            return _Draft("direct", [(mark.start, mark.end)], None, "none", [mark])
        if _ends_its_sentence(doc, span, all_spans) and not _title_like(text[mark.inner[0] : mark.inner[1]]):
            return _Draft("direct", [(mark.start, mark.end)], None, "short", [mark])  # kept only if it continues
        return None  # a scare quote or a title ("“Clean coal” remains a slogan")

    def _continuations(self, doc: Doc, drafts: list[_Draft], people: People, quoted: set[int]) -> list[_Draft]:
        """Rule 3: quotations with no cue continue the one before, or take the subject before.

        A continuation of a direct quotation becomes one more piece of it, as the
        attribution corpora mark it ("“…,” said Scott. “…”" is one attribution).
        """
        kept: list[_Draft] = []
        previous: _Draft | None = None
        for draft in drafts:
            if draft.how in ("none", "short"):
                continues = previous is not None and _nothing_between(doc, previous, draft, quoted)
                if continues and previous.kind == "direct":
                    previous.spans.extend(draft.spans)
                    previous.marks.extend(draft.marks)
                    continue
                if draft.how == "short":
                    continue  # a title or a scare quote: kept only as more of a quotation ("“Neither do I.”")
                if continues:
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

    def _finish(
        self,
        doc: Doc,
        text: str,
        draft: _Draft,
        resolver: Resolver,
        said: list[tuple[list[tuple[int, int]], Referent]] | None = None,
    ) -> Quote:
        """The quote of a draft, its speaker resolved; ``said``: the quotations and turns before it, and their speakers."""
        hit = draft.hit if draft.follows is None else _root(draft).hit
        if draft.follows is not None:
            source = _root(draft)
            draft.speaker, draft.referent = source.speaker, source.referent
        elif hit is not None and hit.speaker is not None:
            draft.speaker = hit.speaker
            draft.referent = _first_person(doc, hit.speaker_heads, said or []) or resolver.resolve(
                [doc[i] for i in hit.speaker_heads]
            )
        elif draft.speaker_heads:
            draft.referent = resolver.resolve([doc[i] for i in draft.speaker_heads])
        speaker = None
        if draft.speaker is not None:
            span = doc[draft.speaker[0] : closed_bracket(doc, *draft.speaker)]
            ref = draft.referent or Referent([], [], [])
            speaker = Speaker(span.text, (span.start_char, span.end_char), ref.people, ref.organizations)
        cue = None
        if hit is not None and hit.tokens:
            last = _with_preposition(doc, hit, draft.spans[0][0]) if draft.spans else max(hit.tokens)
            cue_span = (doc[_catenative_start(doc, hit.tokens)].idx, doc[last].idx + len(doc[last]))
            cue = Cue(text[cue_span[0] : cue_span[1]], cue_span)
        addressee = None
        if hit is not None and hit.addressee is not None:
            a = doc[hit.addressee[0] : hit.addressee[1]]
            addressee = Addressee(a.text, (a.start_char, a.end_char))
        if draft.kind == "direct" and draft.marks:
            quote_text = " … ".join(text[m.inner[0] : m.inner[1]] for m in draft.marks)
        else:
            quote_text = " … ".join(text[s:e] for s, e in draft.spans)
        confidence = CONFIDENCE[draft.how] if speaker is None or speaker.people or speaker.organizations else 0.6
        return Quote(draft.kind, quote_text, draft.spans, cue, speaker, addressee, confidence)


def _absorb_quotations(text: str, drafts: list[_Draft]) -> list[_Draft]:
    """A quotation that another draft of the same cue overlaps or touches becomes part of that draft's
    content ("calling it “a budget for working families”": one mixed quotation, not "it" and a second one).
    Of two cues of one speaker ("Writing in The Guardian, Ellen Park called the film “a quiet triumph”")
    each keeps its own: PolNeAR marks both."""
    dropped: set[int] = set()
    for quotation in drafts:
        if quotation.kind != "direct" or quotation.hit is None or len(quotation.spans) != 1:
            continue
        start, end = quotation.spans[0]
        for draft in drafts:
            if draft is quotation or id(draft) in dropped or draft.hit is not quotation.hit or draft.kind == "direct":
                continue
            # a piece overlapping the quotation, or ending right before it (nothing but spaces and commas between)
            near = [n for n, (s, e) in enumerate(draft.spans) if s <= end and not text[e:start].strip(" ,")]
            if not near:
                continue
            n = near[0]
            s, e = draft.spans[n]
            draft.spans[n] = (min(s, start), max(e, end))
            draft.marks = [*draft.marks, *quotation.marks]
            draft.kind = "mixed"
            dropped.add(id(quotation))
            break
    return [d for d in drafts if id(d) not in dropped]


def _one_cue_per_quotation(quotes: list[Quote]) -> list[Quote]:
    """A quotation two cues claim is said once, by the nearer cue's speaker: "The researchers noted
    implications: Gownaris remarked, “Over the years ...”" is Gownaris's remark."""
    def rank(quote: Quote) -> tuple[int, bool, bool]:
        """The nearer cue first; at one distance, a speaker resolved, then one written."""
        speaker = quote.speaker
        if quote.cue is None:
            distance = 10**9
        else:
            (start, end), (cue_start, cue_end) = (quote.spans[0][0], quote.spans[-1][1]), quote.cue.span
            distance = max(start - cue_end, cue_start - end, 0)
        return distance, not (speaker and (speaker.people or speaker.organizations)), speaker is None

    best: dict[tuple, Quote] = {}
    for quote in quotes:
        if quote.kind == "direct":
            key = tuple(quote.spans)
            if key not in best or rank(quote) < rank(best[key]):
                best[key] = quote
    return [q for q in quotes if q.kind != "direct" or best[tuple(q.spans)] is q]


def _nothing_after_own_quotation(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """A cue whose content is a quotation after it that ends a sentence owns no unquoted words after
    that quotation: 'told the press, "… may say[.]" As of Tuesday there had been reports ...' (the parser
    missed the sentence's end); the words after are the writer's. Not so after a quotation that ends no
    sentence: 'called on "village councils" to instill confidence'."""
    text = doc.text
    ends = {
        id(d.hit): d.spans[-1][1] for d in drafts
        if d.kind == "direct" and d.hit is not None and d.hit.tokens and d.spans[0][0] > doc[min(d.hit.tokens)].idx
        and text[d.spans[-1][0] : d.spans[-1][1]].rstrip(" \"”’'])").endswith((".", "?", "!"))
    }
    return [
        d for d in drafts
        if not (d.kind == "indirect" and d.hit is not None and id(d.hit) in ends and d.spans[0][0] >= ends[id(d.hit)])
    ]


def _after_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A content's pieces, the first one starting after the dateline it opens with ("WASHINGTON — ...")."""
    start, end = spans[0]
    if text[:start].rstrip(" \t")[-1:] not in ("", "\n"):
        return spans  # a dateline opens its paragraph
    found = DATELINE_PATTERN.match(text, start, end)
    if found is None or found.end() >= end:
        return spans
    return [(found.end(), end), *spans[1:]]


def _catenative_start(doc: Doc, tokens: list[int]) -> int:
    """The cue's first token, taking in the verbs it completes ("went on to explain", "could not resist
    pointing out"), as PolNeAR marks cues: a cue verb that is the open complement (``xcomp``) of a verb
    right before it, with only that verb's auxiliaries, particles and adverbs between them."""
    first = min(tokens)
    verb = _cue_verb(doc, set(tokens))
    while verb is not None and verb.dep_ == "xcomp" and verb.head.i < first and verb.head.pos_ in ("VERB", "AUX"):
        head = verb.head
        if not all(doc[i].head.i in (head.i, verb.i) and doc[i].dep_ in CATENATIVE_GAP_DEPS for i in range(head.i + 1, first)):
            break
        first, verb = min([head.i, *left_of_cue(head)]), head
    return first


def _with_preposition(doc: Doc, hit: CueHit, content_start: int) -> int:
    """The cue's last token, taking in a preposition of the cue that the content follows ("called for", "asked about")."""
    last = max(hit.tokens)
    after = last + 1
    if (
        after + 1 < len(doc)
        and doc[after].pos_ == "ADP"
        and doc[after].head.i in hit.tokens
        and doc[after + 1].idx == content_start
    ):
        return after
    return last


def _speaks_own_turn(doc: Doc, draft: _Draft, drafts: list[_Draft]) -> bool:
    """Whether a draft is an "I ..." or "you ..." inside a transcript turn: the turn saying part of itself again."""
    at = _first_person_at(doc, draft.hit.speaker_heads, TURN_VOICES) if draft.hit is not None else None
    return at is not None and any(d.how == "turn" and inside(at, d.spans) for d in drafts)


def _first_person_at(doc: Doc, heads: list[int], forms: frozenset[str] = FIRST_PERSON_SINGULAR) -> int | None:
    """Where a speaker that is "I" (every head one of ``forms``) stands, else None."""
    if not heads or any(doc[i].lower_ not in forms for i in heads):
        return None
    return doc[heads[0]].idx


def _block_quotes(
    doc: Doc, text: str, hits: list[CueHit], drafts: list[_Draft], prose: list[tuple[int, int]]
) -> list[_Draft]:
    """A cue that ends its paragraph with a colon ("The governor added:") introduces the next paragraph.

    A quotation opening that paragraph takes the cue; a paragraph without marks is the words themselves.
    """
    introducing = [n for n, (s, e) in enumerate(prose[:-1]) if text[s:e].rstrip().endswith(":")]
    if not introducing:
        return drafts  # most articles
    taken = {id(d.hit) for d in drafts if d.hit is not None}
    for hit in hits:
        if id(hit) in taken or hit.speaker is None:
            continue
        at = doc[hit.verb].idx
        here = next((n for n in introducing if prose[n][0] <= at < prose[n][1]), None)
        if here is None or not _only_cue_before_colon(doc, hit, text.rindex(":", *prose[here])):
            continue
        start, end = prose[here + 1]
        opening = [d for d in drafts if d.hit is None and start <= d.spans[0][0] < start + 2]
        if opening:
            opening[0].hit, opening[0].how = hit, "cue"
        else:
            drafts.append(_Draft("direct", [stripped(text, start, end)], hit, "cue"))
        taken.add(id(hit))
    return drafts


def _only_cue_before_colon(doc: Doc, hit: CueHit, colon: int) -> bool:
    """Whether only the cue's own words stand between it and the colon ("He said in a statement:")."""
    own = set(hit.tokens) | set(range(*hit.speaker)) if hit.speaker else set(hit.tokens)
    colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    between = doc[hit.verb + 1 : colon_token.start] if colon_token is not None else doc[hit.verb + 1 : hit.verb + 1]
    return all(t.i in own or t.is_punct or t.dep_ in BLOCK_CUE_DEPS for t in between) and not any(
        t.is_sent_start for t in between
    )


def _first_person(
    doc: Doc, heads: list[int], said: list[tuple[list[tuple[int, int]], Referent]]
) -> Referent | None:
    """Who an "I" speaking inside a quotation or a turn is: whoever says that quotation (the innermost)."""
    at = _first_person_at(doc, heads)
    if at is None:
        return None
    holding = [(s[-1][1] - s[0][0], ref) for s, ref in said if inside(at, s)]
    return min(holding, key=lambda h: h[0])[1] if holding else None


def _with_turns(doc: Doc, drafts: list[_Draft], turns: list[Turn]) -> list[_Draft]:
    """Rule 5: each turn of a transcript is a direct quotation of its speaker.

    A "Speaker: words" paragraph the headline rule took already is the turn's first
    piece; it gains the turn's later paragraphs. Quotations with no cue inside a turn
    are part of it.
    """
    labels = [t.label for t in turns]
    kept = [
        d for d in drafts
        if (d.hit is not None or not any(t.holds(d.spans[0][0]) for t in turns))
        and not _overlaps(d.spans, labels)  # "LOPEZ: ..." holds no content
    ]
    by_start = {d.spans[0][0]: d for d in kept if d.how == "cue" and d.hit is not None and d.hit.speaker is not None}
    for turn in turns:
        taken = by_start.get(turn.start)
        speaker = doc[slice(*taken.hit.speaker)] if taken is not None and taken.hit.speaker else None
        if speaker is not None and _within((speaker.start_char, speaker.end_char), [turn.label]):
            taken.kind, taken.how, taken.marks = "direct", "turn", []
            taken.spans.extend(p for p in turn.pieces[1:] if p not in taken.spans)
            continue
        label = doc.char_span(*turn.label, alignment_mode="expand")
        if label is None:
            continue
        after = doc[label.end] if label.end < len(doc) else None
        while after is not None and after.text in (")", "]") and after.i + 1 < len(doc):
            after = doc[after.i + 1]
        cue = [after.i] if after is not None and after.text == ":" else []
        hit = CueHit(tokens=cue, verb=label.root.i, speaker_heads=[label.root.i], speaker=(label.start, label.end))
        kept.append(_Draft("direct", list(turn.pieces), hit, "turn"))
    kept.sort(key=lambda d: (d.spans[0][0], -d.spans[-1][1]))  # a turn before what is nested in it
    return kept


def _leading_participle(verb: Token, cue_verbs: set[int]) -> bool:
    """A participle clause before the cue it hangs on ("Writing in The Guardian, Ellen Park called the film
    “a quiet triumph”"): what is quoted after them is the main cue's."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.i < verb.head.i and verb.head.i in cue_verbs


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def _merge_learned(
    doc: Doc, text: str, drafts: list[_Draft], tagged: list[Tagged], marks: list[QuoteMarks], quoted: set[int],
    *, everything: bool = False,
) -> list[_Draft]:
    """Rule 4: the tagger's attributions, merged into the rules' (see :data:`PREFER`); with ``everything``
    False, only those of its own that report speech or thought are added (see :func:`_reported`)."""
    added: list[_Draft] = []
    for found in _without_stray_contents(doc, tagged, quoted):
        cue = _token_set(doc, found.cue)
        source = _possessor_source(doc, cue, _learned_source(doc, _token_span(doc, found.source), cue, marks))
        same = _same_attribution(doc, drafts, found, cue)
        if same is None:
            found = _without_container_words(doc, drafts, found, cue)
            found = _in_cue_paragraph(text, found)
            if not found.content and cue and source is not None and found.score >= PARSED_CONTENT_MIN_SCORE:
                found = _with_parsed_content(doc, found, cue, source)
            elif found.content and cue and source is not None:
                found = _parsed_if_wider(doc, found, cue, source)
            if source is None and cue and found.content and found.score >= PARSED_SOURCE_MIN_SCORE:
                source = _parsed_source(doc, cue, quoted, _token_set(doc, found.content))
            if _worth_adding(doc, found, cue, source) and (everything or _reported(doc, found, cue, quoted)):
                added.append(_learned_draft(doc, text, found, _learned_hit(doc, cue, source), marks))
            continue
        if same.hit is None and same.follows is None and (cue or source):
            same.hit, same.how = _learned_hit(doc, cue, source), "tagger"
            _widen_content(doc, text, same, found, marks)
            continue
        hit = same.hit
        if hit is None:
            continue
        if PREFER["cue"] == "tagger" and cue & set(hit.tokens):
            hit.tokens = sorted(cue)
        if source and hit.speaker is None:
            hit.speaker, hit.speaker_heads = source, _heads(doc, source)  # a cue the rules found with no subject
        elif (
            PREFER["source"] == "tagger" and source and hit.speaker and source[0] < hit.speaker[1]
            and hit.speaker[0] < source[1] and _holds_head(source, hit)
        ):
            hit.speaker = source
        if PREFER["content"] == "tagger" and found.content and same.kind == "indirect":
            same.spans = list(found.content)
        elif _after_not_before(doc, same, found, drafts):
            after = _learned_draft(doc, text, found, hit, marks)
            same.kind, same.spans, same.marks = after.kind, after.spans, after.marks
        else:
            _widen_content(doc, text, same, found, marks)
    return sorted(drafts + added, key=lambda d: d.spans[0])


def _holds_head(source: tuple[int, int], hit: CueHit) -> bool:
    """Whether a tagger's source may replace the speaker of the rules: it holds that speaker's head (not
    "Bashar al-Assad" for "The United States, which has retreated from ousting Bashar al-Assad, said").
    A head outside the rules' speaker (the antecedent of "who") does not count."""
    assert hit.speaker is not None
    own = [h for h in hit.speaker_heads if hit.speaker[0] <= h < hit.speaker[1]]
    return not own or any(source[0] <= h < source[1] for h in own)


def _without_stray_contents(doc: Doc, tagged: list[Tagged], quoted: set[int]) -> list[Tagged]:
    """The tagger's attributions less those whose content, unquoted, lies in another sentence than its cue's
    when the same cue has a content after it in its own sentence ("Greta Lind has spent a decade on her film.
    The director told CNN that she nearly gave up": the first sentence is narration, not what she told; so is
    "The survey" after "Scientists report skulls evolved 25 times."), and those whose content is the cue's
    subject (the speaker, not what was said)."""
    own: set[tuple] = set()
    for found in tagged:
        if found.cue and found.content and found.content[0][0] >= found.cue[-1][1]:
            cue = doc.char_span(*found.cue[0], alignment_mode="expand")
            content = _token_set(doc, found.content)
            if cue is not None and content and min(content) < cue.sent.end:
                own.add(tuple(found.cue))
    kept = []
    for found in tagged:
        cue_tokens = _token_set(doc, found.cue)
        content = _token_set(doc, found.content)
        verb = _cue_verb(doc, cue_tokens)
        subject = _subject_tokens(verb) if verb is not None else set()
        words = {i for i in content if not doc[i].is_punct}
        if words and subject and words <= subject:
            found, content = replace(found, content=[]), set()  # "scientists report ...": who reports
        if found.cue and content and tuple(found.cue) in own and not content & quoted:
            cue = doc.char_span(*found.cue[0], alignment_mode="expand")
            if cue is not None and (max(content) < cue.sent.start or min(content) >= cue.sent.end):
                continue
        kept.append(found)
    return kept


def _subject_tokens(verb: Token) -> set[int]:
    """The tokens of an active verb's subject(s) (a passive's subject is what was said: "The story was first
    reported by the Post")."""
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}


def _after_not_before(doc: Doc, draft: _Draft, found: Tagged, drafts: list[_Draft]) -> bool:
    """Whether the tagger's content for the rules' cue follows it, where the rules' content (not a
    quotation) is a clause before it that the tagger's does not touch ("It's an unlikely scenario;
    Clinton's team says she'll continue ...": the parse made the first clause the content)."""
    if draft.kind == "direct" or draft.hit is None or not found.content or found.score < LEARNED_MIN_SCORE:
        return False
    cue_start = doc[draft.hit.start].idx
    if found.content[0][0] >= doc[draft.hit.start].sent.end_char and any(
        other is not draft and other.hit is not None and _overlaps(other.spans, found.content) for other in drafts
    ):
        return False  # another cue's, in a later sentence ("according to Kidston. “We've been ...,” he said")
    return draft.spans[0][0] < cue_start < found.content[0][0] and not _overlaps(draft.spans, found.content)


def _widen_content(doc: Doc, text: str, draft: _Draft, found: Tagged, marks: list[QuoteMarks]) -> None:
    """The rules' content becomes the tagger's when the tagger's holds it and reaches further."""
    if found.content and draft.hit is not None and _wider(doc, text, found.content, draft.spans, draft.hit.verb):
        wider = _learned_draft(doc, text, found, draft.hit, marks)
        draft.kind, draft.spans, draft.marks = wider.kind, wider.spans, wider.marks


def _wider(
    doc: Doc, text: str, tagged: list[tuple[int, int]], spans: list[tuple[int, int]], cue: int | None = None
) -> bool:
    """Whether the tagger's content holds all the words of the rules' and more, in their paragraph.

    The rules see only the quoted words of "… made him “smart”" or the last
    sentence of a long quotation, and cut a clause where the parse ends it;
    the tagger reads the whole reported clause.
    """
    words = {i for i in _token_set(doc, tagged) if not doc[i].is_punct}
    ours = {i for i in _token_set(doc, spans) if not doc[i].is_punct}
    if not ours or not ours < words or (min(words) >= min(ours) and max(words) <= max(ours)):
        return False  # the same words, fewer, or only words inside the rules' content
    if any(reporters_participle(doc[i]) or (trailing_participle(doc[i]) and doc[i].head.i == cue) for i in words - ours):
        return False  # "said X, adding Y": Y is the participle's own content
    return one_paragraph(text, doc[min(words)].idx, doc[max(words)].idx)


def _parsed_source(doc: Doc, cue: set[int], quoted: set[int], content: set[int]) -> tuple[int, int] | None:
    """The subject of a tagger cue the tagger gave no source ("..., the report found"), if the parse has one."""
    verb = _cue_verb(doc, cue)
    if verb is None or is_passive(verb):
        return None
    heads = [h for h in speaker_heads(verb, quoted) if h.i not in content and h.i not in cue]
    if not heads:
        return None
    span = mention_span(heads, verb.i)
    return _learned_source(doc, span, cue, []) if not set(range(*span)) & content else None


def _possessor_source(doc: Doc, cue: set[int], source: tuple[int, int] | None) -> tuple[int, int] | None:
    """The owner of a nominal cue ("Tsvangirai's allegations of fraud") is its source when the tagger's is in
    a later sentence (the nearest source it found, "rumors" in the next one)."""
    head = _cue_verb(doc, cue)
    if head is None or head.pos_ != "NOUN":
        return source
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or source is None or source[0] < head.sent.end:
        return source
    return mention_span([owner])


def _cue_verb(doc: Doc, cue: set[int]) -> Token | None:
    """The word of a cue its other words hang on."""
    return next((doc[i] for i in sorted(cue) if doc[i].head.i not in cue or doc[i].head.i == i), None)


def _with_parsed_content(doc: Doc, found: Tagged, cue: set[int], source: tuple[int, int]) -> Tagged:
    """A tagger attribution with a cue and a source but no content takes the cue verb's clause or object,
    else what hangs on the cue's other words after it: a noun's clause ("expressed concern that ...") or
    a preposition's object ("expressed outrage over the test")."""
    verb = _cue_verb(doc, cue)
    if verb is None:
        return found

    def outside(c: Token) -> bool:
        return c.i not in cue and not source[0] <= c.i < source[1]

    heads = [c for c in verb.children if c.dep_ in PARSED_CONTENT_DEPS and c.i > verb.i and outside(c)]
    if not heads:
        heads = [c for i in sorted(cue) if i != verb.i for c in doc[i].children
                 if c.dep_ in CUE_WORD_CONTENT_DEPS and c.i > max(cue) and outside(c)][:1]
    if not heads:
        return found
    hit = CueHit(tokens=sorted(cue), verb=verb.i, speaker=source, content_head=heads[0].i,
                 content_more=[h.i for h in heads[1:]])
    pieces = [(doc[r[0]].idx, doc[r[-1]].idx + len(doc[r[-1]])) for r in token_runs(content_tokens(doc, hit))]
    return Tagged(found.source, found.cue, pieces, found.score)


def _parsed_if_wider(doc: Doc, found: Tagged, cue: set[int], source: tuple[int, int]) -> Tagged:
    """A tagger content becomes the parse's clause or object of its cue when that holds it and more
    (the tagger often stops short of the clause's end)."""
    parsed = _with_parsed_content(doc, replace(found, content=[]), cue, source)
    if parsed.content and _token_set(doc, found.content) < _token_set(doc, parsed.content):
        return parsed
    return found


def _learned_source(
    doc: Doc, source: tuple[int, int] | None, cue: set[int], marks: list[QuoteMarks]
) -> tuple[int, int] | None:
    """The tagger's source as a whole phrase, or None when it cannot be the speaker."""
    if source is None:
        return None
    if not _whole_phrase(doc, source):
        head = _phrase_head(doc, source)
        if head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None  # "on the": no one
        source = mention_span([head], min(cue) if cue else None)
    span = doc[source[0] : source[1]]
    if span.root.dep_ in PASSIVE_SUBJECTS and span.root.head.lower_ not in FEELING_PARTICIPLES:
        return None  # "Greg Hill was told that ...": he heard it, he did not say it ("were frustrated" is felt)
    if not any(t.pos_ in SOURCE_POS for t in span):
        return None  # "The", "of": no one
    if _passive(doc, cue) and span.root.head.dep_ != "agent":
        return None  # "Haigh was asked about ...": whoever is named beside it did not say it
    start = span.start_char
    if any(m.start <= start < m.end and not (cue and m.start <= doc[min(cue)].idx < m.end) for m in marks):
        return None  # a quoted "I" does not speak the cue outside the quotation
    return source


def _phrase_head(doc: Doc, source: tuple[int, int]) -> Token:
    """The head of the phrase a source cut short belongs to: its noun whose head lies outside it, or
    that head when the phrase goes on after the cut ("the Task Force Operation Inherent [Resolve]")."""
    span = doc[source[0] : source[1]]
    outside = [t for t in span if not source[0] <= t.head.i < source[1]]
    head = next((t for t in outside if t.pos_ in ("NOUN", "PROPN", "PRON")), span.root)
    while head.head.i >= source[1] and head.head.pos_ in ("NOUN", "PROPN") and head.dep_ in NOUN_MODIFIERS:
        head = head.head
    return head


def _without_container_words(doc: Doc, drafts: list[_Draft], found: Tagged, cue: set[int]) -> Tagged:
    """An attribution nested in a quotation ("… He just announced that …") keeps no content from the
    quotation's sentences before its cue: those words are the quotation's own."""
    if not cue or not any(d.marks and _inside(doc, min(cue), d.spans) for d in drafts):
        return found
    sentence_start = doc[min(cue)].sent.start_char
    kept = [(max(s, sentence_start), e) for s, e in found.content if e > sentence_start]
    return found if kept == found.content else Tagged(found.source, found.cue, kept, found.score)


def _whole_phrase(doc: Doc, span: tuple[int, int]) -> bool:
    """Whether no word of ``span`` but its root hangs on a word after it ("Robert, on the lower [deck]"),
    and no preposition in it lost its object to the cut ("the Department of [Health]")."""
    words = doc[span[0] : span[1]]
    return all(t.head.i < span[1] or t.i == words.root.i for t in words) and not any(
        c.i >= span[1] and c.dep_ in ("pobj", "pcomp") for t in words for c in t.children
    )


def _in_cue_paragraph(text: str, found: Tagged) -> Tagged:
    """A tagger attribution keeps only the content pieces in its cue's paragraph (or its source's)."""
    anchor = found.cue or found.source
    if not anchor or not found.content:
        return found
    at = anchor[0][0]
    kept = [(s, e) for s, e in found.content if one_paragraph(text, min(at, s), max(at, e))]
    return found if kept == found.content else Tagged(found.source, found.cue, kept, found.score)


def _writer(doc: Doc, source: tuple[int, int]) -> bool:
    """Whether a source is the article's own voice: "we" in its narration ("we're finding out ...")."""
    span = doc[source[0] : source[1]]
    return len(span) == 1 and span[0].lower_ in WRITER_VOICES


def _worth_adding(doc: Doc, found: Tagged, cue: set[int], source: tuple[int, int] | None) -> bool:
    """Whether an attribution only the tagger found is kept (see :data:`LEARNED_NEEDS_ONE_OF` and below it)."""
    has = {"cue": bool(cue), "source": source is not None}
    content = _token_set(doc, found.content)
    return (
        any(has[role] for role in LEARNED_NEEDS_ONE_OF)
        and found.score >= LEARNED_MIN_SCORE
        and not (source is not None and _writer(doc, source))
        and any(_content_word(doc[i]) for i in content)
        and not _bare_object(doc, cue or _verb_of(doc, source), content)  # "called her mother"
    )


def _reported(doc: Doc, found: Tagged, cue: set[int], quoted: set[int]) -> bool:
    """Whether an attribution the tagger found reports speech, writing or thought: a quotation, a cue of
    :data:`SPEECH_CUE_WORDS` (of :data:`.tables.ACT_LIKE_SPEECH` only with a clause: "rejected a proposal" is
    an act), or one of :data:`CLAUSE_CUE_WORDS` with a clause ("slammed the plan" is an act). A cue that
    reports nothing said (:func:`_unspoken`) is left out after the merge, with the rules' ones."""
    content = _token_set(doc, found.content)
    words = [" ".join(doc[i].text for i in run) for run in token_runs(sorted(content & quoted))]
    if any(not _title_like(w.strip("\"“”'‘’ .,;:")) for w in words):
        return True  # a quotation, unless a title ("a tribute entitled “A Tribute for a King”")
    lemmas = {doc[i].lemma_.lower() for i in cue}
    clause = any(doc[i].pos_ in ("VERB", "AUX") for i in content)
    if lemmas & SPEECH_CUE_WORDS:
        return clause or not lemmas & ACT_LIKE_SPEECH
    return bool(lemmas & CLAUSE_CUE_WORDS) and clause


def _without_topics(doc: Doc, drafts: list[_Draft]) -> list[_Draft]:
    """The drafts less those whose content is a topic only (:func:`_topic_only`); a quotation that went on
    from one ("told radio host Charlamagne tha God “if you have a problem ...”") takes its cue instead."""
    dropped = {id(d): d for d in drafts if _topic_only(doc, d)}
    for draft in drafts:
        root = draft.follows
        if root is not None and id(root) in dropped:
            draft.follows, draft.hit, draft.how = None, root.hit, root.how
    return [d for d in drafts if id(d) not in dropped]


def _topic_only(doc: Doc, draft: _Draft) -> bool:
    """Whether an unquoted content is only what the words were about, or an act, with nothing said of it:
    "criticized the move", "spoke about feminism", "claimed responsibility". A clause says something, and
    so does a predicate on the object: "criticized the agency as militaristic", "called the order swift"."""
    if draft.kind != "indirect" or draft.hit is None or doc[draft.hit.verb].pos_ not in ("VERB", "AUX"):
        return False
    return not any(_predicates(doc[i]) for i in _token_set(doc, draft.spans))


def _predicates(token: Token) -> bool:
    """A verb; "as" with an object ("as militaristic"); an adjective after its noun ("the order swift")."""
    return (
        token.pos_ in ("VERB", "AUX")
        or (token.lower_ == "as" and any(c.dep_ == "pobj" for c in token.children))
        or token.dep_ in ("oprd", "acomp")
        or (token.pos_ == "ADJ" and token.dep_ == "amod" and token.i > token.head.i)
    )


def _content_word(token: Token) -> bool:
    """Whether a word can make a content (see :data:`LEARNED_CONTENT_POS` and :data:`TIME_WORDS`)."""
    return token.pos_ in LEARNED_CONTENT_POS and token.ent_type_ not in TIME_LABELS and token.lower_ not in TIME_WORDS


def _unspoken(doc: Doc, cue: set[int] | list[int]) -> bool:
    """Whether a cue reports that nothing was said: "Asked about her plans, ..." (she was asked), "did not
    respond to requests for comment", "did not say whether ...", "had not, as of Monday, announced any
    plans" (the negation outside the cue), "adding to evidence that ..."."""
    return any(
        _asked(doc[i]) or (doc[i].dep_ == "neg" and doc[i].head.lemma_.lower() in SPEECH_CUE_WORDS)
        or (doc[i].lemma_.lower() in SPEECH_CUE_WORDS and _negated(doc[i]))
        or any(c.dep_ == "prep" and c.lower_ in NOT_SPEECH_PREPS.get(doc[i].lemma_.lower(), ())
               for c in doc[i].children)
        for i in cue
    )  # but "could not resist pointing out" did point out


def _negated(verb: Token) -> bool:
    """Whether a verb or one of its auxiliaries has a negation ("had not, as of Monday, announced")."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and any(n.dep_ == "neg" for n in c.children)) for c in verb.children)


def _asked(verb: Token) -> bool:
    """A participle clause with no subject of its own: "Asked about her plans, ...", "Pressed on the issue, ..."."""
    subject = any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not subject


def _passive(doc: Doc, cue: set[int]) -> bool:
    """Whether a cue the tagger marked is passive ("was asked about"), its auxiliary in it or not."""
    return any(is_passive(doc[i]) or (doc[i].dep_ == "auxpass" and is_passive(doc[i].head)) for i in cue)


def _verb_of(doc: Doc, source: tuple[int, int] | None) -> set[int]:
    """The verb a source is the subject of (a stand-in for a cue the tagger did not mark)."""
    if source is None:
        return set()
    root = doc[source[0] : source[1]].root
    return {root.head.i} if root.dep_ in NOMINAL_SUBJECT_DEPS and root.head.pos_ in ("VERB", "AUX") else set()


def _bare_object(doc: Doc, cue: set[int], content: set[int]) -> bool:
    """Whether ``content`` is nothing but the direct object of a naming verb ("called her mother")."""
    verbs = [i for i in cue if doc[i].pos_ in ("VERB", "AUX") and doc[i].lemma_.lower() in NAMING_VERBS]
    if not verbs:
        return False
    objects = [c for c in doc[verbs[0]].children if c.dep_ == "dobj"]
    complements = [c for c in doc[verbs[0]].children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "acomp")]
    return bool(objects) and not complements and content <= {t.i for t in objects[0].subtree}


def _same_attribution(doc: Doc, drafts: list[_Draft], found: Tagged, cue: set[int]) -> _Draft | None:
    """The rules' draft that is the tagger's attribution ``found``: the one with the same cue, else one
    whose content overlaps, unless one of the two is nested in the other's content."""
    if cue:
        for draft in drafts:
            if draft.hit is not None and cue & set(draft.hit.tokens):
                return draft
    for draft in drafts:
        if not _overlaps(draft.spans, found.content):
            continue
        if cue and _inside(doc, min(cue), draft.spans):
            continue  # the tagger's attribution is nested in the draft's content
        if draft.hit is not None and draft.hit.tokens and _inside(doc, draft.hit.start, found.content):
            continue  # the draft is nested in the tagger's content
        return draft
    return None


def _inside(doc: Doc, token: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= doc[token].idx < e for s, e in spans)


def _learned_draft(doc: Doc, text: str, found: Tagged, hit: CueHit, marks: list[QuoteMarks]) -> _Draft:
    """A draft for an attribution only the tagger found: direct when its content is one quotation."""
    words = [w for s, e in found.content for w in _WORDS.findall(text[s:e])]
    inside = _marks_in(marks, found.content)
    quoted = [w for m in inside for w in _WORDS.findall(text[m.inner[0] : m.inner[1]])]
    if inside and quoted == words:
        return _Draft("direct", [(m.start, m.end) for m in inside], hit, "tagger", inside)
    pieces = _without_dangling_conjunction(doc, found.content)
    inside = _marks_in(marks, pieces)
    return _Draft("mixed" if inside else "indirect", pieces, hit, "tagger", inside)


def _without_dangling_conjunction(doc: Doc, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, the last one without a conjunction it ends on ("... a gun in Scott's hand, but")."""
    span = doc.char_span(*pieces[-1], alignment_mode="expand") if pieces else None
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if not words or words[-1].lower_ not in COORDINATORS:
        return pieces
    while words and words[-1].lower_ in COORDINATORS:
        words.pop()
    if not words:
        return pieces
    start, end = pieces[-1]
    return [*pieces[:-1], (start, min(end, words[-1].idx + len(words[-1])))]


def _marks_in(marks: list[QuoteMarks], pieces: list[tuple[int, int]]) -> list[QuoteMarks]:
    return [m for m in marks if any(s <= m.end and m.start <= e for s, e in pieces)]


def _learned_hit(doc: Doc, cue: set[int], source: tuple[int, int] | None) -> CueHit:
    """A cue hit made of the tagger's spans (a cue, a source or both); the speaker's heads are the source's root and its conjuncts."""
    heads = _heads(doc, source) if source is not None else []
    tokens = sorted(cue)
    verb = tokens[0] if tokens or source is None else doc[source[0] : source[1]].root.i
    return CueHit(tokens=tokens, verb=verb, speaker_heads=heads, speaker=source)


def _heads(doc: Doc, source: tuple[int, int]) -> list[int]:
    """The heads of a speaker mention: its root and the root's conjuncts inside it; a relative
    pronoun stands for what it refers to ("Rick Santorum, who mentioned ...")."""
    root = doc[source[0] : source[1]].root
    return [antecedent(root).i] + [c.i for c in root.conjuncts if source[0] <= c.i < source[1]]


def _token_set(doc: Doc, pieces: list[tuple[int, int]]) -> set[int]:
    tokens: set[int] = set()
    for start, end in pieces:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def _token_span(doc: Doc, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    tokens = _token_set(doc, pieces)
    return (min(tokens), max(tokens) + 1) if tokens else None


def _overlaps(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def _first(found: Tagged) -> int:
    return min(s for pieces in (found.content, found.cue, found.source) for s, _ in pieces)


def _nested_tokens(doc: Doc, hit: CueHit, hits: list[CueHit], content: set[int]) -> set[int]:
    """The tokens of ``content`` that belong to another cue inside it: its clause, and what follows it
    (the parser often hangs "…, with Scott joking it was “…”" on the outer clause)."""
    nested: set[int] = set()
    for other in hits:
        if other is not hit and other.verb in content and other.verb != hit.content_head:
            nested.update(t.i for t in doc[other.verb].subtree)
            if doc[other.verb].dep_ not in NOUN_CLAUSE_DEPS:  # "anybody who complains about X" ends with X
                nested.update(i for i in content if i > other.verb)
    return nested


def _ends_its_sentence(doc: Doc, span: Span, others: list[Span]) -> bool:
    """Whether nothing but punctuation follows a quotation up to where its sentence ends."""
    if span.end == 0 or span.end >= len(doc):
        return True
    end = _frame_end(doc, span, others)
    return all(t.is_punct or t.is_space for t in doc[span.end : max(end, span.end)])


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


def _sentence_like(span: Span, text: str, mark: QuoteMarks) -> bool:
    """Whether a quotation may be speech on its own: a verb in it, and not a title ("A Tribute for a King",
    "one country, two systems" are names and slogans)."""
    return any(t.pos_ in ("VERB", "AUX") for t in span) and not _title_like(text[mark.inner[0] : mark.inner[1]])


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
        if source.hit.tokens:
            own.update(_cue_clause(doc[source.hit.verb]))  # "said Caddell, speaking of her health.
    if source.speaker is not None:
        own.update(range(*source.speaker))
    return not any(
        t.pos_ in _CONTENT_POS for t in between if t.i not in quoted and t.i not in own and not t.is_space
    )


def _cue_clause(verb: Token) -> set[int]:
    """A cue verb's own words: its subtree less clauses joined to it with a subject of their own
    ("..., but Ann Moss disagreed")."""
    words = {t.i for t in verb.subtree}
    for child in verb.children:
        if child.dep_ == "conj" and any(g.dep_ in NOMINAL_SUBJECT_DEPS for g in child.children):
            words -= {t.i for t in child.subtree}
    return words


def _subject_before(doc: Doc, offset: int, people: People) -> int | None:
    """The subject of the sentence before ``offset`` if it names a person (or is a personal pronoun)."""
    token = doc.char_span(offset, offset + 1, alignment_mode="expand")
    if token is None or token.start == 0:
        return None
    previous = doc[token.start - 1]
    while previous.i > 0 and previous.is_space:
        previous = doc[previous.i - 1]
    root = previous.sent.root
    subject = next((c for c in root.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None:
        return None
    if people.cluster_of(subject) is not None or subject.lower_ in ("he", "she"):
        return subject.i
    return None


def _root(draft: _Draft) -> _Draft:
    while draft.follows is not None:
        draft = draft.follows
    return draft
