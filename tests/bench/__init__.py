"""Performance benchmarks of the bot against the local Bot API server (issue 6): run by
``python -m bench`` (which starts ``python -m tests.bench``)."""
