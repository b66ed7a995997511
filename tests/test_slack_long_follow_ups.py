"""What an asker adds over the limit, through the Bolt app: an urgent follow-up cut to fit says so to the
asker, in a thread or a DM edit (review 7, security #4); an edit is measured as typed, without the words
canishare puts before it for the advisors (security #5)."""

from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_edits_escalated import escalate_a_dm
from test_slack_flows import ADVISOR_CHANNEL, escalate_a_mention, send, texts_of
from test_slack_follow_ups import THREAD, dm_edit, follow_up_in_thread, posts_in

BACKGROUND = ("Background from the case file: the family moved here last spring and the children attend the "
              "local primary school, where attendance has been good and the parents come to every review. ")
URGENT = "Her ex-partner is outside the house right now with a knife and says he will stab her tonight. "
UNKNOWN = "zorblat the quuxified flimflam gizmo"


def told(fake_slack, channel: str | None = None) -> str:
    """What was posted in ``channel`` (or anywhere)."""
    return " ".join(texts_of(c) for c in fake_slack.calls("chat.postMessage") if channel in (None, c.body["channel"]))


def test_an_urgent_follow_up_cut_to_fit_tells_the_asker_in_their_thread(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    typed = URGENT + BACKGROUND * 25 + "Can I give the police her new address at the refuge?"
    follow_up_in_thread(app, typed)

    (added,) = service.escalation(escalation.id).follow_ups
    assert added.urgent and "with a knife" in added.text and "new address at the refuge?" in added.text
    assert f"Your message was {len(typed):,} characters" in told(fake_slack, "C123")
    assert all(c.body.get("thread_ts") == THREAD for c in fake_slack.calls("chat.postMessage")
               if c.body["channel"] == "C123")


def test_a_follow_up_within_the_limit_says_nothing_of_a_cut(app, fake_slack, service):
    escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    follow_up_in_thread(app, URGENT + "Can I give the police her new address?")
    assert "characters" not in told(fake_slack, "C123")


def test_an_urgent_dm_edit_cut_to_fit_tells_the_asker(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    typed = URGENT + BACKGROUND * 25 + "Can I give the police her new address?"
    send(app, dm_edit(UNKNOWN, typed))

    (added,) = service.escalation(escalation.id).follow_ups
    assert added.text.startswith("Edited the question to:") and "with a knife" in added.text
    assert f"Your message was {len(typed):,} characters" in told(fake_slack, "D123")


def test_an_edit_within_the_limit_is_added_whatever_canishare_puts_before_it(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    typed = (BACKGROUND * 30)[:4000]  # the limit exactly: with "Edited the question to: " it would be over
    send(app, dm_edit(UNKNOWN, typed))

    (added,) = service.escalation(escalation.id).follow_ups
    assert added.text == "Edited the question to: " + typed.strip()
    assert "I can take up to" not in told(fake_slack)
    assert posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)


def test_an_edit_over_the_limit_is_refused_with_the_length_typed(app, fake_slack, service):
    escalation = escalate_a_dm(app, fake_slack, service)
    fake_slack.reset()
    typed = (BACKGROUND * 30)[:4001]
    send(app, dm_edit(UNKNOWN, typed))
    assert service.escalation(escalation.id).follow_ups == ()
    assert "Your question is 4,001 characters; I can take up to 4,000" in told(fake_slack)

