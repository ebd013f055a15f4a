"""``python -m bot --check``: is everything in place for the bot to run? One line per check.

Each check says what it found in Vietnamese, then in English, after ✅ or ❌. Nothing here
raises for an expected failure (a rejected token, an unreachable Telegram, a bot missing
from the group): each becomes a ❌ line, so the operator sees every problem at once.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from telegram import Bot, Chat, ChatMember
from telegram.error import ChatMigrated, Forbidden, InvalidToken, TelegramError
from telegram.request import HTTPXRequest

from bot.service.config import Settings
from core.anonymity import SecretKeyError, read_key_file
from core.committee import Committee
from storage import DatabaseUnusable, SchemaTooNew, open_database
from storage.groups import BotGroup
from storage.health import DatabaseHealth, probe, stored_schema_version

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
        add(
            CheckResult(
                True,
                f"Nhóm cán bộ STAFF_CHAT_ID={committee.staff_chat_id} đã được nâng thành siêu "
                f"nhóm {moved}: bot dùng id đã ghi nhận; xin sửa STAFF_CHAT_ID={moved} trong .env",
                f"the staff group was upgraded to a supergroup; the bot uses the recorded id "
                f"{moved}: set STAFF_CHAT_ID={moved} in .env",
            )
        )
        committee = committee.with_staff_chat(moved)
    add(_secret_key(settings, health))
    async with telegram_bot(settings) as bot:
        try:
            await bot.initialize()
        except InvalidToken:
            add(
                CheckResult(
                    False,
                    "Telegram: TELEGRAM_BOT_TOKEN bị từ chối, kiểm tra lại với @BotFather",
                    "Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
                )
            )
            add(_not_checked("token"))
            return report
        except TelegramError as error:
            add(
                CheckResult(
                    False,
                    f"Telegram: không gọi được getMe ({error.message})",
                    "cannot reach Telegram (getMe failed); check the network and "
                    "TELEGRAM_API_BASE_URL",
                )
            )
            add(_not_checked("network"))
            return report
        report.username = bot.username
        add(
            CheckResult(
                True,
                f"Telegram: token hợp lệ, bot @{bot.username}",
                f"token accepted, bot @{bot.username}",
            )
        )
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
    return CheckResult(
        True,
        f"Cấu hình: đủ và hợp lệ (quản trị viên: {admins}, chế độ {mode})",
        f"configuration: complete and valid (admins: {admins}, {mode} mode)",
    )


async def _database(
    settings: Settings, add: Emit
) -> tuple[DatabaseHealth | None, list[BotGroup], int | None]:
    """The database's health, the groups the bot recorded, and where the configured staff
    group moved when Telegram upgraded it (None when it did not)."""
    path = settings.database_path
    try:
        try:
            before = stored_schema_version(path)
        except sqlite3.DatabaseError:
            before = None  # not readable: opening it says why, below
        # Opened as the bot opens it: created if missing, migrations applied.
        async with open_database(path) as database:
            health = await probe(database)
            recorded = await database.groups.list()
            moved = await database.groups.moved_to(settings.committee.staff_chat_id)
    except SchemaTooNew:
        add(
            CheckResult(
                False,
                f"Cơ sở dữ liệu {path}: do phiên bản bot mới hơn tạo ra, hãy nâng cấp bot",
                "the database was written by a newer version of the bot; upgrade the bot",
            )
        )
        return None, [], None
    except DatabaseUnusable as error:
        add(
            CheckResult(
                False,
                f"Cơ sở dữ liệu: {error}",
                "the database file is empty or damaged; restore a backup (python -m storage "
                "restore <file>)",
            )
        )
        return None, [], None
    except (sqlite3.Error, OSError) as error:
        add(
            CheckResult(
                False,
                f"Cơ sở dữ liệu {path}: không mở được ({error})",
                "cannot open the database; check DATABASE_PATH and the folder's permissions",
            )
        )
        return None, [], None
    version = f"{health.schema_version}/{health.latest_version}"
    if not health.up_to_date:
        add(
            CheckResult(
                False,
                f"Cơ sở dữ liệu {path}: lược đồ {version}, thiếu migration",
                f"database schema at {version}: migrations missing",
            )
        )
    elif not health.writable:
        add(
            CheckResult(
                False,
                f"Cơ sở dữ liệu {path}: không ghi được ({health.write_error})",
                "the database cannot be written; check the permissions and free disk space",
            )
        )
    else:
        vi_change, en_change = _migration_note(before, health.schema_version)
        add(
            CheckResult(
                True,
                f"Cơ sở dữ liệu {path}: lược đồ {version}, ghi được{vi_change}",
                f"database schema {version}, writable{en_change}",
            )
        )
    return health, recorded, moved


def _migration_note(before: int | None, after: int) -> tuple[str, str]:
    """What opening the database did to it, in Vietnamese and English."""
    if before is None:
        return " (vừa tạo)", " (created now)"
    if before < after:
        return f" (vừa nâng từ {before})", f" (migrated from {before} now)"
    return "", ""


def _secret_key(settings: Settings, health: DatabaseHealth | None) -> CheckResult:
    """The key that sealed reply channels and keyed language choices must still be there."""
    if settings.secret_key:
        return CheckResult(True, "Khóa bí mật: SECRET_KEY", "secret key: SECRET_KEY is set")
    path = settings.key_file
    if path.exists():
        try:
            read_key_file(path)
        except SecretKeyError as error:
            return CheckResult(
                False,
                f"Khóa bí mật: {error}",
                "the key file is unusable; restore it from the backup made with the database",
            )
        return CheckResult(True, f"Khóa bí mật: {path}", f"secret key: {path}")
    if health is not None and health.keyed_rows:
        return CheckResult(
            False,
            f"Khóa bí mật {path}: không có, mà cơ sở dữ liệu có {health.keyed_rows} dòng cần nó",
            f"the key file is missing but the database holds {health.keyed_rows} rows made "
            "with it; restore it from the backup of the database",
        )
    return CheckResult(
        True,
        f"Khóa bí mật: {path} sẽ được tạo khi bot chạy lần đầu",
        "secret key: the key file will be created on first start",
    )


async def _staff_group(bot: Bot, committee: Committee, add: Emit) -> bool:
    """Report whether the bot sees the committee's staff group; True when it does."""
    chat_id = committee.staff_chat_id
    try:
        chat = await bot.get_chat(chat_id)
    except ChatMigrated as error:
        add(
            CheckResult(
                False,
                f"Nhóm cán bộ đã thành siêu nhóm, id mới {error.new_chat_id}",
                f"the staff group was upgraded to a supergroup: set STAFF_CHAT_ID="
                f"{error.new_chat_id}",
            )
        )
        return False
    except Forbidden as error:
        add(
            CheckResult(
                False,
                f"Nhóm cán bộ STAFF_CHAT_ID={chat_id}: bot bị chặn ({error.message})",
                "the bot may not access the staff group (removed?); add it again",
            )
        )
        return False
    except TelegramError as error:
        add(
            CheckResult(
                False,
                f"Nhóm cán bộ STAFF_CHAT_ID={chat_id}: không thấy ({error.message})",
                "the bot cannot see the staff group; add the bot to the group and check "
                "STAFF_CHAT_ID",
            )
        )
        return False
    if chat.type not in GROUP_TYPES:
        add(
            CheckResult(
                False,
                f"STAFF_CHAT_ID={chat_id} là {chat.type}, không phải nhóm",
                f"STAFF_CHAT_ID is a {chat.type} chat, not a group",
            )
        )
        return False
    add(
        CheckResult(
            True,
            f"Nhóm cán bộ: «{chat.title}» ({chat_id})",
            "the bot can see the staff group",
        )
    )
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
    return CheckResult(
        True,
        f"Nhóm bot đang ở: {count} (kiểm tra đúng nhóm cán bộ)",
        f"groups the bot is in: {count} (make sure the staff group is the right one)",
        tuple(hints),
    )


async def _group_hint(bot: Bot, committee: Committee, group: _GroupSeen) -> str:
    title, kind, members = group.title, "?", "?"
    with contextlib.suppress(TelegramError):
        chat = await bot.get_chat(group.chat_id)
        title, kind = chat.title or title, chat.type
    with contextlib.suppress(TelegramError):
        members = str(await bot.get_chat_member_count(group.chat_id))
    if group.added_by_admin is None:
        who = "không rõ ai thêm bot / who added the bot is unknown"
    elif group.added_by_admin:
        who = "quản trị viên thêm bot / added by an admin"
    else:
        who = "⚠️ người ngoài ADMIN_IDS thêm bot / added by someone not in ADMIN_IDS"
    staff = (
        " ← nhóm cán bộ hiện tại / the current staff group"
        if group.chat_id == committee.staff_chat_id
        else ""
    )
    return (
        f"«{title}» STAFF_CHAT_ID={group.chat_id} · {kind} · {members} thành viên / members"
        f" · {who}{staff}"
    )


async def _membership(bot: Bot, committee: Committee) -> CheckResult:
    try:
        member = await bot.get_chat_member(committee.staff_chat_id, bot.id)
    except TelegramError as error:
        return CheckResult(
            False,
            f"Bot trong nhóm cán bộ: không kiểm tra được ({error.message})",
            "cannot read the bot's membership of the staff group",
        )
    if member.status in MEMBER_STATUSES:
        return CheckResult(
            True,
            f"Bot là thành viên nhóm cán bộ ({member.status})",
            f"the bot is in the staff group ({member.status})",
        )
    return CheckResult(
        False,
        f"Bot không còn là thành viên nhóm cán bộ ({member.status})",
        f"the bot is not a member of the staff group ({member.status}); add it again",
    )


async def _webhook(bot: Bot, settings: Settings) -> CheckResult:
    assert settings.webhook is not None
    wanted = settings.webhook.url
    try:
        info = await bot.get_webhook_info()
    except TelegramError as error:
        return CheckResult(
            False,
            f"Webhook: không đọc được getWebhookInfo ({error.message})",
            "cannot read the webhook Telegram has",
        )
    if not info.url:
        return CheckResult(
            True,
            f"Webhook {wanted}: Telegram chưa có, bot sẽ đặt khi khởi động",
            "not set at Telegram yet; the bot sets it when it starts",
        )
    if info.url != wanted:
        return CheckResult(
            False,
            f"Webhook: Telegram đang gửi tới {info.url}, khác WEBHOOK_URL",
            "Telegram posts to another URL than WEBHOOK_URL (another copy of the bot?)",
        )
    pending = info.pending_update_count
    if info.last_error_message:
        return CheckResult(
            True,
            f"Webhook {wanted}: đã đặt, {pending} cập nhật chờ, có lỗi gửi gần đây",
            f"set, {pending} updates pending; last delivery error: {info.last_error_message}",
        )
    return CheckResult(
        True,
        f"Webhook {wanted}: đã đặt, {pending} cập nhật chờ",
        f"set, {pending} updates pending",
    )


def _not_checked(reason: str) -> CheckResult:
    vi = "cần token hợp lệ" if reason == "token" else "cần kết nối Telegram"
    en = "needs an accepted token" if reason == "token" else "needs Telegram"
    return CheckResult(
        False,
        f"Nhóm cán bộ: chưa kiểm tra được ({vi})",
        f"staff group not checked ({en})",
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
