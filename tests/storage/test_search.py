"""/find through the contract: the search over texts, answers, notes and additions, and
what staff read of it (run on every backend)."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.render.reports import find_messages
from core.errors import EmptySearch
from core.models import (
    AdditionKind,
    FoundItem,
    FoundPage,
    ProposalKind,
    SearchWords,
)
from storage import Choice, FeedbackStatus, NewFeedback, Storage
from storage.contract import MAX_WORDS, search_words
from tests.storage.conftest import OpenStorage
from texts import Texts

START = datetime(2026, 11, 21, 1, 0, tzinfo=UTC)


ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


VI = Texts("vi")


EN = Texts("en")


ECONOMY = 2


class ManualClock:
    """A clock that moves only when the test moves it."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def db(open_storage: OpenStorage) -> AsyncIterator[Storage]:
    """An empty database with one area; now is START."""
    async with open_storage(clock=ManualClock()) as database:
        await database.areas.add("kp3", "Khu phố 3")
        yield database


async def send(db: Storage, body: str) -> int:
    """A resident's feedback, one minute after the one before; its id."""
    clock = db.clock
    assert isinstance(clock, ManualClock)
    clock.now += timedelta(minutes=1)
    area = await db.areas.get("kp3")
    return (await db.feedback.submit(NewFeedback(area.id, ECONOMY, body))).feedback.id


async def answer(db: Storage, feedback_id: int, body: str) -> int:
    """An answer proposed and sent (public after a minute); its proposal's id."""
    proposal = await db.dialogue.propose(feedback_id, ProposalKind.ANSWER, body, "Hoa")
    await db.dialogue.decide(proposal.id, Choice.SEND, "Hoa", delay=timedelta(minutes=1))
    return proposal.id


async def codes(db: Storage, words: str, **page: int) -> list[str]:
    """Codes found for ``words``, in the order found."""
    found = await db.reports.find(words, limit=page.get("limit", 50), offset=page.get("offset", 0))
    return [item.code for item in found.items]


async def code_of(db: Storage, feedback_id: int) -> str:
    """The reference code of a feedback."""
    return (await db.feedback.get(feedback_id)).code


async def test_dien_luc_finds_dien_luc_wherever_it_was_written(db: Storage) -> None:
    in_text = await send(db, "Điện lực cắt điện cả ngày không báo trước")
    in_answer = await send(db, "Mất điện ở ngõ 3")
    await answer(db, in_answer, "Đã chuyển ĐIỆN LỰC Cam Lộ xử lý")
    in_note = await send(db, "Cột điện nghiêng")
    await db.feedback.note(in_note, "Gọi điện lực hỏi lịch sửa", "Hoa")
    in_addition = await send(db, "Đường tối")
    await db.dialogue.add(in_addition, AdditionKind.ADDITION, "dien luc hen thu hai moi sua")
    withdrawn = await send(db, "Đèn đường hỏng")
    taken_back = await answer(db, withdrawn, "Điện lực sẽ sửa")
    await db.dialogue.withdraw(taken_back, "Hoa")
    await send(db, "Điện thoại công cộng hỏng")  # "điện" without "lực"

    found = await db.reports.find("dien luc", limit=10)

    assert [item.id for item in found.items] == [in_addition, in_note, in_answer, in_text]
    assert [item.found_in for item in found.items] == ["addition", "note", "reply", "feedback"]
    assert (found.total, found.total_is_exact) == (4, True)
    assert found.words == SearchWords(("dien", "luc"), 0)
    assert await codes(db, "ĐIỆN LỰC") == await codes(db, "điện lực")
    assert await codes(db, "điện lực") == [item.code for item in found.items]


async def test_a_feedback_matching_twice_is_found_once_by_its_own_text(db: Storage) -> None:
    first = await send(db, "Rác thải ở chợ")
    await answer(db, first, "Đã báo đội thu gom rác")
    await db.feedback.note(first, "rác vẫn còn", "Hoa")
    await db.dialogue.add(first, AdditionKind.ADDITION, "Rác lại đầy")

    found = await db.reports.find("rác", limit=10)

    assert [(item.id, item.found_in) for item in found.items] == [(first, "feedback")]
    assert found.total == 1
    assert found.items[0].snippet == (("Rác", True), (" thải ở chợ", False))


async def test_every_word_must_be_there_and_case_and_marks_do_not_matter(db: Storage) -> None:
    both = await send(db, "Nước sinh hoạt bị đục")
    await send(db, "Nước ngập đường")
    await send(db, "sinh hoạt văn hóa")

    assert await codes(db, "NUOC sinh") == [await code_of(db, both)]
    assert await codes(db, "nuoc sinh dien") == []
    # Without marks in the text, with marks in the search: found all the same.
    plain = await send(db, "Duong ngap nuoc")
    assert await code_of(db, plain) in await codes(db, "đường ngập")


async def test_the_d_letter_is_found_with_or_without_its_bar(db: Storage) -> None:
    # The index keeps đ apart from d: both spellings of each word are searched for.
    barred = await send(db, "Đề nghị đổ đất")
    plain = await send(db, "de nghi do dat")

    assert await codes(db, "de nghi") == [await code_of(db, plain), await code_of(db, barred)]
    assert await codes(db, "đề nghị đổ đất") == await codes(db, "de nghi do dat")


async def test_newest_first_in_pages_with_the_total(db: Storage) -> None:
    ids = [await send(db, f"Đèn đường số {n} hỏng") for n in range(7)]
    newest_first = [await code_of(db, i) for i in reversed(ids)]

    first = await db.reports.find("đèn hỏng", limit=3)
    second = await db.reports.find("đèn hỏng", limit=3, offset=3)
    third = await db.reports.find("đèn hỏng", limit=3, offset=6)

    assert [i.code for i in first.items + second.items + third.items] == newest_first
    assert [(p.total, p.offset) for p in (first, second, third)] == [(7, 0), (7, 3), (7, 6)]
    assert first.items[0].created_at == START + timedelta(minutes=7)
    assert (first.items[0].area, first.items[0].status) == ("Khu phố 3", FeedbackStatus.NEW)
    assert first.items[0].topic.name_vi == "Kinh tế, đời sống"


@pytest.mark.parametrize("text", ["", "   ", '"', "*", "-", "(", ")", '"*" - ( )', "…!?", "_"])
async def test_a_search_without_a_word_is_refused(db: Storage, text: str) -> None:
    await send(db, "Đèn đường hỏng")

    with pytest.raises(EmptySearch):
        await db.reports.find(text, limit=10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"đèn', ["written", "bright", "broken"]),
        # Not a prefix: "đènled" is not found.
        ("đèn*", ["written", "bright", "broken"]),
        # Not NOT: "-" is no word, and the broken lamp is found.
        ("-đèn hỏng", ["written", "broken"]),
        ("đèn NEAR hỏng", ["written"]),
        ("NEAR(đèn hỏng)", ["written"]),
        ("(đèn OR rác) AND hỏng", ["written"]),
        ("đèn NOT hỏng", ["written"]),
        ("body:đèn", ["written"]),
        ("{text} : đèn ^hỏng", ["written"]),
    ],
)
async def test_fts_syntax_is_read_as_plain_words(
    db: Storage, text: str, expected: list[str]
) -> None:
    sent = {
        "broken": await send(db, "Đèn đường hỏng"),
        "bright": await send(db, "Đèn đường sáng"),
        "led": await send(db, "Đènled hỏng"),
        # The operators as words: found where they were written, like any other word.
        "written": await send(db, f"Ghi lại: {text} đèn hỏng near or and not body text"),
    }

    found = await codes(db, text)

    assert found == [await code_of(db, sent[name]) for name in expected]


async def test_a_4000_character_search_is_answered_quickly(db: Storage) -> None:
    await send(db, "đèn đường hỏng ở ngõ ba")
    text = ("đèn đường hỏng " + "ở ngõ ba " * 10 + '"(*-NEAR ') * 60
    text = text[:4000]
    assert len(text) == 4000

    started = time.perf_counter()
    found = await db.reports.find(text, limit=20)
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert found.words.words == ("đèn", "đường", "hỏng", "ở", "ngõ", "ba", "near")
    assert len(found.items) == 0  # "near" is nowhere in the feedback
    many = " ".join(f"từ{n}" for n in range(400))
    words = search_words(many)
    assert (len(words.words), words.left_out) == (MAX_WORDS, 400 - MAX_WORDS)


def test_a_decomposed_word_is_one_word() -> None:
    decomposed = "Đie\u0302\u0323n lu\u031b\u0323c"
    assert search_words(decomposed).words == ("điện", "lực")


def item(**values: object) -> FoundItem:
    """A found feedback with ``values`` over plain ones."""
    from core.models import Topic

    fields: dict[str, object] = {
        "id": 1,
        "code": "AB-12345678",
        "area": "Khu phố 3",
        "topic": Topic(2, "Kinh tế, đời sống", "Economy and livelihoods", True),
        "status": FeedbackStatus.IN_PROGRESS,
        "created_at": START,
        "found_in": "feedback",
        "snippet": (("Điện", True), (" ", False), ("lực", True), (" cắt", False)),
    }
    fields.update(values)
    return FoundItem(**fields)  # type: ignore[arg-type]


def page(*items: FoundItem, total: int | None = None, exact: bool = True) -> FoundPage:
    """A first page of a search for "dien luc"."""
    count = len(items) if total is None else total
    return FoundPage(SearchWords(("dien", "luc"), 0), items, count, exact, 0)


def test_found_lines_name_code_area_topic_status_and_mark_the_words() -> None:
    assert find_messages(VI, page(item()), ZONE) == [
        "🔎 Tìm «dien luc»: <b>1</b> góp ý, mới nhất trước\n"
        "\n"
        "• <code>AB-12345678</code> · 21/11/2026 · Khu phố 3 · Kinh tế, đời sống · "
        "<i>Đang xử lý</i>\n"
        "   nội dung: <b>Điện</b> <b>lực</b> cắt"
    ]


def test_what_was_written_is_escaped() -> None:
    found = item(
        area="<Tổ>",
        found_in="note",
        snippet=(("<script>", False), ("&lực", True), ("\n\n</b>", False)),
    )

    [text] = find_messages(EN, page(found), ZONE)

    assert "· &lt;Tổ&gt; · Economy and livelihoods · <i>In progress</i>" in text
    assert text.endswith("note: &lt;script&gt;<b>&amp;lực</b> &lt;/b&gt;")


def test_no_result_more_results_and_too_many() -> None:
    assert find_messages(VI, page(), ZONE) == ["🔎 Không tìm thấy góp ý nào có «dien luc»."]
    twenty = tuple(item(id=n, code=f"AB-{n:08d}") for n in range(20))
    more = "\n".join(find_messages(VI, page(*twenty, total=35), ZONE))
    assert more.startswith("🔎 Tìm «dien luc»: <b>35</b> góp ý")
    assert more.endswith("… và 15 góp ý khác. Thêm từ để thu hẹp kết quả.")
    many = "\n".join(find_messages(VI, page(*twenty, total=1000, exact=False), ZONE))
    assert many.startswith(
        "🔎 Tìm «dien luc»: hơn <b>1000</b> góp ý, mới nhất trước. Thêm từ để thu hẹp kết quả."
    )
    assert "… và" not in many


def test_words_left_out_are_said() -> None:
    words = SearchWords(tuple(f"w{n}" for n in range(MAX_WORDS)), 3)

    [text] = find_messages(VI, FoundPage(words, (item(),), 1, True, 0), ZONE)

    assert "(Chỉ tìm theo 12 từ đầu, bỏ qua 3 từ sau.)" in text
