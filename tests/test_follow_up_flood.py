"""One asker cannot post hundreds of messages into the advisor channel through follow-ups on one escalation
(security test s9 M4): at most FOLLOW_UP_POSTS own posts an escalation in FOLLOW_UP_POST_WINDOW; later ones are
on the card at once, the asker is told when they reach the thread, and they are posted together, one post a
window, none lost."""

import datetime as dt
import json
from types import SimpleNamespace

from slack_flow_fixtures import *  # noqa: F403 - the app's fixtures
from test_slack_flows import ADVISOR_CHANNEL, escalate_a_mention
from test_slack_follow_ups import follow_up_in_thread, posts_in

from bot.questions import MAX_QUESTION_CHARS
from bot.records import FollowUp
from bot.service_follow_ups import FOLLOW_UP_POST_WINDOW, FOLLOW_UP_POSTS, HELD_PER_POST
from bot.slack.blocks.follow_ups import held_follow_ups_post
from bot.slack.deliverer import deliver_due
from bot.times import stored, utc_now


def flood(app, count, start=0):
    for i in range(start, start + count):
        follow_up_in_thread(app, f"and another detail number {i} about the allotment list", ts=f"1700000001.{i:06d}")


def later(monkeypatch, service, minutes):
    moment = utc_now() + dt.timedelta(minutes=minutes)
    monkeypatch.setattr(service.store, "now", lambda: stored(moment))


def test_a_flood_of_follow_ups_posts_a_few_then_one_post_a_window(app, deps, fake_slack, service, monkeypatch):
    escalation = escalate_a_mention(app, fake_slack, service)
    fake_slack.reset()
    flood(app, 40)
    assert len(service.escalation(escalation.id).follow_ups) == 40  # every one stored, on the card
    assert len(posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)) == FOLLOW_UP_POSTS
    acknowledgements = [json.dumps(c.body) for c in fake_slack.calls("chat.postMessage")
                        if c.body.get("channel") != ADVISOR_CHANNEL] + \
        [json.dumps(c.body) for c in fake_slack.calls("response_url")]
    assert sum("You have added a lot in a short time" in a for a in acknowledgements) == 40 - FOLLOW_UP_POSTS
    posted = set()
    for window in range(1, 9):  # the held ones drain one post a window, each holding HELD_PER_POST, whole
        fake_slack.reset()
        later(monkeypatch, service, window * FOLLOW_UP_POST_WINDOW.total_seconds() / 60 + 1)
        deliver_due(deps)
        posts = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
        assert len(posts) <= 1
        for post in posts:
            posted |= {i for i in range(40) if f"detail number {i} about" in json.dumps(post)}
    assert posted == set(range(FOLLOW_UP_POSTS, 40))  # none lost, none twice
    follow_ups = service.escalation(escalation.id).follow_ups
    assert all(service.store.follow_up(f.id) for f in follow_ups)


def test_after_the_window_a_follow_up_has_its_own_post_again(app, deps, fake_slack, service, monkeypatch):
    escalation = escalate_a_mention(app, fake_slack, service)
    flood(app, FOLLOW_UP_POSTS)
    fake_slack.reset()
    later(monkeypatch, service, FOLLOW_UP_POST_WINDOW.total_seconds() / 60 + 1)
    flood(app, 1, start=99)
    (post,) = posts_in(fake_slack, ADVISOR_CHANNEL, escalation.advisor_ts)
    assert "detail number 99" in json.dumps(post)


def test_a_held_post_stays_within_slacks_block_limit():
    """HELD_PER_POST of the longest follow-ups, every character escaped to four: all of each, in at most 50 blocks."""
    worst = [FollowUp(id=i, escalation_id=1, question_id=1, text="<" * MAX_QUESTION_CHARS, redacted_kinds=(),
                      urgent=True, created_at=stored(utc_now())) for i in range(HELD_PER_POST)]
    message = held_follow_ups_post(SimpleNamespace(id=1, question=None), worst)
    assert len(message.blocks) <= 50
    assert all(len(b["text"]["text"]) <= 3000 for b in message.blocks)
    assert sum(b["text"]["text"].count("&lt;") for b in message.blocks) == MAX_QUESTION_CHARS * HELD_PER_POST
