"""English texts of staff reports: digest, stats, open list, export (section of en).

The export files' own words (sheet and columns) are in ``documents_en``.
"""

TEXTS: dict[str, str] = {
    # Shared by the reports
    "report_by_area": "<b>By area</b>",
    "report_by_topic": "<b>By topic</b>",
    "report_by_status": "<b>By status</b>",
    "report_count_line": "• {name}: <b>{count}</b>",
    "report_share_line": "• {name}: <b>{count}</b> ({share}%)",
    "report_continued": "<i>(continued)</i>",
    "report_days_usage": (
        "Usage: <code>/{command} [days]</code>, from 1 to {max_days} days; "
        "{default} days if left out. Example: <code>/{command} 7</code>"
    ),
    # /stats
    "stats_header": (
        "📊 <b>Feedback statistics, past {days} day(s)</b>\n"
        "From {since} to {until}\n"
        "Total: <b>{total}</b>"
    ),
    "stats_empty": "📊 No feedback in the past {days} day(s) (from {since} to {until}).",
    # /open
    "open_mark_overdue": "⏰",
    "open_mark_waiting": "▫️",
    "open_empty": "✅ No feedback is waiting to be resolved.",
    # Digest
    "digest_period": "from {since} to {until}",
    "digest_period_all": "from the start to {until}",
    "digest_header": "📰 <b>Feedback digest – {unit}</b>\nPeriod: {period}",
    "digest_new": "🆕 New feedback: <b>{count}</b>",
    "digest_unresolved": "📌 Unresolved: <b>{count}</b>",
    # Digest chart (plain text drawn in the image)
    "chart_title": "New feedback by topic\n{period}",
    "chart_period": "{since} – {until}",
    "chart_period_all": "until {until}",
    "chart_axis": "Feedback",
    # /export
    "export_caption": (
        "📤 {count} feedback(s) from the past {days} day(s) (since {since}). "
        "The CSV file opens in Excel; the XLSX file is ready formatted."
    ),
    "export_empty": "📤 No feedback in the past {days} day(s) to export.",
}
