"""English texts a resident reads in a private chat with the bot: arriving, writing and
sending feedback, the receipt, looking it up, answers, questions and notices, additions,
ratings, help and the bot's profile (the same keys as ``texts.vi.resident``).

Plain, polite English for someone who may read it as a second language: short sentences,
one word per thing ("answer" for staff's answers, "reference code" for the code,
"feedback" for what the resident sends, "status" for where it stands). Buttons are short
and in English only.
"""

TEXTS: dict[str, str] = {
    # --- Who we are --------------------------------------------------------------------------
    "committee_of": "Vietnam Fatherland Front Committee of {unit}",
    "bot_description": (
        "The feedback box of {committee}: the Fatherland Front listens to the people.\n\n"
        "Send feedback and suggestions about your neighbourhood, with photos and a location "
        "if you like. Feedback is anonymous: staff never see your name or Telegram "
        "account. Each piece of feedback gets a reference code to follow its status and receive "
        "answers.\n\n"
        "Press Start to send feedback."
    ),
    "bot_short_description": (
        "The anonymous feedback box of {committee}. Send feedback, follow it with a "
        "reference code."
    ),
    "bot_short_description_plain": (
        "An anonymous feedback box: the Fatherland Front listens to the people. Send "
        "feedback, follow it with a reference code."
    ),
    "contact_line": "📞 Other ways to reach us: {contact}",
    # --- Arrival -------------------------------------------------------------------------------
    "choose_area": (
        "🏛 <b>Feedback box – {committee}</b>\n"
        "The Fatherland Front listens to the people.\n\n"
        "Please choose the area your feedback is about:"
    ),
    "unknown_area": (
        "No area has the code «{code}»; the QR code may be out of date.\nPlease choose an area:"
    ),
    "malformed_area": "This link does not carry a valid area code.\nPlease choose an area:",
    "closed_area": "The area «{area}» is not taking feedback through Telegram at the moment.",
    "closed_area_others": "If your feedback is about another area, please choose it below:",
    "no_open_areas": (
        "No area is taking feedback yet. Please come back later. Feedback already sent can "
        "still be looked up with its reference code, e.g. <code>/status GY-7Q2K9M4T</code>."
    ),
    "greeting": (
        "🏛 <b>Feedback box – {committee}</b>\n"
        "Area: <b>{area}</b>\n\n"
        "🔒 Feedback is sent <b>anonymously</b>: staff see only the text, the topic and the "
        "area, never your name, username or Telegram account.\n\n"
        "Please choose the topic of your feedback:"
    ),
    "no_open_topics": "No topic is taking feedback yet. Please come back later.",
    "choose_topic_again": "Please choose the topic of your feedback:",
    "kept_before_topic": "Your text is kept. Please choose the topic of your feedback:",
    # --- Writing -------------------------------------------------------------------------------
    "write_prompt": (
        "Topic: <b>{topic}</b>\n\n"
        "✍️ Please write your feedback and send it as an ordinary message. You can send "
        "several messages, up to {max_photos} photos and one location (tap 📎, then "
        "«Location»).\n"
        "When you are done, tap «Review and send»."
    ),
    "write_prompt_with_content": (
        "Topic: <b>{topic}</b>\n\n"
        "What you wrote is kept. Write more if you like, or tap «Review and send»."
    ),
    "received": "✅ Received. Write more if you like, or tap «Review and send».",
    "received_chars_left": "{left} characters left.",
    "received_photos_left": "Photos that can still be added: {left}.",
    "received_photos_full": "That makes {max_photos} photos, the most one feedback can carry.",
    "received_location": "📍 Location received; staff will see it on a map.",
    "received_location_replaced": (
        "📍 The earlier location was replaced by this one (one location per feedback)."
    ),
    "too_long": (
        "That is too long: {max_chars} characters at most for the whole feedback. It has "
        "{current} characters, this message {incoming}. This message was not added; please "
        "send a shorter one."
    ),
    "too_many_photos": (
        "One feedback can carry {max_photos} photos at most. This one was not added."
    ),
    "image_file_cleaned": (
        "🖼 The image you sent as a file was made into an ordinary photo, with everything "
        "attached to it removed (where and when it was taken, the camera). Staff will see "
        "exactly this photo."
    ),
    "image_file_unreadable": (
        "The image in this file could not be opened, so it was not added. Please send it the "
        "usual way: tap 📎, pick the picture and send it as a Photo (not as a «File»)."
    ),
    "voice_refused": (
        "Voice messages are not accepted, because a voice can tell who is speaking.\n"
        "🎤 If typing is hard: tap the microphone on your phone's keyboard and speak; the "
        "phone writes it as text, which you then send as an ordinary message."
    ),
    "content_refused": (
        "The feedback box does not accept {kind}. It accepts text, photos (up to "
        "{max_photos}) and a location."
    ),
    "kind_sticker": "stickers",
    "kind_video": "videos",
    "kind_audio": "audio files",
    "kind_contact": "contacts",
    "kind_document": "files",
    "kind_animation": "GIFs",
    "kind_poll": "polls",
    "kind_other": "this kind of message",
    "empty_draft": "There is nothing to send yet. Please write your feedback first.",
    "edited_updated": "✏️ Updated with your edited message.",
    "edited_too_long": (
        "With that edit the feedback would be over {max_chars} characters, so the message "
        "is kept as it was."
    ),
    "edited_not_in_draft": (
        "The edited message is not part of the feedback you are writing, so nothing "
        "changed. Feedback already sent cannot be edited; to add information, tap «Add "
        "information» on its status."
    ),
    # --- Preview -------------------------------------------------------------------------------
    "preview": (
        "<b>Review your feedback</b> — staff will see exactly this:\n"
        "────────────\n"
        "{card}\n"
        "────────────\n"
        "Tap «Send» to send it, «Edit» to add to it or start over, «Cancel» to drop it."
    ),
    "card_code_pending": "(code given on sending)",
    "card_time_pending": "(time of sending)",
    "preview_personal_data": (
        "⚠️ The text seems to contain <b>personal information</b> ({kinds}). Staff will see "
        "exactly what you wrote.\nTo take out just that part: press and hold the message you "
        "sent that has it, choose «Edit» in the menu that opens, delete that part and save; the "
        "feedback is updated and shown again for review.\nTo write it all again: tap the "
        "«Edit» button below, then «Start over»."
    ),
    "personal_phone": "a phone number",
    "personal_id_number": "an identity card number",
    "personal_passport": "a passport number",
    "personal_email": "an e-mail address",
    "personal_plate": "a licence plate",
    "preview_complaint": (
        "ℹ️ If this is a <b>denunciation or a complaint</b>: by law, these must carry the "
        "sender's full name and address to be dealt with, so they cannot go through this "
        "anonymous box. Please take it in person to the citizen reception office of the "
        "People's Committee, or to the standing board of the Fatherland Front Committee. "
        "You can still send this text as feedback."
    ),
    "edit_choice": "How would you like to change your feedback?",
    "btn_edit_more": "✍️ Add more (keep what I wrote)",
    "btn_edit_over": "🗑 Start over",
    "btn_edit_back": "↩️ Back",
    "edit_more_prompt": (
        "What you sent is kept. Please write more, then tap «Review and send».\n"
        "To change a message you sent: press and hold it, then choose «Edit»."
    ),
    "edit_over_confirm": (
        "Starting over deletes all the text, photos and the location of this feedback (the "
        "area and topic stay). Delete and start over?"
    ),
    "btn_edit_over_yes": "🗑 Delete and start over",
    "btn_edit_over_no": "↩️ No, keep it",
    "edit_prompt": "Deleted. Please write your feedback again (topic: <b>{topic}</b>).",
    "cancel_confirm": (
        "Cancelling deletes all the text, photos and location in this feedback, and nothing "
        "is sent. Drop this feedback?"
    ),
    "btn_cancel_yes": "🗑 Drop the feedback",
    "btn_cancel_no": "↩️ No, keep it",
    "cancelled": "Cancelled. Nothing was sent.\nTo send feedback, tap /start.",
    "nothing_to_cancel": "No feedback is being written. To send feedback, tap /start.",
    "send_failed_area_closed": (
        "This area has just stopped taking feedback, so it was not sent. Your text is kept: "
        "please choose another area, or tap /cancel to drop it."
    ),
    "send_failed_topic_closed": (
        "This topic has just stopped taking feedback, so it was not sent. Your text is kept; "
        "please choose another topic:"
    ),
    "feedback_rate_limited": (
        "{limit} pieces of feedback were sent from this account in the past hour. This one is "
        "kept; please tap «Send» again later (it may take up to an hour)."
    ),
    # --- Restart, expiry, stale buttons ----------------------------------------------------------
    "restart_confirm": "You have unfinished feedback. Drop it and start again?",
    "received_kept_writing": (
        "✅ Added to your unfinished feedback. Write more if you like, or tap «Review and "
        "send».\nTo drop it and start new feedback, send /start again."
    ),
    "draft_expired": (
        "⌛ Your unfinished feedback was left for more than {hours} hours, so it was "
        "discarded. Nothing was sent."
    ),
    "draft_expired_kept": (
        "The message you just sent starts a new feedback for «{area}». Please choose the topic:"
    ),
    "draft_expired_same_area": ("Please continue with the area «{area}», or choose another area:"),
    "btn_same_area": "✍️ Feedback for {area}",
    # Staff press old buttons too and get these same words; the main reader is a resident.
    "stale_button": "This button is out of date. Please use the newest message.",
    "outside_draft": (
        "To send feedback, please scan your area's QR code or choose an area below. To "
        "look up feedback you sent, send its reference code (e.g. <code>GY-7Q2K9M4T</code>)."
    ),
    # Whoever wrote gets it, staff and admins too; the main reader is a resident.
    "error": (
        "Sorry, something went wrong. Your unfinished feedback (if any) is kept; please try "
        "again. If it keeps failing, tap /cancel, then /start."
    ),
    # --- Status -------------------------------------------------------------------------------
    "status_usage": (
        "Please send the reference code after the command, e.g. <code>/status GY-7Q2K9M4T</code>"
    ),
    "status_invalid": (
        "«{code}» is not a reference code. A reference code looks like "
        "<code>GY-7Q2K9M4T</code>: 2 letters, a dash, 8 characters."
    ),
    "status_not_found": (
        "No feedback has the reference code <code>{code}</code>. Please check the code."
    ),
    "status_rate_limited": "Too many look-ups in the past hour. Please try again later.",
    "status_view": (
        "📮 <b>Feedback {code}</b>\n"
        "🏷 Topic: {topic}\n"
        "📍 Area: {area}\n"
        "🕒 Sent: {created}\n"
        "📌 Status: <b>{status}</b> (updated {changed})"
    ),
    "status_no_replies": "No answer yet.",
    "status_replies_header": "<b>Answers from {committee}:</b>",
    "status_reply": "💬 <i>{time}</i>",
    # --- Answers and notices ---------------------------------------------------------------------
    "resident_reply": "📬 <b>Answer from {committee}</b> about feedback <code>{code}</code>:",
    "resident_resolved": (
        "✅ Feedback <code>{code}</code> has been resolved. Please tell us whether you are "
        "satisfied with the outcome:"
    ),
    "resident_rejected": (
        "Feedback <code>{code}</code> has been considered; the committee will not take it "
        "further. If you have more information, please send new feedback with /start."
    ),
    # --- Help and language ---------------------------------------------------------------------
    "help": (
        "<b>Feedback box – {committee}</b>\n\n"
        "1️⃣ Scan your area's QR code (or tap /start and choose the area).\n"
        "2️⃣ Choose a topic.\n"
        "3️⃣ Write your feedback; add up to {max_photos} photos and one location if you like. "
        "Tap «Review and send», then «Send».\n"
        "4️⃣ Keep the reference code. Send it to the bot to see the status and the answers.\n\n"
        "🔒 Feedback is anonymous: staff see only the text, the topic and the area, never "
        "your name, username or Telegram account. Voice messages are not accepted, because "
        "a voice can tell who is speaking.\n\n"
        "/status &lt;code&gt; — see the status of feedback you sent\n"
        "/cancel — drop the feedback you are writing\n"
        "/language — change language (Tiếng Việt / English)"
    ),
    "language_prompt": "Xin chọn ngôn ngữ / Choose your language:",
    "language_set": "Switched to English.",
    # --- Buttons and menus ---------------------------------------------------------------------
    "btn_preview": "👀 Review and send",
    "btn_send": "✅ Send",
    "btn_edit": "✏️ Edit",
    "btn_cancel": "❌ Cancel",
    "btn_restart_yes": "🗑 Drop it and start again",
    "btn_restart_no": "↩️ Keep writing it",
    "btn_lang_vi": "🇻🇳 Tiếng Việt",
    "btn_lang_en": "🇬🇧 English",
    "cmd_start": "Send feedback",
    "cmd_status": "Status of your feedback, by its reference code",
    "cmd_help": "How it works",
    "cmd_language": "Đổi ngôn ngữ / Change language",
    "cmd_cancel": "Drop the feedback you are writing",
    # --- Issue 19 ------------------------------------------------------------------------------
    "stale_button_message": (
        "The button you tapped belongs to an old message and no longer works. Please use the "
        "buttons of the newest message. To send new feedback, tap /start; to look up feedback "
        "you sent, send its reference code."
    ),
    "outside_draft_unsent": (
        "The message you just sent <b>has not been passed to the staff</b>.\n\n"
        "• To add it to feedback you sent: tap «✍️ Add information» under the committee's "
        "answer, or reply to that message, and send it again.\n"
        "• For new feedback: choose an area below, or scan your area's QR code.\n"
        "• To see or add to feedback you sent, you can also send its reference code (e.g. "
        "<code>GY-7Q2K9M4T</code>)."
    ),
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
    # --- Not handled, «not within our competence»: where to go instead ----------------------
    "resident_rejected_elsewhere": (
        "Feedback <code>{code}</code> has been considered; the committee will not take it "
        "further.\nReason: {reason}\nWho can deal with it: {agency}. Please contact them "
        "directly.\nIf you have more information, please send new feedback with /start."
    ),
    "status_elsewhere": "Who can deal with it: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "resident_resolved_with": (
        "✅ Feedback <code>{code}</code> has been resolved.\nResult: {result}\nPlease tell "
        "us whether you are satisfied with the outcome:"
    ),
    "status_result": "Result: {result}",
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
}
