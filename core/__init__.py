"""The product's rules: no Telegram, no HTTP, no SQL driver."""
