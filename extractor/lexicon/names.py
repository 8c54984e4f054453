"""Word lists for entities and speakers: first names, titles, and the nouns news uses for sources.

Data, and the few helpers that compare names by it. The first-name lists are common
given names in English-language news (US/UK census top names plus frequent names of
public figures worldwide); they only need to be good enough to tell "she" from "he" for
a named source, so a name missing here merely leaves a person's gender to the pronouns
the article uses.
"""
from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


FEMALE_FIRST_NAMES = _words("""
abigail ada adele adriana agnes aisha alejandra alexandra alexis alice alicia alison allison
alma amanda amber amelia amy ana anastasia andrea angela angelina anita ann anna anne annette
annie antonia april ariana arlene ashley audrey aurora ava barbara beatrice becky belinda
bernadette beth bethany betty beverly bianca bonnie brenda brianna bridget brittany brooke
camila candace cara carla carmen carol caroline carolyn carrie cassandra catherine cathy cecilia
celia charlotte chelsea cheryl chloe christina christine cindy claire clara claudia colleen
connie constance cora corinne corrine courtney cristina crystal cynthia daisy dana danielle
daphne darlene dawn debbie deborah debra delia denise diana diane dolores dominique donna
doris dorothy edith eileen elaine eleanor elena elisa elisabeth eliza elizabeth ella ellen
eloise elsa emilia emily emma erica erika erin esther eva evelyn faith fatima felicity fiona
florence frances francesca gabriela gabrielle gail geraldine gina giselle gladys gloria grace
greta gretchen gwen hailey hannah harriet hazel heather heidi helen helena hillary holly hope
ida ilhan ingrid irene iris isabel isabella jackie jacqueline jade jane janet janice jasmine
jean jeanne jennifer jenny jessica jill jo joan joanna joanne jocelyn jodi josephine joy joyce
judith judy julia julie juliet june justine kamala karen kate katherine kathleen kathryn kathy
katie katrina kay kayla kelly kendra kerry kim kimberly kirsten kristen kristin krystal laura
lauren laurie leah leila lena leslie letitia lila lillian lily linda lindsay lindsey lisa
liz lois lori lorraine louise lucia lucy luisa lydia lynn mackenzie madeline madison mae maggie
mallory mandy marcia margaret margarita maria marian marie marilyn marina marion marjorie marla
marsha martha mary maureen maxine megan meghan melanie melinda melissa mercedes meredith mia
michele michelle mildred millie miranda miriam molly monica monique nadia nancy naomi natalia
natalie natasha nicole nikki nina nora norma olga olivia paige pamela patricia patty paula
pauline pearl peggy penelope penny phyllis priscilla rachel rebecca regina renee rhonda rita
roberta robin rosa rosalind rose rosemary roxanne ruby ruth sabrina sally samantha sandra sara
sarah savannah selena serena shannon sharon sheila shelby shelley sherry shirley sienna silvia
simone sofia sonia sophia sophie stacey stacy stella stephanie sue susan suzanne svetlana sylvia
tamara tammy tania tanya tara taylor teresa theresa tiffany tina tracey tracy ursula valentina
valerie vanessa vera veronica vicki victoria violet virginia vivian wanda wendy whitney
yolanda yvonne zoe
adaeze agnieszka aisling alina amal amara anat annika asha ayesha beatriz bernadette
carmela catalina chiara chidinma crystal daniela deepa dolores elif elodie esperanza fatma
gabriella ginni giulia guadalupe hadas hana hilary ifeoma inga ines irina jacinda kalinda
katarzyna kathy kavya keiko khadija lakshmi latoya leticia lucinda lupita magdalena malala
margot mariam marisol marta mette mei mirela nadine nafisa ngozi noa noor oksana olena
paola pilar pooja priya rania rebekah rocio rosario sakura sanna shakira shanice shira
siobhan sunita tal talia tamar ulrike valeria ximena yael yasmin yulia zainab zara
""")

MALE_FIRST_NAMES = _words("""
aaron abdul abraham adam adrian ahmed alan albert alberto alejandro alex alexander alexei alfred
ali allen alvin amir andre andreas andrew andy angelo anthony antonio arnold arthur austin barack
barry ben benjamin bernard bernie bill billy bob bobby boris brad bradley brandon brendan brett
brian bruce bryan byron calvin cameron carl carlos chad charles charlie chris christian
christopher chuck clarence claude clayton clifford clint cody colin connor craig curtis dale
dan daniel danny darius darren dave david dean dennis derek devin dick dmitry dominic don donald
doug douglas duane dustin dwayne dwight earl ed eddie edgar eduardo edward edwin eli elijah
elliot elon emmanuel enrique eric erik ernest ethan eugene evan felix fernando francis francisco
frank franklin fred frederick gabriel gary gavin gene geoffrey george gerald gilbert glenn gordon
graham grant greg gregory guy hakeem hank hans harold harry harvey hector henry herbert howard
hugh hunter ian igor isaac ivan jack jacob jaime jake james jamie jared jason javier jay jeff
jeffrey jens jeremy jerome jerry jesse jesus jim jimmy joe joel john johnny jon jonathan jordan
jorge jose joseph josh joshua juan julian justin karl keith ken kenneth kevin kurt kyle lance
larry lawrence lee leo leon leonard leroy lloyd logan louis lucas luis luke malcolm manuel marc
marco marcus mario mark marshall martin marvin matt matthew maurice max michael miguel mike
mitch mitchell mohamed mohammad mohammed morgan muhammad narendra nathan neil nelson nicholas
nick nigel noah norman olaf oliver omar oscar owen pablo patrick paul pedro pete peter phil
philip phillip pierre rafael ralph ramon randall randy raul ray raymond reginald ricardo richard
rick ricky rishi rob robert roberto rodney roger roland ron ronald ross roy ruben russell ryan
salvador sam samuel scott sean sebastian sergei sergio seth shane shawn sidney simon stanley
stefan stephane stephen steve steven stuart ted terry theodore thomas tim timothy todd tom tommy
tony travis trevor troy tyler victor vince vincent vivek vladimir volodymyr wade walter warren
wayne wesley will william willie xavier yuri zachary
abdullah abhishek ahmad akhil alessandro amit anil antony arjun armando avi benny bashar
bogdan boris chidi cyril dario deepak diego dmitri emeka enrico fabio farid fyodor giorgio
giuseppe gustavo hamza hassan hunter ibrahim ilya jamal javed jorge kareem khalid kwame
lars luca mahmoud marcelo mateo mehmet mikhail moshe mustafa nate nikolai nnamdi oleksandr
olusegun pavel pradeep rahul raj rajesh ramesh recep reza rodrigo roman rudy salman sanjay
santiago sergey sunil tariq thabo ted tobias umar vikram viktor wolfgang yaakov yosef
yossi youssef yusuf
""")

# Courtesy titles and the gender they mark; the title words dropped from a canonical name.
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "dame", "lady", "queen", "princess"})
COURTESY_TITLES = MALE_TITLES | FEMALE_TITLES
NAME_TITLES = COURTESY_TITLES | frozenset({
    "dr", "dr.", "prof", "prof.", "professor", "rev", "rev.", "gov", "gov.", "sen", "sen.",
    "rep", "rep.", "gen", "gen.", "col", "col.", "lt", "lt.", "sgt", "sgt.", "capt", "capt.",
    "president", "judge", "justice", "mayor", "governor", "senator", "chancellor", "minister"})

# Abbreviated titles and the role nouns that later refer to the person ("the doctor").
TITLE_ROLES = {
    "dr": ("doctor", "physician"), "prof": ("professor",), "gov": ("governor",),
    "sen": ("senator", "lawmaker"), "rep": ("representative", "congressman", "congresswoman", "lawmaker"),
    "gen": ("general",), "col": ("colonel",), "sgt": ("sergeant",), "capt": ("captain",),
    "rev": ("reverend", "pastor", "priest"), "judge": ("judge",), "mayor": ("mayor",),
}

# Words that end a larger body inside an organisation ("Kaiser Permanente Medical Clinic"
# is not Kaiser Permanente): an organisation name never absorbs a longer name ending so.
ORG_UNIT_WORDS = frozenset("""
clinic hospital center centre department office unit school university college institute
foundation museum library plant station branch division bureau agency board council committee
commission service services fund union association society club team league party ministry
court police program programme project campaign group subsidiary store shop
""".split())

# Heads of a nominal that names an organisation, by kind: a company-like noun never
# points at a union or a government body, and the other way round.
ORG_NOUN_KINDS: dict[str, str] = {
    **{w: "company" for w in """
        company firm corporation business provider organization organisation system operator
        insurer retailer maker manufacturer carrier airline bank cooperative utility chain
        startup giant employer hmo conglomerate network brand outlet newspaper broadcaster
        platform publisher developer supplier distributor lender plant hospital clinic
        paper magazine station lab laboratory
        """.split()},
    **{w: "union" for w in "union guild federation association alliance coalition".split()},
    **{w: "government" for w in """
        agency department ministry office bureau commission authority administration regulator
        watchdog government council board committee service military army navy police court
        state city county legislature parliament congress senate kremlin embassy
        """.split()},
    **{w: "group" for w in "group institute foundation charity team party campaign club body".split()},
}

# Sources that stay unnamed unless tied to an organisation ("a Kaiser spokesperson").
GENERIC_SOURCE_NOUNS = frozenset("""
spokesperson spokesman spokeswoman representative official officer source sources witness
person people resident residents observer observers expert experts analyst analysts researcher
researchers scientist scientists someone somebody insider insiders aide aides staffer staffers
user users critic critics supporter supporters forecaster forecasters officials attorney
attorneys lawyer lawyers member members employee employees worker workers agent
""".split())

# Of those, the ones who speak for an organisation they are tied to ("a Kaiser spokesperson",
# "USDA officials"); its workers, members or users do not ("CNN staffers" criticising CNN).
ORG_VOICE_NOUNS = frozenset("""
spokesperson spokesman spokeswoman representative official officials officer source sources
executive executives attorney attorneys lawyer lawyers
""".split())

# Writings that speak for whoever owns them ("its website", "AP reporting").
DOCUMENT_NOUNS = frozenset("""
statement report reports reporting release website site account post posts tweet letter filing
filings memo document documents study survey poll data note notes email message blog summary
announcement analysis article interview testimony brief lawsuit suit complaint petition indictment
motion affidavit ruling audit
""".split())

# Offices whose holder news names once and then calls by the office ("the Prime Minister
# said", "the Kremlin leader"): safe to resolve to the person just named. Ordinary roles
# ("the manager", "the driver") often are someone else, unnamed, so they need a descriptor.
OFFICE_NOUNS = frozenset("""
president minister chancellor governor senator mayor leader dictator premier king queen
prince princess chief chair chairman chairwoman ceo founder secretary commissioner sheriff
lawmaker congressman congresswoman candidate coach prosecutor general
""".split())

# Singular nouns for a person's role that are safe to resolve to the most salient person
# even without a matching descriptor ("the Prime Minister said", "the Russian dictator"):
# the offices and more.
ROLE_NOUNS = OFFICE_NOUNS | frozenset("""
head director manager owner doctor physician surgeon nurse psychologist therapist professor
teacher judge author attorney-general captain colonel sergeant striker man woman boy girl
father mother husband wife son daughter victim survivor farmer driver pilot veteran activist
economist native graduate retiree fan mom dad grandmother grandfather parent star athlete actor
actress nominee refugee widow widower
""".split())

# Words for people that carry a gender ("the woman said" is never "he").
GENDERED_NOUNS = {"man": "male", "woman": "female", "father": "male", "mother": "female",
                  "husband": "male", "wife": "female", "son": "male", "daughter": "female",
                  "boy": "male", "girl": "female", "king": "male", "queen": "female",
                  "spokesman": "male", "spokeswoman": "female", "chairman": "male",
                  "chairwoman": "female", "congressman": "male", "congresswoman": "female",
                  "brother": "male", "sister": "female", "uncle": "male", "aunt": "female",
                  "grandfather": "male", "grandmother": "female", "nephew": "male", "niece": "female",
                  "widow": "female", "widower": "male", "girlfriend": "female", "boyfriend": "male"}

# Words that put a role in the past ("former president", "ex-minister").
PAST_ROLE_WORDS = frozenset({"former", "ex", "late", "onetime", "erstwhile"})

# Determiners that introduce someone new ("a drama teacher", "another contestant").
INDEFINITE_DETERMINERS = frozenset({"a", "an", "one", "another", "some", "any"})

# Organisation nouns that may stand for a place's government ("the state said").
PLACE_BODIES = frozenset({"government", "state", "city", "county", "administration"})

# Prepositions that tie a spokesperson or a document to whom it speaks for
# ("a spokesman for Kaiser", "a statement from the company").
SPOKESPERSON_PREPOSITIONS = frozenset({"for"})
DOCUMENT_PREPOSITIONS = frozenset({"from", "by", "of", "for"})

# Endings of nouns for people ("psychologist", "politician", "fisherman").
ROLE_SUFFIXES = ("ist", "ian", "man", "woman", "person")

PERSON_PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
ORG_PRONOUNS = frozenset({"it", "its", "itself", "they", "them", "their", "we", "our", "us"})

# Abbreviations of US states (AP style) and Canadian provinces (Canadian Press style)
# written after a city ("Fresno, Calif.", "Kingston, Ont."): places, never people or
# sources, whatever NER makes of them. Lowercased, dots dropped (as `name_key` makes them).
PLACE_ABBREVIATIONS = frozenset("""
ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont
neb nev nh nj nm ny nc nd okla ore pa ri sc sd tenn vt va wash wva wis wyo
alta bc man nb nl ns ont pei que sask
""".split())
