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
}
