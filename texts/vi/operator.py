"""Vietnamese texts the operator reads on the console: ``python -m bot --check`` and the
configuration's errors (the Vietnamese half of each line; ``texts.bilingual`` adds the
English half after " / ").

Plain text, not HTML. The operator is whoever runs the bot, often not a programmer: say
what was found and what to do, naming the variable of .env to change. Values (a path, an
error) are said once, in the Vietnamese half, so the two halves' placeholders may differ.
"""

TEXTS: dict[str, str] = {
    # --- python -m bot --check: one line per check ------------------------------------------
    "check_configuration": "Cấu hình: đủ và hợp lệ (quản trị viên: {admins}, chế độ {mode})",
    # "hãy" breaks the committee's register (SPEC §3); kept as it was, since this text only
    # moved: whether the operator is owed the same register is the lead's call.
    "check_database_too_new": (
        "Cơ sở dữ liệu {path}: do phiên bản bot mới hơn tạo ra, hãy nâng cấp bot"
    ),
    "check_database_unusable": "Cơ sở dữ liệu: {error}",
    "check_database_unopened": "Cơ sở dữ liệu {path}: không mở được ({error})",
    "check_database_behind": "Cơ sở dữ liệu {path}: lược đồ {version}, thiếu migration",
    "check_database_read_only": "Cơ sở dữ liệu {path}: không ghi được ({error})",
    "check_database_ready": "Cơ sở dữ liệu {path}: lược đồ {version}, ghi được{change}",
    "check_database_created": " (vừa tạo)",
    "check_database_migrated": " (vừa nâng từ {before})",
    "check_staff_moved": (
        "Nhóm cán bộ STAFF_CHAT_ID={configured} đã được nâng thành siêu nhóm {moved}: bot dùng "
        "id đã ghi nhận; xin sửa STAFF_CHAT_ID={moved} trong .env"
    ),
    "check_secret_key_set": "Khóa bí mật: SECRET_KEY",
    "check_key_file": "Khóa bí mật: {path}",
    "check_key_file_unusable": "Khóa bí mật: {error}",
    "check_key_file_missing": (
        "Khóa bí mật {path}: không có, mà cơ sở dữ liệu có {rows} dòng cần nó"
    ),
    "check_key_file_later": "Khóa bí mật: {path} sẽ được tạo khi bot chạy lần đầu",
    "check_token_rejected": "Telegram: TELEGRAM_BOT_TOKEN bị từ chối, kiểm tra lại với @BotFather",
    "check_telegram_unreachable": "Telegram: không gọi được getMe ({error})",
    "check_token_accepted": "Telegram: token hợp lệ, bot @{username}",
    "check_staff_group_upgraded": "Nhóm cán bộ đã thành siêu nhóm, id mới {new_id}",
    "check_staff_group_forbidden": "Nhóm cán bộ STAFF_CHAT_ID={chat_id}: bot bị chặn ({error})",
    "check_staff_group_unseen": "Nhóm cán bộ STAFF_CHAT_ID={chat_id}: không thấy ({error})",
    "check_staff_group_not_group": "STAFF_CHAT_ID={chat_id} là {kind}, không phải nhóm",
    "check_staff_group": "Nhóm cán bộ: «{title}» ({chat_id})",
    "check_staff_group_not_checked": "Nhóm cán bộ: chưa kiểm tra được ({reason})",
    "check_needs_token": "cần token hợp lệ",
    "check_needs_telegram": "cần kết nối Telegram",
    "check_membership_unknown": "Bot trong nhóm cán bộ: không kiểm tra được ({error})",
    "check_member": "Bot là thành viên nhóm cán bộ ({status})",
    "check_not_member": "Bot không còn là thành viên nhóm cán bộ ({status})",
    "check_groups_known": "Nhóm bot đang ở: {count} (kiểm tra đúng nhóm cán bộ)",
    # Each group the bot is in, under check_groups_known
    "check_group_members": "thành viên",
    "check_added_by_unknown": "không rõ ai thêm bot",
    "check_added_by_admin": "quản trị viên thêm bot",
    "check_added_by_other": "⚠️ người ngoài ADMIN_IDS thêm bot",
    "check_current_staff_group": "nhóm cán bộ hiện tại",
    "check_webhook_unread": "Webhook: không đọc được getWebhookInfo ({error})",
    "check_webhook_unset": "Webhook {url}: Telegram chưa có, bot sẽ đặt khi khởi động",
    "check_webhook_elsewhere": "Webhook: Telegram đang gửi tới {url}, khác WEBHOOK_URL",
    "check_webhook_failing": "Webhook {url}: đã đặt, {pending} cập nhật chờ, có lỗi gửi gần đây",
    "check_webhook_set": "Webhook {url}: đã đặt, {pending} cập nhật chờ",
    # --- The configuration's errors: "VARIABLE: problem. What to do" --------------------------
    "config_not_set": "chưa đặt",
    "config_not_set_for_webhook": "chưa đặt (bắt buộc với --webhook)",
    "config_not_supported": "'{value}' không hỗ trợ",
    "config_leave_empty_for": "Bỏ trống để dùng {default}",
    "config_use_one_of": "Dùng một trong",
    "config_default": "mặc định",
    "config_for_example": "Ví dụ",
    "config_make_one_with": "Tạo bằng",
    # Shown in Vietnamese only (its English half is not printed).
    "config_token_fix": "Lấy token từ @BotFather và ghi vào .env: TELEGRAM_BOT_TOKEN={example}",
    "config_not_a_token": "không đúng dạng <số>:<chuỗi>",
    "config_staff_chat_fix": "Ghi id nhóm cán bộ (số âm, ví dụ {example}) vào .env",
    "config_not_a_number": "'{value}' không phải số",
    "config_not_negative": "phải là số âm",
    "config_chat_id_too_long": "dài quá, không phải id nhóm",
    # Shown in Vietnamese only (its English half is not printed).
    "config_admins_fix": (
        "Ghi id Telegram của quản trị viên, cách nhau bởi dấu phẩy: ADMIN_IDS={example}"
    ),
    "config_not_a_user_id": "'{value}' không phải id người dùng",
    "config_no_ids": "không có id nào",
    "config_not_a_url": "'{value}' không phải URL",
    "config_unknown_time_zone": "'{value}' không có",
    # Shown in Vietnamese only (its English half is not printed), as the next three.
    "config_time_zone_example": "Ví dụ: {example}",
    "config_not_a_crontab": "'{value}' không phải biểu thức crontab",
    "config_cron_example": "Ví dụ 7:30 mỗi sáng: {example}",
    "config_not_a_number_between": "'{value}' không phải số từ {low} đến {high}",
    "config_contact_too_long": "dài quá: tối đa {chars} ký tự, {lines} dòng",
    "config_not_a_thread": "'{value}' không phải số chủ đề",
    "config_thread_fix": "Để trống nếu nhóm không phải diễn đàn",
    "config_use_languages": "Dùng vi hoặc en",
    "config_key_too_short": "quá ngắn, cần ít nhất {least} ký tự",
    "config_key_not_printable": "chỉ gồm ký tự ASCII in được, không dấu cách",
    "config_webhook_url_fix": "Ghi địa chỉ https công khai mà Telegram gửi cập nhật tới",
    "config_not_https": "phải là URL https",
    "config_webhook_path": "đường dẫn chỉ gồm chữ, số, / _ - và không có ? hay #",
    "config_invalid_port": "cổng không hợp lệ",
    "config_webhook_ports": "Telegram chỉ gửi tới cổng",
    "config_webhook_secret": "cần 1–256 ký tự A-Z a-z 0-9 _ -",
    "config_not_a_port": "'{value}' không phải cổng 1–65535",
    "config_not_an_ip": "'{value}' không phải địa chỉ IP",
    "config_behind_proxy": "Sau reverse proxy dùng",
}
