-- The committee's desk (SPEC §5, §6): deadlines in working days, who handles what,
-- agencies and forwarding, a location per feedback, and a search index.

-- Working days allowed for a topic; NULL: SLA_DAYS.
ALTER TABLE topics ADD COLUMN sla_days INTEGER CHECK (sla_days BETWEEN 1 AND 365);

-- due_at: the end of the last working day allowed (UTC). Feedback stored before this
-- migration gets it from the bot at its next start (it needs the holiday calendar).
ALTER TABLE feedback ADD COLUMN due_at TEXT;
-- The officer who took the feedback on (staff are not anonymous), and since when.
ALTER TABLE feedback ADD COLUMN handler TEXT;
-- When the feedback last became resolved (NULL while it is not).
ALTER TABLE feedback ADD COLUMN resolved_at TEXT;
-- Where the matter is, when the resident sent a location.
ALTER TABLE feedback ADD COLUMN latitude REAL;
ALTER TABLE feedback ADD COLUMN longitude REAL;
UPDATE feedback SET resolved_at = status_changed_at WHERE status = 'resolved';

-- The backlog is read by deadline, by area and by handler; these indexes hold unresolved
-- feedback only, so their size follows the backlog, not the years of history.
CREATE INDEX feedback_open_due ON feedback (due_at, id)
    WHERE status IN ('new', 'received', 'in_progress', 'forwarded');
CREATE INDEX feedback_open_created ON feedback (created_at, id)
    WHERE status IN ('new', 'received', 'in_progress', 'forwarded');
CREATE INDEX feedback_open_area ON feedback (area_id, created_at, id)
    WHERE status IN ('new', 'received', 'in_progress', 'forwarded');
CREATE INDEX feedback_open_handler ON feedback (handler, created_at, id)
    WHERE status IN ('new', 'received', 'in_progress', 'forwarded');
CREATE INDEX feedback_resolved ON feedback (resolved_at) WHERE resolved_at IS NOT NULL;

-- Every taking-on and takeover, with who and when.
CREATE TABLE assignments (
    id          INTEGER PRIMARY KEY,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    officer     TEXT    NOT NULL,
    assigned_at TEXT    NOT NULL
);
CREATE INDEX assignments_feedback ON assignments (feedback_id, id);

-- The bodies that resolve matters, and the Telegram group of each (optional).
CREATE TABLE agencies (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    chat_id    INTEGER,
    is_open    INTEGER NOT NULL DEFAULT 1 CHECK (is_open IN (0, 1)),
    created_at TEXT    NOT NULL
);

-- A feedback forwarded to an agency (one of the list, or a name typed by staff), and what
-- the agency's group did with it.
CREATE TABLE forwards (
    id           INTEGER PRIMARY KEY,
    feedback_id  INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    agency_id    INTEGER REFERENCES agencies (id),
    agency_name  TEXT    NOT NULL,
    forwarded_by TEXT    NOT NULL,
    forwarded_at TEXT    NOT NULL,
    received_at  TEXT,
    done_at      TEXT
);
CREATE INDEX forwards_feedback ON forwards (feedback_id, id);
CREATE INDEX forwards_time ON forwards (forwarded_at);

-- Full-text search over what was written about a feedback: its text, answers, notes and
-- the resident's additions, without case or Vietnamese diacritics ("dien luc" finds
-- "Điện lực"). Kept in step by the triggers below, in the same transaction as each write.
-- The rowid says what a row is: 4·id for a feedback, 4·id + 1 for a response, 4·id + 2
-- for an addition, so that one row is found (and removed) by its key alone.
CREATE VIRTUAL TABLE search USING fts5 (
    text,
    feedback_id UNINDEXED,
    kind UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search (rowid, text, feedback_id, kind)
    SELECT 4 * id, body, id, 'feedback' FROM feedback;
INSERT INTO search (rowid, text, feedback_id, kind)
    SELECT 4 * id + 1, body, feedback_id, kind FROM responses WHERE withdrawn_at IS NULL;
INSERT INTO search (rowid, text, feedback_id, kind)
    SELECT 4 * id + 2, body, feedback_id, 'addition' FROM additions WHERE body != '';

CREATE TRIGGER search_feedback AFTER INSERT ON feedback BEGIN
    INSERT INTO search (rowid, text, feedback_id, kind)
        VALUES (4 * new.id, new.body, new.id, 'feedback');
END;
CREATE TRIGGER search_response AFTER INSERT ON responses BEGIN
    INSERT INTO search (rowid, text, feedback_id, kind)
        VALUES (4 * new.id + 1, new.body, new.feedback_id, new.kind);
END;
CREATE TRIGGER search_response_withdrawn AFTER UPDATE OF withdrawn_at ON responses
    WHEN new.withdrawn_at IS NOT NULL BEGIN
    DELETE FROM search WHERE rowid = 4 * new.id + 1;
END;
CREATE TRIGGER search_addition AFTER INSERT ON additions WHEN new.body != '' BEGIN
    INSERT INTO search (rowid, text, feedback_id, kind)
        VALUES (4 * new.id + 2, new.body, new.feedback_id, 'addition');
END;
