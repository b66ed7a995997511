"""The advisors' working hours: reading CANISHARE_ADVISOR_HOURS and CANISHARE_ADVISOR_CLOSED, counting
working time (reminders), and telling an asker when the advisors will see a question sent out of hours,
above all an urgent one."""

import dataclasses
import datetime as dt

import pytest
import test_slack_flows as flows
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    OTHER_ADVISOR,
    UNKNOWN_QUESTION,
    URGENT_QUESTION,
    click,
    deliver_inline,
    mention,
    texts_of,
)

from bot.config import Settings
from bot.records import Where
from bot.service import Service
from bot.slack.blocks import ids
from bot.slack.deps import assemble
from bot.slack.queue_keeper import look_after_queue
from bot.store import Store
from bot.working_hours import HoursError, WorkingHours, advisors_away, worked_since

import slack_harness as h

service, entry = flows.service, flows.entry
UTC = dt.timezone.utc
OFFICE = "Mon-Thu 09:00-17:00; Fri 09:00-16:30"
FRIDAY_EVENING = dt.datetime(2026, 11, 27, 18, 0, tzinfo=UTC)  # 18:00 in London (GMT)
TUESDAY_MORNING = dt.datetime(2026, 12, 1, 10, 0, tzinfo=UTC)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# reading the settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, said", [
    ("Mon-Fri 09:00-17:00", "Monday to Friday 09:00 to 17:00 (UK time)"),
    ("monday - friday 9:00 to 17:00", "Monday to Friday 09:00 to 17:00 (UK time)"),
    (OFFICE, "Monday to Thursday 09:00 to 17:00 and Friday 09:00 to 16:30 (UK time)"),
    ("Mon-Fri 09:00-12:30, 13:30-17:00", "Monday to Friday 09:00 to 12:30 and 13:30 to 17:00 (UK time)"),
    ("Mon, Wed 08:00-10:00; Sat 10:00-24:00",
     "Monday 08:00 to 10:00, Wednesday 08:00 to 10:00 and Saturday 10:00 to 24:00 (UK time)"),
    ("Mon-Tue 09:00-17:00", "Monday and Tuesday 09:00 to 17:00 (UK time)"),
])
def test_working_hours_are_read_and_said_back(text, said):
    assert WorkingHours.parse(text).describe() == said


@pytest.mark.parametrize("text, complaint", [
    ("Mon-Fri", "is not days then times"),
    ("9-5", "is not days then times"),
    ("Mon-Fri 9-5", "24-hour times like 09:00-17:00"),
    ("Fri-Mon 09:00-17:00", "runs backwards"),
    ("Mon-Fri 17:00-09:00", "ends before it starts"),
    ("Mon-Fri 09:00-25:00", "hours run 00-23"),
    ("Mon-Fri 09:00-17:60", "minutes 00-59"),
    ("T 09:00-17:00", "not a day of the week"),
    ("Funday 09:00-17:00", "not a day of the week"),
    (" ; ", "no working days and times given"),
])
def test_unreadable_working_hours_say_what_is_wrong_and_how_to_write_them(text, complaint):
    with pytest.raises(HoursError, match=complaint):
        WorkingHours.parse(text)


def test_the_settings_read_hours_and_closed_days_and_leave_them_unset_by_default():
    settings = Settings.from_env({"CANISHARE_ADVISOR_HOURS": OFFICE,
                                  "CANISHARE_ADVISOR_CLOSED": "2026-12-25, 2026-12-28 2027-01-01"}, dotenv="/none")
    assert settings.advisor_hours.describe().startswith("Monday to Thursday")
    assert settings.advisor_hours.closed == {dt.date(2026, 12, 25), dt.date(2026, 12, 28), dt.date(2027, 1, 1)}
    assert Settings.from_env({}, dotenv="/none").advisor_hours is None


def test_closed_days_alone_close_those_days_of_an_always_open_week():
    hours = Settings.from_env({"CANISHARE_ADVISOR_CLOSED": "2026-12-25"}, dotenv="/none").advisor_hours
    assert hours.is_open(at("2026-12-24T23:00:00+00:00")) and not hours.is_open(at("2026-12-25T12:00:00+00:00"))


# counting working time ---------------------------------------------------------------------------------


def test_working_time_counts_only_open_hours_and_skips_closed_days():
    hours = WorkingHours.parse(OFFICE)
    friday_4pm = at("2026-11-27T16:00:00+00:00")
    assert hours.worked_between(friday_4pm, at("2026-11-27T20:00:00+00:00")) == dt.timedelta(minutes=30)
    assert hours.worked_between(friday_4pm, at("2026-11-30T12:00:00+00:00")) == dt.timedelta(hours=3, minutes=30)
    closed_monday = dataclasses.replace(hours, closed=frozenset({dt.date(2026, 11, 30)}))
    assert closed_monday.worked_between(friday_4pm, at("2026-11-30T12:00:00+00:00")) == dt.timedelta(minutes=30)


def test_working_time_follows_uk_clock_changes():
    hours = WorkingHours.parse("Mon-Sun 09:00-17:00")  # the clocks go forward on Sunday 28 March 2027
    worked = hours.worked_between(at("2027-03-27T12:00:00+00:00"), at("2027-03-29T12:00:00+00:00"))
    assert worked == dt.timedelta(hours=5 + 8 + 4)  # Monday 09:00 BST is 08:00 UTC: 08:00-12:00 UTC
    assert hours.is_open(at("2027-03-29T08:30:00+00:00")) and not hours.is_open(at("2026-11-30T08:30:00+00:00"))


def test_without_working_hours_all_time_is_working_time():
    assert worked_since(None, FRIDAY_EVENING, TUESDAY_MORNING) == TUESDAY_MORNING - FRIDAY_EVENING


# telling the asker --------------------------------------------------------------------------------------


@pytest.mark.parametrize("now, when", [
    (FRIDAY_EVENING, "will see it from Monday 30 November at 09:00"),
    (at("2026-11-30T07:00:00+00:00"), "will see it from today at 09:00"),
    (at("2026-11-30T19:00:00+00:00"), "will see it from tomorrow at 09:00"),
    (at("2026-12-24T18:00:00+00:00"), "will see it from Tuesday 29 December at 09:00"),
])
def test_out_of_hours_the_asker_is_told_when_the_advisors_will_see_it(now, when):
    hours = WorkingHours.parse(OFFICE, "2026-12-25 2026-12-28")
    said = advisors_away(hours, now)
    assert said.startswith("The advisors are not working now. They work Monday to Thursday") and when in said


def test_in_hours_or_without_hours_nothing_is_said():
    assert advisors_away(WorkingHours.parse(OFFICE), TUESDAY_MORNING) == ""
    assert advisors_away(None, FRIDAY_EVENING) == ""


def test_hours_that_never_come_are_said_plainly():
    mondays = " ".join(str(dt.date(2026, 11, 30) + dt.timedelta(weeks=n)) for n in range(60))
    said = advisors_away(WorkingHours.parse("Mon 09:00-10:00", mondays), FRIDAY_EVENING)
    assert "not working now" in said and "none of that time falls in the coming year" in said


# reminders ------------------------------------------------------------------------------------------------


def test_a_reminder_is_owed_after_so_much_working_time_but_an_urgent_one_after_the_time_itself(tmp_path, faq):
    clock = {"now": "2026-11-27T16:00:00+00:00"}  # Friday, 16:00 in London
    service = Service(Store(tmp_path / "db", clock=lambda: clock["now"]), faq)
    routine = service.escalate(service.ask(UNKNOWN_QUESTION, "U1", Where("dm", "D1", "1.1")).question.id, "U1")[0]
    urgent = service.ask(URGENT_QUESTION + " zorblat", "U2", Where("dm", "D2", "2.2")).question
    assert urgent.urgent
    hours, four = WorkingHours.parse(OFFICE), dt.timedelta(hours=4)
    assert service.owe_due_reminders(four, now=at("2026-11-27T20:00:00+00:00"), hours=hours) == 1  # the urgent one
    assert service.owe_due_reminders(four, now=at("2026-11-30T12:29:00+00:00"), hours=hours) == 0
    assert service.owe_due_reminders(four, now=at("2026-11-30T12:30:00+00:00"), hours=hours) == 1
    assert service.escalation(routine.id).reminded_at


# through Slack -------------------------------------------------------------------------------------------


@pytest.fixture
def settings():
    return Settings(bot_token=h.TEST_BOT_TOKEN, signing_secret=h.TEST_SIGNING_SECRET,
                    advisor_channel=ADVISOR_CHANNEL, advisor_hours=WorkingHours.parse(OFFICE))


@pytest.fixture
def clock():
    return {"now": FRIDAY_EVENING}


@pytest.fixture
def deps(fake_slack, service, settings, clock):
    fake_slack.set_members(ADVISOR_CHANNEL, [ADVISOR, OTHER_ADVISOR])
    deps = dataclasses.replace(assemble(settings, service, client=h.web_client(fake_slack)), now=lambda: clock["now"])
    deliver_inline(deps)
    return deps


def told_the_asker(fake) -> str:
    return " ".join(texts_of(c) for c in fake.calls() if c.body.get("channel") != ADVISOR_CHANNEL)


def test_an_escalation_sent_out_of_hours_says_when_it_will_be_seen(app, fake_slack, service):
    mention(app, UNKNOWN_QUESTION)
    fake_slack.reset()
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    told = told_the_asker(fake_slack)
    assert "The advisors are not working now" in told and "Monday 30 November at 09:00" in told
    assert "after 4 hours of their working time" in told


def test_an_urgent_question_out_of_hours_is_told_not_to_wait_for_the_advisors(app, fake_slack):
    mention(app, URGENT_QUESTION)
    reply = next(c.body for c in fake_slack.calls("chat.postMessage") if c.body["channel"] != ADVISOR_CHANNEL)
    first = reply["blocks"][0]["text"]["text"]
    assert "999" in first and "*Do not wait for them.* The advisors are not working now" in first


def test_in_hours_the_asker_hears_nothing_about_hours(app, fake_slack, service, clock):
    clock["now"] = TUESDAY_MORNING
    mention(app, URGENT_QUESTION)
    mention(app, UNKNOWN_QUESTION, ts="1700000000.000002")
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    told = told_the_asker(fake_slack)
    assert "999" in told and "Sent to the advisors" in told and "not working now" not in told


def test_the_keeper_reminds_after_working_time_has_passed(app, deps, fake_slack, service, clock):
    mention(app, UNKNOWN_QUESTION)
    click(app, fake_slack, ids.ESCALATE, str(flows.only_question_id(service)))
    clock["now"] = dt.datetime.now(UTC) + dt.timedelta(minutes=1)
    assert look_after_queue(deps) == (0, 0)
    clock["now"] = dt.datetime.now(UTC) + dt.timedelta(days=7)  # any week holds 4 working hours
    assert look_after_queue(deps) == (0, 1)
