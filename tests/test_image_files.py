"""An image sent as a file is taken as a photo, re-encoded without its EXIF (issue 19,
item 18; SPEC §3.3)."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from bot.ptb.context import HomThuApplication
from documents.image_files import UnreadableImage, clean_photo
from tests.support import STAFF_CHAT_ID, Person, RecordingBotAPI, drafts_on_disk
from tests.test_follow_up import adding, to_chat, told
from tests.test_intake import CODE, OPEN_AREAS, only_message, rows, sent, write_feedback
from tests.test_staff import deliver
from texts import Texts

VI = Texts("vi")
GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F


def camera_jpeg(width: int = 60, height: int = 40, orientation: int = 6) -> bytes:
    """A JPEG as a phone camera writes it: GPS position, maker, and a rotation flag."""
    image = Image.new("RGB", (width, height), (200, 30, 30))
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (16.0, 48.0, 30.0), 3: "E", 4: (107.0, 0.0, 10.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    assert b"PhoneMaker" in data
    return data


def image_document(file_id: str, data: bytes, mime: str = "image/jpeg") -> dict[str, object]:
    return {
        "file_id": file_id,
        "file_unique_id": f"{file_id}-u",
        "file_name": "IMG_Nguyen_Van_A.jpg",
        "mime_type": mime,
        "file_size": len(data),
    }


# --- The re-encoding, pure ------------------------------------------------------------------


def test_clean_photo_drops_exif_and_applies_the_rotation() -> None:
    cleaned = clean_photo(camera_jpeg(60, 40, orientation=6))
    assert b"PhoneMaker" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == "JPEG"
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
        # Orientation 6: the camera held sideways; the pixels are turned, not flagged.
        assert image.size == (40, 60)


def test_clean_photo_takes_a_png_with_transparency() -> None:
    image = Image.new("RGBA", (30, 20), (0, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    with Image.open(io.BytesIO(clean_photo(out.getvalue()))) as cleaned:
        assert cleaned.format == "JPEG"
        assert cleaned.mode == "RGB"


def test_clean_photo_shrinks_a_huge_image_to_what_telegram_takes() -> None:
    with Image.open(io.BytesIO(clean_photo(camera_jpeg(5000, 1000, orientation=1)))) as image:
        assert image.size == (2560, 512)


def test_a_large_camera_jpeg_is_decoded_at_a_reduced_scale_and_turned_upright() -> None:
    """A 48-megapixel phone photo sent as a file: decoded near the size kept (the whole
    would hold about 140 MB of pixels), still turned upright by its flag."""
    with Image.open(io.BytesIO(clean_photo(camera_jpeg(8000, 6000, orientation=6)))) as image:
        assert image.size == (1920, 2560)


def test_a_huge_image_of_another_format_is_refused_before_it_is_decoded() -> None:
    """A small PNG file can unpack to gigabytes of pixels: past MAX_DECODED_PIXELS it is
    refused unread, so a few residents sending such files cannot exhaust the bot's memory."""
    image = Image.new("L", (6000, 6000), 255)
    out = io.BytesIO()
    image.save(out, "PNG")
    assert len(out.getvalue()) < 200_000
    with pytest.raises(UnreadableImage):
        clean_photo(out.getvalue())


def test_clean_photo_refuses_proportions_telegram_refuses() -> None:
    with pytest.raises(UnreadableImage):
        clean_photo(camera_jpeg(2100, 100, orientation=1))


@pytest.mark.parametrize("data", [b"", b"not an image", b"\x89PNG\r\n\x1a\nbroken"])
def test_clean_photo_refuses_what_is_not_an_image(data: bytes) -> None:
    with pytest.raises(UnreadableImage):
        clean_photo(data)


# --- Through the bot ------------------------------------------------------------------------


async def test_an_image_file_joins_the_draft_as_a_cleaned_photo(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await write_feedback(resident, "Ảnh chụp bằng máy ảnh, gửi dạng tệp")
    api.files["DOC-18"] = camera_jpeg()
    calls = await resident.send_content(
        document=image_document("DOC-18", api.files["DOC-18"]), caption="Cống vỡ"
    )
    (upload,) = [c for c in calls if c.method == "sendPhoto"]
    # Uploaded into the resident's own chat, re-encoded: no EXIF, no GPS, no file name.
    assert upload.params["chat_id"] == resident.user_id
    (content,) = upload.files.values()
    assert b"PhoneMaker" not in content
    with Image.open(io.BytesIO(content)) as image:
        assert dict(image.getexif()) == {}
    assert "Nguyen" not in "".join(upload.file_names.values())
    assert upload.text == VI("image_file_cleaned")
    ack = sent(calls)[-1]
    assert ack.text == VI("received")
    (draft,) = drafts_on_disk(app).values()
    uploaded_id = upload.result["photo"][-1]["file_id"]
    assert draft["draft"]["photos"] == [uploaded_id]
    assert draft["draft"]["parts"] == ["Ảnh chụp bằng máy ảnh, gửi dạng tệp", "Cống vỡ"]
    await resident.press("Xem lại")
    receipt = only_message(await resident.press("Gửi"))
    assert CODE.search(receipt.text)
    delivered = await deliver(app)
    to_staff = [c for c in delivered if c.params.get("chat_id") == STAFF_CHAT_ID]
    staff_photos = [c.params.get("photo") for c in to_staff if c.method == "sendPhoto"]
    assert staff_photos == [uploaded_id]
    # The original document reaches no one.
    assert "DOC-18" not in repr([c.params for c in delivered])


async def test_an_image_file_before_a_topic_is_kept_too(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await resident.send("/start kp3")
    api.files["DOC-18b"] = camera_jpeg()
    calls = await resident.send_content(document=image_document("DOC-18b", api.files["DOC-18b"]))
    assert sent(calls)[-1].text == VI("kept_before_topic")
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["photos"] == [
        next(c for c in calls if c.method == "sendPhoto").result["photo"][-1]["file_id"]
    ]


async def test_an_unreadable_image_file_asks_for_a_photo(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await write_feedback(resident, "Trước tệp hỏng")
    api.files["DOC-HEIC"] = b"\x00\x00\x00\x18ftypheic not decodable here"
    calls = await resident.send_content(
        document=image_document("DOC-HEIC", api.files["DOC-HEIC"], mime="image/heic")
    )
    assert [c.method for c in calls if c.method == "sendPhoto"] == []
    message = only_message(calls)
    assert message.text == VI("image_file_unreadable")
    assert "gửi dạng Ảnh" in message.text
    (draft,) = drafts_on_disk(app).values()
    assert draft["draft"]["photos"] == []


async def test_a_file_too_big_to_fetch_asks_for_a_photo(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await write_feedback(resident, "Trước tệp lớn")
    document = image_document("DOC-BIG", b"")
    document["file_size"] = 30 * 1024 * 1024
    calls = await resident.send_content(document=document)
    assert [c.method for c in calls] == ["sendMessage"]
    assert only_message(calls).text == VI("image_file_unreadable")


async def test_other_files_are_still_refused(resident: Person) -> None:
    await write_feedback(resident, "Kèm một tệp PDF")
    document = {
        "file_id": "PDF1",
        "file_unique_id": "p1",
        "file_name": "don.pdf",
        "mime_type": "application/pdf",
    }
    refusal = only_message(await resident.send_content(document=document))
    assert refusal.text == VI("content_refused", kind=VI("kind_document"), max_photos=5)


# --- Outside a draft, and while an addition is collected ------------------------------------


async def test_an_image_file_outside_a_draft_gets_the_photos_guidance(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    """Like a photo sent there: not «files are not accepted», but that it went nowhere and
    how to add it or start a new feedback. The file is not even fetched."""
    api.files["DOC-OUT"] = camera_jpeg()
    calls = await resident.send_content(document=image_document("DOC-OUT", api.files["DOC-OUT"]))
    message = only_message(calls)
    assert message.text == VI("outside_draft_unsent")
    assert message.buttons == OPEN_AREAS
    photo = only_message(await resident.send_photo("PHOTO-OUT"))
    assert (photo.text, photo.buttons) == (message.text, message.buttons)
    assert [c.method for c in calls if c.method in ("getFile", "download", "sendPhoto")] == []
    assert drafts_on_disk(app) == {}


async def test_an_image_file_in_an_addition_is_taken_as_a_cleaned_photo(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    code, card = await adding(resident, app)
    api.files["DOC-ADD"] = camera_jpeg()
    calls = await resident.send_content(
        document=image_document("DOC-ADD", api.files["DOC-ADD"]), caption="Cống vẫn vỡ"
    )
    (upload,) = [c for c in calls if c.method == "sendPhoto"]
    assert upload.params["chat_id"] == resident.user_id
    (content,) = upload.files.values()
    assert b"PhoneMaker" not in content
    with Image.open(io.BytesIO(content)) as image:
        assert dict(image.getexif()) == {}
    assert "Nguyen" not in "".join(upload.file_names.values())
    assert upload.text == VI("image_file_cleaned")
    assert told(calls) == [VI("addition_kept", code=code)]
    uploaded_id = upload.result["photo"][-1]["file_id"]

    await resident.press(VI("btn_send_addition"))
    delivered = await deliver(app)
    (posted,) = to_chat(delivered, STAFF_CHAT_ID)
    assert posted.method == "sendPhoto"
    assert posted.params["photo"] == uploaded_id
    assert posted.params["reply_parameters"]["message_id"] == card
    assert "Cống vẫn vỡ" in posted.text
    assert rows(app, "SELECT photo_file_id FROM additions") == [(uploaded_id,)]
    assert "DOC-ADD" not in repr([c.params for c in delivered])


async def test_an_unreadable_image_file_in_an_addition_asks_for_a_photo(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await adding(resident, app)
    await resident.send("Đèn vẫn tắt")
    api.files["DOC-BAD"] = b"not an image at all"
    calls = await resident.send_content(document=image_document("DOC-BAD", b"x" * 19))
    assert [c.method for c in calls if c.method == "sendPhoto"] == []
    assert told(calls) == [VI("image_file_unreadable")]
    await resident.press(VI("btn_send_addition"))
    (posted,) = to_chat(await deliver(app), STAFF_CHAT_ID)
    assert posted.method == "sendMessage"
    assert rows(app, "SELECT body, photo_file_id FROM additions") == [("Đèn vẫn tắt", None)]


async def test_an_image_file_past_the_photo_limit_of_an_addition_is_not_fetched(
    resident: Person, app: HomThuApplication, api: RecordingBotAPI
) -> None:
    await adding(resident, app)
    for n in range(5):
        await resident.send_photo(f"ADD-{n}")
    api.files["DOC-6"] = camera_jpeg()
    calls = await resident.send_content(document=image_document("DOC-6", api.files["DOC-6"]))
    assert told(calls) == [VI("addition_too_many_photos", max_photos=5)]
    assert [c.method for c in calls if c.method in ("getFile", "download", "sendPhoto")] == []
