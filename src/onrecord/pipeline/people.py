"""The article's people: names found, grouped into persons, with roles and gender.

spaCy's small English model often labels a person ORG ("Paul Mescal"), so a
name is also recognised by a known first name, and a lone surname or first
name by the full names the article has already given.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from gender_guesser.detector import Detector
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .cues import agent_noun
from .paragraphs import inside, text_of
from .quotemarks import QuoteMarks, find_quotations, title_like
from .tables import (
    ANY_ORG_NOUNS, ARTICLES, CAPTION_WORDS, COMPANY_ROLES, COMPOUND_ROLES, HYPHENS, HYPHEN_ROLE_PREFIXES,
    INTERVIEWER_LABELS, KINSHIP_ROLES, KNOWN_ORGANIZATIONS, MIN_ONE_WORD_MENTIONS, NAME_PARTICLES, NAME_SEPARATORS,
    NAME_SUFFIXES, NOMINAL_SUBJECT_DEPS, OFFICE_DOMAINS, PARTY_WORDS, PERSONAL_ORG_NOUNS, PERSON_NOUNS,
    PLACE_LABELS, PLACE_NOUNS, PLACE_OWNED_NOUNS, POST_NOMINALS, PRONOUNS, REGNAL_TITLES, ROLE_NOUNS, TITLES,
    TITLE_PREPOSITIONS, TRUST_WORDS,
)

_GENDER = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}
#: The name lists' answers sure enough that the article's pronouns do not overrule them.
_SURE_GENDER = frozenset({"male", "female"})
#: Words that end the name of an institution, a work or an event and never a person's (unlike "Lane",
#: "House", "Church", "Court", "Banks"): "John Radcliffe Hospital", "Gun Violence Archive", "The Doris
#: Day Show". A name the NER calls a person is none when it holds one.
INSTITUTION_WORDS = frozenset(
    """institute university college academy school hospital clinic society service services brigade police
    archive telescope observatory laboratory lab labs museum stadium arena library hotel accord agreement act
    accords clause headquarters federation authority show management computing foundation association committee
    council commission agency department ministry corporation company inc ltd llc festival fest awards award
    prize trophy cup airlines airways airport avenue road league union party group team club network news
    times journal magazine daily weekly center centre parliament senate congress assembly government
    administration bureau tribunal army navy corp corps trust programme program project initiative movement
    alliance coalition board systems technologies media television radio channel gazette herald tribune
    charity motors holdings ventures solutions software pictures productions entertainment studio studios
    records vote mission family partners conditions platform flight fund film films world review gop
    pharmaceuticals pharmaceutical international research analytics consulting tower towers pipeline
    marathon olympiad expo bulletin strategies organizations organisations boulevard square plaza mall mosque
    facility parish reservation tribes exchange railway railways""".split()
)
_LINE_WORDS = re.compile(r"[^\W_][\w’'-]*")
#: Words a headline in title case may write in lower case.
_HEADLINE_SMALL_WORDS = frozenset("a an the of and or but nor in on at to for with from by as vs via per".split())
#: Words that are no part of a name the NER did not call a person ("Santa Cruz Island", "Rosa Klein Park").
_NOT_NAME_WORDS = INSTITUTION_WORDS | frozenset(
    """bank post press office court house church park city county state street drive lane bridge river lake
    mount mountain valley beach bay coast station island islands forces force reserve marine tracker point image
    photo file video organisation organization members member heights village crisis metro métro underground sea
    peninsula province grande twitter facebook instagram youtube tiktok reddit linkedin wikipedia wikinews google
    brexit administration campaign government family catholic catholics protestant orthodox evangelical baptist
    methodist anglican lutheran
    majesty highness excellency holiness lordship ladyship eminence
    covid coronavirus ebola zika
    et est edt pt pst pdt ct cst cdt mt mst mdt gmt utc bst cet cest aest""".split()
)
#: Words after a person's name that name what the person leads, owns or belongs to ("the Obama administration",
#: "Trump Tower"), unlike the other words no name holds (:data:`_NOT_NAME_WORDS`).
NAMESAKE_WORDS = PERSONAL_ORG_NOUNS | frozenset(
    "family government campaign house tower towers hotel team group show party foundation fund trust".split()
)
#: Words before a storm's name, which is often a person's ("Hurricane Humberto").
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "depression"})
#: Words that open the name of a place and never a person's: "County Kerry", "Fort Lee", "Lake Placid".
PLACE_PREFIXES = frozenset("county fort lake mount cape".split())
#: Names of countries, nationalities and cities that the name lists also hold as first names ("India",
#: "German", "London"): such a word opens no person's name the NER did not call a person's ("London Stock
#: Exchange", "Philippine Red Cross", "America First"). Names people often bear ("Georgia", "Jordan",
#: "Paris", "Victoria", "Austin") are left out.
PLACE_FIRST_WORDS = frozenset(
    """america argentina argentine france german india iran kenya mali philippine syria thai asia london manila
    geneva vienna lima colombo montana hong""".split()
)
#: The possessive of a thing or a body, and those of a person: a subject that owns "its" things and never
#: "his" or "her" ones is no person ("SpaceX tested its capsule").
THING_POSSESSIVE = "its"
PERSON_POSSESSIVES = frozenset({"his", "her"})
#: Dependencies of a verb's objects.
OBJECT_DEPS = frozenset({"dobj", "attr"})
#: Dependencies of a word that modifies another: "the Obama hug" is no group called "Obama".
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})
#: Parts of speech of a sentence's first word that make it no part of a name the NER ran it into ("[Regarding]
#: Ashodaya", "[Born] Robert Burns in 1941").
NO_NAME_POS = frozenset({"VERB", "AUX", "ADP", "ADV", "SCONJ", "CCONJ", "INTJ", "PRON", "DET"})
#: Prepositions after which a word names a place, not a person.
PLACE_PREPOSITIONS = frozenset({"in", "near", "across", "throughout", "inside", "outside", "around"})
#: ... and of a platform or a medium ("on Twitter", "via Facebook").
MEDIUM_PREPOSITIONS = PLACE_PREPOSITIONS | frozenset({"on", "via"})
#: Words before an organisation that make it a workplace, whatever first name it opens with.
EMPLOYER_PREPOSITIONS = frozenset({"at"})
#: Offices whose "of" names a workplace, not a person: "chief executive of Morgan Stanley", "the Chief
#: Technology Officer of Red Hat". (Not "wife of", "lawyer of", "spokesman of": they may name a person.)
OFFICES_OF_A_WORKPLACE = frozenset(
    """officer executive ceo cfo coo cto president vice-president chairman chairwoman chairperson chair director
    founder co-founder cofounder head dean rector principal governor mayor minister secretary member manager
    editor owner employee staff""".split()
)
#: Entity labels the small model gives names of people it does not know ("Paul Mescal" ORG); a place
#: ("Savannah Guthrie" GPE) only with a plain first name: "San Francisco" and "El Paso" open with one too.
NAME_LIKE_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART", ""})
#: The NER's label of a word that describes a person (a nationality, a faith, a party), not one of a name.
DESCRIBING_LABELS = frozenset({"NORP"})
_APOSTROPHE_NAME = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)+")


@dataclass
class Cluster:
    """One person of the article while it is being read."""

    name: str
    parts: tuple[str, ...]  # lowercase name parts, titles and suffix left out
    gender: str | None = None
    suffix: str = ""  # "jr", "iii": Donald Trump Jr. is not Donald Trump
    sure_gender: bool = False  # from a title ("Mrs.") or a first name the lists are sure of, not "mostly_*"
    titled: bool = False  # the gender is a title's ("King Maha Vajiralongkorn"), which the name lists do not overrule
    roles: list[str] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)  # from the words before a role ("Democratic front-runner")
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans

    @property
    def first(self) -> str | None:
        return self.parts[0] if len(self.parts) > 1 else None

    @property
    def last(self) -> str:
        return self.parts[-1]

    def add_role(self, role: str) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


@dataclass
class People:
    """The persons of one document and which tokens mention them."""

    clusters: list[Cluster] = field(default_factory=list)
    token_cluster: dict[int, int] = field(default_factory=dict)  # token index -> cluster index

    def cluster_of(self, token: Token) -> int | None:
        return self.token_cluster.get(token.i)

    def mention_at(self, token: Token) -> tuple[int, int] | None:
        """The (start, end) token span of the mention of a person that holds ``token``, if one does."""
        cluster = self.token_cluster.get(token.i)
        if cluster is None:
            return None
        return next(((s, e) for s, e in self.clusters[cluster].mentions if s <= token.i < e), None)

    def with_surname(self, word: str) -> list[int]:
        """The people whose name ends with ``word`` (lower case) and has more before it."""
        return _by_surname(self, (word,))

    def mentions_in_order(self) -> list[tuple[int, int, int]]:
        """(start token, end token, cluster) of every mention, in document order."""
        found = [(s, e, c) for c, cl in enumerate(self.clusters) for s, e in cl.mentions]
        return sorted(found)


def common_words(nlp: Language) -> frozenset[str]:
    """The words of the pipeline's lemmatizer's index (the English pipeline's: WordNet's nouns, verbs,
    adjectives and adverbs), in lower case; none without such a lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    return frozenset(word for words in lookups.get_table("lemma_index").values() for word in words)


class PeopleFinder:
    """Finds and groups the people of a document.

    :param common_words: words of the language (:func:`common_words`): a sentence's first word that is one,
        and no first name, is no part of a name after it ("Afterwards Trump", "Moderator Hugh Hewitt").
    """

    def __init__(self, common_words: frozenset[str] = frozenset()) -> None:
        self.detector = Detector(case_sensitive=False)
        self.common_words = common_words

    def gender_of_first_name(self, name: str) -> str | None:
        return _GENDER.get(self.detector.get_gender(name))

    def _new_cluster(self, name: str, parts: tuple[str, ...], first_name: Token | None, suffix: str = "") -> Cluster:
        answer = self.detector.get_gender(first_name.text) if first_name is not None else "unknown"
        return Cluster(name, parts, _GENDER.get(answer), suffix, sure_gender=answer in _SURE_GENDER)

    def is_first_name(self, word: str) -> bool:
        return word[:1].isupper() and self.detector.get_gender(word) != "unknown"

    def _common_word(self, word: Token) -> bool:
        """A word of the language, or a plural or third person of one ("Walks", "Surfaces", "Companies")."""
        lower = word.lower_
        return any(form in self.common_words for form in (lower, *_singulars(lower)))

    def _opens_no_name(self, word: Token) -> bool:
        """A sentence's first word, capitalised only as such, that is no part of a name after it: a common
        word or a role's that is no first name ("Afterwards", "Though", "Moderator"; not "Rahm" or "Hope")."""
        return word.is_sent_start and not self.is_first_name(word.text) and (
            word.pos_ != "PROPN" or word.lower_ in self.common_words or _role_word(word)
        )

    def __call__(self, doc: Doc, skip: list[tuple[int, int]], labels: list[tuple[int, int]] | None = None) -> People:
        """Find the people of ``doc``, ignoring characters in the ``skip`` spans.

        :param labels: the speaker labels of a transcript's turns (see :meth:`add_speaker_labels`).
        """
        people = People()
        text = text_of(doc)
        quotations = find_quotations(text)
        titles = [m.inner for m in quotations if title_like(text[m.inner[0] : m.inner[1]]) or title_in_its_phrase(doc, m)]
        candidates = [
            c for c in self._name_spans(doc)
            if not inside(c.start_char, skip) and not _part_of_a_title(c, titles)
        ]
        places = _written_as_places([c for c in candidates if not self.is_first_name(c[0].text)])
        full = [c for c in candidates if len(_parts(_name_tokens(c))) > 1 and c.text.lower() not in places]
        for span in full:
            self._add(people, span)
        self.add_speaker_labels(doc, people, labels or [])
        for span in candidates:
            if len(_parts(_name_tokens(span))) == 1:
                self._add(people, span)
        self.add_speaker_labels(doc, people, labels or [])  # "WALLACE:" once the NER's one-word "Wallace" is known
        self._add_lone_names(doc, people, skip)
        for cluster in people.clusters:
            cluster.mentions.sort()
        _genders_from_pronouns(doc, people, [(m.start, m.end) for m in quotations])
        return people

    def add_speaker_labels(self, doc: Doc, people: People, labels: list[tuple[int, int]]) -> None:
        """Make the speaker labels of a transcript's turns mentions of people ("((Zara Kay))", "LOPEZ:").

        A label names the person the article already has by that name, surname or initials
        ("NG" for Natasha Gownaris), else a new person when it reads as a full name, or as a
        one-word name ("((Jaya))") that labels at least :data:`.tables.MIN_ONE_WORD_MENTIONS` turns.
        """
        text = text_of(doc)
        times = Counter(text[s:e].strip().lower() for s, e in labels)
        for start, end in labels:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            words = _name_tokens(span)
            if not words or any(t.i in people.token_cluster for t in words):
                continue
            written = _parts(words)
            parts = tuple(p.lower() for p in written)
            index = self._match(people, parts, span.start)
            if index is None and len(written) == 1 and words[0].is_upper:
                index = _by_initials(people, words[0].lower_)
            one_word = (
                len(written) == 1 and _capitalised(words[0]) and _is_word(words[0])
                and times[text[start:end].strip().lower()] >= MIN_ONE_WORD_MENTIONS
                and words[0].lower_ not in INTERVIEWER_LABELS and words[0].lower_ not in _NOT_NAME_WORDS
            )
            if index is None and (2 <= len(written) <= 4 or one_word) and _written_as_name(span):
                name = " ".join(p.title() if p.isupper() else p for p in written)
                people.clusters.append(self._new_cluster(name, parts, words[0]))
                index = len(people.clusters) - 1
            if index is None:
                continue
            people.clusters[index].mentions.append((words[0].i, words[-1].i + 1))
            people.clusters[index].mentions.sort()
            for w in words:
                people.token_cluster[w.i] = index

    def _name_spans(self, doc: Doc) -> list[Span]:
        persons = [
            s for s in (self._without_acronym(_widen(e, self._opens_no_name)) for e in doc.ents if e.label_ == "PERSON")
            if s is not None and _written_as_name(s)
        ]
        institutions = [s for s in persons if self._runs_into_an_institution(s)]
        named_for = {  # the surname of the person an institution is named for: "Richard J. Donovan [Facility]"
            w.lower_ for words in map(_name_tokens, institutions)
            if len(words) >= 3 and self.is_first_name(words[0].text) for w in words[1:-1]
        }
        named_for |= {  # "the College of Wooster": no "Wooster" elsewhere ("The Wooster professor")
            t.lower_ for t in doc if t.is_title and t.pos_ == "PROPN" and _of_an_institution(doc[t.i : t.i + 1])
        }
        spans = [
            s for s in persons if s not in institutions
            and not (len(_name_tokens(s)) == 1 and _name_tokens(s)[0].lower_ in named_for)  # "at Donovan"
        ]
        workplaces = {
            t.i for ent in doc.ents if ent.label_ == "ORG" and ent.start > 0
            and doc[ent.start - 1].lower_ in EMPLOYER_PREPOSITIONS for t in ent
        }  # "an analyst at Morgan Stanley"
        workplaces |= self._workplaces_of_offices(doc)
        for ent in doc.ents:
            if ent.start in workplaces:
                continue
            if ent.label_ in NAME_LIKE_LABELS and self._looks_like_name(ent) or (
                ent.label_ in PLACE_LABELS and self._looks_like_name(ent) and self._plain_first_name(ent[0])
            ):
                spans.append(ent)
        taken = {t.i for s in spans for t in s}
        run: list[Token] = []
        for token in list(doc) + [None]:  # capitalised runs the NER missed
            if (
                token is not None and token.pos_ == "PROPN" and token.i not in taken and _capitalised(token)
                and token.ent_type_ not in PLACE_LABELS and token.i not in workplaces  # judged above
            ):
                run.append(token)
                continue
            if len(run) in (2, 3):
                span = doc[run[0].i : run[-1].i + 1]
                if self._looks_like_name(span):
                    spans.append(span)
            run = []
        spans = [piece for span in spans for piece in _split_at_separators(span) if not _storm(piece)]
        companies = _companies(doc)
        spans = [s for s in spans if not _company_name(_lowered(_name_tokens(s)), companies)]
        return sorted(self._headline_names(doc, spans), key=lambda s: s.start)

    def _headline_names(self, doc: Doc, spans: list[Span]) -> list[Span]:
        """Names in a line written in title case or capitals cut to the names the rest of the article writes:
        "Bernie Sanders Beats Hillary Clinton In Oklahoma" names Bernie Sanders and Hillary Clinton, "Trump
        Made This Demand" Trump. A headline name the article never writes must open with a first name and go
        on with no common word, unless a colon follows it ("Ann Coulter: ..."): "Bombshell Hillary Photo
        Surfaces" names only Hillary, if the article names a Hillary, and "Will Run", "Guy Walks" no one."""
        cased = _title_case_lines(text_of(doc))
        if not cased:
            return spans
        heading = [any(a <= s.start_char < b for a, b in cased) for s in spans]
        known = {_lowered(_name_tokens(s)) for s, h in zip(spans, heading, strict=True) if not h}
        first_names = {name[:1] for name in known if len(name) > 1}
        known |= {name[-n:] for name in list(known) for n in range(1, len(name))}  # surnames ("Wasserman Schultz")
        kept: list[Span] = []
        for span, in_heading in zip(spans, heading, strict=True):
            if not in_heading:
                kept.append(span)
                continue
            words = _name_tokens(span)
            pieces = _known_pieces(words, known)
            if pieces:
                kept.extend(doc[words[i].i : words[j - 1].i + 1] for i, j in pieces)
                continue
            words = self._without_leading_words(words)
            if len(words) > 1 and self.is_first_name(words[0].text) and words[0].lower_ not in _HEADLINE_SMALL_WORDS:
                end = _end_of_second_part(words)  # a name only the headline has: "Maria Lopez [Wins Land Case]"
                last = words[end]
                before_colon = last.i + 1 < len(doc) and doc[last.i + 1].text == ":"  # "Ann Coulter: ..."
                if before_colon or not any(self._common_word(w) for w in words[1 : end + 1]):
                    kept.append(doc[words[0].i : words[end].i + 1])
                elif (words[0].lower_,) in first_names:  # "Hillary [Photo]": the Hillary the article names
                    kept.append(doc[words[0].i : words[0].i + 1])
        return kept

    def _runs_into_an_institution(self, span: Span) -> bool:
        """ "John Radcliffe Hospital", "[Saint Francis] Hospital", "Gun Violence Archive": a name the NER took
        for a person's that ends with an institution's word, or goes on from one's "of" ("University of South
        [Carolina Beaufort]"); or holds a place's word after a word that is no
        first name ("Wellhouse Lane", not "Rob Lane"; "Park Won-soon" opens with his family name)."""
        words = _name_tokens(span)
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if len(words) > 1 and (words[-1].lower_ in INSTITUTION_WORDS or words[0].lower_ in PLACE_PREFIXES) or (
            after is not None and after.is_title and after.lower_ in INSTITUTION_WORDS
        ):
            return True
        if _of_an_institution(span):
            return True
        return any(w.lower_ in _NOT_NAME_WORDS for w in words[1:]) and not self.is_first_name(words[0].text)

    def _workplaces_of_offices(self, doc: Doc) -> set[int]:
        """The tokens of names after "of" that hang on an office ("director of Grace Hopper Academy"), unless
        the NER calls them a person or they run the title's office into a name ("Minister of Scotland Nicola
        Sturgeon")."""
        found: set[int] = set()
        for token in doc:
            if token.lower_ != "of" or token.head.lemma_.lower() not in OFFICES_OF_A_WORKPLACE:
                continue
            name = next((c for c in token.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if name is None or name.ent_type_ == "PERSON":
                continue
            if name.i + 1 < len(doc) and doc[name.i + 1].ent_iob_ == "I":
                continue  # the entity runs on into a name: "Minister of [India Narendra Modi]"
            office = token.head
            words = [t for t in name.subtree if token.i < t.i <= name.i]
            if office.is_title and office.lower_.rstrip(".") in TITLES and len(words) > 2 and _office_before_name(name):
                continue  # the name after a title's "of" phrase (see appositives)
            found.update(t.i for t in words)
        return found

    def _named_relative(self, word: Token) -> bool:
        """A first name set beside a noun of kinship or role ("Reyes's sister, Maria, said"): a person, if
        named only once."""
        return (
            word.dep_ == "appos" and word.head.pos_ == "NOUN" and word.ent_type_ == "PERSON"
            and word.head.lemma_.lower() not in PLACE_NOUNS  # "the capital, Sanaa": a place
            and self.gender_of_first_name(word.text) is not None  # "His wife Mary" ("mostly_female")
        )

    def _plain_first_name(self, token: Token) -> bool:
        """A first name that is nothing else: "James", "Savannah" (a place the NER saw in "Savannah Guthrie");
        not "San", "El" or "Trinity", which the name lists also hold."""
        return self.detector.get_gender(token.text) in ("male", "female")

    def _without_acronym(self, span: Span) -> Span | None:
        """A person's name less an acronym the NER ran into it: "[MSNBC] Chris Hayes" is Chris Hayes; and
        None when one word is left ("Post [COVID] Melbourne" is no one). An acronym is three capitals or
        more, before a word written as a name, that is no first name the lists know."""
        first = span[0]
        if (
            len(span) > 1 and len(first) >= 3 and first.is_upper and first.is_alpha and _capitalised(span[1])
            and not self.is_first_name(first.text)
        ):
            return span[1:] if len(_name_tokens(span[1:])) > 1 else None
        return span

    def _looks_like_name(self, span: Span) -> bool:
        if any(t.text in "()[]" for t in span):
            return False  # "Janata Dal (United)": a name has no brackets
        words = self._without_leading_words(_name_tokens(span))
        if words and words[0].lower_ in NAME_PARTICLES | PLACE_PREFIXES:
            return False  # "Al Jazeera", "El Paso": a particle, not a first name; "Fort Lee"
        if words and _of_an_institution(span.doc[words[0].i : span.end]):
            return False  # "University of South Carolina Beaufort": no "Carolina Beaufort"
        if words and len(_parts(_split_suffix(words)[0])) == 1 and _regnal_title(words[0]) is not None:
            return self.is_first_name(words[0].text)  # "Queen Elizabeth II", "Pope Francis"
        if not 2 <= len(_parts(words)) <= 4 or not all(_capitalised(w) and _is_word(w) for w in words):
            return False
        if words[0].ent_type_ in DESCRIBING_LABELS and words[-1].lower_.rstrip(".") in TITLES:
            return False  # "German Chancellor", "Philippine President": a nationality and an office, no name
        if any(w.lower_ in _NOT_NAME_WORDS for w in words[1:]):
            return False  # the first word is a first name ("River Phoenix")
        after = span.doc[span.end] if span.end < len(span.doc) else None
        if after is not None and after.is_title and after.lower_ in _NOT_NAME_WORDS:
            return False  # "Santa Cruz Island", "Paul Smith Foundation"
        before = span.doc[words[0].i - 1] if words[0].i > span.start else None
        if before is not None and before.is_title and (
            before.lower_.rstrip(".") in TITLES or _place_of_office(before)
        ) and not any(_title_word(w) for w in words):
            return True  # a name after a title, whatever the lists know of it: "Princess Ubolratana Mahidol"
        if words[0].lower_ in PLACE_FIRST_WORDS and span.label_ != "PERSON":
            return False  # "London Stock Exchange", "Indian Railways"
        holder = appositive_of(span.root)
        set_off = span.start > 0 and span.doc[span.start - 1].text == ","
        office = holder is not None and (holder.lower_ in TITLES or holder.lemma_.lower() in ROLE_NOUNS)
        if set_off and office and holder.lemma_.lower() not in COMPANY_ROLES:
            return True  # "the current president of Namibia, Hage Geingob": a name set off beside a role
            # (not "Its biggest creditor, Goldman Sachs", "its largest investor, SoftBank": a company's role)
        if set_off and holder is not None and holder.pos_ == "NOUN" and holder.lemma_.lower() not in PERSON_NOUNS:
            return False  # "its own tournament, March Madness": a thing's name
        return self.is_first_name(words[0].text)

    def _without_leading_words(self, words: list[Token]) -> list[Token]:
        """A name less the words before its first name: "Minority Whip Dick Durbin" (a title the tables do
        not know), "Scotland Nicola Sturgeon" (the NER's organisation after "First Minister of"), and less
        the place of an office before it, whatever the NER made of that word ("Mayor of Koszalin Piotr
        Jedlinski", "Prime Minister of India Narendra Modi"), and less a sentence's first word that is no
        name's ("[Regarding] Ashodaya": :data:`NO_NAME_POS`)."""
        if len(words) >= 2 and words[0].is_sent_start and words[0].pos_ in NO_NAME_POS:
            words = words if self.is_first_name(words[0].text) else words[1:]
        while len(words) >= 3 and (_place_of_office(words[0]) or (
            (words[0].ent_type_ != "PERSON" or _role_word(words[0])) and not self.is_first_name(words[0].text)
            and any(self.is_first_name(w.text) for w in words[1:-1])
        )):
            words = words[1:]
        return words

    def _add(self, people: People, span: Span) -> None:
        words = self._without_leading_words(_name_tokens(span))
        while len(words) > 1 and (words[-1].lower_ in CAPTION_WORDS or post_nominal(words[-1])):
            words = words[:-1]  # "Gary Johnson Image": a caption's credit run into the name; "Durham Hall QC"
        words, suffix = _split_suffix(words)
        if not words or any(t.i in people.token_cluster for t in words):
            return
        written = _parts(words)
        parts = tuple(p.lower() for p in written)
        if (
            len(parts) == 2 and not self.is_first_name(written[0]) and _known_surname(people, parts[-1])
            and (words[0].pos_ != "PROPN" or _alone_elsewhere(words[0]))
        ):
            words, written, parts = words[-1:], written[-1:], parts[-1:]  # "on Twitter West": Kanye West's surname
        suffix_key = _suffix_key(suffix)
        index = self._match(people, parts, span.start, suffix_key, _gender_of_title_before(words[0]))
        regnal = _regnal_title(words[0])
        if index is None and len(written) == 1 and not (
            one_word_name(words[0]) or self._named_relative(words[0]) or regnal is not None
        ):
            return  # "Twitter", "Photographs", a place the NER took for a person once
        if index is None and len(written) == 1 and _pair_of_surnames(people, written[0]):
            return  # "the Jorgensen-Cohen ticket": two people the article named, not a third
        if index is None:
            name = " ".join(p.title() if p.isupper() and len(p) > 1 else p for p in written)  # "WALLACE"
            if suffix is not None:
                name += " " + suffix.text  # as written: "Jr.", "III"
            cluster = self._new_cluster(name, parts, words[0] if len(written) > 1 else None, suffix_key)
            if regnal is not None and len(written) == 1:
                cluster.name = f"{regnal.text.title()} {cluster.name}"  # "Pope Francis"
                cluster.gender, cluster.sure_gender, cluster.titled = TITLES[regnal.lower_][1], True, True
            people.clusters.append(cluster)
            index = len(people.clusters) - 1
        cluster = people.clusters[index]
        self._note_title_and_roles(cluster, span)
        if suffix is not None:
            words = [*words, suffix]
        cluster.mentions.append((words[0].i, words[-1].i + 1))
        for w in words:
            people.token_cluster[w.i] = index

    def _match(
        self, people: People, parts: tuple[str, ...], position: int, suffix: str = "", gender: str | None = None
    ) -> int | None:
        """The cluster a name refers to, if the article already has it (the same suffix, if it has one).

        :param gender: the gender a title before a lone surname tells: "Mrs. Clinton" is not Bill Clinton.
        """
        if len(parts) > 1:
            for i, c in enumerate(people.clusters):
                if c.first is not None and (c.first, c.last, c.suffix) == (parts[0], parts[-1], suffix):
                    return i
            longer = [  # "Pedro Pierluisi" and "Pedro R. Pierluisi Urrutia": a middle name and a second surname
                i for i, c in enumerate(people.clusters)
                if c.first == parts[0] and c.suffix == suffix and (c.last in parts[1:-1] or parts[-1] in c.parts[1:-1])
                and not any(p in self.common_words for p in {*parts, *c.parts} - ({*parts} & {*c.parts}))
            ]  # not "Narendra Modi Announced", a heading run into the name
            if len(longer) == 1:
                return longer[0]
            # a surname of several words ("Le Drian" for Jean-Yves Le Drian)
            return _nearest(people, _by_surname(people, parts), position)
        word = parts[0]
        by_last = [i for i, c in enumerate(people.clusters)
                   if word in _surname_forms(c.last) and (not suffix or c.suffix == suffix)]
        by_first = [i for i, c in enumerate(people.clusters) if c.first == word]
        # the first of two surnames ("Wanda Vázquez Garced" ... "Vázquez said")
        by_middle = [i for i, c in enumerate(people.clusters) if word in c.parts[1:-1]]
        if gender is not None:
            by_last, by_first, by_middle = (
                [i for i in found if people.clusters[i].gender in (None, gender)]
                for found in (by_last, by_first, by_middle)
            )
        if len(by_last) > 1:
            return _surname_owner(people, by_last, position)
        return _nearest(people, by_last or by_first or by_middle, position)

    def _add_lone_names(self, doc: Doc, people: People, skip: list[tuple[int, int]]) -> None:
        """Surnames and first names of known people that the NER did not mark."""
        for token in doc:
            # the small model tags some surnames NOUN ("Mijares claimed"): a known surname is enough
            if token.i in people.token_cluster or token.pos_ not in ("PROPN", "NOUN") or inside(token.idx, skip):
                continue
            if token.i >= 2 and _hyphenated(doc[token.i - 2], token):
                continue  # the second half of "Booker-Harris"
            if not _capitalised(token) or (token.ent_type_ in PLACE_LABELS and not _speaker_slot(token)):
                continue  # "in Washington"; but "Blankenship said", "according to Kidston" (called places)
            several = self._several_word_surname(doc, people, token)
            if several is not None:  # "La Riva" for Gloria La Riva
                self._add(people, several)
                continue
            end = token.i + 1  # "Ocasio-Cortez" is one surname
            while end + 1 < len(doc) and doc[end + 1].is_alpha and _hyphenated(doc[end - 1], doc[end + 1]):
                end += 2
            suffix = _suffix_key(doc[end]) if end < len(doc) else ""  # "Trump Jr."
            neighbours = [doc[j] for j in (token.i - 1, end + bool(suffix)) if 0 <= j < len(doc)]
            if any(_name_part(n) and n.i not in people.token_cluster for n in neighbours):
                continue  # part of some other name
            word = "-".join(t.lower_ for t in doc[token.i : end] if _is_word(t))
            if self._match(people, (word,), token.i, suffix, _gender_of_title_before(token)) is not None:
                self._add(people, doc[token.i : end + bool(suffix)])

    def _several_word_surname(self, doc: Doc, people: People, token: Token) -> Span | None:
        """A known surname of several words starting at ``token`` ("La Riva", "Le Drian") the NER did not mark."""
        for n in (3, 2):
            run = doc[token.i : token.i + n]
            if len(run) < n or not all(_name_part(t) and _is_word(t) and t.i not in people.token_cluster for t in run):
                continue
            outside = [doc[j] for j in (token.i - 1, token.i + n) if 0 <= j < len(doc)]
            if any(_name_part(t) and t.i not in people.token_cluster for t in outside):
                continue  # part of a longer name
            if _by_surname(people, tuple(t.lower_ for t in run)):
                return run
        return None

    def _note_title_and_roles(self, cluster: Cluster, span: Span) -> None:
        doc = span.doc
        first_word = _name_tokens(span)[0].i
        for token in span:
            if token.i >= first_word:
                break
            title = TITLES.get(token.lower_.rstrip("."))
            if title is not None:
                cluster.add_role(compound_role(token, title[0] or ""))
                _title_gender(cluster, title[1])
            elif token.lower_ in ROLE_NOUNS:
                cluster.add_role(compound_role(token, token.lower_))
        start = span.start
        if start > 0:
            before = doc[start - 1]
            title = TITLES.get(before.lower_.rstrip("."))
            if title is not None and before.is_title:
                cluster.add_role(compound_role(before, title[0] or ""))
                _title_gender(cluster, title[1])
            elif before.lower_ in ROLE_NOUNS or _is_role(before):
                cluster.add_role(compound_role(before, before.lemma_.lower() if before.is_lower else before.lower_))
            elif office_domain(before):  # "Secretary of State Mike Pompeo"
                office = before.head.head
                title = TITLES.get(office.lower_.rstrip("."))
                cluster.add_role(compound_role(office, title[0] if title and title[0] else office.lemma_.lower()))
        head = span.root
        for child in head.children:
            if child.i < span.start and child.dep_ in ("compound", "amod", "nmod") and _is_role(child):
                cluster.add_role(compound_role(child, child.lemma_.lower()))
            elif child.i < span.start and child.dep_ == "compound" and child.lower_ in ROLE_NOUNS:
                cluster.add_role(compound_role(child, child.lower_))  # "Director Sofia Reyes"
            elif child.dep_ == "appos" and (_is_role(child) or child.lower_ in ROLE_NOUNS) and not _others(child):
                cluster.add_role(compound_role(child, child.lemma_.lower()))  # "..., the caretaker Prime Minister"
        holder = appositive_of(head)
        if holder is not None and _is_role(holder):
            cluster.add_role(compound_role(holder, holder.lemma_.lower()))
        described = [t for t in (holder, *(c for c in head.children if c.dep_ == "appos")) if t is not None]
        for phrase in (doc[span.root.left_edge.i : first_word], *(doc[t.left_edge.i : t.i] for t in described)):
            cluster.parties.update(parties_of(phrase))


def _others(role: Token) -> bool:
    """Whether a plural role beside one person's name is other people's: "his wife Dierdre Coleman, their two
    sons ..." (but "Ted Cruz and Mike Lee, both senators", the role of the two)."""
    name = role.head
    return role.tag_ in ("NNS", "NNPS") and not name.conjuncts


def parties_of(words: Iterable[Token]) -> set[str]:
    """The parties the words name (:data:`.tables.PARTY_WORDS`): "the GOP front-runner" -> {"republican"}."""
    return {PARTY_WORDS[t.lower_] for t in words if t.lower_ in PARTY_WORDS and (t.is_title or t.is_upper)}


def title_in_its_phrase(doc: Doc, mark: QuoteMarks) -> bool:
    """Whether a quotation is a title that a word before it governs ("offered analysis on ''Monday Night
    Baseball,'' was dismissed after ... a post that appeared to respond"): a name, not words that a cue after it
    reports ("“Absolutely,” Smith replied"), nor a name that opens a quotation ("“Joe Biden,” she said")."""
    span = doc.char_span(mark.inner[0], mark.inner[1], alignment_mode="expand")
    if span is None:
        return False
    heads = [t.head.i for t in span if not t.is_punct and not span.start <= t.head.i < span.end]
    return bool(heads) and all(h < span.start for h in heads) and title_like(span.text, comma=True)


def title_of_a_preposition(doc: Doc, mark: QuoteMarks) -> bool:
    """Whether a quotation is a title a preposition governs, the sentence's full stop inside its marks
    as American news sets it ("said on CNN's “State of the Union.”"): it says nothing, before or after."""
    span = doc.char_span(mark.inner[0], mark.inner[1], alignment_mode="expand")
    if span is None or span.root.dep_ != "pobj" or not span.root.head.i < span.start:
        return False
    if span.root.head.lower_ not in TITLE_PREPOSITIONS:
        return False
    words = span.text.rstrip()
    return title_like(words[:-1] if words.endswith(".") else words)


def _part_of_a_title(span: Span, titles: list[tuple[int, int]]) -> bool:
    """Whether a name is in a title in quotation marks ("offered analysis on ''Monday Night Baseball''", "the
    song “Jolene”"): a show, a book or a song, not a person of the article."""
    return any(start <= span.start_char and span.end_char <= end for start, end in titles)


def _place_of_office(word: Token) -> bool:
    """Whether a word is the place of the office written just before it: "Mayor of [Koszalin]", "Prime
    Minister of [India]" (a title, then "of")."""
    if word.i < 2:
        return False
    of, office = word.doc[word.i - 1], word.doc[word.i - 2]
    return of.lower_ == "of" and office.lower_.rstrip(".") in TITLES  # not a role: "a friend of [John] Paul Jones"


def office_domain(token: Token) -> bool:
    """Whether a word is what an office is of ("Secretary of [State]", "chief of [staff]")."""
    of = token.head
    return (
        token.lower_ in OFFICE_DOMAINS and token.dep_ == "pobj" and of.lower_ == "of"
        and (of.head.lower_.rstrip(".") in TITLES or of.head.lemma_.lower() in ROLE_NOUNS)
    )


def compound_role(token: Token, role: str) -> str:
    """A role with the word before it when the two make one (:data:`.tables.COMPOUND_ROLES`): "attorney
    general", not "general"; "chief executive"; "director-general"; and with what it is of, when that is
    an office's domain ("secretary of state", "chief of staff")."""
    if not role:
        return role
    domain = next((o for p in token.children if p.dep_ == "prep" and p.lower_ == "of"
                   for o in p.children if office_domain(o)), None)
    if domain is not None:
        return f"{_joined_role(token, role)} of {domain.lower_}"
    return _joined_role(token, role)


def role_head(role: str) -> str:
    """The word a role of several is a kind of: "prime minister" -> "minister", "secretary of state" ->
    "secretary"."""
    return role.split(" of ")[0].split()[-1]


def _joined_role(token: Token, role: str) -> str:
    if token.i == 0:
        return role
    doc = token.doc
    before = doc[token.i - 1]
    if before.text in HYPHENS and token.i >= 2:
        word = doc[token.i - 2]
        joined = f"{word.lower_}-{role}"
        written_as_one = not word.whitespace_ and not before.whitespace_
        if joined in COMPOUND_ROLES or (written_as_one and word.lower_ in HYPHEN_ROLE_PREFIXES):
            return joined  # "director-general", "front-runner", "co-founder"; not "then-president"
    joined = f"{before.lower_.rstrip('.')} {role}"
    return joined if joined in COMPOUND_ROLES else role


def _gender_of_title_before(word: Token) -> str | None:
    """The gender the title right before a name tells ("Mrs. Clinton": "f"), if one does."""
    if word.i == 0:
        return None
    title = TITLES.get(word.nbor(-1).lower_.rstrip("."))
    return title[1] if title is not None else None


def _title_case_lines(text: str) -> list[tuple[int, int]]:
    """The (start, end) of headlines: the first line when it is written in title case or capitals, and any
    line in capitals, of at least three words each (not captions: "Whistleblower Julian Assange. Image: ...")."""
    lines = []
    for n, match in enumerate(re.finditer(r"[^\n]*[^\s][^\n]*", text)):
        if n > 0 and not match.group().isupper():
            continue  # after the first line, only a line in capitals (most lines are not: spare reading them)
        words = [w for w in _LINE_WORDS.findall(match.group()) if w.lower() not in _HEADLINE_SMALL_WORDS]
        if len(words) < 3:
            continue
        capitals = all(w.isupper() or w[0].isdigit() for w in words)
        if capitals or (n == 0 and all(w[0].isupper() or w[0].isdigit() for w in words)):
            lines.append(match.span())
    return lines


def _end_of_second_part(words: list[Token]) -> int:
    """The index in ``words`` of the last word of a name's second part ("Ocasio-Cortez" is one part)."""
    parts = 1
    for n in range(1, len(words)):
        if not _hyphenated(words[n - 1], words[n]):
            parts += 1
            if parts > 2:
                return n - 1
    return len(words) - 1


def _singulars(word: str) -> tuple[str, ...]:
    """What ``word`` may be the plural (or third person) of: "walks" -> "walk", "companies" -> "company"."""
    if word.endswith("ies"):
        return (word[:-3] + "y",)
    if word.endswith("es"):
        return word[:-1], word[:-2]
    return (word[:-1],) if word.endswith("s") and not word.endswith("ss") else ()


def _lowered(words: list[Token]) -> tuple[str, ...]:
    return tuple(p.lower() for p in _parts(words))


def _known_pieces(words: list[Token], known: set[tuple[str, ...]]) -> list[tuple[int, int]]:
    """The runs of ``words`` (as index ranges) that are names in ``known``, longest first from the left."""
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        end = next((j for j in range(len(words), i, -1) if _lowered(words[i:j]) in known), None)
        if end is None:
            i += 1
            continue
        pieces.append((i, end))
        i = end
    return pieces


def _title_gender(cluster: Cluster, gender: str | None) -> None:
    """A title that tells a gender ("Mrs.", "King"; "Sen." does not) overrules the name lists, however sure
    ("Maha": female in the lists, "King Maha Vajiralongkorn"); the first title to tell it stays."""
    if gender is not None and not cluster.titled:
        cluster.gender, cluster.sure_gender, cluster.titled = gender, True, True


#: How many of the article's pronouns, and none the other way, make a gender the name lists are sure of an
#: unsure one, which a pronoun of the other gender may still refer to. They do not change it: in political news
#: three "her" after "Comey said" are Clinton's as often as an "Alexis Tipton ... she" is Tipton's.
SURE_GENDER_DOUBTED_BY = 3

#: How a pronoun hangs on the verb whose subject it cannot be: "backed her up", "gave him", "spoke to her".
OBJECT_PRONOUN_DEPS = frozenset({"dobj", "dative", "pobj"})


def _genders_from_pronouns(doc: Doc, people: People, quotations: list[tuple[int, int]]) -> None:
    """Set the gender of people whose name does not tell it surely ("Bernie", "mostly female" in the name
    lists; a surname alone) from the article, and doubt the lists' sure answer when the article's pronouns
    all go the other way (:data:`SURE_GENDER_DOUBTED_BY`; "Alexis", male in the lists, is often a woman's
    name): the third-person pronouns, outside quotation marks, after a mention in sentences that name no one
    else and have it for their subject ("Sanders said his plan ..."; not "He asked Ratnamma if he could ...":
    "he" is someone else). One gender must outnumber the other more than twice over.
    """
    votes: dict[int, Counter[str]] = {}
    for sentence in doc.sents:
        named = {people.token_cluster[t.i] for t in sentence if t.i in people.token_cluster}
        if len(named) != 1:
            continue
        (index,) = named
        if people.clusters[index].titled:
            continue
        seen = False
        found: Counter[str] = Counter()
        verb = None
        for token in sentence:
            if token.i in people.token_cluster and not seen:
                seen = True
                held = people.mention_at(token)
                mention = doc[held[0] : held[1]] if held is not None else token
                if not _subject(mention.root):
                    break
                verb = mention.root.head
            pronoun = PRONOUNS.get(token.lower_)
            gendered = pronoun is not None and pronoun[0] is not None and pronoun[2] == 3
            if gendered and not inside(token.idx, quotations) and not _object_of(token, verb):
                if not seen:
                    break  # a pronoun before the name is about someone else, and so may be those after it
                found[pronoun[0]] += 1
        else:
            votes.setdefault(index, Counter()).update(found)
    for index, counts in votes.items():
        cluster = people.clusters[index]
        male, female = counts["m"], counts["f"]
        if cluster.sure_gender:  # the lists are sure, and wrong for many ("Alexis", "Lindsey", "Andrea", "Jean")
            other = "f" if cluster.gender == "m" else "m"
            if counts[other] >= SURE_GENDER_DOUBTED_BY and not counts[cluster.gender or ""]:
                cluster.sure_gender = False  # a pronoun of the other gender may still be this person
        elif max(male, female) > 2 * min(male, female):
            cluster.gender = "m" if male > female else "f"


def _widen(ent: Span, opens_no_name: Callable[[Token], bool]) -> Span:
    """A person's name as the NER should have cut it: "Superintendent [Graciano] Mijares", "Arnel [dela Vega]",
    "[Ursula von der] Leyen";
    not "Afterwards [Trump]" (``opens_no_name``: the first word of a sentence that is no part of a name)."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while start > 0 and _name_part(doc[start - 1]) and doc[start - 1].ent_type_ in ("", "PERSON"):
        if _place_of_office(doc[start - 1]):
            break  # "Minister of Information [Moammar al-Eryani]": the office, not the name
        if opens_no_name(doc[start - 1]):
            break
        start -= 1
    while end < len(doc) and _name_part(doc[end]) and doc[end].ent_type_ in ("", "PERSON"):
        end += 1
    if (  # "[Arnel] dela Vega", the given name taken for an organisation: a particle does not open a name
        start > 0 and doc[start].lower_ in NAME_PARTICLES and _name_part(doc[start - 1])
        and doc[start - 1].ent_iob_ != "I" and not _place_of_office(doc[start - 1])
        and not opens_no_name(doc[start - 1])
    ):
        start -= 1
    while end < len(doc) and doc[end - 1].lower_ in NAME_PARTICLES and _name_part(doc[end]):
        end += 1  # "Ursula von der [Leyen]", the surname taken for a place: nor does one end it
    while end + 1 < len(doc) and doc[end + 1].is_alpha and _hyphenated(doc[end - 1], doc[end + 1]):
        end += 2  # "Kim Jong[-un]"
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


#: Entity labels of the object of "of" after a role ("the mayor of New Orleans", "the head of Acme").
_ROLE_OF_LABELS = frozenset({"GPE", "ORG", "LOC", "NORP", "FAC"})


def appositive_of(name: Token) -> Token | None:
    """The noun a name is in apposition to: "the mayor, Jane Roe" and, as the parser often has it, "the
    mayor of New Orleans, LaToya Cantrell" (where the name hangs on "Orleans")."""
    if name.dep_ != "appos":
        return None
    noun = name.head
    if noun.dep_ == "pobj" and noun.ent_type_ in _ROLE_OF_LABELS and noun.head.lower_ == "of":
        return noun.head.head
    return noun


def appositives(noun: Token) -> list[Token]:
    """The names in apposition to a noun (see :func:`appositive_of`), and the name after a title's "of"
    phrase, which the parser makes its object."""
    found = [c for c in noun.children if c.dep_ == "appos"]
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            found += [c for obj in prep.children for c in obj.children if c.dep_ == "appos" and appositive_of(c) == noun]
            if noun.is_title and noun.lower_.rstrip(".") in TITLES:  # "First Minister of Scotland Nicola Sturgeon"
                found += [obj for obj in prep.children if obj.dep_ == "pobj" and _office_before_name(obj)]
    return found


def _regnal_title(word: Token) -> Token | None:
    """The title right before a first name that needs no surname ("Pope [Francis]", "Queen [Elizabeth] II")."""
    if word.i == 0:
        return None
    title = word.doc[word.i - 1]
    if title.lower_ in REGNAL_TITLES and title.is_title and word.pos_ == "PROPN" and _capitalised(word):
        return title
    return None


def _office_before_name(obj: Token) -> bool:
    """Whether the object of a title's "of" holds the office's words before a name ("[Scotland] Nicola
    Sturgeon", "[Information] Moammar al-Eryani"), not a name alone ("Secretary of John Smith")."""
    return any(c.dep_ == "compound" and c.i < obj.i and c.ent_type_ != "PERSON" for c in obj.children)


def _speaker_slot(token: Token) -> bool:
    """Whether a word stands where a speaker does: a subject, or the object of "according to"."""
    return _subject(token) or (
        token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.i > 0
        and token.doc[token.head.i - 1].lower_ == "according"
    )


def _object_of(pronoun: Token, verb: Token | None) -> bool:
    """Whether a pronoun is the object of ``verb``, directly or through a preposition: someone other than the
    verb's subject ("Obama backed her up", "Sanders spoke to her"; a reflexive is no such pronoun)."""
    if verb is None or pronoun.lower_.endswith("self"):
        return False
    head = pronoun.head.head if pronoun.dep_ == "pobj" else pronoun.head
    return pronoun.dep_ in OBJECT_PRONOUN_DEPS and head.i == verb.i


def _subject(token: Token) -> bool:
    """Whether a word is the subject of its clause, or joined to one ("La Riva and Hawkins said")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in NOMINAL_SUBJECT_DEPS


def _name_part(token: Token) -> bool:
    word = token.lower_.rstrip(".")
    return token.pos_ == "PROPN" and _capitalised(token) and word not in TITLES and word not in ROLE_NOUNS


def _suffix_key(token: Token | None) -> str:
    """The suffix a word is, lowercase and without its period ("jr", "iii"), else ""."""
    if token is None:
        return ""
    word = token.lower_.rstrip(".")
    return word if word in NAME_SUFFIXES and token.text[:1].isupper() else ""


def _split_suffix(words: list[Token]) -> tuple[list[Token], Token | None]:
    """A name's words and its suffix ("Robert Downey Jr.", "Martin Luther King III"), the one after it if
    the name's words stop short of it."""
    if len(words) >= 2 and _suffix_key(words[-1]):
        return words[:-1], words[-1]
    if words:
        doc = words[-1].doc
        after = doc[words[-1].i + 1] if words[-1].i + 1 < len(doc) else None
        if after is not None and _suffix_key(after):
            return words, after
    return words, None


def post_nominal(word: Token) -> bool:
    """Letters after a name that are no part of it, written in capitals: "QC", "MP", "O.B.E."."""
    return word.is_upper and word.lower_.replace(".", "") in POST_NOMINALS


def _alone_elsewhere(word: Token) -> bool:
    """Whether the article writes a word elsewhere on its own where a platform or a place stands ("announced
    on Twitter that he ...", "in Bangalore"): no first name."""
    doc = word.doc
    return any(
        t.i != word.i and t.i > 0 and doc[t.i - 1].lower_ in MEDIUM_PREPOSITIONS
        and not (t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        for t in _same_words(word)
    )


def _same_words(word: Token) -> list[Token]:
    """The tokens of the document written as ``word`` is, in any case (``word`` too)."""
    doc = word.doc
    return [doc[i] for i, lower in enumerate(doc.to_array(LOWER).tolist()) if lower == word.lower]


def _known_surname(people: People, last: str) -> bool:
    """Whether someone already named with a first name has this surname."""
    return any(c.first is not None and c.last == last for c in people.clusters)


def _of_an_institution(span: Span) -> bool:
    """Whether a name goes on from an institution's "of", over capitalised words that are no titles and the
    words that join a place to them: "University of South [Carolina Beaufort]", "University of Colorado at
    [Boulder]", "the College of [Wooster]"; not "the president of Acme, Jane Roe", "University of Texas President
    Jane Roe", "Acme Corporation CEO Jane Roe"."""
    doc = span.doc
    i = span.start - 1
    while i > 0 and (
        (doc[i].is_title and doc[i].lower_.rstrip(".") not in TITLES) or doc[i].lower_ in INSTITUTION_LINKS
    ):
        if doc[i].lower_ == "of" and doc[i - 1].is_title and doc[i - 1].lower_ in INSTITUTION_WORDS:
            return True
        i -= 1
    return False


def _company_name(name: tuple[str, ...], companies: set[tuple[str, ...]]) -> bool:
    """Whether a name is a company's ("software company Red Hat" ... "Red Hat said"), or ends with the name of
    one of several words ("Will Red Hat ...?", a question, is no Will)."""
    return any(c == name[-len(c) :] and (len(c) > 1 or c == name) for c in companies)


def _companies(doc: Doc) -> set[tuple[str, ...]]:
    """The names a company's noun stands before as their modifier: "software company Red Hat", "tech firm Acme
    Robotics" (:data:`.tables.ANY_ORG_NOUNS`); not "the company Jane Roe founded"."""
    found: set[tuple[str, ...]] = set()
    for noun in doc:
        if noun.pos_ != "NOUN" or noun.dep_ != "compound" or noun.lemma_.lower() not in ANY_ORG_NOUNS:
            continue
        name = doc[noun.i + 1 : noun.head.i + 1]
        if noun.head.pos_ == "PROPN" and len(name) and all(t.pos_ == "PROPN" and _capitalised(t) for t in name):
            found.add(_lowered(list(name)))
    return found


#: Words that join an institution's name to a place in it: "University of Colorado at Boulder".
INSTITUTION_LINKS = frozenset({"of", "at", "in"})


def _by_surname(people: People, parts: tuple[str, ...]) -> list[int]:
    """The people whose name ends with the surname ``parts`` and has more before it ("Le Drian" for Jean-Yves Le
    Drian)."""
    return [i for i, c in enumerate(people.clusters) if len(c.parts) > len(parts) and c.parts[-len(parts):] == parts]


def _surname_forms(last: str) -> tuple[str, ...]:
    """How a surname may be written alone: "al-assad" also as "assad"."""
    particle, _, rest = last.partition("-")
    return (last, rest) if rest and particle in NAME_PARTICLES else (last,)


def _written_as_name(span: Span) -> bool:
    """No word of the name is in lower case but particles ("Vincent van Gogh", "Bashar al-Assad"; not
    "Blu ray discs")."""
    return all(
        p[:1].isupper() or p.split("-", 1)[0].lower() in NAME_PARTICLES
        for p in _parts(_name_tokens(span))
    )


def _is_word(token: Token) -> bool:
    """Letters only, or letters joined by apostrophes ("O'Neill", "D’Amato")."""
    return token.is_alpha or _APOSTROPHE_NAME.fullmatch(token.text) is not None


def _capitalised(token: Token) -> bool:
    """Written as a name is: "Paul", "DeSantis", "McCain", "O'Neill" (not "NASA", not "paul")."""
    text = token.text
    return text[:1].isupper() and (len(text) == 1 or not text.isupper()) and not text[1:2].isupper()


def one_word_name(word: Token) -> bool:
    """A new person of one word ("Rajamma") must be a proper noun the article names at least twice or after a
    title ("president Erdoğan"), and that the NER calls a person at least as often as anything else. It is
    never written as a place ("in Bangalore"), in lower case ("collagen": a common noun that opens a
    sentence), with an article of its own ("the Houthis"), before a thing's noun ("Burisma Holdings"), after a
    storm's word ("Hurricane Humberto"), or as a subject that owns only "its" things; a subject that owns
    "his" or "her" things is a person whatever the NER calls it ("Trump made his case", in an article that
    never writes "Donald")."""
    if word.lower_ in _NOT_NAME_WORDS or word.lower_ in KNOWN_ORGANIZATIONS or word.pos_ != "PROPN":
        return False
    same = _same_words(word)
    if any(
        t.is_lower or _in_a_place(t) or _determined(t) or _names_a_thing(t) or _storm(t.doc[t.i : t.i + 1])
        or _short_name_of_org(t)
        for t in same
    ):
        return False
    owners = {owner for t in same for owner in _owners_of_objects(t)}
    if THING_POSSESSIVE in owners and not owners & PERSON_POSSESSIVES:
        return False  # "SpaceX tested its capsule"
    if len(same) < MIN_ONE_WORD_MENTIONS and not _after_a_title(word):
        return False
    labels = Counter(t.ent_type_ for t in same if t.ent_type_)
    return labels["PERSON"] >= max(labels.values(), default=0) or bool(owners & PERSON_POSSESSIVES)


def _names_a_thing(token: Token) -> bool:
    """ "Burisma Holdings", "the EastMed pipeline", "Waterloo station": a name on its own before a thing's noun
    is the thing's (not so "the Obama administration", "the Clinton family": see :data:`NAMESAKE_WORDS`;
    nor "Aaron Klein Investigative Radio", where it is part of a longer name)."""
    head, before = token.head, token.doc[token.i - 1] if token.i > 0 else None
    return (
        token.dep_ == "compound" and head.i > token.i and head.pos_ in ("NOUN", "PROPN")
        and head.lemma_.lower() in _NOT_NAME_WORDS and head.lemma_.lower() not in NAMESAKE_WORDS
        and (before is None or before.pos_ != "PROPN")
    )


def _short_name_of_org(token: Token) -> bool:
    """ "the Philippine Institute of Volcanology and Seismology (Phivolcs)": a word in brackets right after an
    organisation is its short name."""
    doc, i = token.doc, token.i
    if not (i >= 2 and i + 1 < len(doc) and doc[i - 1].text == "(" and doc[i + 1].text == ")"):
        return False
    before = doc[i - 2]  # the NER's organisation may run into the brackets: "... Seismology (Phivolcs"
    return before.ent_type_ == "ORG" or before.lower_ in _NOT_NAME_WORDS


def _storm(words: Span) -> bool:
    """ "Hurricane Humberto", "Storm Lorenzo", "Tropical Storm Barry": a storm's name (from a storm's word in
    it or before it), which a person's often is; not "Hannah Storm", whose last word it is."""
    before = words.doc[words.start - 1] if words.start > 0 else None
    inside = words[: max(len(words) - 1, 1)]  # all but the last word, or the one word
    return any(t.lower_ in STORM_WORDS for t in inside) or before is not None and before.lower_ in STORM_WORDS


def _role_word(token: Token) -> bool:
    """A noun of a role or an occupation written as a name's first word: "Immunologist Kristian Andersen"."""
    return _role_lemma(token.lower_)


def _role_lemma(lemma: str) -> bool:
    """A role's or an occupation's noun: one of :data:`ROLE_NOUNS` or one with a role's ending
    (:func:`.cues.agent_noun`)."""
    return lemma in ROLE_NOUNS or len(lemma) > 5 and agent_noun(lemma)


def _owners_of_objects(token: Token) -> set[str]:
    """The possessives that own the objects of a verb ``token`` is the subject of: "SpaceX tested its
    capsule" gives "its"."""
    if token.dep_ != "nsubj":
        return set()
    return {
        c.lower_ for child in token.head.children if child.dep_ in OBJECT_DEPS
        for c in child.children if c.dep_ == "poss"
    }


def _determined(token: Token) -> bool:
    """ "the Houthis", "the Azores": a name right after an article of its own is a group's or a thing's (not so
    "a defensive Obama", "the Obama hug")."""
    return (
        token.i > 0 and token.doc[token.i - 1].lower_ in ARTICLES and token.doc[token.i - 1].head == token
        and token.dep_ not in MODIFIER_DEPS
    )


def _after_a_title(word: Token) -> bool:
    """ "Turkish president Erdoğan", "Chancellor Merkel": a one-word name a title or a role stands before."""
    if word.i == 0:
        return False
    before = word.doc[word.i - 1]
    return before.lower_.rstrip(".") in TITLES or before.lemma_.lower() in ROLE_NOUNS


def _in_a_place(token: Token) -> bool:
    """ "in Bangalore", "near Maroochydore": a place, not a person ("in Erdogan's speech" is a person's); so
    is the name of a place's noun ("the capital, Sanaa", "the city of Izmir"), one a person is of ("Patrice
    Talon of Benin"), and the owner of what only a place has ("Niger's capital")."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    possessive = after is not None and after.tag_ == "POS"
    if possessive:
        return token.head.lemma_.lower() in PLACE_OWNED_NOUNS and token.dep_ == "poss"
    if before is not None and before.lower_ in PLACE_PREPOSITIONS:
        return True
    if token.dep_ == "appos" and token.head.lemma_.lower() in PLACE_NOUNS:
        return True
    of = token.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return of is not None and (of.head.lemma_.lower() in PLACE_NOUNS or of.head.ent_type_ == "PERSON")


def _written_as_places(spans: list[Span]) -> set[str]:
    """The names (in lower case) that all their spans write as places: "in Maidan Shahr", "near Tsuen Wan" (not
    "in Alexis Korner's band", nor a name written elsewhere as a person's; the caller leaves out names that open
    with a first name: "lost faith in Joe Biden")."""
    where: dict[str, list[bool]] = {}
    for span in spans:
        where.setdefault(span.text.lower(), []).append(_after_place_preposition(span))
    return {name for name, flags in where.items() if all(flags)}


def _after_place_preposition(span: Span) -> bool:
    """ "in Chippewa Falls": a name right after a preposition of place (:data:`PLACE_PREPOSITIONS`), as its object;
    not "trust in Narendra Modi" (:data:`.tables.TRUST_WORDS`)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    possessive = span.end < len(doc) and doc[span.end].tag_ == "POS"
    trust = before is not None and any(  # "trust in", "put their trust in"
        w.lemma_.lower() in TRUST_WORDS for w in (before.head, *(c for c in before.head.children if c.dep_ == "dobj"))
    )
    return (
        before is not None and before.lower_ in PLACE_PREPOSITIONS and span.root.dep_ == "pobj" and not possessive
        and not trust
    )


def _parts(words: list[Token]) -> list[str]:
    """A name's parts as written: words joined by a hyphen are one ("Jean-Yves", "Ocasio-Cortez", "Jong-un")."""
    parts: list[str] = []
    previous: Token | None = None
    for word in words:
        if previous is not None and _hyphenated(previous, word):
            parts[-1] += "-" + word.text
        else:
            parts.append(word.text)
        previous = word
    return parts


def _hyphenated(left: Token, right: Token) -> bool:
    """Whether ``left-right`` is written as one word."""
    doc = left.doc
    return (
        right.i == left.i + 2 and doc[left.i + 1].text in HYPHENS and not left.whitespace_
        and not doc[left.i + 1].whitespace_
    )


def _name_tokens(span: Span) -> list[Token]:
    """The words of a name: titles, determiners, possessives and punctuation left out; a name ends before
    "of", "and" or "the" ("Crystal C'Bearing of the Northern Arapaho") and at a possessive ("Trump’s
    Indiana"), and starts after the last title in it ("Kamloops RCMP Constable Gary Gray")."""
    words: list[Token] = []
    for t in span:
        if t.tag_ == "POS" and words:
            break  # "Trump’s Indiana chairman": the name is the possessor's
        if t.pos_ in ("DET", "ADP", "CCONJ") and t.lower_ not in NAME_PARTICLES:
            if words:
                break
            continue
        if _is_word(t) or _is_initial(t):
            words.append(t)
    while len(words) > 1 and _title_word(words[0]):
        words = words[1:]
    named = len(words) - bool(words and _suffix_key(words[-1]))  # "Martin Luther King III": no title in it
    inner = [j for j in range(1, named - 2) if _title_word(words[j])]
    if inner:  # a first name and a surname after the title
        words = words[inner[-1] + 1 :]
    return words


def _pair_of_surnames(people: People, word: str) -> bool:
    """Whether a hyphenated word joins the surnames of two people the article has named ("Jorgensen-Cohen",
    "Johnson-Weld"), not a double-barrelled surname of one ("Ocasio-Cortez")."""
    pieces = word.lower().split("-")
    owners = [{i for i, c in enumerate(people.clusters) if c.last == piece} for piece in pieces]
    return len(pieces) > 1 and all(owners) and len(set().union(*owners)) > 1


def _split_at_separators(span: Span) -> list[Span]:
    """A run of names the NER took for one cut at its separators (:data:`.tables.NAME_SEPARATORS`): "De La
    Fuente/Richardson" names De La Fuente and Richardson."""
    pieces: list[Span] = []
    start = span.start
    for token in span:
        if token.text in NAME_SEPARATORS:
            if token.i > start:
                pieces.append(span.doc[start : token.i])
            start = token.i + 1
    if start < span.end:
        pieces.append(span.doc[start : span.end])
    return pieces


def _title_word(token: Token) -> bool:
    """A title or a role written before a name ("Sen.", "Constable", "director")."""
    return token.lower_.rstrip(".") in TITLES or token.lower_ in ROLE_NOUNS


def _is_initial(token: Token) -> bool:
    return len(token.text) == 2 and token.text[0].isupper() and token.text[1] == "."


def _is_role(token: Token) -> bool:
    if token.pos_ != "NOUN" or not token.is_lower:
        return False
    lemma = token.lemma_.lower()
    return _role_lemma(lemma) or TITLES.get(lemma, (None, None))[0] is not None  # "archbishop Jorge Scheinig"


def _by_initials(people: People, initials: str) -> int | None:
    """The one person whose name's initials these are ("ng": Natasha Gownaris), if exactly one."""
    found = [i for i, c in enumerate(people.clusters) if len(c.parts) > 1 and "".join(p[0] for p in c.parts) == initials]
    return found[0] if len(found) == 1 else None


def _surname_owner(people: People, indices: list[int], position: int) -> int:
    """Of several people sharing a surname, the one a lone "Biden" at ``position`` means.

    News calls one of them by the surname alone and the others by full or first
    name: the person the article has already called by the surname alone, else
    the one named most so far, else one not introduced as a relative (:data:`.tables.KINSHIP_ROLES`:
    "drummer Ginger Baker died ... confirmed by his daughter Nettie Baker. Baker was hospitalized"
    is the drummer), else one with an office (:data:`.tables.TITLES`: "President Donald Trump ... Jared Kushner
    and Ivanka Trump. Trump posted ..." is the president; "Prosecutor Anne Walsh ... Michael Walsh" is no such
    case), else the one named last.
    """

    def claim(i: int) -> tuple[int, int, bool, bool, int]:
        before = [(s, e) for s, e in people.clusters[i].mentions if s < position]
        alone = sum(1 for s, e in before if e - s == 1)
        roles = people.clusters[i].roles
        kin = bool(before) and any(role in KINSHIP_ROLES for role in roles)
        office = bool(before) and any(role_head(role) in TITLES for role in roles)  # not "neighbour", "prosecutor"
        return alone, len(before), not kin, office, max((s for s, _ in before), default=-1)

    return max(indices, key=claim)


def _nearest(people: People, indices: list[int], position: int) -> int | None:
    """Of several clusters, the one mentioned last before ``position`` (else the first one)."""
    if not indices:
        return None
    if len(indices) == 1:
        return indices[0]

    def last_before(i: int) -> int:
        before = [s for s, _ in people.clusters[i].mentions if s < position]
        return max(before, default=-1)

    return max(indices, key=last_before)
