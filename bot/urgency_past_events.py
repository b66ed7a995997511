"""A question about a record of a violent event, or about an event that is over, with nothing that says the
danger continues: not an act-now risk, whatever the model reads in its violence word (review s11 users #6).

"Our CCTV caught a fight outside the centre, can we give the footage to the police?", "Can I give the police
footage of a fight?", "a stabbing on the estate was filmed", "there was a fight at the youth club on Friday":
the harm named is an event (a fight, an assault, a punch), told as what a record holds (footage, a recording,
a statement, an incident report, a court case) or as something that happened ("was stabbed", "there was a
fight"). Such a question is about evidence, not about someone at risk now, unless something else says the
danger goes on. Every one of these keeps a question urgent (the model decides, as before):

- a word of time now other than a bare place or day ("tonight", "right now", "today", "still", "just"), or of
  things happening again or coming ("again", "keeps", "turned up", "coming", "going back", "an hour ago"), or
  an event that may not be over ("has been stabbed"), or help on its way ("999", "ambulance");
- someone there or doing something now ("he's outside her flat", "they're saying", "she lives with him"), or
  someone's future ("he'll", "they're going to");
- a harm that is not a bare event: intent and threats ("threatened", "revenge", "finish it"), weapons ("with a
  knife", unless someone "had" one), killing, and every other class of harm (fear, self-harm, missing, abuse
  and injuries, forced marriage and release, being unwell).

The lists lean towards "continues": a word in them that means nothing here leaves the question to the model.
"""

from __future__ import annotations

import re

# What holds a record of an event, or carries it to a court or an insurer.
_RECORD = re.compile(
    r"\b(?:footage|cctv|cameras?|camcorder|videos?|recordings?|recorded|film|filmed|filming|clips?|livestream\w*|"
    r"bodycams?|body-?worn|body cams?|dashcams?|doorbell|caught on|statements?|evidence|"
    r"incident (?:reports?|forms?|logs?)|crime (?:numbers?|reports?|reference)|investigat\w*|court|trial|hearing|"
    r"cps|prosecut\w*|procurator fiscal|coroner|inquest|solicitors?|lawyers?|insurers?|insurance)\b")
_EVENT_VERB = (r"(?:stabbed|punched|assaulted|attacked|beaten(?: up)?|hit|kicked|shot|slapped|battered|mugged|robbed|"
               r"glassed|headbutted|thumped|jumped)")
_EVENT_NOUN = r"(?:fights?|assaults?|stabbings?|attacks?|brawls?|shootings?|punch-ups?|scuffles?|altercations?|scraps?)"
# An event told as over: "was stabbed", "got beaten up", "there was a fight" (not "has been stabbed": that may
# be happening still).
_PAST_EVENT = re.compile(
    rf"\b(?:(?:was|were|got) (?:\w+ )?{_EVENT_VERB}|there (?:was|were|had been) (?:an? )?(?:\w+ )?{_EVENT_NOUN})\b")

# Violence words that name an event; every other violence word (threats, weapons, killing) keeps the question urgent.
_EVENT_WORD = re.compile(
    r"(?:hurt|harm|hit|beat|batter|punch|kick|slap|stab|shoot|shot|strangl|chok|smother|throttl|violen|attack|assault|"
    r"fight|smash|shout|scream|aggress|rage|angry)\w*")
_HAD_WEAPON = re.compile(r"\bhad (?:an? |his |her |their )?(?:knife|knives|blade|machete|gun|weapon|bat|hammer)")
# "a still from the CCTV" is a picture, not "still there"; "release the footage" is not a prisoner's release.
_STILL_PICTURE = re.compile(r"\b(?:an?|the|some) stills?\b|\bstills\b")
_RELEASE_OF_RECORD = re.compile(r"\breleas\w* (?:it|them|this|that|these|those|the|our|a copy|copies)\b")

# Words of time now that say nothing of a danger going on: a place ("outside the centre"), a day ("on Friday
# night"), a span ("within 24 hours"), the future of a form ("will the police need").
_WEAK_NOW = re.compile(
    r"outside|here|since|waiting|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|hours?|minutes?|"
    r"mins|will|'ll|is (?:in|at) (?:the|my|our)|in (?:my|the) (?:office|car|room|waiting room|reception|car park)")
_PERSON = r"(?:he|she|they|someone|somebody|i|we|you)"
_SOMEONE = (r"(?:who|gang|lads|boys|girls|men|man|woman|people|attacker|ex|partner|dad|father|mum|mother|brother|"
            r"sister|husband|wife|boyfriend|girlfriend|son|daughter|client|resident|patient|pupil|student)")
_CONTINUES = re.compile("|".join([
    r"\b(?:again|keeps|(?:keep|kept) (?:on|\w+ing)|turn(?:s|ed|ing)? up|show(?:s|ed|ing)? up|banging|coming|"
    r"going back|go back|"
    r"on (?:his|her|their|its|my|the) way|(?:\w+ )(?:minutes|mins|hours?) ago|for (?:an|\d+|\w+) hours?|won't leave|"
    r"999|ambulance|paramedics?)\b",
    # an event that may be going on still: "has been stabbed"
    rf"\b(?:has|have|'s|'ve) (?:just )?been {_EVENT_VERB}\b",
    # someone there, or doing something, now
    rf"\b{_PERSON}(?:'s|'re|'m| is| are| am)(?: been| still| now| back| just| always)? "
    r"(?:outside|here|there|in|at|on|near|nearby|around|with|due|out|home|back|free|\w+ing)\b",
    r"\b(?:is|are) (?:still |now |back )?(?:outside|here|there|back|waiting|parked|hanging|sitting|standing|hiding)\b",
    rf"\b{_SOMEONE} (?:is|are|was|were) (?:still |now |back )?(?:\w+ing|outside|here|there|back)\b",
    rf"\b{_PERSON} (?:says|say|keeps|know|knows|lives|live|wants|want|won't|refuses|refuse|has got|still)\b",
    # someone's future
    rf"\b(?:{_PERSON}|people|lads|boys|girls|gang|man|woman|dad|mum|ex|partner|boyfriend|husband|wife)"
    r"(?:'ll| will| would| (?:is|are|'s|'re) (?:going to|gonna|about to|planning))\b",
]))
_LASTING_HARM = ("fear", "selfharm", "missing", "abuse", "travel", "unwell")


def record_of_past_event(norm: str, words: dict[str, list[str]]) -> str | None:
    """In a normalised question and its word classes (``bot.urgency_rules``): the words that make it a question
    about a record of a violent event or an event that is over ("footage", "was stabbed"), when its only harm
    is such an event and nothing says the danger continues; otherwise None."""
    told_as_past = _RECORD.findall(norm) + _PAST_EVENT.findall(norm)
    if not told_as_past or not words["violence"] or _continues(norm, words):
        return None
    return ", ".join(dict.fromkeys(told_as_past))


def _continues(norm: str, words: dict[str, list[str]]) -> bool:
    lasting = [w for cls in _LASTING_HARM for w in words[cls]]
    if words["travel"] and _RELEASE_OF_RECORD.search(norm):
        lasting = [w for w in lasting if not w.startswith("releas")]
    weapon_had = _HAD_WEAPON.search(norm) is not None
    lasting_violence = [w for w in words["violence"]
                        if not _EVENT_WORD.fullmatch(w) and not (weapon_had and _HAD_WEAPON.search(f"had a {w}"))]
    strong_now = [w for w in words["now"] if not _WEAK_NOW.fullmatch(w)
                  and not (w == "still" and _STILL_PICTURE.search(norm))]
    return bool(lasting or lasting_violence or strong_now or _CONTINUES.search(norm))
