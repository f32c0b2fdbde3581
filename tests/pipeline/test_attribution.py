"""Attribution rules end to end on tiny texts: one pattern per case, negatives included.

Each case names a fragment of the quotation's words, the people it must be
attributed to, and optionally its kind, cue and addressee. None of the texts
comes from the bundled sample article.
"""

from __future__ import annotations

import pytest
import spacy

from onrecord.api import DEFAULT_MODEL, Extractor
from onrecord.pipeline.attribution import _catenative_start, _outside_cue
from onrecord.pipeline.cues import _governs_quotation, agent_noun, mention_span
from onrecord.pipeline.quotemarks import find_quotations
from onrecord.records import Extraction, Quote


@pytest.fixture(scope="module")
def parser():
    return spacy.load(DEFAULT_MODEL)


def find(result: Extraction, fragment: str) -> Quote:
    """The quotation whose spans cover ``fragment``."""
    text = result.article.text
    at = text.index(fragment)
    for quote in result.quotes:
        if any(s <= at and at + len(fragment) <= e for s, e in quote.spans):
            return quote
    found = [(q.text, q.speaker.people if q.speaker else None) for q in result.quotes]
    raise AssertionError(f"no quotation covers {fragment!r}; found {found}")


def people(quote: Quote) -> list[str]:
    return sorted(quote.speaker.people) if quote.speaker else []


#: Readers' comments as a listicle prints them, each quotation credited after a dash.
CREDITS = (
    "“We will not back down on the budget.” ― Dana Whitfield\n"
    "“The mayor has earned my vote again.” — Omar Haddad, 52, Tulsa\n"
    "“The most unqualified child to ever run for mayor.” ― Lena Ortiz\n"  # the parser takes "―" for an order
    "“The council has woken us from our slumber.” ― Ivan Petrov"
)

CASES = [
    # direct quotations, cue after
    ("“The bridge will reopen in May,” said Maria Lopez, the city engineer.",
     "reopen in May", ["Maria Lopez"], "direct", "said", None),
    ("“We are not done yet,” Tom Baker said on Sunday.", "not done yet", ["Tom Baker"], "direct", "said", None),
    ('"The market is cooling," Priya Natarajan wrote in a note to clients.',
     "market is cooling", ["Priya Natarajan"], "direct", "wrote", None),
    # cue before, with colon, comma, straight quotes, participle
    ("Sarah Connor said: “The machines are coming back.”", "machines are coming", ["Sarah Connor"], "direct", "said", None),
    ('Gordon Brown said, "Nobody will be left behind."', "Nobody will be left", ["Gordon Brown"], "direct", "said", None),
    ("Nora Bell agreed, saying, “It was the fairest deal we could get.”",
     "fairest deal", ["Nora Bell"], "direct", "saying", None),
    # a quotation in an attribution nested in another's content belongs to the nested one
    ("Ann Lee and Bob Ray told reporters that the plan had failed, with Ray joking it was “a very expensive "
     "lesson in humility” for all.", "expensive lesson", ["Bob Ray"], None, "joking", None),
    # the cue keeps the adverbs and auxiliaries right before its verb, as PolNeAR marks cues
    ("Rob Lane smiled. He jokingly said, “I am a genius, obviously.”", "I am a genius", ["Rob Lane"], "direct",
     "jokingly said", None),
    ("“The deal is dead,” Mia Cole has also said.", "deal is dead", ["Mia Cole"], "direct", "has also said", None),
    # ... and the verb it completes ("could not resist pointing out")
    ("Ben Ode could not resist pointing out that the plant would close.", "the plant would close", ["Ben Ode"],
     "indirect", "could not resist pointing out", None),
    ("Ben Ode keeps saying that the plant will close.", "the plant will close", ["Ben Ode"], "indirect",
     "keeps saying", None),
    ("Ben Ode wanted to know whether the plant would close.", "whether the plant would close", ["Ben Ode"],
     "indirect", "wanted to know", None),
    # a cue ending its paragraph with a colon introduces the next paragraph (a block quotation)
    ("Ann Lee spoke after the vote. She said in a statement:\nThe bridge will reopen in May, as planned.",
     "reopen in May", ["Ann Lee"], "direct", "said", None),
    ("Governor Tom Reid was blunt.\nReid added:\n“Nobody will be left behind by this plan.”",
     "Nobody will be left", ["Tom Reid"], "direct", "added", None),
    # several sentences inside one quotation
    ("“It was late. Nobody saw anything. We left at ten,” said John Weir.",
     "Nobody saw anything", ["John Weir"], "direct", "said", None),
    # other cue verbs
    ("“I never signed it,” insisted Carla Diaz.", "never signed it", ["Carla Diaz"], "direct", "insisted", None),
    ("“We made mistakes,” Helen Ward admitted.", "made mistakes", ["Helen Ward"], "direct", "admitted", None),
    ("Omar Farouk tweeted that the match had been fixed.", "the match had been fixed", ["Omar Farouk"], "indirect", "tweeted", None),
    ("“Prices will fall,” added Ivan Petrov, an economist at the bank.", "Prices will fall", ["Ivan Petrov"], "direct", "added", None),
    # indirect speech
    ("Prime Minister Jacinda Ardern said the economy had grown faster than expected.",
     "the economy had grown", ["Jacinda Ardern"], "indirect", "said", None),
    ("Ruth Adler told the court that the evidence was weak.", "the evidence was weak", ["Ruth Adler"], "indirect", "told", "the court"),
    ("Nina Patel told The Guardian that she would resign in June.", "she would resign", ["Nina Patel"], "indirect", "told", "The Guardian"),
    ("The plant will close next year, Simon Reed said.", "The plant will close", ["Simon Reed"], "indirect", "said", None),
    ("Marta Silva says the river has never been this low.", "the river has never been this low", ["Marta Silva"], "indirect", "says", None),
    # according to
    ("According to police chief Dan Ortiz, the suspect fled on foot.", "the suspect fled on foot", ["Dan Ortiz"], "indirect", "According to", None),
    ("According to the city's finance director, Paul Chen, the budget includes a raise for city workers.",
     "the budget includes a raise", ["Paul Chen"], "indirect", "According to", None),
    # addressee and outlet
    ("“We are out of money,” Carl Diaz said in an interview with CNN.", "out of money", ["Carl Diaz"], "direct", "said", "CNN"),
    ("Jo Grant said to reporters that the team would appeal.", "the team would appeal", ["Jo Grant"], "indirect", "said", "reporters"),
    # "In her view, ...": the possessor holds the view
    ("Sara Lee spoke on Monday. In her view, the plan will fail.", "the plan will fail", ["Sara Lee"], "indirect",
     "In her view", None),
    ("Anna Smith met the mayor. In Smith's opinion, the budget is too small.", "the budget is too small",
     ["Anna Smith"], "indirect", "In Smith's opinion", None),
    # a verb that says something of its object through a phrase
    ("Ann Cole and Tom Hill have likened the salutes to fascist gestures.", "fascist gestures",
     ["Ann Cole", "Tom Hill"], "indirect", "have likened", None),
    ("Jill Stein has framed herself as the candidate of the movement.", "candidate of the movement",
     ["Jill Stein"], "indirect", "has framed", None),
    ("Ann Cole portrayed the plan as a tax on the poor.", "a tax on the poor", ["Ann Cole"], "indirect",
     "portrayed", None),
    # an adjective of belief after a linking verb: the subject holds the belief
    ("Bill Ackman is convinced that Valeant will be a comeback story.", "comeback story", ["Bill Ackman"],
     "indirect", "is convinced", None),
    ("Ann Cole and Tom Hill remain confident that the bill will pass.", "the bill will pass", ["Ann Cole", "Tom Hill"],
     "indirect", "remain confident", None),
    ("Senator Ann Cole spoke on Monday. She is not convinced that the plan will work.", "the plan will work",
     ["Ann Cole"], "indirect", "is not convinced", None),
    # cues of the tables: reaffirm, clarify, share (with a clause)
    ("Premier Kyriakos Mitsotakis reaffirmed that the project is open to all.", "the project is open to all",
     ["Kyriakos Mitsotakis"], "indirect", "reaffirmed", None),
    ("Judge Amy Jackson clarified in the proceedings that the order stands.", "the order stands",
     ["Amy Jackson"], "indirect", "clarified", None),
    # the parser ran the outlet into the reported clause's subject ("Agence France-Presse arson")
    ("Police chief Tom Kemp told Agence France-Presse arson had been ruled out.", "arson had been ruled out",
     ["Tom Kemp"], "indirect", "told", "Agence France-Presse"),
    # partial and mixed quotations
    ("Jim Ford called the plan “a slow-motion disaster” on Tuesday.", "slow-motion disaster", ["Jim Ford"], None, None, None),
    ("Kate Moss said the deal was “good for everyone” and would close soon.", "good for everyone", ["Kate Moss"], "mixed", "said", None),
    # surnames, pronouns, roles
    ("Ben Carter runs the club. The season was poor. “We need a new stadium,” Carter said.",
     "new stadium", ["Ben Carter"], "direct", "said", None),
    ("Mayor Karen Bass visited the site on Monday. “We will rebuild,” she said.", "We will rebuild", ["Karen Bass"], "direct", "said", None),
    ("David Moss met Emma Thompson at the gala. “It was a pleasure,” she said.", "a pleasure", ["Emma Thompson"], "direct", "said", None),
    ("David Moss met Emma Thompson at the gala. “It was a pleasure,” he said.", "a pleasure", ["David Moss"], "direct", "said", None),
    ("Senator Jane Roe questioned the minister for an hour. Later, she said the bill was dead.",
     "the bill was dead", ["Jane Roe"], "indirect", "said", None),
    ("Michael Brown and Michael Green debated on Friday. “Nonsense,” said Green.", "Nonsense", ["Michael Green"], "direct", "said", None),
    ("The film was directed by Sofia Reyes. Director Sofia Reyes spoke after the screening. "
     "“Cinema is patience,” the director said.", "Cinema is patience", ["Sofia Reyes"], "direct", "said", None),
    # several speakers
    ("Lisa Lee and Peter Park told reporters that the merger was off.", "the merger was off",
     ["Lisa Lee", "Peter Park"], "indirect", "told", "reporters"),
    ("Tom Hill and Ann Ross met voters in Ohio. They said the tax plan was unfair.", "the tax plan was unfair",
     ["Ann Ross", "Tom Hill"], "indirect", "said", None),
    # continuations and context
    ("“We won,” said Peter Hall. “It was a long night for everyone.”", "a long night", ["Peter Hall"], "direct", "said", None),
    ("“We won,” said Peter Hall.\n\n“It was a long night for everyone, and we earned it.”",
     "a long night", ["Peter Hall"], "direct", "said", None),
    ("Laura Chen looked back on the season. “It was the hardest year of my whole career.”",
     "hardest year", ["Laura Chen"], "direct", None, None),
    ("Anna Kim said: “The first part is over.\n\n“The second part starts in the spring.”",
     "second part starts", ["Anna Kim"], "direct", "said", None),
    # headlines: the speaker before a colon
    ("Nadia Rahman: Housing Plan Will Fail Without New Funding\n\nThe council met.", "Housing Plan Will Fail",
     ["Nadia Rahman"], "indirect", ":", None),
    ("Union leader Ray Dunn: “We will strike on Monday.”", "We will strike", ["Ray Dunn"], "direct", ":", None),
    ("WSJ editorial: Deport the governor now.\n\nThe board met.", "Deport the governor", [], "indirect", ":", None),
    # a name the parser takes for a common noun speaks when the article names that person
    ("Pelosi: Republicans Are Wrong On Taxes\n\nNancy Pelosi spoke to reporters on Sunday.", "Republicans Are Wrong",
     ["Nancy Pelosi"], "indirect", ":", None),
    # credit lines: the name after a dash at the end of the quotation's line says it
    (CREDITS, "not back down", ["Dana Whitfield"], "direct", "―", None),
    (CREDITS, "earned my vote", ["Omar Haddad"], "direct", "—", None),
    (CREDITS, "unqualified child", ["Lena Ortiz"], "direct", "―", None),
    ("“The vote will be close this time.” — Dana Whitfield said on Monday.", "vote will be close",
     ["Dana Whitfield"], "direct", "said", None),  # a sentence after the dash: its verb is the cue
    # a relative pronoun is the mention as written; it refers to its antecedent
    ("The council hired Vera Lind, who said the budget was already spent.", "the budget was already spent",
     ["Vera Lind"], "indirect", "said", None),
    # a plural role is a group, not the last person given the role
    ("Green Party candidate Howie Hawkins spoke first. The candidates agreed that the debate was fair.",
     "that the debate was fair", [], "indirect", "agreed", None),
    ("Green Party candidate Howie Hawkins spoke first. The candidate agreed that the debate was fair.",
     "that the debate was fair", ["Howie Hawkins"], "indirect", "agreed", None),
    # a party member is a person named before, not the party
    ("Sen. Mark Hollis and Sen. James Ward clashed on Wednesday. Ward fired back hours later. "
     "“The bill is dead,” the Oregon Democrat said.", "The bill is dead", ["James Ward"], "direct", "said", None),
    # an idiom of speech
    ("Ruth Anders runs the bakery. As Anders put it, “You can't argue with a river.”", "argue with a river",
     ["Ruth Anders"], "direct", "put it", None),
    # a nationality or an age for a person named before
    ("Lena Fischer, the world champion, lost to Amara Okafor. “She was just better tonight,” the German told "
     "reporters.", "just better tonight", ["Lena Fischer"], "direct", "told", "reporters"),
    ("Amara Okafor won the women's 400 meters on Friday. “I dreamed of this moment,” the 24-year-old said after "
     "the race.", "dreamed of this moment", ["Amara Okafor"], "direct", "said", None),
    # "both men": the two men named last
    ("Sen. Mark Hollis and Sen. James Ward clashed on Wednesday. Ward fired back hours later. "
     "The White House said President Ellen Brooks supports the bill. Both men said they were open to talks.",
     "they were open to talks", ["James Ward", "Mark Hollis"], "indirect", "said", None),
    # unnamed and organisation speakers keep the mention and name no person
    ("“The talks collapsed overnight,” a source said.", "talks collapsed", [], "direct", "said", None),
    ("Officials said the road would stay closed until Friday.", "the road would stay closed", [], "indirect", "said", None),
    ("“I am leaving the party,” he said.", "leaving the party", [], "direct", "said", None),
    # a subject after its cue that the parser cut in pieces ("co", "-", "author Ted Scambos")
    ('"Now we are seeing a new process," said study co-author Ted Scambos of CU Boulder.',
     "a new process", ["Ted Scambos"], "direct", "said", None),
    ('"Warm water is attacking the shelves," said study co-author Karen Alley.',
     "attacking the shelves", ["Karen Alley"], "direct", "said", None),
    # a role of two words refers to its holder first, and its head word to the last holder of either
    ("Prime Minister Igor Matovic spoke on Monday. Health Minister Marek Krajci was absent. "
     "The Prime Minister said the vote would be held.", "the vote would be held", ["Igor Matovic"], "indirect", "said", None),
    ("Secretary of State Mike Pompeo met the envoy. The secretary said talks would resume.", "talks would resume",
     ["Mike Pompeo"], "indirect", "said", None),
    # a capitalised role refers to the last person given it
    ("Club President Ann Moss spoke on Friday. The President insists that the fees will not rise.",
     "the fees will not rise", ["Ann Moss"], "indirect", "insists", None),
]


#: The speaker's gender from the article when the name lists are unsure of the first name or wrong.
GENDER_CASES = [
    # "Bernie" is "mostly female" in the name lists; the article says "his"
    ("Bernie Sanders spoke on Monday about his plan. Joe Biden was absent. Sanders wrote a letter. "
     "“We will win,” he said.", "We will win", ["Bernie Sanders"]),
    # "Robin" is "mostly male"; the article says "her"
    ("Robin Hale said her team had won. Tom Reid arrived late. “It was hard,” she said.", "It was hard", ["Robin Hale"]),
    # a title that tells the gender overrules an unsure first name
    ("Mrs. Robin Hale arrived first. Tom Reid followed. “We won,” she said.", "We won", ["Robin Hale"]),
    # no word in the article on her: the lists' lean holds ("Mary" is "mostly female")
    ("Mary Smith said the school would close. Tom Jones arrived later. “I am glad,” he said.", "I am glad", ["Tom Jones"]),
    # a first name the lists are sure of is not overruled by a "her" about someone else
    ("Joe Biden praised her plan on Monday. “It is bold,” he said.", "It is bold", ["Joe Biden"]),
    # "she" as a subject refers on: the next "she" finds Landa the subject before it, not the role she named
    ("Another voice actor, Lauren Landa, would list Sailor Neptune and Sailor Uranus as dream roles, when asked. "
     "She was given a chance to audition for the characters years later, when Vizmedia dubbed Sailor Moon. "
     "When she was cast, “I swear to you, I was speechless,” she told an audience.", "I was speechless",
     ["Lauren Landa"]),
    # pronouns inside quotation marks are the speaker's words about others
    ("Robin Hale said “she is the best player in the league” on Monday. Tom Reid agreed. “It was close,” he said.",
     "It was close", ["Tom Reid"]),
    # the lists' lean ("Bernie": mostly female) gives way when no one else fits the pronoun ...
    ("Bernie Sanders spoke in Ohio on Monday. “We will win,” he said.", "We will win", ["Bernie Sanders"]),
    # ... but not to someone who fits it
    ("Bernie Sanders spoke in Ohio on Monday. Tom Reid arrived later. “We will win,” he said.", "We will win",
     ["Tom Reid"]),
    # the object of the subject's verb is someone else: "her" tells nothing of Obama
    ("President Obama backed her up in an interview on Tuesday. “It posed no problem,” he said.", "no problem",
     ["Obama"]),
]


@pytest.mark.parametrize("text,fragment,speakers", GENDER_CASES)
def test_attribution_gender_from_the_article(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize("verb", ["cited", "quoted"])
def test_attribution_cited_as_saying_is_the_object_speaking(extractor, verb):
    text = f"The BBC {verb} police chief Budi Gunawan as saying the attack was planned."
    (quote,) = [q for q in extractor.extract(text).quotes if q.cue is not None and q.cue.text == "saying"]
    assert quote.text == "the attack was planned" and people(quote) == ["Budi Gunawan"]


def test_attribution_cue_owns_nothing_after_its_own_quotation(extractor):
    # "[.]" hides the sentence's end from the parser, which makes the next sentence a clause of "told"
    text = ('Monica Schoch-Spana told the press in a separate interview, "People with a different background may '
            'say[.]" As of Tuesday there had been reports of people avoiding or harassing Chinese people.')
    quotes = extractor.extract(text).quotes
    assert [q.text for q in quotes] == ["People with a different background may say[.]"]
    # a quotation that ends no sentence leaves the cue its words after it
    text = 'Prime Minister Ann Roe called on "village councils and church leaders" to instill confidence in vaccines.'
    assert "to instill confidence in vaccines" in [q.text for q in extractor.extract(text).quotes]


@pytest.mark.parametrize(
    "text,content",
    [
        # "as" heading a phrase of its own starts the content; "as" of "as he put it" would not
        ("According to Johns Hopkins University, as of Wednesday, there were 1,279 confirmed cases in the country.",
         "as of Wednesday, there were 1,279 confirmed cases in the country."),
    ],
)
def test_attribution_content_keeps_its_first_words(extractor, text, content):
    assert content in [q.text for q in extractor.extract(text).quotes]


@pytest.mark.parametrize(
    "text,content",
    [
        # the parser hangs the clause on the cue as an adverbial when a phrase of the cue's comes first
        ("Trump said after the convention he would not accept Cruz's endorsement if it were offered.",
         "he would not accept Cruz's endorsement if it were offered"),
        # everything before the clause's subject is the cue's, not only the phrase
        ("Trump said later after the convention he would not accept the endorsement.",
         "he would not accept the endorsement"),
        # the phrase hangs on an adverb of the clause's, not on its verb
        ("Trump said later after the convention he would not accept the result.", "he would not accept the result"),
        # negatives: a clause with a conjunction of its own, and a relative phrase of the writer's
        ("Lee spoke after the meeting when she was asked.", None),
        ("The firm emailed the agency informing them of the leak, to which on Monday the agency said it had "
         "acted.", "it had acted"),
    ],
)
def test_attribution_clause_after_a_phrase_of_the_cue(rules, text, content):
    quotes = rules.extract(text).quotes
    assert [q.text for q in quotes if q.cue is not None and q.cue.text != "said"] == []
    assert [q.text for q in quotes] == ([content] if content else [])


@pytest.mark.parametrize(
    "text,cue,content",
    [
        # a cue after two clauses joined by a conjunction reports both
        ("Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that "
         "request, the source added.", "added",
         "Clinton had told police officials that she didn’t want the escort at all, but the NYPD overruled that "
         "request"),
        ("The plan failed, and the money is gone, the mayor said.", "said", "The plan failed, and the money is gone"),
        # negative: a cue before its clause, after another's report, reports its own clause alone
        ("Smith said the plan failed, and Jones added that the money is gone.", "added", "that the money is gone"),
    ],
)
def test_attribution_cue_after_joined_clauses_reports_them_all(rules, text, cue, content):
    quote = next(q for q in rules.extract(text).quotes if q.cue is not None and q.cue.text == cue)
    assert quote.text == content


def test_attribution_clause_subject_parsed_as_the_cues_object_is_the_contents(rules):
    text = "Reports citing sources within the party have indicated Hickenlooper was actively encouraged to drop out."
    quote = next(q for q in rules.extract(text).quotes if q.cue is not None and q.cue.text == "have indicated")
    assert quote.text == "Hickenlooper was actively encouraged to drop out"


def test_attribution_quotation_claimed_by_two_cues_is_said_once_by_the_nearer(extractor):
    text = ('The researchers noted implications for penguin conservation: Gownaris remarked, "Over the years, '
            'this team has helped preserve the land and water around the colony."')
    quotes = [q for q in extractor.extract(text).quotes if q.text.startswith("Over the years")]
    assert [q.cue.text for q in quotes] == ["remarked"]


def test_attribution_speaker_closes_its_bracket(extractor):
    text = "In a statement issued on Monday, the Royal Canadian Mounted Police (RCMP) confirmed they seized the substance."
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker.text == "the Royal Canadian Mounted Police (RCMP)"
    assert text[slice(*quote.speaker.span)] == quote.speaker.text


def test_attribution_relayed_words_are_also_the_inner_speakers(rules):
    text = ("Governor Alexander Pimentel visited the town. Madrid District Hospital treated 25 wounded people who "
            "evacuated to the hospital, CNN Philippines reported the governor said.")
    said = [q for q in rules.extract(text).quotes if q.cue is not None and q.cue.text == "said"]
    assert [(q.text, q.speaker.people) for q in said] == [
        ("Madrid District Hospital treated 25 wounded people who evacuated to the hospital", ["Alexander Pimentel"])
    ]


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        ("Joe Biden met Tom Jones. The two candidates said the race was close.", "the race was close",
         ["Joe Biden", "Tom Jones"]),
        # "two sources" are not the last two people named
        ("Rudy Giuliani met Sacha Baron Cohen. Two separate law enforcement sources said an FBI probe was open.",
         "an FBI probe was open", []),
    ],
)
def test_attribution_counted_group_is_people_only_for_a_noun_of_people(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


def test_attribution_quotation_going_on_from_a_topic_keeps_its_cue(rules):
    # the parser makes "Charlamagne tha God" a clause of "told" with no verb in it: a topic, dropped by
    # default; the quotation that went on from it keeps the cue and its speaker
    text = ("Joe Biden made a couple of gaffes in May.  More consequential, he told African American radio host "
            "Charlamagne tha God \"if you have a problem figuring out whether you’re for me or Trump, then you "
            "ain’t black.\"  Backlash followed.")
    (quote,) = rules.extract(text).quotes
    assert quote.text.startswith("if you have a problem")
    assert quote.cue is not None and quote.cue.text == "told" and people(quote) == ["Joe Biden"]


def test_attribution_told_outlet_is_not_part_of_the_content(extractor):
    quote = find(extractor.extract("Police chief Tom Kemp told Agence France-Presse arson had been ruled out."), "arson")
    assert quote.text.startswith("arson")
    # "say" takes no addressee: the name stays in the clause
    quote = find(extractor.extract("Police chief Tom Kemp said Agence France-Presse reporters were detained."), "detained")
    assert quote.text.startswith("Agence France-Presse") and quote.addressee is None


@pytest.mark.parametrize(
    "text,content,addressee",
    [
        # the parser made the outlet and the clause's subject one object of "told"
        ("Baslan Damang, a port official, on Tuesday told The Jakarta Post radio broadcasts were being used to "
         "alert other ships.", "radio broadcasts were being used", "The Jakarta Post"),
        ("Democrat Chuck Schumer, the Senate minority leader, told MSNBC Cummings “was a great man,” while "
         "Republican President Trump noted his “strength, passion and wisdom” on Twitter.",
         "Cummings “was a great man", "MSNBC"),
        # negatives: a hearer with no name, a name that is the whole object
        ("Jane Roe told reporters the bill was dead.", "the bill was dead", "reporters"),
        ("Jane Roe told The Jakarta Post the bill was dead.", "the bill was dead", "The Jakarta Post"),
    ],
)
def test_attribution_told_outlet_run_into_the_subject_is_the_hearer(extractor, text, content, addressee):
    quote = find(extractor.extract(text), content.split()[-1])
    assert quote.text.startswith(content) and quote.addressee is not None and quote.addressee.text == addressee


def test_attribution_no_addressee_before_its_cue(extractor):
    # the parser made "1st" (of "1st Fleet Command") a dative of "told": whom the words went to follows the cue
    text = ("“We will continue searching until we find it,” 1st Fleet Command's Navy Information Agency head Arba "
            "Agung told The Jakarta Post, which also today reported location data falsely showing the ship in "
            "Sunda Kelapa Port.")
    quote = find(extractor.extract(text), "continue searching")
    assert quote.addressee is not None and quote.addressee.text == "The Jakarta Post"


@pytest.mark.parametrize("text,fragment,speakers,kind,cue,addressee", CASES)
def test_attribution_finds_speaker(extractor, text, fragment, speakers, kind, cue, addressee):
    result = extractor.extract(text)
    quote = find(result, fragment)
    assert people(quote) == sorted(speakers)
    if kind is not None:
        assert quote.kind == kind
    if cue is not None:
        assert quote.cue is not None and quote.cue.text == cue
    if addressee is not None:
        assert quote.addressee is not None and quote.addressee.text == addressee


@pytest.mark.parametrize(
    "text",
    [
        "The film “Midnight Garden” opens on Friday in six cities.",  # a title
        "The so-called “experts” were wrong again this year.",  # scare quotes
        "Dwayne “The Rock” Johnson arrived late to the premiere.",  # a nickname
        "Crowds marched under the banner “one country, two systems” on Sunday.",  # a slogan: no verb
        "The network aired “A Tribute For a King” on Sunday night.",  # a long title
        "Biden unveiled an economic plan called “Build Back Better” on Thursday.",  # a name, not speech
        "MIDNIGHT GARDEN Official Trailer | Summer Films 2024 www.youtube.com",  # a video embed
        "The crowd gathered outside the stadium.\n(Photo by Jane Doe/Getty Images)",  # a photo credit
        "Click here to read “The Full Report on Housing in the City”",  # a link
        "We did it! “Finally” pic.twitter.com/abc123 — Jane Roe (@janeroe) March 3, 2021",  # tweet markup
        "Tom Hill told a joke at the dinner.",  # a cue verb with no content
        "Ann Lee shared a photo of the dog on Sunday.",  # "share" with no clause
        "In my view, the plan works well enough.",  # the writer's own view
        "Anna Burke called her mother on Sunday.",  # "call" with no content
        "Update: the roads reopened at noon on Monday.",  # a colon after no speaker
        "The rules are simple: no phones and no food.",  # a colon after a clause
        "Placards at the march. Image: John Lubbock (flickr).",  # a caption's credit
        "Senator Jo Lee.Image: House of Representatives.",  # a caption run into its credit
        "Long term: growing the community and sponsoring more events.",  # a heading: nobody speaks
        "Voter participation: turnout among young people fell in every county.",  # a heading on a topic
        "For context: the lead is nearly 400 pledged delegates.",  # a heading that is a phrase
        "Trump's wall: Mexico will never pay for it, at any price.",  # a name's thing, not its voice
        "Iowa caucus: Cruz beats Trump in a close race.",  # a name's event
        "News Guide: Donors flocked to the super PAC, to no avail.",  # a section's label
        "Monday’s Morning Email: The team refuses to stay in the village.",  # a newsletter's label
        "BUSTED: Hillary Aide And CNN Reporter Caught Conspiring At The Hearing.",  # a shout
        "Quiet Over Quarrels: The Board Was Split on the Budget Again.",  # a title-case heading names no one
        "Little Hope for Harvests: The drought is the sort of problem the region was never built for.",
        "The committee met on Tuesday and adjourned without a vote.",  # nothing reported
        "The menu was short. Here is what they served:\nSoup, bread and a small salad for everyone.",  # no cue
        "It is far from certain that the bill will pass.",  # a belief no one holds
        "Voters must make sure that their ballots are signed.",  # "make sure": no belief
        "Call the office first, just to be sure that the clinic is open.",  # a purpose
        "Ann Cole is sure of the result.",  # a belief with no clause
        "The photo was framed as a gift.",  # a passive: no one says it
        "Scientists used the drug as a baseline and compared the three other treatments to it.",  # a method
    ],
)
def test_attribution_ignores_what_is_not_a_quotation(extractor, text):
    assert extractor.extract(text).quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "“We will not back down on the budget this year.” — and that was the end of the meeting.",  # no name
        "“We will not back down on the budget this year.” — Budget Office figures, 2024",  # no person
    ],
)
def test_attribution_dash_without_a_name_credits_no_one(extractor, text):
    (quote,) = extractor.extract(text).quotes
    assert quote.cue is None


def test_attribution_credit_line_closes_its_quotation(extractor):
    text = (
        "The council met on Monday.\n\n“The first thing is that the budget is fine.” ― Dana Whitfield\n"
        "“The second thing is that taxes will go up.”"
    )
    first = find(extractor.extract(text), "budget is fine")
    assert len(first.spans) == 1 and first.cue is not None and first.cue.text == "―"


@pytest.mark.parametrize("text", ["Jane Roe  \n said the plan works.", "Jane Roe said the plan works."])
def test_attribution_mention_has_no_white_space_at_its_edges(parser, text):
    doc = parser(text)
    start, end = mention_span([doc[1]])
    assert doc[start:end].text == "Jane Roe"


@pytest.mark.parametrize(
    "text,quotes",
    [
        # a show or a book a preposition governs, the full stop inside its marks, is where it was said
        ("“We need to step away from these efforts,” Dana Whitfield said on CNN's “State of the Union.”",
         ["We need to step away from these efforts,"]),
        ("Dana Whitfield wrote in “The Art of the Deal.”", []),
        # a name someone is called ("as") is the cue's, as before
        ("At the debate, Dana Whitfield cited Omar Haddad's references to her as “Miss Piggy” as examples of "
         "his contempt.", ["Miss Piggy"]),
    ],
)
def test_attribution_title_after_a_preposition_is_no_quotation(rules, text, quotes):
    assert [q.text for q in rules.extract(text).quotes] == quotes


@pytest.mark.parametrize(
    "text,verb,governs",
    [
        ("The mayor called the plan “a slow-motion disaster” on Monday.", "called", True),
        ("Activists have called for the police to release the videos “as a matter of the greater good.”",
         "called", True),
        ("“Overall,” he continued, “the presence of water certainly improves the prospect of life.”", "continued", True),
        # the quotation of a clause further down, its closing mark hung on the cue: not the cue's
        ("Small groups of protesters continued to call for more information about the shooting, looping the "
         "streets around the stadium - where the Panthers played the Vikings - while chanting, “Hands up, don't "
         "shoot.”", "continued", False),
        # a verb of aspect: the quotation is in its infinitive's or participle's clause
        ("On Sunday, the Rev. Al Sharpton began taking calls from listeners to his “Keepin' It Real” radio program.",
         "began", False),
    ],
)
def test_attribution_cue_governs_a_quotation_of_its_own_clause(parser, text, verb, governs):
    doc = parser(text)
    quoted = set()
    for mark in find_quotations(text):
        span = doc.char_span(mark.start, mark.end, alignment_mode="expand")
        quoted.update(range(span.start, span.end))
    (token,) = [t for t in doc if t.text == verb]
    assert _governs_quotation(token, quoted) is governs


def test_attribution_quotation_alone_that_reads_as_speech_is_kept(extractor):
    (quote,) = extractor.extract("The hall fell silent for a minute. “We will rebuild every home on this street.”").quotes
    assert quote.text == "We will rebuild every home on this street."
    assert quote.speaker is None


def test_attribution_dateline_is_no_speaker(extractor):
    quotes = extractor.extract("WASHINGTON: Congress passed the budget bill late on Friday night.").quotes
    assert [q for q in quotes if (q.cue is not None and q.cue.text == ":") or q.speaker and q.speaker.text == "WASHINGTON"] == []


def test_attribution_passive_subject_is_not_the_speaker(extractor):
    result = extractor.extract("Greg Hill was told that the office was closed.")
    assert all("Greg Hill" not in people(q) for q in result.quotes)


def test_attribution_split_quotation_has_one_span_per_piece(extractor):
    text = "Linda Park chairs the board. “We know,” she said, “that the vote was close.”"
    result = extractor.extract(text)
    quote = find(result, "We know")
    assert len(quote.spans) == 2
    assert [text[s:e] for s, e in quote.spans] == ["“We know,”", "“that the vote was close.”"]
    assert people(quote) == ["Linda Park"]


def test_attribution_stray_mark_spoils_only_its_paragraph(extractor):
    text = "He said “hello there and left.\n\nJane Roe said, “We will win this election.”"
    result = extractor.extract(text)
    assert people(find(result, "We will win")) == ["Jane Roe"]


def test_attribution_multi_paragraph_quotation_is_one_quote(extractor):
    text = "Anna Kim said: “The first part is over.\n\n“The second part starts in the spring.”"
    result = extractor.extract(text)
    quote = find(result, "first part")
    assert quote is find(result, "second part")


def test_attribution_offsets_index_the_text_as_given(extractor):
    text = "  Intro line.\n\n“Rates will rise,” said Ana Gómez.\tShe told Reuters that inflation was sticky."
    result = extractor.extract(text)
    assert result.quotes
    for quote in result.quotes:
        pieces = [text[s:e] for s, e in quote.spans]
        if quote.kind == "direct":
            assert quote.text == " … ".join(p[1:-1] for p in pieces)
        else:
            assert quote.text == " … ".join(pieces)
        if quote.speaker is not None:
            assert text[slice(*quote.speaker.span)] == quote.speaker.text
        if quote.cue is not None:
            assert text[slice(*quote.cue.span)] == quote.cue.text
        if quote.addressee is not None:
            assert text[slice(*quote.addressee.span)] == quote.addressee.text


def test_attribution_relative_pronoun_is_the_mention(extractor):
    text = "The council hired Vera Lind, who said the budget was already spent."
    quote = find(extractor.extract(text), "the budget")
    assert quote.speaker.text == "who" and quote.speaker.people == ["Vera Lind"]


def test_attribution_organisation_speaker(extractor):
    result = extractor.extract("Microsoft said it would cut 500 jobs in Europe.")
    quote = find(result, "it would cut 500 jobs")
    assert quote.speaker is not None and quote.speaker.people == []
    assert quote.speaker.organizations == ["Microsoft"]


@pytest.mark.parametrize(
    "text,content,organizations",
    [
        ("Acme Corp. announced 500 layoffs on Monday. It said the cuts were needed to stay afloat.",
         "the cuts were needed", ["Acme Corp."]),
        ("Microsoft reported record profits on Tuesday. The company said cloud sales rose 30 percent.",
         "cloud sales rose", ["Microsoft"]),
        # "they" for the organisation that was the subject before, when no people are at hand
        ("The NBA did not release the identity of the player. They did say he was not present at the arena.",
         "he was not present", ["NBA"]),
        ("Apple reported strong sales. Analysts were pleased. They said the outlook was bright.",
         "the outlook was bright", []),
        # "they" after organisations joined as a subject stands for all of them, not the last alone
        ("Acme Corp. and the Federal Trade Commission settled the case. They said the fine was fair.",
         "the fine was fair", ["Acme Corp.", "Federal Trade Commission"]),
        ("Acme Corp. sued the Federal Trade Commission. They said the fine was unfair.",
         "the fine was unfair", ["Federal Trade Commission"]),
        # a noun the name holds wins over the organisation named last
        ("The Environmental Protection Agency issued rules after talks with Exxon Mobil. "
         "The agency said the rules would cut emissions.", "the rules would cut", ["Environmental Protection Agency"]),
        # an organisation's name leaves out a bracket the NER ran into
        ("On Saturday, the Associated Press (AP) said the election was over.", "the election was over",
         ["Associated Press"]),
        # a name the NER cut in an organisation and a place
        ("Residents fear to return home due to the aftershocks, according to CNN Philippines.",
         "Residents fear to return", ["CNN Philippines"]),
        # "the government" is no organisation whose name lacks the word
        ("The talks were hosted by the Moro Islamic Liberation Front. Later, the government said the region "
         "would govern itself.", "the region would govern itself", []),
        ("The case reached the Supreme Court in May. The court said the law was valid.", "the law was valid",
         ["Supreme Court"]),
        # "it" after a main clause about an organisation, not after one about a person or a thing
        ("Microsoft reported record profits on Tuesday. The company said cloud sales rose. It added that costs fell.",
         "that costs fell", ["Microsoft"]),
        ("The network aired Black Panther on Sunday. Boseman died at home, according to a statement. "
         "It also stated he had been ill since 2016.", "he had been ill since 2016", []),
        # nothing named before: nobody to refer to
        ("The storm hit the coast on Monday. It said nothing about the damage, and the company said it was closed.",
         "it was closed", []),
        # an organisation named only inside a quotation is not the speaker's referent
        ("“We will sue Acme,” the lawyer wrote. The company said it had done nothing wrong.",
         "it had done nothing wrong", []),
    ],
)
def test_attribution_organisation_by_pronoun_and_noun(extractor, text, content, organizations):
    quote = find(extractor.extract(text), content)
    assert quote.speaker is not None and quote.speaker.people == []
    assert quote.speaker.organizations == organizations


@pytest.mark.parametrize(
    "text,first,then",
    [
        # the cue's sentence goes on after the speaker: still one attribution
        ("“The plant will close,” said Omar Diaz, speaking to workers in Leeds. “Nobody saw it coming.”",
         "plant will close", "Nobody saw it coming"),
        ("“We will rebuild,” Carla Ruiz said on Monday at the town hall. “It will take years.”",
         "We will rebuild", "take years"),
        # a short continuation is kept when it continues
        ("“Does anyone know what the plan is?” Ken Adams asked. “Neither do I.”", "Does anyone know", "Neither do I"),
    ],
)
def test_attribution_continuation_is_one_more_piece(extractor, text, first, then):
    result = extractor.extract(text)
    quote = find(result, first)
    assert find(result, then) is quote
    assert len(quote.spans) == 2


@pytest.mark.parametrize(
    "text,first,then",
    [
        # another sentence with its own subject stands between: not a continuation
        ("“The plant will close,” said Omar Diaz. The union rejected the plan on Friday. “Nobody saw it coming.”",
         "plant will close", "Nobody saw it coming"),
        # a clause with its own subject joins the cue's sentence: the next quotation may be its subject's
        ("“The plant will close,” said Omar Diaz, but union leader Ann Moss disagreed with him. “Nobody believes that.”",
         "plant will close", "Nobody believes that"),
    ],
)
def test_attribution_continuation_needs_nothing_between(extractor, text, first, then):
    result = extractor.extract(text)
    later = [q for q in result.quotes if then in q.text]
    assert later == [] or later[0] is not find(result, first)


def test_attribution_short_scare_quote_after_a_quotation_is_no_continuation(extractor):
    text = "“We will win,” Ann Moss said. “Clean coal” remains a slogan in the region today."
    quote = find(extractor.extract(text), "We will win")
    assert len(quote.spans) == 1


def test_attribution_quotation_inside_a_parenthetical_cue_is_not_the_content(extractor):
    text = "The economy, according to the “Financial Times”, is growing again."
    quote = find(extractor.extract(text), "The economy")
    assert quote.kind == "indirect"
    assert [text[s:e].rstrip(".") for s, e in quote.spans] == ["The economy", "is growing again"]


@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        # a relative clause that reports something is an attribution of its own, not part of the mention
        ("Charles Barkley, who said he typically votes Democratic, told reporters the race was close.", "told",
         "Charles Barkley"),
        ("Mr. Kamin, who emphasized that the plan would simplify returns, told the panel it was fair.", "told",
         "Mr. Kamin"),
        # negative: a relative clause that says who the speaker is stays, as attribution corpora mark sources
        ("Tim Hess, a developer who introduced him, said the plan works.", "said",
         "Tim Hess, a developer who introduced him"),
    ],
)
def test_attribution_mention_keeps_a_relative_clause_unless_it_reports(rules, text, cue, speaker):
    quote = next(q for q in rules.extract(text).quotes if q.cue is not None and q.cue.text == cue)
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_attribution_short_quotation_alone_is_dropped(extractor):
    result = extractor.extract("The bridge opened in 1932. “Neither do I.” The road was paved later.")
    assert result.quotes == []


@pytest.mark.parametrize(
    "text,pieces,speaker",
    [
        ("The museum, Rosa Klein said, celebrated several of her heroes.",
         ["The museum", "celebrated several of her heroes"], "Rosa Klein"),
        ("All of this, he acknowledged, could be undone at the ballot box.",
         ["All of this", "could be undone at the ballot box"], "he"),
        ("The economy, according to the central bank, is growing again.",
         ["The economy", "is growing again"], "the central bank"),
    ],
)
def test_attribution_cue_inside_its_clause_leaves_two_pieces(extractor, text, pieces, speaker):
    result = extractor.extract(text)
    quote = find(result, pieces[0])
    assert [text[s:e].rstrip(".") for s, e in quote.spans] == pieces
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_attribution_cue_after_a_quotation_takes_no_quoted_subject(extractor):
    text = "Ken Hale said “I do not take this lightly”, calling it a “painful decision”."
    quotes = extractor.extract(text).quotes
    quote = next(q for q in quotes if q.cue is not None and q.cue.text == "calling")
    assert quote.speaker is not None and quote.speaker.text == "Ken Hale"


def test_attribution_relative_pronoun_alone_is_the_whole_mention(extractor):
    text = "The ship was seen by the Tribune, which also reported that the data was false."
    quote = find(extractor.extract(text), "the data was false")
    assert quote.speaker is not None and quote.speaker.text == "which"



@pytest.fixture(scope="module")
def rules() -> Extractor:
    """The rules alone, without the learned tagger."""
    return Extractor(learned=False)


@pytest.mark.parametrize(
    "text",
    [
        "Jane Roe runs the bakery. Anybody who complains about prices “is not having a good night,” she said.",
        "Jane Roe runs the bakery. She said anybody who complains about prices “is not having a good night.”",
    ],
)
def test_attribution_cue_in_a_relative_clause_owns_no_quotation_after_it(rules, text):
    quotes = [q for q in rules.extract(text).quotes if "good night" in q.text]
    assert [(q.kind, q.cue.text) for q in quotes] == [("mixed", "said")]
    assert quotes[0].text.lower().startswith("anybody who complains")


@pytest.mark.parametrize(
    "text,speaker",
    [
        # the small model parses "mode" and "it" as subjects of "said" too
        ("“The campaign is in panic mode. Full panic mode,” said Lena Wirth, a pollster in Tampa.", "Lena Wirth"),
        ("“If it does not work yet, it will at some point,” said Jonas Hale, a physicist.", "Jonas Hale"),
        # a cue inside the quotation keeps its own subject
        ("Lena Wirth said: “Our pollster said it was over.”", "Lena Wirth"),
    ],
)
def test_attribution_cue_outside_quotation_marks_takes_no_quoted_subject(rules, text, speaker):
    quote = rules.extract(text).quotes[0]
    assert quote.speaker is not None and quote.speaker.people == [speaker]


@pytest.mark.parametrize(
    "text,cue,expected",
    [
        ("Ben Ode went on to explain that the plant would close.", "to explain", "to explain"),  # parsed as advcl
        ("Ben Ode seemed to think that the plant would close.", "to think", "seemed to think"),
        ("Ben Ode urged them to say that the plant would close.", "to say", "to say"),  # an object between
        ("Ben Ode said that the plant would close.", "said", "said"),
    ],
)
def test_attribution_cue_starts_at_the_verb_it_completes(parser, text, cue, expected):
    doc = parser(text)
    start = text.index(cue)
    tokens = [t.i for t in doc if start <= t.idx < start + len(cue)]
    first = _catenative_start(doc, tokens)
    assert text[doc[first].idx : start + len(cue)] == expected


@pytest.mark.parametrize(
    "text,content,exact",
    [
        ("WASHINGTON ― The budget deal is dead, the senator said.", "The budget deal is dead", True),
        ("CHARLOTTE, N.C. — The videos do not show a gun, police said.", "The videos do not show a gun", True),
        ("NEW YORK (AP) - Wages rose in May, the bank said.", "Wages rose in May", True),
        # a dash inside the paragraph is no dateline: the content keeps "NASA -" (whether it also holds the
        # sentence before is the tagger's call: PolNeAR often marks two sentences before one cue)
        ("The hall was full. NASA - the agency - is broke, Jim Hall said.", "NASA - the agency - is broke", False),
    ],
)
def test_attribution_content_leaves_out_the_dateline(extractor, text, content, exact):
    quote = find(extractor.extract(text), content)
    assert quote.text == content if exact else quote.text.endswith(content)


@pytest.mark.parametrize(
    "lemma,agent",
    [("protester", True), ("president", True), ("pianist", True), ("factor", False), ("statement", False),
     ("water", False), ("percent", False)],
)
def test_attribution_agent_noun_is_not_a_thing(lemma, agent):
    assert agent_noun(lemma) is agent


@pytest.mark.parametrize(
    "text,content",
    [
        # a participle of citing after a clause whose subject cannot speak is the reporter's
        ("Analysts said geopolitical factors have contributed to the deal, citing the strategic importance of "
         "Burma.", "geopolitical factors have contributed to the deal"),
        # but one whose subject may speak cites it: the clause goes on
        ("Ann Roe said her son called the school, citing a letter from the principal.",
         "her son called the school, citing a letter from the principal"),
    ],
)
def test_attribution_content_ends_before_the_reporters_citing(rules, text, content):
    assert content in [q.text for q in rules.extract(text).quotes]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,content",
    [
        ("The president told voters this weekend he would consider it a personal insult.",
         "he would consider it a personal insult"),
        ("The mayor told reporters Tuesday the bridge would reopen.", "the bridge would reopen"),
        # a time that is what was said, or its subject, stays
        ("The mayor said Tuesday was the deadline.", "Tuesday was the deadline"),
        ("You could borrow a bit more or save a bit more or consider a gap year between high school and college "
         "to put away additional funds.", "a gap year between high school and college to put away additional funds"),
    ],
)
def test_attribution_content_leaves_out_the_time_of_its_cue(text, content, learned, request):
    extractor = request.getfixturevalue("extractor" if learned else "rules")
    assert content in [q.text for q in extractor.extract(text).quotes]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,clause,reported",
    [
        ("Back in Virginia, Mr. Clarke said, he decided to take aim at the coal industry.", "Mr. Clarke said", False),
        ("The top 1 percent would see an average tax cut of $275,000, the group said, compared with $2,700 for "
         "those in the middle.", "the group said", False),
        # more than the reporting clause: a report of a report
        ("Ms. Lee said that Mr. Clarke said so.", "that Mr. Clarke said so", True),
    ],
)
def test_attribution_reporting_clause_is_not_reported(text, clause, reported, learned, request):
    extractor = request.getfixturevalue("extractor" if learned else "rules")
    contents = [q.text for q in extractor.extract(text).quotes]
    assert (clause in contents) is reported


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,speaker",
    [
        # a list the parser cut into two subjects: the speaker is the whole list
        ("The family, protesters and civic leaders have been demanding that police release the video.",
         "The family, protesters and civic leaders"),
        ("The United States, Britain and France said that the rebels should be supported.",
         "The United States, Britain and France"),
        # a verb set off by commas: the subject before it is the clause's, not the speaker's
        ("The museum, Rosa Klein said, is the best in the city.", "Rosa Klein"),
        # a word the parser cut at its hyphen into several subjects
        ("His ex-wife said that she should not have to sacrifice her privacy.", "His ex-wife"),
        ("The co-author said the ice was melting.", "The co-author"),
    ],
)
def test_attribution_speaker_is_the_whole_phrase_the_parser_cut(text, speaker, learned, request):
    extractor = request.getfixturevalue("extractor" if learned else "rules")
    assert [q.speaker.text for q in extractor.extract(text).quotes if q.speaker] == [speaker]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,speaker",
    [
        ("WASHINGTON -- President Obama, opening the museum on Saturday, said it would tell an American story.",
         "President Obama"),
        ("BRUSSELS - European leaders said Friday that they would spend more on defense.", "European leaders"),
        ("LONDON (Reuters) — Prime Minister Theresa May said the deal was done.", "Prime Minister Theresa May"),
        # no dateline: a dash inside the paragraph, or a name in capitals that opens it
        ("The board met. NASA - the agency - said the budget was cut.", "NASA - the agency"),
        ("NASA said the budget was cut.", "NASA"),
    ],
)
def test_attribution_speaker_leaves_out_the_dateline(text, speaker, learned, request):
    extractor = request.getfixturevalue("extractor" if learned else "rules")
    quotes = [q for q in extractor.extract(text).quotes if q.speaker is not None]
    assert quotes and all(q.speaker.text == speaker for q in quotes)
    assert all(text[slice(*q.speaker.span)] == speaker for q in quotes)


@pytest.mark.parametrize("learned", [False, True])
def test_attribution_quotation_touching_its_cue_clause_is_one_mixed_quotation(learned):
    from onrecord.api import Extractor

    text = ("The council approved the budget on Tuesday, with Mayor Linda Torres calling it "
            "\"a budget for working families.\"")
    (quote,) = Extractor(learned=learned).extract(text).quotes
    assert quote.kind == "mixed"
    assert quote.text == 'it "a budget for working families."'
    assert quote.speaker is not None and quote.speaker.people == ["Linda Torres"]



@pytest.mark.parametrize(
    "text,cue,speaker",
    [
        ("“Women are now similarly situated,” reads Judge Miller’s statement.", "reads", "Judge Miller’s statement"),
        ("“Any software can access the stream,” the letter read.", "read", "the letter"),
        ("The sign read “Keep out.”", "read", "The sign"),
        ("“Huber was respected,” reads an AEW press release, “a fierce talent and a very kind soul.”", "reads",
         "an AEW press release"),
        # negatives: a person reading, a thing read
        ("She read “War and Peace” twice.", None, None),
        ("Smith read the statement to the crowd.", None, None),
    ],
)
def test_attribution_read_is_a_cue_only_for_a_text(rules, text, cue, speaker):
    quotes = rules.extract(text).quotes
    assert [(q.cue.text, q.speaker.text) for q in quotes if q.cue] == ([(cue, speaker)] if cue else [])


def test_attribution_asked_is_no_speech_by_default(extractor):
    text = "Beth Oyelaran is the mayor. Asked whether it was too late, Oyelaran said that the levee would hold."
    assert [q.cue.text for q in extractor.extract(text).quotes if q.cue] == ["said"]


def test_attribution_idiom_of_speech_is_a_cue_of_the_rules(rules):
    (quote,) = rules.extract("Ruth Anders runs the bakery. As Anders put it, “You can't argue with a river.”").quotes
    assert quote.cue is not None and quote.cue.text == "put it"
    assert quote.speaker is not None and quote.speaker.people == ["Ruth Anders"]


def test_attribution_negated_cue_is_an_attribution_only_in_scope_all(extractor):
    from onrecord.api import Extractor

    text = "Ben Ode did not say that the plant would close."
    assert extractor.extract(text).quotes == []  # scope "speech": nothing was said
    (quote,) = Extractor(scope="all").extract(text).quotes  # PolNeAR marks the negation in the cue
    assert quote.cue is not None and quote.cue.text == "did not say"
    assert quote.text == "that the plant would close" and quote.speaker.people == ["Ben Ode"]


@pytest.mark.parametrize(
    "text,cue",
    [
        # the negation set off from the cue, outside the words the cue is made of
        ("The United States had not, as of yesterday, announced that the troops would leave.", "announced"),
        ("Ben Ode has not, despite many requests, explained why the plant closed.", "explained"),
    ],
)
def test_attribution_negation_apart_from_its_cue_says_nothing(extractor, text, cue):
    assert [q.cue.text for q in extractor.extract(text).quotes if q.cue] == []
    from onrecord.api import Extractor

    assert cue in [q.cue.text for q in Extractor(scope="all").extract(text).quotes if q.cue]


@pytest.mark.parametrize(
    "text,cues",
    [
        # a modal of possibility: what may be said, not what was
        ("Critics might argue that the plan is too expensive.", []),
        ("Ann Cole could say that the plan failed, but she will not.", []),
        # negatives: a hedged report (a perfect), and a modal inside the reported words
        ("Ann Cole may have suggested that the plan was too expensive.", ["may have suggested"]),
        ("Ann Cole said the council may vote on the plan next week.", ["said"]),
    ],
)
def test_attribution_possibility_says_nothing_by_default(extractor, text, cues):
    assert [q.cue.text for q in extractor.extract(text).quotes if q.cue] == cues


def test_attribution_british_single_quotation_marks_continue(extractor):
    text = "Ruth Anders runs the bakery. ‘We lost everything,’ Anders said.\n\n‘The ovens, the flour, the photos on the wall.’"
    quote = find(extractor.extract(text), "The ovens, the flour")
    assert quote.kind == "direct"
    assert quote.speaker is not None and quote.speaker.people == ["Ruth Anders"]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,first,then,speaker",
    [
        ('Mayor Ann Lutz said the budget "is balanced," adding, "We will not raise taxes."',
         "is balanced", "We will not raise taxes", "Ann Lutz"),
        ("Bank president Okey Dike said the use of foreign currencies “costs the region $5 billion,” further "
         "saying, “Beyond that, it also reduces trade.”", "costs the region", "it also reduces trade", "Okey Dike"),
        ("Ann Lutz said the budget was balanced, adding that taxes would not rise.",
         "budget was balanced", "taxes would not rise", "Ann Lutz"),
    ],
)
def test_attribution_participle_after_a_reported_clause_is_the_speakers_own_cue(learned, text, first, then, speaker):
    # the parser hangs "adding" on the reported clause's verb: its speaker is not that clause's subject,
    # and what it adds is not part of the first content
    quotes = Extractor(learned=learned, scope="all").extract(text).quotes
    said = find_in(quotes, text, first)
    added = find_in(quotes, text, then)
    assert said is not added
    assert then not in said.text
    assert added.speaker is not None and added.speaker.people == [speaker]


@pytest.mark.parametrize("learned", [False, True])
@pytest.mark.parametrize(
    "text,content,then",
    [
        # the reported clause's subject can speak: the participle is that subject's, and stays in the content
        ("Ann Lutz said her son called her on Sunday, saying he was safe.",
         "her son called her on Sunday, saying he was safe", "he was safe"),
        ("Police said the suspect fled the scene, shouting that he had a gun.",
         "the suspect fled the scene, shouting that he had a gun", "he had a gun"),
    ],
)
def test_attribution_participle_of_a_clause_subject_who_can_speak_is_theirs(learned, text, content, then):
    quotes = Extractor(learned=learned, scope="all").extract(text).quotes
    said = next(q for q in quotes if q.cue is not None and q.cue.text == "said")
    assert said.text == content
    assert all(q.speaker is None or q.speaker.text != said.speaker.text for q in quotes if then in q.text and q is not said)


@pytest.mark.parametrize(
    "text,content",
    [
        # a participle before the reported clause's verb, or one with no clause of its own, stays in the content
        ("Ann Lutz said the mayor, speaking on Monday, would resign.", "the mayor, speaking on Monday, would resign"),
        ("Ann Lutz said the council met on Monday, citing its own rules.", "the council met on Monday, citing its own rules"),
    ],
)
def test_attribution_participle_without_a_clause_of_its_own_stays_in_the_content(rules, text, content):
    quote = rules.extract(text).quotes[0]
    assert quote.text == content


def find_in(quotes: list[Quote], text: str, fragment: str) -> Quote:
    at = text.index(fragment)
    found = [q for q in quotes if any(s <= at and at + len(fragment) <= e for s, e in q.spans)]
    assert found, (fragment, [q.text for q in quotes])
    return found[0]


def _tagged(text: str, cue: str, content: str, source: str | None = None):
    from onrecord.pipeline.learned import Tagged

    def at(fragment: str) -> list[tuple[int, int]]:
        start = text.index(fragment)
        return [(start, start + len(fragment))]

    return Tagged(source=at(source) if source else [], cue=at(cue), content=at(content), score=0.6)


@pytest.mark.parametrize(
    "text,cue,contents,kept",
    [
        # a content the tagger put in the cue's subject is who speaks, not what is said
        ("On Monday, scientists report skulls evolved 25 times.", "report", ["scientists", "skulls evolved 25 times"],
         ["", "skulls evolved 25 times"]),
        # the passive's subject is what was reported
        ("The story was first reported by the Post.", "reported", ["The story"], ["The story"]),
        # a content in the next sentence, unquoted, when the cue has one in its own
        ("Scientists report skulls evolved 25 times. The survey will be published soon.", "report",
         ["skulls evolved 25 times", "The survey"], ["skulls evolved 25 times"]),
        # ... but a quotation there stays
        ("Scientists report skulls evolved 25 times. “The survey will be published soon.”", "report",
         ["skulls evolved 25 times", "The survey will be published soon."],
         ["skulls evolved 25 times", "The survey will be published soon."]),
        # ... and so does one when the cue has none in its own sentence
        ("Skulls evolved 25 times. The scientists report it in a survey.", "report", ["Skulls evolved 25 times"],
         ["Skulls evolved 25 times"]),
    ],
)
def test_attribution_tagger_contents_outside_the_cue_clause_are_dropped(parser, text, cue, contents, kept):
    from onrecord.pipeline.merge import _without_stray_contents

    doc = parser(text)
    quoted = {t.i for t in doc if any(s <= t.idx < e for s, e in _quoted_spans(text))}
    found = _without_stray_contents(doc, [_tagged(text, cue, c) for c in contents], quoted)
    assert [" ".join(text[s:e] for s, e in f.content) for f in found] == kept


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    import re

    return [m.span() for m in re.finditer(r"“[^”]*”", text)]


@pytest.mark.parametrize(
    "text,cue",
    [
        ("Critics have been kind. Writing in The Guardian, Ellen Park called the film “a quiet triumph.”", "called"),
        ("Speaking to reporters on Monday, Ann Lutz said: “We will rebuild the bridge.”", "said"),
    ],
)
def test_attribution_quotation_after_a_leading_participle_is_the_main_cues(rules, text, cue):
    quotes = rules.extract(text).quotes
    assert [q.cue.text for q in quotes if q.cue] == [cue]


@pytest.mark.parametrize(
    "text,speakers",
    [
        # the tagger reads both quotations as one content in two pieces; the second has a cue of its own
        ('Hillary Clinton spoke on Monday. "Everybody should be believed," she said. "I agree with all of that," '
         'Bill Clinton said.', [["Hillary Clinton"], ["Bill Clinton"]]),
        ('Hillary Clinton spoke on Monday. "Everybody should be believed," she said. "I agree with all of that," '
         'Bill said.', [["Hillary Clinton"], []]),
        # negative: quotations the tagger keeps apart stay apart
        ('Ann Cole spoke on Monday. "The budget is balanced and we are proud of it," she said. '
         '"The roads come first for all of us," Tom Hale said.', [["Ann Cole"], ["Tom Hale"]]),
    ],
)
def test_attribution_quotation_with_its_own_cue_joins_no_one_elses(extractor, text, speakers):
    quotes = extractor.extract(text).quotes
    assert [q.speaker.people for q in quotes] == speakers
    assert not any(a.spans[-1][1] > b.spans[0][0] for a, b in zip(quotes, quotes[1:]))  # no shared words


def test_attribution_content_widens_over_an_attribution_nested_in_it(extractor):
    text = "Mary Lee, the county attorney, said that officials think the video should be released."
    quotes = extractor.extract(text).quotes
    assert quotes[0].text == "that officials think the video should be released"
    assert [q.cue.text for q in quotes] == ["said", "think"]
    assert [q.text for q in extractor.extract(text, scope="all").quotes] == [quotes[0].text]


@pytest.mark.parametrize(
    "text,addressee",
    [
        ("In a blog post on Friday, Ann Cole said the vote was rigged.", None),
        ("In an interview on Monday morning, Ann Cole said the vote was rigged.", None),
        ("Ann Cole said to this day the vote was rigged.", None),
        # the outlet or platform of the frame is kept
        ("In a post on Facebook, Ann Cole said the vote was rigged.", "Facebook"),
        ("In an interview with CNN on Friday, Ann Cole said the vote was rigged.", "CNN"),
        ("Ann Cole said to reporters that the vote was rigged.", "reporters"),
        # a phrase before the cue is no "to" of its hearer
        ("To wit, Ann Cole told Newsmax that the vote was rigged.", "Newsmax"),
        ("To be fair, Ann Cole said the vote was rigged.", None),
        # what a verb likens its object to is no hearer
        ("Ann Cole likened the count to a rigged game.", None),
    ],
)
def test_attribution_a_date_is_no_addressee(extractor, text, addressee):
    quote = find(extractor.extract(text), "rigged")
    assert (quote.addressee.text if quote.addressee else None) == addressee


@pytest.mark.parametrize(
    "text,scope,cues",
    [
        ("Carly Fiorina spoke in Iowa. Fiorina said she doubted voters would care.", "speech", ["said"]),
        ("Carly Fiorina spoke in Iowa. Fiorina said she doubted voters would care.", "all", ["said"]),
        ("Carly Fiorina spoke in Iowa. Fiorina said aides doubted voters would care.", "speech", ["said", "doubted"]),
        # a pronoun no one was found for, in the reported clause, is the reporter
        ("The president told reporters he would consider it a personal insult.", "speech", ["told"]),
        ("Officials told reporters they would consider it a personal insult.", "speech", ["told"]),
        # one that cannot be the reporter is someone else's
        ("The mayor told reporters they believe the council lied about the budget.", "speech", ["told", "believe"]),
        ("The president told reporters that his aides believe the vote was rigged.", "speech", ["told", "believe"]),
        ("The Acme Corporation said it believes the deal will close in May.", "speech", ["said"]),
        # number, gender and kind must agree: otherwise the pronoun is someone else
        ("Jane Roe spoke on Monday. Jane Roe said he believes the vote was rigged.", "speech", ["said", "believes"]),
        ("Jane Roe spoke on Monday. Jane Roe said she believes the vote was rigged.", "speech", ["said"]),
        ("She said he believes the vote was rigged.", "speech", ["said", "believes"]),
        ("Officials said he believes the vote was rigged.", "speech", ["said", "believes"]),
        ("The campaign said he believes the vote was rigged.", "speech", ["said", "believes"]),
        ("The campaign said they believe the vote was rigged.", "speech", ["said"]),
        ("A spokesman said he believes the vote was rigged.", "speech", ["said"]),
        ("Carly Fiorina spoke in Iowa. Fiorina said she told voters the plan would fail.", "speech", ["said"]),
        # what the speaker goes on to say stays
        ("Bernie Sanders spoke on Wednesday. Sanders said he was suspending his campaign, calling it a “difficult "
         "and painful decision.”", "speech", ["said", "calling"]),
        # someone else's nested in it stays, but not in scope "all", where it is part of the outer content only
        ("Mary Lee, the county attorney, said that officials believe the video should be released.", "speech",
         ["said", "believe"]),
        ("Mary Lee, the county attorney, said that officials believe the video should be released.", "all", ["said"]),
        ("Carly Fiorina spoke in Iowa. Fiorina said aides doubted voters would care.", "all", ["said"]),
    ],
)
def test_attribution_own_words_nested_in_own_words_are_said_once(extractor, text, scope, cues):
    assert [q.cue.text for q in extractor.extract(text, scope=scope).quotes] == cues


@pytest.mark.parametrize(
    "text,speaker,content",
    [
        ("The economy, said Ann Cole, is strong and getting stronger.", "Ann Cole",
         "The economy … is strong and getting stronger."),
        ("The contrast with Trump, said Jim Doyle, would be clear since Trump has no former presidents beside him.",
         "Jim Doyle", "The contrast with Trump … would be clear since Trump has no former presidents beside him."),
        # negatives: the subject before the verb when nothing sets the verb off, or none after it
        ("The economy, Ann Cole said, is strong and getting stronger.", "Ann Cole",
         "The economy … is strong and getting stronger."),
    ],
)
def test_attribution_inverted_cue_set_off_by_commas_is_said_by_its_subject_after_it(
        extractor, text, speaker, content):
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker.text == speaker and quote.text == content


@pytest.mark.parametrize(
    "text,fragment,speaker",
    [
        # the parser read "am" as a verb and hung "posting" on it: the main clause's subject posted
        ('Jane Roe took to social media, posting at 12:54 am local time (0454 UTC) on Twitter, "Tonight, Tom and I '
         'tested positive for COVID-19. We will begin our quarantine immediately."', "Tonight", "Jane Roe"),
        # negative: a participle the parse gives a subject of its own
        ("The storm hit the coast on Monday, leaving residents saying they had lost everything.", "they had lost",
         "residents"),
    ],
)
def test_attribution_participle_after_the_main_clause_is_its_subjects(extractor, text, fragment, speaker):
    quote = find(extractor.extract(text), fragment)
    assert quote.speaker is not None and quote.speaker.text == speaker


def test_attribution_name_after_a_telling_verb_is_its_hearer_not_its_speaker(extractor):
    # the parse leaves "told" with no subject: "Reuters" after it is whom she told, not who did
    text = ('Calling it as "just another apology", Anna Franowska of "Have no fear", an abuse victim support charity, '
            'told Reuters "it almost appears as if the statement was prepared in advance".')
    quote = find(extractor.extract(text), "it almost appears")
    assert quote.addressee is not None and quote.addressee.text == "Reuters"
    assert quote.speaker is not None and quote.speaker.text.startswith("Anna Franowska")


@pytest.mark.parametrize(
    "text,fragment,speaker", [("“We will win,” said Scott.", "We will win", "Scott"),
                              ("“Why now?” asked Jane Roe.", "Why now?", "Jane Roe")],
)
def test_attribution_name_after_said_or_asked_is_its_speaker(extractor, text, fragment, speaker):
    quote = find(extractor.extract(text), fragment)
    assert quote.speaker is not None and quote.speaker.text == speaker


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        # the parser makes "Hammond" a conjunct of "POLITICO" and leaves "hesitated" with no subject
        ("Nick Barbknecht, a delegate, said the party would unite. “We will be fine,” Barbknecht said. Reached by "
         "POLITICO, John Hammond, the Indiana national committeeman, hesitated to repeat his criticism of the "
         "mogul. He agreed that Trump may struggle to win support.", "Trump may struggle", ["John Hammond"]),
        # negative: a sentence with a subject of its own keeps the pronoun's chain ("She was given ...")
        ("Nick Barbknecht, a delegate, said the party would unite. Asked about John Hammond, the committeeman, "
         "Barbknecht laughed. He agreed that Trump may struggle to win support.", "Trump may struggle",
         ["Nick Barbknecht"]),
    ],
)
def test_attribution_pronoun_after_a_sentence_the_parser_left_without_subject(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize(
    "text,speakers",
    [
        # "Early" parsed as an adverb: the name between commas after the noun is still the speaker
        ("Donald Trump spoke. Trump’s Indiana chairman, Rex Early, said the party would unite.", ["Rex Early"]),
        ("The campaign’s treasurer, Ann Cole (a lawyer), said the party would unite.", ["Ann Cole"]),
        # negative: a name that is not set off by commas is no apposition
        ("Ann Cole met voters. The treasurer said Ann Cole would unite the party.", []),
    ],
)
def test_attribution_name_set_off_after_the_speakers_noun(extractor, text, speakers):
    assert people(find(extractor.extract(text), "unite")) == speakers


@pytest.mark.parametrize(
    "text,expected",
    [
        # the paragraph after the colon reports someone else: narration around embeds the text left out
        ("CNN also noted the relatively sparse attendance:\n\nEven journalist Byron York took a moment to point "
         "out that the stands were empty.\n", []),
        # an embed (not prose) between the cue and the next paragraph: that paragraph is the writer's
        ("Brooke Sammon tweeted the following:\n\nCLIP | www.example.com/status/1\n\nIt is amazing what a "
         "different camera angle can do, is it not?\n", []),
        # negatives: the words themselves, "I" and "we" in them included
        ("Ann Lee spoke after the vote. She said in a statement:\nThe bridge will reopen in May, as planned.\n",
         ["The bridge will reopen in May, as planned."]),
        ("Ann Lee spoke after the vote. She said in a statement:\nWe said the bridge will reopen in May.\n",
         ["We said the bridge will reopen in May."]),
    ],
)
def test_attribution_paragraph_after_a_colon_is_the_words_only_when_nothing_else_is(extractor, text, expected):
    quotes = extractor.extract(text).quotes
    assert [q.text for q in quotes if q.kind == "direct"] == expected


@pytest.mark.parametrize(
    "text,speakers",
    [
        ("Hillary Clinton wants D.C. to become a state. The Democratic frontrunner wrote that the District is "
         "neglected.", ["Hillary Clinton"]),
        ("Donald Trump spoke in Iowa on Monday. “I have great respect for Silicon Valley,” the candidate said.",
         ["Donald Trump"]),
        ("Donald Trump spoke in Iowa. “He is a great golfer,” the real estate developer said of Mr. Clinton.",
         ["Donald Trump"]),
        # negatives: a role someone holds goes to its holder; a person named too long before, to no one
        ("Ann Cole, a candidate for mayor, met Tom Hale on Monday. Hale spoke first. “We will win,” the "
         "candidate said.", ["Ann Cole"]),
        ("Donald Trump spoke in Iowa. The weather was cold. Crowds were thin. Rain fell. “I am the best,” the "
         "candidate said.", []),
    ],
)
def test_attribution_epithet_stands_for_the_person_just_named(extractor, text, speakers):
    quote = extractor.extract(text).quotes[-1]
    assert people(quote) == speakers


@pytest.mark.parametrize(
    "text,speakers",
    [
        ("Democratic front-runner Hillary Clinton spoke in Ohio. Donald Trump spoke in Iowa. On Sunday, the GOP "
         "front-runner said Clinton was wrong.", ["Donald Trump"]),
        ("Hillary Clinton, the Democratic front-runner, spoke in Ohio. Donald Trump, the Republican front-runner, "
         "spoke in Iowa. The Democratic front-runner said she would win.", ["Hillary Clinton"]),
        # negatives: no party in the description, or the same party, keeps the holder of the role
        ("Democratic front-runner Hillary Clinton spoke in Ohio. Donald Trump spoke in Iowa. On Sunday, the "
         "front-runner said Trump was wrong.", ["Hillary Clinton"]),
        ("Democratic front-runner Hillary Clinton spoke in Ohio. Donald Trump spoke in Iowa. On Sunday, the "
         "Democratic front-runner said Trump was wrong.", ["Hillary Clinton"]),
        # an ideology is no party
        ("Conservative Sen. Ted Cruz spoke in Iowa. The Republican senator said the plan was bad.", ["Ted Cruz"]),
    ],
)
def test_attribution_description_of_another_party_is_not_the_holder_of_the_role(extractor, text, speakers):
    quote = extractor.extract(text).quotes[-1]
    assert people(quote) == speakers


def test_attribution_block_quote_with_a_cue_in_a_relative_clause_is_still_the_words(extractor):
    text = ("Judge Victor Marrero rejected this argument:\n\nThe notion of immunity that the President here invokes "
            "cuts across the grain of constitutional precedents.\n")
    quotes = [q for q in extractor.extract(text).quotes if q.kind == "direct"]
    assert [q.text for q in quotes] == [text.split("\n\n")[1].strip()]
    assert people(quotes[0]) == ["Victor Marrero"]


@pytest.mark.parametrize(
    "text,addressee",
    [
        ("Sen. Bernie Sanders called on the Obama administration to block the deal.", "the Obama administration"),
        ("Hillary Clinton said in a statement, calling on Congress to act.", "Congress"),
        ("Obama urged voters to transfer their trust to Clinton.", "voters"),
        ("The lawyer urged the judge to give him a fair sentence.", "the judge"),
        # negatives: "called on" a day, and a call with no one asked to act
        ("Ann Cole called on Monday to say the vote was rigged.", None),
        ("Ann Cole called for the strike to end at once.", None),
        ("Trump referred to the vote as “The Impeachment Hoax.”", None),
        # what was promised is no hearer; words the parser ran into the hearer are cut
        ("Virginia Sen. Tim Kaine promised immigration reform if he and Clinton take office in January.", None),
        ("Her friend promised me that she would give me a good job.", "me"),
        ("Donald Trump told a caucus meeting being held in a church that everything was wrong.", "a caucus meeting"),
        # a clause the parser hung on the addressee is not part of it
        ("A hospital official told Anadolu Agency, a local news outlet, that one of the dead was a director.",
         "Anadolu Agency, a local news outlet"),
    ],
)
def test_attribution_whom_a_speaker_urges_or_calls_on_is_the_addressee(extractor, text, addressee):
    quote = extractor.extract(text).quotes[-1]
    assert (quote.addressee.text if quote.addressee else None) == addressee


@pytest.mark.parametrize(
    "text,content,addressee",
    [
        # the parser hung the reported clause on the hearer as a relative clause
        ("The president told a gathering of union leaders that few workers understood the stakes better than they did.",
         "that few workers understood the stakes better than they did", "a gathering of union leaders"),
        ("Obama told a meeting of Pacific Island leaders that few people understood the stakes of climate change.",
         "that few people understood the stakes of climate change", "a meeting of Pacific Island leaders"),
        ("The mayor told a group of local business owners that the road would reopen in June.",
         "that the road would reopen in June", "a group of local business owners"),
        ("A hospital official told Anadolu Agency, a local news outlet, that one of the deceased was Jalal Saifur "
         "Rahman, a director of Bengali Anti-Corruption Commission.",
         "that one of the deceased was Jalal Saifur Rahman, a director of Bengali Anti-Corruption Commission",
         "Anadolu Agency, a local news outlet"),
        ("The senator told reporters that the bill was dead.", "that the bill was dead", "reporters"),
        # negatives: a story is no hearer, and "urged X to" keeps its object in the content (as PolNeAR marks it)
        ("She told the story that her father wrote in 1950.", None, None),
        ("Trump urged supporters to monitor polling places.", "supporters to monitor polling places", "supporters"),
    ],
)
def test_attribution_clause_hung_on_the_hearer_is_the_content(extractor, text, content, addressee):
    quotes = [q for q in extractor.extract(text, scope="all").quotes if q.addressee is not None or content is None]
    if content is None:
        assert all(q.addressee is None for q in quotes)
        return
    assert [(q.text, q.addressee.text) for q in quotes] == [(content, addressee)]


@pytest.mark.parametrize(
    "text,organizations",
    [
        ("An Intel spokeswoman said the company would not comment.", ["Intel"]),
        ("A producer for Yahoo Studios said the video was real.", ["Yahoo Studios"]),
        ("A report released by the Brookings Institution said the group used the site.", ["Brookings Institution"]),
        # negatives: a person, a place
        ("A spokesman for Mary Lee said she was fine.", []),
        ("The mayor of Boston said the city was ready.", []),
    ],
)
def test_attribution_described_speaker_speaks_for_the_organisation_named_in_it(extractor, text, organizations):
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker.organizations == organizations and quote.speaker.people == []


@pytest.mark.parametrize(
    "text,organizations",
    [
        ("Twitter said it had suspended 125,000 accounts.", ["Twitter"]),
        ("Facebook said the posts violated its rules.", ["Facebook"]),
        ("YouTube said the video broke its rules.", ["YouTube"]),
        ("A YouTube spokeswoman said the video broke its rules.", ["YouTube"]),
        ("Twitter suspended the accounts on Monday. It said the group had broken its rules.", ["Twitter"]),
        # a news outlet the small model takes for a person
        ("The response left some experts disappointed, Politico reported.", ["Politico"]),
        # negatives: a person who bears the word, a place
        ("Ann Twitter, a teacher, said the school was closed.", []),
        ("Fires spread across the Amazon. The Amazon Conservation Team said the blaze was out.",
         ["Amazon Conservation Team"]),
    ],
)
def test_attribution_organisation_news_names_all_the_time_speaks(extractor, text, organizations):
    quote = extractor.extract(text).quotes[-1]
    assert quote.speaker.organizations == organizations


@pytest.mark.parametrize(
    "text,speakers,organizations",
    [
        ("A Twitter post by Amy Cook, director of the event, said the tusk came from her home.", ["Amy Cook"], []),
        ("A letter from Jane Roe said the school would close.", ["Jane Roe"], []),
        ("Jane Roe spoke on Monday. Roe's letter said the school would close.", ["Jane Roe"], []),
        ("Donald Trump spoke late. His statement said the wall would be built.", ["Donald Trump"], []),
        # the account it was posted on, whatever the NER made of the owner's name
        ("In March, Joe Biden announced his plan. A tweet sent from Biden's Twitter account during the debate "
         "repeated Biden's commitment, saying “My running mate will be a woman.”", ["Joe Biden"], []),
        ("Jane Roe spoke on Monday. A post on her Facebook page said the school would close.", ["Jane Roe"], []),
        ("Chadwick Boseman died at 43, according to a statement posted to his official Twitter account.",
         ["Chadwick Boseman"], []),
        # an organisation's own text, through "its"
        ("The NBA suspended its season. The NBA did not name the player. They did say he was not at the arena, "
         "where the Utah Jazz were to play the Oklahoma City Thunder. According to its press release, the NBA "
         "was “suspending game play until further notice.”", [], ["NBA"]),
        # negatives: an organisation's report, a platform's own spokesman, an account no one's
        ("A report by the Brookings Institution said the group used the site.", [], ["Brookings Institution"]),
        ("A Twitter spokesman said the account was suspended.", [], ["Twitter"]),
        ("Jane Roe spoke on Monday. A post on a Facebook page said the school would close.", [], []),
    ],
)
def test_attribution_text_that_speaks_is_its_authors(extractor, text, speakers, organizations):
    quote = extractor.extract(text).quotes[-1]
    assert people(quote) == speakers and quote.speaker.organizations == organizations


@pytest.mark.parametrize(
    "text,organizations",
    [
        ("Mike Huckabee spoke in Iowa. Huckabee's campaign said the report was false.", ["Huckabee campaign"]),
        ("Bernie Sanders spoke in Iowa. The Sanders campaign said the count was wrong.", ["Sanders campaign"]),
        ("Donald Trump spoke in Iowa. His campaign said the ad was false.", ["Trump campaign"]),
        ("Barack Obama spoke on Monday. The Obama administration said the plan would pass.", ["Obama administration"]),
        ("Donald Trump Jr. spoke in Iowa. His campaign said the ad was false.", ["Trump campaign"]),
        # negatives: a person of the team, a team of no one named, a campaign of many
        ("Donald Trump spoke in Iowa. His campaign manager said the ad was false.", []),
        ("Donald Trump spoke in Iowa. The campaign said the ad was false.", []),
        ("Donald Trump and Ted Cruz spoke in Iowa. Their campaigns said the ads were false.", []),
    ],
)
def test_attribution_team_a_person_leads_is_an_organisation_named_by_them(extractor, text, organizations):
    quote = extractor.extract(text).quotes[-1]
    assert quote.speaker.organizations == organizations and quote.speaker.people == []


@pytest.mark.parametrize(
    "text,fragment,speakers,content",
    [
        ("RNC spokesman Sean Spicer said the Republican Party was not in a crisis, and urged that everyone take a "
         "deep breath.", "everyone take", ["Sean Spicer"], "that everyone take a deep breath"),
        ("RNC spokesman Sean Spicer said the Republican Party was not in a crisis, and urged that everyone take a "
         "deep breath.", "not in a crisis", ["Sean Spicer"], "the Republican Party was not in a crisis"),
        # the same cue again, in the present: "says ... and says"
        ("Ann Cole says the obvious response was to break up fraudulent operators and says she introduced "
         "legislation to do that.", "obvious", ["Ann Cole"], "the obvious response was to break up fraudulent operators"),
        ("Ann Cole says the obvious response is to break up fraudulent operators and says she will introduce "
         "legislation.", "obvious", ["Ann Cole"], "the obvious response is to break up fraudulent operators"),
        ("Ann Cole says the obvious response is to break up fraudulent operators and says she will introduce "
         "legislation.", "introduce", ["Ann Cole"], "she will introduce legislation"),
        # negative: a verb of the reported clause's own subject (no comma before "and") stays in the clause
        ("Ann Cole said the union met on Monday and voted to strike.", "the union met", ["Ann Cole"],
         "the union met on Monday and voted to strike"),
    ],
)
def test_attribution_speech_verb_after_comma_and_is_the_reporters(extractor, text, fragment, speakers, content):
    quote = find(extractor.extract(text), fragment)
    assert people(quote) == speakers and quote.text.rstrip(".") == content


@pytest.mark.parametrize(
    "text,fragment,content",
    [
        # a report of its own, joined after ", and" to the first cue or to its reported clause
        ("Mayor Ann Lutz said the budget was balanced, and when asked about taxes, she said they would not rise.",
         "budget", "the budget was balanced"),
        ("Ann Cole said the wall will be built by next year, and when asked who would pay for it, she said Mexico "
         "would.", "wall", "the wall will be built by next year"),
        ("Ann Cole said the wall will be built by next year, and when asked who would pay for it, she said Mexico "
         "would.", "Mexico", "Mexico would"),
        # negatives: clauses with no speech verb of their own stay in the reported words; the joined report
        # keeps its own words
        ("Ann Cole said prices rose, and that wages fell.", "prices", "prices rose, and that wages fell"),
        ('Ann Cole threatened the network with a lawsuit, and she accused the network of "swindling".', "swindling",
         'the network of "swindling'),
        ("Ann Cole said prices rose, and wages fell.", "prices", "prices rose, and wages fell"),
    ],
)
def test_attribution_content_ends_before_a_report_joined_to_it(extractor, text, fragment, content):
    quote = find(extractor.extract(text), fragment)
    assert people(quote) == ["Ann Lutz" if "Lutz" in text else "Ann Cole"] and quote.text.rstrip(".") == content


@pytest.mark.parametrize(
    "text,content",
    [
        ('Ann Cole said the deal "should be wrapped up by June," referring to the party\'s convention.',
         'the deal "should be wrapped up by June,"'),
        ("Ann Cole said the deal would be wrapped up by June, alluding to the convention.",
         "the deal would be wrapped up by June"),
        # negatives: what the speaker goes on to say or does is no gloss of the writer's
        ("Ann Cole said the deal would be done by June, citing the party's rules.",
         "the deal would be done by June, citing the party's rules"),
        ('Ann Cole said the deal "should be wrapped up by June," adding that the party would unite.',
         'the deal "should be wrapped up by June,"'),
    ],
)
def test_attribution_writers_gloss_after_the_words_is_not_content(extractor, text, content):
    quote = find(extractor.extract(text), "the deal")
    assert people(quote) == ["Ann Cole"] and quote.text == content


@pytest.mark.parametrize(
    "text,fragment,speaker",
    [
        # a speech verb under a passive: the one the passive is about speaks
        ('Ann Cole was prompted to say, "So far, I cannot believe how civil it has been."', "civil", "Ann Cole"),
        ("Tom Hill was arrested on Monday and said he was innocent.", "innocent", "Tom Hill"),
        ("Tom Hill was forced to admit that the plan had failed.", "the plan had failed", "Tom Hill"),
        # negative: a purpose speaks for no one
        ("Prosecutor Ann Cole told reporters that psychiatric assessments will be carried out to confirm if the "
         "suspect is fit for trial.", "if the suspect is fit", None),
    ],
)
def test_attribution_speech_verb_under_a_passive_takes_its_subject(extractor, text, fragment, speaker):
    quote = min((q for q in extractor.extract(text).quotes if fragment in q.text), key=lambda q: len(q.text))
    assert (quote.speaker.text if quote.speaker is not None else None) == speaker


@pytest.mark.parametrize(
    "text,quotes",
    [
        # a quotation with its own cue in its own sentence is that cue's alone
        ('Ann Cole spoke on Monday. "We won the vote," she said. "It was close. We need more members," she added.',
         [("We won the vote,", "said"), ("It was close. We need more members,", "added")]),
        # negatives: a quotation that goes on with no cue of its own, or in the cue's own sentence, is one
        ('Ann Cole spoke on Monday. "We won the vote," she said, "and we will win the next one."',
         [("We won the vote, … and we will win the next one.", "said")]),
        ('Ann Cole spoke on Monday. "We won the vote," she said. "It was close."',
         [("We won the vote, … It was close.", "said")]),
    ],
)
def test_attribution_quotation_with_its_own_cue_is_not_a_piece_of_another(extractor, text, quotes):
    found = extractor.extract(text).quotes
    assert [(q.text, q.cue.text if q.cue else None) for q in found] == quotes
    assert all(people(q) == ["Ann Cole"] for q in found)


def test_attribution_subject_described_by_a_role_is_whom_the_next_pronoun_means(extractor):
    text = ("Former U.N. Ambassador John Bolton spoke on Monday. The former ambassador also discussed the "
            "differences between Clinton and GOP nominee Donald Trump. He stated that plenty of conservatives "
            "would serve.")
    assert people(find(extractor.extract(text), "plenty of conservatives")) == ["John Bolton"]


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        ("Prosecutor Kama Melly QC said the victims were vulnerable.", "the victims", ["Kama Melly"]),
        ("Jane Roe MP said the bill would pass.", "the bill", ["Jane Roe"]),
        ("The BBC said the bill would pass.", "the bill", []),  # negative: capitals, but no honour
    ],
)
def test_attribution_honour_after_a_name_leaves_the_speaker_that_name(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        # someone unnamed brought in as a subject is whom the next pronoun of their gender means
        ("Two men were jailed on Friday, prosecutor Kama Melly said. One of the victims decided to allow her name "
         "to be made public. She said she did this to show victims they would be heard.", "to show victims", []),
        ("Jane Roe, the mayor, opened the bridge on Monday. A woman who lives nearby watched the ceremony. She "
         "said the bridge was too narrow.", "too narrow", []),
        ("Mayor John Doe opened the bridge on Monday. A neighbour of Doe watched. He said the bridge was too "
         "narrow.", "too narrow", []),
        # negatives: not of the pronoun's gender; named; not brought in as someone new
        ("Jane Roe, the mayor, opened the bridge on Monday. A man who lives nearby watched the ceremony. She "
         "said the bridge was long overdue.", "long overdue", ["Jane Roe"]),
        ("Jane Roe, the mayor, opened the bridge on Monday. A woman, Ann Lee, watched the ceremony. She said "
         "the bridge was too narrow.", "too narrow", ["Ann Lee"]),
        ("Jane Roe, the mayor, opened the bridge on Monday. A woman named Ann Lee watched the ceremony. She "
         "said the bridge was too narrow.", "too narrow", ["Ann Lee"]),
        ("Jane Roe, the mayor, opened the bridge on Monday. The bridge cost $2 million. She said it was long "
         "overdue.", "long overdue", ["Jane Roe"]),
        # a role says nothing of someone new ("a spokeswoman did not respond"); nor a subject of a clause
        ("Jane Roe, the mayor, opened the bridge on Monday. A spokeswoman for the builder did not respond. She "
         "said the bridge was long overdue.", "long overdue", ["Jane Roe"]),
        ("Jane Roe, the mayor, opened the bridge on Monday. It is rare for a woman to do that. She said the "
         "bridge was long overdue.", "long overdue", ["Jane Roe"]),
    ],
)
def test_attribution_pronoun_after_someone_unnamed_means_no_one_named(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        # the asker of a question is not whom the next "he said" means
        ("Paul Ryan spoke to Jake Tapper on Sunday. Ryan also did not exude confidence when Tapper asked whether "
         "Republicans would hold the House. “This year is unpredictable,” he said.", "unpredictable", ["Paul Ryan"]),
        # a name inside a reported clause weighs less than the reporter ("Babcock said Trump is ...")
        ("Mark Babcock, a delegate, spoke on Monday. Babcock said Donald Trump is his third choice. He is "
         "leaning toward Kasich, he said.", "leaning toward Kasich", ["Mark Babcock"]),
        # negative: a speaker who only said something is still the next "he"
        ("Paul Ryan spoke to Jake Tapper on Sunday. Tapper said the House was at risk. “It is not,” he said.",
         "It is not", ["Jake Tapper"]),
    ],
)
def test_attribution_pronoun_prefers_the_main_clause_and_not_the_asker(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize(
    "text,fragment,speaker",
    [
        # "said" in a relative clause inside the senator's words is not the cue of the quotation
        ('Marco Rubio spoke. Nothing the president said "will assuage people\'s fears," the Florida senator said.',
         "Nothing the", "the Florida senator"),
        # "and" alone: the reported clause's verb is not in the past, so "suggested" is the reporter's
        ("Asked about his paid speeches, Huckabee’s campaign said he hasn’t accepted any new gigs since announcing "
         "his candidacy and suggested that the bigger question is whether officials are bilking taxpayers.",
         "the bigger question", "Huckabee’s campaign"),
    ],
)
def test_attribution_cue_of_words_said_inside_another_speakers_words(extractor, text, fragment, speaker):
    assert find(extractor.extract(text), fragment).speaker.text == speaker


@pytest.mark.parametrize(
    "spans,expected",
    [
        ([(17, 60)], [(22, 60)]),  # opens on the cue's verb: cut after it
        ([(23, 60)], [(23, 60)]),  # after the cue: kept
        ([(0, 60)], [(0, 60)]),  # holds the cue inside (a cue set in its clause): kept
        ([(17, 22), (24, 60)], [(24, 60)]),  # a piece that was only the cue is dropped
    ],
)
def test_attribution_content_never_opens_on_its_cue(spans, expected):
    text = "The proclamation said “the outbreak is a national emergency”"
    assert _outside_cue(text, spans, (17, 21)) == expected


def test_attribution_relative_clause_said_inside_another_speakers_words_is_no_cue(extractor):
    text = 'Marco Rubio spoke. Nothing the president said "will assuage people\'s fears," the Florida senator said.'
    assert [q.speaker.text for q in extractor.extract(text).quotes] == ["the Florida senator"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Schilling, who most recently offered analysis on ''Monday Night Baseball,'' was dismissed after sharing "
         "a post that appeared to respond to the law.", []),
        ("She starred in “The Crown” before the show ended, her agent said.", []),
        ("Fans of “Dr. Strangelove Meets the Press” lined up on Monday.", []),
        # negatives: a title-cased quotation that the cue after it reports
        ("“Absolutely,” Smith replied.", ["Absolutely,"]),
        ("“Not Guilty,” the defendant said.", ["Not Guilty,"]),
    ],
)
def test_attribution_title_in_its_phrase_takes_no_cue_after_it(extractor, text, expected):
    quotes = extractor.extract(text).quotes
    assert [q.text for q in quotes if q.kind == "direct"] == expected


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        # the sentences of a long quotation count as one: its speaker is still near
        ("Others were unapologetic. “Donald Trump doesn't understand counterterrorism,” said Daniel Benjamin, a "
         "former official. “He is ignorant. First of all, the gunman was radicalized here. Second, the group is "
         "weak. Third, it is losing. Fourth, there is no plan.” He argued the group is “in retreat.”",
         "in retreat", ["Daniel Benjamin"]),
        # negative: sentences of narration between them still count
        ("Daniel Benjamin spoke on Monday. The weather was cold. Crowds were thin. Rain fell. Roads flooded. "
         "He argued the group is “in retreat.”", "in retreat", []),
    ],
)
def test_attribution_pronoun_after_a_long_quotation_finds_its_speaker(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


@pytest.mark.parametrize(
    "text",
    [
        "The ships sailed into the disputed waters of the Western Pacific.",
        "Workers began building the promised wall on Monday.",
    ],
)
def test_attribution_participle_before_its_noun_is_no_cue(extractor, text):
    assert extractor.extract(text).quotes == []


def test_attribution_quotation_before_a_participle_keeps_the_cue_of_its_sentence(extractor):
    text = ("Adm. Harry Harris spoke on Monday. He has called China ''provocative,'' accusing it of ''creating a "
            "Great Wall of sand'' and ''clearly militarizing'' the disputed waters of the Western Pacific.")
    quote = find(extractor.extract(text), "clearly militarizing")
    assert quote.cue.text == "accusing" and people(quote) == ["Harry Harris"]


@pytest.mark.parametrize(
    "text,fragment,speaker,speakers",
    [
        # a speaker set off by a dash from the clause the parser hung it on
        ("And it wasn’t a one-off or an accident — Brendan Buck, a spokesman for Ryan, told POLITICO that the "
         "speaker gave Priebus a heads up.", "gave Priebus", "Brendan Buck, a spokesman for Ryan", ["Brendan Buck"]),
        # a group given by its members
        ("Other Republican candidates, including Carly Fiorina and Ben Carson, have followed his lead, saying the "
         "history is a legitimate criticism.", "legitimate criticism",
         "Other Republican candidates, including Carly Fiorina and Ben Carson", ["Carly Fiorina", "Ben Carson"]),
        # every conjunct of a coordinated subject
        ("Labor unions, environmental groups, and many Democratic lawmakers claim the deal will cost jobs.",
         "will cost jobs", "Labor unions, environmental groups, and many Democratic lawmakers", []),
        # negatives: a clause after a dash keeps its own subject; a place after "like" is no member
        ("The mayor backed the plan — and told reporters it would pass.", "would pass", "The mayor", []),
        ("Voters in states like Ohio said the deal was bad.", "the deal was bad", "Voters in states like Ohio", []),
    ],
)
def test_attribution_speaker_set_off_grouped_or_coordinated(extractor, text, fragment, speaker, speakers):
    quote = find(extractor.extract(text), fragment)
    assert quote.speaker.text == speaker and sorted(people(quote)) == sorted(speakers)


def test_attribution_speaker_the_parse_made_a_clause_does_not_break_the_article(extractor):
    """A tagger source whose head the parser made a relative clause ("a major party nominee -- the Republican
    Donald J. Trump -- questions ...") once left the mention empty and raised ValueError."""
    text = ("The selection process could be concluded in October and almost certainly before the next American "
            "president takes office in January, officials say. It is not lost on bank directors that they are "
            "acting during an American presidential campaign in which a major party nominee -- the Republican "
            "Donald J. Trump -- questions American involvement in multinational organizations.")
    quotes = extractor.extract(text, scope="all").quotes
    assert quotes and all(q.speaker is None or q.speaker.text.strip() for q in quotes)


@pytest.mark.parametrize(
    "text,content",
    [
        # a relative clause set off by a comma at the end of a reported clause is the writer's aside
        ("Robby Mook acknowledged Sanders had split the first two contests, which is an outcome few expected.",
         "Sanders had split the first two contests"),
        ("Officials said they are not concerned about the levees, which have about five feet of room.",
         "they are not concerned about the levees"),
        # negatives: one inside the clause, one without a comma, one in quotation marks
        ("Ann Cole said the bill, which passed on Monday, would raise taxes.",
         "the bill, which passed on Monday, would raise taxes"),
        ("Ann Cole said the bill that passed on Monday would raise taxes.",
         "the bill that passed on Monday would raise taxes"),
    ],
)
def test_attribution_aside_after_a_reported_clause_is_not_the_content(extractor, text, content):
    quote = extractor.extract(text, scope="all").quotes[0]
    assert quote.text == content


@pytest.mark.parametrize(
    "text,speakers",
    [
        ("Jessica Mackler issued a statement saying his comment has no place in our politics.", ["Jessica Mackler"]),
        ("Donald Trump spoke in Ohio. He posted a video saying the media had lied.", ["Donald Trump"]),
        # negative: a statement nobody is said to have issued
        ("A statement released on Monday said the plant would close.", []),
    ],
)
def test_attribution_text_issued_speaks_for_who_issued_it(extractor, text, speakers):
    assert people(extractor.extract(text).quotes[-1]) == speakers


@pytest.mark.parametrize(
    "text,content",
    [
        # a cue in a relative clause: the relative word is the writer's, the rest of its clause the content
        ("The kingdom sent a paper to Congress, a move that officials say will change minds.", "will change minds"),
        ("They visited the town where officials said the attack happened.", "the attack happened"),
        # negative: a question word opens the content itself
        ("What, he asked, would happen to the workers?", "What … would happen to the workers?"),
    ],
)
def test_attribution_relative_word_before_the_cue(rules, text, content):
    assert [q.text for q in rules.extract(text).quotes] == [content]


@pytest.mark.parametrize(
    "text,fragment,speaker",
    [
        # a quotation a colon opens right after an attribution's content is the same speaker's
        ("The California Department of Corrections and Rehabilitation (CDCR) did not identify Sirhan as the victim. "
         "Rather, government sources confirmed his identity to various news outlets anonymously.\n\n"
         "The Department issued a statement that an inmate had been stabbed: \"There was an assault on an inmate on "
         "Friday, August 30 at Richard J. Donovan Correctional Facility at 2:21 p.m. [...] Officers responded "
         "quickly and found an inmate with stab wound injuries [...] He was transported to an outside hospital for "
         "medical care, and is currently in stable condition.\" They also said they believed they had identified "
         "the attacker, who was being held in isolation pending investigation.", "There was an assault",
         "The Department"),
        # a quotation goes on from the one before when only that one's cue and an aside stand between them
        ("\"I am in awe of the people who ran towards danger to keep us all safe\" tweeted Mayor of London Sadiq "
         "Khan (no relation). \"The bravery of the emergency services and ordinary Londoners is incredible.\"",
         "The bravery", "Mayor of London Sadiq Khan (no relation)"),
        # not across narration, whatever brackets it holds: the content the colon ends is the governor's
        ("\"I give my victory to my mother,\" Madina Bizheva said. ((ru))Russian: Свою победу я дарю маме.\n\n"
         "Contestants came from many parts of Russia. The new governor offered to diversify the economy, reducing "
         "the focus on oil and gas: \"Now the annual volume of our exports has come close to a billion dollars.\"",
         "Now the annual", "The new governor"),
        # negative: a colon after narration gives the quotation no speaker
        ("Jane Roe runs the beach café in town. The town council has one rule for the summer: \"Dogs stay off the "
         "beach after noon, whoever owns them and however small they are.\"", "Dogs stay off", None),
    ],
)
def test_attribution_quotation_going_on_from_the_one_or_the_content_before(extractor, text, fragment, speaker):
    quote = find(extractor.extract(text), fragment)
    assert (quote.speaker.text if quote.speaker is not None else None) == speaker


@pytest.mark.parametrize(
    "text,fragment,speakers",
    [
        # "the X added" just after a quotation, with no one named X: that quotation's speaker goes on
        ("“Warm water is attacking the ice shelves,” said study co-author Karen Alley. The Wooster professor "
         "added, “These effects matter.”", "These effects", ["Karen Alley"]),
        # negatives: a group, a quotation further back, a verb that does not go on
        ("“Warm water is attacking the ice shelves,” said study co-author Karen Alley. The researchers added, "
         "“These effects matter.”", "These effects", []),
        ("“Warm water is attacking the ice shelves,” said study co-author Karen Alley. The shelves are thin. "
         "The ice is old. The Wooster professor added, “These effects matter.”", "These effects", []),
        ("“Warm water is attacking the ice shelves,” said study co-author Karen Alley. The Wooster professor "
         "said, “These effects matter.”", "These effects", []),
    ],
)
def test_attribution_described_speaker_going_on_is_the_last_speaker(extractor, text, fragment, speakers):
    assert people(find(extractor.extract(text), fragment)) == speakers


def test_attribution_organisation_name_leaves_out_a_possessive_the_ner_ran_in(extractor):
    text = ("The United States' National Institute of Allergy and Infectious Disease's director, Dr. Anthony Fauci, "
            "said of the outbreak that it was bad.")
    (quote,) = extractor.extract(text).quotes
    assert quote.speaker.organizations == ["National Institute of Allergy and Infectious Disease"]


@pytest.mark.parametrize(
    "text,speaker,people",
    [
        # a name set off after a text is the subject of the clause, not who the text is
        ("President Donald Trump tested positive on Friday. According to official statements, Trump, now operating "
         "from the hospital, is to continue performing his duties.", "official statements", []),
        ("Senator Jane Roe spoke on Monday. According to the reports, Roe, who chairs the panel, will resign.",
         "the reports", []),
        # negatives: after a person's noun, the name set off is the speaker
        ("According to the finance director, Paul Chen, the budget is short.", "the finance director, Paul Chen",
         ["Paul Chen"]),
        ("The mayor's spokesman, John Lee, said the road was closed.", "The mayor's spokesman, John Lee", ["John Lee"]),
    ],
)
def test_attribution_name_set_off_after_a_text_is_not_its_speaker(extractor, text, speaker, people):
    quote = extractor.extract(text).quotes[-1]
    assert (quote.speaker.text, quote.speaker.people) == (speaker, people)


@pytest.mark.parametrize(
    "text,expected",
    [
        # a quotation inside an earlier cue's content is that cue's, not more of the later cue's quotation
        ("\"We will use the full force of the law to bring to justice the perpetrators behind this incident,\" said "
         "Delfin Lorenzana, the Defence Secretary; he described the attacks as a \"dastardly act\" and urged vigilant "
         "locals to assist authorities and \"deny terrorism any victory\". The first bomb went off within the cathedral.",
         [("said", "We will use"), ("described", "dastardly act"), ("urged", "deny terrorism any victory")]),
        ("Polish President Andrzej Duda also characterised the deaths as \"crushing\". He wrote, \"May God protect "
         "their parents and loved ones.\"",
         [("also characterised", "crushing"), ("wrote", "May God protect their parents")]),
        # negatives: one speaker's quotation around its cue, and a clause around its cue, stay one
        ("\"We know,\" she said, \"everything about the plan.\"", [("said", "We know")]),
        ("Ann Cole told reporters the plan was \"a success\" and said the city would \"build more of them\".",
         [("told", "a success"), ("said", "build more of them")]),
    ],
)
def test_attribution_quotation_in_an_earlier_cues_content_is_that_cues(extractor, text, expected):
    quotes = extractor.extract(text).quotes
    assert len(quotes) == len(expected)
    for quote, (cue, words) in zip(quotes, expected):
        assert quote.cue.text == cue and words in quote.text
        assert not any(other in quote.text for _, other in expected if other != words)


@pytest.mark.parametrize(
    "text,people",
    [
        # a paper's first author "et al" is the person of that surname
        ("Planetary scientist Vlada Stamenković developed a model. Stamenković et al found oxygen levels would be "
         "high enough.", ["Vlada Stamenković"]),
        ("Joan Smith wrote a paper. Smith et al. found that the drug works.", ["Joan Smith"]),
        # negatives: no one of that surname, and no author named
        ("Joan Smith wrote a paper. Lee et al. found that the drug works.", []),
        ("Joan Smith wrote a paper. The researchers found that the drug works.", []),
    ],
)
def test_attribution_first_author_et_al_is_the_speaker(extractor, text, people):
    assert extractor.extract(text).quotes[-1].speaker.people == people


@pytest.mark.parametrize(
    "text,cues",
    [
        # a speech verb set off with its own speaker is another report's cue, not the content of "began"
        ("The protest began, police said, shortly after noon.", ["said"]),
        ("The meeting continued, the spokesman said, until midnight.", ["said"]),
        ("The accident sequence began, Florida Highway Patrol described, in the northbound lanes of Interstate 75.",
         ["described"]),
        # negative: not set off by a comma, the clause is what the verb reports
        ("I hope in 2017 America says, \"President Clinton, thank you for a lifetime of public service.\"",
         ["says", "hope"]),
    ],
)
def test_attribution_parenthetical_report_is_no_content(extractor, text, cues):
    assert [q.cue.text for q in extractor.extract(text).quotes] == cues


@pytest.mark.parametrize(
    "text,count",
    [
        ("2018 saw Cuban roads suffer a large number of accidents.", 0),  # a time sees nothing
        ("Last week saw the council argue that the budget was too small.", 1),  # the council argued
        ("The 2018 report said the roads were unsafe.", 1),  # negative: a report of a year speaks
    ],
)
def test_attribution_a_time_is_no_speaker(extractor, text, count):
    quotes = extractor.extract(text).quotes
    assert len(quotes) == count
    assert all(q.cue.text != "saw" for q in quotes)
