"""English texts of staff reports: digest, stats, open list, export (section of en)."""

TEXTS: dict[str, str] = {}
