"""Vietnamese texts (the default). HTML; placeholders are filled with escaped values."""

TEXTS: dict[str, str] = {
    # Arrival
    # Writing
    # Preview
    # Restart, expiry, stale buttons
    # Status
    "status_new": "Mới",
    "status_received": "Đã tiếp nhận",
    "status_in_progress": "Đang xử lý",
    "status_forwarded": "Đã chuyển cấp có thẩm quyền",
    "status_resolved": "Đã giải quyết",
    "status_rejected": "Không xử lý",
    # Help and language
    # Admin commands (SPEC §6)
    "admin_only": "⛔ Lệnh này chỉ dành cho quản trị viên. Không có gì thay đổi.",
    "usage_areas": "Cách dùng: <code>/areas</code> (không kèm gì thêm)",
    "usage_renamearea": (
        "Cách dùng: <code>/renamearea &lt;mã&gt; &lt;tên mới&gt;</code>\n"
        "Ví dụ: <code>/renamearea kp3 Tổ dân phố 3</code>"
    ),
    "usage_closearea": (
        "Cách dùng: <code>/closearea &lt;mã&gt;</code>\nVí dụ: <code>/closearea kp3</code>"
    ),
    "usage_openarea": (
        "Cách dùng: <code>/openarea &lt;mã&gt;</code>\nVí dụ: <code>/openarea kp3</code>"
    ),
    "usage_topics": "Cách dùng: <code>/topics</code> (không kèm gì thêm)",
    "usage_addtopic": (
        "Cách dùng: <code>/addtopic &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addtopic Giao thông, trật tự đô thị</code>"
    ),
    "usage_renametopic": (
        "Cách dùng: <code>/renametopic &lt;số&gt; &lt;tên mới&gt;</code>\n"
        "Số của lĩnh vực xem bằng /topics. Ví dụ: <code>/renametopic 2 Kinh tế, việc làm</code>"
    ),
    "usage_closetopic": (
        "Cách dùng: <code>/closetopic &lt;số&gt;</code>\nSố của lĩnh vực xem bằng /topics."
    ),
    "usage_opentopic": (
        "Cách dùng: <code>/opentopic &lt;số&gt;</code>\nSố của lĩnh vực xem bằng /topics."
    ),
    "area_code_invalid": (
        "«{code}» không phải mã khu vực hợp lệ. Mã gồm 1–32 ký tự <code>[a-z0-9_-]</code>: "
        "chữ thường không dấu, chữ số, gạch ngang hoặc gạch dưới, ví dụ <code>kp3</code>."
    ),
    "area_duplicate": (
        "Đã có khu vực mã <code>{code}</code> («{name}»). Xin chọn mã khác, "
        "hoặc đổi tên khu vực này bằng /renamearea."
    ),
    "area_not_found": "Không có khu vực mã <code>{code}</code>. Xem danh sách bằng /areas.",
    "name_invalid": (
        "Tên phải có từ 1 đến {max_chars} ký tự; tên vừa gửi có {length} ký tự. "
        "Không có gì thay đổi."
    ),
    "area_added": (
        "✅ Đã thêm khu vực «{name}», mã <code>{code}</code>.\n"
        "In mã QR và áp phích bằng <code>/qr {code}</code>."
    ),
    "area_renamed": "✅ Đã đổi tên khu vực <code>{code}</code>: «{old}» → «{name}».",
    "area_closed": (
        "🔒 Khu vực «{name}» (<code>{code}</code>) đã ngừng nhận góp ý. Ai quét mã QR của "
        "khu vực sẽ được báo như vậy; các góp ý đã nhận vẫn được giữ.\n"
        "Mở lại bằng <code>/openarea {code}</code>."
    ),
    "area_opened": "🔓 Khu vực «{name}» (<code>{code}</code>) nhận góp ý trở lại.",
    "areas_header": "<b>Khu vực ({count})</b> — mã · tên · trạng thái · số góp ý",
    "areas_line": "• <code>{code}</code> · {name} · {state} · {count} góp ý",
    "areas_empty": (
        "Chưa có khu vực nào. Thêm bằng <code>/addarea &lt;mã&gt; &lt;tên&gt;</code>."
    ),
    "state_open": "đang nhận góp ý",
    "state_closed": "đã đóng",
    "topics_empty": "Chưa có lĩnh vực nào. Thêm bằng <code>/addtopic &lt;tên&gt;</code>.",
    "topic_number_invalid": (
        "«{value}» không phải số của lĩnh vực. Xin dùng một số trong danh sách /topics."
    ),
    "topic_not_found": "Không có lĩnh vực số {number}. Xem danh sách bằng /topics.",
    "topic_added": "✅ Đã thêm lĩnh vực số {number}: «{name}».",
    "topic_renamed": "✅ Đã đổi tên lĩnh vực số {number}: «{old}» → «{name}».",
    "topic_closed": (
        "🔒 Lĩnh vực số {number} «{name}» không còn hiện cho người dân; các góp ý đã nhận "
        "vẫn giữ lĩnh vực này.\nMở lại bằng <code>/opentopic {number}</code>."
    ),
    "topic_opened": "🔓 Lĩnh vực số {number} «{name}» hiện lại cho người dân.",
    "qr_caption": (
        "🏷 Mã QR của khu vực «{area}» (<code>{code}</code>)\n"
        "🔗 {link}\n"
        "Áp phích A4 để in ở tệp PDF kèm theo."
    ),
    "qr_closed_note": (
        "⚠️ Khu vực này đang đóng: ai quét mã sẽ được báo khu vực tạm ngừng nhận góp ý. "
        "Mở lại bằng <code>/openarea {code}</code>."
    ),
    "qr_poster_caption": "🖨 Áp phích A4 – {area}",
    "qr_failed": "Không tạo được mã QR: {reason}",
    # Command menus (descriptions shown by Telegram next to each command)
    "cmd_open": "Góp ý chưa giải quyết, cũ nhất trước",
    "cmd_show": "Xem đầy đủ một góp ý: /show MÃ",
    "cmd_stats": "Thống kê theo khu vực, lĩnh vực, trạng thái",
    "cmd_digest": "Bản tin góp ý ngay bây giờ",
    "cmd_export": "Xuất CSV và Excel: /export [số ngày]",
    "cmd_addarea": "Thêm khu vực: /addarea mã tên",
    "cmd_areas": "Danh sách khu vực",
    "cmd_renamearea": "Đổi tên khu vực: /renamearea mã tên",
    "cmd_closearea": "Ngừng nhận góp ý từ một khu vực",
    "cmd_openarea": "Mở lại một khu vực",
    "cmd_topics": "Danh sách lĩnh vực",
    "cmd_addtopic": "Thêm lĩnh vực: /addtopic tên",
    "cmd_renametopic": "Đổi tên lĩnh vực: /renametopic số tên",
    "cmd_closetopic": "Ẩn một lĩnh vực với người dân",
    "cmd_opentopic": "Hiện lại một lĩnh vực",
    # Staff group: notifications, status, replies
    "staff_status": "📌 Trạng thái: <b>{status}</b>",
    "staff_status_by": "📌 Trạng thái: <b>{status}</b> — {who}, {time}",
    "staff_hint": (
        "↩️ Trả lời (reply) tin này để soạn câu trả lời gửi người dân;"
        " bắt đầu bằng /note để ghi chú nội bộ."
    ),
    "staff_status_set": "Đã đặt trạng thái: {status}",
    "staff_note_saved": "📝 Đã lưu ghi chú nội bộ cho {code} (người góp ý không thấy).",
    "staff_reply_empty": (
        "Xin trả lời bằng chữ. Bắt đầu bằng /note hoặc #note để ghi chú nội bộ."
    ),
    "staff_feedback_gone": "Góp ý này không còn trong hệ thống.",
    "staff_reply_blocked": (
        "⚠️ Không gửi được câu trả lời cho {code}: người góp ý đã chặn bot. "
        "Câu trả lời vẫn xem được bằng /status {code}."
    ),
    "staff_reply_failed": (
        "⚠️ Không gửi được câu trả lời cho {code} ({error}). "
        "Câu trả lời vẫn xem được bằng /status {code}."
    ),
    "staff_only": "⛔ Lệnh này chỉ dùng trong nhóm cán bộ. Muốn gửi góp ý, bấm /start.",
    "show_usage": "Cách dùng: <code>/show MÃ</code>, ví dụ <code>/show GY-7Q2K9M4T</code>",
    "show_history": "<b>Lịch sử trạng thái</b>",
    "show_history_line": "• {time} — {status}",
    "show_history_line_by": "• {time} — {status} ({who})",
    "show_responses": "<b>Trả lời và ghi chú</b>",
    "show_no_responses": "Chưa có trả lời hay ghi chú.",
    "show_reply": "💬 <i>{time}, {author}</i> — công khai{delivery}",
    "show_note": "📝 <i>{time}, {author}</i> — ghi chú nội bộ",
    "delivery_pending": ", đang gửi tới người góp ý",
    "delivery_delivered": ", đã gửi tới người góp ý",
    "delivery_blocked": ", người góp ý đã chặn bot",
    "delivery_failed": ", không gửi được",
    # To residents who asked for replies
    # To admins, when the bot cannot deliver to the staff group
    "admin_delivery_failed": (
        "⚠️ Bot không gửi được tin tới nhóm cán bộ: {error}. Tin vẫn được lưu trong cơ sở dữ "
        "liệu. Xin kiểm tra bot còn trong nhóm và STAFF_CHAT_ID đúng."
    ),
    "admin_chat_migrated": (
        "⚠️ Nhóm cán bộ đã đổi id thành <code>{new_id}</code>. Xin sửa "
        "<code>STAFF_CHAT_ID={new_id}</code> trong .env rồi khởi động lại bot."
    ),
    # The staff group refusing the bot, and /resend
    "admin_staff_blocked": (
        "⚠️ Nhóm cán bộ đang không nhận tin của bot ({error}). Các góp ý mới vẫn được lưu "
        "và sẽ tự gửi vào nhóm, theo đúng thứ tự, ngay khi bot gửi được trở lại: thêm bot "
        "lại vào nhóm hoặc cho bot quyền gửi tin. Xem các tin đang chờ bằng /resend."
    ),
    "admin_staff_back": (
        "✅ Bot đã gửi được vào nhóm cán bộ trở lại; các tin đang chờ đang được gửi."
    ),
    "usage_resend": "Cách dùng: <code>/resend</code> (không kèm gì thêm)",
    "resend_none": "✅ Không có tin nào bị Telegram từ chối. Mọi tin đã được gửi.",
    "resend_header": "<b>Tin chưa gửi được ({count})</b> — số · loại · mã · tình trạng · lỗi",
    "resend_line": "• #{number} · {what} · {code} · {state} · {error}",
    "resend_failed": "bị từ chối hẳn",
    "resend_waiting": "đang chờ gửi lại",
    "resend_done": "🔁 Đã xếp {count} tin để gửi lại.",
    "btn_resend": "🔁 Gửi lại tất cả",
    "outbox_kind_notify_staff": "thẻ góp ý",
    "outbox_kind_staff_part": "phần tiếp của thẻ",
    "outbox_kind_staff_photos": "ảnh của góp ý",
    "outbox_kind_staff_text": "tin cho nhóm cán bộ",
    "outbox_kind_staff_photo": "biểu đồ bản tin",
    "outbox_kind_resident_reply": "trả lời tới người góp ý",
    "outbox_kind_resident_status": "thông báo tới người góp ý",
    "outbox_kind_admin_text": "tin cho quản trị viên",
    "outbox_kind_staff_location": "vị trí của góp ý",
    "outbox_kind_staff_published": "xác nhận đã gửi trả lời",
    "outbox_kind_staff_addition": "phần bổ sung của người góp ý",
    "outbox_kind_staff_notice": "thông báo cho nhóm cán bộ",
    "outbox_kind_agency_card": "thẻ góp ý gửi cơ quan",
    "outbox_kind_agency_part": "phần tiếp của thẻ gửi cơ quan",
    "outbox_kind_agency_photos": "ảnh gửi cơ quan",
    "cmd_resend": "Tin chưa gửi được, gửi lại",
    # /groupid in a group, by an admin
    "group_id": (
        "🆔 Nhóm «{title}»: <code>{chat_id}</code>\n"
        "Loại: {type} · {members} thành viên\n"
        "Để dùng nhóm này làm nhóm cán bộ, đặt <code>STAFF_CHAT_ID={chat_id}</code> trong .env "
        "rồi khởi động lại bot."
    ),
    "group_id_staff": (
        "🆔 Nhóm «{title}»: <code>{chat_id}</code>\n"
        "Loại: {type} · {members} thành viên\n"
        "✅ Đây là nhóm cán bộ của bot (STAFF_CHAT_ID)."
    ),
    # Surges: several feedbacks packed into one message
    "batch_header": "📮 <b>{count} góp ý mới</b> — gộp lại vì đến nhiều cùng lúc.",
    "batch_item": "<b>{code}</b> · {area} · {topic} · {time}",
    "batch_photos": "🖼 {photos} ảnh",
    "batch_footer": "Bấm nút mã để mở góp ý đầy đủ: có nút trạng thái, trả lời được.",
    "batch_reply": (
        "Tin này gộp nhiều góp ý. Bấm nút mã dưới tin để mở từng góp ý, rồi trả lời tin đó."
    ),
    "btn_open_card": "📂 {code}",
    # Buttons
}
