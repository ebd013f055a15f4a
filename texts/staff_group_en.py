"""English texts of the staff group as a place of people (section of en): who may press its
buttons, who takes a feedback on, and the group's move to a supergroup."""

TEXTS: dict[str, str] = {
    # Buttons pressed by someone outside the group (callback answers: 200 characters at most)
    "staff_not_member": (
        "⛔ Only members of the staff group can use this button. If you left the group, "
        "ask an admin to add you again."
    ),
    "staff_member_unknown": (
        "⏳ Could not check that you are in the staff group yet. Please press again in a moment."
    ),
    # An anonymous admin, or a post "as a channel": the bot cannot tell which officer it is
    "staff_anonymous_press": (
        "🕶 You are anonymous in this group, so the bot cannot tell who pressed; nothing was "
        "recorded. Turn off «Remain anonymous» in your admin rights, then press again."
    ),
    "staff_unsigned_reply": (
        "🕶 This was sent as the group or as a channel, so the bot cannot tell which officer "
        "wrote it and has <b>not recorded it</b>. Answers and notes carry their writer's name: "
        "turn off «Remain anonymous» in your admin rights (or write from your own account), "
        "then reply again."
    ),
    "staff_mine_unsigned": (
        "🕶 This command was sent as the group or as a channel, so the bot cannot tell who "
        "you are. Turn off «Remain anonymous» in your admin rights (or write from your own "
        "account), then send it again."
    ),
    # The staff group upgraded to a supergroup (to the admins, once)
    "admin_staff_moved": (
        "ℹ️ Telegram upgraded the staff group to a supergroup; its new id is "
        "<code>{new_id}</code> (old id <code>{old_id}</code>). The bot has moved there by "
        "itself: waiting feedback goes there, nothing is lost. Please set "
        "<code>STAFF_CHAT_ID={new_id}</code> in the .env file for the next start."
    ),
}
