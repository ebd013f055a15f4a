"""English texts. Buttons keep their Vietnamese word so that staff guides match."""

TEXTS: dict[str, str] = {
    # Arrival
    # Writing
    # Preview
    # Restart, expiry, stale buttons
    # Status
    "status_new": "New",
    "status_received": "Received",
    "status_in_progress": "In progress",
    "status_forwarded": "Forwarded to the competent authority",
    "status_resolved": "Resolved",
    "status_rejected": "Not handled",
    # Help and language
    # Admin commands (SPEC §6)
    "admin_only": "⛔ This command is for admins only. Nothing was changed.",
    "usage_areas": "Usage: <code>/areas</code> (nothing after it)",
    "usage_renamearea": (
        "Usage: <code>/renamearea &lt;code&gt; &lt;new name&gt;</code>\n"
        "Example: <code>/renamearea kp3 Tổ dân phố 3</code>"
    ),
    "usage_closearea": (
        "Usage: <code>/closearea &lt;code&gt;</code>\nExample: <code>/closearea kp3</code>"
    ),
    "usage_openarea": (
        "Usage: <code>/openarea &lt;code&gt;</code>\nExample: <code>/openarea kp3</code>"
    ),
    "usage_topics": "Usage: <code>/topics</code> (nothing after it)",
    "usage_addtopic": (
        "Usage: <code>/addtopic &lt;name&gt;</code>\n"
        "Example: <code>/addtopic Giao thông, trật tự đô thị</code>"
    ),
    "usage_renametopic": (
        "Usage: <code>/renametopic &lt;number&gt; &lt;new name&gt;</code>\n"
        "/topics shows the numbers. Example: <code>/renametopic 2 Kinh tế, việc làm</code>"
    ),
    "usage_closetopic": (
        "Usage: <code>/closetopic &lt;number&gt;</code>\n/topics shows the numbers."
    ),
    "usage_opentopic": (
        "Usage: <code>/opentopic &lt;number&gt;</code>\n/topics shows the numbers."
    ),
    "area_code_invalid": (
        "«{code}» is not a valid area code. A code is 1–32 characters of "
        "<code>[a-z0-9_-]</code>: lower-case letters without accents, digits, dashes or "
        "underscores, e.g. <code>kp3</code>."
    ),
    "area_duplicate": (
        "There is already an area with the code <code>{code}</code> («{name}»). Choose another "
        "code, or rename that area with /renamearea."
    ),
    "area_not_found": "No area has the code <code>{code}</code>. /areas lists them.",
    "name_invalid": (
        "A name must have 1 to {max_chars} characters; this one has {length}. Nothing was changed."
    ),
    "area_added": (
        "✅ Area «{name}» added with the code <code>{code}</code>.\n"
        "Print its QR code and poster with <code>/qr {code}</code>."
    ),
    "area_renamed": "✅ Area <code>{code}</code> renamed: «{old}» → «{name}».",
    "area_closed": (
        "🔒 Area «{name}» (<code>{code}</code>) no longer takes feedback. Whoever scans its "
        "QR code is told so; feedback already received is kept.\n"
        "Reopen it with <code>/openarea {code}</code>."
    ),
    "area_opened": "🔓 Area «{name}» (<code>{code}</code>) takes feedback again.",
    "areas_header": "<b>Areas ({count})</b> — code · name · state · feedback",
    "areas_line": "• <code>{code}</code> · {name} · {state} · {count} feedback",
    "areas_empty": "No areas yet. Add one with <code>/addarea &lt;code&gt; &lt;name&gt;</code>.",
    "state_open": "taking feedback",
    "state_closed": "closed",
    "topics_empty": "No topics yet. Add one with <code>/addtopic &lt;name&gt;</code>.",
    "topic_number_invalid": "«{value}» is not a topic number. Use a number from /topics.",
    "topic_not_found": "There is no topic number {number}. /topics lists them.",
    "topic_added": "✅ Topic number {number} added: «{name}».",
    "topic_renamed": "✅ Topic number {number} renamed (Vietnamese name): «{old}» → «{name}».",
    "topic_closed": (
        "🔒 Topic number {number} «{name}» is no longer shown to residents; feedback already "
        "filed under it keeps it.\nReopen it with <code>/opentopic {number}</code>."
    ),
    "topic_opened": "🔓 Topic number {number} «{name}» is shown to residents again.",
    "qr_caption": (
        "🏷 QR code of the area «{area}» (<code>{code}</code>)\n"
        "🔗 {link}\n"
        "The A4 poster to print is in the PDF file below."
    ),
    "qr_closed_note": (
        "⚠️ This area is closed: whoever scans the code is told it is not taking feedback. "
        "Reopen it with <code>/openarea {code}</code>."
    ),
    "qr_poster_caption": "🖨 A4 poster – {area}",
    "qr_failed": "The QR code could not be made: {reason}",
    # Command menus (descriptions shown by Telegram next to each command)
    "cmd_open": "Unresolved feedback, oldest first",
    "cmd_show": "All of one feedback: /show CODE",
    "cmd_stats": "Counts by area, topic and status",
    "cmd_digest": "The digest, now",
    "cmd_export": "CSV and Excel export: /export [days]",
    "cmd_addarea": "Add an area: /addarea code name",
    "cmd_areas": "List the areas",
    "cmd_renamearea": "Rename an area: /renamearea code name",
    "cmd_closearea": "Stop taking feedback from an area",
    "cmd_openarea": "Reopen an area",
    "cmd_topics": "List the topics",
    "cmd_addtopic": "Add a topic: /addtopic name",
    "cmd_renametopic": "Rename a topic: /renametopic number name",
    "cmd_closetopic": "Hide a topic from residents",
    "cmd_opentopic": "Show a topic again",
    # Staff group: notifications, status, replies
    "staff_status": "📌 Status: <b>{status}</b>",
    "staff_status_by": "📌 Status: <b>{status}</b> — {who}, {time}",
    "staff_hint": (
        "↩️ Reply to this message to draft an answer to the resident;"
        " start with /note for an internal note."
    ),
    "staff_status_set": "Status set: {status}",
    "staff_note_saved": "📝 Internal note saved for {code} (the resident does not see it).",
    "staff_reply_empty": (
        "Please answer with text. Start with /note or #note for an internal note."
    ),
    "staff_feedback_gone": "This feedback is no longer in the system.",
    "staff_reply_blocked": (
        "⚠️ The answer for {code} could not be delivered: the resident blocked the bot. "
        "It can still be read with /status {code}."
    ),
    "staff_reply_failed": (
        "⚠️ The answer for {code} could not be delivered ({error}). "
        "It can still be read with /status {code}."
    ),
    "staff_only": "⛔ This command is for the staff group only. To send feedback, tap /start.",
    "show_usage": "Usage: <code>/show CODE</code>, e.g. <code>/show GY-7Q2K9M4T</code>",
    "show_history": "<b>Status history</b>",
    "show_history_line": "• {time} — {status}",
    "show_history_line_by": "• {time} — {status} ({who})",
    "show_responses": "<b>Answers and notes</b>",
    "show_no_responses": "No answers or notes yet.",
    "show_reply": "💬 <i>{time}, {author}</i> — public{delivery}",
    "show_note": "📝 <i>{time}, {author}</i> — internal note",
    "delivery_pending": ", being delivered to the resident",
    "delivery_delivered": ", delivered to the resident",
    "delivery_blocked": ", the resident blocked the bot",
    "delivery_failed": ", could not be delivered",
    # To residents who asked for replies
    # To admins, when the bot cannot deliver to the staff group
    "admin_delivery_failed": (
        "⚠️ The bot cannot deliver to the staff group: {error}. The message is kept in the "
        "database. Check that the bot is still in the group and STAFF_CHAT_ID is right."
    ),
    "admin_chat_migrated": (
        "⚠️ The staff group's id changed to <code>{new_id}</code>. Set "
        "<code>STAFF_CHAT_ID={new_id}</code> in .env and restart the bot."
    ),
    # The staff group refusing the bot, and /resend
    "admin_staff_blocked": (
        "⚠️ The staff group does not take the bot's messages at the moment ({error}). New "
        "feedback is still stored and goes to the group, in order, as soon as the bot can "
        "post again: add the bot back to the group or let it send messages. See what waits "
        "with /resend."
    ),
    "admin_staff_back": "✅ The bot can post to the staff group again; what waited is being sent.",
    "usage_resend": "Usage: <code>/resend</code> (nothing after it)",
    "resend_none": "✅ Telegram refused no message. Everything has been delivered.",
    "resend_header": (
        "<b>Undelivered messages ({count})</b> — number · kind · code · state · error"
    ),
    "resend_line": "• #{number} · {what} · {code} · {state} · {error}",
    "resend_failed": "refused for good",
    "resend_waiting": "waiting to be tried again",
    "resend_done": "🔁 {count} messages queued to be sent again.",
    "btn_resend": "🔁 Send them all again",
    "outbox_kind_notify_staff": "feedback card",
    "outbox_kind_staff_part": "rest of a card",
    "outbox_kind_staff_photos": "photos of a feedback",
    "outbox_kind_staff_text": "message to the staff group",
    "outbox_kind_staff_photo": "digest chart",
    "outbox_kind_resident_reply": "answer to a resident",
    "outbox_kind_resident_status": "notice to a resident",
    "outbox_kind_admin_text": "message to an admin",
    "outbox_kind_staff_location": "location of a feedback",
    "outbox_kind_staff_published": "confirmation of a sent answer",
    "outbox_kind_staff_addition": "a resident's addition",
    "outbox_kind_staff_notice": "notice to the staff group",
    "outbox_kind_agency_card": "card to an agency",
    "outbox_kind_agency_part": "rest of a card to an agency",
    "outbox_kind_agency_photos": "photos to an agency",
    "cmd_resend": "Undelivered messages, send again",
    # /groupid in a group, by an admin
    "group_id": (
        "🆔 Group «{title}»: <code>{chat_id}</code>\n"
        "Type: {type} · {members} members\n"
        "To make this the staff group, set <code>STAFF_CHAT_ID={chat_id}</code> in .env and "
        "restart the bot."
    ),
    "group_id_staff": (
        "🆔 Group «{title}»: <code>{chat_id}</code>\n"
        "Type: {type} · {members} members\n"
        "✅ This is the bot's staff group (STAFF_CHAT_ID)."
    ),
    # Surges: several feedbacks packed into one message
    "batch_header": "📮 <b>{count} new feedbacks</b> — packed together because many came at once.",
    "batch_item": "<b>{code}</b> · {area} · {topic} · {time}",
    "batch_photos": "🖼 Photos: {photos}",
    "batch_footer": "Tap a code to open the whole feedback, with status buttons, ready to answer.",
    "batch_reply": (
        "This message packs several feedbacks. Tap a code under it to open one, then reply there."
    ),
    "btn_open_card": "📂 {code}",
    # Buttons
}
