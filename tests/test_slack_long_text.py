"""Long text through the Bolt app: a limit is on what the person typed, nothing within it is ever cut
(escaping and placeholders make text longer), and whatever is shown is shown whole, in as many
sections as it needs. Fixtures and helpers come from tests/test_slack_flows.py."""

import datetime as dt
import json

import pytest
from slack_flow_fixtures import *  # noqa: F403 - the fixtures, used by name as arguments
from test_block_kit_limits import problems_in
from test_slack_decisions import decision_values, radio, submit_decision
from test_slack_flows import (
    ADVISOR,
    ADVISOR_CHANNEL,
    ASKER,
    advisor_posts,
    click,
    escalate_a_mention,
    send,
    slash,
    submit_answer,
    texts_of,
)

from bot.records import ANSWERED
from bot.slack.blocks import ids
from bot.slack.blocks.kit import split_text, whole_text_sections

import slack_harness as h

BACKGROUND = "Background: the family moved here last year and the school has had attendance concerns. " * 60


def shown_text(blocks) -> str:
    """Everything the blocks' sections say, with the quotation marks and the cuts between sections gone."""
    texts = [b["text"]["text"] for b in blocks if b.get("type") == "section"]
    return " ".join(line.removeprefix("> ") for t in texts for line in t.splitlines())


def dms_to(fake, user=ASKER):
    return [c for c in fake.calls("chat.postMessage") if c.body.get("channel") == f"D{user}"]


def test_split_text_keeps_everything_and_never_splits_an_entity():
    text = "s.17 &amp; s.47 " * 500 + "x" * 7000
    pieces = split_text(text, 3000)
    assert all(len(p) <= 3000 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
    assert not any(p.endswith(("&", "&a", "&am", "&amp")) for p in pieces)
    assert all(len(b["text"]["text"]) <= 3000 for b in whole_text_sections("\n" * 9000 + "end", "head", quote=True))


def test_an_answer_lengthened_by_escaping_reaches_the_asker_and_the_card_whole(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    answer = ("Under s.17 & s.47 of the Children Act 1989 you may share with children's social care. " * 40)[:2950]
    answer += " END-OF-ANSWER"
    fake_slack.reset()
    assert submit_answer(app, escalation.id, answer).body == ""

    relayed = fake_slack.last("chat.postMessage").body
    assert "END-OF-ANSWER" in shown_text(relayed["blocks"]) and not problems_in(relayed, "message")
    assert "s.17 &amp; s.47" in shown_text(relayed["blocks"])
    card = fake_slack.last("chat.update").body
    assert "END-OF-ANSWER" in shown_text(card["blocks"]) and not problems_in(card, "message")


def test_an_answer_within_the_modal_limit_is_taken_whole_however_placeholders_lengthen_it(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    answer = ("Share what is necessary and proportionate, and record why. " * 60)[:2976] + " e.g. DOB 1/2/10 M1 1AA"
    assert len(answer) <= 3000
    assert submit_answer(app, escalation.id, answer).body == ""
    stored = service.escalation(escalation.id)
    assert stored.state == ANSWERED and stored.answer.endswith("[postcode]") and len(stored.answer) > 3000


def test_an_answer_over_the_limit_as_typed_is_refused_with_the_real_figures(app, fake_slack, service):
    escalation = escalate_a_mention(app, fake_slack, service)
    body = json.loads(submit_answer(app, escalation.id, "y" * 3001).body)
    assert body["errors"][ids.ANSWER_BLOCK] == "The answer is 3,001 characters; the most is 3,000. Please shorten it."


def test_a_decision_record_within_the_modal_limits_is_kept_and_sent_whole(app, fake_slack, service):
    reasons = "Born 1/2/10, lives at M1 1AA. " + "We weighed the risk to the child against privacy. " * 30
    reasons = reasons[:1470] + " FINAL REASON KEPT"
    assert len(reasons) <= 1500
    response = submit_decision(app, "{}", decision_values(reasons=reasons, decision=radio("not_shared"),
                                                          shared_with=None, what_shared=None))
    assert response.body == ""
    (record,) = service.decision_records(ASKER)
    assert record.reasons.endswith("FINAL REASON KEPT") and "[postcode]" in record.reasons
    assert "FINAL REASON KEPT" in texts_of(dms_to(fake_slack)[-1])


def test_a_decision_record_field_over_its_limit_is_refused_on_its_input(app, fake_slack, service):
    response = submit_decision(app, "{}", decision_values(reasons="r" * 1501))
    assert json.loads(response.body)["errors"] == {"reasons": "This is 1,501 characters; the most is 1,500. "
                                                              "Please shorten it."}
    assert service.decision_records(ASKER) == []


def test_advisors_see_the_whole_of_a_long_question(app, fake_slack, service):
    question = BACKGROUND[:2700] + " MY ACTUAL QUESTION: may the nurse tell the GP about the bruise?"
    payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: question}},
                                        json.dumps({"source": "home"}))
    send(app, h.view_submission_request(payload))
    (question_row, _), = service.recent_questions(ASKER)
    click(app, fake_slack, ids.ESCALATE, str(question_row.id))
    card = advisor_posts(fake_slack)[-1].body
    assert "MY ACTUAL QUESTION" in shown_text(card["blocks"]) and not problems_in(card, "message")

    escalation = service.queue()[-1]
    click(app, fake_slack, ids.ANSWER_ACTION, str(escalation.id), user=ADVISOR, channel_id=ADVISOR_CHANNEL)
    modal = fake_slack.last("views.open").body["view"]
    assert "MY ACTUAL QUESTION" in shown_text(modal["blocks"]) and not problems_in(modal, "modal")

    send(app, h.event_request(h.app_home_opened_event(ADVISOR)))
    assert "Shortened here" in texts_of(fake_slack.last("views.publish"))


def test_a_question_longer_than_canishare_takes_is_refused_whole_with_the_limit(app, fake_slack, service):
    long_dm = BACKGROUND[:4300] + " MY ACTUAL QUESTION: can I tell the police?"
    send(app, h.event_request(h.dm_event(long_dm)))
    assert service.store.questions() == []
    told = texts_of(fake_slack.last("chat.postMessage"))
    assert f"{len(long_dm):,} characters" in told and "up to 4,000" in told


# An FAQ answer (curator review #7, #8): shown whole, split between paragraphs or sentences, its Markdown
# in Slack's forms.

def long_entry(answer: str):
    from bot.faq import FaqEntry

    return FaqEntry(id="long-one", question="Can I share it?", variants=(), answer=answer, legal_basis=("UK GDPR",),
                    sources=(), tags=("t",), last_reviewed=dt.date(2026, 11, 26), nations=("england",))


def test_a_long_faq_answer_is_shown_whole_in_sections_cut_between_sentences():
    from bot.slack.blocks.replies import entry_blocks

    paragraph = " ".join(f"Sentence {n} says what to check before sharing, and why it matters." for n in range(12))
    answer = "\n\n".join([paragraph] * 10) + " Record what you shared, with whom and why."
    sections = [b["text"]["text"] for b in entry_blocks(long_entry(answer), 1) if b["type"] == "section"]
    answer_sections = [t for t in sections if "Sentence" in t]
    assert len(answer_sections) >= 3 and all(len(t) <= 3000 for t in sections)
    assert not any(t.endswith("…") for t in sections)
    assert all(t.endswith(".") for t in answer_sections)
    assert "Record what you shared, with whom and why." in answer_sections[-1]
    assert " ".join(answer_sections).replace("\n", " ").split() == answer.split()


def test_split_text_prefers_a_paragraph_then_a_sentence_to_any_space():
    text = "The first paragraph ends here, a little later on.\n\n" + "A sentence. " * 5 + "and words"
    assert split_text(text, 80)[0] == "The first paragraph ends here, a little later on."
    assert split_text("A sentence. " * 5 + "word " * 10, 70)[0].endswith("A sentence.")


def test_markdown_in_an_faq_answer_reaches_slack_in_slacks_forms():
    from bot.slack.blocks.replies import entry_blocks

    answer = ("## Privacy notices matter\n**No.** See [the ICO guidance](https://ico.org.uk/x?a=1&b=2) & more.\n"
              "- __Record__ what you shared")
    (shown,) = [b["text"]["text"] for b in entry_blocks(long_entry(answer), 1) if "Privacy" in b.get("text", {})
                .get("text", "")]
    assert "*Privacy notices matter*\n*No.* See <https://ico.org.uk/x?a=1&amp;b=2|the ICO guidance> &amp; more." \
        in shown
    assert "• *Record* what you shared" in shown and "**" not in shown and "##" not in shown


@pytest.mark.parametrize("written, shown", [
    ("[guidance](https://www.gov.uk/guidance/data__sharing__code) and __bold__",
     "<https://www.gov.uk/guidance/data__sharing__code|guidance> and *bold*"),  # no bold inside an address
    ("See [Working Together [2023]](https://www.gov.uk/government/publications/wt--2)",
     "See <https://www.gov.uk/government/publications/wt--2|Working Together [2023]>"),
    ("[s115](https://www.legislation.gov.uk/ukpga/1998/37/section/115_(1)) now",
     "<https://www.legislation.gov.uk/ukpga/1998/37/section/115_(1)|s115> now"),
    ("Run `**not bold**` and `[x](https://ico.org.uk/a)` as written",
     "Run `**not bold**` and `[x](https://ico.org.uk/a)` as written"),  # code spans as written
    ("- health\n  - GP records\n    * letters", "• health\n  • GP records\n    • letters"),
    ("## Step 1: check *who* asks ##", "*Step 1: check who asks*"),  # Slack cannot nest bold
    ("See https://www.legislation.gov.uk/ukpga/2018/12/schedule/1__part__2 or https://x.gov.uk/forms/**draft**",
     "See https://www.legislation.gov.uk/ukpga/2018/12/schedule/1__part__2 or https://x.gov.uk/forms/**draft**"),
    ("[ICO **code**](https://ico.org.uk/x)", "<https://ico.org.uk/x|ICO code>"),
    ("see www.gov.uk/guidance/data__sharing__code", "see www.gov.uk/guidance/data__sharing__code"),
])
def test_markdown_edge_cases_reach_slack_as_meant(written, shown):
    from bot.mrkdwn import escape_mrkdwn, markdown_to_mrkdwn, markup_slack_cannot_show

    assert markdown_to_mrkdwn(escape_mrkdwn(written)) == shown and not markup_slack_cannot_show(written)


URGENT_TAIL = (" Today the girl told me her stepdad hit her with a belt last night and she is scared to go home "
               "tonight. Can I tell social services without mum's consent?")


@pytest.mark.parametrize("ask", ["slash", "dm", "mention", "shortcut", "modal"])
def test_an_urgent_question_over_the_limit_is_cut_and_escalated_not_refused(app, fake_slack, service, ask):
    long_text = BACKGROUND[:4300] + URGENT_TAIL
    if ask == "slash":
        slash(app, fake_slack, long_text)
    elif ask == "dm":
        send(app, h.event_request(h.dm_event(long_text)))
    elif ask == "mention":
        send(app, h.event_request(h.app_mention_event(long_text)))
    elif ask == "shortcut":
        send(app, h.shortcut_request(h.message_shortcut_payload("ask_canishare", long_text)))
    else:
        payload = h.view_submission_payload(ids.ASK_MODAL, {ids.QUESTION_BLOCK: {ids.QUESTION_INPUT: long_text}},
                                            json.dumps({"source": "home"}))
        send(app, h.view_submission_request(payload))
    (question, escalation), = service.recent_questions(ASKER)
    assert question.urgent and escalation is not None and escalation.urgent
    assert "scared to go home" in question.text and "Cut by canishare" in question.text
    assert len(question.text) <= 4000
    assert "characters; I can take up to" not in json.dumps([c.body for c in fake_slack.calls()])
