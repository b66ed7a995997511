"""Dates of birth: a date in figures or words, or a named day ("christmas day 2007"), only when
introduced by DOB / D.O.B. / date of birth / born (on) / b. / birthday."""

from __future__ import annotations

import re

from bot.privacy.kinds import DOB
from bot.privacy.scanning import matches_at

# Patterns use ASCII digits only: \d would also match digits of other scripts; the shadow copy
# (bot.privacy.folding) has already turned full-width digits into ASCII ones.

# Dates of birth: only when introduced by DOB / D.O.B. / date of birth / born (on) / b.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[\s-]?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth"
    r"|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)"
)
_CARDINAL_DAY = (
    r"(?:(?:twenty|thirty)[\s-]?(?:one|two|three|four|five|six|seven|eight|nine)|thirty|twenty|" + _TEENS
    + r"|" + _UNITS + r")"
)
# a day in figures ("4", "04", "4th") or words ("fourth", "twenty-first", "twelve")
_DAY = r"(?:(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?|" + _ORDINAL_WORD + r"|" + _CARDINAL_DAY + r")"
# "2012", "two thousand and twelve", "twenty twelve", "twenty-twelve", "nineteen ninety-eight"
_YEAR_WORDS = (
    r"(?:two[\s-]+thousand(?:(?:[\s-]+and)?[\s-]+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|"
    + _UNITS + r"))?"
    r"|twenty[\s-]+(?:" + _TEENS + r"|twenty(?:[\s-]" + _UNITS + r")?|oh[\s-]" + _UNITS + r")"
    r"|nineteen[\s-]+(?:hundred[\s-]+(?:and[\s-]+)?)?(?:" + _TENS + r"(?:[\s-]" + _UNITS + r")?|" + _TEENS
    + r"|oh[\s-]" + _UNITS + r"))"
)
# a year's last two digits in words, after a day and a month: "oh nine", "twelve", "ninety-eight"
_SHORT_YEAR_WORDS = r"(?:oh[\s-]" + _UNITS + r"|" + _TEENS + r"|" + _TENS + r"(?:[\s-]" + _UNITS + r")?)"
_YEAR = r"(?:(?:19|20)[0-9]{2}|" + _YEAR_WORDS + r"|" + _SHORT_YEAR_WORDS + r")"
# a month said as its number: "oh six", "six", "twelve" (in "fourteen oh six two thousand and nine")
_SPOKEN_MONTH = r"(?:oh[\s-]+" + _UNITS + r"|ten|eleven|twelve|" + _UNITS + r")"
# the year after a day and a month: "2012", "'12", ", 2012", "in 2012", "of 2012"
_YEAR_AFTER = r"(?:,?\s+(?:(?:in|of)\s+)?" + _YEAR + r"|,?\s+'[0-9]{2})"
_DAY_OF = r"(?:\s+(?:day\s+)?of)?\s+"  # "4th of May", "the 4th day of May"
# a feast or a named day: "christmas day", "valentine's day", "new year's eve", "bonfire night"
_NAMED_DAY = (
    r"(?:(?:christmas|xmas|boxing|valentine['\u2019]?s|new[ \t]+year['\u2019]?s|leap"
    r"|st\.?[ \t]+(?:patrick|david|andrew|george)['\u2019]?s)[ \t]+day"
    r"|(?:christmas|xmas|new[ \t]+year['\u2019]?s|hallowe['\u2019]?en)[ \t]+eve"
    r"|hallowe['\u2019]?en|bonfire[ \t]+night|guy[ \t]+fawkes[ \t]+night)"
)
_DATE = (
    r"(?:"
    + _NAMED_DAY + _YEAR_AFTER +
    r"|[0-9]{1,2} ?[/.\-] ?[0-9]{1,2} ?[/.\-] ?(?:[0-9]{4}|[0-9]{2})"
    r"|[0-9]{1,2} [0-9]{1,2} (?:(?:19|20)[0-9]{2}|[0-9]{2})"
    r"|[0-9]{1,2}[./\-](?:xii|xi|x|ix|viii|vii|vi|v|iv|iii|ii|i)[./\-](?:[0-9]{4}|[0-9]{2})"  # 03.ii.2015
    r"|(?:19|20)[0-9]{2}[-./](?:1[0-2]|0?[1-9])[-./](?:3[01]|[12][0-9]|0?[1-9])"
    r"|" + _DAY + r"[ \t,]+" + _SPOKEN_MONTH + r"[ \t,]+" + _YEAR_WORDS +  # dictated: the year in words
    r"|" + _DAY + r"[/.\- ]" + _MONTH + r"[/.\- ](?:" + _YEAR + r"|'?[0-9]{2})"
    r"|" + _DAY + _DAY_OF + _MONTH + r"(?:" + _YEAR_AFTER + r")?"
    r"|" + _MONTH + r"\s+(?:the\s+)?" + _DAY + r"(?:" + _YEAR_AFTER + r")?"
    r"|" + _MONTH + r",?\s+(?:of\s+)?" + _YEAR +
    r"|(?:3[01]|[12][0-9]|0[1-9])(?:1[0-2]|0[1-9])(?:19|20)[0-9]{2}"  # 09082007
    r"|(?:3[01]|[12][0-9]|0?[1-9]) ?/ ?(?:1[0-2]|0?[1-9])(?![/.\-]?[0-9])"  # 12/3, the year unknown
    r"|(?:1[0-2]|0?[1-9])/(?:19|20)[0-9]{2}"  # 03/2021, the day unknown
    r"|(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?[ \t]+of[ \t]+the[ \t]+(?:1[0-2]|0?[1-9])(?:st|nd|rd|th)"
    r"(?:,?[ \t]+(?:(?:19|20)[0-9]{2}|[0-9]{2}))?"  # "3rd of the 4th 2015"
    r")(?![0-9A-Za-z])"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tues?|weds?|thu(?:rs?)?|fri|sat|sun)\.?)"
# right after its label a named day is a date of birth without its year ("born on christmas day"); later
# in a list it says no more than the date before it ("25 12 2013 - christmas day baby")
_FIRST_DATE = r"(?:" + _DATE + r"|" + _NAMED_DAY + r"(?![0-9A-Za-z]))"
_DATE_RE = re.compile(_FIRST_DATE, re.IGNORECASE)
# what may stand between the label and the date: "is", "was", "being", "of", ":", "the", "on a Friday",
# "early", "mid-", "the end of"
_LINK = r"(?:[ \t]*(?:[:=\-\u2013\u2014(]|\bis\b|\bwas\b|\bbeing\b|\bof\b|\bas\b|'s\b))*[ \t]*"
_BEFORE_DATE = (
    r"(?:(?:in|on|at)[ \t]+)?(?:the[ \t]+)?(?:(?:a[ \t]+)?" + _WEEKDAY + r",?[ \t]+(?:the[ \t]+)?)?"
    r"(?:(?:early|mid|late|the[ \t]+(?:end|start|beginning|middle)[ \t]+of)[ \t\-]*)?"
)
# "born" then a few words, then "on" or "in": "born 3 weeks early on", "born in Leeds on"
_BORN_THEN = (
    r"born(?:[ \t]+(?!(?:and|but|or|so|then|while|when|because|due|is|was|will|has|had|and)\b)[\w']+){1,4}?"
    r"[ \t]+(?:on|in)[ \t]+"
)
# between two dates of birth: "and", "or", a comma; a word for whose ("8/4/95 mum, 19/11/18 child"),
# where it is written ("13-1-14 on EMIS and 14-1-13"), or the same date again ("03.ii.2015 - sorry,
# 03/02/2015", "10 10 10 - yes really, 10th of October 2010")
_AGAIN = (
    r"(?:[ \t]+(?:on[ \t]+)?[A-Za-z]{2,10})?[ \t]*(?:,|&|\band\b|\bor\b|[-\u2013\u2014])[ \t]*"
    r"(?:(?:yes|sorry|really|no|i[ \t]+mean|correction|or|rather|actually|typo)\b[ \t,:]*){0,3}(?:the[ \t]+)?"
)
# an age reached on a day, in figures or words: "turned 16 on", "turns eighteen on", "will be
# twenty-one on", "she'll be 18 on", "became sixteen years old on"
_AGE = r"(?:[0-9]{1,2}|" + _TENS + r"(?:[\s-]" + _UNITS + r")?|" + _TEENS + r"|" + _UNITS + r")"
_AGE_EVENT = (
    r"(?:turned|turns|turning|turn|(?<!there[ \t])will[ \t]+be|(?:i|you|he|she|we|they)'ll[ \t]+be"
    r"|becomes|became|become|reaches|reached)[ \t]+"
    + _AGE + r"(?:[ \t]*(?:years?[ \t-]+old|yrs?(?:[ \t]+old)?|yo))?[ \t]+on[ \t]+"
)
_AGE_EVENT_KEYWORDS = ("turn", "will", "i'l", "you'", "he'", "she'", "we'", "they'", "becom", "became", "reach")
_DOB = re.compile(
    r"(?<![A-Za-z])"
    r"(?:(?:d[./]?\s?o[./]?\s?b(?![a-z])\.?|date[ \t-]+of[ \t-]+birth|birth[ \t-]?date|born(?:\s+on)?|b\."
    r"|birthday|b'?day|b-day)"
    + _LINK + r"|" + _BORN_THEN + r"|" + _AGE_EVENT + r")"
    + _BEFORE_DATE +
    r"(?P<dates>" + _FIRST_DATE + r"(?:" + _AGAIN + _DATE + r")*)",
    re.IGNORECASE,
)

# after "DOB" or "date of birth" (not "born", where a number in words may be an age), a date said as numbers,
# the year in two digits or figures and words mixed: "DOB fourteen oh six oh nine", "DOB 14 oh six 2009"
_SAID_AS_NUMBERS = (
    r"(?:" + _DAY + r")[ \t,]+(?:1[0-2]|0?[1-9]|" + _SPOKEN_MONTH + r")[ \t,]+"
    r"(?:(?:19|20)[0-9]{2}|[0-9]{2}|" + _YEAR_WORDS + r"|" + _SHORT_YEAR_WORDS + r")"
)
_DOB_SAID_AS_NUMBERS = re.compile(
    r"(?<![A-Za-z])(?:d[./]?\s?o[./]?\s?b(?![a-z])\.?|date[ \t-]+of[ \t-]+birth|birth[ \t-]?date)" + _LINK
    + r"(?P<date>" + _SAID_AS_NUMBERS + r")(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_DOB_LABEL_KEYWORDS = ("dob", "d.o", "d o", "d. o", "do.", "do b", "d/o", "date", "birth")

# the first letters of every label of _DOB, to find where one may start
_DOB_KEYWORDS = ("dob", "d.o", "d o", "d. o", "do.", "do b", "d/o", "date", "born", "b.", "birth", "bday", "b'day",
                 "b-day", *_AGE_EVENT_KEYWORDS)
# a year alone right after the label, with no "in": "born 1962", "b. 1987", "(dob 1990)"; not
# "born in 2015", which says how old a child is
_YEAR_OF_BIRTH = re.compile(
    r"(?i)(?<![A-Za-z])(?:born|b\.|dob|d\.o\.b\.?|(?:date|year)[ \t]+of[ \t]+birth|yob)"
    r"(?:[ \t]+(?:given|recorded|listed|put|down)(?:[ \t]+as)?)?"  # "date of birth given as 2004"
    r"[ \t]*[:\-]?[ \t]*(?P<year>(?:19|20)[0-9]{2})(?![0-9/.\-])"
    r"|(?<![A-Za-z])born[ \t]+in[ \t]+(?P<in_year>(?:19|20)[0-9]{2})(?=[ \t]+on[ \t])"  # "born in 2010 on the 3rd"
)
# a birthday given as a day alone: "bday 23rd", "her birthday is the 4th"
_BIRTHDAY_DAY = re.compile(
    r"(?i)(?<![A-Za-z])(?:birthday|b'?day|b-day)[ \t]*(?:is|was|:|-|'s)?[ \t]*(?:the[ \t]+|on[ \t]+the[ \t]+)?"
    r"(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th))(?![\w/.\-])"
)
# a day alone after an age event: "turning seventeen on the 9th"
_AGE_EVENT_DAY = re.compile(
    r"(?i)(?<![A-Za-z])" + _AGE_EVENT + r"(?:the[ \t]+)?(?P<day>(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)|"
    + _ORDINAL_WORD + r")(?=[ \t]*(?:[,.;:!?)\-]|$|(?:and|but|so|when|which|too)\b))"
)
# a date, then that it is someone's date of birth: "Tuesday 4th March 2014 is his DOB"
_THEN_DOB = re.compile(r"(?i)(?:dob|d\.o\.b\b\.?|date[ \t]+of[ \t]+birth|birthday|b'?day)\b")
_IS_WHOSE = re.compile(r"(?i)[ \t]+(?:is|was)[ \t]+(?:his|her|their|the|my|your|[a-z]+'s)[ \t]+$")
_DATE_AT_END = re.compile(r"(?:" + _DATE + r")$", re.IGNORECASE)


def dates_of_birth(text: str):
    for m in matches_at(_DOB, text, _DOB_KEYWORDS):
        start = m.start("dates")
        chunk = m.group("dates")
        for d in _DATE_RE.finditer(chunk):
            yield start + d.start(), start + d.end(), DOB
    for m in matches_at(_DOB_SAID_AS_NUMBERS, text, _DOB_LABEL_KEYWORDS):
        yield m.start("date"), m.end("date"), DOB
    for m in matches_at(_YEAR_OF_BIRTH, text, ("born", "b.", "dob", "d.o", "date", "year", "yob")):
        group = "year" if m.group("year") else "in_year"
        yield m.start(group), m.end(group), DOB
    for m in matches_at(_BIRTHDAY_DAY, text, ("birthday", "bday", "b'day", "b-day")):
        yield m.start("day"), m.end("day"), DOB
    for m in matches_at(_AGE_EVENT_DAY, text, _AGE_EVENT_KEYWORDS):
        yield m.start("day"), m.end("day"), DOB
    for label in matches_at(_THEN_DOB, text, ("dob", "d.o", "date", "birthday", "bday", "b'day")):
        m = _IS_WHOSE.search(text, max(0, label.start() - 30), label.start())
        if not m:
            continue
        end = m.start()
        for start in range(max(0, end - 40), end):
            if (start == 0 or not text[start - 1].isalnum()) and text[start].isalnum():
                d = _DATE_AT_END.match(text, start, end)
                if d:
                    yield d.start(), d.end(), DOB
                    break


