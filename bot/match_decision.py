"""The matcher's decision: fuse the three signals, ask the decision model, answer, suggest or escalate.

``bot.matching`` ranks the candidate entries with three signals (lexical, BM25, semantic); this
module turns them into a ``Match``:
- ``escalate`` when the question has no evidence: no known word, or only one everyday word
  ("meeting", "file") the FAQ happens to use, or when it reads as instructions to the bot;
- otherwise the decision model (``bot.match_model``, a logistic regression fitted by
  cross-validation) gives the probability that the best fused entry is right, from the signals'
  values, margins and agreement; ``answer`` at or above ``Thresholds.answer`` (in percent),
  ``suggest`` at or above ``Thresholds.suggest``, ``escalate`` below.
The question's score (``Match.score``) is that probability, in percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Mapping, NamedTuple, Sequence

from bot import lexicon, match_model
from bot.faq import FaqEntry
from bot.match_examples import Neighbours
from bot.privacy import plain_characters
from bot.records import Decision

ANSWER, SUGGEST, ESCALATE = Decision.ANSWER, Decision.SUGGEST, Decision.ESCALATE


def _model_line(name: str) -> float:
    return round(100 * getattr(match_model.stored(), name), 2)


@dataclass(frozen=True)
class Thresholds:
    """The one place where the matcher's decisions are tuned (see ``canishare eval``).

    ``answer`` and ``suggest`` are lines on the decision model's probability that the best entry is
    right, in percent (``bot.match_model``); their defaults are the lines fitted with the model by
    k-fold cross-validation (``python benchmarks/matching_cv.py --write``) and stored beside it."""

    answer: float = _model_line("answer")  # answered at or above (README: Matching)
    suggest: float = _model_line("suggest")  # "did you mean" at or above
    lead: float = 0.0  # an answer also needs this many fused points over the runner-up (the model weighs the lead)
    # Answers and suggestions both need this much matched meaning (sum of idf x centrality, where a
    # word only one entry uses weighs 1): a rare term or several common ones, never one stray word.
    evidence: float = 0.3
    max_suggestions: int = 3
    min_suggestions: int = 2  # "did you mean" offers at least this many choices when there are as many
    suggestion_window: float = 15.0  # suggestions are within this many fused points of the best
    # How much each signal counts in the fused score (``bot.ranking``); any scale, they are normalised.
    lexical_weight: float = 0.4
    bm25_weight: float = 0.2
    semantic_weight: float = 0.5
    # The nearest labelled example about the entry (``bot.match_examples``): practitioners' own words.
    examples_weight: float = 0.22
    # The classifier learnt from the labelled questions (``bot.match_classifier``): the entry's probability.
    classifier_weight: float = 0.66


# A word at least this common in everyday English (``bot.lexicon``) is not, alone, evidence.
EVERYDAY_COUNT = 30_000_000
# An entry's word is "central" to it (and so can stand alone as evidence) from this centrality.
CENTRAL_ALONE = 0.75
# Text that tells the bot what to do rather than asking about sharing, looking-up requests included:
# never answered. Orders to the bot ("pretend to be...", "act as...", "you're the DPO now.") count
# only where a sentence starts or after a word that addresses the bot, so that "can the DSL act as
# the contact?" or "callers pretend to be the father" stay questions. Look-alike characters (curly
# apostrophes, odd spaces, dashes) are folded first, as redaction folds them.
_ORDER = r"(?:^|[.!?\n]\s*)(?:please\s+|now\s+|just\s+)?"
_TO_THE_BOT = r"(?:\b(?:can|could|will|would) you (?:please )?|\bi (?:want|need) you to )"
_QUOTED = r"\s*[\"'“‘][^\"'”’\n]{1,40}[\"'”’]"
# what an order may dictate as the answer; a role whose details may be looked up; the details
_VERDICT = (r"[\"'“‘]?(?:yes|no|ok|okay|true|approved|granted|confirmed|pass|allowed|lawful|legal|fine|"
            r"permitted)[\"'”’]?")
# where a dictated verdict ends its clause: punctuation, the end, or a tail that only insists
_CLAUSE_END = (r"\s*(?:[.!),;:/]|$|(?:please|now|only|to confirm|in capitals|and nothing else|nothing else)\b"
               r"|or no\s*(?:only\b|[.!]|$))")
_SENTENCE_END = r"\s*(?:please\s*)?(?:[.?!)]|$)"
_ROLE = (r"(?:caldicott guardian|guardian|dpo|data protection officer|senco|dsl|deputy dsl|manager|team leader|"
         r"lead|head of (?:year|house|service)|head|headteacher|head teacher|principal|chair|director|officer|"
         r"social worker|gp|doctor|nurse|(?:dr|mr|mrs|ms|miss) [\w\[\]]+|\[name\])")
_CONTACT = (r"(?:(?:personal |home |private |direct |work |new )*(?:mobile(?: number)?|phone number|number|address|"
            r"e-?mail(?: address)?|contact details|direct line)|birthday|date of birth|dob)")
INSTRUCTIONS = re.compile(
    r"\b(?:ignore|disregard|forget|bypass|skip)\b.{0,40}\b(?:instructions?|prompts?|rules|guidelines|above|previous|"
    r"everything|programming|training|topic list|guardrails?|restrictions|filters?)\b"
    r"|\bforget (?:that )?you(?:'re| are)\b|\bbypass\b.{0,20}\b(?:guardrails?|safety|filters?|restrictions)\b"
    r"|\boverride\b.{0,30}\b(?:instructions?|prompts?|safety|system|programming|output)\b|#+\s*override\b"
    r"|\bsystem prompt\b|\byou are now\b|\byou're now\b|\bjailbreak|\bjail ?broken\b"
    r"|\b(?:developer|admin|god|sudo|unrestricted|dan) mode\b|\bunrestricted (?:assistant|ai|bot|mode)\b"
    r"|\bpretend (?:you are|you're)\b"
    rf"|(?:{_ORDER}|{_TO_THE_BOT})(?:pretend (?:to be|that|the)\b|act (?:as|like) (?:a|an|my|if|the)\b|play the role\b)"
    rf"|\b(?:let'?s|let us|you'll|you will)\s+role[ -]?play\b|\brole[ -]?play (?:as|with me)\b"
    rf"|{_TO_THE_BOT}role[ -]?play\b"
    r"|\bnew instructions?\b|\bwhat (?:instructions|rules) (?:were|have) you been given\b"
    r"|\bwhat instructions were you\b|\bdo anything now\b"
    r"|\bfrom now on,? (?:you|answer|reply|respond|speak|talk|write)\b"
    r"|\bfor the rest of (?:this|the) (?:chat|conversation)\b"
    rf"|{_ORDER}you(?:'re| are) (?:the|my|our|a|an) [\w' -]{{1,30}}? now\s*"
    r"(?:[.!:;]|$|and (?:you )?(?:must|should|can|will) (?:approve|sign|confirm|say|reply|authori[sz]e))"
    r"|(?:^|[.!?:]\s*)you(?:'re| are) (?:a|an) (?:helpful|unrestricted|evil|uncensored)\b"
    r"|\b(?:respond|reply|answer) (?:only )?with\b.{0,20}\b(?:yes|no|ok|true|token|key|password)\b"
    r"|\b(?:respond|reply|answer) only with\b"
    r"|\b(?:just|always|only) (?:say|answer|reply)\b.{0,10}\b(?:yes|ok|true)\b"
    # telling the bot what its answer must be, as the end of a clause: "(you must say yes)", "I need you to
    # say yes", "Say it is lawful.", "Answer APPROVED" (not "do you have to say why", "say no to a parent
    # who...", "say it is lawful to share, do I...": the verdict word must end the clause)
    r"|(?<!do )(?<!does )(?<!did )(?<!would )\b(?:you must|you have to|you need to|you should|i need you to|"
    r"i want you to|make sure you)\s+(?:say|print|type|output)\s+(?:that\s+)?(?:it(?:'s|\s+is)\s+)?"
    rf"{_VERDICT}{_CLAUSE_END}"
    rf"|{_ORDER}(?:say|print|type|output|write|reply|respond|answer)\s+(?:with\s+)?{_VERDICT}{_CLAUSE_END}"
    rf"|{_ORDER}say\s+(?:that\s+)?(?:it|this|sharing)(?:'s|\s+is)\s+{_VERDICT}{_CLAUSE_END}"
    # another task put at the end: "... Also, what is 2+2?" (not "what is 16-17 year olds' position?")
    r"|\bwhat(?:'s| is)\s+\d+\s*[-+*/x]\s*\d+\s*\??\s*$"
    rf"|{_ORDER}(?:just |only )?(?:say|answer|reply|respond|type)\b(?: with)?:?{_QUOTED}\s*"
    r"(?:$|[.!]|and nothing else|so (?:i|that)\b)"
    rf"|\b(?:say|answer|reply|respond|type)\b(?: with)?:?{_QUOTED}\s*and nothing else"
    r"|\b(?:reveal|show|print|repeat|output|tell me|list|paste|dump|translate)\b.{0,20}\b(?:your|the) "
    r"(?:system |hidden |initial |original )?(?:prompt|instructions|config|configuration|scoring rules|guardrails)\b"
    r"|\b(?:reveal|print|show|dump|output)\b.{0,10}\byour (?:config|settings|thresholds|model)\b"
    r"|\brepeat (?:everything|all(?: of)? the (?:text|messages?|words)|the (?:text|messages?|words)|all)\s*"
    r"(?:you (?:were|have been) given\s*)?(?:above|before)\b|\brepeat (?:all )?(?:of )?the (?:text|messages?|words) "
    r"(?:above|earlier|before)\b|\brepeat all of the above\b|\bword for word\b.{0,20}$"
    r"|\b(?:bot|api|access|slack|secret) (?:token|key)s?\b|</?\s*(?:faq|system|instructions?)\s*>"
    # Look-ups: the bot holds no one's details or records ("give me the DPO's mobile", "list the
    # families at MARAC", "who is Dr [name]?", "can you check whether [name] has a record?").
    rf"|{_ORDER}(?:give|send|get|find|show) me (?:the |their |his |her |your )?(?:personal |home |private |direct |"
    r"work |new )*(?:mobile|phone|number|address|e-?mail|contact details)\b"
    rf"|{_ORDER}list (?:the|all|every)\b[^.?!\n]{{0,30}}\b(?:families|people|children|clients|tenants|patients|"
    r"pupils|names|cases|victims)\b"
    rf"|{_ORDER}(?:give|send|get|find|show) me (?:the |their |his |her |your )?[\w\[\] -]{{1,40}}?'s? "
    r"(?:personal |home |private |direct |work |new )*(?:mobile|phone|number|address|e-?mail|contact details)\b"
    r"|(?:^|[.!?\n]\s*)what(?:'s| is) (?:\[name\]|(?:dr|mr|mrs|ms|miss) [\w\[\]]+)'s? "
    r"(?:mobile|phone|number|address|e-?mail)\b"
    r"|(?:^|[.!?\n]\s*)who is (?:dr|mr|mrs|ms|miss|mx|prof|\[name\])\b"
    # a role's own details, the sentence ending there: "what's the caldicott guardian's mobile", "when is
    # the DPO's birthday", "..., give me their home address" (not "when is the mother's address
    # confidential?", "send me the email confirming it")
    rf"|(?:^|[.!?,\n]\s*)(?:what(?:'s| is| are)|when(?:'s| is)) (?:the |our |my |your |their )?"
    rf"(?:[\w-]+ ){{0,2}}{_ROLE}'s? {_CONTACT}{_SENTENCE_END}"
    rf"|(?:,\s*|\band\s+)(?:give|send|get|find|show) me (?:the |their |his |her |your )?{_CONTACT}{_SENTENCE_END}"
    r"|\bcan you (?:please )?(?:check|look up|find out|search)\b(?: (?:if|whether))? \[name\]",
    re.IGNORECASE | re.DOTALL,
)
# Every branch of INSTRUCTIONS holds one of these (lower case): a question with none of them is not
# searched (most questions hold none of the rarer words, so the search is usually skipped).
_INSTRUCTION_WORDS = (
    "ignore", "disregard", "forget", "bypass", "skip", "override", "system", "you are", "you're", "jail", "mode",
    "unrestricted", "pretend", "act as", "act like", "role", "instruction", "rules", "do anything", "from now on",
    "respond", "reply", "answer", "say ", "say,", "say:", "say\"", "say'", "say“", "say‘", "prompt", "config",
    "scoring", "guardrail", "settings", "threshold", "model", "repeat", "word for word", "token", "key", "<", "type",
    "rest of", "give me", "send me", "get me", "find me", "show me", "list ", "who is", "can you", "what is",
    "what's", "you must", "you have to", "you need to", "you should", "need you", "want you", "make sure", "print",
    "output", "write", "when is", "when's",
)
# Digits for letters, as in "ign0re y0ur instructi0ns": read as letters too (when a word mixes them).
_LEET = str.maketrans("013457@$", "oieastas")
_DIGIT_IN_WORD = re.compile(r"[A-Za-z][0134578@$]|[0134578@$][A-Za-z]")


def reads_as_instructions(question: str) -> bool:
    """Whether the text tells the bot what to do rather than asking about sharing (never answered)."""
    question = plain_characters(question)
    leet = _DIGIT_IN_WORD.search(question) is not None
    for text in (question, question.translate(_LEET)) if leet else (question,):
        low = text.lower()
        if any(word in low for word in _INSTRUCTION_WORDS) and INSTRUCTIONS.search(text) is not None:
            return True
    return False


class Scored(NamedTuple):
    """One candidate entry with each signal's value (a named tuple, not a frozen dataclass: the matcher
    makes a few dozen per question, and a tuple is several times quicker to make)."""

    entry: FaqEntry
    score: float  # fused, 0-100
    matched_terms: tuple[str, ...] = ()
    closest_phrasing: str = ""
    evidence: float = 0.0
    lexical: float = 0.0  # 0-100, the lexical scorer
    bm25: float = 0.0  # raw BM25
    semantic: float = 0.0  # best cosine, 0-1
    example: float = 0.0  # nearness of the nearest labelled example about the entry, 0-1
    learnt: float = 0.0  # the classifier's probability that the question is about the entry, 0-1


@dataclass(frozen=True)
class Match:
    decision: Decision
    # Confidence (0-100) that the best entry answers the question: the decision model's probability,
    # in percent (``bot.match_model``). It is at or above ``Thresholds.answer`` exactly when the
    # decision is answer, and at or above ``Thresholds.suggest`` exactly when it is answer or suggest.
    score: float
    ranked: tuple[Scored, ...] = ()  # best first; empty when nothing in the FAQ overlaps
    suggestions: tuple[FaqEntry, ...] = ()  # what the decision offers, best first
    question_terms: tuple[str, ...] = ()
    reason: str = ""  # why this decision, in a few words
    firsts: tuple[tuple[str, str], ...] = ()  # (signal, entry id it puts first)
    corrections: tuple[tuple[str, str], ...] = ()  # (question word, the word it was read as)
    features: Mapping[str, float] | None = None  # what the decision model read (``bot.match_model.features``)
    model: Any = field(default=None, compare=False, repr=False)  # the model that decided (for ``explain``)

    @property
    def entry(self) -> FaqEntry | None:
        """The best entry (also for suggest and escalate), or None."""
        return self.ranked[0].entry if self.ranked else None

    def explain(self) -> str:
        lines = [f"decision: {self.decision}: {self.reason or '-'}"]
        lines.append(f"question terms: {', '.join(self.question_terms) or '-'}")
        if self.corrections:
            lines.append("read as: " + ", ".join(f"{a} -> {b}" for a, b in self.corrections))
        if not self.ranked:
            lines.append("no FAQ entry shares a meaningful word with the question")
            return "\n".join(lines)
        if self.firsts:
            lines.append("first by each signal: " + ", ".join(f"{name} {entry_id}" for name, entry_id in self.firsts))
        best = self.ranked[0]
        if self.features is not None:
            pushes = (self.model or match_model.stored()).contributions(self.features)[:6]
            lines.append(f"model: {self.score:.1f} % that {best.entry.id} is right; strongest pushes on the log-odds "
                         + ", ".join(f"{name} {push:+.2f}" for name, push in pushes))
        lines += [
            f"best: {best.entry.id} ({best.score:.1f}) via terms {', '.join(best.matched_terms) or '-'}",
            f"closest phrasing: {best.closest_phrasing!r}",
        ]
        for s in self.ranked[:4]:
            lines.append(
                f"  {s.entry.id:<42} fused {s.score:5.1f} = lexical {s.lexical:5.1f}, bm25 {s.bm25:5.2f}, "
                f"semantic {s.semantic:.2f}, example {s.example:.2f}, learnt {s.learnt:.2f}; "
                f"evidence {s.evidence:.2f}"
            )
        return "\n".join(lines)


@dataclass(frozen=True)
class Signals:
    """A question's terms and its candidate entries with each signal's raw value (unfused)."""

    terms: tuple[str, ...]
    ranked: tuple[Scored, ...]  # candidates, in no particular order
    corrections: tuple[tuple[str, str], ...]
    instructions: bool  # the question tells the bot what to do
    surfaces: Mapping[str, str]  # token -> the question's word for it
    words: int = 0  # the question's content words (a long story reads differently)
    vector: Any = None  # the question's embedding (numpy), as the semantic signal reads it
    neighbours: Neighbours = Neighbours()  # the nearest labelled examples (``bot.match_examples``)
    classified: Mapping[str, float] = field(default_factory=dict)  # label -> probability (``bot.match_classifier``)


def fuse(ranked: Sequence[Scored], limits: Thresholds, examples: Mapping[str, float] | None = None,
         classified: Mapping[str, float] | None = None) -> list[Scored]:
    """The candidates with their fused score (0-100), best first; ``examples``: entry id -> the
    nearness of its nearest labelled example (``Neighbours.best``); ``classified``: entry id -> the
    classifier's probability."""
    examples = examples or {}
    classified = classified or {}
    weight = limits.examples_weight if examples else 0.0
    learnt = limits.classifier_weight if classified else 0.0
    total = limits.lexical_weight + limits.bm25_weight + limits.semantic_weight + weight + learnt or 1.0
    top_bm25 = max((s.bm25 for s in ranked), default=0.0) or 1.0
    fused = []
    for s in ranked:
        example = max(0.0, examples.get(s.entry.id, 0.0))
        value = (
            limits.lexical_weight * s.lexical / 100 + limits.bm25_weight * s.bm25 / top_bm25
            + limits.semantic_weight * s.semantic + weight * example + learnt * classified.get(s.entry.id, 0.0)
        ) / total
        fused.append(Scored(s.entry, round(100 * value, 2), s.matched_terms, s.closest_phrasing, s.evidence,
                            s.lexical, s.bm25, s.semantic, round(example, 4), classified.get(s.entry.id, 0.0)))
    fused.sort(key=lambda s: (-s.score, s.entry.id))
    return fused


def _firsts(ranked: Sequence[Scored]) -> tuple[tuple[str, str], ...]:
    """The entry each signal puts first: the fused best if it ties for first, else the first of the
    ranking with the top value."""
    firsts = []
    for name in ("lexical", "bm25", "semantic"):
        values = [getattr(s, name) for s in ranked]
        top = max(values)
        firsts.append((name, ranked[0 if values[0] == top else values.index(top)].entry.id))
    return tuple(firsts)


def has_evidence(
    signals: Signals, best: Scored, limits: Thresholds, centrality: Mapping[str, float] | None = None
) -> bool:
    """Enough matched meaning for an answer or a suggestion: several of the question's words the best
    entry uses, adding up to ``limits.evidence``, or one word that is both central to that entry and
    no everyday word ("marac", "caldicott", "consent" but not "meeting" or "file")."""
    if best.evidence < limits.evidence:
        return False
    matched = [t for t in signals.terms if t in best.matched_terms]
    if len(matched) >= 2:
        return True
    if not matched:
        return False
    word = signals.surfaces.get(matched[0], matched[0])
    central = centrality is None or centrality.get(matched[0], 0.0) >= CENTRAL_ALONE
    return central and lexicon.count(word) < EVERYDAY_COUNT


@dataclass(frozen=True)
class Assessment:
    """What the decision model reads of a question's ranking (``assess``)."""

    ranked: tuple[Scored, ...]  # fused, best first
    firsts: tuple[tuple[str, str], ...]
    evidence_ok: bool
    features: Mapping[str, float]
    probability: float  # that the best entry is right, 0-1


def assess(signals: Signals, limits: Thresholds, centrality_of=None, model=None) -> Assessment | None:
    """The fused ranking, the model's features and its probability; None when nothing ranks."""
    if not signals.ranked:
        return None
    model = model or match_model.stored()
    ranked = tuple(fuse(signals.ranked, limits, signals.neighbours.best, signals.classified))
    best = ranked[0]
    centrality = centrality_of(best.entry.id) if centrality_of else None
    evidence_ok = has_evidence(signals, best, limits, centrality)
    values = match_model.features(signals.terms, ranked, signals.corrections, evidence_ok, signals.words,
                                  signals.neighbours, signals.classified)
    return Assessment(ranked, _firsts(ranked), evidence_ok, values, model.probability(values))


def decide(signals: Signals, limits: Thresholds, centrality_of=None, model=None) -> Match:
    """The decision for a question's signals under ``limits`` (see the module's docstring)."""
    terms, corrections = signals.terms, signals.corrections
    found = assess(signals, limits, centrality_of, model)
    if found is None:
        reason = "no meaningful word" if not terms else "no word the FAQ uses"
        return Match(ESCALATE, 0.0, question_terms=terms, reason=reason, corrections=corrections)
    ranked, best = found.ranked, found.ranked[0]
    confidence = round(100 * found.probability, 2)
    common = dict(terms=terms, reason="", firsts=found.firsts, corrections=corrections,
                  features=found.features, model=model or match_model.stored())
    below_suggest = min(confidence, max(0.0, limits.suggest - 0.01))
    if signals.instructions:
        common["reason"] = "the question reads as instructions to the bot: an advisor should see it"
        return Match(ESCALATE, below_suggest, ranked, (), **_m(common))
    if not found.evidence_ok:
        common["reason"] = "not enough evidence: one everyday word, or too little matched meaning"
        return Match(ESCALATE, below_suggest, ranked, (), **_m(common))
    lead = best.score - (ranked[1].score if len(ranked) > 1 else 0.0)
    agreeing = sum(1 for _, entry_id in found.firsts if entry_id == best.entry.id)
    said = (f"{agreeing} of 3 signals put {best.entry.id} first; lead {lead:.1f}; "
            f"the model gives it {confidence:.1f} % of being right")
    if confidence >= limits.answer and lead >= limits.lead:
        common["reason"] = said + ": clear of the answer line"
        return Match(ANSWER, confidence, ranked, (best.entry,), **_m(common))
    if confidence >= limits.suggest:
        near = tuple(
            s.entry for n, s in enumerate(ranked[: limits.max_suggestions])
            if n < limits.min_suggestions or best.score - s.score <= limits.suggestion_window
        )
        common["reason"] = said + ": between the suggest and answer lines (or too small a lead)"
        return Match(SUGGEST, min(confidence, limits.answer - 0.01), ranked, near, **_m(common))
    common["reason"] = said + ": below the suggest line"
    return Match(ESCALATE, confidence, ranked, (), **_m(common))


def _m(common: dict) -> dict:
    return {"question_terms": common["terms"], "reason": common["reason"], "firsts": common["firsts"],
            "corrections": common["corrections"], "features": common["features"], "model": common["model"]}
