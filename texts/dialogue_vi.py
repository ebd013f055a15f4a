"""Vietnamese texts of the dialogue and the desk: answers with intent, following up a
feedback, ratings, deadlines, handlers, agencies and forwarding, templates.

Residents are addressed as a committee addresses the people it serves: no "bạn", no "Hãy",
sentences that need no pronoun, "Xin mời", "Xin cảm ơn". Staff read plain working words.
"""

TEXTS: dict[str, str] = {
    # --- The receipt and the status, for residents ------------------------------------------
    "sent": (
        "✅ <b>Góp ý đã được gửi.</b> Xin cảm ơn!\n\n"
        "Mã tra cứu: <code>{code}</code>\n"
        "Xin giữ lại mã này. Để xem tình trạng xử lý, bấm «Xem tình trạng» "
        "hoặc gửi <code>/status {code}</code>.\n\n"
        "Có muốn nhận trả lời của cán bộ ngay trong cuộc trò chuyện này không?"
    ),
    "btn_receive": "🔔 Nhận trả lời tại đây",
    "btn_no_receive": "Không, cảm ơn",
    "btn_see_status": "📋 Xem tình trạng",
    "btn_add_more": "✍️ Bổ sung thông tin",
    "btn_answer_question": "✍️ Bổ sung: trả lời câu hỏi",
    "btn_satisfied": "😊 Hài lòng",
    "btn_not_satisfied": "🙁 Chưa hài lòng",
    "btn_stop_adding": "Thôi, không bổ sung",
    "toast_receive_on": "Trả lời sẽ được gửi đến đây.",
    "receive_confirmed": (
        "🔔 Trả lời của cán bộ về góp ý <code>{code}</code> sẽ được gửi đến cuộc trò chuyện "
        "này. Danh tính người gửi vẫn được giữ kín."
    ),
    "receive_too_many": (
        "Góp ý này đã có quá nhiều nơi đăng ký nhận trả lời nên không thêm được nữa. Vẫn xem được "
        "trả lời bằng mã tra cứu."
    ),
    "toast_no_receive": "Đã ghi nhận.",
    "no_receive_confirmed": (
        "Đã ghi nhận: trả lời sẽ không được gửi đến đây. Có thể xem trả lời bất cứ lúc nào "
        "bằng <code>/status {code}</code>."
    ),
    "status_not_found_short": "Không tìm thấy góp ý có mã này.",
    "resident_status_new": "Đã nhận, đang chờ xem xét",
    "resident_status_received": "Cán bộ đã tiếp nhận",
    "resident_status_in_progress": "Đang được giải quyết",
    "resident_status_forwarded": "Đã chuyển tới cơ quan có thẩm quyền",
    "resident_status_resolved": "Đã giải quyết",
    "resident_status_rejected": "Đã xem xét, không tiếp tục xử lý",
    "status_due": "⏳ Hạn giải quyết: {due}",
    "status_due_extended": "↪️ Thời hạn giải quyết đã được kéo dài. Lý do: {reason}",
    "status_reason": "Lý do: {reason}",
    "status_agency": "Đã chuyển tới: {agency}",
    "status_question": "❓ <i>Câu hỏi của cán bộ, {time}</i>",
    "status_correction": "💬 <i>Đính chính, {time}</i>",
    "status_additions": "✍️ Đã gửi thêm {count} phần bổ sung.",
    "status_rated_satisfied": "Đánh giá: hài lòng với kết quả.",
    "status_rated_unsatisfied": "Đánh giá: chưa hài lòng với kết quả.",
    # --- Answers, questions and notices, for residents ----------------------------------------
    "resident_correction": (
        "📬 <b>Đính chính trả lời của {committee}</b> về góp ý <code>{code}</code>:"
    ),
    "resident_question": "❓ <b>{committee} xin hỏi thêm về góp ý {code}:</b>",
    "resident_question_footer": (
        "Xin bấm «Bổ sung: trả lời câu hỏi» bên dưới, hoặc trả lời (reply) ngay tin nhắn này."
    ),
    "resident_forwarded": (
        "📨 Góp ý <code>{code}</code> đã được chuyển tới {agency} để xem xét, giải quyết."
    ),
    "resident_rejected_because": (
        "Góp ý <code>{code}</code> đã được xem xét; Ủy ban không tiếp tục xử lý góp ý này.\nLý "
        "do: {reason}\nNếu có thêm thông tin, xin gửi góp ý mới bằng /start."
    ),
    # --- Additions --------------------------------------------------------------------------
    "adding_prompt": (
        "✍️ Xin mời gửi phần bổ sung cho góp ý <code>{code}</code>: viết chữ, gửi ảnh (có "
        "thể gửi nhiều tin). Gửi xong, xin bấm «Gửi phần bổ sung»."
    ),
    "adding_prompt_answer": (
        "✍️ Xin mời trả lời câu hỏi của cán bộ về góp ý <code>{code}</code>: viết chữ, gửi "
        "ảnh (có thể gửi nhiều tin). Gửi xong, xin bấm «Gửi phần bổ sung»."
    ),
    "adding_prompt_dissatisfied": (
        "Xin cảm ơn đã cho biết. Góp ý <code>{code}</code> đã được mở lại để cán bộ xem xét "
        "tiếp.\nNếu muốn, xin viết vài dòng về điều chưa được giải quyết, rồi bấm «Gửi phần "
        "bổ sung»."
    ),
    "addition_received": (
        "✅ Đã chuyển phần bổ sung cho góp ý <code>{code}</code> tới cán bộ. Xin cảm ơn!"
    ),
    "addition_too_long": (
        "Phần bổ sung quá dài (tối đa {max_chars} ký tự) nên chưa được chuyển đi. Xin bấm «Bổ "
        "sung thông tin» và gửi lại ngắn hơn."
    ),
    "addition_rate_limited": (
        "Đã gửi nhiều phần bổ sung trong một giờ qua nên tin này chưa được chuyển đi. Xin gửi lại "
        "sau."
    ),
    "adding_expired": (
        "Tin vừa gửi chưa được chuyển đi vì đã quá thời gian chờ phần bổ sung. Muốn bổ sung, xin "
        "gửi mã tra cứu rồi bấm «Bổ sung thông tin»; muốn gửi góp ý mới, bấm /start."
    ),
    "adding_cancelled": "Đã hủy việc bổ sung. Muốn gửi góp ý mới, bấm /start.",
    "toast_adding_stopped": "Đã hủy bổ sung.",
    # --- Ratings ----------------------------------------------------------------------------
    "toast_thanks": "Xin cảm ơn!",
    "rated_satisfied": "😊 Xin cảm ơn đã đánh giá kết quả giải quyết góp ý <code>{code}</code>.",
    "toast_reopened": "Đã mở lại góp ý.",
    "rating_not_resolved": "Chỉ đánh giá được khi góp ý đã được giải quyết.",
    "rating_rate_limited": "Đã đánh giá nhiều lần trong một giờ qua. Xin thử lại sau.",
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
    "resident_rejected_elsewhere": (
        "Góp ý <code>{code}</code> đã được xem xét; Ủy ban không tiếp tục xử lý góp ý này.\nLý "
        "do: {reason}\nNơi có thẩm quyền giải quyết: {agency}. Xin ông/bà liên hệ trực tiếp "
        "nơi này.\nNếu có thêm thông tin, xin gửi góp ý mới bằng /start."
    ),
    "status_elsewhere": "Nơi có thẩm quyền giải quyết: {agency}",
    "staff_elsewhere": "Nơi có thẩm quyền giải quyết: {agency}",
    "show_history_elsewhere": "   nơi có thẩm quyền: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "toast_result_needed": "Xin cho biết kết quả.",
    "ask_result_prompt": (
        "Kết quả giải quyết góp ý <b>{code}</b>? Người góp ý sẽ đọc đúng câu này. Chọn một "
        "câu, hoặc trả lời (reply) tin này bằng kết quả, viết trong một dòng. Chưa có gì thay "
        "đổi."
    ),
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
    "resident_resolved_with": (
        "✅ Góp ý <code>{code}</code> đã được giải quyết.\nKết quả: {result}\nXin cho biết có "
        "hài lòng với kết quả không:"
    ),
    "status_result": "Kết quả: {result}",
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
    # --- Admin: topics, agencies, templates -----------------------------------------------------
    "usage_topicsla": (
        "Cách dùng: <code>/topicsla &lt;số&gt; &lt;ngày làm việc&gt;</code> (1–365) hoặc "
        "<code>/topicsla &lt;số&gt; default</code>\nVí dụ: <code>/topicsla 8 10</code>"
    ),
    "topicsla_invalid": (
        "«{value}» không phải số ngày làm việc: dùng một số từ 1 đến {most}, hoặc "
        "<code>default</code>."
    ),
    "topicsla_set": (
        "✅ Góp ý về lĩnh vực {number} «{name}» có hạn {days} ngày làm việc (cho góp ý gửi "
        "từ nay)."
    ),
    "topicsla_default": (
        "✅ Lĩnh vực {number} «{name}» dùng hạn chung: {days} ngày làm việc (SLA_DAYS)."
    ),
    "usage_agencies": "Cách dùng: <code>/agencies</code> (không kèm gì thêm)",
    "usage_addagency": (
        "Cách dùng: <code>/addagency &lt;mã&gt; &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addagency dien-luc Điện lực Cam Lộ</code>"
    ),
    "usage_agencygroup": (
        "Cách dùng: <code>/agencygroup &lt;mã&gt; &lt;id nhóm&gt;</code> hoặc "
        "<code>/agencygroup &lt;mã&gt; none</code>\nId nhóm: gửi /groupid trong nhóm đó."
    ),
    "usage_closeagency": "Cách dùng: <code>/closeagency &lt;mã&gt;</code>",
    "usage_openagency": "Cách dùng: <code>/openagency &lt;mã&gt;</code>",
    "agencies_empty": (
        "Chưa có cơ quan nào. Thêm bằng <code>/addagency &lt;mã&gt; &lt;tên&gt;</code>."
    ),
    "agencies_header": "<b>Cơ quan ({count})</b> — mã · tên · trạng thái · nhóm Telegram",
    "agencies_line": "• <code>{code}</code> · {name} · {state} · {group}",
    "agency_group": "nhóm <code>{chat_id}</code>",
    "agency_no_group": "không có nhóm (chuyển bằng phiếu)",
    "agency_added": (
        "✅ Đã thêm cơ quan «{name}», mã <code>{code}</code>. Nếu cơ quan có nhóm Telegram: "
        "thêm bot vào nhóm rồi <code>/agencygroup {code} &lt;id nhóm&gt;</code>."
    ),
    "agency_duplicate": "Đã có cơ quan mã <code>{code}</code> («{name}»). Xin chọn mã khác.",
    "agency_code_invalid": (
        "«{code}» không phải mã cơ quan hợp lệ. Mã gồm 1–32 ký tự <code>[a-z0-9_-]</code>: "
        "chữ thường không dấu, chữ số, gạch ngang hoặc gạch dưới, ví dụ <code>dien-luc</code>."
    ),
    "agency_name_for_code": (
        "«{word}» không phải mã cơ quan, nên cả dòng được hiểu là tên. Mỗi cơ quan cần một mã "
        "ngắn ghi ở đầu, để dùng trong các lệnh khác. Có phải muốn gõ:\n"
        "<code>/addagency {code} {name}</code>\n"
        "(Mã này tạo từ tên; cũng có thể tự đặt mã ngắn hơn, chữ thường không dấu.) Chưa thêm cơ "
        "quan nào."
    ),
    "agency_name_for_code_taken": (
        "«{word}» không phải mã cơ quan, nên cả dòng được hiểu là tên. Mã làm từ tên này là "
        "<code>{code}</code>, nhưng mã đó đã dùng cho cơ quan «{existing}». Ghi một mã khác ở "
        "đầu, ví dụ:\n<code>/addagency {other} {name}</code>\nChưa thêm cơ quan nào."
    ),
    "agency_name_no_code": (
        "«{name}» không có chữ hay số để làm mã cơ quan. Ghi mã ở đầu, ví dụ:\n"
        "<code>/addagency dien-luc {name}</code>\nChưa thêm cơ quan nào."
    ),
    "agency_not_found": "Không có cơ quan mã <code>{code}</code>. Xem danh sách bằng /agencies.",
    "agency_group_invalid": "«{value}» không phải id nhóm (số âm, lấy bằng /groupid trong nhóm).",
    "agency_group_not_in": (
        "Bot chưa ở trong nhóm <code>{chat_id}</code>. Thêm bot vào nhóm rồi thử lại. Cơ quan "
        "«{name}» (<code>{code}</code>) vẫn được giữ như cũ."
    ),
    "agency_group_set": (
        "✅ Góp ý chuyển tới «{name}» sẽ được gửi vào nhóm «{title}» (<code>{chat_id}</code>)."
    ),
    "agency_group_removed": "✅ «{name}» không còn nhóm; góp ý chuyển tới sẽ kèm phiếu chuyển.",
    "agency_closed": "🔒 Cơ quan «{name}» (<code>{code}</code>) không còn trong danh sách chuyển.",
    "agency_opened": "🔓 Cơ quan «{name}» (<code>{code}</code>) có lại trong danh sách chuyển.",
    "usage_templates": "Cách dùng: <code>/templates</code> (không kèm gì thêm)",
    "usage_addtemplate": (
        "Cách dùng: <code>/addtemplate &lt;nội dung trả lời mẫu&gt;</code>\nVí dụ: "
        "<code>/addtemplate Ủy ban đã tiếp nhận và chuyển tới cơ quan chức năng.</code>"
    ),
    "usage_removetemplate": "Cách dùng: <code>/removetemplate &lt;số&gt;</code>",
    "templates_empty": (
        "Chưa có trả lời mẫu. Thêm bằng <code>/addtemplate &lt;nội dung&gt;</code>."
    ),
    "templates_header": "<b>Trả lời mẫu ({count})</b>",
    "templates_line": "{number}. {body}",
    "template_added": "✅ Đã thêm trả lời mẫu số {number}.",
    "template_removed": "✅ Đã bỏ trả lời mẫu số {number}.",
    "template_too_long": "Trả lời mẫu phải có từ 1 đến {most} ký tự.",
    "template_number_invalid": "«{value}» không phải số của trả lời mẫu (xem /templates).",
    "template_not_found": "Không có trả lời mẫu số {number}. Xem /templates.",
    "cmd_topicsla": "Hạn (ngày làm việc) của một lĩnh vực",
    "cmd_agencies": "Danh sách cơ quan nhận chuyển",
    "cmd_addagency": "Thêm cơ quan: /addagency mã tên",
    "cmd_agencygroup": "Nhóm Telegram của cơ quan",
    "cmd_closeagency": "Ngừng chuyển tới một cơ quan",
    "cmd_openagency": "Chuyển lại tới một cơ quan",
    "cmd_templates": "Danh sách trả lời mẫu",
    "cmd_addtemplate": "Thêm trả lời mẫu",
    "cmd_removetemplate": "Bỏ một trả lời mẫu",
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
    "sent_code": (
        "✅ <b>Góp ý đã được gửi.</b> Xin cảm ơn!\n\n"
        "Mã tra cứu: <code>{code}</code>\n"
        "Xin giữ lại mã này. Để xem tình trạng xử lý, bấm «Xem tình trạng» "
        "hoặc gửi <code>/status {code}</code>."
    ),
    "sent_receiving": (
        "🔔 Trả lời của cán bộ về góp ý này sẽ được gửi đến cuộc trò chuyện này. Danh tính "
        "người gửi vẫn được giữ kín. Muốn thôi nhận, bấm «Ngừng nhận trả lời»."
    ),
    "sent_not_receiving": (
        "Trả lời sẽ không được gửi đến đây; có thể xem bất cứ lúc nào bằng «Xem tình trạng». "
        "Nếu đổi ý, xin bấm «Nhận trả lời tại đây»."
    ),
    "btn_stop_receiving": "🔕 Ngừng nhận trả lời",
    "toast_receiving_stopped": "Đã ngừng nhận trả lời tại đây.",
    "receiving_stopped": (
        "🔕 Đã ngừng: trả lời về góp ý <code>{code}</code> sẽ không được gửi đến đây nữa. Vẫn "
        "xem được trả lời bằng <code>/status {code}</code>; muốn nhận lại, bấm «Nhận trả lời "
        "tại đây» dưới kết quả tra cứu."
    ),
    "not_receiving_here": "Trả lời về góp ý này không được gửi đến cuộc trò chuyện này.",
    "receive_rate_limited": (
        "Đã đăng ký nhận trả lời nhiều lần trong một giờ qua. Xin thử lại sau."
    ),
    "btn_send_addition": "📤 Gửi phần bổ sung",
    "addition_kept": (
        "✅ Đã ghi nhận phần bổ sung cho góp ý <code>{code}</code>. Có thể gửi thêm chữ hoặc "
        "ảnh; gửi xong, xin bấm «Gửi phần bổ sung» để chuyển tới cán bộ."
    ),
    "addition_kept_photos_full": "Đã đủ {max_photos} ảnh.",
    "addition_message_too_long": (
        "Tin này làm phần bổ sung dài quá {max_chars} ký tự nên chưa được ghi nhận. Những gì "
        "đã ghi nhận trước vẫn được giữ; xin gửi ngắn hơn, hoặc bấm «Gửi phần bổ sung»."
    ),
    "addition_too_many_photos": (
        "Phần bổ sung chỉ kèm được tối đa {max_photos} ảnh nên ảnh này chưa được ghi nhận. "
        "Xin bấm «Gửi phần bổ sung»; ảnh khác có thể gửi trong lần bổ sung sau."
    ),
    "addition_refused_kept": (
        "Những gì đã ghi nhận trước vẫn được giữ; xin gửi tiếp chữ hoặc ảnh, hoặc bấm «Gửi "
        "phần bổ sung»."
    ),
    "toast_addition_empty": "Chưa có gì để gửi: xin viết chữ hoặc gửi ảnh trước.",
    "addition_send_rate_limited": (
        "Đã gửi nhiều phần bổ sung trong một giờ qua nên phần này chưa được chuyển đi. Nội "
        "dung vẫn được giữ; xin bấm «Gửi phần bổ sung» lại sau."
    ),
    "adding_dropped": "Đã bỏ phần bổ sung đang viết; không có gì được chuyển tới cán bộ.",
    "staff_addition_photos": "🖼 Kèm {count} ảnh (bên dưới).",
    # --- A collected addition is never dropped without a word ------------------------------
    "addition_unsent_other": (
        "Ông/bà còn phần bổ sung cho góp ý <code>{code}</code> chưa gửi. Xin gửi hoặc bỏ phần "
        "đó trước (nút dưới đây); sau đó có thể bổ sung cho góp ý <code>{new_code}</code>."
    ),
    "addition_held_for": (
        "Tin vừa gửi đã được ghi nhận cho góp ý <code>{code}</code>, và sẽ gửi được sau khi "
        "xong phần bổ sung đang viết."
    ),
    "btn_send_addition_of": "📤 Gửi phần bổ sung cho {code}",
    "btn_drop_addition_of": "🗑 Bỏ phần bổ sung cho {code}",
    "btn_keep_addition": "↩️ Không, giữ lại",
    "adding_dropped_of": (
        "Đã bỏ phần bổ sung cho góp ý <code>{code}</code>; không có gì được chuyển tới cán bộ."
    ),
    "adding_drop_confirm": (
        "Bỏ phần bổ sung cho góp ý <code>{code}</code> chưa gửi? Chữ đã viết và ảnh đã gửi "
        "trong phần này sẽ không được chuyển tới cán bộ."
    ),
    "addition_set_aside": (
        "Phần bổ sung cho góp ý <code>{code}</code> chưa được gửi. Nội dung vẫn được giữ: "
        "muốn chuyển tới cán bộ, xin bấm «Gửi phần bổ sung» dưới đây; không cần nữa thì bấm "
        "«Bỏ phần bổ sung»."
    ),
    "addition_swept": (
        "Phần bổ sung cho góp ý <code>{code}</code> chưa được gửi nên đã bị bỏ sau {hours} giờ "
        "không dùng; không có gì được chuyển tới cán bộ. Muốn bổ sung, xin gửi mã tra cứu rồi "
        "bấm «Bổ sung thông tin»."
    ),
    "addition_part_edited": (
        "✏️ Đã cập nhật phần bổ sung cho góp ý <code>{code}</code> theo tin vừa sửa."
    ),
    "addition_edit_too_long": (
        "Tin vừa sửa làm phần bổ sung dài quá {max_chars} ký tự nên vẫn giữ nội dung cũ của "
        "tin đó."
    ),
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
}
