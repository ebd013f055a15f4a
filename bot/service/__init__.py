"""Running the bot as a service: configuration, checks, logs, start and stop."""
