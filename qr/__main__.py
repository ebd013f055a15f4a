"""`python -m qr`: see qr/cli.py."""

from qr.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
