"""The shared text helpers: sentences, the name heuristic the matcher and the digest both use, and
Slack's markup."""

import pytest

from bot.mrkdwn import replace_markup
from bot.text import mask_names, name_like_tokens, title_words


def test_title_words_know_whether_they_open_their_sentence():
    found = [(m.group(0), opens) for m, _, opens in title_words("Kayleigh told Jo. Then Sam - Ann left")]
    assert found == [("Kayleigh", True), ("Jo", False), ("Then", True), ("Sam", False), ("Ann", True)]


@pytest.mark.parametrize("text, masked", [
    ("Kayleigh told me her stepdad hits her", "[name] told me her stepdad hits her"),
    ("Can I tell the school? I think GDPR stops me.", "Can I tell the school? I think GDPR stops me."),
    ("Should we tell Kai's school?", "Should we tell [name] school?"),
    ("Zoë and O'Brien asked", "[name] and O'[name] asked"),
    ("McDonald, Jordan2 and ÉMILE", "McDonald, Jordan2 and ÉMILE"),
])
def test_mask_names(text, masked):
    assert mask_names(text) == masked


def test_the_matcher_takes_only_words_inside_a_sentence_for_names():
    assert name_like_tokens("Kayleigh told me about Jordan Pike's GP. Safeguarding first") == {"jordan", "pike"}


def test_replace_markup_sees_each_target_and_label():
    seen = []

    def keep(target, label):
        seen.append((target, label))

    text = "hi <@U1|jo> see <https://x.org|x> and <!here> a < b"
    assert replace_markup(text, keep) == text
    assert seen == [("@U1", "jo"), ("https://x.org", "x"), ("!here", None)]
    assert replace_markup(text, lambda target, label: label or "") == "hi jo see x and  a < b"
