-- No resident's Telegram id on disk, in any form (SPEC §4).
--
-- Drafts and conversation states were keyed by the plain ids, which stayed in the file as
-- b-tree keys even after their rows were deleted. They are now filed under keyed hashes,
-- and what must hold an id (to resume a conversation after a restart) is sealed by the
-- bot under its key, bound to its row. Storage only ever sees the hashes and the sealed
-- bytes. The old tables are renamed; at its next start the bot (which alone holds the
-- key) moves their rows into the new tables and drops them.
ALTER TABLE conversation_states RENAME TO legacy_conversation_states;
ALTER TABLE resident_drafts RENAME TO legacy_resident_drafts;

-- A draft being written: the draft and the user id, sealed for this resident key.
CREATE TABLE resident_drafts (
    resident_key TEXT PRIMARY KEY,
    sealed       BLOB NOT NULL,
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX resident_drafts_idle ON resident_drafts (updated_at);

-- An open conversation: its chat and user ids sealed for (name, conversation_key).
CREATE TABLE conversation_states (
    name             TEXT NOT NULL,
    conversation_key TEXT NOT NULL,
    resident_key     TEXT NOT NULL,
    sealed_key       BLOB NOT NULL,
    state            TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (name, conversation_key)
) WITHOUT ROWID;
CREATE INDEX conversation_states_idle ON conversation_states (updated_at);
CREATE INDEX conversation_states_resident ON conversation_states (resident_key);

-- The random token of the draft a feedback was sent from: sending the same draft again
-- (a double tap, or a tap after a crash between the commit and the receipt) finds the
-- feedback already stored instead of storing it twice. Random, so it identifies no one.
ALTER TABLE feedback ADD COLUMN submission TEXT;
CREATE UNIQUE INDEX feedback_submission ON feedback (submission) WHERE submission IS NOT NULL;

-- Reply channels sealed before they were bound to their feedback: the bot seals them again,
-- bound, at its next start, and removes this marker in the same transaction.
INSERT INTO bot_state (key, value)
    SELECT 'legacy_reply_channels', '1' WHERE EXISTS (SELECT 1 FROM reply_channels);

-- Groups the bot has been added to, as Telegram reported it (my_chat_member), so that the
-- operator can tell the staff group from a look-alike: nothing here is about residents.
CREATE TABLE bot_groups (
    chat_id        INTEGER PRIMARY KEY,
    title          TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    added_by_admin INTEGER NOT NULL CHECK (added_by_admin IN (0, 1)),
    updated_at     TEXT    NOT NULL
);
