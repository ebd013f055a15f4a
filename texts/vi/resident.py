"""Vietnamese texts a resident reads in a private chat with the bot: arriving, writing and
sending feedback, the receipt, looking it up, answers, questions and notices, additions,
ratings, help and the bot's profile.

HTML; placeholders are filled with escaped values.

The register is the committee's to the people it serves (SPEC §3): never "bạn", never
"Hãy"; sentences that need no pronoun, "Xin mời…", "Xin cảm ơn", "người gửi" where one
must be named. One word per thing: "trả lời" for staff's answers, "mã tra cứu" for the
code, "góp ý" for what the resident sends, "tình trạng" for where it stands. Plain words
an elderly reader knows; no English, no jargon. Buttons are short and in one language.
"""

TEXTS: dict[str, str] = {
    # --- Who we are --------------------------------------------------------------------------
    "committee_of": "Ủy ban Mặt trận Tổ quốc Việt Nam {unit}",
    "bot_description": (
        "Hòm thư góp ý của {committee} – Mặt trận lắng nghe ý kiến Nhân dân.\n\n"
        "Gửi góp ý, kiến nghị về những việc ở khu dân cư; có thể kèm ảnh và vị trí. "
        "Góp ý được gửi ẩn danh: cán bộ không thấy tên hay tài khoản Telegram của người "
        "gửi. Mỗi góp ý có một mã tra cứu để xem tình trạng và nhận trả lời.\n\n"
        "Bấm «Bắt đầu» (Start) để gửi góp ý."
    ),
    "bot_short_description": (
        "Hòm thư góp ý ẩn danh của {committee}. Gửi góp ý, theo dõi bằng mã tra cứu."
    ),
    "bot_short_description_plain": (
        "Hòm thư góp ý ẩn danh – Mặt trận lắng nghe ý kiến Nhân dân. Gửi góp ý, theo dõi "
        "bằng mã tra cứu."
    ),
    "contact_line": "📞 Liên hệ khác: {contact}",
    # --- Arrival -------------------------------------------------------------------------------
    "choose_area": (
        "🏛 <b>Hòm thư góp ý – {committee}</b>\n"
        "Mặt trận lắng nghe ý kiến Nhân dân.\n\n"
        "Xin mời chọn khu vực có sự việc cần góp ý:"
    ),
    "unknown_area": (
        "Không tìm thấy khu vực có mã «{code}»; có thể mã QR đã cũ.\nXin mời chọn khu vực:"
    ),
    "malformed_area": "Đường dẫn này bị sai hoặc thiếu mã khu vực.\nXin mời chọn khu vực:",
    "closed_area": "Khu vực «{area}» hiện tạm ngừng nhận góp ý qua Telegram.",
    "closed_area_others": "Nếu sự việc ở khu vực khác, xin mời chọn bên dưới:",
    "no_open_areas": (
        "Hiện chưa có khu vực nào nhận góp ý. Xin vui lòng quay lại sau. Góp ý đã gửi vẫn "
        "xem được bằng mã tra cứu, ví dụ <code>/status GY-7Q2K9M4T</code>."
    ),
    "greeting": (
        "🏛 <b>Hòm thư góp ý – {committee}</b>\n"
        "Khu vực: <b>{area}</b>\n\n"
        "🔒 Góp ý được gửi <b>ẩn danh</b>: cán bộ chỉ thấy nội dung, lĩnh vực và khu vực; "
        "không bao giờ thấy tên, tên người dùng hay tài khoản Telegram của người gửi.\n\n"
        "Xin mời chọn lĩnh vực của góp ý:"
    ),
    "no_open_topics": "Hiện chưa có lĩnh vực nào nhận góp ý. Xin vui lòng quay lại sau.",
    "choose_topic_again": "Xin mời chọn lĩnh vực của góp ý:",
    "kept_before_topic": "Đã ghi nhận nội dung. Xin mời chọn lĩnh vực của góp ý:",
    # --- Writing -------------------------------------------------------------------------------
    "write_prompt": (
        "Lĩnh vực: <b>{topic}</b>\n\n✍️ Xin mời viết góp ý rồi gửi như tin nhắn bình thường. Có "
        "thể gửi nhiều tin, kèm tối đa {max_photos} ảnh và một vị trí (bấm 📎, chọn «Vị trí» hoặc "
        "«Location»).\nViết xong, bấm «Xem lại và gửi»."
    ),
    "write_prompt_with_content": (
        "Lĩnh vực: <b>{topic}</b>\n\n"
        "Nội dung đã viết vẫn được giữ. Có thể viết thêm, hoặc bấm «Xem lại và gửi»."
    ),
    "received": "✅ Đã ghi nhận. Có thể viết thêm, hoặc bấm «Xem lại và gửi».",
    "received_chars_left": "Còn viết thêm được {left} ký tự.",
    "received_photos_left": "Còn kèm được {left} ảnh nữa.",
    "received_photos_full": "Đã đủ {max_photos} ảnh.",
    "received_location": "📍 Đã ghi nhận vị trí; cán bộ sẽ thấy vị trí này trên bản đồ.",
    "received_location_replaced": (
        "📍 Đã thay vị trí cũ bằng vị trí vừa gửi (mỗi góp ý kèm một vị trí)."
    ),
    "too_long": (
        "Góp ý quá dài: mỗi góp ý tối đa {max_chars} ký tự. Đã viết {current} ký tự, tin vừa gửi "
        "có {incoming} ký tự nên chưa được ghi nhận. Xin gửi tin ngắn hơn, hoặc bấm «Xem lại và "
        "gửi»."
    ),
    "too_many_photos": "Mỗi góp ý kèm tối đa {max_photos} ảnh. Ảnh này chưa được ghi nhận.",
    "image_file_cleaned": (
        "🖼 Ảnh gửi dạng tệp đã được chuyển thành ảnh thường và bỏ hết thông tin kèm theo "
        "(nơi chụp, giờ chụp, loại máy chụp). Cán bộ sẽ thấy đúng ảnh này."
    ),
    "image_file_unreadable": (
        "Không mở được ảnh trong tệp này nên chưa ghi nhận. Xin gửi lại theo cách thông "
        "thường: bấm 📎, chọn ảnh rồi gửi dạng Ảnh (không chọn «Tệp»)."
    ),
    "voice_refused": (
        "Hòm thư không nhận tin nhắn thoại, vì giọng nói có thể cho biết người gửi là ai.\n"
        "🎤 Nếu không tiện gõ chữ: bấm biểu tượng micro trên bàn phím điện thoại rồi nói, "
        "điện thoại sẽ tự viết thành chữ; sau đó gửi như tin nhắn thường."
    ),
    "content_refused": (
        "Hòm thư không nhận {kind}. Chỉ nhận chữ, ảnh (tối đa {max_photos} ảnh) và vị trí."
    ),
    "kind_sticker": "nhãn dán (sticker)",
    "kind_video": "video",
    "kind_audio": "tệp âm thanh",
    "kind_contact": "danh bạ",
    "kind_document": "tệp đính kèm",
    "kind_animation": "ảnh động",
    "kind_poll": "bình chọn",
    "kind_other": "loại tin nhắn này",
    "empty_draft": "Chưa có nội dung góp ý. Xin mời viết góp ý trước.",
    "edited_updated": "✏️ Đã cập nhật theo tin vừa sửa.",
    "edited_too_long": (
        "Tin vừa sửa làm góp ý vượt quá {max_chars} ký tự nên vẫn giữ nội dung cũ của tin đó."
    ),
    "edited_not_in_draft": (
        "Tin vừa sửa không thuộc góp ý đang viết nên không thay đổi gì. Góp ý đã gửi thì không "
        "sửa được; muốn thêm thông tin, xin gửi mã tra cứu rồi bấm «Bổ sung thông tin»."
    ),
    # --- Preview -------------------------------------------------------------------------------
    "preview": (
        "<b>Xem lại góp ý</b> — cán bộ sẽ thấy đúng như sau:\n"
        "────────────\n"
        "{card}\n"
        "────────────\n"
        "Bấm «Gửi» để gửi, «Sửa» để viết thêm hoặc viết lại, «Hủy» để bỏ."
    ),
    "card_code_pending": "(mã sẽ có khi gửi)",
    "card_time_pending": "(thời điểm gửi)",
    "preview_personal_data": (
        "⚠️ Nội dung có vẻ chứa <b>thông tin cá nhân</b> ({kinds}). Cán bộ sẽ thấy đúng những gì "
        "đã viết.\nMuốn bỏ riêng phần đó: nhấn giữ tin nhắn đã gửi có thông tin ấy, chọn «Sửa» "
        "(Edit) trong danh sách hiện ra, xóa phần đó rồi lưu lại; góp ý sẽ được cập nhật và "
        "hiện lại để xem.\nMuốn viết lại cả góp ý: bấm nút «Sửa» bên dưới, rồi chọn «Viết lại "
        "từ đầu»."
    ),
    "personal_phone": "số điện thoại",
    "personal_id_number": "số căn cước hoặc chứng minh nhân dân",
    "personal_passport": "số hộ chiếu",
    "personal_email": "địa chỉ email",
    "personal_plate": "biển số xe",
    "preview_complaint": (
        "ℹ️ Nếu đây là <b>đơn khiếu nại, tố cáo</b>: theo quy định, đơn khiếu nại, tố cáo phải "
        "ghi rõ họ tên, địa chỉ người gửi mới được xem xét, giải quyết, nên không thể gửi qua hòm "
        "thư ẩn danh này. Xin gửi đơn trực tiếp tới Bộ phận tiếp công dân của Ủy ban nhân dân, "
        "hoặc gặp Ban Thường trực Ủy ban Mặt trận Tổ quốc. Nội dung này vẫn có thể gửi như một "
        "góp ý."
    ),
    "edit_choice": "Xin chọn cách sửa góp ý:",
    "btn_edit_more": "✍️ Viết thêm (giữ nội dung cũ)",
    "btn_edit_over": "🗑 Viết lại từ đầu",
    "btn_edit_back": "↩️ Quay lại",
    "edit_more_prompt": (
        "Nội dung và ảnh đã viết vẫn được giữ. Xin mời viết thêm, rồi bấm «Xem lại và gửi».\nMuốn "
        "sửa một tin đã viết: nhấn giữ tin đó rồi chọn «Sửa» (Edit)."
    ),
    "edit_over_confirm": (
        "Viết lại từ đầu sẽ xóa hết chữ, ảnh và vị trí đã có trong góp ý này (khu vực và lĩnh vực "
        "vẫn giữ nguyên). Xóa và viết lại?"
    ),
    "btn_edit_over_yes": "🗑 Xóa và viết lại",
    "btn_edit_over_no": "↩️ Không, giữ lại",
    "edit_prompt": "Đã xóa nội dung cũ. Xin mời viết lại góp ý (lĩnh vực: <b>{topic}</b>).",
    "cancel_confirm": (
        "Hủy sẽ xóa hết chữ, ảnh và vị trí đã có trong góp ý này; góp ý không được gửi đi. "
        "Bỏ góp ý này?"
    ),
    "btn_cancel_yes": "🗑 Bỏ góp ý",
    "btn_cancel_no": "↩️ Không, giữ lại",
    "cancelled": "Đã hủy, góp ý không được gửi đi.\nMuốn gửi góp ý, bấm /start.",
    "nothing_to_cancel": "Không có góp ý nào đang viết. Muốn góp ý, bấm /start.",
    "send_failed_area_closed": (
        "Khu vực này vừa ngừng nhận góp ý nên chưa gửi được. Nội dung vẫn được giữ: xin "
        "chọn khu vực khác, hoặc bấm /cancel để bỏ."
    ),
    "send_failed_topic_closed": (
        "Lĩnh vực này vừa ngừng nhận góp ý nên chưa gửi được. Nội dung vẫn được giữ; xin "
        "mời chọn lĩnh vực khác:"
    ),
    "feedback_rate_limited": (
        "Trong một giờ qua, tài khoản này đã gửi {limit} góp ý. Góp ý này vẫn được giữ; xin bấm "
        "«Gửi» lại sau (có thể phải chờ đến một giờ)."
    ),
    # --- Restart, expiry, stale buttons ----------------------------------------------------------
    "restart_confirm": "Đang có một góp ý viết dở. Bỏ góp ý đó và bắt đầu lại?",
    "received_kept_writing": (
        "✅ Đã thêm vào góp ý đang viết dở. Có thể viết thêm, hoặc bấm «Xem lại và gửi».\n"
        "Muốn bỏ góp ý này để viết góp ý mới, xin gửi lại /start."
    ),
    "draft_expired": "⌛ Góp ý viết dở đã quá {hours} giờ nên đã tự hủy, không được gửi đi.",
    "draft_expired_kept": (
        "Tin vừa gửi được giữ làm góp ý mới cho khu vực «{area}». Xin mời chọn lĩnh vực:"
    ),
    "draft_expired_same_area": "Xin mời góp ý tiếp cho khu vực «{area}», hoặc chọn khu vực khác:",
    "btn_same_area": "✍️ Góp ý cho {area}",
    # Staff press old buttons too and get these same words; the main reader is a resident.
    "stale_button": "Nút này không còn dùng được. Xin bấm nút ở tin nhắn mới nhất.",
    "outside_draft": (
        "Để gửi góp ý, xin quét mã QR của khu vực hoặc chọn khu vực bên dưới. Để xem góp ý "
        "đã gửi, xin gửi mã tra cứu (ví dụ <code>GY-7Q2K9M4T</code>)."
    ),
    # Whoever wrote gets it, staff and admins too; the main reader is a resident.
    "error": (
        "Xin lỗi, đã có lỗi xảy ra. Góp ý đang viết (nếu có) vẫn được giữ; xin thử lại. Nếu vẫn "
        "lỗi, bấm /cancel (góp ý đang viết sẽ bị bỏ) rồi /start."
    ),
    # --- Status -------------------------------------------------------------------------------
    "status_usage": (
        "Xin gửi mã tra cứu của góp ý, ví dụ: <code>GY-7Q2K9M4T</code> (hoặc <code>/status "
        "GY-7Q2K9M4T</code>)."
    ),
    "status_invalid": (
        "«{code}» không phải mã tra cứu. Mã tra cứu có dạng <code>GY-7Q2K9M4T</code>: "
        "2 chữ cái, dấu gạch ngang, 8 ký tự."
    ),
    "status_not_found": (
        "Không tìm thấy góp ý có mã tra cứu <code>{code}</code>. Xin kiểm tra lại mã."
    ),
    "status_rate_limited": "Đã tra cứu nhiều lần trong một giờ qua. Xin thử lại sau.",
    "status_view": (
        "📮 <b>Góp ý {code}</b>\n"
        "🏷 Lĩnh vực: {topic}\n"
        "📍 Khu vực: {area}\n"
        "🕒 Gửi lúc: {created}\n"
        "📌 Tình trạng: <b>{status}</b> (cập nhật lúc {changed})"
    ),
    "status_no_replies": "Chưa có trả lời.",
    "status_replies_header": "<b>Trả lời của {committee}:</b>",
    "status_reply": "💬 <i>{time}</i>",
    # --- Answers and notices ---------------------------------------------------------------------
    "resident_reply": "📬 <b>Trả lời của {committee}</b> về góp ý <code>{code}</code>:",
    "resident_resolved": (
        "✅ Góp ý <code>{code}</code> đã được giải quyết. Xin cho biết có hài lòng với kết quả "
        "không:"
    ),
    "resident_rejected": (
        "Góp ý <code>{code}</code> đã được xem xét; Ủy ban không tiếp tục xử lý góp ý này. Nếu có "
        "thêm thông tin, xin gửi góp ý mới bằng /start."
    ),
    # --- Help and language ---------------------------------------------------------------------
    "help": (
        "<b>Hòm thư góp ý – {committee}</b>\n\n"
        "1️⃣ Quét mã QR của khu vực (hoặc bấm /start rồi chọn khu vực).\n"
        "2️⃣ Chọn lĩnh vực.\n"
        "3️⃣ Viết góp ý; có thể kèm đến {max_photos} ảnh và một vị trí. Bấm «Xem lại và "
        "gửi», rồi «Gửi».\n"
        "4️⃣ Giữ lại mã tra cứu. Gửi mã tra cứu vào cuộc trò chuyện này để xem tình trạng "
        "góp ý và trả lời của Ủy ban.\n\n"
        "🔒 Góp ý được gửi ẩn danh: cán bộ chỉ thấy nội dung, lĩnh vực và khu vực; không "
        "thấy tên, tên người dùng hay tài khoản Telegram của người gửi. Hòm thư không nhận "
        "tin nhắn thoại vì giọng nói có thể cho biết người gửi là ai.\n\n"
        "/status &lt;mã tra cứu&gt; — xem tình trạng góp ý đã gửi\n"
        "/cancel — hủy góp ý đang viết\n"
        "/language — đổi ngôn ngữ (Tiếng Việt / English)"
    ),
    "language_prompt": "Xin chọn ngôn ngữ / Choose your language:",
    "language_set": "Đã chuyển sang tiếng Việt.",
    # --- Buttons and menus ---------------------------------------------------------------------
    "btn_preview": "👀 Xem lại và gửi",
    "btn_send": "✅ Gửi",
    "btn_edit": "✏️ Sửa",
    "btn_cancel": "❌ Hủy",
    "btn_restart_yes": "🗑 Bỏ và bắt đầu lại",
    "btn_restart_no": "↩️ Viết tiếp góp ý đang dở",
    "btn_lang_vi": "🇻🇳 Tiếng Việt",
    "btn_lang_en": "🇬🇧 English",
    "cmd_start": "Gửi góp ý",
    "cmd_status": "Xem tình trạng góp ý bằng mã tra cứu",
    "cmd_help": "Hướng dẫn",
    "cmd_language": "Đổi ngôn ngữ / Change language",
    "cmd_cancel": "Hủy góp ý đang viết",
    # --- Issue 19 ------------------------------------------------------------------------------
    "stale_button_message": (
        "Nút vừa bấm thuộc một tin nhắn cũ nên không còn dùng được. Xin bấm nút ở tin nhắn "
        "mới nhất. Để gửi góp ý mới, bấm /start; để xem góp ý đã gửi, xin gửi mã tra cứu."
    ),
    "outside_draft_unsent": (
        "Tin vừa gửi <b>chưa được chuyển tới cán bộ</b>.\n\n"
        "• Nếu là bổ sung cho góp ý đã gửi: xin bấm «✍️ Bổ sung thông tin» dưới trả lời của "
        "Ủy ban, hoặc trả lời (reply) ngay tin nhắn đó, rồi gửi lại.\n"
        "• Nếu là góp ý mới: xin chọn khu vực bên dưới, hoặc quét mã QR của khu vực.\n"
        "• Để xem hay bổ sung góp ý đã gửi, cũng có thể gửi mã tra cứu (ví dụ "
        "<code>GY-7Q2K9M4T</code>)."
    ),
    # --- The receipt and the status, for residents ------------------------------------------
    "sent": (
        "✅ <b>Góp ý đã được gửi.</b> Xin cảm ơn!\n\n"
        "Mã tra cứu: <code>{code}</code>\n"
        "Xin giữ lại mã này. Để xem tình trạng xử lý, bấm «Xem tình trạng» "
        "hoặc gửi <code>/status {code}</code>.\n\n"
        "Có muốn nhận trả lời của cán bộ ngay trong cuộc trò chuyện này không?"
    ),
    "btn_receive": "🔔 Nhận trả lời tại đây",
    "btn_no_receive": "Không, cảm ơn",
    "btn_see_status": "📋 Xem tình trạng",
    "btn_add_more": "✍️ Bổ sung thông tin",
    "btn_answer_question": "✍️ Bổ sung: trả lời câu hỏi",
    "btn_satisfied": "😊 Hài lòng",
    "btn_not_satisfied": "🙁 Chưa hài lòng",
    "btn_stop_adding": "Thôi, không bổ sung",
    "toast_receive_on": "Trả lời sẽ được gửi đến đây.",
    "receive_confirmed": (
        "🔔 Trả lời của cán bộ về góp ý <code>{code}</code> sẽ được gửi đến cuộc trò chuyện "
        "này. Danh tính người gửi vẫn được giữ kín."
    ),
    "receive_too_many": (
        "Góp ý này đã có quá nhiều nơi đăng ký nhận trả lời nên không thêm được nữa. Vẫn xem được "
        "trả lời bằng mã tra cứu."
    ),
    "toast_no_receive": "Đã ghi nhận.",
    "no_receive_confirmed": (
        "Đã ghi nhận: trả lời sẽ không được gửi đến đây. Có thể xem trả lời bất cứ lúc nào "
        "bằng <code>/status {code}</code>."
    ),
    "status_not_found_short": "Không tìm thấy góp ý có mã này.",
    "resident_status_new": "Đã nhận, đang chờ xem xét",
    "resident_status_received": "Cán bộ đã tiếp nhận",
    "resident_status_in_progress": "Đang được giải quyết",
    "resident_status_forwarded": "Đã chuyển tới cơ quan có thẩm quyền",
    "resident_status_resolved": "Đã giải quyết",
    "resident_status_rejected": "Đã xem xét, không tiếp tục xử lý",
    "status_due": "⏳ Hạn giải quyết: {due}",
    "status_due_extended": "↪️ Thời hạn giải quyết đã được kéo dài. Lý do: {reason}",
    "status_reason": "Lý do: {reason}",
    "status_agency": "Đã chuyển tới: {agency}",
    "status_question": "❓ <i>Câu hỏi của cán bộ, {time}</i>",
    "status_correction": "💬 <i>Đính chính, {time}</i>",
    "status_additions": "✍️ Đã gửi thêm {count} phần bổ sung.",
    "status_rated_satisfied": "Đánh giá: hài lòng với kết quả.",
    "status_rated_unsatisfied": "Đánh giá: chưa hài lòng với kết quả.",
    # --- Answers, questions and notices, for residents ----------------------------------------
    "resident_correction": (
        "📬 <b>Đính chính trả lời của {committee}</b> về góp ý <code>{code}</code>:"
    ),
    "resident_question": "❓ <b>{committee} xin hỏi thêm về góp ý {code}:</b>",
    "resident_question_footer": (
        "Xin bấm «Bổ sung: trả lời câu hỏi» bên dưới, hoặc trả lời (reply) ngay tin nhắn này."
    ),
    "resident_forwarded": (
        "📨 Góp ý <code>{code}</code> đã được chuyển tới {agency} để xem xét, giải quyết."
    ),
    "resident_rejected_because": (
        "Góp ý <code>{code}</code> đã được xem xét; Ủy ban không tiếp tục xử lý góp ý này.\nLý "
        "do: {reason}\nNếu có thêm thông tin, xin gửi góp ý mới bằng /start."
    ),
    # --- Additions --------------------------------------------------------------------------
    "adding_prompt": (
        "✍️ Xin mời gửi phần bổ sung cho góp ý <code>{code}</code>: viết chữ, gửi ảnh (có "
        "thể gửi nhiều tin). Gửi xong, xin bấm «Gửi phần bổ sung»."
    ),
    "adding_prompt_answer": (
        "✍️ Xin mời trả lời câu hỏi của cán bộ về góp ý <code>{code}</code>: viết chữ, gửi "
        "ảnh (có thể gửi nhiều tin). Gửi xong, xin bấm «Gửi phần bổ sung»."
    ),
    "adding_prompt_dissatisfied": (
        "Xin cảm ơn đã cho biết. Góp ý <code>{code}</code> đã được mở lại để cán bộ xem xét "
        "tiếp.\nNếu muốn, xin viết vài dòng về điều chưa được giải quyết, rồi bấm «Gửi phần "
        "bổ sung»."
    ),
    "addition_received": (
        "✅ Đã chuyển phần bổ sung cho góp ý <code>{code}</code> tới cán bộ. Xin cảm ơn!"
    ),
    "adding_expired": (
        "Tin vừa gửi chưa được chuyển đi vì đã quá thời gian chờ phần bổ sung. Muốn bổ sung, xin "
        "gửi mã tra cứu rồi bấm «Bổ sung thông tin»; muốn gửi góp ý mới, bấm /start."
    ),
    "adding_cancelled": "Đã hủy việc bổ sung. Muốn gửi góp ý mới, bấm /start.",
    "toast_adding_stopped": "Đã hủy bổ sung.",
    # --- Ratings ----------------------------------------------------------------------------
    "toast_thanks": "Xin cảm ơn!",
    "rated_satisfied": "😊 Xin cảm ơn đã đánh giá kết quả giải quyết góp ý <code>{code}</code>.",
    "toast_reopened": "Đã mở lại góp ý.",
    "rating_not_resolved": "Chỉ đánh giá được khi góp ý đã được giải quyết.",
    "rating_rate_limited": "Đã đánh giá nhiều lần trong một giờ qua. Xin thử lại sau.",
    # --- Not handled, «không thuộc thẩm quyền»: where to go instead -----------------------
    "resident_rejected_elsewhere": (
        "Góp ý <code>{code}</code> đã được xem xét; Ủy ban không tiếp tục xử lý góp ý này.\nLý "
        "do: {reason}\nNơi có thẩm quyền giải quyết: {agency}. Xin ông/bà liên hệ trực tiếp "
        "nơi này.\nNếu có thêm thông tin, xin gửi góp ý mới bằng /start."
    ),
    "status_elsewhere": "Nơi có thẩm quyền giải quyết: {agency}",
    # --- Resolved: the result -------------------------------------------------------------
    "resident_resolved_with": (
        "✅ Góp ý <code>{code}</code> đã được giải quyết.\nKết quả: {result}\nXin cho biết có "
        "hài lòng với kết quả không:"
    ),
    "status_result": "Kết quả: {result}",
    # --- Issue 19: answers here or not, stopping them, additions collected ----------------------
    "sent_code": (
        "✅ <b>Góp ý đã được gửi.</b> Xin cảm ơn!\n\n"
        "Mã tra cứu: <code>{code}</code>\n"
        "Xin giữ lại mã này. Để xem tình trạng xử lý, bấm «Xem tình trạng» "
        "hoặc gửi <code>/status {code}</code>."
    ),
    "sent_receiving": (
        "🔔 Trả lời của cán bộ về góp ý này sẽ được gửi đến cuộc trò chuyện này. Danh tính "
        "người gửi vẫn được giữ kín. Muốn thôi nhận, bấm «Ngừng nhận trả lời»."
    ),
    "sent_not_receiving": (
        "Trả lời sẽ không được gửi đến đây; có thể xem bất cứ lúc nào bằng «Xem tình trạng». "
        "Nếu đổi ý, xin bấm «Nhận trả lời tại đây»."
    ),
    "btn_stop_receiving": "🔕 Ngừng nhận trả lời",
    "toast_receiving_stopped": "Đã ngừng nhận trả lời tại đây.",
    "receiving_stopped": (
        "🔕 Đã ngừng: trả lời về góp ý <code>{code}</code> sẽ không được gửi đến đây nữa. Vẫn "
        "xem được trả lời bằng <code>/status {code}</code>; muốn nhận lại, bấm «Nhận trả lời "
        "tại đây» dưới kết quả tra cứu."
    ),
    "not_receiving_here": "Trả lời về góp ý này không được gửi đến cuộc trò chuyện này.",
    "receive_rate_limited": (
        "Đã đăng ký nhận trả lời nhiều lần trong một giờ qua. Xin thử lại sau."
    ),
    "btn_send_addition": "📤 Gửi phần bổ sung",
    "addition_kept": (
        "✅ Đã ghi nhận phần bổ sung cho góp ý <code>{code}</code>. Có thể gửi thêm chữ hoặc "
        "ảnh; gửi xong, xin bấm «Gửi phần bổ sung» để chuyển tới cán bộ."
    ),
    "addition_kept_photos_full": "Đã đủ {max_photos} ảnh.",
    "addition_message_too_long": (
        "Tin này làm phần bổ sung dài quá {max_chars} ký tự nên chưa được ghi nhận. Những gì "
        "đã ghi nhận trước vẫn được giữ; xin gửi ngắn hơn, hoặc bấm «Gửi phần bổ sung»."
    ),
    "addition_too_many_photos": (
        "Phần bổ sung chỉ kèm được tối đa {max_photos} ảnh nên ảnh này chưa được ghi nhận. "
        "Xin bấm «Gửi phần bổ sung»; ảnh khác có thể gửi trong lần bổ sung sau."
    ),
    "addition_refused_kept": (
        "Những gì đã ghi nhận trước vẫn được giữ; xin gửi tiếp chữ hoặc ảnh, hoặc bấm «Gửi "
        "phần bổ sung»."
    ),
    "toast_addition_empty": "Chưa có gì để gửi: xin viết chữ hoặc gửi ảnh trước.",
    "addition_send_rate_limited": (
        "Đã gửi nhiều phần bổ sung trong một giờ qua nên phần này chưa được chuyển đi. Nội "
        "dung vẫn được giữ; xin bấm «Gửi phần bổ sung» lại sau."
    ),
    # --- A collected addition is never dropped without a word ------------------------------
    "addition_unsent_other": (
        "Ông/bà còn phần bổ sung cho góp ý <code>{code}</code> chưa gửi. Xin gửi hoặc bỏ phần "
        "đó trước (nút dưới đây); sau đó có thể bổ sung cho góp ý <code>{new_code}</code>."
    ),
    "addition_held_for": (
        "Tin vừa gửi đã được ghi nhận cho góp ý <code>{code}</code>, và sẽ gửi được sau khi "
        "xong phần bổ sung đang viết."
    ),
    "btn_send_addition_of": "📤 Gửi phần bổ sung cho {code}",
    "btn_drop_addition_of": "🗑 Bỏ phần bổ sung cho {code}",
    "btn_keep_addition": "↩️ Không, giữ lại",
    "adding_dropped_of": (
        "Đã bỏ phần bổ sung cho góp ý <code>{code}</code>; không có gì được chuyển tới cán bộ."
    ),
    "adding_drop_confirm": (
        "Bỏ phần bổ sung cho góp ý <code>{code}</code> chưa gửi? Chữ đã viết và ảnh đã gửi "
        "trong phần này sẽ không được chuyển tới cán bộ."
    ),
    "addition_set_aside": (
        "Phần bổ sung cho góp ý <code>{code}</code> chưa được gửi. Nội dung vẫn được giữ: "
        "muốn chuyển tới cán bộ, xin bấm «Gửi phần bổ sung» dưới đây; không cần nữa thì bấm "
        "«Bỏ phần bổ sung»."
    ),
    "addition_swept": (
        "Phần bổ sung cho góp ý <code>{code}</code> chưa được gửi nên đã bị bỏ sau {hours} giờ "
        "không dùng; không có gì được chuyển tới cán bộ. Muốn bổ sung, xin gửi mã tra cứu rồi "
        "bấm «Bổ sung thông tin»."
    ),
    "addition_part_edited": (
        "✏️ Đã cập nhật phần bổ sung cho góp ý <code>{code}</code> theo tin vừa sửa."
    ),
    "addition_edit_too_long": (
        "Tin vừa sửa làm phần bổ sung dài quá {max_chars} ký tự nên vẫn giữ nội dung cũ của "
        "tin đó."
    ),
}
