"""English texts of setting up the bot (section of en): many areas at once, a name typed
where a code belongs, every poster in one PDF, and the topics' buttons and order.

The admin texts that setting up changed (``usage_addarea``, ``usage_qr``, ``cmd_qr``,
``topics_header``, ``topics_line``) moved here from en.py.
"""

TEXTS: dict[str, str] = {
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
