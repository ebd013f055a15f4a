-- The staff group: which of the bot's messages belong to which feedback, and what became of
-- delivering a public reply to the resident.

-- Every message the bot posted in the staff group about a feedback (its card, the rest of
-- a long card, its photos), so a reply to any of them reaches the right feedback; a
-- 'batch' message (several feedbacks packed during a surge) has feedback_id 0. No foreign
-- key on purpose: a reply to the notification of a deleted feedback must still be
-- recognised, and answered as such.
CREATE TABLE staff_messages (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    feedback_id INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN ('card', 'part', 'photo', 'batch')),
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX staff_messages_feedback ON staff_messages (feedback_id, role);

-- NULL: nothing to deliver (an internal note, or the resident did not ask for replies);
-- otherwise 'pending', 'delivered', 'blocked' (the resident blocked the bot) or 'failed'.
ALTER TABLE responses ADD COLUMN delivery TEXT;

CREATE INDEX outbox_feedback ON outbox (feedback_id, id);
CREATE INDEX reply_channels_created ON reply_channels (created_at);
