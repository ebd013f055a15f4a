"""What leaves the bot: the outbox worker, each message kind, staff cards, digests."""
