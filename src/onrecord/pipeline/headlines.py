"""Attributions by layout: "Graham: Trump’s rhetoric is destroying the party".

Headlines and subheads put the speaker before a colon and the words after it.
A line counts when what stands before its first colon is a short noun phrase
(no verb, capitalised) and after it come at least a few words. A proper-noun
phrase must name someone: an entity the NER labels, or a person the article
names ("Pelosi: ..." when it names Nancy Pelosi); "Little Relief for
Refugees: ..." is a heading.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import CueHit, may_speak
from .people import People
from .tables import (
    CAPTION_WORDS, DATELINE_ENTITIES, HEADLINE_LABEL_NOUNS, NOT_HEADLINE_SOURCES, OWNED_VOICE_NOUNS, OWNER_DEPS,
    SPEAKING_LABELS,
)

#: The longest speaker before a colon, in tokens, and the fewest words after it.
MAX_SOURCE_TOKENS, MIN_CONTENT_WORDS = 6, 3


def headline_cues(
    doc: Doc, lines: list[tuple[int, int]], quoted: set[int], people: People
) -> list[tuple[CueHit, tuple[int, int]]]:
    """Each "Speaker: words" line as a cue (the colon) and its content's character span."""
    found = []
    for start, end in lines:
        line = doc.char_span(start, end, alignment_mode="expand")
        if line is None:
            continue
        colon = next((t for t in line if t.text == ":" and t.i not in quoted), None)
        if colon is None or not _speaker_like(doc, line.start, colon.i, people):
            continue
        words = [t for t in doc[colon.i + 1 : line.end] if not t.is_punct and not t.is_space]
        if len(words) < MIN_CONTENT_WORDS:
            continue
        source = doc[line.start : colon.i]
        hit = CueHit(tokens=[colon.i], verb=colon.i, speaker_heads=[source.root.i], speaker=(line.start, colon.i))
        content_start = doc[colon.i + 1 : line.end]
        first = next(t for t in content_start if not t.is_space)
        found.append((hit, (first.idx, end)))
    return found


def _speaker_like(doc: Doc, start: int, colon: int, people: People) -> bool:
    tokens = doc[start:colon]
    if not 1 <= len(tokens) <= MAX_SOURCE_TOKENS or not tokens[0].text[:1].isupper():
        return False
    if tokens.text.lower() in NOT_HEADLINE_SOURCES or tokens[0].lower_ in NOT_HEADLINE_SOURCES:
        return False
    if tokens[-1].lemma_.lower() in HEADLINE_LABEL_NOUNS or tokens[-1].lower_ in HEADLINE_LABEL_NOUNS:
        return False  # "News Guide: ...", "Monday’s Morning Email: ...": a section's label
    if len(tokens) == 1 and tokens[0].is_upper and len(tokens[0]) > 1 and not tokens[0].ent_type_:
        return False  # "BUSTED: Emails reveal ...": a shout, not a speaker ("NASA:" is an organisation)
    if all(t.ent_type_ in DATELINE_ENTITIES or t.is_punct for t in tokens):
        return False  # "NEW DELHI: The government ...": a dateline, not a speaker
    if tokens[-1].lower_.endswith(CAPTION_WORDS):
        return False  # "Placards. Image: John Lubbock": a caption and its credit
    names = any(people.cluster_of(t) is not None for t in tokens)
    if tokens.root.pos_ == "PROPN" and not names and not any(t.ent_type_ in SPEAKING_LABELS for t in tokens):
        return False  # "Stealth Over Health: ...", "Little Relief for Refugees: ...": a title-case heading
    if tokens[0].pos_ == "ADP" or not (names or may_speak(tokens.root) or _owned_by_a_speaker(tokens.root)):
        return False  # "Long term: growing the community", "Voter participation: ...", "For context: ...": a heading
    return not any(t.pos_ in ("VERB", "AUX", "PRON", "NUM") or t.like_url for t in tokens)


def _owned_by_a_speaker(head: Token) -> bool:
    """ "WSJ editorial", "Clinton camp", "Democrats' new warning": a voice of someone named (not "Trump's wall")."""
    return head.lemma_.lower() in OWNED_VOICE_NOUNS and any(
        c.dep_ in OWNER_DEPS and c.ent_type_ in SPEAKING_LABELS for c in head.children
    )
