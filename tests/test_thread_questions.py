"""The rule for a thread mention that asks nothing of its own, on made-up examples both ways."""

import pytest

from bot.thread_questions import has_no_question_of_its_own, question_from_thread

POINTS_AT_THE_THREAD = [
    "", "   ", "can we share this?", "Can we share this?", "what about this?", "see above", "See above ^",
    "is it ok to share?", "Thoughts?", "any advice on this one please", "can I share this with them?",
    "what do you think about this case?", "is this ok?", "Are we allowed to share it?", "q re this",
    "what’s the answer here?",
    # a pointer, and only to whom, how or what
    "can we share this with the school?", "can we share this information?", "can we share this without consent?",
    "is it ok to pass the above to CAMHS?", "can I forward this email to the GP?", "^ can we tell the school?",
    "can we share these details with the health visitor first?", "can we pass that on to children’s services?",
    "is this ok to send to social services without the parents' consent?",
    # pointing symbols, as typed and as Slack writes them
    "^", "^^", "👆", "☝️", "⬆️", ":point_up_2:", ":point_up:", "see ^",
]
ASKS_ITS_OWN = [
    "Can I share with the police?", "do I need consent?", "can we tell the school?", "share details with the GP?",
    "Can I share a pupil's details with CAMHS?", "what about this under GDPR article 6?",
    "is it ok to tell her GP?", "she's 15 and we're in Wales, does that change it?",
    "can we share this? " + "really " * 12,  # long: it says something of its own
    # a pointer, but the mention names its own situation
    "can we share this with the school? she's 15", "can I share this with the police, he is at the door now",
    "can we share this with her mum? mum has refused consent", "can we share this without consent if she is at risk?",
    "can I tell the school that he has a knife", "I think she is being abused, can I share this?",
    "^ she's 15 and we're in Wales", "👆 the dad has just turned up drunk, can we tell the school?",
]
SMALL_TALK = ["thanks", "thank you!", "help", "hi", "?", "👍", ":+1:"]


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
