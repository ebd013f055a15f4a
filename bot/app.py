"""The one factory that builds the bot; ``python -m bot`` and the tests both call it."""

from __future__ import annotations

import logging
import re
import warnings
from datetime import timedelta
from typing import Any

from telegram import LinkPreviewOptions, Update
from telegram.constants import ParseMode
from telegram.ext import (
    AIORateLimiter,
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
from telegram.request import BaseRequest, HTTPXRequest
from telegram.warnings import PTBUserWarning

from bot import digest
from bot.anonymity import Anonymizer, master_secret
from bot.concurrency import ChatOrderedUpdateProcessor
from bot.config import Settings
from bot.context import BotRuntime, HomThuApplication, HomThuContext
from bot.handlers import admin, general, groups
from bot.handlers.resident import intake
from bot.handlers.staff import answers, cards, commands
from bot.keyboards import (
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
    TOGGLE_REPLIES,
    TOPIC_PREFIX,
)
from bot.menus import set_command_menus
from bot.outbox import OutboxWorker
from bot.persistence import SQLitePersistence
from bot.updates import HomThuBot
from storage import Database
from storage.clock import Clock, utc_now

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
REPLY_CHANNEL_SWEEP = timedelta(hours=6)

# Handler groups; order matters: the groups the bot is in are looked at before the gate
# (which ignores every group but the staff group), the persistence flush comes last.
GROUPS_GROUP = -2
GATE_GROUP = -1
MAIN_GROUP = 0
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
    database = Database(settings.database_path, clock=clock)
    anonymizer = Anonymizer(master_secret(settings))
    persistence = SQLitePersistence(database, anonymizer)
    bot = HomThuBot(
        settings.token.reveal(),
        base_url=settings.api_base_url,
        defaults=Defaults(
            parse_mode=ParseMode.HTML,
            link_preview_options=LinkPreviewOptions(is_disabled=True),
        ),
        request=request or HTTPXRequest(connection_pool_size=CONNECTIONS),
        get_updates_request=request or HTTPXRequest(connection_pool_size=1),
        # Retries: a 429 on an answer waits retry_after and sends, rather than failing.
        rate_limiter=rate_limiter or AIORateLimiter(max_retries=3),
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
    runtime.configure(settings, database, anonymizer, persistence)
    runtime.outbox = OutboxWorker(application.bot, runtime)
    runtime.deliver_in_background = deliver_in_background
    register_handlers(application)
    job_queue = application.job_queue
    assert job_queue is not None, "python-telegram-bot[job-queue] is required"
    job_queue.run_repeating(
        general.sweep_idle_drafts, interval=SWEEP_INTERVAL, first=SWEEP_INTERVAL
    )
    job_queue.run_repeating(
        cards.forget_old_reply_channels, interval=REPLY_CHANNEL_SWEEP, first=SWEEP_INTERVAL
    )
    job_queue.run_custom(
        digest.scheduled_digest,
        job_kwargs={"trigger": digest.trigger(runtime)},
        name="digest",
    )
    return application


def register_handlers(application: HomThuApplication) -> None:
    """Every handler of the bot, in the order PTB must try them."""
    private = filters.ChatType.PRIVATE
    new_private = private & filters.UpdateType.MESSAGE
    content = new_private & ((filters.TEXT & ~filters.COMMAND) | filters.PHOTO)
    other_content = new_private & ~filters.TEXT & ~filters.PHOTO & ~filters.COMMAND
    staff_or_private = private | filters.Chat(application.bot_data.settings.staff_chat_id)

    application.add_handler(
        ChatMemberHandler(groups.bot_membership, ChatMemberHandler.MY_CHAT_MEMBER),
        group=GROUPS_GROUP,
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
    staff_chat = filters.Chat(application.bot_data.settings.staff_chat_id)
    # A reply to a notification is an answer (or, with /note, a note); it comes first so
    # that "/note ..." as a reply is not taken for a command.
    application.add_handler(
        MessageHandler(
            staff_chat
            & filters.UpdateType.MESSAGE
            & filters.REPLY
            & (~filters.COMMAND | filters.Regex(re.compile(r"^/note(@\w+)?\b", re.IGNORECASE))),
            answers.staff_reply,
        ),
        group=MAIN_GROUP,
    )
    application.add_handler(
        CallbackQueryHandler(cards.status_button, pattern=f"^{STATUS_PREFIX}"),
        group=MAIN_GROUP,
    )
    application.add_handler(
        CallbackQueryHandler(cards.open_card, pattern=f"^{OPEN_CARD_PREFIX}"),
        group=MAIN_GROUP,
    )
    for command, callback in (
        ("show", cards.show_command),
        ("digest", commands.digest_command),
        ("stats", commands.stats_command),
        ("open", commands.open_command),
        ("export", commands.export_command),
    ):
        application.add_handler(
            CommandHandler(command, callback, filters=filters.UpdateType.MESSAGE),
            group=MAIN_GROUP,
        )
    # Admin commands come before the conversation and the private fallback, so that an admin
    # command is never taken for a resident's message or an unknown command (help text);
    # their callbacks refuse non-admins themselves.
    for command, callback in admin.COMMANDS.items():
        application.add_handler(
            CommandHandler(
                command, callback, filters=staff_or_private & filters.UpdateType.MESSAGE
            ),
            group=MAIN_GROUP,
        )

    def button(callback: object, data: str, prefix: bool = False) -> CallbackQueryHandler:
        pattern = f"^{data}" if prefix else f"^{data}$"
        return CallbackQueryHandler(callback, pattern=pattern)  # type: ignore[arg-type]

    refuse: BaseHandler[Update, HomThuContext, object] = MessageHandler(
        other_content, intake.refuse_content
    )
    conversation = ConversationHandler(
        entry_points=[
            # Deep links and plain /start share one callback, which reads the argument.
            CommandHandler("start", intake.start, filters=new_private),
            button(intake.pick_area, AREA_PREFIX, prefix=True),
        ],
        states={
            intake.CHOOSING_TOPIC: [
                button(intake.pick_topic, TOPIC_PREFIX, prefix=True),
                button(intake.switch_area, AREA_PREFIX, prefix=True),
                MessageHandler(content, intake.content_before_topic),
                refuse,
            ],
            intake.WRITING: [
                MessageHandler(content, intake.add_content),
                button(intake.show_preview, PREVIEW),
                button(intake.cancel_button, CANCEL),
                refuse,
            ],
            intake.PREVIEW: [
                button(intake.send_feedback, SEND, prefix=True),
                button(intake.rewrite, EDIT),
                button(intake.cancel_button, CANCEL),
                button(intake.toggle_replies, TOGGLE_REPLIES),
                MessageHandler(content, intake.add_content),
                refuse,
            ],
            intake.CONFIRM_RESTART: [
                button(intake.restart_confirmed, RESTART_YES),
                button(intake.restart_declined, RESTART_NO),
                MessageHandler(new_private & ~filters.COMMAND, intake.repeat_restart_question),
            ],
        },
        fallbacks=[
            CommandHandler("cancel", intake.cancel_command, filters=new_private),
            CommandHandler("start", intake.restart, filters=new_private),
        ],
        name=intake.CONVERSATION_NAME,
        persistent=True,
        per_message=False,
    )
    application.add_handler(conversation, group=MAIN_GROUP)
    for command, callback, where in (
        ("status", general.status_command, staff_or_private),
        ("help", general.help_command, private),
        ("language", general.language_command, private),
        ("cancel", general.cancel_outside, private),
    ):
        application.add_handler(
            CommandHandler(command, callback, filters=where & filters.UpdateType.MESSAGE),
            group=MAIN_GROUP,
        )
    application.add_handler(button(general.language_button, LANGUAGE_PREFIX, prefix=True))
    application.add_handler(button(admin.resend_button, RESEND))
    # A send button pressed after its draft was sent (twice, or after a crash): the receipt.
    application.add_handler(button(intake.sent_before, SEND, prefix=True))
    application.add_handler(CallbackQueryHandler(general.stale_button), group=MAIN_GROUP)
    application.add_handler(
        MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, general.edited_message),
        group=MAIN_GROUP,
    )
    application.add_handler(MessageHandler(new_private, general.private_fallback))
    application.add_handler(TypeHandler(Update, general.persist_now), group=FLUSH_GROUP)
    application.add_error_handler(general.on_error)


async def _open_services(application: HomThuApplication) -> None:
    runtime = application.bot_data
    await runtime.database.open()
    await runtime.database.feedback.reseal_reply_channels(runtime.anonymizer.reseal_legacy_chat)
    runtime.expiry_notices = await runtime.database.residents.pending_notices()
    await set_command_menus(application.bot, runtime.settings)
    await digest.catch_up(runtime)
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
