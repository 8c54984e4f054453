"""Short forms of English given names: 'Bill' is 'William', 'Rudy' is 'Rudolph'.

Data for matching one person across articles that name them differently. The common
English diminutives whose long form does not start with them (a prefix such as
'Geoff' for 'Geoffrey' is matched by rule); written from general knowledge of English
names, checked against the forms in the polnear-train outputs. A short form that
stands for two names lists both.
"""
from __future__ import annotations

NICKNAMES: dict[str, tuple[str, ...]] = {
    "bill": ("william",), "billy": ("william",), "will": ("william",), "willie": ("william",),
    "bob": ("robert",), "bobby": ("robert",), "rob": ("robert",), "robbie": ("robert",),
    "dick": ("richard",), "rick": ("richard", "frederick", "eric"), "rich": ("richard",),
    "ted": ("edward", "theodore"), "ed": ("edward",), "eddie": ("edward",), "ned": ("edward",),
    "jim": ("james",), "jimmy": ("james",), "jamie": ("james",),
    "jack": ("john",), "johnny": ("john",), "jon": ("jonathan",),
    "mike": ("michael",), "mick": ("michael",), "mickey": ("michael",),
    "chuck": ("charles",), "charlie": ("charles",), "chas": ("charles",),
    "pete": ("peter",), "rudy": ("rudolph",), "rudi": ("rudolph",),
    "peggy": ("margaret",), "maggie": ("margaret",), "meg": ("margaret",), "marge": ("margaret",),
    "betty": ("elizabeth",), "beth": ("elizabeth",), "liz": ("elizabeth",), "libby": ("elizabeth",),
    "bess": ("elizabeth",),
    "kate": ("katherine", "catherine"), "kathy": ("katherine", "kathleen"), "katie": ("katherine",),
    "cathy": ("catherine",), "patty": ("patricia",), "patti": ("patricia",), "trish": ("patricia",),
    "sandy": ("sandra", "alexander"), "sasha": ("alexander", "alexandra"),
    "hank": ("henry",), "harry": ("henry", "harold"), "larry": ("lawrence",),
    "jerry": ("gerald", "jerome"), "terry": ("terence", "theresa"), "tony": ("anthony",),
    "tom": ("thomas",), "tommy": ("thomas",), "joe": ("joseph",), "joey": ("joseph",),
    "steve": ("steven", "stephen"), "chris": ("christopher", "christine", "christina"),
    "nick": ("nicholas",), "matt": ("matthew",), "dan": ("daniel",), "danny": ("daniel",),
    "dave": ("david",), "andy": ("andrew",), "drew": ("andrew",), "greg": ("gregory",),
    "jeff": ("jeffrey", "jeffery"), "ken": ("kenneth",), "ron": ("ronald",), "don": ("donald",),
    "newt": ("newton",), "mitch": ("mitchell",), "mitt": ("willard",), "fred": ("frederick",),
    "al": ("albert", "alan", "alfred"), "abe": ("abraham",), "sam": ("samuel", "samantha"),
    "sue": ("susan",), "suzy": ("susan",), "jenny": ("jennifer",), "jen": ("jennifer",),
    "becky": ("rebecca",), "vicky": ("victoria",), "debbie": ("deborah",), "barb": ("barbara",),
    "hillary": ("hilary",), "bernie": ("bernard",), "stan": ("stanley",), "zeke": ("ezekiel",),
}
