"""The staff group (SPEC §5): cards and buttons, answers, forwarding, commands."""
