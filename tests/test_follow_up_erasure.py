"""Erasure and retention take follow-ups with their question: erasing the asker empties each follow-up's
post in the advisor channel (an urgent one's copy in the channel is the same message) as it does the card,
through the outbox, and erase and purge count the follow-ups they delete."""

import json

from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR_CHANNEL, ASKER, escalate_a_mention, submit_answer
from test_slack_follow_ups import follow_up_in_thread, posts_in

from bot.outbox import Kind
from bot.slack.deliverer import ERASED_CARD_TEXT, ERASED_FOLLOW_UP_TEXT

ROUTINE = "the school nurse at St Mary's has already been told about Jake"
URGENT = "he has just threatened to kill her with a knife and she is outside now"


def escalation_with_two_follow_ups(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, ROUTINE)
    follow_up_in_thread(app, URGENT, ts="1700000000.000950")
    submit_answer(app, escalation.id, "Call 999 now.")
    return escalation


def test_erasing_the_asker_empties_their_follow_up_posts_and_counts_them(app, fake_slack, service):
    escalation = escalation_with_two_follow_ups(app, fake_slack, service)
    posted = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert len(posted) == 2 and posted[1].get("reply_broadcast") in (True, "1", "true")  # urgent: in the channel too
    follow_up_ts = [row["advisor_ts"] for row in service.store.db["follow_ups"].rows]
    fake_slack.reset()

    counts = service.erase(ASKER)

    assert counts["follow_ups"] == 2 and counts["advisor_posts"] == 3  # the card and both follow-up posts
    emptied = {call.body["ts"]: json.dumps(call.body, ensure_ascii=False) for call in fake_slack.calls("chat.update")}
    assert set(emptied) == {escalation.advisor_ts, *follow_up_ts}
    for ts in follow_up_ts:
        assert ERASED_FOLLOW_UP_TEXT.split(":wastebasket: ")[1] in emptied[ts]
        assert ASKER not in emptied[ts] and "St Mary" not in emptied[ts] and "knife" not in emptied[ts]
    assert ERASED_CARD_TEXT.split(":wastebasket: ")[1] in emptied[escalation.advisor_ts]


def test_purge_counts_the_follow_ups_it_deletes_and_would_delete(app, fake_slack, service):
    escalation_with_two_follow_ups(app, fake_slack, service)
    assert service.purge("2999-01-01", dry_run=True)["follow_ups"] == 2
    assert service.purge("2999-01-01")["follow_ups"] == 2
    assert service.store.db["follow_ups"].count == 0


def test_a_follow_up_post_that_crosses_an_erase_is_owed_its_emptying(service):
    """Posted after its asker was erased (the row is gone when its place is recorded, with the delivery):
    its emptying is owed in the same commit, so the post cannot stay."""
    service.store.owe(Kind.FOLLOW_UP, "follow_up:gone", payload={"follow_up": 999})
    (item,) = service.lease_owed("test-owner", 5)
    service.delivered(item, ("CADV", "9.1"))
    owed = [row for row in service.store.db["outbox"].rows if row["kind"] == Kind.CARD_REMOVAL.value]
    assert [(json.loads(row["payload"])["ts"], json.loads(row["payload"])["follow_up"]) for row in owed] == [
        ("9.1", True)]


def test_a_follow_up_post_records_where_it_went(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    follow_up_in_thread(app, ROUTINE)
    (row,) = service.store.db["follow_ups"].rows
    assert row["advisor_channel"] == ADVISOR_CHANNEL and row["advisor_ts"] not in (None, escalation.advisor_ts)
