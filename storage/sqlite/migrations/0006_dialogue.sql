-- The dialogue (SPEC §3.5, §3.6, §3.10, §5 Answer): staff answers proposed, then sent
-- with a window to take them back; questions to the resident and the resident's
-- additions; several reply channels per feedback; ratings; answer templates.

-- Responses: replies and notes as before, and questions to the resident. A reply or a
-- question is public (shown by /status, delivered) from published_at, the end of its
-- undo window, unless withdrawn_at was set before then. A reply may correct an earlier
-- one (corrects). source: NULL for the committee's staff, else the agency it came from.
CREATE TABLE responses_v2 (
    id           INTEGER PRIMARY KEY,
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    kind         TEXT    NOT NULL CHECK (kind IN ('reply', 'note', 'question')),
    body         TEXT    NOT NULL,
    author       TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    delivery     TEXT,
    published_at TEXT,
    withdrawn_at TEXT,
    corrects     INTEGER REFERENCES responses_v2 (id),
    source       TEXT
);
INSERT INTO responses_v2 (id, feedback_id, kind, body, author, created_at, delivery, published_at)
    SELECT id, feedback_id, kind, body, author, created_at, delivery,
           CASE WHEN kind = 'reply' THEN created_at END
    FROM responses;
DROP TABLE responses;
ALTER TABLE responses_v2 RENAME TO responses;
CREATE INDEX responses_feedback ON responses (feedback_id, id);

-- A staff member's reply to one of the bot's messages about a feedback: nothing reaches
-- the resident until someone presses «Gửi trả lời» (sent) or keeps it as a note (noted).
CREATE TABLE proposals (
    id                INTEGER PRIMARY KEY,
    feedback_id       INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    kind              TEXT    NOT NULL CHECK (kind IN ('answer', 'question')),
    body              TEXT    NOT NULL,
    author            TEXT    NOT NULL,
    source            TEXT,
    corrects          INTEGER REFERENCES responses (id),
    created_at        TEXT    NOT NULL,
    state             TEXT    NOT NULL DEFAULT 'open'
                          CHECK (state IN ('open', 'sent', 'noted', 'dropped')),
    decided_by        TEXT,
    decided_at        TEXT,
    response_id       INTEGER REFERENCES responses (id),
    prompt_chat_id    INTEGER,
    prompt_message_id INTEGER
);
CREATE INDEX proposals_feedback ON proposals (feedback_id, id);

-- The bot's messages in the staff group (and in agencies' groups) about a feedback, so
-- that a reply to any of them is about that feedback; ref_id points at what the message
-- shows (a proposal, a response, a forward).
CREATE TABLE staff_messages_v2 (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    feedback_id INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN (
                    'card', 'part', 'photo', 'batch', 'proposal', 'addition', 'notice',
                    'ask_question', 'ask_reason', 'ask_agency', 'agency_card')),
    ref_id      INTEGER,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
INSERT INTO staff_messages_v2 (chat_id, message_id, feedback_id, role)
    SELECT chat_id, message_id, feedback_id, role FROM staff_messages;
DROP TABLE staff_messages;
ALTER TABLE staff_messages_v2 RENAME TO staff_messages;
CREATE INDEX staff_messages_feedback ON staff_messages (feedback_id, role);

-- Reply channels: every chat that asked to receive the answers of a feedback (the sender
-- at the receipt, or whoever holds the code, from /status). chat_key is a keyed hash of
-- the chat for this feedback alone, so the same chat asking twice is one channel, and
-- two feedbacks of one resident cannot be linked by it.
CREATE TABLE reply_channels_v2 (
    id          INTEGER PRIMARY KEY,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    chat_key    TEXT    NOT NULL,
    sealed_chat BLOB    NOT NULL,
    created_at  TEXT    NOT NULL,
    UNIQUE (feedback_id, chat_key)
);
INSERT INTO reply_channels_v2 (feedback_id, chat_key, sealed_chat, created_at)
    SELECT feedback_id, 'before-0006', sealed_chat, created_at FROM reply_channels;
DROP TABLE reply_channels;
ALTER TABLE reply_channels_v2 RENAME TO reply_channels;
CREATE INDEX reply_channels_created ON reply_channels (created_at);

-- Why a feedback was not handled, and where it was forwarded to: shown to the resident.
ALTER TABLE status_changes ADD COLUMN reason TEXT;
ALTER TABLE status_changes ADD COLUMN agency TEXT;

-- What the resident added afterwards (text or a photo): on their own, as the answer to a
-- staff question, or saying why they are not satisfied. No identity, like the feedback.
CREATE TABLE additions (
    id            INTEGER PRIMARY KEY,
    feedback_id   INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    kind          TEXT    NOT NULL DEFAULT 'addition'
                      CHECK (kind IN ('addition', 'answer', 'dissatisfied')),
    body          TEXT    NOT NULL DEFAULT '',
    photo_file_id TEXT,
    created_at    TEXT    NOT NULL
);
CREATE INDEX additions_feedback ON additions (feedback_id, id);

-- Whether the matter was settled, in the words of whoever holds the code: one rating per
-- feedback, a later one replaces it.
CREATE TABLE ratings (
    feedback_id INTEGER PRIMARY KEY REFERENCES feedback (id) ON DELETE CASCADE,
    satisfied   INTEGER NOT NULL CHECK (satisfied IN (0, 1)),
    rated_at    TEXT    NOT NULL
);
CREATE INDEX ratings_rated ON ratings (rated_at);

-- Standard answers admins keep, offered when an answer is proposed.
CREATE TABLE answer_templates (
    id         INTEGER PRIMARY KEY,
    body       TEXT    NOT NULL,
    created_at TEXT    NOT NULL,
    is_active  INTEGER NOT NULL DEFAULT 1 CHECK (is_active IN (0, 1))
);
