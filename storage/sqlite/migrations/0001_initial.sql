-- Hòm thư góp ý: initial schema.
-- Never edit this file once applied; add 0002_*.sql instead.
-- Times are UTC text 'YYYY-MM-DDTHH:MM:SS.ffffffZ' so they sort as they compare.

CREATE TABLE areas (
    id          INTEGER PRIMARY KEY,
    code        TEXT    NOT NULL UNIQUE,
    name        TEXT    NOT NULL,
    is_open     INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    created_at  TEXT    NOT NULL
);

CREATE TABLE topics (
    id          INTEGER PRIMARY KEY,
    name_vi     TEXT    NOT NULL,
    name_en     TEXT    NOT NULL,
    is_open     INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    created_at  TEXT    NOT NULL
);

-- Every code ever issued, kept even if its feedback were removed, so none is reused.
CREATE TABLE reference_codes (
    code        TEXT PRIMARY KEY,
    issued_at   TEXT NOT NULL
) WITHOUT ROWID;

-- No column here may identify the resident (SPEC §4).
CREATE TABLE feedback (
    id                INTEGER PRIMARY KEY,
    code              TEXT    NOT NULL UNIQUE REFERENCES reference_codes (code),
    area_id           INTEGER NOT NULL REFERENCES areas (id),
    topic_id          INTEGER NOT NULL REFERENCES topics (id),
    body              TEXT    NOT NULL,
    status            TEXT    NOT NULL DEFAULT 'new' CHECK (status IN
                          ('new', 'received', 'in_progress', 'forwarded', 'resolved', 'rejected')),
    created_at        TEXT    NOT NULL,
    status_changed_at TEXT    NOT NULL
);
CREATE INDEX feedback_created_at ON feedback (created_at);
CREATE INDEX feedback_status ON feedback (status, created_at);
CREATE INDEX feedback_area ON feedback (area_id);
CREATE INDEX feedback_topic ON feedback (topic_id);

CREATE TABLE feedback_photos (
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    file_id     TEXT    NOT NULL,
    PRIMARY KEY (feedback_id, position)
) WITHOUT ROWID;

-- changed_by is a staff member's display name (staff are not anonymous); NULL when the
-- change was the resident's submission.
CREATE TABLE status_changes (
    id          INTEGER PRIMARY KEY,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    status      TEXT    NOT NULL,
    changed_by  TEXT,
    changed_at  TEXT    NOT NULL
);
CREATE INDEX status_changes_feedback ON status_changes (feedback_id, id);

-- Public replies (shown by /status) and internal notes (staff only).
CREATE TABLE responses (
    id          INTEGER PRIMARY KEY,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('reply', 'note')),
    body        TEXT    NOT NULL,
    author      TEXT    NOT NULL,
    created_at  TEXT    NOT NULL
);
CREATE INDEX responses_feedback ON responses (feedback_id, id);

-- The only link from a feedback to a chat: the chat id sealed with an AEAD key that is not
-- in the database, present only when the resident asked for replies.
CREATE TABLE reply_channels (
    feedback_id  INTEGER PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,
    sealed_chat  BLOB    NOT NULL,
    created_at   TEXT    NOT NULL
);

-- Durable delivery to the staff group and to residents: a row is written in the same
-- transaction as the change that caused it, and a worker delivers it.
CREATE TABLE outbox (
    id                  INTEGER PRIMARY KEY,
    kind                TEXT    NOT NULL,
    feedback_id         INTEGER REFERENCES feedback (id) ON DELETE SET NULL,
    payload             TEXT    NOT NULL DEFAULT '{}',
    created_at          TEXT    NOT NULL,
    attempts            INTEGER NOT NULL DEFAULT 0,
    next_attempt_at     TEXT    NOT NULL,
    delivered_at        TEXT,
    telegram_message_id INTEGER,
    last_error          TEXT,
    failed_at           TEXT
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL
    AND failed_at IS NULL;

-- Per-resident preferences, keyed by a keyed hash of the Telegram id, never the id.
CREATE TABLE resident_prefs (
    resident_key TEXT PRIMARY KEY,
    language     TEXT NOT NULL CHECK (language IN ('vi', 'en')),
    updated_at   TEXT NOT NULL
) WITHOUT ROWID;

-- A draft discarded for idleness, to tell the resident on their next message.
CREATE TABLE draft_expiry_notices (
    resident_key TEXT PRIMARY KEY,
    expired_at   TEXT NOT NULL
) WITHOUT ROWID;

-- Conversation state and draft while a resident is writing: keyed by the Telegram ids,
-- deleted when the conversation ends or the draft goes idle.
CREATE TABLE conversation_states (
    name        TEXT NOT NULL,
    chat_id     INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    state       TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (name, chat_id, user_id)
) WITHOUT ROWID;

CREATE TABLE resident_drafts (
    user_id     INTEGER PRIMARY KEY,
    data        TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
CREATE INDEX resident_drafts_updated ON resident_drafts (updated_at);

CREATE TABLE bot_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
