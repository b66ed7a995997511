"""App Home's "Send me my data", through the Bolt app: the DM leaves out a colleague's rating of the
asker's answer and the advisor's id, and says so (DPO review s8 #4)."""

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ANSWERED_QUESTION,
    ASKER,
    STRANGER,
    action_values,
    click,
    click_in_home,
    mention,
)

from bot.slack.blocks import ids


def test_send_me_my_data_leaves_out_other_peoples_data(app, fake_slack, service):
    mention(app, ANSWERED_QUESTION, ts="1700000000.000111")
    rating = action_values(fake_slack.last("chat.postMessage").body["blocks"], ids.NOT_HELPFUL)[0]
    click(app, fake_slack, ids.NOT_HELPFUL, rating, user=STRANGER)
    escalated = service.ask("zorblat the quuxified flimflam gizmo", ASKER, escalate=True)
    service.claim(escalated.escalation.id, ADVISOR, {ADVISOR})
    fake_slack.reset()
    click_in_home(app, ids.HOME_MY_DATA, "me", ASKER)
    sent = [c.body["text"] for c in fake_slack.calls("chat.postMessage") if c.body["channel"] != ADVISOR_CHANNEL]
    assert sent and STRANGER not in "".join(sent) and ADVISOR not in "".join(sent)
    assert "without other people's data" in sent[0] and "stays in this conversation" in sent[0]
    everything = "".join(sent[1:])
    assert '"claimed_by": "an advisor"' in everything
    assert "1 rating(s) of your answers by other people are not included" in everything


def test_send_me_my_data_sends_at_most_three_copies_a_day_and_says_so(app, fake_slack, service):
    """Ten clicks made ten copies, 320 messages (s9 M4): now three a day, and the fourth click is told why."""
    service.ask("zorblat the quuxified flimflam gizmo", ASKER)
    fake_slack.reset()
    for _ in range(10):
        click_in_home(app, ids.HOME_MY_DATA, "me", ASKER)
    copies = [c for c in fake_slack.calls("chat.postMessage") if "without other people's data" in c.body["text"]]
    assert len(copies) == 3
    told = [c.body["text"] for c in fake_slack.calls() if "times in the last 24 hours" in str(c.body.get("text"))]
    assert len(told) == 7 and "ask again tomorrow" in told[0]


def test_a_copy_still_on_its_way_is_not_owed_again(service):
    from bot.service_records import MY_DATA_ON_ITS_WAY, MyDataRefused

    service.owe_my_data(ASKER)
    with pytest.raises(MyDataRefused, match="already on its way") as refused:
        service.owe_my_data(ASKER)
    assert str(refused.value) == MY_DATA_ON_ITS_WAY
    service.owe_my_data(STRANGER)  # another person's copy is theirs


def test_copies_that_never_arrived_do_not_count_towards_the_days_limit(service):
    """Follow-up review s9 #6: three copies Slack refused for good left the person told they had had three."""
    for _ in range(3):
        service.owe_my_data(ASKER)
        service.store.db.execute("update outbox set state = 'gave_up' where kind = 'my_data'")
    service.owe_my_data(ASKER)  # not refused: nothing has reached them


def test_bidirectional_controls_stored_before_are_not_echoed():
    """Follow-up review s9 #11: rows stored before the controls were dropped on the way in."""
    from bot.mrkdwn import escape_user_text

    assert escape_user_text("share? \u202eon\u202c \u2066x\u2069") == "share? on x"
