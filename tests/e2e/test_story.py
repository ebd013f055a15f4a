"""Whole stories through ``python -m bot`` and the local Bot API: QR poster to /status."""

from __future__ import annotations

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import ADMIN_ID, BotProcess, query
from tests.e2e.story import VI


async def test_from_the_qr_poster_to_the_status_of_a_feedback(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    admin = story.the_admin(server)
    await story.add_area(admin, "kp3", "Khu phố 3")
    link = await story.qr_link(admin, "kp3")
    assert server.calls("sendChatAction", ADMIN_ID)[0].params["action"] == "upload_document"

    resident = server.resident(6_173_904_528, "Bí", "Ẩn Danh", "bian_e2e_resident")
    await story.start_from_link(resident, link, "Khu phố 3")
    await story.choose_topic(resident, "Kinh tế, đời sống")
    await story.write(resident, "Đèn đường ở ngõ 5 hỏng đã hai tuần.")
    ack, photo_id = await story.add_photo(resident, caption="Ảnh chụp tối qua <b>ngõ 5</b>")
    assert ack.text == VI("received")
    # Shown to the resident as a location on the preview and to staff on the card.
    resident.send_location(16.7923, 107.0128)
    await resident.wait_for(VI("received_location"))
    card = await story.preview(resident)
    assert "Đèn đường ở ngõ 5 hỏng đã hai tuần." in card.text
    assert "Ảnh chụp tối qua <b>ngõ 5</b>" in card.text  # shown literally, not rendered
    # The preview shows the resident's own photo again, by its file id.
    assert [m.photo_file_id for m in resident.messages() if m.method == "sendPhoto"] == [photo_id]
    code = await story.send(resident)
    await story.receive_answers(resident, code)

    answer = await story.status(resident, code)
    assert f"{VI('resident_status_new')} (cập nhật" in answer.text
    assert "Khu vực: Khu phố 3" in answer.text
    assert VI("status_no_replies") in answer.text
    stored = query(
        running_bot.database,
        "SELECT body, status, latitude, longitude FROM feedback WHERE code = ?",
        code,
    )
    assert stored == [
        (
            "Đèn đường ở ngõ 5 hỏng đã hai tuần.\n\nẢnh chụp tối qua <b>ngõ 5</b>",
            "new",
            16.7923,
            107.0128,
        )
    ]
    assert server.allowed_updates == [
        "message",
        "edited_message",
        "callback_query",
        "my_chat_member",
    ]
