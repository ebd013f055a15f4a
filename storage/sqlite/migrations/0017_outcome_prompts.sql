-- Issue 19, item 19: «Đã giải quyết» asks staff for the result the resident will read, and
-- «Không thuộc thẩm quyền» asks where the resident may go instead. Replies to those two
-- prompts are recognised by the role of the prompt message, which the CHECK of 0006 did
-- not allow. The result is kept in status_changes.reason (with reason_preset for a standard
-- line, resolution_result_<n>) of the 'resolved' change; the place to go instead in
-- status_changes.agency of the 'rejected' change: no new column.
CREATE TABLE staff_messages_v3 (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    feedback_id INTEGER NOT NULL,
    role        TEXT    NOT NULL CHECK (role IN (
                    'card', 'part', 'photo', 'batch', 'proposal', 'addition', 'notice',
                    'ask_question', 'ask_reason', 'ask_agency', 'agency_card',
                    'ask_result', 'ask_elsewhere')),
    ref_id      INTEGER,
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
INSERT INTO staff_messages_v3 (chat_id, message_id, feedback_id, role, ref_id)
    SELECT chat_id, message_id, feedback_id, role, ref_id FROM staff_messages;
DROP TABLE staff_messages;
ALTER TABLE staff_messages_v3 RENAME TO staff_messages;
CREATE INDEX staff_messages_feedback ON staff_messages (feedback_id, role);
