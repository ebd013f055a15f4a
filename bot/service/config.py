"""Configuration from the environment (SPEC §2), loaded once into a frozen object.

The process's own settings (token, database, API, logging, limits, webhook) and the one
committee the deployment serves today (``Settings.committee``, a ``core.committee.Committee``)
are read from the same variables as always; only this module builds the committee.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.triggers.cron import CronTrigger

from core.committee import (
    DEFAULT_DIGEST_CRON,
    DEFAULT_LANGUAGE,
    DEFAULT_SLA_DAYS,
    DEFAULT_TIMEZONE,
    DEFAULT_UNIT_NAME,
    Committee,
)

DEFAULT_API_BASE_URL = "https://api.telegram.org/bot"
DEFAULT_DATABASE_PATH = "data/homthu.sqlite3"
LANGUAGES = ("vi", "en")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
LOG_FORMATS = ("text", "json")
DEFAULT_WEBHOOK_PORT = 8443
DEFAULT_WEBHOOK_LISTEN = "127.0.0.1"
# Telegram delivers webhooks to these ports only (a self-hosted Bot API server to any).
TELEGRAM_WEBHOOK_PORTS = (443, 80, 88, 8443)
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
# PTB routes the webhook path as a regular expression: only characters that match themselves.
_WEBHOOK_PATH = re.compile(r"[A-Za-z0-9/_-]*")
_TOKEN = re.compile(r"[0-9]{1,20}:[A-Za-z0-9_-]{30,100}")
_SECRET = re.compile(r"[!-~]+")
# ASCII digits only: str.isdigit() accepts "²", which int() then rejects with a traceback.
_DIGITS = re.compile(r"[0-9]{1,20}")
# Telegram's user and chat ids have at most 52 significant bits (Bot API docs): anything
# larger is a typing slip, and would not even bind in SQLite (64 bits) at the first write.
_LARGEST_ID = 2**52 - 1
# Topic threads are message ids: 32 bits.
_LARGEST_THREAD_ID = 2**31 - 1
# Working days a deadline may span (/topicsla takes the same range); far more overflows
# the calendar when a feedback is stored.
MOST_SLA_DAYS = 365
# Feedbacks or look-ups a resident may make in an hour: far past any person's, still a limit.
MOST_PER_HOUR = 1000


class ConfigError(Exception):
    """A variable is missing or malformed; the message names it and says how to fix it."""

    def __init__(self, variable: str, problem: str, fix: str) -> None:
        super().__init__(f"{variable}: {problem}. {fix}")
        self.variable = variable


class BotToken:
    """The bot token; its repr and str never show it, so it cannot leak into a log."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The token itself, for the one place that must hand it to PTB."""
        return self._value

    def __repr__(self) -> str:
        return "BotToken('***')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, BotToken) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True, slots=True)
class WebhookSettings:
    """Where Telegram delivers updates in webhook mode, and how the bot listens for them."""

    url: str
    secret: str = field(repr=False)
    port: int = DEFAULT_WEBHOOK_PORT
    listen: str = DEFAULT_WEBHOOK_LISTEN

    @property
    def url_path(self) -> str:
        """The path of ``url``, which the local server answers on (behind the proxy)."""
        return urlsplit(self.url).path.strip("/")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything the bot reads from its environment."""

    token: BotToken
    # The one committee this deployment serves, from today's environment. Code that acts
    # for a committee is handed this value (the bot's runtime carries it) and never reads
    # it from here again; everything else in Settings is the process's own.
    committee: Committee
    database_path: Path = Path(DEFAULT_DATABASE_PATH)
    api_base_url: str = DEFAULT_API_BASE_URL
    secret_key: str | None = field(default=None, repr=False)
    feedback_per_hour: int = 10
    status_per_hour: int = 30
    bot_username: str | None = None
    log_level: str = "INFO"
    log_format: str = "text"
    # How long a staff action that reaches a resident waits, so that it can be taken back.
    undo_seconds: int = 60
    # How long an untouched draft is kept.
    draft_idle_hours: int = 24
    # Only in webhook mode (``python -m bot --webhook``); None when polling.
    webhook: WebhookSettings | None = None

    @property
    def key_file(self) -> Path:
        """Where the generated secret key lives when SECRET_KEY is not set."""
        return self.database_path.parent / "homthu.key"


def load_settings(env: Mapping[str, str], *, webhook: bool = False) -> Settings:
    """Read and check every variable; raise ConfigError naming the first bad one.

    The ``WEBHOOK_*`` variables are read (and required) only when ``webhook`` is true.
    """
    # Read in the order the variables were always checked, so that the first bad one
    # named is the same as before the committee became a value of its own.
    token = _token(env)
    staff_chat_id = _staff_chat_id(env)
    admin_ids = _admin_ids(env)
    unit_name = _text(env, "UNIT_NAME", DEFAULT_UNIT_NAME)
    unit_name_en = _text(env, "UNIT_NAME_EN", "") or None
    database_path = Path(_text(env, "DATABASE_PATH", DEFAULT_DATABASE_PATH))
    api_base_url = _api_base_url(env)
    timezone = _timezone(env)
    digest_cron = _cron(env)
    sla_days = _bounded_int(env, "SLA_DAYS", DEFAULT_SLA_DAYS, 1, MOST_SLA_DAYS)
    default_language = _language(env)
    secret_key = _secret_key(env)
    feedback_per_hour = _bounded_int(env, "FEEDBACK_RATE_LIMIT", 10, 1, MOST_PER_HOUR)
    status_per_hour = _bounded_int(env, "STATUS_RATE_LIMIT", 30, 1, MOST_PER_HOUR)
    bot_username = _text(env, "BOT_USERNAME", "").lstrip("@") or None
    log_level = _choice(env, "LOG_LEVEL", LOG_LEVELS, "INFO", upper=True)
    log_format = _choice(env, "LOG_FORMAT", LOG_FORMATS, "text")
    undo_seconds = _bounded_int(env, "UNDO_SECONDS", 60, 0, 3600)
    draft_idle_hours = _bounded_int(env, "DRAFT_IDLE_HOURS", 24, 1, 24 * 30)
    contact_text = _contact_text(env)
    staff_thread_id = _thread_id(env)
    return Settings(
        token=token,
        committee=Committee(
            staff_chat_id=staff_chat_id,
            admin_ids=admin_ids,
            unit_name=unit_name,
            unit_name_en=unit_name_en,
            staff_thread_id=staff_thread_id,
            timezone=timezone,
            sla_days=sla_days,
            digest_cron=digest_cron,
            default_language=default_language,
            contact_text=contact_text,
        ),
        database_path=database_path,
        api_base_url=api_base_url,
        secret_key=secret_key,
        feedback_per_hour=feedback_per_hour,
        status_per_hour=status_per_hour,
        bot_username=bot_username,
        log_level=log_level,
        log_format=log_format,
        undo_seconds=undo_seconds,
        draft_idle_hours=draft_idle_hours,
        webhook=load_webhook_settings(env) if webhook else None,
    )


def load_webhook_settings(env: Mapping[str, str]) -> WebhookSettings:
    """The ``WEBHOOK_*`` variables of webhook mode; raise ConfigError naming a bad one."""
    return WebhookSettings(
        url=_webhook_url(env),
        secret=_webhook_secret(env),
        port=_port(env),
        listen=_listen(env),
    )


def _text(env: Mapping[str, str], name: str, default: str) -> str:
    value = env.get(name, "").strip()
    return value or default


def _token(env: Mapping[str, str]) -> BotToken:
    value = env.get("TELEGRAM_BOT_TOKEN", "").strip()
    fix = "Lấy token từ @BotFather và ghi vào .env: TELEGRAM_BOT_TOKEN=123456:ABC..."
    if not value:
        raise ConfigError("TELEGRAM_BOT_TOKEN", "chưa đặt / not set", fix)
    if not _TOKEN.fullmatch(value):
        raise ConfigError(
            "TELEGRAM_BOT_TOKEN", "không đúng dạng <số>:<chuỗi> / not a bot token", fix
        )
    return BotToken(value)


def _staff_chat_id(env: Mapping[str, str]) -> int:
    value = env.get("STAFF_CHAT_ID", "").strip()
    fix = (
        "Ghi id nhóm cán bộ (số âm, ví dụ -1001234567890) vào .env / "
        "set it to the staff group's id, a negative number"
    )
    if not value:
        raise ConfigError("STAFF_CHAT_ID", "chưa đặt / not set", fix)
    try:
        chat_id = int(value)
    except ValueError:
        raise ConfigError(
            "STAFF_CHAT_ID", f"'{value}' không phải số / not a number", fix
        ) from None
    if chat_id >= 0:
        raise ConfigError("STAFF_CHAT_ID", "phải là số âm / must be negative", fix)
    if -chat_id > _LARGEST_ID:
        raise ConfigError(
            "STAFF_CHAT_ID", "dài quá, không phải id nhóm / too long for a chat id", fix
        )
    return chat_id


def _admin_ids(env: Mapping[str, str]) -> frozenset[int]:
    value = env.get("ADMIN_IDS", "").strip()
    fix = "Ghi id Telegram của quản trị viên, cách nhau bởi dấu phẩy: ADMIN_IDS=123,456"
    if not value:
        raise ConfigError("ADMIN_IDS", "chưa đặt / not set", fix)
    ids = set()
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        if not _DIGITS.fullmatch(part) or not 0 < int(part) <= _LARGEST_ID:
            raise ConfigError(
                "ADMIN_IDS", f"'{part}' không phải id người dùng / not a user id", fix
            )
        ids.add(int(part))
    if not ids:
        raise ConfigError("ADMIN_IDS", "không có id nào / no ids", fix)
    return frozenset(ids)


def _api_base_url(env: Mapping[str, str]) -> str:
    value = _text(env, "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL)
    if not re.fullmatch(r"https?://[^\s]+", value):
        raise ConfigError(
            "TELEGRAM_API_BASE_URL",
            f"'{value}' không phải URL / not a URL",
            f"Bỏ trống để dùng {DEFAULT_API_BASE_URL}",
        )
    return value


def _timezone(env: Mapping[str, str]) -> ZoneInfo:
    value = _text(env, "TIMEZONE", DEFAULT_TIMEZONE)
    try:
        return ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(
            "TIMEZONE", f"'{value}' không có / unknown time zone", "Ví dụ: Asia/Ho_Chi_Minh"
        ) from None


def _cron(env: Mapping[str, str]) -> str:
    value = _text(env, "DIGEST_CRON", DEFAULT_DIGEST_CRON)
    try:
        CronTrigger.from_crontab(value)
    except ValueError:
        raise ConfigError(
            "DIGEST_CRON",
            f"'{value}' không phải biểu thức crontab / not a crontab expression",
            "Ví dụ 7:30 mỗi sáng: DIGEST_CRON=30 7 * * *",
        ) from None
    return value


def _bounded_int(env: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    value = env.get(name, "").strip()
    if not value:
        return default
    if not _DIGITS.fullmatch(value) or not low <= int(value) <= high:
        raise ConfigError(
            name,
            f"'{value[:20]}' không phải số từ {low} đến {high} / not a whole number from "
            f"{low} to {high}",
            f"Bỏ trống để dùng {default} / leave empty for {default}",
        )
    return int(value)


# What the poster has room for, and /help shows without being a wall of text.
MAX_CONTACT_TEXT = 300
MAX_CONTACT_LINES = 6


def _contact_text(env: Mapping[str, str]) -> str | None:
    # In .env a line break is written \n (python-dotenv keeps it as two characters
    # outside double quotes).
    value = env.get("CONTACT_TEXT", "").replace("\\n", "\n").strip()
    if not value:
        return None
    lines = [" ".join(line.split()) for line in value.splitlines() if line.strip()]
    text = "\n".join(lines)
    if len(text) > MAX_CONTACT_TEXT or len(lines) > MAX_CONTACT_LINES:
        raise ConfigError(
            "CONTACT_TEXT",
            f"dài quá: tối đa {MAX_CONTACT_TEXT} ký tự, {MAX_CONTACT_LINES} dòng / too long: "
            f"at most {MAX_CONTACT_TEXT} characters, {MAX_CONTACT_LINES} lines",
            "Ví dụ / e.g. CONTACT_TEXT=Điện thoại 0233 3861 234\\nTrụ sở UBND thị trấn",
        )
    return text


def _thread_id(env: Mapping[str, str]) -> int | None:
    value = env.get("STAFF_THREAD_ID", "").strip()
    if not value:
        return None
    if not _DIGITS.fullmatch(value) or not 1 <= int(value) <= _LARGEST_THREAD_ID:
        raise ConfigError(
            "STAFF_THREAD_ID",
            f"'{value[:20]}' không phải số chủ đề / not a topic thread id",
            "Để trống nếu nhóm không phải diễn đàn / leave empty unless the group is a forum",
        )
    return int(value)


def _language(env: Mapping[str, str]) -> str:
    value = _text(env, "DEFAULT_LANGUAGE", DEFAULT_LANGUAGE).lower()
    if value not in LANGUAGES:
        raise ConfigError("DEFAULT_LANGUAGE", f"'{value}' không hỗ trợ", "Dùng vi hoặc en")
    return value


def _secret_key(env: Mapping[str, str]) -> str | None:
    """SECRET_KEY, or None (empty: the key file is used); never echoed in an error."""
    value = env.get("SECRET_KEY", "").strip()
    fix = "Tạo bằng / make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
    if value and len(value) < 32:
        raise ConfigError(
            "SECRET_KEY", "quá ngắn, cần ít nhất 32 ký tự / too short, at least 32 characters", fix
        )
    if value and not _SECRET.fullmatch(value):
        raise ConfigError(
            "SECRET_KEY",
            "chỉ gồm ký tự ASCII in được, không dấu cách / printable ASCII without spaces only",
            fix,
        )
    return value or None


def _choice(
    env: Mapping[str, str], name: str, choices: tuple[str, ...], default: str, upper: bool = False
) -> str:
    value = _text(env, name, default)
    value = value.upper() if upper else value.lower()
    if value not in choices:
        raise ConfigError(
            name,
            f"'{value}' không hỗ trợ / not supported",
            f"Dùng một trong / use one of: {', '.join(choices)} (mặc định / default {default})",
        )
    return value


def _webhook_url(env: Mapping[str, str]) -> str:
    value = env.get("WEBHOOK_URL", "").strip()
    fix = (
        "Ghi địa chỉ https công khai mà Telegram gửi cập nhật tới / set the public https URL "
        "Telegram posts to, e.g. WEBHOOK_URL=https://homthu.example.vn/telegram"
    )
    if not value:
        raise ConfigError("WEBHOOK_URL", "chưa đặt (bắt buộc với --webhook) / not set", fix)
    parts = urlsplit(value)
    if parts.scheme != "https" or not parts.hostname:
        raise ConfigError("WEBHOOK_URL", "phải là URL https / must be an https URL", fix)
    if parts.query or parts.fragment or not _WEBHOOK_PATH.fullmatch(parts.path):
        raise ConfigError(
            "WEBHOOK_URL",
            "đường dẫn chỉ gồm chữ, số, / _ - và không có ? hay # / "
            "path may hold letters, digits, / _ - only, no query or fragment",
            fix,
        )
    try:
        port = parts.port
    except ValueError:
        raise ConfigError("WEBHOOK_URL", "cổng không hợp lệ / invalid port", fix) from None
    official = _api_base_url(env) == DEFAULT_API_BASE_URL
    if official and port is not None and port not in TELEGRAM_WEBHOOK_PORTS:
        raise ConfigError(
            "WEBHOOK_URL",
            f"Telegram chỉ gửi tới cổng / only delivers to ports "
            f"{', '.join(map(str, TELEGRAM_WEBHOOK_PORTS))}",
            fix,
        )
    return value


def _webhook_secret(env: Mapping[str, str]) -> str:
    value = env.get("WEBHOOK_SECRET", "").strip()
    fix = "Tạo bằng / make one with: python -c 'import secrets; print(secrets.token_urlsafe(32))'"
    if not value:
        raise ConfigError("WEBHOOK_SECRET", "chưa đặt (bắt buộc với --webhook) / not set", fix)
    if not _WEBHOOK_SECRET.fullmatch(value):
        # The value itself is a secret: never repeated in the message.
        raise ConfigError(
            "WEBHOOK_SECRET",
            "cần 1–256 ký tự A-Z a-z 0-9 _ - / needs 1–256 characters of A-Z a-z 0-9 _ -",
            fix,
        )
    return value


def _port(env: Mapping[str, str]) -> int:
    value = env.get("WEBHOOK_PORT", "").strip()
    if not value:
        return DEFAULT_WEBHOOK_PORT
    if not _DIGITS.fullmatch(value) or not 1 <= int(value) <= 65535:
        raise ConfigError(
            "WEBHOOK_PORT",
            f"'{value}' không phải cổng 1–65535 / not a port number",
            f"Bỏ trống để dùng {DEFAULT_WEBHOOK_PORT} / leave empty for {DEFAULT_WEBHOOK_PORT}",
        )
    return int(value)


def _listen(env: Mapping[str, str]) -> str:
    value = _text(env, "WEBHOOK_LISTEN", DEFAULT_WEBHOOK_LISTEN)
    if value == "localhost":
        return value
    try:
        ipaddress.ip_address(value)
    except ValueError:
        raise ConfigError(
            "WEBHOOK_LISTEN",
            f"'{value}' không phải địa chỉ IP / not an IP address",
            f"Sau reverse proxy dùng / behind a reverse proxy use {DEFAULT_WEBHOOK_LISTEN}",
        ) from None
    return value
