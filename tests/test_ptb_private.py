"""The private parts of python-telegram-bot the bot relies on (``bot/ptb/private.py``) are
still there, in the shape and with the behaviour relied on.

PTB may change anything private in any release. When an upgrade does, these tests fail
first, each naming the installed PTB version and what changed, before a resident's
conversation or the outbox's flood control quietly does something else.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import re
import tomllib
from pathlib import Path
from typing import Any

import telegram
from telegram.ext import AIORateLimiter, Application, ExtBot
from telegram.request import BaseRequest

from bot.handlers.resident.intake import CONVERSATION_NAME
from bot.ptb import private
from bot.ptb.context import HomThuApplication
from bot.ptb.flood import SlotRateLimiter
from tests.support import Person
from tests.test_imports import imported_names

ROOT = Path(__file__).resolve().parents[1]
PTB = f"python-telegram-bot {telegram.__version__}"


def changed(what: str) -> str:
    """The message of a failure: which PTB, what changed, where the bot relies on it."""
    return (
        f"{PTB}: {what}. bot/ptb/private.py relies on it (see its docstring): "
        "adapt that module to the new release, or pin the release it was written for."
    )


def pinned_range() -> list[tuple[str, tuple[int, ...]]]:
    """The version bounds pyproject.toml puts on python-telegram-bot, as (operator, version)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    [requirement] = [r for r in project["dependencies"] if r.startswith("python-telegram-bot")]
    bounds = re.findall(r"(>=|<=|==|<|>)\s*([0-9][0-9.]*)", requirement)
    assert bounds, f"no version bounds in {requirement!r}"
    return [(op, tuple(int(part) for part in version.split("."))) for op, version in bounds]


def test_the_installed_ptb_is_within_the_range_pyproject_pins() -> None:
    installed = tuple(telegram.__version_info__[:3])
    checks = {
        ">=": lambda bound: installed >= bound,
        ">": lambda bound: installed > bound,
        "<=": lambda bound: installed <= bound,
        "<": lambda bound: installed < bound,
        "==": lambda bound: installed[: len(bound)] == bound,
    }
    for op, bound in pinned_range():
        assert checks[op](bound), changed(
            f"outside the range pyproject.toml pins ({op}{'.'.join(map(str, bound))})"
        )


def test_the_private_modules_still_hold_the_names() -> None:
    for module, name in (
        ("telegram._utils.defaultvalue", "DefaultValue"),
        ("telegram._utils.types", "ODVInput"),
        ("telegram.ext._handlers.conversationhandler", "PendingState"),
    ):
        try:
            found = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as error:
            raise AssertionError(changed(f"{module}.{name} is gone ({error})")) from error
        assert getattr(private, name, found) is found, changed(f"{module}.{name} moved")


def test_a_timeout_nobody_named_is_a_default_value() -> None:
    assert isinstance(BaseRequest.DEFAULT_NONE, private.DefaultValue), changed(
        "BaseRequest.DEFAULT_NONE is no longer a DefaultValue"
    )
    assert private.DefaultValue.get_value(BaseRequest.DEFAULT_NONE) is None, changed(
        "DefaultValue.get_value no longer unwraps DEFAULT_NONE to None"
    )
    assert not isinstance(5.0, private.DefaultValue)


async def test_the_application_holds_the_persistent_conversations_by_name(
    app: HomThuApplication, resident: Person
) -> None:
    assert hasattr(app, "_conversation_handler_conversations"), changed(
        "Application._conversation_handler_conversations is gone"
    )
    await resident.send("/start kp3")

    conversations = private.live_conversations(app)

    assert CONVERSATION_NAME in conversations, changed(
        "Application._conversation_handler_conversations no longer holds the persistent "
        f"ConversationHandler {CONVERSATION_NAME!r} by name"
    )
    key = (resident.chat, resident.user_id)
    assert conversations[CONVERSATION_NAME].get(key) is not None, changed(
        "a conversation's state is no longer found under (chat id, user id) in "
        "Application._conversation_handler_conversations"
    )
    # The mapping is the conversation's own: a state taken out of it is gone for PTB too.
    del conversations[CONVERSATION_NAME][key]
    assert private.live_conversations(app)[CONVERSATION_NAME].get(key) is None


async def test_a_running_non_blocking_step_is_a_pending_state() -> None:
    parameters = list(inspect.signature(private.PendingState).parameters)
    assert parameters == ["task", "old_state"], changed(
        f"PendingState takes {parameters}, not [task, old_state]"
    )
    task = asyncio.create_task(asyncio.sleep(0))
    state = private.PendingState(task=task, old_state=1)
    assert private.is_pending(state)
    assert not private.is_pending(1)
    assert not private.is_pending(None)
    await task


async def test_the_application_marks_the_users_to_persist(
    app: HomThuApplication, resident: Person
) -> None:
    assert isinstance(app._user_ids_to_be_updated_in_persistence, set), changed(
        "Application._user_ids_to_be_updated_in_persistence is no longer a set"
    )
    await resident.send("/start kp3")
    assert isinstance(private.users_to_persist(app), int)


def keyword_names(function: Any) -> list[str]:
    """The names of ``function``'s parameters, keyword-only ones marked with ``*``."""
    return [
        ("*" if p.kind is p.KEYWORD_ONLY else "") + name
        for name, p in inspect.signature(function).parameters.items()
    ]


def test_every_call_passes_do_post_with_the_same_parameters() -> None:
    expected = [
        "self",
        "endpoint",
        "data",
        "*read_timeout",
        "*write_timeout",
        "*connect_timeout",
        "*pool_timeout",
    ]
    assert keyword_names(ExtBot._do_post) == expected, changed(
        f"ExtBot._do_post takes {keyword_names(ExtBot._do_post)}, not {expected}"
    )
    assert keyword_names(private.ResultHook._do_post) == expected
    assert inspect.iscoroutinefunction(ExtBot._do_post), changed("ExtBot._do_post is not async")
    # The requests every other call makes go through it.
    source = inspect.getsource(telegram.Bot._post)
    assert "_do_post(" in source, changed("Bot._post no longer calls _do_post")


def test_the_rate_limiter_keeps_a_limiter_per_group() -> None:
    limiter = AIORateLimiter(group_max_rate=20, group_time_period=60)
    assert getattr(limiter, "_group_max_rate", None) == 20, changed(
        "AIORateLimiter no longer keeps group_max_rate as _group_max_rate"
    )
    group = limiter._get_group_limiter(-100)
    assert group is limiter._get_group_limiter(-100), changed(
        "AIORateLimiter._get_group_limiter no longer keeps one limiter per group"
    )
    for method in ("acquire", "has_capacity"):
        assert callable(getattr(group, method, None)), changed(
            f"a group's limiter has no {method}()"
        )
    expected = ["self", "chat", "group", "allow_paid_broadcast", "callback", "args", "kwargs"]
    assert keyword_names(AIORateLimiter._run_request) == expected, changed(
        f"AIORateLimiter._run_request takes {keyword_names(AIORateLimiter._run_request)}"
    )
    # The hooks reach them: slots for groups when groups are limited, none otherwise.
    assert SlotRateLimiter(group_max_rate=20).group_limiter(-100) is not None
    assert SlotRateLimiter(group_max_rate=0).group_limiter(-100) is None


async def test_a_request_to_a_granted_group_waits_for_no_second_slot() -> None:
    limiter = SlotRateLimiter(overall_max_rate=0, group_max_rate=1, group_time_period=3600)
    await limiter.initialize()
    calls: list[str] = []

    async def call(*args: object, **kwargs: object) -> bool:
        calls.append("sent")
        return True

    async with limiter.slot(-100) as spare:
        assert spare is False  # one message an hour: the slot just taken was the only one
        # Were the group's limiter asked again, this would wait an hour.
        await asyncio.wait_for(
            limiter.process_request(call, (), {}, "sendMessage", {"chat_id": -100}, None), 5
        )
    assert calls == ["sent"]
    await limiter.shutdown()


def test_the_application_type_is_what_live_conversations_reads() -> None:
    assert "_conversation_handler_conversations" in Application.__slots__, changed(
        "Application no longer declares _conversation_handler_conversations"
    )


# PTB's private attributes the bot reads or overrides (bot/ptb/private.py says why).
PRIVATE_ATTRIBUTES = {
    "_conversation_handler_conversations",
    "_user_ids_to_be_updated_in_persistence",
    "_do_post",
    "_group_max_rate",
    "_get_group_limiter",
    "_run_request",
}


def test_only_bot_ptb_private_reaches_ptb_private_parts() -> None:
    owner = ROOT / "bot" / "ptb" / "private.py"
    offending = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if path in (owner, Path(__file__)) or relative.parts[0].startswith("."):
            continue
        for line, name in imported_names(path):
            parts = name.split(".")
            if parts[0] == "telegram" and any(part.startswith("_") for part in parts):
                offending.append(f"{relative}:{line}: imports {name}")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = node.attr if isinstance(node, ast.Attribute) else None
            named = (
                node.name if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) else named
            )
            if named in PRIVATE_ATTRIBUTES:
                offending.append(f"{relative}:{node.lineno}: uses {named}")
    assert offending == [], "PTB's private API outside bot/ptb/private.py:\n" + "\n".join(
        offending
    )
