-- Officers told apart by their Telegram account, not their names (issue 19, item 13): the
-- keyed hash of the officer's id (its own key, not the residents'; never the id itself).
-- Rows from before keep their names and no key: they are still shown by name.
ALTER TABLE feedback ADD COLUMN handler_key TEXT;
ALTER TABLE assignments ADD COLUMN officer_key TEXT;
CREATE INDEX feedback_open_handler_key ON feedback (handler_key, created_at, id)
    WHERE status IN ('new', 'received', 'in_progress', 'forwarded');

-- Staff groups Telegram upgraded to a supergroup (issue 19, item 11): the bot follows the
-- move by itself, and keeps following it after a restart with the old id in .env.
CREATE TABLE staff_chat_moves (
    from_chat_id INTEGER PRIMARY KEY,
    to_chat_id   INTEGER NOT NULL,
    moved_at     TEXT    NOT NULL
) WITHOUT ROWID;
