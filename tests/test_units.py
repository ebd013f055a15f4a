"""Pure functions: reference codes, anonymity, rate limits and the draft."""

from __future__ import annotations

import hashlib
import hmac
import os
import re
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.ptb.context import DraftButtons, HomThuApplication, reported_language
from bot.service.config import BotToken, Settings
from core.anonymity import LEGACY_CHANNEL_CONTEXT, Anonymizer, SecretKeyError, master_secret
from core.committee import Committee
from core.rules.codes import CROCKFORD, new_reference_code, normalize_reference_code
from core.rules.draft import (
    MAX_CHARS,
    MAX_PHOTOS,
    Draft,
    TooLong,
    TooManyPhotos,
    forget_draft,
    load_draft,
    store_draft,
)
from core.rules.ratelimit import SlidingWindowLimit
from tests.support import FrozenClock

CODE_SHAPE = re.compile(r"^[A-Z]{2}-[0-9A-Z]{8}$")
SECRET = b"s" * 32
USER_ID = 987654321

# --- reference codes ----------------------------------------------------------------------


def test_new_reference_codes_have_the_shape_and_are_distinct() -> None:
    codes = [new_reference_code() for _ in range(2000)]
    assert len(set(codes)) == 2000
    for code in codes:
        assert CODE_SHAPE.match(code), code
        assert not set(code) & set("ILOU"), code
        assert set(code[3:]) <= set(CROCKFORD), code
    # Every Crockford character turns up in 16,000 random body characters.
    assert set("".join(code[3:] for code in codes)) == set(CROCKFORD)
    assert set(CROCKFORD) == set("0123456789ABCDEFGHJKMNPQRSTVWXYZ")


def test_new_reference_code_normalizes_to_itself() -> None:
    for _ in range(200):
        code = new_reference_code()
        assert normalize_reference_code(code) == code


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("GY-7Q2K9M4T", "GY-7Q2K9M4T"),
        ("gy-7q2k9m4t", "GY-7Q2K9M4T"),
        ("GY7Q2K9M4T", "GY-7Q2K9M4T"),
        (" gy 7q2k 9m4t ", "GY-7Q2K9M4T"),
        ("GY - 7Q2K-9M4T\n", "GY-7Q2K9M4T"),
        ("GY-7Q2K9MOT", "GY-7Q2K9M0T"),
        ("gy-7q2k9mot", "GY-7Q2K9M0T"),
        ("GY-IL2K9M4T", "GY-112K9M4T"),
        ("GY-il2k9m4t", "GY-112K9M4T"),
    ],
)
def test_normalize_reference_code_forgives_what_people_type(typed: str, canonical: str) -> None:
    assert normalize_reference_code(typed) == canonical


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "GY-7Q2K9M4",
        "GY-7Q2K9M4TT",
        "GY",
        "12-7Q2K9M4T",
        "G1-7Q2K9M4T",
        "GY-7Q2K9M4U",
        "GY-7Q2K9M4!",
        "ĐY-7Q2K9M4T",
    ],
)
def test_normalize_reference_code_rejects_what_cannot_be_a_code(typed: str) -> None:
    assert normalize_reference_code(typed) is None


# --- anonymity ----------------------------------------------------------------------------


def test_resident_key_is_stable_and_secret_dependent() -> None:
    anonymizer = Anonymizer(SECRET)
    key = anonymizer.resident_key(USER_ID)
    assert key == Anonymizer(SECRET).resident_key(USER_ID)
    assert key != Anonymizer(b"t" * 32).resident_key(USER_ID)
    assert key != anonymizer.resident_key(USER_ID + 1)
    assert str(USER_ID) not in key
    assert re.fullmatch(r"[0-9a-f]{32}", key)


def test_resident_key_is_not_a_plain_hash_of_the_id() -> None:
    key = Anonymizer(SECRET).resident_key(USER_ID)
    plain = hashlib.sha256(str(USER_ID).encode()).hexdigest()
    assert not plain.startswith(key)


CODE = "GY-7Q2K9M4T"
OTHER_CODE = "HB-0123ABCD"


def test_seal_and_open_round_trip() -> None:
    anonymizer = Anonymizer(SECRET)
    for chat_id in (USER_ID, 1, 7_000_000_001, -1001234567890):
        channel = anonymizer.seal_channel(chat_id, CODE, "en")
        sealed = channel.sealed
        if abs(chat_id) > 10**8:
            # Nine digits or more: a chance match in random bytes is out of the question.
            assert str(chat_id).encode() not in sealed
            assert str(chat_id) not in channel.chat_key
        assert anonymizer.open_channel(sealed, CODE) == (chat_id, "en")
        assert Anonymizer(SECRET).open_channel(sealed, CODE) == (chat_id, "en")


def test_a_channel_opens_only_for_the_feedback_it_was_sealed_for() -> None:
    """Point 13: moving a sealed channel to another feedback's row must not deliver there."""
    anonymizer = Anonymizer(SECRET)
    sealed = anonymizer.seal_channel(USER_ID, CODE, "vi").sealed
    assert anonymizer.open_channel(sealed, CODE) == (USER_ID, "vi")
    assert anonymizer.open_channel(sealed, OTHER_CODE) is None


def test_a_chats_key_differs_between_feedbacks_so_they_cannot_be_linked() -> None:
    anonymizer = Anonymizer(SECRET)
    first = anonymizer.seal_channel(USER_ID, CODE, "vi")
    again = anonymizer.seal_channel(USER_ID, CODE, "en")
    other = anonymizer.seal_channel(USER_ID, OTHER_CODE, "vi")
    assert first.chat_key == again.chat_key
    assert first.chat_key != other.chat_key
    assert first.chat_key != anonymizer.resident_key(USER_ID)


def test_a_legacy_channel_is_sealed_again_for_its_feedback() -> None:
    anonymizer = Anonymizer(SECRET)
    aead = AESGCM(hmac.digest(SECRET, b"homthu reply channel", "sha256"))
    nonce = b"\x01" * 12
    legacy = nonce + aead.encrypt(nonce, str(USER_ID).encode(), LEGACY_CHANNEL_CONTEXT)
    assert anonymizer.open_channel(legacy, CODE) is None
    bound = anonymizer.reseal_legacy_chat(CODE, legacy)
    assert bound is not None
    assert anonymizer.open_channel(bound, CODE) == (USER_ID, None)
    assert anonymizer.open_channel(bound, OTHER_CODE) is None
    assert anonymizer.reseal_legacy_chat(CODE, b"garbage" * 5) is None


def test_a_record_opens_only_for_its_row() -> None:
    anonymizer = Anonymizer(SECRET)
    sealed = anonymizer.seal_record("draft abc", {"user_id": USER_ID, "data": {"x": "ý"}})
    assert str(USER_ID).encode() not in sealed
    assert anonymizer.open_record("draft abc", sealed) == {"user_id": USER_ID, "data": {"x": "ý"}}
    assert anonymizer.open_record("draft abd", sealed) is None
    assert Anonymizer(b"t" * 32).open_record("draft abc", sealed) is None


def test_sealing_twice_gives_different_bytes() -> None:
    anonymizer = Anonymizer(SECRET)
    first = anonymizer.seal_channel(USER_ID, CODE, "vi").sealed
    second = anonymizer.seal_channel(USER_ID, CODE, "vi").sealed
    assert first != second
    assert anonymizer.open_channel(first, CODE) == anonymizer.open_channel(second, CODE)


def test_opening_with_another_secret_gives_none() -> None:
    sealed = Anonymizer(SECRET).seal_channel(USER_ID, CODE, "vi").sealed
    assert Anonymizer(b"t" * 32).open_channel(sealed, CODE) is None


@pytest.mark.parametrize("position", [0, 11, 12, -1])
def test_tampered_seal_gives_none(position: int) -> None:
    anonymizer = Anonymizer(SECRET)
    sealed = bytearray(anonymizer.seal_channel(USER_ID, CODE, "vi").sealed)
    sealed[position] ^= 0x01
    assert anonymizer.open_channel(bytes(sealed), CODE) is None


@pytest.mark.parametrize("sealed", [b"", b"short", b"\x00" * 12, b"\x00" * 40])
def test_garbage_seal_gives_none(sealed: bytes) -> None:
    assert Anonymizer(SECRET).open_channel(sealed, CODE) is None


@pytest.mark.parametrize("secret", [b"", b"short", b"x" * 31, b"x" * 33])
def test_an_anonymizer_refuses_a_secret_of_the_wrong_size(secret: bytes) -> None:
    with pytest.raises(SecretKeyError):
        Anonymizer(secret)


def make_settings(tmp_path: Path, secret_key: str | None) -> Settings:
    """Settings whose database lives in ``tmp_path/data``."""
    return Settings(
        token=BotToken("123456789:" + "A" * 35),
        committee=Committee(staff_chat_id=-1001234567890, admin_ids=frozenset({4242})),
        database_path=tmp_path / "data" / "homthu.sqlite3",
        secret_key=secret_key,
    )


def secret_of(settings: Settings) -> bytes:
    """The master secret the bot derives from ``settings`` (as ``build_application`` does)."""
    return master_secret(settings.secret_key, settings.key_file)


def test_master_secret_creates_a_private_key_file_and_reuses_it(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, None)
    key_file = tmp_path / "data" / "homthu.key"
    assert not key_file.exists()
    first = secret_of(settings)
    assert key_file.is_file()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first) == 32
    assert bytes.fromhex(key_file.read_text("ascii").strip()) == first
    written = key_file.read_bytes()

    assert secret_of(settings) == first
    assert key_file.read_bytes() == written
    assert secret_of(make_settings(tmp_path / "elsewhere", None)) != first


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "rỗng / the key file is empty"),
        (b"\n  \n", "rỗng / the key file is empty"),
        (b"abc123\n", "not a key of 64 hex digits"),
        (b"z" * 64 + b"\n", "not a key of 64 hex digits"),
        (b"\xff\xfe" * 40, "not a key file"),
    ],
    ids=["empty", "blank", "short", "not-hex", "not-text"],
)
def test_a_broken_key_file_refuses_to_start(tmp_path: Path, content: bytes, problem: str) -> None:
    """Point 4: an empty (failed first write) or malformed key is never used as a secret."""
    key_file = tmp_path / "data" / "homthu.key"
    key_file.parent.mkdir()
    key_file.write_bytes(content)
    with pytest.raises(SecretKeyError, match=re.escape(problem)) as refused:
        secret_of(make_settings(tmp_path, None))
    assert str(key_file) in str(refused.value)
    assert key_file.read_bytes() == content  # never silently replaced


def test_the_key_file_is_made_atomically_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0o000)
    try:
        key = secret_of(make_settings(tmp_path, None))
    finally:
        os.umask(previous)
    key_file = tmp_path / "data" / "homthu.key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(key_file.parent.stat().st_mode) == 0o700
    assert key_file.read_text("ascii") == key.hex() + "\n"
    # The temporary file it was written to is gone.
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["homthu.key"]


def test_a_key_file_whose_write_fails_leaves_no_empty_key(tmp_path: Path) -> None:
    """Point 4 as it happened: the first write of the key fails (a file-size limit, a full
    disk). It must fail with one clear error and leave no empty key file behind."""
    program = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (16, resource.RLIM_INFINITY))\n"
        "from pathlib import Path\n"
        "from core.anonymity import SecretKeyError, read_or_create_key_file\n"
        "try:\n"
        "    read_or_create_key_file(Path(sys.argv[1]))\n"
        "except SecretKeyError as error:\n"
        "    print(error)\n"
    )
    key_file = tmp_path / "data" / "homthu.key"
    result = subprocess.run(
        [sys.executable, "-c", program, str(key_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert "cannot create the key file" in result.stdout
    assert not key_file.exists()
    assert [p.name for p in key_file.parent.iterdir()] == []
    # The next start, with room to write, makes a proper key.
    assert len(secret_of(make_settings(tmp_path, None))) == 32


def test_master_secret_from_secret_key_makes_no_file(tmp_path: Path) -> None:
    first = secret_of(make_settings(tmp_path, "k" * 40))
    assert first == secret_of(make_settings(tmp_path, "k" * 40))
    assert first != secret_of(make_settings(tmp_path, "j" * 40))
    assert len(first) == 32
    assert not (tmp_path / "data" / "homthu.key").exists()


# --- rate limits --------------------------------------------------------------------------


class Ticker:
    """A monotonic clock the test sets."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_reached_then_window_passes() -> None:
    ticker = Ticker()
    limit = SlidingWindowLimit(3, window=60.0, clock=ticker)
    assert [limit.allow("a") for _ in range(3)] == [True, True, True]
    assert limit.allow("a") is False
    assert limit.allow("b") is True
    ticker.now += 59.9
    assert limit.allow("a") is False
    ticker.now += 0.1
    assert [limit.allow("a") for _ in range(4)] == [True, True, True, False]


def test_refused_events_do_not_extend_the_window() -> None:
    ticker = Ticker()
    limit = SlidingWindowLimit(1, window=10.0, clock=ticker)
    assert limit.allow("a") is True
    for _ in range(5):
        ticker.now += 1.0
        assert limit.allow("a") is False
    ticker.now += 5.0
    assert limit.allow("a") is True


def test_events_slide_out_one_by_one() -> None:
    ticker = Ticker()
    limit = SlidingWindowLimit(2, window=10.0, clock=ticker)
    assert limit.allow("a") is True
    ticker.now += 5.0
    assert limit.allow("a") is True
    assert limit.allow("a") is False
    ticker.now += 5.0
    assert limit.allow("a") is True
    assert limit.allow("a") is False


def test_prune_forgets_idle_keys() -> None:
    ticker = Ticker()
    limit = SlidingWindowLimit(2, window=60.0, clock=ticker)
    limit.allow("idle")
    ticker.now += 30.0
    limit.allow("busy")
    assert len(limit) == 2
    ticker.now += 30.0
    limit.prune()
    assert len(limit) == 1
    ticker.now += 60.0
    limit.prune()
    assert len(limit) == 0
    assert limit.allow("idle") is True


# --- draft --------------------------------------------------------------------------------


def new_draft() -> Draft:
    """An empty draft in area kp3 with a topic chosen."""
    return Draft(
        area_id=1,
        area_code="kp3",
        area_name="Khu phố 3",
        touched_at=0.0,
        topic_id=2,
        topic_name="Kinh tế, đời sống",
    )


def test_add_text_joins_with_a_blank_line() -> None:
    draft = new_draft()
    assert draft.is_empty
    draft.add_text("Đèn đường hỏng.")
    draft.add_text("   ")
    draft.add_text("Ở hẻm 12.")
    assert draft.body == "Đèn đường hỏng.\n\nỞ hẻm 12."
    assert draft.char_count == len("Đèn đường hỏng.\n\nỞ hẻm 12.")
    assert not draft.is_empty


def test_exactly_max_chars_is_accepted() -> None:
    draft = new_draft()
    first = "a" * 1998
    second = "b" * (MAX_CHARS - 1998 - 2)
    draft.add_text(first)
    draft.add_text(second)
    assert draft.char_count == MAX_CHARS == 4000
    assert draft.parts == [first, second]


def test_one_character_more_raises_too_long_and_keeps_the_draft() -> None:
    draft = new_draft()
    draft.add_text("a" * 1998)
    with pytest.raises(TooLong) as caught:
        draft.add_text("b" * (MAX_CHARS - 1998 - 1))
    assert (caught.value.current, caught.value.incoming) == (1998, MAX_CHARS - 1999)
    assert draft.parts == ["a" * 1998]
    assert draft.char_count == 1998


def test_single_text_over_the_limit_is_refused() -> None:
    draft = new_draft()
    draft.add_text("x" * MAX_CHARS)
    other = new_draft()
    with pytest.raises(TooLong):
        other.add_text("x" * (MAX_CHARS + 1))
    assert other.parts == []
    with pytest.raises(TooLong):
        draft.add_text("y")
    assert draft.parts == ["x" * MAX_CHARS]


def test_sixth_photo_is_refused_and_its_caption_not_added() -> None:
    draft = new_draft()
    for number in range(MAX_PHOTOS):
        draft.add_photo(f"photo-{number}", f"chú thích {number}" if number == 0 else None)
    assert draft.photos == [f"photo-{n}" for n in range(5)]
    assert draft.parts == ["chú thích 0"]
    with pytest.raises(TooManyPhotos):
        draft.add_photo("photo-5", "chú thích bị từ chối")
    assert draft.photos == [f"photo-{n}" for n in range(5)]
    assert draft.parts == ["chú thích 0"]


def test_photo_whose_caption_is_too_long_is_not_added() -> None:
    draft = new_draft()
    draft.add_text("z" * (MAX_CHARS - 5))
    with pytest.raises(TooLong):
        draft.add_photo("photo-0", "quá dài")
    assert draft.photos == []
    assert draft.parts == ["z" * (MAX_CHARS - 5)]


def test_store_and_load_draft_round_trip() -> None:
    draft = new_draft()
    draft.add_text("Nội dung 🙏 <b>x</b>")
    draft.add_photo("photo-0", None)
    draft.wants_replies = True
    user_data: dict[object, object] = {"other": 1}
    now = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    store_draft(user_data, draft, now)
    loaded = load_draft(user_data)
    assert loaded == draft
    assert loaded is not draft
    assert loaded is not None
    assert loaded.touched_at == now.timestamp()
    assert loaded.body == "Nội dung 🙏 <b>x</b>"
    forget_draft(user_data)
    assert load_draft(user_data) is None
    assert user_data == {"other": 1}


def test_load_draft_of_nothing_or_an_unknown_shape_is_none() -> None:
    assert load_draft({}) is None
    assert load_draft({"draft": "not a dict"}) is None
    assert load_draft({"draft": {"area_id": 1, "unknown_field": 2}}) is None


def test_is_idle_after_the_limit() -> None:
    draft = new_draft()
    touched = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    store_draft({}, draft, touched)
    limit = timedelta(hours=24)
    assert not draft.is_idle(touched + timedelta(hours=23, minutes=59, seconds=59), limit)
    assert draft.is_idle(touched + timedelta(hours=24, seconds=1), limit)
    assert draft.is_idle(touched + timedelta(days=5), limit)
    assert draft.is_idle(touched + timedelta(minutes=31), timedelta(minutes=30))


def test_windows_expire_without_the_sweep() -> None:
    """Keys seen once are forgotten by later events alone once their window has passed:
    memory follows the residents of the last window, not every resident ever seen."""
    ticker = Ticker()
    limit = SlidingWindowLimit(10, window=60.0, clock=ticker)
    for n in range(1000):
        limit.allow(f"resident-{n}")
        ticker.now += 0.1
    # 100 s of residents, one every 0.1 s: those of the last window (and at most one
    # pruning interval, 5 s, more) are kept.
    assert 600 <= len(limit) <= 650
    ticker.now += 65.0
    limit.allow("someone new")
    assert len(limit) == 1


async def test_cached_languages_expire_on_the_bot_clock(
    app: HomThuApplication, clock: FrozenClock
) -> None:
    runtime = app.bot_data
    await runtime.set_language(7001, "en")
    await runtime.language_of(7002)
    assert runtime.resident_structures()["languages"] == 2
    clock.advance(timedelta(minutes=31))
    runtime.forget_idle()
    assert runtime.resident_structures()["languages"] == 0
    assert await runtime.language_of(7001) == "en"


async def test_rate_limits_run_on_the_bot_clock(
    app: HomThuApplication, clock: FrozenClock
) -> None:
    limit = app.bot_data.feedback_limit
    assert all(limit.allow("k") for _ in range(limit.limit))
    assert limit.allow("k") is False
    clock.advance(timedelta(hours=1))
    assert limit.allow("k") is True


def test_the_language_a_telegram_app_reports() -> None:
    assert reported_language("vi") == "vi"
    assert reported_language("vi-VN") == "vi"
    assert reported_language("en-GB") == "en"
    assert reported_language("EN_us") == "en"
    assert reported_language("zh") is None
    assert reported_language("zh-hans") is None
    assert reported_language("") is None
    assert reported_language(None) is None


def test_draft_buttons_expire_and_stay_bounded() -> None:
    """Buttons not moved for the drafts' idle time are forgotten, by a later move or by
    the sweep; the newest are kept, and the size never passes its bound."""
    ticker = Ticker()
    buttons = DraftButtons(size=100, kept=3600.0, clock=ticker)
    for user in range(50):
        buttons.put(user, 10 + user)
        ticker.now += 60.0
    # 50 minutes of residents: all kept, and found where they were.
    assert len(buttons) == 50
    assert buttons.get(0) == (10, None)
    ticker.now += 15 * 60.0
    # Now 65 minutes after the first: the first six (moved 0 to 5 minutes in) are past
    # the hour, unreadable at once and gone at the next move.
    assert buttons.get(0) is None
    assert buttons.get(6) == (16, None)
    buttons.put(1000, 5, "album")
    assert len(buttons) == 45
    assert buttons.get(1000) == (5, "album")
    assert buttons.pop(1000) == (5, "album")
    for user in range(2000, 2200):
        buttons.put(user, user)
    assert len(buttons) == 100
    ticker.now += 3600.0
    buttons.forget_idle()
    assert len(buttons) == 0


async def test_draft_buttons_expire_on_the_bot_clock(
    app: HomThuApplication, clock: FrozenClock
) -> None:
    """The runtime's buttons use the bot's clock and the drafts' idle limit."""
    runtime = app.bot_data
    runtime.draft_buttons.put(7001, 42)
    clock.advance(timedelta(hours=app.bot_data.settings.draft_idle_hours, seconds=1))
    runtime.forget_idle()
    assert runtime.resident_structures()["draft_buttons"] == 0
