"""English texts the staff read in the staff group and an agency reads in its group (the
same keys as ``texts.vi.staff``). Buttons keep their Vietnamese word so that staff guides
match.
"""

TEXTS: dict[str, str] = {
    # Status
    # The statuses' own names: staff read them on cards, buttons, lists and reports (and in
    # the export's status column). Residents read the resident_status_ ones instead.
    "status_new": "New",
    "status_received": "Received",
    "status_in_progress": "In progress",
    "status_forwarded": "Forwarded to the competent authority",
    "status_resolved": "Resolved",
    "status_rejected": "Not handled",
    # Command menus (descriptions shown by Telegram next to each command)
    "cmd_open": "Unresolved feedback, oldest first",
    "cmd_show": "All of one feedback: /show CODE",
    "cmd_stats": "Counts by area, topic and status",
    "cmd_digest": "The digest, now",
    "cmd_export": "CSV and Excel export: /export [days]",
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
    "show_history_line_by": "• {time} — {status} ({who})",
    "show_responses": "<b>Answers and notes</b>",
    "show_no_responses": "No answers or notes yet.",
    "show_reply": "💬 <i>{time}, {author}</i> — public{delivery}",
    "show_note": "📝 <i>{time}, {author}</i> — internal note",
    "delivery_pending": ", being delivered to the resident",
    "delivery_delivered": ", delivered to the resident",
    "delivery_blocked": ", the resident blocked the bot",
    "delivery_failed": ", could not be delivered",
    # Surges: several feedbacks packed into one message
    "batch_header": "📮 <b>{count} new feedbacks</b> — packed together because many came at once.",
    "batch_item": "<b>{code}</b> · {area} · {topic} · {time}",
    "batch_photos": "🖼 Photos: {photos}",
    "batch_footer": "Tap a code to open the whole feedback, with status buttons, ready to answer.",
    "batch_reply": (
        "This message packs several feedbacks. Tap a code under it to open one, then reply there."
    ),
    "btn_open_card": "📂 {code}",
    # --- The card, as the staff group receives it ------------------------------------------
    # The card is staff's (kept here for staff first); a resident reads it too, in the
    # preview, exactly as staff will.
    "card": ("📮 <b>Feedback {code}</b>\n📍 Area: {area}\n🏷 Topic: {topic}\n🕒 {time}\n\n{body}"),
    "card_photos": "\n\n🖼 Photos attached: {photos}.",
    "card_location": "\n\n🗺 With a location on the map.",
    # Shared by the reports (staff read them as messages)
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
    # /export
    "export_caption": (
        "📤 {count} feedback(s) from the past {days} day(s) (since {since}). "
        "The CSV file opens in Excel; the XLSX file is ready formatted."
    ),
    "export_empty": "📤 No feedback in the past {days} day(s) to export.",
    # --- The card, for staff -------------------------------------------------------------------
    "staff_due": "⏳ Due: {due}",
    "staff_due_extended": "↪️ Extended: {reason}",
    "staff_due_overdue": "⏰ Due: {due} — <b>overdue</b>",
    "staff_handler": "🙋 Handled by: {who}",
    "staff_no_handler": "🙋 Handled by: nobody yet",
    "staff_reason": "Reason for not handling: {reason}",
    "staff_agency": "Forwarded to: {agency}",
    "staff_location": "🗺 Location: {lat}, {lon} (see the location message below)",
    "staff_additions": "✍️ The resident added information {count} times.",
    "staff_rated_satisfied": "😊 The resident is satisfied with the outcome.",
    "staff_rated_unsatisfied": "🙁 The resident is not satisfied with the outcome.",
    "btn_take_on": "🙋 Take it on",
    "btn_ask": "❓ Ask the resident",
    "btn_templates": "📋 Standard answer",
    "toast_taken_on": "You are now its handler.",
    "toast_taken_over": "Taken over from {previous}.",
    "staff_status_set_told": (
        "Set: {status}. The resident is told in {seconds} seconds; press another status to "
        "replace it."
    ),
    # --- Proposals: answers with intent -------------------------------------------------------
    "proposal_answer": "💬 <b>Proposed answer to feedback {code}</b> — {who}:",
    "proposal_correction": (
        "✏️ <b>Proposed correction of the answer to feedback {code}</b> — {who}:"
    ),
    "proposal_from_agency": "🏢 <b>{agency} answers about feedback {code}</b>:",
    "proposal_question": "❓ <b>Proposed question to the resident of {code}</b> — {who}:",
    "proposal_choice": (
        "Nothing has been sent. «Send answer»: to the resident in the committee's name (in "
        "{seconds} seconds, and it can be taken back meanwhile). «Note»: keep it internal. "
        "«Cancel»: drop it."
    ),
    "proposal_question_choice": (
        "Nothing has been sent. «Send question»: to the resident (in {seconds} seconds, and it "
        "can be taken back meanwhile). «Cancel»: drop it."
    ),
    "btn_send_answer": "📤 Send answer",
    "btn_send_question": "📤 Send question",
    "btn_keep_note": "📝 Note",
    "btn_drop": "✖️ Cancel",
    "btn_undo": "↩️ Take back",
    "btn_template": "📋 Template {number}",
    "proposal_pending": (
        "⏳ The answer to feedback <b>{code}</b> ({who}) goes public and out at {time}. "
        "Press «Take back» within {seconds} seconds if it was a mistake."
    ),
    "proposal_pending_question": (
        "⏳ The question about feedback <b>{code}</b> ({who}) goes out at {time}. Press «Take "
        "back» within {seconds} seconds if it was a mistake."
    ),
    "proposal_withdrawn": (
        "↩️ {who} took back the answer to feedback <b>{code}</b>. Nothing reached the resident."
    ),
    "correction_dropped_with_answer": (
        "✖️ The proposed correction for <b>{code}</b> was dropped too, because {who} took "
        "back the answer it corrected. Nothing was sent to the resident."
    ),
    "proposal_noted": (
        "📝 Kept as an internal note on <b>{code}</b> ({who}); the resident never sees it."
    ),
    "proposal_dropped": "✖️ {who} dropped the proposal for <b>{code}</b>; nothing was kept.",
    "staff_answer_sent": (
        "✅ The answer to feedback <b>{code}</b> ({who}, {time}) went to the resident; it also "
        "shows in /status."
    ),
    "staff_answer_public_only": (
        "✅ The answer to feedback <b>{code}</b> ({who}, {time}) is public. The resident does "
        "not receive answers in Telegram; they read it with <code>/status {code}</code>."
    ),
    "staff_question_sent": (
        "✅ The question about feedback <b>{code}</b> ({who}, {time}) went to the resident; "
        "their answer will show under the card."
    ),
    "staff_question_public_only": (
        "✅ The question about feedback <b>{code}</b> ({who}, {time}) is public. The resident "
        "does not receive messages in Telegram; it shows when they look the code up."
    ),
    "staff_answer_correct_hint": (
        "✏️ To correct it: reply to this message with <code>/correct the corrected text</code>."
    ),
    "correct_usage": (
        "To correct an answer, reply to the message confirming it was sent with "
        "<code>/correct text</code>."
    ),
    "toast_sending": "Goes out in {seconds} seconds; it can still be taken back.",
    "toast_withdrawn": "Taken back.",
    "toast_noted": "Kept as a note.",
    "toast_dropped": "Dropped.",
    "toast_too_late": (
        "More than {seconds} seconds have passed: the answer went out. To correct it, reply "
        "to the confirmation with /correct and the text."
    ),
    "toast_rejected_meanwhile": (
        "Feedback {code} was set to «not handled» after this proposal was written. Not sent. "
        "Change the status on the card first if you still want to answer."
    ),
    "toast_already_sent": "This proposal was sent already ({who}).",
    "toast_already_noted": "This proposal was kept as a note already ({who}).",
    "toast_already_dropped": "This proposal was dropped or taken back ({who}).",
    "toast_already_open": "This proposal has not been sent.",
    "toast_proposal_changed": (
        "The proposal's text has just changed, so nothing was sent. The message now shows the "
        "new text; read it, then press «Send answer» if it should still go."
    ),
    "proposal_revised": (
        "✏️ The proposed answer for <b>{code}</b> now follows your edited message. Nothing has "
        "been sent."
    ),
    "proposal_edit_refused_sent": (
        "⚠️ «Send answer» was pressed for <b>{code}</b> before this message was edited; the "
        "edit is <b>not</b> used. If the {seconds} seconds have not passed: press «Take "
        "back», then reply to the card again. If they have: correct it with /correct."
    ),
    "proposal_edit_refused": (
        "⚠️ The proposal for <b>{code}</b> was already kept as a note or dropped; the edit "
        "is not used. To answer, reply to the card again."
    ),
    "toast_answered_meanwhile": (
        "This feedback got another answer after this proposal was written; nothing was sent. "
        "Read the message, then choose «Send anyway» or «Cancel»."
    ),
    "proposal_answered_meanwhile": (
        "⚠️ <b>{code}</b> already has an answer, sent by {who} at {time}, after the proposal "
        "below was written:\n«{answer}»\n\nThe proposal below has <b>not</b> been sent. Send it "
        "to the resident as well, in the committee's name?"
    ),
    "proposal_by": "Proposed by {who}:",
    "btn_send_anyway": "📤 Send anyway",
    "btn_proposal_expired": "⌛ Over {hours} hours old: cannot be sent",
    "toast_proposal_expired": (
        "This proposal is over {hours} hours old and can no longer be sent. To answer, reply "
        "to the feedback's card again. It can still be kept as a note or dropped."
    ),
    "proposal_expired": (
        "⌛ <b>The proposed answer for {code}</b> ({who}) is over {hours} hours old and can no "
        "longer be sent. To answer, reply to the feedback's card again."
    ),
    "toast_withdraw_failed": (
        "NOT TAKEN BACK: the database is busy. The answer may still reach the resident at "
        "{time}. Press «Take back» again now; if it went, correct it with /correct."
    ),
    "withdraw_failed": (
        "⚠️ {who} pressed «Take back» on the answer to <b>{code}</b>, but it was <b>not taken "
        "back</b>: the database is busy. The answer may still reach the resident at {time}. "
        "Press «Take back» again now; if it went, correct it with /correct."
    ),
    "toast_template_used": "Replaced by template {number}.",
    "template_gone": "This standard answer is no longer there.",
    "templates_none_yet": "There are no standard answers yet. Admins add them with /addtemplate.",
    "templates_choose": "📋 Choose a standard answer for feedback <b>{code}</b>:",
    "ask_question_prompt": (
        "❓ A question for the resident of <b>{code}</b>: reply to this message with the "
        "question. Nothing has been sent."
    ),
    "ask_question_prompt_public": (
        "❓ A question for the resident of <b>{code}</b>: reply to this message with the "
        "question. Note: the resident does not receive messages in Telegram; it only shows "
        "when they look the code up."
    ),
    "agency_reply_empty": "Please answer with text.",
    "agency_reply_forwarded": (
        "✅ Your answer has been passed to the Fatherland Front committee. Thank you!"
    ),
    # --- Not handled: the reason ---------------------------------------------------------------
    "toast_reason_needed": "Please choose a reason.",
    "ask_reason_prompt": (
        "Why is feedback <b>{code}</b> not handled? Choose a reason, or reply to this message "
        "with the reason. Nothing has changed yet."
    ),
    "reason_too_long": (
        "The reason is too long: at most {max_chars} characters. Nothing has changed; please "
        "reply to the prompt again with a shorter reason."
    ),
    # The presets staff choose from; the chosen words reach the resident too, as the reason.
    "rejection_reason_1": "Not within our competence",
    "rejection_reason_2": "The same as feedback already received",
    "rejection_reason_3": "Not enough information to verify",
    "rejection_reason_4": "Inappropriate content",
    "rejected_done": "Set «not handled» on <b>{code}</b> ({who}). Reason: {reason}",
    "rejected_done_told": (
        "Set «not handled» on <b>{code}</b> ({who}). Reason: {reason}\n"
        "The resident is told in {seconds} seconds; press another status on the card to "
        "replace it."
    ),
    # --- Not handled, «not within our competence»: where to go instead ----------------------
    "ask_elsewhere_prompt": (
        "Feedback <b>{code}</b> is not within our competence: where should the resident go? "
        "Choose an agency below, or reply to this message with the name and address of the "
        "place. If you do not know, press «Not known». Nothing has changed yet."
    ),
    "btn_elsewhere_unknown": "Not known",
    "rejected_elsewhere_told": (
        "Set «not handled» on <b>{code}</b> ({who}). Reason: {reason}\n"
        "Who can deal with it: {agency}\n"
        "The resident is told in {seconds} seconds; press another status on the card to "
        "replace it."
    ),
    "rejected_elsewhere": (
        "Set «not handled» on <b>{code}</b> ({who}). Reason: {reason}\n"
        "Who can deal with it: {agency}"
    ),
    "staff_elsewhere": "Who can deal with it: {agency}",
    "show_history_elsewhere": "   who can deal with it: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "toast_result_needed": "Please give the result.",
    "ask_result_prompt": (
        "What came of feedback <b>{code}</b>? The resident reads exactly this line. Choose "
        "one, or reply to this message with the result in one line. Nothing has changed yet."
    ),
    # The presets staff choose from; the chosen words reach the resident too, as the result.
    "resolution_result_1": "It has been put right",
    "resolution_result_2": "It was checked and dealt with under the rules",
    "resolution_result_3": "Noted, and included in the recommendations to the local government",
    "btn_result_answered": "No need, already answered",
    "result_too_long": (
        "The result is too long: at most {max_chars} characters. Nothing has changed; please "
        "reply to the prompt again with a shorter line. Send a long text as an answer instead: "
        "reply to the feedback's card, then press «Send answer»."
    ),
    "resolved_done": "Set «resolved» on <b>{code}</b> ({who}). Result: {result}",
    "resolved_done_told": (
        "Set «resolved» on <b>{code}</b> ({who}). Result: {result}\n"
        "The resident is told in {seconds} seconds; press another status on the card to "
        "replace it."
    ),
    "resolved_done_answered": (
        "Set «resolved» on <b>{code}</b> ({who}) with no result: it was answered.\n"
        "The resident is told in {seconds} seconds; press another status on the card to "
        "replace it."
    ),
    "resolved_done_answered_quiet": (
        "Set «resolved» on <b>{code}</b> ({who}) with no result: it was answered."
    ),
    "staff_result": "Result: {result}",
    "prompt_cancelled": "✖️ {who} cancelled; nothing changed.",
    # --- Forwarding -----------------------------------------------------------------------------
    "toast_agency_needed": "Please choose the agency.",
    "ask_agency_prompt": (
        "Forward feedback <b>{code}</b> to which agency? Choose below, or reply to this "
        "message with the agency's name."
    ),
    "ask_agency_prompt_none": (
        "Forward feedback <b>{code}</b> to which agency? Reply to this message with its name. "
        "(Admins keep a list of agencies with /addagency.)"
    ),
    "forwarded_to_group": (
        "📨 Forwarded <b>{code}</b> to {agency} ({who}). Its card goes to the agency's group "
        "in {seconds} seconds, when the resident is told. If it was forwarded by mistake, "
        "press another status on the card before then and nothing is sent."
    ),
    "forwarded_with_slip": (
        "📨 Forwarded <b>{code}</b> to {agency} ({who}). This agency has no Telegram group: "
        "the forwarding slip to print and send is below. The resident is told in {seconds} "
        "seconds."
    ),
    "agency_closed_meanwhile": (
        "This agency stopped taking forwarded feedback. Please choose again."
    ),
    "agency_name_invalid": "An agency's name has 1 to {max_chars} characters.",
    "slip_caption": "🖨 Forwarding slip of feedback {code} to {agency} (A4, to print and sign).",
    "agency_card_header": "🏢 <b>Feedback forwarded by {unit}</b>",
    "agency_hint": (
        "↩️ Reply to this message to send the outcome to the Fatherland Front committee; press "
        "the buttons when you have received it and when it is dealt with."
    ),
    "btn_agency_received": "📥 Received",
    "btn_agency_done": "✅ Dealt with",
    "agency_pressed_received": "The committee has been told: received.",
    "agency_pressed_done": "The committee has been told: dealt with.",
    "agency_pressed_again": "The committee was told already.",
    "staff_notice_agency_received": "🏢 {agency}: <b>received</b> feedback <code>{code}</code>.",
    "staff_notice_agency_done": (
        "🏢 {agency}: <b>dealt with</b> feedback <code>{code}</code>. Update the status on the "
        "card once confirmed."
    ),
    "staff_notice_dissatisfied": (
        "⚠️ The resident is <b>not satisfied</b> with how <code>{code}</code> was resolved; it "
        "has been reopened (in progress)."
    ),
    "staff_agency_refused": (
        "⚠️ The card of feedback <code>{code}</code> could not be sent to the agency's group "
        "({error}). The forwarding is recorded; check the bot is still in that group "
        "(/agencies)."
    ),
    "staff_agency_left": (
        "⚠️ The bot is no longer in the group of {agency}. Forwarded feedback is kept. Add the "
        "bot back to the group, or set it again with <code>/agencygroup {code} …</code>."
    ),
    # --- What the resident added, for staff ---------------------------------------------------
    "staff_addition_addition": "✍️ <b>Addition</b> to feedback <code>{code}</code>:",
    "staff_addition_answer": (
        "💬 <b>Addition</b>: the resident answers the question about <code>{code}</code>:"
    ),
    "staff_addition_dissatisfied": (
        "🙁 <b>Addition</b>: the resident of <code>{code}</code> says what is not settled:"
    ),
    # --- /show -----------------------------------------------------------------------------------
    "show_by_resident": "the resident",
    "show_history_reason": "   reason: {reason}",
    "show_history_agency": "   forwarded to: {agency}",
    "show_assignment": "• {time} — taken on by {who}",
    "usage_extend": (
        "Usage: <code>/extend &lt;code&gt; &lt;working days&gt; &lt;reason&gt;</code> "
        "(or <code>/giahan</code>)\n"
        "Example: <code>/extend GY-7Q2K9M4T 5 Waiting for the power company's survey</code>\n"
        "Adds 1–{most} working days to the current deadline (to today when it has passed). "
        "The resident sees the new deadline and the reason when looking the code up."
    ),
    "extend_days_invalid": "«{value}» is not a number of working days from 1 to {most}.",
    "extend_reason_missing": (
        "Please give the reason after the number of days (the resident will read it), at most "
        "{most} characters."
    ),
    "extend_closed": (
        "Feedback <code>{code}</code> is resolved or not handled: it has no deadline to extend."
    ),
    "extended": (
        "⏳ Feedback <code>{code}</code> extended by {days} working day(s): now due {due}.\n"
        "Reason (the resident reads it when looking the code up): {reason}\n"
        "Extended by: {who}"
    ),
    "show_extension": (
        "• {time} — {who} extended it by {days} working day(s), now due {due}. Reason: {reason}"
    ),
    "show_withdrawn": "↩️ <i>{time}, {author}</i> — taken back, never sent",
    "show_question": "❓ <i>{time}, {author}</i> — question to the resident{delivery}",
    "show_correction": "✏️ <i>{time}, {author}</i> — correction{delivery}",
    "show_additions": "<b>Added by the resident</b>",
    "show_addition": "✍️ <i>{time}</i>",
    "show_addition_photo": "(photo)",
    # --- /help in the staff group ---------------------------------------------------------------
    "staff_help": (
        "<b>A guide for staff</b>\n\n"
        "📮 Each new feedback reaches the group as a <b>card</b>: code, area, topic, due date "
        "(working days), text, photos, location. Never the sender's name.\n\n"
        "<b>Buttons on the card</b>\n"
        "• Statuses: received, in progress, resolved…; «not handled» asks for the reason, "
        "«forwarded» for the agency.\n"
        "• 🙋 Take it on: record who handles it. ❓ Ask the resident. 📋 Standard answer.\n\n"
        "<b>Answering</b>\n"
        "• Reply to the card with the text: the bot asks «Send answer» / «Note» / «Cancel». "
        "Nothing reaches the resident before «Send answer»; after it, {seconds} seconds remain "
        "to «Take back».\n"
        "• Starting with /note or #note: an internal note at once.\n"
        "• /correct (in reply to a sent answer): a correction.\n\n"
        "<b>Commands</b>: /open (unresolved; /open overdue, /open mine, /open area-code), "
        "/mine, /show code, /find words, /stats, /digest, /export, /report, /status code, "
        "/extend code days reason (a new deadline)."
    ),
    # --- Issue 19: answers here or not, stopping them, additions collected ----------------------
    "staff_addition_photos": "🖼 With {count} photos (below).",
    # --- Prompts that no longer act; edits of the words a status was given ------------------
    "toast_prompt_closed": "This prompt was answered or cancelled already; nothing changed.",
    "toast_prompt_outdated": (
        "The feedback's status changed after this prompt; nothing changed. If needed, press the "
        "button on the feedback's card again."
    ),
    "prompt_reply_closed": (
        "ℹ️ This message was not used: the prompt about feedback <code>{code}</code> was "
        "answered or cancelled before. Nothing changed; if needed, press the button on the "
        "feedback's card again."
    ),
    "prompt_reply_outdated": (
        "ℹ️ This message was not used: the status of feedback <code>{code}</code> changed "
        "after this prompt. Nothing changed; if needed, press the button on the feedback's "
        "card again."
    ),
    "status_reworded_told": (
        "✏️ The edited words are used for feedback <b>{code}</b>: {words}\n"
        "The sender will be told in the new words in {seconds} seconds; the old words are not "
        "sent."
    ),
    "status_reworded": "✏️ The edited words are used for feedback <b>{code}</b>: {words}",
    "status_reword_refused": (
        "⚠️ The edit was not used: more than {seconds} seconds have passed, or the status of "
        "feedback <b>{code}</b> changed. The sender reads the words from before the edit. If "
        "needed, set the status again on the feedback's card."
    ),
    "status_reword_invalid": (
        "⚠️ The edit was not used: it must have 1 to {max_chars} characters. The words from "
        "before the edit stay."
    ),
    "btn_extend_confirm": "⏳ Extend",
    "extend_preview": (
        "Extend feedback <code>{code}</code> by {days} working day(s): now due {due}.\n"
        "The sender will read: {reason}\n"
        "Nothing changed yet; tap «Extend» to extend exactly as above, or «Cancel»."
    ),
    "extend_preview_gone": (
        "This preview can no longer be used; nothing changed. Please type /extend again."
    ),
    "toast_extended": "Extended.",
    "staff_notice_extended": "⏳ {who} extended feedback <code>{code}</code>: now due {due}.",
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
    # Command menus
    "cmd_find": "Search feedback by words: /find words",
    "cmd_mine": "Feedback I have taken on",
    "cmd_report": "Monthly or quarterly report (DOCX, PDF): /report 2026-11",
    "cmd_extend": "Extend one feedback's deadline: /extend code days reason",
    # Buttons pressed by someone outside the group (callback answers: 200 characters at most)
    "staff_not_member": (
        "⛔ Only members of the staff group can use this button. If you left the group, "
        "ask an admin to add you again."
    ),
    "staff_member_unknown": (
        "⏳ Could not check that you are in the staff group yet. Please press again in a moment."
    ),
    # An anonymous admin, or a post "as a channel": the bot cannot tell which officer it is
    "staff_anonymous_press": (
        "🕶 You are anonymous in this group, so the bot cannot tell who pressed; nothing was "
        "recorded. Turn off «Remain anonymous» in your admin rights, then press again."
    ),
    "staff_unsigned_reply": (
        "🕶 This was sent as the group or as a channel, so the bot cannot tell which officer "
        "wrote it and has <b>not recorded it</b>. Answers and notes carry their writer's name: "
        "turn off «Remain anonymous» in your admin rights (or write from your own account), "
        "then reply again."
    ),
    "staff_mine_unsigned": (
        "🕶 This command was sent as the group or as a channel, so the bot cannot tell who "
        "you are. Turn off «Remain anonymous» in your admin rights (or write from your own "
        "account), then send it again."
    ),
}
