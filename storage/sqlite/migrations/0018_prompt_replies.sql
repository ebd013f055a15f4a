-- Issue 19, review S3/S4: a prompt of «Không xử lý», «Không thuộc thẩm quyền», «Đã giải
-- quyết» or «Đã chuyển» acts only while it is live. Its staff_messages row keeps in ref_id
-- the id of the feedback's newest status change when it was asked (0: none); answering or
-- cancelling it sets ref_id to NULL, and a status change since makes the two differ. A
-- prompt recorded before this migration has no ref_id: it is dead (pressing the card's
-- button again asks anew).
--
-- The officer's reply that answered a prompt is kept here with the status change it made,
-- so that an edit of that reply within the undo window rewords the change (and after it is
-- refused where the officer sees it). field: which words the reply gave ('reason': the
-- reason or the result; 'agency': where the resident may go instead).
CREATE TABLE prompt_replies (
    chat_id     INTEGER NOT NULL,
    message_id  INTEGER NOT NULL,
    feedback_id INTEGER NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
    change_id   INTEGER NOT NULL,
    field       TEXT    NOT NULL CHECK (field IN ('reason', 'agency')),
    PRIMARY KEY (chat_id, message_id)
) WITHOUT ROWID;
CREATE INDEX prompt_replies_feedback ON prompt_replies (feedback_id);
