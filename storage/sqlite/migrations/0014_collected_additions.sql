-- Issue 19, item 9: «Bổ sung» is collected like a draft (several messages and photos, then
-- one send) and reaches staff as one message under the card. An addition now holds every
-- photo sent with it, in order (a JSON array; ``photo_file_id`` keeps the first, as reports
-- and exports read it), and the token of the send that stored it: a second press, or a press
-- again after a crash between storing and forgetting what was collected, stores nothing more.
ALTER TABLE additions ADD COLUMN photo_file_ids TEXT;
ALTER TABLE additions ADD COLUMN submission TEXT;
CREATE UNIQUE INDEX additions_submission ON additions (submission) WHERE submission IS NOT NULL;
