"""Plain wording in what people read (accessibility review s10 #11-#15): a title that states a myth says
so; emoji only where they add meaning (a warning for an answer that does not hold and for act-now); the
decision form says which fields are needed and their limits; one label for the escalate action; the
digest gives its week as dates and its times in words."""

import json
import re

from test_digest import ask, clock, seed_groups, small_faq, store  # noqa: F401 - fixtures, used by name
from test_message_text import escalation, every_message, question

from bot.answers import entry_title
from bot.decisions import LIMITS
from bot.digest import figures
from bot.digest.wording import duration
from bot.records import CLOSED
from bot.slack.blocks import app_home, asker_notices, modals, replies
from bot.slack.blocks.digest import render_blocks, summary_text
from bot.slack.blocks.faq_answer import entry_blocks
from bot.slack.blocks.ids import ESCALATE
from bot.slack.blocks.plain import block_texts, blocks_text

EMOJI = re.compile(r"(?<![\w:]):[a-z][a-z0-9_+\-]*:(?![\w:])")
ADVISORS_SEE = ("answer redacted (advisor)", "follow-up post (advisor)", "held follow-ups (advisor)", "card, urgent, paged",
                "card, answered", "reminder", "reminder, claimed")


def test_a_title_that_states_a_myth_is_labelled_so_and_only_that(faq):
    statements = [e for e in faq.entries if not e.question.rstrip().endswith("?")]
    assert len(statements) == 9  # the rule, checked on every entry: each one's answer contradicts its title
    assert all(re.match(r"\*(No|Not necessarily|Wrong)\b", e.answer) for e in statements)
    for entry in faq.entries:
        (heading,) = [b["text"]["text"] for b in entry_blocks(entry, 7) if b["type"] == "header"]
        assert heading == (f"Myth: {entry.question}" if entry in statements else entry.question), entry.id
    shown = json.dumps(replies.reply_message(question(), "suggest", statements[:3], False).blocks, ensure_ascii=False)
    assert shown.count("Show answer: Myth: ") == 3 and shown.count("• Myth: ") == 3
    assert entry_title("Can I share?") == "Can I share?"


def test_the_asker_sees_emoji_only_as_a_warning_of_act_now_or_does_not_hold(faq):
    for name, message in every_message(faq).items():
        if name in ADVISORS_SEE:
            continue
        for block in message.blocks:
            for text in block_texts(block):
                codes = set(EMOJI.findall(text))
                assert codes <= {":warning:"}, (name, codes)
                if codes:
                    assert "999" in text or "does not hold" in text, (name, text)


def test_the_decision_form_says_what_is_needed_and_how_much_fits(faq):
    view = modals.decision_modal(faq.entries[0], {})
    inputs = {b["block_id"]: b for b in view["blocks"] if b["type"] == "input"}
    assert inputs["shared_with"]["label"]["text"] == "With whom (needed if you shared)"
    assert inputs["what_shared"]["label"]["text"] == "What was shared (needed if you shared)"
    for field, limit in LIMITS.items():
        assert f"Up to {limit:,} characters." in inputs[field]["hint"]["text"], field
    assert "what you weighed" in inputs["reasons"]["hint"]["text"]
    assert "placeholder" not in inputs["reasons"]["element"]  # an instruction that vanished once typing started


def test_one_label_asks_an_advisor_wherever_it_is_offered(faq):
    labels = set()
    for message in every_message(faq).values():
        for block in message.blocks:
            for element in [*block.get("elements", []), block.get("accessory") or {}]:
                if element.get("action_id") == ESCALATE:
                    labels.add(element["text"]["text"])
    assert labels == {"Ask an advisor", "None of these: ask an advisor"}


def test_the_digest_gives_its_week_as_dates_and_what_is_still_open(store, clock):  # noqa: F811
    seed_groups(store, clock, "How long do we have to report a data breach to the ICO?", ["UA", "UB", "UC"])
    ask(store, clock, "2026-11-18T11:00:00", text="can I share CCTV with the insurer?", decision="escalate",
        faq_id=None, escalate=True)
    digest = figures.build_digest(store, small_faq(), "2026-W47")
    assert summary_text(digest).startswith("canishare weekly digest, Mon 16 to Sun 22 November 2026: 1 escalation "
                                           "still open, 4 questions asked")
    main, thread = render_blocks(digest)
    assert main[0]["text"]["text"] == "canishare weekly digest: Mon 16 to Sun 22 November 2026"
    assert [duration(h) for h in (0.2, 1, 1.5, 28.0, 60)] == ["12 minutes", "1 hour", "1.5 hours", "28 hours",
                                                              "2.5 days"]


# short sentences in the longest system messages (s10 #8: the FAQ's own text is another helper's) ---------


def words_per_sentence(text: str) -> list[int]:
    return [len(s.split()) for line in text.splitlines() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]


def test_the_closed_notice_the_privacy_paragraph_and_the_cut_notice_are_in_short_sentences():


    closed = blocks_text(replies.closed_message(escalation(CLOSED)).blocks[:1])
    privacy = blocks_text(app_home.privacy_blocks(None, 365)[1:2])
    cut = blocks_text(asker_notices.with_cut_notice(replies.usage_message(), 5230, "dm").blocks[-1:])
    for text in (closed, privacy, cut):  # before: at most 23, 46 and 33 words, 21 to 28 on average
        counts = words_per_sentence(text)
        assert max(counts) <= 25 and sum(counts) / len(counts) <= 16, (counts, text)
    assert "ask your information governance lead or data protection officer" in closed
    assert "365 days" in privacy and "erased" in privacy and "at risk now" in privacy
