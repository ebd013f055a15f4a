"""Steps of the stories the end-to-end tests play: what people do and what they must see."""

from __future__ import annotations

import io
from collections.abc import Callable

import zxingcpp
from PIL import Image

from tests.botapi import BotAPIServer, BotMessage, Person, parse_html, png
from tests.e2e.harness import ADMIN_ID, BOT_USERNAME, reference_code
from tests.support import DEFAULT_TOPIC_LABELS_VI, DEFAULT_TOPIC_ROWS_VI
from texts import Texts

VI = Texts("vi")


def shown(html_text: str) -> str:
    """A catalogue text as the user reads it, once Telegram has parsed its HTML."""
    return parse_html(html_text).text


def has_button(label: str) -> Callable[[BotMessage], bool]:
    """A predicate: the message has a button whose label contains ``label``."""
    return lambda message: any(label in text for text in message.labels)


def the_admin(server: BotAPIServer) -> Person:
    """The admin, in a private chat with the bot."""
    return server.admin(ADMIN_ID, "Hà", "Lê Thu", "ha_admin_e2e")


async def add_area(admin: Person, code: str, name: str) -> None:
    """``/addarea`` and its confirmation."""
    admin.say(f"/addarea {code} {name}")
    await admin.wait_for(shown(VI("area_added", code=code, name=name)))


def decode_qr(png_bytes: bytes) -> list[str]:
    """What a real QR decoder reads in the image."""
    with Image.open(io.BytesIO(png_bytes)) as image:
        assert image.format == "PNG"
        return [result.text for result in zxingcpp.read_barcodes(image)]


async def qr_link(admin: Person, code: str) -> str:
    """``/qr``: a photo and a PDF poster arrive; the photo decodes to the deep link."""
    admin.say(f"/qr {code}")
    photo = await admin.wait_for(lambda m: m.method == "sendPhoto", timeout=30)
    poster = await admin.wait_for(lambda m: m.method == "sendDocument", timeout=30)
    link = f"https://t.me/{BOT_USERNAME}?start={code}"
    assert decode_qr(photo.upload("photo").content) == [link]
    assert link in photo.text
    assert poster.document is not None
    assert poster.document["file_name"] == f"hom-thu-{code}.pdf"
    assert poster.upload("document").content.startswith(b"%PDF")
    return link


async def start_from_link(resident: Person, link: str, area_name: str) -> BotMessage:
    """Open the deep link: Telegram sends ``/start <code>``; the bot greets with topics."""
    code = link.rsplit("start=", 1)[1]
    resident.say(f"/start {code}")
    greeting = await resident.wait_for(f"Khu vực: {area_name}")
    assert greeting.labels == [label for row in DEFAULT_TOPIC_ROWS_VI for label in row]
    assert "ẩn danh" in greeting.text
    return greeting


async def choose_topic(resident: Person, topic: str) -> None:
    """Tap a topic (by its full name; the button shows its short label); the greeting
    turns into the writing prompt, which names the topic in full."""
    resident.press(DEFAULT_TOPIC_LABELS_VI.get(topic, topic))
    await resident.wait_for(lambda m: "✍️" in m.text and topic in m.text)


async def write(resident: Person, text: str) -> BotMessage:
    """Send a text of the feedback; the bot acknowledges it."""
    resident.say(text)
    return await resident.wait_for("Đã ghi nhận")


async def add_photo(resident: Person, caption: str | None = None) -> tuple[BotMessage, str]:
    """Send a photo; returns the acknowledgement and the photo's file id."""
    sent = resident.send_photo(png(), caption=caption)
    ack = await resident.wait_for("Đã ghi nhận")
    return ack, str(sent["photo"][-1]["file_id"])


async def preview(resident: Person) -> BotMessage:
    """«Xem lại và gửi»: the card with send / rewrite / cancel."""
    resident.press("Xem lại")
    card = await resident.wait_for(has_button("Gửi"))
    for word in ("Sửa", "Hủy"):
        assert any(word in label for label in card.labels), card.labels
    return card


async def receive_answers(resident: Person, code: str) -> None:
    """«Nhận trả lời tại đây» under the receipt: the receipt now says where answers go."""
    resident.press("Nhận trả lời")
    receipt = await resident.wait_for(shown(VI("sent_receiving")))
    assert code in receipt.text
    answer = await resident.answer_to()
    assert answer.get("text") == VI("toast_receive_on")


async def send(resident: Person) -> str:
    """«Gửi»: the receipt with the reference code."""
    resident.press("Gửi")
    receipt = await resident.wait_for("Mã tra cứu")
    return reference_code(receipt)


async def status(person: Person, code: str) -> BotMessage:
    """``/status <code>``: what the person reads."""
    person.say(f"/status {code}")
    return await person.wait_for(f"Góp ý {code}")


async def propose(officer: Person, message: BotMessage, text: str, code: str) -> BotMessage:
    """An officer replies to a bot message about ``code``: the bot asks what to do with it
    (nothing is sent yet)."""
    officer.reply_to(message, text)
    proposal = await officer.wait_for(
        lambda m: f"trả lời góp ý {code}" in m.text and has_button("Gửi trả lời")(m)
    )
    for word in ("Ghi chú", "Hủy"):
        assert any(word in label for label in proposal.labels), proposal.labels
    return proposal


async def answer(officer: Person, message: BotMessage, text: str, code: str) -> BotMessage:
    """Propose an answer and press «Gửi trả lời»; the group's word that it went out (after
    the harness's short UNDO_SECONDS)."""
    await propose(officer, message, text, code)
    officer.press("Gửi trả lời")
    await officer.wait_for(has_button("Thu hồi"))
    return await officer.wait_for(
        lambda m: (
            f"Đã gửi trả lời góp ý {code}" in m.text
            or f"Đã công khai trả lời góp ý {code}" in m.text
        ),
        timeout=15,
    )
