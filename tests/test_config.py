"""Configuration from the environment (SPEC §2), and how `python -m bot` reports it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.service.config import BotToken, ConfigError, WebhookSettings, load_settings

PROJECT = Path(__file__).resolve().parent.parent
TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
REQUIRED = {
    "TELEGRAM_BOT_TOKEN": TOKEN,
    "STAFF_CHAT_ID": "-1001234567890",
    "ADMIN_IDS": "111111111, 222222222",
}
FULL = {
    **REQUIRED,
    "UNIT_NAME": "Thị trấn Cam Lộ",
    "UNIT_NAME_EN": "Cam Lo Town",
    "DATABASE_PATH": "/srv/homthu/homthu.sqlite3",
    "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
    "TIMEZONE": "Asia/Bangkok",
    "DIGEST_CRON": "0 17 * * 1-5",
    "SLA_DAYS": "10",
    "DEFAULT_LANGUAGE": "en",
    "SECRET_KEY": "k" * 40,
    "FEEDBACK_RATE_LIMIT": "5",
    "STATUS_RATE_LIMIT": "20",
    "BOT_USERNAME": "@homthu_bot",
    "LOG_LEVEL": "debug",
    "LOG_FORMAT": "JSON",
}
WEBHOOK = {
    "WEBHOOK_URL": "https://homthu.example.vn/telegram/hook",
    "WEBHOOK_SECRET": "Abc_123-xyz",
}
# Every variable the bot reads; the subprocess gets each one explicitly so that neither the
# caller's environment nor a .env file (python-dotenv never overrides) can fill them in.
CONFIG_VARIABLES = (*FULL, *WEBHOOK, "WEBHOOK_PORT", "WEBHOOK_LISTEN")


def test_full_environment_gives_every_field() -> None:
    settings = load_settings(FULL)
    assert settings.token == BotToken(TOKEN)
    assert settings.token.reveal() == TOKEN
    assert settings.committee.staff_chat_id == -1001234567890
    assert settings.committee.admin_ids == frozenset({111111111, 222222222})
    assert settings.committee.unit_name == "Thị trấn Cam Lộ"
    assert settings.committee.unit_name_en == "Cam Lo Town"
    assert settings.committee.unit_name_for("en") == "Cam Lo Town"
    assert settings.committee.unit_name_for("vi") == "Thị trấn Cam Lộ"
    assert settings.database_path == Path("/srv/homthu/homthu.sqlite3")
    assert settings.key_file == Path("/srv/homthu/homthu.key")
    assert settings.api_base_url == "http://127.0.0.1:8081/bot"
    assert settings.committee.timezone.key == "Asia/Bangkok"
    assert settings.committee.digest_cron == "0 17 * * 1-5"
    assert settings.committee.sla_days == 10
    assert settings.committee.default_language == "en"
    assert settings.secret_key == "k" * 40
    assert settings.feedback_per_hour == 5
    assert settings.status_per_hour == 20
    assert settings.bot_username == "homthu_bot"
    assert settings.log_level == "DEBUG"
    assert settings.log_format == "json"
    assert settings.webhook is None


@pytest.mark.parametrize("blank", [False, True], ids=["absent", "empty"])
def test_defaults_when_optional_variables_are_absent_or_empty(blank: bool) -> None:
    env = dict(REQUIRED)
    if blank:
        env.update({name: "" for name in FULL if name not in REQUIRED})
    settings = load_settings(env)
    assert settings.database_path == Path("data/homthu.sqlite3")
    assert settings.committee.timezone.key == "Asia/Ho_Chi_Minh"
    assert settings.committee.digest_cron == "30 7 * * *"
    assert settings.committee.sla_days == 7
    assert settings.committee.default_language == "vi"
    assert settings.api_base_url == "https://api.telegram.org/bot"
    assert settings.secret_key is None
    assert settings.feedback_per_hour == 10
    assert settings.status_per_hour == 30
    assert settings.bot_username is None
    assert settings.committee.unit_name.strip()
    assert settings.committee.unit_name_en is None
    assert settings.committee.unit_name_for("en") == settings.committee.unit_name
    assert settings.log_level == "INFO"
    assert settings.log_format == "text"


def test_values_are_trimmed() -> None:
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": f"  {TOKEN}\n",
            "STAFF_CHAT_ID": " -100200 ",
            "ADMIN_IDS": " 5 ,6,, 7 ",
            "DEFAULT_LANGUAGE": " EN ",
            "SLA_DAYS": " 3 ",
        }
    )
    assert settings.token.reveal() == TOKEN
    assert settings.committee.staff_chat_id == -100200
    assert settings.committee.admin_ids == frozenset({5, 6, 7})
    assert settings.committee.default_language == "en"
    assert settings.committee.sla_days == 3


# variable, value (None: absent); one row per way a variable can be wrong.
BAD_VALUES = [
    ("TELEGRAM_BOT_TOKEN", None),
    ("STAFF_CHAT_ID", None),
    ("ADMIN_IDS", None),
    ("TELEGRAM_BOT_TOKEN", ""),
    ("TELEGRAM_BOT_TOKEN", "   "),
    ("TELEGRAM_BOT_TOKEN", "123456789AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
    ("TELEGRAM_BOT_TOKEN", "abc:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
    ("TELEGRAM_BOT_TOKEN", "123456789:short"),
    ("STAFF_CHAT_ID", "abc"),
    ("STAFF_CHAT_ID", "1001234567890"),
    ("STAFF_CHAT_ID", "0"),
    ("STAFF_CHAT_ID", "-100.5"),
    ("ADMIN_IDS", "12,abc"),
    ("ADMIN_IDS", "12,-5"),
    ("ADMIN_IDS", " , "),
    ("ADMIN_IDS", "12;13"),
    ("ADMIN_IDS", "12,\u00b2"),
    ("TIMEZONE", "Mars/Base"),
    ("TIMEZONE", "../../etc/passwd"),
    ("DIGEST_CRON", "every day"),
    ("DIGEST_CRON", "61 7 * * *"),
    ("DIGEST_CRON", "30 7 * *"),
    ("SLA_DAYS", "0"),
    ("SLA_DAYS", "-3"),
    ("SLA_DAYS", "seven"),
    ("SLA_DAYS", "1.5"),
    ("SLA_DAYS", "\u00b2"),
    # Issue 19, item 12: a number of working days past any calendar stored nothing.
    ("SLA_DAYS", "3000000"),
    ("SLA_DAYS", "366"),
    ("DEFAULT_LANGUAGE", "fr"),
    ("SECRET_KEY", "too-short-secret"),
    ("SECRET_KEY", "k" * 31),
    ("TELEGRAM_API_BASE_URL", "api.telegram.org/bot"),
    ("FEEDBACK_RATE_LIMIT", "0"),
    ("FEEDBACK_RATE_LIMIT", "99999999999999999999"),
    ("STATUS_RATE_LIMIT", "many"),
    ("STATUS_RATE_LIMIT", "1000001"),
    # Ids past what SQLite stores (and Telegram issues) failed at the first write.
    ("STAFF_CHAT_ID", "-99999999999999999999"),
    ("ADMIN_IDS", "12,99999999999999999999"),
    ("STAFF_THREAD_ID", "99999999999999999999"),
    ("UNDO_SECONDS", "3601"),
    ("DRAFT_IDLE_HOURS", "0"),
    ("LOG_LEVEL", "verbose"),
    ("LOG_FORMAT", "xml"),
]


@pytest.mark.parametrize(
    ("variable", "value"),
    BAD_VALUES,
    ids=[f"{name}={value!r}" for name, value in BAD_VALUES],
)
def test_bad_variable_is_named(variable: str, value: str | None) -> None:
    env = dict(FULL)
    if value is None:
        del env[variable]
    else:
        env[variable] = value
    with pytest.raises(ConfigError) as caught:
        load_settings(env)
    message = str(caught.value)
    assert caught.value.variable == variable
    assert variable in message
    assert "\n" not in message
    # The message says how to fix it, not only what is wrong.
    assert len(message) > len(variable) + 20


# Each number the bot computes with, its allowed range as the error names it.
NUMBER_RANGES = [
    ("SLA_DAYS", "3000000", "1", "365"),
    ("FEEDBACK_RATE_LIMIT", "99999999999999999999", "1", "1000"),
    ("STATUS_RATE_LIMIT", "1000001", "1", "1000"),
    ("UNDO_SECONDS", "3601", "0", "3600"),
    ("DRAFT_IDLE_HOURS", "721", "1", "720"),
]


@pytest.mark.parametrize(("variable", "value", "low", "high"), NUMBER_RANGES)
def test_a_number_out_of_range_is_refused_naming_the_range(
    variable: str, value: str, low: str, high: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings({**FULL, variable: value})
    assert caught.value.variable == variable
    assert f"{low} đến {high}" in str(caught.value)
    assert f"{low} to {high}" in str(caught.value)


def test_the_ends_of_each_range_are_accepted() -> None:
    low = load_settings(
        {**FULL, "SLA_DAYS": "1", "FEEDBACK_RATE_LIMIT": "1", "STATUS_RATE_LIMIT": "1"}
    )
    high = load_settings(
        {**FULL, "SLA_DAYS": "365", "FEEDBACK_RATE_LIMIT": "1000", "STATUS_RATE_LIMIT": "1000"}
    )
    assert (low.committee.sla_days, low.feedback_per_hour, low.status_per_hour) == (1, 1, 1)
    assert (high.committee.sla_days, high.feedback_per_hour, high.status_per_hour) == (
        365,
        1000,
        1000,
    )


def test_the_largest_ids_telegram_issues_are_accepted() -> None:
    largest = 2**52 - 1
    settings = load_settings(
        {
            **FULL,
            "STAFF_CHAT_ID": f"-{largest}",
            "ADMIN_IDS": str(largest),
            "STAFF_THREAD_ID": str(2**31 - 1),
        }
    )
    assert settings.committee.staff_chat_id == -largest
    assert settings.committee.admin_ids == frozenset({largest})
    assert settings.committee.staff_thread_id == 2**31 - 1


# --- webhook mode --------------------------------------------------------------------------


def test_webhook_settings_with_defaults() -> None:
    settings = load_settings({**REQUIRED, **WEBHOOK}, webhook=True)
    assert settings.webhook == WebhookSettings(
        url="https://homthu.example.vn/telegram/hook",
        secret="Abc_123-xyz",
        port=8443,
        listen="127.0.0.1",
    )
    assert settings.webhook.url_path == "telegram/hook"
    assert "Abc_123-xyz" not in repr(settings)


def test_webhook_settings_in_full() -> None:
    env = {
        **REQUIRED,
        **WEBHOOK,
        "WEBHOOK_URL": " https://homthu.example.vn:443/ ",
        "WEBHOOK_PORT": " 8081 ",
        "WEBHOOK_LISTEN": "0.0.0.0",
        "WEBHOOK_SECRET": "s" * 256,
    }
    webhook = load_settings(env, webhook=True).webhook
    assert webhook is not None
    assert (webhook.url, webhook.port, webhook.listen) == (
        "https://homthu.example.vn:443/",
        8081,
        "0.0.0.0",
    )
    assert webhook.url_path == ""


def test_webhook_variables_are_ignored_when_polling() -> None:
    env = {**REQUIRED, "WEBHOOK_PORT": "abc", "WEBHOOK_URL": "http://x"}
    assert load_settings(env).webhook is None


def test_a_self_hosted_bot_api_may_post_to_any_port() -> None:
    env = {
        **REQUIRED,
        **WEBHOOK,
        "TELEGRAM_API_BASE_URL": "http://127.0.0.1:8081/bot",
        "WEBHOOK_URL": "https://homthu.example.vn:9443/telegram",
    }
    webhook = load_settings(env, webhook=True).webhook
    assert webhook is not None
    assert webhook.url == "https://homthu.example.vn:9443/telegram"


BAD_WEBHOOK_VALUES = [
    ("WEBHOOK_URL", None),
    ("WEBHOOK_URL", ""),
    ("WEBHOOK_URL", "http://homthu.example.vn/telegram"),
    ("WEBHOOK_URL", "homthu.example.vn/telegram"),
    ("WEBHOOK_URL", "https:///telegram"),
    ("WEBHOOK_URL", "https://homthu.example.vn/telegram?x=1"),
    ("WEBHOOK_URL", "https://homthu.example.vn/telegram#top"),
    ("WEBHOOK_URL", "https://homthu.example.vn/tele.gram"),
    ("WEBHOOK_URL", "https://homthu.example.vn:8080/telegram"),
    ("WEBHOOK_URL", "https://homthu.example.vn:99999/telegram"),
    ("WEBHOOK_SECRET", None),
    ("WEBHOOK_SECRET", "   "),
    ("WEBHOOK_SECRET", "has a space"),
    ("WEBHOOK_SECRET", "s" * 257),
    ("WEBHOOK_SECRET", "mật-khẩu"),
    ("WEBHOOK_PORT", "0"),
    ("WEBHOOK_PORT", "65536"),
    ("WEBHOOK_PORT", "https"),
    ("WEBHOOK_PORT", "-1"),
    ("WEBHOOK_LISTEN", "homthu.example.vn"),
    ("WEBHOOK_LISTEN", "999.1.1.1"),
]


@pytest.mark.parametrize(
    ("variable", "value"),
    BAD_WEBHOOK_VALUES,
    ids=[f"{name}={value!r}"[:60] for name, value in BAD_WEBHOOK_VALUES],
)
def test_bad_webhook_variable_is_named(variable: str, value: str | None) -> None:
    # REQUIRED only: Telegram's own Bot API, which delivers to a few ports only.
    env = {**REQUIRED, **WEBHOOK}
    if value is None:
        del env[variable]
    else:
        env[variable] = value
    with pytest.raises(ConfigError) as caught:
        load_settings(env, webhook=True)
    message = str(caught.value)
    assert caught.value.variable == variable
    assert variable in message
    assert "\n" not in message
    assert len(message) > len(variable) + 20
    if variable == "WEBHOOK_SECRET" and value and value.strip():
        assert value not in message


def test_env_example_documents_every_variable() -> None:
    documented = {
        line.split("=", 1)[0]
        for line in (PROJECT / ".env.example").read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    }
    assert set(CONFIG_VARIABLES) <= documented


def test_secret_key_of_32_characters_is_accepted() -> None:
    assert load_settings({**REQUIRED, "SECRET_KEY": "k" * 32}).secret_key == "k" * 32


def test_token_is_never_in_repr_or_str() -> None:
    settings = load_settings(FULL)
    secret_part = TOKEN.split(":", 1)[1]
    for shown in (repr(settings), str(settings), repr(settings.token), str(settings.token)):
        assert TOKEN not in shown
        assert secret_part not in shown
    assert "BotToken" in repr(settings)
    assert settings.token.reveal() == TOKEN


def test_malformed_token_is_not_in_the_error() -> None:
    value = "987654321-ThisIsTheSecretPartOfTheToken_abcdef"
    with pytest.raises(ConfigError) as caught:
        load_settings({**FULL, "TELEGRAM_BOT_TOKEN": value})
    assert caught.value.variable == "TELEGRAM_BOT_TOKEN"
    assert "ThisIsTheSecretPart" not in str(caught.value)


# --- python -m bot ------------------------------------------------------------------------


def run_bot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bot`` from the project folder with every config variable pinned."""
    environment = {k: v for k, v in os.environ.items() if k not in CONFIG_VARIABLES}
    environment.update({name: "" for name in CONFIG_VARIABLES})
    environment.update({"LOG_LEVEL": "INFO", "PYTHONIOENCODING": "utf-8"})
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_missing_token_stops_with_one_line() -> None:
    result = run_bot()
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_malformed_token_is_not_printed() -> None:
    value = "987654321-ThisIsTheSecretPartOfTheToken_abcdef"
    result = run_bot(TELEGRAM_BOT_TOKEN=value)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "TELEGRAM_BOT_TOKEN" in lines[0]
    assert "ThisIsTheSecretPart" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_malformed_staff_chat_stops_without_showing_the_token() -> None:
    result = run_bot(TELEGRAM_BOT_TOKEN=TOKEN, STAFF_CHAT_ID="abc", ADMIN_IDS="1")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "STAFF_CHAT_ID" in lines[0]
    assert TOKEN.split(":", 1)[1] not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_help_exits_zero() -> None:
    result = run_bot("--help")
    assert result.returncode == 0, result.stderr
    for option in ("--check", "--webhook", "--version"):
        assert option in result.stdout
    assert result.stderr == ""


def test_webhook_mode_without_its_url_stops_with_one_line() -> None:
    result = run_bot("--webhook", TELEGRAM_BOT_TOKEN=TOKEN, STAFF_CHAT_ID="-100", ADMIN_IDS="1")
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "WEBHOOK_URL" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_bad_log_level_stops_with_one_line() -> None:
    result = run_bot(
        TELEGRAM_BOT_TOKEN=TOKEN, STAFF_CHAT_ID="-100", ADMIN_IDS="1", LOG_LEVEL="loud"
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "LOG_LEVEL" in lines[0]


def test_check_refuses_a_deadline_past_the_calendar_with_its_range() -> None:
    # Issue 19, item 12: SLA_DAYS=3000000 passed --check, then every «Gửi» failed.
    result = run_bot(
        "--check",
        TELEGRAM_BOT_TOKEN=TOKEN,
        STAFF_CHAT_ID="-100",
        ADMIN_IDS="1",
        SLA_DAYS="3000000",
    )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "SLA_DAYS" in lines[0]
    assert "1 đến 365" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
