"""Vietnamese texts of staff reports: digest, stats, open list, export (section of vi).

The export files' own words (sheet and columns) are in ``documents_vi``.
"""

TEXTS: dict[str, str] = {
    # Shared by the reports
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
    "open_header": (
        "📋 <b>Góp ý chưa giải quyết: {total}</b>\n"
        "Cũ nhất trước · ⏰ quá hạn (chờ hơn {sla_days} ngày) · "
        "xem chi tiết: <code>/show MÃ</code>"
    ),
    "open_line": (
        "{mark} <code>{code}</code> · {date} · {age} · {area} · {topic} · <i>{status}</i>"
    ),
    "open_mark_overdue": "⏰",
    "open_mark_waiting": "▫️",
    "open_age_days": "chờ {days} ngày",
    "open_age_fresh": "chờ dưới 1 ngày",
    "open_more": "… và {more} góp ý khác (chỉ hiện {shown} góp ý cũ nhất).",
    "open_empty": "✅ Không có góp ý nào đang chờ giải quyết.",
    # Digest
    "digest_period": "từ {since} đến {until}",
    "digest_period_all": "từ đầu đến {until}",
    "digest_header": "📰 <b>Bản tin góp ý – {unit}</b>\nKỳ báo cáo: {period}",
    "digest_new": "🆕 Góp ý mới: <b>{count}</b>",
    "digest_unresolved": "📌 Chưa giải quyết: <b>{count}</b>",
    "digest_overdue": "⏰ Quá hạn (chờ hơn {sla_days} ngày): <b>{count}</b>",
    "digest_overdue_none": "⏰ Không có góp ý quá hạn (chờ hơn {sla_days} ngày).",
    "digest_overdue_more": "… và {more} mã khác — xem /open",
    "digest_quiet": (
        "📰 <b>Bản tin góp ý – {unit}</b>: không có góp ý mới {period}. "
        "Chưa giải quyết: {unresolved}; quá hạn (chờ hơn {sla_days} ngày): {overdue}."
    ),
    # Digest chart (plain text drawn in the image)
    "chart_title": "Góp ý mới theo lĩnh vực\n{period}",
    "chart_period": "{since} – {until}",
    "chart_period_all": "đến {until}",
    "chart_axis": "Số góp ý",
    # /export
    "export_caption": (
        "📤 {count} góp ý trong {days} ngày qua (từ {since}). "
        "Tệp CSV mở được bằng Excel; tệp XLSX đã định dạng sẵn."
    ),
    "export_empty": "📤 Không có góp ý nào trong {days} ngày qua để xuất.",
}
