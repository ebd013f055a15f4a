-- A draft discarded for idleness leaves, with its notice, only the area it was for (sealed
-- by the bot, as the draft itself), so that the resident is offered the same area again
-- (SPEC §3.7). The draft's text and photos are gone with it.
ALTER TABLE resident_drafts ADD COLUMN sealed_area BLOB;
ALTER TABLE draft_expiry_notices ADD COLUMN sealed_area BLOB;
