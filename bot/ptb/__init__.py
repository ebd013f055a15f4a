"""python-telegram-bot plumbing: the context, persistence, transport, update order."""
