"""The default scope, "speech": what people said, wrote or are said to think, not what they did."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import finite_verb
from .drafts import SPEECH_CUE_WORDS, Draft, token_set
from .tables import (
    CLAUSE_VERB_TAGS, EVIDENCE_NOUNS, EVIDENCE_VERBS, GENERIC_SPEAKERS, HOPE_VERBS, HYPOTHETICAL_MARKS, NO_ONE,
    NO_ONE_DETERMINERS, NOMINAL_SUBJECT_DEPS, NOT_SPEECH_PREPS, ORDER_MISTAGS, ORG_LABELS, PERCEPTION_VERBS,
    POSSIBILITY_MODALS, PREDICATE_CUES, RAISING_VERBS, REPORTING_WORDS, SET_PHRASES, SPEECH_VERBS, THOUGHT_VERBS,
    UNSAID_PREPS, VOLITION_VERBS,
)


def without_topics(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those whose content is a topic only (:func:`_topic_only`); a quotation that went on
    from one ("told radio host Charlamagne tha God “if you have a problem ...”") takes its cue instead."""
    return _dropping(drafts, [d for d in drafts if _topic_only(doc, d)])


def without_set_phrases(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less those whose cue reports nothing, in any scope: a set phrase ("it goes without saying
    that ...", "let's say ...", :data:`.tables.SET_PHRASES`) or an order ("Say Mexico demanded ...", "Tell me
    why": a verb in its base form that opens its sentence with no subject)."""
    return _dropping(drafts, [
        d for d in drafts if d.hit is not None and any(_set_phrase(doc[i]) or _order(doc[i]) for i in d.hit.tokens)
    ])


def _dropping(drafts: list[Draft], dropped: list[Draft]) -> list[Draft]:
    """``drafts`` less ``dropped``; a quotation that went on from a dropped one takes its cue instead."""
    gone = {id(d) for d in dropped}
    for draft in drafts:
        root = draft.follows
        if root is not None and id(root) in gone:
            draft.follows, draft.hit, draft.how = None, root.hit, root.how
    return [d for d in drafts if id(d) not in gone]


def _set_phrase(token: Token) -> bool:
    """Whether a token is a word of a set phrase (:data:`.tables.SET_PHRASES`)."""
    doc = token.doc
    places = {*SET_PHRASE_PLACES.get(_form(token), ()), *SET_PHRASE_PLACES.get(token.lemma_.lower(), ())}
    for phrase, k in places:
        start = token.i - k
        if start >= 0 and start + len(phrase) <= len(doc) and all(
            word in (_form(doc[start + j]), doc[start + j].lemma_.lower()) for j, word in enumerate(phrase)
        ):
            return True
    return False


def _form(token: Token) -> str:
    """A token's lowercase form as :data:`.tables.SET_PHRASES` writes it (’ read as ')."""
    return token.lower_.replace("’", "'")


def _places(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[tuple[str, ...], int], ...]]:
    """Each word of the phrases, with the phrases it is in and its place in each."""
    places: dict[str, list[tuple[tuple[str, ...], int]]] = {}
    for phrase in phrases:
        for k, word in enumerate(phrase):
            places.setdefault(word, []).append((phrase, k))
    return {word: tuple(found) for word, found in places.items()}


#: :data:`.tables.SET_PHRASES` by word: a token is looked up in the phrases that hold its form or lemma only.
SET_PHRASE_PLACES = _places(SET_PHRASES)


def _order(token: Token) -> bool:
    """Whether a verb gives an order: in its base form, first in its sentence (after any punctuation), with no
    subject or auxiliary ("Say Mexico demanded ...", "“Tell me why,” ..."). The tagger may take the base form of a
    speech or thought verb for a noun or a present ("Say Mexico" as a name: :data:`.tables.ORDER_MISTAGS`), and
    a dash for a verb ("“...” ― Francisco Herrero"): an order is a word."""
    base = token.tag_ == "VB" or (token.tag_ in ORDER_MISTAGS and token.lower_ in SPEECH_VERBS | THOUGHT_VERBS)
    subject = any(c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "aux" for c in token.children)
    return base and token.is_alpha and not subject and all(t.is_punct for t in token.doc[token.sent.start : token.i])


def without_impressions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less impressions no one voiced: "it appears he has little chance" (:data:`.tables.RAISING_VERBS`
    with "it"), "one might think ..." (:data:`.tables.GENERIC_SPEAKERS`), "he found the area welcoming" (a verb of
    perception, :data:`.tables.PERCEPTION_VERBS`, with no clause after it and no quotation; but "the court found
    the law to be unlawful")."""
    return [d for d in drafts if d.hit is None or not _impression(doc, d)]


def _impression(doc: Doc, draft: Draft) -> bool:
    assert draft.hit is not None
    lemmas = {doc[i].lemma_.lower() for i in draft.hit.tokens}
    speaker = doc[draft.hit.speaker[0] : draft.hit.speaker[1]] if draft.hit.speaker is not None else None
    if speaker is not None and len(speaker) == 1 and speaker[0].pos_ == "PRON":
        if speaker[0].lower_ in GENERIC_SPEAKERS or (speaker[0].lower_ == "it" and lemmas & RAISING_VERBS):
            return True
    if draft.kind != "indirect" or not lemmas & PERCEPTION_VERBS or lemmas & SPEECH_CUE_WORDS:
        return False
    return not any(doc[i].tag_ in CLAUSE_VERB_TAGS for i in token_set(doc, draft.spans))


def without_evidence(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less what evidence shows, with no one saying it: "Footage from the scene showed ...", "The
    results suggest that ...", "Rising prices indicate ..." (a verb of :data:`.tables.EVIDENCE_VERBS` whose
    speaker is a thing seen or measured, :data:`.tables.EVIDENCE_NOUNS`, and no one's). "The report suggests ...",
    "Jane Roe suggested ...", "Johns Hopkins University data indicated ..." and "His findings show ..." stay:
    someone wrote, said or published them."""
    return [d for d in drafts if d.hit is None or d.hit.speaker is None or not _evidence(doc, d)]


def _evidence(doc: Doc, draft: Draft) -> bool:
    assert draft.hit is not None and draft.hit.speaker is not None
    if not {doc[i].lemma_.lower() for i in draft.hit.tokens} & EVIDENCE_VERBS:
        return False
    speaker = doc[draft.hit.speaker[0] : draft.hit.speaker[1]]
    head = speaker.root
    if head.pos_ != "NOUN" or head.lemma_.lower() not in EVIDENCE_NOUNS:
        return False
    return not any(  # no one's: not "Johns Hopkins University data", "US data", "his findings"
        t.pos_ == "PROPN" or t.ent_type_ in ORG_LABELS | {"PERSON"} or (t.dep_ == "poss" and t.pos_ == "PRON")
        for t in speaker if t.i != head.i  # the NER may call the noun itself a name ("Photographs showed")
    )


def without_intentions(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """The drafts less intentions no one was heard to voice: what someone wants or plans to do ("he wants to
    isolate him", "Republicans want Obama to push for new laws", :data:`.tables.VOLITION_VERBS`), and hopes for
    oneself ("hopes to win", :data:`.tables.HOPE_VERBS`). A finite clause ("hopes that turnout will be high"), a
    forecast ("expects the economy to grow"), a quotation, or a speech verb in the cue ("said he wants to run")
    keeps the draft."""
    return [d for d in drafts if d.hit is None or not _intention(doc, d)]


def _intention(doc: Doc, draft: Draft) -> bool:
    """Whether an indirect draft reports only what someone wants, plans or hopes to do (see
    :func:`without_intentions`)."""
    assert draft.hit is not None
    if draft.kind != "indirect":
        return False
    lemmas = {doc[i].lemma_.lower() for i in draft.hit.tokens}
    if lemmas & ((SPEECH_VERBS | REPORTING_WORDS) - HOPE_VERBS):  # the noun "hope" reports; "hopes to win" not
        return False
    content = token_set(doc, draft.spans)
    if not content or _finite(doc, content):
        return False
    if lemmas & VOLITION_VERBS:
        return True
    first = doc[min(content)]
    return bool(lemmas & HOPE_VERBS) and first.lower_ == "to" and first.tag_ == "TO"


def _finite(doc: Doc, tokens: set[int]) -> bool:
    """Whether a verb the words hang on has a tense: "the bridge was unsafe", "turnout will be high"."""
    roots = [doc[i] for i in tokens if doc[i].head.i not in tokens or doc[i].head.i == i]
    return any(finite_verb(root) for root in roots)


def _topic_only(doc: Doc, draft: Draft) -> bool:
    """Whether an unquoted content is only what the words were about, or an act, with nothing said of it:
    "criticized the move", "spoke about feminism", "claimed responsibility". A clause says something, and
    so does a predicate on the object: "criticized the agency as militaristic", "called the order swift"."""
    if draft.kind != "indirect" or draft.hit is None or doc[draft.hit.verb].pos_ not in ("VERB", "AUX"):
        return False
    return not any(_predicates(doc[i]) for i in token_set(doc, draft.spans))


def _predicates(token: Token) -> bool:
    """A verb; "as" with an object, on the verb ("criticized the agency as militaristic"; not "noted her years
    as senator"), or the phrase of a predicate cue ("likened the salutes to fascist gestures",
    :data:`.tables.PREDICATE_CUES`); an adjective after its noun ("the order swift")."""
    return (
        token.pos_ in ("VERB", "AUX")
        or (
            token.lower_ in ("as", PREDICATE_CUES.get(token.head.lemma_.lower()))
            and token.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "pobj" for c in token.children)
        )
        or token.dep_ in ("oprd", "acomp")
        or (token.pos_ == "ADJ" and token.dep_ == "amod" and token.i > token.head.i)
    )


def unspoken(doc: Doc, cue: set[int] | list[int]) -> bool:
    """Whether a cue reports that nothing was said: "Asked about her plans, ..." (she was asked), "did not
    respond to requests for comment", "did not say whether ...", "had not, as of Monday, announced any
    plans" (the negation outside the cue), "adding to evidence that ...", "left without saying whether ...",
    "if people think the race is over, ..." (:data:`.tables.UNSAID_PREPS`, :data:`.tables.HYPOTHETICAL_MARKS`),
    "critics might argue ..." (:func:`_possible_only`), "No group claimed responsibility" (:func:`_by_no_one`)."""
    return any(
        _asked(doc[i]) or (doc[i].dep_ == "neg" and doc[i].head.lemma_.lower() in SPEECH_CUE_WORDS)
        or (doc[i].dep_ == "pcomp" and doc[i].head.lower_ in UNSAID_PREPS)
        or any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in doc[i].children)
        or (doc[i].lemma_.lower() in SPEECH_CUE_WORDS and _possible_only(doc[i]))
        or (doc[i].lemma_.lower() in SPEECH_CUE_WORDS and (_negated(doc[i]) or _by_no_one(doc[i])))
        or any(c.dep_ == "prep" and c.lower_ in NOT_SPEECH_PREPS.get(doc[i].lemma_.lower(), ())
               for c in doc[i].children)
        for i in cue
    )  # but "could not resist pointing out" did point out


def _possible_only(verb: Token) -> bool:
    """Whether a modal of possibility makes a verb what may happen, not what happened: "critics might argue"
    (:data:`.tables.POSSIBILITY_MODALS`); "may have suggested" reports, hedged."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    return any(a in POSSIBILITY_MODALS for a in auxiliaries) and "have" not in auxiliaries


def _negated(verb: Token) -> bool:
    """Whether a verb or one of its auxiliaries has a negation ("had not, as of Monday, announced")."""
    return any(c.dep_ == "neg" or (c.dep_ == "aux" and any(n.dep_ == "neg" for n in c.children)) for c in verb.children)


def _by_no_one(verb: Token) -> bool:
    """Whether a verb's subject says no one did it: "No group claimed responsibility", "Nobody said"
    (:data:`.tables.NO_ONE`, :data:`.tables.NO_ONE_DETERMINERS`)."""
    return any(
        c.dep_ in NOMINAL_SUBJECT_DEPS and c.pos_ not in ("PROPN", "NUM") and (
            c.lower_ in NO_ONE or any(_no_one_determiner(d, c) for d in c.children)
        )
        for c in verb.children
    )  # not "Republic Act No. 3846 states ...", "No 10 said ..." (Downing Street)


def _no_one_determiner(det: Token, subject: Token) -> bool:
    """Whether ``det`` says none of ``subject`` spoke: "No group", "Neither candidate"; not "No fewer than 20
    lawmakers", "A No 10 spokesman" (a determiner that does not open the subject, or a number after it)."""
    doc = det.doc
    after = doc[det.i + 1] if det.i + 1 < len(doc) else None
    return (
        det.dep_ == "det" and det.tag_ == "DT" and det.lower_ in NO_ONE_DETERMINERS and det.i == subject.left_edge.i
        and (after is None or not (after.like_num or after.tag_ in ("JJR", "RBR")))
    )


def _asked(verb: Token) -> bool:
    """A participle clause with no subject of its own: "Asked about her plans, ...", "Pressed on the issue, ..."."""
    subject = any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in verb.children)
    return verb.dep_ == "advcl" and verb.tag_ == "VBN" and not subject
