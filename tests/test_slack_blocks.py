"""The Block Kit builders and payload readers of the Slack layer: pure functions, no Slack."""

import datetime as dt
import json

import pytest

from bot.matching import ANSWER, ESCALATE, SUGGEST
from bot.mrkdwn import WORD_JOINER, escape_user_text
from bot.policy_copy import DISCLAIMER
from bot.records import ANSWERED, CLAIMED, CLOSED, OPEN, Escalation, Question, Where
from bot.slack.blocks import advisor_card, app_home, ids, kit, modals, replies
from bot.slack.payloads import plain_text, question_ref, without_mentions_of

NOW = dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.timezone.utc)


def question(text="can I share this?", **changes) -> Question:
    fields = dict(id=7, text=text, asker="U123", where=Where("mention", "C1", "1.1", "1.1"), decision=ESCALATE,
                  faq_id=None, score=10.0, suggestions=(), redacted_kinds=(), urgent=False,
                  created_at="2026-11-26T11:00:00+00:00")
    return Question(**{**fields, **changes})


def escalation(state=OPEN, **changes) -> Escalation:
    fields = dict(id=3, question_id=7, state=state, urgent=False, created_at="2026-11-26T11:00:00+00:00",
                  question=question())
    return Escalation(**{**fields, **changes})


def action_ids(block_list) -> list[str]:
    ids = []
    for block in block_list:
        ids += [e["action_id"] for e in block.get("elements", []) if "action_id" in e]
        if "accessory" in block:
            ids.append(block["accessory"]["action_id"])
    return ids


# escaping ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    "<!channel>", "<!here>", "<!everyone>", "<@U999>", "<#C123>", "<!subteam^S123|@team>",
    "@here", "@channel", "@everyone", "@HERE please",
])
def test_escape_user_text_neutralises_mentions_and_broadcasts(typed):
    escaped = escape_user_text(typed)
    assert "<" not in escaped and ">" not in escaped
    assert "@here" not in escaped.lower() and "@channel" not in escaped.lower() and "@everyone" not in escaped.lower()


def test_escape_user_text_escapes_ampersands_first_and_keeps_words():
    assert escape_user_text("A & B <x>") == "A &amp; B &lt;x&gt;"
    assert escape_user_text("email the team@example.org here") == "email the team@example.org here"
    assert escape_user_text("@here").replace(WORD_JOINER, "") == "@here"  # reads the same


def test_clip_never_cuts_inside_an_entity():
    assert kit.clip("abc", 5) == "abc"
    assert kit.clip("ab &amp; cd", 6) == "ab …"
    assert len(kit.clip("x" * 5000, 3000)) == 3000


def test_plain_text_turns_slack_markup_back_into_what_was_typed():
    assert plain_text("mail <mailto:jo@example.com|jo@example.com> &amp; <https://x.org|x> &lt;3") == \
        "mail jo@example.com & x <3"
    assert plain_text("<!channel> hi <@U999> in <#C1|general> <!subteam^S1|@advisors>") == \
        "@channel hi @someone in #channel the advisors group"
    assert without_mentions_of("<@UBOT> can I <@U999>?", "UBOT") == "can I <@U999>?"
    assert question_ref("12|consent-always-required") == (12, "consent-always-required")
    assert question_ref("12") == (12, None)


# the reply to a question ------------------------------------------------------------------------


def test_answer_reply_has_answer_legal_basis_sources_review_date_notice_and_buttons(faq):
    entry = faq.entries[0]
    message = replies.reply_message(question(decision=ANSWER), ANSWER, [entry], urgent=False)
    text = json.dumps(message.blocks)
    assert "Legal basis:" in text and entry.legal_basis[0] in text
    assert f"<{entry.sources[0].url}|" in text
    assert "Last reviewed" in text and DISCLAIMER in text
    assert action_ids(message.blocks) == [ids.HELPFUL, ids.NOT_HELPFUL, ids.ESCALATE, ids.RECORD_DECISION]
    values = [e["value"] for b in message.blocks for e in b.get("elements", []) if "value" in e]
    assert values == [f"7|{entry.id}", f"7|{entry.id}", "7", f"7|{entry.id}|"]


def test_suggest_reply_offers_up_to_three_entries_and_none_of_these(faq):
    entries = list(faq.entries[:4])
    message = replies.reply_message(question(decision=SUGGEST), SUGGEST, entries, urgent=False)
    assert action_ids(message.blocks) == [ids.SHOW_ENTRY] * 3 + [ids.ESCALATE]
    assert "None of these: ask an advisor" in json.dumps(message.blocks, ensure_ascii=False)


def test_escalate_reply_says_so_and_offers_an_advisor():
    message = replies.reply_message(question(), ESCALATE, [], urgent=False)
    assert "The FAQ has no answer" in json.dumps(message.blocks)
    assert action_ids(message.blocks) == [ids.ESCALATE]


def test_urgent_message_comes_first_and_redactions_are_named(faq):
    q = question(redacted_kinds=("NHS number", "phone"), urgent=True, where=Where("dm", "D1", "1.1", "1.1"))
    message = replies.reply_message(q, ESCALATE, [], urgent=True)
    first = message.blocks[0]["text"]["text"]
    assert "999" in first and "safeguarding lead" in first and "does not stop you sharing" in first
    assert message.text.startswith("If someone is at immediate risk")
    assert "NHS number and phone" in json.dumps(message.blocks)


def test_every_block_respects_slack_limits(faq):
    long_question = question(text="<!channel> " + "x" * 5000)
    for message in (replies.reply_message(long_question, SUGGEST, list(faq.entries[:3]), True),
                    advisor_card.advisor_message(escalation(question=long_question), faq, NOW)):
        for block in message.blocks:
            if block["type"] == "section":
                assert len(block["text"]["text"]) <= 3000
            for element in block.get("elements", []):
                if element.get("type") == "button":
                    assert len(element["text"]["text"]) <= 75


# the advisor channel -----------------------------------------------------------------------------


@pytest.mark.parametrize("state, expected", [
    (OPEN, [ids.CLAIM, ids.ANSWER_ACTION, ids.CLOSE]),
    (CLAIMED, [ids.ANSWER_ACTION, ids.RELEASE, ids.CLOSE]),
    (ANSWERED, [ids.CLOSE, ids.REOPEN]),
    (CLOSED, [ids.REOPEN]),
])
def test_advisor_message_shows_the_buttons_valid_in_each_state(faq, state, expected):
    e = escalation(state, claimed_by="UADV1", claimed_at="2026-11-26T11:30:00+00:00", answered_by="UADV1",
                   answered_at="2026-11-26T11:45:00+00:00", answer="Yes.", closed_by="UADV1",
                   closed_at="2026-11-26T11:50:00+00:00")
    message = advisor_card.advisor_message(e, faq, NOW)
    assert action_ids(message.blocks) == expected
    text = json.dumps(message.blocks)
    assert "<@U123>" in text and "1 hour" in text
    if state != OPEN:
        assert "<@UADV1>" in text and "<!date^" in text


def test_advisor_message_flags_urgent_and_lists_best_guesses(faq):
    first, second = faq.entries[0].id, faq.entries[1].id
    q = question(suggestions=(first, second))
    message = advisor_card.advisor_message(escalation(urgent=True, question=q), faq, NOW)
    text = json.dumps(message.blocks)
    assert ":rotating_light: *URGENT*" in text and message.text.startswith("URGENT")
    assert f"`{first}`" in text and f"`{second}`" in text


def test_answer_modal_uses_a_static_select_up_to_100_entries_then_an_external_one(faq):
    view = modals.answer_modal(escalation(), faq.entries, {"escalation": 3})
    select = next(b for b in view["blocks"] if b.get("block_id") == ids.FAQ_BLOCK)["element"]
    assert select["type"] == "static_select" and len(select["options"]) == len(faq.entries)
    assert all(len(o["text"]["text"]) <= 75 for o in select["options"])
    many = list(faq.entries) * 3
    select = next(b for b in modals.answer_modal(escalation(), many, {})["blocks"]
                  if b.get("block_id") == ids.FAQ_BLOCK)["element"]
    assert select["type"] == "external_select"
    assert len(modals.faq_options(many)) == 100
    wanted = faq.entries[5].id
    assert wanted in [o["value"] for o in modals.faq_options(faq.entries, wanted)]
    assert json.loads(view["private_metadata"]) == {"escalation": 3}
    assert len(view["title"]["text"]) <= 24 and len(view["submit"]["text"]) <= 24


def test_home_view_for_practitioner_and_advisor(faq):
    recent = [(question(), escalation(CLAIMED, claimed_by="UADV1"))]
    practitioner = app_home.home_view(recent, False, [], [], NOW)
    text = json.dumps(practitioner)
    assert practitioner["type"] == "home" and "an advisor is working on it" in text
    assert "advisor queue" not in text and ids.CLAIM not in text
    queue = [escalation(OPEN, id=n) for n in range(1, 30)]
    advisor = app_home.home_view(recent, True, queue, [escalation(CLAIMED, id=40, claimed_by="UADV1")], NOW)
    assert len(advisor["blocks"]) <= 100
    block_ids = [b["block_id"] for b in advisor["blocks"] if "block_id" in b]
    assert len(block_ids) == len(set(block_ids))
    assert "queue-1" in block_ids and "mine-40" in block_ids and "…and 9 more" in json.dumps(advisor,
                                                                                             ensure_ascii=False)


def test_home_view_fits_slack_with_long_lists_and_says_how_many_more():
    import datetime as dt

    from bot.records import CLAIMED, OPEN, Escalation

    def escalation(n, state):
        return Escalation(n, n, state, False, "2026-11-20T09:00:00+00:00", claimed_by="A1" if state == CLAIMED else None)

    claimed = [escalation(n, CLAIMED) for n in range(1, 26)]
    queue = claimed + [escalation(n, OPEN) for n in range(26, 50)]
    view = app_home.home_view([], True, queue, claimed, dt.datetime(2026, 11, 23, tzinfo=dt.timezone.utc))
    assert len(view["blocks"]) <= 100
    notes = [b for b in view["blocks"] if b["type"] == "context" and "more in the advisor channel" in json.dumps(b)]
    assert len(notes) == 2
    for position, block in enumerate(view["blocks"]):  # every listed escalation keeps its buttons
        if block["type"] == "section" and block["text"]["text"].startswith("*#"):
            assert view["blocks"][position + 1]["type"] == "actions"


def listed_ids(view: dict, prefix: str) -> list[int]:
    return [int(b["block_id"].removeprefix(prefix)) for b in view["blocks"]
            if b.get("block_id", "").startswith(prefix)]


def test_home_lists_urgent_escalations_first_and_never_behind_the_more_line():
    queue = [escalation(OPEN, id=n) for n in range(1, 22)] + [escalation(OPEN, id=22, urgent=True)]
    claimed = [escalation(CLAIMED, id=n, claimed_by="UADV1") for n in range(30, 42)]
    claimed.append(escalation(CLAIMED, id=42, claimed_by="UADV1", urgent=True))
    view = app_home.home_view([], True, queue, claimed, NOW)
    text = json.dumps(view, ensure_ascii=False)
    assert listed_ids(view, "queue-")[0] == 22 and listed_ids(view, "mine-")[0] == 42
    assert "The advisor queue (22 open or claimed, 1 urgent, urgent first, then oldest first)" in text
    assert "What you have claimed: 1 urgent" in text
    assert listed_ids(view, "queue-")[1:4] == [1, 2, 3]  # the rest oldest first
    assert "…and 3 more in the advisor channel." in text  # 21 routine: 19 shown beside the urgent one


def test_home_shows_every_urgent_escalation_even_beyond_the_usual_limit():
    queue = [escalation(OPEN, id=n, urgent=True) for n in range(1, 26)] + [escalation(OPEN, id=30)]
    view = app_home.home_view([], True, queue, [], NOW)
    assert len(view["blocks"]) <= 100
    shown = listed_ids(view, "queue-")
    assert shown[:25] == list(range(1, 26)) and 30 not in shown
    assert "…and 1 more in the advisor channel." in json.dumps(view, ensure_ascii=False)


def test_home_says_how_many_urgent_are_left_when_even_they_do_not_fit():
    queue = [escalation(OPEN, id=n, urgent=True) for n in range(1, 60)]
    view = app_home.home_view([], True, queue, [], NOW)
    assert len(view["blocks"]) <= 100
    hidden = 59 - len(listed_ids(view, "queue-"))
    assert f"…and {hidden} more ({hidden} of them urgent) in the advisor channel." in json.dumps(view, ensure_ascii=False)


def test_an_advisor_answer_linked_to_an_england_only_entry_says_where_it_applies(faq):
    entry = next(e for e in faq if tuple(e.nations) == ("england",))
    linked = replies.advisor_answer_message(escalation(ANSWERED, answered_by="A1", answer="Yes.",
                                                       linked_faq_id=entry.id), faq)
    text = json.dumps(linked.blocks, ensure_ascii=False)
    assert "Applies in England only; not in Wales, Scotland or Northern Ireland." in text
    assert action_ids(linked.blocks)[-1] == ids.RECORD_DECISION
