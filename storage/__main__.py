"""``python -m storage backup|restore``: back up the database while the bot runs, or restore
one while it is stopped. The work is the backend's (``storage.sqlite.cli``); this keeps the
command line where operators know it."""

from __future__ import annotations

import sys

from storage.sqlite.cli import main

if __name__ == "__main__":
    sys.exit(main())
