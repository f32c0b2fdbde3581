"""Who a speaker mention refers to: names, pronouns, roles ("the director").

A small salience model read left to right: every person mentioned outside
quotation marks is a candidate; a pronoun takes the most salient candidate
that agrees with it in gender and number (recent, a subject, a speaker);
"they" takes a group (people named together, or several named in the
sentence); a role noun takes the last person given that role; "it" and "the agency"
take the organisation named last (one whose name holds the noun first).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import may_speak
from .people import Cluster, People, appositives, compound_role, parties_of, post_nominal, role_head
from .tables import (
    ACCOUNT_NOUNS, ACCOUNT_PREPS, ANY_ORG_NOUNS, AUTHOR_PREPS, DEFINITE_DETERMINERS, EPITHETS, GROUP_GENDERS,
    GROUP_MEMBER_PREPS, GROUP_NOUNS, GROUP_WORDS, INDEFINITE_DETERMINERS, KNOWN_ORGANIZATIONS, NOMINAL_SUBJECT_DEPS,
    ORG_LABELS, ORG_NOUNS, ORG_OF_PREPS, ORG_POSSESSIVES, ORG_PRONOUNS, OWNER_DEPS, PARTY_MEMBERS,
    PERSON_NOUN_GENDERS, PERSON_NOUNS, PERSONAL_ORG_NOUNS, PLACE_LABELS, PLATFORMS, PLURAL_ORG_PRONOUNS,
    POSTED_NOUNS, PRONOUNS, REPORTING_WORDS, ROLE_NOUNS, SUBJECT_PRONOUNS, TITLES, UNNAMED_SPEAKERS,
)

#: How a counting word hangs on its noun ("both men", "the two senators").
COUNT_DEPS = frozenset({"det", "predet", "nummod", "quantmod"})
#: Part-of-speech tags of plural nouns: "the candidates" is a group, not the last candidate named.
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
#: How far back (in sentences) a pronoun looks for its antecedent.
WINDOW = 4
#: How far back (in sentences) a noun like "the candidate" looks for the person it stands for.
EPITHET_WINDOW = 2
#: Salience bonuses.
SUBJECT_BONUS, SPEAKER_BONUS, SENTENCE_COST = 0.5, 0.75, 1.0
#: What a person loses as the antecedent of a pronoun of the other gender when only the name lists' guess
#: ("Bernie": mostly female) or the article's pronouns gave theirs: two sentences' worth, not a veto.
UNSURE_GENDER_COST = 2.0
#: The share of the subject bonus a subject of a clause inside another gets (:data:`SUBORDINATE_DEPS`).
SUBORDINATE_SHARE = 0.5
#: Clauses inside another: adverbial, relative, reported.
SUBORDINATE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "csubj"})
#: The parts of speech of the words of a noun's phrase before a name set off after it ("the president of the
#: League for the Defence of Human Rights, Jamel Msallem, said"), and how many words it may run to.
NOUN_PHRASE_POS = frozenset({"DET", "ADP", "PROPN", "NOUN", "ADJ", "NUM", "PART", "CCONJ"})
PHRASE_BEFORE_NAME_MAX = 16
#: The parts of speech of a word before a name that make the name someone the mention is about, not the
#: speaker ("a lawyer for Maria Lopez", "Fiorina and Ben Carson").
NAME_OWNER_POS = frozenset({"ADP", "CCONJ", "VERB", "AUX", "PART"})
#: The parts of speech of a word whose object a name further on may be ("a spokesman for Democratic
#: presidential candidate Hillary Clinton").
NAME_HOLDER_POS = NAME_OWNER_POS - {"CCONJ"}
#: Clauses that hang on a noun: a name in one is someone the mention's clause is about ("Purple PAC, steered by
#: former Cato Institute president Ed Crane"; "The United States, which has retreated from ousting Bashar al-Assad").
CLAUSE_ON_NOUN_DEPS = frozenset({"relcl", "acl"})
#: How a name hangs on the noun of someone it names, beside apposition (:func:`.people.appositives`): "a man
#: named John Doe".
NAMING_DEPS = frozenset({"acl"})
#: Entity labels of what a preposition before a name may have for its own object ("Ambassador to Germany").
PLACE_OR_ORG_LABELS = PLACE_LABELS | {"ORG"}


@dataclass
class Referent:
    """Whom a speaker mention refers to."""

    people: list[str]
    organizations: list[str]
    clusters: list[int]


@dataclass
class _Mention:
    token: int
    sentence: int
    clusters: tuple[int, ...]
    subject: bool
    speaker: bool = False
    subordinate: bool = False  # the subject of a clause inside another ("when Tapper asked", "said Trump is ...")


@dataclass
class _Newcomer:
    """Someone unnamed brought in as a subject ("One of the victims decided ... She said"): the next pronoun
    of their gender may stand for them, and then for no one named."""

    token: int
    gender: str | None


class Resolver:
    """Resolves speaker mentions of one document, in document order."""

    def __init__(self, doc: Doc, people: People, quoted: set[int]) -> None:
        self.doc = doc
        self.people = people
        sentences = list(doc.sents)
        self.sentence_of = {t.i: n for n, sent in enumerate(sentences) for t in sent}
        self.narrated_sentence_of = _narrated_sentence_numbers(sentences, quoted)
        self.entity_at = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.organizations = [ent for ent in organization_entities(doc, people) if ent.start not in quoted]
        self.organization_names = {ent.text for ent in self.organizations}
        self.organization_at = {i: ent for ent in self.organizations for i in range(ent.start, ent.end)}
        self.mentions: list[_Mention] = []
        self.newcomers: list[_Newcomer] = []
        for start, end, cluster in people.mentions_in_order():
            if start in quoted:
                continue
            head = doc[start:end].root
            self.mentions.append(
                _Mention(start, self.sentence_of[start], (cluster,), _is_subject(head), subordinate=_subordinate(head))
            )
        self._first_stands_for_subject(sentences)
        self._described_subjects(quoted)
        self.newcomers = self._newcomers(quoted)
        self._chain_subject_pronouns(quoted)

    def _described_subjects(self, quoted: set[int]) -> None:
        """ "Former U.N. Ambassador John Bolton ... The former ambassador also discussed ... He stated ...": a
        subject described by a role someone was given mentions that person, so the next pronoun finds them."""
        for token in self.doc:
            if (
                token.i in quoted or token.dep_ not in NOMINAL_SUBJECT_DEPS or not _role_word(token)
                or self.people.cluster_of(token) is not None
            ):
                continue
            found = self._by_role(token)
            if len(found) == 1:
                self.mentions.append(_Mention(token.i, self.sentence_of[token.i], tuple(found), subject=True))
        self.mentions.sort(key=lambda m: m.token)

    def _first_stands_for_subject(self, sentences: list[Span]) -> None:
        """In a sentence whose main verb the parse left with no subject, the first person named stands for
        it: "Reached by POLITICO, John Hammond, the committeeman, hesitated ...", parsed with "Hammond" a
        conjunct of "POLITICO"."""
        subjectless = {
            n for n, sent in enumerate(sentences)
            if not any(c.dep_ in NOMINAL_SUBJECT_DEPS or c.dep_ == "expl" for c in sent.root.children)
        }
        seen: set[int] = set()
        for mention in self.mentions:
            if mention.sentence in subjectless and mention.sentence not in seen:
                mention.subject = True
            seen.add(mention.sentence)

    def _newcomers(self, quoted: set[int]) -> list[_Newcomer]:
        """The subjects, outside quotation marks, that bring in someone unnamed: "a woman", "another man",
        "one of the victims" (not "a woman, Jane Roe", who is named)."""
        found = []
        for token in self.doc:
            if token.i in quoted or token.dep_ not in NOMINAL_SUBJECT_DEPS or not _of_a_main_clause(token):
                continue
            noun = _newcomer_noun(token)
            if noun is None or self._named(token):
                continue
            gender = PERSON_NOUN_GENDERS.get(noun.lemma_.lower(), GROUP_GENDERS.get(noun.lower_))
            found.append(_Newcomer(token.i, gender))
        return found

    def _named(self, noun: Token) -> bool:
        """Whether a noun is given a name: "a woman, Ann Lee", "a man named John Doe" (not "a spokesman for
        Trump", who speaks for someone named)."""
        described = [c for c in noun.children if c.dep_ in NAMING_DEPS] + appositives(noun)
        return noun.i in self.people.token_cluster or any(
            t.i in self.people.token_cluster for c in described for t in c.subtree
        )

    def _chain_subject_pronouns(self, quoted: set[int]) -> None:
        """ "Lauren Landa would list Sailor Neptune as a dream role. She was given a chance ... “…,” she told":
        a "he" or "she" subject, outside quotation marks, mentions whom it refers to, so the next pronoun
        finds that person in the sentence before it, as its subject. Only a person of the pronoun's gender
        (known, not guessed) joins the chain, so that one wrong guess is not repeated."""
        for token in self.doc:
            pronoun = PRONOUNS.get(token.lower_)
            if (
                token.i in quoted or token.lower_ not in SUBJECT_PRONOUNS or token.dep_ not in NOMINAL_SUBJECT_DEPS
                or pronoun is None or pronoun[0] is None
            ):
                continue
            found = self._pronoun(token, pronoun[0], "sg")
            if found and self.people.clusters[found[0]].gender == pronoun[0]:
                self.mentions.append(_Mention(token.i, self.sentence_of[token.i], tuple(found), subject=True))

    def resolve(self, heads: list[Token], asks: bool = False) -> Referent:
        """Resolve a mention given by its head token(s) (several for "Mescal and Scott").

        :param asks: the mention asks a question: the next "he said" is more likely the answer ("when Tapper
            asked whether ..., “...,” he said" is not Tapper's), so it counts as a subject, not as a speaker.
        """
        people: list[int] = []
        organizations: list[str] = []
        for head in heads:
            found, orgs = self._resolve_one(head)
            people.extend(c for c in found if c not in people)
            organizations.extend(o for o in orgs if o not in organizations)
        if people:
            first = min(h.i for h in heads)
            self.mentions.append(_Mention(
                first, self.sentence_of[first], tuple(people), subject=True, speaker=not asks,
                subordinate=_subordinate(self.doc[first]),
            ))
        return Referent([self.people.clusters[c].name for c in people], organizations, people)

    def name_ending(self, start: int, end: int) -> Referent | None:
        """The person whose name ends a speaker mention the parse gave another head ("Caloundra coach Geoff
        Ingram", "US Ambassador to Germany Richard Grenell", "Center for Biological Diversity scientist Tierra
        Curry": the person, not the organisation); not one it is about or works for ("a lawyer for Maria
        Lopez", "the wife of John Smith", "supporters of Democrat Hillary Clinton"), one of several ("Acme
        and Jane Roe"), or one of several people the mention names."""
        cluster = self.people.token_cluster.get(end - 1)
        if cluster is None:
            return None
        doc = self.doc
        if any(self.people.token_cluster.get(i, cluster) != cluster for i in range(start, end)):
            return None  # someone else is named in it: "Christine Pelosi, daughter of Leader Nancy Pelosi"
        held = self.people.mention_at(doc[end - 1])
        named = held[0] if held is not None else end - 1
        first = named
        while first > start and doc[first - 1].lower_.rstrip(".") in TITLES:
            first -= 1  # "a spokesman for Senator Jane Roe" is no more Roe than "a spokesman for Jane Roe"
        if first <= start or doc[first - 1].pos_ in NAME_OWNER_POS:
            return None
        joint = first - 1  # the last preposition or verb before the name ("writer and performer Rob Bartlett")
        while joint > start and not _holds_a_name(doc[joint]):
            joint -= 1
        role = named - 1
        while role > joint + 1 and doc[role].is_lower and doc[role].lower_ in ROLE_NOUNS:
            role -= 1  # "Center for Biological Diversity scientist Tierra Curry": the employer's role
        place_before = doc[role].ent_type_ in PLACE_OR_ORG_LABELS and doc[named].ent_iob_ != "I"
        if _holds_a_name(doc[joint]) and not place_before and doc[first - 1].text != ",":
            return None  # "a spokesman for Democratic presidential candidate Hillary Clinton", "for House Speaker
            # Paul Ryan"; not "Ambassador to Germany Richard Grenell", where "to" has a place for its object, nor
            # "the prosecutor general of Tehran, Ali Alghasi Mehr", set off
        if any(a.dep_ in CLAUSE_ON_NOUN_DEPS and start <= a.i < end for a in doc[end - 1].ancestors):
            return None  # "The United States, which has retreated from ousting President Bashar al-Assad"
        return self.resolve([doc[end - 1]])

    def _resolve_one(self, head: Token) -> tuple[list[int], list[str]]:
        if post_nominal(head) and head.i > 0:
            head = self.doc[head.i - 1]  # "Kama Melly QC", parsed with "QC" for head: the name before it
        cluster = self.people.cluster_of(head)
        if cluster is not None:
            return [cluster], []
        if _before_et_al(head):  # "Stamenković et al", where the tagger took the name for an interjection
            authors = self.people.with_surname(head.lower_)
            if len(authors) == 1:
                return authors, []
        named = [self.people.cluster_of(c) for c in appositives(head)]
        named = [c for c in named if c is not None] or self._name_set_off_after(head)
        if named:  # "the mayor, Jane Roe, said"
            return named[:1], []
        form = head.lower_
        members = self._members_named(head)
        if members:  # "Other Republican candidates, including Carly Fiorina and Ben Carson"
            return members, []
        authors, publishers = self._author(head)
        if authors or publishers:  # "a post by Amy Cook", "its press release"
            return authors, publishers
        issuer = _issuer(head)
        if issuer is not None:  # "Jessica Mackler issued a statement saying ...": Mackler says it
            return self._resolve_one(issuer)
        if form in PRONOUNS and head.pos_ == "PRON":
            found = self._pronoun(head, *PRONOUNS[form][:2])
            if not found and form in PLURAL_ORG_PRONOUNS:
                return [], self._organizations_of_subject(head)
            return found, []
        if _describes_a_person(head):
            return self._pronoun(head, None, "sg"), []  # "the Oregon Democrat", "the German", "the 24-year-old"
        count = _counted(head)
        if head.tag_ in PLURAL_TAGS and count and _people_noun(head):
            return self._last_people(head, count, GROUP_GENDERS.get(head.lower_)), []  # "both men"
        ent = self.entity_at.get(head.i)
        if head.ent_type_ in ORG_LABELS and (ent is None or has_name(ent)):
            if ent is None:
                return [], [head.text]
            owner = [c for c in head.children if c.dep_ == "compound" and c.ent_type_ == "ORG" and c.i < ent.start]
            if owner:  # "CNN Philippines": the NER cut the name in an organisation and a place
                return [], [organization_name(self.doc[owner[0].left_edge.i : ent.end])]
            return [], [organization_name(ent)]
        if head.i in self.organization_at and head.pos_ in ("PROPN", "NOUN"):
            return [], [organization_name(self.organization_at[head.i])]  # "Twitter said" (a known organisation)
        if form in ORG_PRONOUNS and head.pos_ == "PRON":
            return [], _listed(self._organization_in_focus_named(head))
        led = self._persons_organization(head) if head.pos_ == "NOUN" else None
        if led is not None:
            return [], [led]
        if head.pos_ == "NOUN" and head.lemma_.lower() in ORG_NOUNS and _definite(head):
            return [], _listed(self._organization(head, head.lemma_.lower()))
        if _role_word(head) and head.lemma_.lower() not in UNNAMED_SPEAKERS:
            found = self._by_role(head)
            if found:
                return found, []
        if head.pos_ == "PROPN" and not head.ent_type_ and head.text in self.organization_names:
            return [], [head.text]  # "Tesla said", where the NER called "Tesla" an organisation elsewhere
        return [], _listed(self._organization_of_description(head) if head.pos_ == "NOUN" else None)

    def _organization_of_description(self, head: Token) -> str | None:
        """The organisation a described speaker speaks for: "an Intel spokeswoman", "a producer for Yahoo
        Studios", "a report from the SITE Intelligence Group" (:data:`.tables.ORG_OF_PREPS`)."""
        holders = [c for c in head.children if c.dep_ in ("compound", "nmod", "poss") and c.i < head.i]
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in ORG_OF_PREPS:
                holders += [c for c in prep.children if c.dep_ == "pobj"]
            if prep.dep_ == "acl" and prep.tag_ == "VBN":  # "a report released by the Brookings Institution"
                holders += [p for a in prep.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        for holder in holders:
            ent = self.organization_at.get(holder.i)
            if ent is not None and not (head.lemma_.lower() in POSTED_NOUNS and ent.text.lower() in PLATFORMS):
                return organization_name(ent)
        return None

    def _members_named(self, head: Token) -> list[int]:
        """The people a group is given by ("candidates, including Carly Fiorina and Ben Carson", "critics like
        Mitt Romney": :data:`.tables.GROUP_MEMBER_PREPS`)."""
        if head.tag_ not in PLURAL_TAGS:
            return []
        found: list[int] = []
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in GROUP_MEMBER_PREPS:
                continue
            for member in (o for p in prep.children if p.dep_ == "pobj" for o in (p, *p.conjuncts)):
                cluster = self.people.cluster_of(member)
                if cluster is not None and cluster not in found:
                    found.append(cluster)
        return found

    def _author(self, head: Token) -> tuple[list[int], list[str]]:
        """The person who wrote or posted what speaks, or the organisation that published it: "a Twitter post by
        Amy Cook", "a letter from Jane Roe" (:data:`.tables.AUTHOR_PREPS`), "Judge Miller's statement", "his
        tweet", "a tweet sent from Biden's Twitter account" (:data:`.tables.ACCOUNT_NOUNS`), "its press release"
        (the organisation "it" stands for)."""
        if head.pos_ != "NOUN" or head.lemma_.lower() not in POSTED_NOUNS | REPORTING_WORDS:
            return [], []
        owner = next((c for c in head.children if c.dep_ == "poss"), None) or self._account_owner(head)
        if owner is not None and owner.lower_ in ORG_POSSESSIVES:
            return [], _listed(self._organization_in_focus_named(owner))
        if owner is not None:
            found = self._resolve_one(owner)[0][:1]
            named = self.people.with_surname(owner.lower_) if owner.pos_ == "PROPN" else []
            return found or (named if len(named) == 1 else []), []  # the NER may call "Biden's" a place
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in AUTHOR_PREPS:
                found = [self.people.cluster_of(o) for o in prep.children if o.dep_ == "pobj"]
                if found and found[0] is not None:
                    return [found[0]], []
        return [], []

    @staticmethod
    def _account_owner(head: Token) -> Token | None:
        """Whose account a text came from or was posted on: "a tweet (sent) from Biden's Twitter account", "a
        post on her Facebook page" (:data:`.tables.ACCOUNT_NOUNS`, :data:`.tables.ACCOUNT_PREPS`)."""
        holders = [head, *(c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN")]
        for prep in (c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ACCOUNT_PREPS):
            for account in prep.children:
                if account.dep_ == "pobj" and account.lemma_.lower() in ACCOUNT_NOUNS:
                    owner = next((c for c in account.children if c.dep_ == "poss"), None)
                    if owner is not None:
                        return owner
        return None

    def _persons_organization(self, head: Token) -> str | None:
        """The team a person leads, named by its noun (:data:`.tables.PERSONAL_ORG_NOUNS`) and the person's
        surname: "Huckabee's campaign", "the Sanders campaign", "his campaign" (Trump's): "Trump campaign"."""
        if head.tag_ in PLURAL_TAGS or head.lemma_.lower() not in PERSONAL_ORG_NOUNS:
            return None
        for owner in head.children:
            if owner.i > head.i or owner.dep_ not in OWNER_DEPS:
                continue
            pronoun = PRONOUNS.get(owner.lower_) if owner.pos_ == "PRON" else None
            if pronoun is not None and pronoun[1] == "sg" and owner.dep_ == "poss":
                found = self._pronoun(owner, pronoun[0], "sg")
            else:
                cluster = self.people.cluster_of(owner)
                found = [cluster] if cluster is not None else []
            if found:
                cluster = self.people.clusters[found[0]]
                words = cluster.name.split()[: -1 if cluster.suffix else None]  # "Donald Trump Jr.": Trump
                return f"{words[-1]} {head.lemma_.lower()}" if words else None
        return None

    def _name_set_off_after(self, head: Token) -> list[int]:
        """The person named between commas right after a noun or its phrase, whatever the parse made of it
        ("Trump’s Indiana chairman, Rex Early, said", with "Early" parsed as an adverb; "the president of the
        League for Human Rights, Jamel Msallem, said", with the name hung on another noun); not after a noun
        no one is named for ("According to official statements, Trump, now in hospital, is to ...")."""
        if head.pos_ != "NOUN" or not may_speak(head):
            return []
        doc = head.doc
        comma = head.i + 1
        while comma < min(len(doc), head.i + PHRASE_BEFORE_NAME_MAX) and doc[comma].pos_ in NOUN_PHRASE_POS:
            comma += 1  # the words of the noun's phrase ("of the Party for Freedom")
        if comma + 1 >= len(doc) or doc[comma].text != ",":
            return []
        cluster = self.people.cluster_of(doc[comma + 1])
        if cluster is None:
            return []
        end = comma + 1
        while end < len(doc) and self.people.cluster_of(doc[end]) == cluster:
            end += 1
        return [cluster] if end < len(doc) and doc[end].text in (",", "(") else []

    def _pronoun(self, token: Token, gender: str | None, number: str) -> list[int]:
        if token.lower_ in PRONOUNS and PRONOUNS[token.lower_][2] != 3:
            return []
        if number == "pl":
            return self._group(token, self.sentence_of[token.i])
        sentence = self.narrated_sentence_of[token.i]  # a long quotation does not push its speaker away
        best, best_score = None, float("-inf")
        for m in self.mentions:
            distance = sentence - self.narrated_sentence_of[m.token]
            if m.token >= token.i or distance > WINDOW or len(m.clusters) != 1:
                continue
            cluster = self.people.clusters[m.clusters[0]]
            mismatch = gender is not None and cluster.gender not in (None, gender)
            if mismatch and cluster.sure_gender:
                continue
            subject = SUBJECT_BONUS * m.subject * (SUBORDINATE_SHARE if m.subordinate else 1.0)
            score = _salience(distance, m.token, subject, m.speaker, mismatch)
            if score > best_score:
                best, best_score = m.clusters[0], score
        if token.lower_ in PRONOUNS and self._newcomer_above(sentence, gender, best_score):
            return []  # "One of the victims decided ... She said": no one named
        return [] if best is None else [best]

    def _newcomer_above(self, sentence: int, gender: str | None, score: float) -> bool:
        """Whether someone unnamed of ``gender``, brought in in an earlier sentence, is more salient than
        ``score`` (a pronoun's best named candidate's). Not in the pronoun's own sentence: "One of his sons is
        a Marine, a fact he mentions"; and not for a description ("the businessman" means someone named)."""
        for n in self.newcomers:
            distance = sentence - self.narrated_sentence_of[n.token]
            if not 0 < distance <= WINDOW or (gender is not None and n.gender not in (None, gender)):
                continue
            if _salience(distance, n.token, SUBJECT_BONUS) > score:
                return True
        return False

    def _group(self, token: Token, sentence: int) -> list[int]:
        """The people "they" refers to: several named in the sentence, else the last group."""
        before = [m for m in self.mentions if m.token < token.i and sentence - m.sentence <= WINDOW]
        same = _distinct(c for m in before if m.sentence == sentence for c in m.clusters)
        if len(same) >= 2:
            return same
        groups = [m for m in before if len(m.clusters) >= 2]
        groups += self._coordinated(before)
        if groups:
            return list(max(groups, key=lambda m: m.token).clusters)
        previous = _distinct(c for m in before if m.sentence == sentence - 1 for c in m.clusters)
        return previous if len(previous) >= 2 else []

    def _last_people(self, head: Token, count: int, gender: str | None) -> list[int]:
        """The ``count`` people (of ``gender``, if given) mentioned last before ``head``, within twice the
        pronoun window."""
        sentence = self.sentence_of[head.i]
        found: list[int] = []
        for m in sorted(self.mentions, key=lambda m: -m.token):
            if m.token >= head.i or sentence - m.sentence > 2 * WINDOW:
                continue
            found.extend(
                c for c in m.clusters
                if c not in found and (gender is None or self.people.clusters[c].gender in (None, gender))
            )
            if len(found) >= count:
                return sorted(found[:count])
        return []

    def _coordinated(self, before: list[_Mention]) -> list[_Mention]:
        """Mentions joined by "and" ("Mescal and Scott"), as groups."""
        groups = []
        for m in before:
            token = self.doc[m.token]
            head = token.head if token.dep_ == "compound" else token
            joined = [self.people.cluster_of(c) for c in head.conjuncts]
            joined = [c for c in joined if c is not None and c not in m.clusters]
            if joined:
                groups.append(_Mention(m.token, m.sentence, tuple(_distinct([*m.clusters, *joined])), m.subject))
        return groups

    def _organization(self, head: Token, noun: str | None) -> str | None:
        """The organisation "it" or "the agency" stands for: the one named last, within the window.

        For a noun, one whose name holds it ("the Environmental Protection Agency") comes first; only a noun
        of :data:`.tables.ANY_ORG_NOUNS` ("the company") may stand for an organisation whose name lacks it
        ("the government" is not the last militia named).
        """
        sentence = self.sentence_of[head.i]
        before = [
            ent for ent in self.organizations
            if ent.end <= head.i and sentence - self.sentence_of[ent.start] <= WINDOW
        ]
        if noun is not None:
            named = [e for e in before if noun in e.text.lower().split()]
            before = named if named or noun not in ANY_ORG_NOUNS else before
        return organization_name(before[-1]) if before else None

    def _organization_in_focus(self, pronoun: Token) -> bool:
        """Whether "it" may stand for an organisation: the last main clause's subject before it is one (or "it").

        "Boseman died at home, according to a statement. It also stated ..." is the statement, not the
        film the NER took for an organisation earlier.
        """
        subject = self._last_main_subject(pronoun, WINDOW)
        return subject is None or (
            subject.lower_ in ORG_PRONOUNS or subject.ent_type_ in ORG_LABELS or subject.i in self.organization_at
            or (subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() in ORG_NOUNS)
        )

    def _organization_in_focus_named(self, pronoun: Token) -> str | None:
        """The organisation "it" or "its" stands for: the last main clause's subject when that names one or stands for
        one ("The NBA did not name him. They did say he ... According to its press release": the NBA, not the
        team named since), else the last one named, when one is in focus (:meth:`_organization_in_focus`)."""
        subject = self._last_main_subject(pronoun, WINDOW)
        if subject is not None and subject.i in self.organization_at:
            return organization_name(self.organization_at[subject.i])
        if subject is not None and subject.lower_ in PLURAL_ORG_PRONOUNS:
            return next(iter(self._organizations_of_subject(subject)), None)
        return self._organization(pronoun, None) if self._organization_in_focus(pronoun) else None

    def _organizations_of_subject(self, pronoun: Token) -> list[str]:
        """The organisations "they" stands for when the last main clause's subject before it, in its sentence or
        the one before, is a named organisation ("The NBA did not release the name. They did say ..."): the last
        one named, and those joined to it ("The Investigative Committee and the FSB said they believe ...")."""
        subject = self._last_main_subject(pronoun, 1)
        if subject is None or subject.i not in self.organization_at:
            return []
        last = self._organization(pronoun, None)
        if last is None:
            return []
        joined = [self.organization_at[t.i] for t in (subject, *subject.conjuncts) if t.i in self.organization_at]
        names = [organization_name(ent) for ent in joined]
        return names if last in names else [last]

    def _last_main_subject(self, pronoun: Token, window: int) -> Token | None:
        """The subject of the last main clause before ``pronoun``, within ``window`` sentences: not "sales" in
        "The company said sales rose"."""
        sentence = self.sentence_of[pronoun.i]
        for token in reversed(self.doc[: pronoun.i]):
            if sentence - self.sentence_of[token.i] > window:
                return None
            if token.dep_ in NOMINAL_SUBJECT_DEPS and token.head.dep_ == "ROOT":
                return token
        return None

    def _by_role(self, head: Token) -> list[int]:
        """ "The director" refers to the last person the article called a director; "the candidates", a group,
        to no one."""
        if not _definite(head) or head.tag_ in PLURAL_TAGS:
            return []
        role = head.lemma_.lower() if head.pos_ == "NOUN" else head.lower_
        whole = compound_role(head, role)  # "the Prime Minister": a prime minister before any other minister
        parties = parties_of(head.doc[head.left_edge.i : head.i])
        clusters = [(i, c) for i, c in enumerate(self.people.clusters) if not _other_party(c, parties)]
        holders = [i for i, c in clusters if whole in c.roles] or [
            i for i, c in clusters if whole == role and any(role_head(r) == role for r in c.roles)
        ]  # "the health minister" is no "Civil Aviation Minister Hardeep Singh Puri", whose role is "minister"
        mentioned = [m for m in self.mentions if m.token < head.i and any(c in holders for c in m.clusters)]
        if not mentioned:
            return self._by_epithet(head, role, whole, parties) if not holders else []
        last = max(mentioned, key=lambda m: m.token)
        return [next(c for c in last.clusters if c in holders)]

    def _by_epithet(self, head: Token, role: str, whole: str, parties: set[str]) -> list[int]:
        """ "Hillary Clinton wants D.C. to become a state. The Democratic frontrunner wrote ...": a noun news
        uses for someone just named (:data:`.tables.EPITHETS`), which no one holds as a role, is the person
        a pronoun there would be, named at most :data:`EPITHET_WINDOW` sentences before."""
        if role not in EPITHETS and whole not in EPITHETS:
            return []
        found = self._pronoun(head, None, "sg")
        if found and _other_party(self.people.clusters[found[0]], parties):
            return []  # "Trump spoke. The Democratic front-runner said ..."
        sentence = self.sentence_of[head.i]
        near = any(
            m.token < head.i and found and m.clusters == (found[0],) and sentence - m.sentence <= EPITHET_WINDOW
            for m in self.mentions
        )
        return found if near else []


def _narrated_sentence_numbers(sentences: list[Span], quoted: set[int]) -> dict[int, int]:
    """Each token's sentence number, for how far back a pronoun looks: a sentence wholly inside quotation marks
    counts with the one before it, so that "“…,” said Daniel Benjamin. “He is … . While he …” He argued ..."
    finds Benjamin as near as if his words had been one sentence."""
    numbers: dict[int, int] = {}
    n = -1
    for sent in sentences:
        if n < 0 or not all(t.i in quoted or t.is_punct or t.is_space for t in sent):
            n += 1
        numbers.update((t.i, n) for t in sent)
    return numbers


def _holds_a_name(token: Token) -> bool:
    """A preposition or a verb a name further on may be the object of; not a place the tagger took for a verb
    ("Tulsa police Chief Chuck Jordan")."""
    return token.pos_ in NAME_HOLDER_POS and not token.ent_type_


def _before_et_al(token: Token) -> bool:
    """Whether "et al" follows a word: a paper's first author."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].lower_ == "et" and doc[token.i + 2].lower_ in ("al", "al.")


def _listed(name: str | None) -> list[str]:
    return [] if name is None else [name]


def _issuer(head: Token) -> Token | None:
    """The subject of the verb a text is the object of ("Jessica Mackler issued [a statement] saying ...",
    "the campaign released [a video] showing ..."), when the text speaks (:data:`.tables.POSTED_NOUNS`,
    :data:`.tables.REPORTING_WORDS`)."""
    if head.pos_ != "NOUN" or head.dep_ != "dobj" or head.lemma_.lower() not in POSTED_NOUNS | REPORTING_WORDS:
        return None
    return next((c for c in head.head.children if c.dep_ == "nsubj"), None)


def _other_party(cluster: Cluster, parties: set[str]) -> bool:
    """Whether a description's party ("the GOP front-runner") is not the one the person was described by."""
    return bool(parties and cluster.parties and not parties & cluster.parties)


#: A bracket the NER ran into at the end of a name, closed or not: "World Health Organization (WHO".
_TRAILING_BRACKET = re.compile(r"\s*\([^()]*\)?\s*$")


def _subordinate(head: Token) -> bool:
    """Whether a mention is the subject of a clause set inside another: "Ryan did not exude confidence when
    [Tapper] asked ...", "Babcock said [Trump] is his third choice"."""
    subject = head.head if head.dep_ == "appos" else head
    return subject.dep_ in NOMINAL_SUBJECT_DEPS and subject.head.dep_ in SUBORDINATE_DEPS


def _is_subject(head: Token) -> bool:
    """A subject, or a name set beside one ("Another voice actor, Lauren Landa, would list ...")."""
    return head.dep_ in NOMINAL_SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in NOMINAL_SUBJECT_DEPS)


def organization_entities(doc: Doc, people: People) -> list[Span]:
    """The organisations of ``doc``, in order: the model's (with a name, and no person of the article in
    them), and the words of :data:`.tables.KNOWN_ORGANIZATIONS` it missed ("Twitter said")."""
    found = [
        ent for ent in doc.ents
        if ent.label_ == "ORG" and people.cluster_of(ent.root) is None and has_name(ent)
    ]
    found += [
        Span(doc, t.i, t.i + 1, label="ORG") for t in doc
        if t.lower_ in KNOWN_ORGANIZATIONS and t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN")
        and t.ent_type_ not in (*PLACE_LABELS, "ORG") and people.cluster_of(t) is None
    ]
    return sorted(found, key=lambda ent: ent.start)


def has_name(ent: Span) -> bool:
    """Whether an entity has a name in it: the small model labels a sentence's first plural
    ("Reports said ...", "Officials said ...") an organisation."""
    return any(
        t.tag_ in ("NNP", "NNPS") or (t.is_upper and len(t) > 1) or (t.is_title and not t.is_sent_start) for t in ent
    )


def organization_name(ent: Span) -> str:
    """An organisation's name as a speaker's referent: "the EPA" is "EPA", "Associated Press (" and "the
    World Health Organization (WHO" are "Associated Press" and "World Health Organization", "the National
    Institute of Allergy and Infectious Disease's" (the NER ran the possessive in) "National Institute of ..."."""
    if len(ent) > 1 and ent[-1].dep_ == "case" and ent[-1].head.dep_ == "poss":
        ent = ent.doc[ent.start : ent.end - 1]  # "the Institute's director"; but "Macy's said"
    name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return _TRAILING_BRACKET.sub("", name).rstrip(" ([{-–—,;:") or name.strip(" ()[]{}")


def _describes_a_person(head: Token) -> bool:
    """ "the Oregon Democrat", "the German", "the 24-year-old": a definite description of one person named
    before, not the party, the nation or a date, nor a name that starts with "The" ("newspaper The Hindu")."""
    if not _definite(head) or head.tag_ in PLURAL_TAGS:
        return False
    if any(c.dep_ == "det" and c.text == "The" and not c.is_sent_start for c in head.children):
        return False
    if head.lemma_.lower() in PARTY_MEMBERS or (head.ent_type_ == "NORP" and head.tag_ in ("NNP", "NN")):
        return True
    return head.lower_ == "old" and any(c.lower_ in ("year", "years") for c in head.children)


def _salience(distance: int, token: int, subject: float, speaker: bool = False, mismatch: bool = False) -> float:
    """How salient a candidate ``distance`` sentences back is for a pronoun: recent, a subject (``subject`` is
    its bonus), a speaker, of the pronoun's gender; the later, the better, all else equal."""
    return -SENTENCE_COST * distance + subject + SPEAKER_BONUS * speaker - UNSURE_GENDER_COST * mismatch + token / 1e6


def _of_a_main_clause(subject: Token) -> bool:
    """ "A woman watched", "... and a man said": the subject of a sentence's main verb (not "for a justice to
    weigh in", nor "the debt an average student has")."""
    verb = subject.head
    while verb.dep_ == "conj":
        verb = verb.head
    return verb.dep_ == "ROOT"


def _newcomer_noun(subject: Token) -> Token | None:
    """The noun of one person a subject brings in unnamed: "a woman" (woman), "another officer", "one of the
    victims" (victims); none for "the director", "officials" or "one of the reports"."""
    if subject.lower_ == "one":
        members = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if members and members[0].tag_ in PLURAL_TAGS and (
            members[0].lemma_.lower() in PERSON_NOUNS or members[0].lower_ in GROUP_GENDERS
        ):
            return members[0]
        return None
    indefinite = any(c.dep_ == "det" and c.lower_ in INDEFINITE_DETERMINERS for c in subject.children)
    if indefinite and subject.tag_ == "NN" and subject.lemma_.lower() in PERSON_NOUNS:
        return subject
    return None


def _people_noun(head: Token) -> bool:
    """Whether a plural noun names people ("both men", "the two senators"), not "two sources" or "two firms"."""
    lemma = head.lemma_.lower()
    return head.lower_ in GROUP_GENDERS or lemma in ROLE_NOUNS or lemma in GROUP_NOUNS


def _counted(head: Token) -> int:
    """How many people "both men", "the two senators", "all three candidates" are (0: not counted so)."""
    counts = [GROUP_WORDS[c.lower_] for c in head.children if c.lower_ in GROUP_WORDS and c.dep_ in COUNT_DEPS]
    return counts[0] if counts else 0


def _definite(head: Token) -> bool:
    """ "the director", "this agency"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)


def _role_word(head: Token) -> bool:
    """A common noun, or a capitalised role ("The President", tagged a proper noun), or a word in lower case
    the tagger took for a proper noun ("the GOP front-runner")."""
    return head.pos_ == "NOUN" or (head.pos_ == "PROPN" and (head.lower_ in ROLE_NOUNS or head.is_lower))


def _distinct(items) -> list[int]:
    out: list[int] = []
    for item in items:
        if item not in out:
            out.append(item)
    return out
