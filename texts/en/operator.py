"""English texts the operator reads on the console (the same keys as
``texts.vi.operator``): the English half of each line, after " / ".

Plain text, not HTML. Values are said once, in the Vietnamese half, unless the English
half cannot do without them.
"""

TEXTS: dict[str, str] = {
    # --- python -m bot --check: one line per check ------------------------------------------
    "check_configuration": "configuration: complete and valid (admins: {admins}, {mode} mode)",
    "check_database_too_new": (
        "the database was written by a newer version of the bot; upgrade the bot"
    ),
    "check_database_unusable": (
        "the database file is empty or damaged; restore a backup (python -m storage "
        "restore <file>)"
    ),
    "check_database_unopened": (
        "cannot open the database; check DATABASE_PATH and the folder's permissions"
    ),
    "check_database_behind": "database schema at {version}: migrations missing",
    "check_database_read_only": (
        "the database cannot be written; check the permissions and free disk space"
    ),
    "check_database_ready": "database schema {version}, writable{change}",
    "check_database_created": " (created now)",
    "check_database_migrated": " (migrated from {before} now)",
    "check_staff_moved": (
        "the staff group was upgraded to a supergroup; the bot uses the recorded id "
        "{moved}: set STAFF_CHAT_ID={moved} in .env"
    ),
    "check_secret_key_set": "secret key: SECRET_KEY is set",
    "check_key_file": "secret key: {path}",
    "check_key_file_unusable": (
        "the key file is unusable; restore it from the backup made with the database"
    ),
    "check_key_file_missing": (
        "the key file is missing but the database holds {rows} rows made "
        "with it; restore it from the backup of the database"
    ),
    "check_key_file_later": "secret key: the key file will be created on first start",
    "check_token_rejected": "Telegram rejected TELEGRAM_BOT_TOKEN; check it with @BotFather",
    "check_telegram_unreachable": (
        "cannot reach Telegram (getMe failed); check the network and TELEGRAM_API_BASE_URL"
    ),
    "check_token_accepted": "token accepted, bot @{username}",
    "check_staff_group_upgraded": (
        "the staff group was upgraded to a supergroup: set STAFF_CHAT_ID={new_id}"
    ),
    "check_staff_group_forbidden": (
        "the bot may not access the staff group (removed?); add it again"
    ),
    "check_staff_group_unseen": (
        "the bot cannot see the staff group; add the bot to the group and check STAFF_CHAT_ID"
    ),
    "check_staff_group_not_group": "STAFF_CHAT_ID is a {kind} chat, not a group",
    "check_staff_group": "the bot can see the staff group",
    "check_staff_group_not_checked": "staff group not checked ({reason})",
    "check_needs_token": "needs an accepted token",
    "check_needs_telegram": "needs Telegram",
    "check_membership_unknown": "cannot read the bot's membership of the staff group",
    "check_member": "the bot is in the staff group ({status})",
    "check_not_member": "the bot is not a member of the staff group ({status}); add it again",
    "check_groups_known": (
        "groups the bot is in: {count} (make sure the staff group is the right one)"
    ),
    # Each group the bot is in, under check_groups_known
    "check_group_members": "members",
    "check_added_by_unknown": "who added the bot is unknown",
    "check_added_by_admin": "added by an admin",
    "check_added_by_other": "added by someone not in ADMIN_IDS",
    "check_current_staff_group": "the current staff group",
    "check_webhook_unread": "cannot read the webhook Telegram has",
    "check_webhook_unset": "not set at Telegram yet; the bot sets it when it starts",
    "check_webhook_elsewhere": (
        "Telegram posts to another URL than WEBHOOK_URL (another copy of the bot?)"
    ),
    "check_webhook_failing": "set, {pending} updates pending; last delivery error: {error}",
    "check_webhook_set": "set, {pending} updates pending",
    # --- The configuration's errors: "VARIABLE: problem. What to do" --------------------------
    "config_not_set": "not set",
    "config_not_set_for_webhook": "not set",
    "config_not_supported": "not supported",
    "config_leave_empty_for": "leave empty for {default}",
    "config_use_one_of": "use one of",
    "config_default": "default",
    "config_for_example": "e.g.",
    "config_make_one_with": "make one with",
    # Not printed (the Vietnamese text is shown alone).
    "config_token_fix": (
        "Get a token from @BotFather and put it in .env: TELEGRAM_BOT_TOKEN={example}"
    ),
    "config_not_a_token": "not a bot token",
    "config_staff_chat_fix": "set it to the staff group's id, a negative number",
    "config_not_a_number": "not a number",
    "config_not_negative": "must be negative",
    "config_chat_id_too_long": "too long for a chat id",
    # Not printed (the Vietnamese text is shown alone).
    "config_admins_fix": (
        "Put the admins' Telegram ids in .env, separated by commas: ADMIN_IDS={example}"
    ),
    "config_not_a_user_id": "not a user id",
    "config_no_ids": "no ids",
    "config_not_a_url": "not a URL",
    "config_unknown_time_zone": "unknown time zone",
    # Not printed (the Vietnamese text is shown alone), as the next three.
    "config_time_zone_example": "e.g. {example}",
    "config_not_a_crontab": "not a crontab expression",
    "config_cron_example": "e.g. 7:30 every morning: {example}",
    "config_not_a_number_between": "not a whole number from {low} to {high}",
    "config_contact_too_long": "too long: at most {chars} characters, {lines} lines",
    "config_not_a_thread": "not a topic thread id",
    "config_thread_fix": "leave empty unless the group is a forum",
    "config_use_languages": "use vi or en",
    "config_key_too_short": "too short, at least {least} characters",
    "config_key_not_printable": "printable ASCII without spaces only",
    "config_webhook_url_fix": "set the public https URL Telegram posts to, e.g. {example}",
    "config_not_https": "must be an https URL",
    "config_webhook_path": "path may hold letters, digits, / _ - only, no query or fragment",
    "config_invalid_port": "invalid port",
    "config_webhook_ports": "only delivers to ports",
    "config_webhook_secret": "needs 1–256 characters of A-Z a-z 0-9 _ -",
    "config_not_a_port": "not a port number",
    "config_not_an_ip": "not an IP address",
    "config_behind_proxy": "behind a reverse proxy use",
    # --- python -m qr: its help, and the problems it ends with ---------------------------------
    "qr_cli_see_help": "see",
    "qr_cli_invalid_format": "invalid format {raw!r}: choose from {formats}",
    "qr_cli_description": (
        "Make the QR codes (PNG, SVG) and A4 posters (PDF) of areas, offline and without the "
        "bot running."
    ),
    "qr_cli_examples": "Examples",
    "qr_cli_environment": "Environment (also read from .env)",
    "qr_cli_area": "the code of one area, a-z 0-9 - _ (up to 32 characters)",
    "qr_cli_all": "every open area in the database, plus {file} to print them all at once",
    "qr_cli_name": (
        "the area name printed under the code (with --area; read from the database when left out)"
    ),
    "qr_cli_bot_username": (
        "the bot's Telegram username, with or without @ (default: BOT_USERNAME)"
    ),
    "qr_cli_unit": (
        "the unit name printed on codes and posters (default: UNIT_NAME, else {default!r})"
    ),
    "qr_cli_contact": (
        "how else to reach the committee (phone, address, office hours), printed in a box "
        "of its own for people without Telegram; up to {chars} characters, {lines} lines "
        "(default: CONTACT_TEXT; --contact '' prints none)"
    ),
    "qr_cli_language": (
        "vi: the poster in Vietnamese only; en: an English line under each Vietnamese one "
        "(default: DEFAULT_LANGUAGE, else {default})"
    ),
    "qr_cli_database": "the bot's SQLite file (default: DATABASE_PATH, else {default})",
    "qr_cli_out": "the folder to write to, created if missing (default: {default}/)",
    "qr_cli_format": "formats, comma-separated (default: {default})",
    "qr_cli_no_such_area": (
        "No area with code {code!r} in {path}: add it with /addarea or pass --name"
    ),
    "qr_cli_unreadable": "Cannot read the database {path}: {error}",
    "qr_cli_no_database": "Database not found: {path} (use --database or DATABASE_PATH)",
    "qr_cli_name_with_area": "--name goes with --area only",
    "qr_cli_no_open_areas": "No open areas in {path}: add one with /addarea",
    "qr_cli_language_unsupported": (
        "DEFAULT_LANGUAGE {language!r} is not supported: use vi or en"
    ),
    "qr_cli_no_username": "Missing bot username: pass --bot-username or set BOT_USERNAME in .env",
    "qr_cli_unwritable": "Cannot write to {folder}: {error}",
    # --- What the QR code and poster makers refuse (python -m qr, and /qr via qr_failed) -------
    "qr_error_username": (
        "Invalid bot username {raw!r}: it needs 5-32 letters, digits or _ and must end in 'bot'"
    ),
    "qr_error_area_code": (
        "Invalid area code {raw!r}: use 1-32 characters of a-z, 0-9, '-' or '_'"
    ),
    "qr_error_area_name": "area name",
    "qr_error_unit_name": "unit name",
    "qr_error_empty": "The {what} is empty",
    "qr_error_too_long": "The {what} is longer than {limit} characters",
    "qr_error_contact_too_long": (
        "The contact text (CONTACT_TEXT) is longer than {limit} characters"
    ),
    "qr_error_contact_lines": "The contact text (CONTACT_TEXT) has more than {limit} lines",
    "qr_error_language": "Invalid poster language {language!r}: choose vi or en",
    "qr_error_does_not_fit": (
        "The area name, unit name and contact text are too long to fit on one page"
    ),
    "qr_error_no_area": "There is no area to print",
    # --- python -m bot: its help (read before the bot is imported: texts stays light) --------
    "bot_cli_description": "Telegram bot, long polling by default, configured by .env",
    "bot_cli_check": "check configuration, database, token and staff group, then exit",
    "bot_cli_webhook": (
        "receive updates through a webhook instead of polling; with --check: check it"
    ),
    "bot_cli_version": "print the version and exit",
    # --- python -m bot: why it stopped, one line on stderr ------------------------------------
    "command_check_header": "check",
    "command_failed": "FAILED",
    "command_checks_failed": "checks failed: {failures}",
    "command_configuration_error": "configuration error",
    "command_token_rejected": "Telegram rejected this token",
    # Not printed: command_token_fix is said in Vietnamese only.
    "command_token_fix": "Check the token with @BotFather.",
    "command_secret_key_error": "secret key error: {error}",
    "command_database_error": "database error: {path}: {error}",
    "command_telegram_failed": "start-up failed: {message}",
    "command_start_failed": "start-up failed: {error}{hint}",
    # --- The database the bot refuses to open (storage/sqlite/database.py) -------------------
    "database_empty": "the database file is empty (0 bytes)",
    "database_unreadable": "not a readable database ({error})",
    "database_damaged": "the database is damaged ({problem})",
    "database_restore_backup": "restore a backup: python -m storage restore <tệp>",
    "database_delete_only_new": "delete it only for a new install",
    # --- python -m storage backup|restore: what it refuses (storage/sqlite/backup.py) --------
    "backup_no_database": "no database at {database}",
    "backup_onto_database": "is the database itself: choose another file",
    "backup_exists": "exists already: choose another name or --overwrite",
    "backup_no_such_file": "no such file: {path}",
    "backup_not_sqlite": "is not a readable SQLite database ({error})",
    "backup_too_new": (
        "was made by a newer bot (schema {version} > {latest}): upgrade the bot first"
    ),
    "restore_from_database": "is the database itself",
    "restore_in_use": "is in use ({error}): is the bot running? Stop it first",
    "backup_not_homthu": "is not a Hòm thư database (no schema_migrations table)",
    "backup_damaged": "is damaged: {problem}",
    # --- python -m storage: its help and what it reports (storage/sqlite/cli.py) -------------
    "storage_cli_help": "show this help and exit",
    "storage_cli_error": "error",
    "storage_cli_see": "see",
    "storage_cli_description": "Back up and restore the Hòm thư góp ý database.",
    "storage_cli_epilog": (
        "DATABASE_PATH is read from the environment or .env (default {default}). "
        "Back up {key} together with the database."
    ),
    "storage_cli_database": "the database, instead of DATABASE_PATH",
    "storage_cli_backup": "back up while the bot runs (online, consistent)",
    "storage_cli_backup_description": (
        "Online backup through SQLite's backup API; the bot keeps running."
    ),
    "storage_cli_backup_file": "the backup file to write",
    "storage_cli_overwrite": "replace the file if it exists",
    "storage_cli_restore": "restore a backup (stop the bot first)",
    "storage_cli_restore_description": (
        "Replace the database with a backup; the current one is kept as "
        "<db>.before-restore-<time>. The bot must be stopped."
    ),
    "storage_cli_restore_file": "the backup file",
    "storage_cli_backed_up": "backed up",
    "storage_cli_restored": "restored",
    "storage_cli_schema": "schema",
    "storage_cli_feedback": "feedback",
    "storage_cli_save_key": "back up {key} too",
    "storage_cli_key_needed": "without it, reply channels and language choices cannot be read",
    "storage_cli_kept": "the previous database is kept as {kept}",
    "storage_cli_will_migrate": "the bot migrates schema {version} → {latest} when it starts",
    "storage_cli_use_key": (
        "use the key saved with this backup, then start the bot (systemctl start homthu)"
    ),
    # The secret key file (core.anonymity): read, checked, made.
    "key_not_text": "not a key file (not text)",
    "key_unreadable": "cannot be read ({error})",
    "key_empty": "the key file is empty",
    "key_restore": "restore it from your backup",
    "key_delete_only_new": "delete it only for a brand-new database",
    "key_not_hex": "not a key of 64 hex digits",
    "key_not_created": "cannot create the key file ({error})",
    "key_check_disk": "check permissions and free disk space",
}
