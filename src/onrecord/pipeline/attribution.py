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
   merged in (:mod:`.merge`): one that overlaps an attribution of the rules
   lends it the roles :data:`.merge.PREFER` gives the tagger (and a cue and
   speaker to a quotation that had none); one the rules missed is added.
   In the default scope, what reports no speech is left out (:mod:`.scope`).
5. In an interview transcript (:mod:`.turns`), each turn is a direct
   quotation of the speaker its label names, its later paragraphs included;
   a quotation without a cue inside a turn is part of the turn, and so is
   what its speaker attributes to "I" there.
6. Speakers are resolved to people in document order (see :mod:`.coref`);
   an "I" speaking inside a quotation or a turn is whoever says it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..errors import Errors
from ..records import Addressee, Cue, Quote, Speaker
from .coref import PLURAL_TAGS, Referent, Resolver
from .credits import credit_cues
from .headlines import headline_cues
from .cues import (
    CueHit, closed_bracket, content_tokens, find_cues, finite_verb, left_of_cue, mention_span, set_off_participle,
    token_runs,
)
from .drafts import Draft, cue_verb, overlaps, token_set
from .learned import Tagged
from .merge import merge_learned, tagged_start
from .paragraphs import inside, stripped, text_of
from .people import People, title_in_its_phrase, title_of_a_preposition
from .quotemarks import WORDS, QuoteMarks, ends_a_sentence, find_quotations, paragraphs, title_like
from .scope import (
    unspoken, without_evidence, without_impressions, without_intentions, without_set_phrases, without_topics,
)
from .tables import (
    CATENATIVE_GAP_DEPS, CONTINUING_CUES, DATELINE_PATTERN, FIRST_PERSON_SINGULAR, NESTED_PRONOUNS,
    NOMINAL_SUBJECT_DEPS, ORG_NOUNS, PRONOUNS, SCOPES, SPEECH_VERBS, QUESTION_VERBS, TURN_VOICES, UNNAMED_SPEAKERS,
    WRITER_VOICES,
)
from .turns import Turn

#: Confidence of each way of finding a speaker.
CONFIDENCE = {
    "cue": 0.9, "credit": 0.9, "turn": 0.85, "clause": 0.75, "sentence": 0.7, "continues": 0.7, "tagger": 0.6,
    "context": 0.5, "none": 0.3,
}
#: Clauses that modify a noun: a cue in one ("anybody who complains about prices") owns nothing after it.
NOUN_CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: Words that may stand between a cue and the colon that ends its paragraph ("He said in a statement:").
BLOCK_CUE_DEPS = frozenset({"prep", "pobj", "det", "amod", "compound", "npadvmod", "advmod", "poss", "case", "dobj"})
#: How a verb (or the object its infinitive hangs on) hangs on its sentence's main verb and still narrates:
#: "took a moment [to point out]", "and said".
MAIN_CLAUSE_DEPS = frozenset({"xcomp", "conj", "dobj"})
#: An unattributed quotation shorter than this (in words) is a scare quote or a title, not speech.
MIN_WORDS_ALONE = 4
_CONTENT_POS = frozenset({"NOUN", "PROPN", "PRON", "VERB", "ADJ", "NUM"})


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
        text = text_of(doc)
        prose = [(s, e) for s, e in paragraphs(text) if not any(a <= s < b for a, b in skip)]
        marks = find_quotations(text, prose)
        mark_tokens = [_tokens(doc, m) for m in marks]
        quoted = {i for span in mark_tokens for i in range(span.start, span.end)}
        hits = find_cues(doc, quoted, thoughts=self.thoughts)
        drafts, used = self._clauses(doc, hits, marks, mark_tokens)
        for hit, (start, end) in headline_cues(doc, prose, quoted, people):
            touched = [n for n, m in enumerate(marks) if n not in used and start <= m.start and m.end <= end]
            only = len(touched) == 1 and (marks[touched[0]].start, marks[touched[0]].end) == (start, end)
            kind = "direct" if only else "mixed" if touched else "indirect"
            drafts.append(Draft(kind, [(start, end)], hit, "cue", [marks[n] for n in touched]))
            used.update(touched)
        for n, hit in credit_cues(doc, text, marks, people).items():
            if n not in used:  # "“...” ― Sonya Herridge": the name after the dash says it
                drafts.append(Draft("direct", [(marks[n].start, marks[n].end)], hit, "credit", [marks[n]]))
                used.add(n)
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
            inside = [t for t in tagged if not any(a <= tagged_start(t) < b for a, b in skip)]
            drafts = merge_learned(doc, text, drafts, inside, marks, quoted, everything=scope == "all")
            drafts = self._continuations(doc, drafts, people, quoted)  # again, for cues only the tagger found
        drafts = without_set_phrases(doc, _absorb_quotations(text, drafts))
        drafts = _nothing_after_own_quotation(doc, _no_reporting_clause_reported(doc, drafts))
        drafts = _pieces_to_own_cues(doc, drafts)
        if scope == "speech":  # "Asked whether it was too late, ...", "did not say whether ...": no speech
            drafts = [d for d in drafts if d.hit is None or not unspoken(doc, d.hit.tokens)]
            drafts = without_intentions(doc, without_impressions(doc, without_topics(doc, drafts)))
            drafts = without_evidence(doc, drafts)
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
        quotes = _one_cue_per_quotation(quotes)
        genders = {c.name: c.gender for c in people.clusters}
        return _without_own_words_nested(doc, quotes, genders, everyone=scope == "all")

    def _clauses(self, doc: Doc, hits: list[CueHit], marks: list[QuoteMarks], mark_tokens: list[Span]):
        """Rule 1: cues governing a clause."""
        drafts: list[Draft] = []
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
                drafts.append(Draft("direct", [(marks[n].start, marks[n].end)], hit, "cue", [marks[n]]))
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
            drafts.append(Draft(kind, pieces, hit, "clause", [marks[n] for n in own]))
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
        governed_title = title_in_its_phrase(doc, mark)  # "on ''Monday Night Baseball,''": no cue's words
        named = title_of_a_preposition(doc, mark)  # "said on CNN's “State of the Union.”": a show, not words
        title = governed_title or named or title_like(text[mark.inner[0] : mark.inner[1]])
        after = [h for h in owns if span.end <= h.start < after_end and not governed_title]
        if after:
            return Draft("direct", [(mark.start, mark.end)], after[0], "cue", [mark])
        before = [h for h in owns if before_start <= h.start < span.start and not named]
        if before:
            return Draft("direct", [(mark.start, mark.end)], before[-1], "cue", [mark])
        beside = _across_sentence_break(doc, span, owns, all_spans)
        if beside is not None:
            return Draft("direct", [(mark.start, mark.end)], beside, "cue", [mark])
        sentence = doc[span.start].sent
        if sentence.start < span.start or _frame_end(doc, span, []) > span.end:
            near = [h for h in hits if sentence.start <= h.start < sentence.end and h.speaker is not None]
            if near and not title:
                preceding = [h for h in near if h.start < span.start]
                hit = preceding[-1] if preceding else near[0]
                return Draft("direct", [(mark.start, mark.end)], hit, "sentence", [mark])
        if len(WORDS.findall(text[mark.start : mark.end])) >= MIN_WORDS_ALONE and _sentence_like(span, text, mark):
            return Draft("direct", [(mark.start, mark.end)], None, "none", [mark])
        if _ends_its_sentence(doc, span, all_spans) and not title:
            return Draft("direct", [(mark.start, mark.end)], None, "short", [mark])  # kept only if it continues
        return None  # a scare quote or a title ("“Clean coal” remains a slogan")

    def _continuations(self, doc: Doc, drafts: list[Draft], people: People, quoted: set[int]) -> list[Draft]:
        """Rule 3: quotations with no cue continue the one before (or the content a colon ends), or take the
        subject before. It runs again after the tagger's attributions are merged: their cues may be the ones
        before ("“I am in awe ...” tweeted Mayor of London Sadiq Khan (no relation). “The bravery ...”").

        A continuation of a direct quotation becomes one more piece of it, as the
        attribution corpora mark it ("“…,” said Scott. “…”" is one attribution).
        """
        kept: list[Draft] = []
        previous: Draft | None = None
        for draft in drafts:
            if draft.how in ("none", "short"):
                continues = (  # a credit line closes its quotation: the next one is someone else's
                    previous is not None and previous.how != "credit" and previous.spans[-1][1] <= draft.spans[0][0]
                    and _nothing_between(doc, previous, draft, quoted)
                )
                if continues and previous.kind == "direct":
                    previous.take_in(draft)
                    continue
                if draft.how == "short":
                    continue  # a title or a scare quote: kept only as more of a quotation ("“Neither do I.”")
                colon = None if continues else _content_a_colon_ends(text_of(doc), kept, draft.spans[0][0])
                if continues or colon is not None:
                    draft.follows, draft.how = previous if continues else colon, "continues"
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
        draft: Draft,
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
                [doc[i] for i in hit.speaker_heads], asks=doc[hit.verb].lemma_.lower() in QUESTION_VERBS
            )
        elif draft.speaker_heads:
            draft.referent = resolver.resolve([doc[i] for i in draft.speaker_heads])
        if draft.speaker is not None and not (draft.referent and draft.referent.people):
            draft.referent = resolver.name_ending(*draft.speaker) or draft.referent
        if hit is not None and draft.follows is None and not (draft.referent and draft.referent.people):
            draft.referent = _described_speaker_going_on(doc, hit, said or []) or draft.referent
        speaker = None
        if draft.speaker is not None:
            span = doc[draft.speaker[0] : closed_bracket(doc, *draft.speaker)]
            ref = draft.referent or Referent([], [], [])
            ((start, end),) = _after_dateline(text, [(span.start_char, span.end_char)])
            speaker = Speaker(text[start:end], (start, end), ref.people, ref.organizations)
        cue = None
        if hit is not None and hit.tokens:
            last = _with_preposition(doc, hit, draft.spans[0][0]) if draft.spans else max(hit.tokens)
            cue_span = hit.chars or (doc[_catenative_start(doc, hit.tokens)].idx, doc[last].idx + len(doc[last]))
            cue = Cue(text[cue_span[0] : cue_span[1]], cue_span)
            draft.spans = _outside_cue(text, draft.spans, cue_span)
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


def _outside_cue(text: str, spans: list[tuple[int, int]], cue: tuple[int, int]) -> list[tuple[int, int]]:
    """A content's pieces without the cue's words at their start (a tagger content that opened on the
    cue's verb: "specifically [said “the outbreak ...]")."""
    kept = []
    for start, end in spans:
        if cue[0] <= start < cue[1] < end:
            start, end = stripped(text, cue[1], end)
        if start < end:
            kept.append((start, end))
    return kept or spans


def _content_a_colon_ends(text: str, drafts: list[Draft], start: int) -> Draft | None:
    """The attribution whose content a colon ends right before ``start`` ("The Department issued a statement that
    an inmate had been stabbed: “There was an assault ...”"), if one with a speaker does."""
    found = [d for d in drafts if d.hit is not None and d.hit.speaker is not None
             and d.spans[-1][1] <= start and text[d.spans[-1][1] : start].strip() == ":"]
    return found[-1] if found else None


def _absorb_quotations(text: str, drafts: list[Draft]) -> list[Draft]:
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


def _pieces_to_own_cues(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A quotation in pieces gives up a piece that another cue of the piece's own sentence claims alone:
    '“X,” he said. “Y,” he continued' is X said and Y continued, not also X … Y said."""
    alone = {
        d.spans[0]: d for d in drafts if d.kind == "direct" and len(d.spans) == 1 and d.hit is not None and d.hit.tokens
    }
    for draft in drafts:
        if draft.kind != "direct" or len(draft.spans) < 2 or draft.hit is None or not draft.hit.tokens:
            continue
        kept = [
            span for span in draft.spans
            if span not in alone or alone[span] is draft
            or not _in_sentence_of(doc, alone[span], span) or _in_sentence_of(doc, draft, span)
        ]
        if kept and len(kept) < len(draft.spans):
            draft.spans = kept
            draft.marks = [m for m in draft.marks if (m.start, m.end) in kept]
    return drafts


def _in_sentence_of(doc: Doc, draft: Draft, span: tuple[int, int]) -> bool:
    """Whether a draft's cue stands in the sentence where ``span`` opens or the one where it ends."""
    assert draft.hit is not None
    sentence = doc[draft.hit.start].sent
    return sentence.start_char <= span[0] < sentence.end_char or sentence.start_char < span[1] <= sentence.end_char


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


def _without_own_words_nested(
    doc: Doc, quotes: list[Quote], genders: dict[str, str | None], *, everyone: bool = False
) -> list[Quote]:
    """The quotes less what is nested in the content of another by the same people: "Fiorina said she
    doubted voters would care" says it once, not also "voters would care" as Fiorina's doubt, and "Ryan said
    he can understand why ..." not also Ryan's understanding. What the speaker goes on to say ("said ...,
    calling it ...") stays. PolNeAR's annotators mark the outer attribution alone (on dev, keeping the nested
    ones cost 0.3 to 0.5 of exact F1 on each role).

    :param genders: each person's gender by name, for the pronouns no one was found for (:func:`_agrees`).
    :param everyone: also leave out what someone else says or thinks inside another's reported speech ("said
        officials believe ..."), as PolNeAR marks it (scope "all": on dev, +0.5 / +0.4 / +0.4 of exact F1;
        on train, 352 nested attributions PolNeAR does not mark against 77 it does). Otherwise it stays.
    """

    def goes_on(quote: Quote) -> bool:  # "said he was quitting, calling it a painful decision"
        assert quote.cue is not None
        cue = doc.char_span(*quote.cue.span, alignment_mode="expand")
        return cue is not None and any(set_off_participle(t) for t in cue)

    def same_speaker(inner: Speaker, outer: Quote) -> bool:
        assert outer.speaker is not None
        who = (inner.people, inner.organizations)
        if any(who):
            return who == (outer.speaker.people, outer.speaker.organizations)
        # a pronoun no one was found for, inside the outer's indirect speech, that agrees with its speaker: "The
        # president told reporters he would consider it an insult", not "The mayor told reporters they believe
        # ..." (others)
        form = inner.text.lower()
        return (
            outer.kind == "indirect" and form in NESTED_PRONOUNS and _within(inner.span, outer.spans)
            and _agrees(doc, form, outer.speaker, genders)
        )

    def within(inner: Quote, outer: Quote) -> bool:
        if inner is outer or inner.cue is None or outer.speaker is None or inner.speaker is None:
            return False
        if not all(_within(span, outer.spans) for span in [inner.cue.span, *inner.spans]):
            return False  # the cheapest test first: most pairs are apart
        if not same_speaker(inner.speaker, outer) and not (everyone and outer.kind == "indirect"):
            return False
        larger = sum(b - a for a, b in outer.spans) > sum(b - a for a, b in inner.spans)
        return larger and not goes_on(inner)

    return [q for q in quotes if not any(within(q, other) for other in quotes)]


def _no_reporting_clause_reported(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those whose content is only another's cue and speaker, the cue a verb with a tense: the
    parser may hang a reporting clause on the verb it interrupts ("Back in Virginia, Mr. Clarke said, he
    decided ...", "The top 1 percent would see a tax cut, the group said, ..."), which then seems to report
    "Mr. Clarke said". A participle is left alone ("tweeted her reasoning saying, “...”"): its speaker is
    likelier the parser's mistake than the clause."""
    clauses = []
    for d in drafts:
        verb = cue_verb(doc, set(d.hit.tokens)) if d.hit is not None and d.hit.speaker is not None else None
        if verb is not None and finite_verb(verb):
            clauses.append((set(d.hit.tokens), set(d.hit.tokens) | set(range(*d.hit.speaker))))

    def reported_clause(draft: Draft) -> bool:
        words = {i for i in token_set(doc, draft.spans) if not (doc[i].is_punct or doc[i].is_space)}
        own = set(draft.hit.tokens) if draft.hit is not None else set()
        return any(words & cue and words <= clause and cue != own for cue, clause in clauses)

    return [d for d in drafts if not reported_clause(d)]


def _nothing_after_own_quotation(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """A cue whose content is a quotation after it that ends a sentence owns no unquoted words after
    that quotation: 'told the press, "… may say[.]" As of Tuesday there had been reports ...' (the parser
    missed the sentence's end); the words after are the writer's. Not so after a quotation that ends no
    sentence: 'called on "village councils" to instill confidence'."""
    text = text_of(doc)
    ends = {
        id(d.hit): d.spans[-1][1] for d in drafts
        if d.kind == "direct" and d.hit is not None and d.hit.tokens and d.spans[0][0] > doc[min(d.hit.tokens)].idx
        and ends_a_sentence(text[d.spans[-1][0] : d.spans[-1][1]])
    }
    return [
        d for d in drafts
        if not (d.kind == "indirect" and d.hit is not None and id(d.hit) in ends and d.spans[0][0] >= ends[id(d.hit)])
    ]


def _after_dateline(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pieces of a content or a speaker, the first one starting after the dateline it opens with
    ("WASHINGTON — President Obama ...")."""
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
    verb = cue_verb(doc, set(tokens))
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


def _speaks_own_turn(doc: Doc, draft: Draft, drafts: list[Draft]) -> bool:
    """Whether a draft is an "I ..." or "you ..." inside a transcript turn: the turn saying part of itself again."""
    at = _first_person_at(doc, draft.hit.speaker_heads, TURN_VOICES) if draft.hit is not None else None
    return at is not None and any(d.how == "turn" and inside(at, d.spans) for d in drafts)


def _first_person_at(doc: Doc, heads: list[int], forms: frozenset[str] = FIRST_PERSON_SINGULAR) -> int | None:
    """Where a speaker that is "I" (every head one of ``forms``) stands, else None."""
    if not heads or any(doc[i].lower_ not in forms for i in heads):
        return None
    return doc[heads[0]].idx


def _block_quotes(
    doc: Doc, text: str, hits: list[CueHit], drafts: list[Draft], prose: list[tuple[int, int]]
) -> list[Draft]:
    """A cue that ends its paragraph with a colon ("The governor added:") introduces the next paragraph.

    A quotation opening that paragraph takes the cue; a paragraph without marks is the words themselves,
    unless something not read as prose stands between them (an embedded post the cue introduced), or the
    paragraph reports someone else's words ("CNN noted the sparse attendance:" / "Even journalist Byron
    York took a moment to point out ...": narration, the embeds left out).
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
        elif not text[prose[here][1] : start].strip() and not _reports_others(doc, hits, start, end):
            drafts.append(Draft("direct", [stripped(text, start, end)], hit, "cue"))
        taken.add(id(hit))
    return drafts


def _reports_others(doc: Doc, hits: list[CueHit], start: int, end: int) -> bool:
    """Whether a paragraph's first sentence holds a cue of someone's not "I" or "we" (narration, not a block
    quote: "Even journalist Byron York took a moment to point out ...")."""
    paragraph = doc.char_span(start, end, alignment_mode="expand")
    first = next((t for t in paragraph if not t.is_space), None) if paragraph is not None else None
    if first is None:
        return False
    sentence = first.sent
    return any(
        sentence.start <= hit.verb < sentence.end and _in_main_clause(doc[hit.verb])
        and not any(doc[i].lower_ in FIRST_PERSON_SINGULAR | WRITER_VOICES for i in hit.speaker_heads)
        for hit in hits
    )


def _in_main_clause(verb: Token) -> bool:
    """Whether a verb is its sentence's main verb, or hangs on it as "took a moment [to point out]" does (not
    in a relative clause: "the immunity that the President here invokes")."""
    while verb.dep_ != "ROOT":
        subjectless_noun_clause = verb.dep_ in NOUN_CLAUSE_DEPS and not any(
            c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children
        )
        if not (verb.dep_ in MAIN_CLAUSE_DEPS or subjectless_noun_clause) or verb.head.i == verb.i:
            return False  # "took a moment to point out" may be parsed as a noun's clause with no subject
        verb = verb.head
    return True


def _only_cue_before_colon(doc: Doc, hit: CueHit, colon: int) -> bool:
    """Whether only the cue's own words stand between it and the colon ("He said in a statement:")."""
    own = set(hit.tokens) | set(range(*hit.speaker)) if hit.speaker else set(hit.tokens)
    colon_token = doc.char_span(colon, colon + 1, alignment_mode="expand")
    between = doc[hit.verb + 1 : colon_token.start] if colon_token is not None else doc[hit.verb + 1 : hit.verb + 1]
    return all(t.i in own or t.is_punct or t.dep_ in BLOCK_CUE_DEPS for t in between) and not any(
        t.is_sent_start for t in between
    )


def _described_speaker_going_on(
    doc: Doc, hit: CueHit, said: list[tuple[list[tuple[int, int]], Referent]]
) -> Referent | None:
    """Who "the X added" is when no one the article names holds X: whoever spoke the quotation just before,
    in that sentence or the one before (:data:`.tables.CONTINUING_CUES`: "“…,” said study co-author Karen
    Alley. The Wooster professor added, “…”")."""
    verb = doc[hit.verb]
    if verb.lemma_.lower() not in CONTINUING_CUES or len(hit.speaker_heads) != 1 or not said:
        return None
    head = doc[hit.speaker_heads[0]]
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if head.pos_ != "NOUN" or head.tag_ != "NN" or not definite:
        return None
    spans, referent = said[-1]
    if len(referent.people) != 1:
        return None
    last = doc.char_span(spans[-1][0], spans[-1][1], alignment_mode="expand")
    sentence = verb.sent.start
    before = doc[sentence - 1].sent.start if sentence > 0 else sentence
    return referent if last is not None and last[-1].sent.start in (sentence, before) else None


def _first_person(
    doc: Doc, heads: list[int], said: list[tuple[list[tuple[int, int]], Referent]]
) -> Referent | None:
    """Who an "I" speaking inside a quotation or a turn is: whoever says that quotation (the innermost)."""
    at = _first_person_at(doc, heads)
    if at is None:
        return None
    holding = [(s[-1][1] - s[0][0], ref) for s, ref in said if inside(at, s)]
    return min(holding, key=lambda h: h[0])[1] if holding else None


def _with_turns(doc: Doc, drafts: list[Draft], turns: list[Turn]) -> list[Draft]:
    """Rule 5: each turn of a transcript is a direct quotation of its speaker.

    A "Speaker: words" paragraph the headline rule took already is the turn's first
    piece; it gains the turn's later paragraphs. Quotations with no cue inside a turn
    are part of it.
    """
    labels = [t.label for t in turns]
    kept = [
        d for d in drafts
        if (d.hit is not None or not any(t.holds(d.spans[0][0]) for t in turns))
        and not overlaps(d.spans, labels)  # "LOPEZ: ..." holds no content
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
        kept.append(Draft("direct", list(turn.pieces), hit, "turn"))
    kept.sort(key=lambda d: (d.spans[0][0], -d.spans[-1][1]))  # a turn before what is nested in it
    return kept


def _leading_participle(verb: Token, cue_verbs: set[int]) -> bool:
    """A participle clause before the cue it hangs on ("Writing in The Guardian, Ellen Park called the film
    “a quiet triumph”"): what is quoted after them is the main cue's."""
    return verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.i < verb.head.i and verb.head.i in cue_verbs


def _agrees(doc: Doc, pronoun: str, speaker: Speaker, genders: dict[str, str | None]) -> bool:
    """Whether an unresolved pronoun nested in a speaker's words can be that speaker: "he" for one man,
    "she" for one woman (when the article tells), "they" for several or for an organisation ("the campaign
    said they ..."; not "he"); any for one unnamed source ("a spokesman", "a source said they ..."). "I" and
    "we" take the speaker in; "it" is the speaker or a thing the speaker says something of ("said the tweet
    ... it shows ..."): their words either way."""
    gender, number, person = PRONOUNS.get(pronoun, (None, None, 0))
    mention = doc.char_span(*speaker.span, alignment_mode="expand")
    if person != 3 or mention is None:
        return True
    head = mention.root
    if speaker.organizations or head.lemma_.lower() in ORG_NOUNS:
        return number == "pl"
    if head.pos_ == "PRON" and head.lower_ in PRONOUNS:
        own_gender, own_number, _ = PRONOUNS[head.lower_]
        return own_number == number and (None in (gender, own_gender) or own_gender == gender)
    group = len(speaker.people) > 1 or head.tag_ in PLURAL_TAGS or any(c.dep_ == "conj" for c in head.children)
    if head.lemma_.lower() in UNNAMED_SPEAKERS and not group:
        return True
    own = genders.get(speaker.people[0]) if len(speaker.people) == 1 else None
    return number == ("pl" if group else "sg") and (None in (gender, own) or own == gender)


def _within(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a <= span[0] and span[1] <= b for a, b in spans)


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
    return any(t.pos_ in ("VERB", "AUX") for t in span) and not title_like(text[mark.inner[0] : mark.inner[1]])


def _merge_split(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """ "“We know,” he said, “everything.”": one quotation in two pieces around its cue."""
    merged: list[Draft] = []
    for draft in drafts:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.kind == draft.kind == "direct"
            and last.hit is not None
            and last.hit is draft.hit
            and last.spans[-1][1] <= doc[last.hit.start].idx < draft.spans[0][0]
        ):
            last.take_in(draft)
            continue
        merged.append(draft)
    return merged


def _nothing_between(doc: Doc, previous: Draft, draft: Draft, quoted: set[int]) -> bool:
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
    own.update(_bracketed(between))  # "tweeted Mayor of London Sadiq Khan (no relation)."
    return not any(
        t.pos_ in _CONTENT_POS for t in between if t.i not in quoted and t.i not in own and not t.is_space
    )


def _bracketed(span: Span) -> set[int]:
    """The tokens of a span inside round brackets that close within its sentence: an aside."""
    inside: set[int] = set()
    opened: int | None = None
    for token in span:
        if token.text == "(":
            opened = token.i
        elif token.text == ")" and opened is not None:
            inside.update(range(opened, token.i + 1))
            opened = None
        elif opened is not None and (token.is_sent_start or "\n" in token.text):
            opened = None  # "((ru))Russian: ...": no aside
    return inside


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


def _root(draft: Draft) -> Draft:
    while draft.follows is not None:
        draft = draft.follows
    return draft
