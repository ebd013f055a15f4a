"""Documents the committee prints or files: reports, forwarding slips, exports, charts.

Plain data in, file bytes out: nothing here knows Telegram or the database, and every word
a reader sees comes from the words given. The heavy libraries (python-docx, fpdf2,
openpyxl, matplotlib) are imported inside the functions that draw with them, so that
importing this package costs the bot's start-up nothing.
"""
