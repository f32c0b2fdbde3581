"""Cues and what hangs on them in the parse: speaker, addressee, content.

Pure functions of a parsed ``Doc``: a cue is a reporting verb (or a phrase
like "according to") outside quotation marks; its speaker is its subject
(or its head's, for "agreed, saying" and "with Scott joking"); its content
is the clause it governs.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from .tables import (
    ADDRESSEE_FRAMES,
    ADDRESSEE_OBJECT_CUES,
    ADDRESSEE_PREPS,
    APPEAL_PREPS,
    ASIDE_PRONOUNS,
    ASPECTUAL_VERBS,
    BELIEF_ADJECTIVES,
    CITING_VERBS,
    CLAUSE_BREAKS,
    CUE_LEFT_DEPS,
    CUE_OBJECTS,
    CUE_PARTICLES,
    CUE_VERBS,
    DASHES,
    FEELING_PARTICIPLES,
    FINITE_VERB_TAGS,
    GLOSS_VERBS,
    HEARER_AFTER_CUES,
    HYPHENS,
    LINKING_VERBS,
    NEEDS_CONTENT,
    NOMINAL_SUBJECT_DEPS,
    NOT_AGENT_NOUNS,
    NOT_HEARER_PREP_CUES,
    OWNER_DEPS,
    PHRASE_CUES,
    PREDICATE_CUES,
    RELATIVE_TAGS,
    REPORT_JOINERS,
    REPORT_TAGS,
    ROLE_NOUNS,
    ROLE_SUFFIXES,
    SPEAKING_LABELS,
    SPEAKING_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    SUBJECT_BOUND_CUES,
    SUBJECT_PRONOUNS,
    THING_OBJECT_CUES,
    TIME_ADVERBIAL_DEPS,
    TIME_LABELS,
    TIME_WORDS,
    VIEW_NOUNS,
    VIEW_PREPOSITIONS,
    WRITER_POSSESSIVES,
)

_PHRASE_STARTS = frozenset(words[0] for words in PHRASE_CUES)
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
#: Dependents that carry the content of naming cues ("called", "described") when a quotation is among them.
OBJECT_CONTENT_DEPS = frozenset({"dobj", "oprd", "xcomp", "attr", "acomp", "ccomp", "advcl"})
#: Dependencies through which a subjectless cue takes its head's subject.
INHERIT_DEPS = frozenset({"advcl", "xcomp", "conj", "pcomp"})
#: How a speech verb hangs on a passive whose subject speaks it: "was prompted to say", "was arrested and said".
PASSIVE_CONTROL_DEPS = frozenset({"xcomp", "conj"})
#: Pronouns that name a hearer as the object of "promise" or "write" ("promised me that ...").
HEARER_PRONOUNS = frozenset({"me", "him", "her", "us", "them", "you"})
#: Parts of speech an addressee does not end with.
EDGE_POS = frozenset({"AUX", "PART", "ADP", "CCONJ", "SCONJ", "DET"})
#: Parts of speech that cannot end a content ("..., with" left by a nested attribution).
DANGLING_POS = frozenset({"SCONJ", "CCONJ", "DET"})
EDGE_JUNK = frozenset({",", ";", ":", "-", "—", "–", "and", "but", "or", "while", "where", "which", "as"})


@dataclass
class CueHit:
    """A cue and its roles, as token indices."""

    tokens: list[int]  # the cue's words ("said"; "according", "to"; "pointed", "out")
    verb: int  # the token the roles hang on
    speaker_heads: list[int] = field(default_factory=list)
    speaker: tuple[int, int] | None = None  # token span of the whole mention
    addressee: tuple[int, int] | None = None
    content_head: int | None = None
    content_more: list[int] = field(default_factory=list)  # further heads of the content ("called the plan “a mess”")
    content_exclude: set[int] = field(default_factory=set)  # tokens of the cue's own phrase
    chars: tuple[int, int] | None = None  # the cue's characters, when a token holds more ("”―": mark and dash)

    @property
    def start(self) -> int:
        return min(self.tokens, default=self.verb)


def find_cues(doc: Doc, quoted: set[int], *, thoughts: bool = True) -> list[CueHit]:
    """Every cue of ``doc`` outside quotation marks, in order."""
    lemmas = CUE_VERBS if thoughts else SPEECH_VERBS
    hits: list[CueHit] = []
    for token in doc:
        if token.i in quoted:
            continue
        phrase = _phrase_at(doc, token) or _view_at(token) or (belief_at(token, quoted) if thoughts else None)
        if phrase is not None:
            hits.append(phrase)
        elif token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            hit = _verb_cue(token, lemmas, quoted)
            if hit is not None:
                hits.append(hit)
    return hits


def _said_by_a_text(verb: Token, quoted: set[int]) -> bool:
    """ "“...,” the statement read": a verb that is a cue only with a text for its subject
    (:data:`.tables.SUBJECT_BOUND_CUES`; not "she read the report")."""
    texts = SUBJECT_BOUND_CUES.get(verb.lemma_.lower())
    if texts is None:
        return False
    subject = _subject_of(verb, quoted)
    return subject is not None and subject.lemma_.lower() in texts


def _quoted_phrase_before(verb: Token, quoted: set[int]) -> Token | None:
    """A phrase before a speech verb that holds a quotation and that the parser hung on the verb as nothing
    in particular: "[Nothing the president said “will assuage fears,”] the senator said"."""
    subject = _subject_of(verb, quoted)
    return next(
        (
            c for c in verb.children
            if c.dep_ in ("dep", "nsubj") and (subject is None or c.i != subject.i) and c.i < verb.i
            and any(t.i in quoted for t in c.subtree)
        ),
        None,
    )


def _inside_quoted_content_of_another(verb: Token, quoted: set[int]) -> bool:
    """Whether a verb in a noun's relative clause lies in such a phrase of a later speech verb."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    outer = verb.head.head
    if outer.i <= verb.i or outer.lemma_.lower() not in SPEECH_VERBS:
        return False
    phrase = _quoted_phrase_before(outer, quoted)
    return phrase is not None and phrase.i == verb.head.i  # spaCy makes a new Token on each access: compare .i


def _governs_quotation(verb: Token, quoted: set[int]) -> bool:
    """ "called the plan “a disaster”", "called for the police to release the videos “as a matter of ...”":
    a quoted word among the verb's dependents (its subject aside) and the clauses they head, not in a
    clause further down ("continued to call for ..., looping the streets - where the Panthers played -
    while chanting, “Hands up”": the chant's). Quotation marks count for nothing: the parse hangs them
    anywhere."""
    if verb.dep_ == "parataxis" and verb.head.i in quoted:
        return True  # "“Overall,” he continued, “the presence of water ...”": a cue inside its quotation
    aspect = verb.lemma_.lower() in ASPECTUAL_VERBS  # "continued [to call for ...]": that verb's clause
    stack = [
        (child, not (aspect and child.dep_ == "xcomp")) for child in verb.children if child.dep_ not in SUBJECT_DEPS
    ]
    while stack:
        token, own = stack.pop()
        if token.i in quoted and not token.is_punct:
            return True
        if own or token.pos_ not in ("VERB", "AUX") or token.dep_ in ("ccomp", "parataxis", "conj"):
            stack.extend((child, own and token.pos_ not in ("VERB", "AUX")) for child in token.children)
    return False


def _verb_cue(token: Token, lemmas: frozenset[str], quoted: set[int]) -> CueHit | None:
    lemma = token.lemma_.lower()
    particles = [
        c for c in token.children
        if (c.dep_ == "prt" and c.lower_ in CUE_PARTICLES.get(lemma, ()))
        or (c.dep_ == "dobj" and c.lower_ in CUE_OBJECTS.get(lemma, ()))  # "as Anders put it, ..."
    ]
    content = next((c for c in token.children if c.dep_ in CONTENT_DEPS), None)
    if content is not None and _parenthetical_report(content):
        content = None  # "The accident sequence began, Florida Highway Patrol described, in ...": the patrol's cue
    if content is None and lemma in ADDRESSEE_OBJECT_CUES and lemma in lemmas:
        content = _clause_hung_on_hearer(token)
    predicate = predicate_of(token) if content is None else None
    if lemma not in lemmas and not particles and predicate is None and not _said_by_a_text(token, quoted):
        return None
    if _inside_quoted_content_of_another(token, quoted):
        return None  # "Nothing the president said “will assuage fears,” the senator said": the senator's words
    if content is None and lemma in SPEECH_VERBS:
        content = _quoted_phrase_before(token, quoted)
    opening: set[int] = set()
    if content is None and lemma in lemmas:
        content, opening = _clause_after_phrase(token)
    if (
        lemma in STANCE_VERBS and lemma not in SPEECH_VERBS and content is None and predicate is None
        and not _governs_quotation(token, quoted)
    ):
        return None  # a stance needs its clause: "the poll shows that ...", not "the show"
    if lemma in NEEDS_CONTENT and content is None and not particles and not _governs_quotation(token, quoted):
        return None
    if is_passive(token) and lemma not in ("quote",):
        return None  # "was told", "is said": the subject is not the speaker
    if token.dep_ == "amod" and token.head.i > token.i:
        return None  # a participle before its noun: "the disputed waters", "the promised wall"
    hit = CueHit(tokens=sorted([*left_of_cue(token), token.i, *(p.i for p in particles)]), verb=token.i)
    heads = speaker_heads(token, quoted)
    if heads and all(is_time(h) for h in heads):
        return None  # "2018 saw Cuban roads suffer ...", "Monday saw protests": a time sees nothing
    named = _named_before_et_al(heads[0]) if len(heads) == 1 else None
    if named is not None:  # "Stamenković et al found": Stamenković (and colleagues)
        heads = [named[0]]
    hit.speaker_heads = [antecedent(h).i for h in heads]
    hit.speaker = mention_span(heads, token.i) if heads else None
    if named is not None and hit.speaker is not None:
        hit.speaker = (min(hit.speaker[0], named[0].i), named[1])
    hit.addressee = addressee_span(token, lemma)
    hit.content_head = None if content is None else content.i
    hit.content_exclude = opening
    if content is not None and _joined_report_before(token, content, quoted):
        hit.content_head = _first_conjunct(token.head).i  # "X, but Y, the source added": X too
    elif content is not None and content.i < token.i:  # the same, parsed as two clauses of the cue's
        more = [c for c in token.children if c.dep_ in CONTENT_DEPS and content.i < c.i < token.i]
        if more and _plainly_joined(token.doc[content.left_edge.i : token.i], quoted):
            hit.content_more = [c.i for c in more]
    if predicate is not None:  # "likened the salutes to fascist gestures": the object and what it is likened to
        hit.content_head, hit.content_more = predicate[0].i, [predicate[1].i]
    stray = _subject_parsed_as_object(token, content)
    if stray is not None:  # "have indicated Hickenlooper was encouraged to drop out"
        hit.content_more = [*hit.content_more, stray.i]
    split = _hearer_run_into_subject(token, content) if lemma in ADDRESSEE_OBJECT_CUES else None
    if split is not None:  # "told The Jakarta Post radio broadcasts were used": the Post heard it (the addressee)
        hit.content_more = [*hit.content_more, split[1].i]
        hit.content_exclude = set(hit.content_exclude) | set(range(*split[0]))
    if hit.addressee is None and content is not None and lemma in ADDRESSEE_OBJECT_CUES:
        outlet = _addressee_run_into_clause(token, content)
        if outlet is not None:  # "told Agence France-Presse arson has been ruled out"
            hit.addressee = outlet
            hit.content_exclude = set(range(*outlet))
    if content is None and lemma in NEEDS_CONTENT and _governs_quotation(token, quoted):
        objects = [c for c in token.children if c.i > token.i and c.dep_ in OBJECT_CONTENT_DEPS]
        if objects:  # "called the plan “a slow-motion disaster”": the object and its complement
            hit.content_head, hit.content_more = objects[0].i, [c.i for c in objects[1:]]
    relayed = _relayed_content(token) if content is None else None
    if relayed is not None:  # "X, CNN reported the governor said": the governor said X
        hit.content_head = relayed.i
    elif content is None and token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
        hit.content_head = token.head.i  # "Y, he said, Z": the clause around the cue
        if token.i > token.head.i:  # "X, but Y, the source added": X too
            hit.content_head = _first_conjunct(token.head).i
        hit.content_exclude = {t.i for t in token.subtree}
        for stray in _stray_subjects(token, heads):  # the parser gave the cue Y's subject too
            hit.content_exclude -= {t.i for t in stray.subtree}
    return hit


def _parenthetical_report(clause: Token) -> bool:
    """Whether a clause set beside a verb after a comma is a speech verb with a speaker of its own: another
    report's cue ("..., Florida Highway Patrol described, ..."), not what the verb reports."""
    start = clause.left_edge.i
    return (
        clause.dep_ == "parataxis" and clause.lemma_.lower() in SPEECH_VERBS and start > 0
        and "," in (clause.doc[start].text, clause.doc[start - 1].text)  # not "I hope in 2017 America says"
        and any(c.dep_ in NOMINAL_SUBJECT_DEPS for c in clause.children)
    )


def _named_before_et_al(head: Token) -> tuple[Token, int] | None:
    """The name before "et al" in a speaker the parser headed by "al" (or its period): "Stamenković et al
    found", "Smith et al. found"; and the end of the mention, past "al" and its period."""
    doc = head.doc
    i = head.i - 1 if head.text == "." and head.i > 0 and doc[head.i - 1].lower_ == "al" else head.i
    if doc[i].lower_ not in ("al", "al.") or i < 2 or doc[i - 1].lower_ != "et":
        return None
    name = doc[i - 2]
    if not name.text[:1].isupper() or not name.is_alpha:
        return None
    end = i + 2 if i + 1 < len(doc) and doc[i + 1].text == "." else i + 1
    return name, end


def _first_conjunct(clause: Token) -> Token:
    """The first of the clauses joined by a conjunction that ``clause`` ends, or ``clause`` itself."""
    while clause.dep_ == "conj" and clause.head.pos_ in ("VERB", "AUX") and clause.head.i < clause.i:
        clause = clause.head
    return clause


def _joined_report_before(cue: Token, content: Token, quoted: set[int]) -> bool:
    """Whether a cue after its clause was parsed as a conjunct of a clause before that one: in "X, but Y,
    the source added", the parser makes "added" a conjunct of X, with Y its clause; the cue reports both."""
    if cue.dep_ != "conj" or not cue.head.i < content.i < cue.i or cue.head.pos_ not in ("VERB", "AUX"):
        return False
    subjects = [c for c in cue.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
    if not subjects or any(s.i < content.i for s in subjects):
        return False
    return _plainly_joined(cue.doc[_first_conjunct(cue.head).left_edge.i : cue.i], quoted)


def _plainly_joined(words: Span, quoted: set[int]) -> bool:
    """Whether words before a cue are clauses joined by "and" or "but" and nothing else sets apart: no
    quotation, colon or dash ("X: “Y,” she said" reports Y alone)."""
    joined = any(t.dep_ == "cc" and t.lower_ in REPORT_JOINERS for t in words)
    return joined and not any(t.i in quoted or t.is_quote or t.text in CLAUSE_BREAKS for t in words)


def _clause_after_phrase(token: Token) -> tuple[Token | None, set[int]]:
    """A reported clause the parser hung on the cue as an adverbial because a phrase of the cue's comes
    first: "Trump said later after the convention he would not accept ..." (a finite clause with a subject
    of its own and no conjunction), and the words before that subject, which are the cue's, not the
    content. Not a clause a relative word opens: "said it when he ...", "..., to which X said"."""
    for child in token.children:
        if child.dep_ != "advcl" or child.i < token.i or any(c.dep_ == "mark" for c in child.children):
            continue
        subjects = [c for c in child.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if not finite_verb(child) or not subjects:
            continue
        start = subjects[0].left_edge.i
        opening = {t.i for t in child.subtree if t.i < start}
        words = [token.doc[i] for i in opening]
        if any(t.dep_ == "prep" for t in words) and not any(t.tag_ in RELATIVE_TAGS for t in words):
            return child, opening
    return None, set()


def finite_verb(verb: Token) -> bool:
    """Whether a verb has a tense, itself or through its auxiliary: "was unsafe", "will be high", not
    "having been"."""
    return verb.tag_ in FINITE_VERB_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE_VERB_TAGS for c in verb.children
    )


def is_passive(verb: Token) -> bool:
    """Whether a verb is passive ("was told", "is said", "a plan called"): its subject heard, it did not say.

    A participle of feeling ("were frustrated that ...", "is convinced that ...") is no such
    passive: its subject holds the feeling (see :data:`.tables.FEELING_PARTICIPLES`).
    """
    if verb.lower_ in FEELING_PARTICIPLES:
        return False
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.i < verb.i:
        return True  # a participle after its noun: "a plan called ...", "a statement released on Monday"
    return any(c.dep_ == "auxpass" for c in verb.children)


def left_of_cue(verb: Token) -> list[int]:
    """The auxiliaries, negations and adverbs right before a cue verb ("has also said")."""
    found: list[int] = []
    i = verb.i - 1
    while i >= 0 and verb.doc[i].head.i == verb.i and verb.doc[i].dep_ in CUE_LEFT_DEPS:
        found.append(i)
        i -= 1
    return found


def _phrase_at(doc: Doc, token: Token) -> CueHit | None:
    """ "according to X, ..." and the like: the speaker is the object, the content the clause."""
    if token.lower_ not in _PHRASE_STARTS:
        return None
    for words in PHRASE_CUES:
        end = token.i + len(words)
        if end > len(doc) or tuple(t.lower_ for t in doc[token.i : end]) != words:
            continue
        last = doc[end - 1]
        objects = [c for c in last.children if c.dep_ == "pobj"] or [c for c in doc[token.i : end] if c.dep_ == "pobj"]
        hit = CueHit(tokens=list(range(token.i, end)), verb=token.i)
        named: range = range(0)
        if objects:
            heads = [objects[0], *objects[0].conjuncts]
            hit.speaker_heads = [h.i for h in heads]
            hit.speaker = mention_span(heads, token.i)
            person_noun = objects[0].pos_ == "NOUN" and may_speak(objects[0])
            named = _name_after(doc, hit.speaker[1]) if person_noun else range(0)
            if named:  # "according to the finance director, Paul Chen, the budget ...": the name is the speaker's;
                # but "according to official statements, Trump, now in hospital, is to ...": Trump is the subject
                hit.speaker = (hit.speaker[0], named.stop - 1)
                hit.speaker_heads = [named.stop - 2]
        clause = token.head if token.head.i != token.i else None
        while clause is not None and clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head
        if clause is not None:
            hit.content_head = clause.i
            hit.content_exclude = {t.i for t in token.subtree} | set(named)
        return hit
    return None


def _view_at(token: Token) -> CueHit | None:
    """ "In his view, the centers are ...", "In Smith's opinion, the plan will fail": the possessor is the
    speaker, the clause the phrase hangs on the content."""
    noun = next((c for c in token.children if c.dep_ == "pobj"), None)
    if token.lower_ not in VIEW_PREPOSITIONS or noun is None or noun.lemma_.lower() not in VIEW_NOUNS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    clause = token.head
    if owner is None or owner.i != token.i + 1 or clause.pos_ not in ("VERB", "AUX") or clause.i < noun.i:
        return None
    if owner.lower_ in WRITER_POSSESSIVES:
        return None  # the writer's own view
    end = noun.i + 1
    hit = CueHit(tokens=list(range(token.i, end)), verb=token.i)
    hit.speaker_heads = [owner.i]
    hit.speaker = (owner.i, owner.i + 1)
    hit.content_head = clause.i
    hit.content_exclude = {t.i for t in token.subtree}
    return hit


def belief_at(token: Token, quoted: AbstractSet[int] = frozenset()) -> CueHit | None:
    """ "Mr. Ackman is convinced that Valeant will recover", "they remain confident that ...": an adjective of
    belief (:data:`.tables.BELIEF_ADJECTIVES`) after a linking verb (:data:`.tables.LINKING_VERBS`) with a
    clause of its own. The linking verb's subject holds the belief; the cue runs from the linking verb
    ("are not convinced"). No one holds "It is far from certain that ...", and "make sure that" is no belief."""
    link = token.head
    if token.lower_ not in BELIEF_ADJECTIVES or token.dep_ != "acomp" or link.lemma_.lower() not in LINKING_VERBS:
        return None
    if any(c.tag_ == "TO" for c in link.children):
        return None  # "just to be sure": a purpose, no one's belief
    content = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
    heads = speaker_heads(link, quoted)
    if content is None or not heads or not may_speak(heads[0]) or heads[0].lower_ == "it":
        return None
    between = token.doc[link.i + 1 : token.i]
    words = [*left_of_cue(link), link.i] if all(t.dep_ in ("neg", "advmod", "prt") for t in between) else []
    hit = CueHit(tokens=sorted([*words, *(t.i for t in between if words), token.i]), verb=token.i)
    hit.speaker_heads = [antecedent(h).i for h in heads]
    hit.speaker = mention_span(heads, token.i)
    hit.content_head = content.i
    return hit


def predicate_of(verb: Token) -> tuple[Token, Token] | None:
    """The object of a verb of :data:`.tables.PREDICATE_CUES` and the phrase after it that says what the
    object is ("likened [the salutes] [to fascist gestures]"), when both are there."""
    word = PREDICATE_CUES.get(verb.lemma_.lower())
    if word is None:  # most verbs: no walk over their children
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    phrase = next(
        (c for c in verb.children if c.dep_ == "prep" and c.lower_ == word and c.i > obj.i
         and any(g.dep_ == "pobj" for g in c.children)),
        None,
    )
    return None if phrase is None else (obj, phrase)


def _name_after(doc: Doc, end: int) -> range:
    """The tokens of ", Paul Chen," right after token ``end``: a name set off by commas (its commas
    included), which the parser may have made the subject of the clause after it; else an empty range."""
    if end >= len(doc) or doc[end].text != ",":
        return range(0)
    stop = end + 1
    while stop < len(doc) and doc[stop].pos_ == "PROPN":
        stop += 1
    if stop == end + 1 or stop >= len(doc) or doc[stop].text != ",":
        return range(0)
    return range(end, stop + 1)


def _subject_of(verb: Token, quoted: AbstractSet[int] = frozenset()) -> Token | None:
    """A verb's subject; of two before it (a parse error, "The museum, Rosa Klein said, ..."), the nearer
    one; after it, the first, or the last piece of a phrase the parser cut into several ("said study
    co-author Ted Scambos"); of one before and one after a verb set off by a comma, the one after ("The
    economy, said Ann Cole, is strong").

    A verb outside quotation marks takes no subject inside them ("“… panic mode,” said Wimes").
    """
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and (verb.i in quoted or c.i not in quoted)]
    before = [c for c in subjects if c.i < verb.i]
    after = [c for c in subjects if c.i > verb.i]
    if before and not (after and verb.i > 0 and verb.nbor(-1).text == ","):
        return before[-1]  # but "The economy, said Ann Cole, is strong": the subject set off after the verb
    if not after:
        return None
    first = after[0]  # after the verb: of a phrase the parser cut into several subjects, its last word
    for later in after[1:]:  # "said study co-author Ted Scambos": "co", "-" and "Scambos"
        if later.left_edge.i != first.right_edge.i + 1:
            break
        first = later
    return first


def _listed_before(verb: Token, subject: Token, conjuncts: list[Token]) -> list[Token]:
    """The first items of a list of subjects the parser took for subjects of their own: "The family, protesters
    and civic leaders have been demanding ..." (the nearer subject is "protesters", with "leaders" joined to
    it by "and"). Only for a list the verb is not set off from ("The museum, Ann Roe and Tom Lee said, is ..."
    has one subject for "said")."""
    doc = verb.doc
    if not conjuncts or (verb.i + 1 < len(doc) and doc[verb.i + 1].text == ","):
        return []
    items: list[Token] = []
    edge = subject.left_edge.i
    for earlier in sorted((c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < edge), reverse=True):
        if earlier.right_edge.i + 2 != edge or doc[edge - 1].text != "," or earlier.pos_ not in ("PROPN", "NOUN"):
            break
        items.insert(0, earlier)
        edge = earlier.left_edge.i
    return items


def _split_subject(head: Token) -> list[Token]:
    """The pieces of a subject the parser cut before ``head`` ("study co-author Ted Scambos": "co", "-"; before
    the verb only across a hyphen: "His ex-wife said")."""
    pieces: list[Token] = []
    if head.dep_ not in SUBJECT_DEPS:
        return pieces
    siblings = sorted((c for c in head.head.children if c.dep_ in SUBJECT_DEPS and c.i < head.i), reverse=True)
    edge = head.left_edge.i
    for sibling in siblings:
        if sibling.right_edge.i + 1 != edge or (sibling.i < head.head.i and not _joined_by_hyphen(sibling, edge)):
            break
        pieces.append(sibling)
        edge = sibling.left_edge.i
    return pieces


def _joined_by_hyphen(piece: Token, edge: int) -> bool:
    """Whether a piece of a subject before its verb is joined to the next one, at ``edge``, by a hyphen ("His
    ex-wife said": "ex", "-", "wife"); a comma would make it a subject of its own ("The museum, Rosa Klein
    said, ...")."""
    doc = piece.doc
    return doc[piece.right_edge.i].text in HYPHENS or doc[edge].text in HYPHENS


def _stray_subjects(verb: Token, heads: list[Token]) -> list[Token]:
    """The subjects of a parenthetical cue that are not its speaker (they belong to the clause around it)."""
    return [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i and c not in heads]


def trailing_participle(token: Token) -> bool:
    """A speech participle with a clause of its own, set off by a comma after the verb it hangs on:
    "said X, adding Y"; or a participle of citing with its object: "said X, citing the strategic importance
    of ..." (:data:`.tables.CITING_VERBS`)."""
    if not set_off_participle(token):
        return False
    lemma = token.lemma_.lower()
    return (lemma in SPEECH_VERBS and any(c.dep_ in CONTENT_DEPS for c in token.children)) or (
        lemma in CITING_VERBS and any(c.dep_ == "dobj" for c in token.children)
    )


def set_off_participle(token: Token) -> bool:
    """A participle set off by a comma after the verb it hangs on: "said X, calling it Y", ",” adding"."""
    return token.tag_ == "VBG" and token.dep_ == "advcl" and token.i > token.head.i and _after_comma(token)


def _after_comma(token: Token) -> bool:
    """Whether a word's phrase follows a comma, across a closing quotation mark (',” adding')."""
    before = token.left_edge.i - 1
    while before > 0 and token.doc[before].tag_ == "''":
        before -= 1
    return before >= 0 and token.doc[before].text == ","


def writers_gloss(token: Token) -> bool:
    """A participle set off after someone's words that says what they meant ("“... by Cleveland,” referring
    to the party's convention"; :data:`.tables.GLOSS_VERBS`): the writer's words."""
    return token.lemma_.lower() in GLOSS_VERBS and set_off_participle(token)


def reporters_own_cue(token: Token) -> bool:
    """A trailing speech participle (:func:`trailing_participle`) the parser hung on a reported clause
    that is the reporter's: the clause's subject cannot speak ("Roe said the plan “costs too much,”
    adding ..."; but "Roe said her son called, saying he was safe": the son says it). So is a speech verb
    in the past set after a comma and "and" (:func:`reporters_conjunct`)."""
    if reporters_conjunct(token):
        return True
    if not trailing_participle(token):
        return False
    head = token.head
    if not _reported_clause(head):
        return False
    subject = _subject_of(head)
    return subject is not None and not may_speak(subject)


def _reported_clause(token: Token) -> bool:
    """Whether a word heads the clause a speech verb reports ("said [the plan costs too much]")."""
    return token.dep_ in CONTENT_DEPS and token.head.i != token.i and token.head.lemma_.lower() in SPEECH_VERBS


def reporters_conjunct(token: Token) -> bool:
    """ "Spicer said the party was not in a crisis, and urged that everyone relax": a speech verb in the past
    (or the present: "says ... and says", :data:`.tables.REPORT_TAGS`) with no subject of its own, after a
    comma and "and" (or after "and" alone, the reported clause's verb in another tense: "said he hasn't
    accepted any gigs and suggested that ...", or the cue verb itself again: "says ... and says"), that the
    parser joined to the reported clause of a speech verb in the same tense. The reporter urged it, not the
    party."""
    head = token.head
    if token.dep_ != "conj" or token.tag_ not in REPORT_TAGS or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if not _reported_clause(head) or head.head.tag_ != token.tag_:
        return False
    if any(c.dep_ in SUBJECT_DEPS for c in token.children):
        return False
    before = [t.text for t in token.doc[token.i - 2 : token.i]]
    # "said he hasn't ... and suggested"; "says the response is ... and says she will ...": the same cue again
    return before == [",", "and"] or (
        before[-1:] == ["and"] and (head.tag_ != token.tag_ or token.lemma_ == head.head.lemma_)
    )


def joined_report(token: Token) -> bool:
    """ "Trump said the wall will be built, and when asked who would pay, he said Mexico would": a speech verb
    in the past with a speaker of its own, set after a comma and "and" or "but" (:data:`.tables.REPORT_JOINERS`),
    that the parser joined to a speech verb or to its reported clause. It is a report of its own, not more
    of the first speaker's words."""
    if token.dep_ != "conj" or token.tag_ != "VBD" or token.lemma_.lower() not in SPEECH_VERBS:
        return False
    if not _reported_clause(token.head) and token.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    subject = next((c for c in token.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    start = token.left_edge.i
    return (
        subject is not None and may_speak(subject) and start >= 2
        and token.doc[start - 2].text == "," and token.doc[start - 1].lower_ in REPORT_JOINERS
    )


def may_speak(token: Token) -> bool:
    """Whether a subject may be someone who speaks: a pronoun, a name, a person's or a group's noun."""
    if token.pos_ in ("PRON", "PROPN") or token.ent_type_ in SPEAKING_LABELS:
        return True
    lemma = token.lemma_.lower()
    return lemma in ROLE_NOUNS or lemma in SPEAKING_NOUNS or agent_noun(lemma)


def agent_noun(lemma: str) -> bool:
    """Whether a noun has an agent's ending (:data:`.tables.ROLE_SUFFIXES`) and is no noun of a thing
    (:data:`.tables.NOT_AGENT_NOUNS`, "-ment")."""
    return lemma.endswith(ROLE_SUFFIXES) and lemma not in NOT_AGENT_NOUNS and not lemma.endswith("ment")


def speaker_heads(verb: Token, quoted: AbstractSet[int] = frozenset()) -> list[Token]:
    """The speaker(s) of a cue verb: its subject and the subject's conjuncts.

    :param quoted: token indices inside quotation marks: a word quoted is never the subject
        a cue outside the quotation inherits ("said “I do not ...”, calling it ...").
    """
    current = verb
    if reporters_own_cue(verb):
        current = verb.head.head  # "Roe said the plan “costs too much,” adding ...": Roe adds it, not the plan
    quoted_as = _object_quoted_as_saying(verb)
    if quoted_as is not None:
        return [quoted_as]  # "The BBC cited Budi Gunawan as saying ...": Gunawan says it
    via, lemma = "", verb.lemma_.lower()  # via: how the verb hangs on ``current``, once it climbed
    for _ in range(3):
        subject = _subject_of(current, quoted if current is verb else frozenset())
        if subject is not None and current is not verb and subject.i in quoted and verb.i not in quoted:
            if current.head.i == current.i:
                break
            current = current.head  # the quotation's own clause: its speaker is further up
            continue
        if subject is None:
            agent = next((c for c in current.children if c.dep_ == "agent"), None)
            subject = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        if subject is None and via in PASSIVE_CONTROL_DEPS and is_passive(current) and lemma in SPEECH_VERBS:
            # "Trump was prompted to say ...", "He was arrested and said ...": the one the passive is about
            # (not "assessments will be carried out to confirm if ...", a purpose)
            held = next((c for c in current.children if c.dep_ == "nsubjpass" and c.i not in quoted), None)
            subject = held if held is not None and may_speak(held) else None
        if subject is not None:
            conjuncts = [c for c in subject.conjuncts if c.pos_ in ("PROPN", "NOUN", "PRON")]
            return [*_listed_before(current, subject, conjuncts), subject, *conjuncts]
        if current.dep_ == "acl" and current.head.pos_ in ("NOUN", "PROPN"):
            return [current.head]
        set_off = _phrase_after_dash(current) if current.i == verb.i else None
        if set_off is not None:
            return [set_off]  # "it wasn't an accident — Brendan Buck, a spokesman, told POLITICO that ..."
        if current.dep_ not in INHERIT_DEPS or current.head.i == current.i:
            break
        via, current = current.dep_, current.head
    after = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if (
        after is not None
        and (after.pos_ == "PROPN" or after.lower_ in SUBJECT_PRONOUNS)
        and after.dep_ in ("dobj", "attr", "npadvmod", "dep")
        and after.ent_type_ not in ("DATE", "TIME")
        and lemma not in HEARER_AFTER_CUES
    ):
        return [after]  # "said Scott", parsed as an object (not "told Reuters")
    held = _participle_after_main_clause(verb)
    return [held] if held is not None else []


def _participle_after_main_clause(verb: Token) -> Token | None:
    """The subject of its sentence's main verb, for a participle cue set off by a comma after that verb's clause,
    which the parse hung elsewhere: "Trump took to social media, posting at 12:54 am on Twitter, “...”" (the
    parser read "am" as a verb and made "posting" its subject)."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    root = verb.sent.root
    subject = next((c for c in root.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < root.i), None)
    if root.i >= verb.i or subject is None or not may_speak(subject):
        return None
    if subject.pos_ not in ("NOUN", "PROPN") and subject.lower_ not in SUBJECT_PRONOUNS:
        return None  # "So the, most of the time is ..., understanding ...": the parse's odd subject
    return subject


def _phrase_after_dash(verb: Token) -> Token | None:
    """The head of a name or a singular noun phrase that fills all the room between a dash and a verb with no
    subject, which the parser hung on the clause before the dash: "it wasn't an accident — [Brendan Buck, a
    spokesman for Ryan,] told POLITICO ..." (a plural is more often a list the clause goes on with)."""
    doc = verb.doc
    dash = next((i for i in range(verb.i - 1, verb.head.i, -1) if doc[i].text in DASHES), None)
    if dash is None or verb.dep_ != "conj" or dash + 1 >= verb.i:
        return None
    head = doc[dash + 1]
    while head.head.i != head.i and dash < head.head.i < verb.i:
        head = head.head
    if head.pos_ not in ("PROPN", "NOUN") or head.tag_ in ("NNS", "NNPS"):
        return None
    last = max(t.i for t in head.subtree)
    rest = doc[last + 1 : verb.i]
    return head if head.left_edge.i == dash + 1 and all(t.is_punct for t in rest) else None


def _object_quoted_as_saying(verb: Token) -> Token | None:
    """The object of "cited X as saying", "quoted X as saying": who said the words the participle reports."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.i < prep.i), None)


def antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: "an architect who said" -> architect. Other tokens stand for themselves."""
    clause = token.head
    if token.tag_ in ("WP", "WDT") and clause.dep_ == "relcl":
        return clause.head
    return token


#: Dependents a mention as written leaves out ("Scott, who says little, and Mescal": one person each).
MENTION_SKIPS = frozenset({"advcl", "conj"})
#: Clauses a mention as written keeps, by dependency and the fine tags of their verb (None: any):
#: "a developer who introduced him", "a report released Friday", as attribution corpora mark
#: sources; not "Scott, speaking to reporters," nor a clause that holds the cue or a quotation, nor one
#: that reports something itself (:func:`_reports_on_its_own`).
MENTION_CLAUSES: dict[str, frozenset[str] | None] = {"relcl": None, "acl": frozenset({"VBN", "JJ"})}


def _reports_on_its_own(clause: Token) -> bool:
    """A relative clause set off by a comma whose verb is a cue: "Barkley, who said he typically votes
    Democratic, ..." is an attribution of its own, not part of the speaker's mention (on PolNeAR train,
    annotators cut 39 such clauses off the source and kept 11; other relative clauses after a comma they
    keep two times in three). One without a comma says which: "the officials who ordered the change"."""
    return clause.dep_ == "relcl" and clause.lemma_.lower() in CUE_VERBS and _after_comma(clause)


def mention_span(heads: list[Token], cue: int | None = None) -> tuple[int, int]:
    """The token span of a mention as written: the heads' phrases, without edge punctuation.

    :param cue: the cue's token: a clause holding it is not part of the mention.
    """
    doc = heads[0].doc
    tokens: set[int] = set()
    for piece in _split_subject(heads[0]):
        tokens.update(t.i for t in piece.subtree)
    for head in heads:
        tokens.add(head.i)
        for child in head.children:
            if child.dep_ in MENTION_SKIPS or (child.dep_ == "cc" and child.i > head.i):
                continue
            tokens.update(t.i for t in child.subtree)
    kept = {h.i for h in heads}  # the heads stay, even one the parse made a clause; "which" is edge junk
    for i in sorted(tokens):  # in a longer mention, not when it is the mention
        token = doc[i]
        if token.dep_ in MENTION_CLAUSES and i in tokens and i not in kept:
            subtree = {t.i for t in token.subtree}
            tags = MENTION_CLAUSES[token.dep_]
            wanted = (tags is None or token.tag_ in tags) and not _reports_on_its_own(token)
            if not wanted or (cue is not None and cue in subtree) or any(doc[j].is_quote for j in subtree):
                tokens -= subtree - kept
                after = max(subtree) + 1
                while after in tokens and after not in kept and doc[after].is_punct:  # the comma that closed it
                    tokens.discard(after)
                    after += 1
    quotation = next((i for i in sorted(tokens) if i > max(kept) and _opens_quotation_after_comma(doc, i)), None)
    if quotation is not None:  # "reads an AEW press release, “a fierce talent ...”": the quotation goes on
        tokens = {i for i in tokens if i < quotation}
    start, end = min(tokens), max(tokens) + 1
    while start < end and start not in kept and (
        doc[start].is_punct or doc[start].is_space or doc[start].lower_ in EDGE_JUNK
    ):
        start += 1
    while end > start and end - 1 not in kept and (_edge_punct(doc[end - 1]) or doc[end - 1].lower_ in EDGE_JUNK):
        end -= 1
    return start, closed_bracket(doc, start, end)


def _opens_quotation_after_comma(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is a comma with a quotation mark after it."""
    return doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].is_quote


def closed_bracket(doc: Doc, start: int, end: int) -> int:
    """The end of a token span, past the bracket it opens and the next token closes: "the Royal Canadian
    Mounted Police (RCMP)", not "(RCMP"."""
    opened = sum(t.text == "(" for t in doc[start:end]) - sum(t.text == ")" for t in doc[start:end])
    return end + 1 if opened > 0 and end < len(doc) and doc[end].text == ")" else end


def _edge_punct(token: Token) -> bool:
    """Punctuation or white space that may edge a mention: all but a closing bracket ("Sen. David Perdue
    (R-Ga.)"), and a line break after a name the parse hung the next line on."""
    return (token.is_punct and token.text != ")") or token.is_space


def addressee_span(verb: Token, lemma: str) -> tuple[int, int] | None:
    """Whom the words went to: "told Entertainment Weekly", "said to reporters", "in an interview with CNN",
    "urged the judge to ...", "called on Congress to act"."""
    infinitive = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and _to_infinitive(c)), None)
    for child in verb.children:
        if (
            lemma in ADDRESSEE_OBJECT_CUES and child.pos_ in ("PROPN", "NOUN", "PRON") and child.i > verb.i
            and (
                child.dep_ == "dative"
                or (child.dep_ == "dobj" and (lemma not in THING_OBJECT_CUES or _a_hearer(child)))
            )
        ):
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            split = _hearer_run_into_subject(verb, clause) if child.dep_ == "dobj" else None
            return _addressee_mention(child) if split is None else split[0]
        if (
            infinitive is not None and child.dep_ == "prep" and child.lower_ in APPEAL_PREPS.get(lemma, ())
            and child.i < infinitive.i
        ):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and target.pos_ in ("PROPN", "NOUN", "PRON") and not is_time(target):
                return _addressee_mention(target)  # "called on the administration to block the deal"
        if infinitive is not None and child.i == infinitive.i and lemma in ADDRESSEE_OBJECT_CUES:
            subject = next((c for c in child.children if c.dep_ in NOMINAL_SUBJECT_DEPS and c.i < child.i), None)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON"):
                return _addressee_mention(subject)  # "urged the judge to ...", parsed as the clause's subject
        if (
            child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS and lemma not in NOT_HEARER_PREP_CUES
            and child.i > verb.i  # not a phrase before the cue: "To wit, Trump told Newsmax ..."
            and child.lower_ != PREDICATE_CUES.get(lemma)  # "likened the plan to a tax": what, not whom
        ):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and target.pos_ in ("PROPN", "NOUN") and not is_time(target):
                return _addressee_mention(target)
        if child.dep_ == "prep" and child.lower_ in ("in", "during", "on"):
            frame = next((c for c in child.children if c.dep_ == "pobj"), None)
            if frame is not None and frame.lemma_.lower() in ADDRESSEE_FRAMES:
                outlet = _outlet_of(frame)
                if outlet is not None:
                    return outlet
    return None


def _addressee_mention(head: Token) -> tuple[int, int]:
    """An addressee's mention, cut before a clause the parser hung on it ("told Anadolu Agency, a local news
    outlet, [that one of the deceased ...]", "asked Carrie Lam, [who is supported by ...]")."""
    start, end = mention_span([head])
    doc = head.doc
    for i in range(head.i + 1, end):
        if doc[i].dep_ in ("mark", "relcl", "acl", "ccomp", "advcl") or doc[i].tag_ in ("WP", "WDT", "WRB"):
            end = min(i, doc[i].left_edge.i) if doc[i].left_edge.i > head.i else i
            break  # "told a group of owners [that the road] would reopen": the clause from its first word
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].pos_ in EDGE_POS):
        end -= 1  # "told a caucus meeting [being] held in a church"
    return start, end


def _a_hearer(token: Token) -> bool:
    """A personal pronoun other than "it": "promised me that ..." (but "promised reform")."""
    return token.pos_ == "PRON" and token.lower_ in HEARER_PRONOUNS


def _to_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def is_time(token: Token) -> bool:
    """A date or a time ("on Friday", "to this day", "yesterday"): no one the words went to, no content."""
    return token.ent_type_ in TIME_LABELS or token.lower_ in TIME_WORDS


def _relayed_content(verb: Token) -> Token | None:
    """The words a reporting cue relays from the cue after it: "X, CNN Philippines reported the governor
    said", where "said" has no clause of its own and "reported" has X before it."""
    outer = verb.head
    if verb.dep_ != "ccomp" or outer.i > verb.i or outer.lemma_.lower() not in SPEECH_VERBS:
        return None
    if any(c.dep_ in ("dobj", "attr", "xcomp", "prep") for c in verb.children):
        return None  # "sources confirmed an FBI probe": the inner cue says something of its own
    return next((c for c in outer.children if c.dep_ in CONTENT_DEPS and c.i < outer.i), None)


def _subject_parsed_as_object(verb: Token, clause: Token | None) -> Token | None:
    """The reported clause's subject, which the parser made the cue's object: "have indicated [Hickenlooper]
    was encouraged", with "was encouraged" left with no subject of its own."""
    if verb.lemma_.lower() in ADDRESSEE_OBJECT_CUES:
        return None  # "told reporters ...": whom, see :func:`_hearer_run_into_subject`
    return _object_before_subjectless_clause(verb, clause)


def _object_before_subjectless_clause(verb: Token, clause: Token | None) -> Token | None:
    """The cue's object right before its reported clause when that clause has no subject of its own: the
    clause's subject, as the parser may have it ("have indicated [Hickenlooper] was encouraged")."""
    if clause is None or clause.dep_ != "ccomp" or clause.i < verb.i:
        return None
    if any(c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ in ("expl", "csubj") for c in clause.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj if obj is not None and obj.right_edge.i + 1 == clause.left_edge.i else None


def _clause_hung_on_hearer(verb: Token) -> Token | None:
    """A reported clause the parser made a relative clause of the hearer: "told [a meeting of Pacific Island
    leaders] that few people understood ...", "told a group of owners that the road would reopen". A clause
    that "that" opens, after a hearer who may speak, with a subject of its own (not "that" itself)."""
    hearer = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if hearer is None or not (may_speak(hearer) or any(may_speak(m) for m in _members(hearer))):
        return None
    for clause in hearer.subtree:
        if clause.dep_ != "relcl" or clause.i <= hearer.i or clause.left_edge.lower_ != "that":
            continue
        subjects = [c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS]
        if subjects and all(c.i != clause.left_edge.i for c in subjects) and finite_verb(clause):
            return clause
    return None


def _members(group: Token) -> list[Token]:
    """Who a noun's "of" phrase says it is made of: "a meeting of [leaders]"."""
    return [o for p in group.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]


def _told_name_after(verb: Token) -> Span | None:
    """The named entity right after a cue, when it is one that may be told (:data:`.tables.SPEAKING_LABELS`)."""
    ent = next((e for e in verb.doc.ents if e.start == verb.i + 1), None)
    return ent if ent is not None and ent.label_ in SPEAKING_LABELS else None


def _hearer_run_into_subject(verb: Token, clause: Token | None) -> tuple[tuple[int, int], Token] | None:
    """A name right after the cue that the parser ran into the object it made of the reported clause's subject
    ("told [The Jakarta Post] radio broadcasts were being used", with "broadcasts" the object and "were being
    used" left with no subject): the name, whom the words went to, and that object. Who may be told is who may
    speak (:data:`.tables.SPEAKING_LABELS`)."""
    obj = _object_before_subjectless_clause(verb, clause)
    if obj is None or obj.left_edge.i != verb.i + 1:
        return None
    ent = _told_name_after(verb)
    if ent is None or ent.end > obj.i:
        return None  # "told reporters the bill was dead" has no name to split off
    return (ent.start, ent.end), obj


def _addressee_run_into_clause(verb: Token, clause: Token) -> tuple[int, int] | None:
    """A name right after the cue that the parser ran into the subject of the reported clause ("told
    Agence France-Presse arson has been ruled out", with "Agence France-Presse arson" one noun phrase):
    the name is whom the words went to. Who may be told is who may speak (:data:`.tables.SPEAKING_LABELS`)."""
    subject = next((c for c in clause.children if c.dep_ in NOMINAL_SUBJECT_DEPS), None)
    if subject is None or subject.left_edge.i != verb.i + 1:
        return None
    ent = _told_name_after(verb)
    if ent is None or ent.end > subject.i or not verb.doc[ent.end].is_alpha:
        return None  # not "told Brussels-based media network EURACTIV ..."
    return ent.start, ent.end


def _outlet_of(frame: Token) -> tuple[int, int] | None:
    """The outlet or audience of "an interview with CNN", "a post on Facebook" (not "a post on Friday")."""
    for child in frame.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "to", "on"):
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
            if target is not None and not is_time(target):
                return _addressee_mention(target)
    names = [c for c in frame.children if c.dep_ in OWNER_DEPS and c.pos_ == "PROPN"]
    return mention_span(names) if names else None


def content_tokens(doc: Doc, hit: CueHit) -> list[int]:
    """The content of a cue: its clause less the cue and its speaker, as one run of tokens,
    or two when the cue stands inside its clause ("Acts of protest, he said, are acts of patriotism").

    An attribution nested in the clause stays in it ("said that officials believe X"), as
    attribution corpora mark contents; it is also an attribution of its own.
    """
    if hit.content_head is None:
        return []
    head = doc[hit.content_head]
    tokens = {t.i for h in [head, *(doc[i] for i in hit.content_more)] for t in h.subtree} - hit.content_exclude
    for own in [t for t in head.subtree if t.i != head.i and (reporters_own_cue(t) or joined_report(t))]:
        tokens -= {t.i for t in own.subtree}  # "said X, adding Y": Y is the participle's own content
    for gloss in [t for t in head.subtree if writers_gloss(t)]:
        tokens -= {t.i for t in gloss.subtree}
    tokens -= set(hit.tokens)
    if hit.speaker is not None:
        tokens -= set(range(*hit.speaker))
    first = min(tokens, default=hit.verb)
    if first < hit.verb and doc[first].tag_ in RELATIVE_TAGS and doc[hit.verb].dep_ == "relcl":
        tokens.discard(first)  # "a move that the kingdom says will shatter ...": "that" is the writer's
    if not tokens:
        return []
    tail = _trailing_aside(doc, tokens)
    if any(not doc[i].is_punct for i in tokens - tail):  # "acknowledged Sanders had split the first two
        tokens -= tail  # contests, which is an outcome ..."
    tokens -= _cue_time_before(doc, hit, tokens)
    ordered = sorted(tokens)
    run = _trimmed(doc, token_runs(ordered)[0])
    if run and hit.content_exclude and run[-1] < min(hit.content_exclude):
        gap = doc[run[-1] + 1 : min(hit.content_exclude)]
        rest = [i for i in ordered if i > max(hit.content_exclude)]
        if rest and all(t.is_punct or t.is_space for t in gap):
            run += _trimmed(doc, token_runs(rest)[0])
    return run


def _cue_time_before(doc: Doc, hit: CueHit, tokens: set[int]) -> set[int]:
    """A date or a time that opens a content right after its cue, before the clause's subject: it tells when
    the words were said ("told African-Americans this weekend he would consider ...", "told reporters Tuesday
    the bridge would reopen"), though the parser hangs it on the reported verb."""
    first = min(tokens)
    head = doc[hit.content_head] if hit.content_head is not None else None
    if first < hit.verb or not is_time(doc[first]) or doc[first].ent_iob_ not in ("B", ""):
        return set()
    if head is None or head.pos_ not in ("VERB", "AUX") or head.i <= first:
        return set()
    end = first + 1
    while end in tokens and doc[end].ent_iob_ == "I" and is_time(doc[end]):
        end += 1
    time = set(range(first, end))
    if end not in tokens or any(doc[i].head.i not in time and doc[i].dep_ not in TIME_ADVERBIAL_DEPS for i in time):
        return set()  # "consider a gap year between ...": a time that is the subject is what was said
    word = doc[end]  # the subject, or a word of its phrase ("the bridge")
    while word.dep_ not in NOMINAL_SUBJECT_DEPS and word.head.i != word.i and word.i != hit.content_head:
        word = word.head
    return time if word.dep_ in NOMINAL_SUBJECT_DEPS and word.i in tokens else set()


def _trailing_aside(doc: Doc, tokens: set[int]) -> set[int]:
    """A relative clause set off by a comma at the end of a reported clause, outside quotation marks: the
    writer's aside on its last noun, not the speaker's words ("said he had access to the server, which he
    described as ..."; :data:`.tables.ASIDE_PRONOUNS`)."""
    first, last = min(tokens), max(tokens)
    for i in sorted(tokens):
        token = doc[i]
        if token.dep_ != "relcl" or i == first:
            continue
        clause = {t.i for t in token.subtree}
        opening = doc[min(clause)]
        if (
            max(clause) >= last and min(clause) > 0 and doc[min(clause) - 1].text == ","
            and opening.lower_ in ASIDE_PRONOUNS and not any(doc[j].is_quote for j in clause)
        ):
            return {j for j in tokens if j >= min(clause) - 1}
    return set()


def _junk_start(token: Token) -> bool:
    """A word no content starts with ("and", "which", "as" of "as he put it"), unless it heads a phrase of
    its own: "as of Wednesday, there were ..."."""
    return token.lower_ in EDGE_JUNK and not (token.lower_ == "as" and any(c.i > token.i for c in token.children))


def _trimmed(doc: Doc, run: list[int]) -> list[int]:
    """``run`` without edge punctuation and words that cannot start or end a content."""
    while run and (doc[run[0]].is_punct or _junk_start(doc[run[0]]) or doc[run[0]].is_space):
        run = run[1:]
    while run and (
        doc[run[-1]].lower_ in EDGE_JUNK
        or doc[run[-1]].is_space
        or doc[run[-1]].pos_ in DANGLING_POS
        or doc[run[-1]].dep_ == "prep"
        or _dangling_punct(doc[run[-1]])
    ):
        run = run[:-1]
    return run


def token_runs(tokens: list[int]) -> list[list[int]]:
    """Ascending token indices cut into runs of consecutive ones."""
    runs: list[list[int]] = []
    for i in tokens:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _dangling_punct(token: Token) -> bool:
    return token.is_punct and token.text not in ("”", '"', "’", ")", "]", ".", "!", "?")
