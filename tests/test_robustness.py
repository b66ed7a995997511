"""Random and hostile input: nothing crashes, redaction is idempotent, every question gets a decision."""

import random
import string

import pytest

from bot.matching import ANSWER, ESCALATE, SUGGEST, Matcher, match_redacted
from bot.privacy import KINDS, redact

ALPHABETS = [
    string.printable,
    "0123456789 -+()/.",
    "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ @.[]",
    "ßéøæ€£😀🙂中文русскийالعربية\u200b\u2060\t\n\r<>&!#^|",
]
PIECES = ["NHS", "943 476 5919", "07700 900123", "ZZ99 3CZ", "DOB", "12/03/2015", "[NHS number]", "<!channel>",
          "@here", "s115", "Article 6(1)(e)", "Flat 3", "22 High Street", "QQ 12 34 56 C", "jo@example.org", "+44"]


def random_texts(seed: int, count: int = 60):
    rng = random.Random(seed)
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(0, 12)):
            if rng.random() < 0.4:
                parts.append(rng.choice(PIECES))
            else:
                alphabet = rng.choice(ALPHABETS)
                parts.append("".join(rng.choice(alphabet) for _ in range(rng.randint(0, 20))))
        yield rng.choice(["", " ", "\n"]).join(parts)


@pytest.fixture(scope="module")
def matcher(faq):
    return Matcher(faq)


@pytest.mark.parametrize("seed", range(5))
def test_redaction_never_crashes_and_is_idempotent(seed):
    for text in random_texts(seed):
        once = redact(text)
        assert set(once.found) <= set(KINDS)
        assert redact(once.text).text == once.text


@pytest.mark.parametrize("seed", range(5))
def test_every_random_question_gets_a_decision(matcher, seed):
    for text in random_texts(100 + seed):
        match = match_redacted(matcher, text)
        assert match.decision in (ANSWER, SUGGEST, ESCALATE)
        assert len(match.suggestions) <= 3


def test_lone_surrogates_in_a_slack_request_are_made_readable_before_any_listener():
    from bot.slack.robustness import readable_text_only

    body = {"event": {"text": "can I share \ud800 this", "blocks": [{"text": {"text": "\udfff"}}]}, "n": 3}
    seen = []
    readable_text_only()(body, lambda: seen.append(True))
    assert seen == [True]
    assert body == {"event": {"text": "can I share \ufffd this", "blocks": [{"text": {"text": "\ufffd"}}]}, "n": 3}
