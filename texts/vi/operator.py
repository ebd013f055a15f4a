"""Vietnamese texts the operator reads on the console: ``python -m bot --check``, the
configuration's errors, why ``python -m bot`` stopped, ``python -m qr`` and what the QR
code and poster makers refuse (which an admin reads too, after ``qr_failed``), the database
the bot refuses to open, and ``python -m storage``. Each is the Vietnamese half of a line;
``texts.bilingual`` adds the English half after " / ".

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
    # --- python -m qr: its help, and the problems it ends with ---------------------------------
    "qr_cli_see_help": "xem",
    "qr_cli_invalid_format": "định dạng không hợp lệ {raw!r}, chọn trong {formats}",
    "qr_cli_description": (
        "Tạo mã QR (PNG, SVG) và áp phích A4 (PDF) cho khu vực, không cần mạng và không "
        "cần bot đang chạy."
    ),
    "qr_cli_examples": "Ví dụ",
    "qr_cli_environment": "Biến môi trường (đọc cả từ .env)",
    "qr_cli_area": "mã một khu vực, a-z 0-9 - _ (tối đa 32 ký tự)",
    "qr_cli_all": "mọi khu vực đang mở trong cơ sở dữ liệu, thêm {file} để in một lần",
    "qr_cli_name": (
        "tên khu vực in dưới mã QR (dùng với --area; nếu bỏ trống thì lấy từ cơ sở dữ liệu)"
    ),
    "qr_cli_bot_username": "tên bot trên Telegram, có hoặc không có @ (mặc định: BOT_USERNAME)",
    "qr_cli_unit": (
        "tên đơn vị in trên mã và áp phích (mặc định: UNIT_NAME, nếu không có thì {default!r})"
    ),
    "qr_cli_contact": (
        "cách liên hệ khác với đơn vị (điện thoại, địa chỉ, giờ làm việc), in trong khung "
        "riêng cho người không dùng Telegram; tối đa {chars} ký tự, {lines} dòng (mặc định: "
        "CONTACT_TEXT; --contact '' để không in)"
    ),
    "qr_cli_language": (
        "vi: áp phích chỉ có tiếng Việt; en: thêm dòng tiếng Anh dưới mỗi dòng tiếng Việt "
        "(mặc định: DEFAULT_LANGUAGE, nếu không có thì {default})"
    ),
    "qr_cli_database": (
        "tệp SQLite của bot (mặc định: DATABASE_PATH, nếu không có thì {default})"
    ),
    "qr_cli_out": "thư mục ghi tệp, tạo nếu chưa có (mặc định: {default}/)",
    "qr_cli_format": "các định dạng, cách nhau bằng dấu phẩy (mặc định: {default})",
    "qr_cli_no_such_area": (
        "Không có khu vực mã {code!r} trong {path} — thêm bằng /addarea hoặc dùng --name"
    ),
    "qr_cli_unreadable": "Không đọc được cơ sở dữ liệu {path}",
    "qr_cli_no_database": (
        "Không tìm thấy cơ sở dữ liệu {path} — dùng --database hoặc DATABASE_PATH"
    ),
    "qr_cli_name_with_area": "--name chỉ dùng với --area",
    "qr_cli_no_open_areas": "Không có khu vực nào đang mở trong {path} — thêm bằng /addarea",
    "qr_cli_language_unsupported": "DEFAULT_LANGUAGE {language!r} không hỗ trợ — dùng vi hoặc en",
    "qr_cli_no_username": ("Thiếu tên bot — dùng --bot-username hoặc đặt BOT_USERNAME trong .env"),
    "qr_cli_unwritable": "Không ghi được vào {folder}",
    # --- What the QR code and poster makers refuse (python -m qr, and /qr via qr_failed) -------
    "qr_error_username": (
        "Tên bot không hợp lệ: {raw!r} — cần 5–32 ký tự chữ, số hoặc _, kết thúc bằng 'bot'"
    ),
    "qr_error_area_code": (
        "Mã khu vực không hợp lệ: {raw!r} — cần 1–32 ký tự a-z, 0-9, '-' hoặc '_' "
        "(chữ thường, không dấu)"
    ),
    "qr_error_area_name": "Tên khu vực",
    "qr_error_unit_name": "Tên đơn vị",
    "qr_error_empty": "{what} trống",
    "qr_error_too_long": "{what} dài quá {limit} ký tự",
    "qr_error_contact_too_long": "Thông tin liên hệ (CONTACT_TEXT) dài quá {limit} ký tự",
    "qr_error_contact_lines": "Thông tin liên hệ (CONTACT_TEXT) có quá {limit} dòng",
    "qr_error_language": "Ngôn ngữ áp phích không hợp lệ: {language!r}, chọn vi hoặc en",
    "qr_error_does_not_fit": (
        "Tên khu vực, tên đơn vị và thông tin liên hệ quá dài để in vừa một trang"
    ),
    "qr_error_no_area": "Không có khu vực nào để in",
    # --- python -m bot: its help (read before the bot is imported: texts stays light) --------
    "bot_cli_description": (
        "Hòm thư góp ý – bot Telegram. Mặc định chạy long polling; cấu hình đọc từ .env"
    ),
    "bot_cli_check": "kiểm tra cấu hình, cơ sở dữ liệu, token và nhóm cán bộ rồi thoát",
    "bot_cli_webhook": (
        "nhận cập nhật qua webhook (WEBHOOK_URL, WEBHOOK_PORT, WEBHOOK_SECRET) thay vì "
        "polling; với --check: kiểm tra cả webhook"
    ),
    "bot_cli_version": "in phiên bản rồi thoát",
    # --- python -m bot: why it stopped, one line on stderr ------------------------------------
    "command_check_header": "homthu {version}: kiểm tra",
    "command_failed": "LỖI",
    "command_checks_failed": "số kiểm tra không đạt",
    "command_configuration_error": "Lỗi cấu hình",
    "command_token_rejected": "Telegram từ chối token này",
    # Shown in Vietnamese only (its English half is not printed).
    "command_token_fix": "Kiểm tra lại token với @BotFather.",
    "command_secret_key_error": "Lỗi khóa bí mật",
    "command_database_error": "Lỗi cơ sở dữ liệu",
    "command_telegram_failed": "Lỗi Telegram khi khởi động",
    "command_start_failed": "Lỗi khởi động",
    # --- The database the bot refuses to open (storage/sqlite/database.py) -------------------
    "database_empty": "{path}: tệp cơ sở dữ liệu rỗng",
    "database_unreadable": "{path}: không phải cơ sở dữ liệu đọc được",
    "database_damaged": "{path}: cơ sở dữ liệu bị hỏng",
    "database_restore_backup": "Khôi phục bản sao lưu",
    "database_delete_only_new": "chỉ xóa tệp rỗng này nếu thật sự cài mới",
    # --- python -m storage backup|restore: what it refuses (storage/sqlite/backup.py) --------
    "backup_no_database": "không có cơ sở dữ liệu",
    "backup_onto_database": "{target} là chính cơ sở dữ liệu",
    "backup_exists": "{target} đã có",
    "backup_no_such_file": "không có tệp",
    "backup_not_sqlite": "{path} không phải cơ sở dữ liệu SQLite đọc được",
    "backup_too_new": "{path} do phiên bản bot mới hơn tạo (lược đồ {version} > {latest})",
    "restore_from_database": "{path} là chính cơ sở dữ liệu",
    # "Hãy" breaks the committee's register (SPEC §3); kept as it was, since this text only
    # moved (as check_database_too_new above).
    "restore_in_use": (
        "{database} đang được dùng – bot đang chạy? Hãy dừng bot trước (systemctl stop homthu)"
    ),
    "backup_not_homthu": "{path} không phải cơ sở dữ liệu Hòm thư",
    "backup_damaged": "{path} bị hỏng",
    # --- python -m storage: its help and what it reports (storage/sqlite/cli.py) -------------
    "storage_cli_help": "in hướng dẫn này rồi thoát",
    "storage_cli_error": "Lỗi",
    "storage_cli_see": "xem",
    "storage_cli_description": "Sao lưu và khôi phục cơ sở dữ liệu Hòm thư góp ý.",
    "storage_cli_epilog": (
        "DATABASE_PATH đọc từ môi trường hoặc .env (mặc định {default}). "
        "Sao lưu cả {key} cùng cơ sở dữ liệu."
    ),
    "storage_cli_database": "cơ sở dữ liệu, thay cho DATABASE_PATH",
    "storage_cli_backup": "sao lưu khi bot vẫn chạy (an toàn, nhất quán)",
    "storage_cli_backup_description": (
        "Sao lưu trực tuyến bằng API backup của SQLite; bot không cần dừng."
    ),
    "storage_cli_backup_file": "tệp sao lưu sẽ tạo",
    "storage_cli_overwrite": "ghi đè nếu tệp đã có",
    "storage_cli_restore": "khôi phục từ bản sao lưu (phải dừng bot)",
    "storage_cli_restore_description": (
        "Thay cơ sở dữ liệu bằng bản sao lưu; bản hiện tại được giữ lại thành "
        "<db>.before-restore-<thời điểm>. Bot phải dừng."
    ),
    "storage_cli_restore_file": "tệp sao lưu",
    "storage_cli_backed_up": "Đã sao lưu",
    "storage_cli_restored": "Đã khôi phục",
    "storage_cli_schema": "lược đồ",
    "storage_cli_feedback": "góp ý",
    "storage_cli_save_key": "Nhớ sao lưu cả {key}",
    "storage_cli_key_needed": "không có nó, kênh phản hồi và lựa chọn ngôn ngữ không đọc được",
    "storage_cli_kept": "Cơ sở dữ liệu cũ giữ tại",
    "storage_cli_will_migrate": "Bot sẽ nâng lược đồ {version} → {latest} khi khởi động",
    "storage_cli_use_key": "Dùng {key} (hoặc SECRET_KEY) của cùng bản sao lưu, rồi khởi động bot",
    # The secret key file (core.anonymity): read, checked, made.
    "key_not_text": "không phải khóa",
    "key_unreadable": "không đọc được",
    "key_empty": "tệp khóa rỗng",
    "key_restore": "Khôi phục tệp khóa từ bản sao lưu",
    "key_delete_only_new": "chỉ xóa nó khi cơ sở dữ liệu mới tinh",
    "key_not_hex": "không phải khóa 64 chữ số hex",
    "key_not_created": "không tạo được tệp khóa",
    "key_check_disk": "kiểm tra quyền ghi và dung lượng đĩa",
}
