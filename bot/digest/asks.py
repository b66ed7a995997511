"""What a question asks, read by rules from its words: the *frame* the grouping compares beside its
words, its meaning and its FAQ entry.

Questions on one FAQ topic often ask different things: "do I need consent to tell the police?",
"can the police make me hand over the whole file?", "do we have to tell the family first?". Their
content words and static embeddings are nearly the same; what differs is the ask, who wants the
information and the situation. A question's frame is five sets of labels, each found by a few
regular expressions over its lower-cased text (stopwords kept: "who", "how long", "have to" are
exactly what tells these apart):

- ``ask``: what kind of answer it wants (an obligation to disclose, whether consent is needed,
  whether to tell the person first, how much to share, who, how long, what to do now, ...);
- ``party``: who is involved (police, Home Office, courts, family, school, health, ...);
- ``requester``: who is asking for the information ("police want ...", "a request from ...");
- ``person``: whom it is about (a child, an adult);
- ``condition``: the situation (no consent, lacks or has capacity, no warrant, died, urgent, a
  mistake, told in confidence).

Each set is a bit mask (``Frames.masks``) so that pairs of questions are compared in bulk
(``Frames.compare``). The labels are general ways of asking, not the wording of any labelled set;
what they are worth is fitted with the rest of the pair model (``bot.digest.pairs``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping, Sequence

import numpy as np


def _any(*patterns: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


_WE = r"(?:i|we|u|you|they|the \w+|a \w+)"
_DISCLOSE = r"(?:give|tell|send|provide|comply|hand|disclose|answer|release|respond|reply|show|share|report)"

ASK = {
    "obligation": _any(rf"(?:do|does|would) {_WE} (?:have|need) to {_DISCLOSE}", r"have to (?:comply|respect|provide|disclose)",
                       r"obliged?", r"oblige", r"obligat\w*", r"compulsory", rf"required to {_DISCLOSE}",
                       r"can (?:we|i) (?:refuse|say no|decline|withhold)", r"refuse (?:a|the|on)", rf"must (?:we|i) {_DISCLOSE}",
                       r"(?:need|have) to see a warrant", r"do (?:we|i) (?:just )?(?:tell|give)", r"right to (?:it|see|access)",
                       r"entitled"),
    "consent": _any(r"consent\w*", r"permission", r"agree\w*", r"(?:says?|said) no", r"refus\w*",
                    r"(?:doesn't|does not|don't|won't|didn't) (?:want|agree|engage)", r"without (?:asking|their ok|her ok|his ok)",
                    r"hasn't (?:agreed|said|given)", r"opt(?:ed|s)? out", r"opt-out", r"begged", r"sign something", r"object\w*"),
    "tell_first": _any(r"(?:inform|tell|let) (?:a |the )?(?:data subject|service user|family|client|person|parents?|them|her|him)\b"
                       r"[^.?!]*\b(?:before|first|know)", r"let (?:the family|them|her|him|mum|dad|the parents?) know",
                       r"without (?:telling|them knowing|the \w+ knowing|her knowing|his knowing)", r"not (?:to )?(?:tell|mention|let)",
                       r"keep it (?:from|quiet)", r"withhold from", r"mustn't let"),
    "how_much": _any(r"everything", r"all (?:of )?(?:it|them|our|the|records|notes)", r"whole", r"full", r"entire", r"complete",
                     r"how much", r"relevant bits", r"pick bits", r"proportionate", r"minimum"),
    "who": _any(r"who (?:do|should|signs|decides|has|pays|to)", r"who(?:'s| is) responsible", r"with who"),
    "how_long": _any(r"how long", r"delete", r"retain\w*", r"retention", r"keep (?:it|the|information|data|info)"),
    "what_now": _any(r"what (?:do|should|can) (?:i|we|u) do", r"what now", r"what are the steps", r"put it right",
                     r"how do (?:we|i) (?:fix|correct)", r"what should happen", r"do (?:i|we) (?:still )?need to do anything"),
    "how": _any(r"how (?:do|can|should) (?:i|we|u)", r"what(?:'s| is) the process", r"what checks", r"how does [^.?!]* work"),
    "what_is": _any(r"what (?:is|does|are)", r"what's", r"does [^.?!]* (?:still )?apply", r"mean",
                    r"is [^.?!]* (?:still )?(?:personal data|anonym\w*)"),
    "contents": _any(r"what (?:should|do we need to|needs to) (?:go in|include|put in|cover)", r"include", r"template",
                     r"checklist", r"key sections", r"put in (?:a|an|the)", r"cover"),
    "prerequisite": _any(r"(?:need|have) (?:a|an|to complete a|to put a|to do a) (?:dsa|dpia|isa|data sharing agreement|"
                         r"information sharing agreement|data protection impact assessment|warrant)", r"in place",
                         r"(?:until|before) [^.?!]* (?:signed|in place)", r"legal requirement", r"required"),
    "sign_off": _any(r"sign(?:ed|s|ing)? (?:it )?off", r"sign-off", r"approve", r"signs?", r"checking with anyone"),
    "liability": _any(r"fined?", r"liab\w+", r"prosecute\w*", r"sacked", r"end up in court", r"personally"),
}
PARTY = {
    "police": _any(r"police\w*", r"officer", r"detective", r"cid", r"pc", r"constable", r"dp9", r"psni"),
    "home_office": _any(r"home office", r"immigration\w*"),
    "court": _any(r"court", r"judge", r"solicitor", r"witness summons", r"cafcass"),
    "coroner": _any(r"coroner\w*", r"inquest"),
    "representative": _any(r"mps?", r"msp", r"councillor", r"elected member", r"constituent"),
    "family": _any(r"mum", r"dad", r"mother", r"father", r"parents?", r"son", r"daughter", r"sister", r"brother", r"next of kin",
                   r"husband", r"wife", r"partner", r"family member", r"relative", r"executor"),
    "school": _any(r"schools?", r"pupil", r"teacher", r"dsl", r"academy"),
    "health": _any(r"gps?", r"hospital", r"nhs", r"patient", r"nurse", r"health", r"ward", r"surgery", r"camhs"),
    "social_care": _any(r"social (?:care|services|worker)", r"children's services", r"mash", r"the social", r"hub",
                        r"section 42", r"safeguarding referral"),
    "lado": _any(r"lado", r"allegation\w*"),
    "regulator": _any(r"ico", r"information commissioner"),
    "research": _any(r"research\w*", r"university", r"academic", r"evaluation", r"evaluate", r"study"),
    "marac": _any(r"marac", r"dash"),
    "review": _any(r"dhr", r"review", r"panel"),
    "ai": _any(r"ai", r"chatgpt", r"copilot", r"note-taker", r"transcri\w+"),
}
_REQUESTERS = {
    "police": r"police(?: scotland)?|officer|detective|cid|pc|dc|psni",
    "home_office": r"immigration enforcement|home office",
    "family": r"mum|dad|mother|father|parents?|son|daughter|sister|brother|next of kin|husband|wife|partner|relative|family|"
              r"executor|ex-partner",
    "court": r"court|judge|solicitor|cafcass",
    "coroner": r"coroner(?:'s officer)?",
    "representative": r"mps?|msp|councillor|elected member|mp caseworker|msp office",
    "resident": r"resident|neighbour|tenant|landlord",
    "professional": r"social worker|school|gp|hospital|council|health visitor|nurse|dsl|mash",
    "review": r"dhr (?:panel|chair)|panel|review",
    "research": r"university|academic|researchers?|funder",
}
_ASKING = (r"(?:want\w*|ask\w*|request\w*|email\w*|rang|ring\w*|phon\w*|call\w*|demand\w*|sent|served|"
           r"keeps? (?:calling|ringing|asking))")
REQUESTER = {
    name: re.compile(rf"\b(?:{who})\b[^.?!]{{0,25}}?\b{_ASKING}\b|\b(?:request|letter|call|email|form|summons|order) "
                     rf"from (?:the |a )?(?:{who})\b")
    for name, who in _REQUESTERS.items()
}
PERSON = {
    "child": _any(r"child\w*", r"kids?", r"yp", r"young person", r"pupil", r"teen\w*", r"\d+ ?(?:yo|year old)", r"girl", r"boy",
                  r"baby", r"student"),
    "adult": _any(r"adults?", r"woman", r"man", r"elderly"),
}
CONDITION = {
    "no_consent": _any(r"without (?:\w+ )?(?:consent|agreement|permission|asking)", r"refus\w+", r"won't consent",
                       r"(?:doesn't|don't) want", r"says? no", r"said no", r"hasn't (?:agreed|given|said)", r"begged",
                       r"objecting", r"opted out", r"won't engage"),
    "lacks_capacity": _any(r"lacks? capacity", r"can't consent because", r"dementia", r"best interests", r"no lpa",
                           r"learning disability"),
    "has_capacity": _any(r"has capacity", r"with capacity", r"presumed to have capacity"),
    "no_warrant": _any(r"no warrant", r"without (?:a |any )?(?:warrant|court order)", r"haven't got a warrant", r"no paperwork",
                       r"no court order", r"see a warrant"),
    "died": _any(r"died", r"deceased", r"dead", r"late (?:mother|father|husband|wife)", r"death", r"inquest"),
    "urgent": _any(r"emergency", r"risk to life", r"immediate\w*", r"tonight", r"right now", r"straight away", r"out of hours",
                   r"urgent\w*", r"missing"),
    "mistake": _any(r"wrong\w*", r"inaccurate", r"by mistake", r"accidentally", r"cc'd"),
    "confidence": _any(r"in confidence", r"confiden\w+", r"keep it secret", r"don't tell", r"not to tell"),
}
FAMILIES: dict[str, dict[str, re.Pattern]] = {
    "ask": ASK, "party": PARTY, "requester": REQUESTER, "person": PERSON, "condition": CONDITION,
}
COMPARISONS = ("shared", "none_shared", "both_none_shared", "neither")  # what ``Frames.compare`` gives per family


def lower(text: str) -> str:
    return " ".join(text.lower().replace("\u2019", "'").split())


@lru_cache(maxsize=20_000)
def frame(text: str) -> tuple[frozenset[str], ...]:
    """The labels ``text`` has of each family, in ``FAMILIES`` order."""
    plain = lower(text)
    return tuple(frozenset(label for label, pattern in rules.items() if pattern.search(plain)) for rules in FAMILIES.values())


_WORD = re.compile(r"[a-z]+")


def corrected(text: str, corrections: Mapping[str, str]) -> str:
    """``text`` lower-cased, each word replaced by its correction if it has one ("polcie" -> "police")."""
    return _WORD.sub(lambda m: corrections.get(m.group(), m.group()), lower(text))


def signature(text: str) -> str:
    """The frame as one string ("ask:consent|party:police|..."), equal for equal frames."""
    return "|".join(f"{family}:{','.join(sorted(labels))}" for family, labels in zip(FAMILIES, frame(text)))


@dataclass(frozen=True)
class Frames:
    """The frames of many questions, one boolean matrix (questions x labels) per family."""

    masks: dict[str, np.ndarray]

    @classmethod
    def of(cls, texts: Sequence[str], corrections: Mapping[str, str] | None = None) -> "Frames":
        """The frames of ``texts``, their words' typos corrected first (``corrections``: word -> word)."""
        frames = [frame(corrected(t, corrections)) if corrections else frame(t) for t in texts]
        return cls({family: np.array([[label in f[n] for label in rules] for f in frames], dtype=bool).reshape(
            len(texts), len(rules)) for n, (family, rules) in enumerate(FAMILIES.items())})

    def compare(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """For each pair (first[k], second[k]) and each family, in ``COMPARISONS`` order: the share of
        their labels they share (Jaccard), whether some label is present but none shared, whether both
        have labels but none shared, and whether neither has any. Pairs x (families x 4)."""
        columns = []
        for mask in self.masks.values():
            a, b = mask[first], mask[second]
            both = (a & b).sum(axis=1)
            either = (a | b).sum(axis=1)
            columns += [np.divide(both, either, out=np.zeros(len(a)), where=either > 0), (either > 0) & (both == 0),
                        a.any(axis=1) & b.any(axis=1) & (both == 0), either == 0]
        return np.column_stack(columns).astype(np.float64) if columns else np.zeros((len(first), 0))


def feature_names() -> list[str]:
    return [f"{family}_{comparison}" for family in FAMILIES for comparison in COMPARISONS]
