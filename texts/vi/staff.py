"""Vietnamese texts the staff read in the staff group and an agency reads in its group: the
card and its buttons, statuses, proposals (answers with intent), reasons and results,
forwarding, deadlines, /show, /find, /open, /stats, the digest, the captions of /report and
/export, who may press the group's buttons, and the staff's own help and command menus.

HTML; placeholders are filled with escaped values. Staff read plain working words, in the
same polite register as residents: no "bạn", no "Hãy".
"""

TEXTS: dict[str, str] = {
    # Status
    # The statuses' own names: staff read them on cards, buttons, lists and reports (and in
    # the export's status column). Residents read the resident_status_ ones instead.
    "status_new": "Mới",
    "status_received": "Đã tiếp nhận",
    "status_in_progress": "Đang xử lý",
    "status_forwarded": "Đã chuyển cấp có thẩm quyền",
    "status_resolved": "Đã giải quyết",
    "status_rejected": "Không xử lý",
    # Command menus (descriptions shown by Telegram next to each command)
    "cmd_open": "Góp ý chưa giải quyết, cũ nhất trước",
    "cmd_show": "Xem đầy đủ một góp ý: /show MÃ",
    "cmd_stats": "Thống kê theo khu vực, lĩnh vực, trạng thái",
    "cmd_digest": "Bản tin góp ý ngay bây giờ",
    "cmd_export": "Xuất CSV và Excel: /export [số ngày]",
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
    "show_history_line_by": "• {time} — {status} ({who})",
    "show_responses": "<b>Trả lời và ghi chú</b>",
    "show_no_responses": "Chưa có trả lời hay ghi chú.",
    "show_reply": "💬 <i>{time}, {author}</i> — công khai{delivery}",
    "show_note": "📝 <i>{time}, {author}</i> — ghi chú nội bộ",
    "delivery_pending": ", đang gửi tới người góp ý",
    "delivery_delivered": ", đã gửi tới người góp ý",
    "delivery_blocked": ", người góp ý đã chặn bot",
    "delivery_failed": ", không gửi được",
    # Surges: several feedbacks packed into one message
    "batch_header": "📮 <b>{count} góp ý mới</b> — gộp lại vì đến nhiều cùng lúc.",
    "batch_item": "<b>{code}</b> · {area} · {topic} · {time}",
    "batch_photos": "🖼 {photos} ảnh",
    "batch_footer": "Bấm nút mã để mở góp ý đầy đủ: có nút trạng thái, trả lời được.",
    "batch_reply": (
        "Tin này gộp nhiều góp ý. Bấm nút mã dưới tin để mở từng góp ý, rồi trả lời tin đó."
    ),
    "btn_open_card": "📂 {code}",
    # --- The card, as the staff group receives it ------------------------------------------
    # The card is staff's (kept here for staff first); a resident reads it too, in the
    # preview, exactly as staff will.
    "card": (
        "📮 <b>Góp ý {code}</b>\n📍 Khu vực: {area}\n🏷 Lĩnh vực: {topic}\n🕒 {time}\n\n{body}"
    ),
    "card_photos": "\n\n🖼 Kèm {photos} ảnh.",
    "card_location": "\n\n🗺 Kèm vị trí trên bản đồ.",
    # Shared by the reports (staff read them as messages)
    "report_by_area": "<b>Theo khu vực</b>",
    "report_by_topic": "<b>Theo lĩnh vực</b>",
    "report_by_status": "<b>Theo trạng thái</b>",
    "report_count_line": "• {name}: <b>{count}</b>",
    "report_share_line": "• {name}: <b>{count}</b> ({share}%)",
    "report_continued": "<i>(tiếp theo)</i>",
    "report_days_usage": (
        "Cách dùng: <code>/{command} [số ngày]</code>, số ngày từ 1 đến {max_days}; "
        "mặc định {default} ngày. Ví dụ: <code>/{command} 7</code>"
    ),
    # /stats
    "stats_header": (
        "📊 <b>Thống kê góp ý {days} ngày qua</b>\n"
        "Từ {since} đến {until}\n"
        "Tổng số: <b>{total}</b> góp ý"
    ),
    "stats_empty": "📊 Không có góp ý nào trong {days} ngày qua (từ {since} đến {until}).",
    # /open
    "open_mark_overdue": "⏰",
    "open_mark_waiting": "▫️",
    "open_empty": "✅ Không có góp ý nào đang chờ giải quyết.",
    # Digest
    "digest_period": "từ {since} đến {until}",
    "digest_period_all": "từ đầu đến {until}",
    "digest_header": "📰 <b>Bản tin góp ý – {unit}</b>\nKỳ báo cáo: {period}",
    "digest_new": "🆕 Góp ý mới: <b>{count}</b>",
    "digest_unresolved": "📌 Chưa giải quyết: <b>{count}</b>",
    # /export
    "export_caption": (
        "📤 {count} góp ý trong {days} ngày qua (từ {since}). "
        "Tệp CSV mở được bằng Excel; tệp XLSX đã định dạng sẵn."
    ),
    "export_empty": "📤 Không có góp ý nào trong {days} ngày qua để xuất.",
    # --- The card, for staff -------------------------------------------------------------------
    "staff_due": "⏳ Hạn: {due}",
    "staff_due_extended": "↪️ Đã gia hạn: {reason}",
    "staff_due_overdue": "⏰ Hạn: {due} — <b>đã quá hạn</b>",
    "staff_handler": "🙋 Người xử lý: {who}",
    "staff_no_handler": "🙋 Người xử lý: chưa có",
    "staff_reason": "Lý do không xử lý: {reason}",
    "staff_agency": "Đã chuyển tới: {agency}",
    "staff_location": "🗺 Vị trí: {lat}, {lon} (xem tin vị trí bên dưới)",
    "staff_additions": "✍️ Người góp ý đã bổ sung {count} lần.",
    "staff_rated_satisfied": "😊 Người góp ý hài lòng với kết quả.",
    "staff_rated_unsatisfied": "🙁 Người góp ý chưa hài lòng với kết quả.",
    "btn_take_on": "🙋 Nhận xử lý",
    "btn_ask": "❓ Hỏi thêm",
    "btn_templates": "📋 Trả lời mẫu",
    "toast_taken_on": "Đã ghi nhận người xử lý.",
    "toast_taken_over": "Đã nhận thay {previous}.",
    "staff_status_set_told": (
        "Đã đặt: {status}. Người góp ý sẽ được báo sau {seconds} giây; bấm trạng thái khác "
        "để thay."
    ),
    # --- Proposals: answers with intent -------------------------------------------------------
    "proposal_answer": "💬 <b>Đề xuất trả lời góp ý {code}</b> — {who}:",
    "proposal_correction": "✏️ <b>Đề xuất đính chính trả lời góp ý {code}</b> — {who}:",
    "proposal_from_agency": "🏢 <b>{agency} trả lời về góp ý {code}</b>:",
    "proposal_question": "❓ <b>Đề xuất hỏi thêm người góp ý {code}</b> — {who}:",
    "proposal_choice": (
        "Chưa có gì được gửi. «Gửi trả lời»: gửi người góp ý dưới danh nghĩa Ủy ban (sau "
        "{seconds} giây, trong lúc đó còn thu hồi được). «Ghi chú»: lưu nội bộ. «Hủy»: bỏ."
    ),
    "proposal_question_choice": (
        "Chưa có gì được gửi. «Gửi câu hỏi»: gửi người góp ý (sau {seconds} giây, trong lúc "
        "đó còn thu hồi được). «Hủy»: bỏ."
    ),
    "btn_send_answer": "📤 Gửi trả lời",
    "btn_send_question": "📤 Gửi câu hỏi",
    "btn_keep_note": "📝 Ghi chú",
    "btn_drop": "✖️ Hủy",
    "btn_undo": "↩️ Thu hồi",
    "btn_template": "📋 Mẫu {number}",
    "proposal_pending": (
        "⏳ Trả lời góp ý <b>{code}</b> ({who}) sẽ được công khai và gửi lúc {time}. "
        "Bấm «Thu hồi» trong {seconds} giây nếu gửi nhầm."
    ),
    "proposal_pending_question": (
        "⏳ Câu hỏi về góp ý <b>{code}</b> ({who}) sẽ được gửi lúc {time}. Bấm «Thu hồi» "
        "trong {seconds} giây nếu gửi nhầm."
    ),
    "proposal_withdrawn": (
        "↩️ {who} đã thu hồi trả lời góp ý <b>{code}</b>. Không có gì được gửi tới người góp ý."
    ),
    "correction_dropped_with_answer": (
        "✖️ Đề xuất đính chính cho <b>{code}</b> cũng đã bị bỏ, vì {who} đã thu hồi trả lời "
        "cần đính chính. Không có gì được gửi tới người góp ý."
    ),
    "proposal_noted": (
        "📝 Đã lưu làm ghi chú nội bộ cho <b>{code}</b> ({who}); người góp ý không thấy."
    ),
    "proposal_dropped": "✖️ {who} đã bỏ đề xuất cho <b>{code}</b>; không lưu gì.",
    "staff_answer_sent": (
        "✅ Đã gửi trả lời góp ý <b>{code}</b> ({who}, {time}) tới người góp ý; "
        "trả lời cũng hiện trong /status."
    ),
    "staff_answer_public_only": (
        "✅ Đã công khai trả lời góp ý <b>{code}</b> ({who}, {time}). Người góp ý không nhận "
        "trả lời qua Telegram; họ xem được bằng <code>/status {code}</code>."
    ),
    "staff_question_sent": (
        "✅ Đã gửi câu hỏi về góp ý <b>{code}</b> ({who}, {time}) tới người góp ý; câu trả "
        "lời của họ sẽ hiện dưới thẻ góp ý."
    ),
    "staff_question_public_only": (
        "✅ Đã công khai câu hỏi về góp ý <b>{code}</b> ({who}, {time}). Người góp ý không "
        "nhận tin qua Telegram; câu hỏi hiện khi họ tra cứu mã."
    ),
    "staff_answer_correct_hint": (
        "✏️ Muốn đính chính: trả lời (reply) tin này bằng "
        "<code>/correct nội dung đính chính</code>."
    ),
    "correct_usage": (
        "Để đính chính, trả lời (reply) tin xác nhận đã gửi trả lời bằng "
        "<code>/correct nội dung</code>."
    ),
    "toast_sending": "Sẽ gửi sau {seconds} giây; còn thu hồi được.",
    "toast_withdrawn": "Đã thu hồi.",
    "toast_noted": "Đã lưu ghi chú.",
    "toast_dropped": "Đã bỏ.",
    "toast_too_late": (
        "Đã quá {seconds} giây: trả lời đã được gửi. Muốn đính chính, trả lời (reply) tin "
        "xác nhận bằng /correct và nội dung."
    ),
    "toast_rejected_meanwhile": (
        "Góp ý {code} vừa được đặt «Không xử lý» sau khi đề xuất này được viết. Không gửi. "
        "Đổi trạng thái trên thẻ trước nếu vẫn muốn trả lời."
    ),
    "toast_already_sent": "Đề xuất này đã được gửi ({who}).",
    "toast_already_noted": "Đề xuất này đã được lưu làm ghi chú ({who}).",
    "toast_already_dropped": "Đề xuất này đã bị bỏ hoặc thu hồi ({who}).",
    "toast_already_open": "Đề xuất này chưa được gửi.",
    "toast_proposal_changed": (
        "Nội dung đề xuất vừa được thay đổi nên chưa gửi. Tin nhắn đã hiện nội dung mới; xin "
        "đọc lại rồi bấm «Gửi trả lời» nếu vẫn muốn gửi."
    ),
    "proposal_revised": (
        "✏️ Đã cập nhật đề xuất trả lời góp ý <b>{code}</b> theo tin nhắn vừa sửa. Chưa có gì "
        "được gửi."
    ),
    "proposal_edit_refused_sent": (
        "⚠️ «Gửi trả lời» đã được bấm cho góp ý <b>{code}</b> trước khi tin nhắn này được sửa; "
        "nội dung sửa <b>không</b> được dùng. Nếu chưa quá {seconds} giây: bấm «Thu hồi», rồi "
        "trả lời (reply) lại thẻ. Nếu đã quá: đính chính bằng /correct."
    ),
    "proposal_edit_refused": (
        "⚠️ Đề xuất cho góp ý <b>{code}</b> đã được lưu làm ghi chú hoặc đã bị bỏ; nội dung "
        "sửa không được dùng. Muốn trả lời, xin trả lời (reply) lại thẻ góp ý."
    ),
    "toast_answered_meanwhile": (
        "Góp ý này đã có trả lời khác sau khi đề xuất này được viết; chưa gửi. Xin đọc tin "
        "nhắn rồi chọn «Vẫn gửi» hoặc «Hủy»."
    ),
    "proposal_answered_meanwhile": (
        "⚠️ Góp ý <b>{code}</b> đã có trả lời do {who} gửi lúc {time}, sau khi đề xuất dưới "
        "đây được viết:\n«{answer}»\n\nĐề xuất dưới đây <b>chưa</b> được gửi. Vẫn gửi thêm cho "
        "người góp ý dưới danh nghĩa Ủy ban?"
    ),
    "proposal_by": "Đề xuất của {who}:",
    "btn_send_anyway": "📤 Vẫn gửi",
    "btn_proposal_expired": "⌛ Quá {hours} giờ: không gửi được",
    "toast_proposal_expired": (
        "Đề xuất này đã quá {hours} giờ nên không gửi được nữa. Muốn trả lời, xin trả lời "
        "(reply) lại thẻ góp ý. Có thể lưu đề xuất làm ghi chú hoặc hủy."
    ),
    "proposal_expired": (
        "⌛ <b>Đề xuất trả lời góp ý {code}</b> ({who}) đã quá {hours} giờ, không gửi được nữa. "
        "Muốn trả lời, xin trả lời (reply) lại thẻ góp ý."
    ),
    "toast_withdraw_failed": (
        "CHƯA THU HỒI ĐƯỢC: cơ sở dữ liệu đang bận. Trả lời có thể vẫn được gửi tới người góp "
        "ý lúc {time}. Xin bấm «Thu hồi» lần nữa ngay; nếu đã gửi, đính chính bằng /correct."
    ),
    "withdraw_failed": (
        "⚠️ {who} bấm «Thu hồi» trả lời góp ý <b>{code}</b> nhưng <b>chưa thu hồi được</b> vì "
        "cơ sở dữ liệu đang bận. Trả lời có thể vẫn được gửi tới người góp ý lúc {time}. Xin "
        "bấm «Thu hồi» lần nữa ngay; nếu đã gửi, đính chính bằng /correct."
    ),
    "toast_template_used": "Đã thay bằng mẫu {number}.",
    "template_gone": "Mẫu trả lời này không còn.",
    "templates_none_yet": "Chưa có trả lời mẫu. Quản trị viên thêm bằng /addtemplate.",
    "templates_choose": "📋 Chọn trả lời mẫu cho góp ý <b>{code}</b>:",
    "ask_question_prompt": (
        "❓ Câu hỏi thêm cho người góp ý <b>{code}</b>: trả lời (reply) tin này bằng câu hỏi. "
        "Chưa có gì được gửi."
    ),
    "ask_question_prompt_public": (
        "❓ Câu hỏi thêm cho người góp ý <b>{code}</b>: trả lời (reply) tin này bằng câu hỏi. "
        "Lưu ý: người góp ý không nhận tin qua Telegram; câu hỏi chỉ hiện khi họ tra cứu mã."
    ),
    "agency_reply_empty": "Xin trả lời bằng chữ.",
    "agency_reply_forwarded": "✅ Đã chuyển trả lời tới Ủy ban MTTQ. Xin cảm ơn!",
    # --- Not handled: the reason ---------------------------------------------------------------
    "toast_reason_needed": "Xin chọn lý do.",
    "ask_reason_prompt": (
        "Lý do không xử lý góp ý <b>{code}</b>? Chọn một lý do, hoặc trả lời (reply) tin này "
        "bằng lý do. Chưa có gì thay đổi."
    ),
    "reason_too_long": (
        "Lý do dài quá: tối đa {max_chars} ký tự. Chưa có gì thay đổi; xin trả lời (reply) lại "
        "lời nhắc bằng lý do ngắn hơn."
    ),
    # The presets staff choose from; the chosen words reach the resident too, as the reason.
    "rejection_reason_1": "Không thuộc thẩm quyền giải quyết",
    "rejection_reason_2": "Trùng với góp ý đã nhận",
    "rejection_reason_3": "Thiếu thông tin để xác minh",
    "rejection_reason_4": "Nội dung không phù hợp",
    "rejected_done": "Đã đặt «Không xử lý» cho <b>{code}</b> ({who}). Lý do: {reason}",
    "rejected_done_told": (
        "Đã đặt «Không xử lý» cho <b>{code}</b> ({who}). Lý do: {reason}\n"
        "Người góp ý sẽ được báo sau {seconds} giây; bấm trạng thái khác trên thẻ để thay."
    ),
    # --- Not handled, «không thuộc thẩm quyền»: where to go instead -----------------------
    "ask_elsewhere_prompt": (
        "Góp ý <b>{code}</b> không thuộc thẩm quyền: người góp ý nên liên hệ nơi nào? Chọn "
        "cơ quan bên dưới, hoặc trả lời (reply) tin này bằng tên và địa chỉ nơi đó. Nếu không "
        "rõ, bấm «Không rõ nơi giải quyết». Chưa có gì thay đổi."
    ),
    "btn_elsewhere_unknown": "Không rõ nơi giải quyết",
    "rejected_elsewhere_told": (
        "Đã đặt «Không xử lý» cho <b>{code}</b> ({who}). Lý do: {reason}\n"
        "Nơi có thẩm quyền giải quyết: {agency}\n"
        "Người góp ý sẽ được báo sau {seconds} giây; bấm trạng thái khác trên thẻ để thay."
    ),
    "rejected_elsewhere": (
        "Đã đặt «Không xử lý» cho <b>{code}</b> ({who}). Lý do: {reason}\n"
        "Nơi có thẩm quyền giải quyết: {agency}"
    ),
    "staff_elsewhere": "Nơi có thẩm quyền giải quyết: {agency}",
    "show_history_elsewhere": "   nơi có thẩm quyền: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "toast_result_needed": "Xin cho biết kết quả.",
    "ask_result_prompt": (
        "Kết quả giải quyết góp ý <b>{code}</b>? Người góp ý sẽ đọc đúng câu này. Chọn một "
        "câu, hoặc trả lời (reply) tin này bằng kết quả, viết trong một dòng. Chưa có gì thay "
        "đổi."
    ),
    # The presets staff choose from; the chosen words reach the resident too, as the result.
    "resolution_result_1": "Đã khắc phục xong",
    "resolution_result_2": "Đã kiểm tra và xử lý theo quy định",
    "resolution_result_3": "Đã tiếp thu, đưa vào kiến nghị gửi chính quyền",
    "btn_result_answered": "Không cần, đã trả lời",
    "result_too_long": (
        "Kết quả dài quá: tối đa {max_chars} ký tự. Chưa có gì thay đổi; xin trả lời (reply) "
        "lại lời nhắc bằng câu ngắn hơn. Nội dung dài thì gửi như một trả lời: trả lời (reply) "
        "thẻ góp ý, rồi bấm «Gửi trả lời»."
    ),
    "resolved_done": "Đã đặt «Đã giải quyết» cho <b>{code}</b> ({who}). Kết quả: {result}",
    "resolved_done_told": (
        "Đã đặt «Đã giải quyết» cho <b>{code}</b> ({who}). Kết quả: {result}\n"
        "Người góp ý sẽ được báo sau {seconds} giây; bấm trạng thái khác trên thẻ để thay."
    ),
    "resolved_done_answered": (
        "Đã đặt «Đã giải quyết» cho <b>{code}</b> ({who}), không kèm kết quả: đã có trả lời.\n"
        "Người góp ý sẽ được báo sau {seconds} giây; bấm trạng thái khác trên thẻ để thay."
    ),
    "resolved_done_answered_quiet": (
        "Đã đặt «Đã giải quyết» cho <b>{code}</b> ({who}), không kèm kết quả: đã có trả lời."
    ),
    "staff_result": "Kết quả giải quyết: {result}",
    "prompt_cancelled": "✖️ {who} đã hủy; không có gì thay đổi.",
    # --- Forwarding -----------------------------------------------------------------------------
    "toast_agency_needed": "Xin chọn cơ quan.",
    "ask_agency_prompt": (
        "Chuyển góp ý <b>{code}</b> tới cơ quan nào? Chọn bên dưới, hoặc trả lời (reply) tin "
        "này bằng tên cơ quan."
    ),
    "ask_agency_prompt_none": (
        "Chuyển góp ý <b>{code}</b> tới cơ quan nào? Trả lời (reply) tin này bằng tên cơ quan. "
        "(Quản trị viên thêm danh sách cơ quan bằng /addagency.)"
    ),
    "forwarded_to_group": (
        "📨 Đã chuyển <b>{code}</b> tới {agency} ({who}). Thẻ góp ý sẽ được gửi vào nhóm của "
        "cơ quan sau {seconds} giây, cùng lúc người góp ý được báo. Nếu chuyển nhầm, bấm trạng "
        "thái khác trên thẻ trước lúc đó thì sẽ không gửi gì."
    ),
    "forwarded_with_slip": (
        "📨 Đã chuyển <b>{code}</b> tới {agency} ({who}). Cơ quan này không có nhóm Telegram: "
        "phiếu chuyển để in và gửi ở tệp bên dưới. Người góp ý sẽ được báo sau {seconds} giây."
    ),
    "agency_closed_meanwhile": "Cơ quan này vừa ngừng nhận chuyển góp ý. Xin chọn lại.",
    "agency_name_invalid": "Tên cơ quan phải có từ 1 đến {max_chars} ký tự.",
    "slip_caption": "🖨 Phiếu chuyển góp ý {code} tới {agency} (A4, để in và ký).",
    "agency_card_header": "🏢 <b>Góp ý do {unit} chuyển đến</b>",
    "agency_hint": (
        "↩️ Trả lời (reply) tin này để gửi kết quả cho Ủy ban MTTQ; bấm nút khi đã tiếp nhận "
        "và khi đã xử lý xong."
    ),
    "btn_agency_received": "📥 Đã tiếp nhận",
    "btn_agency_done": "✅ Đã xử lý",
    "agency_pressed_received": "Đã báo Ủy ban MTTQ: đã tiếp nhận.",
    "agency_pressed_done": "Đã báo Ủy ban MTTQ: đã xử lý.",
    "agency_pressed_again": "Đã báo trước đó rồi.",
    "staff_notice_agency_received": "🏢 {agency}: <b>đã tiếp nhận</b> góp ý <code>{code}</code>.",
    "staff_notice_agency_done": (
        "🏢 {agency}: <b>đã xử lý</b> góp ý <code>{code}</code>. Cập nhật trạng thái trên thẻ "
        "khi đã xác nhận."
    ),
    "staff_notice_dissatisfied": (
        "⚠️ Người góp ý <b>chưa hài lòng</b> với kết quả giải quyết <code>{code}</code>; góp ý "
        "đã được mở lại (Đang xử lý)."
    ),
    "staff_agency_refused": (
        "⚠️ Không gửi được thẻ góp ý <code>{code}</code> vào nhóm của cơ quan ({error}). Việc "
        "chuyển vẫn được ghi nhận; kiểm tra bot còn trong nhóm đó (/agencies)."
    ),
    "staff_agency_left": (
        "⚠️ Bot không còn trong nhóm của {agency}. Các góp ý đã chuyển vẫn được giữ. Thêm bot "
        "lại vào nhóm, hoặc đặt lại bằng <code>/agencygroup {code} …</code>."
    ),
    # --- What the resident added, for staff ---------------------------------------------------
    "staff_addition_addition": "✍️ <b>Bổ sung</b> cho góp ý <code>{code}</code>:",
    "staff_addition_answer": (
        "💬 <b>Bổ sung</b>: người góp ý trả lời câu hỏi về <code>{code}</code>:"
    ),
    "staff_addition_dissatisfied": (
        "🙁 <b>Bổ sung</b>: người góp ý <code>{code}</code> cho biết điều chưa hài lòng:"
    ),
    # --- /show -----------------------------------------------------------------------------------
    "show_by_resident": "người góp ý",
    "show_history_reason": "   lý do: {reason}",
    "show_history_agency": "   chuyển tới: {agency}",
    "show_assignment": "• {time} — nhận xử lý: {who}",
    "usage_extend": (
        "Cách dùng: <code>/extend &lt;mã&gt; &lt;số ngày làm việc&gt; &lt;lý do&gt;</code> "
        "(hoặc <code>/giahan</code>)\n"
        "Ví dụ: <code>/extend GY-7Q2K9M4T 5 Chờ điện lực khảo sát</code>\n"
        "Thêm 1–{most} ngày làm việc, tính từ hạn cũ (từ hôm nay nếu đã quá hạn). Người góp "
        "ý thấy hạn mới và lý do khi tra cứu mã."
    ),
    "extend_days_invalid": "«{value}» không phải số ngày làm việc từ 1 đến {most}.",
    "extend_reason_missing": (
        "Xin ghi lý do gia hạn sau số ngày (người góp ý sẽ đọc lý do này), tối đa {most} ký tự."
    ),
    "extend_closed": (
        "Góp ý <code>{code}</code> đã được giải quyết hoặc đã đặt «Không xử lý», nên không còn "
        "hạn để gia hạn."
    ),
    "extended": (
        "⏳ Đã gia hạn giải quyết góp ý <code>{code}</code> thêm {days} ngày làm việc: hạn mới "
        "{due}.\nLý do (người góp ý đọc được khi tra cứu): {reason}\nNgười gia hạn: {who}"
    ),
    "show_extension": (
        "• {time} — {who} gia hạn thêm {days} ngày làm việc, hạn mới {due}. Lý do: {reason}"
    ),
    "show_withdrawn": "↩️ <i>{time}, {author}</i> — đã thu hồi, không gửi",
    "show_question": "❓ <i>{time}, {author}</i> — câu hỏi cho người góp ý{delivery}",
    "show_correction": "✏️ <i>{time}, {author}</i> — đính chính{delivery}",
    "show_additions": "<b>Người góp ý bổ sung</b>",
    "show_addition": "✍️ <i>{time}</i>",
    "show_addition_photo": "(ảnh)",
    # --- /help in the staff group ---------------------------------------------------------------
    "staff_help": (
        "<b>Hướng dẫn cho cán bộ</b>\n\n"
        "📮 Mỗi góp ý mới đến nhóm thành một <b>thẻ</b>: mã, khu vực, lĩnh vực, hạn giải quyết "
        "(ngày làm việc), nội dung, ảnh, vị trí. Không bao giờ có tên người gửi.\n\n"
        "<b>Nút trên thẻ</b>\n"
        "• Trạng thái: Đã tiếp nhận, Đang xử lý, Đã giải quyết…; «Không xử lý» hỏi lý do, "
        "«Đã chuyển cấp có thẩm quyền» hỏi chuyển tới cơ quan nào.\n"
        "• 🙋 Nhận xử lý: ghi tên người xử lý. ❓ Hỏi thêm: hỏi người góp ý. 📋 Trả lời mẫu.\n\n"
        "<b>Trả lời</b>\n"
        "• Trả lời (reply) thẻ bằng nội dung: bot hỏi lại «Gửi trả lời» / «Ghi chú» / «Hủy». "
        "Chưa bấm «Gửi trả lời» thì không có gì đến người góp ý; sau khi bấm còn {seconds} "
        "giây để «Thu hồi».\n"
        "• Bắt đầu bằng /note hoặc #note: ghi chú nội bộ ngay.\n"
        "• /correct (reply tin đã gửi): đính chính.\n\n"
        "<b>Lệnh</b>: /open (chưa giải quyết; /open overdue, /open mine, /open mã-khu-vực), "
        "/mine, /show mã, /find từ khóa, /stats, /digest, /export, /report, /status mã, "
        "/extend mã số-ngày lý do (gia hạn)."
    ),
    # --- Issue 19: answers here or not, stopping them, additions collected ----------------------
    "staff_addition_photos": "🖼 Kèm {count} ảnh (bên dưới).",
    # --- Prompts that no longer act; edits of the words a status was given ------------------
    "toast_prompt_closed": "Lời hỏi này đã được trả lời hoặc đã hủy; không có gì thay đổi.",
    "toast_prompt_outdated": (
        "Góp ý đã đổi trạng thái sau lời hỏi này; không có gì thay đổi. Nếu cần, xin bấm lại "
        "nút trên thẻ góp ý."
    ),
    "prompt_reply_closed": (
        "ℹ️ Tin này không được dùng: lời hỏi về góp ý <code>{code}</code> đã được trả lời "
        "hoặc đã hủy trước đó. Không có gì thay đổi; nếu cần, xin bấm lại nút trên thẻ góp ý."
    ),
    "prompt_reply_outdated": (
        "ℹ️ Tin này không được dùng: góp ý <code>{code}</code> đã đổi trạng thái sau lời hỏi "
        "này. Không có gì thay đổi; nếu cần, xin bấm lại nút trên thẻ góp ý."
    ),
    "status_reworded_told": (
        "✏️ Đã dùng lời đã sửa cho góp ý <b>{code}</b>: {words}\n"
        "Người góp ý sẽ được báo bằng lời mới sau {seconds} giây; lời cũ không được gửi."
    ),
    "status_reworded": "✏️ Đã dùng lời đã sửa cho góp ý <b>{code}</b>: {words}",
    "status_reword_refused": (
        "⚠️ Lời sửa không được dùng: đã quá {seconds} giây, hoặc góp ý <b>{code}</b> đã đổi "
        "trạng thái. Người góp ý đọc lời trước khi sửa. Nếu cần, xin đặt lại trạng thái trên "
        "thẻ góp ý."
    ),
    "status_reword_invalid": (
        "⚠️ Lời sửa không được dùng: phải có từ 1 đến {max_chars} ký tự. Lời trước khi sửa "
        "vẫn giữ nguyên."
    ),
    "btn_extend_confirm": "⏳ Gia hạn",
    "extend_preview": (
        "Gia hạn góp ý <code>{code}</code> thêm {days} ngày làm việc: hạn mới {due}.\n"
        "Người góp ý sẽ đọc: {reason}\n"
        "Chưa có gì thay đổi; bấm «Gia hạn» để gia hạn đúng như trên, hoặc «Hủy»."
    ),
    "extend_preview_gone": (
        "Bản xem trước này không còn dùng được; chưa có gì thay đổi. Xin gõ lại lệnh /extend."
    ),
    "toast_extended": "Đã gia hạn.",
    "staff_notice_extended": "⏳ {who} đã gia hạn góp ý <code>{code}</code>: hạn mới {due}.",
    # /find
    "find_usage": (
        "Cách dùng: <code>/find từ khóa</code>, ví dụ <code>/find dien luc</code>.\n"
        "Tìm trong nội dung góp ý, trả lời, ghi chú và phần bổ sung của người góp ý; "
        "không phân biệt chữ hoa, chữ thường, có dấu hay không dấu."
    ),
    "find_header": "🔎 Tìm «{words}»: <b>{total}</b> góp ý, mới nhất trước",
    "find_header_many": (
        "🔎 Tìm «{words}»: hơn <b>{total}</b> góp ý, mới nhất trước. Thêm từ để thu hẹp kết quả."
    ),
    "find_line": (
        "• <code>{code}</code> · {date} · {area} · {topic} · <i>{status}</i>\n"
        "   {where}: {snippet}"
    ),
    "find_in_feedback": "nội dung",
    "find_in_reply": "trả lời",
    "find_in_question": "câu hỏi",
    "find_in_note": "ghi chú",
    "find_in_addition": "bổ sung",
    "find_more": "… và {more} góp ý khác. Thêm từ để thu hẹp kết quả.",
    "find_left_out": "(Chỉ tìm theo {used} từ đầu, bỏ qua {left_out} từ sau.)",
    "find_none": "🔎 Không tìm thấy góp ý nào có «{words}».",
    # /open in pages
    "backlog_usage": (
        "Cách dùng: <code>/open</code> (tất cả), <code>/open mã_khu_vực</code> "
        "(ví dụ <code>/open kp3</code>), <code>/open overdue</code> (quá hạn) hoặc "
        "<code>/open mine</code> (góp ý đang nhận xử lý)."
    ),
    "backlog_header_all": "📋 <b>Góp ý chưa giải quyết: {total}</b>",
    "backlog_header_area": "📋 <b>Góp ý chưa giải quyết ở {area}: {total}</b>",
    "backlog_header_overdue": "📋 <b>Góp ý quá hạn chưa giải quyết: {total}</b>",
    "backlog_header_mine": "📋 <b>Góp ý {officer} đang xử lý: {total}</b>",
    "backlog_page": (
        "Trang {page} · góp ý {first}–{last} · cũ nhất trước · ⏰ quá hạn · "
        "xem chi tiết: <code>/show MÃ</code>"
    ),
    "backlog_line": (
        "{mark} <code>{code}</code> · {date} · {area} · {topic} · <i>{status}</i>\n"
        "      {due} · {handler}\n"
        "      <i>«{excerpt}»</i>"
    ),
    "backlog_due": "hạn {due}",
    "backlog_late": "⏰ quá hạn {days} ngày làm việc (hạn {due})",
    "backlog_late_days_off": "⏰ quá hạn (hạn {due})",
    "backlog_no_due": "chưa có hạn",
    "backlog_handler": "👤 {handler}",
    "backlog_no_handler": "chưa có người nhận xử lý",
    "backlog_empty_area": "✅ Khu vực {area} không có góp ý nào đang chờ giải quyết.",
    "backlog_empty_overdue": "✅ Không có góp ý nào quá hạn.",
    "backlog_empty_mine": (
        "{officer} hiện không có góp ý nào đang xử lý. Bấm «Nhận xử lý» trên thẻ góp ý để nhận."
    ),
    "backlog_unknown_area": (
        "Không có khu vực mã <code>{code}</code>. Gõ <code>/open</code> để xem tất cả góp ý "
        "chưa giải quyết."
    ),
    "backlog_no_more": "Danh sách đã hết. Gõ /open để xem lại từ đầu.",
    "btn_backlog_next": "Trang sau ▶️ (trang {page})",
    # /stats: how the period turned out
    "stats_on_time": (
        "⏱ Giải quyết đúng hạn: <b>{rate}</b> ({on_time}/{resolved} góp ý đã giải quyết)"
    ),
    "stats_on_time_none": "⏱ Giải quyết đúng hạn: chưa có góp ý nào đã giải quyết.",
    "stats_satisfaction": (
        "🙂 Người góp ý hài lòng: <b>{rate}</b> ({satisfied}/{ratings} đánh giá)"
    ),
    "stats_satisfaction_none": "🙂 Người góp ý hài lòng: chưa có đánh giá nào.",
    # The digest: deadlines and ratings
    "digest_overdue_now": "⏰ Quá hạn: <b>{count}</b>",
    "digest_overdue_now_none": "⏰ Không có góp ý quá hạn.",
    "digest_due_soon": "📅 Đến hạn trong 2 ngày làm việc (đến hết {day}): <b>{count}</b>",
    "digest_due_soon_none": "📅 Không có góp ý đến hạn trong 2 ngày làm việc tới (đến hết {day}).",
    "digest_codes_more": "… và {more} mã khác — xem /open",
    "digest_ratings": (
        "⭐ Đánh giá của người góp ý: {satisfied} hài lòng, {dissatisfied} chưa hài lòng"
    ),
    "digest_ratings_none": "⭐ Không có đánh giá mới.",
    "digest_dissatisfied": "Chưa hài lòng:",
    "digest_quiet_desk": (
        "📰 <b>Bản tin góp ý – {unit}</b>: không có góp ý mới {period}. "
        "Chưa giải quyết: {unresolved}; quá hạn: {overdue}; "
        "đến hạn trong 2 ngày làm việc: {due_soon}."
    ),
    # /report
    "period_report_usage": (
        "Cách dùng: <code>/report</code> (tháng trước), <code>/report 2026-11</code> "
        "(một tháng) hoặc <code>/report 2026-Q4</code> (một quý)."
    ),
    "period_report_future": (
        "Kỳ {period} chưa bắt đầu. Xin chọn một tháng hoặc một quý đã qua hoặc đang diễn ra."
    ),
    "period_report_caption": (
        "📄 Báo cáo {period}: tiếp nhận {received} góp ý, đã giải quyết {resolved}, "
        "không xử lý {rejected}, đang xử lý {open}. "
        "Tệp DOCX để sửa và trình ký, tệp PDF để in."
    ),
    "period_report_caption_empty": (
        "📄 Báo cáo {period}: trong kỳ không tiếp nhận góp ý nào. Báo cáo vẫn được lập để lưu."
    ),
    "period_report_so_far": "(tính đến ngày {day})",
    # Command menus
    "cmd_find": "Tìm góp ý theo từ: /find từ khóa",
    "cmd_mine": "Góp ý tôi đang nhận xử lý",
    "cmd_report": "Báo cáo tháng hoặc quý (DOCX, PDF): /report 2026-11",
    "cmd_extend": "Gia hạn giải quyết một góp ý: /extend mã số-ngày lý do",
    # Buttons pressed by someone outside the group (callback answers: 200 characters at most)
    "staff_not_member": (
        "⛔ Chỉ thành viên nhóm cán bộ mới dùng được nút này. Nếu đã rời nhóm, "
        "xin nhờ quản trị viên thêm lại."
    ),
    "staff_member_unknown": (
        "⏳ Chưa kiểm tra được tài khoản này có trong nhóm cán bộ hay không. Xin bấm lại sau "
        "giây lát."
    ),
    # An anonymous admin, or a post "as a channel": the bot cannot tell which officer it is
    "staff_anonymous_press": (
        "🕶 Đang ẩn danh trong nhóm nên bot không biết ai bấm; chưa ghi nhận gì. Nhận xử lý "
        "hay soạn trả lời phải ghi tên cán bộ. Xin tắt «Ẩn danh» trong quyền quản trị viên rồi "
        "bấm lại."
    ),
    "staff_unsigned_reply": (
        "🕶 Tin này gửi dưới tên nhóm hoặc tên kênh, nên bot không biết cán bộ nào viết và "
        "<b>không ghi nhận</b>. Trả lời, ghi chú phải mang tên người viết: xin tắt «Ẩn danh» "
        "trong quyền quản trị viên (hoặc gửi bằng tài khoản của mình) rồi trả lời lại."
    ),
    "staff_mine_unsigned": (
        "🕶 Lệnh này gửi dưới tên nhóm hoặc tên kênh, nên bot không biết ai gửi. Xin tắt "
        "«Ẩn danh» trong quyền quản trị viên (hoặc gửi bằng tài khoản của mình) rồi gửi lại."
    ),
}
