"""The rule for a thread mention that asks nothing of its own, on made-up examples both ways."""

import pytest

from bot.thread_questions import has_no_question_of_its_own, question_from_thread

POINTS_AT_THE_THREAD = [
    "", "   ", "can we share this?", "Can we share this?", "what about this?", "see above", "See above ^",
    "is it ok to share?", "Thoughts?", "any advice on this one please", "can I share this with them?",
    "what do you think about this case?", "is this ok?", "Are we allowed to share it?", "q re this",
    "what’s the answer here?",
]
ASKS_ITS_OWN = [
    "Can I share with the police?", "can we share this with the school?", "do I need consent?",
    "Can I share a pupil's details with CAMHS?", "what about this under GDPR article 6?",
    "is it ok to tell her GP?", "she's 15 and we're in Wales, does that change it?",
    "can we share this? " + "really " * 12,  # long: it says something of its own
]
SMALL_TALK = ["thanks", "thank you!", "help", "hi", "?"]


@pytest.mark.parametrize("text", POINTS_AT_THE_THREAD)
def test_a_mention_that_only_points_at_the_thread_has_no_question_of_its_own(text):
    assert has_no_question_of_its_own(text)


@pytest.mark.parametrize("text", ASKS_ITS_OWN + SMALL_TALK)
def test_a_mention_that_names_the_situation_or_is_small_talk_is_its_own(text):
    assert not has_no_question_of_its_own(text)


def test_the_question_is_the_first_message_then_what_the_mention_said():
    assert question_from_thread("  Mum refused consent. Can we refer?  ", "can we share this?") == (
        "Mum refused consent. Can we refer?\n\ncan we share this?")
    assert question_from_thread("Mum refused consent.", "") == "Mum refused consent."
