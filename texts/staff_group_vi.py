"""Vietnamese texts of the staff group as a place of people (section of vi): who may press
its buttons, who takes a feedback on, and the group's move to a supergroup."""

TEXTS: dict[str, str] = {
    # Buttons pressed by someone outside the group (callback answers: 200 characters at most)
    "staff_not_member": (
        "⛔ Chỉ thành viên nhóm cán bộ mới dùng được nút này. Nếu đã rời nhóm, "
        "xin nhờ quản trị viên thêm lại."
    ),
    "staff_member_unknown": (
        "⏳ Chưa kiểm tra được tài khoản này có trong nhóm cán bộ hay không. Xin bấm lại sau "
        "giây lát."
    ),
    # An anonymous admin, or a post "as a channel": the bot cannot tell which officer it is
    "staff_anonymous_press": (
        "🕶 Đang ẩn danh trong nhóm nên bot không biết ai bấm; chưa ghi nhận gì. Nhận xử lý "
        "hay soạn trả lời phải ghi tên cán bộ. Xin tắt «Ẩn danh» trong quyền quản trị viên rồi "
        "bấm lại."
    ),
    "staff_unsigned_reply": (
        "🕶 Tin này gửi dưới tên nhóm hoặc tên kênh, nên bot không biết cán bộ nào viết và "
        "<b>không ghi nhận</b>. Trả lời, ghi chú phải mang tên người viết: xin tắt «Ẩn danh» "
        "trong quyền quản trị viên (hoặc gửi bằng tài khoản của mình) rồi trả lời lại."
    ),
    "staff_mine_unsigned": (
        "🕶 Lệnh này gửi dưới tên nhóm hoặc tên kênh, nên bot không biết ai gửi. Xin tắt "
        "«Ẩn danh» trong quyền quản trị viên (hoặc gửi bằng tài khoản của mình) rồi gửi lại."
    ),
    # The staff group upgraded to a supergroup (to the admins, once)
    "admin_staff_moved": (
        "ℹ️ Telegram đã nâng nhóm cán bộ thành siêu nhóm, id mới là <code>{new_id}</code> "
        "(id cũ <code>{old_id}</code>). Bot đã tự chuyển sang nhóm mới: các góp ý đang chờ "
        "được gửi vào đó, không mất tin nào. Xin đặt <code>STAFF_CHAT_ID={new_id}</code> "
        "trong tệp .env để lần khởi động sau dùng đúng nhóm."
    ),
}
