"""The desk through the real process (issue 12): a feedback forwarded to an agency's group,
acknowledged and answered there, the answer published to the resident, the outcome rated;
and a forwarding slip for an agency without a group."""

from __future__ import annotations

import pypdfium2 as pdfium

from tests.botapi import BotAPIServer
from tests.e2e import story
from tests.e2e.harness import STAFF_CHAT_ID, BotProcess, query
from tests.e2e.story import VI, has_button, shown
from tests.e2e.test_staff import BODY, an_officer, resident_sends, the_card

AGENCY_CHAT = -1002000000777
AGENCY = "Điện lực Cam Lộ"
AGENCY_ANSWER = "Đã thay bóng đèn ngõ 5 sáng nay."


async def test_forwarded_to_an_agency_group_answered_there_published_and_rated(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    admin = story.the_admin(server)
    admin.say(f"/addagency dienluc {AGENCY}")
    await admin.wait_for(shown(VI("agency_added", code="dienluc", name=AGENCY)))
    # Not yet in the group: said, nothing set.
    admin.say(f"/agencygroup dienluc {AGENCY_CHAT}")
    await admin.wait_for(
        shown(VI("agency_group_not_in", chat_id=AGENCY_CHAT, code="dienluc", name=AGENCY))
    )
    server.group(AGENCY_CHAT, "Nhóm Điện lực")
    admin.say(f"/agencygroup dienluc {AGENCY_CHAT}")
    await admin.wait_for("Nhóm Điện lực")

    resident, code, _ = await resident_sends(server, replies=True, photo=False)
    card = await the_card(server, code)
    officer = an_officer(server)
    officer.press("Đã chuyển cấp có thẩm quyền")
    await officer.wait_for(has_button(AGENCY))
    officer.press(AGENCY)
    await officer.wait_for(lambda m: "Đã chuyển" in m.text and AGENCY in m.text)

    # The agency's group gets the content with its two buttons, and nothing about anyone.
    member = server.officer(7_000_888_111, "Tuấn", "Phạm Văn", "tuan_dl_e2e", group=AGENCY_CHAT)
    agency_card = await server.wait_for(
        AGENCY_CHAT, lambda m: f"Góp ý {code}" in m.text and bool(m.labels), timeout=15
    )
    assert BODY in agency_card.text
    assert agency_card.labels == ["📥 Đã tiếp nhận", "✅ Đã xử lý"]
    for message in server.messages(AGENCY_CHAT):
        for hidden in [*resident.identity, "Hoa", "Lê Thị"]:
            assert hidden not in str(message.data), hidden
    # The resident is told where it went, after the window.
    await resident.wait_for(shown(VI("resident_forwarded", code=code, agency=AGENCY)), timeout=15)

    # «Đã tiếp nhận» in the agency's group: the staff group hears it with code and name.
    member.press("Đã tiếp nhận")
    assert (await member.answer_to())["text"] == VI("agency_pressed_received")
    heard = await server.wait_for(
        STAFF_CHAT_ID,
        lambda m: m.text == shown(VI("staff_notice_agency_received", agency=AGENCY, code=code)),
        timeout=15,
    )
    assert heard.data["reply_to_message"]["message_id"] == card.message_id

    # The agency's reply comes back as a proposal; published, it reaches the resident in
    # the committee's name.
    member.reply_to(agency_card, AGENCY_ANSWER)
    await member.wait_for(shown(VI("agency_reply_forwarded")))
    proposal = await server.wait_for(
        STAFF_CHAT_ID,
        lambda m: AGENCY_ANSWER in m.text and any("Gửi trả lời" in x for x in m.labels),
        timeout=15,
    )
    assert AGENCY in proposal.text
    assert code in proposal.text
    officer.press("Gửi trả lời")
    delivered = await resident.wait_for(f"về góp ý {code}:", timeout=15)
    assert AGENCY_ANSWER in delivered.text
    assert "Tuấn" not in delivered.text

    # Resolved: the agency's answer was published, so no result line is needed.
    officer.press("Đã giải quyết")
    await officer.wait_for(has_button(VI("btn_result_answered")), timeout=15)
    officer.press(VI("btn_result_answered"))
    await resident.wait_for(shown(VI("resident_resolved", code=code)), timeout=15)
    resident.press("Hài lòng")
    await resident.wait_for(shown(VI("rated_satisfied", code=code)))
    database = running_bot.database
    assert query(database, "SELECT status FROM feedback") == [("resolved",)]
    assert query(database, "SELECT satisfied FROM ratings") == [(1,)]
    assert query(database, "SELECT agency_name, received_at IS NOT NULL FROM forwards") == [
        (AGENCY, 1)
    ]
    assert query(database, "SELECT source, delivery FROM responses WHERE kind = 'reply'") == [
        (AGENCY, "delivered")
    ]


async def test_an_agency_without_a_group_gets_a_printable_slip(
    server: BotAPIServer, running_bot: BotProcess
) -> None:
    admin = story.the_admin(server)
    admin.say("/addagency congan Công an thị trấn")
    await admin.wait_for("Công an thị trấn")
    resident, code, _ = await resident_sends(server, replies=False, photo=False)
    await the_card(server, code)
    officer = an_officer(server)
    officer.press("Đã chuyển cấp có thẩm quyền")
    await officer.wait_for(has_button("Công an thị trấn"))
    officer.press("Công an thị trấn")
    slip = await server.wait_for(STAFF_CHAT_ID, lambda m: m.document is not None, timeout=30)
    assert slip.document is not None
    assert slip.document["file_name"] == f"phieu-chuyen-{code}.pdf"
    content = slip.upload("document").content
    document = pdfium.PdfDocument(content)
    try:
        text = " ".join(
            " ".join(
                document[i].get_textpage().get_text_range() for i in range(len(document))
            ).split()
        )
        width, height = document[0].get_size()
    finally:
        document.close()
    assert (round(width), round(height)) == (595, 842)
    for expected in (code, "Công an thị trấn", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        assert expected in text, expected
    for hidden in resident.identity:
        assert hidden not in text
