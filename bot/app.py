"""The one factory that builds the bot; ``python -m bot`` and the tests both call it."""

from __future__ import annotations

import logging
import re
import warnings
from datetime import timedelta
from typing import Any

from telegram import LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.ext import (
    ApplicationBuilder,
    BaseHandler,
    BaseRateLimiter,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    ConversationHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest
from telegram.warnings import PTBUserWarning

from bot.delivery import digest
from bot.delivery.outbox import OutboxWorker
from bot.delivery.staff_chat import recorded_staff_chat
from bot.handlers import admin, general, groups
from bot.handlers.resident import additions, follow_up, intake
from bot.handlers.staff import answers, cards, commands, deadlines, forwarding, guide, report
from bot.ptb.concurrency import ChatOrderedUpdateProcessor
from bot.ptb.context import BotRuntime, HomThuApplication, HomThuContext
from bot.ptb.flood import SlotRateLimiter
from bot.ptb.persistence import SQLitePersistence
from bot.ptb.transport import JsonRequest
from bot.ptb.updates import HomThuBot
from bot.render import keyboards
from bot.render.keyboards import (
    AREA_PREFIX,
    CANCEL,
    EDIT,
    LANGUAGE_PREFIX,
    OPEN_CARD_PREFIX,
    PREVIEW,
    RESEND,
    RESTART_NO,
    RESTART_YES,
    SEND,
    STATUS_PREFIX,
    TOPIC_PREFIX,
)
from bot.render.menus import set_command_menus, set_descriptions
from bot.service.config import Settings
from core.anonymity import Anonymizer, master_secret
from core.clock import Clock, utc_now
from storage import Database

log = logging.getLogger(__name__)

# Our conversation is per chat and user on purpose (buttons of old messages are answered as
# stale by their own handlers), so PTB's advice about per_message does not apply.
warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)

# Updates the bot asks Telegram for; everything else is never delivered.
ALLOWED_UPDATES = [
    Update.MESSAGE,
    Update.EDITED_MESSAGE,
    Update.CALLBACK_QUERY,
    Update.MY_CHAT_MEMBER,
]
# Connections to the Bot API for everything but getUpdates (PTB's own default).
CONNECTIONS = 256
SWEEP_INTERVAL = timedelta(minutes=1)
FIRST_SWEEP = timedelta(seconds=2)
REPLY_CHANNEL_SWEEP = timedelta(hours=6)

# Handler groups; order matters: the groups the bot is in are looked at before the gate
# (which ignores every group but the staff group), an admin's /help gets the admin guide
# after the help everyone gets, the persistence flush comes last.
GROUPS_GROUP = -2
GATE_GROUP = -1
MAIN_GROUP = 0
ADMIN_HELP_GROUP = 1
FLUSH_GROUP = 100


def build_application(
    settings: Settings,
    *,
    request: BaseRequest | None = None,
    clock: Clock = utc_now,
    deliver_in_background: bool = True,
    rate_limiter: BaseRateLimiter[Any] | None = None,
    concurrent: bool = True,
) -> HomThuApplication:
    """Build the application with every handler, job and service registered.

    ``deliver_in_background=False`` leaves the outbox worker idle, for tests that call
    ``application.bot_data.outbox.deliver_due()`` themselves. ``rate_limiter`` replaces
    PTB's AIORateLimiter (benchmarks scale Telegram's limits to simulated time), and
    ``concurrent=False`` processes updates one at a time (the baseline benchmarks compare
    against).
    """
    committee = settings.committee
    database = Database(settings.database_path, clock=clock, deadlines=committee.deadlines)
    anonymizer = Anonymizer(master_secret(settings.secret_key, settings.key_file))
    persistence = SQLitePersistence(database, anonymizer)
    bot = HomThuBot(
        settings.token.reveal(),
        base_url=settings.api_base_url,
        # Files (images residents send as files) come from the same server.
        base_file_url=_file_url(settings.api_base_url),
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        request=request or JsonRequest(CONNECTIONS),
        get_updates_request=request or JsonRequest(1),
        # Retries: a 429 on an answer waits retry_after and sends, rather than failing.
        rate_limiter=rate_limiter or SlotRateLimiter(max_retries=3),
    )
    builder = (
        ApplicationBuilder()
        .bot(bot)
        .context_types(ContextTypes(context=HomThuContext, bot_data=BotRuntime))
        .persistence(persistence)
        .concurrent_updates(ChatOrderedUpdateProcessor() if concurrent else False)
        .post_init(_open_services)
        .post_stop(_stop_delivery)
        .post_shutdown(_close_services)
    )
    application: HomThuApplication = builder.build()  # type: ignore[assignment]
    runtime = application.bot_data
    runtime.configure(settings, committee, database, anonymizer, persistence)
    persistence.attach(application)
    runtime.outbox = OutboxWorker(application.bot, runtime)
    runtime.deliver_in_background = deliver_in_background
    register_handlers(application)
    job_queue = application.job_queue
    assert job_queue is not None, "python-telegram-bot[job-queue] is required"
    # The first sweep comes soon after start: drafts left idle past the limit while the
    # bot was down are discarded before their residents come back.
    job_queue.run_repeating(general.sweep_idle_drafts, interval=SWEEP_INTERVAL, first=FIRST_SWEEP)
    job_queue.run_repeating(
        cards.forget_old_reply_channels, interval=REPLY_CHANNEL_SWEEP, first=SWEEP_INTERVAL
    )
    digest.schedule(job_queue, committee)
    return application


def register_handlers(application: HomThuApplication) -> None:
    """Every handler of the bot, in the order PTB must try them.

    Order matters: the groups the bot is in are looked at before the gate; in the main
    group, what staff and agencies do comes first, then the admin commands (never taken
    for a resident's words), then what a resident follows up (an addition the bot waits
    for, a reply naming a code, a lone code) before the conversation that writes new
    feedback, and the fallbacks last; the persistence flush runs after everything.
    """
    application.add_handler(
        ChatMemberHandler(groups.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER),
        group=GROUPS_GROUP,
    )
    application.add_handler(
        MessageHandler(filters.StatusUpdate.MIGRATE, groups.group_migrated), group=GROUPS_GROUP
    )
    application.add_handler(
        CommandHandler(
            "groupid",
            groups.group_id,
            filters=filters.ChatType.GROUPS & filters.UpdateType.MESSAGE,
        ),
        group=GROUPS_GROUP,
    )
    application.add_handler(TypeHandler(Update, general.gate), group=GATE_GROUP)
    _staff_handlers(application)
    _admin_handlers(application)
    _resident_handlers(application)
    application.add_handler(CallbackQueryHandler(general.stale_button), group=MAIN_GROUP)
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.UpdateType.EDITED_MESSAGE, intake.edited_message
        ),
        group=MAIN_GROUP,
    )
    application.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE, general.private_fallback
        )
    )
    application.add_handler(TypeHandler(Update, general.persist_now), group=FLUSH_GROUP)
    application.add_error_handler(general.on_error)


def _file_url(api_base_url: str) -> str:
    """Where the Bot API at ``api_base_url`` serves files (its ``/file/bot`` beside
    ``/bot``; Telegram's own when the URL has no ``/bot`` to go by)."""
    if not api_base_url.endswith("/bot"):
        return "https://api.telegram.org/file/bot"
    return api_base_url.removesuffix("/bot") + "/file/bot"


def _button(callback: object, data: str, prefix: bool = False) -> CallbackQueryHandler[Any, Any]:
    pattern = f"^{re.escape(data)}" if prefix else f"^{re.escape(data)}$"
    return CallbackQueryHandler(callback, pattern=pattern)  # type: ignore[arg-type]


class ExpiredArea(filters.MessageFilter):
    """A resident whose idle draft was swept, with its area waiting (``general.gate``)."""

    def __init__(self, application: HomThuApplication) -> None:
        super().__init__(name="ExpiredArea")
        self._application = application

    def filter(self, message: Message) -> bool:
        """True when the sender's area waits for a new draft."""
        user = message.from_user
        if user is None:
            return False
        data = self._application.user_data.get(user.id)
        return data is not None and intake.EXPIRED_AREA in data


class StaffChat(filters.MessageFilter):
    """Messages in the staff group, wherever it is now (read from the runtime: the group
    moves when Telegram upgrades it to a supergroup, ``bot.delivery.staff_chat``)."""

    def __init__(self, runtime: BotRuntime) -> None:
        super().__init__(name="StaffChat")
        self._runtime = runtime

    def filter(self, message: Message) -> bool:
        """True in the staff group."""
        return self._runtime.committee.is_staff_chat(message.chat_id)


class Admins(filters.MessageFilter):
    """Messages from the committee's admins, as the committee stands when the message comes
    (read from the runtime, not fixed when the handlers were built)."""

    def __init__(self, runtime: BotRuntime) -> None:
        super().__init__(name="Admins")
        self._runtime = runtime

    def filter(self, message: Message) -> bool:
        """True when the sender is one of the committee's admins."""
        user = message.from_user
        return user is not None and self._runtime.committee.is_admin(user.id)


class AgencyChats(filters.MessageFilter):
    """Messages in an agency's group (read from the runtime: admins change them)."""

    def __init__(self, runtime: BotRuntime) -> None:
        super().__init__(name="AgencyChats")
        self._runtime = runtime

    def filter(self, message: Message) -> bool:
        """True in an agency's group."""
        return message.chat_id in self._runtime.agency_chats


def _staff_handlers(application: HomThuApplication) -> None:
    staff_chat = StaffChat(application.bot_data)
    # A reply to the bot's messages about a feedback is a proposal (with /note a note, with
    # /correct a correction); first, so that "/note ..." as a reply is not a command.
    prefixed = filters.Regex(re.compile(r"^/(note|correct)(@\w+)?\b", re.IGNORECASE))
    application.add_handler(
        MessageHandler(
            staff_chat
            & filters.UpdateType.MESSAGE
            & filters.REPLY
            & (~filters.COMMAND | prefixed),
            answers.staff_reply,
        ),
        group=MAIN_GROUP,
    )
    # An officer's edit of a reply that made a proposal (issue 19, item 3).
    application.add_handler(
        MessageHandler(staff_chat & filters.UpdateType.EDITED_MESSAGE, answers.staff_edit),
        group=MAIN_GROUP,
    )
    application.add_handler(
        MessageHandler(
            AgencyChats(application.bot_data)
            & filters.UpdateType.MESSAGE
            & filters.REPLY
            & ~filters.COMMAND,
            answers.agency_reply,
        ),
        group=MAIN_GROUP,
    )
    for callback, prefix in (
        (cards.status_button, STATUS_PREFIX),
        (cards.take_on_button, keyboards.TAKE_ON_PREFIX),
        (cards.ask_button, keyboards.ASK_PREFIX),
        (cards.templates_button, keyboards.TEMPLATES_PREFIX),
        (cards.open_card, OPEN_CARD_PREFIX),
        (answers.proposal_button, keyboards.PROPOSAL_PREFIX),
        (forwarding.choice_button, keyboards.REASON_PREFIX),
        (forwarding.choice_button, keyboards.AGENCY_PREFIX),
        (forwarding.elsewhere_button, keyboards.ELSEWHERE_PREFIX),
        (forwarding.result_button, keyboards.RESULT_PREFIX),
        (forwarding.agency_button, keyboards.AGENCY_GROUP_PREFIX),
        (commands.backlog_button, commands.BACKLOG_PREFIX),
        (deadlines.extend_button, keyboards.EXTEND_PREFIX),
    ):
        application.add_handler(_button(callback, prefix, prefix=True), group=MAIN_GROUP)
    for command, callback in (
        ("show", cards.show_command),
        ("digest", commands.digest_command),
        ("stats", commands.stats_command),
        ("open", commands.open_command),
        ("mine", commands.mine_command),
        ("find", commands.find_command),
        ("export", commands.export_command),
        ("report", report.report_command),
        ("extend", deadlines.extend_command),
        ("giahan", deadlines.extend_command),
    ):
        application.add_handler(
            CommandHandler(command, callback, filters=filters.UpdateType.MESSAGE),
            group=MAIN_GROUP,
        )
    application.add_handler(
        CommandHandler("help", guide.staff_help, filters=staff_chat & filters.UpdateType.MESSAGE),
        group=MAIN_GROUP,
    )


def _admin_handlers(application: HomThuApplication) -> None:
    # Before the conversation and the private fallback, so that an admin command is never
    # taken for a resident's message or an unknown command; their callbacks refuse
    # non-admins themselves.
    staff_or_private = filters.ChatType.PRIVATE | StaffChat(application.bot_data)
    for command, callback in admin.COMMANDS.items():
        application.add_handler(
            CommandHandler(
                command, callback, filters=staff_or_private & filters.UpdateType.MESSAGE
            ),
            group=MAIN_GROUP,
        )
    application.add_handler(_button(admin.resend_button, RESEND), group=MAIN_GROUP)
    admins = Admins(application.bot_data)
    admin_message = admins & staff_or_private & filters.UpdateType.MESSAGE
    application.add_handler(
        CommandHandler("help", admin.admin_help, filters=admin_message), group=ADMIN_HELP_GROUP
    )


def _resident_handlers(application: HomThuApplication) -> None:
    private = filters.ChatType.PRIVATE
    new_private = private & filters.UpdateType.MESSAGE
    # An image sent as a file is taken as a photo (re-encoded first: writing.take_content).
    content = new_private & (
        (filters.TEXT & ~filters.COMMAND)
        | filters.PHOTO
        | filters.LOCATION
        | filters.Document.IMAGE
    )
    other_content = (
        new_private
        & ~filters.TEXT
        & ~filters.PHOTO
        & ~filters.LOCATION
        & ~filters.Document.IMAGE
        & ~filters.COMMAND
    )
    staff_or_private = private | StaffChat(application.bot_data)

    application.add_handler(_button(additions.stop_adding, keyboards.STOP_ADDING, prefix=True))
    application.add_handler(_button(additions.send_addition, keyboards.SEND_ADDITION, prefix=True))
    application.add_handler(_button(additions.drop_addition, keyboards.DROP_ADDITION, prefix=True))
    application.add_handler(_button(additions.keep_addition, keyboards.KEEP_ADDITION, prefix=True))
    # An edit of a message collected for an addition changes it (before the draft's).
    application.add_handler(additions.CollectedEditHandler(application), group=MAIN_GROUP)
    application.add_handler(
        _button(follow_up.follow_up_button, keyboards.FOLLOW_UP_PREFIX, prefix=True),
        group=MAIN_GROUP,
    )
    application.add_handler(additions.AddingHandler(application), group=MAIN_GROUP)
    application.add_handler(
        MessageHandler(
            new_private & ~filters.COMMAND & additions.RepliesNamingACode(),
            additions.reply_to_bot,
        ),
        group=MAIN_GROUP,
    )
    application.add_handler(
        MessageHandler(
            new_private & filters.TEXT & ~filters.COMMAND & follow_up.LoneCode(),
            follow_up.code_message,
        ),
        group=MAIN_GROUP,
    )
    refuse: BaseHandler[Update, HomThuContext, object] = MessageHandler(
        other_content, intake.refuse_content
    )
    conversation = ConversationHandler(
        entry_points=[
            # Deep links and plain /start share one callback, which reads the argument.
            CommandHandler("start", intake.start, filters=new_private),
            _button(intake.pick_area, AREA_PREFIX, prefix=True),
            # The first message after an idle draft was swept: a new draft, same area.
            MessageHandler(content & ExpiredArea(application), intake.resume_expired),
        ],
        states={
            intake.CHOOSING_TOPIC: [
                _button(intake.pick_topic, TOPIC_PREFIX, prefix=True),
                _button(intake.switch_area, AREA_PREFIX, prefix=True),
                MessageHandler(content, intake.content_before_topic),
                refuse,
            ],
            intake.WRITING: [
                MessageHandler(content, intake.add_content),
                _button(intake.show_preview, PREVIEW),
                _button(intake.cancel_while_writing, CANCEL),
                _button(intake.cancel_confirmed, keyboards.CANCEL_YES),
                _button(intake.write_more, keyboards.CANCEL_NO),
                refuse,
            ],
            intake.PREVIEW: [
                _button(intake.send_feedback, SEND, prefix=True),
                _button(intake.change, EDIT),
                _button(intake.write_more, keyboards.EDIT_MORE),
                _button(intake.start_over, keyboards.EDIT_OVER),
                _button(intake.start_over_confirmed, keyboards.EDIT_OVER_YES),
                _button(intake.back_to_preview, keyboards.EDIT_BACK),
                _button(intake.cancel_at_review, CANCEL),
                _button(intake.cancel_confirmed, keyboards.CANCEL_YES),
                _button(intake.back_to_preview, keyboards.CANCEL_NO),
                MessageHandler(content, intake.add_content),
                MessageHandler(
                    private & filters.UpdateType.EDITED_MESSAGE, intake.edited_at_review
                ),
                refuse,
            ],
            intake.CONFIRM_RESTART: [
                _button(intake.restart_confirmed, RESTART_YES),
                _button(intake.restart_declined, RESTART_NO),
                MessageHandler(content, intake.content_at_restart_question),
                MessageHandler(new_private & ~filters.COMMAND, intake.repeat_restart_question),
            ],
        },
        fallbacks=[
            CommandHandler("cancel", intake.cancel_command, filters=new_private),
            # The answers to /cancel's question where the step has none of its own.
            _button(intake.cancel_confirmed, keyboards.CANCEL_YES),
            _button(intake.cancel_declined, keyboards.CANCEL_NO),
            CommandHandler("start", intake.restart, filters=new_private),
        ],
        name=intake.CONVERSATION_NAME,
        persistent=True,
        per_message=False,
    )
    application.add_handler(conversation, group=MAIN_GROUP)
    for command, callback, where in (
        ("status", follow_up.status_command, staff_or_private),
        ("help", general.help_command, private),
        ("language", general.language_command, private),
        ("cancel", general.cancel_outside, private),
    ):
        application.add_handler(
            CommandHandler(command, callback, filters=where & filters.UpdateType.MESSAGE),
            group=MAIN_GROUP,
        )
    application.add_handler(_button(general.language_button, LANGUAGE_PREFIX, prefix=True))
    # A send button pressed after its draft was sent (twice, or after a crash): the receipt.
    application.add_handler(_button(intake.sent_before, SEND, prefix=True))


async def _open_services(application: HomThuApplication) -> None:
    runtime = application.bot_data
    await runtime.database.open()
    # Before anything reads the staff chat: a group Telegram moved is followed.
    await recorded_staff_chat(runtime)
    await runtime.database.feedback.reseal_reply_channels(runtime.anonymizer.reseal_legacy_chat)
    await runtime.database.feedback.fill_missing_deadlines()
    await runtime.refresh_agency_chats()
    runtime.expiry_notices = await runtime.database.residents.pending_notices()
    await set_command_menus(application.bot, runtime.committee)
    await set_descriptions(application.bot, runtime.committee)
    await digest.catch_up(runtime, runtime.committee)
    if runtime.outbox is not None:
        # Whatever the staff group refused before the restart is tried again now.
        await runtime.outbox.release_staff()
        if runtime.deliver_in_background:
            runtime.outbox.start()
    log.info("bot ready username=@%s", application.bot.username)


async def _stop_delivery(application: HomThuApplication) -> None:
    # Between messages: the one being sent finishes, the rest waits in the database.
    if application.bot_data.outbox is not None:
        await application.bot_data.outbox.stop()


async def _close_services(application: HomThuApplication) -> None:
    await _stop_delivery(application)
    await application.bot_data.database.close()
