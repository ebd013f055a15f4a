"""``python -m bot --check``: is everything in place for the bot to run? One line per check.

Each check says what it found in Vietnamese, then in English, after ✅ or ❌. Nothing here
raises for an expected failure (a rejected token, an unreachable Telegram, a bot missing
from the group): each becomes a ❌ line, so the operator sees every problem at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from telegram import Bot, Chat, ChatMember
from telegram.error import ChatMigrated, Forbidden, InvalidToken, TelegramError
from telegram.request import HTTPXRequest

from bot.service.config import Settings
from core.anonymity import SecretKeyError, read_key_file
from core.committee import Committee
from storage import (
    BotGroup,
    DatabaseHealth,
    DatabaseUnusable,
    SchemaTooNew,
    StorageUnavailable,
    open_database,
    probe,
    stored_schema_version,
)
from texts import bilingual, operator_text

OK_MARK = "✅"
FAIL_MARK = "❌"
MEMBER_STATUSES = (ChatMember.ADMINISTRATOR, ChatMember.MEMBER)
GROUP_TYPES = (Chat.GROUP, Chat.SUPERGROUP)


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The verdict of one check, said in Vietnamese and in English."""

    ok: bool
    vi: str
    en: str
    # Printed under the verdict, e.g. the groups the bot has seen when the staff one is not.
    hints: tuple[str, ...] = ()

    @property
    def line(self) -> str:
        """``✅ Vietnamese / English``, or with ❌; then each hint on its own line."""
        verdict = f"{OK_MARK if self.ok else FAIL_MARK} {self.vi} / {self.en}"
        return "\n".join([verdict, *(f"   → {hint}" for hint in self.hints)])


@dataclass
class CheckReport:
    """Every verdict, and the bot's username once Telegram has told it."""

    results: list[CheckResult] = field(default_factory=list)
    username: str | None = None

    @property
    def ok(self) -> bool:
        """True when every check passed."""
        return all(result.ok for result in self.results)

    @property
    def failures(self) -> int:
        """How many checks failed."""
        return sum(not result.ok for result in self.results)


Emit = Callable[[CheckResult], None]


def _found(ok: bool, key: str, hints: tuple[str, ...] = (), /, **values: object) -> CheckResult:
    """A verdict in both languages, from the operator's texts (``texts/*/operator.py``)."""
    return CheckResult(
        ok, operator_text("vi", key, **values), operator_text("en", key, **values), hints
    )


async def run_checks(settings: Settings, emit: Emit) -> CheckReport:
    """Run every check in order, handing each verdict to ``emit`` as soon as it is known."""
    report = CheckReport()

    def add(result: CheckResult) -> None:
        report.results.append(_scrubbed(result, settings))
        emit(report.results[-1])

    # The committee as the bot will act for it; a recorded move of its group is followed.
    committee = settings.committee
    add(_configuration(settings))
    health, recorded, moved = await _database(settings, add)
    if moved is not None:
        # The bot follows the recorded move (bot.delivery.staff_chat); so does the check.
        add(_found(True, "check_staff_moved", configured=committee.staff_chat_id, moved=moved))
        committee = committee.with_staff_chat(moved)
    add(_secret_key(settings, health))
    async with telegram_bot(settings) as bot:
        try:
            await bot.initialize()
        except InvalidToken:
            add(_found(False, "check_token_rejected"))
            add(_not_checked("token"))
            return report
        except TelegramError as error:
            add(_found(False, "check_telegram_unreachable", error=error.message))
            add(_not_checked("network"))
            return report
        report.username = bot.username
        add(_found(True, "check_token_accepted", username=bot.username))
        if await _staff_group(bot, committee, add):
            add(await _membership(bot, committee))
        add(await _groups_known(bot, committee, recorded))
        if settings.webhook is not None:
            add(await _webhook(bot, settings))
    return report


@asynccontextmanager
async def telegram_bot(settings: Settings) -> AsyncIterator[Bot]:
    """A plain Bot for a few calls outside the application; its connections closed on exit,
    even when ``initialize`` (getMe) failed and ``Bot.shutdown`` would skip them."""
    requests = (HTTPXRequest(), HTTPXRequest())
    bot = Bot(
        settings.token.reveal(),
        base_url=settings.api_base_url,
        request=requests[0],
        get_updates_request=requests[1],
    )
    try:
        yield bot
    finally:
        await bot.shutdown()
        for request in requests:
            await request.shutdown()


def _configuration(settings: Settings) -> CheckResult:
    mode = "webhook" if settings.webhook else "polling"
    admins = len(settings.committee.admin_ids)
    return _found(True, "check_configuration", admins=admins, mode=mode)


async def _database(
    settings: Settings, add: Emit
) -> tuple[DatabaseHealth | None, list[BotGroup], int | None]:
    """The database's health, the groups the bot recorded, and where the configured staff
    group moved when Telegram upgraded it (None when it did not)."""
    path = settings.database_path
    try:
        try:
            before = stored_schema_version(path)
        except StorageUnavailable:
            before = None  # not readable: opening it says why, below
        # Opened as the bot opens it: created if missing, migrations applied.
        async with open_database(path) as database:
            health = await probe(database)
            recorded = await database.groups.list()
            moved = await database.groups.moved_to(settings.committee.staff_chat_id)
    except SchemaTooNew:
        add(_found(False, "check_database_too_new", path=path))
        return None, [], None
    except DatabaseUnusable as error:
        add(_found(False, "check_database_unusable", error=error))
        return None, [], None
    except (StorageUnavailable, OSError) as error:
        add(_found(False, "check_database_unopened", path=path, error=error))
        return None, [], None
    version = f"{health.schema_version}/{health.latest_version}"
    if not health.up_to_date:
        add(_found(False, "check_database_behind", path=path, version=version))
    elif not health.writable:
        add(_found(False, "check_database_read_only", path=path, error=health.write_error))
    else:
        vi_change, en_change = _migration_note(before, health.schema_version)
        key, values = "check_database_ready", {"path": path, "version": version}
        add(
            CheckResult(
                True,
                operator_text("vi", key, **values, change=vi_change),
                operator_text("en", key, **values, change=en_change),
            )
        )
    return health, recorded, moved


def _migration_note(before: int | None, after: int) -> tuple[str, str]:
    """What opening the database did to it, in Vietnamese and English."""
    if before is None:
        key = "check_database_created"
    elif before < after:
        key = "check_database_migrated"
    else:
        return "", ""
    return operator_text("vi", key, before=before), operator_text("en", key, before=before)


def _secret_key(settings: Settings, health: DatabaseHealth | None) -> CheckResult:
    """The key that sealed reply channels and keyed language choices must still be there."""
    if settings.secret_key:
        return _found(True, "check_secret_key_set")
    path = settings.key_file
    if path.exists():
        try:
            read_key_file(path)
        except SecretKeyError as error:
            return _found(False, "check_key_file_unusable", error=error)
        return _found(True, "check_key_file", path=path)
    if health is not None and health.keyed_rows:
        return _found(False, "check_key_file_missing", path=path, rows=health.keyed_rows)
    return _found(True, "check_key_file_later", path=path)


async def _staff_group(bot: Bot, committee: Committee, add: Emit) -> bool:
    """Report whether the bot sees the committee's staff group; True when it does."""
    chat_id = committee.staff_chat_id
    try:
        chat = await bot.get_chat(chat_id)
    except ChatMigrated as error:
        add(_found(False, "check_staff_group_upgraded", new_id=error.new_chat_id))
        return False
    except Forbidden as error:
        add(_found(False, "check_staff_group_forbidden", chat_id=chat_id, error=error.message))
        return False
    except TelegramError as error:
        add(_found(False, "check_staff_group_unseen", chat_id=chat_id, error=error.message))
        return False
    if chat.type not in GROUP_TYPES:
        add(_found(False, "check_staff_group_not_group", chat_id=chat_id, kind=chat.type))
        return False
    add(_found(True, "check_staff_group", title=chat.title, chat_id=chat_id))
    return True


@dataclass(frozen=True, slots=True)
class _GroupSeen:
    """A group the bot is or was in, from the database or the updates waiting for it."""

    chat_id: int
    title: str
    # True or False when the bot saw who added it; None when it did not.
    added_by_admin: bool | None


async def _groups_known(bot: Bot, committee: Committee, recorded: list[BotGroup]) -> CheckResult:
    """Every group the bot is known to be in: its type, members and who added the bot.

    From the groups the running bot recorded, and the updates waiting at Telegram
    (getUpdates without an offset confirms nothing, so they stay for the bot; it fails
    while the bot runs, which is fine: then the database knows). Anyone can add the bot to
    a group named like the staff group; this is how the operator tells them apart. Group
    titles and ids only, never who wrote.
    """
    seen: dict[int, _GroupSeen] = {
        g.chat_id: _GroupSeen(g.chat_id, g.title, g.added_by_admin)
        for g in recorded
        if g.status in MEMBER_STATUSES or g.chat_id == committee.staff_chat_id
    }
    with contextlib.suppress(TelegramError):
        for update in await bot.get_updates(timeout=0):
            chat = update.effective_chat
            if chat is None or chat.type not in GROUP_TYPES:
                continue
            added: bool | None = seen[chat.id].added_by_admin if chat.id in seen else None
            change = update.my_chat_member
            if change is not None and change.new_chat_member.status in MEMBER_STATUSES:
                added = committee.is_admin(change.from_user.id)
            seen[chat.id] = _GroupSeen(chat.id, chat.title or "", added)
    seen.setdefault(committee.staff_chat_id, _GroupSeen(committee.staff_chat_id, "", None))
    hints = [await _group_hint(bot, committee, group) for group in seen.values()]
    count = len(hints)
    return _found(True, "check_groups_known", tuple(hints), count=count)


async def _group_hint(bot: Bot, committee: Committee, group: _GroupSeen) -> str:
    title, kind, members = group.title, "?", "?"
    with contextlib.suppress(TelegramError):
        chat = await bot.get_chat(group.chat_id)
        title, kind = chat.title or title, chat.type
    with contextlib.suppress(TelegramError):
        members = str(await bot.get_chat_member_count(group.chat_id))
    if group.added_by_admin is None:
        who = bilingual("check_added_by_unknown")
    elif group.added_by_admin:
        who = bilingual("check_added_by_admin")
    else:
        who = bilingual("check_added_by_other")
    staff = (
        f" ← {bilingual('check_current_staff_group')}"
        if group.chat_id == committee.staff_chat_id
        else ""
    )
    return (
        f"«{title}» STAFF_CHAT_ID={group.chat_id} · {kind} · {members} "
        f"{bilingual('check_group_members')} · {who}{staff}"
    )


async def _membership(bot: Bot, committee: Committee) -> CheckResult:
    try:
        member = await bot.get_chat_member(committee.staff_chat_id, bot.id)
    except TelegramError as error:
        return _found(False, "check_membership_unknown", error=error.message)
    if member.status in MEMBER_STATUSES:
        return _found(True, "check_member", status=member.status)
    return _found(False, "check_not_member", status=member.status)


async def _webhook(bot: Bot, settings: Settings) -> CheckResult:
    assert settings.webhook is not None
    wanted = settings.webhook.url
    try:
        info = await bot.get_webhook_info()
    except TelegramError as error:
        return _found(False, "check_webhook_unread", error=error.message)
    if not info.url:
        return _found(True, "check_webhook_unset", url=wanted)
    if info.url != wanted:
        return _found(False, "check_webhook_elsewhere", url=info.url)
    pending = info.pending_update_count
    if info.last_error_message:
        return _found(
            True,
            "check_webhook_failing",
            url=wanted,
            pending=pending,
            error=info.last_error_message,
        )
    return _found(True, "check_webhook_set", url=wanted, pending=pending)


def _not_checked(reason: str) -> CheckResult:
    key = "check_needs_token" if reason == "token" else "check_needs_telegram"
    return CheckResult(
        False,
        operator_text("vi", "check_staff_group_not_checked", reason=operator_text("vi", key)),
        operator_text("en", "check_staff_group_not_checked", reason=operator_text("en", key)),
    )


def _scrubbed(result: CheckResult, settings: Settings) -> CheckResult:
    """The result with the token (and webhook secret) removed from its texts, whatever
    an error message carried."""
    secrets = [settings.token.reveal()]
    if settings.webhook is not None:
        secrets.append(settings.webhook.secret)

    def scrub(text: str) -> str:
        for secret in secrets:
            text = text.replace(secret, "***")
        return text

    return CheckResult(
        result.ok, scrub(result.vi), scrub(result.en), tuple(map(scrub, result.hints))
    )
