"""Hòm thư góp ý: the Telegram side of the suggestion box."""
