"""The lexicon of bot.urgency: normalisation, and the broad classes of words that it counts.

Normalisation lowers case, straightens quotes, expands txt-speak ("2nite", "hes", "wiv", "15yo")
and removes what borrows a harm word without a harm happening: idioms ("kill two birds", "the
deadline is killing me"), topic compounds ("knife crime", "suicide prevention", "risk assessment")
and denied harm ("no risk", "not suicidal"). The classes are then counted on the normalised text:

- harm, in seven classes: violence (threats, weapons), fear (and danger), selfharm (suicide,
  farewells, methods, substances), missing (going missing, losing contact, being trapped), abuse
  (injuries, abuse, exploitation), travel (forced marriage, cutting, being taken abroad, a dangerous
  person's release) and unwell (someone unable to keep safe: alone, confused, not breathing);
- now: time and presence (tonight, now, today, on Saturday, in an hour, outside, on his way, will);
- past: history (years ago, in 1998, as a child, last year, used to);
- resolved: the danger is over (found safe, arrested, recovered, calmed down);
- frame: the question is about risk in general (training, hypothetical, policy, statistics, if someone);
- admin: the urgency is paperwork (deadline, SAR, FOI, DPIA, inspection, meeting).

The lists are broad on purpose: the model (bot/urgency_model.py) weighs them, together with a
static word-embedding score, so a single word decides nothing.
"""

from __future__ import annotations

import re

from bot import urgency_welsh
from bot.wordgate import GatedPattern, GateIndex, starts

# --- normalisation --------------------------------------------------------------------------

# Phones and word processors type curly quotes and long dashes: read as the plain ones the models were
# fitted on (the whole question, for the embedding too, goes through this first).
_TYPOGRAPHY = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "`": "'",
               "\u00a0": " "}
PLAIN_TYPOGRAPHY = str.maketrans(_TYPOGRAPHY)
_CHARS = str.maketrans({**_TYPOGRAPHY, "(": None, ")": None, "*": None, "_": " "})

_TXT = {
    "2nite": "tonight", "2nyt": "tonight", "tonite": "tonight", "2nte": "tonight", "2day": "today",
    "2moro": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tmrw": "tomorrow", "tmr": "tomorrow",
    "tomoz": "tomorrow", "gonna": "going to", "gunna": "going to", "wanna": "want to", "gotta": "got to",
    "goin": "going", "comin": "coming", "lookin": "looking", "sayin": "saying", "tryin": "trying",
    "gettin": "getting", "sittin": "sitting", "standin": "standing", "carryin": "carrying",
    "threatenin": "threatening", "wiv": "with", "wid": "with", "w/": "with", "sed": "said", "sez": "says",
    "cnt": "can't", "cant": "can't", "cn": "can", "giv": "give", "u": "you", "r": "are", "ur": "your",
    "b4": "before", "nd": "and", "n": "and", "pls": "please", "plz": "please", "rn": "right now",
    "atm": "at the moment", "wat": "what", "wot": "what", "hes": "he's", "shes": "she's",
    "theyre": "they're", "isnt": "isn't", "doesnt": "doesn't", "dont": "don't", "wont": "won't",
    "hasnt": "hasn't", "havent": "haven't", "didnt": "didn't", "aint": "isn't", "im": "i'm", "ive": "i've",
    "yr": "year", "yrs": "years", "bf": "boyfriend", "gf": "girlfriend", "ppl": "people", "sum1": "someone",
    "some1": "someone", "any1": "anyone", "polis": "police", "cos": "because", "coz": "because",
    "cuz": "because", "bcos": "because", "mins": "minutes", "hrs": "hours", "nite": "night",
    "til": "until", "till": "until", "thru": "through", "msg": "message", "msgd": "messaged",
    "txt": "text", "txtd": "texted", "tabs": "tablets", "od": "overdose", "od'd": "overdosed",
    "oded": "overdosed", "yo": "year old", "y/o": "year old", "mam": "mum", "mammy": "mum",
    "wean": "child", "weans": "children", "bairn": "child", "bairns": "children", "hame": "home",
    "noo": "now", "kms": "kill myself", "unalive": "kill", "unalived": "killed", "wknd": "weekend",
    "asap": "as soon as possible", "tho": "though", "pic": "picture", "pics": "pictures",
}
_TXT_TOKEN = re.compile(r"[\w'/]+")
_TXT_RX = re.compile(r"(?<![\w'/])(" + "|".join(re.escape(k) for k in sorted(_TXT, key=len, reverse=True)) + r")(?![\w'/])")
_AGE = re.compile(r"\b(\d{1,2}) ?(?:yo|y/o|yrs? ?old|yr|y\.o\.)\b")

_MUNDANE = (r"(?:late|miss\w*|forget\w*|don't (?:finish|send|get|submit|do)|do not|share\w*|send\w*|lose|los[te]\w*|mess\w*|"
            r"get (?:it|this|that) wrong|break\w*|email\w*|ask\w*|give|print\w*|submit\w*|book\w*|spend\w*|cc|copy|forward\w*)")
_BOSS = r"(?:manager|boss|head|headteacher|head teacher|dpo|supervisor|team leader|line manager|director|ceo|chair|principal|governors?|ofsted|the ico|caldicott guardian|senior|senco)"

# Idioms that borrow harm words, removed before anything looks for harm.
_IDIOMS = [
    r"kill(?:ing)? two birds(?: with one stone)?", r"dying (?:to|for) (?:know|hear|see|find out|get|ask|a)\w*", r"dying of (?:curiosity|embarrassment|boredom)",
    r"(?:is|are|was|'s|'re) killing (?:me|us|them|him|her)", r"(?:bored|sick|scared|worried|frightened|tired) to death", r"(?:worried|scared) sick",
    rf"(?:{_BOSS}|(?:my|our) (?:\w+ )?(?:manager|boss|head|colleague|team|wife|husband|partner|mum|mother))(?: will|'ll|'d| would| is going to|'s going to| gonna) (?:kill|murder|strangle|shoot|have my head|have my guts)(?: me| us)?",
    rf"(?:kill|murder|strangle) (?:me|us) if (?:i|we)(?:'m| am| are|'re)? (?:\w+ ){{0,2}}?{_MUNDANE}",
    r"to die for", r"(?:nearly|almost|could have|could've|would have|would've|i) died (?:of|when|laughing)", r"(?:nearly|almost) died", r"death of me", r"(?:could|would) murder a \w+",
    r"over ?kill", r"knife[- ]edge", r"up in (?:flames|smoke)", r"crash(?:ed)? and burn(?:ed|t)?", r"burn(?:ing|t|ed)? ?out", r"burnout",
    r"shoot (?:me|us|them|him|her|over) (?:an? |the |a quick )?(?:email|e-mail|message|line|text|answer|reply|note|quick|over)\w*", r"shot down",
    r"fire (?:off|away)", r"bite the bullet", r"dodged? a bullet", r"silver bullet", r"bullet[- ]?points?", r"bullet-?proof", r"(?:stick|stuck|sticking) to (?:our|my|your|their) guns",
    r"big guns", r"jump(?:ing|ed)? the gun", r"gun to (?:my|our) head", r"shotgun approach", r"(?:take|took|have|having) a stab at", r"stab in the (?:dark|back)",
    r"end of (?:my|our|the) (?:rope|tether)", r"(?:learn\w*|know\w*|show\w*) the ropes", r"roped in", r"drowning in", r"go(?:ing|ne)? ballistic", r"(?:printer|laptop|computer|system|phone battery|battery|server|wifi|website|link) (?:is |has |'s )?(?:dead|died)",
    r"dead ?lines?", r"dead end", r"deadly serious", r"drop dead", r"dead (?:easy|tired|simple|good|keen|right|on|quiet|slow)", r"killer (?:question|app)", r"in the firing line", r"kill time",
    r"(?:career|political|professional|commercial) suicide", r"suicide mission", r"kill(?:ing|ed)? (?:it|off the (?:project|idea|plan)|the (?:project|idea|plan|process|proposal))",
    r"jump(?:ing|ed)? (?:through|the) (?:hoops?|queue)", r"jump(?:ing|ed)? (?:on|in|onto) (?:a|the) (?:call|meeting|teams|zoom)", r"shoot(?:ing)? (?:a|the|some|our) (?:video|film|scene|photos?|footage|advert)",
    r"cut(?:ting)? corners", r"cut (?:a )?long story short", r"cut-?off (?:date|point|time)", r"cut (?:me|us) some slack", r"cutting it fine", r"(?:budget|funding|spending) cuts?", r"cuts to",
    r"shot in the dark", r"my head'?s? (?:is )?(?:going to|gonna) explode", r"blow(?:n)? (?:up )?my mind", r"hit the ground running", r"cost a bomb",
    r"hanging (?:on|around|about|over)", r"hang on", r"left hanging", r"\bdie hard\b", r"(?:a|the|absolute) nightmare", r"murder (?:trying|to find|finding)", r"it'?s? murder",
    r"(?:scared|frightened|terrified|afraid|nervous|worried|anxious|petrified) (?:of|about|that) (?:the |an |a |our |their |getting |doing |being |failing |breaching |breaking |ofsted|inspection|audit|exams?|gdpr|data|ico|complaint|tribunal|court case|sharing)\w*",
    r"i'?m scared (?:i|we)(?:'ll| will| might| may)", r"(?:sick|tired) of",
]
_IDIOM_INDEX = GateIndex([("idiom", rf"\b(?:{p})") for p in _IDIOMS])

# Topic compounds: a harm named as a subject of work, not something happening.
_TOPICS = [
    r"(?:suicide|self-harm|self harm|ligature|fire|missing person|violence|domestic abuse) risk (?:assessments?|screening|forms?|checklists?|tools?)",
    r"(?:knife|gun|violent|serious violence|youth violence|weapons?|acid) (?:crime|crimes|amnesty|bins?|arch|awareness|sharpening|-?sharpening|programme|project|workshop|figures|data|licen[cs]e|licensing|club|shop|range)s?",
    r"knife-sharpening", r"shotgun (?:licen[cs]e|certificate)s?", r"firearms? (?:licen[cs]\w+|certificates?|officers?|team|unit|checks?)",
    r"(?:suicide|suicides|self-harm|self harm|overdose|drug death|drug-related death|missing persons?|knife crime|violence|exploitation|fgm|forced marriage|domestic abuse|abuse|harm|risk|grooming|trafficking|county lines|honour-based abuse) (?:prevention|awareness|strategy|strategies|rates?|statistics|stats|figures|data|surveillance|training|policy|policies|protocol|leaflet|plan|plans|toolkit|pathway|audit|register|unit|team|service|services|review|reviews|panel|lead|champion|cases|numbers|deaths?|helpline|charity|month|week|day|procedures?|guidance|course|module|session|workshop|conference|research|report|reports|screening|tool|questions?|lessons?|assembly)",
    r"(?:risk|needs|fire risk|lone working|missing person|suicide|self-harm|dash|oasys|individual|ligature) (?:assessments?|checklists?|forms?|ratings?|scores?|levels?)", r"risk assessed", r"at risk register", r"risk (?:level|rating|score|management plan)s?",
    r"(?:domestic )?homicide reviews?", r"child (?:practice|death) reviews?", r"serious case reviews?", r"safeguarding adults? reviews?", r"learning reviews?",
    r"forced marriage (?:unit|protection orders?|fpo)", r"\bfmu\b", r"prevent(?:ion)? duty", r"mental health first aid",
    r"(?:emergency|crisis|urgent) (?:budget|meeting|planning|plan|contacts?|contact details|fund|funding|payment|grant|loan|housing|accommodation|appointment|dentist|repairs?|sar|request|foi|board|governors|staff)",
    r"(?:died|death|deaths) by suicide", r"suicide (?:attempt|attempts) (?:last|in|years|when)", r"missing from (?:education|school|lessons|class|home education|registers?)",
    r"children missing education", r"\bcme\b", r"go(?:ne|es|ing)? missing (?:from|in) (?:lessons|class|school|the post|the system|transit)",
    r"(?:parcel|file|files|folder|knife|knives|laptop|money|post|item|items|document|documents|records|usb|memory stick|keys|bag|wallet|purse|letter|letters|form|forms|box|boxes|paperwork|report|pages?|notes?|data|equipment|medication|tablets|pills) (?:has |had |have |that |which )?(?:gone|went|go|goes|is|was|were|are|been|going) missing",
    r"missing (?:the|a|an|my|our|his|her|their) (?:rota|deadline|meeting|appointment|bus|train|lesson|class|shift|session|point|form|signature|page|email|call)s?",
    r"overdose prevention", r"naloxone", r"first aid", r"fire safety", r"safe and well (?:visits?|checks?)", r"(?:lockdown|fire) drills?", r"safety plan", r"crisis team", r"crisis line",
    r"emergency duty team", r"out of hours (?:team|service)", r"immediate risk'? (?:ticked|box|category|threshold|field)",
    r"(?:significant|serious) harm (?:threshold|test|definition)", r"threshold (?:of|for) (?:significant|serious) harm", r"at risk of (?:significant|serious) harm (?:threshold|test|definition|category)",
]
_TOPIC_INDEX = GateIndex([("topic", rf"\b(?:{p})\b") for p in _TOPICS])

# Harm that is denied: "no risk", "not suicidal", "denies any intent", "no weapons".
_NEGATED = GatedPattern(
    r"\b(?:no|not|denies|denied|deny|isn't|wasn't|aren't|without|never|nor|doesn't have|hasn't got|no sign of|no evidence of|"
    r"no indication of|no suggestion of|no immediate|no current|no known|no longer)\b (?:\w+ ){0,2}?"
    r"(?:suicid\w+|risk|risks|danger|dangerous|threat\w*|weapons?|knife|knives|intent|plans? to|self-harm\w*|injur\w+|bruis\w+|marks|violen\w+|harm)\b")


def normalise(text: str) -> str:
    return prepare(text)[0]


def _expanded(text: str) -> str:
    """Lower case, plain typography, ages and txt-speak written out: normalisation before anything is removed."""
    text = text.translate(_CHARS).lower()
    if "yo" in text or "y/o" in text or "yr" in text or "y.o" in text:
        text = _AGE.sub(r"\1 year old", text)
    if not _TXT.keys().isdisjoint(_TXT_TOKEN.findall(text)):
        text = _TXT_RX.sub(lambda m: _TXT[m.group(1)], text)
    return text


def prepare(text: str) -> tuple[str, set[str]]:
    """The normalised text and the beginnings of its words (see bot.wordgate)."""
    text = _expanded(text)
    word_starts = starts(text)
    changed = False
    for _, rx in _IDIOM_INDEX.candidates(word_starts) + _TOPIC_INDEX.candidates(word_starts):
        text, n = rx.subn(" ~ ", text)
        changed = changed or bool(n)
    if _NEGATED.may_match(word_starts):
        text, n = _NEGATED.rx.subn(" ~ ", text)
        changed = changed or bool(n)
    if changed:
        text = re.sub(r"[ \t]+", " ", text)
        word_starts = starts(text)
    return text, word_starts


# --- the six classes ------------------------------------------------------------------------------

HARM_CLASSES = ("violence", "fear", "selfharm", "missing", "abuse", "travel", "unwell")
CLASSES = HARM_CLASSES + ("now", "past", "resolved", "frame", "admin")

_MEDICINE = r"(?:tablets?|pills?|meds\b|medication|medicines?|insulin|paracetamol|prescription)"
_TAKEN = r"(?:took|taken|taking|take|swallowed|swallowing|had|stockpil\w*|hoard\w*|saving|saved|all (?:of )?(?:his|her|their|my)|packets? of|boxes? of|whole|handful of|bottle of)"

_WORDS = {
    "violence": [  # violence, threats, weapons
        r"kill\w*", r"murder\w*", r"hurt\w*", r"harm\w*", r"hit(?:s|ting)?\b", r"beat\w*", r"batter\w*", r"punch\w*", r"kick\w*", r"slap\w*",
        r"stab\w*", r"shoot\w*", r"shot\b", r"knife", r"knives", r"blade", r"machete", r"gun\b", r"guns\b", r"shotgun", r"rifle", r"pistol",
        r"firearm", r"weapon\w*", r"hammer", r"axe\b", r"crossbow", r"acid\b", r"petrol", r"bat\b", r"syringe", r"needle", r"burn\w*", r"fire\b",
        r"torch", r"strangl\w*", r"chok\w*", r"smother\w*", r"throttl\w*", r"suffocat\w*", r"pillow over", r"threat\w*", r"revenge",
        r"get (?:him|her|them) back", r"sort (?:him|her|them|it|the \w+) out", r"deal with (?:her|him|it|them)", r"pay for",
        r"make (?:her|him|them|us|you)(?: all)? pay", r"'?done'?\b", r"finish\w*", r"violen\w*", r"attack\w*", r"assault\w*", r"fight\w*",
        r"smash\w*", r"shout\w*", r"scream\w*", r"aggress\w*", r"rage", r"angry", r"radicali\w*", r"extremis\w*", r"bomb\w*", r"explosive",
    ],
    "fear": [  # fear and danger
        r"scared", r"terrified", r"frightened", r"afraid", r"petrified", r"fear\w*", r"panic\w*", r"crying", r"in tears", r"whisper\w*",
        r"shaking", r"trembling", r"danger\w*", r"unsafe", r"not safe", r"at risk", r"risk to life",
    ],
    "selfharm": [  # suicide, self-harm, methods, substances
        r"suicid\w*", r"end it", r"end (?:his|her|their|my) life", r"take (?:his|her|their|my) (?:own )?life", r"die\b", r"dying", r"dead\b",
        r"death\b", r"goodbye", r"bye\b", r"farewell", r"last (?:message|post|letter|text)", r"overdos\w*",
        # a note or letter only as a farewell, and medicines only as taken or hoarded: case notes are full of
        # "note", "letter", "medication" and "insulin" (follow-up review rv6fu1, finding 4)
        r"(?:suicide|goodbye|farewell|final|last) (?:note|letter)s?", r"(?:left|wrote|written|writing|found) (?:a|her|his|their|my) (?:note|letter)",
        rf"{_TAKEN} (?:\w+ ){{0,4}}?{_MEDICINE}", rf"{_MEDICINE} (?:\w+ ){{0,3}}?(?:at once|in one go|stockpil\w*|hoard\w*|saved up)",
        r"pills?", r"paracetamol", r"morphine", r"methadone", r"heroin", r"co-codamol", r"diazepam",
        r"pregabalin", r"ecstasy", r"drugs?\b", r"vodka", r"drunk", r"drinking", r"high\b", r"slurring", r"rope", r"noose", r"ligature",
        r"hosepipe", r"bridge", r"roof", r"railway", r"train\b", r"cliff", r"river", r"sea\b", r"pier", r"jump\w*", r"hang\w*",
        r"self-harm\w*", r"self harm\w*", r"cut\w*", r"wrists?",
    ],
    "missing": [  # missing, losing contact, trapped
        r"missing", r"run away", r"ran away", r"runaway", r"absconded", r"disappeared", r"vanished", r"not (?:come|came|been) (?:back|home)",
        r"hasn't (?:come|been seen|returned)", r"not been seen", r"not seen", r"wandered", r"left (?:the|her|his)", r"took off", r"gone off",
        r"not answering", r"isn't answering", r"no answer", r"not picking up", r"phone (?:is |'s )?(?:off|dead)", r"can't (?:reach|contact|get hold)",
        r"rings out", r"stopped replying", r"not replying", r"lock\w*", r"barricad\w*", r"trapped", r"won't let (?:her|him|me|them)",
        r"not allowed (?:out|to leave)", r"hiding", r"help me", r"please help", r"help\b",
    ],
    "abuse": [  # injuries, abuse, exploitation
        r"bruis\w*", r"black eyes?", r"injur\w*", r"bleed\w*", r"blood\w*", r"broken (?:arm|leg|jaw|ribs?|wrist|nose)", r"fractur\w*", r"burns?\b",
        r"marks?\b", r"swollen", r"split lip", r"wound", r"abus\w*", r"rape\w*", r"sexual\w*", r"touch\w*", r"groom\w*", r"exploit\w*",
        r"older (?:man|men|lads|boys)", r"grown man", r"\d\d[- ]year[- ]old (?:man|male)", r"hotel", r"party", r"county lines", r"package", r"owes?",
        r"debt",
    ],
    "travel": [  # forced marriage, cutting, travel; release of a dangerous person
        r"forced", r"marr\w*", r"wedding", r"engage\w*", r"nikah", r"fgm", r"ceremony", r"circumcis\w*", r"passports?", r"flights?", r"flying",
        r"plane", r"airport", r"abroad", r"one-way", r"released", r"release", r"prison", r"jail", r"custody", r"bail\w*", r"licen[cs]e", r"parole",
        r"offender", r"convict\w*", r"mappa",
    ],
    "unwell": [  # someone unable to keep safe
        r"alone", r"no food", r"not eaten", r"freezing", r"cold\b", r"confused", r"unconscious", r"not breathing", r"won't wake", r"collapsed",
        r"seizure", r"psycho\w*", r"voices", r"paranoi\w*", r"devil",
    ],
    "now": [
        r"tonight", r"now\b", r"right now", r"today", r"this (?:morning|afternoon|evening|weekend|week)", r"tomorrow", r"later", r"soon", r"weekend",
        r"monday", r"tuesday", r"wednesday", r"thursday", r"friday", r"saturday", r"sunday", r"hours?\b", r"minutes?\b", r"mins\b", r"just\b",
        r"currently", r"at the moment", r"on (?:his|her|their|my) way", r"outside", r"waiting", r"about to", r"going to", r"gonna", r"will\b",
        r"'ll\b", r"\d ?(?:am|pm)\b", r"o'clock", r"still\b", r"since", r"after school", r"home time", r"next week", r"when (?:he|she|they) gets?",
        r"before (?:he|she|they) gets?", r"is (?:in|at) (?:the|my|our)", r"here\b", r"in (?:my|the) (?:office|car|room|waiting room|reception|car park)",
    ],
    "past": [
        r"years? ago", r"decades?", r"months ago", r"ago\b", r"(?:19|20)\d\ds?\b", r"'?\d0s\b", r"nineties", r"eighties", r"seventies", r"sixties",
        r"as a (?:child|teenager|kid|teen)", r"when (?:she|he|they|i) (?:was|were)", r"childhood", r"last (?:year|month|week|term|summer|spring|autumn|winter|christmas)",
        r"previous\w*", r"used to", r"in the past", r"historic\w*", r"non-recent", r"history of", r"former", r"old (?:case|incident|warrant)",
        r"at the time", r"back then", r"back in",
    ],
    "resolved": [
        r"found (?:safe|well)", r"(?:is|are|was) (?:safe|well|fine)", r"safely", r"recovered", r"recovering", r"arrested", r"charged", r"remand\w*",
        r"sectioned", r"discharged", r"resolved", r"dealt with", r"calmed down", r"nobody (?:was )?hurt", r"no one (?:was )?hurt", r"settled",
        r"has since", r"ever since", r"no trouble", r"doing (?:well|fine|great)", r"thriving", r"returned", r"came (?:back|home)", r"rehoused",
        r"moved on", r"no concerns", r"no contact", r"all fine", r"it'?s (?:all )?over", r"stable", r"now (?:safe|well|fine|stable|settled)",
    ],
    "frame": [
        r"hypothetic\w*", r"training", r"induction", r"e-learning", r"quiz", r"exam\b", r"revis\w*", r"scenario", r"role[- ]?play", r"case stud\w*",
        r"dissertation", r"essay", r"assignment", r"degree", r"course", r"module", r"nvq", r"interview", r"handbook", r"policy", r"policies",
        r"guidance", r"procedure", r"protocol", r"flowchart", r"pathway", r"agreement", r"framework", r"strategy", r"statistic\w*", r"figures",
        r"numbers", r"data\b", r"dataset", r"report\b", r"audit", r"review", r"in general", r"generally", r"principle", r"example", r"what if",
        r"suppose", r"say (?:a|someone|somebody)", r"if (?:a|someone|somebody|an|anyone|ever)", r"would\b", r"could\b", r"ever\b",
        r"thought experiment", r"out of interest", r"for the future", r"just (?:wondering|thinking|want to be clear)", r"asking for", r"our team",
        r"staff", r"template", r"checklist", r"assessment", r"form\b", r"slide", r"session", r"newsletter", r"leaflet", r"poster",
    ],
    "admin": [
        r"deadline", r"sar\b", r"subject access", r"foi\b", r"dpia", r"gdpr", r"ico\b", r"breach", r"inspection", r"ofsted", r"auditors?",
        r"email\w*", r"spreadsheet", r"shared drive", r"rota", r"budget", r"meeting", r"panel", r"board", r"governors", r"urgent", r"emergency",
        r"asap", r"records", r"files?\b", r"consent form",
    ],
}

LEXICON = GateIndex([(cls, rf"\b(?:{p})") for cls, words in _WORDS.items() for p in words]
                    + [(cls, rf"(?<![\w'])(?:{p})") for cls, words in urgency_welsh.WORDS.items() for p in words])


def class_counts(norm: str, word_starts: set[str]) -> dict[str, list[str]]:
    """The words of each class found in a normalised text (see ``prepare``)."""
    found: dict[str, list[str]] = {cls: [] for cls in CLASSES}
    for cls, rx in LEXICON.candidates(word_starts):
        found[cls].extend(m.group(0) for m in rx.finditer(norm))
    return found


class _ClassGate:
    """Whether a text may hold a word of some classes: its word beginnings against the union of those
    classes' gates, and one regex for their few patterns without a gate."""

    def __init__(self, classes: tuple[str, ...]):
        entries = [gated for cls, gated in LEXICON.entries if cls in classes]
        self.words = frozenset().union(*(g.gate for g in entries if g.gate is not None))
        ungated = [g.pattern for g in entries if g.gate is None]
        self.rx = re.compile("|".join(f"(?:{p})" for p in ungated)) if ungated else None

    def may_match(self, text: str, word_starts: set[str]) -> bool:
        return not self.words.isdisjoint(word_starts) or bool(self.rx and self.rx.search(text))


_NOW_GATE, _HARM_GATE = _ClassGate(("now",)), _ClassGate(HARM_CLASSES)


def may_name_harm_now(text: str) -> bool:
    """A necessary condition, about 50 times cheaper than ``class_counts``, for the normalised ``text`` to
    hold a harm word and a word of time now (normalising only removes words, so what it removes is kept)."""
    expanded = re.sub(r"[ \t]+", " ", _expanded(text))
    word_starts = starts(expanded)
    return _NOW_GATE.may_match(expanded, word_starts) and _HARM_GATE.may_match(expanded, word_starts)


# Phrases that say it outright. They make a question urgent whatever the model says, unless the
# question also has words of framing, of the past or of a danger resolved (then the model decides).
EXPLICIT = re.compile("|".join([
    r"\b(?:at|in) (?:immediate |serious |real |grave )?(?:risk|danger)(?: of (?:serious )?harm)? "
    r"(?:tonight|today|right now|now|this (?:evening|afternoon|morning))\b",
    r"\b(?:immediate|imminent) (?:risk|danger|threat)\b",
    r"\brisk to (?:life|her life|his life|their life)\b",
    r"\bthreat(?:en|ened|ening|s)? to (?:kill|stab|shoot|hurt|harm|attack)\b",
    r"\b(?:going|gonna|plans?|planning|wants?|about) to (?:kill|stab|shoot) "
    r"(?:him|her|them|me|us|you|himself|herself|themselves|myself)\b",
    r"\bkill (?:himself|herself|themselves|themself|myself)\b",
    r"\b(?:has|have|'s|'ve) (?:just )?(?:taken|swallowed) (?:an overdose|all (?:his|her|their|my) (?:tablets|pills))\b",
]))


def explicit(norm: str, words: dict[str, list[str]]) -> str | None:
    """The outright phrase in a normalised question, unless framing, the past or a resolution
    words are there too."""
    if words["frame"] or words["past"] or words["resolved"]:
        return None
    m = EXPLICIT.search(norm)
    return m.group(0) if m else None
