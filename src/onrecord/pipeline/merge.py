"""Rule 4: the learned tagger's attributions merged into the rules' (see docs/model.md).

Where both find one attribution, each role keeps the span of the side :data:`PREFER` names; what only
the tagger found is added when it names a speaker and says something (:func:`merge_learned`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..records import Offsets
from .cues import (
    CueHit, addressee_span, antecedent, content_tokens, is_passive, is_time, joined_report,
    mention_span, reporters_own_cue, speaker_heads, token_runs, trailing_participle, writers_gloss,
)
from .drafts import CLAUSE_CUE_WORDS, SPEECH_CUE_WORDS, Draft, cue_verb, overlaps, token_set
from .learned import Tagged
from .paragraphs import one_paragraph
from .quotemarks import WORDS, QuoteMarks, ends_a_sentence, title_like
from .tables import (
    ACT_LIKE_SPEECH, APPEAL_PREPS, COORDINATORS, DANGLING_ENDS, FEELING_PARTICIPLES, HEARER_APART_CUES, HEARER_CUES,
    NAMING_VERBS, NOMINAL_SUBJECT_DEPS, NOT_NAMES, NUMERIC_LABELS, ROLE_NOUNS, TITLES, WRITER_POSSESSIVES,
    WRITER_VOICES,
)

#: When the rules and the tagger find the same attribution, whose span each role keeps.
PREFER = {"source": "tagger", "cue": "rules", "content": "rules"}

#: An attribution only the tagger found is added when it has a content and one of these roles
#: (a source: words nobody holds are not worth reporting).
LEARNED_NEEDS_ONE_OF = ("source",)

#: ... and when its cue, if it has one, holds a word of one of these parts of speech ("On" in the headline
#: "George Lopez On Why ...", "In" in "In a poll released Monday, ...") or an adverb of report (the cue of
#: "was reportedly planning ..."): a cue of only another adverb or a particle ("already", "to") is the
#: tagger's slip.
LEARNED_CUE_POS = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ", "ADP", "PUNCT", "SYM"})
REPORTING_ADVERBS = frozenset({"reportedly", "allegedly", "purportedly", "supposedly", "reputedly"})

#: ... and when its content holds a word of one of these parts of speech (a bare "her" is no content), not
#: only words of a date or a time (:func:`.cues.is_time`).
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

#: A tagger attribution with no source takes the parse's subject of its cue only when the model is this sure.
PARSED_SOURCE_MIN_SCORE = 0.7

#: The score a tagger attribution with no content needs to take the parse's ("told a joke" scores 0.55).
PARSED_CONTENT_MIN_SCORE = 0.6

#: The tagger's own attributions (those the rules missed) need at least this score (see :class:`.learned.Tagged`).
LEARNED_MIN_SCORE = 0.5

def merge_learned(
    doc: Doc, text: str, drafts: list[Draft], tagged: list[Tagged], marks: list[QuoteMarks], quoted: set[int],
    *, everything: bool = False,
) -> list[Draft]:
    """Rule 4: the tagger's attributions, merged into the rules' (see :data:`PREFER`); with ``everything``
    False, only those of its own that report speech or thought are added (see :func:`_reported`)."""
    added: list[Draft] = []
    tagged = _without_stray_contents(doc, _joined_around_inner_sources(text, tagged), quoted)
    taken = _pieces_to_earlier_cues(doc, drafts, tagged)
    for found in tagged:
        cue = token_set(doc, found.cue)
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
                source = _parsed_source(doc, cue, quoted, token_set(doc, found.content))
            if _worth_adding(doc, found, cue, source) and (everything or _reported(doc, found, cue, quoted)):
                added.append(_learned_draft(doc, text, found, _learned_hit(doc, cue, source), marks))
            continue
        if same.hit is None and same.follows is None and (cue or source):
            same.hit, same.how = _learned_hit(doc, cue, source), "tagger"
            _widen_content(doc, text, same, found, marks, drafts)
            continue
        hit = same.hit
        if hit is None:
            continue
        if PREFER["cue"] == "tagger" and cue & set(hit.tokens):
            hit.tokens = sorted(cue)
        if source and hit.speaker is None:
            hit.speaker, hit.speaker_heads = source, _heads(doc, source)  # a cue the rules found with no subject
            if _without_own_speaker(text, same, doc[source[0]].idx):  # a quotation: those continuing it join
                for later in [d for d in drafts if d.follows is same and d.kind == "direct"]:
                    same.take_in(later)
                    drafts.remove(later)
        elif (
            PREFER["source"] == "tagger" and source and hit.speaker and source[0] < hit.speaker[1]
            and hit.speaker[0] < source[1] and _holds_head(doc, source, hit) and not _holds_its_governor(doc, source, hit)
        ):
            hit.speaker = source
        elif source and hit.speaker and _runs_into_content(doc, hit.speaker, source, found):
            hit.speaker, hit.speaker_heads = source, _heads(doc, source)
        if PREFER["content"] == "tagger" and found.content and same.kind == "indirect":
            same.spans = list(found.content)
        elif _after_not_before(doc, same, found, drafts):
            after = _learned_draft(doc, text, found, hit, marks)
            same.kind, same.spans, same.marks = after.kind, after.spans, after.marks
        else:
            _widen_content(doc, text, same, found, marks, drafts)
    for draft, piece, pieces_marks in taken:
        if not any(overlaps([piece], d.spans) for d in drafts + added):  # the earlier cue's was not added
            draft.spans = sorted([*draft.spans, piece])
            draft.marks = sorted([*draft.marks, *pieces_marks], key=lambda m: m.start)
    return sorted(_without_continuations_held(doc, drafts) + added, key=lambda d: d.spans[0])


def _pieces_to_earlier_cues(
    doc: Doc, drafts: list[Draft], tagged: list[Tagged]
) -> list[tuple[Draft, tuple[int, int], list[QuoteMarks]]]:
    """Takes out of a rules' quotation of several pieces a piece before its cue that the content of a tagger
    attribution with an earlier cue holds: in "called on drivers to “not forget ...” It also urged people to
    “comply ...”" and "described the attacks as a “dastardly act” and urged locals to “deny terrorism any
    victory”", the first quotation is the first cue's, not more of the second's (the parse gave it no cue).
    Returns what it took out: each draft, piece and the piece's quotation marks."""
    taken: list[tuple[Draft, tuple[int, int], list[QuoteMarks]]] = []
    for draft in drafts:
        if draft.hit is None or not draft.hit.tokens or draft.hit.speaker is None or len(draft.spans) < 2:
            continue  # a cue with no speaker ("placed emphasis on maintaining “law and order”") keeps its pieces
        own = min(draft.hit.tokens)
        for piece in list(draft.spans):
            words = {i for i in token_set(doc, [piece]) if not doc[i].is_punct}
            quotation = any(piece[0] <= m.start < piece[1] for m in draft.marks)
            if not words or not quotation or max(words) >= own or len(draft.spans) < 2:
                continue  # not "his death, they reported, was ...": a piece of the cue's own clause
            if any(
                found.cue and max(token_set(doc, found.cue)) < min(words) and words <= token_set(doc, found.content)
                for found in tagged
            ):
                draft.spans.remove(piece)
                taken.append((draft, piece, [m for m in draft.marks if piece[0] <= m.start < piece[1]]))
                draft.marks = [m for m in draft.marks if not piece[0] <= m.start < piece[1]]
    return taken


def _without_continuations_held(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less a quotation that goes on from another whose content, widened by the tagger's, now holds
    all its words ("said he was “humbled” by the results and “... I will make it my mission ...”")."""
    def words(draft: Draft) -> set[int]:
        return {i for i in token_set(doc, draft.spans) if not doc[i].is_punct}

    held = {
        id(d) for d in drafts
        if d.follows is not None and words(d) <= words(d.follows) and not any(f.follows is d for f in drafts)
    }
    return [d for d in drafts if id(d) not in held]


def _runs_into_content(doc: Doc, speaker: tuple[int, int], source: tuple[int, int], found: Tagged) -> bool:
    """Whether the rules' speaker runs on past the tagger's into the tagger's content: "According to official
    statements, Trump, now operating from the hospital, is to ..." (the parse set "Trump", the subject of what
    was said, beside "statements")."""
    content = token_set(doc, found.content)
    inside = speaker[0] <= source[0] and source[1] < speaker[1]
    return inside and any(speaker[0] <= i < speaker[1] for i in content) and all(
        i >= source[1] for i in content if speaker[0] <= i < speaker[1]
    )


def _holds_head(doc: Doc, source: tuple[int, int], hit: CueHit) -> bool:
    """Whether a tagger's source may replace the speaker of the rules: it holds that speaker's head (not
    "Bashar al-Assad" for "The United States, which has retreated from ousting Bashar al-Assad, said"), and
    every one of a list of speakers (not "many Democratic lawmakers" for "Labor unions, environmental groups,
    and many Democratic lawmakers"; but "Al Jazeera" for "Al Jazeera, US$3.6 billion from ...", which the
    parser joined). A head outside the rules' speaker (the antecedent of "who") does not count."""
    assert hit.speaker is not None
    own = [h for h in hit.speaker_heads if hit.speaker[0] <= h < hit.speaker[1]]
    held = [h for h in own if source[0] <= h < source[1]]
    if own and not held:
        return False
    left = [doc[h] for h in own if h not in held]
    rest = [t for t in doc[hit.speaker[0] : hit.speaker[1]] if not source[0] <= t.i < source[1]]
    return not left or not all(_speaker_like(t) for t in left) or any(_clause_verb(t) for t in rest)


def _clause_verb(token: Token) -> bool:
    """A verb that is no part of a relative clause ("Smith, who chairs the panel, and Jones")."""
    return token.pos_ in ("VERB", "AUX") and not any(a.dep_ in ("relcl", "acl") for a in (token, *token.ancestors))


def _speaker_like(head: Token) -> bool:
    """A head that may be one of several speakers: a name, a plural ("unions"), a role ("the mayor")."""
    if head.ent_type_ in NUMERIC_LABELS:
        return False
    return head.pos_ == "PROPN" or head.tag_ in ("NNS", "NNPS") or head.lemma_.lower() in ROLE_NOUNS


def _holds_its_governor(doc: Doc, source: tuple[int, int], hit: CueHit) -> bool:
    """Whether a tagger's source runs on into the clause its speaker is part of: "The economy, said Ann Cole,
    [is strong]", where the rules' "Ann Cole" is the subject of "said", and "said" hangs on "is"."""
    heads = [doc[h] for h in hit.speaker_heads if hit.speaker is not None and hit.speaker[0] <= h < hit.speaker[1]]
    return any(
        source[0] <= a.i < source[1] and a.i != hit.verb and a.pos_ in ("VERB", "AUX") for h in heads for a in h.ancestors
    )


def _joined_around_inner_sources(text: str, tagged: list[Tagged]) -> list[Tagged]:
    """The tagger's attributions, those of one cue whose contents only a source of its own cuts apart made one:
    "pointed out that the gap between what [we] expect from Clinton and what [we] expect from Trump is so vast",
    where the tagger marked "we" as a speaker with no cue and no content, and so cut the content in three."""
    orphans = [found for found in tagged if found.source and not found.cue and not found.content]
    inner = {piece for found in orphans for piece in found.source}
    result: list[Tagged] = []
    for found in tagged:
        k = next((k for k in range(len(result) - 1, -1, -1) if result[k].cue), None)  # the last one with a cue
        last = result[k] if k is not None else None
        if (
            last is not None and found.cue and last.cue == found.cue and found.source == last.source
            and len(last.content) == 1 and len(found.content) == 1
            and any(_only_between(text, last.content[0][1], piece, found.content[0][0]) for piece in inner)
        ):
            joined = [(last.content[0][0], found.content[0][1])]
            result[k] = replace(last, content=joined, score=min(last.score, found.score))
            continue
        result.append(found)
    return result


def _only_between(text: str, end: int, piece: Offsets, start: int) -> bool:
    """Whether only white space and ``piece`` lie between ``end`` and ``start``."""
    return end <= piece[0] and piece[1] <= start and not (text[end : piece[0]] + text[piece[1] : start]).strip()


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
            content = token_set(doc, found.content)
            if cue is not None and content and min(content) < cue.sent.end:
                own.add(tuple(found.cue))
    kept = []
    for found in tagged:
        cue_tokens = token_set(doc, found.cue)
        content = token_set(doc, found.content)
        verb = cue_verb(doc, cue_tokens)
        subject = _subject_tokens(verb) if verb is not None else set()
        words = {i for i in content if not doc[i].is_punct}
        if words and subject and words <= subject:
            found, content = replace(found, content=[]), set()  # "scientists report ...": who reports
        if found.cue and content and tuple(found.cue) in own and not content & quoted:
            cue = doc.char_span(*found.cue[0], alignment_mode="expand")
            if cue is not None and (max(content) < cue.sent.start or min(content) >= cue.sent.end):
                continue
        kept.append(_without_hearer_pieces(doc, _without_stray_pieces(doc, found, quoted)))
    return kept


def _without_hearer_pieces(doc: Doc, found: Tagged) -> Tagged:
    """A content less whom its cue's words went to (:func:`_learned_addressee`): a later piece that is only the
    hearer ("39 are confirmed dead, officials told state media, adding ...": "state media" heard it), and the
    hearer opening a piece when the cue keeps its hearer apart (:data:`.tables.HEARER_APART_CUES`: "told the
    court “Basic investigations weren't done”"). A piece that goes on past the hearer of another verb keeps it:
    "urged voters to stay home"."""
    hearer = _learned_addressee(doc, token_set(doc, found.cue))
    if hearer is None or not found.content:
        return found
    pieces = [piece for piece in found.content if not _only_within(doc, piece, hearer)] or found.content
    head = cue_verb(doc, token_set(doc, found.cue))
    if head is not None and head.lemma_.lower() in HEARER_APART_CUES and hearer[1] < len(doc):
        pieces = [_after_hearer(doc, piece, hearer) for piece in pieces]
    return found if pieces == found.content else replace(found, content=pieces)


def _after_hearer(doc: Doc, piece: Offsets, hearer: tuple[int, int]) -> Offsets:
    """A piece of content that opens with the hearer, from the word after it (an opening quotation mark included,
    not a comma); not where a verb follows it, which the hearer is then the subject of ("told the officers were
    late", as the parse may have it)."""
    words = sorted(i for i in token_set(doc, [piece]) if not doc[i].is_punct)
    if not words or words[0] != hearer[0] or words[-1] < hearer[1]:
        return piece
    if doc[hearer[1]].pos_ in ("AUX", "VERB"):
        return piece
    start = hearer[1]
    while start < len(doc) - 1 and (doc[start].is_punct and not doc[start].is_quote or doc[start].is_space):
        start += 1  # "told reporters, “The plant will close.”": no comma opens what was said
    return (doc[start].idx, piece[1]) if doc[start].idx < piece[1] else piece


def _without_stray_pieces(doc: Doc, found: Tagged, quoted: set[int]) -> Tagged:
    """A content less its later pieces that open, unquoted, a sentence after its cue's: "Clinton beats Trump by
    46 percent to 42 percent, according to the poll. Twelve percent ..." is not "... 42 percent … percent"
    (but "“X,” he said. “Y”" is one quotation in two pieces)."""
    cue = doc.char_span(*found.cue[0], alignment_mode="expand") if found.cue else None
    if cue is None or len(found.content) < 2:
        return found
    firsts = [min(token_set(doc, [piece]), default=None) for piece in found.content]
    pieces = [found.content[0]] + [
        piece for piece, first in zip(found.content[1:], firsts[1:])
        if first is None or first < cue.sent.end or first in quoted
    ]
    return found if len(pieces) == len(found.content) else replace(found, content=pieces)


def _only_within(doc: Doc, piece: Offsets, span: tuple[int, int]) -> bool:
    """Whether the words of a piece of text all lie in a token span (and it has any)."""
    words = [i for i in token_set(doc, [piece]) if not doc[i].is_punct]
    return bool(words) and all(span[0] <= i < span[1] for i in words)


def _subject_tokens(verb: Token) -> set[int]:
    """The tokens of an active verb's subject(s) (a passive's subject is what was said: "The story was first
    reported by the Post")."""
    return {t.i for c in verb.children if c.dep_ == "nsubj" for t in c.subtree}


def _without_own_speaker(text: str, draft: Draft, speaker_start: int) -> bool:
    """A content that holds its own speaker (starting at character ``speaker_start``) ends before it: the
    parse ran "“X,” Flynn, a surrogate, said" into one clause. Whether what stays is one quotation alone."""
    if not any(s < speaker_start < e for s, e in draft.spans):
        return False
    spans = [(s, min(e, speaker_start)) for s, e in draft.spans if s < speaker_start]
    start, end = spans[-1]
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1  # "“X,” [Flynn ...]": the comma before the speaker is no part of the content
    spans = spans[:-1] + [(start, end)] if end > start else spans[:-1]
    if not spans:
        return False
    marks = [m for m in draft.marks if m.end <= speaker_start]
    draft.spans, draft.marks = spans, marks
    if len(marks) == 1 and spans == [(marks[0].start, marks[0].end)]:
        draft.kind = "direct"
        return True
    return False


def _after_not_before(doc: Doc, draft: Draft, found: Tagged, drafts: list[Draft]) -> bool:
    """Whether the tagger's content for the rules' cue follows it, where the rules' content (not a
    quotation) is a clause before it that the tagger's does not touch ("It's an unlikely scenario;
    Clinton's team says she'll continue ...": the parse made the first clause the content)."""
    if draft.kind == "direct" or draft.hit is None or not found.content or found.score < LEARNED_MIN_SCORE:
        return False
    cue_start = doc[draft.hit.start].idx
    if found.content[0][0] >= doc[draft.hit.start].sent.end_char and any(
        other is not draft and other.hit is not None and overlaps(other.spans, found.content) for other in drafts
    ):
        return False  # another cue's, in a later sentence ("according to Kidston. “We've been ...,” he said")
    return draft.spans[0][0] < cue_start < found.content[0][0] and not overlaps(draft.spans, found.content)


def _widen_content(
    doc: Doc, text: str, draft: Draft, found: Tagged, marks: list[QuoteMarks], drafts: list[Draft]
) -> None:
    """The rules' content becomes the tagger's when the tagger's holds it and reaches further, but not over
    someone else's quotation with its cue after it ("“X,” she said. “Y,” Bill Clinton said": Y is not
    hers)."""
    if found.content and draft.hit is not None and _wider(
        doc, text, found.content, draft.spans, draft.hit.verb, marks
    ):
        wider = _learned_draft(doc, text, found, draft.hit, marks)
        cue = set(draft.hit.tokens)
        owned = [
            d.spans for d in drafts
            if d is not draft and d.kind == "direct" and d.hit is not None and not set(d.hit.tokens) & cue
            and d.hit.tokens and doc[min(d.hit.tokens)].idx >= d.spans[-1][1]  # "“Y,” Bill Clinton said": cue after
            and _speaker_words(doc, d.hit) != _speaker_words(doc, draft.hit)
        ]
        if any(overlaps(wider.spans, spans) for spans in owned):
            return
        draft.kind, draft.spans, draft.marks = wider.kind, wider.spans, wider.marks


def _speaker_words(doc: Doc, hit: CueHit) -> str | None:
    return None if hit.speaker is None else doc[hit.speaker[0] : hit.speaker[1]].text.lower()


def _wider(
    doc: Doc, text: str, tagged: list[tuple[int, int]], spans: list[tuple[int, int]], cue: int | None = None,
    marks: Sequence[QuoteMarks] = (),
) -> bool:
    """Whether the tagger's content holds all the words of the rules' and more, in their paragraph.

    The rules see only the quoted words of "… made him “smart”" or the last
    sentence of a long quotation, and cut a clause where the parse ends it;
    the tagger reads the whole reported clause.
    """
    words = {i for i in token_set(doc, tagged) if not doc[i].is_punct}
    ours = {i for i in token_set(doc, spans) if not doc[i].is_punct}
    if not ours or not ours < words or (min(words) >= min(ours) and max(words) <= max(ours)):
        return False  # the same words, fewer, or only words inside the rules' content
    if min(words) < min(ours) and doc[min(words)].ent_iob_ == "I" and doc[min(words) - 1].pos_ != "DET":
        return False  # "Mick [Jagger of The Rolling Stones reacted, “...”]": no content starts inside a name
    if any(
        reporters_own_cue(doc[i]) or writers_gloss(doc[i]) or (trailing_participle(doc[i]) and doc[i].head.i == cue)
        for i in words - ours
    ):
        return False  # "said X, adding Y": Y is the participle's own content; "..., referring to": the writer's
    if cue is not None and any(_under_joined_report(doc[i], cue) for i in words - ours):
        return False  # "said X, and when asked about Y, she said Z": the words of another report
    if max(words) > max(ours) and any(c.i > max(words) and not c.is_punct for c in doc[max(words)].children):
        return False  # "... the levees, which have about five feet of": the tagger stopped inside a phrase
    if max(words) > max(ours) and _ends_in_a_closed_sentence(text, spans, marks):
        return False  # "“... may say.” As of Tuesday ...": the narration after a quoted sentence's end
    return one_paragraph(text, doc[min(words)].idx, doc[max(words)].idx)


def _ends_in_a_closed_sentence(text: str, spans: list[tuple[int, int]], marks: Sequence[QuoteMarks]) -> bool:
    """Whether a content ends with a quotation whose words end a sentence ("“... may say.”")."""
    return any(m.end == spans[-1][1] and ends_a_sentence(text[m.start : m.end]) for m in marks)


def _under_joined_report(token: Token, cue: int) -> bool:
    """Whether a word lies in a report joined to the cue's (:func:`.cues.joined_report`), below the cue."""
    for t in (token, *token.ancestors):
        if t.i == cue:
            return False
        if joined_report(t):
            return True
    return False


def _parsed_source(doc: Doc, cue: set[int], quoted: set[int], content: set[int]) -> tuple[int, int] | None:
    """The subject of a tagger cue the tagger gave no source ("..., the report found"), if the parse has one."""
    verb = cue_verb(doc, cue)
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
    head = cue_verb(doc, cue)
    if head is None or head.pos_ != "NOUN":
        return source
    owner = next((c for c in head.children if c.dep_ == "poss"), None)
    if owner is None or source is None or source[0] < head.sent.end:
        return source
    return mention_span([owner])


def _with_parsed_content(doc: Doc, found: Tagged, cue: set[int], source: tuple[int, int]) -> Tagged:
    """A tagger attribution with a cue and a source but no content takes the cue verb's clause or object,
    else what hangs on the cue's other words after it: a noun's clause ("expressed concern that ...") or
    a preposition's object ("expressed outrage over the test")."""
    verb = cue_verb(doc, cue)
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
    (the tagger often stops short of the clause's end), but not with whom the words went to before the clause
    ("told Anadolu Agency, a local news outlet, that ...", where the parser hung the clause on the hearer)."""
    parsed = _with_parsed_content(doc, replace(found, content=[]), cue, source)
    if not parsed.content or not token_set(doc, found.content) < token_set(doc, parsed.content):
        return found
    hearer = _learned_addressee(doc, cue)
    if hearer is not None and set(range(*hearer)) & token_set(doc, parsed.content) and _clause_after(doc, hearer[1]):
        return found  # but "urged supporters to monitor polling places" is all content, as PolNeAR marks it
    return parsed


def _clause_after(doc: Doc, i: int) -> bool:
    """Whether "that" opens a clause at word ``i``, past a comma ("told Anadolu Agency, ..., [that] ...")."""
    while i < len(doc) and doc[i].is_punct:
        i += 1
    return i < len(doc) and doc[i].lower_ == "that"


def _learned_source(
    doc: Doc, source: tuple[int, int] | None, cue: set[int], marks: list[QuoteMarks]
) -> tuple[int, int] | None:
    """The tagger's source as a whole phrase, or None when it cannot be the speaker."""
    if source is None:
        return None
    if not _whole_phrase(doc, source) or _cut_from_its_name(doc, source, cue):
        head = _phrase_head(doc, source, cue)
        if head.pos_ not in ("NOUN", "PROPN", "PRON"):
            return None  # "on the": no one
        source = mention_span([head], min(cue) if cue else None)
    span = doc[source[0] : source[1]]
    if span.root.dep_ in PASSIVE_SUBJECTS and span.root.head.lower_ not in FEELING_PARTICIPLES:
        return None  # "Greg Hill was told that ...": he heard it, he did not say it ("were frustrated" is felt)
    if not any(t.pos_ in SOURCE_POS and t.lower_ not in NOT_NAMES for t in span):
        return None  # "The", "of", "Amongst" (the parser's name): no one
    if _passive(doc, cue) and span.root.head.dep_ != "agent":
        return None  # "Haigh was asked about ...": whoever is named beside it did not say it
    start = span.start_char
    if any(m.start <= start < m.end and not (cue and m.start <= doc[min(cue)].idx < m.end) for m in marks):
        return None  # a quoted "I" does not speak the cue outside the quotation
    return source


def _phrase_head(doc: Doc, source: tuple[int, int], cue: set[int]) -> Token:
    """The head of the phrase a source cut short belongs to: its noun whose head lies outside it, or
    that head when the phrase goes on after the cut ("the Task Force Operation Inherent [Resolve]"), up to
    the cue ("Trump['s] claim")."""
    span = doc[source[0] : source[1]]
    outside = [t for t in span if not source[0] <= t.head.i < source[1]]
    head = next((t for t in outside if t.pos_ in ("NOUN", "PROPN", "PRON")), span.root)
    while _modifies_a_noun_after(head, source[1], cue):
        head = head.head
    return head


def _modifies_a_noun_after(token: Token, end: int, cue: set[int]) -> bool:
    """Whether ``token`` modifies a noun at or after ``end`` that is no word of the cue."""
    head = token.head
    return head.i >= end and head.i not in cue and head.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_MODIFIERS


def _cut_from_its_name(doc: Doc, source: tuple[int, int], cue: set[int]) -> bool:
    """A source that is a title cut from the name after it ("[General] Soleimani"), or the first part of a
    person's name the NER runs on past it ("[Mick] Jagger of The Rolling Stones")."""
    root = doc[source[0] : source[1]].root
    if root.lower_.rstrip(".") in TITLES and root.head.pos_ == "PROPN":
        return _modifies_a_noun_after(root, source[1], cue)
    return source[1] < len(doc) and doc[source[1]].ent_iob_ == "I" and doc[source[1]].ent_type_ == "PERSON"


def _without_container_words(doc: Doc, drafts: list[Draft], found: Tagged, cue: set[int]) -> Tagged:
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
    """Whether a source is the article's own voice: "we" in its narration ("we're finding out ..."), "my" in
    "in my view" (as the rules have it: :func:`.cues._view_at`)."""
    span = doc[source[0] : source[1]]
    return len(span) == 1 and span[0].lower_ in WRITER_VOICES | WRITER_POSSESSIVES


def _worth_adding(doc: Doc, found: Tagged, cue: set[int], source: tuple[int, int] | None) -> bool:
    """Whether an attribution only the tagger found is kept (see :data:`LEARNED_NEEDS_ONE_OF` and below it)."""
    has = {"cue": bool(cue), "source": source is not None}
    content = token_set(doc, found.content)
    return (
        any(has[role] for role in LEARNED_NEEDS_ONE_OF)
        and (not cue or any(doc[i].pos_ in LEARNED_CUE_POS or doc[i].lower_ in REPORTING_ADVERBS for i in cue))
        and found.score >= LEARNED_MIN_SCORE
        and not (source is not None and _writer(doc, source))
        and any(_content_word(doc[i]) for i in content)
        and not _bare_object(doc, cue or _verb_of(doc, source), content)  # "called her mother"
    )


def _reported(doc: Doc, found: Tagged, cue: set[int], quoted: set[int]) -> bool:
    """Whether an attribution the tagger found reports speech, writing or thought: a quotation, a cue of
    :data:`SPEECH_CUE_WORDS` (of :data:`.tables.ACT_LIKE_SPEECH` only with a clause: "rejected a proposal" is
    an act), or one of :data:`CLAUSE_CUE_WORDS` with a clause ("slammed the plan" is an act). A cue that
    reports nothing said (:func:`unspoken`) is left out after the merge, with the rules' ones."""
    content = token_set(doc, found.content)
    words = [" ".join(doc[i].text for i in run) for run in token_runs(sorted(content & quoted))]
    if any(not title_like(w.strip("\"“”'‘’ .,;:")) for w in words):
        return True  # a quotation, unless a title ("a tribute entitled “A Tribute for a King”")
    lemmas = {doc[i].lemma_.lower() for i in cue}
    clause = any(doc[i].pos_ in ("VERB", "AUX") for i in content)
    if lemmas & SPEECH_CUE_WORDS:
        return clause or not lemmas & ACT_LIKE_SPEECH
    return bool(lemmas & CLAUSE_CUE_WORDS) and clause


def _content_word(token: Token) -> bool:
    """Whether a word can make a content (see :data:`LEARNED_CONTENT_POS` and :func:`.cues.is_time`)."""
    return token.pos_ in LEARNED_CONTENT_POS and not is_time(token)


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


def _same_attribution(doc: Doc, drafts: list[Draft], found: Tagged, cue: set[int]) -> Draft | None:
    """The rules' draft that is the tagger's attribution ``found``: the one with the same cue, else one
    whose content overlaps, unless one of the two is nested in the other's content."""
    if cue:
        for draft in drafts:
            if draft.hit is not None and cue & set(draft.hit.tokens):
                return draft
    for draft in drafts:
        if not overlaps(draft.spans, found.content):
            continue
        if cue and _inside(doc, min(cue), draft.spans):
            continue  # the tagger's attribution is nested in the draft's content
        if draft.hit is not None and draft.hit.tokens and _inside(doc, draft.hit.start, found.content):
            continue  # the draft is nested in the tagger's content
        return draft
    return None


def _inside(doc: Doc, token: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= doc[token].idx < e for s, e in spans)


def _learned_draft(doc: Doc, text: str, found: Tagged, hit: CueHit, marks: list[QuoteMarks]) -> Draft:
    """A draft for an attribution only the tagger found: direct when its content is one quotation."""
    words = [w for s, e in found.content for w in WORDS.findall(text[s:e])]
    inside = _marks_in(marks, found.content)
    quoted = [w for m in inside for w in WORDS.findall(text[m.inner[0] : m.inner[1]])]
    if inside and quoted == words:
        return Draft("direct", [(m.start, m.end) for m in inside], hit, "tagger", inside)
    pieces = _to_the_end_of_its_name(doc, _without_dangling_word(doc, found.content))
    inside = _marks_in(marks, pieces)
    return Draft("mixed" if inside else "indirect", pieces, hit, "tagger", inside)


def _without_dangling_word(doc: Doc, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, the last one without a conjunction or a determiner it ends on ("... a gun in Scott's hand,
    but", "agreed to release millions in cash so", "a process to identify a successor, not that")."""
    span = doc.char_span(*pieces[-1], alignment_mode="expand") if pieces else None
    words = [t for t in span if not (t.is_punct or t.is_space)] if span is not None else []
    if not words or not _dangles(words[-1]):
        return pieces
    while words and _dangles(words[-1]):
        words.pop()
    if not words:
        return pieces
    start, end = pieces[-1]
    return [*pieces[:-1], (start, min(end, words[-1].idx + len(words[-1])))]


def _to_the_end_of_its_name(doc: Doc, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces, the last one going on to the end of a name it ends inside ("Libertarian nominee Gary" is
    "... Gary Johnson")."""
    span = doc.char_span(*pieces[-1], alignment_mode="expand") if pieces else None
    if span is None or not len(span) or not span[-1].ent_type_:
        return pieces
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I" and doc[end].ent_type_ == span[-1].ent_type_:
        end += 1
    if end == span.end:
        return pieces
    return [*pieces[:-1], (pieces[-1][0], doc[end - 1].idx + len(doc[end - 1]))]


def _dangles(word: Token) -> bool:
    """Whether a content cannot end on a word: a conjunction, or a word of :data:`.tables.DANGLING_ENDS` whose
    head the content cut off ("a", "so" before their words; not "another" in "one another")."""
    return word.lower_ in COORDINATORS or (word.pos_ in DANGLING_ENDS and word.head.i > word.i)


def _marks_in(marks: list[QuoteMarks], pieces: list[tuple[int, int]]) -> list[QuoteMarks]:
    return [m for m in marks if any(s <= m.end and m.start <= e for s, e in pieces)]


def _learned_hit(doc: Doc, cue: set[int], source: tuple[int, int] | None) -> CueHit:
    """A cue hit made of the tagger's spans (a cue, a source or both); the speaker's heads are the source's root and its conjuncts."""
    heads = _heads(doc, source) if source is not None else []
    tokens = sorted(cue)
    verb = tokens[0] if tokens or source is None else doc[source[0] : source[1]].root.i
    return CueHit(tokens=tokens, verb=verb, speaker_heads=heads, speaker=source, addressee=_learned_addressee(doc, cue))


def _learned_addressee(doc: Doc, cue: set[int]) -> tuple[int, int] | None:
    """Whom a tagger cue's words went to, for verbs whose object or "to" phrase is the hearer
    (:data:`.tables.HEARER_CUES`: "urged voters to ...", "said to reporters"), not "referred to the vote as",
    "compared the sites to ..." or "dedicated his life to ..."."""
    head = cue_verb(doc, cue)
    if head is None or head.pos_ != "VERB" or head.lemma_.lower() not in HEARER_CUES:
        return None
    found = addressee_span(head, head.lemma_.lower())
    if found is None or any(found[0] <= i < found[1] for i in cue):
        return None
    if found[0] == 0:
        return found
    before = doc[found[0] - 1]  # "pointed to", "agreed to": the cue's own; but "called on Congress to act"
    own = before.pos_ == "ADP" and before.i in cue and before.lower_ not in APPEAL_PREPS.get(head.lemma_.lower(), ())
    return None if own else found


def _heads(doc: Doc, source: tuple[int, int]) -> list[int]:
    """The heads of a speaker mention: its root and the root's conjuncts inside it; a relative
    pronoun stands for what it refers to ("Rick Santorum, who mentioned ...")."""
    root = doc[source[0] : source[1]].root
    return [antecedent(root).i] + [c.i for c in root.conjuncts if source[0] <= c.i < source[1]]


def _token_span(doc: Doc, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    tokens = token_set(doc, pieces)
    return (min(tokens), max(tokens) + 1) if tokens else None


def tagged_start(found: Tagged) -> int:
    return min(s for pieces in (found.content, found.cue, found.source) for s, _ in pieces)
