"""Listeners: the ways to ask (slash command and its modal, DM, @mention, message shortcut, App Home
button) and the suggestion buttons of a reply. Each records the question and the reply it is owed
in one commit and acknowledges Slack; the deliverer sends the reply."""

from __future__ import annotations

from typing import Callable

from slack_bolt import App
from slack_sdk import WebClient

from bot.edits import EDITED_REPLY_TO, EDITED_TO, EditMeans, reply_not_added_said, too_late_said
from bot.questions import EmptyQuestion, QuestionTooLong
from bot.records import State, Via, Where
from bot.service import AlreadyHandled, Service
from bot.slack.blocks import ids
from bot.slack.blocks.asker_notices import asked_from_home_modal
from bot.slack.blocks.modals import ask_modal
from bot.slack.delivery import click_route
from bot.slack.deps import Deps, just_ack
from bot.slack.home import publish_home
from bot.slack.message_text import message_text_of
from bot.slack.modal_opening import open_modal
from bot.slack.payloads import (
    action_value,
    event_id_of,
    metadata_of,
    plain_text,
    private_route,
    question_of,
    question_ref,
    shared_channel_of,
    team_of,
    text_input,
    user_of,
)
from bot.slack.submissions import keep_open
from bot.slack.threads import ThreadUnreadable, thread_post
from bot.small_talk import is_blank, small_talk
from bot.thread_questions import has_no_question_of_its_own, question_from_thread

COMMAND = "/canishare"
SHORTCUT = "ask_canishare"
NO_TEXT = "That message has no text I can check."
NOT_A_QUESTION = "Type your question: describe the situation (without names) and what you want to know."
ENTRY_GONE = "That FAQ entry is no longer in the FAQ. Please ask again."
# A file shared with typed text, and a thread reply also sent to the channel, are questions too.
QUESTION_SUBTYPES = (None, "file_share", "thread_broadcast")


class EditNotAnswered(EmptyQuestion):
    """An edit made too late to be answered: the asker is told why, and what to do instead."""

    def __init__(self, why: str):
        super().__init__(why)
        self.reply = None


def register(app: App, deps: Deps) -> None:
    """The ways to ask, each wired by its own function."""
    register_command(app, deps)
    register_dm(app, deps)
    register_mention(app, deps)
    register_shortcut(app, deps)
    register_home_ask(app, deps)
    app.action(ids.SHOW_ENTRY)(show_entry_listener(deps))


def asking(deps: Deps) -> Callable[..., bool]:
    """What every way to ask calls: ``ask(text, asker, where, route, event_id=None, in_form=False)``."""
    service = deps.service

    def ask(text: str, asker: str, where: Where, route: dict, event_id: str | None = None,
            in_form: bool = False) -> bool:
        """Record the question and owe its reply (``route``: where to send it besides ``where``, and
        where to tell the asker alone of a short reply); whether it signals an urgent risk. ``in_form``:
        a question too long is raised, for the form to say so where it was typed."""
        try:
            return service.ask(text, asker, where, reply=route, event_id=event_id, conversation=True).urgent
        except EmptyQuestion as not_a_question:  # blank, help, hello, thanks, too long: a short reply, once
            if in_form and isinstance(not_a_question, QuestionTooLong):
                raise
            service.reply_briefly(asker, not_a_question, route, event_id)
        except AlreadyHandled as handled:  # Slack's retry of an event whose reply is already owed
            return handled.urgent  # as when it was recorded, not read again: a resubmitted modal keeps its 999
        return False

    return ask


def register_command(app: App, deps: Deps) -> None:
    """/canishare with a question, or with none: the Ask pop-up (which App Home's button opens too)."""
    ask = asking(deps)

    def on_command(ack, command: dict) -> None:
        text = plain_text(command.get("text"))
        if not is_blank(text):
            where = Where(Via.COMMAND, shared_channel_of(command), team=command.get("team_id"))
            ask(text, command["user_id"], where, {"response_url": command.get("response_url")})
        ack()

    def open_ask_modal(command: dict) -> None:
        if is_blank(plain_text(command.get("text"))):
            metadata = {"source": Via.COMMAND, "channel": shared_channel_of(command),
                        "response_url": command.get("response_url")}
            open_modal(deps, command, ask_modal(metadata))

    app.command(COMMAND)(ack=on_command, lazy=[open_ask_modal])

    def on_ask_modal(ack, body: dict, view: dict) -> None:
        text = text_input(view, ids.QUESTION_BLOCK, ids.QUESTION_INPUT)
        if small_talk(text) is not None:
            ack(response_action="errors", errors={ids.QUESTION_BLOCK: NOT_A_QUESTION})
            return
        metadata = metadata_of(view)
        where = Where(metadata.get("source") or Via.HOME, metadata.get("channel"), team=team_of(body))
        once = f"view:{view['id']}" if view.get("id") else None  # the same modal submitted twice asks once
        try:
            urgent = ask(text, user_of(body), where, {"response_url": metadata.get("response_url")}, once, in_form=True)
        except QuestionTooLong as too_long:  # the form stays open with what they typed, to shorten it there
            ack(response_action="errors", errors={ids.QUESTION_BLOCK: str(too_long)})
            return
        except Exception as error:  # noqa: BLE001 - the store failed: keep the modal, and the question, open
            keep_open(ack, ids.QUESTION_BLOCK, error, "a question")
            return
        if where.source == Via.HOME:  # the reply is in the DM: say so, rather than close without a word
            ack(response_action="update", view=asked_from_home_modal(urgent))
        else:
            ack()

    def refresh_home_after_ask(body: dict, client: WebClient) -> None:
        if (metadata_of(body.get("view") or {}).get("source") or Via.HOME) == Via.HOME and user_of(body):
            publish_home(client, deps, user_of(body))

    app.view(ids.ASK_MODAL)(ack=on_ask_modal, lazy=[refresh_home_after_ask])


def register_dm(app: App, deps: Deps) -> None:
    """A direct message: a question, a reply in the thread of one still with the advisors, or an edit."""
    service, ask = deps.service, asking(deps)

    @app.event("message")
    def on_message(event: dict, context, body: dict) -> None:
        if is_edit_in_dm(event, context.bot_user_id):
            answer_edit(service, ask, event, body, context.bot_user_id)
            return
        if not is_question_in_dm(event, context.bot_user_id):
            return
        text, thread = question_of(event.get("text"), context.bot_user_id), event.get("thread_ts") or event["ts"]
        if thread != event["ts"]:  # a reply in the thread of a question still with the advisors adds to it
            in_thread = service.reply_in_thread(event["user"], event["channel"], thread, text)
            if in_thread.adds_to_it:
                add_follow_up(service, in_thread.escalation, text, event, {}, event_id_of(body))
                return
        where = Where(Via.DM, event["channel"], thread_ts=thread, message_ts=event["ts"], team=team_of(body))
        ask(text, event["user"], where, {}, event_id_of(body))


def register_mention(app: App, deps: Deps) -> None:
    """A mention in a channel: a question, a follow-up in its thread, or a question about the thread."""
    service, ask = deps.service, asking(deps)

    @app.event("app_mention")
    def on_mention(event: dict, context, body: dict) -> None:
        if (event.get("subtype") not in QUESTION_SUBTYPES or event.get("bot_id")
                or str(event.get("channel", "")).startswith("D")):
            return  # edits, bots, and DMs (answered as messages)
        thread = event.get("thread_ts") or event["ts"]
        text = question_of(event.get("text"), context.bot_user_id)
        where = Where(Via.MENTION, event["channel"], thread_ts=thread, message_ts=event["ts"], team=team_of(body))
        # a short reply (help, thanks, too long) goes to the asker alone, in the thread where they asked
        route = {"channel": event["channel"], "thread_ts": thread}
        if thread != event["ts"]:  # in a thread: a follow-up, or a question about the thread
            in_thread = service.reply_in_thread(event["user"], event["channel"], thread, text)
            if in_thread.adds_to_it:
                add_follow_up(service, in_thread.escalation, text, event, route, event_id_of(body))
                return
            if in_thread.escalation is None and has_no_question_of_its_own(text):
                try:
                    first, author = thread_post(deps.client, event["channel"], thread, context.bot_user_id)
                except ThreadUnreadable as unreadable:
                    service.reply_briefly(event["user"], unreadable, route, event_id_of(body))
                    return
                text = question_from_thread(first, text)
                if author and author != event["user"]:  # identifiers in it are someone else's post to remove
                    route["post_by"] = author
        ask(text, event["user"], where, route, event_id_of(body))


def add_follow_up(service: Service, escalation, text: str, event: dict, route: dict, event_id: str | None,
                  wording: str = "{}") -> None:
    try:
        service.add_follow_up(escalation, text, event["user"], event["channel"], event["ts"], event_id, wording)
    except QuestionTooLong as too_long:  # the refusal in the thread they wrote in, to them alone
        service.reply_briefly(event["user"], too_long, route, event_id)


def answer_edit(service: Service, ask: Callable[..., bool], event: dict, body: dict, bot_user_id: str | None) -> None:
    """A DM question edited soon after its answer is answered again, as the new text asks; one already
    with the advisors gets the new wording as a follow-up (``bot.edits``); one too late is told so. An edit
    of a reply in the thread of a question still with the advisors is added to its escalation, as the reply."""
    edited, before = event["message"], event.get("previous_message") or {}
    text = question_of(edited.get("text"), bot_user_id)
    means, original, escalation = service.edit_of(edited["user"], event["channel"], edited["ts"],
                                                  question_of(before.get("text"), bot_user_id), text,
                                                  thread_of(edited))
    if means in (EditMeans.FOLLOW_UP, EditMeans.REPLY_FOLLOW_UP):  # the edit's own ts: each edit added once
        edit_ts = event["ts"] if isinstance(event.get("ts"), str) and event["ts"] else edited["ts"]
        the_edit = {"user": edited["user"], "channel": event["channel"], "ts": edit_ts}
        wording = EDITED_TO if means is EditMeans.FOLLOW_UP else EDITED_REPLY_TO
        add_follow_up(service, escalation, text, the_edit, {}, event_id_of(body), wording)
    elif means is EditMeans.REPLY_NOT_ADDED:
        said = reply_not_added_said(escalation.id, escalation.state == State.ANSWERED)
        service.reply_briefly(edited["user"], EditNotAnswered(said), {}, event_id_of(body))
    elif means is EditMeans.NEW_QUESTION:
        ask(text, edited["user"], original.where, {}, event_id_of(body))
    elif means is EditMeans.TOO_LATE:
        said = too_late_said(escalation.id if escalation else None,
                             escalation is not None and escalation.state == State.ANSWERED)
        service.reply_briefly(edited["user"], EditNotAnswered(said), {}, event_id_of(body))


def register_shortcut(app: App, deps: Deps) -> None:
    """The message shortcut: the message it is used on, asked as a question."""
    service, ask = deps.service, asking(deps)

    @app.shortcut(SHORTCUT)
    def on_shortcut(ack, shortcut: dict, context) -> None:
        message = shortcut.get("message") or {}
        text = question_of(message_text_of(message), context.bot_user_id)
        route = private_route(shortcut)
        if is_blank(text):
            service.tell(user_of(shortcut), NO_TEXT, route)
        else:
            where = Where(Via.SHORTCUT, shared_channel_of(shortcut),
                          thread_ts=message.get("thread_ts") or shortcut.get("message_ts"),
                          message_ts=shortcut.get("message_ts"), team=team_of(shortcut))
            ask(text, user_of(shortcut), where, route)
        ack()


def register_home_ask(app: App, deps: Deps) -> None:
    """App Home's Ask button opens the Ask pop-up."""
    def open_home_ask_modal(body: dict) -> None:
        open_modal(deps, body, ask_modal({"source": Via.HOME}))

    app.action(ids.HOME_ASK)(ack=just_ack, lazy=[open_home_ask_modal])


def show_entry_listener(deps: Deps) -> Callable:
    """"Show answer" on a suggestion."""
    service = deps.service

    def on_show_entry(ack, body: dict) -> None:
        """The entry is owed where the button was clicked (the deliverer sends it, and retries)."""
        question_id, entry_id = question_ref(action_value(body))
        if service.faq.get(entry_id or "") is None:
            service.tell(user_of(body), ENTRY_GONE, private_route(body))
        else:
            service.owe_entry(user_of(body), question_id, entry_id, click_route(body))
        ack()

    return on_show_entry

def is_edit_in_dm(event: dict, bot_user_id: str | None) -> bool:
    """A person's edit of their own message in their DM with the bot, in the shape Slack sends it (anything
    else is ignored, not failed on)."""
    edited, before = event.get("message"), event.get("previous_message")
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") == "message_changed"
        and _is_text(event.get("channel"))
        and isinstance(edited, dict) and isinstance(before, dict | None)
        and not edited.get("bot_id")
        and _is_text(edited.get("user")) and _is_text(edited.get("ts"))
        and isinstance(edited.get("text"), str | None) and isinstance((before or {}).get("text"), str | None)
        and edited.get("user") != bot_user_id
    )


def thread_of(message: dict) -> str | None:
    """The thread ``message`` was sent in, if any (Slack's own shape, else None)."""
    thread = message.get("thread_ts")
    return thread if _is_text(thread) else None


def _is_text(value) -> bool:
    return isinstance(value, str) and bool(value)


def is_question_in_dm(event: dict, bot_user_id: str | None) -> bool:
    """A person's new message in their DM with the bot (not an edit, a bot, or the bot itself)."""
    return (
        event.get("channel_type") == "im"
        and event.get("subtype") in QUESTION_SUBTYPES
        and not event.get("bot_id")
        and bool(event.get("user"))
        and event.get("user") != bot_user_id
    )
