"""End-to-end tests: ``python -m bot`` as a process against a local Bot API server."""
