"""The lexicon of bot.urgency: normalisation, harm cues, amplifiers and negators.

Every pattern runs on normalised text (lower case, straight quotes, txt-speak expanded, idioms,
topic compounds and negated harm removed). Patterns name classes of what people say, not
particular questions; each group says what it is for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.wordgate import GatedPattern, GateIndex, starts

# --- normalisation --------------------------------------------------------------------------

_CHARS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                        "\u2014": "-", "`": "'", "\u00a0": " ", "(": None, ")": None, "*": None, "_": " "})

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
_IDIOM_RX = [GatedPattern(rf"\b(?:{p})") for p in _IDIOMS]

# Topic compounds: a harm named as a subject of work, not something happening.
_TOPICS = [
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
    r"emergency duty team", r"out of hours (?:team|service)", r"immediate risk box", r"immediate risk (?:ticked|box|category|threshold|field)",
    r"(?:significant|serious) harm (?:threshold|test|definition)", r"threshold (?:of|for) (?:significant|serious) harm", r"at risk of (?:significant|serious) harm (?:threshold|test|definition|category)",
]
_TOPIC_RX = [GatedPattern(rf"\b(?:{p})\b") for p in _TOPICS]

# Harm that is denied: "no risk", "not suicidal", "denies any intent", "no weapons".
_NEGATED = GatedPattern(
    r"\b(?:no|not|denies|denied|deny|isn't|wasn't|aren't|without|never|nor|doesn't have|hasn't got|no sign of|no evidence of|"
    r"no indication of|no suggestion of|no immediate|no current|no known|no longer)\b (?:\w+ ){0,2}?"
    r"(?:suicid\w+|risk|risks|danger|dangerous|threat\w*|weapons?|knife|knives|intent|plans? to|self-harm\w*|injur\w+|bruis\w+|marks|violen\w+|harm)\b")


def normalise(text: str) -> str:
    return prepare(text)[0]


def prepare(text: str) -> tuple[str, set[str]]:
    """The normalised text and the beginnings of its words (see bot.wordgate)."""
    text = text.translate(_CHARS).lower()
    if "yo" in text or "y/o" in text or "yr" in text or "y.o" in text:
        text = _AGE.sub(r"\1 year old", text)
    if not _TXT.keys().isdisjoint(_TXT_TOKEN.findall(text)):
        text = _TXT_RX.sub(lambda m: _TXT[m.group(1)], text)
    word_starts = starts(text)
    changed = False
    for rule in _IDIOM_RX:
        if rule.may_match(word_starts):
            text, n = rule.rx.subn(" ~ ", text)
            changed = changed or bool(n)
    for rule in _TOPIC_RX:
        if rule.may_match(word_starts):
            text, n = rule.rx.subn(" ~ ", text)
            changed = changed or bool(n)
    if _NEGATED.may_match(word_starts):
        text, n = _NEGATED.rx.subn(" ~ ", text)
        changed = changed or bool(n)
    if changed:
        text = re.sub(r"[ \t]+", " ", text)
        word_starts = starts(text)
    return text, word_starts


_SENTENCE_END = re.compile(r"[.!?]+(?:\s+|$)|\n+|\s+-\s+")


def sentence_starts(text: str) -> list[int]:
    """Offsets at which the sentences of ``text`` start (semicolons do not end a sentence)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


# --- shared vocabulary ----------------------------------------------------------------------

PERSON_NOUN = (r"(?:dad|mum|mother|father|partner|husband|wife|boyfriend|girlfriend|ex|ex-partner|son|daughter|brother|sister|uncle|aunt|"
               r"cousin|stepdad|stepmum|step-dad|man|woman|lad|boy|girl|client|patient|pupil|student|tenant|resident|neighbour|family|baby|"
               r"kids|children|child|teacher|nurse|doctor|gp|worker|officer|staff|landlord|judge|social worker|wife's|friend|mate|grandson|granddaughter|carer)")
SUBJ = rf"(?:he|she|they|i|we|you|{PERSON_NOUN}|(?:his|her|their|my) {PERSON_NOUN})"
OBJ = rf"(?:her|him|them|you|me|us|everyone|himself|herself|the lot of (?:them|us|you)|(?:the|his|her|their|my|your|that|this) (?:\w+ )?{PERSON_NOUN}s?)"
REAL_WEAPON = (r"(?:knife|knives|blade|blades|machete|machetes|gun|guns|shotgun|rifle|air rifle|pistol|handgun|firearm|firearms|"
               r"crossbow|sword|samurai sword|axe|hatchet|hammer|baseball bat|golf club|crowbar|acid|ammonia|petrol|lighter fluid|"
               r"syringe|needle|broken bottle|screwdriver|shank|zombie knife|weapon|weapons|taser|bullets|ammo|ammunition|knuckle ?duster|strap|kitchen knife|stanley knife|bat)")
# Verbs that always mean serious violence; and those that do only with a person as object.
HARD_VIOLENCE = (r"(?:kill|murder|stab|shoot|strangle|choke|batter|torch|petrol bomb|firebomb|set fire to|set light to|kneecap|maim|slash|glass|"
                 r"knife|behead|drown|suffocate|smother|throw acid|acid attack|bury|finish (?:her|him|them|you|it) off|do (?:him|her|them|you) in|"
                 r"put a bullet in|blow (?:his|her|their|your) (?:head|brains)|break (?:her|his|their|your) (?:legs?|arms?|neck|jaw)|smash (?:her|his|their|your) (?:face|head))")
SOFT_VIOLENCE = (r"(?:hurt|harm|attack|beat|hit|punch|kick|burn|abuse|rape|batter|get|sort out|sort|deal with|punish|deal with|teach|come for|come after|"
                 r"go for|go after|find|take|run over|do|hunt down|track down|see to|beat up|knock out|get rid of|make|shut)")
INTENT = (r"(?:going to|gonna|will|'ll|'d|would|wants? to|wanted to|plans? to|planning to|plotting to|intends? to|is to|are to|"
          r"threaten(?:s|ed|ing)? to|vow(?:s|ed)? to|swore to|swears to|promised to|about to|on (?:his|her|their) way to|"
          r"coming (?:round|over|back) to|ready to|determined to|make sure (?:he|she|they|i)|try to|tried to|trying to)")
NOW = (r"now(?! (?:\d|aged|an? adult|in (?:his|her|their) \w+ies|doing|safe|fine|well|settled|under|lives|living|works|working|"
       r"at (?:uni|university|college)|married|retired|older|grown|over|recovered|better|sober|clean|stable|engaged|open to|known to|closed))")
TIME = (rf"(?:tonight|this evening|this afternoon|this morning|today|right now|{NOW}|at the moment|currently|as we speak|"
        r"tomorrow|later|soon|shortly|imminently|any minute|any moment|straight away|as soon as|in (?:an|a|the next|\d+|a few|half an|twenty|ten|five|thirty|forty) (?:hour|hours|minutes|mins|min)|"
        r"(?:an|a|\d+|half an|few|twenty|ten|five|thirty|forty|couple of) (?:hour|hours|minutes|mins) ago|"
        r"(?:on|this|next|by|until|before|till|over the|from|for) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)|"
        r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday) (?:morning|afternoon|night|evening)|"
        r"this week|next week|this weekend|at the weekend|overnight|out of hours|after school|at home ?time|home time|hometime|"
        r"when (?:he|she|they|dad|mum|her \w+|his \w+) (?:gets?|comes?|finds?) (?:home|back|in|out)|before (?:he|she|they|dad|mum|her \w+|his \w+) (?:gets?|comes?) (?:home|back|in|out)|"
        r"(?:at|by|until|after|since|from) \d{1,2}(?::\d\d)? ?(?:am|pm|o'clock)|it'?s (?:now )?\d{1,2}(?::\d\d)? ?(?:am|pm)|"
        r"since (?:last night|this morning|yesterday|lunchtime|breakfast|friday|saturday|sunday|monday|tuesday|wednesday|thursday)|"
        r"(?:just|only just) (?:now|told|said|rung|rang|phoned|called|texted|messaged|left|gone|come|arrived|turned|sent|disclosed|found|posted|walked|taken|took|seen|bought|scored|heard|shown|showed)|"
        r"about to|on (?:his|her|their) way|in the next|getting dark|this (?:lunchtime|break)|at break|the summer holidays?|half[- ]term|before (?:the )?(?:holidays?|half[- ]term|summer|christmas|eid|the end of term)|"
        r"flying out|flies out|flight (?:is |leaves )?(?:on|at|this|tomorrow|tonight)|booked (?:for|on)|due to (?:leave|fly|travel)|"
        r"(?:still|now) (?:in|at|outside|there|here|with|waiting|on|sat|sitting|standing|holding)|is (?:outside|downstairs|in reception|in the car park|at the (?:door|gate|school|house))|he's back|she's back|"
        r"when (?:he|she|they|dad|mum) finds? out|last night)")


@dataclass(frozen=True)
class Cue:
    """A harm cue (family, name, weight), an amplifier (kind, families it strengthens), or a negator."""

    role: str  # harm, amplifier, past, current, strong-frame, weak-frame
    family: str
    name: str = ""
    weight: int = 0
    applies_to: frozenset | None = None


# --- harm cues ------------------------------------------------------------------------------

_HARM = [
    # weapons that someone has, brings, shows or means to use
    ("weapon", "has-weapon", 2, [
        rf"(?:has|have|'s|'ve) got (?:a |an |his |her |their |the |some |two )?(?:[\w']+ ){{0,2}}?{REAL_WEAPON}\b",
        rf"\b(?:has|have|carrying|carries|carry|holding|holds|waving|wielding|brandishing|pulled|pulls|pulling|brought|brings|bringing|bring|showed|shows|showing|keeps?|keeping|kept|bought|buys|buying|hiding|hides|hid|strapped|took|taking|take|armed with|with|seen|saw|spotted|found|finds|got hold of|getting|get|sharpening|sharpened) (?:a |an |his |her |their |the |some |two |this |that )?(?:[\w']+ ){{0,2}}?{REAL_WEAPON}\b",
        rf"\b{REAL_WEAPON} (?:in|under|inside|strapped|hidden|tucked|down) (?:the back of |the bottom of )?(?:his|her|their|the|a) (?:[\w']+ )?(?:bag|rucksack|backpack|pocket|jacket|coat|car|van|waistband|sock|bed|room|locker|flat|house|boot|belt|leg|sleeve|hand|trousers|jeans|bedroom|garage|shed)",
        rf"\b{REAL_WEAPON}s? (?:to|at|against) (?:her|his|their|my|your|the) (?:throat|neck|head|face|chest)",
        rf"\b(?:use|used|using) (?:it|them|the {REAL_WEAPON}|a {REAL_WEAPON}) (?:on|against)",
        rf"\bthreatened (?:\w+ ){{0,3}}with (?:a |an |the |his |her )?(?:\w+ )?{REAL_WEAPON}\b",
        r"\bair (?:rifle|gun|pistol)\b", r"\bpetrol can\b", r"\bpetrol through (?:the|her|his|their) (?:door|letterbox)",
    ]),
    # intent or threat to hurt someone
    ("violence", "threat", 2, [
        rf"\b{SUBJ}(?:'ll|'d| will| would| is going to| are going to|'s going to|'re going to| going to| gonna| is gonna| wants to| wanted to| plans to| is planning to|'s planning to| is about to|'s about to| threatened to| threatens to| has threatened to| is threatening to|'s threatening to| intends to| swore to| vowed to| said he'd| said she'd| said they'd| is coming to|'s coming to) (?:\w+ ){{0,2}}?{HARD_VIOLENCE}\b",
        rf"\b{SUBJ}(?:'ll|'d| will| would| is going to| are going to|'s going to|'re going to| going to| gonna| wants to| plans to| threatened to| threatens to| has threatened to| is threatening to|'s threatening to| intends to| said he'd| said she'd) (?:\w+ ){{0,2}}?{SOFT_VIOLENCE} {OBJ}\b(?! (?:a |an |the )?(?:favou?r|present|gift|lift|job|place|flat|house|referral|appointment|letter|report|copy|form|number|details|email|call|hand|chance|break))",
        rf"\bthreat(?:s|en|ens|ened|ening)? (?:\w+ ){{0,4}}?(?:to )?{HARD_VIOLENCE}\b", rf"\bthreat(?:s|en|ens|ened|ening)? (?:\w+ ){{0,3}}?to (?:{SOFT_VIOLENCE}) {OBJ}",
        r"\b(?:he|she|they|him|her|them|i|you|we)(?:'s|'re|'m|'ll| is| are| am| will| might| could)?(?: going to| gonna| to| will| might| could)? (?:be|get|getting|gets) (?:shot|stabbed|killed|murdered|battered|beaten up|kneecapped|done in|knifed|jumped|glassed|petrol bombed|hurt)\b",
        rf"\b(?:plans?|planning|plotting|intends?|intending|threaten\w*|vow\w*|swore|swears|going|wants?|wanted|about|determined|ready|promised) to (?:\w+ )?{HARD_VIOLENCE}\b",
        r"\b(?:he|she|they|him|her)(?:'s| is| are|'re)? (?:to|going to|gonna|will|'ll) (?:be|get) '?done'?\b",
        r"\bor else\b", r"\b(?:said|says|told her|told him|texted|messaged) (?:that )?(?:she|he|they|you)(?:'s|'re| is| are) (?:dead|going to die|a dead \w+)\b", r"\b(?:you|she|he)(?:'re|'s| are| is) dead\b(?! (?:easy|good|right|tired))",
        r"\bburn (?:the|her|his|their|your|my) (?:house|flat|home|place|car|school|office) down\b", r"\bburn (?:it|them|her|him) down\b",
        r"\bset (?:fire|light) to\b", r"\btorch (?:his|her|their|the|my) (?:\w+ )?(?:house|flat|place|car|home)\b",
        r"\bshoot up (?:the|a|his|her|my|our) \w+", r"\b(?:get|getting|take|taking|wants) revenge\b", r"\brevenge (?:for|on|attack)\b", r"\bmake (?:her|him|them|us|you)(?: all)? pay\b",
        r"\bput a bullet\b", r"\bhit list\b", r"\b(?:watch (?:your|her|his) back|knows? where (?:she|he|they|you|i|her|his|the kids|the children) (?:lives?|live|is staying|are staying|stays|go to school|goes to school|works?|sleeps?))\b",
        r"\b(?:take|taking|send|sending) (?:her|him|them|the kids|the children|the baby|me) (?:away )?(?:to heaven|to be with (?:mummy|daddy|mum|dad|god|jesus))\b", r"\bto heaven with\b",
        r"\b(?:kill|murder|stab|shoot) (?:her|him|them|you|me|us|the lot of (?:them|us|you)|everyone|the family|the kids|the baby|the children)\b",
        r"\b(?:hurt|harm|get rid of) (?:the|my|her|his) (?:baby|child|kids|children|son|daughter)\b",
        r"\bshut (?:you|him|her|them|it) up for good\b", r"\bfor good\b(?= .{0,20}(?:shut|silence|rid))",
    ]),
    ("violence", "veiled-threat", 1, [
        r"\bmake sure (?:she|he|they|you|i|we) (?:never|won't|doesn't|can't|will never|wouldn't|couldn't) (?:\w+ ){0,4}?again\b",
        r"\b(?:she|he|you|they)(?:'ll| will|'d| would) (?:regret|be sorry|pay for)\b", r"\bteach (?:her|him|them|you) a lesson\b",
        r"\b(?:get|gets|getting) what'?s coming\b", r"\b(?:she|he|you)(?:'s|'re| is| are) going to get it\b", r"\bor (?:she|he|you|they)(?:'ll| will) (?:be|get) (?:sorry|it)\b",
        r"\b(?:warned|told) (?:her|him|them) (?:what|that) (?:would|will) happen\b", r"\bknows? where (?:she|he|they|you) (?:are|is)\b",
    ]),
    # suicide and self-harm: intent, plans, methods, farewells
    ("suicide", "intent", 2, [
        r"\bsuicidal (?:thoughts |ideation |feelings )?(?:and |with |, )?(?:has |got |a plan|tonight|now|today|again|plans?)\b", r"\bactively suicidal\b", r"\bsuicide (?:note|plan|pact|attempt tonight)\b",
        r"\b(?:kill|killing|kills|hang|hanging|hanged|hurt|hurting|harm|harming|poison|drown|cut|cutting) (?:himself|herself|themselves|themself|myself)\b",
        r"\b(?:end|ending|ends|take|taking|took) (?:it all|things|(?:his|her|their|my) (?:own )?life)\b", r"\b(?:going to|gonna|wants to|will|'ll|plans to|about to|is going to) end it\b", r"\bend it (?:all|tonight|now|today)\b",
        r"\bfinish(?:ing)? it (?:all|tonight|now|today|once)\b", r"\bgoing to finish it\b", r"\bdo it properly\b", r"\bgo(?:ing)? deeper\b",
        r"\b(?:won't|will not|not going to|isn't going to) (?:be (?:here|around|alive)|see (?:christmas|tomorrow|the weekend|another|next))",
        r"\bwon't need (?:us|them|it|her|his|my|any|the|you)\b(?: \w+){0,2} (?:any ?more|again|much longer)\b", r"\bwon't have to worry about (?:him|her|me|them) any ?more\b",
        r"\b(?:be|'ll be|will be|won't be) (?:dead|gone) (?:by|before|after)\b", r"\bwants? to die\b", r"\bwant(?:s|ed)? to be dead\b", r"\b(?:left|leave (?:her|him|me)) to die\b",
        r"\bdone with (?:life|living|it all|everything)\b", r"\bcan't (?:go on|do this any ?more|cope any ?more|carry on|take (?:it|any) ?more)\b",
        r"\b(?:no|no more) (?:point|reason) (?:in )?(?:living|going on|being here|carrying on|fixing|bothering|being alive)\b", r"\bnot (?:wake|waking) up\b",
        r"\b(?:walk|walking|walked|jump|jumping|drive|driving|throw (?:him|her)self|step|stepping) (?:into|in front of|off|from) (?:the|a) (?:sea|river|train|bridge|cliff|pier|roof|car park|multi-storey|motorway|canal|loch|quarry|traffic|lorry|bus|building|water)\b",
        r"\bjump(?:ing)? off\b", r"\b(?:on|at|by) (?:the )?(?:edge of|top of)? ?(?:the |a )?(?:bridge|cliff|clifftop|roof|multi-storey|pier|railway|railway line|train tracks|tracks|platform edge|river bank|viaduct)\b",
        r"\bengine running\b", r"\b(?:a |the |bought a |got a )(?:rope|noose|ligature|hosepipe)\b", r"\b(?:slash(?:ed|ing)?|cut|cutting|slit) (?:his|her|their|my) wrists\b",
        r"\b(?:suicide|goodbye|farewell|final) (?:note|notes|letter|letters|message|messages|post|video|text)\b", r"\b(?:written|wrote|writing|left|leaving) (?:a |his |her |their |my )?(?:note|notes|letters?) (?:for|to|saying|addressed)\b", r"\b(?:written|wrote) (?:my|his|her|their) letters\b",
        r"\bthis is (?:it|goodbye|the end)\b", r"\btonight'?s the night\b", r"\bnight night\b", r"\b(?:thanks|thank you) for everything\b",
        r"\b(?:sorry|apologis\w+) for everything\b", r"\blast (?:thing|time) (?:i|you|he|she|they)'?(?:ll| will)? ever\b", r"\bever (?:post|say|see)\b",
        r"\bgiv(?:ing|en|es|e) away (?:his|her|their|all|my) (?:\w+ )?(?:things|belongings|stuff|possessions|pets?|cat|dog|money|clothes|games|console)\b",
        r"\bsorted (?:everything|it all|all his \w+|all her \w+) ?(?:out)?\b", r"\bput (?:his|her|their) affairs in order\b", r"\b(?:made|making|written|updated|changed) (?:his|her|a) will\b",
        r"\b(?:got|has|have|made) a plan\b(?! (?:for|in place|b\b))", r"\b(?:cut|cutting|cuts|self-harm|self harm)\w* (?:\w+ )?(?:deeper|worse|properly)\b",
        r"\bbetter off without (?:me|him|her|them)\b", r"\bsay(?:ing)? goodbye to (?:the kids|the children|his kids|her kids|everyone|the family|mum|dad|us|me)\b",
        r"\b(?:researching|googling|googled|searched|looking up|looked up) (?:\w+ ){0,3}(?:how to|ways to|how many|lethal|overdose|hang)\b", r"\b(?:a|the) burden\b",
        r"\b(?:look|looking) after (?:my|his|her) (?:dog|cat|kids|children|pets?) (?:for|when|after) (?:me|him|her|i'm gone|he's gone|she's gone)\b", r"\bwhen (?:i'm|he's|she's) gone\b",
        r"\b(?:tell|telling) (?:my|his|her) (?:kids|children|mum|family) (?:i|he|she) love\w*\b", r"\blove you all\b", r"\bsleep (?:forever|and never wake)\b", r"\bdisappear forever\b",
    ]),
    ("suicide", "concern", 1, [
        r"\bsuicid\w*\b", r"\bself-harm\w*\b", r"\bself harm\w*\b", r"\bfresh (?:cuts|wounds|marks|burns)\b", r"\bcut to bits\b", r"\bcuts? (?:on|up) (?:her|his|their) (?:arms?|legs?|wrists?|thighs?)\b",
        r"\b(?:hopeless|no future|wants? it (?:all )?to stop|not worth (?:it|living)|can't see a way out|no way out|doesn't see the point|no point any ?more|tired of living)\b",
        r"\bsaving (?:up )?(?:his|her|their)? ?(?:tablets|pills|meds|medication)\b", r"\bthoughts of (?:dying|ending)\b", r"\bhad enough\b(?! of (?:the|this|that|these|those|our|my|your|his|her))",
        r"\b(?:doesn't|does not|didn't|won't) want to (?:be here|live|be alive|wake up)\b",
    ]),
    ("farewell", "goodbye-then-silence", 1, [r"\b(?:said|says|saying|say|sent|texted|messaged|posted) (?:a )?(?:goodbye|bye|farewell)\b(?! to (?:his|her|their|the|all|everyone) (?:\w+ ){0,2}?(?:classmates|class|colleagues|friends|team|staff|group|pupils|children|kids|everyone|teachers?)\b)", r"\bthis is goodbye\b", r"\bgoodbye (?:message|text|post|note|letter|video)\b"]),
    # overdose and poisoning, taken or about to be
    ("overdose", "taken", 2, [
        r"\b(?:taken|took|swallowed|swallow|downed|necked|eaten|ate|injected|going to take|gonna take|about to take|is taking|'s taking|has taken|have taken) (?:all |a |an |loads of |a load of |a lot of |lots of |a handful of |a packet of |a bottle of |the whole |the rest of |too many |some |her |his |their |\d+ |a box of |a pile of )*(?:[\w-]+ )?(?:tablets|pills|paracetamol|meds|medication|medicine|insulin|painkillers|sleeping pills|antidepressants|diazepam|co-codamol|codeine|tramadol|methadone|heroin|bleach|overdose|sleeping tablets|anti-freeze|antifreeze|weedkiller)\b",
        r"\b(?:has|have|'s|'ve|just|possibly|maybe|may have|might have|think she's|think he's)(?: just)? (?:taken|had|done) an? (?:overdose|od)\b", r"\b(?:overdosed|overdosing|overdose on|overdose tonight)\b(?! (?:\w+ ){0,2}(?:years|months|last|in 19|in 20))",
        r"\b(?:pills|tablets|meds|paracetamol|packets) (?:lined up|laid out|counted out|in a pile|spread out|all over)\b",
        r"\b(?:stockpil\w+|hoard\w*|saving up|saved up|been saving|collecting|stocking up on) (?:his |her |their |up |all )?(?:[\w-]+ )?(?:tablets|pills|paracetamol|meds|medication|medicine|insulin|painkillers|diazepam|prescriptions?)\b",
        r"\b(?:tablets|pills|paracetamol|meds|medication|insulin|painkillers) (?:and|with|washed down with) (?:vodka|alcohol|whisky|drink|wine|beer|gin|cider)\b",
        r"\bbuying (?:\w+ )?(?:paracetamol|painkillers|tablets|pills) (?:from|every|at|in)\b", r"\b(?:packets|boxes) of (?:paracetamol|pills|tablets|painkillers)\b",
        r"\b(?:big |large |huge )?(?:stock|stash|supply|hoard) of (?:his|her|their) (?:[\w-]+ )?(?:tablets|pills|meds|medication)\b", r"\b(?:won't|can't|cannot|not) wake (?:up)?\b", r"\bnot breathing\b", r"\bturning blue\b", r"\bunconscious\b|\bunresponsive\b",
    ]),
    ("overdose", "pills-shown", 1, [
        r"\b(?:photo|picture|video|snap|image|selfie)s? of (?:the |her |his |their |some |a |all |loads of )?(?:[\w-]+ )?(?:pills|tablets|paracetamol|meds|medication|packets?|bottles?)\b",
        r"\b(?:packet|box|bottle) of (?:paracetamol|pills|tablets|painkillers)\b", r"\boverdose\b",
    ]),
    # going missing, vanished, not seen
    ("missing", "missing", 1, [
        r"\b(?:gone|went|go|goes|is|been|was|are|reported(?: her| him| them)?|report(?: her| him| them)) missing\b(?! (?:lessons|school|class|appointments|meetings|out|from (?:school|education|lessons|class)))",
        r"\bmissing (?:child|person|people|teen\w*|girl|boy|young person|\d+ ?year old|son|daughter|pupil|student|patient|resident|man|woman|adult|since|for|overnight|from (?:home|care|the (?:ward|unit|home)|(?:her|his|their) (?:home|placement|flat)))\b", r"^missing\b",
        r"\b(?:hasn't|has not|haven't|not|never|didn't|did not) (?:come|came|gone|got|returned|been|turned up|made it) (?:back|home|in|to school)\b(?! (?:to me|about|yet with|with the))",
        r"\b(?:hasn't|has not|haven't|not|no one has|nobody has|hasn't been) (?:been )?(?:seen|heard from)\b", r"\b(?:no one|nobody) (?:knows|has any idea) where\b|\bdon't know where (?:she|he|they) (?:is|are|went|has gone)\b|\bcan't find (?:her|him|them)\b",
        r"\b(?:ran|run|running|runs) away\b", r"\babsconded\b", r"\bawol\b", r"\bdisappeared\b", r"\bwandered off\b", r"\bwalked out (?:of|through)\b", r"\b(?:gone|went) off with\b",
        r"\bleft (?:the|her|his|their) (?:ward|unit|home|placement|flat|hostel|day centre|centre|care home|house) (?:\w+ ){0,3}(?:and|without)\b", r"\b(?:bed|room) (?:not|hasn't been) slept in\b",
        r"\b(?:abducted|kidnapped|snatched|taken from (?:the|school|nursery)|(?:has|have) taken (?:their|the|her|his|our) (?:son|daughter|kids|children|child|baby|boy|girl) from)\b",
    ]),
    # unable to go home, in danger where they live
    ("unsafe", "cant-go-home", 1, [
        r"\b(?:can't|cannot|can not|won't|will not|isn't|is not|not|refus\w+ to|afraid to|scared to|frightened to|terrified to|too scared to|doesn't want to|don't want to|daren't|dare not) (?:go|going|goes|get|be|return|returning|stay|staying|sleep|sleeping) (?:back )?(?:home|back(?: there| home| to (?:him|her|them|that house|the house|the flat|dad|mum|his|her))?|there)\b(?! (?:until|till|yet|because (?:of )?(?:the|her|his) (?:visa|care|package|flat is|house is|boiler|repairs|lift|stairs)))",
        r"\bdon't make me go (?:home|back)\b", r"\b(?:has|have|having) to go back (?:there|home|to (?:him|her|them))\b", r"\bsleeping (?:in (?:her|his|the) car|rough|on the street)\b",
        r"\bnowhere (?:to|else to) (?:go|stay|sleep|live)\b", r"\b(?:she|he|they|child|kids|children|family|her|him|them|mum|woman|girl|boy|baby|i)(?:'s| is| are|'re|'m| feels?| doesn't feel| isn't| aren't| won't be| will not be| don't feel) (?:not )?safe (?:at home|to go home|there|with (?:him|her|them)|tonight|any ?more)\b",
        r"\bnot safe (?:at home|to go home|tonight|with (?:him|her|them)|there)\b", r"\bunsafe (?:at home|to go home|tonight|with)\b", r"\bin danger\b", r"\bnot safe\b(?! to (?:share|send|email|post|use|store|leave (?:files|papers)))",
        r"\b(?:at|in) (?:immediate|serious|real|grave|significant) (?:risk|danger)\b",
        rf"\b(?:at|in) (?:\w+ )?(?:risk|danger)(?: of (?:\w+ ){{0,2}}?harm)? (?:tonight|today|right now|{NOW}|this evening|this afternoon|at the moment|as we speak)\b", r"\brisk to (?:life|her life|his life|their life|the baby)\b", r"\b(?:immediate|imminent) (?:risk|danger|threat|harm)\b", r"\blife (?:is )?at risk\b",
        r"\blocked (?:herself|himself|themselves) in\b", r"\bhiding (?:in|from)\b", r"\bbarricaded\b", r"\b(?:banging|hammering|kicking|pounding) (?:on|at|in) (?:the|her|his|their) (?:door|windows?)\b",
        r"\b(?:flee|fleeing|escape|escaping|get out|leave|run|go) (?:\w+ ){0,4}before (?:he|she|they|dad|mum|her \w+|his \w+) (?:gets|comes) (?:home|back|in)\b",
        r"\bpack(?:ing)? a bag\b", r"\b(?:won't|will not|doesn't|isn't|not) let(?:ting)? (?:her|him|them|me) (?:leave|out|go)\b", r"\bheld (?:her|him|them) (?:hostage|captive)\b",
        r"\b(?:texted|text|messaged|message|said|says|saying|screamed|screaming|shouted|shouting|whispered|begging|begged|sent|rang|called) (?:me |us |her |him )?(?:\w+ ){0,2}?['\"]?(?:please |pls |plz )?(?:help|come|save me|get me out)\b",
        r"\b(?:broke|broken|breaking|breached?|breaching|ignoring) (?:his |her |the |a |their )?(?:non-molestation|restraining|court|bail|protection|occupation|injunction) (?:order|conditions)\b",
        r"\b(?:non-molestation|restraining|occupation|protection|exclusion) order (?:against|on) (?:him|her|them)\b", r"\bbanned from (?:the|her|his|their) (?:house|home|flat|property|school|area)\b", r"\binjunction against\b",
        r"\b(?:following|stalking|watching) (?:her|him|them)\b", r"\bfound (?:out )?(?:her|the|their) (?:new )?(?:address|refuge|location)\b", r"\b(?:checks|tracking|tracks|monitors) (?:her|his) (?:phone|location)\b",
        r"\b(?:chok\w+|strangl\w+|throttl\w+|smother\w*)\b", r"\bhands? (?:round|around) (?:her|his) (?:neck|throat)\b",
        r"\b(?:he|she|they|dad|mum|partner|husband|boyfriend|father|stepdad|ex) (?:is|'s|are|was|gets) (?:\w+ )?violent\b", r"\bviolent (?:partner|husband|boyfriend|dad|father|ex|man|son|stepdad)\b", r"\bdad violent\b",
        r"\b(?:drunk|drinking) and (?:violent|aggressive|smashing|kicking off)\b", r"\bsmashing (?:the|up|things)\b",
    ]),
    ("fear", "afraid-of-someone", 1, [
        rf"\b(?:scared|terrified|frightened|petrified|afraid|fearful|in fear|fears?)(?:\s+(?:for (?:her|his|their|my) (?:life|lives|safety|kids|children|baby)|of (?:him|her|them|his|what (?:he|she|they)|going (?:home|back)|being (?:hurt|killed|taken|sent))|to (?:go|leave|return|be|tell|sleep)|(?:that )?{SUBJ}(?:'ll| will| is going to|'s going to| might| may| would|'d| won't| isn't)(?: \w+){{0,3}}? (?:{HARD_VIOLENCE}|{SOFT_VIOLENCE}|take|find|come|be coming back|come back|know|hurt|do something))|\s*(?:[.,;!?\"']|$|and (?:crying|shaking)))",
        r"\bscared (?:she|he|they) (?:won't|will not) (?:be coming|come|get) back\b", r"\bin fear of (?:her|his|their) li(?:fe|ves)\b",
    ]),
    # injuries seen now
    ("injury", "injury", 1, [
        r"\b(?:bruis\w+|black eye|black eyes|fractures?|fractured|spiral fracture|broken (?:arm|leg|ribs?|wrist|nose|jaw)|burns? (?:on|to|marks)|burn marks|cigarette burns|scald\w*|welts?|bite marks?|stab wound|stab wounds|head injury|facial injuries|injuries|bleeding|bloody|swollen)\b",
        r"\bhit (?:her|him|them|me) with\b", r"\bmarks (?:on|around) (?:her|his|their) \w+", r"\b(?:strap|belt|stick|cable|wire) marks\b",
        r"\block(?:s|ed|ing)? (?:her|him|them) (?:in|out)\b", r"\btied (?:her|him|them) up\b",
    ]),
    # forced marriage, FGM and being taken abroad
    ("abroad", "marriage-or-cutting", 1, [
        r"\bforced (?:marriage|to marry|into marriage|into marrying)\b", r"\b(?:making|make|force|forcing|forced|pressur\w+|marry) (?:me|her|him|them) (?:to )?(?:marry|get married|off)\b",
        r"\b(?:marry|married|marrying|marriage|wedding|engagement|engaged|nikah|husband (?:lined up|picked|chosen)|bride|betrothed|arranged (?:a |her |his )?(?:marriage|wedding|husband|wife))\b(?! (?:certificate|anniversary|photos?|venue|plans))",
        r"\bmeet (?:her|his) (?:future )?(?:husband|wife|fianc\w+)\b",
        r"\bfgm\b", r"\bfemale genital\b", r"\bcircumcis\w+\b", r"\bbecome a woman\b", r"\bmade a woman\b", r"\b(?:be|get|being|getting) cut\b", r"\bcutting (?:ceremony|season)\b", r"\bcutter\b", r"\bsunna\b",
        r"\bbreast ironing\b", r"\bvirginity test\w*\b", r"\b(?:honour|honor)[- ]based\b", r"\b(?:shame|dishonour\w*|dishonor\w*|shamed) (?:on )?(?:the|her|his|their) family\b", r"\bfamily will deal with\b",
    ]),
    ("abroad", "taken-abroad", 1, [
        r"\b(?:taking|take|taken|sending|send|sent|flying|fly|flies|ship|shipping|getting) (?:her|him|them|the kids|the children|the girls?|the boys?) (?:back )?(?:abroad|overseas|back home|out of the country|on a plane|to (?:[a-z]+ ){0,1}(?:pakistan|bangladesh|india|somalia|nigeria|sudan|egypt|iraq|iran|yemen|afghanistan|eritrea|ethiopia|kenya|gambia|sierra leone|guinea|mali|syria|turkey|morocco|libya|poland|romania|albania|the middle east|africa|the family's village|the village|the country))\b",
        r"\b(?:one-way|one way) (?:ticket|flight)\b", r"\bnot (?:come|coming) back\b", r"\bwon't (?:be )?(?:come|coming) back\b", r"\b(?:took|taken|has|hidden|hid|put|got|holding) (?:her|his|their|the kids'|the children's|all the)? ?passports?\b",
        r"\bheading (?:to|for) the airport\b", r"\bon a plane\b", r"\bflights? (?:to|booked)\b", r"\bbooked (?:flights|tickets)\b",
    ]),
    # a dangerous person released, moving in or back
    ("release", "dangerous-person-free", 1, [
        r"\b(?:released|being released|be released|getting out|gets out|get out|coming out|comes out|come out|leaving|leaves|out|home) (?:of |from )?(?:prison|jail|custody|hmp \w+|hmyoi \w+|the secure unit|the cells|on licence|on bail|on parole|on tag)\b",
        r"\b(?:is|he's|she's|they're|being|be|due to be|about to be|going to be|will be|was|been|gets|get|getting) released\b(?! (?:from (?:hospital|the ward|care)|under investigation|no further))",
        r"\brelease date\b", r"\b(?:bailed|granted (?:bail|parole)|parole board)\b",
        r"\b(?:moving|moved|move|coming) (?:back )?(?:in(?:to)?|home) (?:with )?(?:the family home|her house|the house|the flat|next door|with (?:her|them|the kids|the family)|this|on|tomorrow|next)\b",
        r"\b(?:sex offender|registered sex offender|rso|mappa|schedule 1 offender|violent offender|perpetrator)\b(?= .{0,80}\b(?:moving|living|staying|lodging|released|out|next door|with (?:her|the|them)|in the house|back)\b)",
    ]),
    # exploitation and grooming happening now
    ("exploitation", "grooming-or-lines", 1, [
        r"\b(?:with|by|to|from|and|meet\w*|into a car with|into cars with) (?:some |an |a |two |three |these |the |several )?older (?:men|man|lads|boys|guys|males)\b", r"\bgrown (?:man|men)\b", r"\b(?:a|an) (?:\d\d)[- ]?year[- ]old (?:man|bloke|guy|male|boyfriend)\b",
        r"\bmeet(?:ing)? (?:up with )?(?:a |an |this |some )?(?:man|men|guy|bloke|stranger|adult|\d\d[- ]year[- ]old)\b", r"\b(?:hotel|trap house|cuckoo\w*|county lines|party flat|crack house|going country|drug debt|plugg\w+)\b",
        r"\b(?:package|parcel|bag|drugs|gear|money) to (?:carry|deliver|drop|take|hold|stash)\b", r"\bdo some work\b", r"\bin debt to\b", r"\bowes? (?:them|him|dealers|the dealers)\b",
        r"\bkeep (?:it|this) (?:a )?secret\b", r"\bget(?:ting)? (?:in|into) (?:cars|a car) with\b", r"\b(?:drugged|spiked)\b", r"\b(?:is|was|'s|were|looked|looks|seemed|seems|getting|got|being|gets) (?:very |really |so )?(?:high|off (?:her|his|their) face|out of it)\b",
        r"\bgive (?:her|him|them) (?:drugs|alcohol|vodka|weed|money|gifts)\b", r"\b(?:groomed|grooming|sexting|sextortion|trafficked|being trafficked|pimp\w*|sold for sex|sexually exploited)\b",
        r"\b(?:boyfriend|girlfriend)\W+(?:[\w']+\W+){0,2}(?:who is|who's|aged|is|he's|she's) (?:\d\d|in (?:his|her) (?:twenties|thirties|forties))\b", r"\bhas to do (?:whatever|what) (?:they|he|she) (?:say|says|tell|tells)\b",
        r"\b(?:new|expensive) (?:phone|trainers|clothes|gifts) (?:from|off|bought by) (?:a|an|some|this) (?:older )?(?:man|guy|bloke)\b",
    ]),
    # medical and environmental emergencies, someone unable to keep safe
    ("medical", "emergency", 1, [
        r"\b(?:drunk|high|intoxicated|stoned|off (?:her|his) face|slurring|under the influence|had a seizure|seizure|fitting|collapsed|passed out|hypo\w*)\b(?= .{0,80}\b(?:driv\w+|car|wheel|collect|pick(?:ing)? up|look(?:ing)? after|alone with|in charge of)\b)",
        r"\b(?:driv\w+|car|wheel|collect\w*|pick(?:ing)? up|look(?:ing)? after|in charge of)\b(?= .{0,80}\b(?:drunk|high|intoxicated|stoned|slurring|under the influence|seizure)\b)",
        r"\b(?:minus \w+|below (?:zero|freezing)|freezing|sub-zero|hypotherm\w+|heatstroke)\b", r"\bgas (?:rings? |hob )?(?:on|left on|leak)\b", r"\bno (?:food|heating|heat|water|electricity)\b",
        r"\b(?:home alone|alone (?:at home|in the house|with (?:her|him|the baby|a baby))|left alone|on (?:their|his|her) own at home)\b", r"\bno one to (?:feed|look after|care for|check on)\b", r"\bbed-?bound\b",
        r"\bscreaming for hours\b", r"\bpost piling up\b", r"\bcurtains (?:closed|drawn)\b", r"\bnot (?:eaten|eating|drinking)\b", r"\bvery confused\b", r"\b(?:lying|fallen) on the floor\b", r"\bcan't get up\b",
        r"\bhears? voices\b", r"\bvoices (?:telling|tell) (?:her|him|them)\b", r"\bpsychotic\b", r"\bparanoi\w+\b", r"\bstopped taking (?:his|her|their) (?:meds|medication|tablets|insulin)\b",
        r"\b(?:hasn't|not|hasn't been) (?:had|taking|given) (?:his|her|their) (?:insulin|medication|meds)\b",
        r"\b(?:baby|child|toddler|newborn|infant|son|daughter) (?:is )?(?:evil|possessed|the devil)\b", r"\bget rid of (?:the baby|him|her)\b", r"\bcan't (?:breathe|breath)\b",
    ]),
]



# --- amplifiers over the whole text: (kind, families they strengthen or None for all, patterns)

_AMPLIFIERS = [
    ("time", None, [rf"\b{TIME}\b"]),
    ("no-contact", None, [
        r"\b(?:isn't|is not|not|hasn't been|haven't been|aren't|stopped|won't|wont) (?:answering|picking up|replying|responding)\b(?! (?:my|our|the) (?:emails?|letters?|queries|questions))",
        r"\b(?:hasn't|has not|haven't|not) (?:answered|replied|responded|picked up|been in touch)\b(?! (?:my|our|the) (?:emails?|letters?|queries))",
        r"\bphone(?:'s| is| has been| was)? (?:off|dead|switched off|turned off|going (?:straight )?to voicemail|goes (?:straight )?to voicemail)\b(?! (?:in class|during|per policy))",
        r"\bcan't (?:get hold of|reach|contact|find) (?:her|him|them)\b", r"\bno answer\b", r"\b(?:call|line) (?:dropped|cut off|went dead)\b", r"\b(?:hung up|rang off|cut off)\b",
        r"\blast seen\b", r"\bnot been seen\b", r"\bhasn't been seen\b", r"\bno one has seen\b",
    ]),
    ("presence", None, [
        r"\b(?:he|she|they|dad|mum|father|mother|partner|husband|boyfriend|ex|son)(?:'s| is|'re| are) (?:outside|downstairs|in reception|in the (?:waiting room|car park|playground|corridor|car|building)|at the (?:door|gate|school|house|front desk|reception))\b",
        r"\b(?:is|'s|are|'re) (?:still )?(?:outside|downstairs|in reception|in the (?:waiting room|car park|playground|corridor)|at the (?:door|gate|front desk))\b",
        r"\b(?:waiting|sat|sitting|parked|standing) (?:outside|in (?:the|his|her) (?:car|waiting room|car park|van)|at the (?:gate|door|school))\b",
        r"\b(?:on (?:his|her|their) way|heading (?:round|over|to (?:her|his|their|the)))\b", r"\bturned up\b", r"\bstill (?:in|at) the (?:property|house|flat|home|waiting room|building)\b",
        r"\b(?:taking|take|collect\w*|pick\w* up) (?:her|him|them|the kids|the children|the baby|his \w+|her \w+) (?:home )?(?:now|today|tonight|later|after)\b",
        r"\b(?:is |'s )?(?:taking|take) (?:her|him|them) home\b", r"\btrying to (?:take|collect|leave|put)\b", r"\bat home with (?:him|her|them|dad|mum)\b", r"\bhe's back\b",
        r"\b(?:he|she|they)(?:'s| is| are|'re) (?:still )?here\b", r"\bin the (?:room|house) with (?:her|him|them)\b",
    ]),
    ("vulnerable", {"missing", "medical", "exploitation", "unsafe"}, [
        r"\b(?:baby|babies|newborn|infant|toddler|\d+ ?(?:month|week)s? old|[1-9] year old|1[0-7] year old|under 18|young person|child|children|kids?|minor|teenager|teen)\b",
        r"\b(?:dementia|learning disabilit\w+|learning difficult\w+|autis\w+|vulnerable|frail|elderly|older (?:woman|man|lady|gentleman|person)|pregnant|diabet\w+|epilep\w+|ptsd|psychosis|schizophreni\w+|bipolar|depress\w+|care leaver|care-experienced|in care|looked after|history of (?:overdoses?|self-harm|suicide attempts?))\b",
    ]),
    ("unaware", {"release"}, [
        r"\b(?:she|he|they|the victim|mum|her family|the family)(?: still)? (?:doesn't|does not|don't|do not|hasn't|has not|haven't|have not) (?:know|been told|been informed|been warned|realise)\b",
        r"\bwithout (?:her|him|them|the victim) knowing\b", r"\b(?:no one|nobody) has told (?:her|him|them)\b", r"\bunaware\b",
    ]),
    ("distress", None, [r"\b(?:shaking|trembling|hysterical|panicking|in a state|sobbing|screaming|terrified|frantic|desperate)\b"]),
    ("danger-history", {"release", "unsafe", "fear", "violence", "missing", "abroad", "injury", "exploitation"}, [
        r"\b(?:convicted of|served time for|jailed for|sentenced for|prison for|inside for) (?:\w+ ){0,3}(?:murder|manslaughter|rape|sexual|assault|gbh|abh|stabbing|attempted|trying to kill|violence|arson|kidnap|domestic|child)\w*",
        r"\b(?:sex offender|rso|mappa|high-risk|high risk|violent|dangerous|abuser|perpetrator|stabbed|raped|tried to kill|history of (?:violence|domestic abuse|abuse))\b",
    ]),
]


# --- negators ---------------------------------------------------------------------------------

# The past: silences harm cues in the same sentence unless it also speaks of now.
_PAST = [
    r"\b(?:\d+|many|several|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|a few|a couple of|some) (?:years|decades|months) (?:ago|back|earlier)\b",
    r"\byears ago\b", r"\bdecades? ago\b", r"\blong ago\b", r"\bmonths ago\b", r"\ba (?:long )?while (?:ago|back)\b", r"\bhistoric\w*\b", r"\bnon-recent\b", r"\bin the past\b", r"\bpreviously\b",
    r"\b(?:in|from|since|during|back in) (?:the )?(?:19\d\d|20[0-2]\d)s?\b", r"\bin the (?:'?\d0s|sixties|seventies|eighties|nineties)\b",
    r"\b(?:last|previous|past) (?:year|month|term|summer|spring|autumn|winter|christmas|relationship|partner|marriage|placement|school)\b", r"\ba (?:year|month) ago\b",
    r"\bover the (?:last|past) (?:year|few years|months|decade)\b", r"\bwhen (?:she|he|they|i) (?:was|were) (?:a child|a kid|little|young|younger|at school|a teenager|in (?:her|his|their) (?:teens|twenties|thirties))\b",
    r"\bas a (?:child|kid|teenager)\b", r"\bin (?:her|his|their) (?:childhood|youth|twenties|teens)\b", r"\bchildhood\b",
    r"\bfound (?:safe|and well|well|unharmed)\b", r"\breturned (?:safe|home safe|safely|unharmed)\b", r"\b(?:has|have|had) (?:since )?(?:recovered|been discharged|settled|moved on)\b",
    r"\b(?:dealt with|resolved|concluded|case closed|ended in|ended years|long since)\b",
    r"\b(?:was|were|has been|have been|got|been) (?:arrested|charged|convicted|sentenced|remanded|jailed|banned from|dealt with|cautioned)\b", r"\bon remand\b", r"\b(?:police|they) arrested\b",
    r"\b(?:is|she's|he's|they're|are) (?:safe|well|fine|doing well|doing fine|settled|recovering) now\b", r"\bdoing (?:well|fine|great)\b", r"\ball fine now\b",
    r"\bwell (?:ever )?since\b", r"\bno trouble\b", r"\b(?:is|are) safe\b(?! for now)", r"\bsafe in (?:foster care|placement|hospital|a refuge)\b", r"\bin foster care\b",
    r"\bdied\b", r"\bpassed away\b", r"\b(?:who|that) (?:was|were) (?:killed|murdered|stabbed)\b", r"\bused to\b",
    r"\b(?:from time to time|on and off|every now and then|for (?:years|months|a long time)|long-standing|longstanding|chronic)\b",
]

# ...unless the sentence also says it is happening now.
_CURRENT = [
    rf"\b(?:{NOW}|right now|tonight|today|this (?:morning|afternoon|evening|week|weekend)|currently|at the moment|still|again|just|tomorrow|is (?:coming|going|taking|being)|about to|on (?:his|her|their) way|out next|released next)\b",
]

# Framing that makes the whole question about risk in general, not a risk now.
_STRONG_FRAMES = [
    ("hypothetical", [r"\bhypothetical\w*\b", r"\bin theory\b", r"\btheoretical\w*\b", r"\bimagine (?:a|if|that)\b", r"\bfor (?:the sake of )?argument\b", r"\bmade[- ]up (?:example|case|scenario)\b"]),
    ("training", [r"\b(?:for|our|my|writing|designing|running|delivering|planning|updating|creating|preparing|developing|in) (?:a |an |the |our |some |my )?(?:training|induction|e-learning|elearning|safeguarding training|staff training|inset) (?:session|day|pack|slides?|materials?|module|course|exercise|scenario|programme|event|workshop|video|resource|quiz|presentation)s?\b",
                  r"\b(?:training|induction|e-learning) (?:session|day|pack|slides?|materials?|module|course|workshop|presentation)s? (?:on|about|for staff|for volunteers|for new|covering)\b",
                  r"\bfor (?:a|an|our|the|my|some)? ?(?:training|induction|teaching|lecture|presentation|workshop|seminar|webinar|course|module|slide|quiz|exam|dissertation|essay|assignment|thesis|research|article|blog|podcast|policy|procedure|guidance|flowchart|leaflet|poster|newsletter|toolkit|handbook|annual report|report for|funder|case study|board paper|audit)\b",
                  r"\b(?:tabletop|table-top|desktop|training) exercise\b", r"\brole[- ]?play\w*\b", r"\bcase stud(?:y|ies)\b", r"\bquiz\b", r"\bdissertation\b", r"\bscenarios?\b", r"\bessay\b", r"\bvignettes?\b",
                  r"\bmock (?:case|scenario|exercise|referral)\b", r"\bexam question\b", r"\bmodel answer\b", r"\bcorrect answer\b", r"\bright answer\b", r"\basking for (?:our|a|the) (?:policy|procedure|guidance)\b"]),
    ("in-general", [r"\bin general\b", r"\bgenerally speaking\b", r"\bas a (?:general )?rule\b", r"\bin principle\b", r"\bthe principle\b", r"\bis it ever\b", r"\bwould it ever\b",
                    r"\bwhen is (?:it|a|an|someone|somebody)\b", r"\bat what point\b", r"\bwhat (?:is|'s) the threshold\b", r"\bhow (?:quickly|soon|fast) should\b",
                    r"\bwhat does (?:\w+ ){1,4}say about\b", r"\bexplain the difference\b", r"\bwhat(?:'s| is) the difference\b", r"\bin (?:a|any) (?:hypothetical|future) case\b"]),
]

# Weaker framing: statistics, strategy, documents, things already dealt with and generic conditionals
# count one point against.
_WEAK_FRAMES = [
    ("statistics-or-policy", [r"\b(?:statistics|stats|figures|numbers|data on|dataset|aggregated|anonymi[sz]ed|publish\w*|trends?|rates|how many)\b",
                              r"\b(?:strategy|strategies|policy|policies|protocol|framework|agreement|dsa|isa|dpia|guidance|procedures?|template|audit|inquiry|coroner|inquest|journalist|press|media)\b"]),
    ("already-handled", [r"\balready (?:been )?(?:referred|reported|dealt with|known to|involved|shared|told|investigated|arrested|in (?:care|hospital|custody))\b", r"\b(?:is|are|was) (?:now )?(?:safe|in hospital|in custody|in a refuge)\b(?! for now)",
                         r"\bfound (?:safe|well)\b", r"\bno (?:ongoing )?concerns\b", r"\bno contact\b", r"\bclosed case\b", r"\bplacement is safe\b"]),
    ("generic-conditional", [r"\b(?:if|when|where|whenever) (?:a|an|someone|somebody|anyone|a young person|a child|a pupil|a patient|a client|a service user|a tenant|a parent|staff|we|you) (?:tells?|told|says?|said|discloses?|disclosed|has|have|had|is|are|were|was|goes|went|threatens?|makes?|shows?)\b",
                             r"\bwhat (?:if|would|should) (?:we|you|i|staff|a|an|someone)\b", r"\bwhat happens (?:if|when)\b", r"\bshould (?:we|staff|practitioners|schools) (?:always|ever)\b"]),
]


# --- the index every question is run through ----------------------------------------------------

def _entries():
    for family, name, weight, patterns in _HARM:
        cue = Cue("harm", family, name, weight)
        yield from ((cue, p) for p in patterns)
    for kind, families, patterns in _AMPLIFIERS:
        cue = Cue("amplifier", kind, applies_to=frozenset(families) if families else None)
        yield from ((cue, p) for p in patterns)
    yield from ((Cue("past", "past"), p) for p in _PAST)
    yield from ((Cue("current", "current"), p) for p in _CURRENT)
    for name, patterns in _STRONG_FRAMES:
        yield from ((Cue("strong-frame", name), p) for p in patterns)
    for name, patterns in _WEAK_FRAMES:
        yield from ((Cue("weak-frame", name), p) for p in patterns)


INDEX = GateIndex(list(_entries()))
