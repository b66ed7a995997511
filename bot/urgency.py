"""Spot questions that signal an immediate risk of serious harm.

Such a question gets, before anything else, the reminder that data protection law never stops
sharing to prevent serious harm, and is flagged urgent for advisors. A false alarm costs one extra
sentence and an advisor's page; a missed one can cost a life.

How it decides (deterministic, explainable, a few hundred microseconds):

1. The text is normalised: case, quotes, txt-speak ("2nite", "hes", "wiv", "15yo"), and idioms that
   borrow harm words ("kill two birds", "dying to know", "the deadline is killing me") are removed,
   as are topic compounds that name a harm without one happening ("knife crime", "suicide
   prevention", "overdose figures", "risk assessment").
2. Each sentence is searched for cues in three classes (the lexicon is in ``bot/urgency_rules.py``):
   - harm: a weapon someone has, a threat or intent to hurt, suicidal intent, farewells and
     methods, an overdose taken, going missing, being unable to go home, injuries, forced marriage
     or cutting abroad, a dangerous person's release, exploitation, a medical emergency. Each cue
     weighs 2 (a danger on its own: "he's got a blade") or 1 (needs something more: "she's scared");
   - amplifiers: time (tonight, now, on Saturday, in an hour, before he gets home), no contact
     (isn't answering, phone off), presence (he's outside, on his way), vulnerability, the person
     at risk not knowing;
   - negators: the past (years ago, last year, historic, found safe, resolved), which silence the
     harm cues of their own sentence unless it also says now or tonight; and framing (training,
     hypothetical, quiz, policy, statistics, strategy), which silence the whole question or count
     against it.
3. Urgent when the live harm (the heaviest cue of each harm family, added up) plus the number of
   amplifier kinds, less one for weak framing, reaches 2, and no strong framing applies.

``assess`` returns the verdict with the cues that decided it (``explain()``), for the benchmark
and for advisors; ``signals_immediate_risk`` is the boolean the service uses.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from bot import urgency_rules as rules

MAX_CHARS = 5000
THRESHOLD = 2


@dataclass(frozen=True)
class Verdict:
    urgent: bool
    score: int
    harm: tuple[str, ...] = ()  # live harm cues, "family:name"
    amplifiers: tuple[str, ...] = ()
    silenced: tuple[str, ...] = ()  # harm cues silenced by a past negator in their sentence
    frame: tuple[str, ...] = ()  # framing that applied
    strong_frame: bool = False
    notes: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        parts = [f"urgent={self.urgent} score={self.score}"]
        if self.harm:
            parts.append("harm: " + ", ".join(self.harm))
        if self.amplifiers:
            parts.append("amplifiers: " + ", ".join(self.amplifiers))
        if self.silenced:
            parts.append("silenced (past): " + ", ".join(self.silenced))
        if self.frame:
            parts.append(("strong frame: " if self.strong_frame else "frame: ") + ", ".join(self.frame))
        return "; ".join(parts)


def assess(text: str) -> Verdict:
    norm, word_starts = rules.prepare(text[:MAX_CHARS])
    starts = rules.sentence_starts(norm)

    harm_hits: list[tuple[rules.Cue, int]] = []  # (cue, sentence)
    amplifiers: list[rules.Cue] = []
    past: set[int] = set()
    current: set[int] = set()
    strong_frame: list[str] = []
    weak_frame: list[str] = []
    for cue, rx in rules.INDEX.candidates(word_starts):
        if cue.role == "harm":
            harm_hits.extend((cue, bisect_right(starts, m.start())) for m in rx.finditer(norm))
        elif cue.role == "past":
            past.update(bisect_right(starts, m.start()) for m in rx.finditer(norm))
        elif cue.role == "current":
            current.update(bisect_right(starts, m.start()) for m in rx.finditer(norm))
        elif rx.search(norm):
            if cue.role == "amplifier":
                amplifiers.append(cue)
            elif cue.role == "strong-frame":
                strong_frame.append(cue.family)
            else:
                weak_frame.append(cue.family)

    live: dict[str, tuple[int, str]] = {}
    silenced: list[str] = []
    for cue, sentence in harm_hits:
        if sentence in past and sentence not in current:
            silenced.append(f"{cue.family}:{cue.name}")
        elif cue.weight > live.get(cue.family, (0, ""))[0]:
            live[cue.family] = (cue.weight, cue.name)

    kinds = sorted({amp.family for amp in amplifiers
                    if amp.applies_to is None or not amp.applies_to.isdisjoint(live)})
    strong_frame = sorted(set(strong_frame))
    weak_frame = sorted(set(weak_frame))
    harm = sum(weight for weight, _ in live.values())
    score = harm + len(kinds) - len(weak_frame) if harm else 0
    urgent = bool(harm) and score >= THRESHOLD and not strong_frame
    return Verdict(
        urgent=urgent, score=score,
        harm=tuple(f"{family}:{name}({weight})" for family, (weight, name) in sorted(live.items())),
        amplifiers=tuple(kinds), silenced=tuple(dict.fromkeys(silenced)),
        frame=tuple(strong_frame or weak_frame), strong_frame=bool(strong_frame),
    )


def signals_immediate_risk(text: str) -> bool:
    return assess(text).urgent
