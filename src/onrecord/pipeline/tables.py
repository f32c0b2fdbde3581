"""The rules' data: cue words, titles, roles, pronouns, quotation marks.

Everything the extraction rules key on lives here, as tables, so that a rule
is a lookup and a new cue or title is a one-line change.
"""

from __future__ import annotations

import re

#: Lemmas of verbs that report speech (or writing) and take the words as content.
SPEECH_VERBS: frozenset[str] = frozenset(
    """
    say tell add explain state declare announce insist argue claim contend maintain assert
    note observe remark comment reply respond answer retort counter ask question wonder
    warn caution urge suggest propose recommend predict promise pledge vow swear vouch
    admit acknowledge concede confess confirm deny reject dispute disagree agree
    acknowledge allege accuse charge complain lament protest criticize criticise praise
    joke quip laugh tease boast brag scoff sneer mock gush rave muse
    write tweet post blog text email report testify recall recount describe
    reveal disclose divulge announce emphasize emphasise stress underline highlight
    point mention repeat reiterate stress continue conclude begin shout yell scream whisper
    cry exclaim murmur mutter sigh groan snap bark thunder fume
    tell inform assure reassure remind advise notify
    call dub label brand term
    estimate calculate project forecast
    demand order instruct require request plead beg appeal
    threaten signal hint imply indicate
    acknowledge agree counter
    reaffirm affirm clarify specify share
    """.split()
)
#: Verbs that are cues only with one of these nouns (lemmas) for their subject: "“...,” the statement read",
#: "reads an AEW press release"; not "she read the report".
SUBJECT_BOUND_CUES: dict[str, frozenset[str]] = {
    "read": frozenset(
        """statement release letter note sign caption message post tweet email memo notice document text banner
        placard headline inscription label order ruling opinion filing motion complaint indictment report
        petition lawsuit brief""".split()
    ),
}

#: Lemmas of verbs that report beliefs, knowledge or intentions (PolNeAR counts these).
THOUGHT_VERBS: frozenset[str] = frozenset(
    """
    believe think feel hope fear expect doubt suspect worry reckon consider
    """.split()
)

#: Lemmas of verbs that attribute a finding, a wish or a stance ("the poll shows that",
#: "she wants the bill to pass"): cues only with a clause or a quotation.
STANCE_VERBS: frozenset[str] = frozenset(
    """
    show find cite want plan see echo know understand recognize recognise assume decide
    seem appear learn realize realise conclude prove reveal suggest support oppose endorse condemn
    blast attack slam denounce praise defend reference compare liken discuss address
    """.split()
)
#: Every cue verb's lemma: of speech, of thought and of stance.
CUE_VERBS: frozenset[str] = SPEECH_VERBS | THOUGHT_VERBS | STANCE_VERBS
#: Inflections of cue verbs that en_core_web_sm's lemmatizer gets wrong, with their lemmas (see
#: :mod:`.lemmas`): "hopes" is not the verb "hop".
VERB_LEMMA_FIXES: dict[str, str] = {
    "hopes": "hope", "hoped": "hope", "hoping": "hope",
    "seems": "seem", "seemed": "seem", "appeared": "appear",
    "feels": "feel", "blasts": "blast", "blogged": "blog",
}

#: Cue lemmas of going on speaking: "the X added" just after a quotation is its speaker, when no one the
#: article names holds X (see :func:`.attribution._described_speaker_going_on`).
CONTINUING_CUES: frozenset[str] = frozenset({"add", "continue"})

#: Cue lemmas of asking: whoever answers next is someone else (see :meth:`.coref.Resolver.resolve`).
QUESTION_VERBS: frozenset[str] = frozenset({"ask", "question", "inquire", "enquire", "wonder"})

#: Out of scope "speech": verbs of seeming whose subject is "it" ("it appears he has little chance"), ...
RAISING_VERBS: frozenset[str] = frozenset({"seem", "appear"})
#: ... a speaker no one in particular is ("one might think"), ...
GENERIC_SPEAKERS: frozenset[str] = frozenset({"one"})
#: ... and verbs of perception with no clause after them and no quotation ("found the area welcoming").
PERCEPTION_VERBS: frozenset[str] = frozenset({"find", "see", "notice", "spot", "witness"})
#: ... what evidence shows, not what anyone said: a verb of showing (:data:`EVIDENCE_VERBS`) whose subject is
#: something seen or measured (:data:`EVIDENCE_NOUNS`): "Footage from the scene showed the vehicle burn", "The
#: results suggest that ...", "Rising prices indicate ..." (but "The report suggests", "Jane Roe suggested"), ...
EVIDENCE_VERBS: frozenset[str] = frozenset(
    {"show", "suggest", "indicate", "reveal", "demonstrate", "prove", "imply", "confirm"}
)
EVIDENCE_NOUNS: frozenset[str] = frozenset(
    "footage video videotape photo photograph image imagery imaging picture scan x-ray "
    "data datum evidence result finding observation measurement reading statistic sample test experiment "
    "simulation calculation frequency rate trend pattern price rise increase decline drop fall growth".split()
)
#: ... and intentions: verbs of wanting and planning, reported only with a finite clause ("plans to cut jobs",
#: "want Obama to push for new laws", "aren't planning on voting" say what someone means to do, not what anyone
#: said; "hopes that turnout will be high" reports a thought, and "expects the economy to grow" a forecast).
VOLITION_VERBS: frozenset[str] = frozenset(
    "want wish plan intend aim seek try attempt strive mean desire prepare".split()
)
#: ... and verbs of hoping whose infinitive has no subject of its own ("hopes to win", "expects to be elected").
HOPE_VERBS: frozenset[str] = frozenset({"hope", "expect"})
#: Part-of-speech tags of a finite verb: a clause with a tense of its own.
FINITE_VERB_TAGS: frozenset[str] = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Tags of relative words: a phrase holding one opens a clause of the writer's ("..., to which AWS replied
#: ..."), not a phrase of the cue's before its reported clause (:func:`.cues._clause_after_phrase`).
RELATIVE_TAGS: frozenset[str] = frozenset({"WDT", "WP", "WP$", "WRB"})
#: Part-of-speech tags of the verb of a clause: finite, or an infinitive ("found the law to be unlawful"),
#: not a participle ("found the area welcoming").
CLAUSE_VERB_TAGS: frozenset[str] = FINITE_VERB_TAGS | {"VB"}

#: Cue verbs that only count as cues when they govern a clause or a quotation,
#: never on their own ("point" needs "out", "call" needs a complement).
NEEDS_CONTENT: frozenset[str] = frozenset(
    """
    call dub label brand term continue begin point cry laugh sigh snap bark thunder
    signal indicate charge question order require project estimate calculate appeal
    demand request plead beg share
    """.split()
)

#: Verbs of aspect: the verb of their infinitive or participle is the one that reports ("continued to call
#: for", "began taking calls"), and a quotation in its clause is not theirs.
ASPECTUAL_VERBS: frozenset[str] = frozenset("begin continue start keep resume stop cease".split())

#: What an extraction reports: "speech" (what people said, wrote or are said to think) or "all" (also the
#: acts and stances that PolNeAR counts as attributions, "declined to", "unveiled a plan").
SCOPES: tuple[str, ...] = ("speech", "all")

#: Words (lemmas) of a cue that reports speech, writing or thought, beyond the verbs above: an
#: attribution only the learned tagger found is reported by default only with one of these in its cue
#: (or with a stance verb and a clause, or a quotation). Without, it is an act or a stance ("declined
#: to", "unveiled a plan", "slammed Trump"), which PolNeAR counts as attribution: ``scope="all"``.
REPORTING_WORDS: frozenset[str] = frozenset(
    """
    according speak talk chat chant sing publish express detail outline elaborate chastise rail refer reason
    apologize apologise
    quote paraphrase preach lecture brief tout trumpet hail rebut rebuke scold lash decry deplore
    statement remark comment claim interview conversation speech address testimony tweet post letter
    memo email message note report account word words story version view opinion belief thought
    argument assertion allegation accusation charge complaint criticism warning promise pledge vow
    threat plea appeal call demand request question answer reply response explanation suggestion
    proposal prediction estimate announcement admission confession denial insistence contention
    concern fear hope doubt suspicion worry conviction assessment analysis finding conclusion verdict
    """.split()
)

#: Prepositions after which a speech verb reports no speech: "adding to evidence that ..." adds nothing said.
NOT_SPEECH_PREPS: dict[str, frozenset[str]] = {"add": frozenset({"to"})}
#: Words that make a cue report no speech: "left without saying whether ..." (a preposition it hangs on),
#: "if people think the race is over, ..." (a condition: no one thinks it yet).
UNSAID_PREPS: frozenset[str] = frozenset({"without", "instead"})
#: Subjects that say no one spoke: "Nobody said ...", "None of them commented" (the subject's head), "No group
#: claimed responsibility", "Neither candidate said" (its determiner).
NO_ONE: frozenset[str] = frozenset({"nobody", "none", "noone"})
NO_ONE_DETERMINERS: frozenset[str] = frozenset({"no", "neither"})
#: Roles a company holds as often as a person: a name set off beside one is no person for that ("Its biggest
#: creditor, Goldman Sachs, said ...").
COMPANY_ROLES: frozenset[str] = frozenset(
    "owner investor shareholder creditor lender buyer seller supplier sponsor donor partner bidder client customer "
    "rival winner".split()
)
#: Words whose "in" is no place: "put their trust in Narendra Modi", "lost faith in Joe Biden".
TRUST_WORDS: frozenset[str] = frozenset(
    "trust faith confidence belief believe interest invest hope pride".split()
)
HYPOTHETICAL_MARKS: frozenset[str] = frozenset({"if", "unless"})
#: Modals that make a cue a possibility, not a report: "critics might argue that ...", "some may recall ..."
#: (but "may have suggested" is a hedged report: a perfect keeps it).
POSSIBILITY_MODALS: frozenset[str] = frozenset({"may", "might", "could"})

#: Speech verbs that, with a bare object and no clause, report an act ("the Kremlin rejected a proposal",
#: "the Senate confirmed Barrett", "he posted a video"): out of scope "speech" when only the tagger found them.
ACT_LIKE_SPEECH: frozenset[str] = frozenset("reject confirm announce declare propose post order request demand".split())

#: Set phrases in which a cue word reports nothing: "it goes without saying that ...", "let's say you ...",
#: "needless to say". Each word matches a token's lowercase form (’ read as ') or its lemma.
SET_PHRASES: tuple[tuple[str, ...], ...] = (
    ("go", "without", "saying"), ("needless", "to", "say"), ("let", "'s", "say"), ("let", "us", "say"),
    ("that", "is", "to", "say"), ("so", "to", "speak"), ("so", "to", "say"), ("suffice", "it", "to", "say"),
    ("to", "say", "the", "least"), ("truth", "be", "told"), ("not", "to", "mention"),
    # the writer's own comment on what follows: "it is worth noting that ...", "it is too early to tell whether ..."
    ("worth", "note"), ("worth", "mention"), ("worth", "remember"), ("worth", "recall"), ("worth", "ask"),
    ("early", "to", "tell"), ("early", "to", "say"), ("hard", "to", "tell"), ("hard", "to", "say"),
    ("difficult", "to", "tell"), ("difficult", "to", "say"), ("impossible", "to", "tell"), ("impossible", "to", "say"),
    ("safe", "to", "say"), ("fair", "to", "say"),
)

#: Tags the parser may give a speech verb's base form that opens a sentence as an order ("Say Mexico demanded
#: ..." read as a name): with no subject, it still gives the order.
ORDER_MISTAGS: frozenset[str] = frozenset({"NN", "NNP", "VBP"})

#: Prepositions and subordinators the parser may take for a name ("Amongst reported incidents ..." read as a
#: speaker "Amongst" and its cue "reported"): no speaker of the tagger's is only these.
NOT_NAMES: frozenset[str] = frozenset(
    "amongst among amid amidst despite although though whilst while upon towards toward throughout unlike via "
    "beyond besides".split()
)

#: Verbs whose participle, set off after a reported clause, reports by its object: "analysts said the factors
#: contributed, citing the strategic importance of ..." (the analysts cite it; the clause ends before it).
CITING_VERBS: frozenset[str] = frozenset({"cite", "quote"})

#: Naming verbs: their object alone is no content ("called her mother"), only with what she is called.
NAMING_VERBS: frozenset[str] = frozenset("call dub label brand term name".split())

#: Words right before a cue verb that belong to the cue, by dependency ("has also said", "did not say"),
#: as attribution corpora mark cues.
CUE_LEFT_DEPS: frozenset[str] = frozenset({"aux", "auxpass", "neg", "advmod"})

#: What may stand between a cue verb and the verb it completes ("went on to explain", "could not resist
#: pointing out"): the cue then starts at that verb, as PolNeAR marks cues.
CATENATIVE_GAP_DEPS: frozenset[str] = CUE_LEFT_DEPS | {"prt"}

#: Conjunctions no content ends on: the tagger sometimes takes in the one that starts the next clause.
COORDINATORS: frozenset[str] = frozenset({"and", "but", "or"})
#: ... nor on a word of these parts of speech whose head it cut off ("to release millions in cash so", "not
#: that", "For Our Future, a"; "something he'd like to have sex with" ends on a preposition, as PolNeAR marks it).
DANGLING_ENDS: frozenset[str] = frozenset({"SCONJ", "CCONJ", "DET"})

#: Verb particles that make a cue of a verb ("point out", "lay out").
CUE_PARTICLES: dict[str, frozenset[str]] = {
    "point": frozenset({"out"}),
    "lay": frozenset({"out"}),
    "spell": frozenset({"out"}),
    "speak": frozenset({"out", "up"}),
    "hit": frozenset({"back"}),
    "fire": frozenset({"back"}),
    "shoot": frozenset({"back"}),
}

#: Verb objects that make a cue of a verb, as particles do: "as Anders put it, “...”".
CUE_OBJECTS: dict[str, frozenset[str]] = {"put": frozenset({"it"})}

#: Multi-word cues whose first word is not a verb: (words, lowercase).
PHRASE_CUES: tuple[tuple[str, ...], ...] = (
    ("according", "to"),
    ("in", "the", "words", "of"),
)

#: Possessors of a view that are the writer's own ("In my view, ..."): no attribution.
WRITER_POSSESSIVES: frozenset[str] = frozenset({"my", "our"})
#: Adjectives of belief that make a cue after a linking verb when a clause of their own follows: "Ackman is
#: convinced that Valeant will recover", "we remain confident that ..." (:func:`.cues.belief_at`).
BELIEF_ADJECTIVES: frozenset[str] = frozenset(
    "convinced confident sure certain adamant hopeful optimistic pessimistic skeptical doubtful aware".split()
)
#: Linking verbs (lemmas) such an adjective follows: "is", "remains", "seemed", "came away convinced".
LINKING_VERBS: frozenset[str] = frozenset("be remain seem appear feel stay become grow come".split())
#: "In his view, ...", "In Smith's opinion, ...": a preposition, a possessor (the speaker) and one of these
#: nouns (lemmas) make a cue of the clause the phrase hangs on.
VIEW_PREPOSITIONS: frozenset[str] = frozenset({"in", "from"})
VIEW_NOUNS: frozenset[str] = frozenset(
    {"view", "opinion", "estimation", "judgment", "judgement", "assessment", "words"}
)

#: Prepositions that introduce an addressee or an outlet after a cue.
ADDRESSEE_PREPS: frozenset[str] = frozenset({"to"})
#: Cue lemmas whose "to" phrase is not a hearer: "pointed to the ballot box", "responded to a question",
#: "pleaded not guilty to seven counts".
NOT_HEARER_PREP_CUES: frozenset[str] = frozenset(
    """
    point refer respond react agree object compare add contribute attribute link tie plead dedicate turn
    return switch listen admit confess
    """.split()
)
#: Cue lemma -> prepositions whose object is the addressee before a "to" infinitive: "called on Congress to act",
#: "appealed to voters to stay home".
APPEAL_PREPS: dict[str, tuple[str, ...]] = {"call": ("on", "upon"), "appeal": ("to",), "plead": ("with",)}
#: Nouns after which "with X" / "to X" names the outlet: "in an interview with CNN".
ADDRESSEE_FRAMES: frozenset[str] = frozenset(
    {"interview", "conversation", "statement", "call", "podcast", "appearance", "briefing", "email", "letter",
     "message", "post", "remarks", "speech", "op-ed", "column", "article", "chat", "discussion"}
)
#: Cue lemmas whose direct or indirect object is the addressee: "told Entertainment Weekly".
ADDRESSEE_OBJECT_CUES: frozenset[str] = frozenset(
    {"tell", "inform", "assure", "reassure", "remind", "advise", "notify", "warn", "email", "text", "ask", "urge",
     "promise", "caution", "write", "tweet"}
)
#: ... of which these take what was said as their direct object, the hearer only as an indirect one:
#: "promised immigration reform", "wrote a letter", but "promised voters a vote".
THING_OBJECT_CUES: frozenset[str] = frozenset({"promise", "write", "tweet", "email", "text"})
#: Verbs whose object, or whose "to" phrase, is whom the words went to, when the learned tagger marks them as a
#: cue: "urged voters to ...", "said to reporters" (not "wrote a letter", "compared the sites to ...").
HEARER_CUES: frozenset[str] = (ADDRESSEE_OBJECT_CUES - THING_OBJECT_CUES) | frozenset(
    "promise beg implore call appeal say speak talk explain announce propose report".split()
)
#: ... of which these keep their hearer out of what was said even right before it: "told the court “...”",
#: "assured voters he is ready" (PolNeAR train: the object of "tell" lies outside the content 344 times
#: against 6; "urge" takes it in, "urged voters to stay home", 27 against 14).
HEARER_APART_CUES: frozenset[str] = frozenset("tell assure reassure remind inform notify warn".split())
#: ... and these never follow their speaker: the name right after them is whom they told, not who did ("“…,”
#: said Scott" is Scott's, but "… told Reuters" is not Reuters's; "asked Jane" and "warned Jane" may be either).
HEARER_AFTER_CUES: frozenset[str] = frozenset("tell assure reassure remind inform notify".split())

#: Pronouns: form -> (gender, number, person). gender: "m", "f", None (any).
#: Pronouns that can only be subjects: "said he" is a speaker after its verb, "calling it" is not.
SUBJECT_PRONOUNS = frozenset({"i", "we", "he", "she", "they"})

PRONOUNS: dict[str, tuple[str | None, str, int]] = {
    "he": ("m", "sg", 3),
    "him": ("m", "sg", 3),
    "his": ("m", "sg", 3),
    "himself": ("m", "sg", 3),
    "she": ("f", "sg", 3),
    "her": ("f", "sg", 3),
    "hers": ("f", "sg", 3),
    "herself": ("f", "sg", 3),
    "they": (None, "pl", 3),
    "them": (None, "pl", 3),
    "their": (None, "pl", 3),
    "themselves": (None, "pl", 3),
    "i": (None, "sg", 1),
    "we": (None, "pl", 1),
    "you": (None, "sg", 2),
}

#: Lower-case words that may stand inside a person's name ("Vincent van Gogh", "Charles de Gaulle").
NAME_PARTICLES: frozenset[str] = frozenset(
    "van von de da del della dela delos di du la le der den ter dos das bin ibn al el".split()
)

#: Suffixes that end a name and tell two people apart (Donald Trump Jr. is not Donald Trump), lowercase,
#: without their period.
NAME_SUFFIXES: frozenset[str] = frozenset({"jr", "sr", "ii", "iii", "iv"})

#: Nouns of a place that a one-word name is the name of: "the capital, Sanaa", "the city of Izmir".
PLACE_NOUNS: frozenset[str] = frozenset(
    "capital city town village region province state island country republic district county municipality".split()
)
#: What a place has and a person does not: "Niger's capital", "Samoa's coast".
PLACE_OWNED_NOUNS: frozenset[str] = frozenset("capital coast coastline population territory provinces".split())

#: How often an article must name a person known by one word only ("Rajamma"); once, it is more
#: likely a place or a thing the small model took for a person ("Bangalore").
MIN_ONE_WORD_MENTIONS = 2

#: Dependencies of a clause's nominal subject, active or passive.
NOMINAL_SUBJECT_DEPS: frozenset[str] = frozenset({"nsubj", "nsubjpass"})

#: How a date or a time hangs on a verb when it tells when something happened ("told reporters Tuesday the
#: bridge would reopen"), not what was said ("consider a gap year").
TIME_ADVERBIAL_DEPS: frozenset[str] = frozenset({"npadvmod", "advmod", "tmod"})

#: Entity labels and words of dates and times: no content is made of them alone ("Today, Joe Biden was
#: projected by ..." gives the tagger's content "Today").
TIME_LABELS: frozenset[str] = frozenset({"DATE", "TIME"})
TIME_WORDS: frozenset[str] = frozenset(
    "today yesterday tomorrow tonight now then earlier later monday tuesday wednesday thursday friday saturday "
    "sunday".split()
)

#: Entity labels of places: a known surname so labelled is the person only as a subject ("Blankenship said";
#: not "in Washington").
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

#: Roles of kinship: a person introduced as someone's relative ("his daughter Nettie Baker") is not the one
#: a surname they share means, when the article has named them as often.
KINSHIP_ROLES: frozenset[str] = frozenset(
    "mother father son daughter brother sister wife husband widow widower uncle aunt nephew niece cousin "
    "grandson granddaughter grandfather grandmother stepson stepdaughter".split()
)

#: Characters that stand between two names run together as one ("De La Fuente/Richardson", a ticket).
NAME_SEPARATORS: frozenset[str] = frozenset({"/", "\\"})

#: Characters that join two words of a name into one ("Ocasio-Cortez").
HYPHENS: frozenset[str] = frozenset({"-", "‐", "‑"})

#: Participles of feeling: "were frustrated that ...", "is convinced that ..." are no passive of
#: speech (whose subject only heard it); their subject holds the feeling, as attribution corpora mark it.
FEELING_PARTICIPLES: frozenset[str] = frozenset(
    """
    frustrated concerned worried pleased disappointed convinced incensed angered outraged alarmed surprised
    shocked encouraged satisfied dismayed troubled relieved delighted thrilled excited upset annoyed
    frightened scared horrified infuriated irritated puzzled baffled confused amazed stunned impressed
    disturbed offended embarrassed heartened saddened disgusted appalled perplexed bothered intrigued
    """.split()
)

#: Speakers that are whoever utters the words around them ("“I told them so,” ...").
FIRST_PERSON_SINGULAR: frozenset[str] = frozenset({"i", "me", "myself"})

#: A speaker the tagger finds in the article's own narration that is the writer, not a source
#: ("we're finding out more about how ..."). An op-ed's "I believe" stays an attribution.
WRITER_VOICES: frozenset[str] = frozenset({"we"})

#: Speakers inside a transcript turn that are the turn's own voice: "I think", "we know" in an
#: answer, "do you think" in a question. The turn already quotes those words.
TURN_VOICES: frozenset[str] = FIRST_PERSON_SINGULAR | frozenset({"we", "us", "ourselves", "you", "yourself"})

#: Titles written before a name: lowercase form (without the final period) -> role, and gender if it tells.
TITLES: dict[str, tuple[str | None, str | None]] = {
    "mr": (None, "m"),
    "mrs": (None, "f"),
    "ms": (None, "f"),
    "miss": (None, "f"),
    "sir": (None, "m"),
    "dame": (None, "f"),
    "lady": (None, "f"),
    "lord": (None, "m"),
    "mme": (None, "f"),  # French and German courtesy titles, as English news keeps them
    "mlle": (None, "f"),
    "madame": (None, "f"),
    "monsieur": (None, "m"),
    "herr": (None, "m"),
    "frau": (None, "f"),
    "dr": ("doctor", None),
    "prof": ("professor", None),
    "professor": ("professor", None),
    "sen": ("senator", None),
    "senator": ("senator", None),
    "rep": ("representative", None),
    "representative": ("representative", None),
    "congressman": ("congressman", "m"),
    "congresswoman": ("congresswoman", "f"),
    "gov": ("governor", None),
    "governor": ("governor", None),
    "lt": ("lieutenant", None),
    "gen": ("general", None),
    "general": ("general", None),
    "col": ("colonel", None),
    "capt": ("captain", None),
    "sgt": ("sergeant", None),
    "adm": ("admiral", None),
    "pres": ("president", None),
    "president": ("president", None),
    "vice": (None, None),
    "sec": ("secretary", None),
    "secretary": ("secretary", None),
    "atty": ("attorney", None),
    "judge": ("judge", None),
    "justice": ("justice", None),
    "mayor": ("mayor", None),
    "speaker": ("speaker", None),  # "Speaker Ryan", "House Speaker Nancy Pelosi"
    "chancellor": ("chancellor", None),
    "minister": ("minister", None),
    "premier": ("premier", None),
    "taoiseach": ("taoiseach", None),
    "prime": (None, None),
    "king": ("king", "m"),
    "queen": ("queen", "f"),
    "prince": ("prince", "m"),
    "princess": ("princess", "f"),
    "pope": ("pope", "m"),
    "rev": ("reverend", None),
    "father": ("priest", "m"),
    "rabbi": ("rabbi", None),
    "imam": ("imam", None),
    "chief": (None, None),
    "coach": ("coach", None),
    "ambassador": ("ambassador", None),
    "detective": ("detective", None),
    "officer": ("officer", None),
    "sheriff": ("sheriff", None),
    "commissioner": ("commissioner", None),
    "alderman": ("alderman", "m"),
    "alderwoman": ("alderwoman", "f"),
    "alderperson": ("alderperson", None),
    "councilman": ("councilman", "m"),
    "councilwoman": ("councilwoman", "f"),
    "councilmember": ("councilmember", None),
    "councillor": ("councillor", None),
    "assemblyman": ("assemblyman", "m"),
    "assemblywoman": ("assemblywoman", "f"),
    "assemblymember": ("assemblymember", None),
    "superintendent": ("superintendent", None),
    "inspector": ("inspector", None),
    "sergeant": ("sergeant", None),
    "captain": ("captain", None),
    "lieutenant": ("lieutenant", None),
    "maj": ("major", None),
    "cpl": ("corporal", None),
    "pvt": ("private", None),
    "archbishop": ("archbishop", None),
    "bishop": ("bishop", None),
    "cardinal": ("cardinal", None),
    "sheikh": ("sheikh", "m"),
    "emir": ("emir", "m"),
    "sultan": ("sultan", "m"),
}

#: Titles that go with a first name alone, and a regnal number maybe: "Pope Francis", "Queen Elizabeth II",
#: "King Charles III". Such a person's name keeps the title.
REGNAL_TITLES: frozenset[str] = frozenset("king queen pope prince princess emperor empress tsar czar sultan".split())

#: Endings of nouns of agents and roles ("protester", "resident", "pianist", "chairman").
ROLE_SUFFIXES: tuple[str, ...] = ("er", "or", "ist", "ian", "man", "woman", "person", "ant", "ent")
#: ... but not of these nouns of things, common in news, with such an ending ("geopolitical factors have
#: contributed ..." has no one who may speak), nor of those ending in "-ment" ("the statement", "the agreement").
NOT_AGENT_NOUNS: frozenset[str] = frozenset(
    """
    factor number water paper letter order border power murder matter center centre career floor
    quarter meter metre liter litre kilometer gender weather behavior behaviour door prayer manner cancer
    banner horror disaster chamber river winter summer computer corridor labor labour cover layer danger
    counter color colour barrier sensor wonder answer liver shelter helicopter favor favour tremor trigger
    error perimeter indicator copper reminder lever server tower skyscraper elevator marker filter
    event percent incident accident intent moment comment restaurant component continent current consent
    plant content precedent extent grant present equivalent talent patent
    """.split()
)

#: Who may be the subject of a speech participle after a reported clause ("Roe said her son called,
#: saying he was safe": the son says it), beside :data:`ROLE_NOUNS` and nouns ending in
#: :data:`ROLE_SUFFIXES`: entity labels, and nouns of people and groups (lemmas).
SPEAKING_LABELS: frozenset[str] = frozenset({"PERSON", "ORG", "NORP", "GPE"})
#: How a name hangs on a noun of its own: "WSJ editorial", "Democrats' new warning".
OWNER_DEPS: frozenset[str] = frozenset({"compound", "poss"})
SPEAKING_NOUNS: frozenset[str] = frozenset(
    """
    man woman men women person people child children boy girl family suspect gunman crowd group team
    company firm government agency court board committee council campaign party administration authority
    ministry department office union club parliament movement
    """.split()
)

#: Roles of two words, the second of which alone names another ("attorney general" is no general).
COMPOUND_ROLES: frozenset[str] = frozenset(
    role.strip() for role in """attorney general|solicitor general|surgeon general|inspector general
    |secretary general|secretary-general|director general|director-general|governor general|governor-general
    |postmaster general|chief executive
    |chief justice|prime minister|vice president|vice-president|vice chairman|vice chair|first minister
    |chief minister|foreign minister|finance minister|health minister|defence minister|defense minister
    |interior minister|foreign secretary|home secretary|defense secretary|press secretary|lord mayor
    |police chief|fire chief|head coach|general manager|managing director|executive director|chief economist
    |deputy director|deputy minister|deputy mayor|deputy leader|party leader|opposition leader|team captain
    |chief scientist|lead author|senior fellow|vice admiral|rear admiral|lieutenant general|major general
    |brigadier general|lieutenant colonel|lieutenant governor|state senator|assistant professor
    |associate professor""".split("|")
)

#: What an office is "of" when the two make one role ("Secretary of State", "chief of staff"): the
#: object is then no organisation of the article.
OFFICE_DOMAINS: frozenset[str] = frozenset(
    """state staff justice transportation transport defense defence health education energy commerce labor
    labour treasury agriculture interior finance housing veterans homeland information communications""".split()
)

#: Nouns that name a role or occupation when written next to a name
#: ("director Andrew Haigh", "Jane Roe, a spokeswoman"). Lemmas.
ROLE_NOUNS: frozenset[str] = frozenset(
    """
    actor actress director producer writer screenwriter author novelist poet journalist reporter editor
    columnist critic anchor host presenter commentator analyst pollster strategist consultant adviser advisor
    spokesman spokeswoman spokesperson representative official officer chairman chairwoman chair president
    vice-president ceo cfo coo founder co-founder owner executive manager head chief director-general
    senator congressman congresswoman lawmaker legislator governor mayor minister secretary ambassador
    diplomat candidate nominee politician premier chancellor councillor councilman councilwoman
    commissioner delegate deputy leader aide staffer campaigner activist organizer organiser
    judge justice lawyer attorney prosecutor counsel barrister solicitor
    professor lecturer researcher scientist economist historian expert scholar teacher student
    doctor physician surgeon nurse psychologist psychiatrist
    police policeman detective sheriff inspector superintendent constable sergeant captain lieutenant
    colonel general admiral marshal commandant
    soldier veteran commander
    singer musician rapper composer artist photographer designer architect dancer comedian model
    drummer guitarist bassist pianist vocalist songwriter podcaster broadcaster blogger youtuber influencer
    player striker goalkeeper coach manager athlete captain champion quarterback linebacker pitcher
    midfielder defender goalie outfielder shortstop jockey boxer wrestler golfer swimmer sprinter cyclist
    bishop priest pastor rabbi imam cardinal pope
    king queen prince princess emperor
    engineer developer programmer entrepreneur investor banker trader
    farmer worker resident witness victim survivor neighbor neighbour friend mother father son daughter
    brother sister wife husband widow
    star co-star costar filmmaker showrunner playwright comic
    billionaire millionaire tycoon mogul magnate heiress socialite
    """.split()
)

#: Nouns of one ordinary person: "a woman", "one of the victims" brings in someone unnamed, whom the next "she"
#: may stand for. Not roles ("a spokeswoman did not respond", "a president who ..."): those often stand for
#: someone the article names, or say nothing.
PERSON_NOUNS: frozenset[str] = frozenset(
    """woman man girl boy person child teenager teen passenger patient relative cousin uncle aunt victim
    witness resident survivor neighbor neighbour friend mother father son daughter brother sister wife
    husband widow""".split()
)
#: Determiners that bring in someone new ("a woman", "another man"), unlike "the director".
INDEFINITE_DETERMINERS: frozenset[str] = frozenset({"a", "an", "another"})
#: Determiners of someone or something the article has already brought in ("the director", "this agency").
DEFINITE_DETERMINERS: frozenset[str] = frozenset({"the", "this", "that"})
#: Articles: a name with one of its own ("the Houthis") is a group's or a thing's, not a person's ("both Trump"
#: is a person's).
ARTICLES: frozenset[str] = frozenset({"the", "a", "an"})
#: The gender of a noun of one person.
PERSON_NOUN_GENDERS: dict[str, str] = {
    "man": "m", "boy": "m", "father": "m", "son": "m", "brother": "m", "husband": "m", "uncle": "m",
    "woman": "f", "girl": "f", "mother": "f", "daughter": "f", "sister": "f", "wife": "f", "widow": "f",
    "aunt": "f",
}

#: Speaker heads that refer to no named person but to an institution or an unnamed group.
UNNAMED_SPEAKERS: frozenset[str] = frozenset(
    """
    source sources official officials spokesman spokeswoman spokesperson statement report reports
    police authorities government ministry department agency analysts experts critics observers
    people residents witnesses aide aides campaign administration company firm lawyers study poll survey
    """.split()
)

#: Pronouns that stand for an organisation ("Acme said it ..." ... "It added ...").
ORG_PRONOUNS: frozenset[str] = frozenset({"it"})
#: The possessive of :data:`ORG_PRONOUNS`: "its press release" is the organisation's.
ORG_POSSESSIVES: frozenset[str] = frozenset({"its"})
#: Pronouns that stand for an organisation only when no people are at hand and the subject before them is
#: one ("The NBA did not name the player. They did say he ...").
PLURAL_ORG_PRONOUNS: frozenset[str] = frozenset({"they"})
#: Speakers that, unresolved inside another attribution's words, are taken for its speaker: "The president
#: told reporters he would consider it an insult" is one attribution, not also his considering.
NESTED_PRONOUNS: frozenset[str] = SUBJECT_PRONOUNS | ORG_PRONOUNS

#: Nouns that, after "the", stand for an organisation the article named ("the agency said").
ORG_NOUNS: frozenset[str] = frozenset(
    """
    company firm corporation business group conglomerate startup maker manufacturer retailer carrier airline
    bank lender insurer fund publisher broadcaster network newspaper magazine studio label
    agency ministry department government administration office bureau authority regulator commission
    council committee board court tribunal parliament assembly legislature senate
    party campaign union federation association league club team organization organisation charity
    foundation institute university college school hospital service army military force militia
    """.split()
)

#: Organisations news names all the time that the small model often calls nothing, a product or a person
#: ("Twitter said", "Facebook said", "Politico reported"; news agencies, outlets and pollsters whose name is
#: no one's surname): lowercase, one word each. A word of these is an organisation unless the model
#: calls it a place or a person ("the Amazon basin").
KNOWN_ORGANIZATIONS: frozenset[str] = frozenset(
    """
    twitter facebook instagram youtube google alphabet apple amazon microsoft meta tiktok whatsapp reddit
    snapchat telegram linkedin uber lyft airbnb netflix spotify tesla spacex openai nvidia intel ibm
    samsung huawei wikipedia wikileaks
    reuters politico axios cnn msnbc npr bbc afp huffpost buzzfeed gallup quinnipiac ipsos yougov
    """.split()
)
#: Of those, the platforms where others post, and the nouns of what is posted there: "a Twitter post by Amy
#: Cook" is Cook's, not Twitter's (but "a Twitter spokesman" speaks for Twitter).
PLATFORMS: frozenset[str] = frozenset(
    "twitter facebook instagram youtube tiktok whatsapp reddit snapchat telegram linkedin".split()
)
POSTED_NOUNS: frozenset[str] = frozenset("post tweet video page account livestream message story reel release".split())
#: Where a text was posted, and the prepositions that say so: its owner wrote it ("a tweet sent from Biden's
#: Twitter account", "a post on her Facebook page").
ACCOUNT_NOUNS: frozenset[str] = frozenset("account page feed handle channel profile timeline blog website".split())
ACCOUNT_PREPS: frozenset[str] = frozenset({"from", "on", "to", "via"})
#: Prepositions that give the author of a text that speaks: "a post by Amy Cook", "a letter from Jane Roe".
AUTHOR_PREPS: frozenset[str] = frozenset({"by", "from"})
#: Organisations a person leads, named by the person ("Huckabee's campaign", "the Obama administration").
PERSONAL_ORG_NOUNS: frozenset[str] = frozenset("campaign team camp office administration foundation".split())
#: Of those, the nouns that may stand for an organisation whose name does not hold them ("Acme Corp. ...
#: the company said"); the others ("the government", "the court") only for one whose name does.
ANY_ORG_NOUNS: frozenset[str] = frozenset(
    """
    company firm corporation business group conglomerate startup maker manufacturer retailer carrier airline
    bank lender insurer fund publisher broadcaster network newspaper magazine studio label charity agency
    """.split()
)
#: Nouns a headline's speaker may be when a name owns them: "Clinton camp: ...", "WSJ editorial: ...",
#: "Democrats' new warning: ..."; not "Trump's wall: ...", "Iowa caucus: ..." (a topic, not a voice).
OWNED_VOICE_NOUNS: frozenset[str] = (
    REPORTING_WORDS | PERSONAL_ORG_NOUNS | POSTED_NOUNS | frozenset("editorial column op-ed reaction".split())
)

#: Nouns news uses for someone it has just named, not roles it gave them: "the candidate", "the Democratic
#: frontrunner", "the real estate developer" stand for the person named last (see :mod:`.coref`).
EPITHETS: frozenset[str] = frozenset(
    """
    candidate nominee frontrunner front-runner contender hopeful challenger incumbent
    mogul tycoon billionaire millionaire magnate developer businessman businesswoman entrepreneur
    """.split()
)
#: Nouns for a member of a party or a camp: "the Oregon Democrat" is a person named before, not the party.
PARTY_MEMBERS: frozenset[str] = frozenset(
    "democrat republican conservative liberal independent socialist progressive tory labourite".split()
)
#: Words of a party before a role, and the party they name: "the GOP front-runner" is not the person
#: the article called "the Democratic front-runner". Not ideologies: a conservative may be a Republican.
PARTY_WORDS: dict[str, str] = {
    "gop": "republican", "republican": "republican", "democratic": "democratic", "democrat": "democratic",
    "labour": "labour", "tory": "conservative", "libertarian": "libertarian",
}
#: Words that make one role with the role after a hyphen ("front-runner", "co-founder", "vice-chair"); others
#: leave the role as it was ("then-president", "ex-president": a president).
HYPHEN_ROLE_PREFIXES: frozenset[str] = frozenset({"front", "co", "vice", "deputy"})
#: Entity labels of amounts: "US$3.6 billion", joined to a speaker by the parser, is no second speaker.
NUMERIC_LABELS: frozenset[str] = frozenset({"MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})
#: Words that open a relative clause set off by a comma: "..., which forced the resignation of ...".
ASIDE_PRONOUNS: frozenset[str] = frozenset({"which", "who", "whom", "whose"})
#: Participles the writer sets after someone's words to say what they meant ("“... by Cleveland,” referring to
#: the party's convention"): the writer's gloss, not the speaker's words (:func:`.cues.writers_gloss`).
GLOSS_VERBS: frozenset[str] = frozenset({"refer", "allude"})
#: Speech verbs' tags that make a report: the past and the present of news ("said", "says").
REPORT_TAGS: frozenset[str] = frozenset({"VBD", "VBZ"})
#: Verbs that say something of their object through a phrase, and the phrase's preposition: "critics likened
#: the salutes to fascist gestures", "she framed herself as the Plan B" (:func:`.cues.predicate_of`). Not
#: "compare": "scientists compared the three other treatments to it" is a method, not a claim.
PREDICATE_CUES: dict[str, str] = {
    "liken": "to", "frame": "as", "portray": "as", "characterize": "as", "characterise": "as", "paint": "as",
}
#: Prepositions before a title in quotation marks that is where something was said or written ("said on
#: CNN's “State of the Union.”", "wrote in “The Art of the Deal.”"); not "as" ("referred to her as “Miss
#: Piggy”": a name someone was called).
TITLE_PREPOSITIONS: frozenset[str] = frozenset("on in at during from".split())
#: Dashes that set a clause off ("it wasn't an accident — Brendan Buck told POLITICO ...").
DASHES: frozenset[str] = frozenset({"—", "–", "--"})
#: Dashes of a credit line, between a quotation and the name of who said it at the end of its line
#: ("“Mr. Trump embodies ... shame.” ― Sonya Herridge"): the horizontal bar "―" is only ever used so.
CREDIT_DASHES: frozenset[str] = DASHES | frozenset({"―"})
#: Parts of speech a credit line may go on with after the name, and nothing else: "― Carla Sanchez.",
#: "— Jane Roe, 34, Ohio". A verb makes it a sentence ("— Jane Roe said ..."), which the cues read.
CREDIT_TAIL_POS: frozenset[str] = frozenset({"PUNCT", "SPACE", "NUM", "PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ"})
#: Punctuation that sets clauses apart more than a conjunction does: "X: “Y,” she said" reports Y alone
#: (:func:`.cues._plainly_joined`).
CLAUSE_BREAKS: frozenset[str] = frozenset({":", ";", "-", "(", ")"}) | DASHES
#: Conjunctions that, after a comma, open a new report of the writer's ("said X, and when asked ..., he
#: said Y"; :func:`.cues.joined_report`).
REPORT_JOINERS: frozenset[str] = frozenset({"and", "but"})
#: Words that count a group of people named before ("both men", "the two senators"), and how many.
GROUP_WORDS: dict[str, int] = {"both": 2, "two": 2, "three": 3, "four": 4}
#: Prepositions that give a group by its members: "candidates, including Carly Fiorina and Ben Carson".
GROUP_MEMBER_PREPS: frozenset[str] = frozenset({"including", "like"})
#: Nouns of such a group that tell its gender ("both men" are not the woman named last).
#: Plural nouns of people counted as a group ("the two candidates"), beside :data:`ROLE_NOUNS` (lemmas).
GROUP_NOUNS: frozenset[str] = frozenset("person people candidate nominee rival brother sister partner".split())

GROUP_GENDERS: dict[str, str] = {
    "men": "m", "brothers": "m", "boys": "m", "fathers": "m", "sons": "m",
    "women": "f", "sisters": "f", "girls": "f", "mothers": "f", "daughters": "f",
}

#: Entity labels that name organisations for the ``organizations`` of a speaker.
ORG_LABELS: frozenset[str] = frozenset({"ORG", "NORP", "GPE"})
#: Prepositions after a described speaker that name whom it speaks for: "a producer for Yahoo Studios",
#: "a report from the SITE Intelligence Group", "an estimate by the Joint Committee on Taxation".
ORG_OF_PREPS: frozenset[str] = frozenset({"for", "from", "by", "at", "of", "with"})

#: Quotation marks: opening and closing characters. Straight quotes are told apart by context.
OPENING_QUOTES: frozenset[str] = frozenset({"“", "„", "«", "‟", "``"})
CLOSING_QUOTES: frozenset[str] = frozenset({"”", "»"})
#: Marks that may open or close: told apart by context. "''" is a typewriter double quote (as in some wire copy).
STRAIGHT_QUOTES: frozenset[str] = frozenset({'"', "''"})
#: Curly single marks: quotations in a paragraph with no double marks (British style); "’" in a word is an
#: apostrophe.
SINGLE_OPENING_QUOTES: frozenset[str] = frozenset({"‘"})
SINGLE_CLOSING_QUOTES: frozenset[str] = frozenset({"’"})
#: Characters that may stand right before an opening straight quote.
BEFORE_OPENING: frozenset[str] = frozenset(" \t\n([{—–-:;/")

#: Words before a colon that introduce no speaker ("Update: ...", "Photo: ...").
NOT_HEADLINE_SOURCES: frozenset[str] = frozenset(
    """
    update updated editor note warning breaking photo photos image images video watch listen read related
    see also source sources credit correction clarification disclosure advertisement sponsored exclusive
    live opinion analysis commentary review recap timeline background context q a faq tl;dr summary
    """.split()
    + ["editor's note", "read more", "see also", "full story", "related coverage"]
)

#: Last words of a section's label before a headline's colon ("News Guide:", "Morning Email:"): no speaker.
HEADLINE_LABEL_NOUNS: frozenset[str] = frozenset(
    "guide email newsletter briefing brief digest roundup round-up explainer recap update check tracker".split()
)

#: Speaker labels that open a turn of an interview transcript, at the start of a paragraph
#: ("((Zara Kay))  So, I am 26 now.", "MARIA LOPEZ: We will appeal.", "Q: Why?"). The group
#: ``label`` is the speaker as written; the turn's words follow it.
TURN_LABEL_PATTERNS: tuple[str, ...] = (
    r"\(\((?P<label>[^()\n]{1,60}?)\)\)",
    r"\[(?P<label>[^\[\]\n]{1,60}?)\][ \t]*:",
    r"(?P<label>[A-Z][\w.’'-]*(?:[ \t]+(?:[A-Z][\w.’'-]*|{particles}))*)[ \t]*:",  # particles: NAME_PARTICLES
)
#: A turn's words that are a figure make a tally, not speech ("Clinton: 2,205", "Trump: $1.2 billion").
TALLY_BODY = r"[\s$€£¥~≈+-]*\d"
#: Labels of the interviewer's turns: they speak, but name nobody the article can resolve.
INTERVIEWER_LABELS: frozenset[str] = frozenset(
    "q question interviewer wn wikinews host moderator reporter".split()
)
#: A label whose last word ends so is a caption run into the next line ("Jo JorgensenImage:").
CAPTION_WORDS: tuple[str, ...] = ("image", "file", "photo", "video", "caption")
#: Letters after a name that are an honour or a rank, not part of it: "Durham Hall QC", "Jane Roe MP".
POST_NOMINALS: frozenset[str] = frozenset("qc kc mp msp mep mbe obe cbe kbe dbe phd esq".split())
#: A transcript has at least this many labelled paragraphs, two different speakers, and one speaking twice;
#: a lone "Graham: ..." headline or "Update: ..." line is no transcript.
MIN_TURNS = 3
#: Tokens one of which every turn label has: a text with fewer than MIN_TURNS of them is no transcript.
TURN_MARKS: tuple[str, ...] = (":", "(", "[")
#: Words before a colon that label no speaker, in a transcript or a headline ("Update: ...", "Photo: ...").
NOT_SPEAKER_LABELS = (NOT_HEADLINE_SOURCES - {"q", "a"}) | frozenset(
    ["also read", "pros", "cons", "when", "where", "what", "who", "why", "how", "bottom line", "why it matters",
     "up next", "key takeaways", "takeaways", "tip", "tips", "note", "notes", "contact", "tickets", "cost", "price",
     "location", "hours", "website", "more", "story", "follow", "join", "download"]
)

#: A dateline opening a paragraph ("WASHINGTON —", "CHARLOTTE, N.C. -", "NEW YORK (AP) —"): no content starts with it.
DATELINE_PATTERN: re.Pattern[str] = re.compile(
    r"[A-Z][A-Z.'’]+(?:,? [A-Z][A-Za-z.'’]*)*(?: \([^()\n]{1,40}\))? (?:—|–|―|--|-) "
)

#: Entity labels of a place: a place before a colon is a dateline ("WASHINGTON: ..."), not a speaker.
DATELINE_ENTITIES: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})

#: Signals of a paragraph that is not prose (a caption, a credit, an embed).
NON_PROSE_PATTERNS: tuple[str, ...] = (
    r"\bwww\.\S+",
    r"https?://\S+",
    r"\bpic\.twitter\.com/\S+",
    r"\s\|\s",
    r"^\s*(?:click here|read more|related:|watch:|photo:|image:|video:|advertisement\b|subscribe\b)",
    r"\((?:photo|image|video)(?: by| credit|:)[^)]*\)\s*$",
    r"(?:getty images|associated press photo|ap photo|reuters/)\S*\s*$",
    r"—\s*[^—]+\(@\w+\)\s+\w+ \d{1,2}, \d{4}\s*$",
)
