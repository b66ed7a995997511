"""Spot questions that signal an immediate risk of serious harm.

Such a question gets, before anything else, the reminder that data protection law never stops
sharing to prevent serious harm, and is flagged urgent for advisors. A false alarm costs one extra
sentence and an advisor's page; a missed one can cost a life, so the threshold is set for recall.

How it decides (deterministic, offline, about 0.3 ms a question):

1. ``bot.urgency_rules`` normalises the question (txt-speak, idioms such as "the deadline is killing
   me", topic compounds such as "knife crime" or "risk assessment", denied harm such as "no risk")
   and counts six broad word classes: harm, now, past, resolved, frame (training, hypothetical,
   policy, statistics) and admin (deadline, SAR, inspection).
2. ``bot.urgency_model`` scores the question's average static word embedding (WordLlama), a score
   that generalises to words no list holds ("he's got a blade", "texted me a photo of the pills"),
   and its bag of words and word pairs.
3. A logistic model weighs the two scores against the word classes; the question is urgent at or
   above the stored threshold, or when it says so outright ("at risk tonight", "threatened to
   kill") without words of framing, of the past or of a danger resolved.

Both models were fitted on this project's own labelled questions by ``python benchmarks/urgency_train.py``
(cross-validated; figures in README and in bot/urgency_model.json), never on the blind set.

``assess`` returns the verdict with what drove it (``explain()``); ``signals_immediate_risk`` is
the boolean the service and the command line use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot import urgency_model, urgency_rules

MAX_CHARS = 5000  # the whole question is read to here; its windows to MAX_WINDOWED_CHARS
MAX_WINDOWED_CHARS = 40_000  # Slack's longest message (a colleague's post, through the shortcut)
WINDOW_FROM_CHARS = 300  # shorter questions are read whole only, as the model was fitted
WINDOW_SENTENCES = 2  # a risk statement and the question after it
# Fitted on whole questions, the model reads a lone sentence of background too eagerly: a window
# must be far surer than a whole question (measured on tests/fixtures/urgent_long_dev.yaml).
WINDOW_THRESHOLD = 0.95
# Read whole, ordinary case notes full of days, "will" and medicines score high on that model too: a long
# text is urgent on the whole only when the model is surer still (or it says so outright); otherwise its
# windows decide (measured on tests/fixtures/urgent_casenotes_dev.yaml and urgent_long_dev.yaml).
LONG_THRESHOLD = 0.98
# A sentence ends at . ! ? ; or a line break (bullets, pasted notes) or before an inline bullet.
_SENTENCE = re.compile(r"[^.!?;\n\u2022]+(?:[.!?;]+|(?=[\n\u2022])|$)")
# Only windows with a harm word and a word of time now can be urgent: a cheap gate finds them, and at most
# this many are read by the model (about 0.3 ms each), so 40,000 characters of one-word sentences cost a
# fraction of a second within Slack's three, not ten. No dev text has more than 63 such windows (s9 review M2);
# no real text comes near the cap (a 700-line chronology has about 1,400); past it the text's last windows
# and those that ask are read first (see _most_telling_first), and a window repeated is read once.
MAX_SCORED_WINDOWS = 4000
LAST_WINDOWS_FIRST = 100  # read before the others when a text has more than the cap
# Text typed without full stops (phones, dictation, run-on chat) is one long "sentence": past this many
# words it is read in windows of this many words, each overlapping the next by half.
WINDOW_WORDS = 30
_WORD_SPAN = re.compile(r"\S+")
# Words that make a passage an exercise. They count only where they govern the question (its opening,
# its closing, a sentence that asks, or the window itself): "she has a maths exam on Friday" or "the
# worst-case scenario is eviction" in the background frames nothing.
_EXERCISE = re.compile(
    r"\b(?:hypothetic\w*|(?<!worst[- ]case )(?<!worst )scenarios?|role[- ]?play\w*|case stud\w*|fictional|"
    r"made[- ]up (?:case|scenario|example|situation|question|story|family|child|person)|not a real|thought experiment|"
    r"training (?:session|exercise|course|day|scenario)|(?:exam|quiz|assignment|essay|coursework) questions?|"
    r"(?:for|in) (?:my|our|an|the|a) (?:exam|quiz|assignment|essay|dissertation|coursework|nvq|course ?work))\b")


@dataclass(frozen=True)
class Verdict:
    urgent: bool
    probability: float
    threshold: float
    embedding_score: float | None  # None when the embedding could not be loaded
    words_score: float = 0.0
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # word class -> words found
    top_tokens: tuple[str, ...] = ()  # the tokens that raised the embedding score most
    top_words: tuple[str, ...] = ()  # the words and word pairs that raised the words score most
    explicit: str | None = None  # an outright phrase ("at risk tonight") that made it urgent
    window: tuple[int, int] | None = None  # where, in a long text, the sentences that made it urgent are

    def window_text(self, text: str) -> str | None:
        return text[self.window[0]:self.window[1]] if self.window else None

    def explain(self) -> str:
        parts = [f"urgent={self.urgent} p={self.probability:.3f} (threshold {self.threshold:.3f})"]
        if self.window:
            parts.append(f"in the sentences at characters {self.window[0]}-{self.window[1]}")
        if self.explicit:
            parts.append(f"said outright: {self.explicit!r}")
        if self.embedding_score is None:
            parts.append("embedding unavailable: word classes only")
        else:
            parts.append(f"embedding score {self.embedding_score:+.2f} from {', '.join(self.top_tokens) or '-'}")
        parts.append(f"words score {self.words_score:+.2f} from {', '.join(self.top_words) or '-'}")
        found = [f"{cls}: {', '.join(words)}" for cls, words in self.words.items() if words]
        if found:
            parts.append("; ".join(found))
        return "; ".join(parts)


def assess(text: str, explain: bool = False) -> Verdict:
    """The verdict on a question; with ``explain``, also the tokens that raised its embedding score.
    A long text is read a sentence or two at a time: a risk-now statement in a paragraph of case
    background ("history of", "school report") is diluted in the whole, never in its own sentences."""
    verdict = _whole(text[:MAX_CHARS], explain)
    sure = verdict.urgent and (verdict.explicit is not None or verdict.probability >= LONG_THRESHOLD)
    if len(text) < WINDOW_FROM_CHARS or sure:
        return verdict
    return urgent_sentences(text[:MAX_WINDOWED_CHARS], explain) or replace(verdict, urgent=False)


def risk_window(text: str) -> tuple[int, int] | None:
    """Where in ``text`` are the sentences that signal a risk now, as ``urgent_sentences`` finds them to cut an
    urgent text; None when no sentences do on their own (the whole text did)."""
    verdict = urgent_sentences(text[:MAX_WINDOWED_CHARS], explain=False)
    return verdict.window if verdict else None


def urgent_sentences(text: str, explain: bool) -> Verdict | None:
    """The first window of up to WINDOW_SENTENCES sentences (or word windows, in text without full
    stops) that names a harm and a time now and that the model is sure of, unless the question is
    framed as an exercise where the framing governs it."""
    plain = text.translate(urgency_rules.PLAIN_TYPOGRAPHY)
    lower = plain.lower()
    spans = list(_spans(plain))
    governing = [spans[0], spans[-1]] + [s for s in spans if "?" in plain[s[0]:s[1]]] if spans else []
    if any(_EXERCISE.search(lower[a:b]) for a, b in governing):
        return None
    candidates = [
        (start, end)
        for i, (start, _) in enumerate(spans)
        for end in (spans[j][1] for j in range(i, min(i + WINDOW_SENTENCES, len(spans))))
        if urgency_rules.may_name_harm_now(plain[start:end]) and not _EXERCISE.search(lower[start:end])
    ]
    read: set[str] = set()  # a window read once is not read again (a chronology repeats its lines)
    for start, end in _most_telling_first(candidates, plain):
        window = plain[start:end].strip()
        if window in read:
            continue
        if len(read) == MAX_SCORED_WINDOWS:
            break
        read.add(window)
        verdict = _whole(plain[start:end], explain, threshold=WINDOW_THRESHOLD, need_harm_now=True)
        if verdict.urgent:
            return replace(verdict, window=(start, end))
    return None


def _most_telling_first(windows: list[tuple[int, int]], plain: str) -> list[tuple[int, int]]:
    """The windows in the order they are read: those that ask (a "?") and the text's last ones first (a long
    chronology's risk now is usually at its end, where the question is), then the rest in order, so that a
    cap on how many are read never leaves the end of a long text unread (follow-up review s9 #1)."""
    if len(windows) <= LAST_WINDOWS_FIRST:
        return windows
    last = set(windows[-LAST_WINDOWS_FIRST:])
    asking = [w for w in windows if w not in last and "?" in plain[w[0]:w[1]]]
    first = [*reversed(windows[-LAST_WINDOWS_FIRST:]), *asking]
    chosen = set(first)
    return first + [w for w in windows if w not in chosen]


def _spans(plain: str):
    """Where the sentences are; a sentence longer than WINDOW_WORDS words as overlapping word windows."""
    for sentence in _SENTENCE.finditer(plain):
        if not sentence.group().strip():
            continue
        words = [w.span() for w in _WORD_SPAN.finditer(sentence.group())]
        if len(words) <= WINDOW_WORDS:
            yield sentence.span()
            continue
        step = WINDOW_WORDS // 2
        for i in range(0, len(words) - step, step):
            chunk = words[i:i + WINDOW_WORDS]
            yield sentence.start() + chunk[0][0], sentence.start() + chunk[-1][1]


def _whole(text: str, explain: bool, threshold: float | None = None, need_harm_now: bool = False) -> Verdict:
    """The verdict on one text as the model reads it, at the stored threshold or at ``threshold``;
    with ``need_harm_now``, never urgent without a harm word and a word of time now."""
    text = text.translate(urgency_rules.PLAIN_TYPOGRAPHY)
    norm, word_starts = urgency_rules.prepare(text)
    words = urgency_rules.class_counts(norm, word_starts)
    counts = {cls: len(found) for cls, found in words.items()}
    scorer = urgency_model.scorer()
    if need_harm_now and not (counts["now"] and any(counts[c] for c in urgency_rules.HARM_CLASSES)):
        return Verdict(urgent=False, probability=0.0, threshold=threshold or 0.0, embedding_score=None)
    probability, threshold_fitted, embedding_score, words_score = scorer.probability(text, norm, counts)
    threshold = threshold or threshold_fitted
    top = scorer.top_tokens(text) if explain else []
    top_words = scorer.top_words(urgency_model.word_grams(norm)) if explain else []
    outright = urgency_rules.explicit(norm, words)
    return Verdict(
        urgent=probability >= threshold or outright is not None, probability=probability, threshold=threshold,
        embedding_score=embedding_score, words_score=words_score,
        words={cls: tuple(found) for cls, found in words.items()},
        top_tokens=tuple(token.lstrip("\u2581") for token, score in top if score > 0),
        top_words=tuple(g for g, w in top_words if w > 0), explicit=outright,
    )


def signals_immediate_risk(text: str) -> bool:
    return assess(text).urgent
