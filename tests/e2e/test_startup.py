"""Start-up while the Bot API cannot be reached: the bot waits, says so, and does not spin."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from tests.botapi import BotAPIServer, Fault
from tests.e2e.harness import STAFF_CHAT_ID, TOKEN, BotProcess, bot_environment
from tests.e2e.story import VI, shown

# A log line at WARNING or above that says Telegram cannot be reached and that the bot will
# try again (in Vietnamese or English).
RETRY_LINE = re.compile(
    r"^\S+ \S+ (WARNING|ERROR) \S+ .*(?i:telegram|bot api).*(?i:retry|thử lại|trying again)",
    re.MULTILINE,
)
# The longest the bot may take to say so (it starts a Python process first).
LOG_WAIT = 10.0


async def a_resident_is_answered(server: BotAPIServer) -> None:
    """A resident's /start gets the usual answer (no area yet: the list is empty)."""
    resident = server.resident(8_801_234_567, "Tâm", "Lý", "tam_startup_e2e")
    resident.say("/start")
    await resident.wait_for(shown(VI("no_open_areas")), timeout=40)


async def idle_cpu(bot: BotProcess, seconds: float) -> float:
    """CPU the bot burns in ``seconds`` of waiting (a busy loop would burn them all)."""
    before = bot.cpu_seconds()
    await asyncio.sleep(seconds)  # elapsed time is what is measured here
    return bot.cpu_seconds() - before


async def test_an_api_not_yet_listening_is_waited_for(tmp_path: Path) -> None:
    server = BotAPIServer(TOKEN)
    server.group(STAFF_CHAT_ID)
    server.bind()  # the port is reserved; connections are refused until start()
    bot = BotProcess(tmp_path, bot_environment(tmp_path, server.base_url))
    await bot.start()
    try:
        said_so = await _logged(server, bot, RETRY_LINE, LOG_WAIT)
        assert bot.alive, f"the bot exited while Telegram was unreachable:\n{bot.log}"
        assert await idle_cpu(bot, 2.0) < 0.5, "the bot spins while it waits"
        await server.start()
        await bot.wait_polling(server, 0, timeout=40)
        await a_resident_is_answered(server)
        assert said_so, f"no log line says Telegram is unreachable and why we wait:\n{bot.log}"
    finally:
        await bot.close()
        await server.close()
        print(bot.log)


async def test_a_502_on_get_me_is_waited_out(server: BotAPIServer, bot: BotProcess) -> None:
    outage = server.inject("getMe", Fault.server_error(502, "Bad Gateway"), times=None)
    await bot.start()
    said_so = await _logged(server, bot, RETRY_LINE, LOG_WAIT)
    assert bot.alive, f"the bot exited on 502:\n{bot.log}"
    assert await idle_cpu(bot, 2.0) < 0.5, "the bot spins while it waits"
    # Over the first seconds: a few tries, spaced out (a busy loop would make hundreds).
    assert 2 <= outage.hits <= 6, f"{outage.hits} getMe calls: the back-off is off"
    server.clear_faults()
    await bot.wait_polling(server, 0, timeout=40)
    await a_resident_is_answered(server)
    assert said_so, f"no log line says Telegram is unreachable and why we wait:\n{bot.log}"
    assert TOKEN not in bot.log


async def _logged(
    server: BotAPIServer, bot: BotProcess, line: re.Pattern[str], seconds: float
) -> bool:
    """Whether ``line`` shows up in the bot's log within ``seconds`` (then keep going)."""
    try:
        await server.wait_until(lambda: line.search(bot.log), timeout=seconds)
    except AssertionError:
        return False
    return True
