"""Vietnamese texts an admin reads while setting the bot up and keeping it running: areas
(one or many at once, a name typed where a code belongs), topics and their buttons and
order, agencies, templates, QR codes and posters, the staff group's delivery and /resend,
/groupid, the admins' help and command menus.

HTML; placeholders are filled with escaped values. For admins: plain working words, no
"bạn", no "Hãy".
"""

TEXTS: dict[str, str] = {
    # Admin commands (SPEC §6)
    "admin_only": "⛔ Lệnh này chỉ dành cho quản trị viên. Không có gì thay đổi.",
    "usage_areas": "Cách dùng: <code>/areas</code> (không kèm gì thêm)",
    "usage_renamearea": (
        "Cách dùng: <code>/renamearea &lt;mã&gt; &lt;tên mới&gt;</code>\n"
        "Ví dụ: <code>/renamearea kp3 Tổ dân phố 3</code>"
    ),
    "usage_closearea": (
        "Cách dùng: <code>/closearea &lt;mã&gt;</code>\nVí dụ: <code>/closearea kp3</code>"
    ),
    "usage_openarea": (
        "Cách dùng: <code>/openarea &lt;mã&gt;</code>\nVí dụ: <code>/openarea kp3</code>"
    ),
    "usage_topics": "Cách dùng: <code>/topics</code> (không kèm gì thêm)",
    "usage_addtopic": (
        "Cách dùng: <code>/addtopic &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addtopic Giao thông, trật tự đô thị</code>"
    ),
    "usage_renametopic": (
        "Cách dùng: <code>/renametopic &lt;số&gt; &lt;tên mới&gt;</code>\n"
        "Số của lĩnh vực xem bằng /topics. Ví dụ: <code>/renametopic 2 Kinh tế, việc làm</code>"
    ),
    "usage_closetopic": (
        "Cách dùng: <code>/closetopic &lt;số&gt;</code>\nSố của lĩnh vực xem bằng /topics."
    ),
    "usage_opentopic": (
        "Cách dùng: <code>/opentopic &lt;số&gt;</code>\nSố của lĩnh vực xem bằng /topics."
    ),
    "area_code_invalid": (
        "«{code}» không phải mã khu vực hợp lệ. Mã gồm 1–32 ký tự <code>[a-z0-9_-]</code>: "
        "chữ thường không dấu, chữ số, gạch ngang hoặc gạch dưới, ví dụ <code>kp3</code>."
    ),
    "area_duplicate": (
        "Đã có khu vực mã <code>{code}</code> («{name}»). Xin chọn mã khác, "
        "hoặc đổi tên khu vực này bằng /renamearea."
    ),
    "area_not_found": "Không có khu vực mã <code>{code}</code>. Xem danh sách bằng /areas.",
    "name_invalid": (
        "Tên phải có từ 1 đến {max_chars} ký tự; tên vừa gửi có {length} ký tự. "
        "Không có gì thay đổi."
    ),
    "area_added": (
        "✅ Đã thêm khu vực «{name}», mã <code>{code}</code>.\n"
        "In mã QR và áp phích bằng <code>/qr {code}</code>."
    ),
    "area_renamed": "✅ Đã đổi tên khu vực <code>{code}</code>: «{old}» → «{name}».",
    "area_closed": (
        "🔒 Khu vực «{name}» (<code>{code}</code>) đã ngừng nhận góp ý. Ai quét mã QR của "
        "khu vực sẽ được báo như vậy; các góp ý đã nhận vẫn được giữ.\n"
        "Mở lại bằng <code>/openarea {code}</code>."
    ),
    "area_opened": "🔓 Khu vực «{name}» (<code>{code}</code>) nhận góp ý trở lại.",
    "areas_header": "<b>Khu vực ({count})</b> — mã · tên · trạng thái · số góp ý",
    "areas_line": "• <code>{code}</code> · {name} · {state} · {count} góp ý",
    "areas_empty": (
        "Chưa có khu vực nào. Thêm bằng <code>/addarea &lt;mã&gt; &lt;tên&gt;</code>."
    ),
    "state_open": "đang nhận góp ý",
    "state_closed": "đã đóng",
    "topics_empty": "Chưa có lĩnh vực nào. Thêm bằng <code>/addtopic &lt;tên&gt;</code>.",
    "topic_number_invalid": (
        "«{value}» không phải số của lĩnh vực. Xin dùng một số trong danh sách /topics."
    ),
    "topic_not_found": "Không có lĩnh vực số {number}. Xem danh sách bằng /topics.",
    "topic_added": "✅ Đã thêm lĩnh vực số {number}: «{name}».",
    "topic_renamed": "✅ Đã đổi tên lĩnh vực số {number}: «{old}» → «{name}».",
    "topic_closed": (
        "🔒 Lĩnh vực số {number} «{name}» không còn hiện cho người dân; các góp ý đã nhận "
        "vẫn giữ lĩnh vực này.\nMở lại bằng <code>/opentopic {number}</code>."
    ),
    "topic_opened": "🔓 Lĩnh vực số {number} «{name}» hiện lại cho người dân.",
    "qr_caption": (
        "🏷 Mã QR của khu vực «{area}» (<code>{code}</code>)\n"
        "🔗 {link}\n"
        "Áp phích A4 để in ở tệp PDF kèm theo."
    ),
    "qr_closed_note": (
        "⚠️ Khu vực này đang đóng: ai quét mã sẽ được báo khu vực tạm ngừng nhận góp ý. "
        "Mở lại bằng <code>/openarea {code}</code>."
    ),
    "qr_poster_caption": "🖨 Áp phích A4 – {area}",
    "qr_failed": "Không tạo được mã QR: {reason}",
    # Command menus (descriptions shown by Telegram next to each command)
    "cmd_addarea": "Thêm khu vực: /addarea mã tên",
    "cmd_areas": "Danh sách khu vực",
    "cmd_renamearea": "Đổi tên khu vực: /renamearea mã tên",
    "cmd_closearea": "Ngừng nhận góp ý từ một khu vực",
    "cmd_openarea": "Mở lại một khu vực",
    "cmd_topics": "Danh sách lĩnh vực",
    "cmd_addtopic": "Thêm lĩnh vực: /addtopic tên",
    "cmd_renametopic": "Đổi tên lĩnh vực: /renametopic số tên",
    "cmd_closetopic": "Ẩn một lĩnh vực với người dân",
    "cmd_opentopic": "Hiện lại một lĩnh vực",
    # To admins, when the bot cannot deliver to the staff group
    "admin_delivery_failed": (
        "⚠️ Bot không gửi được tin tới nhóm cán bộ: {error}. Tin vẫn được lưu trong cơ sở dữ "
        "liệu. Xin kiểm tra bot còn trong nhóm và STAFF_CHAT_ID đúng."
    ),
    "admin_chat_migrated": (
        "⚠️ Nhóm cán bộ đã đổi id thành <code>{new_id}</code>. Xin sửa "
        "<code>STAFF_CHAT_ID={new_id}</code> trong .env rồi khởi động lại bot."
    ),
    # The staff group refusing the bot, and /resend
    "admin_staff_blocked": (
        "⚠️ Nhóm cán bộ đang không nhận tin của bot ({error}). Các góp ý mới vẫn được lưu "
        "và sẽ tự gửi vào nhóm, theo đúng thứ tự, ngay khi bot gửi được trở lại: thêm bot "
        "lại vào nhóm hoặc cho bot quyền gửi tin. Xem các tin đang chờ bằng /resend."
    ),
    "admin_staff_back": (
        "✅ Bot đã gửi được vào nhóm cán bộ trở lại; các tin đang chờ đang được gửi."
    ),
    "usage_resend": "Cách dùng: <code>/resend</code> (không kèm gì thêm)",
    "resend_none": "✅ Không có tin nào bị Telegram từ chối. Mọi tin đã được gửi.",
    "resend_header": "<b>Tin chưa gửi được ({count})</b> — số · loại · mã · tình trạng · lỗi",
    "resend_line": "• #{number} · {what} · {code} · {state} · {error}",
    "resend_failed": "bị từ chối hẳn",
    "resend_waiting": "đang chờ gửi lại",
    "resend_done": "🔁 Đã xếp {count} tin để gửi lại.",
    "btn_resend": "🔁 Gửi lại tất cả",
    "outbox_kind_notify_staff": "thẻ góp ý",
    "outbox_kind_staff_part": "phần tiếp của thẻ",
    "outbox_kind_staff_photos": "ảnh của góp ý",
    "outbox_kind_staff_text": "tin cho nhóm cán bộ",
    "outbox_kind_staff_photo": "biểu đồ bản tin",
    "outbox_kind_resident_reply": "trả lời tới người góp ý",
    "outbox_kind_resident_status": "thông báo tới người góp ý",
    "outbox_kind_admin_text": "tin cho quản trị viên",
    "outbox_kind_staff_location": "vị trí của góp ý",
    "outbox_kind_staff_published": "xác nhận đã gửi trả lời",
    "outbox_kind_staff_addition": "phần bổ sung của người góp ý",
    "outbox_kind_staff_notice": "thông báo cho nhóm cán bộ",
    "outbox_kind_agency_card": "thẻ góp ý gửi cơ quan",
    "outbox_kind_agency_part": "phần tiếp của thẻ gửi cơ quan",
    "outbox_kind_agency_photos": "ảnh gửi cơ quan",
    "cmd_resend": "Tin chưa gửi được, gửi lại",
    # /groupid in a group, by an admin
    "group_id": (
        "🆔 Nhóm «{title}»: <code>{chat_id}</code>\n"
        "Loại: {type} · {members} thành viên\n"
        "Để dùng nhóm này làm nhóm cán bộ, đặt <code>STAFF_CHAT_ID={chat_id}</code> trong .env "
        "rồi khởi động lại bot."
    ),
    "group_id_staff": (
        "🆔 Nhóm «{title}»: <code>{chat_id}</code>\n"
        "Loại: {type} · {members} thành viên\n"
        "✅ Đây là nhóm cán bộ của bot (STAFF_CHAT_ID)."
    ),
    # --- Admin: topics, agencies, templates -----------------------------------------------------
    "usage_topicsla": (
        "Cách dùng: <code>/topicsla &lt;số&gt; &lt;ngày làm việc&gt;</code> (1–365) hoặc "
        "<code>/topicsla &lt;số&gt; default</code>\nVí dụ: <code>/topicsla 8 10</code>"
    ),
    "topicsla_invalid": (
        "«{value}» không phải số ngày làm việc: dùng một số từ 1 đến {most}, hoặc "
        "<code>default</code>."
    ),
    "topicsla_set": (
        "✅ Góp ý về lĩnh vực {number} «{name}» có hạn {days} ngày làm việc (cho góp ý gửi "
        "từ nay)."
    ),
    "topicsla_default": (
        "✅ Lĩnh vực {number} «{name}» dùng hạn chung: {days} ngày làm việc (SLA_DAYS)."
    ),
    "usage_agencies": "Cách dùng: <code>/agencies</code> (không kèm gì thêm)",
    "usage_addagency": (
        "Cách dùng: <code>/addagency &lt;mã&gt; &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addagency dien-luc Điện lực Cam Lộ</code>"
    ),
    "usage_agencygroup": (
        "Cách dùng: <code>/agencygroup &lt;mã&gt; &lt;id nhóm&gt;</code> hoặc "
        "<code>/agencygroup &lt;mã&gt; none</code>\nId nhóm: gửi /groupid trong nhóm đó."
    ),
    "usage_closeagency": "Cách dùng: <code>/closeagency &lt;mã&gt;</code>",
    "usage_openagency": "Cách dùng: <code>/openagency &lt;mã&gt;</code>",
    "agencies_empty": (
        "Chưa có cơ quan nào. Thêm bằng <code>/addagency &lt;mã&gt; &lt;tên&gt;</code>."
    ),
    "agencies_header": "<b>Cơ quan ({count})</b> — mã · tên · trạng thái · nhóm Telegram",
    "agencies_line": "• <code>{code}</code> · {name} · {state} · {group}",
    "agency_group": "nhóm <code>{chat_id}</code>",
    "agency_no_group": "không có nhóm (chuyển bằng phiếu)",
    "agency_added": (
        "✅ Đã thêm cơ quan «{name}», mã <code>{code}</code>. Nếu cơ quan có nhóm Telegram: "
        "thêm bot vào nhóm rồi <code>/agencygroup {code} &lt;id nhóm&gt;</code>."
    ),
    "agency_duplicate": "Đã có cơ quan mã <code>{code}</code> («{name}»). Xin chọn mã khác.",
    "agency_code_invalid": (
        "«{code}» không phải mã cơ quan hợp lệ. Mã gồm 1–32 ký tự <code>[a-z0-9_-]</code>: "
        "chữ thường không dấu, chữ số, gạch ngang hoặc gạch dưới, ví dụ <code>dien-luc</code>."
    ),
    "agency_name_for_code": (
        "«{word}» không phải mã cơ quan, nên cả dòng được hiểu là tên. Mỗi cơ quan cần một mã "
        "ngắn ghi ở đầu, để dùng trong các lệnh khác. Có phải muốn gõ:\n"
        "<code>/addagency {code} {name}</code>\n"
        "(Mã này tạo từ tên; cũng có thể tự đặt mã ngắn hơn, chữ thường không dấu.) Chưa thêm cơ "
        "quan nào."
    ),
    "agency_name_for_code_taken": (
        "«{word}» không phải mã cơ quan, nên cả dòng được hiểu là tên. Mã làm từ tên này là "
        "<code>{code}</code>, nhưng mã đó đã dùng cho cơ quan «{existing}». Ghi một mã khác ở "
        "đầu, ví dụ:\n<code>/addagency {other} {name}</code>\nChưa thêm cơ quan nào."
    ),
    "agency_name_no_code": (
        "«{name}» không có chữ hay số để làm mã cơ quan. Ghi mã ở đầu, ví dụ:\n"
        "<code>/addagency dien-luc {name}</code>\nChưa thêm cơ quan nào."
    ),
    "agency_not_found": "Không có cơ quan mã <code>{code}</code>. Xem danh sách bằng /agencies.",
    "agency_group_invalid": "«{value}» không phải id nhóm (số âm, lấy bằng /groupid trong nhóm).",
    "agency_group_not_in": (
        "Bot chưa ở trong nhóm <code>{chat_id}</code>. Thêm bot vào nhóm rồi thử lại. Cơ quan "
        "«{name}» (<code>{code}</code>) vẫn được giữ như cũ."
    ),
    "agency_group_set": (
        "✅ Góp ý chuyển tới «{name}» sẽ được gửi vào nhóm «{title}» (<code>{chat_id}</code>)."
    ),
    "agency_group_removed": "✅ «{name}» không còn nhóm; góp ý chuyển tới sẽ kèm phiếu chuyển.",
    "agency_closed": "🔒 Cơ quan «{name}» (<code>{code}</code>) không còn trong danh sách chuyển.",
    "agency_opened": "🔓 Cơ quan «{name}» (<code>{code}</code>) có lại trong danh sách chuyển.",
    "usage_templates": "Cách dùng: <code>/templates</code> (không kèm gì thêm)",
    "usage_addtemplate": (
        "Cách dùng: <code>/addtemplate &lt;nội dung trả lời mẫu&gt;</code>\nVí dụ: "
        "<code>/addtemplate Ủy ban đã tiếp nhận và chuyển tới cơ quan chức năng.</code>"
    ),
    "usage_removetemplate": "Cách dùng: <code>/removetemplate &lt;số&gt;</code>",
    "templates_empty": (
        "Chưa có trả lời mẫu. Thêm bằng <code>/addtemplate &lt;nội dung&gt;</code>."
    ),
    "templates_header": "<b>Trả lời mẫu ({count})</b>",
    # Staff read it too, under «Trả lời mẫu»; the main reader is the admin.
    "templates_line": "{number}. {body}",
    "template_added": "✅ Đã thêm trả lời mẫu số {number}.",
    "template_removed": "✅ Đã bỏ trả lời mẫu số {number}.",
    "template_too_long": "Trả lời mẫu phải có từ 1 đến {most} ký tự.",
    "template_number_invalid": "«{value}» không phải số của trả lời mẫu (xem /templates).",
    "template_not_found": "Không có trả lời mẫu số {number}. Xem /templates.",
    "cmd_topicsla": "Hạn (ngày làm việc) của một lĩnh vực",
    "cmd_agencies": "Danh sách cơ quan nhận chuyển",
    "cmd_addagency": "Thêm cơ quan: /addagency mã tên",
    "cmd_agencygroup": "Nhóm Telegram của cơ quan",
    "cmd_closeagency": "Ngừng chuyển tới một cơ quan",
    "cmd_openagency": "Chuyển lại tới một cơ quan",
    "cmd_templates": "Danh sách trả lời mẫu",
    "cmd_addtemplate": "Thêm trả lời mẫu",
    "cmd_removetemplate": "Bỏ một trả lời mẫu",
    # The staff group upgraded to a supergroup (to the admins, once)
    "admin_staff_moved": (
        "ℹ️ Telegram đã nâng nhóm cán bộ thành siêu nhóm, id mới là <code>{new_id}</code> "
        "(id cũ <code>{old_id}</code>). Bot đã tự chuyển sang nhóm mới: các góp ý đang chờ "
        "được gửi vào đó, không mất tin nào. Xin đặt <code>STAFF_CHAT_ID={new_id}</code> "
        "trong tệp .env để lần khởi động sau dùng đúng nhóm."
    ),
    # Command menus
    "cmd_addareas": "Thêm nhiều khu vực một lần, mỗi dòng một khu vực",
    "cmd_qr": "Mã QR và áp phích A4; /qr all: áp phích mọi khu vực",
    "cmd_topiclabel": "Biểu tượng và nhãn ngắn của lĩnh vực trên nút",
    "cmd_topicname_en": "Tên tiếng Anh đầy đủ của lĩnh vực",
    "cmd_topicorder": "Thứ tự các lĩnh vực người dân thấy",
    # Usage lines
    "usage_addarea": (
        "Cách dùng: <code>/addarea &lt;mã&gt; &lt;tên&gt;</code>\n"
        "Ví dụ: <code>/addarea kp3 Khu phố 3</code>\n"
        "Thêm nhiều khu vực một lần: /addareas"
    ),
    "usage_addareas": (
        "Cách dùng: <code>/addareas</code>, xuống dòng, rồi mỗi dòng một khu vực: mã rồi tên, "
        "hoặc chỉ tên (mã được làm từ tên). Ví dụ:\n"
        "<pre>/addareas\nkp1 Khu phố 1\nKhu phố 2\nThôn Tân Định</pre>\n"
        "Tối đa {most} dòng mỗi lần. Nếu có dòng sai thì chưa thêm khu vực nào, và tin trả "
        "lời chỉ rõ từng dòng sai."
    ),
    "usage_qr": (
        "Cách dùng: <code>/qr &lt;mã&gt;</code> cho một khu vực, hoặc <code>/qr all</code> "
        "cho áp phích của mọi khu vực đang nhận góp ý trong một tệp PDF.\n"
        "Thêm <code>en</code> ở cuối để in thêm dòng tiếng Anh dưới mỗi dòng tiếng Việt, "
        "<code>vi</code> để chỉ in tiếng Việt (mặc định theo DEFAULT_LANGUAGE: {default}).\n"
        "Ví dụ: <code>/qr kp3</code>, <code>/qr all en</code>"
    ),
    "usage_topiclabel": (
        "Cách dùng:\n"
        "<code>/topiclabel &lt;số&gt; &lt;emoji&gt; &lt;nhãn ngắn&gt;</code> — biểu tượng và "
        "nhãn tiếng Việt trên nút\n"
        "<code>/topiclabel &lt;số&gt; en &lt;nhãn ngắn&gt;</code> — nhãn tiếng Anh\n"
        "Nhãn tối đa {most} ký tự. Ghi dấu <code>-</code> thay emoji nếu không cần biểu "
        "tượng. Số của lĩnh vực xem bằng /topics.\n"
        "Ví dụ: <code>/topiclabel 2 💼 Việc làm, đời sống</code>, "
        "<code>/topiclabel 2 en Daily life</code>"
    ),
    "usage_topicname_en": (
        "Cách dùng: <code>/topicname_en &lt;số&gt; &lt;tên tiếng Anh&gt;</code>\n"
        "Số của lĩnh vực xem bằng /topics. "
        "Ví dụ: <code>/topicname_en 2 Economy and livelihoods</code>"
    ),
    "usage_topicorder": (
        "Cách dùng: <code>/topicorder &lt;số&gt; &lt;số&gt; …</code> — số của mọi lĩnh vực "
        "đang mở, mỗi số một lần, theo thứ tự muốn người dân thấy. «Khác» luôn ở cuối.\n"
        "Thứ tự hiện tại, để sửa rồi gửi lại:\n<code>/topicorder {numbers}</code>"
    ),
    # /addarea with a name where the code belongs
    "area_code_reserved": (
        "Mã <code>all</code> dành cho lệnh <code>/qr all</code> (in áp phích mọi khu vực). "
        "Chọn mã khác. Không có gì thay đổi."
    ),
    "area_name_for_code": (
        "«{word}» không phải mã khu vực, nên cả dòng được hiểu là tên. Có phải ý là:\n"
        "<code>/addarea {code} {name}</code>\n"
        "(Mã làm từ tên; có thể ghi mã ngắn hơn, chữ thường không dấu.) Chưa thêm khu vực nào."
    ),
    "area_name_for_code_taken": (
        "«{word}» không phải mã khu vực, nên cả dòng được hiểu là tên. Mã làm từ tên này là "
        "<code>{code}</code>, nhưng mã đó đã là của khu vực «{existing}». Ghi một mã khác ở "
        "đầu, ví dụ:\n<code>/addarea {other} {name}</code>\nChưa thêm khu vực nào."
    ),
    "area_name_no_code": (
        "«{name}» không có chữ hay số để làm mã khu vực. Ghi mã ở đầu, ví dụ:\n"
        "<code>/addarea kp1 {name}</code>\nChưa thêm khu vực nào."
    ),
    # /renamearea, /closearea, /openarea, /qr with a name where the code belongs
    "area_name_given": "«{name}» là tên khu vực; lệnh cần mã. Có phải ý là:\n{commands}",
    "area_name_unknown": (
        "Không có khu vực nào tên «{name}». Lệnh cần mã khu vực, ví dụ <code>kp3</code>; "
        "xem mã bằng /areas."
    ),
    "area_new_name": "&lt;tên mới&gt;",
    # /addareas
    "areas_batch_added_header": "✅ Đã thêm {count} khu vực (dòng · mã · tên):",
    "areas_batch_added_line": "{number}. <code>{code}</code> · {name}",
    "areas_batch_added_footer": (
        "In áp phích cho mọi khu vực bằng <code>/qr all</code>; đổi tên bằng /renamearea."
    ),
    "areas_batch_refused_header": (
        "⚠️ Chưa thêm khu vực nào: {bad} trong {count} dòng có lỗi. Sửa các dòng dưới đây rồi "
        "gửi lại cả danh sách."
    ),
    "areas_batch_refused_line": "• Dòng {number}: <code>{typed}</code> — {reason}",
    "areas_batch_too_many": (
        "Danh sách có {count} dòng; mỗi lần thêm tối đa {most} dòng. Chia danh sách ra, gửi "
        "mỗi phần bằng một lệnh /addareas. Chưa thêm khu vực nào."
    ),
    "areas_batch_taken_meanwhile": (
        "Mã <code>{code}</code> vừa được dùng cho một khu vực khác trong lúc xử lý. Chưa thêm "
        "khu vực nào; gửi lại danh sách để xem từng dòng."
    ),
    "batch_code_invalid": (
        "«{code}» không phải mã hợp lệ: mã gồm 1–32 ký tự a-z, 0-9, - hoặc _ "
        "(chữ thường không dấu)"
    ),
    "batch_code_reserved": "mã <code>{code}</code> dành cho lệnh <code>/qr all</code>",
    "batch_code_taken": "mã <code>{code}</code> đã có: khu vực «{name}»",
    "batch_code_repeated": "mã <code>{code}</code> đã dùng ở dòng {line}",
    "batch_same_code": (
        "tên này và tên ở dòng {line} cho cùng một mã <code>{code}</code>; ghi mã riêng ở "
        "đầu dòng, ví dụ <code>{other} {name}</code>"
    ),
    "batch_no_name": "chỉ có mã, thiếu tên khu vực",
    "batch_no_code": (
        "tên không có chữ hay số để làm mã; ghi mã ở đầu dòng, ví dụ <code>kp1 {name}</code>"
    ),
    "batch_name_too_long": "tên có {length} ký tự, tối đa {max_chars}",
    # /qr all
    "qr_all_none": (
        "Không có khu vực nào đang nhận góp ý để in. Thêm khu vực bằng /addarea hoặc /addareas."
    ),
    "qr_all_wait": (
        "⏳ Đang tạo {count} áp phích, mỗi khu vực một trang A4. Tệp PDF sẽ được gửi ngay khi "
        "xong."
    ),
    "qr_all_caption": (
        "🖨 Áp phích A4 của {count} khu vực đang nhận góp ý, mỗi trang một khu vực, theo thứ "
        "tự tên. Khu vực đã đóng không in."
    ),
    # /topics
    "topics_header": (
        "<b>Lĩnh vực ({count})</b> theo thứ tự người dân thấy («Khác» luôn ở cuối)\n"
        "Mỗi lĩnh vực: thứ tự · nút người dân bấm · <b>số</b> dùng trong lệnh\n"
        "      tên đầy đủ (cán bộ và báo cáo dùng) · nút tiếng Anh"
    ),
    "topics_line": "{place}. {button} · <b>số {number}</b>\n      {name} · EN: {button_en}",
    "topics_closed_header": "<b>Đã đóng</b> (người dân không thấy):",
    "topics_closed_line": ("🔒 {button} · <b>số {number}</b>\n      {name} · EN: {button_en}"),
    "topics_footer": (
        "Đổi nút: /topiclabel · đổi thứ tự: /topicorder · tên tiếng Anh: /topicname_en"
    ),
    # /addtopic
    "topic_added_label_hint": (
        "Người dân đang thấy tên đầy đủ trên nút. Đặt biểu tượng và nhãn ngắn: "
        "<code>/topiclabel {number} 💡 Nhãn ngắn</code>"
    ),
    # /topiclabel, /topicname_en
    "topic_label_set": "✅ Lĩnh vực số {number} «{name}»: người dân thấy nút «{button}».",
    "topic_label_en_set": (
        "✅ Lĩnh vực số {number} «{name}»: người dân dùng tiếng Anh thấy nút «{button}»."
    ),
    "topic_label_invalid": (
        "Nhãn ngắn phải có từ 1 đến {most} ký tự để vừa nút bấm trên điện thoại; nhãn vừa "
        "gửi có {length} ký tự. Không có gì thay đổi."
    ),
    "topic_emoji_invalid": (
        "«{value}» không phải một biểu tượng (emoji). Ghi một emoji trước nhãn, ví dụ "
        "<code>/topiclabel {number} 💼 Việc làm</code>, hoặc dấu <code>-</code> nếu không cần "
        "biểu tượng. Không có gì thay đổi."
    ),
    "topic_name_en_set": "✅ Lĩnh vực số {number}: tên tiếng Anh «{old}» → «{name}».",
    # /topicorder
    "topic_order_set": "✅ Đã đặt thứ tự lĩnh vực. Người dân thấy:",
    "topic_order_line": "{place}. {button} (số {number})",
    "topic_order_other_last": (
        "«{name}» (số {number}) luôn hiện cuối cùng, dù được đặt ở vị trí {place}."
    ),
    "topic_order_invalid": (
        "Thứ tự chưa đúng: cần ghi số của mọi lĩnh vực đang mở, mỗi số đúng một lần. "
        "Không có gì thay đổi."
    ),
    "topic_order_missing": "• Thiếu: {numbers}",
    "topic_order_repeated": "• Ghi từ hai lần trở lên: {numbers}",
    "topic_order_unknown": "• Không có lĩnh vực số: {numbers}",
    "topic_order_closed": ("• Đang đóng (bỏ ra, hoặc mở lại bằng /opentopic trước): {numbers}"),
    "topic_order_current": (
        "Thứ tự hiện tại, để sửa rồi gửi lại:\n<code>/topicorder {numbers}</code>"
    ),
    # /help from an admin, after the help everyone gets
    "admin_help": (
        "<b>Lệnh quản trị</b> (gõ lệnh không kèm gì thêm để xem cách dùng)\n\n"
        "<b>Khu vực</b>: /areas · /addarea mã tên · /addareas (mỗi dòng một khu vực; chỉ "
        "ghi tên thì mã được làm từ tên) · /renamearea mã tên mới · /closearea mã · "
        "/openarea mã\n"
        "<b>Mã QR, áp phích</b>: /qr mã · /qr all (mọi khu vực đang mở, một tệp PDF); thêm "
        "<code>en</code> để có dòng tiếng Anh\n"
        "<b>Lĩnh vực</b>: /topics · /addtopic tên · /renametopic số tên · /closetopic số · "
        "/opentopic số · /topicsla số ngày · /topiclabel số emoji nhãn ngắn · "
        "/topicname_en số tên tiếng Anh · /topicorder số số …\n"
        "<b>Cơ quan chuyển đến</b>: /agencies · /addagency mã tên · /agencygroup mã chat_id · "
        "/closeagency mã · /openagency mã\n"
        "<b>Trả lời mẫu</b>: /templates · /addtemplate nội dung · /removetemplate số\n"
        "<b>Tin chưa gửi được</b>: /resend"
    ),
    "admin_unknown_command": "Bot không có lệnh <code>{command}</code>.",
}
