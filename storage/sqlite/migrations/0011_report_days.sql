-- Counts of feedback per day of creation (UTC date of created_at), kept by triggers in the
-- same transaction as every change of the feedback they count, so /stats and the digest
-- read a few rows per day instead of every feedback of their period: /stats 30 on five
-- million feedbacks a year read 400,000 index entries and looked up 200,000 rows for the
-- on-time share (docs/performance.md). Only the partial days at the ends of a period are
-- counted from feedback itself.
CREATE TABLE report_area_days (
    day       TEXT    NOT NULL,
    area_id   INTEGER NOT NULL,
    feedbacks INTEGER NOT NULL,
    PRIMARY KEY (day, area_id)
) WITHOUT ROWID;

CREATE TABLE report_topic_days (
    day       TEXT    NOT NULL,
    topic_id  INTEGER NOT NULL,
    feedbacks INTEGER NOT NULL,
    PRIMARY KEY (day, topic_id)
) WITHOUT ROWID;

-- on_time: of those in status 'resolved', how many were resolved by their due date.
CREATE TABLE report_status_days (
    day       TEXT    NOT NULL,
    status    TEXT    NOT NULL,
    feedbacks INTEGER NOT NULL,
    on_time   INTEGER NOT NULL,
    PRIMARY KEY (day, status)
) WITHOUT ROWID;

-- Ratings of the feedback created that day (one per feedback at most).
CREATE TABLE report_rating_days (
    day       TEXT    PRIMARY KEY,
    ratings   INTEGER NOT NULL,
    satisfied INTEGER NOT NULL
) WITHOUT ROWID;

INSERT INTO report_area_days (day, area_id, feedbacks)
SELECT substr(created_at, 1, 10), area_id, COUNT(*) FROM feedback GROUP BY 1, 2;
INSERT INTO report_topic_days (day, topic_id, feedbacks)
SELECT substr(created_at, 1, 10), topic_id, COUNT(*) FROM feedback GROUP BY 1, 2;
INSERT INTO report_status_days (day, status, feedbacks, on_time)
SELECT substr(created_at, 1, 10), status, COUNT(*),
       COALESCE(SUM(status = 'resolved' AND resolved_at <= due_at), 0)
FROM feedback GROUP BY 1, 2;
INSERT INTO report_rating_days (day, ratings, satisfied)
SELECT substr(f.created_at, 1, 10), COUNT(*), SUM(r.satisfied)
FROM ratings r JOIN feedback f ON f.id = r.feedback_id GROUP BY 1;

CREATE TRIGGER report_days_insert AFTER INSERT ON feedback
BEGIN
    INSERT INTO report_area_days (day, area_id, feedbacks)
    VALUES (substr(NEW.created_at, 1, 10), NEW.area_id, 1)
    ON CONFLICT (day, area_id) DO UPDATE SET feedbacks = feedbacks + 1;
    INSERT INTO report_topic_days (day, topic_id, feedbacks)
    VALUES (substr(NEW.created_at, 1, 10), NEW.topic_id, 1)
    ON CONFLICT (day, topic_id) DO UPDATE SET feedbacks = feedbacks + 1;
    INSERT INTO report_status_days (day, status, feedbacks, on_time)
    VALUES (substr(NEW.created_at, 1, 10), NEW.status, 1,
            COALESCE(NEW.status = 'resolved' AND NEW.resolved_at <= NEW.due_at, 0))
    ON CONFLICT (day, status) DO UPDATE SET
        feedbacks = feedbacks + 1, on_time = on_time + excluded.on_time;
END;

CREATE TRIGGER report_days_area AFTER UPDATE OF area_id, created_at ON feedback
WHEN OLD.area_id IS NOT NEW.area_id
  OR substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
BEGIN
    UPDATE report_area_days SET feedbacks = feedbacks - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND area_id = OLD.area_id;
    INSERT INTO report_area_days (day, area_id, feedbacks)
    VALUES (substr(NEW.created_at, 1, 10), NEW.area_id, 1)
    ON CONFLICT (day, area_id) DO UPDATE SET feedbacks = feedbacks + 1;
END;

CREATE TRIGGER report_days_topic AFTER UPDATE OF topic_id, created_at ON feedback
WHEN OLD.topic_id IS NOT NEW.topic_id
  OR substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
BEGIN
    UPDATE report_topic_days SET feedbacks = feedbacks - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND topic_id = OLD.topic_id;
    INSERT INTO report_topic_days (day, topic_id, feedbacks)
    VALUES (substr(NEW.created_at, 1, 10), NEW.topic_id, 1)
    ON CONFLICT (day, topic_id) DO UPDATE SET feedbacks = feedbacks + 1;
END;

CREATE TRIGGER report_days_status AFTER UPDATE OF status, resolved_at, due_at, created_at
ON feedback
WHEN OLD.status IS NOT NEW.status
  OR OLD.resolved_at IS NOT NEW.resolved_at
  OR OLD.due_at IS NOT NEW.due_at
  OR substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
BEGIN
    UPDATE report_status_days SET
        feedbacks = feedbacks - 1,
        on_time = on_time - COALESCE(OLD.status = 'resolved' AND OLD.resolved_at <= OLD.due_at, 0)
    WHERE day = substr(OLD.created_at, 1, 10) AND status = OLD.status;
    INSERT INTO report_status_days (day, status, feedbacks, on_time)
    VALUES (substr(NEW.created_at, 1, 10), NEW.status, 1,
            COALESCE(NEW.status = 'resolved' AND NEW.resolved_at <= NEW.due_at, 0))
    ON CONFLICT (day, status) DO UPDATE SET
        feedbacks = feedbacks + 1, on_time = on_time + excluded.on_time;
END;

CREATE TRIGGER report_days_rating_moves AFTER UPDATE OF created_at ON feedback
WHEN substr(OLD.created_at, 1, 10) IS NOT substr(NEW.created_at, 1, 10)
 AND EXISTS (SELECT 1 FROM ratings WHERE feedback_id = NEW.id)
BEGIN
    UPDATE report_rating_days SET
        ratings = ratings - 1,
        satisfied = satisfied - (SELECT satisfied FROM ratings WHERE feedback_id = NEW.id)
    WHERE day = substr(OLD.created_at, 1, 10);
    INSERT INTO report_rating_days (day, ratings, satisfied)
    VALUES (substr(NEW.created_at, 1, 10), 1,
            (SELECT satisfied FROM ratings WHERE feedback_id = NEW.id))
    ON CONFLICT (day) DO UPDATE SET
        ratings = ratings + 1, satisfied = satisfied + excluded.satisfied;
END;

-- A feedback's ratings go with it (ON DELETE CASCADE): they are taken off here, before
-- the feedback row is gone, and report_days_unrate finds no feedback for them after.
CREATE TRIGGER report_days_delete BEFORE DELETE ON feedback
BEGIN
    UPDATE report_area_days SET feedbacks = feedbacks - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND area_id = OLD.area_id;
    UPDATE report_topic_days SET feedbacks = feedbacks - 1
    WHERE day = substr(OLD.created_at, 1, 10) AND topic_id = OLD.topic_id;
    UPDATE report_status_days SET
        feedbacks = feedbacks - 1,
        on_time = on_time - COALESCE(OLD.status = 'resolved' AND OLD.resolved_at <= OLD.due_at, 0)
    WHERE day = substr(OLD.created_at, 1, 10) AND status = OLD.status;
    UPDATE report_rating_days SET
        ratings = ratings - 1,
        satisfied = satisfied - (SELECT satisfied FROM ratings WHERE feedback_id = OLD.id)
    WHERE day = substr(OLD.created_at, 1, 10)
      AND EXISTS (SELECT 1 FROM ratings WHERE feedback_id = OLD.id);
END;

CREATE TRIGGER report_days_rate AFTER INSERT ON ratings
BEGIN
    INSERT INTO report_rating_days (day, ratings, satisfied)
    SELECT substr(created_at, 1, 10), 1, NEW.satisfied FROM feedback WHERE id = NEW.feedback_id
    ON CONFLICT (day) DO UPDATE SET
        ratings = ratings + 1, satisfied = satisfied + excluded.satisfied;
END;

CREATE TRIGGER report_days_rerate AFTER UPDATE OF feedback_id, satisfied ON ratings
WHEN OLD.feedback_id IS NOT NEW.feedback_id OR OLD.satisfied IS NOT NEW.satisfied
BEGIN
    UPDATE report_rating_days SET ratings = ratings - 1, satisfied = satisfied - OLD.satisfied
    WHERE day = (SELECT substr(created_at, 1, 10) FROM feedback WHERE id = OLD.feedback_id);
    INSERT INTO report_rating_days (day, ratings, satisfied)
    SELECT substr(created_at, 1, 10), 1, NEW.satisfied FROM feedback WHERE id = NEW.feedback_id
    ON CONFLICT (day) DO UPDATE SET
        ratings = ratings + 1, satisfied = satisfied + excluded.satisfied;
END;

CREATE TRIGGER report_days_unrate AFTER DELETE ON ratings
BEGIN
    UPDATE report_rating_days SET ratings = ratings - 1, satisfied = satisfied - OLD.satisfied
    WHERE day = (SELECT substr(created_at, 1, 10) FROM feedback WHERE id = OLD.feedback_id);
END;

-- Feedback by area is read through the partial index of the backlog (feedback_open_area,
-- 0007) and counted from report_area_days; this index of every feedback's area made
-- SQLite count /open of one area over that area's whole history.
DROP INDEX feedback_area;
