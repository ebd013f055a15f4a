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
    "open_mark_overdue": "⏰",
    "open_mark_waiting": "▫️",
    "open_empty": "✅ Không có góp ý nào đang chờ giải quyết.",
    # Digest
    "digest_period": "từ {since} đến {until}",
    "digest_period_all": "từ đầu đến {until}",
    "digest_header": "📰 <b>Bản tin góp ý – {unit}</b>\nKỳ báo cáo: {period}",
    "digest_new": "🆕 Góp ý mới: <b>{count}</b>",
    "digest_unresolved": "📌 Chưa giải quyết: <b>{count}</b>",
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
