"""Vietnamese texts of the committee's desk: /find, /open in pages, the rates of /stats and
the digest, /report, and the export's joined columns (section of vi).

Keys starting with ``letterhead_`` and ``report_doc_`` are plain text for documents, and
``export_`` ones plain text for the export files: the bot unescapes them before use.
"""

TEXTS: dict[str, str] = {
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
    # /report: the committee on the letterhead (plain text)
    "letterhead_board": "BAN THƯỜNG TRỰC",
    "letterhead_front": "ỦY BAN MTTQ VIỆT NAM",
    "letterhead_committee": "Ban Thường trực Ủy ban MTTQ Việt Nam {unit}",
    "report_doc_recipient_superior": "Ban Thường trực Ủy ban MTTQ Việt Nam cấp trên",
    "report_doc_recipient_local": "Đảng ủy, HĐND, UBND {unit}",
    "report_doc_agency_unknown": "(không ghi cơ quan)",
    # /export: answers, notes, additions and the rating (plain text)
    "export_answer": "{time}: {body}",
    "export_note": "{time} ({author}): {body}",
    "export_addition": "{time}: {body}",
    "export_photo": "[ảnh]",
    "export_satisfied": "Hài lòng",
    "export_dissatisfied": "Chưa hài lòng",
    # Command menus
    "cmd_find": "Tìm góp ý theo từ: /find từ khóa",
    "cmd_mine": "Góp ý tôi đang nhận xử lý",
    "cmd_report": "Báo cáo tháng hoặc quý (DOCX, PDF): /report 2026-11",
    "cmd_extend": "Gia hạn giải quyết một góp ý: /extend mã số-ngày lý do",
}
