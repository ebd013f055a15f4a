-- Reply channels are forgotten 30 days after their feedback was closed (resolved or
-- rejected). Each channel carries when its feedback was closed, set by triggers in the same
-- transaction as the change of status, so the six-hourly cleanup reads the range of an
-- index holding the closed channels only, not the feedback of all history.
ALTER TABLE reply_channels ADD COLUMN closed_at TEXT;
UPDATE reply_channels SET closed_at = (
    SELECT f.status_changed_at FROM feedback f
    WHERE f.id = reply_channels.feedback_id AND f.status IN ('resolved', 'rejected'));
CREATE INDEX reply_channels_closed ON reply_channels (closed_at) WHERE closed_at IS NOT NULL;

CREATE TRIGGER reply_channels_follow_status AFTER UPDATE OF status, status_changed_at
ON feedback
WHEN NEW.status IS NOT OLD.status OR NEW.status_changed_at IS NOT OLD.status_changed_at
BEGIN
    UPDATE reply_channels
    SET closed_at = CASE WHEN NEW.status IN ('resolved', 'rejected')
                         THEN NEW.status_changed_at END
    WHERE feedback_id = NEW.id;
END;

CREATE TRIGGER reply_channels_of_closed AFTER INSERT ON reply_channels
BEGIN
    UPDATE reply_channels SET closed_at = (
        SELECT f.status_changed_at FROM feedback f
        WHERE f.id = NEW.feedback_id AND f.status IN ('resolved', 'rejected'))
    WHERE id = NEW.id;
END;
