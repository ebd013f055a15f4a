"""An image a resident sends as a file, through ``python -m bot`` and the local Bot API
(issue 19, item 18; SPEC §3.3, §4): the bot fetches the file with getFile and a download,
re-encodes it, and staff get only the cleaned photo. None of the original's EXIF (where
it was taken, the camera's maker and serial) reaches the group, an upload, the database
or the log."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image

from tests.botapi import BotAPIServer, Request
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, BotProcess, draft_texts, query
from tests.e2e.story import VI

MAKER = "MakerOfPhonesE2E"
SERIAL = "SN-4711-E2E-SECRET"
FILE_NAME = "IMG_20250301_Tran_Bi_Mat.jpg"
GPS_IFD = 0x8825
EXIF_IFD = 0x8769
MAKE = 0x010F
BODY_SERIAL = 0xA431


def camera_file() -> tuple[bytes, bytes]:
    """A JPEG as a phone camera writes it, with GPS, maker and serial; and its EXIF."""
    image = Image.new("RGB", (90, 60), (30, 120, 200))
    exif = Image.Exif()
    exif[MAKE] = MAKER
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = SERIAL
    exif.get_ifd(GPS_IFD).update(
        {1: "N", 2: (16.0, 47.0, 33.123), 3: "E", 4: (107.0, 0.0, 46.789)}
    )
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    data = out.getvalue()
    with Image.open(io.BytesIO(data)) as opened:
        raw_exif = bytes(opened.info["exif"])
        assert opened.getexif().get_ifd(GPS_IFD)[2] == (16.0, 47.0, 33.123)
    assert MAKER.encode() in data
    assert SERIAL.encode() in data
    return data, raw_exif


def pieces(raw_exif: bytes, size: int = 12) -> set[bytes]:
    """Every run of ``size`` bytes of the EXIF varied enough to be its own (not a run of
    zeros or of one value, which any file may hold)."""
    runs = {raw_exif[i : i + size] for i in range(len(raw_exif) - size + 1)}
    return {run for run in runs if len(set(run)) >= size // 2}


def leaks(places: dict[str, bytes], raw_exif: bytes) -> list[str]:
    """Where anything of the original file's EXIF, or its name, turns up."""
    needles = {MAKER.encode(), SERIAL.encode(), FILE_NAME.encode(), *pieces(raw_exif)}
    return sorted({where for where, data in places.items() for n in needles if n in data})


def everything_written(folder: Path) -> dict[str, bytes]:
    """Every file the bot left in its folder: database, WAL, backups, logs."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def uploads_of(requests: list[Request]) -> dict[str, bytes]:
    return {
        f"{r.method}#{r.seq}:{u.field}": u.file_name.encode() + u.content
        for r in requests
        for u in r.uploads
    }


async def test_an_image_file_reaches_staff_as_the_cleaned_photo_and_its_exif_nowhere(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    admin = story.the_admin(server)
    await story.add_area(admin, "kp3", "Khu phố 3")
    resident = server.resident(6_506_070_809, "Bí", "Trần Mật", "bi_file_e2e")
    resident.say("/start kp3")
    await resident.wait_for("Khu vực: Khu phố 3")
    await story.choose_topic(resident, "Xây dựng đô thị văn minh, hạ tầng")
    await story.write(resident, "Cống ở ngõ 7 bị vỡ, nước tràn ra đường.")
    original, raw_exif = camera_file()
    assert leaks({"the file": original}, raw_exif) == ["the file"]

    sent = resident.send_document(
        original, FILE_NAME, mime_type="image/jpeg", caption="Ảnh chụp sáng nay"
    )
    shown = await resident.wait_for(lambda m: m.method == "sendPhoto")
    assert shown.text == VI("image_file_cleaned")
    ack = await resident.wait_for("Đã ghi nhận")
    assert ack.text == VI("received")
    # Fetched as Telegram serves files: getFile, then the file's path under /file/bot.
    (fetched,) = server.calls("getFile")
    assert fetched.params["file_id"] == sent["document"]["file_id"]
    assert server.downloads == [fetched.answer["result"]["file_path"]]  # type: ignore[index]
    # The photo in the resident's chat is the re-encoded image: pixels, no EXIF.
    cleaned = shown.upload("photo").content
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.format == "JPEG"
        assert image.size == (90, 60)
        assert dict(image.getexif()) == {}
        assert "exif" not in image.info
    photo_id = shown.photo_file_id
    assert photo_id is not None
    await server.wait_until(
        lambda: any("Ảnh chụp sáng nay" in text for text in draft_texts(running_bot.database)),
        describe="the caption in the draft on disk",
    )

    await story.preview(resident)
    code = await story.send(resident)
    await server.wait_for(STAFF_CHAT_ID, lambda m: code in m.text, timeout=15)
    await server.wait_for(STAFF_CHAT_ID, lambda m: m.method == "sendPhoto")
    # Staff get the very photo the bot uploaded: by its file id, the cleaned bytes.
    photos = [m.photo_file_id for m in server.messages(STAFF_CHAT_ID) if m.photo_file_id]
    assert photos == [photo_id], server.transcript(STAFF_CHAT_ID)
    assert server.files[photo_id].content == cleaned
    assert query(running_bot.database, "SELECT COUNT(*) FROM feedback") == [(1,)]

    to_staff = {f"{r.method}#{r.seq}": r.dump() for r in server.calls(chat_id=STAFF_CHAT_ID)}
    assert to_staff
    assert leaks(to_staff, raw_exif) == []
    assert leaks(uploads_of(server.requests), raw_exif) == []
    # The original file's id was used to fetch it, and for nothing else.
    original_id = str(sent["document"]["file_id"])
    assert [r.method for r in server.requests if original_id in str(r.params)] == ["getFile"]
    written = everything_written(running_bot.workdir)
    assert any(name.endswith(".sqlite3") for name in written)
    assert any(name.endswith(".log") for name in written)
    assert leaks(written, raw_exif) == []
