"""Telegram handlers, one module per audience."""
