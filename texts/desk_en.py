"""English texts of the committee's desk: /find, /open in pages, the rates of /stats and
the digest, /report, and the export's joined columns (section of en).

Keys starting with ``letterhead_`` and ``report_doc_`` are plain text for documents, and
``export_`` ones plain text for the export files: the bot unescapes them before use.
"""

TEXTS: dict[str, str] = {
    # /find
    "find_usage": (
        "Usage: <code>/find words</code>, e.g. <code>/find dien luc</code>.\n"
        "Searches feedback texts, answers, notes and residents' additions, ignoring case "
        "and Vietnamese diacritics."
    ),
    "find_header": "🔎 «{words}»: <b>{total}</b> feedback(s), newest first",
    "find_header_many": (
        "🔎 «{words}»: more than <b>{total}</b> feedbacks, newest first. "
        "Add a word to narrow it down."
    ),
    "find_line": (
        "• <code>{code}</code> · {date} · {area} · {topic} · <i>{status}</i>\n"
        "   {where}: {snippet}"
    ),
    "find_in_feedback": "text",
    "find_in_reply": "answer",
    "find_in_question": "question",
    "find_in_note": "note",
    "find_in_addition": "addition",
    "find_more": "… and {more} more. Add a word to narrow it down.",
    "find_left_out": "(Searched for the first {used} words only; {left_out} more left out.)",
    "find_none": "🔎 No feedback contains «{words}».",
    # /open in pages
    "backlog_usage": (
        "Usage: <code>/open</code> (all), <code>/open area_code</code> "
        "(e.g. <code>/open kp3</code>), <code>/open overdue</code> or "
        "<code>/open mine</code> (feedback you handle)."
    ),
    "backlog_header_all": "📋 <b>Unresolved feedback: {total}</b>",
    "backlog_header_area": "📋 <b>Unresolved feedback in {area}: {total}</b>",
    "backlog_header_overdue": "📋 <b>Overdue unresolved feedback: {total}</b>",
    "backlog_header_mine": "📋 <b>Feedback handled by {officer}: {total}</b>",
    "backlog_page": (
        "Page {page} · items {first}–{last} · oldest first · ⏰ overdue · "
        "details: <code>/show CODE</code>"
    ),
    "backlog_line": (
        "{mark} <code>{code}</code> · {date} · {area} · {topic} · <i>{status}</i>\n"
        "      {due} · {handler}\n"
        "      <i>«{excerpt}»</i>"
    ),
    "backlog_due": "due {due}",
    "backlog_late": "⏰ {days} working day(s) overdue (due {due})",
    "backlog_late_days_off": "⏰ overdue (due {due})",
    "backlog_no_due": "no due date",
    "backlog_handler": "👤 {handler}",
    "backlog_no_handler": "nobody has taken it on",
    "backlog_empty_area": "✅ No unresolved feedback in {area}.",
    "backlog_empty_overdue": "✅ No feedback is overdue.",
    "backlog_empty_mine": (
        "You ({officer}) handle no unresolved feedback. Take one on with the button on its card."
    ),
    "backlog_unknown_area": (
        "No area has the code <code>{code}</code>. Send <code>/open</code> to see all "
        "unresolved feedback."
    ),
    "backlog_no_more": "That was the end of the list. Send /open to start again.",
    "btn_backlog_next": "Next page ▶️ (page {page})",
    # /stats: how the period turned out
    "stats_on_time": "⏱ Resolved on time: <b>{rate}</b> ({on_time}/{resolved} resolved)",
    "stats_on_time_none": "⏱ Resolved on time: nothing resolved yet.",
    "stats_satisfaction": "🙂 Residents satisfied: <b>{rate}</b> ({satisfied}/{ratings} ratings)",
    "stats_satisfaction_none": "🙂 Residents satisfied: no ratings yet.",
    # The digest: deadlines and ratings
    "digest_overdue_now": "⏰ Overdue: <b>{count}</b>",
    "digest_overdue_now_none": "⏰ Nothing is overdue.",
    "digest_due_soon": "📅 Due within 2 working days (by the end of {day}): <b>{count}</b>",
    "digest_due_soon_none": "📅 Nothing falls due within 2 working days (by the end of {day}).",
    "digest_codes_more": "… and {more} more codes — see /open",
    "digest_ratings": "⭐ Residents' ratings: {satisfied} satisfied, {dissatisfied} not satisfied",
    "digest_ratings_none": "⭐ No new ratings.",
    "digest_dissatisfied": "Not satisfied:",
    "digest_quiet_desk": (
        "📰 <b>Feedback digest – {unit}</b>: no new feedback {period}. "
        "Unresolved: {unresolved}; overdue: {overdue}; "
        "due within 2 working days: {due_soon}."
    ),
    # /report
    "period_report_usage": (
        "Usage: <code>/report</code> (last month), <code>/report 2026-11</code> "
        "(a month) or <code>/report 2026-Q4</code> (a quarter)."
    ),
    "period_report_future": (
        "The period {period} has not begun yet. Choose a month or quarter that is over or "
        "under way."
    ),
    "period_report_caption": (
        "📄 Report, {period}: {received} received, {resolved} resolved, {rejected} not "
        "handled, {open} in progress. The DOCX is for editing and signing, the PDF for "
        "printing."
    ),
    "period_report_caption_empty": (
        "📄 Report, {period}: no feedback was received in the period. The report is made all "
        "the same, for the record."
    ),
    "period_report_so_far": "(as of {day})",
    # /report: the committee on the letterhead (plain text)
    "letterhead_board": "STANDING BOARD",
    "letterhead_front": "VIETNAM FATHERLAND FRONT COMMITTEE",
    "letterhead_committee": (
        "The Standing Board of the Vietnam Fatherland Front Committee of {unit}"
    ),
    "report_doc_recipient_superior": (
        "The Standing Board of the Fatherland Front Committee above"
    ),
    "report_doc_recipient_local": (
        "The Party Committee, People's Council and People's Committee of {unit}"
    ),
    "report_doc_agency_unknown": "(agency not recorded)",
    # /export: answers, notes, additions and the rating (plain text)
    "export_answer": "{time}: {body}",
    "export_note": "{time} ({author}): {body}",
    "export_addition": "{time}: {body}",
    "export_photo": "[photo]",
    "export_satisfied": "Satisfied",
    "export_dissatisfied": "Not satisfied",
    # Command menus
    "cmd_find": "Search feedback by words: /find words",
    "cmd_mine": "Feedback I have taken on",
    "cmd_report": "Monthly or quarterly report (DOCX, PDF): /report 2026-11",
    "cmd_extend": "Extend one feedback's deadline: /extend code days reason",
}
