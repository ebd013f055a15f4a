"""Vietnamese texts of staff reports: digest, stats, open list, export (section of vi)."""

TEXTS: dict[str, str] = {}
