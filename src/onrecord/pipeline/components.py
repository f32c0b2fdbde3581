"""onrecord's spaCy components and their factories, registered in one place.

* ``onrecord_paragraphs`` (before the parser): every line starts a sentence.
* ``onrecord_lemmas``: sets right the verb lemmas the lemmatizer gets wrong ("hopes" is not "hop").
* ``onrecord_prose``: marks the paragraphs that are not prose (captions, embeds).
* ``onrecord_turns``: the speakers' turns of an interview transcript ("Q: ...", "((Zara Kay)) ...").
* ``onrecord_people``: the article's people, grouped, with roles (turn labels included).
* ``onrecord_tagger``: the learned span tagger's attributions, for the next step to merge.
* ``onrecord_attribution``: the quotations, with cue, speaker and addressee.
* ``onrecord``: all of the above after the parser, in one step
  (``nlp.add_pipe("onrecord")``); it also puts ``onrecord_paragraphs`` before
  the parser when the pipeline has one and lacks it, and puts
  ``onrecord_attribute_ruler`` (:mod:`.tagtable`: the same attributes, found
  five times faster) in place of spaCy's ``attribute_ruler``.

Results are on ``doc._.quotes`` (list of :class:`~onrecord.records.Quote`),
``doc._.people`` (list of :class:`~onrecord.records.Person`) and
``doc._.organizations``; non-prose paragraphs on ``doc.spans["onrecord_nonprose"]``; transcript
turns on ``doc._.onrecord_turns`` (list of :class:`~onrecord.pipeline.turns.Turn`).
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import Errors
from ..records import Person
from .attribution import Attributor
from .coref import organization_entities, organization_name
from .learned import TaggerComponent
from .lemmas import fix_verb_lemmas
from .paragraphs import non_prose_spans, set_paragraph_starts, text_of
from .people import People, PeopleFinder, common_words, office_domain
from .tables import MIN_TURNS, TURN_MARKS
from .tagtable import use_tag_table
from .turns import Turn, find_turns

NONPROSE_KEY = "onrecord_nonprose"

for _name, _default in (
    ("quotes", None), ("people", None), ("organizations", None), ("onrecord_people", None), ("onrecord_turns", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def _skip_spans(doc: Doc) -> list[tuple[int, int]]:
    if NONPROSE_KEY in doc.spans:
        return [(s.start_char, s.end_char) for s in doc.spans[NONPROSE_KEY]]
    return non_prose_spans(text_of(doc))


class TurnFinder:
    """Finds the turns of an interview transcript; sets ``doc._.onrecord_turns`` (``[]`` for other articles).

    :param finder: whose first names tell a speaker's label ("JAKE TAPPER:") from a dateline.
    """

    def __init__(self, finder: PeopleFinder | None = None) -> None:
        self.finder = finder or PeopleFinder()

    def __call__(self, doc: Doc) -> Doc:
        doc._.onrecord_turns = self.turns(doc)
        return doc

    def turns(self, doc: Doc) -> list[Turn]:
        counts = doc.count_by(ORTH)
        if sum(counts.get(doc.vocab.strings[mark], 0) for mark in TURN_MARKS) < MIN_TURNS:
            return []  # too few colons or brackets for labels: spare building the text (most articles)
        return find_turns(text_of(doc), _skip_spans(doc), self.finder.is_first_name)


class ProseMarker:
    """Marks the paragraphs that are not prose on ``doc.spans["onrecord_nonprose"]``."""

    def __call__(self, doc: Doc) -> Doc:
        spans = [doc.char_span(s, e, alignment_mode="expand") for s, e in non_prose_spans(text_of(doc))]
        doc.spans[NONPROSE_KEY] = [s for s in spans if s is not None]
        return doc


class PeopleComponent:
    """Finds the article's people; sets ``doc._.people`` and ``doc._.organizations``."""

    def __init__(self, common_words: frozenset[str] = frozenset()) -> None:
        self.finder = PeopleFinder(common_words)

    def __call__(self, doc: Doc) -> Doc:
        skip = _skip_spans(doc)
        if doc._.onrecord_turns is None:  # added one by one, without onrecord_turns
            doc._.onrecord_turns = TurnFinder(self.finder).turns(doc)
        labels = [t.label for t in doc._.onrecord_turns if not t.interviewer]
        people = self.finder(doc, skip, labels)
        doc._.onrecord_people = people
        doc._.people = _persons(doc, people)
        doc._.organizations = _organizations(doc, people, skip)
        return doc


class AttributionComponent:
    """Finds the attributions; sets ``doc._.quotes``. Needs ``onrecord_people`` first."""

    def __init__(self, thoughts: bool = True, scope: str = "speech") -> None:
        self.attributor = Attributor(thoughts=thoughts, scope=scope)

    def __call__(self, doc: Doc, scope: str | None = None) -> Doc:
        """:param scope: this document's scope, instead of the component's (``component_cfg``)."""
        people: People | None = doc._.onrecord_people
        if people is None:
            raise ValueError(Errors.E101)
        doc._.quotes = self.attributor(
            doc, people, _skip_spans(doc), doc._.onrecord_tagged, doc._.onrecord_turns, scope=scope
        )
        return doc


class Onrecord:
    """Everything after the parser in one component: verb lemmas, prose, turns, people, the learned tagger,
    attributions.

    :param learned: also run the learned span tagger (:mod:`.learned`) and merge what it finds.
    :param tagger_threads: onnxruntime threads for the tagger (0: onnxruntime decides).
    :param scope: "speech" (what people said, wrote or think) or "all" (also the acts and stances the
        tagger finds, as PolNeAR counts attributions); see :data:`.attribution.SCOPES`.
    :param common_words: the language's common words (see :func:`.people.common_words`).
    """

    def __init__(
        self, thoughts: bool = True, learned: bool = True, tagger_threads: int = 1, scope: str = "speech",
        common_words: frozenset[str] = frozenset(),
    ) -> None:
        self.prose = ProseMarker()
        self.people = PeopleComponent(common_words)
        self.turns = TurnFinder(self.people.finder)
        self.tagger = TaggerComponent(threads=tagger_threads) if learned else None
        self.attribution = AttributionComponent(thoughts=thoughts, scope=scope)

    def __call__(self, doc: Doc, scope: str | None = None) -> Doc:
        """:param scope: this document's scope, instead of the component's: ``nlp(text,
        component_cfg={"onrecord": {"scope": "all"}})``."""
        doc = self.people(self.turns(self.prose(fix_verb_lemmas(doc))))
        if self.tagger is not None:
            doc = self.tagger(doc)
        return self.attribution(doc, scope=scope)


def _persons(doc: Doc, people: People) -> list[Person]:
    return [
        Person(
            name=c.name,
            roles=list(c.roles),
            mentions=[(doc[s].idx, doc[e - 1].idx + len(doc[e - 1])) for s, e in c.mentions],
            gender=c.gender,
        )
        for c in people.clusters
    ]


def _organizations(doc: Doc, people: People, skip: list[tuple[int, int]]) -> list[str]:
    names: list[str] = []
    for ent in organization_entities(doc, people):
        if any(people.cluster_of(t) is not None for t in ent):
            continue
        if len(ent) == 1 and office_domain(ent[0]):
            continue  # "Secretary of State": an office, not an organisation
        if any(s <= ent.start_char < e for s, e in skip):
            continue
        name = organization_name(ent)
        if name not in names:
            names.append(name)
    return names


@Language.component(
    "onrecord_paragraphs",
    assigns=["token.is_sent_start"],
)
def make_paragraphs(doc: Doc) -> Doc:
    return set_paragraph_starts(doc)


@Language.component("onrecord_lemmas", requires=["token.lemma", "token.tag"], assigns=["token.lemma"])
def make_lemmas(doc: Doc) -> Doc:
    return fix_verb_lemmas(doc)


@Language.factory("onrecord_prose", assigns=["doc.spans"])
def make_prose(nlp: Language, name: str) -> ProseMarker:
    return ProseMarker()


@Language.factory("onrecord_turns", assigns=["doc._.onrecord_turns"])
def make_turns(nlp: Language, name: str) -> TurnFinder:
    return TurnFinder()


@Language.factory("onrecord_people", requires=["doc.ents", "token.dep"], assigns=["doc._.people"])
def make_people(nlp: Language, name: str) -> PeopleComponent:
    return PeopleComponent(common_words(nlp))


@Language.factory(
    "onrecord_attribution",
    default_config={"thoughts": True, "scope": "speech"},
    requires=["doc._.people", "token.dep", "token.lemma"],
    assigns=["doc._.quotes"],
)
def make_attribution(nlp: Language, name: str, thoughts: bool, scope: str) -> AttributionComponent:
    return AttributionComponent(thoughts=thoughts, scope=scope)


@Language.factory(
    "onrecord_tagger",
    default_config={"weights": None, "threads": 1},
    assigns=["doc._.onrecord_tagged"],
)
def make_tagger(nlp: Language, name: str, weights: str | None, threads: int) -> TaggerComponent:
    return TaggerComponent(weights, threads)


@Language.factory(
    "onrecord",
    default_config={"thoughts": True, "learned": True, "tagger_threads": 1, "scope": "speech"},
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.quotes", "doc._.people", "doc._.organizations"],
)
def make_onrecord(
    nlp: Language, name: str, thoughts: bool, learned: bool, tagger_threads: int, scope: str
) -> Onrecord:
    if "parser" in nlp.pipe_names and "onrecord_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("onrecord_paragraphs", before="parser")
    use_tag_table(nlp)
    return Onrecord(
        thoughts=thoughts, learned=learned, tagger_threads=tagger_threads, scope=scope, common_words=common_words(nlp)
    )

