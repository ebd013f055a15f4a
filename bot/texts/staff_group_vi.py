"""Vietnamese texts of the staff group as a place of people (section of vi): who may press
its buttons, who takes a feedback on, and the group's move to a supergroup."""

TEXTS: dict[str, str] = {
    # Buttons pressed by someone outside the group (callback answers: 200 characters at most)
    "staff_not_member": (
        "⛔ Chỉ thành viên nhóm cán bộ mới dùng được nút này. Nếu anh/chị đã rời nhóm, "
        "xin nhờ quản trị viên thêm lại."
    ),
    "staff_member_unknown": (
        "⏳ Chưa kiểm tra được anh/chị có trong nhóm cán bộ không. Xin bấm lại sau giây lát."
    ),
}
