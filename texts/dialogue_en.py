"""English texts of the dialogue and the desk (the same keys as dialogue_vi)."""

TEXTS: dict[str, str] = {
    # --- The receipt and the status, for residents ------------------------------------------
    "sent": (
        "✅ <b>Your feedback has been sent.</b> Thank you!\n\n"
        "Reference code: <code>{code}</code>\n"
        "Please keep this code. To see how it is being handled, tap «See the status» "
        "or send <code>/status {code}</code>.\n\n"
        "Would you like the staff's answers delivered in this chat?"
    ),
    "btn_receive": "🔔 Receive answers here",
    "btn_no_receive": "No, thank you",
    "btn_see_status": "📋 See the status",
    "btn_add_more": "✍️ Add information",
    "btn_answer_question": "✍️ Add: answer the question",
    "btn_satisfied": "😊 Satisfied",
    "btn_not_satisfied": "🙁 Not satisfied",
    "btn_stop_adding": "Never mind",
    "toast_receive_on": "Answers will be delivered here.",
    "receive_confirmed": (
        "🔔 The staff's answers about feedback <code>{code}</code> will be delivered to this "
        "chat. Who sent it stays private."
    ),
    "receive_too_many": "This feedback's answers already go to many chats; no more can be added.",
    "toast_no_receive": "Noted.",
    "no_receive_confirmed": (
        "Noted: answers will not be delivered here. You can read them any time with "
        "<code>/status {code}</code>."
    ),
    "status_not_found_short": "No feedback has this code.",
    "resident_status_new": "Received, waiting to be looked at",
    "resident_status_received": "Taken in by the staff",
    "resident_status_in_progress": "Being dealt with",
    "resident_status_forwarded": "Passed to the competent body",
    "resident_status_resolved": "Resolved",
    "resident_status_rejected": "Considered, not taken further",
    "status_due": "⏳ To be dealt with by: {due}",
    "status_due_extended": "↪️ The deadline has been extended. Reason: {reason}",
    "status_reason": "Reason: {reason}",
    "status_agency": "Passed to: {agency}",
    "status_question": "❓ <i>A question from the staff, {time}</i>",
    "status_correction": "💬 <i>Correction, {time}</i>",
    "status_additions": "✍️ {count} additions sent.",
    "status_rated_satisfied": "Rating: satisfied with the outcome.",
    "status_rated_unsatisfied": "Rating: not satisfied with the outcome.",
    # --- Answers, questions and notices, for residents ----------------------------------------
    "resident_correction": (
        "📬 <b>Correction to the answer from {committee}</b> about feedback <code>{code}</code>:"
    ),
    "resident_question": "❓ <b>{committee} would like to ask about feedback {code}:</b>",
    "resident_question_footer": (
        "Please tap «Add: answer the question» below, or reply to this message."
    ),
    "resident_forwarded": (
        "📨 Feedback <code>{code}</code> has been passed to {agency} to be dealt with."
    ),
    "resident_rejected_because": (
        "Feedback <code>{code}</code> has been considered; the committee will not take it "
        "further.\nReason: {reason}\nIf you have more information, please send new feedback with "
        "/start."
    ),
    # --- Additions --------------------------------------------------------------------------
    "adding_prompt": (
        "✍️ Please send what you would like to add to feedback <code>{code}</code>: text or "
        "photos (several messages are fine). Then tap «Send the addition»."
    ),
    "adding_prompt_answer": (
        "✍️ Please answer the staff's question about feedback <code>{code}</code>: text or "
        "photos (several messages are fine). Then tap «Send the addition»."
    ),
    "adding_prompt_dissatisfied": (
        "Thank you for telling us. Feedback <code>{code}</code> has been reopened for the "
        "staff to look at again.\nIf you wish, write a few lines about what is not settled, "
        "then tap «Send the addition»."
    ),
    "addition_received": (
        "✅ Your addition to feedback <code>{code}</code> has been passed to the staff. Thank you!"
    ),
    "addition_too_long": (
        "The addition is too long (at most {max_chars} characters) and was not passed on. Please "
        "tap «Add information» and send it again, shorter."
    ),
    "addition_rate_limited": (
        "Many additions were sent in the past hour, so this one was not passed on. Please send it "
        "again later."
    ),
    "adding_expired": (
        "The message you just sent was not passed on: the time to add information had run out. To "
        "add something, send the reference code and tap «Add information»; to send new feedback, "
        "tap /start."
    ),
    "adding_cancelled": "Adding cancelled. To send new feedback, tap /start.",
    "toast_adding_stopped": "Adding cancelled.",
    # --- Ratings ----------------------------------------------------------------------------
    "toast_thanks": "Thank you!",
    "rated_satisfied": (
        "😊 Thank you for letting us know that feedback <code>{code}</code> has been settled."
    ),
    "toast_reopened": "The feedback has been reopened.",
    "rating_not_resolved": "A feedback can be rated once it has been resolved.",
    "rating_rate_limited": "Many ratings were given in the past hour. Please try again later.",
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
    "resident_rejected_elsewhere": (
        "Feedback <code>{code}</code> has been considered; the committee will not take it "
        "further.\nReason: {reason}\nWho can deal with it: {agency}. Please contact them "
        "directly.\nIf you have more information, please send new feedback with /start."
    ),
    "status_elsewhere": "Who can deal with it: {agency}",
    "staff_elsewhere": "Who can deal with it: {agency}",
    "show_history_elsewhere": "   who can deal with it: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "toast_result_needed": "Please give the result.",
    "ask_result_prompt": (
        "What came of feedback <b>{code}</b>? The resident reads exactly this line. Choose "
        "one, or reply to this message with the result in one line. Nothing has changed yet."
    ),
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
    "resident_resolved_with": (
        "✅ Feedback <code>{code}</code> has been resolved.\nResult: {result}\nPlease tell "
        "us whether you are satisfied with the outcome:"
    ),
    "status_result": "Result: {result}",
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
    "sent_code": (
        "✅ <b>Your feedback has been sent.</b> Thank you!\n\n"
        "Reference code: <code>{code}</code>\n"
        "Please keep this code. To see how it is being handled, tap «See the status» "
        "or send <code>/status {code}</code>."
    ),
    "sent_receiving": (
        "🔔 The staff's answers about this feedback will be delivered to this chat. Who sent "
        "it stays private. To stop them, tap «Stop receiving answers»."
    ),
    "sent_not_receiving": (
        "Answers will not be delivered here; you can read them any time with «See the status». "
        "If you change your mind, tap «Receive answers here»."
    ),
    "btn_stop_receiving": "🔕 Stop receiving answers",
    "toast_receiving_stopped": "Answers will no longer come here.",
    "receiving_stopped": (
        "🔕 Stopped: answers about feedback <code>{code}</code> will no longer be delivered "
        "here. You can still read them with <code>/status {code}</code>; to receive them "
        "again, tap «Receive answers here» under what it shows."
    ),
    "not_receiving_here": "Answers about this feedback are not delivered to this chat.",
    "receive_rate_limited": (
        "You have asked for answers many times in the past hour. Please try again later."
    ),
    "btn_send_addition": "📤 Send the addition",
    "addition_kept": (
        "✅ Noted, as an addition to feedback <code>{code}</code>. You can send more text or "
        "photos; when you are done, tap «Send the addition» to pass it to the staff."
    ),
    "addition_kept_photos_full": (
        "That makes {max_photos} photos, the most one addition can carry."
    ),
    "addition_message_too_long": (
        "This message would make the addition longer than {max_chars} characters, so it was "
        "not taken. What you sent before is kept; please send it shorter, or tap «Send the "
        "addition»."
    ),
    "addition_too_many_photos": (
        "An addition can carry at most {max_photos} photos, so this one was not taken. Please "
        "tap «Send the addition»; other photos can go with a later addition."
    ),
    "addition_refused_kept": (
        "What you sent before is kept; please go on with text or photos, or tap «Send the "
        "addition»."
    ),
    "toast_addition_empty": "Nothing to send yet: please write or send a photo first.",
    "addition_send_rate_limited": (
        "You have sent many additions in the past hour, so this one was not passed on yet. "
        "It is kept; please tap «Send the addition» again later."
    ),
    "adding_dropped": "The addition you were writing was dropped; nothing went to the staff.",
    "staff_addition_photos": "🖼 With {count} photos (below).",
    # --- A collected addition is never dropped without a word ------------------------------
    "addition_unsent_other": (
        "You have an addition to feedback <code>{code}</code> that is not sent yet. Please send "
        "it or drop it first (buttons below); then you can add to feedback "
        "<code>{new_code}</code>."
    ),
    "addition_held_for": (
        "Your message is kept for feedback <code>{code}</code>; you can send it once the "
        "addition you are writing is done."
    ),
    "btn_send_addition_of": "📤 Send the addition to {code}",
    "btn_drop_addition_of": "🗑 Drop the addition to {code}",
    "btn_keep_addition": "↩️ No, keep it",
    "adding_dropped_of": (
        "The addition to feedback <code>{code}</code> was dropped; nothing went to the staff."
    ),
    "adding_drop_confirm": (
        "Drop the unsent addition to feedback <code>{code}</code>? The text and photos in it "
        "will not go to the staff."
    ),
    "addition_set_aside": (
        "The addition to feedback <code>{code}</code> is not sent yet. It is kept: to send it "
        "to the staff, tap «Send the addition» below; if you no longer need it, tap «Drop the "
        "addition»."
    ),
    "addition_swept": (
        "The addition to feedback <code>{code}</code> was not sent, so it was dropped after "
        "{hours} hours unused; nothing went to the staff. To add information, send the "
        "reference code and tap «Add information»."
    ),
    "addition_part_edited": (
        "✏️ The addition to feedback <code>{code}</code> now has the edited message."
    ),
    "addition_edit_too_long": (
        "The edited message would make the addition longer than {max_chars} characters, so the "
        "message's earlier text is kept."
    ),
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
}
