"""English texts. Buttons keep their Vietnamese word so that staff guides match."""

TEXTS: dict[str, str] = {
    # Arrival
    "choose_area": (
        "🏛 <b>Suggestion box – {unit}</b>\n"
        "The Fatherland Front listens to the people.\n\n"
        "Which area are you in? Tap the name of your area:"
    ),
    "unknown_area": (
        "No area has the code «{code}». The QR code may be out of date.\nPlease choose your area:"
    ),
    "malformed_area": "The area code in the link is not valid.\nPlease choose your area:",
    "closed_area": (
        "The area «{area}» is not taking feedback through this QR code at the moment.\n"
        "You can choose another area:"
    ),
    "no_open_areas": (
        "No area is taking feedback at the moment. Please come back later. "
        "You can still look up feedback you sent with /status and its reference code."
    ),
    "greeting": (
        "🏛 <b>Suggestion box – {unit}</b>\n"
        "Area: <b>{area}</b>\n\n"
        "🔒 Your feedback is <b>anonymous</b>: staff see only the text, the topic and the "
        "area; never your name, username or account.\n\n"
        "What is your feedback about? Tap a button:"
    ),
    "no_open_topics": "No topic is taking feedback at the moment. Please come back later.",
    "choose_topic_again": "Please choose a topic by tapping a button:",
    "kept_before_topic": "Your text is kept. Now please choose a topic:",
    # Writing
    "write_prompt": (
        "Topic: <b>{topic}</b>\n\n"
        "✍️ Write your feedback and send it as an ordinary message. "
        "You may send several messages and up to {max_photos} photos.\n"
        "When you are done, tap «Review and send»."
    ),
    "write_prompt_with_content": (
        "Topic: <b>{topic}</b>\n\n"
        "So far: {chars}/{max_chars} characters, {photos}/{max_photos} photos. "
        "Write more if you like, or tap «Review and send»."
    ),
    "received": (
        "Got it: {chars}/{max_chars} characters, {photos}/{max_photos} photos.\n"
        "Write more if you like, or tap «Review and send»."
    ),
    "too_long": (
        "That is too long: at most {max_chars} characters for the whole feedback. "
        "You have {current} characters and this message adds {incoming}. "
        "This message was not kept; please send something shorter."
    ),
    "too_many_photos": "At most {max_photos} photos. This photo was not kept.",
    "voice_refused": (
        "Voice messages are not accepted, because a voice can reveal who you are. "
        "Please write your feedback, with photos if needed."
    ),
    "content_refused": (
        "{kind} cannot be accepted. Only text and photos (at most {max_photos}) are."
    ),
    "kind_sticker": "Stickers",
    "kind_video": "Videos",
    "kind_audio": "Audio files",
    "kind_location": "Locations",
    "kind_contact": "Contacts",
    "kind_document": "Files",
    "kind_animation": "Animations",
    "kind_poll": "Polls",
    "kind_other": "This kind of message",
    "empty_draft": "You have not written anything yet. Please send your feedback first.",
    # Preview
    "preview": (
        "<b>Review your feedback</b> — staff will see exactly this:\n"
        "────────────\n"
        "{card}\n"
        "────────────\n"
        "Tap «Send» to send it, «Edit» to rewrite it, «Cancel» to drop it."
    ),
    "card": ("📮 <b>Feedback {code}</b>\n📍 Area: {area}\n🏷 Topic: {topic}\n🕒 {time}\n\n{body}"),
    "card_photos": "\n\n🖼 {photos} photo(s) attached.",
    "card_code_pending": "(code given on sending)",
    "card_time_pending": "(time of sending)",
    "edit_prompt": (
        "Your text was cleared. Please write your feedback again (topic: <b>{topic}</b>)."
    ),
    "cancelled": "Cancelled. Nothing was sent.\nTo send feedback, tap /start.",
    "nothing_to_cancel": "You are not writing any feedback. To send feedback, tap /start.",
    "send_failed_area_closed": (
        "This area has just stopped taking feedback, so nothing was sent. Your text is kept: "
        "choose another area or tap /cancel."
    ),
    "send_failed_topic_closed": (
        "This topic has just stopped taking feedback, so nothing was sent. Choose another topic:"
    ),
    "feedback_rate_limited": (
        "You have sent {limit} feedbacks in the past hour. This one is kept; "
        "please tap «Send» again in a few minutes."
    ),
    # Restart, expiry, stale buttons
    "restart_confirm": "You are in the middle of writing feedback. Drop it and start again?",
    "draft_expired": (
        "⌛ The feedback you were writing was dropped after {minutes} minutes without activity. "
        "Nothing was sent."
    ),
    "stale_button": "This button is out of date. Please use the latest message.",
    "outside_draft": (
        "To send feedback, scan your area's QR code or choose your area below. "
        "To look up feedback you sent, send /status with its reference code."
    ),
    "edited_ignored": (
        "Edited messages are not taken. To change your feedback, tap «Review and send», "
        "then «Edit»."
    ),
    "error": (
        "Sorry, something went wrong. Any feedback you were writing is kept; please try again. "
        "If it keeps failing, tap /cancel and then /start."
    ),
    # Status
    "status_usage": (
        "Send the reference code after the command, e.g. <code>/status GY-7Q2K9M4T</code>"
    ),
    "status_invalid": (
        "«{code}» is not a reference code. Codes look like <code>GY-7Q2K9M4T</code>: "
        "2 letters, a dash, 8 characters."
    ),
    "status_not_found": "No feedback has the code <code>{code}</code>. Please check it.",
    "status_rate_limited": "Too many look-ups in the past hour. Please try again later.",
    "status_view": (
        "📮 <b>Feedback {code}</b>\n"
        "🏷 Topic: {topic}\n"
        "📍 Area: {area}\n"
        "🕒 Sent: {created}\n"
        "📌 Status: <b>{status}</b> (updated {changed})"
    ),
    "status_no_replies": "No answer yet.",
    "status_replies_header": "<b>Answers from {unit}:</b>",
    "status_reply": "💬 <i>{time}</i>",
    "status_new": "New",
    "status_received": "Received",
    "status_in_progress": "In progress",
    "status_forwarded": "Forwarded to the competent authority",
    "status_resolved": "Resolved",
    "status_rejected": "Not handled",
    # Help and language
    "help": (
        "<b>Suggestion box – {unit}</b>\n\n"
        "1️⃣ Scan your area's QR code (or tap /start and choose your area).\n"
        "2️⃣ Tap a topic.\n"
        "3️⃣ Write your feedback, with up to {max_photos} photos. Tap «Review and send», "
        "then «Send».\n"
        "4️⃣ Keep the reference code. Send <code>/status CODE</code> to see its status and "
        "answers.\n\n"
        "🔒 Feedback is anonymous: staff see only the text, the topic and the area; never your "
        "name, username or account. Voice messages are not accepted because a voice can "
        "reveal who you are.\n\n"
        "/cancel — drop the feedback you are writing\n"
        "/language — change language (Tiếng Việt / English)"
    ),
    "language_prompt": "Chọn ngôn ngữ / Choose your language:",
    "language_set": "Language set to English.",
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
    "cmd_start": "Send feedback",
    "cmd_status": "Look up feedback by its reference code",
    "cmd_open": "Unresolved feedback, oldest first",
    "cmd_show": "All of one feedback: /show CODE",
    "cmd_stats": "Counts by area, topic and status",
    "cmd_digest": "The digest, now",
    "cmd_export": "CSV and Excel export: /export [days]",
    "cmd_help": "How it works",
    "cmd_language": "Đổi ngôn ngữ / Change language",
    "cmd_cancel": "Drop the feedback you are writing",
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
    "staff_hint": "↩️ Reply to this message to answer; start with /note for an internal note.",
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
    "staff_only": "⛔ This command is for the staff group only. Nothing was changed.",
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
    "resident_reply_footer": "See its status: <code>/status {code}</code>",
    "resident_reply": ("📬 <b>Answer to feedback {code}</b> from {unit}:"),
    "resident_resolved": (
        "✅ Feedback <code>{code}</code> has been resolved. Details: <code>/status {code}</code>"
    ),
    "resident_rejected": (
        "Feedback <code>{code}</code> was reviewed and is outside what the committee handles. "
        "Details: <code>/status {code}</code>"
    ),
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
    "batch_photos": "🖼 {photos} photo(s)",
    "batch_footer": "Tap a code to open the whole feedback, with status buttons, ready to answer.",
    "batch_reply": (
        "This message packs several feedbacks. Tap a code under it to open one, then reply there."
    ),
    "btn_open_card": "📂 {code}",
    # Buttons
    "btn_preview": "👀 Review and send",
    "btn_send": "✅ Send · Gửi",
    "btn_edit": "✏️ Edit · Sửa",
    "btn_cancel": "❌ Cancel · Hủy",
    "btn_restart_yes": "🗑 Drop it and start again",
    "btn_restart_no": "↩️ Keep writing",
    "btn_lang_vi": "🇻🇳 Tiếng Việt",
    "btn_lang_en": "🇬🇧 English",
}
