"""English texts a resident reads while sending feedback, looking it up and getting help.

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
    "card": ("📮 <b>Feedback {code}</b>\n📍 Area: {area}\n🏷 Topic: {topic}\n🕒 {time}\n\n{body}"),
    "card_photos": "\n\n🖼 Photos attached: {photos}.",
    "card_location": "\n\n🗺 With a location on the map.",
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
    "stale_button": "This button is out of date. Please use the newest message.",
    "outside_draft": (
        "To send feedback, please scan your area's QR code or choose an area below. To "
        "look up feedback you sent, send its reference code (e.g. <code>GY-7Q2K9M4T</code>)."
    ),
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
}
