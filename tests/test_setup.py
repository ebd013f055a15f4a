"""Setting up in an afternoon (issue 13, SPEC §6, §7): many areas at once, a name typed where
a code belongs, every poster in one PDF, and the topics' buttons, English names and order.

Each test pushes real updates through the application and reads what the admin received
and what the database file holds."""

from __future__ import annotations

import html
import sqlite3
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from bot.handlers import admin
from bot.ptb.context import HomThuApplication
from core.rules.labels import MAX_LABEL_LENGTH
from tests.support import (
    ADMIN_ID,
    BOT_USERNAME,
    STAFF_CHAT_ID,
    Call,
    FrozenClock,
    Person,
    RecordingBotAPI,
    make_settings,
    running_bot,
)
from tests.test_admin import DEFAULT_BUTTONS, admin_in
from tests.test_intake import only_message, sent
from tests.test_qr import ENGLISH_LINES, flat
from texts import Texts

VI = Texts("vi")
EN = Texts("en")
TELEGRAM_NEEDED_VI = "Cần có ứng dụng Telegram trên điện thoại để gửi góp ý"
CONTACT = "Điện thoại: 0233 3861 234 · Giờ làm việc: 7h30–17h00"


def areas_on_disk(app: HomThuApplication) -> dict[str, tuple[str, bool]]:
    """Every area (code → name, open), read as another process would."""
    with sqlite3.connect(app.bot_data.database.path) as conn:
        return {
            str(code): (str(name), bool(is_open))
            for code, name, is_open in conn.execute("SELECT code, name, is_open FROM areas")
        }


def topics_on_disk(app: HomThuApplication) -> dict[int, tuple[str, str | None, str | None, str]]:
    """Every topic's button and English name (number → emoji, vi label, en label, name_en)."""
    with sqlite3.connect(app.bot_data.database.path) as conn:
        return {
            int(number): (str(emoji), label_vi, label_en, str(name_en))
            for number, emoji, label_vi, label_en, name_en in conn.execute(
                "SELECT id, emoji, label_vi, label_en, name_en FROM topics"
            )
        }


def positions_on_disk(app: HomThuApplication) -> list[int]:
    with sqlite3.connect(app.bot_data.database.path) as conn:
        return [int(n) for (n,) in conn.execute("SELECT id FROM topics ORDER BY position, id")]


@pytest.fixture
def admin_person(app: HomThuApplication, api: RecordingBotAPI) -> Person:
    """The admin in a private chat; the areas are kp3, thon-tan-dinh and closed kp9."""
    return admin_in(app, api, "private")


def text_of(calls: list[Call]) -> str:
    """Every message the bot sent, joined (long answers come in several)."""
    return "\n".join(call.text for call in sent(calls))


def wrong(number: int, typed: str, *reasons: str) -> str:
    """One line of the refusal of /addareas."""
    return VI.with_html(
        "areas_batch_refused_line",
        number=str(number),
        typed=html.escape(typed, quote=False),
        reason="; ".join(reasons),
    )


def refused(bad: int, count: int, *lines: str) -> str:
    return "\n".join([VI("areas_batch_refused_header", bad=bad, count=count), *lines])


# --- /addareas --------------------------------------------------------------------------


async def test_addareas_adds_every_line_and_makes_codes_from_vietnamese_names(
    admin_person: Person, app: HomThuApplication
) -> None:
    calls = await admin_person.send(
        "/addareas\nkp1 Khu phố 1\nKhu phố 2\n\n  Đường   Lê Lợi \n"
        "Thôn Đông Hà\ntdp-7 Tổ dân phố 7"
    )
    added = [
        ("kp1", "Khu phố 1"),
        ("khu-pho-2", "Khu phố 2"),
        ("duong-le-loi", "Đường Lê Lợi"),
        ("thon-dong-ha", "Thôn Đông Hà"),
        ("tdp-7", "Tổ dân phố 7"),
    ]
    assert only_message(calls).text == "\n".join(
        [
            VI("areas_batch_added_header", count=5),
            *(
                VI("areas_batch_added_line", number=n, code=code, name=name)
                for n, (code, name) in enumerate(added, start=1)
            ),
            VI("areas_batch_added_footer"),
        ]
    )
    on_disk = areas_on_disk(app)
    for code, name in added:
        assert on_disk[code] == (name, True)
    assert len(on_disk) == 3 + 5


async def test_addareas_on_the_command_line_and_addressed_to_the_bot(
    admin_person: Person, app: HomThuApplication
) -> None:
    await admin_person.send(f"/addareas@{BOT_USERNAME} Khu phố 3 mới\nẤp Bình An")
    assert areas_on_disk(app)["khu-pho-3-moi"] == ("Khu phố 3 mới", True)
    assert areas_on_disk(app)["ap-binh-an"] == ("Ấp Bình An", True)


async def test_one_bad_line_among_good_ones_adds_nothing_and_names_it(
    admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send("/addareas\nkp1 Khu phố 1\nKP2 Khu phố 2\nKhu phố 4")
    assert only_message(calls).text == refused(
        1, 3, wrong(2, "KP2 Khu phố 2", VI("batch_code_invalid", code="KP2"))
    )
    assert areas_on_disk(app) == before


async def test_every_bad_line_is_named_with_every_reason(
    admin_person: Person, app: HomThuApplication
) -> None:
    long_name = "Tổ " + "ư" * 98
    before = areas_on_disk(app)
    calls = await admin_person.send(
        "\n".join(
            [
                "/addareas",
                "kp3 Khu phố 3 mới",  # taken in the database
                "kp1 Khu phố 1",
                "kp1 Khu phố Một",  # repeated in the list
                "Khu phố 5",
                "khu phố 5",  # another name making the same code
                "🏠🏠",  # nothing to make a code from
                f"kp6 {long_name}",  # name too long
                "kp.7 Khu phố 7",  # bad code, name fine
                "kp8",  # a code without a name
                "all Tất cả",  # the code /qr all uses
                "Thôn Tân Định",  # makes the code of an existing area
            ]
        )
    )
    typed_long = f"kp6 {long_name}"
    assert only_message(calls).text == refused(
        9,
        11,
        wrong(1, "kp3 Khu phố 3 mới", VI("batch_code_taken", code="kp3", name="Khu phố 3")),
        wrong(3, "kp1 Khu phố Một", VI("batch_code_repeated", code="kp1", line=2)),
        wrong(
            5,
            "khu phố 5",
            VI("batch_same_code", code="khu-pho-5", line=4, name="khu phố 5", other="khu-pho-5-2"),
        ),
        wrong(6, "🏠🏠", VI("batch_no_code", name="🏠🏠")),
        wrong(7, typed_long[:60] + "…", VI("batch_name_too_long", length=101, max_chars=100)),
        wrong(8, "kp.7 Khu phố 7", VI("batch_code_invalid", code="kp.7")),
        wrong(9, "kp8", VI("batch_no_name")),
        wrong(10, "all Tất cả", VI("batch_code_reserved", code="all")),
        wrong(
            11,
            "Thôn Tân Định",
            VI("batch_code_taken", code="thon-tan-dinh", name="Thôn Tân Định"),
        ),
    )
    assert areas_on_disk(app) == before


async def test_two_hundred_lines_are_taken_and_two_hundred_and_one_are_not(
    admin_person: Person, app: HomThuApplication
) -> None:
    lines = [f"Tổ dân phố {n}" for n in range(1, 202)]
    calls = await admin_person.send("/addareas\n" + "\n".join(lines))
    assert only_message(calls).text == VI("areas_batch_too_many", count=201, most=200)
    assert len(areas_on_disk(app)) == 3
    calls = await admin_person.send("/addareas\n" + "\n".join(lines[:200]))
    messages = sent(calls)
    assert messages[0].text.startswith(VI("areas_batch_added_header", count=200))
    on_disk = areas_on_disk(app)
    assert len(on_disk) == 3 + 200
    assert on_disk["to-dan-pho-200"] == ("Tổ dân phố 200", True)
    everything = text_of(calls)
    assert VI("areas_batch_added_line", number=200, code="to-dan-pho-200", name=lines[199]) in (
        everything
    )


@pytest.mark.parametrize("command", ["/addareas", "/addareas   \n \n"])
async def test_addareas_without_lines_shows_how(
    command: str, admin_person: Person, app: HomThuApplication
) -> None:
    calls = await admin_person.send(command)
    assert only_message(calls).text == VI("usage_addareas", most=200)
    assert len(areas_on_disk(app)) == 3


async def test_addareas_answers_in_english_for_an_english_admin(admin_person: Person) -> None:
    await admin_person.send("/language en")
    calls = await admin_person.send("/addareas\nkp3 Khu phố 3")
    assert only_message(calls).text.startswith(EN("areas_batch_refused_header", bad=1, count=1))


# --- /addarea with a name where the code belongs ----------------------------------------


@pytest.mark.parametrize(
    ("command", "word", "code", "name"),
    [
        ("/addarea Khu phố 4", "Khu", "khu-pho-4", "Khu phố 4"),
        ("/addarea Đường Lê Lợi", "Đường", "duong-le-loi", "Đường Lê Lợi"),
        ("/addarea khu pho 4", "khu", "khu-pho-4", "khu pho 4"),
        ("/addarea Ấp  Bình   An", "Ấp", "ap-binh-an", "Ấp Bình An"),
    ],
)
async def test_a_name_alone_gets_the_command_with_a_code_made_from_it(
    command: str, word: str, code: str, name: str, admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send(command)
    answer = only_message(calls).text
    assert answer == VI("area_name_for_code", word=word, code=code, name=name)
    assert f"<code>/addarea {code} {name}</code>" in answer
    assert areas_on_disk(app) == before
    # The suggested command, sent as it is, adds the area.
    calls = await admin_person.send(f"/addarea {code} {name}")
    assert only_message(calls).text == VI("area_added", code=code, name=name)
    assert areas_on_disk(app)[code] == (name, True)


async def test_a_name_whose_code_is_taken_gets_another_code(
    admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send("/addarea Thôn Tân Định")
    assert only_message(calls).text == VI(
        "area_name_for_code_taken",
        word="Thôn",
        code="thon-tan-dinh",
        other="thon-tan-dinh-2",
        name="Thôn Tân Định",
        existing="Thôn Tân Định",
    )
    assert areas_on_disk(app) == before


async def test_a_name_of_emoji_alone_is_told_it_needs_a_code(
    admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send("/addarea 🏠🏠")
    assert only_message(calls).text == VI("area_name_no_code", name="🏠🏠")
    assert areas_on_disk(app) == before


async def test_the_code_all_is_kept_for_qr_all(
    admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send("/addarea all Tất cả")
    assert only_message(calls).text == VI("area_code_reserved")
    assert areas_on_disk(app) == before


async def test_a_name_where_a_code_belongs_gets_the_command_with_the_code(
    admin_person: Person, app: HomThuApplication
) -> None:
    before = areas_on_disk(app)
    calls = await admin_person.send("/closearea khu pho 3")
    assert only_message(calls).text == VI.with_html(
        "area_name_given", name="khu pho 3", commands="<code>/closearea kp3</code>"
    )
    calls = await admin_person.send("/renamearea Khu phố 3 Tổ dân phố 3")
    assert only_message(calls).text == VI.with_html(
        "area_name_given",
        name="Khu phố 3",
        commands="<code>/renamearea kp3 Tổ dân phố 3</code>",
    )
    calls = await admin_person.send("/openarea Khu phố 404")
    assert only_message(calls).text == VI("area_name_unknown", name="Khu phố 404")
    assert areas_on_disk(app) == before


# --- /qr all and the poster's language ---------------------------------------------------


def pages(pdf: bytes) -> list[str]:
    """The text of each page, on one line each."""
    document = pdfium.PdfDocument(pdf)
    return [flat(page.get_textpage().get_text_range()) for page in document]


async def test_qr_all_sends_one_pdf_with_a_page_per_open_area(
    admin_person: Person, app: HomThuApplication
) -> None:
    calls = await admin_person.send("/qr all")
    assert [c.method for c in calls] == ["sendChatAction", "sendDocument"]
    document = sent(calls, "sendDocument")[0]
    assert document.file_names["document"] == "hom-thu-tat-ca.pdf"
    assert document.text == VI("qr_all_caption", count=2)
    texts = pages(document.files["document"])
    # Open areas by name; the closed kp9 is left out.
    assert len(texts) == 2
    for text, (code, name) in zip(
        texts, [("kp3", "Khu phố 3"), ("thon-tan-dinh", "Thôn Tân Định")], strict=True
    ):
        assert name in text
        assert f"t.me/{BOT_USERNAME}?start={code}" in text
        assert TELEGRAM_NEEDED_VI in text
        assert "Khu phố 9" not in text
        assert not any(flat(english) in text for english in ENGLISH_LINES)


async def test_qr_all_of_many_areas_says_it_is_coming(
    admin_person: Person, app: HomThuApplication
) -> None:
    await admin_person.send("/addareas\n" + "\n".join(f"Tổ {n}" for n in range(1, 12)))
    calls = await admin_person.send("/qr all")
    messages = sent(calls)
    assert [m.text for m in messages] == [VI("qr_all_wait", count=13)]
    assert calls.index(messages[0]) < calls.index(sent(calls, "sendDocument")[0])
    assert len(pages(sent(calls, "sendDocument")[0].files["document"])) == 13


async def test_qr_all_with_no_open_area_says_so(
    admin_person: Person, app: HomThuApplication
) -> None:
    await admin_person.send("/closearea kp3")
    await admin_person.send("/closearea thon-tan-dinh")
    calls = await admin_person.send("/qr all")
    assert [c.method for c in calls] == ["sendMessage"]
    assert only_message(calls).text == VI("qr_all_none")


@pytest.mark.parametrize("command", ["/qr kp3 en", "/qr kp3 EN", "/qr all en"])
async def test_qr_in_english_adds_english_lines(command: str, admin_person: Person) -> None:
    calls = await admin_person.send(command)
    texts = pages(sent(calls, "sendDocument")[0].files["document"])
    for text in texts:
        assert TELEGRAM_NEEDED_VI in text
        assert "Sending feedback needs the Telegram app on a phone" in text


async def test_posters_follow_default_language_and_carry_contact_text(
    tmp_path: Path, api: RecordingBotAPI, clock: FrozenClock
) -> None:
    settings = make_settings(tmp_path, default_language="en", contact_text=CONTACT)
    async with running_bot(settings, api, clock) as application:
        await application.bot_data.database.areas.add("kp3", "Khu phố 3")
        person = admin_in(application, api, "private")
        english = pages(sent(await person.send("/qr all"), "sendDocument")[0].files["document"])
        one = pages(sent(await person.send("/qr kp3 vi"), "sendDocument")[0].files["document"])
    assert len(english) == 1
    assert "Sending feedback needs the Telegram app on a phone" in english[0]
    assert CONTACT in english[0]
    assert "Sending feedback needs the Telegram app on a phone" not in one[0]
    assert CONTACT in one[0]


async def test_a_poster_without_contact_text_has_no_contact_box(admin_person: Person) -> None:
    calls = await admin_person.send("/qr kp3")
    text = pages(sent(calls, "sendDocument")[0].files["document"])[0]
    assert "Nếu không dùng Telegram" not in text
    assert TELEGRAM_NEEDED_VI in text


async def test_qr_given_an_area_name_gets_the_command_with_its_code(
    admin_person: Person,
) -> None:
    calls = await admin_person.send("/qr Thôn Tân Định")
    assert only_message(calls).text == VI.with_html(
        "area_name_given", name="Thôn Tân Định", commands="<code>/qr thon-tan-dinh</code>"
    )


# --- /topiclabel, /topicname_en ----------------------------------------------------------


async def test_topiclabel_sets_the_emoji_and_label_residents_see(
    admin_person: Person, app: HomThuApplication
) -> None:
    calls = await admin_person.send("/topiclabel 8 💡 Đèn đường, điện")
    assert only_message(calls).text == VI(
        "topic_label_set",
        number=8,
        name="Xây dựng đô thị văn minh, hạ tầng",
        button="💡 Đèn đường, điện",
    )
    assert topics_on_disk(app)[8][:3] == ("💡", "Đèn đường, điện", "Roads, utilities")
    calls = await admin_person.send("/topiclabel 8 en Street lights")
    assert only_message(calls).text == VI(
        "topic_label_en_set",
        number=8,
        name="Xây dựng đô thị văn minh, hạ tầng",
        button="💡 Street lights",
    )
    assert topics_on_disk(app)[8][:3] == ("💡", "Đèn đường, điện", "Street lights")
    calls = await admin_person.send("/topiclabel 8 - Đường, điện")
    assert topics_on_disk(app)[8][:2] == ("", "Đường, điện")
    assert only_message(calls).text == VI(
        "topic_label_set",
        number=8,
        name="Xây dựng đô thị văn minh, hạ tầng",
        button="Đường, điện",
    )


async def test_a_label_of_exactly_the_limit_is_taken(
    admin_person: Person, app: HomThuApplication
) -> None:
    label = "Đèn đường, cấp nước"[:MAX_LABEL_LENGTH]
    assert len(label) == MAX_LABEL_LENGTH == 18
    await admin_person.send(f"/topiclabel 8 🚧 {label}")
    assert topics_on_disk(app)[8][1] == label


LABEL_19 = "Đèn đường, cấp nước"
TOPIC_BAD_INPUT = [
    ("/topiclabel", VI("usage_topiclabel", most=18)),
    ("/topiclabel 2", VI("usage_topiclabel", most=18)),
    ("/topiclabel 2 💼", VI("usage_topiclabel", most=18)),
    (f"/topiclabel 2 💼 {LABEL_19}", VI("topic_label_invalid", most=18, length=19)),
    (f"/topiclabel 2 en {LABEL_19}", VI("topic_label_invalid", most=18, length=19)),
    ("/topiclabel 2 Việc làm", VI("topic_emoji_invalid", value="Việc", number=2)),
    ("/topiclabel 2 :) Việc làm", VI("topic_emoji_invalid", value=":)", number=2)),
    ("/topiclabel 99 💼 Việc làm", VI("topic_not_found", number=99)),
    ("/topiclabel abc 💼 Việc làm", VI("topic_number_invalid", value="abc")),
    ("/topicname_en", VI("usage_topicname_en")),
    ("/topicname_en 2", VI("usage_topicname_en")),
    ("/topicname_en 99 Jobs", VI("topic_not_found", number=99)),
    ("/topicname_en x Jobs", VI("topic_number_invalid", value="x")),
    ("/topicname_en 2 " + "x" * 101, VI("name_invalid", max_chars=100, length=101)),
]


@pytest.mark.parametrize(("command", "expected"), TOPIC_BAD_INPUT)
async def test_bad_topic_input_is_explained_and_changes_nothing(
    command: str, expected: str, admin_person: Person, app: HomThuApplication
) -> None:
    before = (topics_on_disk(app), positions_on_disk(app))
    calls = await admin_person.send(command)
    assert only_message(calls).text == expected
    assert (topics_on_disk(app), positions_on_disk(app)) == before


async def test_topicname_en_sets_the_english_name_residents_and_reports_use(
    admin_person: Person, app: HomThuApplication
) -> None:
    await admin_person.send("/addtopic Giao thông")
    assert topics_on_disk(app)[12][3] == "Giao thông"
    calls = await admin_person.send("/topicname_en 12 Traffic and roads")
    assert only_message(calls).text == VI(
        "topic_name_en_set", number=12, old="Giao thông", name="Traffic and roads"
    )
    assert topics_on_disk(app)[12][3] == "Traffic and roads"
    topic = await app.bot_data.database.topics.get(12)
    assert topic.name("en") == "Traffic and roads"
    assert topic.label("en") == "Traffic and roads"
    # Renaming in Vietnamese keeps the English name given.
    await admin_person.send("/renametopic 12 Giao thông, trật tự")
    assert topics_on_disk(app)[12][3] == "Traffic and roads"


# --- /topicorder ----------------------------------------------------------------------------


def order_lines(order: list[int]) -> list[str]:
    return [
        VI("topic_order_line", place=place, button=DEFAULT_BUTTONS[n - 1][0], number=n)
        for place, n in enumerate(order, start=1)
    ]


async def test_topicorder_sets_what_residents_see_and_other_stays_last(
    admin_person: Person, app: HomThuApplication
) -> None:
    calls = await admin_person.send("/topicorder 11, 8 4 2 1 3 5 6 7 9 10")
    shown = [8, 4, 2, 1, 3, 5, 6, 7, 9, 10, 11]
    assert only_message(calls).text == "\n".join(
        [
            VI("topic_order_set"),
            *order_lines(shown),
            VI("topic_order_other_last", name="Khác", number=11, place=1),
        ]
    )
    residents = await app.bot_data.database.topics.for_residents()
    assert [topic.id for topic in residents] == shown
    # /topics shows the same order, and a new topic comes before "Khác".
    await admin_person.send("/addtopic Giao thông")
    residents = await app.bot_data.database.topics.for_residents()
    assert [topic.id for topic in residents] == [*shown[:-1], 12, 11]


@pytest.mark.parametrize(
    ("numbers", "problems"),
    [
        ("1 2 3 4 5 6 7 8 9 10", [("topic_order_missing", "11")]),
        ("1 2 3 4 5 6 7 8 9 10 11 2", [("topic_order_repeated", "2")]),
        ("1 2 3 4 5 6 7 8 9 10 11 42", [("topic_order_unknown", "42")]),
        (
            "1 1 3 4 5 6 7 8 9 10 11 0",
            [
                ("topic_order_missing", "2"),
                ("topic_order_repeated", "1"),
                ("topic_order_unknown", "0"),
            ],
        ),
    ],
)
async def test_an_incomplete_order_says_what_is_wrong_and_changes_nothing(
    numbers: str, problems: list[tuple[str, str]], admin_person: Person, app: HomThuApplication
) -> None:
    before = positions_on_disk(app)
    calls = await admin_person.send(f"/topicorder {numbers}")
    current = " ".join(str(n) for n in range(1, 12))
    assert only_message(calls).text == "\n".join(
        [
            VI("topic_order_invalid"),
            *(VI(key, numbers=value) for key, value in problems),
            VI("topic_order_current", numbers=current),
        ]
    )
    assert positions_on_disk(app) == before


async def test_a_closed_topic_in_an_order_is_named(
    admin_person: Person, app: HomThuApplication
) -> None:
    await admin_person.send("/closetopic 10")
    before = positions_on_disk(app)
    calls = await admin_person.send("/topicorder 1 2 3 4 5 6 7 8 9 10 11")
    assert only_message(calls).text == "\n".join(
        [
            VI("topic_order_invalid"),
            VI("topic_order_closed", numbers="10"),
            VI("topic_order_current", numbers="1 2 3 4 5 6 7 8 9 11"),
        ]
    )
    assert positions_on_disk(app) == before


@pytest.mark.parametrize(
    ("command", "key", "values"),
    [
        ("/topicorder", "usage_topicorder", {"numbers": " ".join(map(str, range(1, 12)))}),
        ("/topicorder 1 hai 3", "topic_number_invalid", {"value": "hai"}),
        ("/topicorder 1 -2 3", "topic_number_invalid", {"value": "-2"}),
    ],
)
async def test_topicorder_without_numbers_shows_how(
    command: str, key: str, values: dict[str, str], admin_person: Person, app: HomThuApplication
) -> None:
    before = positions_on_disk(app)
    calls = await admin_person.send(command)
    assert only_message(calls).text == VI(key, **values)
    assert positions_on_disk(app) == before


async def test_topics_lists_closed_topics_after_the_open_ones(admin_person: Person) -> None:
    await admin_person.send("/closetopic 10")
    text = text_of(await admin_person.send("/topics"))
    assert VI("topics_closed_header") in text
    closed = VI(
        "topics_closed_line",
        button=DEFAULT_BUTTONS[9][0],
        number=10,
        name="Gương điển hình, mô hình tiêu biểu",
        button_en=DEFAULT_BUTTONS[9][1],
    )
    assert text.index(closed) > text.index(VI("topics_closed_header"))


# --- /help for admins -----------------------------------------------------------------------


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_admin_guide_names_every_admin_command(language: str) -> None:
    guide = Texts(language)("admin_help")
    for command in admin.COMMANDS:
        assert (
            f"/{command} " in guide or f"/{command}\n" in guide or guide.endswith(f"/{command}")
        ), command


async def test_an_admin_gets_the_guide_after_the_help_everyone_gets(
    app: HomThuApplication, api: RecordingBotAPI, caplog: pytest.LogCaptureFixture
) -> None:
    private = sent(await admin_in(app, api, "private").send("/help"))
    assert [m.text for m in private][1:] == [VI("admin_help")]
    assert private[0].text.startswith("<b>Hòm thư góp ý")
    group = sent(await admin_in(app, api, "group").send("/help"))
    assert [m.text for m in group] == [VI("staff_help", seconds=60), VI("admin_help")]
    assert {int(m.params["chat_id"]) for m in group} == {STAFF_CHAT_ID}
    assert {int(m.params["chat_id"]) for m in private} == {ADMIN_ID}


async def test_others_get_no_admin_guide(app: HomThuApplication, api: RecordingBotAPI) -> None:
    resident = Person(app, api, 987654321, "Thịnh", "Trần", "thinh")
    officer = Person(app, api, 5555, "Minh", "Phạm", "minh", STAFF_CHAT_ID)
    for person in (resident, officer):
        messages = sent(await person.send("/help"))
        assert len(messages) == 1
        assert VI("admin_help") not in messages[0].text
