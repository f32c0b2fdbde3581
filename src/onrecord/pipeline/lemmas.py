"""Verb lemmas the English pipeline's rule lemmatizer gets wrong, set right before the rules read them.

The cue tables are keyed by lemma, so a verb lemmatized wrong is no cue at all:
en_core_web_sm makes "hopes", "hoped" and "hoping" the verb "hop", and leaves
"seemed" and "feels" as they are written. :data:`.tables.VERB_LEMMA_FIXES` lists
the forms, found by lemmatizing the verbs of a news corpus and checking those
that look like a cue verb's inflection but do not lemmatize to it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .tables import VERB_LEMMA_FIXES


def fix_verb_lemmas(doc: Doc) -> Doc:
    """Set the lemma of each verb whose form :data:`.tables.VERB_LEMMA_FIXES` lists (verb tags only:
    "the hopes of voters" keeps its own)."""
    for token in doc:
        lemma = VERB_LEMMA_FIXES.get(token.lower_)
        if lemma is not None and token.tag_.startswith("VB") and token.lemma_.lower() != lemma:
            token.lemma_ = lemma
    return doc
