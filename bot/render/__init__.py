"""How things read in Telegram: cards, keyboards, menus, reports."""
