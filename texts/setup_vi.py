"""Vietnamese texts of setting up the bot (section of vi): many areas at once, a name typed
where a code belongs, every poster in one PDF, and the topics' buttons and order.

For admins: plain working words, no "bạn", no "Hãy". The admin texts that setting up
changed (``usage_addarea``, ``usage_qr``, ``cmd_qr``, ``topics_header``, ``topics_line``)
moved here from vi.py.
"""

TEXTS: dict[str, str] = {
    # Command menus
    "cmd_addareas": "Thêm nhiều khu vực một lần, mỗi dòng một khu vực",
    "cmd_qr": "Mã QR và áp phích A4; /qr all: áp phích mọi khu vực",
    "cmd_topiclabel": "Biểu tượng và nhãn ngắn của lĩnh vực trên nút",
    "cmd_topicname_en": "Tên tiếng Anh đầy đủ của lĩnh vực",
    "cmd_topicorder": "Thứ tự các lĩnh vực người dân thấy",
    # Usage lines
    "usage_addarea": (
        "Cách dùng: <code>/addarea &lt;mã&gt; &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addarea kp3 Khu phố 3</code>\n"
        "Thêm nhiều khu vực một lần: /addareas"
    ),
    "usage_addareas": (
        "Cách dùng: <code>/addareas</code>, xuống dòng, rồi mỗi dòng một khu vực: mã rồi tên, "
        "hoặc chỉ tên (mã được làm từ tên). Ví dụ:\n"
        "<pre>/addareas\nkp1 Khu phố 1\nKhu phố 2\nThôn Tân Định</pre>\n"
        "Tối đa {most} dòng mỗi lần. Nếu có dòng sai thì chưa thêm khu vực nào, và tin trả "
        "lời chỉ rõ từng dòng sai."
    ),
    "usage_qr": (
        "Cách dùng: <code>/qr &lt;mã&gt;</code> cho một khu vực, hoặc <code>/qr all</code> "
        "cho áp phích của mọi khu vực đang nhận góp ý trong một tệp PDF.\n"
        "Thêm <code>en</code> ở cuối để in thêm dòng tiếng Anh dưới mỗi dòng tiếng Việt, "
        "<code>vi</code> để chỉ in tiếng Việt (mặc định theo DEFAULT_LANGUAGE: {default}).\n"
        "Ví dụ: <code>/qr kp3</code>, <code>/qr all en</code>"
    ),
    "usage_topiclabel": (
        "Cách dùng:\n"
        "<code>/topiclabel &lt;số&gt; &lt;emoji&gt; &lt;nhãn ngắn&gt;</code> — biểu tượng và "
        "nhãn tiếng Việt trên nút\n"
        "<code>/topiclabel &lt;số&gt; en &lt;nhãn ngắn&gt;</code> — nhãn tiếng Anh\n"
        "Nhãn tối đa {most} ký tự. Ghi dấu <code>-</code> thay emoji nếu không cần biểu "
        "tượng. Số của lĩnh vực xem bằng /topics.\n"
        "Ví dụ: <code>/topiclabel 2 💼 Việc làm, đời sống</code>, "
        "<code>/topiclabel 2 en Daily life</code>"
    ),
    "usage_topicname_en": (
        "Cách dùng: <code>/topicname_en &lt;số&gt; &lt;tên tiếng Anh&gt;</code>\n"
        "Số của lĩnh vực xem bằng /topics. "
        "Ví dụ: <code>/topicname_en 2 Economy and livelihoods</code>"
    ),
    "usage_topicorder": (
        "Cách dùng: <code>/topicorder &lt;số&gt; &lt;số&gt; …</code> — số của mọi lĩnh vực "
        "đang mở, mỗi số một lần, theo thứ tự muốn người dân thấy. «Khác» luôn ở cuối.\n"
        "Thứ tự hiện tại, để sửa rồi gửi lại:\n<code>/topicorder {numbers}</code>"
    ),
    # /addarea with a name where the code belongs
    "area_code_reserved": (
        "Mã <code>all</code> dành cho lệnh <code>/qr all</code> (in áp phích mọi khu vực). "
        "Chọn mã khác. Không có gì thay đổi."
    ),
    "area_name_for_code": (
        "«{word}» không phải mã khu vực, nên cả dòng được hiểu là tên. Có phải ý là:\n"
        "<code>/addarea {code} {name}</code>\n"
        "(Mã làm từ tên; có thể ghi mã ngắn hơn, chữ thường không dấu.) Chưa thêm khu vực nào."
    ),
    "area_name_for_code_taken": (
        "«{word}» không phải mã khu vực, nên cả dòng được hiểu là tên. Mã làm từ tên này là "
        "<code>{code}</code>, nhưng mã đó đã là của khu vực «{existing}». Ghi một mã khác ở "
        "đầu, ví dụ:\n<code>/addarea {other} {name}</code>\nChưa thêm khu vực nào."
    ),
    "area_name_no_code": (
        "«{name}» không có chữ hay số để làm mã khu vực. Ghi mã ở đầu, ví dụ:\n"
        "<code>/addarea kp1 {name}</code>\nChưa thêm khu vực nào."
    ),
    # /renamearea, /closearea, /openarea, /qr with a name where the code belongs
    "area_name_given": "«{name}» là tên khu vực; lệnh cần mã. Có phải ý là:\n{commands}",
    "area_name_unknown": (
        "Không có khu vực nào tên «{name}». Lệnh cần mã khu vực, ví dụ <code>kp3</code>; "
        "xem mã bằng /areas."
    ),
    "area_new_name": "&lt;tên mới&gt;",
    # /addareas
    "areas_batch_added_header": "✅ Đã thêm {count} khu vực (dòng · mã · tên):",
    "areas_batch_added_line": "{number}. <code>{code}</code> · {name}",
    "areas_batch_added_footer": (
        "In áp phích cho mọi khu vực bằng <code>/qr all</code>; đổi tên bằng /renamearea."
    ),
    "areas_batch_refused_header": (
        "⚠️ Chưa thêm khu vực nào: {bad} trong {count} dòng có lỗi. Sửa các dòng dưới đây rồi "
        "gửi lại cả danh sách."
    ),
    "areas_batch_refused_line": "• Dòng {number}: <code>{typed}</code> — {reason}",
    "areas_batch_too_many": (
        "Danh sách có {count} dòng; mỗi lần thêm tối đa {most} dòng. Chia danh sách ra, gửi "
        "mỗi phần bằng một lệnh /addareas. Chưa thêm khu vực nào."
    ),
    "areas_batch_taken_meanwhile": (
        "Mã <code>{code}</code> vừa được dùng cho một khu vực khác trong lúc xử lý. Chưa thêm "
        "khu vực nào; gửi lại danh sách để xem từng dòng."
    ),
    "batch_code_invalid": (
        "«{code}» không phải mã hợp lệ: mã gồm 1–32 ký tự a-z, 0-9, - hoặc _ "
        "(chữ thường không dấu)"
    ),
    "batch_code_reserved": "mã <code>{code}</code> dành cho lệnh <code>/qr all</code>",
    "batch_code_taken": "mã <code>{code}</code> đã có: khu vực «{name}»",
    "batch_code_repeated": "mã <code>{code}</code> đã dùng ở dòng {line}",
    "batch_same_code": (
        "tên này và tên ở dòng {line} cho cùng một mã <code>{code}</code>; ghi mã riêng ở "
        "đầu dòng, ví dụ <code>{other} {name}</code>"
    ),
    "batch_no_name": "chỉ có mã, thiếu tên khu vực",
    "batch_no_code": (
        "tên không có chữ hay số để làm mã; ghi mã ở đầu dòng, ví dụ <code>kp1 {name}</code>"
    ),
    "batch_name_too_long": "tên có {length} ký tự, tối đa {max_chars}",
    # /qr all
    "qr_all_none": (
        "Không có khu vực nào đang nhận góp ý để in. Thêm khu vực bằng /addarea hoặc /addareas."
    ),
    "qr_all_wait": (
        "⏳ Đang tạo {count} áp phích, mỗi khu vực một trang A4. Tệp PDF sẽ được gửi ngay khi "
        "xong."
    ),
    "qr_all_caption": (
        "🖨 Áp phích A4 của {count} khu vực đang nhận góp ý, mỗi trang một khu vực, theo thứ "
        "tự tên. Khu vực đã đóng không in."
    ),
    # /topics
    "topics_header": (
        "<b>Lĩnh vực ({count})</b> theo thứ tự người dân thấy («Khác» luôn ở cuối)\n"
        "Mỗi lĩnh vực: thứ tự · nút người dân bấm · <b>số</b> dùng trong lệnh\n"
        "      tên đầy đủ (cán bộ và báo cáo dùng) · nút tiếng Anh"
    ),
    "topics_line": "{place}. {button} · <b>số {number}</b>\n      {name} · EN: {button_en}",
    "topics_closed_header": "<b>Đã đóng</b> (người dân không thấy):",
    "topics_closed_line": ("🔒 {button} · <b>số {number}</b>\n      {name} · EN: {button_en}"),
    "topics_footer": (
        "Đổi nút: /topiclabel · đổi thứ tự: /topicorder · tên tiếng Anh: /topicname_en"
    ),
    # /addtopic
    "topic_added_label_hint": (
        "Người dân đang thấy tên đầy đủ trên nút. Đặt biểu tượng và nhãn ngắn: "
        "<code>/topiclabel {number} 💡 Nhãn ngắn</code>"
    ),
    # /topiclabel, /topicname_en
    "topic_label_set": "✅ Lĩnh vực số {number} «{name}»: người dân thấy nút «{button}».",
    "topic_label_en_set": (
        "✅ Lĩnh vực số {number} «{name}»: người dân dùng tiếng Anh thấy nút «{button}»."
    ),
    "topic_label_invalid": (
        "Nhãn ngắn phải có từ 1 đến {most} ký tự để vừa nút bấm trên điện thoại; nhãn vừa "
        "gửi có {length} ký tự. Không có gì thay đổi."
    ),
    "topic_emoji_invalid": (
        "«{value}» không phải một biểu tượng (emoji). Ghi một emoji trước nhãn, ví dụ "
        "<code>/topiclabel {number} 💼 Việc làm</code>, hoặc dấu <code>-</code> nếu không cần "
        "biểu tượng. Không có gì thay đổi."
    ),
    "topic_name_en_set": "✅ Lĩnh vực số {number}: tên tiếng Anh «{old}» → «{name}».",
    # /topicorder
    "topic_order_set": "✅ Đã đặt thứ tự lĩnh vực. Người dân thấy:",
    "topic_order_line": "{place}. {button} (số {number})",
    "topic_order_other_last": (
        "«{name}» (số {number}) luôn hiện cuối cùng, dù được đặt ở vị trí {place}."
    ),
    "topic_order_invalid": (
        "Thứ tự chưa đúng: cần ghi số của mọi lĩnh vực đang mở, mỗi số đúng một lần. "
        "Không có gì thay đổi."
    ),
    "topic_order_missing": "• Thiếu: {numbers}",
    "topic_order_repeated": "• Ghi từ hai lần trở lên: {numbers}",
    "topic_order_unknown": "• Không có lĩnh vực số: {numbers}",
    "topic_order_closed": ("• Đang đóng (bỏ ra, hoặc mở lại bằng /opentopic trước): {numbers}"),
    "topic_order_current": (
        "Thứ tự hiện tại, để sửa rồi gửi lại:\n<code>/topicorder {numbers}</code>"
    ),
    # /help from an admin, after the help everyone gets
    "admin_help": (
        "<b>Lệnh quản trị</b> (gõ lệnh không kèm gì thêm để xem cách dùng)\n\n"
        "<b>Khu vực</b>: /areas · /addarea mã tên · /addareas (mỗi dòng một khu vực; chỉ "
        "ghi tên thì mã được làm từ tên) · /renamearea mã tên mới · /closearea mã · "
        "/openarea mã\n"
        "<b>Mã QR, áp phích</b>: /qr mã · /qr all (mọi khu vực đang mở, một tệp PDF); thêm "
        "<code>en</code> để có dòng tiếng Anh\n"
        "<b>Lĩnh vực</b>: /topics · /addtopic tên · /renametopic số tên · /closetopic số · "
        "/opentopic số · /topicsla số ngày · /topiclabel số emoji nhãn ngắn · "
        "/topicname_en số tên tiếng Anh · /topicorder số số …\n"
        "<b>Cơ quan chuyển đến</b>: /agencies · /addagency mã tên · /agencygroup mã chat_id · "
        "/closeagency mã · /openagency mã\n"
        "<b>Trả lời mẫu</b>: /templates · /addtemplate nội dung · /removetemplate số\n"
        "<b>Tin chưa gửi được</b>: /resend"
    ),
    "admin_unknown_command": "Bot không có lệnh <code>{command}</code>.",
}
