"""English texts an admin reads while setting the bot up and keeping it running (the same
keys as ``texts.vi.admin``). Buttons keep their Vietnamese word so that staff guides match.
"""

TEXTS: dict[str, str] = {
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
    # --- Admin: topics, agencies, templates -----------------------------------------------------
    "usage_topicsla": (
        "Usage: <code>/topicsla &lt;number&gt; &lt;working days&gt;</code> (1–365) or "
        "<code>/topicsla &lt;number&gt; default</code>\nExample: <code>/topicsla 8 10</code>"
    ),
    "topicsla_invalid": (
        "«{value}» is not a number of working days: use a number from 1 to {most}, or "
        "<code>default</code>."
    ),
    "topicsla_set": (
        "✅ Feedback on topic {number} «{name}» is due in {days} working days (for feedback "
        "sent from now on)."
    ),
    "topicsla_default": (
        "✅ Topic {number} «{name}» uses the common deadline: {days} working days (SLA_DAYS)."
    ),
    "usage_agencies": "Usage: <code>/agencies</code> (nothing after it)",
    "usage_addagency": (
        "Usage: <code>/addagency &lt;code&gt; &lt;name&gt;</code>\n"
        "Example: <code>/addagency dien-luc Điện lực Cam Lộ</code>"
    ),
    "usage_agencygroup": (
        "Usage: <code>/agencygroup &lt;code&gt; &lt;group id&gt;</code> or "
        "<code>/agencygroup &lt;code&gt; none</code>\nGroup id: send /groupid in that group."
    ),
    "usage_closeagency": "Usage: <code>/closeagency &lt;code&gt;</code>",
    "usage_openagency": "Usage: <code>/openagency &lt;code&gt;</code>",
    "agencies_empty": (
        "No agency yet. Add one with <code>/addagency &lt;code&gt; &lt;name&gt;</code>."
    ),
    "agencies_header": "<b>Agencies ({count})</b> — code · name · state · Telegram group",
    "agencies_line": "• <code>{code}</code> · {name} · {state} · {group}",
    "agency_group": "group <code>{chat_id}</code>",
    "agency_no_group": "no group (forwarded with a slip)",
    "agency_added": (
        "✅ Agency «{name}» added, code <code>{code}</code>. If it has a Telegram group: add "
        "the bot to it, then <code>/agencygroup {code} &lt;group id&gt;</code>."
    ),
    "agency_duplicate": (
        "Agency <code>{code}</code> exists already («{name}»). Choose another code."
    ),
    "agency_code_invalid": (
        "«{code}» is not a valid agency code. A code is 1–32 characters of "
        "<code>[a-z0-9_-]</code>: lower-case letters without accents, digits, hyphens or "
        "underscores, e.g. <code>dien-luc</code>."
    ),
    "agency_name_for_code": (
        "«{word}» is not an agency code, so the whole line was read as a name. Each agency "
        "needs a short code first, used by the other commands. Did you mean:\n"
        "<code>/addagency {code} {name}</code>\n"
        "(The code is made from the name; a shorter one, lower case without accents, works "
        "too.) No agency was added."
    ),
    "agency_name_for_code_taken": (
        "«{word}» is not an agency code, so the whole line was read as a name. The code made "
        "from it is <code>{code}</code>, but that code belongs to the agency «{existing}». "
        "Put another code first, e.g.:\n<code>/addagency {other} {name}</code>\n"
        "No agency was added."
    ),
    "agency_name_no_code": (
        "«{name}» has no letter or digit to make an agency code from. Put a code first, "
        "e.g.:\n<code>/addagency dien-luc {name}</code>\nNo agency was added."
    ),
    "agency_not_found": "No agency has the code <code>{code}</code>. See /agencies.",
    "agency_group_invalid": (
        "«{value}» is not a group id (a negative number, from /groupid in the group)."
    ),
    "agency_group_not_in": (
        "The bot is not in group <code>{chat_id}</code>. Add it to the group and try again. "
        "Agency «{name}» (<code>{code}</code>) is kept as it was."
    ),
    "agency_group_set": (
        "✅ Feedback forwarded to «{name}» will go to the group «{title}» "
        "(<code>{chat_id}</code>)."
    ),
    "agency_group_removed": "✅ «{name}» has no group now; forwarded feedback comes with a slip.",
    "agency_closed": "🔒 Agency «{name}» (<code>{code}</code>) is off the forwarding list.",
    "agency_opened": "🔓 Agency «{name}» (<code>{code}</code>) is back on the forwarding list.",
    "usage_templates": "Usage: <code>/templates</code> (nothing after it)",
    "usage_addtemplate": (
        "Usage: <code>/addtemplate &lt;the standard answer&gt;</code>\nExample: "
        "<code>/addtemplate The committee has passed this to the competent body.</code>"
    ),
    "usage_removetemplate": "Usage: <code>/removetemplate &lt;number&gt;</code>",
    "templates_empty": (
        "No standard answers yet. Add one with <code>/addtemplate &lt;text&gt;</code>."
    ),
    "templates_header": "<b>Standard answers ({count})</b>",
    # Staff read it too, under «Trả lời mẫu»; the main reader is the admin.
    "templates_line": "{number}. {body}",
    "template_added": "✅ Standard answer {number} added.",
    "template_removed": "✅ Standard answer {number} removed.",
    "template_too_long": "A standard answer has 1 to {most} characters.",
    "template_number_invalid": (
        "«{value}» is not the number of a standard answer (see /templates)."
    ),
    "template_not_found": "There is no standard answer {number}. See /templates.",
    "cmd_topicsla": "Working days allowed for a topic",
    "cmd_agencies": "Agencies feedback can be forwarded to",
    "cmd_addagency": "Add an agency: /addagency code name",
    "cmd_agencygroup": "An agency's Telegram group",
    "cmd_closeagency": "Stop forwarding to an agency",
    "cmd_openagency": "Forward to an agency again",
    "cmd_templates": "Standard answers",
    "cmd_addtemplate": "Add a standard answer",
    "cmd_removetemplate": "Remove a standard answer",
    # The staff group upgraded to a supergroup (to the admins, once)
    "admin_staff_moved": (
        "ℹ️ Telegram upgraded the staff group to a supergroup; its new id is "
        "<code>{new_id}</code> (old id <code>{old_id}</code>). The bot has moved there by "
        "itself: waiting feedback goes there, nothing is lost. Please set "
        "<code>STAFF_CHAT_ID={new_id}</code> in the .env file for the next start."
    ),
    # Command menus
    "cmd_addareas": "Add many areas at once, one per line",
    "cmd_qr": "QR code and A4 poster; /qr all: every area's poster",
    "cmd_topiclabel": "A topic's emoji and short label on its button",
    "cmd_topicname_en": "A topic's full English name",
    "cmd_topicorder": "The order residents see the topics in",
    # Usage lines
    "usage_addarea": (
        "Usage: <code>/addarea &lt;code&gt; &lt;name&gt;</code>\n"
        "Example: <code>/addarea kp3 Khu phố 3</code>\n"
        "Many areas at once: /addareas"
    ),
    "usage_addareas": (
        "Usage: <code>/addareas</code>, a new line, then one area per line: a code and a "
        "name, or a name alone (its code is made from the name). Example:\n"
        "<pre>/addareas\nkp1 Khu phố 1\nKhu phố 2\nThôn Tân Định</pre>\n"
        "At most {most} lines at a time. If any line is wrong no area is added, and the "
        "answer names every wrong line."
    ),
    "usage_qr": (
        "Usage: <code>/qr &lt;code&gt;</code> for one area, or <code>/qr all</code> for the "
        "posters of every area taking feedback, in one PDF.\n"
        "Add <code>en</code> at the end for an English line under each Vietnamese one, "
        "<code>vi</code> for Vietnamese only (the default follows DEFAULT_LANGUAGE: {default}).\n"
        "Examples: <code>/qr kp3</code>, <code>/qr all en</code>"
    ),
    "usage_topiclabel": (
        "Usage:\n"
        "<code>/topiclabel &lt;number&gt; &lt;emoji&gt; &lt;short label&gt;</code> — the "
        "emoji and the Vietnamese label on the button\n"
        "<code>/topiclabel &lt;number&gt; en &lt;short label&gt;</code> — the English label\n"
        "Labels have at most {most} characters. Put <code>-</code> instead of the emoji for "
        "none. /topics shows the numbers.\n"
        "Examples: <code>/topiclabel 2 💼 Việc làm, đời sống</code>, "
        "<code>/topiclabel 2 en Daily life</code>"
    ),
    "usage_topicname_en": (
        "Usage: <code>/topicname_en &lt;number&gt; &lt;English name&gt;</code>\n"
        "/topics shows the numbers. Example: <code>/topicname_en 2 Economy and livelihoods</code>"
    ),
    "usage_topicorder": (
        "Usage: <code>/topicorder &lt;number&gt; &lt;number&gt; …</code> — the number of "
        "every open topic, each once, in the order residents should see them. «Khác» (Other) "
        "always comes last.\n"
        "The order now, to edit and send back:\n<code>/topicorder {numbers}</code>"
    ),
    # /addarea with a name where the code belongs
    "area_code_reserved": (
        "The code <code>all</code> belongs to <code>/qr all</code> (every area's poster). "
        "Choose another code. Nothing was changed."
    ),
    "area_name_for_code": (
        "«{word}» is not an area code, so the whole line was read as a name. Did you mean:\n"
        "<code>/addarea {code} {name}</code>\n"
        "(The code is made from the name; a shorter one, lower case without accents, works "
        "too.) No area was added."
    ),
    "area_name_for_code_taken": (
        "«{word}» is not an area code, so the whole line was read as a name. The code made "
        "from it is <code>{code}</code>, but that code belongs to the area «{existing}». Put "
        "another code first, e.g.:\n<code>/addarea {other} {name}</code>\nNo area was added."
    ),
    "area_name_no_code": (
        "«{name}» has no letter or digit to make an area code from. Put a code first, e.g.:\n"
        "<code>/addarea kp1 {name}</code>\nNo area was added."
    ),
    # /renamearea, /closearea, /openarea, /qr with a name where the code belongs
    "area_name_given": (
        "«{name}» is an area's name; the command needs its code. Did you mean:\n{commands}"
    ),
    "area_name_unknown": (
        "No area is called «{name}». The command needs an area code, e.g. <code>kp3</code>; "
        "/areas lists them."
    ),
    "area_new_name": "&lt;new name&gt;",
    # /addareas
    "areas_batch_added_header": "✅ {count} areas added (line · code · name):",
    "areas_batch_added_line": "{number}. <code>{code}</code> · {name}",
    "areas_batch_added_footer": (
        "Print every area's poster with <code>/qr all</code>; rename with /renamearea."
    ),
    "areas_batch_refused_header": (
        "⚠️ No area was added: {bad} of {count} lines are wrong. Correct the lines below and "
        "send the whole list again."
    ),
    "areas_batch_refused_line": "• Line {number}: <code>{typed}</code> — {reason}",
    "areas_batch_too_many": (
        "The list has {count} lines; at most {most} can be added at a time. Split the list "
        "and send each part with its own /addareas. No area was added."
    ),
    "areas_batch_taken_meanwhile": (
        "The code <code>{code}</code> was just taken by another area. No area was added; "
        "send the list again to see every line."
    ),
    "batch_code_invalid": (
        "«{code}» is not a valid code: 1–32 characters of a-z, 0-9, - or _ "
        "(lower case, no accents)"
    ),
    "batch_code_reserved": "the code <code>{code}</code> belongs to <code>/qr all</code>",
    "batch_code_taken": "the code <code>{code}</code> exists: area «{name}»",
    "batch_code_repeated": "the code <code>{code}</code> is used on line {line}",
    "batch_same_code": (
        "this name and the one on line {line} make the same code <code>{code}</code>; put a "
        "code of its own first, e.g. <code>{other} {name}</code>"
    ),
    "batch_no_name": "a code without an area name",
    "batch_no_code": (
        "the name has no letter or digit to make a code from; put a code first, e.g. "
        "<code>kp1 {name}</code>"
    ),
    "batch_name_too_long": "the name has {length} characters, at most {max_chars}",
    # /qr all
    "qr_all_none": "No area takes feedback, so there is nothing to print. Add areas with "
    "/addarea or /addareas.",
    "qr_all_wait": (
        "⏳ Making {count} posters, one A4 page per area. The PDF comes as soon as it is done."
    ),
    "qr_all_caption": (
        "🖨 A4 posters of the {count} areas taking feedback, one per page, by name. Closed "
        "areas are left out."
    ),
    # /topics
    "topics_header": (
        "<b>Topics ({count})</b> in the order residents see them («Khác» always last)\n"
        "Each topic: place · the button residents press · the <b>number</b> commands use\n"
        "      full name (for staff and reports) · English button"
    ),
    "topics_line": ("{place}. {button} · <b>number {number}</b>\n      {name} · EN: {button_en}"),
    "topics_closed_header": "<b>Closed</b> (residents do not see them):",
    "topics_closed_line": ("🔒 {button} · <b>number {number}</b>\n      {name} · EN: {button_en}"),
    "topics_footer": ("Buttons: /topiclabel · order: /topicorder · English name: /topicname_en"),
    # /addtopic
    "topic_added_label_hint": (
        "Residents see the full name on its button. Give it an emoji and a short label: "
        "<code>/topiclabel {number} 💡 Short label</code>"
    ),
    # /topiclabel, /topicname_en
    "topic_label_set": "✅ Topic number {number} «{name}»: residents see the button «{button}».",
    "topic_label_en_set": (
        "✅ Topic number {number} «{name}»: residents reading English see the button «{button}»."
    ),
    "topic_label_invalid": (
        "A short label has 1 to {most} characters, to fit a button on a phone; this one has "
        "{length}. Nothing was changed."
    ),
    "topic_emoji_invalid": (
        "«{value}» is not an emoji. Put one emoji before the label, e.g. "
        "<code>/topiclabel {number} 💼 Jobs</code>, or <code>-</code> for none. Nothing was "
        "changed."
    ),
    "topic_name_en_set": "✅ Topic number {number}: English name «{old}» → «{name}».",
    # /topicorder
    "topic_order_set": "✅ Topic order set. Residents see:",
    "topic_order_line": "{place}. {button} (number {number})",
    "topic_order_other_last": (
        "«{name}» (number {number}) is always shown last, though it was put in place {place}."
    ),
    "topic_order_invalid": (
        "That order is not complete: it needs the number of every open topic, each exactly "
        "once. Nothing was changed."
    ),
    "topic_order_missing": "• Missing: {numbers}",
    "topic_order_repeated": "• Given more than once: {numbers}",
    "topic_order_unknown": "• No topic has the number: {numbers}",
    "topic_order_closed": "• Closed (leave them out, or reopen them with /opentopic): {numbers}",
    "topic_order_current": (
        "The order now, to edit and send back:\n<code>/topicorder {numbers}</code>"
    ),
    # /help from an admin, after the help everyone gets
    "admin_help": (
        "<b>Admin commands</b> (a command alone shows how to use it)\n\n"
        "<b>Areas</b>: /areas · /addarea code name · /addareas (one area per line; a name "
        "alone gets a code made from it) · /renamearea code new name · /closearea code · "
        "/openarea code\n"
        "<b>QR codes, posters</b>: /qr code · /qr all (every open area, one PDF); add "
        "<code>en</code> for English lines\n"
        "<b>Topics</b>: /topics · /addtopic name · /renametopic number name · "
        "/closetopic number · /opentopic number · /topicsla number days · "
        "/topiclabel number emoji short label · /topicname_en number English name · "
        "/topicorder number number …\n"
        "<b>Agencies</b>: /agencies · /addagency code name · /agencygroup code chat_id · "
        "/closeagency code · /openagency code\n"
        "<b>Answer templates</b>: /templates · /addtemplate text · /removetemplate number\n"
        "<b>Messages not delivered</b>: /resend"
    ),
    "admin_unknown_command": "The bot has no command <code>{command}</code>.",
}
