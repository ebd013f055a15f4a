-- Issue 19, items 3 and 4: what goes out is what the officer saw.
-- A proposal's text changes when a template is chosen or the officer edits their reply;
-- each change counts a new version, and «Gửi trả lời» names the version its message showed,
-- so a press on words since replaced sends nothing. The officer's reply the proposal came
-- from is remembered (its chat and message), so that an edit of it reaches the proposal.
ALTER TABLE proposals ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE proposals ADD COLUMN reply_chat_id INTEGER;
ALTER TABLE proposals ADD COLUMN reply_message_id INTEGER;
CREATE INDEX proposals_reply ON proposals (reply_chat_id, reply_message_id);
