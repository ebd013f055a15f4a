"""Performance benchmarks of the bot against the local Bot API server (issue 6)."""
